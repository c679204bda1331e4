"""Pydantic models: what the content YAML may say, and what a saved session holds.

Content models are strict (unknown keys are errors) because a typo in a content file should be
caught by `rebound content validate`, not discovered halfway through someone's bad day.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from rebound import templates

SCHEMA_VERSION: Final = 4

ENTRY_ID: Final = "_id"
"""The key under which each entry of a list answer keeps its stable id ('e1', 'e2'...), given
when the entry is started. No content can declare it: field ids start with a letter."""

_ID = re.compile(r"^[a-z][a-z0-9_-]*$")

Scalar = str | int | bool
Item = dict[str, Scalar | None]
AnswerValue = bool | int | str | list[str] | list[Item] | None

FieldKind = Literal["text", "email", "date", "number", "select", "checkbox", "confirm"]
PromptKind = Literal["text", "email", "date", "number", "select", "checkbox", "confirm", "list"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _check_id(value: str) -> str:
    # Starting with a letter also keeps ENTRY_ID ('_id') out of every pack.
    if not _ID.match(value):
        raise ValueError("use lower-case letters, digits, '-' or '_', starting with a letter")
    return value


class Choice(_Strict):
    """One option of a select or checkbox prompt."""

    value: str
    label: str


class Condition(_Strict):
    """When a prompt is asked, a line is said or a checklist item counts as done.

    Exactly one test is given: `equals` (the answer is this value), `one_of` (it is one of these),
    `not_one_of` (it is none of these, or not given), `contains` (a checkbox answer includes this
    value) or `answered` (the answer is, or is not, non-empty). With `filter`, the test looks at
    the answer passed through that template filter (`{prompt: messenger_name, filter:
    address_sure, equals: false}`). Where a list of conditions is allowed, all of them must hold.
    """

    prompt: str
    filter: str | None = None
    equals: Scalar | None = None
    one_of: list[Scalar] | None = None
    not_one_of: list[Scalar] | None = None
    contains: str | None = None
    answered: bool | None = None

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        tests = (self.equals, self.one_of, self.not_one_of, self.contains, self.answered)
        if sum(x is not None for x in tests) != 1:
            raise ValueError(
                "give exactly one of 'equals', 'one_of', 'not_one_of', 'contains' or 'answered'"
            )
        if self.filter is not None and self.filter not in templates.FILTERS:
            raise ValueError(
                f"unknown filter '{self.filter}' (known: {', '.join(templates.FILTERS)})"
            )
        return self


Conditions = Condition | list[Condition]


class Said(_Strict):
    """A sentence said only when its condition holds: `{text: ..., when: {...}}`.

    Wherever content takes a list of `Line`s, a plain string is always said. A list that is one
    text (a step's `why` or `done`, a label, a draft's part) says the first line that holds; a
    list of several (guidance, tips) says every line that holds.
    """

    text: str
    when: Conditions


Line = str | Said


class DueAfter(_Strict):
    """A due date some days after a prompt was answered (e.g. a follow-up a week after asking)."""

    prompt: str
    days: int = Field(ge=0, le=365)


class Nudge(_Strict):
    """A gentle push back when a date is further away than is good for the person."""

    after_days: int = Field(ge=0)
    message: str


class FieldDef(_Strict):
    """A single question. Also used for the fields of one entry of a list prompt.

    `default_from` is a template over the earlier answers whose text is offered as the default
    (`"{{messenger_name|address}}"`). When such a question is skipped because its `when` does not
    hold, drafts read that computed default as its answer: it was skipped because it was sure.
    """

    id: str
    kind: FieldKind = "text"
    message: str
    help: str | None = None
    default: Scalar | list[str] | None = None
    default_from: str | None = None
    required: bool = False
    choices: list[Choice] = []
    when: Condition | None = None
    remember: bool = False
    nudge: Nudge | None = None
    minimum: int | None = None
    maximum: int | None = None

    _valid_id = field_validator("id")(_check_id)

    @model_validator(mode="after")
    def _choices_fit_kind(self) -> FieldDef:
        if self.kind in ("select", "checkbox") and not self.choices:
            raise ValueError(f"a '{self.kind}' prompt needs 'choices'")
        if self.kind not in ("select", "checkbox") and self.choices:
            raise ValueError(f"'choices' only go with select or checkbox, not '{self.kind}'")
        if self.nudge is not None and self.kind != "date":
            raise ValueError("'nudge' only goes with a date prompt")
        values = [c.value for c in self.choices]
        if len(set(values)) != len(values):
            raise ValueError("two choices share a value")
        if self.kind == "select" and self.default is not None and self.default not in values:
            raise ValueError(f"default {self.default!r} is not one of the choices")
        if self.default_from is not None and (self.default is not None or self.kind != "text"):
            raise ValueError("'default_from' goes with a text prompt that has no 'default'")
        return self


class PromptDef(FieldDef):
    """A prompt of a step. A `list` prompt repeats its `fields` until the person says done."""

    kind: PromptKind = "text"  # type: ignore[assignment]
    fields: list[FieldDef] = []
    first: str | None = None
    more: str | None = None
    min_items: int = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _list_shape(self) -> PromptDef:
        if self.kind == "list":
            if not self.fields:
                raise ValueError("a 'list' prompt needs 'fields'")
            if not self.more:
                raise ValueError("a 'list' prompt needs 'more' (the 'add another?' question)")
            if self.min_items == 0 and not self.first:
                raise ValueError("a 'list' prompt with min_items 0 needs 'first' (the 'add one?')")
            ids = [f.id for f in self.fields]
            if len(set(ids)) != len(ids):
                raise ValueError("two fields share an id")
        elif self.fields:
            raise ValueError("'fields' only go with a 'list' prompt")
        return self


class Draft(_Strict):
    """A text made from the person's answers: an email, a post, interview notes.

    `to` and `subject` (templates, or lists of `Line`s: the first that holds) make it a message
    with a recipient; `channel` says how it goes ('email', 'linkedin', or a template such as
    `{{channel}}`, filled with answers' values rather than their labels). `parts` are named
    pieces of text chosen by the answers, which the template reads like answers (`{{opening}}`).
    `when` says whether the draft exists at all. `each` makes one draft per entry of a list
    answer (ids `ID-1`, `ID-2`, ...), whose fields its templates and conditions read. `limits`
    caps the length of the body by channel (`{linkedin: 300}`): while it is too long, the last
    of the `optional` parts steps down to its next line that holds, and at last to nothing.
    `send` says how a message goes out (an email, a post, a message); notes kept for yourself
    have none, and the walk offers to copy, mail or edit only the drafts that have one. `ticks`
    names the checklist item (of the same step) that sending it ticks off.
    """

    id: str
    title: str
    template: str
    before: str | None = None
    send: Literal["email", "post", "message"] | None = None
    ticks: str | None = None
    when: Conditions | None = None
    each: str | None = None
    to: str | list[Line] | None = None
    subject: str | list[Line] | None = None
    channel: str | None = None
    parts: dict[str, list[Line]] = {}
    optional: list[str] = []
    limits: dict[str, int] = {}

    _valid_id = field_validator("id")(_check_id)

    @model_validator(mode="after")
    def _parts(self) -> Draft:
        for name in [*self.parts, *self.optional]:
            if not re.match(r"^[a-z][a-z0-9_]*$", name):
                raise ValueError(f"'{name}': a part's name is lower-case letters, digits or '_'")
        unknown = [name for name in self.optional if name not in self.parts]
        if unknown:
            raise ValueError(f"'{unknown[0]}' in 'optional' is not one of the 'parts'")
        if self.limits and self.channel is None:
            raise ValueError("'limits' need a 'channel' to pick one by")
        if self.ticks is not None and self.send is None:
            raise ValueError("'ticks' only goes with a draft that is sent ('send')")
        return self


class ChecklistItem(_Strict):
    """One line of the summary checklist.

    `each` makes one item per entry of a list answer (ids `ID-1`, `ID-2`, ... numbered by the
    entry's stable id, so an item keeps its id when an entry before it is taken out); `due`
    names the answer (or entry field) holding its date, `due_after` sets it some days after a
    prompt was answered; `info` items are facts, not things to tick.
    """

    id: str
    label: str | list[Line]
    done_when: Condition | None = None
    each: str | None = None
    due: str | None = None
    due_after: DueAfter | None = None
    next: str | None = None
    info: bool = False
    when: Conditions | None = None

    _valid_id = field_validator("id")(_check_id)

    @model_validator(mode="after")
    def _one_due(self) -> ChecklistItem:
        if self.due is not None and self.due_after is not None:
            raise ValueError("give 'due' or 'due_after', not both")
        if self.info and (self.due or self.due_after or self.done_when):
            raise ValueError("an 'info' item has no due date and is never done")
        return self


class Step(_Strict):
    """One of the five steps, as the content YAML describes it."""

    id: str
    title: str
    short: str
    why: str | list[Line]
    guidance: list[Line]
    tips: list[Line] = []
    prompts: list[PromptDef]
    drafts: list[Draft] = []
    checklist: list[ChecklistItem] = []
    done: str | list[Line] | None = None

    _valid_id = field_validator("id")(_check_id)

    @model_validator(mode="after")
    def _ticks_own_items(self) -> Step:
        items = {c.id for c in self.checklist}
        for d in self.drafts:
            if d.ticks is not None and d.ticks not in items:
                raise ValueError(f"draft '{d.id}' ticks '{d.ticks}', not an item of this step")
        return self


class Opening(_Strict):
    """The welcome and the questions about the call itself, asked before step 1."""

    title: str
    welcome: list[str]
    prompts: list[PromptDef]


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Words(_Strict):
    """The words drafts put between answers ('a, b and c', yes/no), in the pack's language, and
    the words for dates people may type (besides YYYY-MM-DD, '+3d', '+2w' and the English ones).
    """

    and_: str = Field(default="and", alias="and")
    yes: str = "yes"
    no: str = "no"
    # Whose grammar the `role` and `a` filters follow ('a role as an engineer', 'un puesto').
    grammar: Literal["en", "es"] = "en"
    # How a draft greets someone (`greeting`): by a title ('Dr. Park'; `title_f`/`title_m` for a
    # title that says a gender, where the language greets women and men differently) or by name.
    greetings: dict[str, str] = Field(
        default_factory=lambda: {"title": "Dear {{name}},", "name": "Hi {{name}},"}
    )
    dates: dict[str, int] = Field(default_factory=dict)  # 'mañana': 1, days from today
    months: list[str] = Field(  # as `rebound stats` names them
        default_factory=lambda: list(MONTHS), min_length=12, max_length=12
    )

    @field_validator("greetings")
    @classmethod
    def _greetings(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = set(value) - {"title", "title_f", "title_m", "name"}
        if unknown:
            raise ValueError(f"'{sorted(unknown)[0]}': use title, title_f, title_m or name")
        for key in value.keys() | {"title", "name"}:
            if "{{name}}" not in value.get(key, ""):
                raise ValueError(f"give '{key}', with {{{{name}}}} where the name goes")
        return value

    @field_validator("dates")
    @classmethod
    def _dates(cls, value: dict[str, int]) -> dict[str, int]:
        for word, days in value.items():
            if not word.strip() or word != " ".join(word.lower().split()):
                raise ValueError(f"'{word}': write date words in lower case, single-spaced")
            if abs(days) > 366:
                raise ValueError(f"'{word}': at most a year (366 days) from today")
        return value


class FeedbackLater(_Strict):
    """What `rebound feedback` asks when the reasons arrive after the call, and what it ticks."""

    prompts: list[str] = []  # ids of prompts of one step, in the order they are asked
    # Checklist items of that step ticked once the answers are in ("feedback received"), and
    # the pending ones it settles (the follow-up); those not on the checklist are let be.
    ticks: list[str] = []


class FollowUp(_Strict):
    """How rebound follows up across sessions, weeks after the call.

    `keep_in_touch` gives the weeks between two touches by how the person knows a contact (the
    values of the contacts' `relation` field), `keep_in_touch_default` for any other; `reapply`
    names the checklist item whose date is the day the company may be asked again.
    """

    keep_in_touch: dict[str, int] = {}
    keep_in_touch_default: int = Field(default=8, ge=1, le=52)
    feedback: FeedbackLater = Field(default_factory=FeedbackLater)
    reapply: str | None = None

    @field_validator("keep_in_touch")
    @classmethod
    def _weeks(cls, value: dict[str, int]) -> dict[str, int]:
        for relation, weeks in value.items():
            if not 1 <= weeks <= 52:
                raise ValueError(f"'{relation}': give between 1 and 52 weeks")
        return value


UI_NAMES = frozenset(
    {"value", "number", "total", "title", "list", "count", "name", "where", "date", "id"}
)


class Ui(_Strict):
    """The coach's own words around the steps, so that a language pack translates them too.

    Each is a template: `{{number}}`, `{{title}}`... are filled in (see UI_NAMES).
    """

    back_hint: str = "Ctrl-B goes back one question."
    enter_for: str = "(Enter for {{value}})"
    step_header: str = "Step {{number}} of {{total}} · {{title}}"
    entry_header: str = "{{list}}: entry {{number}}"
    added_so_far: str = "{{count}} added so far."
    keep_date: str = "Keep {{value}}?"
    ready: str = "Ready for the next step? (Ctrl-B: back)"
    go_on: str = "Yes: step {{number}} of {{total}}, {{title}}"
    not_now: str = "Not now; I'll come back with `rebound continue`"
    resume_hint: str = "Saved. Pick up where you left off any time with `rebound continue`."
    welcome_back: str = "Welcome back. {{name}}: you're at {{where}}."
    at_opening: str = "the questions about the call"
    at_step: str = "step {{number}} of {{total}}, {{title}}"
    revisiting: str = (
        "Revisiting {{title}}. Your earlier answers are offered: press Enter to keep one."
    )
    first_question: str = "This is the first question; there is nothing before it."
    all_steps_done: str = "That's all five steps. Here is your checklist:"
    heard: str = "Heard on {{date}} from {{name}}"
    pending: str = "(pending)"
    due: str = "due {{date}}"
    tip: str = "Tip:"
    next_label: str = "Next:"
    when_done: str = "When it's done:"
    next_opening: str = "Finish the questions about the call: `rebound continue`."
    next_step: str = "Go on with step {{number}} of {{total}}, {{title}}: `rebound continue`."
    nothing_left: str = (
        "Everything here is done. Keep adding to your accomplishments, and be kind to yourself."
    )
    stopped_unsaved: str = (
        "Stopped before the first answer, so nothing was saved. "
        "`rebound start` begins again whenever you're ready."
    )
    stopped_saved: str = (
        "Stopped. Everything you answered is saved; `rebound continue` picks up where you left "
        "off ({{id}})."
    )
    brag_holds: str = (
        "Your brag list already holds {{count}}: {{list}}. "
        "Add new ones here; they join the list (`rebound brag`)."
    )
    no_sessions: str = (
        "No sessions yet. When you're ready, `rebound start` walks you through five short steps."
    )
    nothing_to_continue: str = (
        "There's no session to continue yet. When you're ready: `rebound start`."
    )
    tick_prompt: str = "Tick off what you've done:"
    ticked: str = "Ticked {{count}}. Well done."
    heading_id: str = "Id"
    heading_session: str = "Company · role"
    heading_progress: str = "Steps"
    heading_next: str = "Next"
    list_more: str = (
        "Showing the {{count}} most recent of {{total}}; `rebound list --all` shows every one."
    )
    # `rebound todo`. A key ending in _one is said instead of its plain twin when the count is 1.
    todo_overdue: str = "Overdue"
    todo_today: str = "Today, {{date}}"
    todo_upcoming: str = "Upcoming"
    todo_upcoming_until: str = "Upcoming (to {{date}})"
    todo_anytime: str = "Anytime"
    todo_late: str = ", {{count}} days overdue"
    todo_late_one: str = ", 1 day overdue"
    todo_due_today: str = ", due today"
    todo_due_in: str = ", in {{count}} days"
    todo_due_in_one: str = ", in 1 day"
    todo_all_done: str = (
        "Nothing left to do: every item of every session is ticked. That's real progress; "
        "take a moment to be proud of it."
    )
    todo_quiet_until: str = "Nothing is due until after {{date}}. Enjoy the breathing room."
    todo_later: str = "{{count}} more items due later: `rebound todo --all` shows everything."
    todo_later_one: str = "1 more item due later: `rebound todo --all` shows everything."
    # Lengths of time, as `rebound contacts` says them.
    days: str = "{{count}} days"
    days_one: str = "1 day"
    weeks: str = "{{count}} weeks"
    weeks_one: str = "1 week"
    ago: str = "{{value}} ago"
    ago_today: str = "today"
    # `rebound contacts`. {{value}} is a length of time ('3 weeks', '2 days ago').
    contacts_none: str = (
        "No contacts yet. Step 5, Get back out there, asks who you could reach out to: "
        "`rebound continue` picks up where you left off."
    )
    contacts_title: str = "People to reach out to"
    contacts_count: str = "{{count}} people"
    contacts_count_one: str = "1 person"
    contacts_quiet: str = ", {{count}} quiet for {{number}}+ weeks"
    contacts_from: str = "From:"
    contacts_never: str = "never contacted, added {{value}}"
    contacts_not_for: str = "not contacted for {{value}}"
    contacts_last: str = "last contacted {{value}}"
    contacts_hint: str = (
        "Reached someone? `rebound contacts log NAME --outcome replied` notes it and restarts "
        "their clock."
    )
    # `rebound stats`. {{value}} in stats_done_detail is the 'times' sign.
    stats_none: str = (
        "No sessions yet, so nothing to count. When the next no comes, `rebound start` helps "
        "you turn it into a plan."
    )
    stats_rejections: str = "Rejections over time"
    stats_progress: str = "Progress"
    stats_of: str = "{{count}} of {{total}}"
    stats_done: str = "Steps completed:"
    stats_done_detail: str = "({{count}} sessions {{value}} {{number}} steps)"
    stats_done_detail_one: str = "(1 session {{value}} {{number}} steps)"
    stats_kept: str = "Commitments kept:"
    stats_kept_unit: str = "fixes"
    stats_overdue: str = "({{count}} overdue)"
    stats_week: str = "This week:"
    stats_week_unit: str = "new conversations"
    stats_target_met: str = ". Target met!"
    stats_first_step: str = ". One message today is a fine start."
    stats_areas: str = "Areas to work on, most often"
    stats_more: str = "and {{count}} more"
    stats_totals: str = "Totals:"
    stats_sessions: str = "{{count}} sessions"
    stats_sessions_one: str = "1 session"
    stats_wins: str = "{{count}} accomplishments on your lists"
    stats_wins_one: str = "1 accomplishment on your lists"
    # `rebound nudge`: one line for a new terminal, and the start-up file it is added to.
    nudge_today: str = "{{count}} things due today"
    nudge_today_one: str = "1 thing due today"
    nudge_overdue: str = "{{count}} things overdue"
    nudge_overdue_one: str = "1 thing overdue"
    nudge_also_overdue: str = "{{count}} overdue"
    nudge_also_overdue_one: str = "1 overdue"
    nudge_line: str = "{{value}}: rebound todo"
    nudge_added: str = "Added this line to {{where}}:"
    nudge_already: str = "The nudge is already in {{where}}; nothing was changed."
    nudge_removed: str = "Removed this line from {{where}}:"
    nudge_absent: str = "There is no nudge line in {{where}}; nothing was changed."
    nudge_next: str = (
        "Open a new terminal to see it. `rebound nudge --uninstall` takes it out again."
    )
    nudge_which_shell: str = (
        "rebound can add the nudge for bash, zsh or fish, and '{{value}}' is none of them. "
        "Name one, e.g. `rebound nudge --install bash`. Nothing was changed."
    )
    nudge_shell_alone: str = (
        "'{{value}}' goes with --install or --uninstall, as in `rebound nudge --install "
        "{{value}}`. Nothing was changed."
    )
    nudge_both: str = "Choose one: --install or --uninstall. Nothing was changed."
    nudge_unwritable: str = "Could not change {{where}} ({{value}}). It was left as it was."
    # `rebound remind`: a desktop notification (or a printed note) of what is due.
    remind_title: str = "rebound: {{count}} things due"
    remind_title_one: str = "rebound: 1 thing due"
    remind_today: str = "{{name}}: {{title}} (today)"
    remind_late: str = "{{name}}: {{title}} ({{count}} days overdue)"
    remind_late_one: str = "{{name}}: {{title}} (1 day overdue)"
    remind_more: str = "and {{count}} more"
    remind_hint: str = "`rebound todo` shows them all, with the commands that tick them off."
    remind_systemd: str = (
        "rebound will write these two files, then turn the timer on (`systemctl --user enable "
        "--now rebound-remind.timer`):"
    )
    remind_cron: str = "rebound will add this line to your crontab:"
    remind_confirm: str = "Set up the daily reminder?"
    remind_needs_yes: str = (
        "Setting up a daily reminder needs a yes: run it in a terminal, or add --yes. Nothing "
        "was changed."
    )
    remind_kept: str = "Nothing was changed."
    remind_installed: str = (
        "Done: every day at {{value}}, rebound tells you what is due. `rebound remind "
        "--uninstall` stops it."
    )
    remind_removed: str = "The daily reminder is off; removed: {{where}}."
    remind_absent: str = "No daily reminder was set up, so nothing was changed."
    remind_bad_time: str = (
        "'{{value}}' is not a time of day: give it as HH:MM, like 09:00. Nothing was changed."
    )
    remind_no_scheduler: str = (
        "This computer has neither systemd nor cron, so rebound can't run every day by "
        "itself. Nothing was changed; `rebound remind` still works whenever you run it."
    )
    remind_failed: str = (
        "The daily reminder could not be set up or removed ({{value}}). Your sessions are "
        "safe; try again, or set it up by hand from the lines above."
    )
    # `rebound export --all --format ics`: one calendar of every session.
    export_all_done: str = (
        "Exported {{count}} items of every session as iCalendar to {{where}}. Importing it "
        "again updates the same events."
    )
    export_all_none: str = (
        "No session has dated items yet, so there's nothing to put in a calendar. Dates come "
        "with the steps, and `rebound continue` goes on with them."
    )
    export_all_format: str = (
        "--all exports a calendar: use it with --format ics (or an -o file ending in .ics). "
        "Nothing was written."
    )
    export_all_id: str = (
        "--all exports every session, so it takes no session id. Nothing was written."
    )
    # `rebound contacts` on a cadence, and `rebound contacts log`. {{value}}: '4 weeks'.
    contacts_gone_quiet: str = ", {{count}} gone quiet"
    contacts_every: str = "every {{value}}"
    contacts_next: str = "; next touch by {{date}}"
    outcome_replied: str = "replied"
    outcome_met: str = "met"
    outcome_referred: str = "referred you on"
    outcome_no_answer: str = "no answer yet"
    outcome_none: str = "in touch"
    touch_ticked: str = "reached (ticked in {{name}})"
    contacts_due_label: str = "Keep in touch with {{name}} (every {{value}})"
    contacts_logged: str = "Noted: {{name}}, {{date}}, {{value}}."
    contacts_next_touch: str = "Next touch by {{date}} (every {{value}})."
    contacts_ticked: str = "Ticked off too: {{list}}."
    contacts_session_busy: str = (
        "Session {{id}} is open in another rebound, so its item for {{name}} is still open "
        "there; tick it with `rebound done` when that one is closed."
    )
    contacts_busy: str = (
        "Your contact log is being saved by another rebound right now. Try again in a moment; "
        "nothing was changed."
    )
    contacts_ambiguous: str = (
        "'{{name}}' fits {{count}} people: {{list}}. Type a little more of the name. Nothing was "
        "changed."
    )
    contacts_unknown: str = (
        "There is no contact called '{{name}}'. Did you mean: {{list}}? Nothing was changed."
    )
    contacts_unknown_none: str = (
        "There is no contact called '{{name}}' (`rebound contacts` lists them). People are added "
        "in step 5: `rebound continue --step re-engage`. Nothing was changed."
    )
    contacts_bad_outcome: str = (
        "'{{value}}' is not an outcome rebound knows; use one of {{list}}. Nothing was changed."
    )
    contacts_bad_date: str = (
        "'{{value}}' is not a date rebound understands; try 2026-11-30, 'yesterday' or '-3d'. "
        "Nothing was changed."
    )
    contacts_future: str = (
        "{{date}} is still to come; log a touch once it has happened. Nothing was changed."
    )
    # `rebound start`, for a company seen before.
    history_title: str = "{{name}}, again"
    history_intro: str = (
        "You've been here before, {{count}} times. What you learnt then is yours to use now:"
    )
    history_intro_one: str = "You've been here before. What you learnt then is yours to use now:"
    history_no_role: str = "(role not given)"
    history_reasons: str = "Reasons given:"
    history_no_reasons: str = "none shared"
    history_areas: str = "Areas to work on:"
    history_fixes: str = "Your fixes:"
    history_reapply_passed: str = (
        "You may apply to them again: the door has been open since {{date}}."
    )
    history_reapply_wait: str = "You may apply to them again from {{date}}, in {{count}} days."
    history_reapply_wait_one: str = "You may apply to them again from {{date}}, tomorrow."
    # `rebound feedback`, when the reasons arrive after the call.
    feedback_intro: str = (
        "Feedback for {{name}}. Your earlier answers are offered: press Enter to keep one."
    )
    feedback_done: str = "Feedback recorded for {{name}}. It counts in `rebound stats` from now on."
    feedback_ticked: str = "Ticked: {{list}}."
    feedback_from_file: str = (
        "Recorded {{count}} feedback answers from {{where}} in session {{id}}."
    )
    feedback_file_incomplete: str = (
        "{{where}}: '{{name}}' is needed too, so nothing was saved. Add it to the file and try "
        "again."
    )
    feedback_unfinished: str = (
        "Session {{id}} isn't finished yet; `rebound continue -s {{id}}` asks its questions, "
        "feedback included. Nothing was changed."
    )
    feedback_none_finished: str = (
        "There's no finished session yet to add feedback to. `rebound continue` finishes the one "
        "you started; nothing was changed."
    )
    feedback_no_prompts: str = (
        "This coaching content names no questions for late feedback (`follow_up: feedback:` in "
        "coach.yaml), so there is nothing to ask. Nothing was changed."
    )
    # `rebound stats`: reasons and patterns. {{number}}: the sessions a pattern needs.
    stats_reasons: str = "Reasons they gave"
    stats_pattern: str = "A pattern: {{name}} came up in {{count}} of {{total}} sessions."
    stats_no_pattern: str = (
        "No area came up more than once in {{total}} sessions: no pattern to name."
    )
    stats_pattern_wait: str = (
        "A pattern is only named from {{number}} sessions with feedback: {{count}} more to go."
    )
    stats_pattern_wait_one: str = (
        "A pattern is only named from {{number}} sessions with feedback: 1 more to go."
    )
    # The prompts themselves: yes/no questions, lists, and what is said under a prompt when an
    # answer does not fit.
    answer_yes: str = "Yes"
    answer_no: str = "No"
    yes_no_hint_yes: str = "(Y/n)"
    yes_no_hint_no: str = "(y/N)"
    arrows_hint: str = "(Use arrow keys)"
    tick_hint: str = "(arrows to move, space to tick, Enter to confirm)"
    need_answer: str = "This one is needed to go on; a few words are enough."
    yes_or_no: str = "Please answer yes or no."
    pick_one: str = "Please pick at least one."
    not_a_choice: str = "'{{value}}' is not one of the choices."
    bad_email: str = "That doesn't look like an email address (name@example.com)."
    bad_date: str = "Please give a date like 2026-12-01, 'today', 'tomorrow', '+3d' or '+2w'."
    too_far: str = "That's more than {{count}} years away; please give a nearer date."
    whole_number: str = "Please give a whole number."
    at_least: str = "Please give a number of at least {{number}}."
    at_most: str = "Please give a number of at most {{number}}."
    # Drafts as things to act on: `rebound draft` and the walk's offer at the end of a step.
    # The labels of the header lines a draft may start with ('To: ...', 'Subject: ...').
    draft_to_label: str = "To"
    draft_subject_label: str = "Subject"
    drafts_none: str = (
        "No drafts yet in {{name}}: each step writes its own as you finish it. "
        "`rebound continue` picks up where you left off."
    )
    draft_to: str = "to {{name}}"
    draft_edited: str = "edited"
    drafts_hint: str = (
        "`rebound draft NAME` shows one; add --copy, --mail or --edit to send it on its way."
    )
    draft_unknown: str = (
        "There is no draft '{{value}}' in session {{id}}. Its drafts: {{list}}. "
        "Nothing was changed."
    )
    draft_name_needed: str = (
        "Name the draft to act on, e.g. `rebound draft {{value}} --copy`. "
        "This session's drafts: {{list}}. Nothing was changed."
    )
    draft_one_action: str = (
        "Give one of --copy, --mail, --edit or --reset at a time. Nothing was changed."
    )
    draft_copied: str = "{{title}}: copied to the clipboard (with {{value}})."
    draft_copied_terminal: str = (
        "{{title}}: sent to your terminal's clipboard (OSC 52). If nothing was copied, your "
        "terminal may not allow it: `rebound draft {{id}}` prints it, to copy by hand."
    )
    draft_tmux: str = (
        "Inside tmux, this needs `set -g set-clipboard on` (or `allow-passthrough on`) in "
        "~/.tmux.conf."
    )
    draft_fields: str = "For the email's own fields: {{value}}"
    draft_copy_failed: str = (
        "{{title}} could not be copied: there is no clipboard program here (such as xclip, xsel "
        "or wl-copy) and no terminal to send it to. Nothing was changed; `rebound draft {{id}}` "
        "prints it, to copy by hand or to pipe."
    )
    draft_mailed: str = (
        "{{title}}: opened in your mail app. Nothing is sent until you send it from there."
    )
    draft_mail_link: str = (
        "Nothing here could open a mail app. This link opens {{title}} in one "
        "(paste it into your browser's address bar):"
    )
    draft_edit_saved: str = (
        "{{title}}: your edit is kept, and every command shows it from now on. "
        "`rebound draft {{id}} --reset` goes back to the draft made from your answers."
    )
    draft_edit_same: str = "{{title}}: no changes, so it stays as it was."
    draft_editor_failed: str = (
        "Could not use your editor ({{value}}). Nothing was changed. Set VISUAL or EDITOR to an "
        "editor you have, e.g. `export EDITOR=nano`, and try again."
    )
    draft_reset: str = "{{title}}: back to the draft made from your answers."
    draft_reset_none: str = "{{title}}: there is no edit to drop; it is as made from your answers."
    draft_when_sent: str = "Once it's sent: `rebound done {{id}}`."
    draft_offer: str = "{{title}}: what would you like to do with it?"
    draft_offer_copy: str = "Copy it to the clipboard"
    draft_offer_mail: str = "Open it in your mail app"
    draft_offer_edit: str = "Edit it first"
    draft_offer_later: str = "Later (`rebound draft {{id}}` has it)"
    draft_tick: str = "Sent? Tick “{{value}}” off your list?"
    draft_keep_edit: str = (
        "{{title}}: you had edited it, and your new answers change it. Keep your edit? "
        "(No: rebuild it from the new answers)"
    )


class Content(_Strict):
    """All the coaching text and questions, loaded from one content folder."""

    opening: Opening
    steps: list[Step]
    words: Words = Field(default_factory=Words)
    ui: Ui = Field(default_factory=Ui)
    follow_up: FollowUp = Field(default_factory=FollowUp)
    source: str = ""

    def say(self, key: str, **values: object) -> str:
        """One of the coach's own sentences (`ui`), filled in."""
        return templates.render(getattr(self.ui, key), values, self.template_words)

    def say_count(self, key: str, count: int, **values: object) -> str:
        """`say`, with the `<key>_one` sentence when `count` is 1 ('1 day' rather than '1 days')."""
        return self.say(f"{key}_one" if count == 1 else key, count=count, **values)

    @property
    def date_words(self) -> dict[str, int]:
        """The pack's words for dates ('mañana': 1), besides the ones every pack understands."""
        return self.words.dates

    @property
    def template_words(self) -> templates.Words:
        """The words, as the template renderer takes them."""
        return templates.Words(
            and_=self.words.and_,
            yes=self.words.yes,
            no=self.words.no,
            grammar=self.words.grammar,
            greetings=tuple(sorted(self.words.greetings.items())),
        )

    def prompts(self) -> list[PromptDef]:
        """Every prompt, the opening's first, in the order they are asked."""
        out = list(self.opening.prompts)
        for step in self.steps:
            out.extend(step.prompts)
        return out

    def step(self, step_id: str) -> Step:
        """The step with this id.

        Raises:
            KeyError: no such step.
        """
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)


class OpenList(BaseModel):
    """A list prompt being answered: the entries so far and the one being typed."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    items: list[Item] = []
    current: Item | None = None


class Session(BaseModel):
    """One rejection, and everything the person wrote and decided about it."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    schema_version: Literal[4] = SCHEMA_VERSION
    id: str
    created_at: datetime
    updated_at: datetime
    answers: dict[str, AnswerValue] = {}
    answered_at: dict[str, datetime] = {}
    previous: dict[str, AnswerValue] = {}
    open_lists: dict[str, OpenList] = {}
    ticked: dict[str, datetime] = {}
    # Per list prompt, the number of the last entry id given ('e7' -> 7): an id is never given
    # twice in a list, even after the entry it named was taken out.
    last_entry: dict[str, int] = {}
    drafts: dict[str, str] = {}
    # Drafts the person edited (`rebound draft NAME --edit`), by draft id: shown, exported and
    # sent instead of `drafts`, which keeps the text made from the answers. Optional and empty
    # by default, so files without it load as they are: no schema change.
    edited: dict[str, str] = {}
    finished_at: datetime | None = None

    @property
    def title(self) -> str:
        """'Company · role', or the id before they are known."""
        parts = [self.text("company"), self.text("role")]
        return " · ".join(p for p in parts if p) or self.id

    def text(self, prompt_id: str) -> str:
        """An answer as plain text ('' when unanswered or blank)."""
        value = self.answers.get(prompt_id)
        return "" if value is None else str(value)


class Accomplishment(BaseModel):
    """One entry of the brag list: a win, its STAR story, and how practised it is."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str
    title: str
    situation: str | None = None
    task: str | None = None
    action: str | None = None
    result: str | None = None
    number: str | None = None
    tags: list[str] = []
    source: str | None = None  # "<session id>#<entry id>" ("...#e3") when it came from a session
    # The session entry's text fields (`bragging.TEXT_FIELDS`) as last taken in, so that a sync
    # can tell a correction made in the session from an edit made here (which always wins).
    # None: added by hand, or from before version 4 and not yet seen equal to its entry.
    synced: dict[str, str | None] | None = None
    added_at: datetime
    practised: int = 0
    ratings: list[int] = []  # 1 to 5, oldest first
    last_practised: datetime | None = None


BRAG_SCHEMA_VERSION: Final = 4


class BragList(BaseModel):
    """Every accomplishment, across all sessions: the brag list that grows with each rejection."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    schema_version: Literal[4] = BRAG_SCHEMA_VERSION
    items: list[Accomplishment] = []
    removed: list[str] = []  # sources of session entries the person took off: never re-added


OUTCOMES: Final = ("replied", "met", "referred", "no-answer")
Outcome = Literal["replied", "met", "referred", "no-answer"]


class Touch(BaseModel):
    """One time the person reached a contact (`rebound contacts log`), and what came of it."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str  # 't1', 't2'... within the person, never given twice
    on: date
    outcome: Outcome | None = None
    note: str | None = None
    logged_at: datetime
    # The sessions' contact items this touch ticked ('<session id>#contact-1'): those ticks are
    # this touch, not touches of their own.
    ticked: list[str] = []


class KeptContact(BaseModel):
    """A person kept in touch with, across every session that names them."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str  # as last typed
    every_weeks: int | None = Field(default=None, ge=1, le=52)  # None: by relation, from content
    touches: list[Touch] = []  # oldest first


CONTACTS_SCHEMA_VERSION: Final = 1


class ContactLog(BaseModel):
    """Every touch with every contact: one file beside the sessions (`contacts.json`)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    schema_version: Literal[1] = CONTACTS_SCHEMA_VERSION
    people: dict[str, KeptContact] = {}  # by `insights.person_key` of the name

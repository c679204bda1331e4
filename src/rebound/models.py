"""Pydantic models: what the content YAML may say, and what a saved session holds.

Content models are strict (unknown keys are errors) because a typo in a content file should be
caught by `rebound content validate`, not discovered halfway through someone's bad day.
"""

from __future__ import annotations

import re
from datetime import datetime
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
    """When a prompt is asked or a checklist item counts as done.

    Exactly one test is given: `equals` (the answer is this value), `one_of` (it is one of these),
    `contains` (a checkbox answer includes this value) or `answered` (the answer is, or is not,
    non-empty). Where a list of conditions is allowed, all of them must hold.
    """

    prompt: str
    equals: Scalar | None = None
    one_of: list[Scalar] | None = None
    contains: str | None = None
    answered: bool | None = None

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        tests = (self.equals, self.one_of, self.contains, self.answered)
        if sum(x is not None for x in tests) != 1:
            raise ValueError("give exactly one of 'equals', 'one_of', 'contains' or 'answered'")
        return self


Conditions = Condition | list[Condition]


class DueAfter(_Strict):
    """A due date some days after a prompt was answered (e.g. a follow-up a week after asking)."""

    prompt: str
    days: int = Field(ge=0, le=365)


class Nudge(_Strict):
    """A gentle push back when a date is further away than is good for the person."""

    after_days: int = Field(ge=0)
    message: str


class FieldDef(_Strict):
    """A single question. Also used for the fields of one entry of a list prompt."""

    id: str
    kind: FieldKind = "text"
    message: str
    help: str | None = None
    default: Scalar | list[str] | None = None
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
    """A text made from the person's answers: an email, a post, interview notes."""

    id: str
    title: str
    template: str
    before: str | None = None

    _valid_id = field_validator("id")(_check_id)


class ChecklistItem(_Strict):
    """One line of the summary checklist.

    `each` makes one item per entry of a list answer (ids `ID-1`, `ID-2`, ... numbered by the
    entry's stable id, so an item keeps its id when an entry before it is taken out); `due`
    names the answer (or entry field) holding its date, `due_after` sets it some days after a
    prompt was answered; `info` items are facts, not things to tick.
    """

    id: str
    label: str
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
    why: str
    guidance: list[str]
    tips: list[str] = []
    prompts: list[PromptDef]
    drafts: list[Draft] = []
    checklist: list[ChecklistItem] = []
    done: str | None = None

    _valid_id = field_validator("id")(_check_id)


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
    dates: dict[str, int] = Field(default_factory=dict)  # 'mañana': 1, days from today
    months: list[str] = Field(  # as `rebound stats` names them
        default_factory=lambda: list(MONTHS), min_length=12, max_length=12
    )

    @field_validator("dates")
    @classmethod
    def _dates(cls, value: dict[str, int]) -> dict[str, int]:
        for word, days in value.items():
            if not word.strip() or word != " ".join(word.lower().split()):
                raise ValueError(f"'{word}': write date words in lower case, single-spaced")
            if abs(days) > 366:
                raise ValueError(f"'{word}': at most a year (366 days) from today")
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
    contacts_hint: str = "Reached someone? `rebound todo` shows the command that ticks them off."
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
    # --- The words of every command and error (issue 12): one home, in every pack. ---
    interrupted: str = "Stopped. Nothing that was already saved has changed."
    unexpected: str = (
        "Something went wrong that rebound did not expect ({{name}}). Everything you answered "
        "before this moment is saved. Run the same command with REBOUND_DEBUG=1 to see the "
        "details, and please report them."
    )
    os_error: str = (
        "Could not use {{where}}: {{value}}. Nothing already saved has changed. Check the name "
        "and the place, then try again."
    )
    output_failed: str = (
        "Could not write the output: {{value}}. Nothing already saved has changed. Send the "
        "output somewhere with room (or to the screen) and try again."
    )
    reason_name_too_long: str = "the name is too long for this system"
    reason_no_space: str = "there is no space left on the disk or device"
    reason_quota: str = "your disk quota is used up"
    reason_not_allowed: str = "you are not allowed to use it (its permissions say no)"
    reason_read_only: str = "it is on a read-only disk"
    reason_missing: str = "it does not exist"
    reason_not_a_folder: str = "part of the path is a file, not a folder"
    reason_a_folder: str = "it is a folder, not a file"
    reason_loop: str = "its symbolic links go round in a loop"
    reason_exists: str = "it already exists"
    reason_not_empty: str = "the folder is not empty"
    reason_busy: str = "it is in use by something else"
    reason_io: str = "the disk reported a read or write error"
    reason_too_many_open: str = "too many files are open at once"
    picked_none: str = "none"
    needs_terminal: str = (
        "`rebound {{name}}` asks you questions, so it needs a terminal to type in, and standard "
        "input here is not one (it is piped, redirected or closed). Run it directly in a terminal"
        " window. Nothing was changed."
    )
    needed: str = "This one is needed; a few words are enough."
    rating_1: str = "Rough: it needs more practice"
    rating_2: str = "Shaky, but the story is there"
    rating_3: str = "Okay"
    rating_4: str = "Good: clear and in order"
    rating_5: str = "Smooth: I'd tell it like that in the room"
    rating_hint: str = "(1 to 5, then Enter)"
    clock_done: str = "Enter when you're done"
    clock_left: str = "{{value}} left"
    brag_empty: str = (
        "Your brag list is empty for now. Add a win with `rebound brag add`, or list a few in the"
        " accomplishments step of a session (`rebound start`): they land here by themselves."
    )
    story_title: str = (
        "Your win, in a few words (e.g. 'cut the release time from a day to an hour')"
    )
    story_situation: str = "The situation: what was going on?"
    story_task: str = "Your task: what was yours to solve?"
    story_action: str = "What did you do?"
    story_result: str = "What was the result?"
    story_number: str = "A number that shows it (e.g. '40% faster')"
    story_tags: str = "Tags, separated by commas (e.g. leadership, data)"
    brag_added_wins: str = "Added {{count}} wins"
    brag_added_wins_one: str = "Added 1 win"
    brag_updated_wins: str = "Updated {{count}} wins"
    brag_updated_wins_one: str = "Updated 1 win"
    brag_added_updated: str = "Added {{count}} wins and updated {{number}}"
    brag_added_updated_one: str = "Added 1 win and updated {{number}}"
    brag_from_sessions: str = "{{value}} from your sessions."
    practice_none: str = "not practised yet"
    practice_times: str = "practised {{count}} times"
    practice_times_one: str = "practised once"
    practice_rated: str = "{{value}}, rated {{number}} of 5"
    practice_average: str = "{{value}}, average {{number}} of 5"
    practice_last: str = "{{value}}, last on {{date}}"
    brag_title: str = "Your brag list"
    brag_stories: str = ": {{count}} stories"
    brag_stories_one: str = ": 1 story"
    brag_tags: str = "tags: {{list}}"
    brag_tags_label: str = "tags: "
    brag_list_hint: str = "Tell them out loud: `rebound rehearse`. Add one: `rebound brag add`."
    brag_from_session: str = "from session {{id}}"
    brag_by_hand: str = "added by hand"
    brag_origin: str = "{{id}} · {{value}} · added {{date}}"
    brag_cue: str = "Cue: "
    brag_no_notes: str = (
        "  No notes for this one yet: situation, task, action, result. `rebound brag edit {{id}}`"
        " adds them."
    )
    keep_it_hint: str = "(Enter keeps it)"
    keep_or_clear_hint: str = "(Enter keeps it; Ctrl-U clears it)"
    skip_hint: str = "(Enter to skip)"
    keep_or_clear_tags_hint: str = "(Enter keeps them; Ctrl-U clears them)"
    brag_needs_title_option: str = (
        "Give the win itself with --title when the rest comes as options (or give no options, to "
        "be asked). Nothing was added."
    )
    brag_add_options: str = "Or give the story as options: --title '...' --number '...'."
    brag_needs_title: str = "A win needs a title, even a few words. Nothing was added."
    brag_added_as: str = "Added to your brag list as "
    brag_tell_story: str = "The story behind it makes it easy to tell: `rebound brag edit {{id}}`."
    brag_edit_options: str = "Or give the changes as options, e.g. --result '...'."
    brag_saved: str = "Saved: "
    brag_unchanged: str = "Nothing to change; it's as it was."
    brag_remove_yes: str = "Or add --yes to remove it without being asked."
    brag_remove_confirm: str = "Remove '{{title}}' from your brag list?"
    brag_kept: str = "Kept it."
    brag_removed: str = "Removed: "
    rehearse_empty: str = (
        "There's nothing to rehearse yet: your brag list is empty. Add a win with `rebound brag "
        "add`, or list a few in the accomplishments step of a session (`rebound start`). Then "
        "come back: telling them out loud is what makes them stick."
    )
    rehearse_each: str = "about {{value}} each"
    rehearse_no_limit: str = "no time limit"
    rehearse_intro: str = (
        "Rehearsal: {{count}} stories, {{value}}. Tell each one out loud, as you would in the "
        "interview. Enter when you finish; Ctrl-C stops, and every rating you've given is kept."
    )
    rehearse_intro_one: str = (
        "Rehearsal: 1 story, {{value}}. Tell it out loud, as you would in the interview. Enter "
        "when you finish; Ctrl-C stops, and every rating you've given is kept."
    )
    rehearse_stopped: str = (
        "Stopped. The {{count}} stories you rated are saved; `rebound rehearse` starts again with"
        " the stories that need it most."
    )
    rehearse_stopped_one: str = (
        "Stopped. The 1 story you rated is saved; `rebound rehearse` starts again with the "
        "stories that need it most."
    )
    rehearse_stopped_none: str = (
        "Stopped. Nothing was rated, so nothing changed; `rebound rehearse` starts again with the"
        " stories that need it most."
    )
    rehearse_done: str = (
        "That's {{count}} stories told out loud. Each time, they come out a little calmer. Well "
        "done."
    )
    rehearse_done_one: str = (
        "That's 1 story told out loud. Each time, they come out a little calmer. Well done."
    )
    rehearse_story: str = "Story {{number}} of {{total}}"
    rehearse_times_up: str = "Time's up ({{value}})."
    rehearse_done_in: str = "Done in {{value}}."
    rehearse_how: str = "How did it go?"
    rehearse_gone: str = "That story was removed meanwhile, so this rating wasn't kept."
    rehearse_saved: str = "Saved: {{value}}."
    delete_failed: str = (
        "Could not delete {{where}} ({{value}}). What was not deleted yet is still there; fix the"
        " folder, then try again."
    )
    save_failed: str = (
        "Could not save to {{where}} because {{value}}. Everything saved before is unharmed; free"
        " some space or fix the folder, then try again."
    )
    why_full: str = "the disk is full"
    why_not_allowed: str = "rebound is not allowed to write there"
    why_too_long: str = "the name is too long"
    home_unusable: str = (
        "The data folder {{where}} cannot be used ({{value}}). Set REBOUND_HOME to a folder you "
        "can write to, or fix this one. Nothing was changed."
    )
    folder_not_yours: str = (
        "The folder {{where}} belongs to another user, so rebound will not use it: they could "
        "change what you saved. Nothing was changed. Make it yours (`chown -R $USER {{where}}` "
        "then `chmod 700 {{where}}`), or set REBOUND_HOME to a folder of your own."
    )
    folder_not_private: str = (
        "The folder {{where}} can be changed by other users (mode {{number}}) and rebound could "
        "not make it private ({{value}}). Nothing was changed. Run `chmod 700 {{where}}`, or set "
        "REBOUND_HOME to a folder of your own."
    )
    folder_made_private: str = (
        "{{where}} could be changed by other users (mode {{number}}); it is private to you now "
        "(0700)."
    )
    cannot_save_here: str = (
        "rebound cannot save in {{where}} because {{value}}, so it won't ask you anything yet: "
        "nothing was saved. Fix the folder's permissions (or free some space), or set "
        "REBOUND_HOME to a folder you can write to, then run it again."
    )
    no_such_session: str = "There is no session '{{id}}'."
    no_session_list: str = "There is no session '{{id}}'. `rebound list` shows them."
    folder_unreadable: str = "Could not read the folder {{where}} ({{value}}). Nothing was changed."
    file_unreadable: str = "Could not read {{where}} ({{value}}). It was left as it is."
    file_unreadable_plain: str = "Could not read {{where}} ({{value}})."
    broken_copy: str = "it holds session '{{id}}'; a copy?"
    empty_id: str = (
        "The session id is empty, so rebound did not pick one. Give an id, or the start of one "
        "(`rebound list` shows them). Nothing was changed."
    )
    id_fits_several: str = (
        "'{{id}}' fits {{count}} sessions ({{list}}...); type a little more of the id."
    )
    brag_broken: str = (
        "Your brag list could not be read ({{value}}). The file was kept, untouched, at "
        "{{where}}; nothing was changed."
    )
    brag_broken_fix: str = (
        "Your brag list could not be read ({{value}}). The file was kept, untouched, at "
        "{{where}}; nothing was changed. Fix it there, or start a new list."
    )
    session_busy: str = (
        "Session '{{id}}' is open in another rebound window. Finish or close that one first "
        "(nothing is lost either way), then try again."
    )
    broken_empty: str = "the file is empty"
    broken_not_session: str = "it does not hold a session"
    broken_no_schema: str = "it has no schema_version"
    broken_newer: str = "it was written by a newer rebound (schema {{number}}); please upgrade"
    broken_the_file: str = "the file"
    broken_too_deep: str = "it is nested far deeper than any file rebound writes"
    broken_not_utf8: str = "it is not UTF-8 text"
    broken_not_json: str = "it is not valid JSON ({{value}}); it may have been cut short"
    moved_aside: str = (
        "The saved session '{{id}}' could not be read: {{value}}. The file was kept, untouched, "
        "at {{where}}; your other sessions are fine."
    )
    broken_bad_json: str = "it is not valid JSON"
    story_which: str = "Say which story: its number or id, as `rebound brag` lists them."
    story_no_number: str = (
        "There is no story number {{number}}: your brag list has {{count}} stories. `rebound "
        "brag` lists them."
    )
    story_no_number_one: str = (
        "There is no story number {{number}}: your brag list has 1 story. `rebound brag` lists "
        "them."
    )
    story_no_name: str = (
        "Nothing on your brag list is called '{{value}}'. `rebound brag` lists the stories with "
        "their numbers and ids."
    )
    story_fits_several: str = (
        "'{{value}}' fits {{count}} stories ({{list}}); type a little more of the id, or use the "
        "number."
    )
    cue_action_1: str = "Tell me about a time you {{value}}."
    cue_action_2: str = "Describe a time you {{value}}."
    cue_action_3: str = "Walk me through how you {{value}}."
    cue_action_4: str = "Give me an example: a time you {{value}}."
    cue_topic_1: str = 'Tell me the story behind "{{value}}".'
    cue_topic_2: str = 'Walk me through "{{value}}": what happened, and what was your part?'
    cue_topic_3: str = 'What did you do in "{{value}}", and what came of it?'
    note_situation: str = "Situation"
    note_task: str = "Task"
    note_action: str = "Action"
    note_result: str = "Result"
    note_number: str = "Number"
    pending_unmade: str = "Could not make {{where}} ({{value}})."
    brag_busy: str = (
        "Your brag list was held by another rebound for longer than a save takes. Try again in a "
        "moment; nothing was changed."
    )
    brag_busy_kept: str = (
        "Your brag list was held by another rebound for longer than a save takes, so your win "
        "isn't on it yet."
    )
    brag_unsaved: str = (
        "Your brag list is shown with what's new on it, but not saved; it is taken in again once "
        "the folder can be written."
    )
    pending_taken: str = "You typed a win that couldn't be saved then: "
    pending_taken_as: str = ". It's on your brag list now, as {{id}}."
    pending_copy: str = "Here is what you typed, to copy:"
    pending_shown: str = "It could not be kept on disk either: it is shown above."
    pending_kept: str = (
        "Everything you typed is kept, in {{where}}: the next `rebound brag` or `rebound brag "
        "add` puts it on your list."
    )
    brag_gone: str = (
        "'{{id}}' was removed from your brag list meanwhile (by another rebound). Nothing was "
        "changed."
    )
    brag_needs_title_edit: str = "A win needs a title, even a few words. Nothing was changed."
    no_language: str = "There is no '{{value}}' coaching content. Languages: {{list}}."
    content_ok: str = "{{where}}: OK ({{count}} steps, {{number}} prompts)."
    content_exists: str = "{{where}} already exists and is not empty; pick a new folder."
    content_inside: str = (
        "{{where}} is inside the content it would copy ({{value}}); pick a folder outside it."
    )
    content_copy_failed: str = (
        "Could not copy the content to {{where}} ({{value}}). Nothing was left behind there."
    )
    content_copied: str = (
        "Copied {{value}} to {{where}}. Edit the YAML, check it with `rebound content validate "
        "{{where}}`, and use it with `rebound --content {{where}} start` (or set "
        "REBOUND_CONTENT)."
    )
    data_exists: str = "{{where}} already exists; add --force to replace it. Nothing was written."
    data_wrote: str = "Wrote {{count}} files to {{where}}. Keep it somewhere private."
    data_wrote_one: str = "Wrote 1 file to {{where}}. Keep it somewhere private."
    wipe_nothing: str = "There is nothing to wipe: {{where}} does not exist."
    wipe_needs_yes: str = (
        "Wiping needs a yes: run it in a terminal, or add --yes. Nothing was deleted."
    )
    wipe_confirm: str = "Delete all your sessions and your brag list in {{where}}, for good?"
    wipe_kept: str = "Kept. Nothing was deleted."
    wiped: str = "Wiped {{where}}. rebound keeps nothing about you now."
    wiped_some: str = (
        "Wiped your sessions and brag list; rebound keeps nothing about you now. {{where}} stays,"
        " because it also holds things rebound did not make ({{list}}): those were left as they "
        "are."
    )
    wiped_more: str = "{{list}} and {{count}} more"
    save_failed_first: str = "Nothing of this session was saved yet: `rebound start` begins again."
    save_failed_later: str = "`rebound continue -s {{id}}` picks up at this question."
    answers_none_used: str = "{{where}}: no answers were used, so no session was made."
    answers_filled: str = "Filled {{count}} answers from {{where}} into session {{id}}."
    answers_filled_one: str = "Filled 1 answer from {{where}} into session {{id}}."
    answers_still_open: str = (
        "Some questions are still open; `rebound continue -s {{id}}` asks them."
    )
    no_such_step: str = "There is no step '{{value}}'. The steps are: {{list}}."
    done_no_sessions: str = (
        "There are no sessions yet, so nothing to tick. Begin with `rebound start`."
    )
    done_none_yet: str = "none yet"
    done_not_an_item: str = (
        "'{{value}}' is not an item of session {{id}}. Items: {{list}}. Nothing was changed."
    )
    done_ticked: str = "Ticked: {{title}}"
    done_unticked: str = "Unticked: {{title}}"
    delete_needs_yes: str = (
        "Deleting '{{id}}' needs a yes: run it in a terminal, or add --yes. Nothing was deleted."
    )
    delete_confirm: str = "Delete session {{id}} and everything in it, for good?"
    delete_kept: str = "Kept. Nothing was deleted."
    deleted: str = (
        "Deleted {{id}}. Accomplishments it added stay on your brag list (`rebound brag`)."
    )
    export_no_sessions: str = (
        "There are no sessions yet, so there's nothing to export. When you're ready, `rebound "
        "start` walks you through five short steps."
    )
    export_exists: str = (
        "{{where}} already exists, so it was left as it is. Add --force to replace it, or choose "
        "another name."
    )
    export_no_folder: str = "The folder {{where}} does not exist. Nothing was written."
    export_not_allowed: str = (
        "rebound is not allowed to write in {{where}}. Choose another folder; nothing was written."
    )
    export_nothing_dated: str = (
        "Session {{id}} has no dated items yet, so there's nothing to put in a calendar. Dates "
        "come with the steps (fixes, your move-on day, events): `rebound continue` goes on with "
        "them."
    )
    exported: str = "Exported {{title}} ({{id}}) as {{value}} to {{where}}."
    answers_missing: str = "{{where}}: there is no such answers file."
    cf_too_deep: str = (
        "is nested more than {{count}} levels deep; content and answers files need only a few."
    )
    cf_unreadable: str = "cannot read this content file ({{value}})."
    cf_too_big: str = "is {{value}} bytes; content files may be at most {{count}} KiB."
    cf_not_utf8: str = "is not UTF-8 text ({{value}})."
    cf_not_yaml: str = "is not valid YAML"
    cf_yaml_context: str = "{{value}} ({{title}} that starts at line {{number}})"
    cf_empty: str = "is empty."
    cf_bad_character: str = (
        "the character U+{{value}} is not allowed in YAML (an invisible control character? delete"
        " it and retype the text around it)."
    )
    cf_no_aliases: str = "anchors and aliases are not allowed in content."
    cf_bad_tag: str = "the tag '{{value}}' is not allowed."
    cf_no_merge: str = "merge keys ('<<') are not allowed."
    cf_keys_text: str = "keys must be text."
    cf_key_twice: str = "the key '{{value}}' appears twice."
    cf_bad_scalar: str = "'{{value}}' is not a valid {{name}}."
    cf_unknown_field: str = "is not a known field (check the spelling)"
    cf_required: str = "is required"
    cf_more_problems: str = "{{value}} (and {{count}} more problems in this file)"
    cf_more_problems_one: str = "{{value}} (and 1 more problem in this file)"
    cf_not_content: str = (
        "no {{value}} here, so this is not a rebound content folder. Point --content or "
        "REBOUND_CONTENT at a folder made by `rebound content new`."
    )
    cf_coach_shape: str = "should be a mapping with 'opening' and 'steps'"
    cf_key_required: str = "'{{value}}' is required"
    cf_step_ids: str = "should be a list of step ids"
    cf_step_twice: str = "a step is listed twice"
    cf_no_step_file: str = "there is no {{where}} for this step"
    cf_step_id: str = "is '{{value}}' but coach.yaml lists this file as '{{id}}'"
    cf_template_line: str = "template line {{number}}: {{value}}"
    cf_ui_name: str = "'{{value}}' can't be filled in here"
    cf_prompt_taken: str = "'{{id}}' is used by another prompt or is reserved"
    cf_not_earlier: str = "'{{id}}' is not an earlier prompt"
    cf_not_prompt_or_field: str = "'{{id}}' is not a prompt or field"
    cf_drafts_share: str = "two drafts share an id"
    cf_not_in_step: str = "'{{id}}' is not a prompt of this step"
    cf_items_share: str = "two checklist items share an id"
    cf_not_list: str = "'{{id}}' is not a list prompt"
    cf_not_prompt: str = "'{{id}}' is not a prompt"
    cf_not_date: str = "'{{id}}' is not a date prompt"
    cf_bad_default: str = "{{value}} does not fit this question: {{title}}"
    cf_unanswered: str = "the template reads '{{value}}', which no prompt answers"
    af_shape: str = "an answers file maps question ids to answers (company: Globex, ...)"
    af_one_of: str = "one of {{list}}"
    af_yes_no: str = "yes or no"
    af_number: str = "a whole number"
    af_date: str = "a date"
    af_email: str = "an email address"
    af_text: str = "a line of text"
    af_a_mapping: str = "a mapping"
    af_a_list: str = "a list"
    af_choice: str = "should be a choice ({{value}}), not {{title}}"
    af_single: str = (
        "should be a single answer ({{value}}), not {{title}}; to keep brackets or braces as "
        "text, put the answer in quotes"
    )
    af_unknown: str = "is not a question of this coach (known: {{list}})"
    af_entries: str = "should be a list of entries"
    af_min_entries: str = "needs at least {{count}} entries"
    af_entry_shape: str = "should be a mapping of field ids to answers"
    af_not_field: str = "is not a field of {{id}}"
    af_not_yet: str = (
        "can't be used yet: '{{id}}' comes first, has no default and is not in the file"
    )
    af_needed: str = "'{{id}}' is needed"
    md_blank: str = "*(left blank)*"
    md_still_adding: str = " *(still adding)*"
    md_step: str = "## Step {{number}} of {{total}} · {{title}}"
    md_not_finished: str = "*Not finished yet.*"
    md_not_started: str = "*Not started yet.*"
    md_due: str = "due {{date}}"
    md_done: str = "done {{date}}"
    md_session: str = "- **Session:** {{id}}"
    md_started: str = "- **Started:** {{date}}"
    md_finished: str = "- **Finished:** {{date}}"
    md_not_yet: str = "not yet"
    md_exported: str = "- **Exported:** {{date}}"
    md_the_call: str = "## The call"
    md_not_answered: str = "*Not answered yet.*"
    md_checklist: str = "## Checklist"
    md_no_items: str = "*Nothing yet: items appear as the steps are done.*"
    md_next: str = "**Next:** {{value}}"
    company_unknown: str = "(company not given yet)"
    role_unknown: str = "(role not given yet)"
    left_blank: str = "(left blank)"
    step_done: str = "{{title}}: done."
    answer_none: str = "(none)"
    clash_cleared: str = "nothing (it was cleared)"
    clash_tags: str = "tags"
    clash_field: str = "the {{name}}"
    clash_keep: str = (
        "While you were typing, another rebound changed {{title}} of this story to {{value}}. "
        "Keep yours, {{name}}?"
    )
    broken_too_old: str = "schema {{number}} is too old to read"
    schedule_no_answer: str = "no answer"
    schedule_not_found: str = "not found"
    ics_done: str = "Done."
    ics_done_on: str = "Done on {{date}}."
    # --- end of the words of every command and error ---


class Content(_Strict):
    """All the coaching text and questions, loaded from one content folder."""

    opening: Opening
    steps: list[Step]
    words: Words = Field(default_factory=Words)
    ui: Ui = Field(default_factory=Ui)
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
        return templates.Words(and_=self.words.and_, yes=self.words.yes, no=self.words.no)

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

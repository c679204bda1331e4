"""Pydantic models of what the content YAML may say: prompts, steps, drafts, the checklist.

Strict (unknown keys are errors) because a typo in a content file should be caught by `rebound
content validate`, not discovered halfway through someone's bad day. `Content` holds a whole pack;
the coach's own sentences (its `ui:` section) are modelled in `rebound.sentences.catalogue`, and
the values an answer may hold in `rebound.storage.records`.
"""

from __future__ import annotations

import functools
import re
from typing import Final, Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from rebound.pack.conditions import Condition, Conditions, Line, _Strict
from rebound.pack.date_words import WEEKDAYS, DateForms, check_weekdays
from rebound.pack.letter_words import LetterWords
from rebound.sentences import templates
from rebound.sentences.catalogue import Ui
from rebound.storage.records import Scalar

_ID = re.compile(r"^[a-z][a-z0-9_-]*$")

FieldKind = Literal["text", "email", "date", "number", "select", "checkbox", "confirm"]
PromptKind = Literal["text", "email", "date", "number", "select", "checkbox", "confirm", "list"]


def _check_id(value: str) -> str:
    # Starting with a letter also keeps ENTRY_ID ('_id') out of every pack.
    if not _ID.match(value):
        raise ValueError("use lower-case letters, digits, '-' or '_', starting with a letter")
    return value


class Choice(_Strict):
    """One option of a select or checkbox prompt."""

    value: str
    label: str


class DueAfter(_Strict):
    """A due date some days after a prompt: after the day a date prompt gives (a month after
    `call_date` is a month after the news came), else after the moment it was answered (a
    follow-up a week after asking)."""

    prompt: str
    days: int = Field(ge=0, le=365)


class Nudge(_Strict):
    """A gentle push back on a surprising but possible date: more than `after_days` days ahead,
    or more than `before_days` days ago. The person is asked whether to keep it."""

    after_days: int | None = Field(default=None, ge=0)
    before_days: int | None = Field(default=None, ge=0)
    message: str

    @model_validator(mode="after")
    def _one_side(self) -> Nudge:
        if self.after_days is None and self.before_days is None:
            raise ValueError("give 'after_days' (ahead), 'before_days' (ago), or both")
        return self


TODAY: Final = "today"
"""A date limit (`not_before`, `not_after`) of today, rather than of another answer."""


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
    # Dates that make no sense are refused: `today`, or the id of an earlier date prompt (the
    # news came today or earlier: `not_after: today`; a fix after it: `not_before: call_date`).
    not_before: str | None = None
    not_after: str | None = None

    _valid_id = field_validator("id")(_check_id)

    @model_validator(mode="after")
    def _limits_fit_kind(self) -> FieldDef:
        for key in ("not_before", "not_after"):
            limit = getattr(self, key)
            if limit is None:
                continue
            if self.kind != "date":
                raise ValueError(f"'{key}' only goes with a date prompt")
            if limit != TODAY and not _ID.match(limit):
                raise ValueError(f"'{key}' is 'today' or the id of an earlier date prompt")
        return self

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
    """A prompt of a step. A `list` prompt repeats its `fields` until the person says done.

    `default_for_earlier_sessions` is the default offered instead of `default` to a session
    that went past this question before the pack had it (one that kept a draft of its step,
    ticked one of its step's items, or answered a later question): a question added since must
    not steer someone against what they already sent (`defaults.went_past`).
    """

    kind: PromptKind = "text"  # type: ignore[assignment]
    fields: list[FieldDef] = []
    first: str | None = None
    more: str | None = None
    min_items: int = Field(default=0, ge=0)
    default_for_earlier_sessions: Scalar | list[str] | None = None

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

    @model_validator(mode="after")
    def _earlier_default_fits(self) -> PromptDef:
        earlier = self.default_for_earlier_sessions
        if earlier is None:
            return self
        if self.kind == "list":
            raise ValueError("'default_for_earlier_sessions' does not go with a 'list' prompt")
        values = [c.value for c in self.choices]
        if self.kind == "select" and earlier not in values:
            raise ValueError(f"default_for_earlier_sessions {earlier!r} is not one of the choices")
        return self


class Draft(_Strict):
    """A text made from the person's answers: an email, a post, interview notes.

    `to` and `subject` (templates, or lists of `Line`s: the first that holds) make it a message
    with a recipient; `channel` says how it goes ('email', 'linkedin', or a template such as
    `{{channel}}`, filled with answers' values rather than their labels; or a list of `Line`s,
    the first that holds: a reply goes the way the news came). `parts` are named
    pieces of text chosen by the answers, which the template reads like answers (`{{opening}}`).
    `when` says whether the draft exists at all. `each` makes one draft per entry of a list
    answer (ids `ID-1`, `ID-2`, ...), whose fields its templates and conditions read. `limits`
    caps the length of the body by channel (`{linkedin: 300}`): while it is too long, the last
    of the `optional` parts steps down to its next line that holds, and at last to nothing;
    a part also `kept` only ever to another line (what someone looks for never vanishes: it is
    said shorter), and no whole-letter finding leaves it out either.
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
    channel: str | list[Line] | None = None
    parts: dict[str, list[Line]] = {}
    optional: list[str] = []
    kept: list[str] = []
    limits: dict[str, int] = {}

    _valid_id = field_validator("id")(_check_id)

    @model_validator(mode="after")
    def _parts(self) -> Draft:
        for name in [*self.parts, *self.optional]:
            if not re.match(r"^[a-z][a-z0-9_]*$", name):
                raise ValueError(f"'{name}': a part's name is lower-case letters, digits or '_'")
        for key, names in (("optional", self.optional), ("kept", self.kept)):
            unknown = [name for name in names if name not in self.parts]
            if unknown:
                raise ValueError(f"'{unknown[0]}' in '{key}' is not one of the 'parts'")
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
    prompt (a date prompt's day, or when another was answered); `info` items are facts, not
    things to tick. An `opens` item's date is the day something becomes possible (you may apply
    again), not a deadline: it is never overdue.
    """

    id: str
    label: str | list[Line]
    done_when: Condition | None = None
    each: str | None = None
    due: str | None = None
    due_after: DueAfter | None = None
    next: str | None = None
    info: bool = False
    opens: bool = False
    when: Conditions | None = None

    _valid_id = field_validator("id")(_check_id)

    @model_validator(mode="after")
    def _one_due(self) -> ChecklistItem:
        if self.due is not None and self.due_after is not None:
            raise ValueError("give 'due' or 'due_after', not both")
        if self.info and (self.due or self.due_after or self.done_when):
            raise ValueError("an 'info' item has no due date and is never done")
        if self.opens and self.due is None and self.due_after is None:
            raise ValueError("an 'opens' item needs its day: 'due' or 'due_after'")
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
    # title that says a gender, where the language greets women and men differently) or by name;
    # `nobody`, with no name, someone known only by their job ('recruiter at Rullion').
    greetings: dict[str, str] = Field(
        default_factory=lambda: {"title": "Dear {{name}},", "name": "Hi {{name}},"}
    )
    dates: dict[str, int] = Field(default_factory=dict)  # 'mañana': 1, days from today
    # How a careful reader reads a letter in this language (rebound.pack.letter_words).
    letters: LetterWords = Field(default_factory=LetterWords)
    # 'next friday', 'in 2 weeks': the days of the week, and how a day or a length is said.
    weekdays: list[str] = Field(default_factory=lambda: list(WEEKDAYS))
    date_forms: DateForms = Field(default_factory=DateForms)
    months: list[str] = Field(  # as `rebound stats` names them
        default_factory=lambda: list(MONTHS), min_length=12, max_length=12
    )

    @field_validator("greetings")
    @classmethod
    def _greetings(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = set(value) - {"title", "title_f", "title_m", "name", "nobody"}
        if unknown:
            raise ValueError(f"'{sorted(unknown)[0]}': use title, title_f, title_m, name or nobody")
        for key in (value.keys() | {"title", "name"}) - {"nobody"}:
            if "{{name}}" not in value.get(key, ""):
                raise ValueError(f"give '{key}', with {{{{name}}}} where the name goes")
        return value

    _weekdays = field_validator("weekdays")(check_weekdays)

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
    names the checklist item whose date is the day the company may be asked again; `reply`
    names the checklist item whose drafts answer the email a session started from (`rebound
    start --from`): they go out as replies in its thread, 'Re: ' their subject.
    """

    keep_in_touch: dict[str, int] = {}
    keep_in_touch_default: int = Field(default=8, ge=1, le=52)
    feedback: FeedbackLater = Field(default_factory=FeedbackLater)
    reapply: str | None = None
    reply: str | None = None

    @field_validator("keep_in_touch")
    @classmethod
    def _weeks(cls, value: dict[str, int]) -> dict[str, int]:
        for relation, weeks in value.items():
            if not 1 <= weeks <= 52:
                raise ValueError(f"'{relation}': give between 1 and 52 weeks")
        return value


class Content(_Strict):
    """All the coaching text and questions, loaded from one content folder."""

    opening: Opening
    steps: list[Step]
    words: Words = Field(default_factory=Words)
    ui: Ui = Field(default_factory=Ui)
    follow_up: FollowUp = Field(default_factory=FollowUp)
    source: str = ""
    # What the pack was read from, as `packs.fingerprint` names it: two packs with the same are
    # the same pack (drafts made with one are the other's: `compose.draft_texts`). None: not
    # known (a pack read without a cache, or made in code).
    _fingerprint: str | None = PrivateAttr(default=None)

    @property
    def fingerprint(self) -> str | None:
        return self._fingerprint

    def made_from(self, fingerprint: str | None) -> Content:
        """This pack, known as read from `fingerprint` (see `packs.load`)."""
        self._fingerprint = fingerprint
        return self

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

    @functools.cached_property
    def template_words(self) -> templates.Vocabulary:
        """The words, as the template renderer and its filters take them (made once: a pack's
        models are frozen; not a field, so two packs read alike stay equal)."""
        letters = self.words.letters
        return templates.Vocabulary(
            and_=self.words.and_,
            yes=self.words.yes,
            no=self.words.no,
            grammar=self.words.grammar,
            greetings=tuple(sorted(self.words.greetings.items())),
            articles=tuple(letters.articles),
            determiners=tuple(letters.determiners),
            subject_pronouns=tuple(letters.subject_pronouns),
            linking_verbs=tuple(letters.linking_verbs),
            clause_words=tuple(letters.clause_words),
            role_words=tuple(letters.role_words),
            job_nouns=tuple(n for nouns in letters.job_nouns.values() for n in nouns),
            feminine=tuple(letters.job_nouns.get("f", ())),
            mass_nouns=tuple(letters.mass_nouns),
            describing=tuple(letters.describing),
            describing_endings=tuple(letters.describing_endings),
            institutions=tuple((a, tuple(n)) for a, n in letters.institutions.items()),
            institution_joins=tuple(letters.institution_joins),
            contractions=tuple(
                (pair.split()[0], pair.split()[-1], joined)
                for pair, joined in letters.contractions.items()
            ),
            third_person=tuple(letters.third_person),
            title_words=tuple(sorted(letters.known_words)),
            place_said=tuple(letters.place_said.items()),
            near_home=tuple(letters.near_home),
            near_home_said=letters.near_home_said,
            needs_place=tuple(letters.needs_place),
            compounds=tuple(letters.compounds),
            acronyms=frozenset(letters.acronyms),
            place_names=tuple(letters.place_names),
            joining=tuple(letters.joining),
            did_words=tuple(letters.did_words),
            did_endings=tuple(letters.did_endings),
            step_words=tuple(letters.step_words),
            step_endings=tuple(letters.step_endings),
            place_before=letters.place_before,
            place_areas=tuple(letters.place_areas),
            known_for_own=tuple(letters.known_for_own),
            wish_leads=tuple(letters.wish_leads.items()),
            known_for_clause=tuple(letters.known_for_clause.items()),
            known_for_as_typed=frozenset(letters.known_for_as_typed),
            verb_endings=tuple(letters.verb_endings),
            reader_pronouns=tuple(
                (p, tuple(forms.items())) for p, forms in letters.reader_pronouns.items()
            ),
            reader_verbs=tuple(letters.reader_verbs.items()),
            reader_past=tuple(letters.reader_past),
            reader_past_endings=tuple(letters.reader_past_endings),
            reader_between=tuple(letters.reader_between),
            reader_between_endings=tuple(letters.reader_between_endings),
            reader_openers=tuple(letters.reader_openers),
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

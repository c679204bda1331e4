"""Pydantic models of what the content YAML may say: prompts, steps, drafts, the checklist.

Strict (unknown keys are errors) because a typo in a content file should be caught by
`rebound content validate`, not discovered halfway through someone's bad day. The coach's own
sentences are in `rebound.ui`, and `Content`, which holds them all, in `rebound.models`, which
re-exports all of these.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

_ID = re.compile(r"^[a-z][a-z0-9_-]*$")

Scalar = str | int | bool
Item = dict[str, Scalar | None]
AnswerValue = bool | int | str | list[str] | list[Item] | None

FieldKind = Literal["text", "email", "date", "number", "select", "checkbox", "confirm"]
PromptKind = Literal["text", "email", "date", "number", "select", "checkbox", "confirm", "list"]


# The base of every content model, `rebound.ui.Ui` and `models.Content` too (imported there by
# this name, which the pydantic mypy plugin follows where an alias would hide it).
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

    _valid_id = field_validator("id")(_check_id)

    @model_validator(mode="after")
    def _ticks_a_message(self) -> Draft:
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

"""Pydantic models: what a saved session holds, the brag list and the contact log.

The content models (`rebound.content_models`) and the coach's sentences (`sentences.catalogue`) live
in their own modules and are re-exported here, so `from rebound.models import X` works for all.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from rebound.content_models import (
    MONTHS,
    TODAY,
    AnswerValue,
    ChecklistItem,
    Choice,
    Condition,
    Conditions,
    Draft,
    DueAfter,
    FeedbackLater,
    FieldDef,
    FieldKind,
    FollowUp,
    Item,
    Line,
    Nudge,
    Opening,
    PromptDef,
    PromptKind,
    Said,
    Scalar,
    Step,
    Words,
    _Strict,
)
from rebound.sentences import templates
from rebound.sentences.catalogue import UI_NAMES, Ui

# Re-exported: `from rebound.models import X` works for every model, wherever it is declared.
__all__ = [
    "MONTHS",
    "TODAY",
    "UI_NAMES",
    "AnswerValue",
    "ChecklistItem",
    "Choice",
    "Condition",
    "Conditions",
    "Draft",
    "DueAfter",
    "FeedbackLater",
    "FieldDef",
    "FieldKind",
    "FollowUp",
    "Item",
    "Line",
    "Nudge",
    "Opening",
    "PromptDef",
    "PromptKind",
    "Said",
    "Scalar",
    "Step",
    "Ui",
    "Words",
    "_Strict",
]

SCHEMA_VERSION: Final = 4

ENTRY_ID: Final = "_id"


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
    # The built-in pack it was started in ('es'): later commands speak it unless told otherwise
    # (--lang). None: started before rebound kept it, or with a content folder of one's own.
    lang: str | None = None

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

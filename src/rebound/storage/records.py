"""Pydantic models of what is saved: a session, the brag list and the contact log.

What a pack may say (its prompts, steps and sentences) is modelled in `rebound.pack.models`;
the values a session's answers may hold are declared here, with the records that keep them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

# What an answer may be: a text, a number, yes or no, ticked choices, or a list's entries.
Scalar = str | int | bool
Item = dict[str, Scalar | None]
AnswerValue = bool | int | str | list[str] | list[Item] | None

SCHEMA_VERSION: Final = 4

ENTRY_ID: Final = "_id"


class OpenList(BaseModel):
    """A list prompt being answered: the entries so far and the one being typed."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    items: list[Item] = []
    current: Item | None = None


class Thread(BaseModel):
    """The email a session started from (`rebound start --from`): what a reply needs to join its
    thread, and nothing else of the message.

    `message_id` is its Message-ID ('<...>'; '' when pasted text had none), `subject` its subject
    as it came, `no_reply` whether it came from an address nobody reads (the walk then asks who
    the person was rather than offer it).
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)

    message_id: str = ""
    subject: str = ""
    no_reply: bool = False


class Written(BaseModel):
    """Which computer gave an answer, when, and the moments of the answers it replaced (newest
    first, a few): how a merge tells an answer changed on one computer from one changed on two
    since they last agreed (`rebound.storage.merging`)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    on: str | None = None
    at: datetime
    past: list[datetime] = []


class Also(BaseModel):
    """An answer that lost to a newer one when two computers changed it at once: kept, and
    shown by `rebound show` as "also written on <on> at <at>"."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    value: AnswerValue
    at: datetime
    on: str | None = None


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
    # Sentences of the drafts the person rewrote themselves, by the part's key (`letters.compose.
    # part_key`: 'detail', 'outreach-2.looking'): used as they wrote them, whatever the drafts
    # are made from next. Optional and empty by default: no schema change.
    sentences: dict[str, str] = {}
    finished_at: datetime | None = None
    # The built-in pack it was started in ('es'): later commands speak it unless told otherwise
    # (--lang). None: started before rebound kept it, or with a content folder of one's own.
    lang: str | None = None
    # Started from an email (`rebound start --from`): its thread, and what it said, by question
    # id, offered as each question's default until that question is answered. Optional with
    # defaults, as `edited` and `lang`: no schema change.
    thread: Thread | None = None
    suggested: dict[str, AnswerValue] = {}
    # For a data folder synced between computers (rebound.storage.merging). Optional and empty by
    # default, so that files without them load as they are: no schema change.
    written: dict[str, Written] = {}  # by answer id: which computer gave it, over what
    # By answer id ('edited:<draft>' for a draft, 'sentence:<part>' for a rewritten sentence):
    # the others.
    also: dict[str, list[Also]] = {}
    unticked: dict[str, datetime] = {}  # by item id: when it was last unticked

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
    # When its text was last edited on the list, and over what (optional: None in older files).
    changed: Written | None = None


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

"""The brag list across sessions: gathering wins from sessions, finding, changing, rehearsing.

Pure logic: every function works on the models it is given and returns or changes them; the
caller loads and saves (under `store.lock(BRAG_LOCK)`).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from rebound import clock
from rebound.errors import UsageError
from rebound.pack.context import entry_id
from rebound.pack.models import Content
from rebound.storage.records import Accomplishment, BragList, Item, Session

PROMPT: Final = "accomplishments"
"""The list prompt of the accomplishments step, whose entries become brag-list items."""

REHEARSED: Final = "rehearsed"
"""The accomplishments step's yes/no: the person told the session's stories out loud."""

STORY_FIELDS: Final = ("situation", "task", "action", "result")
TEXT_FIELDS: Final = ("title", *STORY_FIELDS, "number")

RATINGS: Final = range(1, 6)

_ID_WORDS = 4
_ID_CHARS = 32
# Words an id should not end on: 'cut-the-release-time' reads better than '...-time-from'.
_WEAK_WORDS = "a an and at by for from in into of on or the to with"
_WEAK_ENDINGS = frozenset(_WEAK_WORDS.split())


# --- ids and references --------------------------------------------------------------------------


def story_slug(title: str) -> str:
    """A story's id on the brag list, from its title: its first few words, lower-case, joined by
    '-' (typed at `rebound brag edit ID`, so readable in any script; a session's id uses
    `progress.company_slug`, which must be file-safe ASCII).

    Accents are dropped ('Réduit' -> 'reduit'); letters of other scripts are kept as they are.
    """
    folded = unicodedata.normalize("NFKD", title)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    words = re.findall(r"[^\W_]+", folded)
    picked: list[str] = []
    for word in words:
        if len(picked) == _ID_WORDS or len("-".join([*picked, word])) > _ID_CHARS:
            break
        picked.append(word)
    while len(picked) > 1 and picked[-1] in _WEAK_ENDINGS:
        picked.pop()
    out = "-".join(picked)[:_ID_CHARS].strip("-")
    if not out:
        return "story"
    # An id of digits only would be read as a position in the list (`rebound brag edit 3`).
    return f"story-{out}" if out.isdigit() else out


def unique_id(title: str, taken: Collection[str]) -> str:
    """`story_slug(title)`, or `...-2`, `...-3`... when that is taken."""
    base = story_slug(title)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def find(brag: BragList, ref: str) -> Accomplishment:
    """The item an id, a unique start of an id, or a 1-based number (as `rebound brag` lists) names.

    Raises:
        UsageError: nothing fits, or a prefix fits several items; the message says what to do.
    """
    wanted = ref.strip().lstrip("#").casefold()
    if not wanted:
        raise UsageError("story_which")
    for item in brag.items:
        if item.id == wanted:
            return item
    if wanted.isdigit():
        number = int(wanted)
        if 1 <= number <= len(brag.items):
            return brag.items[number - 1]
        count = len(brag.items)
        key = "story_no_number_one" if count == 1 else "story_no_number"
        raise UsageError(key, number=number, count=count)
    matches = [item for item in brag.items if item.id.startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UsageError("story_no_name", value=ref.strip())
    names = ", ".join(m.id for m in matches[:4]) + ("..." if len(matches) > 4 else "")
    raise UsageError("story_fits_several", value=ref.strip(), count=len(matches), list=names)


# --- changing the list ---------------------------------------------------------------------------


def _text(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    return text or None


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as given, split at commas, trimmed, without blanks or repeats (ignoring case)."""
    out: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        for part in tag.split(","):
            word = part.strip()
            if word and word.casefold() not in seen:
                seen.add(word.casefold())
                out.append(word)
    return out


def with_title(brag: BragList, title: str) -> Accomplishment | None:
    """The win on the list with this title (case, spaces and accents aside), if there is one."""
    from rebound.names import fold

    wanted = fold(title)
    return next((i for i in brag.items if wanted and fold(i.title) == wanted), None)


def add(
    brag: BragList,
    title: str,
    now: datetime,
    *,
    situation: str | None = None,
    task: str | None = None,
    action: str | None = None,
    result: str | None = None,
    number: str | None = None,
    tags: Iterable[str] = (),
    source: str | None = None,
) -> Accomplishment:
    """Add a story at the end of the list, with a new unique id; the new item.

    Raises:
        ValueError: the title is blank.
    """
    clean_title = _text(title)
    if clean_title is None:
        raise ValueError("a story needs a title")
    item = Accomplishment(
        id=unique_id(clean_title, {i.id for i in brag.items}),
        title=clean_title,
        situation=_text(situation),
        task=_text(task),
        action=_text(action),
        result=_text(result),
        number=_text(number),
        tags=clean_tags(tags),
        source=source,
        added_at=now,
    )
    brag.items.append(item)
    return item


def edit(
    item: Accomplishment,
    *,
    title: str | None = None,
    situation: str | None = None,
    task: str | None = None,
    action: str | None = None,
    result: str | None = None,
    number: str | None = None,
    tags: Iterable[str] | None = None,
) -> bool:
    """Change the fields given (None: leave as is; '' clears a note); True if anything changed.

    The id stays the same, so that references to it keep working after a new title.

    Raises:
        ValueError: the new title is blank.
    """
    before = item.model_dump()
    if title is not None:
        clean_title = _text(title)
        if clean_title is None:
            raise ValueError("a story needs a title")
        item.title = clean_title
    notes = {"situation": situation, "task": task, "action": action, "result": result}
    for name, value in {**notes, "number": number}.items():
        if value is not None:
            setattr(item, name, _text(value))
    if tags is not None:
        item.tags = clean_tags(tags)
    return item.model_dump() != before


def remove(brag: BragList, item: Accomplishment) -> Accomplishment:
    """Take an item off the list; the item.

    Raises:
        ValueError: the item is not on this list.
    """
    for position, candidate in enumerate(brag.items):
        if candidate is item or candidate.id == item.id:
            removed = brag.items.pop(position)
            if removed.source and removed.source not in brag.removed:
                brag.removed.append(removed.source)  # so that a sync does not bring it back
            return removed
    raise ValueError(f"'{item.id}' is not on the list")


# --- gathering from sessions ---------------------------------------------------------------------


def entries(session: Session) -> Iterator[tuple[str, Item]]:
    """(stable id, entry) of each finished accomplishment entry of a session, in order.

    A finished list is an answer; a list still being answered (or opened again) keeps its
    finished entries in `open_lists`. The entry being typed is left out.
    """
    answered = session.answers.get(PROMPT)
    if isinstance(answered, list):
        found: list[Item] = [e for e in answered if isinstance(e, dict)]
    else:
        open_list = session.open_lists.get(PROMPT)
        found = list(open_list.items) if open_list is not None else []
    for position, entry in enumerate(found, start=1):
        yield entry_id(entry, position), entry


def source_of(session: Session, entry: str) -> str:
    """How an item that came from a session entry names it: `<session id>#<entry id>`."""
    return f"{session.id}#{entry}"


def taken_from(entry: Item) -> dict[str, str | None]:
    """The text fields of a session entry as an item takes them in (trimmed; blank is None)."""
    return {name: _text(entry.get(name)) for name in TEXT_FIELDS}


def fields(item: Accomplishment) -> dict[str, str | None]:
    """The text fields of a story, as `taken_from` gives an entry's."""
    return {name: getattr(item, name) for name in TEXT_FIELDS}


def carry_to_entry(item: Accomplishment, session: Session) -> bool:
    """Bring a story edited on the brag list to the session entry it came from, so that the
    session (its interview stories) tells it as the list does; False when the entry is gone.
    A note given to it there opens the entry's story."""
    wanted = item.source.split("#", 1)[1] if item.source and "#" in item.source else None
    answer = session.answers.get(PROMPT)
    for entry_id_, entry in entries(session) if isinstance(answer, list) else ():
        if entry_id_ != wanted:
            continue
        for name, value in fields(item).items():
            entry[name] = value
        if any(entry.get(name) for name in STORY_FIELDS):
            entry["story"] = True
        return True
    return False


@dataclass
class SyncReport:
    """What `sync` did. True when the list changed and must be saved."""

    added: int = 0
    """Session entries put on the list."""
    updated: int = 0
    """Items that took in a correction made in their session."""
    remembered: int = 0
    """Items from before version 4 that now remember their entry (nothing shown changes)."""

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.remembered)


def sync(
    brag: BragList, sessions: Iterable[Session], now: datetime, skip: Collection[str] = ()
) -> SyncReport:
    """Bring the sessions' accomplishments onto the list: new entries, and corrections.

    An item knows its entry by the entry's stable id (`source_of`), which the entry keeps
    however the list around it changes, and which is never given to another entry.

    New entries: each entry is added once, ever, so running this again adds nothing, and an
    item taken off the list (`removed`) does not come back. `skip` names sources that must not
    be added either. Sessions are taken oldest first, so the list reads in the order the wins
    were written down.

    Corrections: an item remembers the entry's text as it took it in (`synced`). When that
    entry was corrected in its finished list (`rebound continue --step accomplishments`,
    Ctrl-B), the item takes the new text in, keeping its id, tags, ratings and practice. Never
    when the item was edited on the brag list (its text is no longer what it took in): the
    brag list's version wins, for good.

    An item from before version 4 (`synced` None) starts to follow its entry the first time it
    reads exactly as the entry: until then it is impossible to tell an edit on the list from a
    correction in the session, and the list's version is kept.
    """
    known = {item.source for item in brag.items if item.source} | set(brag.removed) | set(skip)
    done = SyncReport()
    for session in sorted(sessions, key=lambda s: (clock.instant(s.created_at), s.id)):
        if not session.id:
            continue
        finished = isinstance(session.answers.get(PROMPT), list)
        followed = {item.source: item for item in brag.items if item.source}
        for entry, value in entries(session):
            source = source_of(session, entry)
            taken = taken_from(value)
            title = taken["title"]
            if title is None:
                continue
            item = followed.get(source)
            if item is not None:
                if finished:  # a list being answered may be half-way through a correction
                    _take_correction(item, taken, done)
                continue
            if source in known:
                continue
            item = add(
                brag,
                title,
                now,
                situation=taken["situation"],
                task=taken["task"],
                action=taken["action"],
                result=taken["result"],
                number=taken["number"],
                source=source,
            )
            item.synced = taken
            known.add(source)
            done.added += 1
    return done


def _take_correction(item: Accomplishment, taken: dict[str, str | None], done: SyncReport) -> None:
    """Bring the text of the item's entry onto it, unless it was edited on the list."""
    now_reads = fields(item)
    if item.synced is None:
        if now_reads == taken:  # from before version 4, and as its entry: follow it from now on
            item.synced = taken
            done.remembered += 1
        return
    if now_reads != item.synced or taken == item.synced:
        return  # edited on the list (its version wins), or nothing new
    for name, value in taken.items():
        setattr(item, name, value)
    item.synced = taken
    done.updated += 1


# --- rehearsing ----------------------------------------------------------------------------------


def average(item: Accomplishment) -> float | None:
    """The average rating, or None before the first one."""
    return sum(item.ratings) / len(item.ratings) if item.ratings else None


def pick_for_rehearsal(brag: BragList, count: int) -> list[Accomplishment]:
    """Up to `count` items that need practice most: least practised first, then the lowest
    average rating, then the longest since practised (or since added)."""
    order = {id(item): n for n, item in enumerate(brag.items)}

    def need(item: Accomplishment) -> tuple[int, float, float, float, int]:
        last = clock.instant(item.last_practised) if item.last_practised else float("-inf")
        return (
            item.practised,
            average(item) or 0.0,
            last,
            clock.instant(item.added_at),
            order[id(item)],
        )

    return sorted(brag.items, key=need)[: max(count, 0)]


def record(item: Accomplishment, rating: int, now: datetime) -> None:
    """Count one rehearsal of the item, with how it went (1 to 5).

    Raises:
        ValueError: the rating is not 1 to 5.
    """
    if rating not in RATINGS:
        raise ValueError("a rating is 1 to 5")
    item.practised += 1
    item.ratings.append(rating)
    item.last_practised = now


def rehearsed_items(content: Content) -> list[str]:
    """The checklist items done once the stories are told out loud ("Stories rehearsed out
    loud": done when `REHEARSED` is yes), which a finished `rebound rehearse` ticks."""
    return [
        item.id
        for step in content.steps
        for item in step.checklist
        if item.done_when is not None and item.done_when.prompt == REHEARSED and not item.each
    ]


def told_aloud(brag: BragList, session: Session) -> int:
    """Count the session's "I told these stories out loud" (`REHEARSED` answered yes) as a
    practice of each of its items not practised yet, so that `rebound brag` says what the
    checklist says ("Stories rehearsed out loud", never "not practised yet").

    Only items never practised: the answer is kept (Enter) when the step is revisited, and
    that is not another telling; an item rehearsed since already says so. No rating is added:
    none was given. Returns how many items changed.
    """
    when = session.answered_at.get(REHEARSED)
    if session.answers.get(REHEARSED) is not True or when is None or not session.id:
        return 0
    changed = 0
    for item in brag.items:
        if (item.source or "").startswith(f"{session.id}#") and not item.practised:
            item.practised = 1
            item.last_practised = when
            changed += 1
    return changed


# How an interviewer would ask for the story. Titles that start with a verb in the past tense
# ('Cut the batch...', 'Led the...') fit "a time you ..."; anything else is quoted as a topic.
# The phrasings are the pack's sentences (`cue_action_*`, `cue_topic_*`).
_AS_ACTION = ("cue_action_1", "cue_action_2", "cue_action_3", "cue_action_4")
_AS_TOPIC = ("cue_topic_1", "cue_topic_2", "cue_topic_3")
_PAST_WORDS = """
    became began brought built bought chose cut did drew drove fought found gave got grew had
    held hired hit kept led left lost made met overcame put ran rebuilt rewrote said saw set
    shut sold spent split spoke stood taught thought took told undertook understood was went
    were won wrote
"""
_PAST = frozenset(_PAST_WORDS.split())


def _past_tense(word: str) -> bool:
    lower = word.casefold()
    return lower in _PAST or (len(lower) > 3 and lower.endswith("ed") and not lower.endswith("eed"))


def _lower_first(text: str) -> str:
    """Lower-case the first word when it is only capitalised to start a sentence: 'Cut' -> 'cut',
    but 'AWS', 'GraphQL', 'iOS' and 'I' stay as they are."""
    first, sep, rest = text.partition(" ")
    if first != "I" and first[:1].isupper() and not any(c.isupper() for c in first[1:]):
        first = first[0].lower() + first[1:]
    return first + sep + rest


def cue(item: Accomplishment) -> str:
    """The interviewer's question that asks for this story.

    The phrasing varies from story to story but is always the same for one story (chosen from
    its id), so a rehearsal feels like an interview rather than a form.
    """
    title = " ".join(item.title.split()).rstrip(".!?;:, ")
    words = title.split(" ", 2)
    if len(words) > 2 and words[0] == "I" and _past_tense(words[1]):
        title = title[2:]  # 'I led the migration' -> '... a time you led the migration.'
    phrasings = _AS_ACTION if _past_tense(title.split(" ", 1)[0]) else _AS_TOPIC
    choice = zlib.crc32(item.id.encode("utf-8")) % len(phrasings)
    from rebound.sentences import speech as said

    return said.say(phrasings[choice], value=_lower_first(title))


def notes(item: Accomplishment) -> list[tuple[str, str]]:
    """(label, text) of the STAR notes and the number that are filled in, in STAR order."""
    from rebound.sentences import speech

    star = ("situation", "task", "action", "result", "number")
    labels = {name: speech.say(f"note_{name}") for name in star}
    out = []
    for name, label in labels.items():
        value = getattr(item, name)
        if value:
            out.append((label, str(value)))
    return out

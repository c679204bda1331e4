"""Two versions of one session merged into one that keeps everything typed in either: answer by
answer by when each was given, list entries by their ids, ticks by the later tick or untick.

Pure functions, no I/O (`rebound.storage.conflicts` reads the versions and saves the result; the
brag list and the contact log are merged in `rebound.storage.merging_shared`). The merge is the
same whichever version comes first, and merging a result with either version again changes
nothing, so two computers that merge the same copies end with the same file.

- An answer given on one side only is taken. Two different answers: when one was written over
  the other (`stamps.descends`), it is the answer; else both changed it since they last agreed,
  and the newer stays while the other is kept in `also` ("also written on <computer> at <time>").
- A list answer's entries are merged by their stable ids (`_id`) the same way, entry by entry.
- Ticks: for each item, the latest tick or untick of either side wins.
- Sentences of the drafts rewritten by the person are merged as edited drafts are; the email
  the session started from (`thread`, `suggested`) is the newer side's.
- Nothing is ever dropped: what loses is kept in `also`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from rebound import clock
from rebound.storage.records import (
    ENTRY_ID,
    Also,
    AnswerValue,
    Item,
    OpenList,
    Session,
    Written,
)
from rebound.storage.stamps import PAST_KEPT, descends

EDITED = "edited:"  # the key in `also` of a draft's edited text: 'edited:<draft id>'
SENTENCE = "sentence:"  # the key in `also` of a sentence rewritten on both: 'sentence:<part>'
_ENTRY_NUMBER = re.compile(r"^e(\d+)$")
_T = TypeVar("_T")


@dataclass
class Report:
    """What a merge took from the other version, to say in one line."""

    changes: int = 0  # answers, entries, ticks, stories, touches the other version brought
    both: int = 0  # changed on both sides since they agreed: the other kept beside the newer


def moment_key(moment: datetime | None) -> float:
    return clock.instant(moment) if moment is not None else float("-inf")


def canonical(value: object) -> str:
    """A canonical text of any saved value: what ties are broken by, so that the order of the
    two versions never decides anything."""
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def newer_of(a: _T, b: _T, when: Callable[[_T], datetime | None]) -> tuple[_T, _T]:
    """(the newer, the older) of two versions by `when`; a tie by their canonical text."""
    ka, kb = moment_key(when(a)), moment_key(when(b))
    if ka != kb:
        return (a, b) if ka > kb else (b, a)
    dump = getattr(a, "model_dump", None)
    ta = canonical(dump(mode="json") if dump else a)
    dump = getattr(b, "model_dump", None)
    tb = canonical(dump(mode="json") if dump else b)
    return (a, b) if ta >= tb else (b, a)


@dataclass(frozen=True)
class _Version:
    """One side's version of one answer."""

    value: AnswerValue
    at: datetime | None
    mark: Written | None

    @property
    def on(self) -> str | None:
        return self.mark.on if self.mark is not None else None


def _joined_mark(winner: _Version, loser: _Version) -> Written | None:
    """The mark of a merged answer: the winner's, having seen the loser too (so that the loser's
    computer, meeting the merged file again, finds its version in the merged one's past)."""
    if winner.at is None:
        return winner.mark
    past = list(winner.mark.past) if winner.mark is not None else []
    if loser.at is not None and loser.at != winner.at and loser.at not in past:
        past = [loser.at, *past]
    if loser.mark is not None:
        past += [p for p in loser.mark.past if p not in past and p != winner.at]
    past.sort(key=moment_key, reverse=True)
    on = winner.mark.on if winner.mark is not None else None
    return Written(on=on, at=winner.at, past=past[:PAST_KEPT])


def _also(key: str, loser: _Version, out: dict[str, list[Also]]) -> bool:
    """Keep a losing answer in `also`; False when it is there already."""
    if loser.at is None:
        return False  # never given (an entry of a list merged as a whole): nothing to keep
    kept = Also(value=loser.value, at=loser.at, on=loser.on)
    found = out.setdefault(key, [])
    if any(
        canonical(k.model_dump(mode="json")) == canonical(kept.model_dump(mode="json"))
        for k in found
    ):
        return False
    found.append(kept)
    found.sort(key=lambda k: (moment_key(k.at), canonical(k.value)))
    return True


def _entries(value: AnswerValue) -> list[Item] | None:
    if isinstance(value, list) and all(isinstance(e, dict) for e in value):
        return [dict(e) for e in value if isinstance(e, dict)]
    return None


def _entry_order(entry: Item) -> tuple[int, str]:
    found = _ENTRY_NUMBER.match(str(entry.get(ENTRY_ID, "")))
    return (int(found.group(1)), "") if found else (1 << 30, canonical(entry))


def _merge_entries(
    key: str,
    a: list[Item],
    b: list[Item],
    newer_is_a: bool,
    *,
    also: dict[str, list[Also]],
    older: _Version,
) -> tuple[list[Item], int]:
    """The entries of two versions of a list, by id; the same id written differently on both
    sides keeps the newer side's, the other in `also` (as written on `older`'s computer at its
    moment). (merged, how many went to `also`)."""
    by_id: dict[str, Item] = {}
    loose: list[Item] = []
    both = 0
    first, second = (a, b) if newer_is_a else (b, a)
    for entry in [*first, *second]:
        entry_id = entry.get(ENTRY_ID)
        if not isinstance(entry_id, str):
            if all(canonical(entry) != canonical(e) for e in loose):
                loose.append(entry)
            continue
        kept = by_id.get(entry_id)
        if kept is None:
            by_id[entry_id] = entry
        elif canonical(kept) != canonical(entry):
            # The newer side's stays (it came first), the other is kept beside it.
            both += _also(key, _Version([entry], older.at, older.mark), also)
    merged = sorted(by_id.values(), key=_entry_order) + loose
    return merged, both


def _merge_answer(
    key: str, a: _Version, b: _Version, also: dict[str, list[Also]]
) -> tuple[_Version, int]:
    """One answer from two versions: (the merged version, how many went to `also`)."""
    if canonical(a.value) == canonical(b.value):
        winner, loser = newer_of(a, b, lambda v: v.at)
        return _Version(winner.value, winner.at, _joined_mark(winner, loser)), 0
    if a.at is not None and descends(b.mark, a.at):
        return b, 0  # b was written over a: changed on one side only
    if b.at is not None and descends(a.mark, b.at):
        return a, 0
    winner, loser = newer_of(a, b, lambda v: v.at)
    entries_a, entries_b = _entries(a.value), _entries(b.value)
    if entries_a is not None and entries_b is not None:
        merged, both = _merge_entries(
            key, entries_a, entries_b, winner is a, also=also, older=loser
        )
        return _Version(merged, winner.at, _joined_mark(winner, loser)), both
    both = _also(key, loser, also)
    return _Version(winner.value, winner.at, _joined_mark(winner, loser)), int(both)


def _union(
    a: dict[str, _T], b: dict[str, _T], newer_is_a: bool, lost: Callable[[str, _T], None]
) -> dict[str, _T]:
    """Two dicts as one; a key in both with different values keeps the newer side's, and tells
    `lost` of the other."""
    first, second = (a, b) if newer_is_a else (b, a)
    out = dict(first)
    for key, value in second.items():
        if key not in out:
            out[key] = value
        elif canonical(_plain(out[key])) != canonical(_plain(value)):
            lost(key, value)
    return out


def _plain(value: object) -> object:
    dump = getattr(value, "model_dump", None)
    return dump(mode="json") if dump is not None else value


def _ticks(a: Session, b: Session) -> tuple[dict[str, datetime], dict[str, datetime]]:
    """(ticked, unticked): per item, the latest tick or untick of either side wins."""
    ticked: dict[str, datetime] = {}
    unticked: dict[str, datetime] = {}
    items = [*a.ticked, *a.unticked, *b.ticked, *b.unticked]
    for item in dict.fromkeys(items):
        ticks = [t for t in (a.ticked.get(item), b.ticked.get(item)) if t is not None]
        unticks = [t for t in (a.unticked.get(item), b.unticked.get(item)) if t is not None]
        last_tick = max(ticks, key=moment_key, default=None)
        last_untick = max(unticks, key=moment_key, default=None)
        if last_tick is not None and moment_key(last_tick) >= moment_key(last_untick):
            # Ticked on both: the day it was first done stands.
            ticked[item] = min(ticks, key=moment_key)
        elif last_untick is not None:
            unticked[item] = last_untick
    return ticked, unticked


def _open_lists(
    a: Session, b: Session, newer_is_a: bool, answers: dict[str, AnswerValue], out: Session
) -> int:
    """Lists being answered on either side stay open, with every entry of both (a list closed
    on one side and open on the other is opened again: nothing typed in it is hidden)."""
    both = 0
    for key in dict.fromkeys([*a.open_lists, *b.open_lists]):
        sides = []
        for side in (a, b):
            found = side.open_lists.get(key)
            closed = _entries(side.answers.get(key))
            items = list(found.items) if found is not None else (closed or [])
            sides.append((items, found.current if found is not None else None))
        first, second = (0, 1) if newer_is_a else (1, 0)
        older = b if newer_is_a else a
        lost_as = _Version(None, older.updated_at, Written(on=_machine(older), at=older.updated_at))
        merged, lost = _merge_entries(
            key, sides[0][0], sides[1][0], newer_is_a, also=out.also, older=lost_as
        )
        both += lost
        current = sides[first][1] if sides[first][1] is not None else sides[second][1]
        other = sides[second][1] if current is sides[first][1] else None
        if other and current is not None and canonical(other) != canonical(current):
            typed = {k: v for k, v in other.items() if k != ENTRY_ID}
            if typed:
                both += _also(key, _Version([other], lost_as.at, lost_as.mark), out.also)
        out.open_lists[key] = OpenList(items=merged, current=current)
        answers.pop(key, None)
    return both


def merge_sessions(a: Session, b: Session) -> tuple[Session, Report]:
    """One session holding every answer of `a` and `b` (two versions of the same session), and
    what `b` brought to `a`."""
    newer, _ = newer_of(a, b, lambda s: s.updated_at)
    newer_is_a = newer is a
    out = Session(
        id=a.id,
        created_at=min(a.created_at, b.created_at, key=moment_key),
        updated_at=max(a.updated_at, b.updated_at, key=moment_key),
        lang=newer.lang if newer.lang is not None else (b.lang if newer_is_a else a.lang),
    )
    report = Report()
    for key in dict.fromkeys([*a.also, *b.also]):
        for kept in [*a.also.get(key, []), *b.also.get(key, [])]:
            _also(key, _Version(kept.value, kept.at, Written(on=kept.on, at=kept.at)), out.also)
    answers: dict[str, AnswerValue] = {}
    for key in dict.fromkeys([*a.answers, *b.answers]):
        versions = [
            _Version(s.answers[key], s.answered_at.get(key), s.written.get(key))
            for s in (a, b)
            if key in s.answers
        ]
        merged = versions[0]
        if len(versions) == 2:
            merged, lost = _merge_answer(key, versions[0], versions[1], out.also)
            report.both += lost
        answers[key] = merged.value
        if merged.at is not None:
            out.answered_at[key] = merged.at
        if merged.mark is not None:
            out.written[key] = merged.mark
    for side in (a, b):  # the moments of answers taken back (revisited): the latest of each
        for key, at in side.answered_at.items():
            if key not in answers and moment_key(at) > moment_key(out.answered_at.get(key)):
                out.answered_at[key] = at
    report.both += _open_lists(a, b, newer_is_a, answers, out)
    out.answers = answers
    out.previous = _union(a.previous, b.previous, newer_is_a, lambda k, v: None)
    out.drafts = _union(a.drafts, b.drafts, newer_is_a, lambda k, v: None)
    older = b if newer_is_a else a

    def kept_in_also(prefix: str) -> Callable[[str, str], None]:
        """Keep the older side's text of an edited draft or a rewritten sentence in `also`."""

        def lost(key: str, text: str) -> None:
            mark = Written(on=_machine(older), at=older.updated_at)
            report.both += _also(prefix + key, _Version(text, older.updated_at, mark), out.also)

        return lost

    out.edited = _union(a.edited, b.edited, newer_is_a, kept_in_also(EDITED))
    out.sentences = _union(a.sentences, b.sentences, newer_is_a, kept_in_also(SENTENCE))
    # Made from the email the session started from: the newer side's, else the other's.
    out.thread = newer.thread if newer.thread is not None else older.thread
    out.suggested = _union(a.suggested, b.suggested, newer_is_a, lambda k, v: None)
    out.last_entry = {
        k: max(a.last_entry.get(k, 0), b.last_entry.get(k, 0))
        for k in dict.fromkeys([*a.last_entry, *b.last_entry])
    }
    for key, value in [*out.answers.items(), *((k, o.items) for k, o in out.open_lists.items())]:
        numbers = [_entry_order(e)[0] for e in _entries(value) or []]
        numbers = [n for n in numbers if n < 1 << 30]
        if numbers:
            out.last_entry[key] = max(out.last_entry.get(key, 0), *numbers)
    out.ticked, out.unticked = _ticks(a, b)
    finished = [f for f in (a.finished_at, b.finished_at) if f is not None]
    out.finished_at = min(finished, key=moment_key) if finished and not out.open_lists else None
    report.changes = _changes(a, out)
    return out, report


def _machine(session: Session) -> str | None:
    """The computer that wrote a version last, as far as its marks tell."""
    marks = sorted(session.written.values(), key=lambda w: moment_key(w.at))
    return marks[-1].on if marks else None


def _changes(before: Session, after: Session) -> int:
    """How many answers, lists and ticks differ between two versions (what a merge brought)."""
    answers = sum(
        canonical(before.answers.get(k)) != canonical(after.answers.get(k))
        for k in {*before.answers, *after.answers}
    )
    lists = sum(
        canonical(_plain(before.open_lists.get(k))) != canonical(_plain(after.open_lists.get(k)))
        for k in {*before.open_lists, *after.open_lists}
    )
    ticks = len(set(before.ticked) ^ set(after.ticked))
    return answers + lists + ticks

"""Which computer wrote an answer or a story, when, and over what: the marks a merge of two
versions reads (`rebound.storage.merging`).

A saved answer carries `Written(on, at, past)`: the computer that gave it, the moment it was given
(its `answered_at`), and the moments of the answers it replaced, newest first. Two versions of one
answer then tell their story: if one's moment is in the other's past, the other was written after
seeing it (changed on one computer); if not, both changed it since they last agreed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from rebound.storage.records import Written

if TYPE_CHECKING:
    from rebound.storage.records import Accomplishment, Session

PAST_KEPT = 4  # replaced moments kept per answer: enough to follow a few changes in a row


def stamp_written(session: Session, seen: Mapping[str, datetime] | None, machine: str) -> None:
    """Mark the answers given since the session was read (`seen`: its `answered_at` then; None
    for one not read by this process) as written on `machine`.

    An answer whose moment is the one it was read with is left unmarked: it was given before
    rebound kept these marks, on a computer it cannot know.
    """
    for key, at in session.answered_at.items():
        mark = session.written.get(key)
        if mark is not None and mark.at == at:
            continue
        before = seen.get(key) if seen is not None else None
        if mark is None and before == at:
            continue
        replaced = mark.at if mark is not None else before
        past = list(mark.past) if mark is not None else []
        if replaced is not None and replaced != at:
            past = [replaced, *[p for p in past if p != replaced]]
        session.written[key] = Written(on=machine, at=at, past=past[:PAST_KEPT])
    for key in [k for k in session.written if k not in session.answered_at]:
        del session.written[key]


def stamp_changed(item: Accomplishment, now: datetime, machine: str) -> None:
    """Mark a story whose text was just edited on the list as changed on `machine` at `now`."""
    before = item.changed.at if item.changed is not None else item.added_at
    past = [before, *(item.changed.past if item.changed is not None else [])]
    item.changed = Written(on=machine, at=now, past=past[:PAST_KEPT])


def descends(newer: Written | None, older_at: datetime) -> bool:
    """Whether the version marked `newer` was written over the one given at `older_at` (one of
    the same moment is not: a merge keeps the moment of the newer side for what it made of
    both)."""
    return newer is not None and older_at in newer.past

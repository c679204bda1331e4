"""What the calendar of every session sent before (`calendar.json`): the events rebound can count
from again, told apart from the ones it cannot use.

`rebound export --all` keeps, per event, what it sent: its start, summary, description and
status, a hash of them, its SEQUENCE and its DTSTAMP. The file is rebound's own, but it is a file
like any other: a hand edit, a sync tool or a disk can leave a SEQUENCE of `Infinity`, a stamp at
the ends of time, a list nested a hundred thousand deep. `usable` keeps each event exactly as
rebound writes it and counts the rest, for the command to set the file aside and say so. Pure:
no I/O, and nothing of rebound's imported.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

VERSION = 1
# The largest SEQUENCE a calendar takes (RFC 5545 says "integer": a signed 32-bit one).
MAX_SEQUENCE = 2**31 - 1
_TEXTS = ("start", "summary", "status", "hash", "stamp")
STATUSES = ("CONFIRMED", "CANCELLED")


def _event(value: object) -> dict[str, Any] | None:
    """One event as rebound wrote it, or None when it is not that."""
    if not isinstance(value, dict):
        return None
    if not all(isinstance(value.get(k), str) for k in _TEXTS):
        return None
    if not isinstance(value.get("description", ""), str) or value["status"] not in STATUSES:
        return None
    sequence = value.get("sequence")
    if type(sequence) is not int or not 0 <= sequence <= MAX_SEQUENCE:
        return None  # Infinity, NaN, 1e300, -1, true, "3"
    try:
        date.fromisoformat(value["start"])
        datetime.fromisoformat(value["stamp"])
    except ValueError:
        return None
    return {k: value[k] for k in (*_TEXTS, "sequence")} | {
        "description": value.get("description", "")
    }


def usable(state: object) -> tuple[dict[str, dict[str, Any]], int]:
    """The events of a calendar state that rebound can count from, by UID, and how many things
    in it it cannot use (0: the state is exactly as rebound writes it, or there was none: `{}`).
    """
    if state == {}:
        return {}, 0
    if not isinstance(state, dict) or state.get("version") != VERSION:
        return {}, 1
    events = state.get("events")
    if not isinstance(events, dict):
        return {}, 1
    kept: dict[str, dict[str, Any]] = {}
    for key, value in events.items():
        event = _event(value)
        if event is not None:
            kept[key] = event
    bad = len(events) - len(kept) + len(set(state) - {"version", "events"})
    return kept, bad

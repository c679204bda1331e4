"""Which session a person means: an id, the start of one, or a company's name; else the latest.

The store lists and reads the sessions (`rebound.storage.store.Store`, which answers `pick`,
`resolve` and `ids_by_start` from here); this is how what a person typed (`--session`, `show ID`) is
matched to them, and how sessions started the same day are put in order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from rebound import clock
from rebound.errors import NoSessionError, UsageError
from rebound.storage.files import read_regular
from rebound.storage.paths import NAME_MAX

if TYPE_CHECKING:
    from pathlib import Path

    from rebound.storage.records import Session


class Sessions(Protocol):
    """What finding a session needs of the store."""

    def path(self, session_id: str) -> Path: ...

    def ids(self) -> list[str]: ...

    def load(self, session_id: str) -> Session: ...


def newest_first(names: Sequence[str], started: Callable[[str], str]) -> list[str]:
    """Session ids, the most recently started first.

    Ids begin with their day, so the names order the days; only sessions that share a day
    are read (`started`), for the time they were started (by name: 'acme' is not older than
    'zeta').
    """
    ids = sorted(names, reverse=True)
    days: dict[str, int] = {}
    for session_id in ids:
        days[session_id[:10]] = days.get(session_id[:10], 0) + 1
    if all(n == 1 for n in days.values()):
        return ids
    return sorted(ids, key=lambda i: (i[:10], started(i) if days[i[:10]] > 1 else ""))[::-1]


def started(path: Path) -> str:
    """When the session in `path` was started, as UTC text that sorts in time ('' when it
    can't be read)."""
    try:
        stamp = json.loads(read_regular(path)).get("created_at")
        when = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
        return clock.in_utc(when).isoformat()  # never an OverflowError at the ends of time
    except (OSError, ValueError, AttributeError, TypeError, RecursionError):
        return ""


def pick(sessions: Sessions, wanted: str | None, unfinished: bool = False) -> Session | None:
    """The session asked for (see `resolve`), or else the most recently saved one, unfinished if
    asked (then a finished one only when none is open); None if there are no sessions.

    Raises:
        UsageError: `wanted` is blank.
        NoSessionError: `wanted` fits no session or several, or its file was broken.
    """
    if wanted is not None:  # "" is a mistake (an empty $ID), not "the latest": resolve says so
        return sessions.load(resolve(sessions, wanted))
    fallback = None
    for session_id in sessions.ids():
        try:
            session = sessions.load(session_id)
        except NoSessionError:
            continue
        if not unfinished or session.finished_at is None:
            return session
        fallback = fallback or session
    return fallback


def resolve(sessions: Sessions, wanted: str) -> str:
    """A full session id from an id, a unique prefix of one, or a company's name (any case).

    Raises:
        UsageError: `wanted` is blank (a prefix of every id: a script's empty `$ID`).
        NoSessionError: nothing matches, or the prefix fits several sessions.
    """
    if not wanted.strip():
        raise UsageError("empty_id")
    if len(wanted) > NAME_MAX or any(c in wanted for c in "/\\\0"):
        # No id is like this; and as a file name it would be an OSError, not an answer.
        raise NoSessionError("no_session_list", id=wanted[:40])
    if "/" not in wanted and not wanted.startswith(".") and sessions.path(wanted).is_file():
        return wanted  # the common case, without listing a large folder
    ids = sessions.ids()
    matches = [i for i in ids if i.startswith(wanted)] or _by_company(sessions, ids, wanted)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NoSessionError("no_session_list", id=wanted)
    raise NoSessionError(
        "id_fits_several", id=wanted, count=len(matches), list=", ".join(sorted(matches)[:4])
    )


def _by_company(sessions: Sessions, ids: list[str], wanted: str) -> list[str]:
    """The sessions whose company is `wanted`, ignoring case and extra spaces; else those
    whose company starts with it, in whole words ('northwind' for 'Northwind Traders')."""
    key = " ".join(wanted.split()).casefold()
    exact, starts = [], []
    for session_id in ids:
        try:
            session = sessions.load(session_id)
        except NoSessionError:
            continue
        company = " ".join(session.text("company").split()).casefold()
        if company == key:
            exact.append(session_id)
        elif company.startswith(key + " "):
            starts.append(session_id)
    return exact or starts

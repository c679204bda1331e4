"""The suite's "today": one pinned moment that every test, and every `rebound` it starts, runs at.

Nothing in the suite depends on the day the machine's clock says. `tests/conftest.py` holds the
clock at `NOW` for each test with time-machine (it ticks on from there, so timeouts still pass),
and hands the same moment to every `rebound` process a test starts (`tests/pinned_clock`, a
`sitecustomize` on their PYTHONPATH). Dates in the scenario, fixtures and snapshots are written
from `TODAY`.

`REBOUND_TEST_NOW` moves the pinned moment, to run the suite as if on another day or hour:
an ISO local time, optionally followed by a time zone name, which then becomes the process's own
(`2026-03-29T23:59:00 Europe/Madrid`: the last minute of a daylight-saving day in Madrid). It
must be in the past: a file's age is read against the real clock's modification times.
`.ci/run` runs the date-building tests at several such moments.
"""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta

ENV = "REBOUND_TEST_NOW"
# What the processes a test starts read (tests/pinned_clock/sitecustomize.py): seconds since
# the epoch, and the time zone name (or nothing).
CHILD_ENV = "REBOUND_TEST_CLOCK"
DEFAULT = "2026-11-25T10:00:00"  # a Wednesday morning


def _read(raw: str) -> datetime:
    text, _, zone = raw.strip().partition(" ")
    moment = datetime.fromisoformat(text)
    if zone:
        from zoneinfo import ZoneInfo

        return moment.replace(tzinfo=ZoneInfo(zone))
    return moment if moment.tzinfo is not None else moment.astimezone()


RAW = os.environ.get(ENV) or DEFAULT
ZONE: str = RAW.strip().partition(" ")[2]
if ZONE and hasattr(time, "tzset"):
    # The zone is the whole run's, from the moment the tests are imported (so that a moment made
    # at import, `datetime(...).astimezone()`, is local to it), and every process's they start.
    os.environ["TZ"] = ZONE
    time.tzset()
NOW: datetime = _read(RAW)
# A file's age is its modification time (set by the system's real clock) against rebound's
# clock (held here): a moment still to come would make every new file look old.
if NOW.timestamp() > time.time():
    raise SystemExit(f"{ENV}={RAW!r} is still to come; the tests' moment must be in the past")
TODAY: date = NOW.date()


def on(days: int) -> date:
    """The day `days` after (or before) `TODAY`."""
    return TODAY + timedelta(days=days)


def iso(days: int = 0) -> str:
    """`on(days)` as YYYY-MM-DD."""
    return on(days).isoformat()

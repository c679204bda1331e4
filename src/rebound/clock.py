"""Days and instants that never raise, even at the ends of time.

A saved file can hold any date Python can: `created_at` 0001-01-01, a due date of 9999-12-31, an
offset of +14:00 on the first day of year 1, a time with no offset at all. Turning such a moment
into the local day, or moving a day past `date.max`, raises OverflowError or ValueError (under
`TZ=Pacific/Kiritimati` even for a plain UTC date at either end). Every place that turns a moment
into a day, or adds days to one, goes through here instead.

It is also the one place that reads the system clock: `now()` (the moment, in UTC), `today()`
(the person's day, in their time zone) and `seconds()` (for the age of a file). No other module
calls `date.today`, `datetime.now`, `time.time` or their kin (tests/test_clock_seam.py reads every
module's syntax tree to check), so that tests can hold the time with one library (time-machine)
and never depend on the day they run.

It imports nothing of rebound's, and the standard library's `datetime` only inside the functions
that need it: `rebound nudge`, which runs in every new terminal, needs just `today_iso()`.
"""

from __future__ import annotations

import time

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    from datetime import date, datetime

# Python's datetime arithmetic raises these at the ends of its range (and the C library, for a
# time it cannot convert to local time, OSError).
_OUT_OF_RANGE = (OverflowError, ValueError, OSError)


def local_day(moment: datetime) -> date:
    """The day `moment` falls on here, in the local time zone.

    At the ends of time, where the local day cannot be computed, the UTC day; where not even
    that can, the day written in the moment itself.
    """
    from datetime import timezone

    try:
        return moment.astimezone().date()
    except _OUT_OF_RANGE:
        pass
    try:
        return moment.astimezone(timezone.utc).date()
    except _OUT_OF_RANGE:
        return moment.date()


def local_day_and_time(stamp: str) -> tuple[str, str]:
    """The day (YYYY-MM-DD) and time (HH:MM) here, in the local time zone, of a moment saved as
    ISO text ('2026-11-02T04:59+00:00' in New York -> ('2026-11-01', '23:59')); a stamp that does
    not read as a moment, or cannot be made local, as written."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(stamp)
        if moment.tzinfo is not None:
            moment = moment.astimezone()
    except (ValueError, *_OUT_OF_RANGE):
        day, _, hour = stamp.partition("T")
        return day, hour[:5]
    return moment.date().isoformat(), moment.strftime("%H:%M")


def shift(day: date, days: int) -> date | None:
    """`day` moved by `days` days; None ("no date") when that falls outside the calendar."""
    from datetime import timedelta

    try:
        return day + timedelta(days=days)
    except _OUT_OF_RANGE:
        return None


def next_month(month: date) -> date | None:
    """The first day of the month after `month`'s; None after December 9999."""
    from datetime import date

    if month.month == 12:
        return None if month.year == date.max.year else date(month.year + 1, 1, 1)
    return date(month.year, month.month + 1, 1)


def instant(moment: datetime) -> float:
    """Seconds since the epoch, for ordering (a moment with no offset taken as local time).

    `datetime.timestamp()` cannot read an offset-less moment at the ends of time as local time:
    there it is taken as UTC, which orders it just as well.
    """
    from datetime import timezone

    try:
        return moment.timestamp()
    except _OUT_OF_RANGE:
        return moment.replace(tzinfo=timezone.utc).timestamp()


def in_utc(moment: datetime) -> datetime:
    """`moment` in UTC (one with no offset taken as UTC already); at the ends of time, where
    that cannot be, the first or last moment Python knows, in UTC."""
    from datetime import datetime, timezone

    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=timezone.utc)
    try:
        return moment.astimezone(timezone.utc)
    except _OUT_OF_RANGE:
        edge = datetime.min if moment.year == datetime.min.year else datetime.max
        return edge.replace(tzinfo=timezone.utc)


def now() -> datetime:
    """The current moment, in UTC: what every save stamps (`answered_at`, ticks, touches)."""
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


def today() -> date:
    """The person's day: today's date in their own time zone (the system's local time)."""
    return local_day(now())


def today_iso() -> str:
    """`today()` as YYYY-MM-DD, without importing `datetime` (for `rebound nudge`)."""
    return time.strftime("%Y-%m-%d", time.localtime(time.time()))


def seconds() -> float:
    """Seconds since the epoch, now: for comparing with a file's modification time."""
    return time.time()

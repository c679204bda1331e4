"""`rebound.clock`'s days and times in the person's own time zone, whatever was saved."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from rebound import clock


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("no tzset: the time zone is the system's (Windows)")
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("new_york")
@pytest.mark.parametrize(
    ("stamp", "shown"),
    [
        # A run stamped in UTC early on the 2nd was late on the 1st in New York.
        ("2026-11-02T04:59+00:00", ("2026-11-01", "23:59")),
        ("2026-07-01T12:00:00+00:00", ("2026-07-01", "08:00")),
        # No offset: as written; not a moment, or past what can be made local: as written too.
        ("2026-11-02T04:59", ("2026-11-02", "04:59")),
        ("yesterday", ("yesterday", "")),
        ("0001-01-01T00:00+00:00", ("0001-01-01", "00:00")),
    ],
)
def test_a_saved_moment_is_shown_on_the_local_day_and_hour(
    stamp: str, shown: tuple[str, str]
) -> None:
    assert clock.local_day_and_time(stamp) == shown

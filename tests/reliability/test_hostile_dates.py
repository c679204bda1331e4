"""Hostile dates: sessions and brag lists holding moments at the ends of time, in several zones.

A hand-edited file can hold any date Python can parse: 0001-01-01, 9999-12-31, offsets of
+14:00 and -12:00 at either end, moments with no offset. Under TZ=Pacific/Kiritimati (UTC+14)
even a plain UTC date at either end cannot be made local. Every read-only command must answer
with something other than "did not expect", and the session must be left as it was.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from rebound import clock
from rebound.coach import insights
from rebound.storage.store import parse
from tests.conftest import REPO, Figures
from tests.helpers import Run

FIXTURE = REPO / "tests" / "fixtures" / "sessions" / "v1-finished.json"
ZONES = ("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago")
MOMENTS = (
    "0001-01-01T00:00:00Z",
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00-12:00",
    "0001-01-01T00:00:00",
    "9999-12-31T23:59:59.999999Z",
    "9999-12-31T23:59:59.999999+14:00",
    "9999-12-31T23:59:59.999999-12:00",
    "9999-12-31T23:59:59",
    "2026-11-25T16:55:22Z",
)
DAYS = ("0001-01-01", "9999-12-31", "2026-12-09")
COMMANDS = (
    ["list", "--all"],
    ["show", "x"],
    ["summary", "--session", "x"],
    ["todo", "--all"],
    ["todo"],
    ["stats"],
    ["contacts"],
    ["brag"],
    ["brag", "show", "1"],
    ["export", "x", "--format", "markdown"],
    ["export", "x", "--format", "ics"],
)


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """`zone(name)` switches this process's local time zone; it is put back afterwards."""

    def switch(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield switch
    monkeypatch.undo()
    time.tzset()


def _session(rng: random.Random, session_id: str) -> dict[str, Any]:
    """The finished fixture session with each moment and date drawn from the edges."""
    data = json.loads(parse(FIXTURE.read_bytes()).model_dump_json())
    data["id"] = session_id
    for key in ("created_at", "updated_at", "finished_at"):
        data[key] = rng.choice(MOMENTS)
    data["answered_at"] = {k: rng.choice(MOMENTS) for k in data["answers"]}
    data["ticked"] = {"thank-you-sent": rng.choice(MOMENTS), "contact-1": rng.choice(MOMENTS)}
    answers = data["answers"]
    for key in ("call_date", "move_on_date"):
        answers[key] = rng.choice(DAYS)
    for fix in answers["fixes"]:
        fix["due"] = rng.choice(DAYS)
    for event in answers["events"]:
        event["date"] = rng.choice(DAYS)
    return data


def _brag(rng: random.Random) -> dict[str, Any]:
    return {
        "schema_version": 3,
        "items": [
            {
                "id": "edge",
                "title": "A win at the end of time",
                "added_at": rng.choice(MOMENTS),
                "practised": 1,
                "ratings": [3],
                "last_practised": rng.choice(MOMENTS),
            }
        ],
    }


VARIANTS = 8


@pytest.mark.parametrize("variant", range(VARIANTS))  # one per test: xdist's workers share them
def test_edge_dates_never_surprise_any_command(
    run: Run, rebound_home: Path, figures: Figures, zone: Any, variant: int
) -> None:
    rng = random.Random(14 + variant)  # fixed: the same variants on every run
    sessions = rebound_home / "sessions"
    sessions.mkdir(parents=True)
    tried = handled = 0
    session_id = f"2026-11-25-edge{variant}"
    raw = json.dumps(_session(rng, session_id), indent=2).encode()
    (sessions / f"{session_id}.json").write_bytes(raw)
    (rebound_home / "brag.json").write_text(json.dumps(_brag(rng)))
    for name in ZONES:
        zone(name)
        for command in COMMANDS:
            args = [session_id if a == "x" else a for a in command]
            result = run(args, terminal=False)
            tried += 1
            surprised = "did not expect" in result.output or result.exception not in (
                None,
                SystemExit(result.exit_code),
            )
            if surprised or result.exit_code not in (0, 1, 2):
                print(name, args, result.exit_code, result.output[-400:])
            else:
                handled += 1
    # Reading never changes the file: the brag sync may rewrite brag.json, never a session.
    saved = sessions / f"{session_id}.json"
    intact = saved.exists() and parse(saved.read_bytes()) == parse(raw)
    figures.add("hostile: dates at the ends of time, no unexpected error", handled, tried)
    figures.add("hostile: dates at the ends of time, sessions intact", intact, 1)
    assert handled == tried
    assert intact


@pytest.mark.parametrize("name", ZONES)
def test_clock_never_raises_at_the_ends_of_time(name: str, zone: Any) -> None:
    zone(name)
    for text in MOMENTS:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        day = clock.local_day(moment)
        assert date.min <= day <= date.max
        assert insights.local_day(moment) == day
        assert clock.instant(moment) == clock.instant(moment)  # a number, no exception
        assert clock.in_utc(moment).tzinfo is timezone.utc
    assert clock.shift(date.max, 1) is None
    assert clock.shift(date.min, -1) is None
    assert clock.shift(date(2026, 12, 31), 1) == date(2027, 1, 1)
    assert clock.next_month(date(9999, 12, 1)) is None
    assert clock.next_month(date(2026, 12, 1)) == date(2027, 1, 1)


def test_kiritimati_makes_a_plain_utc_edge_date_local(zone: Any) -> None:
    """The case the hostile run found: under UTC+14, 9999-12-31 UTC has no local day."""
    zone("Pacific/Kiritimati")
    moment = datetime(9999, 12, 31, 23, 0, tzinfo=timezone.utc)
    with pytest.raises(OverflowError):
        moment.astimezone()
    assert clock.local_day(moment) == date(9999, 12, 31)
    assert os.environ["TZ"] == "Pacific/Kiritimati"


def test_stats_draw_no_thousands_of_empty_months() -> None:
    months = insights._months([date(1, 1, 1), date(2026, 11, 25), date(9999, 12, 31)])
    assert [m for m, _ in months] == [date(1, 1, 1), date(2026, 11, 1), date(9999, 12, 1)]
    near = insights._months([date(2026, 1, 5), date(2026, 3, 1)])
    assert near == [(date(2026, 1, 1), 1), (date(2026, 2, 1), 0), (date(2026, 3, 1), 1)]

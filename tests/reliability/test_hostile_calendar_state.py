"""Hostile calendar states: `calendar.json`, what `rebound export --all` sent before, damaged the
way a hand edit or a disk damages it (issue 19, item 11).

The cases of the report (a SEQUENCE of `Infinity`, an event that is gone starting 9999-12-31, a
stamp at the ends of time with an extreme offset, nesting 100,000 deep), then random mutations of
a real state. Each time `export --all --format ics` must:

- end as the house ends (no OverflowError, no RecursionError, no "did not expect");
- give a calendar that reads as one;
- never lose the state: what it cannot use is set aside in `broken/`, byte for byte, and named;
  what it can use is counted from (an event's SEQUENCE never goes back).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import icalendar
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from rebound.calendar_state import usable
from tests.conftest import Figures
from tests.depth import examples
from tests.helpers import MakeSession, Run
from tests.reliability.hostile import at, output, paths, report, surprised

KIND = "calendar states"
SETTINGS = settings(
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
GONE = "2026-01-01-gone-thank-you-sent@rebound"


class World:
    """Two finished sessions and the calendar state their first export left."""

    def __init__(self, home: Path, run: Run) -> None:
        self.home, self.run = home, run
        assert run(["export", "--all", "--format", "ics"], terminal=False).exit_code == 0
        self.state: dict[str, Any] = json.loads((home / "calendar.json").read_bytes())
        assert self.state["events"]

    def gone(self, **changes: Any) -> dict[str, Any]:
        """The state with one more event, of a session since deleted."""
        event = {
            "start": "2026-01-02",
            "summary": "Thank-you sent",
            "description": "",
            "status": "CONFIRMED",
            "hash": "0" * 16,
            "sequence": 2,
            "stamp": "2026-01-01T09:00:00+00:00",
            **changes,
        }
        return {**self.state, "events": {**self.state["events"], GONE: event}}

    def check(self, raw: bytes, case: str, failures: list[str]) -> tuple[bool, bool]:
        """Export with `raw` as the state; (no unexpected error, nothing lost)."""
        for old in (self.home / "broken").glob("calendar.*"):
            old.unlink()
        (self.home / "calendar.json").write_bytes(raw)
        try:
            before: Any = json.loads(raw)
        except (ValueError, RecursionError):
            before = None
        kept_before, bad = usable(before) if before is not None else ({}, 1)
        result = self.run(["export", "--all", "--format", "ics"], terminal=False)
        said = output(result)
        clean = not surprised(result) and result.exit_code == 0
        if not clean:
            failures.append(f"{case}: {result.exit_code} {said[-400:]}")
            return False, False
        try:
            icalendar.Calendar.from_ical(result.stdout_bytes)
        except Exception as exc:  # any failure to read it back is the finding
            failures.append(f"{case}: not a calendar ({exc})")
            return False, False
        aside = list((self.home / "broken").glob("calendar.*"))
        lost = False
        if bad:
            # Set aside as it was, and named.
            if len(aside) != 1 or aside[0].read_bytes() != raw:
                failures.append(f"{case}: {bad} unusable, yet not set aside as it was: {aside}")
                lost = True
            elif aside[0].name not in "".join(said.split()):
                failures.append(f"{case}: set aside without saying so: {said[-300:]}")
                lost = True
        elif aside:
            failures.append(f"{case}: a usable state was set aside: {said[-300:]}")
            lost = True
        after = json.loads((self.home / "calendar.json").read_bytes())["events"]
        for key, old in kept_before.items():  # what could be used is counted from
            if key not in after or after[key]["sequence"] < old["sequence"]:
                failures.append(f"{case}: {key} went back or vanished")
                lost = True
        return True, not lost


@pytest.fixture
def world(make_session: MakeSession, rebound_home: Path, run: Run) -> World:
    make_session()
    make_session(company="Initech")
    return World(rebound_home, run)


def report_cases(world: World, figures: Figures, cases: dict[str, bytes]) -> list[str]:
    failures: list[str] = []
    handled = kept = 0
    for case, raw in cases.items():
        clean, safe = world.check(raw, case, failures)
        handled += clean
        kept += safe
    report(figures, KIND, len(cases), handled, kept, len(cases))
    return failures


def test_the_reported_states(world: World, figures: Figures) -> None:
    """Each raised OverflowError or RecursionError (14 of 70 runs in the report)."""
    first = next(iter(world.state["events"]))
    cases = {
        "SEQUENCE Infinity": world.gone(sequence=float("inf")),
        "SEQUENCE NaN": world.gone(sequence=float("nan")),
        "SEQUENCE 1e300": world.gone(sequence=1e300),
        "SEQUENCE 2**31 - 1, changed": world.gone(sequence=2**31 - 1),
        "SEQUENCE of a live event Infinity": {
            **world.state,
            "events": {
                **world.state["events"],
                first: {**world.state["events"][first], "sequence": float("inf")},
            },
        },
        "gone on 9999-12-31": world.gone(start="9999-12-31"),
        "gone on 0001-01-01": world.gone(start="0001-01-01"),
        "stamp 0001-01-01 at +14:00": world.gone(stamp="0001-01-01T00:00:00+14:00"),
        "stamp 9999-12-31 at -12:00": world.gone(stamp="9999-12-31T23:59:59.999999-12:00"),
        "stamp without an offset": world.gone(stamp="9999-12-31T23:59:59"),
        "summary nested deep": world.gone(summary=[[[["x"]]]]),
    }
    raw = {case: json.dumps(state).encode() for case, state in cases.items()}
    raw["nested 100,000 deep"] = b"[" * 100_000 + b"]" * 100_000
    raw["events nested 100,000 deep"] = (
        b'{"version": 1, "events": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    )
    raw["not JSON"] = b"{cut short"
    raw["a list"] = b"[]"
    failures = report_cases(world, figures, raw)
    assert not failures, "\n".join(failures)


VALUES: tuple[Any, ...] = (
    float("inf"),
    -1,
    2**63,
    0.5,
    True,
    None,
    "",
    "9999-12-31",
    "0001-01-01T00:00:00+14:00",
    "2026-02-30",
    [],
    {},
    "x" * 10_000,
    "\u202e\x1b[2J",
)


@settings(SETTINGS, max_examples=examples(60))
@given(
    changes=st.lists(
        st.tuples(st.integers(0, 10_000), st.sampled_from(VALUES)), min_size=1, max_size=3
    )
)
def test_random_damage_to_a_state(
    world: World, figures: Figures, changes: list[tuple[int, Any]]
) -> None:
    state = json.loads(json.dumps(world.gone()))
    for index, value in changes:
        found = paths(state)
        where = found[index % len(found)]
        at(state, where[:-1])[where[-1]] = value
    failures = report_cases(world, figures, {repr(changes)[:200]: json.dumps(state).encode()})
    assert not failures, "\n".join(failures)

"""`rebound contacts` with a long touch log: each person's latest touches, the rest counted
(issue 19, item 14)."""

from __future__ import annotations

import json
from pathlib import Path

from rebound.coach.insights import person_key
from tests.helpers import MakeSession, Run

NAME = "Priya Patel"  # the scenario's first contact


def write_log(home: Path, count: int) -> None:
    touches = [
        {
            "id": f"t{i}",
            "on": f"2026-0{1 + i % 9}-1{i % 10}",
            "outcome": "replied",
            "note": f"note {i}",
            "logged_at": "2026-01-01T00:00:00Z",
            "ticked": [],
        }
        for i in range(1, count + 1)
    ]
    log = {"schema_version": 1, "people": {person_key(NAME): {"name": NAME, "touches": touches}}}
    (home / "contacts.json").write_text(json.dumps(log), encoding="utf-8")


def test_a_hundred_thousand_touches_show_the_latest_and_count_the_rest(
    run: Run, make_session: MakeSession, rebound_home: Path
) -> None:
    """Every touch was printed, one Rich line each (~0.16 ms a line, linear: 100,000 touches
    took 16-21 s); the data itself loads in about a second."""
    make_session()
    write_log(rebound_home, 100_000)
    result = run(["contacts"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) < 40, len(lines)
    assert sum("note " in line for line in lines) == 5
    assert "…and 99995 earlier touches (`rebound contacts --all` lists them)." in result.stdout
    assert "2026-09-19  replied: note " in result.stdout  # the latest day of the log


def test_all_lists_every_touch(run: Run, make_session: MakeSession, rebound_home: Path) -> None:
    make_session()
    write_log(rebound_home, 7)
    assert sum("note " in line for line in run(["contacts"]).stdout.splitlines()) == 5
    shown = run(["contacts", "--all"]).stdout
    assert sum("note " in line for line in shown.splitlines()) == 7
    assert "earlier" not in shown
    write_log(rebound_home, 6)
    assert "…and 1 earlier touch (`rebound contacts --all` lists it)." in run(["contacts"]).stdout

"""End-to-end: `rebound rehearse` in a real pseudo-terminal, its clock running for real.

The brag list is made with `rebound brag add` in the test's own process (options, no terminal:
tests/cli/test_brag_cli.py tests the command; a process of its own for each story cost a third
of a second), then rehearsed key by key in the installed `rebound`; each key is sent only once
the screen shows what it answers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import invoke
from tests.terminal import (
    CTRL_C,
    ENTER,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Spawn,
    run,
)

pytestmark = pytest.mark.e2e

NIGHTLY = "Cut the nightly batch from 6 hours to 40 minutes"
JUNIORS = "Mentored four juniors"


@pytest.fixture
def two(rebound_home: Path) -> Path:
    """A data folder whose brag list holds two stories."""
    for args in (
        ["--title", NIGHTLY, "--situation", "Reports kept missing the deadline"],
        ["--title", JUNIORS, "--number", "4 promoted"],
    ):
        added = invoke(["brag", "add", *args])
        assert added.exit_code == EXIT_OK, added.output
    return rebound_home / "brag.json"


def stories(path: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["items"]
    return found


def test_rehearse_rates_one_story_then_stops(spawn: Spawn, two: Path) -> None:
    t = spawn("rehearse", "--seconds", "1")
    t.see("Rehearsal: 2 stories, about 0:01 each")
    t.see("Story 1 of 2")
    t.see("cut the nightly batch from 6 hours to 40 minutes")
    t.see("Reports kept missing the deadline")  # the STAR notes
    t.see("0:01 left")
    t.see("Time's up (0:01).")  # the clock ended by itself
    t.answer("How did it go?", "4" + ENTER)
    t.see("Saved: practised once, rated 4 of 5.")
    t.see("Story 2 of 2")
    t.see("mentored four juniors")
    t.see("4 promoted")
    assert t.stop("left", CTRL_C) == EXIT_INTERRUPTED
    assert "Stopped. The 1 story you rated is saved" in t.output

    first, second = stories(two)
    assert first["title"] == NIGHTLY
    assert first["practised"] == 1
    assert first["ratings"] == [4]
    assert first["last_practised"]
    assert (second["practised"], second["ratings"], second["last_practised"]) == (0, [], None)


def test_enter_stops_the_clock_early(spawn: Spawn, two: Path) -> None:
    t = spawn("rehearse", "--seconds", "600", "--count", "1")
    t.see("Story 1 of 1")
    t.answer("10:00 left", ENTER)
    t.see("Done in 0:0")
    t.answer("How did it go?", "2" + ENTER)
    t.see("That's 1 story told out loud")
    assert t.finish() == EXIT_OK
    assert [s["ratings"] for s in stories(two)] == [[2], []]

    # Next time, the story not practised yet comes first.
    t = spawn("rehearse", "--seconds", "0", "--count", "1")
    t.see("mentored four juniors")
    t.answer("Enter when you're done", ENTER)
    t.answer("How did it go?", ENTER)  # the default, 3
    assert t.finish() == EXIT_OK
    assert [s["ratings"] for s in stories(two)] == [[2], [3]]


def test_rehearse_refuses_without_a_terminal(exe: str, env: dict[str, str], two: Path) -> None:
    before = two.read_bytes()
    shown = run(exe, env, "rehearse")
    assert shown.returncode == EXIT_USAGE, (shown.stdout, shown.stderr)
    assert "`rebound rehearse`" in shown.stderr
    assert "terminal" in shown.stderr
    assert two.read_bytes() == before


def test_an_enter_just_after_the_time_ran_out_rates_nothing(spawn: Spawn, two: Path) -> None:
    """Issue 19, item 9: Enter pressed to stop the clock a moment after it ran out reached the
    rating and recorded "3 of 5". It now waits for a pick."""
    t = spawn("rehearse", "--seconds", "1", "--count", "1")
    t.see("Time's up (0:01).")
    t.child.send(ENTER)  # meant for the clock, which has just ended
    t.answer("How did it go?", "4" + ENTER)
    t.see("Saved: practised once, rated 4 of 5.")
    assert t.finish() == EXIT_OK
    assert [s["ratings"] for s in stories(two)] == [[4], []]

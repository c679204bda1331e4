"""`rebound rehearse`: once the clock has run out, the rating waits for a pick; an Enter pressed
for the clock a moment too late never records one (issue 19, item 9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from rebound.terminal import prompts
from tests.cli.test_brag_cli import add, items
from tests.helpers import ENTER, Run

DOWN = "\x1b[B"


@pytest.fixture
def two(run: Run, rebound_home: Path) -> Path:
    """A brag list with two stories."""
    add(run, "--title", "Cut the nightly batch from 6 hours to 40 minutes")
    add(run, "--title", "Mentored four juniors")
    return rebound_home / "brag.json"


def rated(keys: str, default: int | None) -> int:
    with create_pipe_input() as typed, create_app_session(input=typed, output=DummyOutput()):
        typed.send_text(keys)
        typed.close()
        return prompts.rating("How did it go?", default=default)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [(ENTER + "4" + ENTER, 4), (ENTER + "1" + ENTER, 1), (ENTER + DOWN + ENTER, 2), ("5\r", 5)],
)
def test_without_a_default_enter_waits_for_a_pick(keys: str, expected: int) -> None:
    assert rated(keys, None) == expected


def test_without_a_default_enter_alone_answers_nothing() -> None:
    with pytest.raises(EOFError):  # the Enter is ignored, then the keys run out
        rated(ENTER, None)


def test_with_a_default_enter_takes_it() -> None:
    assert rated(ENTER, 3) == 3
    assert rated("2" + ENTER, 3) == 2


def test_an_enter_just_after_the_time_ran_out_records_no_rating(
    run: Run,
    rebound_home: Path,
    two: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The clock ran out (`countdown` returned all its seconds) as the person pressed Enter to
    stop it: that Enter reached the rating and recorded "3 of 5"."""
    monkeypatch.setattr(prompts, "countdown", lambda seconds, lang=None: float(seconds))
    result = run(["rehearse", "--seconds", "1", "--count", "1"], ENTER + "4" + ENTER)
    assert result.exit_code == 0, result.output
    assert "Saved: practised once, rated 4 of 5." in result.stdout
    assert [i["ratings"] for i in items(rebound_home)] == [[4], []]


def test_stopped_by_enter_the_default_stays(run: Run, rebound_home: Path, two: Path) -> None:
    result = run(["rehearse", "--seconds", "0", "--count", "1"], ENTER + ENTER)
    assert result.exit_code == 0, result.output
    assert [i["ratings"] for i in items(rebound_home)] == [[3], []]

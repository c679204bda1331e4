"""Hostile typing ahead: keys typed after an answer, before the next question is on screen, at
every kind of question (issue 19, item 6: `y` and Enter typed together answered a yes/no and,
with the Enter, the next question too).

The installed `rebound` runs in a real pseudo-terminal (tests/terminal.py). Each answer is sent
once its question is on screen, as the end-to-end tests send it, followed at once, in the same
write, by keys typed ahead: an Enter, a `y`, `n` with its Enter, a space, an arrow and Enter, a
digit, a word and its Enter. They reach the terminal before the next question is drawn, so they
must answer nothing: the walk's questions (text, dates, a number, selects, checkboxes, yes/no,
"add another?", the date's "keep it?", the draft offers, "ready?") and the rehearsal's (the clock,
the rating). Each run must end as the house ends, and save exactly the answers given.

The figures: `hostile: keys typed ahead, ...`, one input per question answered.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from _pytest.outcomes import Failed

from tests.conftest import Figures
from tests.depth import DEEP
from tests.e2e.test_terminal import (
    accomplishments,
    ask_why,
    full_run_answers,
    go_on,
    opening,
    re_engage,
    reflect_from_first_due,
    reflect_until_first_fix,
    thank,
)
from tests.helpers import invoke
from tests.reliability.hostile import report
from tests.terminal import DOWN, ENTER, EXIT_OK, SPACE, Days, Terminal, load_only_session

KIND = "keys typed ahead"
AHEAD = (
    ENTER,
    ENTER * 2,
    "y",
    "y" + ENTER,
    "n" + ENTER,
    SPACE + ENTER,
    DOWN + ENTER,
    "4",
    "3" + ENTER,
    "later" + ENTER,
)
WALKS = 8 if DEEP else 2  # every kind of key above, at every question, over the walks


class Ahead(Terminal):
    """A terminal whose every answer is followed, in the same write, by keys typed ahead."""

    def __init__(self, exe: str, args: list[str], env: dict[str, str], rng: random.Random):
        super().__init__(exe, args, env)
        self.rng = rng
        self.typed = 0

    def answer(self, question: str, keys: str) -> None:
        self.see(question)
        self.typed += 1
        self.child.send(keys + self.rng.choice(AHEAD))


def walk(exe: str, env: dict[str, str], seed: int, days: Days) -> tuple[Ahead, int | None]:
    t = Ahead(exe, ["start"], env, random.Random(seed))
    try:
        opening(t, days)
        thank(t)
        go_on(t, 2)
        ask_why(t)
        go_on(t, 3)
        reflect_until_first_fix(t)
        reflect_from_first_due(t, days)
        go_on(t, 4)
        accomplishments(t)
        go_on(t, 5)
        re_engage(t, days)
        t.see("That's all five steps. Here is your checklist:")
        return t, t.finish()
    except Failed:  # a question never came: a key typed ahead answered it
        t.child.close(force=True)
        return t, None


@pytest.mark.e2e
@pytest.mark.parametrize("seed", range(WALKS))
def test_keys_typed_ahead_answer_no_question_of_the_walk(
    exe: str, env: dict[str, str], rebound_home: Path, figures: Figures, seed: int
) -> None:
    days = Days()
    t, code = walk(exe, env, seed, days)
    problems: list[str] = []
    handled = kept = 0
    if code is None:
        problems.append(f"seed {seed}: a question was skipped: {t.output[-1500:]}")
    elif code != EXIT_OK:
        problems.append(f"seed {seed}: exit {code}: {t.output[-1500:]}")
    else:
        handled = t.typed
        _, saved = load_only_session(rebound_home)
        answers: dict[str, Any] = saved["answers"]
        answers.pop("call_date", None)
        answers.pop("move_on_date", None)
        answers["fixes"][1].pop("due", None)
        if answers == full_run_answers(days):
            kept = t.typed
        else:
            problems.append(f"seed {seed}: saved {answers}")
    report(figures, KIND, max(t.typed, 1), handled, kept, max(t.typed, 1))
    assert not problems, "\n".join(problems)


@pytest.mark.e2e
def test_keys_typed_ahead_at_the_clock_and_the_rating(
    exe: str, env: dict[str, str], rebound_home: Path, figures: Figures
) -> None:
    """The rehearsal's own questions: the clock (Enter stops it), the rating (a digit, Enter).
    The stories are added in this process (typing ahead is the rehearsal's, not `brag add`'s)."""
    for title in ("Cut the nightly batch", "Mentored four juniors"):
        assert invoke(["brag", "add", "--title", title]).exit_code == 0
    rng = random.Random(19)
    t = Ahead(exe, ["rehearse", "--seconds", "600"], env, rng)
    t.answer("10:00 left", ENTER)
    t.answer("How did it go?", "4" + ENTER)
    t.see("Saved: practised once, rated 4 of 5.")
    t.answer("10:00 left", ENTER)
    t.answer("How did it go?", "2" + ENTER)
    t.see("That's 2 stories told out loud")
    code = t.finish()
    items = json.loads((rebound_home / "brag.json").read_text(encoding="utf-8"))["items"]
    ratings = sorted(tuple(i["ratings"]) for i in items)
    ok = code == EXIT_OK and ratings == [(2,), (4,)]
    report(figures, KIND, t.typed, t.typed if code == EXIT_OK else 0, t.typed if ok else 0, t.typed)
    assert ok, (code, ratings, t.output[-1500:])

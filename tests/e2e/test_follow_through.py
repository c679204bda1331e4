"""End-to-end: a second rejection from the same company, in a real pseudo-terminal (issue 11).

The first session is saved from the scenario without typing; the second `rebound start` names
the company again (in other case and spacing) and must show its history right after that answer,
before the next question is asked.
"""

from __future__ import annotations

import pytest

from tests.helpers import MakeSession
from tests.scenario import COMPANY, SESSION_ID
from tests.terminal import CTRL_C, EXIT_INTERRUPTED, Spawn

pytestmark = pytest.mark.e2e


def test_a_company_seen_before_shows_its_history(spawn: Spawn, make_session: MakeSession) -> None:
    # Their reasons came in answer to the request, so the history has them to show.
    make_session(reasons="Another candidate had more Spark")
    t = spawn("start")
    t.text("Which company was it?", "  GLOBEX ")
    t.see(f"{COMPANY}, again")
    t.see("Another candidate had more Spark")  # (after "Reasons given:", in bold)
    t.see("Practise Spark joins")
    t.see("Which role had you applied for?")  # the history came first, then the next question
    screen = t.output
    history = screen.index(f"{COMPANY}, again")
    assert screen.index("Which company was it?") < history < screen.rindex("Which role had you")
    assert f"[{SESSION_ID}]" in screen
    assert "apply to them again" not in screen  # not right after the news (issue 22)
    t.child.send(CTRL_C)
    assert t.finish() == EXIT_INTERRUPTED

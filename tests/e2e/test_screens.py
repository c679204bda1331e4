"""End-to-end: what the screen shows at 100, 60 and 40 columns (issue 22).

Each test runs the installed `rebound` in a pseudo-terminal of that width and reads what it
showed: an accepted default echoed after its question, `--help` with every command's line whole,
and the lists of `todo`, `list` and `draft` broken at spaces, never inside a word or an id.
"""

from __future__ import annotations

import pytest

from tests import pinned
from tests.helpers import MakeSession
from tests.terminal import ENTER, EXIT_INTERRUPTED, Spawn

pytestmark = pytest.mark.e2e

WIDTHS = [100, 60, 40]


@pytest.mark.parametrize("columns", WIDTHS)
def test_an_accepted_default_is_echoed_after_its_question(
    spawn: Spawn, make_session: MakeSession, columns: int
) -> None:
    """Item 9: Enter on "(Enter for 2026-11-25)" left the answer blank on screen."""
    make_session()  # an earlier session: the name to sign with is offered again
    t = spawn("start", columns=columns)
    t.text("Which company was it?", "Initech")
    t.text("Which role", "Analyst")
    t.text("Who gave you the news?", "Bill Lumbergh")
    t.answer("How did the news reach you?", ENTER)
    t.answer("email address", ENTER)
    t.answer("When did you hear?", ENTER)
    t.answer("Your name", ENTER)
    t.see("Did you get to thank them")
    t.child.sendcontrol("c")
    assert t.finish() == EXIT_INTERRUPTED
    # Once answered, each question's line says what was kept.
    # (Compared without white space: prompt_toolkit breaks its lines at the terminal's edge.)
    bare = "".join(t.output.split())
    assert f"(Enterfor{pinned.iso()}){pinned.iso()}" in bare, t.output[-2000:]
    assert "(EnterforAlexDoe)AlexDoe" in bare, t.output[-2000:]

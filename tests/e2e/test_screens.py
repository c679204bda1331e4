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


def _descriptions() -> dict[str, str]:
    """Each command's first sentence, as its docstring gives it."""
    import sys

    import typer

    from rebound.app import app

    root = typer.main.get_command(app)
    ctx = root.make_context("rebound", ["--help"], resilient_parsing=True)
    out = {}
    for name in root.list_commands(ctx):  # type: ignore[attr-defined]
        command = root.get_command(ctx, name)  # type: ignore[attr-defined]
        out[name] = command.get_short_help_str(limit=sys.maxsize)
    return out


@pytest.mark.parametrize("columns", WIDTHS)
def test_help_says_each_command_whole(spawn: Spawn, columns: int) -> None:
    """Item 10: `--help` cut every command's line with '...' even at 100 columns."""
    t = spawn("--help", columns=columns)
    assert t.finish() == 0
    shown = t.output.split("Commands:", 1)[1]
    assert "..." not in shown and "…" not in shown, shown
    lines = shown.splitlines()
    assert all(len(line) <= columns for line in lines), max(lines, key=len)
    bare = "".join(shown.split())
    for name, said in _descriptions().items():
        assert "".join(f"{name}{said}".split()) in bare, (name, said)

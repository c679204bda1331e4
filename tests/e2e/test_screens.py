"""End-to-end: what the screen shows at 100, 60 and 40 columns (issue 22).

Each test runs the installed `rebound` in a pseudo-terminal of that width and reads what it
showed: an accepted default echoed after its question, `--help` with every command's line whole,
and the lists of `todo`, `list` and `draft` broken at spaces, never inside a word or an id.
"""

from __future__ import annotations

import re

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
    t.answer("Do you already work there?", ENTER)  # no, the default
    t.answer("How far did you get in their process?", ENTER)
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


# --- item 11: lists broken at spaces at every width -------------------------------------------

LONG_FIX = "Practise the system design questions from the book, one chapter every single evening"


@pytest.fixture
def two_sessions(make_session: MakeSession) -> list[str]:
    """Two finished sessions (so `list` has rows to lay out), one with a long fix."""
    first = make_session(fixes=[{"what": LONG_FIX, "due": pinned.iso(14)}])
    second = make_session(company="Initech Holdings", role="Senior Data Engineer")
    return [first.id, second.id]


def shown(spawn: Spawn, columns: int, *args: str) -> list[str]:
    """The lines `rebound ARGS` shows in a terminal `columns` wide, each checked to fit."""
    t = spawn(*args, columns=columns)
    assert t.finish() == 0
    lines = t.output.splitlines()
    too_long = [line for line in lines if len(line) > columns]
    assert not too_long, too_long
    return lines


@pytest.mark.parametrize("columns", WIDTHS)
def test_todo_commands_are_never_broken_inside_a_word(
    spawn: Spawn, two_sessions: list[str], columns: int
) -> None:
    lines = shown(spawn, columns, "todo", "--all")
    text = "\n".join(lines)
    # A command too long for a line goes on after ' \' (it still pastes as one command).
    commands = [
        c.strip() for c in re.findall(r"^  (rebound .*?)$", re.sub(r" \\\n\s+", " ", text), re.M)
    ]
    assert commands and all(
        re.fullmatch(r"rebound (done \S+ --session \S+|contacts log .+)", c) for c in commands
    ), commands
    for session_id in two_sessions:
        assert f"--session {session_id}" in commands[0] or any(session_id in c for c in commands)


@pytest.mark.parametrize("columns", WIDTHS)
def test_list_never_splits_a_session_id(
    spawn: Spawn, two_sessions: list[str], columns: int
) -> None:
    lines = shown(spawn, columns, "list")
    for session_id in two_sessions:
        assert any(session_id in line for line in lines), (session_id, lines)
    # Every piece of an id is on the line with the rest of it.
    pieces = [line for line in lines if re.search(r"\b\d{4}-\d\d-\d\d-", line)]
    assert len(pieces) == len(two_sessions), lines


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_draft_list_wraps_under_its_titles(
    spawn: Spawn, two_sessions: list[str], columns: int
) -> None:
    lines = shown(spawn, columns, "draft", "--session", two_sessions[0])
    names = len("interview_stories  ")
    rows = lines[1:-1]
    hint = [n for n, line in enumerate(rows) if line.startswith("`rebound draft NAME`")]
    rows = rows[: hint[0]] if hint else rows
    for line in rows:
        starts_a_row = re.match(r"^[a-z_]+(-\d+)?\s{2,}\S", line)
        assert starts_a_row or line.startswith(" " * names), (line, lines)


@pytest.mark.parametrize("columns", WIDTHS)
def test_wrapped_list_lines_of_a_draft_keep_their_indent(
    spawn: Spawn, two_sessions: list[str], columns: int
) -> None:
    # (`rebound draft reflection` prints it plain, for pasting: its lines are left whole.)
    t = spawn("summary", "--drafts", "--session", two_sessions[0], columns=columns)
    assert t.finish() == 0
    out = t.output.splitlines()
    start = next(n for n, line in enumerate(out) if line.startswith("  - Practise the system"))
    after = out[start + 1]
    if len(f"  - {LONG_FIX} (by {pinned.iso(14)})") > columns:  # it wrapped: under its text
        assert after.startswith("    ") and after.strip(), out[start : start + 3]


@pytest.mark.parametrize("columns", WIDTHS)
def test_a_wrapped_guidance_bullet_goes_on_under_its_text(
    spawn: Spawn, make_session: MakeSession, columns: int
) -> None:
    make_session(upto="thanked_on_call")
    t = spawn("continue", columns=columns)
    t.see("Did you get to thank them")
    t.child.sendcontrol("c")
    assert t.finish() == EXIT_INTERRUPTED
    out = t.output.splitlines()
    at = next(n for n, line in enumerate(out) if line.startswith("  • Say you're"))
    if not out[at].rstrip().endswith("hide it."):  # it wrapped: under its text, not its bullet
        assert re.match(r"^    \S", out[at + 1]), out[at : at + 2]


@pytest.mark.parametrize("columns", WIDTHS)
def test_a_wrapped_star_note_goes_on_under_its_text(
    spawn: Spawn, make_session: MakeSession, columns: int
) -> None:
    from tests.scenario import NIGHTLY

    situation = "Reports kept missing the morning deadline, and every team read old numbers"
    make_session(accomplishments=[{**NIGHTLY, "situation": situation}])
    lines = shown(spawn, columns, "brag", "show", "1")
    at = next(n for n, line in enumerate(lines) if line.startswith("  Situation: "))
    if not lines[at].rstrip().endswith("numbers"):
        assert lines[at + 1].startswith(" " * len("  Situation: ")), lines[at : at + 2]

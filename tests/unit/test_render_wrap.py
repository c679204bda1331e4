"""Lines broken for a narrow terminal: never inside an id or a command; items hang under labels."""

from __future__ import annotations

import io
import re
import sys

import pytest
from rich.console import Console
from rich.text import Text

from rebound.render import screens
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
import make_docs

LONG_ID = "2026-12-01-northwind-traders-internationa"


def terminal(width: int) -> Console:
    return Console(
        file=io.StringIO(), width=width, force_terminal=True, color_system=None, markup=False
    )


def test_fit_never_breaks_an_id_or_a_command() -> None:
    text = Text(
        "Stopped. Everything you answered is saved; `rebound continue` picks up where you "
        f"left off ({LONG_ID})."
    )
    for width in (100, 60, 40, 20):
        lines = screens.fit(text, width).plain.splitlines()
        assert " ".join(lines) == text.plain
        assert any(f"({LONG_ID})." in line for line in lines)
        assert any("`rebound continue`" in line for line in lines)
        assert all(len(line) <= width or " " not in line for line in lines), lines


@pytest.mark.parametrize("width", [100, 60])
def test_the_stop_message_keeps_the_session_id_whole(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = terminal(width)
    out.soft_wrap = True  # as render.console makes it for stderr: Rich wraps nothing there
    monkeypatch.setattr(screens, "console", lambda stderr=False, file=None: out)
    loaded = make_docs.load_content()
    screens.say_error(loaded.say("stopped_saved", id=LONG_ID), prefix=False)
    lines = out.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert all(len(line) <= width for line in lines), lines
    assert any(f"({LONG_ID})." in line for line in lines), lines


@pytest.mark.parametrize("width", [80, 60, 40])
def test_summary_items_wrap_under_their_label(width: int) -> None:
    loaded = make_docs.load_content()
    session = make_docs.finished_session(loaded)
    out = terminal(width)
    with make_docs.fixed_today():
        screens.summary(out, loaded, session)
    lines = out.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert all(len(line) <= width for line in lines), lines
    start = next(n for n, line in enumerate(lines) if line.startswith("✓ 1/5"))
    end = next(n for n, line in enumerate(lines) if line.startswith("Next:"))
    shapes = {
        "step": re.compile(r"^[✓☐] \d/5 \S"),
        "item": re.compile(r"^ {5}[✓☐·] \S"),
        "more": re.compile(r"^ {7}\S"),  # a wrapped item: under its label, not at the margin
        "title": re.compile(r"^ {6}\S"),  # a wrapped step title: under its start
    }
    for line in filter(None, lines[start:end]):
        assert any(shape.match(line) for shape in shapes.values()), line
    for line in lines[end + 1 :]:
        assert not line or re.match(r"^ {6}\S", line), line  # under the words after 'Next:'
    assert any(line.strip().endswith("rebound done feedback-asked") for line in lines)
    assert "(thank-you-sent)" in out.file.getvalue()  # type: ignore[attr-defined]
    assert "due 2026-12-02" in out.file.getvalue()  # type: ignore[attr-defined]

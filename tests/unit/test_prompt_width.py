"""At 40 columns a choice's label is broken under its start, never cut off at the edge."""

from __future__ import annotations

import os
from typing import Any

import pytest
import questionary
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from questionary.prompts import common

from rebound.terminal import prompts

NOT_NOW = "Not now; I'll come back with `rebound continue`"
LONG_TICK = "Reach out to Priya Patel (Head hunter or recruiter, Email)"


def test_fit_label_breaks_under_its_start_and_keeps_commands_whole() -> None:
    fitted = prompts.fit_label(NOT_NOW, prompts.SELECT_INDENT, columns=40)
    lines = fitted.split("\n")
    assert len(lines) == 2
    assert all(prompts.SELECT_INDENT + len(line.lstrip()) < 40 for line in lines)
    assert lines[1] == "   `rebound continue`"
    assert " ".join(part.strip() for part in lines) == NOT_NOW
    assert prompts.fit_label("A phone call", 3, columns=40) == "A phone call"


@pytest.fixture
def forty(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    monkeypatch.setattr("shutil.get_terminal_size", lambda *a: os.terminal_size((40, 30)))
    seen: dict[str, list[Any]] = {}
    real = questionary.select

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen["select"] = list(kwargs["choices"])
        seen["select shown"] = [str(c.title) for c in kwargs["choices"]]
        return real(*args, **kwargs)

    monkeypatch.setattr(questionary, "select", spy)
    return seen


def test_select_and_checkbox_labels_fit_40_columns(
    forty: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text("\x1b[B\r")
        picked = prompts.choose("Ready?", [("go", "Yes: step 2 of 5, Ask why"), ("stop", NOT_NOW)])
    assert picked == "stop"

    # The checkbox is rebound's own (`prompts.questions._checkbox`), on questionary's control.
    class ControlSpy(common.InquirerControl):
        def __init__(self, choices: list[Any], *args: Any, **kwargs: Any) -> None:
            forty["checkbox"] = list(choices)
            forty["checkbox shown"] = [str(c.title) for c in choices]
            super().__init__(choices, *args, **kwargs)

    monkeypatch.setattr(common, "InquirerControl", ControlSpy)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(" \r")
        ticked = prompts.pick_many("Tick:", [("c", LONG_TICK, False)])
    assert ticked == ["c"]
    for kind, indent in (("select", 3), ("checkbox", 5)):
        for title in forty[f"{kind} shown"]:
            for line in title.split("\n"):
                assert indent + len(line.lstrip()) < 40, (kind, line)
    # Once picked, the echo says the label whole, on one line of its own.
    assert forty["select"][1].title == NOT_NOW


def test_a_command_too_long_for_the_line_is_broken_at_its_spaces_not_cut() -> None:
    """Issue 22, item 11: at 40 columns the "Later" hint cut a draft's name off."""
    from rebound.terminal.questions import SELECT_INDENT, fit_label

    label = "Later (`rebound draft thanks_and_feedback_email` has it)"
    shown = fit_label(label, SELECT_INDENT, columns=40)
    lines = shown.split("\n")
    assert all(len(line) <= 40 - 1 for line in lines), lines
    assert " ".join(shown.split()) == label  # every word there, the draft's name whole
    assert any("thanks_and_feedback_email`" in line for line in lines)

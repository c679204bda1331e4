"""Drive the Typer app in-process, with real keystrokes fed to questionary."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from rebound.cli import app

DOWN = "\x1b[B"
ENTER = "\r"

Run = Callable[..., Any]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """`run(args, keys)` invokes rebound in-process, typing `keys` into its prompts.

    When the keys run out the input closes, which a prompt sees as Ctrl-D: the command stops
    there, as it would for a person, and the test can check what was saved.
    """
    monkeypatch.setattr("rebound.prompts.stdin_is_terminal", lambda: True)

    def invoke(args: list[str], keys: str = "", terminal: bool = True) -> Any:
        if not terminal:
            monkeypatch.setattr("rebound.prompts.stdin_is_terminal", lambda: False)
        with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
            inp.send_text(keys)
            inp.close()
            return CliRunner().invoke(app, args, catch_exceptions=False)

    return invoke

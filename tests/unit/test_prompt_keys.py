"""Ctrl-Z at every prompt suspends rebound (as in any terminal program) and types nothing, and
no control character typed or pasted ends up in an answer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from prompt_toolkit.application import Application, create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from rebound.pack.models import FieldDef
from rebound.terminal import prompts

CTRL_Z = "\x1a"
CTRL_V = "\x16"  # quoted insert: the next key goes in as it is, a control character too


@pytest.fixture
def suspended(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts Ctrl-Z's suspensions, instead of stopping the test run's own process group."""
    calls: list[int] = []

    def suspend(self: Application[Any], suspend_group: bool = True) -> None:
        calls.append(1)

    monkeypatch.setattr(Application, "suspend_to_background", suspend)
    return calls


def typing(keys: str, ask: Callable[[], Any]) -> Any:
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(keys)
        inp.close()
        return ask()


TEXT = FieldDef.model_validate({"id": "company", "kind": "text", "message": "Company?"})


@pytest.mark.parametrize(
    ("name", "ask", "keys", "expected"),
    [
        ("text", lambda: prompts.text("Win?"), f"Ship{CTRL_Z}ped\r", "Shipped"),
        (
            "ask",
            lambda: prompts.ask(TEXT, None, date(2026, 11, 25)),
            f"{CTRL_Z}Globex\r",
            "Globex",
        ),
        ("yes_no", lambda: prompts.yes_no("Go on?", False), f"{CTRL_Z}y\r", True),
        (
            "choose",
            lambda: prompts.choose("Which?", [("a", "A"), ("b", "B")]),
            f"{CTRL_Z}\x1b[B\r",
            "b",
        ),
        (
            "pick_many",
            lambda: prompts.pick_many("Which?", [("a", "A", False), ("b", "B", False)]),
            f"{CTRL_Z} \r",
            ["a"],
        ),
        ("rating", lambda: prompts.rating("How?"), f"{CTRL_Z}4\r", 4),
        ("countdown", lambda: prompts.countdown(0) >= 0, f"{CTRL_Z}\r", True),
    ],
)
def test_ctrl_z_suspends_and_types_nothing(
    suspended: list[int], name: str, ask: Callable[[], Any], keys: str, expected: Any
) -> None:
    assert typing(keys, ask) == expected
    assert suspended == [1], f"{name}: Ctrl-Z did not suspend"


def test_control_characters_never_reach_an_answer(suspended: list[int]) -> None:
    keys = f"Glo{CTRL_V}\x07bex{CTRL_V}\x1b\r"  # a bell and an escape, inserted literally
    assert typing(keys, lambda: prompts.ask(TEXT, None, date(2026, 11, 25))) == "Globex"
    assert typing(keys, lambda: prompts.text("Win?")) == "Globex"
    assert prompts.typed("tab\there\nline\x00\x1a\x7f\u0085") == "tab\there\nline"

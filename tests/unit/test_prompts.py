"""The yes/no prompt in a pack's own words: its keys, Enter, and words that make no key."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from rebound import prompts, values


class Words:
    """A pack that says yes and no with these words."""

    def __init__(self, yes: str, no: str) -> None:
        self.words = {"answer_yes": yes, "answer_no": no}

    @property
    def date_words(self) -> Mapping[str, int]:
        return {}

    def say(self, key: str, **found: object) -> str:
        return self.words.get(key) or values.ENGLISH.say(key, **found)


def answer(keys: str, default: bool, lang: values.Language = values.ENGLISH) -> bool:
    with create_pipe_input() as typed, create_app_session(input=typed, output=DummyOutput()):
        typed.send_text(keys)
        typed.close()  # no more keys: a prompt still waiting sees Ctrl-D
        return prompts.yes_no("Go on?", default, lang=lang)


@pytest.mark.parametrize(
    ("keys", "default", "expected"),
    [
        ("y", False, True),
        ("Y", False, True),
        ("n", True, False),
        ("N", True, False),
        ("\r", True, True),
        ("\r", False, False),
        ("\x1b\r", True, True),  # Esc then Enter takes the default, as Enter does
        ("\x1b\r", False, False),
        ("x\r", True, True),  # other keys type nothing
        ("y\x7f", False, True),  # the answer is taken at once
    ],
)
def test_english_yes_no(keys: str, default: bool, expected: bool) -> None:
    assert answer(keys, default) is expected


def test_a_packs_own_first_letters_answer_too() -> None:
    spanish = Words("Sí", "No")
    assert answer("s", False, spanish) is True
    assert answer("S", False, spanish) is True
    assert answer("y", False, spanish) is True
    assert answer("n", True, spanish) is False


@pytest.mark.parametrize(("yes", "no"), [("", ""), ("ßi", "Nein"), ("İyi", "Hayır"), ("1", "2")])
def test_words_that_make_no_key_leave_y_and_n(yes: str, no: str) -> None:
    odd = Words(yes, no)
    assert answer("y", False, odd) is True
    assert answer("n", True, odd) is False


def test_words_that_start_alike_leave_y_and_n() -> None:
    alike = Words("Oui", "Oh non")
    assert answer("o\r", True, alike) is True  # 'o' answers nothing; Enter takes the default
    assert answer("n", True, alike) is False


def pick(keys: str, required: bool) -> list[str]:
    options = [("a", "Apples", False), ("b", "Bananas", False)]
    with create_pipe_input() as typed, create_app_session(input=typed, output=DummyOutput()):
        typed.send_text(keys)
        typed.close()
        return prompts.pick_many("Which?", options, required=required)


def test_a_checkbox_may_be_left_empty_unless_required() -> None:
    assert pick("\r", required=False) == []
    assert pick(" \x1b[B \r", required=False) == ["a", "b"]


def test_a_required_checkbox_waits_for_a_pick() -> None:
    """Enter with nothing ticked is refused at the prompt (it used to end in an error)."""
    assert pick("\r \r", required=True) == ["a"]
    with pytest.raises(EOFError):
        pick("\r", required=True)  # refused, then the keys run out

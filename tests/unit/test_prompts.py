"""The yes/no prompt in a pack's own words: its keys, Enter, and words that make no key. A letter
shows its answer and Enter gives it, as every question is answered (issue 19, item 6)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping
from itertools import pairwise

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from rebound.pack import typed as values
from rebound.terminal import prompts


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
        ("y\r", False, True),
        ("Y\r", False, True),
        ("n\r", True, False),
        ("N\r", True, False),
        ("\r", True, True),
        ("\r", False, False),
        ("\x1b\r", True, True),  # Esc then Enter takes the default, as Enter does
        ("\x1b\r", False, False),
        ("x\r", True, True),  # other keys type nothing
        ("y\x7f\r", False, False),  # Backspace takes the letter back: Enter gives the default
        ("yn\r", True, False),  # the last letter is the answer
    ],
)
def test_english_yes_no(keys: str, default: bool, expected: bool) -> None:
    assert answer(keys, default) is expected


@pytest.mark.parametrize("keys", ["y", "n", "yyy"])
def test_a_letter_alone_answers_nothing(keys: str) -> None:
    """`y` and Enter typed together answered with `y`, and left the Enter for the next
    question: a letter now waits for its Enter."""
    with pytest.raises(EOFError):  # the keys run out: still waiting for Enter
        answer(keys, True)


def test_a_packs_own_first_letters_answer_too() -> None:
    spanish = Words("Sí", "No")
    assert answer("s\r", False, spanish) is True
    assert answer("S\r", False, spanish) is True
    assert answer("y\r", False, spanish) is True
    assert answer("n\r", True, spanish) is False


@pytest.mark.parametrize(("yes", "no"), [("", ""), ("ßi", "Nein"), ("İyi", "Hayır"), ("1", "2")])
def test_words_that_make_no_key_leave_y_and_n(yes: str, no: str) -> None:
    odd = Words(yes, no)
    assert answer("y\r", False, odd) is True
    assert answer("n\r", True, odd) is False


def test_words_that_start_alike_leave_y_and_n() -> None:
    alike = Words("Oui", "Oh non")
    assert answer("o\r", True, alike) is True  # 'o' answers nothing; Enter takes the default
    assert answer("n\r", True, alike) is False


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


def _screen(keys: str, ask: Callable[[], object]) -> tuple[object, str]:
    """What `ask` returns for `keys`, and what it drew (colours and cursor moves taken out)."""
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=24, columns=100), term="dumb")
    with create_pipe_input() as typed, create_app_session(input=typed, output=output):
        typed.send_text(keys)
        typed.close()
        answer = ask()
    return answer, re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())


def test_a_checkbox_echoes_its_picks_by_their_labels() -> None:
    """After Enter the line shows what was picked, not questionary's "done (2 selections)"."""
    options = [("a", "Apples", False), ("b", "Bananas", False), ("c", "Cherries", False)]
    answer, drawn = _screen(" \x1b[B\x1b[B \r", lambda: prompts.pick_many("Which?", options))
    assert answer == ["a", "c"]
    assert "? Which? Apples, Cherries" in drawn
    assert "selections" not in drawn


def test_a_checkbox_speaks_the_packs_words() -> None:
    spanish = Words("Sí", "No")
    spanish.words |= {"tick_hint": "(marca con espacio)", "picked_none": "ninguna"}
    options = [("a", "Manzanas", False)]
    answer, drawn = _screen("\r", lambda: prompts.pick_many("¿Cuáles?", options, lang=spanish))
    assert answer == []
    assert "(marca con espacio)" in drawn
    assert "? ¿Cuáles? ninguna" in drawn
    assert "done" not in drawn


def test_the_default_key_bindings_are_built_once_and_serve_every_question(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """prompt_toolkit builds its ~1,000 default bindings for each Application; rebound has them
    built once. Every question after the first must still answer to them: Ctrl-A (to the
    start of the line, Emacs) and Ctrl-W (delete a word) here, in three questions in a row."""
    from datetime import date

    from prompt_toolkit.application import application
    from prompt_toolkit.key_binding import defaults

    built: list[int] = []

    def counted() -> object:
        built.append(1)
        return defaults.load_key_bindings()

    monkeypatch.setattr(application, "load_key_bindings", counted)  # as prompt_toolkit has it
    prompts._defaults_built_once()
    assert getattr(application, "load_key_bindings").built_once  # noqa: B009
    prompts._defaults_built_once()  # a second call changes nothing
    field = prompts.FieldDef(id="role", kind="text", message="Which role?")
    typed = []
    for word in ("one", "two", "three"):
        with create_pipe_input() as keys, create_app_session(input=keys, output=DummyOutput()):
            keys.send_text(f"{word} x\x17\x01>\r")  # Ctrl-W deletes 'x', Ctrl-A goes home
            keys.close()
            typed.append(prompts.ask(field, None, date(2026, 12, 1)))
    assert typed == [">one ", ">two ", ">three "]
    assert built == [1]


@pytest.mark.parametrize(
    "ask",
    [
        lambda: prompts.yes_no("Thank\u202e them?", True),
        lambda: prompts.choose("Pick\u2066 one", [("a", "Glo\u202ebex"), ("b", "Initech")]),
        lambda: prompts.pick_many("Which\u202e?", [("a", "Glo\u202ebex", False)]),
        lambda: prompts.text("Your\u202e words", hint="Enter\u2067 for none"),
    ],
    ids=["yes/no", "select", "checkbox", "text"],
)
def test_a_questions_bidi_controls_are_shown_not_obeyed(ask: Callable[[], object]) -> None:
    """Issue 19, item 15: a pack's message or a label holding U+202E reached the terminal."""
    _, drawn = _screen("\r", ask)
    assert not {"\u202e", "\u2066", "\u2067"} & set(drawn), drawn
    assert "\\u202e" in drawn or "\\u2066" in drawn


@pytest.mark.parametrize("kind", ["text", "select", "checkbox", "yes/no"])
def test_the_suites_binding_lookup_finds_what_prompt_toolkits_own_finds(kind: str) -> None:
    """The suite looks a key up in each set a prompt merges rather than in the merged list
    (tests/conftest.py, `_bindings_looked_up_where_kept`): for every key and start of keys any
    binding of a real prompt names, both ways find the same bindings in the same order."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    from rebound.terminal import questions

    made = {
        "text": lambda: prompts.questionary.text("Name?", style=prompts.STYLE),
        "select": lambda: prompts.questionary.select("Pick", choices=["a", "b"]),
        "checkbox": lambda: questions._checkbox(
            "Which?", [("a", "A", False)], bool, values.ENGLISH
        ),
        "yes/no": lambda: questions._confirm("Go on?", True, values.ENGLISH),
    }
    with create_pipe_input() as keys, create_app_session(input=keys, output=DummyOutput()):
        app = made[kind]().application
        app.key_bindings = merge_key_bindings(
            [app.key_bindings or KeyBindings(), prompts._back_bindings()]
        )
        found = app.key_processor._bindings._key_bindings  # the prompt's merged set
        whole = KeyBindings()
        whole.bindings.extend(found.bindings)
        asked = {b.keys[:n] for b in found.bindings for n in range(1, len(b.keys) + 1)}
        asked |= {("x",), ("é",), (Keys.Any,), ("x", "y"), (Keys.Escape, "x")}
        assert len(found.bindings) > 500  # the defaults are in it
        for wanted in sorted(asked, key=repr):
            assert found.get_bindings_for_keys(wanted) == whole.get_bindings_for_keys(wanted)
            assert found.get_bindings_starting_with_keys(
                wanted
            ) == whole.get_bindings_starting_with_keys(wanted)


@pytest.mark.parametrize("kind", ["text", "select", "yes/no"])
def test_the_suites_kept_styles_say_what_a_fresh_style_says(kind: str) -> None:
    """The suite makes one style of the same rules and has it remember its answers
    (tests/conftest.py, `_styles_read_once`): for the classes of every rule of a real prompt's
    style, alone, in pairs and with a style of their own, asked twice, it says what a style
    made afresh from those rules says."""
    from prompt_toolkit.styles import Style

    from rebound.terminal import questions

    made = {
        "text": lambda: prompts.questionary.text("Name?", style=prompts.STYLE),
        "select": lambda: prompts.questionary.select("Pick", choices=["a", "b"]),
        "yes/no": lambda: questions._confirm("Go on?", True, values.ENGLISH),
    }
    with create_pipe_input() as keys, create_app_session(input=keys, output=DummyOutput()):
        kept = made[kind]().application._merged_style
        rules = list(kept.style_rules)
        fresh = Style(rules)
        said = getattr(Style.get_attrs_for_style_str, "__wrapped__", Style.get_attrs_for_style_str)
        names = sorted({n for n, _ in rules if n})
        asked = [f"class:{n.replace(' ', ',')}" for n in names] + ["", "bold", "#ff0000 underline"]
        asked += [f"class:{a.split()[0]} class:{b.split()[0]} italic" for a, b in pairwise(names)]
        assert len(asked) > 50
        for _ in range(2):
            for text in asked:
                assert kept.get_attrs_for_style_str(text) == said(fresh, text), text

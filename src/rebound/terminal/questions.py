"""The questions rebound builds itself on prompt_toolkit and questionary's parts, where
questionary's own would speak English or cut a label off: a yes/no in the pack's words, a
checkbox whose echo lists the picks, and choices broken to the terminal's width.

Part of `rebound.terminal.prompts` (the only place that talks to questionary), which re-exports
them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings
from questionary import Choice, Question

from rebound.sentences.speech import Sayer

STYLE = questionary.Style(
    [
        ("qmark", "fg:#5f87af bold"),
        ("question", "bold"),
        ("answer", "fg:#5faf87"),
        ("pointer", "fg:#5f87af bold"),
        ("highlighted", "fg:#5f87af bold"),
        ("selected", "fg:#5faf87"),
        ("instruction", "fg:#808080"),
    ]
)


def _first_letter(word: str) -> set[str]:
    """The key a word's first letter makes ('s' for 'Sí'); none when it can't be one key."""
    letter = word[:1].lower()
    if len(letter) == 1 and letter.isalpha() and len(letter.upper()) == 1:
        return {letter}
    return set()


def _confirm(message: str, default: bool, lang: Sayer) -> Question:
    """questionary.confirm, speaking the pack's language: its hint ('(S/n)'), its words for the
    answer ('Sí'), and their first letters as keys besides y and n.

    A letter shows its answer; Enter gives it (or the default), as every other question is
    answered: `y` and Enter typed together answer this question alone, never the next one's
    with its Enter. Backspace takes a letter back."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from questionary.styles import merge_styles_default

    words = {True: lang.say("answer_yes"), False: lang.say("answer_no")}
    hint = lang.say("yes_no_hint_yes" if default else "yes_no_hint_no")
    keys = {True: {"y"} | _first_letter(words[True]), False: {"n"} | _first_letter(words[False])}
    if keys[True] & keys[False]:  # the two words start alike: only y and n
        keys = {True: {"y"}, False: {"n"}}
    state: dict[str, bool | None] = {"answer": None, "done": False}

    def tokens() -> StyleAndTextTuples:
        out: StyleAndTextTuples = [("class:qmark", "?"), ("class:question", f" {message} ")]
        if not state["done"]:
            out.append(("class:instruction", f"{hint} "))
        if state["answer"] is not None:
            out.append(("class:answer", words[state["answer"]]))
        return out

    bindings = KeyBindings()

    @bindings.add("c-c", eager=True)
    @bindings.add("c-q", eager=True)
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    def shown(value: bool) -> Callable[[Any], None]:
        def handler(event: Any) -> None:
            state["answer"] = value

        return handler

    for value, letters in keys.items():
        for letter in letters:
            for key in {letter, letter.upper()}:
                bindings.add(key)(shown(value))

    @bindings.add("c-h")
    def _erase(event: Any) -> None:
        state["answer"] = None

    @bindings.add("c-m", eager=True)
    @bindings.add("escape", "c-m", eager=True)  # Esc then Enter too, not an empty 'no'
    def _enter(event: Any) -> None:
        value = default if state["answer"] is None else bool(state["answer"])
        state["answer"] = value
        state["done"] = True
        event.app.exit(result=value)

    @bindings.add("<any>")
    def _other(event: Any) -> None:
        """Other keys type nothing."""

    session: PromptSession[bool] = PromptSession(
        tokens, key_bindings=bindings, style=merge_styles_default([STYLE])
    )
    return Question(session.app)


# Where a choice's label starts: after ' » ' (select), and after ' » ○ ' (checkbox).
SELECT_INDENT = 3
CHECKBOX_INDENT = 5


def fit_label(label: str, indent: int, columns: int | None = None) -> str:
    """A choice's label broken to the terminal's width (`columns`, default: the terminal's), its
    later lines under its start: questionary cuts a long label off at the edge (at 40 columns,
    "Not now; I'll come back with `rebound continue`" lost its command). A `command` in
    backticks and a word are never broken, unless that is the only way to show it all (at 40
    columns, "`rebound draft thanks_and_feedback_email`" is broken at its spaces, not cut)."""
    import re
    import shutil
    import textwrap

    width = (columns or shutil.get_terminal_size().columns) - indent - 1
    if len(label) <= width or width < 10:
        return label
    kept = re.sub(r"`[^`]*`", lambda m: m.group(0).replace(" ", "\0"), label)
    lines = textwrap.wrap(kept, width, break_long_words=False, break_on_hyphens=False)
    if any(len(line) > width for line in lines):
        lines = textwrap.wrap(label, width, break_long_words=False, break_on_hyphens=False)
    if any(len(line) > width for line in lines):
        lines = textwrap.wrap(label, width, break_on_hyphens=False)
    return ("\n" + " " * indent).join(lines).replace("\0", " ")


class _Fitted(Choice):
    """A choice shown broken to the terminal's width (`fit_label`), and echoed whole once
    picked: the echo after the question is one line of its own."""

    def __init__(self, label: str, indent: int, **kwargs: Any) -> None:
        self.whole = label
        self.answered: Callable[[], bool] = lambda: False
        super().__init__(fit_label(label, indent), **kwargs)

    @property
    def title(self) -> Any:
        return self.whole if self.answered() else self._shown

    @title.setter
    def title(self, value: Any) -> None:
        self._shown = value


def _echo_whole(question: Question) -> None:
    """Once answered, a select's `_Fitted` choices say their label whole (see `_Fitted`)."""
    from questionary.prompts.common import InquirerControl

    for control in question.application.layout.find_all_controls():
        if isinstance(control, InquirerControl):
            answered = _answered(control)
            for choice in control.choices:
                if isinstance(choice, _Fitted):
                    choice.answered = answered


def _answered(control: Any) -> Callable[[], bool]:
    return lambda: bool(control.is_answered)


def _checkbox(
    message: str,
    options: list[tuple[str, str, bool]],
    validate: Callable[[list[str]], bool | str],
    lang: Sayer,
) -> Question:
    """questionary.checkbox, speaking the pack's language: its hint, and an echo that lists the
    picks by their labels ('? Which areas? Technical depth, Something else'), or the pack's word
    for none, where questionary says "done (3 selections)" in English."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.formatted_text import FormattedText
    from prompt_toolkit.keys import Keys
    from prompt_toolkit.styles import Style
    from questionary.prompts import common
    from questionary.styles import merge_styles_default

    labels = {value: label for value, label, _ in options}
    control = common.InquirerControl(
        [
            Choice(fit_label(label, CHECKBOX_INDENT), value=value, checked=checked)
            for value, label, checked in options
        ]
    )

    def picked() -> list[str]:
        return [str(c.value) for c in control.get_selected_values()]

    def tokens() -> list[tuple[str, str]]:
        out = [("class:qmark", "?"), ("class:question", f" {message} ")]
        if control.is_answered:
            chosen = [labels.get(v, v) for v in picked()]
            out.append(("class:answer", ", ".join(chosen) or lang.say("picked_none")))
        else:
            out.append(("class:instruction", lang.say("tick_hint")))
        return out

    def valid(values_now: list[str]) -> bool:
        verdict = validate(values_now)
        ok = verdict is True
        shown = not ok and control.submission_attempted
        error = FormattedText([("class:validation-toolbar", str(verdict))]) if shown else None
        control.error_message = error  # type: ignore[assignment]
        return ok

    bindings = KeyBindings()

    @bindings.add(Keys.ControlQ, eager=True)
    @bindings.add(Keys.ControlC, eager=True)
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @bindings.add(" ", eager=True)
    def _toggle(event: Any) -> None:
        pointed = control.get_pointed_at().value
        if pointed in control.selected_options:
            control.selected_options.remove(pointed)
        else:
            control.selected_options.append(pointed)
        valid(picked())

    def _down(event: Any) -> None:
        control.select_next()
        while not control.is_selection_valid():
            control.select_next()

    def _up(event: Any) -> None:
        control.select_previous()
        while not control.is_selection_valid():
            control.select_previous()

    for key in (Keys.Down, "j", Keys.ControlN):
        bindings.add(key, eager=True)(_down)
    for key in (Keys.Up, "k", Keys.ControlP):
        bindings.add(key, eager=True)(_up)

    @bindings.add(Keys.ControlM, eager=True)
    def _enter(event: Any) -> None:
        control.submission_attempted = True
        if valid(picked()):
            control.is_answered = True
            event.app.exit(result=picked())

    @bindings.add(Keys.Any)
    def _other(event: Any) -> None:
        """Other keys type nothing."""

    style = merge_styles_default([Style([("bottom-toolbar", "noreverse")]), STYLE])
    layout = common.create_inquirer_layout(control, tokens)
    return Question(Application(layout=layout, key_bindings=bindings, style=style))

"""The only module that talks to questionary.

Every call uses `unsafe_ask()`, so Ctrl-C raises KeyboardInterrupt (and Ctrl-D EOFError) instead
of quietly returning None; the CLI turns both into "saved, resume later" and exit 130.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import questionary
from questionary import Choice

from rebound import values
from rebound.errors import NotInteractiveError
from rebound.models import AnswerValue, FieldDef

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


def stdin_is_terminal() -> bool:
    """Whether standard input is a terminal a person can type into."""
    return sys.stdin is not None and not sys.stdin.closed and sys.stdin.isatty()


def require_terminal(command: str) -> None:
    """Refuse early when nobody can answer prompts.

    Raises:
        NotInteractiveError: standard input is not a terminal (piped, redirected or closed).
    """
    if not stdin_is_terminal():
        raise NotInteractiveError(
            f"`rebound {command}` asks you questions, so it needs a terminal to type in, and "
            "standard input here is not one (it is piped, redirected or closed). Run it directly "
            "in a terminal window. Nothing was changed."
        )


def _validator(field: FieldDef, today: date, fallback: str) -> Any:
    def validate(text: str) -> bool | str:
        if fallback and not text.strip():
            return True
        try:
            values.check(field, text, today)
        except ValueError as exc:
            return str(exc)
        return True

    return validate


def ask(field: FieldDef, default: AnswerValue, today: date) -> AnswerValue:
    """Ask one question and return the checked answer."""
    message = field.message
    if field.kind == "confirm":
        answer = questionary.confirm(
            message, default=bool(default) if default is not None else False, style=STYLE
        ).unsafe_ask()
        return values.check(field, bool(answer), today)
    if field.kind == "select":
        choices = [Choice(c.label, value=c.value) for c in field.choices]
        chosen = (
            default
            if isinstance(default, str) and default in {c.value for c in field.choices}
            else None
        )
        answer = questionary.select(
            message, choices=choices, default=chosen, style=STYLE
        ).unsafe_ask()
        return values.check(field, answer, today)
    if field.kind == "checkbox":
        picked = set(default) if isinstance(default, list) else set()
        choices = [Choice(c.label, value=c.value, checked=c.value in picked) for c in field.choices]
        answer = questionary.checkbox(message, choices=choices, style=STYLE).unsafe_ask()
        return values.check(field, list(answer or []), today)
    # A default is offered ("Enter for ..."), never pre-filled: people start typing at once, and
    # pre-filled text would be added to ('3' + '5' = '35').
    fallback = "" if default is None or isinstance(default, (bool, list)) else str(default)
    instruction = field.help or (f"(Enter for {fallback})" if fallback else None)
    answer = questionary.text(
        message,
        default="",
        validate=_validator(field, today, fallback),
        instruction=instruction,
        style=STYLE,
    ).unsafe_ask()
    if fallback and not str(answer).strip():
        answer = fallback
    return values.check(field, answer, today)


def yes_no(message: str, default: bool) -> bool:
    """A plain yes/no question."""
    return bool(questionary.confirm(message, default=default, style=STYLE).unsafe_ask())


def choose(message: str, options: list[tuple[str, str]], default: str | None = None) -> str:
    """Pick one of (value, label) options."""
    choices = [Choice(label, value=value) for value, label in options]
    return str(
        questionary.select(message, choices=choices, default=default, style=STYLE).unsafe_ask()
    )


def pick_many(message: str, options: list[tuple[str, str, bool]]) -> list[str]:
    """Tick any of (value, label, checked) options."""
    choices = [Choice(label, value=value, checked=checked) for value, label, checked in options]
    return [
        str(v)
        for v in questionary.checkbox(message, choices=choices, style=STYLE).unsafe_ask() or []
    ]

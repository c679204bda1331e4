"""The only module that talks to questionary.

Every call uses `unsafe_ask()`, so Ctrl-C raises KeyboardInterrupt (and Ctrl-D EOFError) instead
of quietly returning None; the CLI turns both into "saved, resume later" and exit 130.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from questionary import Choice, Question

from rebound import startup, values
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


BACK_KEY = "c-b"


class GoBack(Exception):
    """The person pressed Ctrl-B: they want the previous question again."""


def _back_bindings() -> KeyBindings:
    bindings = KeyBindings()

    @bindings.add(BACK_KEY, eager=True)
    def _back(event: Any) -> None:
        event.app.exit(exception=GoBack(), style="class:aborting")

    return bindings


def _run(question: Question, back: bool = False) -> Any:
    """Ask, with Ctrl-B bound to 'go back' where the caller can honour it."""
    startup.resume()  # a person may take minutes to answer: collect garbage as usual again
    if back:
        app = question.application
        app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), _back_bindings()])
    return question.unsafe_ask()


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


def ask(
    field: FieldDef,
    default: AnswerValue,
    today: date,
    back: bool = False,
    offer: Callable[[str], str] | None = None,
) -> AnswerValue:
    """Ask one question and return the checked answer.

    Raises:
        GoBack: `back` is set and the person pressed Ctrl-B.
    """
    message = field.message
    if field.kind == "confirm":
        answer = _run(
            questionary.confirm(
                message, default=bool(default) if default is not None else False, style=STYLE
            ),
            back,
        )
        return values.check(field, bool(answer), today)
    if field.kind == "select":
        choices = [Choice(c.label, value=c.value) for c in field.choices]
        chosen = (
            default
            if isinstance(default, str) and default in {c.value for c in field.choices}
            else None
        )
        answer = _run(
            questionary.select(message, choices=choices, default=chosen, style=STYLE), back
        )
        return values.check(field, answer, today)
    if field.kind == "checkbox":
        picked = set(default) if isinstance(default, list) else set()
        choices = [Choice(c.label, value=c.value, checked=c.value in picked) for c in field.choices]
        answer = _run(questionary.checkbox(message, choices=choices, style=STYLE), back)
        return values.check(field, list(answer or []), today)
    # A default is offered ("Enter for ..."), never pre-filled: people start typing at once, and
    # pre-filled text would be added to ('3' + '5' = '35').
    fallback = "" if default is None or isinstance(default, (bool, list)) else str(default)
    shown = offer(fallback) if offer is not None else f"(Enter for {fallback})"
    instruction = field.help or (shown if fallback else None)
    answer = _run(
        questionary.text(
            message,
            default="",
            validate=_validator(field, today, fallback),
            instruction=instruction,
            style=STYLE,
        ),
        back,
    )
    if fallback and not str(answer).strip():
        answer = fallback
    return values.check(field, answer, today)


def yes_no(message: str, default: bool, back: bool = False) -> bool:
    """A plain yes/no question."""
    return bool(_run(questionary.confirm(message, default=default, style=STYLE), back))


def choose(
    message: str, options: list[tuple[str, str]], default: str | None = None, back: bool = False
) -> str:
    """Pick one of (value, label) options."""
    choices = [Choice(label, value=value) for value, label in options]
    question = questionary.select(message, choices=choices, default=default, style=STYLE)
    return str(_run(question, back))


def pick_many(message: str, options: list[tuple[str, str, bool]]) -> list[str]:
    """Tick any of (value, label, checked) options."""
    choices = [Choice(label, value=value, checked=checked) for value, label, checked in options]
    return [str(v) for v in _run(questionary.checkbox(message, choices=choices, style=STYLE)) or []]


def text(message: str, default: str = "", required: bool = False, hint: str | None = None) -> str:
    """Free text, pre-filled with `default` to edit in place (Enter keeps it, Ctrl-U clears it).

    Used where changing what is there is the point (`rebound brag edit`); new answers elsewhere
    get their default offered, not pre-filled (see `ask`).
    """

    def validate(typed: str) -> bool | str:
        if required and not typed.strip():
            return "This one is needed; a few words are enough."
        return True

    answer = _run(
        questionary.text(message, default=default, validate=validate, instruction=hint, style=STYLE)
    )
    return str(answer or "").strip()


RATING_LABELS = (
    "Rough: it needs more practice",
    "Shaky, but the story is there",
    "Okay",
    "Good: clear and in order",
    "Smooth: I'd tell it like that in the room",
)


def rating(message: str, default: int = 3) -> int:
    """A rating from 1 to 5: press the digit (or use the arrows), then Enter."""
    choices = [
        Choice(label, value=str(n), shortcut_key=str(n))
        for n, label in enumerate(RATING_LABELS, start=1)
    ]
    question = questionary.select(
        message,
        choices=choices,
        default=choices[default - 1],
        use_shortcuts=True,
        instruction="(1 to 5, then Enter)",
        style=STYLE,
    )
    answer = _run(question)
    return int(answer)


def countdown(seconds: int) -> float:
    """A clock on one line until time is up or Enter is pressed; the seconds it ran.

    With `seconds` 0 there is no limit: the clock counts up until Enter. Other keys are ignored
    (nothing typed here leaks into the next question); Ctrl-C raises KeyboardInterrupt and
    Ctrl-D EOFError, as at every other prompt. The line is erased when it ends.
    """
    import asyncio
    import time

    from prompt_toolkit.application import Application
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.layout import FormattedTextControl, HSplit, Layout, Window

    start = time.monotonic()

    def elapsed() -> float:
        return (
            min(time.monotonic() - start, float(seconds)) if seconds else time.monotonic() - start
        )

    def clock(value: float) -> str:
        whole = round(value)
        return f"{whole // 60}:{whole % 60:02d}"

    def line() -> StyleAndTextTuples:
        if not seconds:
            return [
                ("class:answer", f"  {clock(elapsed())}"),
                ("class:instruction", "  Enter when you're done"),
            ]
        left = max(seconds - elapsed(), 0.0)
        width = 24
        filled = round(width * left / seconds)
        return [
            ("class:answer", f"  {clock(left)} left  "),
            ("class:pointer", "#" * filled),
            ("class:instruction", "-" * (width - filled)),
            ("class:instruction", "  Enter when you're done"),
        ]

    keys = KeyBindings()

    @keys.add("enter", eager=True)
    def _done(event: Any) -> None:
        event.app.exit(result=elapsed())

    @keys.add("c-c", eager=True)
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @keys.add("c-d", eager=True)
    def _end(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    @keys.add("<any>")
    def _ignore(event: Any) -> None:
        """Typing during the clock does nothing."""

    app: Application[float] = Application(
        layout=Layout(HSplit([Window(FormattedTextControl(line), height=1)])),
        key_bindings=keys,
        style=STYLE,
        refresh_interval=0.5,
        erase_when_done=True,
    )

    async def time_up() -> None:
        await asyncio.sleep(max(seconds - elapsed(), 0.0))
        if app.is_running and app.future is not None and not app.future.done():
            app.exit(result=float(seconds))

    def pre_run() -> None:
        if seconds:
            app.create_background_task(time_up())

    startup.resume()
    return float(app.run(pre_run=pre_run))

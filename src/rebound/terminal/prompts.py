"""The only module that talks to questionary.

Every call uses `unsafe_ask()`, so Ctrl-C raises KeyboardInterrupt (and Ctrl-D EOFError) instead
of quietly returning None; the CLI turns both into "saved, resume later" and exit 130.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from questionary import Choice, Question

from rebound.errors import NotInteractiveError
from rebound.pack import typed as values
from rebound.pack.models import FieldDef
from rebound.sentences.speech import ENGLISH, Sayer
from rebound.storage.records import AnswerValue
from rebound.system import gc_tuning
from rebound.terminal.questions import (
    CHECKBOX_INDENT,
    SELECT_INDENT,
    STYLE,
    _checkbox,
    _confirm,
    _echo_whole,
    _Fitted,
    fit_label,
)
from rebound.text import clean, scrub, scrub_tree

__all__ = ["CHECKBOX_INDENT", "SELECT_INDENT", "STYLE", "fit_label"]

BACK_KEY = "c-b"


class GoBack(Exception):
    """The person pressed Ctrl-B: they want the previous question again."""


def _back_bindings() -> KeyBindings:
    bindings = KeyBindings()

    @bindings.add(BACK_KEY, eager=True)
    def _back(event: Any) -> None:
        event.app.exit(exception=GoBack(), style="class:aborting")

    return bindings


SUSPEND_KEY = "c-z"


def _suspend_bindings() -> KeyBindings:
    """Ctrl-Z puts rebound in the background, as in any terminal program (`fg` brings it back),
    instead of typing a control character into the answer. Where the platform has no job
    control, it does nothing."""
    bindings = KeyBindings()

    @bindings.add(SUSPEND_KEY, eager=True)
    def _suspend(event: Any) -> None:
        event.app.suspend_to_background()

    return bindings


def _defaults_built_once() -> None:
    """Have prompt_toolkit build its default key bindings (Emacs, Vi, mouse: about 1,000 of
    them) once per process instead of once per question.

    Every Application builds its own set in `__init__`, which is a third of what a question
    costs before it is shown (about 2.5 ms of 7); a walk asks 40 to 50. The set holds no state
    of its own (each binding's filter asks the running application), so one set serves every
    question in turn, as it would serve one long-lived application. Built at the first
    question, not at import: commands that ask nothing never pay for it.
    """
    from prompt_toolkit.application import application

    real = getattr(application, "load_key_bindings")  # noqa: B009 - not in its __all__
    if getattr(real, "built_once", False):
        return
    built: list[Any] = []

    def once() -> Any:
        if not built:
            built.append(real())
        return built[0]

    once.built_once = True  # type: ignore[attr-defined]
    setattr(application, "load_key_bindings", once)  # noqa: B010


_defaults_built_once()


def drop_typed_ahead(app: Any) -> None:
    """Keys typed before a question is on screen are not for it (CONVENTIONS: keys typed ahead
    never answer a question that was not yet on screen): on a terminal, what prompt_toolkit
    kept unread from the last question and what the terminal holds unread are dropped, just
    before this one is drawn. A pipe (a script, the tests' keys) is not someone typing ahead
    of the screen: it is read as it is."""
    import os

    from prompt_toolkit.input.typeahead import clear_typeahead

    try:
        fd = app.input.fileno()
        if not os.isatty(fd):
            return
    except Exception:  # an input with no file (a test's, Windows' console): nothing to drop
        return
    clear_typeahead(app.input)
    try:
        import termios

        termios.tcflush(fd, termios.TCIFLUSH)
    except Exception:  # no termios (Windows), or termios.error: the terminal keeps its keys
        return


def _shown_as_saved(fallback: str, saved: Callable[[str], str]) -> KeyBindings:
    """On Enter, the answer becomes what will be saved before it is checked and echoed: the
    offered default for an empty answer, a date's day for 'next friday'. The line left after
    the question then says what was kept ('? Pick the day ... 2026-11-28', not a blank)."""
    bindings = KeyBindings()

    @bindings.add("enter", eager=True)
    def _enter(event: Any) -> None:
        buffer = event.current_buffer
        kept = saved(buffer.text if buffer.text.strip() else fallback)
        if kept != buffer.text:
            buffer.text = kept
            buffer.cursor_position = len(kept)
        buffer.validate_and_handle()

    return bindings


def _run(question: Question, back: bool = False, *more: KeyBindings) -> Any:
    """Ask, with Ctrl-Z suspending, and Ctrl-B bound to 'go back' where the caller can honour
    it; keys typed before the question was on screen are dropped (`drop_typed_ahead`)."""
    gc_tuning.resume()  # a person may take minutes to answer: collect garbage as usual again
    app = question.application
    drop_typed_ahead(app)
    extra = [_suspend_bindings(), *([_back_bindings()] if back else []), *more]
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), *extra])
    # A byte the terminal did not send as UTF-8 (a Latin-1 terminal) arrives as a lone
    # surrogate, which cannot be saved: every answer is made real text here, where it enters.
    return scrub_tree(question.unsafe_ask())


def typed(text: str) -> str:
    """What was typed, without control characters (Ctrl-V, a paste, a terminal's odd key can
    put them in): they mean nothing in an answer and would be stored as they are. Tabs and
    newlines stay."""
    return "".join(c for c in text if c in "\t\n" or not unicodedata.category(c).startswith("Cc"))


def stdin_is_terminal() -> bool:
    """Whether standard input is a terminal a person can type into."""
    return sys.stdin is not None and not sys.stdin.closed and sys.stdin.isatty()


def require_terminal(command: str) -> None:
    """Refuse early when nobody can answer prompts.

    Raises:
        NotInteractiveError: standard input is not a terminal (piped, redirected or closed).
    """
    if not stdin_is_terminal():
        raise NotInteractiveError("needs_terminal", name=command)


def _validator(
    field: FieldDef,
    today: date,
    fallback: str,
    lang: Sayer,
    answers: Mapping[str, AnswerValue] | None,
) -> Any:
    def validate(typed: str) -> bool | str:
        text = scrub(typed)  # judge what will be kept (see `_run`): '\udca0' is a blank '\xa0'
        try:
            # Enter takes the offered default: it is checked as if typed (a fix's old date may
            # now come before a corrected date of the news).
            values.check(field, text if text.strip() else fallback, today, lang, answers)
        except ValueError as exc:
            return str(exc)
        return True

    return validate


def ask(
    field: FieldDef,
    default: AnswerValue,
    today: date,
    back: bool = False,
    lang: Sayer = ENGLISH,
    *,
    answers: Mapping[str, AnswerValue] | None = None,
) -> AnswerValue:
    """Ask one question and return the checked answer; hints and messages are in `lang`.

    `answers` (the session's so far) are what a date's `not_before` / `not_after` may name.

    Raises:
        GoBack: `back` is set and the person pressed Ctrl-B.
    """
    message = field.message  # made safe to show where each kind of question is drawn
    if field.kind == "confirm":
        on = bool(default) if default is not None else False
        return values.check(field, yes_no(message, on, back, lang), today, lang)
    if field.kind == "select":
        chosen = default if isinstance(default, str) else None
        options = [(c.value, c.label) for c in field.choices]
        return values.check(field, choose(message, options, chosen, back, lang), today, lang)
    if field.kind == "checkbox":
        before = set(default) if isinstance(default, list) else set()
        ticks = [(c.value, c.label, c.value in before) for c in field.choices]
        picked = pick_many(message, ticks, back, lang, required=field.required)
        return values.check(field, picked, today, lang)
    # A default is offered ("Enter for ..."), never pre-filled: people start typing at once, and
    # pre-filled text would be added to ('3' + '5' = '35').
    fallback = "" if default is None or isinstance(default, (bool, list)) else str(default)
    # On one line (feedback added later sits on lines of its own): the hint is one line.
    offered = " ".join(fallback.split())
    instruction = field.help or (lang.say("enter_for", value=offered) if fallback else None)
    answer = _run(
        questionary.text(
            clean(message),
            default="",
            validate=_validator(field, today, fallback, lang, answers),
            instruction=clean(instruction) if instruction else None,
            style=STYLE,
        ),
        back,
        _shown_as_saved(fallback, lambda text: _as_saved(field, text, today, lang)),
    )
    answer = typed(str(answer))
    if fallback and not answer.strip():
        answer = fallback
    return values.check(field, answer, today, lang, answers)


def _as_saved(field: FieldDef, text: str, today: date, lang: Sayer) -> str:
    """What an answer is saved as, to show it so: a date's day; else the text as typed."""
    if field.kind != "date" or not text.strip():
        return text
    try:
        return values.parse_date(scrub(text), today, lang).isoformat()
    except ValueError:
        return text  # left as typed, for the check to say what is wrong with it


def yes_no(message: str, default: bool, back: bool = False, lang: Sayer = ENGLISH) -> bool:
    """A plain yes/no question: y or n (or the first letters of the pack's own words), or
    Enter for the default."""
    return bool(_run(_confirm(clean(message), default, lang), back))


def choose(
    message: str,
    options: list[tuple[str, str]],
    default: str | None = None,
    back: bool = False,
    lang: Sayer = ENGLISH,
) -> str:
    """Pick one of (value, label) options; `default` is highlighted when it is one of them."""
    choices = [_Fitted(clean(label), SELECT_INDENT, value=value) for value, label in options]
    chosen = default if default in {value for value, _ in options} else None
    question = questionary.select(
        clean(message),
        choices=choices,
        default=chosen,
        instruction=lang.say("arrows_hint"),
        style=STYLE,
    )
    _echo_whole(question)
    return str(_run(question, back))


def pick_many(
    message: str,
    options: list[tuple[str, str, bool]],
    back: bool = False,
    lang: Sayer = ENGLISH,
    required: bool = False,
) -> list[str]:
    """Tick any of (value, label, checked) options; `required`: at least one."""

    def enough(picked: list[str]) -> bool | str:
        return bool(picked) or not required or lang.say("pick_one")

    shown = [(value, clean(label), checked) for value, label, checked in options]
    return [str(v) for v in _run(_checkbox(clean(message), shown, enough, lang), back) or []]


def _words(lang: Sayer | None) -> Sayer:
    """The pack to speak with: `lang`, else the pack of this run (`rebound.sentences.speech`)."""
    if lang is not None:
        return lang
    from rebound.sentences import speech

    return speech.pack()


def text(
    message: str,
    default: str = "",
    required: bool = False,
    hint: str | None = None,
    lang: Sayer | None = None,
    *,
    check: Callable[[str], str | None] | None = None,
) -> str:
    """Free text, pre-filled with `default` to edit in place (Enter keeps it, Ctrl-U clears it).

    Used where changing what is there is the point (`rebound brag edit`); new answers elsewhere
    get their default offered, not pre-filled (see `ask`). `check` says what is wrong with an
    answer (shown under it, the question stays), or None.
    """

    needed = _words(lang).say("needed")

    def validate(typed: str) -> bool | str:
        if required and not typed.strip():
            return needed
        return (check(typed.strip()) if check is not None else None) or True

    answer = _run(
        questionary.text(
            clean(message),
            default=default,
            validate=validate,
            instruction=clean(hint) if hint else None,
            style=STYLE,
        )
    )
    return typed(str(answer or "")).strip()


RATINGS = ("rating_1", "rating_2", "rating_3", "rating_4", "rating_5")  # the pack's labels


def rating(message: str, default: int | None = 3, lang: Sayer | None = None) -> int:
    """A rating from 1 to 5: press the digit (or use the arrows), then Enter.

    With no `default`, Enter waits until a rating is picked: after a clock that ran out, an
    Enter pressed to stop it a moment too late must not rate the story.
    """
    says = _words(lang)
    choices = [
        Choice(says.say(key), value=str(n), shortcut_key=str(n))
        for n, key in enumerate(RATINGS, start=1)
    ]
    question = questionary.select(
        clean(message),
        choices=choices,
        default=choices[default - 1] if default is not None else None,
        use_shortcuts=True,
        instruction=says.say("rating_hint" if default is not None else "rating_hint_pick"),
        style=STYLE,
    )
    if default is None:
        _enter_after_a_pick(question)
    answer = _run(question)
    return int(answer)


def _enter_after_a_pick(question: Question) -> None:
    """Enter does nothing on a select until a choice is picked: a digit, or an arrow."""
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.keys import Keys
    from questionary.prompts.common import InquirerControl

    [control] = [
        c for c in question.application.layout.find_all_controls() if isinstance(c, InquirerControl)
    ]
    picked = [False]
    keys = KeyBindings()  # merged after questionary's own: for the same key, these win

    def moved(event: Any, index: int | None = None, step: int = 0) -> None:
        if index is not None:
            control.pointed_at = index
        elif step > 0:
            control.select_next()
        elif step < 0:
            control.select_previous()
        picked[0] = True

    for index, choice in enumerate(control.choices):
        if isinstance(choice.shortcut_key, str):
            keys.add(choice.shortcut_key, eager=True)(lambda e, i=index: moved(e, index=i))
    for key in (Keys.Down, "j", Keys.ControlN):
        keys.add(key, eager=True)(lambda e: moved(e, step=1))
    for key in (Keys.Up, "k", Keys.ControlP):
        keys.add(key, eager=True)(lambda e: moved(e, step=-1))

    @keys.add(Keys.ControlM, eager=True, filter=Condition(lambda: not picked[0]))
    def _not_yet(event: Any) -> None:
        """Enter before a pick: nothing to answer with yet."""

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), keys])


def countdown(seconds: int, lang: Sayer | None = None) -> float:
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

    says = _words(lang)
    done = f"  {says.say('clock_done')}"
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
                ("class:instruction", done),
            ]
        left = max(seconds - elapsed(), 0.0)
        width = 24
        filled = round(width * left / seconds)
        return [
            ("class:answer", f"  {says.say('clock_left', value=clock(left))}  "),
            ("class:pointer", "#" * filled),
            ("class:instruction", "-" * (width - filled)),
            ("class:instruction", done),
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
        key_bindings=merge_key_bindings([keys, _suspend_bindings()]),
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

    gc_tuning.resume()
    drop_typed_ahead(app)
    return float(app.run(pre_run=pre_run))

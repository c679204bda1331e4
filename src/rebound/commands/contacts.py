"""Keeping in touch: `rebound contacts` (everyone, their touches, who has gone quiet) and
`rebound contacts log NAME` (a touch, and how it went).

The touch log is one file beside the sessions (`contacts.json`), changed load-change-save under
its own lock, read again inside the lock; a touch also ticks the person's open contact items in
their sessions, each under that session's lock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Annotated

import typer

from rebound import clock
from rebound.app import (
    ReboundGroup,
    across_sessions,
    command_group,
    content_for,
    read_contact_log,
    report_moved,
    store_for,
)
from rebound.errors import UsageError

app = command_group()

if TYPE_CHECKING:
    from rebound.coach.contacts import Person, UnclearName
    from rebound.pack.models import Content
    from rebound.storage.records import ContactLog, Outcome, Session
    from rebound.storage.store import Store

contacts_app = typer.Typer(
    cls=ReboundGroup,
    help="The people to reach out to, across sessions: each one's touches, and who has gone "
    "quiet. With no command, list them.",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(contacts_app, name="contacts")


_now = clock.now
# Touches shown per person: the latest, with the rest counted (`--all` shows them). A log of a
# hundred thousand touches printed whole took 16-21 s, one Rich line each.
TOUCHES_SHOWN = 5


@contextlib.contextmanager
def _locked(store: Store, content: Content) -> Iterator[ContactLog]:
    """The touch log, read again under its lock (another rebound may have saved since)."""
    from rebound.errors import SessionBusyError
    from rebound.storage.store import CONTACTS_LOCK

    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(store.lock(CONTACTS_LOCK))
        except SessionBusyError:
            raise SessionBusyError(content.say("contacts_busy")) from None
        yield store.load_contacts()


@contacts_app.callback()
def contacts(
    ctx: typer.Context,
    weeks: Annotated[
        int | None,
        typer.Option(
            "--weeks",
            min=1,
            max=52,
            help="Flag everyone you haven't contacted for this many weeks, whatever their cadence.",
            show_default=False,
        ),
    ] = None,
    every_touch: Annotated[
        bool,
        typer.Option(
            "--all",
            help=f"Every touch of each person, not only the latest {TOUCHES_SHOWN}.",
        ),
    ] = False,
) -> None:
    """The people to reach out to, across sessions: each one's touches, and who has gone quiet."""
    if ctx.invoked_subcommand is not None:
        return
    from rebound.coach import contacts as keeping
    from rebound.render import contacts as screens

    if (ready := across_sessions(ctx)) is None:
        return
    content, found, out = ready
    people = keeping.people(content, found, read_contact_log(store_for()), weeks=weeks)
    screens.people(out, content, people, weeks, latest=None if every_touch else TOUCHES_SHOWN)


def _on(content: Content, raw: str | None, today: date) -> date:
    from rebound.pack import typed

    if raw is None:
        return today
    try:
        day = typed.parse_date(raw, today, content)
    except ValueError:
        raise UsageError(content.say("contacts_bad_date", value=raw)) from None
    if day > today:
        raise UsageError(content.say("contacts_future", date=day.isoformat()))
    return day


def _tick_items(
    store: Store, content: Content, person: Person, moment: datetime
) -> tuple[list[str], list[str], list[str]]:
    """Tick the person's open contact items, each under its session's lock.

    Returns the items ticked ('<session>#<item>'), how to say each, and the ids of sessions
    open elsewhere.
    """
    from rebound.coach import progress
    from rebound.errors import NoSessionError, SessionBusyError

    ticked: list[str] = []
    said: list[str] = []
    busy: list[str] = []
    for session_id, item_id in person.open_items:
        try:
            with store.lock(session_id):
                session: Session = store.load(session_id)
                try:
                    entry = progress.tick(content, session, item_id, moment)
                except KeyError:
                    continue
                if entry.done:  # done already (e.g. by a condition): nothing to tick
                    continue
                store.save(session)
                ticked.append(f"{session_id}#{item_id}")
                said.append(f"{entry.label} ({session_id})")
        except SessionBusyError:
            busy.append(session_id)
        except NoSessionError:
            continue
    return ticked, said, busy


@contacts_app.command("log")
def log(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(help="Who you reached (any case, spacing or accents; the start of a name)."),
    ],
    *,
    outcome: Annotated[
        str | None,
        typer.Option(
            "--outcome",
            help="How it went: replied, met, referred or no-answer.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", help="A few words to remember it by.", show_default=False),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            help="When it happened (a date, 'yesterday', '-3d'); default: today.",
            show_default=False,
        ),
    ] = None,
    every: Annotated[
        int | None,
        typer.Option(
            "--every",
            min=1,
            max=52,
            help="From now on, keep in touch with them every this many weeks.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Record that you reached someone, and how it went: it restarts their clock."""
    from rebound.coach import contacts as keeping
    from rebound.render import screens
    from rebound.storage.records import OUTCOMES

    content = content_for(ctx)
    if outcome is not None and outcome not in OUTCOMES:
        raise UsageError(
            content.say("contacts_bad_outcome", value=outcome, list=", ".join(OUTCOMES))
        )
    today = clock.today()
    day = _on(content, on, today)
    store = store_for()
    sessions = store.load_all()
    report_moved(store)
    out = screens.console()
    with _locked(store, content) as touch_log:
        try:
            person = keeping.find(keeping.people(content, sessions, touch_log, today), name)
        except keeping.UnclearName as exc:
            raise UsageError(_unclear(content, name, exc)) from None
        moment = datetime.combine(day, time(12)).astimezone() if day != today else _now()
        ticked, said, busy = _tick_items(store, content, person, moment)
        chosen: Outcome | None = outcome  # type: ignore[assignment]  # checked just above
        keeping.log_touch(touch_log, person, day, _now(), outcome=chosen, note=note, ticked=ticked)
        if every is not None:
            keeping.set_cadence(touch_log, person, every)
        store.save_contacts(touch_log)
        after = keeping.find(keeping.people(content, sessions, touch_log, today), person.name)
    _refresh_due_index(store, content)
    from rebound.render.contacts import OUTCOME_KEYS

    how = content.say(OUTCOME_KEYS[outcome]) if outcome else content.say("outcome_none")
    screens.note(
        out, content.say("contacts_logged", name=person.name, date=day.isoformat(), value=how)
    )
    weeks = content.say_count("weeks", after.every_weeks)
    screens.note(
        out, content.say("contacts_next_touch", date=after.next_due.isoformat(), value=weeks)
    )
    if ticked:
        screens.note(out, content.say("contacts_ticked", list="; ".join(said)), "dim")
    for session_id in busy:
        screens.note(
            out, content.say("contacts_session_busy", id=session_id, name=person.name), "yellow"
        )


def _unclear(content: Content, name: str, exc: UnclearName) -> str:
    if exc.ambiguous:
        return content.say(
            "contacts_ambiguous", name=name, count=len(exc.names), list=", ".join(exc.names)
        )
    if exc.names:
        return content.say("contacts_unknown", name=name, list=", ".join(exc.names))
    return content.say("contacts_unknown_none", name=name)


def _refresh_due_index(store: Store, content: Content) -> None:
    """Who is due by cadence changed with the touch log: the due index (`rebound nudge`,
    `rebound remind`) is made again, as `rebound todo` makes it."""
    from rebound.system import due_index

    mark = due_index.folder_mark(
        str(store.home)
    )  # before reading: a change meanwhile leaves it stale
    due_index.rebuild(store, content, store.load_all(), mark)

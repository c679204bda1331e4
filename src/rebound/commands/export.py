"""`rebound export`: a session as Markdown, JSON or iCalendar."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from rebound import clock
from rebound.app import command_group, content_for, report_moved, store_for
from rebound.errors import UsageError
from rebound.options import STDOUT, check_target, complete_session

app = command_group()

if TYPE_CHECKING:
    from rebound.storage.records import Session
    from rebound.storage.store import Store


class Format(str, Enum):
    """What `rebound export` writes."""

    markdown = "markdown"
    json = "json"
    ics = "ics"


NAMES = {Format.markdown: "Markdown", Format.json: "JSON", Format.ics: "iCalendar"}
SUFFIXES = {
    ".md": Format.markdown,
    ".markdown": Format.markdown,
    ".json": Format.json,
    ".ics": Format.ics,
}


@app.command()
def export(  # noqa: PLR0917 - Typer passes every option by name
    ctx: typer.Context,
    session_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="The session id (or its start, or the company); default: the latest.",
            show_default=False,
            autocompletion=complete_session,
        ),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="markdown (the whole session), json (the saved data) or ics (the dated items, "
            "for a calendar). Default: from the file name's ending, else markdown.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file instead of the screen ('-' for the screen).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --output file if it already exists.")
    ] = False,
    every: Annotated[
        bool,
        typer.Option(
            "--all",
            help="With ics: one calendar of every session's dated items (ticked ones as "
            "cancelled), that updates the same events when imported again.",
        ),
    ] = False,
) -> None:
    """Export a session: Markdown to read or keep, JSON, or a calendar of its due dates."""
    from rebound import export as exporter

    if output is not None and str(output) == STDOUT:
        output = None
    if fmt is None:
        by_name = SUFFIXES.get(output.suffix.lower()) if output else None
        fmt = by_name or (Format.ics if every else Format.markdown)
    if output is not None:
        check_target(output, force)
    if every:
        _export_all(ctx, session_id, fmt, output)
        return
    store = store_for()
    found = store.pick(session_id)
    report_moved(store)
    if found is None:
        raise UsageError("export_no_sessions")
    if fmt is Format.json:
        data = exporter.to_json(found).encode("utf-8")
    else:
        content = content_for(ctx, found)  # in the session's own language
        if fmt is Format.markdown:
            data = exporter.to_markdown(content, found, clock.today()).encode("utf-8")
        else:
            if not exporter.dated_items(content, found):
                raise UsageError("export_nothing_dated", id=found.id)
            with _calendar_state(store) as state:  # the same events as `--all`'s, updated alike
                data, state["kept"] = exporter.session_ics(content, found, state["sent"])
                _write(output, data)
            _done(found, fmt, output)
            return
    _write(output, data)
    _done(found, fmt, output)


def _write(output: Path | None, data: bytes) -> None:
    """The export, to the screen or (atomically) to its file."""
    if output is None:
        typer.echo(data, nl=False)
        return
    from rebound.storage.files import atomic_write

    atomic_write(output, data)


@contextlib.contextmanager
def _calendar_state(store: Store) -> Iterator[dict[str, Any]]:
    """What calendar exports sent (`calendar.json`), read and kept under its lock, one export at
    a time: `state["sent"]` as it was (what of it can be used: see `_sent_before`), and what to
    keep (`state["kept"]`), set by the caller once the calendar is out, so that the next export
    counts from what was really sent."""
    import json

    from rebound.storage.files import atomic_write
    from rebound.storage.paths import CALENDAR_STATE

    state_file = store.home / CALENDAR_STATE
    with store.lock("calendar"):
        state: dict[str, Any] = {"sent": _sent_before(store, state_file), "kept": None}
        yield state
        if state["kept"] is not None:
            kept = json.dumps(state["kept"], ensure_ascii=False, indent=1).encode() + b"\n"
            atomic_write(state_file, kept)


def _done(session: Session, fmt: Format, output: Path | None) -> None:
    if output is None:
        return
    from rebound.render import screens
    from rebound.sentences import speech

    said = speech.say(
        "exported", title=session.title, id=session.id, value=NAMES[fmt], where=output
    )
    screens.note(screens.console(stderr=True), said)


def _sent_before(store: Store, path: Path) -> dict[str, Any]:
    """What earlier calendar exports sent (`calendar.json`); `{}` the first time.

    A state rebound cannot use (a FIFO or a device in its place, a file too large, not JSON, a
    SEQUENCE of Infinity: see `calendar_state.usable`) is never waited on, read or written over:
    it is set aside to `broken/` as it was, and named; this export counts from the events in it
    that can be used, and sends the others afresh.

    Raises:
        DataError: it is there and cannot be read (its permissions); nothing was written.
    """
    import json

    from rebound.calendar_state import VERSION, usable
    from rebound.errors import DataError
    from rebound.sentences import speech
    from rebound.storage.files import NotAFile, read_regular
    from rebound.storage.shared_files import unreadable

    try:
        raw = read_regular(path)
    except FileNotFoundError:
        return {}
    except (IsADirectoryError, NotAFile) as exc:
        return _set_aside(store, path, unreadable(exc))
    except OSError as exc:
        raise DataError("file_unreadable_plain", where=path, value=exc.strerror) from None
    try:
        state = json.loads(raw)
    except RecursionError:
        return _set_aside(store, path, speech.say("broken_too_deep"))
    except ValueError as exc:
        return _set_aside(store, path, str(exc))
    events, bad = usable(state)
    if bad:
        _set_aside(store, path, speech.say_count("reason_events_unusable", bad))
    return {"version": VERSION, "events": events}


def _set_aside(store: Store, path: Path, reason: str) -> dict[str, Any]:
    """Move an unusable calendar state aside, say so, and start afresh (`{}`)."""
    from rebound.render.screens import say_error
    from rebound.sentences import speech
    from rebound.storage.paths import CALENDAR_STATE

    moved = store.set_aside(path, CALENDAR_STATE.removesuffix(".json"), reason)
    say_error(speech.say("calendar_set_aside", value=moved.reason, where=moved.backup))
    return {}


def _export_all(
    ctx: typer.Context, session_id: str | None, fmt: Format, output: Path | None
) -> None:
    """`--all`: one calendar of every session, remembering what was sent (`calendar.json`)."""
    from rebound import export as exporter
    from rebound.render import screens

    content = content_for(ctx)
    if session_id is not None:
        raise UsageError("export_all_id")
    if fmt is not Format.ics:
        raise UsageError("export_all_format")
    store = store_for()
    found = store.load_all()
    report_moved(store)
    with _calendar_state(store) as state:  # one export at a time updates calendar.json
        try:
            data, kept = exporter.all_ics(content, found, state["sent"])
        except ValueError:
            raise UsageError("export_all_none") from None
        _write(output, data)
        state["kept"] = kept
    if output is not None:
        count = sum(1 for e in kept["events"].values() if e["status"] == "CONFIRMED")
        screens.note(
            screens.console(stderr=True),
            content.say("export_all_done", count=count, where=str(output)),
        )

"""`rebound nudge` and `rebound remind`: follow-through that reaches the person.

`rebound nudge` alone is answered by the entry point without this module (rebound.cli, from the
due index); this module gives it `--help`, `--install` and `--uninstall`, and runs it in-process.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rebound import clock
from rebound.app import command_group, content_for, read_contact_log, report_moved, store_for
from rebound.errors import DataError, UsageError

app = command_group()

if TYPE_CHECKING:
    from rebound.pack.models import Content
    from rebound.render.screens import Out
    from rebound.system.quoting import Unquotable
    from rebound.system.reminders import Due

SHOWN_ITEMS = 5
# Why each scheduler is the one this system uses, and what it will do: keys of sentences.
WHY = {
    "systemd": "remind_why_systemd",
    "launchd": "remind_why_launchd",
    "schtasks": "remind_why_schtasks",
    "cron": "remind_why_cron",
}
WILL = {
    "systemd": "remind_systemd",
    "launchd": "remind_launchd",
    "schtasks": "remind_schtasks",
    "cron": "remind_cron",
}


# --- rebound nudge ----------------------------------------------------------------------------


@app.command()
def nudge(
    ctx: typer.Context,
    shell_name: Annotated[
        str | None,
        typer.Argument(
            metavar="SHELL",
            help=(
                "With --install or --uninstall: bash, zsh, fish, powershell or pwsh "
                "(default: from $SHELL; PowerShell on Windows)."
            ),
            show_default=False,
        ),
    ] = None,
    install: Annotated[
        bool, typer.Option("--install", help="Add the nudge to your shell's start-up file.")
    ] = False,
    uninstall: Annotated[
        bool, typer.Option("--uninstall", help="Remove the line --install added, and only it.")
    ] = False,
) -> None:
    """One short line about what is due (or nothing), for a new terminal."""
    from rebound.system import due_index

    if not (install or uninstall):
        if shell_name is not None:
            raise UsageError("nudge_shell_alone", value=shell_name)
        due_index.nudge()
        return
    from rebound.render import screens
    from rebound.system import marked_line, quoting, shell_rc

    content = content_for(ctx)
    if install and uninstall:
        raise UsageError("nudge_both")
    name = shell_name or shell_rc.default_shell()
    if name not in shell_rc.SHELLS:
        raise UsageError("nudge_which_shell", value=name)
    target = shell_rc.start_file(name)
    try:
        change = shell_rc.install(name) if install else shell_rc.uninstall(name)
    except quoting.Unquotable as exc:
        raise unsafe(exc, str(target)) from None
    except marked_line.LinkLoop:
        raise DataError("nudge_link_loop", where=shown(target)) from None
    except marked_line.ReadOnly:
        line = shell_rc.line_for(name, shell_rc.this_rebound()) if install else shell_rc.MARK
        key = "nudge_read_only" if install else "nudge_read_only_remove"
        raise DataError(key, where=shown(marked_line.target(target)), value=shown(line)) from None
    except (OSError, UnicodeError) as exc:
        why = getattr(exc, "strerror", None) or str(exc)
        raise DataError("nudge_unwritable", where=shown(target), value=shown(why)) from None
    out = screens.console()
    where = shown(change.file)
    if install and change.changed:
        screens.note(out, content.say("nudge_added", where=where))
        screens.note(out, f"  {shown(change.line)}", "bold")
        screens.note(out, content.say("nudge_next"))
    elif install:
        screens.note(out, content.say("nudge_already", where=where))
    elif change.changed:
        screens.note(out, content.say("nudge_removed", where=where))
        screens.note(out, f"  {shown(change.line)}", "bold")
    else:
        screens.note(out, content.say("nudge_absent", where=where))


def shown(value: object) -> str:
    """A path or a line as it can be shown: a line break, a control character or a byte that is
    not UTF-8 spelled out (`\\n`, `\\xe9`), never sent to the terminal as it is."""
    from rebound.system import quoting

    return quoting.visible(str(value))


def unsafe(exc: Unquotable, where: str) -> UsageError:
    """The refusal of a value that `where` cannot hold: what it is, why, and that nothing was
    changed."""
    from rebound.sentences import speech
    from rebound.system import quoting

    return UsageError(
        "unsafe_value",
        value=quoting.visible(exc.value),
        where=shown(where),
        name=speech.phrase(exc.reason),
    )


# --- rebound remind ---------------------------------------------------------------------------


@app.command()
def remind(  # noqa: PLR0917 - Typer passes every option by name
    ctx: typer.Context,
    install: Annotated[
        bool,
        typer.Option(
            "--install",
            help=(
                "Run it every day, through what this system has: a systemd user timer, a "
                "LaunchAgent (macOS), Task Scheduler (Windows), or a crontab line."
            ),
        ),
    ] = False,
    uninstall: Annotated[
        bool, typer.Option("--uninstall", help="Stop the daily run that --install set up.")
    ] = False,
    status: Annotated[
        bool,
        typer.Option("--status", help="Say whether a daily run is set up, where, and when it ran."),
    ] = False,
    at: Annotated[
        str, typer.Option("--at", metavar="HH:MM", help="With --install: the time of day.")
    ] = "09:00",
    via: Annotated[
        str | None,
        typer.Option(
            "--via",
            metavar="NAME",
            help=(
                "With --install: use this scheduler, systemd, launchd, schtasks or cron "
                "(where its program is found)."
            ),
            show_default=False,
        ),
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="With --install: don't ask for confirmation.")
    ] = False,
    daily: Annotated[str | None, typer.Option("--daily", hidden=True)] = None,
    home: Annotated[str | None, typer.Option("--home", hidden=True)] = None,
) -> None:
    """A desktop notification of what is due today or overdue (printed without a desktop)."""
    if home:  # Task Scheduler's run has no environment of its own to carry the data folder
        if not os.path.isabs(home):  # a task starts in a folder of its own: only a whole path
            raise UsageError("remind_home_relative", value=home)
        with _data_folder(home):
            _remind_verbs(ctx, install, uninstall, status, at, via, yes, daily)
    else:
        _remind_verbs(ctx, install, uninstall, status, at, via, yes, daily)


@contextlib.contextmanager
def _data_folder(home: str) -> Iterator[None]:
    """REBOUND_HOME set to `home` while the command runs (and as it was after)."""
    before = os.environ.get("REBOUND_HOME")
    os.environ["REBOUND_HOME"] = home
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("REBOUND_HOME", None)
        else:
            os.environ["REBOUND_HOME"] = before


def _remind_verbs(  # noqa: PLR0917 - the options of `remind`, as Typer gave them
    ctx: typer.Context,
    install: bool,
    uninstall: bool,
    status: bool,
    at: str,
    via: str | None,
    yes: bool,
    daily: str | None,
) -> None:
    content = content_for(ctx)
    if sum((install, uninstall, status)) > 1:
        raise UsageError("remind_one_verb")
    if via is not None and not install:
        raise UsageError("remind_via_alone", value=via)
    if install:
        root = ctx.find_root().obj or {}
        chosen = root.get("content")
        _install(
            content,
            at,
            via,
            yes,
            content_option=str(chosen) if chosen is not None else None,
            lang=root.get("lang"),
        )
    elif uninstall:
        _uninstall(content)
    elif status:
        _status(content)
    else:
        _remind(content, daily)


def _remind(content: Content, daily: str | None) -> None:
    from rebound.coach import contacts as keeping
    from rebound.coach import insights
    from rebound.system import due_index, reminders

    store = store_for()
    if daily is not None:
        from rebound.system import daily as runs

        if daily in runs.VIA:
            runs.record_run(store.home, store.state, daily)
    mark = due_index.folder_mark(str(store.home))
    found = store.load_all()
    report_moved(store)
    if not found:
        return
    due_index.rebuild(store, content, found, mark)
    agenda = insights.agenda(content, found, days=0)
    # People due another touch by their cadence are reminded of too, as `todo` lists them.
    keep_in_touch = keeping.due(content, found, read_contact_log(store), agenda.today)
    agenda = insights.with_todos(agenda, keep_in_touch)
    day = agenda.today.isoformat()
    # What to do ("Send your thank-you email to ..."), not the item as it reads once done
    # ("Thank-you email sent to ..."), which in a reminder reads as done already.
    items = [
        reminders.Due(
            t.session_id,
            t.company,
            t.item_id,
            (t.next or t.label).rstrip(". "),
            d.isoformat(),
            (agenda.today - d).days,
        )
        for t in [*agenda.overdue, *agenda.due_today]
        if (d := t.due) is not None
    ]
    fresh = reminders.unannounced(store.state, items, day)  # this computer's
    if not fresh:
        return
    title = content.say_count("remind_title", len(items))
    lines = [_item_line(content, item) for item in items[:SHOWN_ITEMS]]
    if len(items) > SHOWN_ITEMS:
        lines.append(content.say("remind_more", count=len(items) - SHOWN_ITEMS))
    program = reminders.notifier()
    if program is None or not reminders.notify(program, title, "\n".join(lines)):
        _print(title, [*lines, content.say("remind_hint")])
    store.ensure_state()
    reminders.remember(store.state, fresh, day)


def _item_line(content: Content, item: Due) -> str:
    # A contact belongs to no one session's company: they are one of the people to reach.
    name = item.company or content.say("contacts_title")
    if item.late <= 0:
        return content.say("remind_today", name=name, title=item.label)
    return content.say_count("remind_late", item.late, name=name, title=item.label)


def _print(title: str, lines: list[str]) -> None:
    from rebound.render import screens

    out = screens.console()
    screens.note(out, title, "bold")
    for line in lines:
        screens.note(out, f"  {line}")


def _confirm(content: Content, out: Out, yes: bool) -> bool:
    from rebound.render import screens
    from rebound.terminal import prompts

    if yes:
        return True
    if not prompts.stdin_is_terminal():
        raise UsageError("remind_needs_yes")
    screens.note(out, "")
    if prompts.yes_no(content.say("remind_confirm"), default=True, lang=content):
        return True
    screens.note(out, content.say("remind_kept"))
    return False


def _install(
    content: Content,
    at: str,
    via: str | None,
    yes: bool,
    *,
    content_option: str | None,
    lang: str | None,
) -> None:
    from rebound.render import screens
    from rebound.system import daily, quoting, reminders

    when = reminders.parse_time(at)
    if when is None:
        raise UsageError("remind_bad_time", value=at)
    if via is not None and via not in daily.VIA:
        raise UsageError("remind_via_unknown", value=via)
    if via is not None and not daily.scheduler(via).available():
        raise UsageError("remind_via_missing", name=via)
    name = via or daily.choose()
    if name is None:
        raise UsageError("remind_no_scheduler")
    scheduler = daily.scheduler(name)
    run = daily.daily_run(when, content_option, lang)
    out = screens.console()
    try:
        plan = scheduler.shown(run)
    except quoting.Unquotable as exc:
        raise unsafe(exc, scheduler.location()) from None
    if via is None:
        screens.note(out, content.say(WHY[name]))
    else:
        screens.note(out, content.say("remind_chosen", name=name))
    screens.note(out, content.say(WILL[name]))
    for where, text in plan:
        if name == "cron":  # one line, said by the sentence above
            screens.note(out, f"  {shown(text)}", "bold")
            continue
        screens.note(out, "")
        screens.note(out, f"{shown(where)}:", "bold")
        for line in text.splitlines():
            screens.note(out, f"  {shown(line)}")
    if not _confirm(content, out, yes):
        return
    try:
        scheduler.install(run)
    except quoting.Unquotable as exc:
        raise unsafe(exc, scheduler.location()) from None
    except (OSError, daily.ScheduleError) as exc:
        raise DataError("remind_failed", value=shown(exc)) from None
    screens.note(out, content.say("remind_installed", value=run.time), "bold")


def _uninstall(content: Content) -> None:
    from rebound.render import screens
    from rebound.system import daily

    removed: list[str] = []
    try:
        for name in daily.VIA:
            removed += daily.scheduler(name).uninstall()
    except (OSError, daily.ScheduleError) as exc:
        raise DataError("remind_failed", value=shown(exc)) from None
    out = screens.console()
    if removed:
        screens.note(out, content.say("remind_removed", where=shown(", ".join(removed))))
    else:
        screens.note(out, content.say("remind_absent"))


def _status(content: Content) -> None:
    from rebound.render import screens
    from rebound.storage import places
    from rebound.storage.store import data_home
    from rebound.system import daily

    out = screens.console()
    found = [(name, daily.scheduler(name).installed()) for name in daily.VIA]
    found = [(name, where) for name, where in found if where]
    if not found:
        screens.note(out, content.say("remind_status_off"))
        return
    for name, where in found:
        screens.note(out, content.say("remind_status_on", name=name, where=shown(", ".join(where))))
    ran = daily.last_run(Path(places.state_for(str(data_home()))))
    if ran is None:
        screens.note(out, content.say("remind_status_never"))
    else:
        when, via = ran
        day, time = clock.local_day_and_time(when)
        screens.note(out, content.say("remind_status_ran", date=day, value=time, name=via))

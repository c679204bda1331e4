"""`rebound nudge` and `rebound remind`: follow-through that reaches the person.

`rebound nudge` alone is answered by the entry point without this module (rebound.cli, from the
due index); this module gives it `--help`, `--install` and `--uninstall`, and runs it in-process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from rebound.app import command_group, content_for, read_contact_log, report_moved, store_for
from rebound.errors import DataError, UsageError

app = command_group()

if TYPE_CHECKING:
    from rebound.pack.models import Content
    from rebound.render.screens import Out
    from rebound.system.reminders import Due

SHOWN_ITEMS = 5


# --- rebound nudge ----------------------------------------------------------------------------


@app.command()
def nudge(
    ctx: typer.Context,
    shell_name: Annotated[
        str | None,
        typer.Argument(
            metavar="SHELL",
            help="With --install or --uninstall: bash, zsh or fish (default: from $SHELL).",
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
    from rebound.system import shell_rc

    content = content_for(ctx)
    if install and uninstall:
        raise UsageError("nudge_both")
    name = shell_name or shell_rc.default_shell()
    if name not in shell_rc.SHELLS:
        raise UsageError("nudge_which_shell", value=name)
    target = shell_rc.start_file(name)
    try:
        change = shell_rc.install(name) if install else shell_rc.uninstall(name)
    except OSError as exc:
        raise DataError(
            "nudge_unwritable", where=str(target), value=exc.strerror or str(exc)
        ) from None
    out = screens.console()
    where = str(change.file)
    if install and change.changed:
        screens.note(out, content.say("nudge_added", where=where))
        screens.note(out, f"  {change.line}", "bold")
        screens.note(out, content.say("nudge_next"))
    elif install:
        screens.note(out, content.say("nudge_already", where=where))
    elif change.changed:
        screens.note(out, content.say("nudge_removed", where=where))
        screens.note(out, f"  {change.line}", "bold")
    else:
        screens.note(out, content.say("nudge_absent", where=where))


# --- rebound remind ---------------------------------------------------------------------------


@app.command()
def remind(
    ctx: typer.Context,
    install: Annotated[
        bool,
        typer.Option(
            "--install",
            help="Run it every day: a systemd user timer, or a crontab line without systemd.",
        ),
    ] = False,
    uninstall: Annotated[
        bool, typer.Option("--uninstall", help="Stop the daily run that --install set up.")
    ] = False,
    at: Annotated[
        str, typer.Option("--at", metavar="HH:MM", help="With --install: the time of day.")
    ] = "09:00",
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="With --install: don't ask for confirmation.")
    ] = False,
) -> None:
    """A desktop notification of what is due today or overdue (printed without a desktop)."""
    content = content_for(ctx)
    if install and uninstall:
        raise UsageError("nudge_both")
    if install:
        _install(content, at, yes)
    elif uninstall:
        _uninstall(content)
    else:
        _remind(content)


def _remind(content: Content) -> None:
    from rebound.coach import contacts as keeping
    from rebound.coach import insights
    from rebound.system import due_index, reminders

    store = store_for()
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
    fresh = reminders.unannounced(store.home, items, day)
    if not fresh:
        return
    title = content.say_count("remind_title", len(items))
    lines = [_item_line(content, item) for item in items[:SHOWN_ITEMS]]
    if len(items) > SHOWN_ITEMS:
        lines.append(content.say("remind_more", count=len(items) - SHOWN_ITEMS))
    program = reminders.notifier()
    if program is None or not reminders.notify(program, title, "\n".join(lines)):
        _print(title, [*lines, content.say("remind_hint")])
    reminders.remember(store.home, fresh, day)


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


def _install(content: Content, at: str, yes: bool) -> None:
    from rebound.render import screens
    from rebound.system import reminders, shell_rc

    when = reminders.parse_time(at)
    if when is None:
        raise UsageError("remind_bad_time", value=at)
    shown = f"{when[0]:02d}:{when[1]:02d}"
    rebound = shell_rc.this_rebound()
    out = screens.console()
    try:
        if reminders.has_systemd():
            files = reminders.unit_files(rebound, when)
            screens.note(out, content.say("remind_systemd"))
            for path, text in files.items():
                screens.note(out, "")
                screens.note(out, f"{path}:", "bold")
                for line in text.splitlines():
                    screens.note(out, f"  {line}")
            if not _confirm(content, out, yes):
                return
            reminders.install_systemd(files)
        elif reminders.has_cron():
            screens.note(out, content.say("remind_cron"))
            screens.note(out, f"  {reminders.cron_line(rebound, when)}", "bold")
            if not _confirm(content, out, yes):
                return
            reminders.install_cron(rebound, when)
        else:
            raise UsageError("remind_no_scheduler")
    except (OSError, reminders.ScheduleError) as exc:
        raise DataError("remind_failed", value=str(exc)) from None
    screens.note(out, content.say("remind_installed", value=shown), "bold")


def _uninstall(content: Content) -> None:
    from rebound.render import screens
    from rebound.system import reminders

    try:
        removed = [str(p) for p in reminders.uninstall_systemd()]
        if reminders.uninstall_cron():
            removed.append("crontab")
    except (OSError, reminders.ScheduleError) as exc:
        raise DataError("remind_failed", value=str(exc)) from None
    out = screens.console()
    if removed:
        screens.note(out, content.say("remind_removed", where=", ".join(removed)))
    else:
        screens.note(out, content.say("remind_absent"))

"""`rebound data ...`: where your data lives (and moving it), a copy of all of it, and wiping it.

Nothing rebound keeps ever leaves this computer unless you export it yourself, or put its data
folder in a folder you sync (`rebound data move`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rebound.app import ReboundGroup, command_group, store_for
from rebound.errors import UsageError
from rebound.sentences import speech

if TYPE_CHECKING:
    from rebound.storage import moving

app = command_group()

data_app = typer.Typer(
    cls=ReboundGroup,
    help="Your data: where it lives, moving it, a copy of all of it, wiping it.",
    no_args_is_help=True,
)
app.add_typer(data_app, name="data")


@data_app.command("path")
def data_path() -> None:
    """Show the folder where rebound keeps your data, and why that one."""
    from rebound.storage import moving, places
    from rebound.storage.files import content_cache, data_place

    home, why = data_place()
    typer.echo(str(home))  # alone on stdout: `cd "$(rebound data path)"`
    notes = [
        {
            places.FROM_ENV: speech.say("path_from_env"),
            places.FROM_REMEMBERED: speech.say("path_remembered", where=places.remembered_file()),
        }.get(why, speech.say("path_default"))
    ]
    if why == places.FROM_REMEMBERED and not home.exists():
        notes.append(speech.say("path_missing"))
    notes.append(
        speech.say("path_machine", where=places.state_for(str(home)), value=content_cache().parent)
    )
    journal = moving.unfinished()
    if journal is not None:
        notes.append(speech.say("path_unfinished", where=journal["to"]))
    for note in notes:
        typer.echo(note, err=True)


@data_app.command("move")
def data_move(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="Where to keep your data from now on (a folder you sync, for one).",
        ),
    ],
) -> None:
    """Move your data to another folder, and use it from now on (a synced folder, say)."""
    import os

    from rebound.storage import moving, places
    from rebound.storage.files import data_place

    if os.environ.get(places.HOME_ENV):
        raise UsageError("move_env", where=os.environ[places.HOME_ENV])
    target = Path(os.path.abspath(folder.expanduser()))
    home, _ = data_place()
    journal = moving.unfinished()
    if journal is not None and os.path.realpath(home) == os.path.realpath(str(journal["to"])):
        # Killed once the new place was in use: what is left in the old one goes now.
        earlier = moving.Report(Path(str(journal["from"])), Path(str(journal["to"])))
        moving.finish(earlier.source, earlier.target, earlier)
        _said_left(earlier)
    if os.path.realpath(home) == os.path.realpath(target):
        typer.echo(speech.say("move_already", where=target), err=True)
        return
    report = moving.move(store_for(), target)
    if report.nothing:
        typer.echo(speech.say("move_nothing", where=target, value=home), err=True)
        return
    said = speech.say_count("move_done", report.copied, where=target)
    typer.echo(f"{said} {speech.say('move_remembered', where=places.remembered_file())}", err=True)
    if report.both:
        typer.echo(speech.say_count("move_both", len(report.both)), err=True)
    _said_left(report)


def _said_left(report: moving.Report) -> None:
    if report.left:
        names = ", ".join(p.name for p in report.left[:5])
        typer.echo(
            speech.say_count("move_left", len(report.left), where=report.source, list=names),
            err=True,
        )


@data_app.command("export")
def data_export(
    file: Annotated[Path, typer.Argument(help="The archive to write (a .zip).")],
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Write everything rebound keeps about you into one .zip archive."""
    import io
    import os
    import zipfile

    from rebound.storage.files import atomic_write

    store = store_for()
    # lexists, not exists: a link (even a dangling one) is not written through without --force,
    # and with it the link itself is replaced, never the file it points to.
    if os.path.lexists(file) and not force:
        raise UsageError("data_exists", where=file)
    files = store.own_files(personal=True)  # rebound's, not whatever else is in the folder
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            # This computer's own (wins waiting to be saved) under `this-computer/`.
            inside = path.is_relative_to(store.home)
            where = path.relative_to(store.home if inside else store.state)
            archive.write(path, Path("rebound") / ("" if inside else "this-computer") / where)
    atomic_write(file, buffer.getvalue())
    typer.echo(speech.say_count("data_wrote", len(files), where=file), err=True)


@data_app.command("wipe")
def data_wipe(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask for confirmation.")] = False,
) -> None:
    """Delete everything rebound keeps about you (it asks first; `--yes` skips the question)."""
    import contextlib

    from rebound.render import screens
    from rebound.storage import places
    from rebound.terminal import prompts

    store = store_for()
    out = screens.console()
    if not store.home.exists():
        screens.note(out, speech.say("wipe_nothing", where=store.home))
        return
    if not yes:
        if not prompts.stdin_is_terminal():
            raise UsageError("wipe_needs_yes")
        question = speech.say("wipe_confirm", where=store.home)
        if not prompts.yes_no(question, default=False, lang=speech.pack()):
            screens.note(out, speech.say("wipe_kept"))
            return
    left = store.wipe()
    if store.why == places.FROM_REMEMBERED and not store.home.exists():
        # Nothing left of the chosen folder: the next run starts afresh in the default one,
        # rather than look for a folder that is gone.
        with contextlib.suppress(FileNotFoundError):
            Path(places.remembered_file()).unlink()
    shell = _wipe_shell()
    if not left:
        screens.note(out, speech.say("wiped", where=store.home))
    else:
        names = ", ".join(p.name + ("/" if p.is_dir() else "") for p in left[:5])
        if len(left) > 5:
            names = speech.say("wiped_more", list=names, count=len(left) - 5)
        screens.note(out, speech.say("wiped_some", where=store.home, list=names))
    if shell:
        screens.note(out, speech.say("wiped_shell", list=", ".join(shell)))


def _wipe_shell() -> list[str]:
    """Take out what rebound added to the shell (the nudge's line, the completion): the files
    changed. One that can't be changed is let be: the data is what a wipe is for."""
    import contextlib

    from rebound.system import shell_rc

    changed: list[str] = []
    with contextlib.suppress(OSError, UnicodeError):
        changed += [str(p) for p in shell_rc.uninstall_completion()]
    for name in shell_rc.SHELLS:
        with contextlib.suppress(OSError, UnicodeError):
            done = shell_rc.uninstall(name)
            if done.changed and str(done.file) not in changed:
                changed.append(str(done.file))
    return changed

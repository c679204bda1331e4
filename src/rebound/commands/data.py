"""`rebound data ...`: where your data lives, a copy of all of it, and wiping it.

Nothing rebound keeps ever leaves this computer unless you export it yourself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rebound.app import ReboundGroup, command_group, store_for
from rebound.errors import UsageError
from rebound.sentences import speech

app = command_group()

data_app = typer.Typer(
    cls=ReboundGroup,
    help="Your data: where it lives, a copy of all of it, wiping it.",
    no_args_is_help=True,
)
app.add_typer(data_app, name="data")


@data_app.command("path")
def data_path() -> None:
    """Show the folder where rebound keeps your sessions and brag list."""
    typer.echo(str(store_for().home))


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
            archive.write(path, Path("rebound") / path.relative_to(store.home))
    atomic_write(file, buffer.getvalue())
    typer.echo(speech.say_count("data_wrote", len(files), where=file), err=True)


@data_app.command("wipe")
def data_wipe(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask for confirmation.")] = False,
) -> None:
    """Delete everything rebound keeps about you (it asks first; `--yes` skips the question)."""
    from rebound.render import screens
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
    with contextlib.suppress(OSError):
        changed += [str(p) for p in shell_rc.uninstall_completion()]
    for name in shell_rc.SHELLS:
        with contextlib.suppress(OSError):
            done = shell_rc.uninstall(name)
            if done.changed and str(done.file) not in changed:
                changed.append(str(done.file))
    return changed

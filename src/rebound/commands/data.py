"""`rebound data ...`: where your data lives, a copy of all of it, and wiping it.

Nothing rebound keeps ever leaves this computer unless you export it yourself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rebound.app import ReboundGroup, command_group, store_for
from rebound.errors import UsageError

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

    from rebound.files import atomic_write

    store = store_for()
    # lexists, not exists: a link (even a dangling one) is not written through without --force,
    # and with it the link itself is replaced, never the file it points to.
    if os.path.lexists(file) and not force:
        raise UsageError(f"{file} already exists; add --force to replace it. Nothing was written.")
    files = store.own_files(personal=True)  # rebound's, not whatever else is in the folder
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, Path("rebound") / path.relative_to(store.home))
    atomic_write(file, buffer.getvalue())
    typer.echo(f"Wrote {len(files)} files to {file}. Keep it somewhere private.", err=True)


@data_app.command("wipe")
def data_wipe(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask for confirmation.")] = False,
) -> None:
    """Delete everything rebound keeps about you (it asks first; `--yes` skips the question)."""
    from rebound import prompts, render

    store = store_for()
    out = render.console()
    if not store.home.exists():
        render.note(out, f"There is nothing to wipe: {store.home} does not exist.")
        return
    if not yes:
        if not prompts.stdin_is_terminal():
            raise UsageError(
                "Wiping needs a yes: run it in a terminal, or add --yes. Nothing was deleted."
            )
        question = f"Delete all your sessions and your brag list in {store.home}, for good?"
        if not prompts.yes_no(question, default=False):
            render.note(out, "Kept. Nothing was deleted.")
            return
    left = store.wipe()
    if not left:
        render.note(out, f"Wiped {store.home}. rebound keeps nothing about you now.")
        return
    names = ", ".join(p.name + ("/" if p.is_dir() else "") for p in left[:5])
    more = f" and {len(left) - 5} more" if len(left) > 5 else ""
    render.note(
        out,
        f"Wiped your sessions and brag list; rebound keeps nothing about you now. {store.home} "
        f"stays, because it also holds things rebound did not make ({names}{more}): those were "
        "left as they are.",
    )

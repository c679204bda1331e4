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

# What is yours to export: everything but derived or transient files.
SKIPPED = ("cache", "locks")


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
    import zipfile

    from rebound.store import atomic_write

    store = store_for()
    if file.exists() and not force:
        raise UsageError(f"{file} already exists; add --force to replace it. Nothing was written.")
    files = (
        [
            p
            for p in sorted(store.home.rglob("*"))
            if p.is_file() and p.relative_to(store.home).parts[0] not in SKIPPED
        ]
        if store.home.is_dir()
        else []
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, Path("rebound") / path.relative_to(store.home))
    atomic_write(file.resolve(), buffer.getvalue())
    typer.echo(f"Wrote {len(files)} files to {file}. Keep it somewhere private.", err=True)


@data_app.command("wipe")
def data_wipe(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask for confirmation.")] = False,
) -> None:
    """Delete everything rebound keeps about you (it asks first; `--yes` skips the question)."""
    import contextlib
    import shutil

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
    with contextlib.ExitStack() as locks:
        # Refuse while any session is open in another window, rather than pull it from under it.
        for session_id in store.ids_by_start():
            locks.enter_context(store.lock(session_id))
        for child in sorted(store.home.iterdir()):
            if child.name == "locks":
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    shutil.rmtree(store.home, ignore_errors=True)
    render.note(out, f"Wiped {store.home}. rebound keeps nothing about you now.")

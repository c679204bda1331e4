"""`rebound content ...`: check and locate the coaching content (the YAML files)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rebound.app import ReboundGroup, command_group, content_folder

app = command_group()

content_app = typer.Typer(
    cls=ReboundGroup,
    help="Check or locate the coaching content (the YAML files).",
    no_args_is_help=True,
)
app.add_typer(content_app, name="content")


@content_app.command("validate")
def content_validate(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(help="A content folder; default: the one in use.", show_default=False),
    ] = None,
) -> None:
    """Check a content folder and say exactly where anything is wrong."""
    from rebound import content_files

    loaded = content_files.load(folder or content_folder(ctx))
    typer.echo(f"{loaded.source}: OK ({len(loaded.steps)} steps, {len(loaded.prompts())} prompts).")


@content_app.command("path")
def content_path(ctx: typer.Context) -> None:
    """Show where the coaching content in use lives."""
    typer.echo(str(content_folder(ctx)))


@content_app.command("new")
def content_new(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help="A new folder for your own copy.")],
) -> None:
    """Copy the coaching content in use into FOLDER, to change it without touching code."""
    import shutil

    from rebound.errors import UsageError

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"{folder} already exists and is not empty; pick a new folder.")
    source = content_folder(ctx)
    try:
        shutil.copytree(source, folder, dirs_exist_ok=True)
    except OSError as exc:
        raise UsageError(f"Could not copy the content to {folder} ({exc.strerror}).") from None
    typer.echo(
        f"Copied {source} to {folder}. Edit the YAML, check it with "
        f"`rebound content validate {folder}`, and use it with `rebound --content {folder} start` "
        "(or set REBOUND_CONTENT)."
    )

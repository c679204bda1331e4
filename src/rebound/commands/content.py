"""`rebound content ...`: check and locate the coaching content (the YAML files)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rebound.app import ReboundGroup, app

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
    from rebound import content, content_files

    root = ctx.find_root().obj or {}
    loaded = content_files.load(content.content_dir(folder or root.get("content")))
    typer.echo(f"{loaded.source}: OK ({len(loaded.steps)} steps, {len(loaded.prompts())} prompts).")

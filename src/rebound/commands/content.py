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
    like: Annotated[
        str | None,
        typer.Option(
            "--like",
            metavar="BASE",
            help=(
                "Also check that it is a translation of BASE (a language, e.g. en, or a folder):"
                " the same steps, questions, choices, conditions, dates and drafts; each"
                " difference on a line, exit 1 if any."
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check a content folder and say exactly where anything is wrong."""
    from rebound.pack import reader
    from rebound.sentences import speech

    base = _base_folder(like) if like is not None else None  # a wrong --like before any work
    chosen = folder or content_folder(ctx)
    loaded = reader.load(chosen)
    steps, prompts = len(loaded.steps), len(loaded.prompts())
    typer.echo(speech.say("content_ok", where=loaded.source, count=steps, number=prompts))
    if like is None or base is None:
        return
    from rebound.errors import ReboundError
    from rebound.pack import likeness

    found = likeness.differences(reader.load(base), loaded, like)
    if not found:
        typer.echo(speech.say("like_same", where=like))
        return
    for where, difference in likeness.placed(chosen, found):
        typer.echo(f"{where}: {difference.field}: {difference.said()}")
    key = "like_differ_one" if len(found) == 1 else "like_differ"
    raise ReboundError(key, count=len(found), where=like)


def _base_folder(like: str) -> Path:
    """The pack `--like` names: a language rebound ships, else a folder.

    Raises:
        UsageError: it is neither.
    """
    from rebound.pack import packs

    shipped = packs.languages()
    if like in shipped:
        return packs.default_dir(like)
    if Path(like).expanduser().is_dir():
        return Path(like).expanduser()
    from rebound.errors import UsageError

    raise UsageError("like_unknown", value=like, list=", ".join(shipped))


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
    from rebound.errors import UsageError
    from rebound.sentences import speech

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError("content_exists", where=folder)
    source = content_folder(ctx)
    # A copy inside what it copies would copy itself again and again, until Python gives up.
    inside = folder.resolve()
    if inside == source.resolve() or source.resolve() in inside.parents:
        raise UsageError("content_inside", where=folder, value=source)
    try:
        _copy_whole(source, folder)
    except OSError as exc:
        from rebound.app import os_reason

        reason = os_reason(exc) if exc.errno is not None else str(exc)
        raise UsageError("content_copy_failed", where=folder, value=reason) from None
    typer.echo(speech.say("content_copied", value=source, where=folder))


def _copy_whole(source: Path, folder: Path) -> None:
    """Copy `source` to `folder` whole or not at all: into a hidden sibling, then renamed.

    The copy carries the JSON Schemas of its files, named on each file's first line.
    """
    import shutil
    import tempfile

    from rebound.pack import schemas

    folder.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".part"))
    failed: list[OSError] = []

    def copy(src: str, dst: str) -> object:
        try:
            return shutil.copy2(src, dst)
        except OSError as exc:  # copytree keeps only the text of it: keep the errno
            failed.append(exc)
            raise

    try:
        try:
            shutil.copytree(source, partial, copy_function=copy, dirs_exist_ok=True)
        except shutil.Error:
            if failed:
                raise failed[0] from None
            raise
        # The schemas go with the copy, and its files name them: an editor finds them from the
        # new folder wherever it is, which a path back into rebound's own folder would not do.
        schemas.give(partial)
        partial.replace(folder)  # onto a missing or empty folder (checked by the caller)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise

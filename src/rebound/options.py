"""The options and arguments several commands share, with their shell completion.

Completion runs inside the person's shell at every Tab: it never prints a traceback, and answers
with nothing rather than with an error.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from rebound.errors import UsageError

STDOUT = "-"  # `-o -`: the output goes to the screen, not a file


def complete_session(incomplete: str) -> list[str]:
    """Shell completion: the saved session ids that start with what was typed."""
    from rebound.storage.store import Store

    try:
        return [i for i in Store().ids_by_start() if i.startswith(incomplete)]
    except Exception:  # completion must never print a traceback into someone's shell
        return []


def complete_step(incomplete: str) -> list[str]:
    """Shell completion: the step ids of the content in use."""
    from rebound.pack import packs
    from rebound.storage.files import content_cache

    try:
        loaded = packs.load(None, cache=content_cache())
    except Exception:
        return []
    return [s.id for s in loaded.steps if s.id.startswith(incomplete)]


SessionOption = Annotated[
    str | None,
    typer.Option(
        "--session",
        "-s",
        help="The session id (or its start, or the company); default: the latest.",
        autocompletion=complete_session,
    ),
]
SessionArgument = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="A session id, its start, or the company.",
        autocompletion=complete_session,
    ),
]


def check_target(output: Path, force: bool) -> None:
    """Refuse to write `output` where it exists (without `force`) or its folder can't take it.

    Raises:
        UsageError: it exists, or its folder does not exist or is not writable.
    """
    # lexists: a link, even a dangling one, is never written through; --force replaces the link.
    if os.path.lexists(output) and not force:
        raise UsageError("export_exists", where=output)
    folder = output.parent
    if not folder.is_dir():
        raise UsageError("export_no_folder", where=folder)
    if not os.access(folder, os.W_OK):
        raise UsageError("export_not_allowed", where=folder)

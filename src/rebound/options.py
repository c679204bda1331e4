"""The options and arguments several commands share, with their shell completion.

Completion runs inside the person's shell at every Tab: it never prints a traceback, and answers
with nothing rather than with an error.
"""

from __future__ import annotations

from typing import Annotated

import typer


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
    from rebound.storage.paths import CACHE
    from rebound.storage.store import data_home

    try:
        loaded = packs.load(None, cache=data_home() / CACHE)
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

"""The `rebound` command: the app with every command registered, and its entry point."""

from __future__ import annotations

import os
import sys

from rebound.app import app

# Importing a module registers its commands; this order is the order of `rebound --help`.
from rebound.commands import sessions  # isort: skip
from rebound.commands import insights  # isort: skip
from rebound.commands import brag  # isort: skip
from rebound.commands import export  # isort: skip
from rebound.commands import content  # isort: skip
from rebound.commands import data  # isort: skip

__all__ = ["app", "brag", "content", "data", "export", "insights", "main", "sessions"]


def main() -> None:
    """Entry point of the `rebound` command."""
    # rebound uses no pydantic plugins; looking for them scans every installed package's
    # metadata on each run. Set the variable yourself to opt back in.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # A terminal or pipe that can't show a character (an ASCII-only locale) gets a '?', never a
    # crash: people's names and notes can be in any script.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    app(prog_name="rebound")


if __name__ == "__main__":  # pragma: no cover
    main()

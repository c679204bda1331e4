"""The `rebound` command: the app with every command registered, and its entry point."""

from __future__ import annotations

import os
import sys

from rebound.app import app

__all__ = ["app", "main"]


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

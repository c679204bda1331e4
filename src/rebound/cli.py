"""The `rebound` command: the app with every command registered, and its entry point."""

from __future__ import annotations

import os

from rebound.app import app
from rebound.commands import content, sessions

__all__ = ["app", "content", "main", "sessions"]


def main() -> None:
    """Entry point of the `rebound` command."""
    # rebound uses no pydantic plugins; looking for them scans every installed package's
    # metadata on each run. Set the variable yourself to opt back in.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app(prog_name="rebound")


if __name__ == "__main__":  # pragma: no cover
    main()

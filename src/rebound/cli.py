"""The `rebound` command's entry point."""

from __future__ import annotations

import os
import sys

from rebound import startup

__all__ = ["main"]


def main() -> None:
    """Entry point of the `rebound` command."""
    if sys.argv[1:] == ["nudge"]:
        # The line in a shell's start-up file: it reads the due index with the standard library
        # and nothing else, before anything heavy is imported (see rebound.due).
        from rebound import due

        due.nudge()
        return
    startup.pause()  # before Typer and the rest are imported: see rebound.startup
    try:
        # rebound uses no pydantic plugins; looking for them scans every installed package's
        # metadata on each run. Set the variable yourself to opt back in.
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        # A terminal or pipe that can't show a character (an ASCII-only locale) gets a '?', never
        # a crash: people's names and notes can be in any script.
        for stream in (sys.stdout, sys.stderr):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="replace")
        from rebound.app import app, output_failed

        try:
            try:
                app(prog_name="rebound")
            finally:
                # Flush here, not at the interpreter's exit: a closed pipe or a full device
                # found then could only print "Exception ignored" and exit 120.
                sys.stdout.flush()
        except OSError as exc:  # the output's, found after the command (the rest: app.py)
            if exc.filename is not None:
                raise
            sys.exit(output_failed(exc))
    finally:
        startup.finish()


if __name__ == "__main__":  # pragma: no cover
    main()

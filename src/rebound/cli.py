"""The `rebound` command's entry point."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType

from rebound.system import gc_tuning

__all__ = ["Ended", "main"]


class Ended(KeyboardInterrupt):
    """The window was closed (SIGHUP) or rebound was asked to end (SIGTERM).

    A KeyboardInterrupt, so that every Ctrl-C path runs for it too: a revisited step is settled
    and saved, the "stopped, saved" message is said, and the exit code is 130. `signum` is the
    signal, for a program rebound started to be told the same (`system.programs.edit`).
    """

    def __init__(self, signum: int = 0) -> None:
        super().__init__(signum)
        self.signum = signum


def _end(signum: int, frame: FrameType | None) -> None:
    # Once is enough: a second signal must not cut short the save the first one started.
    for name in ("SIGHUP", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    if signum == getattr(signal, "SIGHUP", None):
        _silence_output()
    raise Ended(signum)


def _silence_output() -> None:
    """After a hangup the terminal is gone, and writing to it fails (EIO): send what is still
    said to /dev/null instead, so that no write stops the save or turns into a traceback."""
    import stat

    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                # A device, not isatty(): a hung-up terminal no longer says it is one. Files
                # and pipes keep what is written to them.
                if stream is not None and stat.S_ISCHR(os.fstat(stream.fileno()).st_mode):
                    os.dup2(null, stream.fileno())
        os.close(null)


def handle_endings() -> None:
    """Treat SIGHUP and SIGTERM like Ctrl-C, for the whole process (where the platform has
    them)."""
    for name in ("SIGHUP", "SIGTERM"):
        if hasattr(signal, name):
            with contextlib.suppress(ValueError, OSError):  # not the main thread: leave it
                signal.signal(getattr(signal, name), _end)


def main() -> None:
    """Entry point of the `rebound` command."""
    if sys.argv[1:] == ["nudge"]:
        # The line in a shell's start-up file: it reads the due index with the standard library
        # and nothing else, before anything heavy is imported (see rebound.system.due_index).
        from rebound.system import due_index

        due_index.nudge()
        return
    gc_tuning.pause()  # before Typer and the rest are imported: see rebound.system.gc_tuning
    handle_endings()
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
        gc_tuning.finish()


if __name__ == "__main__":  # pragma: no cover
    main()

"""One error hierarchy, and the exit codes the CLI turns it into.

Only `cli.py` turns these into exits; everything else raises. Messages are written for a person
who has just been rejected: what happened, that their data is safe, and what to do next.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes."""

    OK = 0
    FAILURE = 1
    USAGE = 2
    INTERRUPTED = 130


class ReboundError(Exception):
    """Base of every error rebound reports to a person (never with a traceback)."""

    exit_code: ExitCode = ExitCode.FAILURE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(ReboundError):
    """The command line or an input file asked for something that cannot be done."""

    exit_code = ExitCode.USAGE


class NotInteractiveError(UsageError):
    """A prompt was needed but standard input is not a terminal."""


class ContentError(UsageError):
    """A content (YAML) file is missing or wrong; the message names file:line:col and the field."""


class NoSessionError(ReboundError):
    """The session asked for does not exist (or there is none yet)."""


class DataError(ReboundError):
    """The data folder or a saved file cannot be used; nothing already saved was harmed."""


class InterruptedByUser(ReboundError):
    """Ctrl-C or Ctrl-D at a prompt. Not a failure: the message says what was kept."""

    exit_code = ExitCode.INTERRUPTED


class SessionBusyError(ReboundError):
    """Another rebound process is working on the same session."""

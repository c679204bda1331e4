"""One error hierarchy, and the exit codes the CLI turns it into.

Only `app.py` turns these into exits; everything else raises. An error carries the key of its
sentence in the content pack's `ui:` section and the values to fill in (the way jrnl's
exceptions carry a message key), and is worded at the error boundary, in the language of the
run (`rebound.sentences.speech`). Messages are written for a person who has just been rejected: what
happened, that their data is safe, and what to do next.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import NamedTuple, TypeVar


class ExitCode(IntEnum):
    """Process exit codes."""

    OK = 0
    FAILURE = 1
    USAGE = 2
    INTERRUPTED = 130


class Phrase(NamedTuple):
    """One sentence of the pack (`key`, a `models.Ui` field) and the values it is filled with.

    A value may itself be a Phrase (a reason inside a sentence): it is worded first. A blank key
    is a text said as it is (`text`), for the rare sentence built from parts elsewhere.
    """

    key: str
    values: dict[str, object]
    text: str = ""


_E = TypeVar("_E", bound="ReboundError")


def _bare(phrases: Sequence[Phrase]) -> str:
    return " ".join(p.text or (f"{p.key} {p.values}" if p.values else p.key) for p in phrases)


# How phrases become words. This module imports nothing of rebound's (any module may import
# it), so `rebound.sentences.speech`, which knows the packs, puts its own here when it is imported.
_wording: list[Callable[[Sequence[Phrase]], str]] = [_bare]


def use_wording(wording: Callable[[Sequence[Phrase]], str]) -> None:
    """Word every error's phrases with this from now on (`rebound.sentences.speech` calls it)."""
    _wording[:] = [wording]


class ReboundError(Exception):
    """Base of every error rebound reports to a person (never with a traceback).

    `ReboundError("no_session", id=wanted)` says the pack's `no_session` sentence with `{{id}}`
    filled in; `ReboundError.said(text)` says a text built elsewhere, as it is.
    """

    exit_code: ExitCode = ExitCode.FAILURE

    def __init__(self, key: str, /, **values: object) -> None:
        super().__init__(key)
        self.phrases: list[Phrase] = [Phrase(key, values)]

    @classmethod
    def said(cls: type[_E], text: str) -> _E:
        """An error whose message is this text, already worded (a file:line:col message)."""
        error = cls("")
        error.phrases = [Phrase("", {}, text)]
        return error

    def then(self: _E, key: str, /, **values: object) -> _E:
        """This error with one more sentence after it (what to run next); returns itself."""
        self.phrases.append(Phrase(key, values))
        return self

    def like(self: _E, other: ReboundError) -> _E:
        """This error saying what `other` says (its sentences), for a change of class."""
        self.phrases = list(other.phrases)
        return self

    @property
    def message(self) -> str:
        """The message, worded by `sentences.speech` in the run's language (English if no pack)."""
        try:
            return _wording[0](self.phrases)
        except Exception:  # a key no pack has: still something to say, never a traceback
            return _bare(self.phrases)

    def __str__(self) -> str:
        return self.message


class UsageError(ReboundError):
    """The command line or an input file asked for something that cannot be done."""

    exit_code = ExitCode.USAGE


class NotInteractiveError(UsageError):
    """A prompt was needed but standard input is not a terminal."""


class ContentError(UsageError):
    """A content (YAML) file is missing or wrong; the message names file:line:col and the field."""


class NoSessionError(ReboundError):
    """The session asked for does not exist (or there is none yet).

    One rule for "not found": a name the person gave that matches nothing (a session, a draft,
    an item, a step, a contact, a story) is bad input, exit 2, like a mistyped option; exit 1 is
    for an operation that failed (a disk, a lock, a file that can't be read).
    """

    exit_code = ExitCode.USAGE


class BrokenSessionError(NoSessionError):
    """The session's file could not be read, and was set aside: the operation failed."""

    exit_code = ExitCode.FAILURE


class DataError(ReboundError):
    """The data folder or a saved file cannot be used; nothing already saved was harmed."""


class InterruptedByUser(ReboundError):
    """Ctrl-C or Ctrl-D at a prompt. Not a failure: the message says what was kept."""

    exit_code = ExitCode.INTERRUPTED


class SessionBusyError(ReboundError):
    """Another rebound process is working on the same session."""

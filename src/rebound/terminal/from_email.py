"""Starting from the email the news came in (`rebound start --from`): reading it from a file or
from what is pasted, and picking the message in a mailbox that holds several.

What the message says is worked out by `rebound.inbox` (pure); this module does what needs a
person or a file: the paste, the pick, and the hint before a paste. Nothing is saved here.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rebound.errors import UsageError
from rebound.inbox import guessing, reading
from rebound.inbox.guessing import Guess
from rebound.inbox.reading import Received
from rebound.sentences import speech
from rebound.terminal import prompts

STDIN = "-"


@dataclass(frozen=True)
class Mail:
    """The message a session starts from, and what it offers (`guessing.Guess`)."""

    message: Received
    guess: Guess


def read(source: str, today: date, interactive: bool) -> Mail:
    """The message `source` names (a file, or '-' for standard input), and what it offers; a
    mailbox of several is picked from, the likeliest rejection offered first.

    Raises:
        UsageError: it is not an email (`reading`), or a mailbox holds several and nobody can
            pick (no terminal).
    """
    if source == STDIN:
        where = speech.say("inbox_pasted_where")
        messages = reading.read_stream(_stdin(), where, today)
    else:
        where = source
        messages = reading.read_file(Path(source).expanduser())
    ordered = guessing.offered_order(messages)
    chosen = ordered[0]
    if len(ordered) > 1:
        if not interactive:
            raise UsageError("inbox_many_no_terminal", where=where, count=len(ordered))
        chosen = _pick(ordered)
    return Mail(chosen, guessing.guess(chosen, today))


def _stdin() -> bytes:
    """What standard input holds: a paste ended with Ctrl-D on a terminal, else all of it (at
    most a byte past the limit, to tell a mailbox too big without reading it all)."""
    if prompts.stdin_is_terminal():  # a paste, even for an answers file: say how it ends
        from rebound.render import screens

        screens.note(screens.console(stderr=True), speech.say("inbox_paste_hint"), "dim")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a stdin replaced by text (some test runners, IDEs)
        return (sys.stdin.read(reading.MAX_BYTES + 1) if sys.stdin else "").encode("utf-8")
    return bytes(stream.read(reading.MAX_BYTES + 1))


def label(message: Received) -> str:
    """One message of a mailbox as a choice: its day, who sent it, its subject."""
    from rebound import clock

    day = clock.local_day(message.sent).isoformat() if message.sent is not None else "—"
    sender = message.sender
    who = (sender.name or sender.address) if sender is not None else "—"
    return " · ".join(p for p in (day, who, message.subject) if p)


PICK_AT_MOST = 20  # a whole mailbox would be a list too long to read: the likeliest come first


def _pick(messages: list[Received]) -> Received:
    options = [(str(i), label(m)) for i, m in enumerate(messages[:PICK_AT_MOST])]
    question = speech.say("inbox_pick", count=len(messages))
    chosen = prompts.choose(question, options, default="0", lang=speech.pack())
    return messages[int(chosen)]

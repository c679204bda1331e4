"""What an email offers a new session: its guesses, checked as answers to the pack's opening
questions would be, the thread a reply joins, and the line that says what was read.

A guess that a question would refuse (a day after today, a choice the pack does not have) is
left out rather than offered: Enter must always give an answer the question takes. Pure: no I/O.
"""

from __future__ import annotations

from datetime import date

from rebound.inbox.guessing import Guess
from rebound.pack import typed
from rebound.pack.models import Content
from rebound.storage.records import AnswerValue, Thread

# The opening questions an email can answer, and how they are said together in one line.
NAME, ADDRESS = "messenger_name", "messenger_email"


def suggested(content: Content, guess: Guess, today: date) -> dict[str, AnswerValue]:
    """The email's defaults, by opening question id, each checked as if typed at it."""
    offered = guess.answers()
    out: dict[str, AnswerValue] = {}
    for prompt in content.opening.prompts:
        value = offered.get(prompt.id)
        if value is None:
            continue
        try:
            checked = typed.check(prompt, value, today, content, dict(out))
        except ValueError:
            continue
        if checked is not None:
            out[prompt.id] = checked
    return out


def thread(guess: Guess) -> Thread:
    """The thread a reply to this email joins: its Message-ID and subject, nothing else."""
    return Thread(message_id=guess.message_id, subject=guess.subject, no_reply=guess.no_reply)


def summary(content: Content, offers: dict[str, AnswerValue]) -> str:
    """What was read, in the order the questions come: 'Globex, Data Engineer, Dana Smith
    <dana@globex.example>, 2026-11-24' ('' when nothing was); the channel goes unsaid."""
    parts: list[str] = []
    name_at = None
    for prompt in content.opening.prompts:
        value = offers.get(prompt.id)
        if not isinstance(value, str) or prompt.kind == "select":
            continue
        if prompt.id == ADDRESS and name_at is not None:
            parts[name_at] = f"{parts[name_at]} <{value}>"
            continue
        if prompt.id == NAME:
            name_at = len(parts)
        parts.append(value)
    return ", ".join(parts)

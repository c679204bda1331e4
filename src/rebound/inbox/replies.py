"""Replies in the thread of the email a session started from: `Re:` on their subject, the headers
that thread a reply (In-Reply-To, References), and a reply as an .eml file that desktop mail
programs open as a draft.

Which drafts answer the message is the pack's to say (`follow_up.reply`: the checklist item
they tick, the thank-you); the draft's words are the letters' (`rebound.letters`), untouched.
Pure: the `email` package is imported only to write an .eml.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rebound.letters.letter import DraftText
from rebound.pack.models import Content, Draft
from rebound.storage.records import Session, Thread

# What mail programs put before a subject they reply to: 'Re:', 'RE:', 'Aw:' (German), 'RV:'
# and 'Res:' (Spanish, Portuguese), 'SV:' (Nordic), 'Antw:' (Dutch), with a count ('Re[2]:').
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|aw|rv|res|sv|antw|ref)\s*(?:\[\d+\])?\s*:\s*)+", re.I)


def reply_subject(subject: str) -> str:
    """Their subject as a reply's: 'Re: ' once ('RE: Re: Update' -> 'Re: Update'); '' for
    none."""
    bare = " ".join(_REPLY_PREFIX.sub("", subject).split())
    return f"Re: {bare}" if bare else ""


def thread_of(content: Content, session: Session, draft: Draft) -> Thread | None:
    """The thread this draft replies in: the session's message, when the draft is one that
    answers it (it ticks the pack's `follow_up.reply` item); else None."""
    wanted = content.follow_up.reply
    if session.thread is None or wanted is None or draft.ticks != wanted:
        return None
    return session.thread


def in_thread(content: Content, session: Session, draft: Draft, made: DraftText) -> DraftText:
    """`made` as a reply to the session's message when it answers it: its subject is
    'Re: <their subject>' (its text's Subject: line too). Any other draft comes back as is."""
    thread = thread_of(content, session, draft)
    if thread is None or not thread.subject or (made.to is None and made.subject is None):
        return made
    subject = reply_subject(thread.subject)
    if not subject or subject == made.subject:
        return made
    label = content.ui.draft_subject_label
    line = f"{label}: {subject}"
    if made.subject:
        text = made.text.replace(f"{label}: {made.subject}", line, 1)
    elif made.to:
        to_line = f"{content.ui.draft_to_label}: {made.to}"
        text = made.text.replace(to_line, f"{to_line}\n{line}", 1)
    else:
        text = f"{line}\n\n{made.text}"
    return replace(made, subject=subject, text=text)


def thread_fields(message_id: str) -> list[tuple[str, str]]:
    """The headers that put a reply in the thread of the message `message_id` ('<...>'):
    In-Reply-To and References (RFC 5322 3.6.4); none without an id."""
    if not message_id:
        return []
    return [("In-Reply-To", message_id), ("References", message_id)]


def eml(to: str, subject: str, body: str, in_reply_to: str = "") -> bytes:
    """A reply (or a new email) as an .eml file: To:, Subject:, the thread's headers and
    `X-Unsent: 1`, which mail programs (Outlook, Apple Mail, Thunderbird) read as a draft to
    edit and send, not a message received. No From: or Date: (the mail program adds them when
    it is sent); a To: without an address is left out, to fill in there.
    """
    from email import policy
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.utils import parseaddr

    message = EmailMessage(policy=policy.default.clone(linesep="\r\n"))
    name, address = parseaddr(to)
    if "@" in address:
        user, _, host = address.rpartition("@")
        try:
            message["To"] = Address(display_name=name, username=user, domain=host)
        except (ValueError, IndexError, TypeError):
            message["To"] = address
    if subject:
        message["Subject"] = subject
    for field, value in thread_fields(in_reply_to):
        message[field] = value
    message["X-Unsent"] = "1"
    text = body.replace("\r\n", "\n")
    message.set_content(text if text.endswith("\n") else text + "\n", cte="quoted-printable")
    return message.as_bytes()

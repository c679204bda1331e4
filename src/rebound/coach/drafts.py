"""Drafts as things to act on: which drafts a session has, their To:/Subject: lines, the plain
text to paste, a `mailto:` link, and the edits a person made. Pure: no I/O, no Rich.

The seam with how drafts are written is `built()`: the one function that turns the content and
the answers into `DraftText`s. Today it reads the steps' `drafts` (and the text stored when each
step was finished) and parses the header lines off the top of each text. A richer writer of
drafts (greetings, channels, one outreach draft per contact) can replace its body as long as it
returns the same `DraftText`s; everything else here (edits, names, links, offers) stays as is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import quote

from rebound.coach import progress
from rebound.letters.letter import DraftText
from rebound.pack.models import Content, Draft, Step
from rebound.sentences.grammar import recipient
from rebound.storage.records import Session


def plain(text: str) -> str:
    """The text ready to paste: no spaces at the ends of lines, no blank lines around it, and
    exactly one newline at the end ('' stays '')."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    body = "\n".join(lines).strip("\n")
    return body + "\n" if body else ""


def _labels(content: Content) -> tuple[set[str], set[str]]:
    ui = content.ui
    to = {"to", ui.draft_to_label.casefold()}
    subject = {"subject", ui.draft_subject_label.casefold()}
    return to, subject


_HEADER = re.compile(r"^([^\s:][^:]{0,30}):[ \t]*(.*)$")


def split_headers(text: str, content: Content) -> tuple[str, str, str]:
    """A draft's (to, subject, body): the 'To:' and 'Subject:' lines at its top (in English or
    in the pack's own words, 'Para:', 'Asunto:'), and the rest without the blank line after
    them. A draft without such lines is all body."""
    to_words, subject_words = _labels(content)
    lines = plain(text).split("\n")
    to = subject = ""
    at = 0
    while at < len(lines):
        match = _HEADER.match(lines[at])
        if match is None:
            break
        label = match.group(1).strip().casefold()
        if label in to_words and not to:
            to = match.group(2).strip()
        elif label in subject_words and not subject:
            subject = match.group(2).strip()
        else:
            break
        at += 1
    if at == 0:
        return "", "", plain(text)
    while at < len(lines) and not lines[at].strip():
        at += 1
    return to, subject, plain("\n".join(lines[at:]))


def make(
    content: Content,
    draft_id: str,
    title: str,
    text: str,
    *,
    channel: str = "",
    step_id: str = "",
    ticks: str | None = None,
    in_reply_to: str = "",
) -> DraftText:
    """A `DraftText` from a whole text, its header lines parsed off."""
    to, subject, body = split_headers(text, content)
    return DraftText(
        id=draft_id,
        title=title,
        to=to,
        subject=subject,
        body=body,
        channel=channel,
        text=plain(text),
        step_id=step_id,
        ticks=ticks,
        in_reply_to=in_reply_to,
    )


def built(content: Content, session: Session, kept: bool = True) -> list[DraftText]:
    """The session's drafts as made from its answers (`coach.draft_texts`), without the person's
    edits: one per draft, one per entry for an `each` draft ('outreach-2').

    A draft is there once its step is finished (or once it was stored); its text is the one
    stored when the step was finished, so that it does not change behind the person's back.
    `kept` False (they were stored in another language than `content`'s): made again from the
    answers, in `content`'s words, so that titles and texts never mix two languages.
    """
    from rebound.inbox import replies

    out: list[DraftText] = []
    for step in content.steps:
        done = progress.step_done(step, session)
        for d in step.drafts:
            thread = replies.thread_of(content, session, d)
            made = {m.id: m for m in progress.draft_texts(content, session, d)} if done else {}
            ids = list(made)
            ids += [i for i in session.drafts if kept and i not in made and _belongs(i, d)]
            for draft_id in ids:
                fresh = made.get(draft_id)
                text = (session.drafts.get(draft_id) if kept else None) or (
                    fresh.text if fresh else ""
                )
                if not text.strip():
                    continue  # a draft that does not apply to what happened
                # How it goes out: the entry's own channel (an outreach note by LinkedIn or
                # by email), else what the content says of the draft.
                channel = (fresh.channel if fresh and fresh.channel else None) or d.send or ""
                made_now = make(
                    content,
                    draft_id,
                    fresh.title if fresh else d.title,
                    text,
                    channel=channel,
                    step_id=step.id,
                    ticks=_ticks(d, draft_id),
                    in_reply_to=thread.message_id if thread is not None else "",
                )
                # What it was made from, while it reads as it was made (not a stored text the
                # answers have moved on from): its sentences for the checker, its notes.
                same = fresh is not None and plain(fresh.text) == made_now.text
                out.append(
                    replace(
                        made_now,
                        draft_id=d.id,
                        outward=d.send is not None,
                        sentences=fresh.sentences if same and fresh else (),
                        notes=fresh.notes if same and fresh else (),
                        told=fresh.told if same and fresh else (),
                    )
                )
    return out


def _belongs(draft_id: str, d: Draft) -> bool:
    """Whether a stored draft id is `d`'s: its own id, or `<id>-<n>` of an `each` draft."""
    if draft_id == d.id:
        return d.each is None
    return d.each is not None and re.fullmatch(rf"{re.escape(d.id)}-\d+", draft_id) is not None


def _ticks(d: Draft, draft_id: str) -> str | None:
    """The checklist item that sending this draft ticks: the draft's `ticks`; for an entry of an
    `each` draft, that item's entry of the same number ('contact' -> 'contact-2')."""
    if d.ticks is None or d.each is None:
        return d.ticks
    return f"{d.ticks}-{draft_id.rsplit('-', 1)[1]}"


def session_drafts(content: Content, session: Session, kept: bool = True) -> list[DraftText]:
    """The session's drafts as every command shows, exports and sends them: the person's edit
    where there is one, else the draft made from the answers (`kept`: see `built`)."""
    out = []
    for made in built(content, session, kept):
        edit = session.edited.get(made.id)
        if edit is None:
            out.append(made)
            continue
        to, subject, body = split_headers(edit, content)
        out.append(replace(made, to=to, subject=subject, body=body, text=plain(edit), edited=True))
    return out


def _key(name: str) -> str:
    return name.strip().casefold().replace("-", "_")


def find(drafts: list[DraftText], name: str) -> DraftText | None:
    """The draft called `name` ('thank_you_email'; '-' and '_' are the same, as is case)."""
    wanted = _key(name)
    return next((d for d in drafts if _key(d.id) == wanted), None)


def listing(content: Content, drafts: list[DraftText]) -> list[str]:
    """One line per draft: its name, title, to whom, and whether it is your edit."""
    width = max((len(d.id) for d in drafts), default=0)
    lines = []
    for d in drafts:
        parts = [d.title]
        # An outreach note's title names them already (by name: the address is in the draft).
        if d.to and not d.title.endswith(recipient(d.to)):
            parts.append(content.say("draft_to", name=d.to))
        if d.edited:
            parts.append(content.say("draft_edited"))
        lines.append(f"{d.id.ljust(width)}  " + " · ".join(parts))
    return lines


_ADDRESS = re.compile(r"<\s*([^<>\s]+@[^<>\s]+)\s*>|([^\s<>,;]+@[^\s<>,;]+)")


def address(to: str) -> str:
    """The email address in a To: line ('Dana Smith <dana@x.example>' -> 'dana@x.example');
    '' when it holds only a name."""
    match = _ADDRESS.search(to)
    if match is None:
        return ""
    return match.group(1) or match.group(2)


def mailto(to: str, subject: str, body: str, in_reply_to: str = "") -> str:
    """A `mailto:` link (RFC 6068) that opens a new email with these fields filled in; with
    `in_reply_to` (a Message-ID), a reply in that message's thread: RFC 6068 lets a link carry
    any header, and In-Reply-To and References are what thread a reply.

    Everything is percent-encoded as UTF-8: spaces as %20 (not '+'), line breaks as %0D%0A, and
    '&', '=', '?', '#' and '%' too, so no part can spill into another. Only the address goes in
    the link's path: RFC 6068 has no room for the name beside it.
    """
    from rebound.inbox.replies import thread_fields

    fields = []
    if subject:
        fields.append("subject=" + quote(subject, safe=""))
    for name, value in thread_fields(in_reply_to):
        fields.append(f"{name}=" + quote(value, safe="@"))
    text = body.replace("\r\n", "\n").strip("\n")
    if text:
        fields.append("body=" + quote(text.replace("\n", "\r\n"), safe=""))
    link = "mailto:" + quote(address(to), safe="@")
    return link + ("?" + "&".join(fields) if fields else "")


def edit_outdated(session: Session, draft_id: str, rebuilt: str) -> bool:
    """Whether the person edited this draft and the answers now make a different one (so they
    should choose: keep the edit, or rebuild the draft from the new answers)."""
    if draft_id not in session.edited:
        return False
    before = session.drafts.get(draft_id)
    return before is None or plain(before) != plain(rebuilt)


def keep_edit(session: Session, draft_id: str, text: str) -> bool:
    """Keep `text` as the person's edit of a draft. An edit that reads exactly as the draft made
    from the answers is no edit at all and is dropped. True when the shown text changed."""
    made = plain(session.drafts.get(draft_id, ""))
    before = session.edited.get(draft_id, made)
    new = plain(text)
    if new == made:
        session.edited.pop(draft_id, None)
    else:
        session.edited[draft_id] = new
    return plain(before) != new


def offers(content: Content, session: Session, step: Step) -> list[DraftText]:
    """The drafts of a finished step to offer to copy, mail or edit: the messages (those with a
    channel), while the checklist item they tick is still open (a feedback request already made
    on the call is not offered). Taken from `session_drafts`, so whatever `built` makes for the
    step is offered too."""
    out = []
    for d in session_drafts(content, session):
        if d.step_id != step.id or not d.channel:
            continue
        if d.ticks is not None and open_item(content, session, d.ticks) is None:
            continue
        out.append(d)
    return out


def open_item(content: Content, session: Session, item_id: str) -> progress.Entry | None:
    """The checklist item with this id, while it is there and not yet done."""
    for entry in progress.checklist(content, session):
        if entry.id == item_id and not entry.done and not entry.info:
            return entry
    return None

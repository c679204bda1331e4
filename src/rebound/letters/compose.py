"""Drafts filled from a session's answers: the body, its recipient and subject, its channel.

The coach's `draft_texts`, `draft_text` and `drafts` are the way in; this module does the work,
kept apart so that the coach stays a size one can read. (`drafting` takes what is made here to
the person: their edits, the clipboard, the mail app.)
"""

from __future__ import annotations

import re

from rebound.pack.conditions import Line, Lookup, first_said, holds, said
from rebound.pack.context import context, entry_number
from rebound.pack.models import Content, Draft
from rebound.sentences import templates
from rebound.sentences.grammar import DraftText, recipient
from rebound.storage.records import OpenList, Session

_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)


def _tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, one newline at the end."""
    return _BLANK_LINES.sub("\n\n", _TRAILING.sub("", text)).strip("\n") + "\n"


def _one_line(
    content: Content, lines: str | list[Line] | None, ctx: Lookup, raw: Lookup
) -> str | None:
    chosen = first_said(lines, raw)
    if chosen is None:
        return None
    text = " ".join(templates.render(chosen, ctx, content.template_words).split())
    return text or None


def _make(
    content: Content, draft: Draft, draft_id: str, *, ctx: Lookup, raw: Lookup
) -> DraftText | None:
    if draft.when is not None and not holds(draft.when, raw):
        return None
    words = content.template_words
    scope = dict(ctx)
    choices: dict[str, list[str]] = {}
    for name, lines in draft.parts.items():
        choices[name] = [templates.render(line, ctx, words).strip() for line in said(lines, raw)]
        scope[name] = choices[name][0] if choices[name] else ""
    channel = None
    if draft.channel is not None:
        channel = templates.render(draft.channel, raw, words).strip() or None
    body = _tidy(templates.render(draft.template, scope, words))
    limit = draft.limits.get(channel or "")
    shorter = list(draft.optional)
    while limit is not None and len(body.rstrip("\n")) > limit and shorter:
        # Too long: the last optional part steps down to its next line (at last to nothing).
        name = shorter[-1]
        choices[name] = choices[name][1:]
        scope[name] = choices[name][0] if choices[name] else ""
        if not choices[name]:
            shorter.pop()
        body = _tidy(templates.render(draft.template, scope, words))
    to = _one_line(content, draft.to, scope, raw)
    subject = _one_line(content, draft.subject, scope, raw)
    head = [f"{content.ui.draft_to_label}: {to}"] if to else []
    head += [f"{content.ui.draft_subject_label}: {subject}"] if subject else []
    title = " ".join(templates.render(draft.title, scope, words).split())
    if draft.each is not None and to:
        title = f"{title} · {recipient(to)}"  # one per entry: say whose it is (not their address)
    return DraftText(
        id=draft_id,
        draft_id=draft.id,
        title=title,
        to=to,
        subject=subject,
        body=body,
        channel=channel,
        text="\n".join(head) + "\n\n" + body if head else body,
    )


def draft_texts(content: Content, session: Session, draft: Draft) -> list[DraftText]:
    """One draft filled from the answers: none when its `when` does not hold, one per entry
    for an `each` draft."""
    ctx = context(content, session)
    if draft.each is None:
        made = _make(content, draft, draft.id, ctx=ctx, raw=session.answers)
        return [made] if made is not None else []
    raw_entries = session.answers.get(draft.each)
    if not isinstance(raw_entries, list):
        raw_entries = list(session.open_lists.get(draft.each, OpenList()).items)
    shown = ctx.get(draft.each)
    labelled = shown if isinstance(shown, list) else []
    out: list[DraftText] = []
    for n, (raw, entry) in enumerate(zip(raw_entries, labelled, strict=False), start=1):
        if isinstance(raw, dict) and isinstance(entry, dict):
            made = _make(
                content,
                draft,
                # The entry's stable number, as its checklist item has it ('contact-3'):
                # removing an earlier contact changes neither.
                f"{draft.id}-{entry_number(raw, n)}",
                ctx={**ctx, **entry},
                raw={**session.answers, **raw},
            )
            if made is not None:
                out.append(made)
    return out

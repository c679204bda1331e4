"""Sending a draft on its way: to the clipboard, the mail app or the editor, and saying so.

Shared by `rebound draft` and the walk's offer at the end of a step. The work is done by
`clipboard` and `launch`, the text by `drafting`; this module only says what happened, in the
pack's words. Saving an edit is the caller's (it knows which lock it holds).
"""

from __future__ import annotations

from collections.abc import Callable

from rebound.coach import drafts
from rebound.errors import InterruptedByUser, ReboundError
from rebound.letters.letter import DraftText
from rebound.pack.models import Content
from rebound.render import screens
from rebound.render.screens import Out
from rebound.system import clipboard, programs


def _fields(content: Content, draft: DraftText) -> str:
    ui = content.ui
    parts = []
    if draft.to:
        parts.append(f"{ui.draft_to_label}: {draft.to}")
    if draft.subject:
        parts.append(f"{ui.draft_subject_label}: {draft.subject}")
    return " · ".join(parts)


def copy(content: Content, out: Out, draft: DraftText) -> None:
    """Put the draft on the clipboard (the message itself: its To: and Subject: are shown, to
    fill in the email's own fields) and say how.

    Raises:
        ReboundError: there is no clipboard program and no terminal (exit 1).
    """
    try:
        copied = clipboard.copy(draft.body)
    except clipboard.NoClipboard:
        raise ReboundError("draft_copy_failed", title=draft.title, id=draft.id) from None
    if copied.how == "program":
        screens.note(out, content.say("draft_copied", title=draft.title, value=copied.name))
    else:
        screens.note(out, content.say("draft_copied_terminal", title=draft.title, id=draft.id))
        if copied.tmux:
            screens.note(out, content.say("draft_tmux"), "dim")
    fields = _fields(content, draft)
    if fields:
        screens.note(out, content.say("draft_fields", value=fields))


def mail(content: Content, out: Out, draft: DraftText) -> bool:
    """Open the draft in the mail app; when nothing can, print the `mailto:` link instead.
    True when a mail app (or browser) took it.

    Raises:
        ReboundError: the draft has nothing in it to mail (an empty edit kept by an earlier
            rebound, a hand edit); nothing was opened (exit 1).
    """
    if not draft.body.strip():
        raise ReboundError("draft_mail_empty", title=draft.title, id=draft.id)
    url = drafts.mailto(draft.to, draft.subject, draft.body, draft.in_reply_to)
    if programs.open_mail(url):
        screens.note(out, content.say("draft_mailed", title=draft.title))
        return True
    screens.note(out, content.say("draft_mail_link", title=draft.title))
    screens.plain(out, url)
    return False


def edit(content: Content, draft: DraftText) -> str | None:
    """The draft as the person saved it in their editor; None when they changed nothing.

    Raises:
        ReboundError: the editor could not be used, or left the file empty (exit 1); nothing
            was changed, and the draft is as it was.
        programs.EditEnded: rebound was ended while the editor was open, with something to keep
            (`ended` keeps it).
    """
    try:
        saved = programs.edit(draft.text)
    except programs.EditorFailed as exc:
        raise ReboundError("draft_editor_failed", value=str(exc)) from None
    if saved is None or drafts.plain(saved) == draft.text:
        return None
    if not saved.strip():  # never kept as an empty draft, which would mail a bare `mailto:`
        raise ReboundError("draft_edit_emptied", title=draft.title, id=draft.id)
    return saved


def ended(
    draft: DraftText, stop: programs.EditEnded, keep: Callable[[str], None]
) -> InterruptedByUser:
    """rebound was ended while the person's editor was open: keep what they wrote, and say how.

    What the editor left in the file is saved as the draft's edit through `keep` (the caller
    holds the session's lock); the file is removed once it is saved and the editor has closed.
    Otherwise the file stays where it is, and the message names it. Returns the error to end
    with (exit 130).
    """
    import contextlib
    import os

    if stop.text is not None:
        try:
            keep(stop.text)
        except ReboundError:  # a full disk, say: the file is where the text is
            return InterruptedByUser("draft_edit_left", title=draft.title, where=stop.path)
        if not stop.open:
            with contextlib.suppress(OSError):
                os.unlink(stop.path)
            return InterruptedByUser("draft_edit_kept_ended", title=draft.title, id=draft.id)
        return InterruptedByUser("draft_edit_kept_open", title=draft.title, where=stop.path)
    return InterruptedByUser("draft_edit_left", title=draft.title, where=stop.path)

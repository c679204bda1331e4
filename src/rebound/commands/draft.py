"""`rebound draft`: a session's drafts, to read, copy, mail or edit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rebound.app import command_group, content_for, report_moved, same_language, store_for
from rebound.errors import UsageError
from rebound.options import SessionOption

if TYPE_CHECKING:
    from rebound.letters.letter import DraftText
    from rebound.pack.models import Content
    from rebound.render.screens import Out
    from rebound.storage.records import Session

app = command_group()


def _complete_draft(incomplete: str) -> list[str]:
    """Shell completion: the draft names of the latest session."""
    try:
        from rebound.coach import drafts as drafting
        from rebound.pack import packs
        from rebound.storage.files import content_cache
        from rebound.storage.store import Store

        found = Store().pick(None)
        if found is None:
            return []
        pack = packs.load(None, cache=content_cache())
        names = [d.id for d in drafting.session_drafts(pack, found)]
    except Exception:  # completion must never print a traceback into someone's shell
        return []
    return [n for n in names if n.startswith(incomplete)]


@app.command()
def draft(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME",
            help="The draft's name, as the list shows it (e.g. thank_you_email).",
            show_default=False,
            autocompletion=_complete_draft,
        ),
    ] = None,
    *,
    session: SessionOption = None,
    copy: Annotated[
        bool,
        typer.Option(
            "--copy", help="Copy it to the clipboard (the message; its To: and Subject: are shown)."
        ),
    ] = False,
    mail: Annotated[
        bool,
        typer.Option(
            "--mail",
            help="Open it in your mail app: a new email, or a reply in the thread of the email "
            "the session started from (`start --from`).",
        ),
    ] = False,
    eml: Annotated[
        bool,
        typer.Option(
            "--eml",
            help="Write it as an .eml file (with -o) that your mail program opens as a draft; a "
            "reply carries the thread of the email the session started from.",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="With --eml: the file to write ('-' for the screen).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With --eml: replace the --output file if it exists.")
    ] = False,
    edit: Annotated[
        bool, typer.Option("--edit", help="Edit it in $VISUAL or $EDITOR; your edit is kept.")
    ] = False,
    reset: Annotated[
        bool,
        typer.Option("--reset", help="Drop your edit: back to the draft made from your answers."),
    ] = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Read it (without NAME: every message) as a careful reader would, and say what "
            "they would stop at; exit 1 when there is anything.",
        ),
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="With --reset: don't ask before dropping your edit.")
    ] = False,
) -> None:
    """List a session's drafts, or show one as plain text, ready to paste, copy, mail or edit."""
    from rebound.coach import drafts as drafting
    from rebound.render import screens

    content = content_for(ctx)
    if sum((copy, mail, eml, edit, reset, check)) > 1:
        raise UsageError("draft_one_action")
    if eml and output is None:
        raise UsageError("draft_eml_needs_output")
    store = store_for()
    found = store.pick(session)
    report_moved(store)
    out = screens.console()
    if found is None:
        screens.note(out, content.say("no_sessions"))
        return
    content = content_for(ctx, found)  # in the session's own language, as every command on one
    drafts = drafting.session_drafts(content, found, kept=same_language(ctx, found))
    if check:
        _check(out, content, found, drafts, name)
        return
    if name is None:
        if copy or mail or eml or edit or reset:
            example = drafts[0].id if drafts else "thank_you_email"
            raise UsageError("draft_name_needed", value=example, list=_names(drafts))
        _list(out, content, found, drafts)
        return
    chosen = drafting.find(drafts, name)
    if chosen is None:
        raise UsageError("draft_unknown", value=name, id=found.id, list=_names(drafts))
    if copy:
        from rebound.terminal import send

        send.copy(content, out, chosen)
        _when_sent(out, content, found, chosen)
    elif mail:
        from rebound.terminal import send

        if chosen.channel != "email":  # a post, a note to self, a LinkedIn message: no one to mail
            raise UsageError("draft_not_an_email", title=chosen.title, id=chosen.id)
        if send.mail(content, out, chosen):
            _when_sent(out, content, found, chosen)
    elif eml:
        assert output is not None
        if _eml(out, content, chosen, output, force):
            _when_sent(out, content, found, chosen)
    elif edit:
        _edit(out, content, found, chosen, kept=same_language(ctx, found))
    elif reset:
        _reset(out, content, found, chosen, yes)
    else:
        _print(chosen.text)


def _check(
    out: Out, content: Content, session: Session, drafts: list[DraftText], name: str | None
) -> None:
    """`--check`: what a careful reader would stop at, draft by draft; exit 1 when anything."""
    from rebound.coach import drafts as drafting
    from rebound.errors import ExitCode
    from rebound.letters import review
    from rebound.render import screens

    if name is not None:
        chosen = drafting.find(drafts, name)
        if chosen is None:
            raise UsageError("draft_unknown", value=name, id=session.id, list=_names(drafts))
        drafts = [chosen]
    reviews = review.review(content, session, drafts)
    screens.letter_review(out, content, reviews)
    if not all(r.clean for r in reviews):
        raise typer.Exit(ExitCode.FAILURE)


def _names(drafts: list[DraftText]) -> str:
    return ", ".join(d.id for d in drafts) or "—"


def _list(out: Out, content: Content, session: Session, drafts: list[DraftText]) -> None:
    from rebound.coach import drafts as drafting
    from rebound.render import screens

    if not drafts:
        screens.note(out, content.say("drafts_none", name=session.title))
        return
    screens.note(out, session.title, "bold")
    names = max(len(d.id) for d in drafts) + 2  # a wrapped line goes on under its title
    for line in drafting.listing(content, drafts):
        screens.note(out, line, hang=names)
    screens.note(out, content.say("drafts_hint"), "dim")


def _print(text: str) -> None:
    """The draft exactly: plain, unwrapped, one newline at the end, for pasting or piping."""
    import sys

    from rebound.text import clean

    if sys.stdout.isatty():  # typed text must not drive the terminal; a pipe gets it as is
        text = clean(text)
    sys.stdout.write(text)
    sys.stdout.flush()


def _eml(out: Out, content: Content, chosen: DraftText, output: Path, force: bool) -> bool:
    """Write the draft as an .eml (a reply when it answers the session's email); True when it
    went to a file (rather than the screen)."""
    from rebound.inbox import replies
    from rebound.options import STDOUT, check_target
    from rebound.render import screens

    if chosen.channel != "email":
        raise UsageError("draft_eml_not_email", title=chosen.title, id=chosen.id)
    data = replies.eml(chosen.to, chosen.subject, chosen.body, chosen.in_reply_to)
    if str(output) == STDOUT:
        import sys

        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return False
    check_target(output, force)
    from rebound.storage.files import atomic_write

    atomic_write(output, data)
    said = "draft_eml_reply" if chosen.in_reply_to else "draft_eml_new"
    screens.note(out, content.say(said, title=chosen.title, where=str(output)))
    return True


def _when_sent(out: Out, content: Content, session: Session, chosen: DraftText) -> None:
    from rebound.coach import drafts as drafting
    from rebound.render import screens

    if chosen.ticks and drafting.open_item(content, session, chosen.ticks) is not None:
        screens.note(out, content.say("draft_when_sent", id=chosen.ticks), "dim")


def _edit(
    out: Out, content: Content, session: Session, chosen: DraftText, kept: bool = True
) -> None:
    from rebound.coach import drafts as drafting
    from rebound.render import screens
    from rebound.system import programs
    from rebound.terminal import send

    store = store_for()
    # Locked while the editor is open: another window can't change the session underneath (it
    # is told the session is busy), and what the person saved is never lost to a busy lock.
    with store.lock(session.id):
        fresh = store.load(session.id)
        shown = drafting.session_drafts(content, fresh, kept=kept)
        current = drafting.find(shown, chosen.id) or chosen
        try:
            saved = send.edit(content, current)
        except programs.EditEnded as stop:  # the window closed, or SIGTERM, while it was open

            def keep(text: str) -> None:
                drafting.keep_edit(fresh, chosen.id, text)
                store.save(fresh)

            raise send.ended(current, stop, keep) from None
        if saved is None:
            screens.note(out, content.say("draft_edit_same", title=chosen.title))
            return
        drafting.keep_edit(fresh, chosen.id, saved)
        store.save(fresh)
    screens.note(out, content.say("draft_edit_saved", title=chosen.title, id=chosen.id))


def _reset(out: Out, content: Content, session: Session, chosen: DraftText, yes: bool) -> None:
    from rebound.render import screens
    from rebound.terminal import prompts

    if not chosen.edited:
        screens.note(out, content.say("draft_reset_none", title=chosen.title))
        return
    # The edit is the person's own writing: gone for good once dropped, so asked first.
    if not yes:
        if not prompts.stdin_is_terminal():
            raise UsageError("draft_reset_needs_yes", title=chosen.title)
        question = content.say("draft_reset_confirm", title=chosen.title)
        if not prompts.yes_no(question, default=False, lang=content):
            screens.note(out, content.say("draft_reset_kept", title=chosen.title))
            return
    store = store_for()
    with store.lock(session.id):
        fresh = store.load(session.id)
        fresh.edited.pop(chosen.id, None)
        store.save(fresh)
    screens.note(out, content.say("draft_reset", title=chosen.title))

"""The commands of sessions: start, continue, summary, done, list, show, delete."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rebound import clock
from rebound.app import (
    command_group,
    content_for,
    new_session_lang,
    report_moved,
    same_language,
    store_for,
)
from rebound.errors import UsageError
from rebound.options import SessionArgument, SessionOption, complete_step
from rebound.sentences import speech

app = command_group()

if TYPE_CHECKING:
    from rebound.pack.models import Content
    from rebound.pack.yaml_reader import YamlDoc
    from rebound.render.screens import Out
    from rebound.storage.records import Session
    from rebound.storage.store import Store
    from rebound.terminal.from_email import Mail


@app.command()
def start(
    ctx: typer.Context,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Fill the session from a YAML file of answers (no terminal needed).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="<file>",
            help="Start from the email the news came in: a saved .eml, an mbox, or '-' to paste "
            "its text. What it says is offered at each question (Enter keeps it).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Begin a new session, right after the call: five short steps, saved as you go."""
    from rebound.render import screens
    from rebound.system import due_index
    from rebound.terminal import prompts
    from rebound.terminal import walk as flow

    mail = None
    if source is not None:
        mail = _read_mail(ctx, source, interactive=answers is None)
    if answers is not None:
        _start_from_file(ctx, answers, mail)
        return
    prompts.require_terminal("start")
    content = content_for(ctx)
    store = due_index.watch(store_for(), content)  # every save keeps the due index fresh
    store.check_writable()  # before the first question: never ask what can't be kept
    out = screens.console()
    walk = flow.Walk(content, store, flow.new_session(new_session_lang(ctx)), out)
    if mail is not None:
        walk.notes = [_from_mail(content, walk.session, mail)]
    if walk.run():
        _closing(out, content, walk.session)
    report_moved(store)


def _read_mail(ctx: typer.Context, source: str, interactive: bool) -> Mail:
    """The email to start from, read before anything is saved (bad input leaves the data folder
    as it was); a message in another of rebound's languages offers to speak it.

    Raises:
        UsageError: it is not an email, or nobody can answer (piped in, with no answers file).
    """
    from rebound.terminal import from_email, prompts

    if interactive:
        if source == from_email.STDIN and not prompts.stdin_is_terminal():
            raise UsageError("inbox_piped")
        prompts.require_terminal("start")
    mail = from_email.read(source, clock.today(), interactive)
    if interactive:
        _offer_language(ctx, mail.guess.lang)
    return mail


def _other_language(ctx: typer.Context, lang: str | None) -> str | None:
    """The message's language, when it is another of rebound's built-in ones than the one this
    run would speak, and nothing (--lang, --content, REBOUND_CONTENT) chose one."""
    from rebound.pack import packs

    root = ctx.find_root().obj or {}
    if lang is None or root.get("lang") is not None or root.get("content") is not None:
        return None
    if packs.pack_language(None) is None or lang not in packs.languages():
        return None
    return lang if lang != packs.language(None) else None


def _offer_language(ctx: typer.Context, lang: str | None) -> None:
    """Ask, in the message's own language, whether to speak it; yes: this run speaks it."""
    from rebound.terminal import prompts

    other = _other_language(ctx, lang)
    if other is None:
        return
    root = ctx.find_root().obj
    root["lang"] = other
    theirs = content_for(ctx)
    if not prompts.yes_no(theirs.say("inbox_switch_language"), default=True, lang=theirs):
        root["lang"] = None
        content_for(ctx)  # back to the run's own language


def _from_mail(content: Content, session: Session, mail: Mail) -> str:
    """Give a new session what the email offers (its thread, and its answers as defaults);
    the line that says what was read."""
    from rebound.inbox import offers

    session.thread = offers.thread(mail.guess)
    session.suggested = offers.suggested(content, mail.guess, clock.today())
    read = offers.summary(content, session.suggested)
    return content.say("inbox_read", list=read) if read else content.say("inbox_read_little")


def _start_from_file(ctx: typer.Context, file: Path, mail: Mail | None = None) -> None:
    import contextlib

    from rebound.coach import answers_file, progress
    from rebound.render import screens
    from rebound.system import due_index
    from rebound.terminal import walk as flow

    content = content_for(ctx)
    doc = answers_file.read(file)
    session = flow.new_session(new_session_lang(ctx))
    if mail is not None:
        _from_mail(content, session, mail)
    offered = set(session.suggested)
    count = answers_file.fill(content, session, doc, clock.today(), flow.now())
    given = doc.data if isinstance(doc.data, dict) else {}
    from_email = len([k for k in offered if k not in given and k in session.answers])
    if count == 0:
        raise UsageError("answers_none_used", where=file)
    store = due_index.watch(store_for(), content)  # every save keeps the due index fresh
    flow.store_drafts(content, session)
    with contextlib.ExitStack() as locks:
        flow.claim_id(store, session, clock.today(), locks)
        store.save(session)
    trouble = flow.sync_brag(store, session)
    out = screens.console()
    left = progress.next_position(content, session)
    filled = speech.say_count("answers_filled", count - from_email, where=file, id=session.id)
    if from_email:
        filled += " " + speech.say_count("inbox_from_email", from_email)
    screens.note(out, filled, "bold")
    other = _other_language(ctx, mail.guess.lang) if mail is not None else None
    if other is not None:
        screens.note(out, speech.say("inbox_other_language", value=other), "dim")
    if trouble:
        screens.note(out, trouble, "yellow")
    for line in _letters_read(content, session, doc):
        screens.note(out, line, "yellow")
    if left is not None:
        screens.note(out, speech.say("answers_still_open", id=session.id))
    screens.note(out, "")
    screens.summary(out, content, session)


def _letters_read(content: Content, session: Session, doc: YamlDoc) -> list[str]:
    """What a careful reader would stop at in the drafts an answers file made, at the lines of
    the file they were made from."""
    from rebound.coach import drafts
    from rebound.letters import review

    made = drafts.session_drafts(content, session)
    return review.file_lines(content, review.review(content, session, made), doc)


def _closing(out: Out, content: Content, session: Session) -> None:
    from rebound.render import screens

    screens.note(out, "")
    screens.note(out, content.say("all_steps_done"), "bold")
    screens.note(out, "")
    screens.summary(out, content, session)


@app.command("continue")
def continue_(
    ctx: typer.Context,
    session: SessionOption = None,
    step: Annotated[
        str | None,
        typer.Option(
            "--step",
            help="Revisit one step (e.g. ask-why), your earlier answers offered as defaults.",
            show_default=False,
            autocompletion=complete_step,
        ),
    ] = None,
) -> None:
    """Pick up where you left off (or tick off items of a finished session)."""
    from rebound.coach import progress
    from rebound.render import screens
    from rebound.system import due_index
    from rebound.terminal import prompts
    from rebound.terminal import walk as flow

    # Every pack has the same step ids: any of them can check --step before anything is read.
    content = content_for(ctx)
    step_ids = [s.id for s in content.steps]
    if step is not None and step not in step_ids:
        raise UsageError("no_such_step", value=step, list=", ".join(step_ids))
    prompts.require_terminal("continue")
    store = due_index.watch(store_for(), content)  # every save keeps the due index fresh
    found = store.pick(session, unfinished=step is None)
    report_moved(store)
    out = screens.console()
    if found is None:
        screens.note(out, content.say("nothing_to_continue"))
        return
    content = content_for(ctx, found)  # in the session's own language
    if step is None and progress.next_position(content, found) is None:
        _tick_interactively(out, content, store, found)
        return
    walk = flow.Walk(content, store, found, out)
    finished = walk.run(only_step=step)
    if step is not None:
        screens.summary(out, content, walk.session)
    elif finished:
        _closing(out, content, walk.session)


def _tick_interactively(out: Out, content: Content, store: Store, session: Session) -> None:
    from rebound.coach import progress
    from rebound.render import screens
    from rebound.terminal import prompts
    from rebound.terminal import walk as flow

    with store.lock(session.id):
        session = store.load(session.id)
        screens.summary(out, content, session)
        todo = [e for e in progress.checklist(content, session) if not e.done and not e.info]
        if not todo:
            return
        screens.note(out, "")
        picked = prompts.pick_many(
            content.say("tick_prompt"), [(e.id, e.label, False) for e in todo], lang=content
        )
        for item_id in picked:
            progress.tick(content, session, item_id, flow.now())
        if picked:
            store.save(session)
            screens.note(out, content.say("ticked", count=len(picked)), "bold")


@app.command()
def summary(
    ctx: typer.Context,
    session: SessionOption = None,
    drafts: Annotated[
        bool, typer.Option("--drafts", help="Also show the drafts (emails, posts).")
    ] = False,
) -> None:
    """Show a session's checklist: steps done, items to tick, the next thing to do."""
    from rebound.render import screens

    store = store_for()
    found = store.pick(session)
    report_moved(store)
    content = content_for(ctx, found)
    out = screens.console()
    if found is None:
        screens.note(out, content.say("no_sessions"))
        return
    screens.summary(out, content, found, drafts=drafts, kept_drafts=same_language(ctx, found))


@app.command()
def done(
    ctx: typer.Context,
    items: Annotated[
        list[str] | None,
        typer.Argument(help="Checklist item ids, as the summary shows them.", show_default=False),
    ] = None,
    session: SessionOption = None,
    undo: Annotated[bool, typer.Option("--undo", help="Untick instead.")] = False,
) -> None:
    """Tick off checklist items (with no ITEM, pick them from a list)."""
    from rebound.coach import progress
    from rebound.render import screens
    from rebound.system import due_index
    from rebound.terminal import prompts
    from rebound.terminal import walk as flow

    store = store_for()
    found = store.pick(session)
    report_moved(store)
    # Every save keeps the due index fresh, in the language spoken now (as `continue` does);
    # the session itself is spoken in its own.
    due_index.watch(store, content_for(ctx))
    content = content_for(ctx, found)
    out = screens.console()
    if found is None:
        raise UsageError("done_no_sessions")
    if not items:
        prompts.require_terminal("done")
        _tick_interactively(out, content, store, found)
        return
    with store.lock(found.id):
        fresh = store.load(found.id)
        for item_id in items:
            try:
                entry = progress.tick(content, fresh, item_id, flow.now(), undo=undo)
            except KeyError:
                known = ", ".join(
                    e.id for e in progress.checklist(content, fresh) if not e.info
                ) or speech.say("done_none_yet")
                raise UsageError(
                    "done_not_an_item", value=item_id, id=fresh.id, list=known
                ) from None
            said = speech.say("done_unticked" if undo else "done_ticked", title=entry.label)
            screens.note(out, said)
        store.save(fresh)


LIST_LIMIT = 20


@app.command("list")
def list_(
    ctx: typer.Context,
    every: Annotated[
        bool, typer.Option("--all", help="Every session, not only the 20 newest.")
    ] = False,
) -> None:
    """List your sessions, newest first: company, progress and what's next."""
    from rebound.errors import NoSessionError
    from rebound.render import screens

    content = content_for(ctx)
    store = store_for()
    ids = store.ids_by_start()
    out = screens.console()
    if not ids:
        screens.note(out, content.say("no_sessions"))
        return
    sessions = []
    for session_id in ids if every else ids[:LIST_LIMIT]:
        try:
            sessions.append(store.load(session_id))
        except NoSessionError:
            continue
    report_moved(store)
    screens.session_list(out, content, sessions, total=len(ids))


@app.command()
def show(
    ctx: typer.Context,
    session_id: SessionArgument,
) -> None:
    """Everything about one session: its checklist, your answers and the drafts."""
    from rebound.render import screens

    store = store_for()
    found = store.load(store.resolve(session_id))
    content = content_for(ctx, found)
    out = screens.console()
    screens.summary(out, content, found, drafts=True, kept_drafts=same_language(ctx, found))
    screens.answers(out, content, found)


@app.command()
def delete(
    session_id: SessionArgument,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask for confirmation.")] = False,
) -> None:
    """Delete a session for good (it asks first; `--yes` skips the question)."""
    from rebound.render import screens
    from rebound.system import due_index
    from rebound.terminal import prompts

    store = due_index.watch(store_for())  # the due index forgets it
    full = store.resolve(session_id)
    if not yes:
        if not prompts.stdin_is_terminal():
            raise UsageError("delete_needs_yes", id=full)
        question = speech.say("delete_confirm", id=full)
        if not prompts.yes_no(question, default=False, lang=speech.pack()):
            screens.note(screens.console(), speech.say("delete_kept"))
            return
    with store.lock(full):
        store.delete(full)
    # Its wins stay on the brag list: said only when it added any.
    said = "deleted" if full in store.brag_session_ids(removed=False) else "deleted_alone"
    screens.note(screens.console(), speech.say(said, id=full))

"""`rebound feedback`: the reasons that arrive after the call, recorded in a finished session.

Which questions it asks, and which checklist items it ticks once they are answered, is content
(`follow_up.feedback` in coach.yaml): the built-in packs ask step 2's reasons, areas and weakness,
tick "feedback received" and settle the pending follow-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rebound import clock
from rebound.app import command_group, content_for, report_moved, store_for
from rebound.errors import UsageError
from rebound.options import SessionOption

app = command_group()

if TYPE_CHECKING:
    from rebound.pack.models import Content, Step
    from rebound.storage.records import Session
    from rebound.storage.store import Store


def _step(content: Content) -> Step:
    """The step whose prompts `feedback` asks."""
    wanted = content.follow_up.feedback.prompts
    for step in content.steps:
        if any(p.id in wanted for p in step.prompts):
            return step
    raise UsageError(content.say("feedback_no_prompts"))


def _finished(store: Store, wanted: str | None, content: Content) -> Session:
    """The session asked for (it must be finished), else the latest finished one."""
    from rebound.errors import NoSessionError

    if wanted is not None:
        found = store.load(store.resolve(wanted))
        if found.finished_at is None:
            raise UsageError(content.say("feedback_unfinished", id=found.id))
        return found
    for session_id in store.ids():
        try:
            found = store.load(session_id)
        except NoSessionError:
            continue
        if found.finished_at is not None:
            return found
    raise UsageError(content.say("feedback_none_finished"))


@app.command()
def feedback(
    ctx: typer.Context,
    session: SessionOption = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Take the feedback answers from a YAML file (reasons: ..., areas: [...]), "
            "no terminal needed.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Record feedback that came after the call: reasons, areas to work on, the weakness."""
    from rebound.render import screens
    from rebound.terminal import prompts
    from rebound.terminal import walk as flow

    content = content_for(ctx)
    step = _step(content)
    later = content.follow_up.feedback
    store = store_for()
    found = _finished(store, session, content)
    report_moved(store)
    out = screens.console()
    if answers is not None:
        _from_file(content, store, found, step, answers)
        return
    prompts.require_terminal("feedback")
    walk = flow.Walk(content, store, found, out)
    screens.note(out, content.say("feedback_intro", name=found.title), "bold")
    screens.note(out, content.say("back_hint"), "dim")
    if walk.later(step.id, later.prompts, later.ticks):
        _said(content, walk.session, walk.ticked)


def _said(content: Content, session: Session, ticked: list[str]) -> None:
    from rebound.render import screens

    out = screens.console()
    screens.note(out, "")
    if ticked:
        screens.note(out, content.say("feedback_ticked", list="; ".join(ticked)), "dim")
    screens.note(out, content.say("feedback_done", name=session.title), "bold")


def _from_file(content: Content, store: Store, found: Session, step: Step, file: Path) -> None:
    """The feedback answers from an answers file: only the feedback prompts, checked as at the
    prompt; the ones left out keep their answers. Nothing is saved unless all of it fits."""

    from rebound.coach import answers_file, later_feedback, progress
    from rebound.terminal import walk as flow

    later = content.follow_up.feedback
    doc = answers_file.read(file)
    for key in doc.data:
        if key not in later.prompts:
            raise doc.error((key,), content.say("af_not_feedback", list=", ".join(later.prompts)))
    with store.lock(found.id):
        fresh = store.load(found.id)
        first = {
            p: str(fresh.answers[p])
            for p in later.prompts
            if p in doc.data and later_feedback.adds(p, fresh.answers.get(p))
        }
        flow.reopen(fresh, [p for p in later.prompts if p in doc.data])
        count = answers_file.fill(content, fresh, doc, clock.today(), flow.now())
        for prompt_id, earlier in first.items():  # added beside what came first, dated
            new = fresh.answers.get(prompt_id)
            typed = new if isinstance(new, str) else ""
            fresh.answers[prompt_id] = later_feedback.added(earlier, typed, clock.today(), content)
        for prompt in step.prompts:  # an answer to a question that no longer applies goes
            if prompt.when is not None and not progress.holds(prompt.when, fresh.answers):
                fresh.answers.pop(prompt.id, None)
        left = progress.next_position(content, fresh, only_step=step.id)
        if left is not None:
            raise UsageError(
                content.say("feedback_file_incomplete", where=str(file), name=left.question.id)
            )
        flow.store_drafts(content, fresh)
        ticked = flow.tick_open(content, fresh, later.ticks, flow.now())
        store.save(fresh)
    from rebound.render import screens

    screens.note(
        screens.console(),
        content.say("feedback_from_file", count=count, where=str(file), id=fresh.id),
    )
    _said(content, fresh, ticked)

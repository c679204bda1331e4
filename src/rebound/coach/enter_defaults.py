"""What a question offers for Enter: its `default`, or, for a session that had already gone past
it before the pack had the question, its `default_for_earlier_sessions`.

A question added to a step after sessions were saved is asked when they go on (`rebound
continue`, or a revisit of the step). Someone who finished that step may have sent what it drafted
already; the default offered to them must agree with what they sent, not with what is recommended
to someone starting now. Pure: no I/O here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from rebound.pack import typed
from rebound.pack.models import Content, FieldDef, PromptDef
from rebound.storage.records import AnswerValue, Scalar, Session


def _kept(own: str, each: bool, saved: Iterable[str]) -> bool:
    """Whether `saved` holds the id `own` (or, for an `each` draft or item, `own-N`)."""
    shape = re.compile(re.escape(own) + (r"(-\d+)?" if each else ""))
    return any(shape.fullmatch(key) for key in saved)


def went_past(content: Content, session: Session, prompt: PromptDef) -> bool:
    """Whether the session went on past `prompt` without it being asked: it was saved before the
    pack had the question (or before it applied).

    That is so when a draft of its step was kept (drafts are kept once a step is done), one of
    its step's checklist items was ticked, or a question after it has an answer.
    """
    for step in content.steps:
        if any(p.id == prompt.id for p in step.prompts):
            for d in step.drafts:
                if _kept(d.id, d.each is not None, session.drafts):
                    return True
            for item in step.checklist:
                if _kept(item.id, item.each is not None, session.ticked):
                    return True
    order = [p.id for p in content.prompts()]
    if prompt.id not in order:
        return False
    later = order[order.index(prompt.id) + 1 :]
    return any(pid in session.answers or pid in session.open_lists for pid in later)


def fixed(
    content: Content, session: Session, prompt: PromptDef, field: FieldDef | None
) -> Scalar | list[str] | None:
    """The default the content gives the question (a `field` of the list `prompt`, or the prompt
    itself), as written: `default_for_earlier_sessions` for a session that went past it."""
    if field is not None:
        return field.default
    earlier = prompt.default_for_earlier_sessions
    if earlier is not None and went_past(content, session, prompt):
        return earlier
    return prompt.default


def offered(
    content: Content,
    session: Session,
    prompt: PromptDef,
    field: FieldDef | None,
    today: date,
) -> AnswerValue:
    """The default to offer at the question (None: none), a date's words made a day."""
    q = field or prompt
    value = fixed(content, session, prompt, field)
    if value is None:
        return None
    if q.kind == "date":
        return typed.default_text(q.model_copy(update={"default": value}), today, content)
    return value

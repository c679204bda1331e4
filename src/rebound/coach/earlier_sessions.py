"""A company seen before: what earlier sessions with it say, shown at `rebound start`. No I/O.

The same company is found the way a contact is (`insights.person_key`: case and spaces aside),
and its reapply date is the content's (`follow_up.reapply`, a checklist item with `due_after`),
measured the way the checklist measures it, so the two always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rebound import clock
from rebound.coach import insights, progress
from rebound.pack.context import entry_number
from rebound.pack.models import Content
from rebound.storage.records import Session


@dataclass(frozen=True)
class Earlier:
    """One earlier session with a company."""

    session_id: str
    heard_on: date
    role: str
    reasons: str
    areas: tuple[str, ...]  # as the pack labels them
    fixes: tuple[tuple[str, bool], ...]  # (the fix, done)
    reapply: date | None  # the day the company may be asked again, from the content


@dataclass(frozen=True)
class CompanyHistory:
    """Everything earlier sessions say about one company."""

    company: str  # as typed in the latest of them
    sessions: tuple[Earlier, ...]  # newest first
    reapply: date | None  # the latest reapply date of them all
    today: date

    @property
    def may_reapply(self) -> bool:
        """Whether the reapply date has come (True when none is known)."""
        return self.reapply is None or self.reapply <= self.today


def _reapply_on(content: Content, session: Session) -> date | None:
    """The session's "may reapply from" day: its reapply item's date, as the checklist has it."""
    wanted = content.follow_up.reapply
    for step in content.steps:
        for item in step.checklist:
            if item.id == wanted and item.due_after is not None:
                return progress.due_after(session, item.due_after, progress.date_prompts(content))
    return None


def company_history(
    content: Content,
    sessions: Iterable[Session],
    name: str,
    today: date | None = None,
    skip: str = "",
) -> CompanyHistory | None:
    """What earlier sessions with the company `name` (case and spaces aside) say; None when
    there are none. `skip` is the session being started, left out.
    """
    key = insights.person_key(name)
    if not key:
        return None
    fix_item = insights._each_item_id(content, insights.FIXES)
    labels = insights._area_labels(content)
    found: list[Earlier] = []
    shown = name
    for session in insights._oldest_first(sessions):
        if session.id == skip or insights.person_key(session.text("company")) != key:
            continue
        if len(session.answers) < 2:
            continue  # stopped right after naming the company: nothing to learn from it yet
        shown = " ".join(session.text("company").split())
        # The fix as typed ('Practise SQL'), not its checklist label ('Fix: Practise SQL').
        typed = {
            entry_number(e, n): " ".join(str(e.get(insights.FIX_TEXT) or "").split())
            for n, e in enumerate(insights._entries(session, insights.FIXES), start=1)
        }
        fixes = tuple(
            (typed.get(number) or entry.label, entry.done)
            for entry in progress.checklist(content, session)
            if (number := insights._entry_number(entry.id, fix_item)) is not None
        )
        chosen = session.answers.get(insights.AREAS)
        picked = [str(v) for v in chosen] if isinstance(chosen, list) else []
        other = " ".join(session.text(insights.AREAS_OTHER).split())
        areas = [
            f"{labels.get(v, v)}: {other}" if v == insights.OTHER and other else labels.get(v, v)
            for v in picked
        ]
        found.append(
            Earlier(
                session_id=session.id,
                heard_on=insights.heard_on(session),
                role=session.text("role").strip(),
                reasons=" ".join(session.text(insights.REASONS).split()),
                areas=tuple(areas),
                fixes=fixes,
                reapply=_reapply_on(content, session),
            )
        )
    if not found:
        return None
    dates = [e.reapply for e in found if e.reapply is not None]
    return CompanyHistory(
        company=shown,
        sessions=tuple(reversed(found)),
        reapply=max(dates) if dates else None,
        today=today or clock.today(),
    )

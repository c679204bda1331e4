"""Patterns in the reasons and areas to work on across sessions, said honestly (`rebound
stats`): a pattern only from enough sessions with feedback. No I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rebound.coach.insights import REASONS, _areas, _oldest_first, company
from rebound.pack.models import Content
from rebound.storage.records import Session

PATTERN_SESSIONS = 5  # a pattern is stated only from this many sessions with feedback up


@dataclass(frozen=True)
class Patterns:
    """What the reasons and areas of every session add up to, said honestly."""

    sessions: int  # sessions with feedback: the reasons they gave were recorded
    reasons: list[tuple[str, str]]  # (company, the reasons given), newest first
    areas: list[tuple[str, int]]  # most frequent first
    needed: int  # sessions still needed before a pattern is stated (0: enough)

    @property
    def recurring(self) -> list[tuple[str, int]]:
        """The areas that make a pattern: the most frequent, if it came up more than once."""
        if self.needed or not self.areas or self.areas[0][1] < 2:
            return []
        top = self.areas[0][1]
        return [(label, n) for label, n in self.areas if n == top]


def patterns(content: Content, sessions: Iterable[Session]) -> Patterns:
    """Reasons and areas across sessions; a pattern only from `PATTERN_SESSIONS` sessions with
    feedback up (their reasons recorded: a session without them is not counted)."""
    ordered = _oldest_first(sessions)
    answered = [s for s in ordered if s.text(REASONS).strip()]
    reasons = [
        (company(s), " ".join(s.text(REASONS).split()))
        for s in reversed(ordered)
        if s.text(REASONS).strip()
    ]
    return Patterns(
        sessions=len(answered),
        reasons=reasons,
        areas=_areas(content, answered),
        needed=max(0, PATTERN_SESSIONS - len(answered)),
    )

"""Feedback that comes after the call, added beside what came first: dated, never in its place.

`rebound feedback` asks the feedback questions again when the reasons arrive later. Reasons
given on the call are the person's record of what was said: what comes later is added to them,
on a line of its own with its day ('Added 2026-12-02: ...'), so that the session's view, the
feedback log, the export and `stats`, which all read the answer, show both. Pure: no I/O.
"""

from __future__ import annotations

from datetime import date

from rebound.coach.insights import REASONS
from rebound.sentences.speech import Sayer

# The questions whose later answers are added beside the first (the others are the person's
# current choice, asked again with the earlier answer offered for Enter).
ADDED_LATER = (REASONS,)


def adds(prompt_id: str, earlier: object) -> bool:
    """Whether a later answer to this question is added beside `earlier` (a text given before)."""
    return prompt_id in ADDED_LATER and isinstance(earlier, str) and bool(earlier.strip())


def added(earlier: str, later: str, day: date, lang: Sayer) -> str:
    """`earlier` with `later` beside it, dated `day`; `earlier` as it was when `later` brings
    nothing new (blank, or words it holds already)."""
    new = later.strip()
    if not new or new in earlier:
        return earlier
    line = lang.say("feedback_added", date=day.isoformat(), value=new)
    return f"{earlier.rstrip()}\n{line}"

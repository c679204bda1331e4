"""The screens of the brag list: `rebound brag` (list, show) and a rehearsal's story card.

What a person typed is always printed as `Text` (never markup), with control characters made
visible (`rebound.render.line`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.rule import Rule

from rebound import bragging, clock
from rebound.render import ACCENT, marks, note
from rebound.render import line as _t

if TYPE_CHECKING:
    from rich.console import Console

    from rebound.models import Accomplishment, BragList


def plural(count: int, one: str, many: str) -> str:
    """'1 story', '3 stories'."""
    return f"{count} {one if count == 1 else many}"


def practice(item: Accomplishment) -> str:
    """How practised a story is: 'not practised yet', 'practised 2 times, average 3.5 of 5'."""
    if not item.practised:
        return "not practised yet"
    times = "once" if item.practised == 1 else f"{item.practised} times"
    avg = bragging.average(item)
    if avg is None:
        return f"practised {times}"
    shown = f"{avg:.1f}".removesuffix(".0")
    return f"practised {times}, {'rated' if len(item.ratings) == 1 else 'average'} {shown} of 5"


def headline(item: Accomplishment) -> list[str | tuple[str, str]]:
    """The parts of a story's first line: its title, and the number that shows it."""
    parts: list[str | tuple[str, str]] = [(item.title, "bold")]
    if item.number:
        parts.append(f"  ({item.number})")
    return parts


def brag_list(out: Console, brag: BragList) -> None:
    """Every story: number, title, id, tags and how practised, then what to do next."""
    _, _, bullet = marks(out)
    out.print(_t(("Your brag list", "bold"), f": {plural(len(brag.items), 'story', 'stories')}"))
    out.print()
    width = len(str(len(brag.items)))
    for number, item in enumerate(brag.items, start=1):
        out.print(_t((f"{number:>{width}}. ", ACCENT), *headline(item)))
        details: list[str] = [item.id]
        if item.tags:
            details.append(f"tags: {', '.join(item.tags)}")
        details.append(practice(item))
        out.print(_t(" " * (width + 2), (f" {bullet} ".join(details), "dim")))
    out.print()
    note(out, "Tell them out loud: `rebound rehearse`. Add one: `rebound brag add`.", "dim")


def story(out: Console, item: Accomplishment) -> None:
    """One story in full: where it came from, its STAR notes, its cue, how it's been going."""
    out.print(_t(*headline(item)))
    origin = f"from session {item.source.split('#')[0]}" if item.source else "added by hand"
    added = clock.local_day(item.added_at).isoformat()
    out.print(_t((f"{item.id} · {origin} · added {added}", "dim")))
    if item.tags:
        out.print(_t(("tags: ", "dim"), ", ".join(item.tags)))
    out.print()
    notes(out, item)
    out.print()
    out.print(_t(("Cue: ", f"bold {ACCENT}"), bragging.cue(item)))
    practised = practice(item)
    if item.last_practised:
        practised += f", last on {clock.local_day(item.last_practised).isoformat()}"
    note(out, practised[:1].upper() + practised[1:] + ".", "dim")


def notes(out: Console, item: Accomplishment) -> None:
    """A story's STAR notes, or how to add them."""
    found = bragging.notes(item)
    if not found:
        out.print(
            _t(
                "  No notes for this one yet: situation, task, action, result. "
                f"`rebound brag edit {item.id}` adds them.",
            )
        )
        return
    for label, value in found:
        out.print(_t("  ", (f"{label}: ", "bold"), value))


def minutes(seconds: float) -> str:
    """'1:30'."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def rehearsal_card(out: Console, item: Accomplishment, number: int, total: int) -> None:
    """A story to tell out loud: its place in the rehearsal, the interviewer's cue, the notes."""
    out.print()
    out.print(Rule(_t((f"Story {number} of {total}", f"bold {ACCENT}")), align="left"))
    out.print(_t((f'"{bragging.cue(item)}"', "bold")))
    out.print()
    notes(out, item)
    out.print()


def rehearsal_time(out: Console, seconds: int, spent: float) -> None:
    """How long the telling took, against the time it had (0: no limit)."""
    if seconds and spent >= seconds:
        note(out, f"Time's up ({minutes(seconds)}).", "dim")
    else:
        note(out, f"Done in {minutes(spent)}.", "dim")

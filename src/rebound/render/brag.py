"""The screens of the brag list: `rebound brag` (list, show) and a rehearsal's story card.

What a person typed is always printed as `Text` (never markup), with control characters made
visible (`rebound.render.screens.line`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.rule import Rule

from rebound import clock
from rebound.coach import brag_list
from rebound.render.screens import ACCENT, marks, note, say
from rebound.render.screens import line as _t
from rebound.sentences import speech

if TYPE_CHECKING:
    from rich.console import Console

    from rebound.storage.records import Accomplishment, BragList


def practice(item: Accomplishment) -> str:
    """How practised a story is: 'not practised yet', 'practised 2 times, average 3.5 of 5'."""
    if not item.practised:
        return speech.say("practice_none")
    times = speech.say_count("practice_times", item.practised)
    avg = brag_list.average(item)
    if avg is None:
        return times
    shown = f"{avg:.1f}".removesuffix(".0")
    key = "practice_rated" if len(item.ratings) == 1 else "practice_average"
    return speech.say(key, value=times, number=shown)


def headline(item: Accomplishment) -> list[str | tuple[str, str]]:
    """The parts of a story's first line: its title, and the number that shows it."""
    parts: list[str | tuple[str, str]] = [(item.title, "bold")]
    if item.number:
        parts.append(f"  ({item.number})")
    return parts


def listing(out: Console, brag: BragList) -> None:
    """Every story: number, title, id, tags and how practised, then what to do next."""
    _, _, bullet = marks(out)
    stories = speech.say_count("brag_stories", len(brag.items))
    out.print(_t((speech.say("brag_title"), "bold"), stories))
    out.print()
    width = len(str(len(brag.items)))
    for number, item in enumerate(brag.items, start=1):
        say(out, _t((f"{number:>{width}}. ", ACCENT), *headline(item)), width + 2)
        details: list[str] = [item.id]
        if item.tags:
            details.append(speech.say("brag_tags", list=", ".join(item.tags)))
        details.append(practice(item))
        say(out, _t(" " * (width + 2), (f" {bullet} ".join(details), "dim")), width + 2)
    out.print()
    note(out, speech.say("brag_list_hint"), "dim")


def story(out: Console, item: Accomplishment) -> None:
    """One story in full: where it came from, its STAR notes, its cue, how it's been going."""
    out.print(_t(*headline(item)))
    origin = (
        speech.say("brag_from_session", id=item.source.split("#")[0])
        if item.source
        else speech.say("brag_by_hand")
    )
    added = clock.local_day(item.added_at).isoformat()
    out.print(_t((speech.say("brag_origin", id=item.id, value=origin, date=added), "dim")))
    if item.tags:
        out.print(_t((speech.say("brag_tags_label"), "dim"), ", ".join(item.tags)))
    out.print()
    notes(out, item)
    out.print()
    out.print(_t((speech.say("brag_cue"), f"bold {ACCENT}"), brag_list.cue(item)))
    practised = practice(item)
    if item.last_practised:
        last = clock.local_day(item.last_practised).isoformat()
        practised = speech.say("practice_last", value=practised, date=last)
    note(out, practised[:1].upper() + practised[1:] + ".", "dim")


def notes(out: Console, item: Accomplishment) -> None:
    """A story's STAR notes, or how to add them."""
    found = brag_list.notes(item)
    if not found:
        out.print(_t(speech.say("brag_no_notes", id=item.id)))
        return
    for label, value in found:  # a wrapped note goes on under its text, not at the edge
        say(out, _t("  ", (f"{label}: ", "bold"), value), len(label) + 4)


def minutes(seconds: float) -> str:
    """'1:30'."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def rehearsal_card(out: Console, item: Accomplishment, number: int, total: int) -> None:
    """A story to tell out loud: its place in the rehearsal, the interviewer's cue, the notes."""
    out.print()
    out.print(
        Rule(
            _t((speech.say("rehearse_story", number=number, total=total), f"bold {ACCENT}")),
            align="left",
        )
    )
    out.print(_t((f'"{brag_list.cue(item)}"', "bold")))
    out.print()
    notes(out, item)
    out.print()


def rehearsal_time(out: Console, seconds: int, spent: float) -> None:
    """How long the telling took, against the time it had (0: no limit)."""
    if seconds and spent >= seconds:
        note(out, speech.say("rehearse_times_up", value=minutes(seconds)), "dim")
    else:
        note(out, speech.say("rehearse_done_in", value=minutes(spent)), "dim")

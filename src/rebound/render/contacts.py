"""The screen of `rebound contacts`: everyone to keep in touch with, their touches, who has gone
quiet.

What a person typed is printed through `Text` objects (never markup), and every line is built to
read well at 60 columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rebound.render import screens
from rebound.render.screens import Out
from rebound.render.screens import line as _text
from rebound.render.screens import say_at as _say
from rebound.render.screens import utf8 as _utf8

if TYPE_CHECKING:
    from rebound.coach.contacts import Person, Seen
    from rebound.pack.models import Content


def weeks_said(content: Content, days: int) -> str:
    """'3 weeks', or '5 days' under a week, in the pack's words."""
    weeks = days // 7
    return content.say_count("weeks", weeks) if weeks else content.say_count("days", days)


def ago_said(content: Content, days: int) -> str:
    """'today', or '3 weeks ago', in the pack's words."""
    if days == 0:
        return content.say("ago_today")
    return content.say("ago", value=weeks_said(content, days))


OUTCOME_KEYS = {
    "replied": "outcome_replied",
    "met": "outcome_met",
    "referred": "outcome_referred",
    "no-answer": "outcome_no_answer",
}


def outcome_text(content: Content, touch: Seen) -> str:
    """How a touch went, in the pack's words ('replied'; 'ticked in Globex' for a tick)."""
    if touch.outcome is not None:
        return content.say(OUTCOME_KEYS[touch.outcome])
    if touch.company is not None:
        return content.say("touch_ticked", name=touch.company)
    return content.say("outcome_none")


def people(
    out: Out, content: Content, people: list[Person], weeks: int | None, latest: int | None = None
) -> None:
    """Each contact: how you know them, their cadence, where they came from, their touches
    (newest first: the `latest` few with the rest counted, else every one) and whether they
    have gone quiet."""
    if not people:
        screens.note(out, content.say("contacts_none"))
        return
    flag, dot = ("⚑", "·") if _utf8(out) else ("!", "-")
    quiet = sum(p.quiet for p in people)
    head = _text(
        (content.say("contacts_title"), "bold"),
        (f"  {content.say_count('contacts_count', len(people))}", "dim"),
    )
    if quiet:
        said = (
            content.say("contacts_quiet", count=quiet, number=weeks)
            if weeks
            else content.say("contacts_gone_quiet", count=quiet)
        )
        head.append(said, style="dim")
    _say(out, head)
    for person in people:
        out.print()
        _say(out, _text((person.name, "bold")), 2)
        every = content.say("contacts_every", value=content.say_count("weeks", person.every_weeks))
        about = f" {dot} ".join(
            x
            for x in (
                " / ".join(person.contact.relations),
                " / ".join(person.contact.channels),
                ", ".join(person.contact.emails),
                every,
            )
            if x
        )
        _say(out, _text(about), 4)
        origin = ", ".join(
            f"{s.company} ({s.heard_on.isoformat()})" for s in person.contact.sources
        )
        _say(out, _text((content.say("contacts_from") + " ", "dim"), (origin, "dim")), 4)
        shown = person.touches if latest is None else person.touches[:latest]
        for touch in shown:
            line = _text((f"{touch.on.isoformat()}  ", "dim"), outcome_text(content, touch))
            if touch.note:
                line.append_text(_text((f": {touch.note}", "italic")))
            _say(out, line, 6)
        if len(person.touches) > len(shown):
            earlier = content.say_count("contacts_earlier", len(person.touches) - len(shown))
            _say(out, _text((earlier, "dim")), 6)
        if person.last is None:
            status = content.say("contacts_never", value=ago_said(content, person.days_quiet))
        elif person.quiet:
            status = content.say("contacts_not_for", value=weeks_said(content, person.days_quiet))
        else:
            status = content.say("contacts_last", value=ago_said(content, person.days_quiet))
        if not person.quiet:
            status += content.say("contacts_next", date=person.next_due.isoformat())
        if person.quiet:
            _say(out, _text((f"{flag} {status}", "bold yellow")), 4)
        else:
            _say(out, _text((status, screens.GOOD if person.last else "dim")), 4)
    out.print()
    screens.note(out, content.say("contacts_hint"), "dim")

"""A session as Markdown, JSON or iCalendar: pure functions from a session to text.

Markdown is the whole session, for reading or keeping; JSON is the validated model itself;
iCalendar puts every dated checklist item in a calendar. Nothing here prints or writes a file.

Text a person typed is never dropped or reinterpreted: in Markdown it is escaped so that it reads
literally (a typed `*`, `[bold]` or `|` stays as typed), and control characters are made visible
everywhere, as they are on screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from rebound import clock
from rebound.coach import drafts, progress
from rebound.pack.models import Content, FieldDef, PromptDef, Step
from rebound.storage.records import AnswerValue, Session
from rebound.text import clean

if TYPE_CHECKING:
    import icalendar

    from rebound.coach.progress import Entry


# Characters that can start emphasis, links, HTML, code, tables, strikethrough or (on GitHub) maths.
# ('>' only opens a quote at the start of a line, where `_BULLET` escapes it: '6h -> 40 min'
# stays as typed, not '6h -\> 40 min'.)
_PUNCTUATION = re.compile(r"([\\`*_\[\]<|~$])")
# '&' only where it would start an entity ('&amp;', '&#42;'); 'AT&T' stays as it is.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# A '#' that could open or close a heading; 'C#' stays as it is.
_HASH = re.compile(r"(^|\s)#")
# GitHub turns ':smile:' into an emoji.
_SHORTCODE = re.compile(r":(?=[0-9A-Za-z_+-]+:)")
# What would start a block at the beginning of a line: a list, a setext heading, a rule.
_BULLET = re.compile(r"^([-+=>])")
_ORDERED = re.compile(r"^(\d+)([.)])")
# Hints in a prompt's message that help while typing but not when reading: '(Enter to skip)'.
_HINT = re.compile(r"\s*\([^()]*\)")


def escape(text: str, indent: str = "") -> str:
    """Text that Markdown shows exactly as typed, wherever it lands in a line.

    Only characters that could change the structure are escaped, and every line, the first one
    included, is escaped as if it began a block: the first line of a list entry does (`- 1. x`
    would be a nested list, `-     x` a code block). A line break becomes a hard break and a
    blank line a paragraph break, each followed by `indent` so that the text stays inside the
    list item it belongs to. Blank lines at either end are left out, and so are spaces at the
    start of a line, which Markdown would either drop or read as code.
    """
    lines = clean(text).split("\n")
    while len(lines) > 1 and not lines[-1].strip():
        lines.pop()
    while len(lines) > 1 and not lines[0].strip():
        lines.pop(0)
    out = [_escape_line(lines[0])]
    after_blank = False
    for line in lines[1:]:
        if not line.strip():
            after_blank = True
            continue
        out.append(f"\n\n{indent}" if after_blank else f"\\\n{indent}")
        out.append(_escape_line(line))
        after_blank = False
    return "".join(out)


def _escape_line(line: str) -> str:
    """One typed line, safe at the start of a block: what could open one is escaped."""
    out = _PUNCTUATION.sub(r"\\\1", line.lstrip(" \t"))
    out = _ENTITY.sub(r"\\&", out)
    out = _HASH.sub(r"\1\\#", out)
    out = _SHORTCODE.sub(r"\\:", out)
    return _ORDERED.sub(r"\1\\\2", _BULLET.sub(r"\\\1", out))


def _fence(text: str, indent: str = "") -> list[str]:
    """A fenced block holding `text` literally; the fence is longer than any run of backticks."""
    body = clean(text).rstrip("\n")
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    lines = [f"{indent}{line}" if line else "" for line in body.split("\n")]
    return [f"{indent}{fence}text", *lines, f"{indent}{fence}"]


def _question(q: FieldDef) -> str:
    """A prompt's message, without the typing hints in brackets."""
    text = _HINT.sub("", q.message).strip() or q.message
    return text if text.endswith(("?", ":", ".", "!")) else f"{text}:"


def _labels(q: FieldDef) -> dict[str, str]:
    return {c.value: c.label for c in q.choices}


def _show(content: Content, q: FieldDef, value: object, indent: str) -> str:
    """One answer in readable form: choices as their labels, yes/no, lists comma-separated."""
    if value is None or value == [] or (isinstance(value, str) and not value.strip()):
        return content.say("md_blank")
    if isinstance(value, bool):
        return content.say("answer_yes" if value else "answer_no").lower()
    names = _labels(q)
    if isinstance(value, list):
        return ", ".join(escape(names.get(str(v), str(v)), indent) for v in value)
    if isinstance(value, str) and names:
        # A checkbox inside a list entry is stored as 'a, b'.
        parts = value.split(", ") if q.kind == "checkbox" else [value]
        return ", ".join(escape(names.get(p, p), indent) for p in parts)
    return escape(str(value), indent)


def _answer(content: Content, q: FieldDef, value: object, indent: str = "") -> list[str]:
    shown = _show(content, q, value, indent + "  ")
    return [f"{indent}- **{escape(_question(q))}** {shown}"]


def _entries(
    content: Content, prompt: PromptDef, entries: Iterable[object], indent: str = ""
) -> list[str]:
    """A list prompt's entries: the first field as the bullet, the others nested under it."""
    lines: list[str] = []
    first, *rest = prompt.fields
    inner = indent + "  "
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        lines.append(f"{indent}- {_show(content, first, entry.get(first.id), inner)}")
        for fld in rest:
            if fld.id in entry:
                lines.extend(_answer(content, fld, entry[fld.id], inner))
    return lines


def _prompt(content: Content, prompt: PromptDef, session: Session) -> list[str]:
    """The lines for one prompt's answer; none when it was not asked (yet)."""
    if prompt.kind != "list":
        if prompt.id not in session.answers:
            return []
        return _answer(content, prompt, session.answers[prompt.id])
    value: AnswerValue | list[object] = session.answers.get(prompt.id)
    note = ""
    if value is None and prompt.id in session.open_lists:
        value = list(session.open_lists[prompt.id].items)
        note = content.say("md_still_adding")
    elif prompt.id not in session.answers:
        return []
    head = f"- **{escape(_question(prompt))}**{note}"
    if not value:
        return [f"{head} {content.say('md_blank')}"]
    return [head, *_entries(content, prompt, value if isinstance(value, list) else [], "  ")]


def _step(content: Content, session: Session, number: int, step: Step) -> list[str]:
    done = progress.step_done(step, session)
    total = len(content.steps)
    lines = [content.say("md_step", number=number, total=total, title=escape(step.title)), ""]
    answers = [line for prompt in step.prompts for line in _prompt(content, prompt, session)]
    if answers:
        lines += [*answers, ""]
    if not done:
        lines += [content.say("md_not_finished" if answers else "md_not_started"), ""]
    # The drafts as they will be sent: the person's edit where they made one.
    for shown in drafts.session_drafts(content, session):
        if shown.step_id == step.id:
            lines += [f"### {escape(shown.title)}", "", *_fence(shown.text), ""]
    return lines


def _day(moment: datetime) -> str:
    """The local calendar day of a stored (UTC) moment."""
    return clock.local_day(clock.in_utc(moment)).isoformat()


def _item(content: Content, entry: Entry) -> str:
    if entry.info:
        return f"- {escape(entry.label, '  ')}"
    line = f"- [{'x' if entry.done else ' '}] {escape(entry.label, '  ')}"
    details = []
    if entry.due is not None:
        key = "opens_on" if entry.opens else "md_due"
        details.append(content.say(key, date=entry.due.isoformat()))
    if entry.ticked_at is not None:
        details.append(content.say("md_done", date=_day(entry.ticked_at)))
    return f"{line} ({', '.join(details)})" if details else line


def _next(content: Content, session: Session, today: date) -> str:
    pos = progress.next_position(content, session)
    if pos is not None:
        return progress.next_action(content, session)[0]  # which step to go on with; no dates
    todo = progress.open_items(content, session, today)
    if todo:
        return todo[0].next or todo[0].label
    return content.say("nothing_left")


def to_markdown(content: Content, session: Session, today: date) -> str:
    """The whole session as a Markdown document.

    Args:
        content: the coaching content the session was answered with.
        session: the session.
        today: the day of the export (shown, and used to order what is next).
    """
    lines = [f"# {escape(session.title)}", ""]
    say = content.say
    lines.append(say("md_session", id=escape(session.id)))
    lines.append(say("md_started", date=_day(session.created_at)))
    finished = _day(session.finished_at) if session.finished_at else say("md_not_yet")
    lines.append(say("md_finished", date=finished))
    lines += [say("md_exported", date=today.isoformat()), ""]

    lines += [say("md_the_call"), ""]
    call = [
        line for prompt in content.opening.prompts for line in _prompt(content, prompt, session)
    ]
    lines += [*(call or [say("md_not_answered")]), ""]

    for number, step in enumerate(content.steps, start=1):
        lines += _step(content, session, number, step)

    lines += [say("md_checklist"), ""]
    entries = progress.checklist(content, session)
    if entries:
        lines += [*(_item(content, e) for e in entries), ""]
    else:
        lines += [say("md_no_items"), ""]
    lines += [say("md_next", value=escape(_next(content, session, today))), ""]
    return "\n".join(lines)


def to_json(session: Session) -> str:
    """The session as its validated model, in JSON (what `Session.model_validate_json` reads)."""
    return session.model_dump_json(indent=2) + "\n"


def dated_items(content: Content, session: Session) -> list[Entry]:
    """The checklist items with a due date: the events of the calendar export."""
    # date.max has no day after it (a hand-edited 9999-12-31): such an item can't be an event.
    return [
        e
        for e in progress.checklist(content, session)
        if e.due is not None and not e.info and e.due < date.max
    ]


def uid(session: Session, entry: Entry) -> str:
    """A calendar UID that stays the same across exports, so a re-import updates, not doubles."""
    return f"{session.id}-{entry.id}@rebound"


def to_ics(content: Content, session: Session, state: dict[str, Any] | None = None) -> bytes:
    """The session's dated checklist items as an iCalendar (RFC 5545) file (see `session_ics`),
    with `state` (what earlier exports sent; none: a first export)."""
    return session_ics(content, session, state or {})[0]


def session_ics(
    content: Content, session: Session, state: dict[str, Any]
) -> tuple[bytes, dict[str, Any]]:
    """The dated checklist items of one session as an iCalendar (RFC 5545) file: one all-day
    event each, made the way `all_ics` makes them (a ticked item is a cancelled event, with a
    higher SEQUENCE), so that the two exports update the same events in the same way.

    DTSTAMP is the session's last change, so exporting an unchanged session twice gives the same
    bytes. Events are all-day (DATE values), which no calendar shifts across time zones.

    Returns:
        The calendar's bytes, and `state` with this session's events as sent now.

    Raises:
        ValueError: no item has a date yet (a calendar needs at least one event).
    """
    before = _sent(state)
    mine = {k: v for k, v in before.items() if k.startswith(f"{session.id}-")}
    events, after = _events(content, [session], mine)
    if not events:
        raise ValueError(f"session {session.id} has no dated items")
    data = _calendar(f"rebound: {clean(session.title)}", events)
    kept = {k: v for k, v in before.items() if k not in mine}
    return data, {"version": 1, "events": {**kept, **after}}


# --- alarms, and one calendar of every session -----------------------------------------------

ALARM_AT = timedelta(hours=9)  # after the start of the all-day event: the morning it is due


def _alarm(label: str) -> icalendar.Alarm:
    """A display alarm on the morning of an all-day event."""
    import icalendar

    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", ALARM_AT, parameters={"RELATED": "START"})
    alarm.add("description", label)
    return alarm


def _fingerprint(fields: dict[str, str]) -> str:
    """A hash of what an event says: when it changes, the event's SEQUENCE grows."""
    import hashlib
    import json

    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()[:16]


def _sent(state: dict[str, Any]) -> dict[str, Any]:
    """The events an earlier export sent, by UID (`{}` for a first state). What cannot be used
    counts as never sent (`calendar_state.usable`; the command sets it aside and says so)."""
    from rebound.calendar_state import usable

    return usable(state)[0]


def _events(
    content: Content, sessions: Iterable[Session], before: dict[str, Any]
) -> tuple[list[tuple[str, str, icalendar.Event]], dict[str, Any]]:
    """Every dated item of `sessions` as an event, and the events of `before` that are gone now
    (a deleted session, a changed list) as cancelled ones; and what to remember of each.

    A ticked item is a cancelled event ("Done on ..."): STATUS:CANCELLED is what every calendar
    app understands on a re-import (a VTODO's COMPLETED is not imported by them all). Its
    SEQUENCE grows with each change, and is at least 1 when done, so that it always wins over
    the open event a calendar holds from an earlier export.
    """
    import icalendar

    from rebound.calendar_state import MAX_SEQUENCE

    after: dict[str, Any] = {}
    events: list[tuple[str, str, icalendar.Event]] = []

    def publish(key: str, fields: dict[str, str], stamp: datetime, alarm: bool) -> None:
        old = before.get(key)
        digest = _fingerprint(fields)
        sequence = 0 if old is None else old["sequence"] + (old["hash"] != digest)
        sequence = min(max(sequence, int(fields["status"] == "CANCELLED")), MAX_SEQUENCE)
        after[key] = {**fields, "hash": digest, "sequence": sequence, "stamp": stamp.isoformat()}
        event = icalendar.Event()
        event.add("uid", key)
        event.add("dtstamp", stamp)
        day = date.fromisoformat(fields["start"])
        event.add("dtstart", day)
        end = clock.shift(day, 1)
        if end is not None:  # on 9999-12-31 there is no next day: the event is that one day
            event.add("dtend", end)
        event.add("summary", fields["summary"])
        if fields.get("description"):
            event.add("description", fields["description"])
        event.add("status", fields["status"])
        event.add("sequence", sequence)
        event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
        if alarm:
            event.add_component(_alarm(fields["summary"]))
        events.append((fields["start"], key, event))

    for session in sessions:
        stamp = _utc(session.updated_at)
        title = clean(session.title)
        for entry in dated_items(content, session):
            assert entry.due is not None  # dated_items
            about = [clean(entry.next or entry.label), "", title]
            if entry.done:
                done = (
                    content.say("ics_done_on", date=_day(entry.ticked_at))
                    if entry.ticked_at
                    else content.say("ics_done")
                )
                about[0:0] = [done, ""]
            fields = {
                "start": entry.due.isoformat(),
                "summary": clean(entry.label),
                "description": "\n".join(about),
                "status": "CANCELLED" if entry.done else "CONFIRMED",
            }
            publish(uid(session, entry), fields, stamp, alarm=not entry.done)
    for key, old in before.items():  # sent before, gone now (a deleted session, a changed list)
        if key in after:
            continue
        gone = {  # `usable` kept only events as rebound writes them
            "start": old["start"],
            "summary": old["summary"],
            "description": old["description"],
            "status": "CANCELLED",
        }
        publish(key, gone, _utc(datetime.fromisoformat(old["stamp"])), alarm=False)
    return events, after


def _calendar(name: str, events: list[tuple[str, str, icalendar.Event]]) -> bytes:
    import icalendar

    from rebound import __version__

    cal = icalendar.Calendar()
    cal.add("prodid", f"-//rebound//rebound {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # icalendar knows no type for X- properties and writes them unescaped (a ',' or ';' in a
    # company's name would cut the calendar's name short): it is TEXT, so say so.
    cal.add("x-wr-calname", icalendar.vText(name))
    for _, _, event in sorted(events, key=lambda e: e[:2]):
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def all_ics(
    content: Content, sessions: Iterable[Session], state: dict[str, Any]
) -> tuple[bytes, dict[str, Any]]:
    """One calendar of every dated item of every session, that stays true when imported again:
    the same UIDs, a SEQUENCE that grows when an event changes, ticked items as cancelled
    events, and the events of items gone since an earlier export cancelled too.

    Args:
        content: the coaching content.
        sessions: every session.
        state: what earlier exports sent (`<data>/calendar.json`, `{}` the first time):
            `{"events": {uid: {"hash", "sequence", "start", "summary", "stamp"}}}`.

    Returns:
        The calendar's bytes, and the state to keep for the next export.

    Raises:
        ValueError: there is no event at all to put in it.
    """
    events, after = _events(content, sessions, _sent(state))
    if not events:
        raise ValueError("no session has dated items")
    return _calendar("rebound", events), {"version": 1, "events": after}


def _utc(moment: datetime) -> datetime:
    """A stored moment as an event's DTSTAMP: UTC, whole seconds; at the ends of time, the first
    or last one (`clock.in_utc`), never raising."""
    return clock.in_utc(moment).replace(microsecond=0)

"""Keeping in touch: every contact on a cadence, their touches and how each one went. No I/O.

A person can be named in several sessions (a recruiter met through two rejections), so their
touches live in one log beside the sessions (`contacts.json`, `models.ContactLog`), keyed by
`insights.person_key` of the name, rather than in any one session. A tick of a session's contact
item (`rebound done contact-1`) counts as a touch too, with no outcome; a touch logged here ticks
the person's open contact items, and remembers which, so that it is never counted twice.
"""

from __future__ import annotations

import difflib
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from rebound import clock
from rebound.coach import insights, progress
from rebound.coach.insights import person_key
from rebound.pack.context import entry_number
from rebound.pack.models import Content
from rebound.storage.records import ContactLog, KeptContact, Outcome, Session, Touch

WEEK = 7
RELATION = "relation"  # the field of a contacts entry saying how the person knows them


@dataclass(frozen=True)
class Seen:
    """One touch, as `rebound contacts` shows it: logged, or a tick in a session."""

    on: date
    outcome: Outcome | None = None
    note: str | None = None
    company: str | None = None  # for a tick: the session's company


@dataclass(frozen=True)
class Person:
    """A contact across sessions, on their cadence."""

    contact: insights.Contact  # name, relations, channels, sources, the day first added
    key: str
    every_weeks: int
    touches: tuple[Seen, ...]  # newest first
    days_quiet: int  # since the last touch, or since added when never reached
    quiet: bool  # gone quiet: as long as their cadence (or the weeks asked for), or longer
    # The last touch plus the cadence (or the weeks asked for); before the first touch, the day
    # their session's "Reach out to ..." item is due (one first reach-out, one date).
    next_due: date
    open_items: tuple[tuple[str, str], ...]  # (session id, item id) of contact items not ticked

    @property
    def name(self) -> str:
        """The name, spelled as in the latest session that names them."""
        return self.contact.name

    @property
    def last(self) -> date | None:
        """The day of the latest touch, if any."""
        return self.touches[0].on if self.touches else None


@dataclass
class _Facts:
    relations: list[str] = field(default_factory=list)  # choice values, not labels
    ticks: list[tuple[date, str, str]] = field(default_factory=list)  # (day, company, session#item)
    open_items: list[tuple[str, str]] = field(default_factory=list)
    first_due: date | None = None  # the earliest due day of their open contact items


def _facts(content: Content, sessions: Iterable[Session]) -> dict[str, _Facts]:
    """What the sessions say of each person that `insights.contacts` does not keep."""
    item_id = insights._each_item_id(content, insights.CONTACTS)
    out: dict[str, _Facts] = {}
    for session in sessions:
        entries = insights._entries(session, insights.CONTACTS)
        due = {e.id: e.due for e in progress.checklist(content, session)} if entries else {}
        for n, entry in enumerate(entries, start=1):
            key = person_key(str(entry.get("name") or ""))
            if not key:
                continue
            facts = out.setdefault(key, _Facts())
            relation = entry.get(RELATION)
            if isinstance(relation, str) and relation not in facts.relations:
                facts.relations.append(relation)
            if item_id is None:
                continue
            item = f"{item_id}-{entry_number(entry, n)}"
            ticked = session.ticked.get(item)
            if ticked is None:
                facts.open_items.append((session.id, item))
                day = due.get(item)
                if day is not None and (facts.first_due is None or day < facts.first_due):
                    facts.first_due = day
            else:
                day = insights.local_day(ticked)
                facts.ticks.append((day, insights.company(session), f"{session.id}#{item}"))
    return out


def cadence(content: Content, relations: Sequence[str]) -> int:
    """Weeks between touches for someone known in these ways: the shortest of their relations'
    (a former colleague who is now a recruiter is a monthly call), else the pack's default."""
    weeks = content.follow_up.keep_in_touch
    found = [weeks[r] for r in relations if r in weeks]
    return min(found) if found else content.follow_up.keep_in_touch_default


def people(
    content: Content,
    sessions: Sequence[Session],
    log: ContactLog,
    today: date | None = None,
    weeks: int | None = None,
) -> list[Person]:
    """Every contact with their cadence and touches, the ones gone quiet first.

    Args:
        content: the coaching content (relations' labels, the cadences).
        sessions: every session.
        log: the touch log.
        today: the day to measure against (default: today).
        weeks: flag anyone quiet this many weeks or more, whatever their cadence.
    """
    day = today or clock.today()
    facts = _facts(content, sessions)
    _rekey(log)
    out: list[Person] = []
    for contact in insights.contacts(content, sessions, day):
        key = person_key(contact.name)
        known = facts.get(key, _Facts())
        kept = log.people.get(key)
        every = (kept.every_weeks if kept else None) or cadence(content, known.relations)
        logged = kept.touches if kept else []
        counted = {item for touch in logged for item in touch.ticked}
        seen = [(t.on, 1, Seen(t.on, t.outcome, t.note)) for t in logged]
        seen += [(d, 0, Seen(d, company=c)) for d, c, item in known.ticks if item not in counted]
        # Newest first; on one day, what was logged (with its outcome) before a bare tick.
        touches = tuple(s for _, _, s in sorted(seen, key=lambda t: t[:2], reverse=True))
        since = touches[0].on if touches else contact.added
        quiet = max(0, (day - since).days)
        try:
            next_due = since + timedelta(weeks=weeks or every)
        except OverflowError:  # a hand-edited date at the end of the calendar
            next_due = date.max
        if not touches and known.first_due is not None and weeks is None:
            next_due = known.first_due  # the checklist's day for the first reach-out
        out.append(
            Person(
                contact=contact,
                key=key,
                every_weeks=every,
                touches=touches,
                days_quiet=quiet,
                quiet=quiet >= (weeks or every) * WEEK,
                next_due=next_due,
                open_items=tuple(known.open_items),
            )
        )
    return sorted(out, key=lambda p: (not p.quiet, -p.days_quiet, p.name.casefold()))


def _rekey(log: ContactLog) -> None:
    """Keep the log under today's `person_key`s: a log written when accents still counted
    ('tomásferreira') is found, and added to, as 'tomasferreira'; two entries that are now one
    person are merged, their touches in order."""
    for key in list(log.people):
        wanted = person_key(key)
        if wanted == key:
            continue
        moved = log.people.pop(key)
        kept = log.people.setdefault(wanted, moved)
        if kept is not moved:
            kept.touches = sorted(
                [*kept.touches, *moved.touches], key=lambda t: (t.on, t.logged_at.timestamp())
            )
            kept.every_weeks = kept.every_weeks or moved.every_weeks


class UnclearName(LookupError):
    """A name that fits no contact, or several: `names` are the close ones, to suggest."""

    def __init__(self, names: list[str], ambiguous: bool) -> None:
        super().__init__(", ".join(names))
        self.names = names
        self.ambiguous = ambiguous


def find(found: Sequence[Person], wanted: str) -> Person:
    """The contact a typed name means: the same name in any case or spacing, else the one name
    that contains it ('priya' for Priya Patel).

    Raises:
        UnclearName: no contact has such a name (with the close ones), or several do.
    """
    key = person_key(wanted)
    for person in found:
        if key and person.key == key:
            return person
    partial = [p for p in found if key and key in p.key]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise UnclearName(sorted(p.name for p in partial), ambiguous=True)
    by_key = {p.key: p.name for p in found}
    close = difflib.get_close_matches(key, list(by_key), n=4, cutoff=0.5)
    raise UnclearName([by_key[k] for k in close], ambiguous=False)


def log_touch(
    log: ContactLog,
    person: Person,
    on: date,
    now: datetime,
    *,
    outcome: Outcome | None = None,
    note: str | None = None,
    ticked: Sequence[str] = (),
) -> Touch:
    """Add a touch to the log (the caller saves it); it restarts the person's clock."""
    kept = log.people.setdefault(person.key, KeptContact(name=person.name))
    kept.name = person.name
    numbers = [int(t.id[1:]) for t in kept.touches if t.id[1:].isdigit()]
    touch = Touch(
        id=f"t{max(numbers, default=0) + 1}",
        on=on,
        outcome=outcome,
        note=" ".join(note.split()) if note and note.strip() else None,
        logged_at=now,
        ticked=list(ticked),
    )
    kept.touches.append(touch)
    kept.touches.sort(key=lambda t: (t.on, t.logged_at.timestamp()))
    return touch


def set_cadence(log: ContactLog, person: Person, weeks: int | None) -> None:
    """Keep in touch with this person every `weeks` weeks (None: by how you know them)."""
    kept = log.people.setdefault(person.key, KeptContact(name=person.name))
    kept.every_weeks = weeks


def due(
    content: Content,
    sessions: Sequence[Session],
    log: ContactLog,
    today: date | None = None,
) -> list[insights.Todo]:
    """Contacts due another touch, as items of `rebound todo` (dated by their cadence).

    Only people reached at least once whose contact items are all ticked: until then, the
    session's own "Reach out to ..." item is the one to do, and a person is never listed twice.
    """
    out = []
    for person in people(content, sessions, log, today):
        if not person.touches or person.open_items:
            continue
        every = content.say_count("weeks", person.every_weeks)
        latest = person.contact.sources[-1] if person.contact.sources else None
        out.append(
            insights.Todo(
                session_id=latest.session_id if latest else "",
                # Not the company of the session that added them: that is not where they work.
                company="",
                item_id=f"keep-in-touch:{person.key}",
                label=content.say("contacts_due_label", name=person.name, value=every),
                due=person.next_due,
                action=f"rebound contacts log {shlex.quote(person.name)}",
            )
        )
    return sorted(out, key=lambda t: (t.due or date.max, t.label.casefold()))

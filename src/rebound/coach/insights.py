"""Across sessions: what is due, who to reach out to, and how the search is going. No I/O here.

Every function takes the content, the sessions and `today`, so that tests pin the date. Dates of
ticks and answers are stored in UTC; they are compared as local calendar days, as a person would.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from rebound import clock
from rebound.coach import progress
from rebound.names import fold
from rebound.pack.context import context, entry_number
from rebound.pack.models import Content
from rebound.storage.records import BragList, Item, OpenList, Session

UPCOMING_DAYS = 14
CONTACT_WEEKS = 3
WEEK = 7
MAX_MONTHS = 120  # the widest span of months `stats` draws with the empty ones between

# The prompts these views read. They are part of the built-in content; content of one's own that
# renames them simply shows less here (no contacts, no areas...), never an error.
CONTACTS = "contacts"
FIXES = "fixes"
FIX_TEXT = "what"  # the field of a fixes entry saying what the fix is
AREAS = "areas"
AREAS_OTHER = "areas_other"
REASONS = "reasons"
OTHER = "other"
WEEKLY_TARGET = "weekly_target"
ACCOMPLISHMENTS = "accomplishments"
CALL_DATE = "call_date"


def local_day(moment: datetime) -> date:
    """The calendar day of a stored moment, where the person is (naive moments taken as local);
    never raises, even at the ends of time (see `clock.local_day`)."""
    return clock.local_day(moment)


def company(session: Session) -> str:
    """The company of a session, or its id before the company is known."""
    return session.text("company").strip() or session.id


def heard_on(session: Session) -> date:
    """The day the news came: the call date given, else the day the session began."""
    try:
        return date.fromisoformat(session.text(CALL_DATE))
    except ValueError:
        return local_day(session.created_at)


def names(sessions: Iterable[Session]) -> dict[str, str]:
    """How each session is named beside its items: its company, and where two sessions share
    one (case and spaces aside), its role and the day the news came too, so that they differ:
    'Globex · Data Engineer (2026-11-25)'."""
    found = list(sessions)
    seen: dict[str, int] = {}
    for session in found:
        key = person_key(company(session))
        seen[key] = seen.get(key, 0) + 1
    out = {}
    for session in found:
        name = company(session)
        if seen[person_key(name)] > 1:
            role = " ".join(session.text("role").split())
            name = f"{name} · {role}" if role else name
            name = f"{name} ({heard_on(session).isoformat()})"
        out[session.id] = name
    return out


def _oldest_first(sessions: Iterable[Session]) -> list[Session]:
    # By timestamp: a hand-edited file may hold a moment without a time zone.
    return sorted(sessions, key=lambda s: (clock.instant(s.created_at), s.id))


def _entries(session: Session, prompt_id: str) -> list[Item]:
    """The entries of a list answer, or those typed so far while it is still being answered."""
    value = session.answers.get(prompt_id)
    if isinstance(value, list):
        return [e for e in value if isinstance(e, dict)]
    return list(session.open_lists.get(prompt_id, OpenList()).items)


def _each_item_id(content: Content, prompt_id: str) -> str | None:
    """The id of the checklist item made for each entry of a list prompt (e.g. 'contact')."""
    for step in content.steps:
        for item in step.checklist:
            if item.each == prompt_id:
                return item.id
    return None


def _entry_number(entry_id: str, item_id: str | None) -> int | None:
    """N for a checklist id `ITEM-N` of this each-item (N: the entry's number), else None."""
    if item_id is None or not entry_id.startswith(f"{item_id}-"):
        return None
    number = entry_id[len(item_id) + 1 :]
    return int(number) if number.isdigit() else None


# --- rebound todo ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Todo:
    """One open checklist item of one session."""

    session_id: str
    company: str
    item_id: str
    label: str
    due: date | None
    action: str | None = None  # the command that does it, when it is not a tick
    opens: bool = False  # `due` is the day something becomes possible, not a deadline
    next: str | None = None  # what to do, said as a thing to do ("Send your thank-you ...")

    @property
    def command(self) -> str:
        """The command that ticks this item off (or, for a contact, logs the touch)."""
        if self.action is not None:
            return self.action
        return f"rebound done {shlex.quote(self.item_id)} --session {shlex.quote(self.session_id)}"


@dataclass(frozen=True)
class Agenda:
    """Open items of every session, by when they are due."""

    today: date
    until: date | None  # the last day shown as upcoming; None when everything is shown
    overdue: list[Todo] = field(default_factory=list)
    due_today: list[Todo] = field(default_factory=list)
    upcoming: list[Todo] = field(default_factory=list)
    anytime: list[Todo] = field(default_factory=list)
    later: list[Todo] = field(default_factory=list)  # due after `until`: counted, not shown

    @property
    def empty(self) -> bool:
        """Whether nothing at all is open (not even later)."""
        return not (self.overdue or self.due_today or self.upcoming or self.anytime or self.later)


def agenda(
    content: Content,
    sessions: Iterable[Session],
    today: date | None = None,
    days: int | None = UPCOMING_DAYS,
) -> Agenda:
    """Every open item across sessions, grouped Overdue / Today / Upcoming / Anytime.

    Args:
        content: the coaching content the sessions were made with.
        sessions: the sessions, in any order.
        today: the day to measure against (default: today).
        days: how many days ahead count as upcoming; None for every later item.
    """
    day = today or clock.today()
    until = None if days is None else clock.shift(day, days)  # None past date.max: no end
    out = Agenda(today=day, until=until)
    dated: list[tuple[date, int, Todo]] = []
    ordered = _oldest_first(sessions)
    called = names(ordered)
    for session in ordered:
        name = called[session.id]
        for entry in progress.checklist(content, session):
            if entry.done or entry.info:
                continue
            if entry.opens and entry.due is not None and entry.due < day:
                continue  # open since: a possibility now, nothing to do
            todo = Todo(
                session.id,
                name,
                entry.id,
                entry.label,
                entry.due,
                opens=entry.opens,
                next=entry.next,
            )
            if entry.due is None:
                out.anytime.append(todo)
            else:
                dated.append((entry.due, len(dated), todo))
    # Sessions come oldest first, so equal dates keep session order, then checklist order.
    for due, _, todo in sorted(dated, key=lambda t: t[:2]):
        if due < day:
            out.overdue.append(todo)
        elif due == day:
            out.due_today.append(todo)
        elif until is None or due <= until:
            out.upcoming.append(todo)
        else:
            out.later.append(todo)
    return out


# --- rebound contacts -----------------------------------------------------------------------


def person_key(name: str) -> str:
    """Names that differ only in case, spaces or accents are one person ('Priya  patel' =
    'PriyaPatel', 'tomas ferreira' = 'Tomás Ferreira')."""
    return fold(name)


@dataclass(frozen=True)
class Source:
    """A session a contact came from."""

    session_id: str
    company: str
    heard_on: date


@dataclass(frozen=True)
class Contact:
    """One person to re-engage, merged across the sessions that name them."""

    name: str
    relations: tuple[str, ...]
    channels: tuple[str, ...]
    sources: tuple[Source, ...]
    added: date  # the first day they were put on a list
    last_contacted: date | None
    days_quiet: int  # days since last contacted, or since added when never contacted
    flagged: bool  # quiet for the given number of weeks or more
    emails: tuple[str, ...] = ()  # their addresses, as typed for an email contact

    @property
    def weeks_quiet(self) -> int:
        """Whole weeks since last contacted (or since added)."""
        return self.days_quiet // WEEK


@dataclass
class _Person:
    name: str = ""
    relations: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    added: date = date.max
    last: date | None = None


def _add_unique(values: list[str], value: object) -> None:
    text = "" if value is None else str(value).strip()
    if text and text.casefold() not in (v.casefold() for v in values):
        values.append(text)


def contacts(
    content: Content,
    sessions: Iterable[Session],
    today: date | None = None,
    weeks: int = CONTACT_WEEKS,
) -> list[Contact]:
    """The people to re-engage across sessions, flagged ones (quiet `weeks` or more) first.

    A person's last-contacted day is the latest tick of their contact items in any session.
    """
    day = today or clock.today()
    item_id = _each_item_id(content, CONTACTS)
    people: dict[str, _Person] = {}
    for session in _oldest_first(sessions):
        raw = _entries(session, CONTACTS)
        shown = context(content, session).get(CONTACTS)
        labelled = shown if isinstance(shown, list) else raw
        added = local_day(session.answered_at.get(CONTACTS, session.created_at))
        for n, (entry, labels) in enumerate(zip(raw, labelled, strict=False), start=1):
            name = str(entry.get("name") or "").strip()
            key = person_key(name)
            if not key:
                continue
            person = people.setdefault(key, _Person())
            source = Source(session.id, company(session), heard_on(session))
            if source not in person.sources:  # the spelling of the latest session wins
                person.sources.append(source)
                person.name = " ".join(name.split())
            if isinstance(labels, dict):
                _add_unique(person.relations, labels.get("relation"))
                _add_unique(person.channels, labels.get("channel"))
            _add_unique(person.emails, entry.get("email"))
            person.added = min(person.added, added)
            number = entry_number(entry, n)  # ticks follow the entry, not its place
            ticked = session.ticked.get(f"{item_id}-{number}") if item_id else None
            if ticked is not None:
                when = local_day(ticked)
                person.last = when if person.last is None else max(person.last, when)
    out = []
    for person in people.values():
        quiet = max(0, (day - (person.last or person.added)).days)
        out.append(
            Contact(
                name=person.name,
                relations=tuple(person.relations),
                channels=tuple(person.channels),
                sources=tuple(person.sources),
                added=person.added,
                last_contacted=person.last,
                days_quiet=quiet,
                flagged=quiet >= weeks * WEEK,
                emails=tuple(person.emails),
            )
        )
    return sorted(out, key=lambda c: (not c.flagged, -c.days_quiet, c.name.casefold()))


# --- rebound stats --------------------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    """How the search is going, across every session."""

    sessions: int
    per_month: list[tuple[date, int]]  # the first day of each month, first to last, gaps as 0
    steps_done: int
    steps_total: int
    fixes_done: int
    fixes_total: int
    fixes_overdue: int
    areas: list[tuple[str, int]]  # most frequent first
    conversations: int  # people reached in the last 7 days, today included
    weekly_target: int | None  # from the session that set it most recently
    accomplishments: int


def _months(days: Iterable[date]) -> list[tuple[date, int]]:
    counts: dict[date, int] = {}
    for d in days:
        first = d.replace(day=1)
        counts[first] = counts.get(first, 0) + 1
    if not counts:
        return []
    first, last = min(counts), max(counts)
    if (last.year - first.year) * 12 + last.month - first.month >= MAX_MONTHS:
        # A date far off (a typo, or a hand-edited 0001-01-01) would make thousands of empty
        # rows: show only the months that have any.
        return sorted(counts.items())
    out = []
    month: date | None = first
    while month is not None and month <= last:
        out.append((month, counts.get(month, 0)))
        month = clock.next_month(month)
    return out


def _area_labels(content: Content) -> dict[str, str]:
    for prompt in content.prompts():
        if prompt.id == AREAS:
            return {c.value: c.label for c in prompt.choices}
    return {}


def _areas(content: Content, sessions: Sequence[Session]) -> list[tuple[str, int]]:
    labels = _area_labels(content)
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for session in sessions:
        chosen = session.answers.get(AREAS)
        if not isinstance(chosen, list):
            continue
        for value in dict.fromkeys(str(v) for v in chosen):
            label = labels.get(value, value)
            key = f"={value}"
            if value == OTHER:
                text = " ".join(session.text(AREAS_OTHER).split())
                if text:
                    key, label = f"{OTHER}={text.casefold()}", f"{label}: {text}"
            counts[key] = counts.get(key, 0) + 1
            shown.setdefault(key, label)
    ranked = sorted(counts, key=lambda k: (-counts[k], shown[k].casefold()))
    return [(shown[k], counts[k]) for k in ranked]


def stats(
    content: Content,
    sessions: Iterable[Session],
    today: date | None = None,
    brag: BragList | None = None,
) -> Stats:
    """Counts across sessions: rejections per month, steps, fixes, areas, this week's reach.

    The accomplishments are what `brag` (the brag list) holds, wins added by hand included and
    wins taken off left out; without it, the sessions' entries are counted.
    """
    day = today or clock.today()
    ordered = _oldest_first(sessions)
    fix_item = _each_item_id(content, FIXES)
    contact_item = _each_item_id(content, CONTACTS)
    week_start = clock.shift(day, 1 - WEEK) or date.min
    steps_done = fixes_done = fixes_total = fixes_overdue = 0
    reached: set[str] = set()
    for session in ordered:
        steps_done += progress.steps_done(content, session)
        contacts = enumerate(_entries(session, CONTACTS), start=1)
        names = {entry_number(e, n): str(e.get("name") or "") for n, e in contacts}
        for entry in progress.checklist(content, session):
            if _entry_number(entry.id, fix_item) is not None:
                fixes_total += 1
                fixes_done += entry.done
                fixes_overdue += not entry.done and entry.due is not None and entry.due < day
                continue
            n = _entry_number(entry.id, contact_item)
            if n is None or entry.ticked_at is None:
                continue
            if week_start <= local_day(entry.ticked_at) <= day:
                name = names.get(n, "")
                # One person ticked in two sessions is one conversation, not two.
                reached.add(person_key(name) or f"{session.id}#{entry.id}")
    target: tuple[float, int] | None = None
    for session in ordered:
        value = session.answers.get(WEEKLY_TARGET)
        if isinstance(value, int) and not isinstance(value, bool):
            when = clock.instant(session.answered_at.get(WEEKLY_TARGET, session.created_at))
            if target is None or when >= target[0]:
                target = (when, value)
    return Stats(
        sessions=len(ordered),
        per_month=_months(heard_on(s) for s in ordered),
        steps_done=steps_done,
        steps_total=len(content.steps) * len(ordered),
        fixes_done=fixes_done,
        fixes_total=fixes_total,
        fixes_overdue=fixes_overdue,
        areas=_areas(content, ordered),
        conversations=len(reached),
        weekly_target=target[1] if target else None,
        accomplishments=(
            len(brag.items)
            if brag is not None
            else sum(len(_entries(s, ACCOMPLISHMENTS)) for s in ordered)
        ),
    )


# --- more dated items in `rebound todo` (keeping in touch: rebound.coach.contacts.due) ------------


def with_todos(agenda: Agenda, extra: Iterable[Todo]) -> Agenda:
    """The agenda with more dated items slotted into its groups by their dates."""
    groups = {
        "overdue": list(agenda.overdue),
        "due_today": list(agenda.due_today),
        "upcoming": list(agenda.upcoming),
        "later": list(agenda.later),
    }
    anytime = list(agenda.anytime)
    for todo in extra:
        if todo.due is None:
            anytime.append(todo)
        elif todo.due < agenda.today:
            groups["overdue"].append(todo)
        elif todo.due == agenda.today:
            groups["due_today"].append(todo)
        elif agenda.until is None or todo.due <= agenda.until:
            groups["upcoming"].append(todo)
        else:
            groups["later"].append(todo)
    # Stable: items of the same day keep the order they had (sessions first, then the extra).
    ordered = {k: sorted(v, key=lambda t: t.due or date.max) for k, v in groups.items()}
    return Agenda(today=agenda.today, until=agenda.until, anytime=anytime, **ordered)

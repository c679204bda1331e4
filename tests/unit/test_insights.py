"""Across sessions, on the real content: the agenda, merged contacts and flags, the stats."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from rebound.coach import insights, progress
from rebound.pack import packs
from rebound.pack.models import Content
from rebound.storage.records import AnswerValue, Item, Session

TODAY = date(2026, 11, 25)


def at(day: date, hour: int = 12) -> datetime:
    """A moment on `day`, at `hour` local time: on that calendar day in every time zone."""
    return datetime.combine(day, time(hour)).astimezone()


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


ANSWERS: dict[str, AnswerValue] = {
    "company": "Initech",
    "role": "Analyst",
    "internal": False,
    "stage": "interviews",
    "messenger_name": "Bill Lumbergh",
    "messenger_channel": "email",
    "messenger_email": None,
    "call_date": None,  # filled in by build()
    "your_name": "Alex Doe",
    "thanked_on_call": False,
    "thank_detail": None,
    "door": "none",
    "reasons_heard": "not_yet",
    "feedback_in_thanks": "separate",
    "feedback_asked": "will_email",
    "reasons": None,
    "areas": ["technical_depth", "communication"],
    "areas_other": None,
    "weakness": "I rush the system design round",
    "went_well": "The take-home task",
    "move_on_date": None,  # filled in by build()
    "rehearsed": False,
    "looking_for": "an analytics role",
    "known_for": "clear dashboards",
    "weekly_target": 2,
}

LISTS: dict[str, list[Item]] = {
    "fixes": [{"what": "Practise system design", "due": None}],
    "accomplishments": [{"title": "Built the sales dashboard", "story": False, "number": None}],
    "contacts": [{"name": "Sam Lee", "relation": "former_manager", "channel": "linkedin"}],
    "events": [],
}


def build(
    c: Content,
    session_id: str,
    day: date,
    answers: dict[str, AnswerValue] | None = None,
    lists: dict[str, list[Item]] | None = None,
    stop_at: str | None = None,
) -> Session:
    """A session answered, question by question, through the coach itself.

    Every answer is given at noon on `day`; `stop_at` leaves the session unfinished there.
    """
    values: dict[str, Any] = {
        **ANSWERS,
        "call_date": day.isoformat(),
        "move_on_date": (day + timedelta(days=3)).isoformat(),
        **(answers or {}),
    }
    entries = {**LISTS, **(lists or {})}
    moment = at(day)
    session = Session(id=session_id, created_at=moment, updated_at=moment)
    while (pos := progress.next_position(c, session)) is not None:
        if pos.prompt.id == stop_at:
            break
        value: AnswerValue
        if pos.prompt.kind != "list":
            value = values[pos.prompt.id]
        elif pos.more:
            value = pos.entry <= len(entries[pos.prompt.id])
        else:
            assert pos.field is not None
            wanted = entries[pos.prompt.id][pos.entry - 1]
            value = wanted.get(pos.field.id, False if pos.field.kind == "confirm" else None)
        progress.apply(c, session, pos, value, moment)
    return session


@pytest.fixture(scope="module")
def loaded() -> Content:
    return packs.load()


def ids(todos: list[insights.Todo]) -> list[str]:
    return [f"{t.session_id}:{t.item_id}" for t in todos]


# --- todo -----------------------------------------------------------------------------------


def test_agenda_groups_by_date(loaded: Content) -> None:
    s = build(
        loaded,
        "s1",
        ago(10),
        lists={
            "fixes": [
                {"what": "Yesterday's fix", "due": ago(1).isoformat()},
                {"what": "Today's fix", "due": TODAY.isoformat()},
                {"what": "Soon", "due": (TODAY + timedelta(days=14)).isoformat()},
                {"what": "Much later", "due": (TODAY + timedelta(days=15)).isoformat()},
                {"what": "Some day", "due": None},
            ],
        },
    )
    a = insights.agenda(loaded, [s], today=TODAY)
    assert [t.label for t in a.overdue if t.item_id.startswith("fix-")] == ["Fix: Yesterday's fix"]
    assert ids(a.due_today) == ["s1:fix-2"]
    assert "s1:fix-3" in ids(a.upcoming)  # the 14th day still counts
    # Later: the fix, and the company's check-ins at one, three and six months (issue 11).
    assert ids(a.later) == [
        "s1:fix-4",
        "s1:keep-in-mind",
        "s1:openings-3m",
        "s1:openings-6m",
        "s1:reapply-from",
    ]
    assert ids(a.anytime) == ["s1:feedback-received", "s1:fix-5", "s1:rehearsed"]
    assert a.until == TODAY + timedelta(days=14)
    assert not a.empty

    everything = insights.agenda(loaded, [s], today=TODAY, days=None)
    assert everything.until is None
    assert everything.later == []
    assert ids(everything.upcoming)[-5:] == ids(a.later)


def test_agenda_items_with_due_after_dates(loaded: Content) -> None:
    s = build(loaded, "s1", ago(10))
    s.answered_at["thank_detail"] = at(ago(4))
    s.answered_at["feedback_asked"] = at(ago(1))
    s.answered_at["contacts"] = at(ago(3))
    s.answered_at["known_for"] = at(ago(2))
    a = insights.agenda(loaded, [s], today=TODAY)
    due = {t.item_id: t.due for t in [*a.overdue, *a.due_today, *a.upcoming]}
    assert due == {
        "thank-you-sent": ago(4),  # the day of the thank-you step
        "move-on": ago(7),
        "feedback-asked": TODAY + timedelta(days=1),  # two days after choosing to email
        "feedback-followup": TODAY + timedelta(days=6),  # a week after
        "contact-1": TODAY + timedelta(days=4),  # a week after making the list
        "post-published": TODAY,
    }
    assert ids(a.overdue) == ["s1:move-on", "s1:thank-you-sent"]  # oldest first
    assert ids(a.due_today) == ["s1:post-published"]


def test_agenda_leaves_out_done_and_info_items(loaded: Content) -> None:
    s = build(
        loaded,
        "s1",
        ago(2),
        answers={"feedback_asked": "on_call", "reasons": "More Spark", "rehearsed": True},
    )
    s.ticked["thank-you-sent"] = at(ago(1))
    everything = insights.agenda(loaded, [s], today=TODAY, days=None)
    listed = {t.item_id for t in [*everything.overdue, *everything.due_today, *everything.upcoming]}
    listed |= {t.item_id for t in everything.anytime}
    door = {"keep-in-mind", "openings-3m", "openings-6m", "reapply-from"}
    assert listed == {"move-on", "fix-1", "contact-1", "post-published", *door}


def test_a_day_that_opens_something_is_never_overdue(loaded: Content) -> None:
    """Issue 22, item 3: "You may apply to Initech again" is a day from which, not a task late
    by 25 days: on its day it is today's, after it no longer a thing to do."""
    from rebound.system import due_index

    def reapply(s: Session, today: date) -> list[str]:
        a = insights.agenda(loaded, [s], today=today, days=None)
        return [
            g
            for g, items in (
                ("overdue", a.overdue),
                ("today", a.due_today),
                ("upcoming", a.upcoming),
            )
            for t in items
            if t.item_id == "reapply-from"
        ]

    s = build(loaded, "s1", ago(182))
    (entry,) = [e for e in progress.checklist(loaded, s) if e.id == "reapply-from"]
    assert (entry.due, entry.opens) == (TODAY, True)
    assert reapply(s, TODAY - timedelta(days=1)) == ["upcoming"]
    assert reapply(s, TODAY) == ["today"]
    assert reapply(s, TODAY + timedelta(days=25)) == []
    index = {"sessions": {"s1": {"items": due_index.items(loaded, s)}}}
    later = (TODAY + timedelta(days=25)).isoformat()
    assert due_index.counts(index, TODAY.isoformat())[0] == 1
    late = [i for i in index["sessions"]["s1"]["items"] if i["due"] < later]
    assert due_index.counts(index, later) == (0, len(late) - 1)  # all but the open door


def test_two_sessions_with_one_company_are_told_apart(loaded: Content) -> None:
    """Issue 22, item 4: items of two sessions with Initech were all labelled "Initech"."""
    first = build(loaded, "2026-06-01-initech", ago(177))
    again = build(loaded, "2026-11-23-initech", ago(2), answers={"role": "Data Lead"})
    other = build(loaded, "2026-11-24-globex", ago(1), answers={"company": "Globex"})
    a = insights.agenda(loaded, [first, again, other], today=TODAY, days=None)
    by_session = {t.session_id: t.company for t in [*a.overdue, *a.due_today, *a.upcoming]}
    assert by_session == {
        first.id: f"Initech · Analyst ({ago(177).isoformat()})",
        again.id: f"Initech · Data Lead ({ago(2).isoformat()})",
        other.id: "Globex",  # alone: its name is enough
    }


def test_agenda_across_sessions_by_date_then_session(loaded: Content) -> None:
    old = build(loaded, "2026-10-01-initech", ago(55))
    new = build(loaded, "2026-11-23-globex", ago(2), answers={"company": "Globex"})
    a = insights.agenda(loaded, [new, old], today=TODAY)
    assert [t.company for t in a.overdue][:1] == ["Initech"]
    assert {t.company for t in a.upcoming} == {"Globex"}
    assert [t.due for t in a.overdue] == sorted(t.due for t in a.overdue)
    first = a.overdue[0]
    assert first.command == f"rebound done {first.item_id} --session 2026-10-01-initech"


def test_agenda_when_all_is_done(loaded: Content) -> None:
    s = build(loaded, "s1", ago(2), answers={"rehearsed": True})
    for entry in progress.checklist(loaded, s):
        if not entry.info:
            progress.tick(loaded, s, entry.id, at(TODAY))
    assert insights.agenda(loaded, [s], today=TODAY).empty
    assert insights.agenda(loaded, [], today=TODAY).empty


def test_an_unfinished_session_lists_what_it_has(loaded: Content) -> None:
    s = build(loaded, "s1", ago(2), stop_at="move_on_date")
    a = insights.agenda(loaded, [s], today=TODAY, days=None)
    listed = {t.item_id for t in [*a.overdue, *a.due_today, *a.upcoming, *a.anytime]}
    assert "fix-1" in listed  # entries count at once
    assert "move-on" not in listed  # the step is not done yet
    assert "contact-1" not in listed


def test_command_is_quoted_for_the_shell() -> None:
    odd = insights.Todo("my session", "X", "fix-1", "Fix", None)
    assert odd.command == "rebound done fix-1 --session 'my session'"


# --- contacts -------------------------------------------------------------------------------


def test_contacts_merge_by_name(loaded: Content) -> None:
    a = build(
        loaded,
        "a",
        ago(40),
        answers={"company": "Initech"},
        lists={
            "contacts": [
                {"name": "Priya Patel", "relation": "head_hunter", "channel": "email"},
                {"name": "Sam Lee", "relation": "former_manager", "channel": "linkedin"},
            ]
        },
    )
    b = build(
        loaded,
        "b",
        ago(5),
        answers={"company": "Globex"},
        lists={
            "contacts": [
                {"name": "  priya   PATEL ", "relation": "friend", "channel": "email"},
                {"name": "PriyaPatel", "relation": "head_hunter", "channel": "coffee"},
            ]
        },
    )
    a.ticked["contact-1"] = at(ago(30))
    b.ticked["contact-1"] = at(ago(12))
    b.ticked["contact-2"] = at(ago(20))
    people = insights.contacts(loaded, [b, a], today=TODAY)
    assert [p.name for p in people] == ["Sam Lee", "priya PATEL"]
    priya = people[1]
    assert priya.relations == ("Head hunter or recruiter", "Friend")
    assert priya.channels == ("Email", "Coffee or lunch")
    assert priya.sources == (
        insights.Source("a", "Initech", ago(40)),
        insights.Source("b", "Globex", ago(5)),
    )
    assert priya.added == ago(40)
    assert priya.last_contacted == ago(12)  # the latest tick of any of her items
    assert (priya.days_quiet, priya.flagged) == (12, False)
    sam = people[0]
    assert sam.last_contacted is None
    assert (sam.days_quiet, sam.weeks_quiet, sam.flagged) == (40, 5, True)


def test_contact_flags_and_order(loaded: Content) -> None:
    people_lists: list[Item] = [
        {"name": "Recent", "relation": "friend", "channel": "phone"},
        {"name": "Long ago", "relation": "friend", "channel": "phone"},
        {"name": "Never", "relation": "friend", "channel": "phone"},
        {"name": "Exactly three weeks", "relation": "friend", "channel": "phone"},
    ]
    s = build(loaded, "s", ago(30), lists={"contacts": people_lists})
    s.ticked["contact-1"] = at(ago(6))
    s.ticked["contact-2"] = at(ago(35))
    s.ticked["contact-4"] = at(ago(21))
    people = insights.contacts(loaded, [s], today=TODAY)
    assert [(p.name, p.flagged, p.days_quiet) for p in people] == [
        ("Long ago", True, 35),
        ("Never", True, 30),
        ("Exactly three weeks", True, 21),
        ("Recent", False, 6),
    ]
    relaxed = insights.contacts(loaded, [s], today=TODAY, weeks=5)
    assert [p.name for p in relaxed if p.flagged] == ["Long ago"]


def test_a_contact_keeps_its_tick_when_one_before_it_is_taken_out(loaded: Content) -> None:
    people: list[Item] = [
        {"name": "Priya Patel", "relation": "friend", "channel": "phone"},
        {"name": "Sam Lee", "relation": "friend", "channel": "phone"},
    ]
    s = build(loaded, "s", ago(30), lists={"contacts": people})
    s.ticked["contact-2"] = at(ago(2))  # Sam reached
    contacts = s.answers["contacts"]
    assert isinstance(contacts, list)
    del contacts[0]  # Priya taken out of the list: Sam is first now, still entry e2
    [sam] = insights.contacts(loaded, [s], today=TODAY)
    assert (sam.name, sam.last_contacted) == ("Sam Lee", ago(2))
    figures = insights.stats(loaded, [s], today=TODAY)
    assert figures.conversations == 1


def test_contacts_added_recently_are_not_flagged(loaded: Content) -> None:
    s = build(loaded, "s", ago(3))
    [sam] = insights.contacts(loaded, [s], today=TODAY)
    assert (sam.name, sam.last_contacted, sam.days_quiet, sam.flagged) == (
        "Sam Lee",
        None,
        3,
        False,
    )


def test_contacts_typed_so_far_count(loaded: Content) -> None:
    s = build(loaded, "s", ago(3), stop_at="events")
    assert [p.name for p in insights.contacts(loaded, [s], today=TODAY)] == ["Sam Lee"]
    assert insights.contacts(loaded, [build(loaded, "t", ago(3), stop_at="went_well")]) == []


@pytest.mark.parametrize(
    ("a", "b"), [("Priya Patel", "priya patel"), ("Priya Patel", "PriyaPatel"), ("Ana", " ANA\t")]
)
def test_person_key(a: str, b: str) -> None:
    assert insights.person_key(a) == insights.person_key(b)


# --- stats ----------------------------------------------------------------------------------


def two_sessions(c: Content) -> list[Session]:
    oct_ = build(
        c,
        "2026-09-28-initech",
        date(2026, 9, 28),
        answers={"areas": ["communication", "other"], "areas_other": "Telling  impact stories"},
        lists={
            "fixes": [
                {"what": "Practise design", "due": "2026-10-10"},
                {"what": "Read a book", "due": "2026-12-20"},
            ],
            "contacts": [
                {"name": "Priya Patel", "relation": "head_hunter", "channel": "email"},
                {"name": "Sam Lee", "relation": "friend", "channel": "phone"},
            ],
        },
    )
    oct_.ticked["fix-1"] = at(date(2026, 10, 9))
    oct_.ticked["contact-1"] = at(ago(2))
    oct_.ticked["contact-2"] = at(ago(7))  # eight days including today: last week
    nov = build(
        c,
        "2026-11-20-globex",
        date(2026, 11, 20),
        answers={
            "company": "Globex",
            "areas": ["other", "communication", "technical_depth"],
            "areas_other": "telling impact stories",
            "weekly_target": 4,
        },
        lists={
            "fixes": [{"what": "Spark joins", "due": ago(1).isoformat()}],
            "accomplishments": [
                {"title": "One", "story": False},
                {"title": "Two", "story": False},
            ],
            "contacts": [{"name": "priya patel", "relation": "head_hunter", "channel": "email"}],
        },
    )
    nov.ticked["contact-1"] = at(TODAY)
    return [nov, oct_]


def test_stats_numbers(loaded: Content) -> None:
    s = insights.stats(loaded, two_sessions(loaded), today=TODAY)
    assert s.sessions == 2
    assert s.per_month == [
        (date(2026, 9, 1), 1),
        (date(2026, 10, 1), 0),  # a month without a rejection is shown too
        (date(2026, 11, 1), 1),
    ]
    assert (s.steps_done, s.steps_total) == (10, 10)
    assert (s.fixes_done, s.fixes_total, s.fixes_overdue) == (1, 3, 1)
    assert s.areas == [
        ("Communication", 2),
        ("Something else: Telling impact stories", 2),  # same words, case and spaces aside
        ("Technical depth", 1),
    ]
    assert s.conversations == 1  # Priya, ticked in both sessions, is one conversation
    assert s.weekly_target == 4  # from the latest session
    assert s.accomplishments == 3


def test_stats_with_an_unfinished_session(loaded: Content) -> None:
    s = build(loaded, "s", ago(1), stop_at="fixes")
    figures = insights.stats(loaded, [s], today=TODAY)
    assert (figures.steps_done, figures.steps_total) == (2, 5)
    assert (figures.fixes_total, figures.weekly_target, figures.accomplishments) == (0, None, 0)
    assert figures.per_month == [(date(2026, 11, 1), 1)]


def test_stats_month_falls_back_to_the_start_day(loaded: Content) -> None:
    s = build(loaded, "s", date(2026, 3, 31), stop_at="call_date")
    assert insights.heard_on(s) == date(2026, 3, 31)
    assert insights.stats(loaded, [s], today=TODAY).per_month == [(date(2026, 3, 1), 1)]


def test_stats_of_nothing(loaded: Content) -> None:
    s = insights.stats(loaded, [], today=TODAY)
    assert (s.sessions, s.per_month, s.steps_total, s.areas, s.weekly_target) == (
        0,
        [],
        0,
        [],
        None,
    )


def test_months_across_a_year_end() -> None:
    days = [date(2025, 11, 30), date(2026, 2, 1), date(2026, 2, 27)]
    assert insights._months(days) == [
        (date(2025, 11, 1), 1),
        (date(2025, 12, 1), 0),
        (date(2026, 1, 1), 0),
        (date(2026, 2, 1), 2),
    ]


def test_moments_without_a_time_zone_mix_with_the_rest(loaded: Content) -> None:
    aware = build(loaded, "a", ago(3))
    naive = build(loaded, "n", ago(2), answers={"company": "Naive"})
    naive.created_at = naive.created_at.replace(tzinfo=None)
    naive.answered_at = {k: v.replace(tzinfo=None) for k, v in naive.answered_at.items()}
    naive.ticked["contact-1"] = datetime.combine(ago(1), time(12))
    assert insights.stats(loaded, [aware, naive], today=TODAY).conversations == 1
    anytime = insights.agenda(loaded, [naive, aware], today=TODAY).anytime
    assert list(dict.fromkeys(t.session_id for t in anytime)) == ["a", "n"]  # oldest first
    assert insights.contacts(loaded, [naive, aware], today=TODAY)[0].last_contacted == ago(1)

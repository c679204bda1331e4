"""Following through, without a terminal: contacts on a cadence, a company seen before, and
patterns in the reasons (issue 11)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from rebound.coach import contacts, earlier_sessions, insights, patterns
from rebound.errors import ContentError
from rebound.pack import packs, reader
from rebound.pack.models import Content
from rebound.storage.records import ContactLog, Session
from tests.conftest import REPO
from tests.unit.test_insights import TODAY, ago, at, build

NOW = datetime(2026, 11, 25, 12).astimezone()  # noon, local time: the 25th in every time zone


@pytest.fixture(scope="module")
def loaded() -> Content:
    return packs.load()


def two_people(c: Content, added: date) -> Session:
    """A session that names a recruiter (4 weeks) and a friend (12 weeks), on `added`."""
    return build(
        c,
        "s1",
        added,
        lists={
            "contacts": [
                {"name": "Priya Patel", "relation": "head_hunter", "channel": "email"},
                {"name": "Sam Lee", "relation": "friend", "channel": "coffee"},
            ]
        },
    )


def by_name(found: list[contacts.Person]) -> dict[str, contacts.Person]:
    return {p.name: p for p in found}


# --- cadence ---------------------------------------------------------------------------------


def test_the_cadence_comes_from_how_you_know_them(loaded: Content) -> None:
    assert loaded.follow_up.keep_in_touch == {
        "head_hunter": 4,
        "former_manager": 6,
        "former_colleague": 8,
        "friend": 12,
    }
    assert contacts.cadence(loaded, ["other"]) == loaded.follow_up.keep_in_touch_default == 8
    # Known in two ways: the more frequent one counts.
    assert contacts.cadence(loaded, ["friend", "head_hunter"]) == 4


def test_gone_quiet_by_each_ones_cadence(loaded: Content) -> None:
    found = by_name(contacts.people(loaded, [two_people(loaded, ago(30))], ContactLog(), TODAY))
    priya, sam = found["Priya Patel"], found["Sam Lee"]
    assert (priya.every_weeks, priya.quiet) == (4, True)  # 30 days: past 4 weeks
    assert (sam.every_weeks, sam.quiet) == (12, False)  # 30 days: well within 12 weeks
    # Never reached yet: the first touch is due when the session's checklist says (issue 22).
    assert sam.next_due == ago(30) + timedelta(days=7)
    assert list(found) == ["Priya Patel", "Sam Lee"]  # the quiet ones first
    # --weeks flags everyone alike, whatever their cadence.
    flat = by_name(contacts.people(loaded, [two_people(loaded, ago(30))], ContactLog(), TODAY, 2))
    assert flat["Sam Lee"].quiet


def test_a_touch_restarts_the_clock_and_keeps_its_outcome(loaded: Content) -> None:
    session = two_people(loaded, ago(40))
    log = ContactLog()
    priya = by_name(contacts.people(loaded, [session], log, TODAY))["Priya Patel"]
    contacts.log_touch(log, priya, ago(20), NOW, outcome="no-answer")
    contacts.log_touch(log, priya, ago(3), NOW, outcome="replied", note="  coffee   next week ")
    after = by_name(contacts.people(loaded, [session], log, TODAY))["Priya Patel"]
    assert [(t.on, t.outcome, t.note) for t in after.touches] == [
        (ago(3), "replied", "coffee next week"),  # newest first
        (ago(20), "no-answer", None),
    ]
    assert (after.days_quiet, after.quiet) == (3, False)
    assert after.next_due == ago(3) + timedelta(weeks=4)
    assert [t.id for t in log.people["priyapatel"].touches] == ["t1", "t2"]


def test_a_tick_is_a_touch_without_outcome_and_counts_once(loaded: Content) -> None:
    session = two_people(loaded, ago(40))
    session.ticked["contact-2"] = at(ago(5))  # Sam, ticked with `rebound done contact-2`
    log = ContactLog()
    sam = by_name(contacts.people(loaded, [session], log, TODAY))["Sam Lee"]
    assert [(t.on, t.outcome, t.company) for t in sam.touches] == [(ago(5), None, "Initech")]
    assert sam.open_items == ()
    # A logged touch that ticked the item is that tick: it is not counted twice.
    contacts.log_touch(log, sam, ago(5), NOW, outcome="met", ticked=["s1#contact-2"])
    again = by_name(contacts.people(loaded, [session], log, TODAY))["Sam Lee"]
    assert [(t.on, t.outcome) for t in again.touches] == [(ago(5), "met")]


def test_a_first_reach_out_has_one_date_the_checklists(loaded: Content) -> None:
    """Issue 22, item 2: `contacts` said "next touch by" a day weeks after the checklist's."""
    from rebound.coach import progress

    session = two_people(loaded, ago(2))
    items = {e.id: e.due for e in progress.checklist(loaded, session)}
    found = by_name(contacts.people(loaded, [session], ContactLog(), TODAY))
    assert found["Priya Patel"].next_due == items["contact-1"] == ago(2) + timedelta(days=7)
    assert found["Sam Lee"].next_due == items["contact-2"]
    # Once reached, their cadence counts from the touch.
    session.ticked["contact-1"] = at(ago(1))
    priya = by_name(contacts.people(loaded, [session], ContactLog(), TODAY))["Priya Patel"]
    assert priya.next_due == ago(1) + timedelta(weeks=4)


def test_an_own_cadence_wins_over_the_relation(loaded: Content) -> None:
    session = two_people(loaded, ago(30))
    log = ContactLog()
    sam = by_name(contacts.people(loaded, [session], log, TODAY))["Sam Lee"]
    contacts.set_cadence(log, sam, 2)
    assert by_name(contacts.people(loaded, [session], log, TODAY))["Sam Lee"].quiet


def test_names_are_found_like_person_key(loaded: Content) -> None:
    found = contacts.people(loaded, [two_people(loaded, ago(3))], ContactLog(), TODAY)
    assert contacts.find(found, "  PRIYA patel ").name == "Priya Patel"
    assert contacts.find(found, "priyapatel").name == "Priya Patel"
    assert contacts.find(found, "sam").name == "Sam Lee"  # the one name that holds it
    with pytest.raises(contacts.UnclearName) as unknown:
        contacts.find(found, "Priya Patil")
    assert (unknown.value.names, unknown.value.ambiguous) == (["Priya Patel"], False)
    with pytest.raises(contacts.UnclearName) as nothing:
        contacts.find(found, "Zoë")
    assert nothing.value.names == []


def test_a_name_is_found_without_its_accents(loaded: Content) -> None:
    """Issue 22, item 18: `contacts log "tomas ferreira"` did not find Tomás Ferreira."""
    session = build(
        loaded,
        "s1",
        ago(3),
        lists={"contacts": [{"name": "Tomás Ferreira", "relation": "friend", "channel": "email"}]},
    )
    log = ContactLog()
    found = contacts.people(loaded, [session], log, TODAY)
    assert contacts.find(found, "tomas ferreira").name == "Tomás Ferreira"
    assert contacts.find(found, "TOMAS").name == "Tomás Ferreira"
    # A log written when accents still counted is found under the name as typed now.
    from rebound.storage.records import KeptContact

    log.people["tomásferreira"] = KeptContact(name="Tomás Ferreira", every_weeks=2)
    (tomas,) = contacts.people(loaded, [session], log, TODAY)
    assert tomas.every_weeks == 2 and list(log.people) == ["tomasferreira"]


def test_two_people_who_fit_a_name_are_ambiguous(loaded: Content) -> None:
    session = build(
        loaded,
        "s1",
        ago(3),
        lists={
            "contacts": [
                {"name": "Sam Lee", "relation": "friend", "channel": "coffee"},
                {"name": "Sam Ortiz", "relation": "friend", "channel": "email"},
            ]
        },
    )
    found = contacts.people(loaded, [session], ContactLog(), TODAY)
    with pytest.raises(contacts.UnclearName) as both:
        contacts.find(found, "sam")
    assert (both.value.names, both.value.ambiguous) == (["Sam Lee", "Sam Ortiz"], True)


def test_due_contacts_for_todo(loaded: Content) -> None:
    session = two_people(loaded, ago(40))
    log = ContactLog()
    # Never reached: the session's own "Reach out to ..." items are what todo shows.
    assert contacts.due(loaded, [session], log, TODAY) == []
    session.ticked["contact-1"] = at(ago(30))
    due = contacts.due(loaded, [session], log, TODAY)
    assert [(t.label, t.due, t.command) for t in due] == [
        (
            "Keep in touch with Priya Patel (every 4 weeks)",
            ago(30) + timedelta(weeks=4),
            "rebound contacts log 'Priya Patel'",
        )
    ]
    agenda = insights.with_todos(insights.agenda(loaded, [session], TODAY), due)
    assert due[0] in agenda.overdue  # two days past its four weeks
    # Issue 22, item 4: not labelled with the company of the session that added them (a
    # recruiter works elsewhere).
    assert due[0].company == ""


# --- a company seen before ------------------------------------------------------------------


def test_company_history_of_earlier_sessions(loaded: Content) -> None:
    first = build(
        loaded,
        "2026-05-01-initech",
        date(2026, 5, 1),
        answers={"reasons": "More  SQL needed", "areas": ["communication", "other"]},
        lists={
            "fixes": [
                {"what": "Practise SQL window functions", "due": "2026-06-01"},
                {"what": "Mock interview", "due": None},
            ]
        },
    )
    first.answers["areas_other"] = "storytelling"
    first.ticked["fix-1"] = at(date(2026, 5, 20))
    other = build(loaded, "2026-06-01-acme", date(2026, 6, 1), answers={"company": "Acme"})
    found = earlier_sessions.company_history(loaded, [first, other], "  INITECH", TODAY, skip="new")
    assert found is not None
    assert found.company == "Initech"
    (earlier,) = found.sessions
    assert earlier.session_id == "2026-05-01-initech"
    assert (earlier.heard_on, earlier.role) == (date(2026, 5, 1), "Analyst")
    assert earlier.reasons == "More SQL needed"
    assert earlier.areas == ("Communication", "Something else: storytelling")
    assert earlier.fixes == (
        ("Practise SQL window functions", True),
        ("Mock interview", False),
    )
    assert earlier.reapply == date(2026, 5, 1) + timedelta(days=182)  # from the content
    assert found.may_reapply  # 2026-10-30 is before TODAY (2026-11-25)
    later = earlier_sessions.company_history(loaded, [first], "Initech", date(2026, 7, 1))
    assert later is not None and not later.may_reapply
    assert earlier_sessions.company_history(loaded, [first, other], "Globex", TODAY) is None
    assert (
        earlier_sessions.company_history(loaded, [first], "initech", TODAY, skip=first.id) is None
    )
    # A start stopped right after the company (Ctrl-C, a wrong key) is no history to show.
    stub = build(loaded, "2026-06-02-initech", date(2026, 6, 2), answers={"company": "Initech"})
    stub.answers = {"company": "Initech"}
    again = earlier_sessions.company_history(loaded, [first, stub], "Initech", TODAY)
    assert again is not None and [e.session_id for e in again.sessions] == [first.id]


# --- patterns -------------------------------------------------------------------------------


def sessions_with_areas(c: Content, areas: list[list[str]]) -> list[Session]:
    return [
        build(c, f"s{n}", ago(n), answers={"areas": chosen, "reasons": f"reason {n}"})
        for n, chosen in enumerate(areas, start=1)
    ]


def test_no_pattern_is_named_below_five_sessions(loaded: Content) -> None:
    four = sessions_with_areas(loaded, [["communication"]] * 3 + [["preparation"]])
    found = patterns.patterns(loaded, four)
    assert (found.sessions, found.needed, found.recurring) == (4, 1, [])
    assert found.areas[0] == ("Communication", 3)
    assert [r for _, r in found.reasons] == ["reason 1", "reason 2", "reason 3", "reason 4"]


def test_only_sessions_with_feedback_count_towards_a_pattern(loaded: Content) -> None:
    """Issue 22, item 6: "3 more to go" counted every session, not those with feedback."""
    found = sessions_with_areas(loaded, [["communication"]] * 3)
    for session in found[1:]:
        session.answers["reasons"] = None  # no reasons have come from these two
    counted = patterns.patterns(loaded, found)
    assert (counted.sessions, counted.needed) == (1, 4)
    assert counted.areas == [("Communication", 1)]


def test_a_pattern_from_five_sessions_up(loaded: Content) -> None:
    five = sessions_with_areas(
        loaded, [["communication"]] * 3 + [["preparation"], ["technical_depth"]]
    )
    found = patterns.patterns(loaded, five)
    assert (found.sessions, found.needed) == (5, 0)
    assert found.recurring == [("Communication", 3)]
    scattered = sessions_with_areas(
        loaded,
        [["communication"], ["preparation"], ["technical_depth"], ["culture_fit"], []],
    )
    assert patterns.patterns(loaded, scattered).recurring == []  # nothing came up twice


# --- the content ----------------------------------------------------------------------------


def test_follow_up_content_is_checked(tmp_path: object, content_copy: object) -> None:
    from pathlib import Path

    assert isinstance(content_copy, Path)
    coach = content_copy / "coach.yaml"
    text = coach.read_text(encoding="utf-8")
    coach.write_text(text.replace("reapply: reapply-from", "reapply: nope"), encoding="utf-8")
    with pytest.raises(ContentError, match=r"follow_up\.reapply: 'nope' is not a checklist item"):
        reader.load(content_copy)
    coach.write_text(text.replace("[reasons, areas,", "[reasons, went_well,"), encoding="utf-8")
    with pytest.raises(ContentError, match="prompts of one step only"):
        reader.load(content_copy)
    coach.write_text(text.replace("friend: 12", "friend: 60"), encoding="utf-8")
    with pytest.raises(ContentError, match="between 1 and 52 weeks"):
        reader.load(content_copy)


@pytest.mark.parametrize("lang", ["es"])
def test_translations_follow_up_the_same_way(loaded: Content, lang: str) -> None:
    other = reader.load(REPO / "content" / lang)
    assert other.follow_up == loaded.follow_up  # numbers and ids, not words


# --- the touch log on disk ---------------------------------------------------------------------


def test_the_touch_log_is_saved_privately_and_read_back(rebound_home: object) -> None:
    import json
    import stat

    from rebound.errors import DataError
    from rebound.storage.records import KeptContact, Touch
    from rebound.storage.store import CONTACTS_FILE, Store

    store = Store()
    assert store.load_contacts() == ContactLog()
    log = ContactLog(
        people={
            "priyapatel": KeptContact(
                name="Priya Patel",
                touches=[Touch(id="t1", on=TODAY, outcome="met", logged_at=NOW)],
            )
        }
    )
    store.save_contacts(log)
    assert store.load_contacts() == log
    assert stat.S_IMODE(store.contacts_path.stat().st_mode) == 0o600
    assert CONTACTS_FILE in [p.name for p in store.own_files(personal=True)]
    newer = {**json.loads(store.contacts_path.read_text()), "schema_version": 2}
    store.contacts_path.write_text(json.dumps(newer))
    with pytest.raises(DataError, match="written by a newer rebound"):
        store.load_contacts()
    assert store.contacts_path.exists()  # left as it is, not moved aside

"""iCalendar that stays true: morning alarms, and one calendar of every session whose events
keep their UIDs, grow a SEQUENCE when they change, and are cancelled once ticked."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import icalendar
import pytest

from rebound import export
from rebound.calendar_state import MAX_SEQUENCE
from rebound.coach import progress
from rebound.pack import packs
from rebound.pack.models import Content
from rebound.storage.records import Session
from tests.unit.test_export import SCRIPT, SESSION_ID, START, build


@pytest.fixture(scope="module")
def loaded() -> Content:
    return packs.load()


@pytest.fixture
def sessions(loaded: Content) -> list[Session]:
    first = build(loaded)
    second = build(loaded, {**SCRIPT, "company": "Initech"})
    second.id = "2026-11-25-initech"
    return [first, second]


def events(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    assert isinstance(cal, icalendar.Calendar)
    return {str(e["UID"]): e for e in cal.walk("VEVENT") if isinstance(e, icalendar.Event)}


def alarms(event: icalendar.Event) -> list[icalendar.Alarm]:
    return [c for c in event.subcomponents if isinstance(c, icalendar.Alarm)]


def export_twice(
    loaded: Content, sessions: list[Session], state: dict[str, Any]
) -> tuple[dict[str, icalendar.Event], dict[str, Any]]:
    data, kept = export.all_ics(loaded, sessions, state)
    return events(data), json.loads(json.dumps(kept))  # as calendar.json keeps it


def test_a_ticked_item_reaches_the_calendar_as_done_in_both_exports(
    loaded: Content, sessions: list[Session]
) -> None:
    """Issue 22, item 5: `--all` left out an item ticked before its first export (a calendar
    that had it from the session's own export kept it open), and the session's export kept done
    items as ordinary events. Now both send it cancelled, "Done on ...", and a re-import of
    either moves its SEQUENCE on."""
    session = sessions[0]
    moment = progress.checklist(loaded, session)[0].ticked_at or session.updated_at
    progress.tick(loaded, session, "fix-1", moment)
    key = f"{SESSION_ID}-fix-1@rebound"
    alone, state = export.session_ics(loaded, session, {})
    together, _ = export.all_ics(loaded, sessions, {})
    for data in (alone, together):
        event = events(data)[key]
        assert (str(event["STATUS"]), event.decoded("SEQUENCE")) == ("CANCELLED", 1)
        assert str(event["DESCRIPTION"]).startswith("Done on ")
        assert alarms(event) == []
    # One state for both: unticked, the session's own export moves the event on again, and
    # `--all` then finds it as sent (no change, no bump).
    progress.tick(loaded, session, "fix-1", moment, undo=True)
    again, state = export.session_ics(loaded, session, json.loads(json.dumps(state)))
    assert (str(events(again)[key]["STATUS"]), events(again)[key].decoded("SEQUENCE")) == (
        "CONFIRMED",
        2,
    )
    later, _ = export.all_ics(loaded, sessions, state)
    assert events(later)[key].decoded("SEQUENCE") == 2
    assert any(k.startswith("2026-11-25-initech-") for k in events(later))


def test_a_session_calendar_has_a_morning_alarm_on_open_items(
    loaded: Content, sessions: list[Session]
) -> None:
    found = events(export.to_ics(loaded, sessions[0]))
    for entry in export.dated_items(loaded, sessions[0]):
        event = found[export.uid(sessions[0], entry)]
        if entry.done:
            assert alarms(event) == []  # done already: nothing to remind of
            continue
        [alarm] = alarms(event)
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(hours=9)
        assert alarm["TRIGGER"].params["RELATED"] == "START"
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])


def test_one_calendar_of_every_open_item(loaded: Content, sessions: list[Session]) -> None:
    found, _ = export_twice(loaded, sessions, {})
    wanted = {
        export.uid(s, e)
        for s in sessions
        for e in export.dated_items(loaded, s)
        if not e.done  # never exported before: a ticked item is simply left out
    }
    assert set(found) == wanted
    assert any("initech" in uid for uid in found) and any("globex" in uid for uid in found)
    for event in found.values():
        assert str(event["STATUS"]) == "CONFIRMED"
        assert event.decoded("SEQUENCE") == 0
        assert len(alarms(event)) == 1


def test_uids_and_sequences_are_stable_across_exports(
    loaded: Content, sessions: list[Session]
) -> None:
    first, state = export_twice(loaded, sessions, {})
    second, again = export_twice(loaded, sessions, state)
    assert set(second) == set(first)
    assert {u: e.decoded("SEQUENCE") for u, e in second.items()} == dict.fromkeys(first, 0)
    assert again == state
    assert export.all_ics(loaded, sessions, state)[0] == export.all_ics(loaded, sessions, state)[0]


def test_a_changed_item_gets_a_higher_sequence(loaded: Content, sessions: list[Session]) -> None:
    _, state = export_twice(loaded, sessions, {})
    sessions[0].answers["fixes"] = [{"what": "Practise Spark joins", "due": "2026-12-20"}]
    found, state = export_twice(loaded, sessions, state)
    fix = found[f"{SESSION_ID}-fix-1@rebound"]
    assert fix.decoded("SEQUENCE") == 1
    assert str(fix["DTSTART"].to_ical().decode()) == "20261220"
    assert found["2026-11-25-initech-fix-1@rebound"].decoded("SEQUENCE") == 0  # untouched
    found, _ = export_twice(loaded, sessions, state)
    assert found[f"{SESSION_ID}-fix-1@rebound"].decoded("SEQUENCE") == 1  # no change, no bump


def test_a_ticked_item_is_cancelled_and_stays_so(loaded: Content, sessions: list[Session]) -> None:
    _, state = export_twice(loaded, sessions, {})
    progress.tick(loaded, sessions[0], "fix-1", START + timedelta(days=3))
    found, state = export_twice(loaded, sessions, state)
    fix = found[f"{SESSION_ID}-fix-1@rebound"]
    assert str(fix["STATUS"]) == "CANCELLED"
    assert fix.decoded("SEQUENCE") == 1
    assert alarms(fix) == []
    found, state = export_twice(loaded, sessions, state)
    assert found[f"{SESSION_ID}-fix-1@rebound"].decoded("SEQUENCE") == 1
    progress.tick(loaded, sessions[0], "fix-1", START, undo=True)  # unticked: back, and newer
    found, _ = export_twice(loaded, sessions, state)
    assert str(found[f"{SESSION_ID}-fix-1@rebound"]["STATUS"]) == "CONFIRMED"
    assert found[f"{SESSION_ID}-fix-1@rebound"].decoded("SEQUENCE") == 2


def test_the_events_of_a_deleted_session_are_cancelled(
    loaded: Content, sessions: list[Session]
) -> None:
    _, state = export_twice(loaded, sessions, {})
    found, _ = export_twice(loaded, sessions[:1], state)
    gone = [e for u, e in found.items() if "initech" in u]
    assert gone
    assert all(str(e["STATUS"]) == "CANCELLED" and e.decoded("SEQUENCE") == 1 for e in gone)


def test_a_broken_state_starts_afresh(loaded: Content, sessions: list[Session]) -> None:
    for state in (
        {"events": []},
        {"events": {"x@rebound": "nonsense"}},
        {"events": {"y": {}}},
        {"events": {"z": {"sequence": "x", "hash": 1}}},
    ):
        found, _ = export_twice(loaded, sessions, state)
        assert all(e.decoded("SEQUENCE") == 0 for e in found.values())


def test_a_ticked_event_at_the_highest_sequence_stays_there_in_both_exports(
    loaded: Content, sessions: list[Session]
) -> None:
    """Issue 22, item 5's growing SEQUENCE of a ticked item within issue 19, item 11's ceiling:
    an event sent at the highest SEQUENCE a calendar takes is cancelled at it, never past it."""
    _, state = export_twice(loaded, sessions, {})
    key = f"{SESSION_ID}-fix-1@rebound"
    state["events"][key]["sequence"] = MAX_SEQUENCE
    progress.tick(loaded, sessions[0], "fix-1", sessions[0].updated_at)
    alone, mine = export.session_ics(loaded, sessions[0], state)
    together, kept = export.all_ics(loaded, sessions, state)
    for data, after in ((alone, mine), (together, kept)):
        event = events(data)[key]
        assert (str(event["STATUS"]), event.decoded("SEQUENCE")) == ("CANCELLED", MAX_SEQUENCE)
        assert after["events"][key]["sequence"] == MAX_SEQUENCE


def test_nothing_dated_anywhere(loaded: Content) -> None:
    with pytest.raises(ValueError, match="no session"):
        export.all_ics(loaded, [build(loaded, stop_at="thanked_on_call")], {})

"""`rebound export --all`: one calendar of every session, and what it remembers between runs."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from rebound.pack import packs
from rebound.storage import paths
from rebound.storage.records import Session
from rebound.storage.store import Store
from tests.helpers import Run
from tests.unit.test_export import SCRIPT, build

OTHER_ID = "2026-11-20-initech"


@pytest.fixture
def saved(rebound_home: Path) -> Session:
    """Two finished sessions, saved; the Globex one is returned."""
    loaded = packs.load()
    older = build(loaded, {**SCRIPT, "company": "Initech"})
    older.id = OTHER_ID
    Store().save(older)
    session = build(loaded)
    Store().save(session)
    return session


def statuses(data: bytes) -> dict[str, tuple[str, int]]:
    cal = icalendar.Calendar.from_ical(data)
    assert isinstance(cal, icalendar.Calendar)
    return {
        str(e["UID"]): (str(e["STATUS"]), int(e.decoded("SEQUENCE"))) for e in cal.walk("VEVENT")
    }


def test_export_all_to_a_file_then_again_after_a_tick(
    run: Run,
    saved: Session,
    tmp_path: Path,
    rebound_home: Path,
) -> None:
    target = tmp_path / "rebound.ics"
    result = run(["export", "--all", "-o", str(target)])
    assert result.exit_code == 0, result.output
    first = statuses(target.read_bytes())
    assert any(OTHER_ID in u for u in first) and any(saved.id in u for u in first)
    assert "Importing it again updates the same events." in result.stderr
    state = json.loads((rebound_home / paths.CALENDAR_STATE).read_text())
    assert set(state["events"]) == set(first)

    open_item = next(u for u, (s, _) in first.items() if saved.id in u and s == "CONFIRMED")
    item_id = open_item[len(saved.id) + 1 : -len("@rebound")]
    assert run(["done", item_id, "--session", saved.id]).exit_code == 0
    again = run(["export", "--all", "--format", "ics"])  # to the screen
    assert again.exit_code == 0, again.output
    second = statuses(again.stdout_bytes)
    assert second[open_item] == ("CANCELLED", 1)
    assert {u: v for u, v in second.items() if u != open_item} == {
        u: v for u, v in first.items() if u != open_item
    }


def test_export_all_refuses_what_it_cannot_do(run: Run, saved: Session) -> None:
    for args, words in (
        (["export", "--all", saved.id], "takes no session id"),
        (["export", "--all", "--format", "markdown"], "--format ics"),
    ):
        result = run(args)
        assert result.exit_code == 2, result.output
        assert words in result.stderr and "Nothing was written" in result.stderr


def test_export_all_with_nothing_dated(run: Run) -> None:
    result = run(["export", "--all"])
    assert result.exit_code == 2
    assert "nothing to put in a calendar" in result.stderr


def test_a_session_export_then_all_after_a_tick_cancel_the_same_event(
    run: Run, saved: Session, tmp_path: Path, rebound_home: Path
) -> None:
    """Issue 22, item 5: ticked after the session's own export, the item was left out of
    `--all` (never sent by it), so a calendar that had it kept it open."""
    alone = tmp_path / "globex.ics"
    assert run(["export", saved.id, "-o", str(alone)]).exit_code == 0
    key = f"{saved.id}-fix-1@rebound"
    assert statuses(alone.read_bytes())[key] == ("CONFIRMED", 0)
    assert run(["done", "fix-1", "--session", saved.id]).exit_code == 0
    together = run(["export", "--all", "--format", "ics"])
    assert together.exit_code == 0, together.output
    assert statuses(together.stdout_bytes)[key] == ("CANCELLED", 1)
    again = run(["export", saved.id, "--format", "ics"])
    assert statuses(again.stdout_bytes)[key] == ("CANCELLED", 1)  # sent already: no bump


def test_a_session_export_sets_an_unusable_state_aside_as_all_does(
    run: Run, saved: Session, rebound_home: Path
) -> None:
    """The session's own export shares calendar.json with `--all` (issue 22, item 5), and reads
    it as `--all` does (issue 19, item 11): an event it cannot count from (a SEQUENCE of
    Infinity) is never used; the state is set aside as it was, and named."""
    assert run(["export", "--all", "--format", "ics"]).exit_code == 0
    state_file = rebound_home / paths.CALENDAR_STATE
    state = json.loads(state_file.read_text())
    key = f"{saved.id}-fix-1@rebound"
    state["events"][key]["sequence"] = float("inf")
    raw = json.dumps(state).encode()  # `Infinity`, as a hand edit may leave it
    state_file.write_bytes(raw)
    result = run(["export", saved.id, "--format", "ics"])
    assert result.exit_code == 0, result.output
    assert "What earlier calendar exports sent could not be used" in result.stderr
    [aside] = (rebound_home / "broken").glob("calendar*")
    assert aside.read_bytes() == raw
    assert statuses(result.stdout_bytes)[key] == ("CONFIRMED", 0)
    kept = json.loads(state_file.read_text())["events"]
    assert kept[key]["sequence"] == 0
    assert any(OTHER_ID in uid for uid in kept)  # the other session's events, as they were

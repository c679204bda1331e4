"""The accomplishments step feeds the brag list as you type, and shows what it already holds."""

from __future__ import annotations

import json
from pathlib import Path

from rebound.storage.records import Session
from tests.helpers import ENTER, NIGHTLY, MakeSession, Run
from tests.scenario import GROUPS, NAMES, SESSION_ID, keys


def brag(home: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((home / "brag.json").read_text())
    return data


def step_four(make_session: MakeSession, run: Run, groups: list[tuple[str, str]]) -> str:
    """Steps 1-3 saved from data; `groups` typed from step 4's first question on (`continue`);
    what the walk said."""
    make_session(upto=FOURTH)
    result = run(["continue"], keys(groups))
    assert result.exit_code in (0, 130), result.output
    return str(result.stdout)


FOURTH = "accomplishments.title"  # step 4's first question


def test_the_finished_list_joins_the_brag_list_at_once(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    upto = NAMES.index("rehearsed")  # the list is done; stop at the next question
    step_four(make_session, run, GROUPS[NAMES.index(FOURTH) : upto])
    items = brag(rebound_home)["items"]
    assert isinstance(items, list)
    assert [(i["title"], i["source"]) for i in items] == [
        ("Cut the nightly batch from 6 hours to 40 minutes", f"{SESSION_ID}#e1")
    ]
    assert items[0]["task"] == "Make the batch finish before 7am"


def second_walk() -> list[tuple[str, str]]:
    """The scenario's walk again, for Initech, the name to sign with taken as offered."""
    second = list(GROUPS)
    second[0] = ("company", "Initech" + ENTER)
    second[NAMES.index("your_name")] = ("your_name", ENTER)
    return second


def test_a_second_session_shows_the_list_so_far(
    run: Run, rebound_home: Path, finished_session: Session
) -> None:
    second = second_walk()
    # The list holds a win already: a new one is welcome, not demanded (issue 22, item 16).
    second.insert(NAMES.index("accomplishments.title"), ("accomplishments.first", "y" + ENTER))
    result = run(["start"], keys(second))
    assert result.exit_code == 0, result.output
    assert "Your brag list already holds 1: Cut the nightly batch" in " ".join(
        result.stdout.split()
    )
    items = brag(rebound_home)["items"]
    assert isinstance(items, list)
    assert len(items) == 2  # the same win typed again in the second session is its own entry


def test_step_four_needs_no_new_win_when_the_list_has_some(
    run: Run, rebound_home: Path, finished_session: Session
) -> None:
    """Issue 22, item 16: step 4 insisted on a new accomplishment even with a full brag list."""
    second = second_walk()
    start = NAMES.index("accomplishments.title")
    end = NAMES.index("rehearsed")
    second[start:end] = [("accomplishments.first", "n" + ENTER)]  # no new one this time
    result = run(["start"], keys(second))
    assert result.exit_code == 0, result.output
    sessions = sorted((rebound_home / "sessions").glob("*initech.json"))
    saved = json.loads(sessions[0].read_text())
    assert saved["answers"]["accomplishments"] == []
    assert saved["finished_at"] is not None
    items = brag(rebound_home)["items"]
    assert isinstance(items, list) and len(items) == 1  # the list as it was


def test_a_broken_brag_list_never_stops_a_session(run: Run, rebound_home: Path) -> None:
    rebound_home.mkdir(parents=True)
    (rebound_home / "brag.json").write_text("{ not json")
    result = run(["start"], keys(GROUPS))
    assert result.exit_code == 0, result.output
    assert json.loads((rebound_home / "sessions" / f"{SESSION_ID}.json").read_text())["finished_at"]
    assert "Your brag list could not be read" in result.stdout  # said once, never silent
    assert result.stdout.count("Your brag list could not be read") == 1
    assert len(list((rebound_home / "broken").iterdir())) == 1


def test_corrections_made_with_ctrl_b_are_what_joins_the_list(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    groups = list(GROUPS[NAMES.index(FOURTH) :])
    at = [n for n, _ in groups].index("accomplishments.done")
    # At "add another?": back into the entry's number, give another one, then finish the list.
    groups.insert(at, ("back", "\x02" + "90% faster" + ENTER))
    step_four(make_session, run, groups)
    [item] = brag(rebound_home)["items"]  # type: ignore[misc]
    assert item["number"] == "90% faster"


def test_a_new_session_never_reuses_a_deleted_sessions_id(
    run: Run, rebound_home: Path, finished_session: Session, make_session: MakeSession
) -> None:
    assert run(["delete", "--yes", SESSION_ID]).exit_code == 0
    make_session(accomplishments=[{**NIGHTLY, "title": "Led the migration"}])
    assert (rebound_home / "sessions" / f"{SESSION_ID}-2.json").exists()
    titles = [i["title"] for i in brag(rebound_home)["items"]]  # type: ignore[union-attr]
    assert titles == ["Cut the nightly batch from 6 hours to 40 minutes", "Led the migration"]


def test_stories_told_out_loud_count_as_practised_on_the_brag_list(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    """The checklist ticks "Stories rehearsed out loud": `rebound brag` must not say otherwise."""
    upto = NAMES.index("rehearsed") + 1  # the stories were told: "Done?" yes
    step_four(make_session, run, GROUPS[NAMES.index(FOURTH) : upto])
    assert "✓ Stories rehearsed out loud" in run(["summary"]).stdout
    items = brag(rebound_home)["items"]
    assert isinstance(items, list)
    assert items[0]["practised"] == 1 and items[0]["ratings"] == []
    shown = run(["brag"]).stdout
    assert "not practised yet" not in shown and "practised once" in shown
    # Once: another sync (a second session) or keeping "yes" on a revisit is not a telling.
    run(["start"], keys([("company", "Initech" + ENTER), *GROUPS[1:2]]))
    revisit = ENTER * 8 + "n" + ENTER  # Enter keeps each answer; no more wins; "Done?" kept
    run(["continue", "--step", "accomplishments"], revisit)
    assert brag(rebound_home)["items"][0]["practised"] == 1  # type: ignore[index]


def test_not_told_out_loud_is_not_practised(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    groups = list(GROUPS[NAMES.index(FOURTH) : NAMES.index("rehearsed") + 1])
    groups[-1] = ("rehearsed", "n")
    step_four(make_session, run, groups)
    items = brag(rebound_home)["items"]
    assert isinstance(items, list) and items[0]["practised"] == 0

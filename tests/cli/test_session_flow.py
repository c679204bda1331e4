"""A whole session through the Typer app, typed key by key; interrupted and resumed.

The sample session lives in tests/scenario.py. Typing is tested here: one whole walk, a few
interruption points typed for real, and every interruption point at the coach's level.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from rebound.coach import progress
from rebound.pack import packs
from rebound.storage.records import Session
from rebound.storage.store import Store
from rebound.terminal import walk
from tests import pinned
from tests.helpers import DOWN, ENTER, MakeSession, Run
from tests.scenario import (
    DRAFT_IDS,
    EXPECTED_ANSWERS,
    GROUPS,
    NAMES,
    SESSION_ID,
    TODAY,
    answered,
    keys,
    value_at,
)

# Kept importable from here for a while: other branches still import the sample from this module.
__all__ = ["EXPECTED_ANSWERS", "GROUPS", "SESSION_ID", "keys"]


def saved(home: Path, session_id: str = SESSION_ID) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((home / "sessions" / f"{session_id}.json").read_text())
    return data


def test_full_session(run: Run, rebound_home: Path, make_session: MakeSession) -> None:
    result = run(["start"], keys(GROUPS))
    assert result.exit_code == 0, result.output
    assert "That's all five steps" in result.stdout
    assert "Step 5 of 5 · Get back out there" in result.stdout
    assert "That's more than a week away" in result.stdout  # the move-on nudge
    data = saved(rebound_home)
    assert data["answers"] == EXPECTED_ANSWERS
    assert data["finished_at"] is not None
    assert data["open_lists"] == {}
    assert set(data["drafts"]) == set(DRAFT_IDS)
    assert (
        "\n\nHi Dana,\n\nThank you again for calling to let me know"
        in (data["drafts"]["thank_you_email"])
    )
    assert "Subject: A request for feedback" in data["drafts"]["feedback_request"]
    assert (
        "I'm looking for a role as a data engineer on a platform team."
        in data["drafts"]["availability_post"]
    )
    assert data["drafts"]["outreach-1"].startswith(
        "To: Priya Patel <priya@talent.example>\nSubject: Looking for a role as a data engineer"
        " on a platform team\n\nHi Priya,\n"
    )
    # The person's own text is shown literally, never as markup.
    assert "the [bold]honest[/bold] notes" in result.stdout
    # The sessions the other tests are given without typing are the one typed here.
    built = saved(rebound_home, make_session().id)
    for key in ("answers", "drafts", "open_lists", "previous", "ticked", "schema_version"):
        assert built[key] == data[key], key
    assert set(built["answered_at"]) == set(data["answered_at"])


def _answered(groups: list[tuple[str, str]]) -> list[str]:
    return [name for name, _ in groups if answered(name)]


@pytest.mark.parametrize("cut", range(1, len(_answered(GROUPS))))
def test_stop_after_any_answer_then_continue(tmp_path: Path, cut: int) -> None:
    # What `rebound continue` relies on, after every saved answer: the saved file holds exactly
    # what was answered, and going on from it asks the remaining questions in the same order.
    pack = packs.load()
    wanted = dict(EXPECTED_ANSWERS)
    session = walk.new_session()
    session.id = SESSION_ID
    store = Store(tmp_path / "home")
    names = _answered(GROUPS)
    for _ in range(cut):
        pos = progress.next_position(pack, session)
        assert pos is not None
        progress.apply(pack, session, pos, value_at(wanted, pos)[0], walk.now())
    store.save(session)
    assert session.finished_at is None
    again = store.load(SESSION_ID)
    assert again.model_dump() == session.model_dump()
    asked = []
    while (pos := progress.next_position(pack, again)) is not None:
        value, name, _ = value_at(wanted, pos)
        asked.append(name)
        progress.apply(pack, again, pos, value, walk.now())
        if len(asked) % 7 == 0:  # saved and read back on the way too, as a walk does
            store.save(again)
            again = store.load(SESSION_ID)
    assert asked == names[cut:]
    store.save(again)
    final: Session = store.load(SESSION_ID)
    assert final.answers == EXPECTED_ANSWERS
    assert final.open_lists == {}
    assert final.finished_at is not None


# Typed for real: inside a list entry, at the question between two steps, just after it, and in
# the last step. (Going back across a step with Ctrl-B is in test_revisit.py.)
TYPED_CUTS = [
    NAMES.index("accomplishments.action"),
    NAMES.index("ready"),
    NAMES.index("ready") + 1,
    NAMES.index("weekly_target"),
]


@pytest.mark.parametrize("cut", TYPED_CUTS)
def test_interrupt_then_continue(run: Run, rebound_home: Path, cut: int) -> None:
    first = run(["start"], keys(GROUPS[:cut]))
    assert first.exit_code in (0, 130), first.output
    if first.exit_code == 130:
        assert "rebound continue" in first.stderr
    rest = GROUPS[cut:]
    if rest and rest[0][0] == "ready":
        rest = rest[1:]  # a resume starts at the next step's first question
    second = run(["continue"], keys(rest))
    assert second.exit_code == 0, second.output
    assert "Welcome back. Globex" in second.stdout
    data = saved(rebound_home)
    assert data["answers"] == EXPECTED_ANSWERS
    assert data["finished_at"] is not None


def test_continue_says_where_you_are(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    make_session(upto="went_well")
    result = run(["continue"])
    assert "you're at step 3 of 5, Reflect, commit, move on" in result.stdout
    assert result.exit_code == 130


def test_not_now_between_steps_exits_cleanly(run: Run, rebound_home: Path) -> None:
    upto = NAMES.index("ready")
    result = run(["start"], keys(GROUPS[:upto]) + DOWN + ENTER)
    assert result.exit_code == 0, result.output
    assert "Pick up where you left off any time with `rebound continue`" in result.stdout
    assert saved(rebound_home)["finished_at"] is None


def test_each_answer_is_saved_before_the_next_question(run: Run, rebound_home: Path) -> None:
    # Stop in the middle of an entry: the fields typed so far are on disk.
    upto = NAMES.index("accomplishments.action")
    result = run(["start"], keys(GROUPS[:upto]))
    assert result.exit_code == 130
    data = saved(rebound_home)
    assert data["open_lists"]["accomplishments"]["current"] == {
        "_id": "e1",
        "title": "Cut the nightly batch from 6 hours to 40 minutes",
        "story": True,
        "situation": "Reports kept missing the morning deadline",
        "task": "Make the batch finish before 7am",
    }


def test_a_partial_session_is_where_a_typed_walk_stops(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    # make_session(upto=...) stands for typing up to there in the other tests: the same file.
    upto = NAMES.index("accomplishments.action")
    assert run(["start"], keys(GROUPS[:upto])).exit_code == 130
    typed = saved(rebound_home)
    built = saved(rebound_home, make_session(upto=upto).id)
    for key in ("answers", "drafts", "open_lists", "previous", "finished_at"):
        assert built[key] == typed[key], key
    assert set(built["answered_at"]) == set(typed["answered_at"])


def test_a_second_session_remembers_your_name(
    run: Run, rebound_home: Path, finished_session: Session
) -> None:
    second = list(GROUPS[: NAMES.index("thanked_on_call")])
    second[0] = ("company", "Initech" + ENTER)
    second[NAMES.index("your_name")] = ("your_name", ENTER)  # accept the remembered default
    run(["start"], keys(second))
    data = saved(rebound_home, f"{TODAY.isoformat()}-initech")
    assert data["answers"]["your_name"] == "Alex Doe"


def test_typing_over_an_offered_default_replaces_it(
    run: Run, rebound_home: Path, finished_session: Session
) -> None:
    second = list(GROUPS[: NAMES.index("thanked_on_call")])
    second[0] = ("company", "Initech" + ENTER)
    second[NAMES.index("your_name")] = ("your_name", "Sam" + ENTER)
    run(["start"], keys(second))
    assert saved(rebound_home, f"{TODAY.isoformat()}-initech")["answers"]["your_name"] == "Sam"


def test_same_company_same_day_gets_its_own_session(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    make_session(upto=2)
    run(["start"], keys(GROUPS[:2]))
    names = sorted(p.name for p in (rebound_home / "sessions").iterdir())
    assert names == [f"{SESSION_ID}-2.json", f"{SESSION_ID}.json"]


def test_invalid_answers_are_asked_again(run: Run, rebound_home: Path) -> None:
    groups = list(GROUPS[: NAMES.index("thanked_on_call")])
    groups[NAMES.index("messenger_email")] = (
        "messenger_email",
        "not-an-email" + ENTER + "\x15" + "dana@globex.example" + ENTER,
    )
    groups[NAMES.index("call_date")] = (
        "call_date",
        "someday" + ENTER + "\x15" + pinned.iso(-1) + ENTER,
    )
    run(["start"], keys(groups))
    answers = saved(rebound_home)["answers"]
    assert answers["messenger_email"] == "dana@globex.example"
    assert answers["call_date"] == pinned.iso(-1)


def test_the_scenario_types_what_it_stores() -> None:
    # The keystrokes are derived from the answers; a few answers are typed as a person would.
    assert GROUPS[NAMES.index("fixes.due") + 3] == ("fixes.due", "+7d" + ENTER)
    assert EXPECTED_ANSWERS["fixes"][1]["due"] == (TODAY + timedelta(days=7)).isoformat()
    assert ("areas", " " + DOWN * 5 + " " + ENTER) in GROUPS
    assert NAMES.count("ready") == 4

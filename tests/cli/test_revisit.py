"""Going back one question (Ctrl-B) and revisiting a whole step (`continue --step`)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from rebound.coach import progress
from rebound.pack import packs
from rebound.storage.records import Session
from tests.helpers import ENTER, Run
from tests.scenario import EXPECTED_ANSWERS, GROUPS, LATER, NAMES, SESSION_ID, keys

BACK = "\x02"  # Ctrl-B


def saved(home: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((home / "sessions" / f"{SESSION_ID}.json").read_text())
    return data


def upto(name: str) -> str:
    return keys(GROUPS[: NAMES.index(name)])


def test_back_reasks_the_previous_question_with_its_answer_offered(
    run: Run, rebound_home: Path
) -> None:
    result = run(["start"], upto("messenger_name") + BACK + ENTER + "Dana" + ENTER)
    assert result.exit_code == 130
    answers = saved(rebound_home)["answers"]
    assert answers["role"] == "Data Engineer"  # Enter kept the offered answer
    assert answers["messenger_name"] == "Dana"


def test_back_four_times_and_change(run: Run, rebound_home: Path) -> None:
    typed = upto("messenger_name") + BACK * 4 + "\x15Initech" + ENTER + "QA Lead" + ENTER
    run(["start"], typed)
    answers = saved(rebound_home)["answers"]  # the id stays the one first given
    assert answers["company"] == "Initech"
    assert answers["role"] == "QA Lead"


def test_back_at_the_first_question_says_so(run: Run) -> None:
    result = run(["start"], BACK)
    assert "This is the first question" in result.stdout


def test_back_from_between_steps_reopens_the_last_answer(run: Run, rebound_home: Path) -> None:
    # Back four times: past the one-email-or-two, did-they-say-why and door questions, to the
    # detail; the new one is read back (Enter keeps it as it reads), then Enter keeps each
    # choice. The step ends again: its thank-you is offered again ("later"), then on to step 2.
    typed = upto("ready") + BACK * 4 + "new detail" + ENTER + ENTER + ENTER + ENTER + ENTER
    typed += LATER + ENTER
    result = run(["start"], typed)
    assert result.exit_code == 130
    data = saved(rebound_home)
    assert data["answers"]["thank_detail"] == "new detail"
    assert data["answers"]["feedback_in_thanks"] == "separate"
    assert result.stdout.count("Step 1 of 5 · Thank the messenger") == 1
    assert result.stdout.count("Step 2 of 5 · Ask why") == 1


def test_back_inside_a_list(run: Run, rebound_home: Path) -> None:
    # At "Add another fix?": back into the entry's date, give another one.
    typed = upto("fixes.more") + BACK + "2026-12-24" + ENTER + "n" + ENTER
    run(["start"], typed)
    data = saved(rebound_home)
    assert data["open_lists"] == {}
    assert data["answers"]["fixes"] == [
        {"_id": "e1", "what": "Practise Spark joins", "due": "2026-12-24"}  # the same entry
    ]


def test_revisit_a_step_keeps_what_you_keep(
    run: Run, rebound_home: Path, finished_session: Session
) -> None:
    before = saved(rebound_home)
    # Ask why again: keep the choice, the reasons, the areas, the 'other' text; change the weakness.
    typed = ENTER + ENTER + ENTER + ENTER + "I rush my answers" + ENTER + LATER  # not sent yet
    result = run(["continue", "--step", "ask-why"], typed)
    assert result.exit_code == 0, result.output
    assert "Revisiting Ask why" in result.stdout
    after = saved(rebound_home)
    expected = {**EXPECTED_ANSWERS, "weakness": "I rush my answers"}
    assert after["answers"] == expected
    assert after["previous"] == {}
    assert after["finished_at"] is not None
    assert "I rush my answers" in after["drafts"]["feedback_log"]
    assert after["answers"]["areas"] == before["answers"]["areas"]


def test_revisit_a_list_step_adds_entries(
    run: Run, rebound_home: Path, finished_session: Session
) -> None:
    typed = ENTER + "y" + ENTER + "Learn Flink basics" + ENTER + "2027-01-15" + ENTER
    typed += "n" + ENTER + ENTER  # no more fixes; the day to move on, kept
    result = run(["continue", "--step", "reflect"], typed)
    assert result.exit_code == 0, result.output
    fixes = saved(rebound_home)["answers"]["fixes"]
    assert [f["what"] for f in fixes] == [
        "Practise Spark joins",
        "Rehearse stories with numbers",
        "Learn Flink basics",
    ]


def test_an_interrupted_revisit_undoes_nothing(
    run: Run, rebound_home: Path, finished_session: Session
) -> None:
    before = saved(rebound_home)
    first = run(["continue", "--step", "ask-why"], ENTER)  # keep one answer, then stop
    assert first.exit_code == 130
    data = saved(rebound_home)
    assert data["answers"] == EXPECTED_ANSWERS  # what wasn't changed went back as it was
    assert data["previous"] == {}
    assert data["finished_at"] == before["finished_at"]
    assert "✓ 2/5 Ask why" in run(["summary"]).stdout


def test_an_interrupted_revisit_keeps_what_was_changed(
    run: Run, rebound_home: Path, finished_session: Session
) -> None:
    typed = ENTER + "\x15Only one reason" + ENTER  # keep the first, change the second, stop
    assert run(["continue", "--step", "ask-why"], typed).exit_code == 130
    data = saved(rebound_home)
    assert data["answers"]["reasons"] == "Only one reason"
    assert data["answers"]["weakness"] == "I undersell my results"
    assert data["finished_at"] is not None


def test_unknown_step_is_a_usage_error(run: Run) -> None:
    result = run(["continue", "--step", "gratitude"])
    assert result.exit_code == 2
    assert "There is no step 'gratitude'" in result.stderr
    assert "thank, ask-why, reflect, accomplishments, re-engage" in result.stderr


# --- the pure logic underneath ------------------------------------------------------------

NOW = datetime(2026, 11, 25, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def loaded() -> packs.Content:
    return packs.load()


def walk_to(c: packs.Content, s: Session, stop: str) -> progress.Position:
    fill = {
        "reasons_heard": "not_yet",
        "feedback_in_thanks": "separate",
        "feedback_asked": "on_call",
        "areas": ["preparation"],
        "thanked_on_call": True,
    }
    while (pos := progress.next_position(c, s)) is not None:
        label = f"{pos.prompt.id}.{pos.field.id}" if pos.field else pos.prompt.id
        if label == stop or (pos.more and stop == f"{pos.prompt.id}.more"):
            return pos
        value = False if pos.more else fill.get(pos.question.id, f"v-{pos.question.id}")
        if pos.question.kind == "date":
            value = "2026-12-01"
        if pos.question.kind == "confirm" and not pos.more:
            value = True
        progress.apply(c, s, pos, value, NOW)
    raise AssertionError(f"never reached {stop}")


def test_back_from_more_reopens_the_last_entry(loaded: packs.Content) -> None:
    s = Session(id="s", created_at=NOW, updated_at=NOW)
    walk_to(loaded, s, "fixes.what")
    progress.apply(loaded, s, progress.next_position(loaded, s), "Fix A", NOW)  # type: ignore[arg-type]
    progress.apply(loaded, s, progress.next_position(loaded, s), "2026-12-02", NOW)  # type: ignore[arg-type]
    more = progress.next_position(loaded, s)
    assert more is not None and more.more
    assert progress.back(loaded, s, more, NOW)
    pos = progress.next_position(loaded, s)
    assert pos is not None and pos.field is not None and pos.field.id == "due"
    assert s.previous["fixes.due"] == "2026-12-02"
    assert s.open_lists["fixes"].current == {"_id": "e1", "what": "Fix A"}


def test_back_over_a_finished_list_reopens_it(loaded: packs.Content) -> None:
    s = Session(id="s", created_at=NOW, updated_at=NOW)
    pos = walk_to(loaded, s, "move_on_date")
    assert progress.back(loaded, s, pos, NOW)
    again = progress.next_position(loaded, s)
    assert again is not None and again.prompt.id == "fixes" and again.more
    assert "fixes" not in s.answers


def test_back_at_the_end_reopens_the_last_question(loaded: packs.Content) -> None:
    s = Session(id="s", created_at=NOW, updated_at=NOW)
    with pytest.raises(AssertionError):
        walk_to(loaded, s, "never")
    assert s.finished_at is not None
    assert progress.back(loaded, s, None, NOW)
    assert s.finished_at is None
    pos = progress.next_position(loaded, s)
    assert pos is not None and pos.prompt.id == "weekly_target"


def test_back_within_a_step_stops_at_its_first_question(loaded: packs.Content) -> None:
    s = Session(id="s", created_at=NOW, updated_at=NOW)
    pos = walk_to(loaded, s, "feedback_asked")
    assert not progress.back(loaded, s, pos, NOW, within=loaded.step("ask-why"))
    assert progress.back(loaded, s, pos, NOW)  # without the limit, into step 1


def test_revisit_moves_answers_to_previous(loaded: packs.Content) -> None:
    s = Session(id="s", created_at=NOW, updated_at=NOW)
    walk_to(loaded, s, "went_well")
    progress.revisit(loaded, s, "ask-why", NOW)
    assert s.previous["feedback_asked"] == "on_call"
    assert "feedback_asked" not in s.answers
    pos = progress.next_position(loaded, s)
    assert pos is not None and pos.prompt.id == "feedback_asked"
    assert progress.step_done(loaded.step("thank"), s)

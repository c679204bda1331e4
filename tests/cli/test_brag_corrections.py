"""A win corrected in its session (`continue --step accomplishments`) is corrected on the brag
list too, keeping its id and practice; a story edited on the brag list is never overwritten."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rebound.storage.store import BRAG_LOCK, Store
from tests.helpers import ENTER, Run, build_session
from tests.scenario import SESSION_ID

BACK = "\x02"  # Ctrl-B
CLEAR = "\x15"  # Ctrl-U: empty a pre-filled answer
NIGHTLY = "Cut the nightly batch from 6 hours to 40 minutes"
THIRTY = "Cut the nightly batch from 6 hours to 30 minutes"

# At "Add another accomplishment?" (where a revisit of the list starts): back into the entry's
# number, give another one, add no more, keep the sentence the post makes of it as it reads
# (KEEP), keep "rehearsed".
KEEP = ENTER
NEW_NUMBER = BACK + CLEAR + "90% faster" + ENTER + "n" + ENTER + KEEP + ENTER
# Back through number, result, action, task, situation and story to the title; change it; keep
# the rest with Enter.
NEW_TITLE = BACK * 7 + CLEAR + THIRTY + ENTER + ENTER * 6 + "n" + ENTER + KEEP + ENTER


def brag_items(home: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads((home / "brag.json").read_text(encoding="utf-8"))[
        "items"
    ]
    return found


def session_wins(home: Path) -> list[dict[str, Any]]:
    path = home / "sessions" / f"{SESSION_ID}.json"
    found: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["answers"][
        "accomplishments"
    ]
    return found


@pytest.fixture
def rated(run: Run, rebound_home: Path) -> dict[str, Any]:
    """A whole session, its win on the brag list with a tag and a rating: the item as saved."""
    build_session()
    assert run(["brag", "edit", "1", "--tag", "data"], terminal=False).exit_code == 0
    assert run(["rehearse", "--count", "1", "--seconds", "0"], ENTER + "4" + ENTER).exit_code == 0
    [item] = brag_items(rebound_home)
    # Told out loud in the session (rehearsed: yes), then rehearsed once here: two practices.
    assert (item["tags"], item["ratings"], item["practised"]) == (["data"], [4], 2)
    return item


def test_a_corrected_number_reaches_the_brag_list_at_once(
    run: Run, rebound_home: Path, rated: dict[str, Any]
) -> None:
    result = run(["continue", "--step", "accomplishments"], NEW_NUMBER)
    assert result.exit_code == 0, result.output
    assert session_wins(rebound_home)[0]["number"] == "90% faster"
    [item] = brag_items(rebound_home)  # right after the step, before any `rebound brag`
    assert item["number"] == "90% faster"
    assert {k: v for k, v in item.items() if k not in ("number", "synced")} == {
        k: v for k, v in rated.items() if k not in ("number", "synced")
    }
    shown = run(["brag"])
    assert "(90% faster)" in shown.stdout
    assert "from your sessions" not in shown.stdout  # nothing left to take in


def test_a_corrected_title_keeps_the_id(
    run: Run, rebound_home: Path, rated: dict[str, Any]
) -> None:
    result = run(["continue", "--step", "accomplishments"], NEW_TITLE)
    assert result.exit_code == 0, result.output
    assert session_wins(rebound_home)[0]["title"] == THIRTY
    [item] = brag_items(rebound_home)
    assert (item["id"], item["title"], item["ratings"]) == (rated["id"], THIRTY, [4])
    shown = run(["brag", "show", "cut-the-nightly-batch"])
    assert shown.exit_code == 0, shown.output
    assert THIRTY in shown.stdout
    assert NIGHTLY not in shown.stdout


def test_a_title_rewritten_from_scratch_still_follows_its_win(
    run: Run, rebound_home: Path, rated: dict[str, Any]
) -> None:
    # Nothing like the old title: the entry's id, not the look of the words, says it is the
    # same win, so it keeps its tag and rating.
    other = "Made the morning reports arrive on time"
    typed = BACK * 7 + CLEAR + other + ENTER + ENTER * 6 + "n" + ENTER + KEEP + ENTER
    assert run(["continue", "--step", "accomplishments"], typed).exit_code == 0
    assert [w["_id"] for w in session_wins(rebound_home)] == ["e1"]
    [item] = brag_items(rebound_home)
    assert (item["id"], item["title"], item["tags"], item["ratings"]) == (
        rated["id"],
        other,
        ["data"],
        [4],
    )


def test_a_win_backed_out_of_and_another_typed_is_a_new_item(
    run: Run, rebound_home: Path, rated: dict[str, Any]
) -> None:
    # Back through the whole entry and out of it (the list then asks "add one?" again... it
    # needs one: so straight into a new entry), type another win.
    other = "Mentored four juniors"
    typed = BACK * 8 + other + ENTER + "n" + ENTER + ENTER + "n" + ENTER + KEEP + ENTER
    result = run(["continue", "--step", "accomplishments"], typed)
    assert result.exit_code == 0, result.output
    assert [(w["_id"], w["title"]) for w in session_wins(rebound_home)] == [("e2", other)]
    assert [(i["title"], i["ratings"], i["source"]) for i in brag_items(rebound_home)] == [
        (NIGHTLY, [4], f"{SESSION_ID}#e1"),  # its entry is gone; it keeps its rating
        (other, [], f"{SESSION_ID}#e2"),
    ]


def test_a_revisit_stopped_after_the_fix_still_brings_it_across(
    run: Run, rebound_home: Path, rated: dict[str, Any]
) -> None:
    # Stop at "Add another?" right after the fix: the list is closed again as it now reads.
    typed = BACK + CLEAR + "90% faster" + ENTER
    assert run(["continue", "--step", "accomplishments"], typed).exit_code == 130
    assert session_wins(rebound_home)[0]["number"] == "90% faster"
    assert brag_items(rebound_home)[0]["number"] == "90% faster"


def test_an_edit_on_the_brag_list_reaches_the_session_and_the_newest_word_wins(
    run: Run, rebound_home: Path, rated: dict[str, Any]
) -> None:
    # An edit on the list goes to the session's entry too (issue 22: its interview stories tell
    # it as the list does), so the two read alike and go on following each other.
    edited = run(["brag", "edit", "1", "--number", "9x faster"], terminal=False)
    assert edited.exit_code == 0, edited.output
    assert session_wins(rebound_home)[0]["number"] == "9x faster"
    assert run(["continue", "--step", "accomplishments"], NEW_NUMBER).exit_code == 0
    assert session_wins(rebound_home)[0]["number"] == "90% faster"  # the newest word
    [item] = brag_items(rebound_home)
    assert (item["id"], item["title"], item["number"]) == (rated["id"], NIGHTLY, "90% faster")
    assert item["ratings"] == rated["ratings"]  # its practice stays with it


def test_an_edit_made_while_its_session_is_open_elsewhere_is_never_overwritten(
    run: Run, rebound_home: Path, rated: dict[str, Any]
) -> None:
    with Store().lock(SESSION_ID):  # the session can't take the edit: the list's version wins
        edited = run(["brag", "edit", "1", "--number", "9x faster"], terminal=False)
    assert edited.exit_code == 0, edited.output
    assert run(["continue", "--step", "accomplishments"], NEW_NUMBER).exit_code == 0
    assert session_wins(rebound_home)[0]["number"] == "90% faster"  # the session has its fix
    [item] = brag_items(rebound_home)
    assert (item["id"], item["title"], item["number"]) == (rated["id"], NIGHTLY, "9x faster")
    shown = run(["brag"])
    assert "(9x faster)" in shown.stdout
    assert "90% faster" not in shown.stdout
    assert "from your sessions" not in shown.stdout
    # Nor by a later correction of the title.
    assert run(["continue", "--step", "accomplishments"], NEW_TITLE).exit_code == 0
    assert brag_items(rebound_home)[0]["title"] == NIGHTLY


def test_rebound_brag_says_what_it_took_in(
    run: Run, rebound_home: Path, rated: dict[str, Any]
) -> None:
    # Another rebound holds the brag list while the step is revisited: the walk goes on, and
    # `rebound brag` catches up afterwards.
    with Store().lock(BRAG_LOCK):
        assert run(["continue", "--step", "accomplishments"], NEW_NUMBER).exit_code == 0
        assert brag_items(rebound_home)[0]["number"] == "89% faster"
    shown = run(["brag"])
    assert shown.exit_code == 0, shown.output
    assert "Updated 1 win from your sessions." in shown.stdout
    assert brag_items(rebound_home)[0]["number"] == "90% faster"
    # A second session adds a win while the first one's win is corrected again.
    with Store().lock(BRAG_LOCK):
        build_session(company="Initech")
        typed = BACK + CLEAR + "91% faster" + ENTER + "n" + ENTER + KEEP + ENTER
        fixed = run(["continue", "--step", "accomplishments", "--session", SESSION_ID], typed)
        assert fixed.exit_code == 0, fixed.output
    shown = run(["brag"])
    assert "Added 1 win and updated 1 from your sessions." in shown.stdout
    assert [i["number"] for i in brag_items(rebound_home)] == ["91% faster", "89% faster"]

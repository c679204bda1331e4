"""The brag list's logic: gathering from sessions (and corrections), ids, references, rehearsal
order, cues; loading older brag lists."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from rebound.coach import brag_list
from rebound.errors import DataError, UsageError
from rebound.storage.records import ENTRY_ID, Accomplishment, BragList, OpenList, Session
from rebound.storage.store import Store
from tests.helpers import NIGHTLY

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)

RELEASE = {"title": "Cut the release time from a day to an hour", "story": False, "number": None}


def session(session_id: str, days_ago: int = 0, **fields: object) -> Session:
    moment = NOW - timedelta(days=days_ago)
    return Session.model_validate(
        {"id": session_id, "created_at": moment, "updated_at": moment, **fields}
    )


def item(title: str, **fields: object) -> Accomplishment:
    return Accomplishment.model_validate(
        {"id": brag_list.story_slug(title), "title": title, "added_at": NOW, **fields}
    )


# --- sync ----------------------------------------------------------------------------------------


def test_sync_adds_each_entry_with_its_story_and_source() -> None:
    brag = BragList()
    done = brag_list.sync(
        brag, [session("2026-03-01-globex", answers={"accomplishments": [NIGHTLY, RELEASE]})], NOW
    )
    assert (done.added, done.updated) == (2, 0)
    first, second = brag.items
    assert first.id == "cut-the-nightly-batch"
    assert first.title == NIGHTLY["title"]
    assert (first.situation, first.task, first.action, first.result, first.number) == (
        NIGHTLY["situation"],
        NIGHTLY["task"],
        NIGHTLY["action"],
        NIGHTLY["result"],
        "89% faster",
    )
    assert first.source == "2026-03-01-globex#e1"
    assert first.added_at == NOW
    assert (first.practised, first.ratings, first.last_practised) == (0, [], None)
    assert second.id == "cut-the-release-time"
    assert second.source == "2026-03-01-globex#e2"
    assert second.situation is None
    assert second.number is None


def test_sync_is_idempotent() -> None:
    sessions = [session("s1", answers={"accomplishments": [NIGHTLY, RELEASE]})]
    brag = BragList()
    assert brag_list.sync(brag, sessions, NOW).added == 2
    before = brag.model_dump()
    assert not brag_list.sync(brag, sessions, NOW + timedelta(days=1))  # nothing to save
    assert brag.model_dump() == before


def test_sync_keeps_edits_and_practice() -> None:
    sessions = [session("s1", answers={"accomplishments": [NIGHTLY]})]
    brag = BragList()
    brag_list.sync(brag, sessions, NOW)
    brag_list.edit(brag.items[0], title="Made the nightly batch 9x faster")
    brag_list.record(brag.items[0], 4, NOW)
    assert not brag_list.sync(brag, sessions, NOW)
    assert [i.title for i in brag.items] == ["Made the nightly batch 9x faster"]
    assert brag.items[0].ratings == [4]


def test_sync_takes_new_entries_of_a_session_later() -> None:
    brag = BragList()
    brag_list.sync(brag, [session("s1", answers={"accomplishments": [NIGHTLY]})], NOW)
    grown = session("s1", answers={"accomplishments": [NIGHTLY, RELEASE]})
    assert brag_list.sync(brag, [grown], NOW).added == 1
    assert [i.source for i in brag.items] == ["s1#e1", "s1#e2"]


def test_sync_takes_finished_entries_of_an_open_list_but_not_the_one_being_typed() -> None:
    typing = session(
        "s1",
        open_lists={"accomplishments": OpenList(items=[NIGHTLY], current={"title": "Half-typed"})},
    )
    brag = BragList()
    assert brag_list.sync(brag, [typing], NOW).added == 1
    assert brag.items[0].source == "s1#e1"
    # When the list is finished, the same entry is not added twice.
    done = session("s1", answers={"accomplishments": [NIGHTLY, RELEASE]})
    assert brag_list.sync(brag, [done], NOW).added == 1
    assert [i.source for i in brag.items] == ["s1#e1", "s1#e2"]


def test_sync_goes_oldest_session_first_and_ids_stay_unique() -> None:
    newer = session("2026-03-01-initech", days_ago=1, answers={"accomplishments": [NIGHTLY]})
    older = session("2026-02-01-globex", days_ago=29, answers={"accomplishments": [NIGHTLY]})
    brag = BragList()
    assert brag_list.sync(brag, [newer, older], NOW).added == 2
    assert [(i.id, i.source) for i in brag.items] == [
        ("cut-the-nightly-batch", "2026-02-01-globex#e1"),
        ("cut-the-nightly-batch-2", "2026-03-01-initech#e1"),
    ]


def test_sync_skips_what_it_cannot_use() -> None:
    sessions = [
        session("s1"),  # nothing answered yet
        session("s2", answers={"accomplishments": None}),
        session("s3", answers={"accomplishments": [{"title": "  "}, {"story": False}, RELEASE]}),
        session("", answers={"accomplishments": [NIGHTLY]}),  # not saved yet: no id to refer to
    ]
    brag = BragList()
    assert brag_list.sync(brag, sessions, NOW).added == 1
    assert brag.items[0].source == "s3#e3"  # no ids (a hand-made file): e<position>


def test_sync_leaves_out_sources_to_skip() -> None:
    brag = BragList()
    sessions = [session("s1", answers={"accomplishments": [NIGHTLY, RELEASE]})]
    assert brag_list.sync(brag, sessions, NOW, skip={"s1#e1"}).added == 1
    assert [i.source for i in brag.items] == ["s1#e2"]


def test_sync_does_not_touch_items_added_by_hand() -> None:
    brag = BragList()
    brag_list.add(brag, "Cut the nightly batch", NOW)
    brag_list.sync(brag, [session("s1", answers={"accomplishments": [NIGHTLY]})], NOW)
    assert [(i.id, i.source) for i in brag.items] == [
        ("cut-the-nightly-batch", None),
        ("cut-the-nightly-batch-2", "s1#e1"),
    ]


# --- corrections made in a session -------------------------------------------------------------

MENTOR = {"title": "Mentored four juniors", "story": False, "number": "4 promoted"}
FASTER = {**NIGHTLY, "number": "90% faster", "result": "Reports on time, every day since"}


def finished(*found: Mapping[str, object], session_id: str = "s1") -> Session:
    """A session whose accomplishments list is finished, with these entries in this order
    (an entry without an `_id` is numbered by its position, as in an older file)."""
    return session(session_id, answers={"accomplishments": [dict(e) for e in found]})


def e(number: int, entry: Mapping[str, object]) -> dict[str, object]:
    """An entry with the stable id 'e<number>', as the coach gives it."""
    return {**entry, ENTRY_ID: f"e{number}"}


def kept(item: Accomplishment) -> tuple[object, ...]:
    """What a correction must never change."""
    return (item.id, item.source, item.tags, item.ratings, item.practised, item.added_at)


def test_a_correction_in_the_session_reaches_the_item() -> None:
    brag = BragList()
    brag_list.sync(brag, [finished(NIGHTLY, RELEASE)], NOW)
    first = brag.items[0]
    assert first.synced == brag_list.taken_from(NIGHTLY)
    brag_list.edit(first, tags=["data"])  # tags belong to the list: not an edit of the story
    brag_list.record(first, 4, NOW)
    before = kept(first)

    done = brag_list.sync(brag, [finished(FASTER, RELEASE)], NOW + timedelta(days=1))
    assert (done.added, done.updated) == (0, 1)
    assert first.number == "90% faster"
    assert first.result == "Reports on time, every day since"
    assert first.situation == NIGHTLY["situation"]
    assert kept(first) == before == ("cut-the-nightly-batch", "s1#e1", ["data"], [4], 1, NOW)
    assert first.last_practised == NOW
    assert first.synced == brag_list.taken_from(FASTER)
    assert brag.items[1].title == RELEASE["title"]
    assert not brag_list.sync(brag, [finished(FASTER, RELEASE)], NOW)  # taken in once


def test_a_corrected_title_keeps_the_id() -> None:
    brag = BragList()
    brag_list.sync(brag, [finished(NIGHTLY)], NOW)
    thirty = {**NIGHTLY, "title": "Cut the nightly batch from 6 hours to 30 minutes"}
    assert brag_list.sync(brag, [finished(thirty)], NOW).updated == 1
    assert brag_list.find(brag, "cut-the-nightly-batch").title == thirty["title"]


def test_a_correction_that_clears_the_story_clears_it_on_the_item() -> None:
    brag = BragList()
    brag_list.sync(brag, [finished(NIGHTLY)], NOW)
    short = {"title": NIGHTLY["title"], "story": False, "number": "89% faster"}
    assert brag_list.sync(brag, [finished(short)], NOW).updated == 1
    assert brag_list.notes(brag.items[0]) == [("Number", "89% faster")]


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Made the nightly batch 9x faster"},
        {"number": "9x faster"},
        {"situation": ""},  # a note cleared by hand is an edit too
    ],
)
def test_an_edit_on_the_list_wins_over_any_correction(change: dict[str, str]) -> None:
    brag = BragList()
    brag_list.sync(brag, [finished(NIGHTLY)], NOW)
    item = brag.items[0]
    brag_list.edit(item, **change)
    edited = item.model_dump()
    for correction in (FASTER, {**NIGHTLY, "title": "Cut the nightly batch from 6h to 40 min"}):
        assert not brag_list.sync(brag, [finished(correction)], NOW)
        assert item.model_dump() == edited


def test_a_removed_item_stays_removed_when_its_entry_is_corrected() -> None:
    brag = BragList()
    brag_list.sync(brag, [finished(NIGHTLY, RELEASE)], NOW)
    brag_list.remove(brag, brag.items[0])
    assert not brag_list.sync(brag, [finished(FASTER, RELEASE)], NOW)
    assert [i.source for i in brag.items] == ["s1#e2"]
    assert brag.removed == ["s1#e1"]


def test_corrections_wait_until_the_list_is_finished() -> None:
    brag = BragList()
    brag_list.sync(brag, [finished(NIGHTLY)], NOW)
    reopened = session("s1", open_lists={"accomplishments": OpenList(items=[FASTER])})
    assert not brag_list.sync(brag, [reopened], NOW)
    assert brag.items[0].number == "89% faster"
    assert brag_list.sync(brag, [finished(FASTER)], NOW).updated == 1


def test_corrections_come_from_the_items_own_session_only() -> None:
    brag = BragList()
    brag_list.sync(
        brag, [finished(NIGHTLY, session_id="s1"), finished(NIGHTLY, session_id="s2")], NOW
    )
    done = brag_list.sync(
        brag, [finished(NIGHTLY, session_id="s1"), finished(FASTER, session_id="s2")], NOW
    )
    assert done.updated == 1
    assert [(i.source, i.number) for i in brag.items] == [
        ("s1#e1", "89% faster"),
        ("s2#e1", "90% faster"),
    ]


# Entries are known by their stable id, whatever happens around them: when the list changes in
# the middle, one win's item (its ratings) never takes in another win's text.


def test_a_win_taken_out_of_the_middle_moves_nothing() -> None:
    brag = BragList()
    brag_list.sync(brag, [finished(e(1, NIGHTLY), e(2, RELEASE), e(3, MENTOR))], NOW)
    brag_list.record(brag.items[1], 5, NOW)
    before = brag.model_dump()
    assert not brag_list.sync(brag, [finished(e(1, NIGHTLY), e(3, MENTOR))], NOW)
    assert brag.model_dump() == before


def test_a_corrected_title_follows_its_entry_when_an_earlier_one_was_taken_out() -> None:
    # What no guessing by position and likeness could tell: the release win is now first,
    # with a title that reads nothing like before. Its id says it is the same win.
    brag = BragList()
    brag_list.sync(brag, [finished(e(1, NIGHTLY), e(2, RELEASE), e(3, MENTOR))], NOW)
    _, release, mentor = brag.items
    release.ratings, release.tags = [5, 4], ["delivery"]
    mentor.ratings = [2]
    hourly = {"title": "Shipped every hour instead of once a day", "number": "24x"}
    done = brag_list.sync(brag, [finished(e(2, hourly), e(3, MENTOR))], NOW)
    assert (done.added, done.updated) == (0, 1)
    assert [(i.id, i.title, i.ratings) for i in brag.items] == [
        ("cut-the-nightly-batch", NIGHTLY["title"], []),
        ("cut-the-release-time", hourly["title"], [5, 4]),
        ("mentored-four-juniors", MENTOR["title"], [2]),
    ]
    assert (release.tags, release.number, release.source) == (["delivery"], "24x", "s1#e2")


def test_a_win_replaced_by_another_is_a_new_item() -> None:
    brag = BragList()
    brag_list.sync(brag, [finished(e(1, NIGHTLY), e(2, RELEASE))], NOW)
    brag_list.record(brag.items[1], 4, NOW)
    done = brag_list.sync(brag, [finished(e(1, NIGHTLY), e(3, MENTOR))], NOW)
    assert (done.added, done.updated) == (1, 0)
    assert [(i.title, i.ratings) for i in brag.items] == [
        (NIGHTLY["title"], []),
        (RELEASE["title"], [4]),  # its entry is gone: the item stays as it was
        (MENTOR["title"], []),
    ]


def test_near_identical_wins_are_told_apart_by_id() -> None:
    build = {"title": "Cut the build time by half", "number": "50%"}
    tests = {"title": "Cut the test time by half", "number": "48%"}
    brag = BragList()
    brag_list.sync(brag, [finished(e(1, build), e(2, tests))], NOW)
    brag.items[0].ratings = [5]
    # The first win was taken out, a new one added, and the second one's number corrected.
    done = brag_list.sync(brag, [finished(e(2, {**tests, "number": "49%"}), e(3, MENTOR))], NOW)
    assert (done.added, done.updated) == (1, 1)
    assert [(i.title, i.number, i.ratings) for i in brag.items] == [
        (build["title"], "50%", [5]),
        (tests["title"], "49%", []),
        (MENTOR["title"], "4 promoted", []),
    ]


def test_a_win_put_in_before_another_moves_nothing() -> None:
    brag = BragList()
    brag_list.sync(brag, [finished(e(1, NIGHTLY), e(2, RELEASE))], NOW)
    brag_list.record(brag.items[1], 3, NOW)
    alike = {"title": "Cut the release time from a day to 40 minutes", "number": "36x"}
    grown = finished(e(1, NIGHTLY), e(3, alike), e(2, RELEASE))
    for _ in range(2):  # and not on a later sync either
        assert brag_list.sync(brag, [grown], NOW).updated == 0
        assert [(i.title, i.ratings) for i in brag.items] == [
            (NIGHTLY["title"], []),
            (RELEASE["title"], [3]),
            (alike["title"], []),  # the new entry: a new item
        ]


def test_the_same_title_twice_follows_each_entry() -> None:
    brag = BragList()
    one, two = {**NIGHTLY, "number": "1"}, {**NIGHTLY, "number": "2"}
    brag_list.sync(brag, [finished(e(1, one), e(2, two))], NOW)
    assert not brag_list.sync(brag, [finished(e(2, two))], NOW)
    done = brag_list.sync(brag, [finished(e(2, {**NIGHTLY, "number": "two"}))], NOW)
    assert done.updated == 1
    assert [i.number for i in brag.items] == ["1", "two"]


def test_an_unchanged_title_takes_its_fixes_even_when_a_win_is_added() -> None:
    brag = BragList()
    brag_list.sync(brag, [finished(e(1, NIGHTLY))], NOW)
    done = brag_list.sync(brag, [finished(e(1, FASTER), e(2, RELEASE))], NOW)
    assert (done.added, done.updated) == (1, 1)
    assert brag.items[0].number == "90% faster"


def test_a_removed_win_stays_removed_and_takes_nothing_over() -> None:
    web = {"title": "Cut the build time of the web app by half", "story": False}
    mobile = {"title": "Cut the build time of the mobile app by half", "story": False}
    mentor = {"title": "Mentored two new engineers", "story": False}
    brag = BragList()
    brag_list.sync(brag, [finished(e(1, web), e(2, mobile))], NOW)
    first, second = brag.items
    first.ratings, first.tags = [5, 4], ["infra"]
    brag_list.remove(brag, second)  # taken off the list by hand
    # In the session: the web-app win deleted, a new one added; the mobile one is now first.
    done = brag_list.sync(brag, [finished(e(2, mobile), e(3, mentor))], NOW)
    assert (done.added, done.updated) == (1, 0)
    assert (first.title, first.ratings, first.tags) == (web["title"], [5, 4], ["infra"])
    assert [i.title for i in brag.items] == [web["title"], mentor["title"]]
    assert brag.removed == ["s1#e2"]


def test_a_title_fix_is_taken_in_while_entries_come_or_go() -> None:
    brag = BragList()
    brag_list.sync(brag, [finished(e(1, NIGHTLY))], NOW)
    thirty = {**NIGHTLY, "title": "Cut the nightly batch from 6 hours to 30 minutes"}
    done = brag_list.sync(brag, [finished(e(1, thirty), e(2, RELEASE))], NOW)
    assert (done.added, done.updated) == (1, 1)
    assert [i.title for i in brag.items] == [thirty["title"], RELEASE["title"]]


# A brag list of version 2, as rebound 0.x wrote it: one item as taken in, one edited by hand
# (its title and number), one added by hand, and one session entry taken off.
V2_LIST = """{
  "schema_version": 2,
  "items": [
    {
      "id": "cut-the-nightly-batch",
      "title": "Cut the nightly batch from 6 hours to 40 minutes",
      "situation": "Reports kept missing the morning deadline",
      "task": "Make the batch finish before 7am",
      "action": "Rewrote the joins",
      "result": "Reports on time every day since",
      "number": "89% faster",
      "tags": ["data"],
      "source": "s1#1",
      "added_at": "2026-03-01T09:00:00Z",
      "practised": 2,
      "ratings": [3, 4],
      "last_practised": "2026-03-01T10:00:00Z"
    },
    {
      "id": "cut-the-release-time",
      "title": "Release time: a day down to an hour",
      "situation": null,
      "task": null,
      "action": null,
      "result": null,
      "number": "24x",
      "tags": [],
      "source": "s1#2",
      "added_at": "2026-03-01T09:00:00Z",
      "practised": 0,
      "ratings": [],
      "last_practised": null
    },
    {
      "id": "mentored-four-juniors",
      "title": "Mentored four juniors",
      "situation": null,
      "task": null,
      "action": null,
      "result": null,
      "number": null,
      "tags": [],
      "source": null,
      "added_at": "2026-03-01T11:00:00Z",
      "practised": 0,
      "ratings": [],
      "last_practised": null
    }
  ],
  "removed": ["s0#1"]
}
"""


def test_a_version_2_list_is_migrated_and_never_loses_an_edit(rebound_home: Path) -> None:
    st = Store()
    st.home.mkdir(parents=True)
    st.brag_path.write_text(V2_LIST, encoding="utf-8")
    brag = st.load_brag()
    assert brag.schema_version == 4
    assert [i.source for i in brag.items] == ["s1#e1", "s1#e2", None]  # positions, as ids
    assert [i.id for i in brag.items] == [
        "cut-the-nightly-batch",
        "cut-the-release-time",
        "mentored-four-juniors",
    ]
    assert [i.synced for i in brag.items] == [None, None, None]  # unknown: see _brag_v2_to_v3
    assert brag.items[0].ratings == [3, 4]
    assert brag.removed == ["s0#e1"]

    # The first sync: the item that reads as its entry follows it from now on; the edited one
    # can't be told from a correction, so it is left as the person made it.
    s1 = finished(NIGHTLY, RELEASE)
    done = brag_list.sync(brag, [s1], NOW)
    assert (done.added, done.updated, done.remembered) == (0, 0, 1)
    assert [i.synced for i in brag.items] == [brag_list.taken_from(NIGHTLY), None, None]
    st.save_brag(brag)
    assert json.loads(st.brag_path.read_text(encoding="utf-8"))["schema_version"] == 4

    brag = st.load_brag()
    corrected = finished(FASTER, {**RELEASE, "number": "24x faster"})
    assert brag_list.sync(brag, [corrected], NOW).updated == 1
    first, second, third = brag.items
    assert (first.number, first.ratings, first.tags) == ("90% faster", [3, 4], ["data"])
    assert (second.title, second.number) == ("Release time: a day down to an hour", "24x")
    assert third.title == "Mentored four juniors"


def v3_list() -> str:
    """A brag list of version 3, as rebound 1.x wrote it: sources by position, synced items."""
    data = json.loads(V2_LIST)
    data["schema_version"] = 3
    data["items"][0]["synced"] = brag_list.taken_from(NIGHTLY)
    data["items"][1]["synced"] = brag_list.taken_from(RELEASE)
    return json.dumps(data)


def test_a_version_3_list_names_entries_by_id(rebound_home: Path) -> None:
    st = Store()
    st.home.mkdir(parents=True)
    st.brag_path.write_text(v3_list(), encoding="utf-8")
    brag = st.load_brag()
    assert brag.schema_version == 4
    assert [i.source for i in brag.items] == ["s1#e1", "s1#e2", None]
    assert brag.removed == ["s0#e1"]  # still never re-added
    assert [i.synced for i in brag.items] == [None, None, None]  # see _brag_v3_to_v4
    assert brag.items[0].ratings == [3, 4]

    # The session, migrated the same way, numbers its entries e1, e2: the item that reads as
    # its entry follows it again; the one edited on the list keeps its edit.
    s1 = finished(e(1, NIGHTLY), e(2, RELEASE))
    s0 = finished(e(1, MENTOR), session_id="s0")
    done = brag_list.sync(brag, [s0, s1], NOW)
    assert (done.added, done.updated, done.remembered) == (0, 0, 1)
    done = brag_list.sync(brag, [finished(e(1, FASTER), e(2, {**RELEASE, "number": "2"}))], NOW)
    assert done.updated == 1
    assert [(i.number, i.ratings) for i in brag.items] == [
        ("90% faster", [3, 4]),
        ("24x", []),
        (None, []),
    ]


def test_a_version_3_item_whose_place_now_holds_another_win_takes_nothing(
    rebound_home: Path,
) -> None:
    # Under version 3 the first win was taken out of the session and another typed in: the
    # position (now the id e1) holds another win, which must not take over the item's ratings.
    st = Store()
    st.home.mkdir(parents=True)
    st.brag_path.write_text(v3_list(), encoding="utf-8")
    brag = st.load_brag()
    before = brag.model_dump()
    assert not brag_list.sync(brag, [finished(e(1, MENTOR), e(2, RELEASE))], NOW)
    assert brag.model_dump() == before


def test_a_version_1_list_goes_all_the_way(rebound_home: Path) -> None:
    st = Store()
    st.home.mkdir(parents=True)
    st.brag_path.write_text(
        '{"schema_version": 1, "items": [{"id": "ship", "title": "Shipped it",'
        ' "source": "s1#1", "added_at": "2026-11-25T09:00:00Z"}]}'
    )
    brag = st.load_brag()
    assert (brag.schema_version, brag.removed) == (4, [])
    assert (brag.items[0].source, brag.items[0].synced) == ("s1#e1", None)


@pytest.mark.parametrize("version", ["5", "99", "true", "0", "[]"])
def test_a_brag_list_of_no_known_version_is_kept_aside(rebound_home: Path, version: str) -> None:
    st = Store()
    st.home.mkdir(parents=True)
    raw = V2_LIST.replace('"schema_version": 2', f'"schema_version": {version}')
    st.brag_path.write_text(raw, encoding="utf-8")
    with pytest.raises(DataError, match="brag list could not be read"):
        st.load_brag()
    [kept_aside] = (rebound_home / "broken").iterdir()
    assert kept_aside.read_text(encoding="utf-8") == raw


# --- ids and references --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Cut the nightly batch from 6 hours to 40 minutes", "cut-the-nightly-batch"),
        ("Cut the release time from a day to an hour", "cut-the-release-time"),
        ("Led a team of five", "led-a-team"),  # not 'led-a-team-of'
        ("Shipped!", "shipped"),
        ("  AWS   migration, done in 3 weeks ", "aws-migration-done"),
        ("Réduit les coûts de 20 %", "reduit-les-couts-de"),
        ("Internationalisation of the entire platform", "internationalisation"),
        ("2024", "story-2024"),  # digits alone would read as a position
        ("!!!", "story"),
        ("提高了性能", "提高了性能"),
        ("snake_case_name here", "snake-case-name-here"),
    ],
)
def test_slug(title: str, expected: str) -> None:
    assert brag_list.story_slug(title) == expected


def test_slug_is_short() -> None:
    assert len(brag_list.story_slug("Supercalifragilisticexpialidocious " * 3)) <= 32


def test_unique_id() -> None:
    taken = {"shipped", "shipped-2"}
    assert brag_list.unique_id("Shipped", taken) == "shipped-3"
    assert brag_list.unique_id("Shipped", set()) == "shipped"


@pytest.fixture
def three() -> BragList:
    brag = BragList()
    brag_list.add(brag, "Cut the nightly batch", NOW)
    brag_list.add(brag, "Cut the release time", NOW)
    brag_list.add(brag, "Mentored four juniors", NOW)
    return brag


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("cut-the-nightly-batch", "cut-the-nightly-batch"),
        ("cut-the-n", "cut-the-nightly-batch"),
        ("men", "mentored-four-juniors"),
        ("MEN", "mentored-four-juniors"),
        (" 2 ", "cut-the-release-time"),
        ("#3", "mentored-four-juniors"),
    ],
)
def test_find(three: BragList, ref: str, expected: str) -> None:
    assert brag_list.find(three, ref).id == expected


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("cut", "fits 2 stories (cut-the-nightly-batch, cut-the-release-time)"),
        ("4", "There is no story number 4: your brag list has 3 stories"),
        ("0", "There is no story number 0"),
        ("nothing", "Nothing on your brag list is called 'nothing'"),
        ("", "Say which story"),
    ],
)
def test_find_says_what_is_wrong(three: BragList, ref: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        brag_list.find(three, ref)
    assert message in caught.value.message


def test_an_exact_id_wins_over_a_longer_one() -> None:
    brag = BragList()
    brag_list.add(brag, "Shipped", NOW)
    brag_list.add(brag, "Shipped", NOW)
    assert [i.id for i in brag.items] == ["shipped", "shipped-2"]
    assert brag_list.find(brag, "shipped").id == "shipped"


# --- add, edit, remove ---------------------------------------------------------------------------


def test_add_cleans_what_it_is_given() -> None:
    brag = BragList()
    new = brag_list.add(
        brag,
        "  Cut costs  ",
        NOW,
        situation=" ",
        number=" 20% ",
        tags=["money", "Money", " leadership , data", ""],
    )
    assert new.title == "Cut costs"
    assert new.situation is None
    assert new.number == "20%"
    assert new.tags == ["money", "leadership", "data"]
    assert new.source is None
    assert brag.items == [new]


def test_add_needs_a_title() -> None:
    with pytest.raises(ValueError, match="title"):
        brag_list.add(BragList(), "  ", NOW)


def test_edit_changes_only_what_is_given_and_keeps_the_id() -> None:
    brag = BragList()
    one = brag_list.add(brag, "Cut costs", NOW, situation="Budget cut", number="20%", tags=["x"])
    assert brag_list.edit(one, title="Cut cloud costs by a fifth", number="") is True
    assert one.id == "cut-costs"
    assert one.title == "Cut cloud costs by a fifth"
    assert one.number is None  # '' clears
    assert one.situation == "Budget cut"  # not given: kept
    assert one.tags == ["x"]
    assert brag_list.edit(one, tags=["a, b"]) is True
    assert one.tags == ["a", "b"]
    assert brag_list.edit(one, situation="Budget cut") is False
    with pytest.raises(ValueError, match="title"):
        brag_list.edit(one, title="")


def test_remove(three: BragList) -> None:
    gone = brag_list.remove(three, three.items[1])
    assert gone.id == "cut-the-release-time"
    assert [i.id for i in three.items] == ["cut-the-nightly-batch", "mentored-four-juniors"]
    with pytest.raises(ValueError, match="not on the list"):
        brag_list.remove(three, gone)


# --- rehearsal -----------------------------------------------------------------------------------


def test_pick_least_practised_first_then_lowest_rating_then_oldest() -> None:
    brag = BragList(
        items=[
            item("Practised twice", practised=2, ratings=[1, 1]),
            item("Practised once, rated 5", practised=1, ratings=[5]),
            item("Practised once, rated 2", practised=1, ratings=[2]),
            item("Never, added later", added_at=NOW),
            item("Never, added first", added_at=NOW - timedelta(days=3)),
        ]
    )
    picked = [i.title for i in brag_list.pick_for_rehearsal(brag, 10)]
    assert picked == [
        "Never, added first",
        "Never, added later",
        "Practised once, rated 2",
        "Practised once, rated 5",
        "Practised twice",
    ]
    assert [i.title for i in brag_list.pick_for_rehearsal(brag, 2)] == picked[:2]
    assert brag_list.pick_for_rehearsal(brag, 0) == []
    assert brag_list.pick_for_rehearsal(BragList(), 3) == []


def test_pick_same_need_goes_to_the_longest_unpractised() -> None:
    brag = BragList(
        items=[
            item("Yesterday", practised=1, ratings=[3], last_practised=NOW - timedelta(days=1)),
            item("Last week", practised=1, ratings=[3], last_practised=NOW - timedelta(days=7)),
        ]
    )
    assert [i.title for i in brag_list.pick_for_rehearsal(brag, 2)] == ["Last week", "Yesterday"]


def test_pick_keeps_list_order_on_a_tie() -> None:
    brag = BragList(items=[item("B story"), item("A story")])
    assert [i.title for i in brag_list.pick_for_rehearsal(brag, 2)] == ["B story", "A story"]


def test_record() -> None:
    one = item("Cut costs")
    brag_list.record(one, 4, NOW)
    later = NOW + timedelta(hours=1)
    brag_list.record(one, 2, later)
    assert (one.practised, one.ratings, one.last_practised) == (2, [4, 2], later)
    assert brag_list.average(one) == 3.0
    assert brag_list.average(item("New")) is None


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_record_refuses_a_rating_out_of_range(rating: int) -> None:
    one = item("Cut costs")
    with pytest.raises(ValueError, match="1 to 5"):
        brag_list.record(one, rating, NOW)
    assert one.practised == 0


def _phrasings(template_set: tuple[str, ...], text: str) -> set[str]:
    from rebound.sentences import speech

    return {speech.ENGLISH.say(t, value=text) for t in template_set}


def test_cue_asks_for_a_time_you_did_it() -> None:
    cue = brag_list.cue(item("Cut the nightly batch from 6 hours to 40 minutes"))
    assert cue in _phrasings(
        brag_list._AS_ACTION, "cut the nightly batch from 6 hours to 40 minutes"
    )


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Led a team of five.", "led a team of five"),
        ("Reduced costs by 20%", "reduced costs by 20%"),
        ("I mentored four juniors", "mentored four juniors"),
        ("Wrote the onboarding guide", "wrote the onboarding guide"),
    ],
)
def test_cue_for_titles_in_the_past_tense(title: str, text: str) -> None:
    assert brag_list.cue(item(title)) in _phrasings(brag_list._AS_ACTION, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Promotion to team lead", "promotion to team lead"),
        ("AWS migration in 3 weeks", "AWS migration in 3 weeks"),  # an acronym stays
        ("iOS app launch", "iOS app launch"),
        ("GraphQL gateway", "GraphQL gateway"),
        ("Speed up the build", "speed up the build"),  # 'speed' is not a past tense
    ],
)
def test_cue_for_other_titles_names_the_topic(title: str, text: str) -> None:
    assert brag_list.cue(item(title)) in _phrasings(brag_list._AS_TOPIC, text)


def test_cue_is_stable_and_varies_between_stories() -> None:
    titles = [f"Shipped feature number {n}" for n in range(40)]
    cues = [brag_list.cue(item(t)) for t in titles]
    assert cues == [brag_list.cue(item(t)) for t in titles]
    openings = {c.split(" you ")[0] for c in cues}
    assert len(openings) >= 3


def test_notes_in_star_order() -> None:
    one = item("Cut costs", result="20% less", situation="Budget cut", number="20%")
    assert brag_list.notes(one) == [
        ("Situation", "Budget cut"),
        ("Result", "20% less"),
        ("Number", "20%"),
    ]
    assert brag_list.notes(item("Bare")) == []

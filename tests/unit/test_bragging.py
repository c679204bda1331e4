"""The brag list's logic: gathering from sessions, ids, references, rehearsal order, cues."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from rebound import bragging
from rebound.errors import UsageError
from rebound.models import Accomplishment, BragList, OpenList, Session

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)

NIGHTLY = {
    "title": "Cut the nightly batch from 6 hours to 40 minutes",
    "story": True,
    "situation": "Reports kept missing the morning deadline",
    "task": "Make the batch finish before 7am",
    "action": "Rewrote the joins",
    "result": "Reports on time every day since",
    "number": "89% faster",
}
RELEASE = {"title": "Cut the release time from a day to an hour", "story": False, "number": None}


def session(session_id: str, days_ago: int = 0, **fields: object) -> Session:
    moment = NOW - timedelta(days=days_ago)
    return Session.model_validate(
        {"id": session_id, "created_at": moment, "updated_at": moment, **fields}
    )


def item(title: str, **fields: object) -> Accomplishment:
    return Accomplishment.model_validate(
        {"id": bragging.slug(title), "title": title, "added_at": NOW, **fields}
    )


# --- sync ----------------------------------------------------------------------------------------


def test_sync_adds_each_entry_with_its_story_and_source() -> None:
    brag = BragList()
    added = bragging.sync(
        brag, [session("2026-03-01-globex", answers={"accomplishments": [NIGHTLY, RELEASE]})], NOW
    )
    assert added == 2
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
    assert first.source == "2026-03-01-globex#1"
    assert first.added_at == NOW
    assert (first.practised, first.ratings, first.last_practised) == (0, [], None)
    assert second.id == "cut-the-release-time"
    assert second.source == "2026-03-01-globex#2"
    assert second.situation is None
    assert second.number is None


def test_sync_is_idempotent() -> None:
    sessions = [session("s1", answers={"accomplishments": [NIGHTLY, RELEASE]})]
    brag = BragList()
    assert bragging.sync(brag, sessions, NOW) == 2
    before = brag.model_dump()
    assert bragging.sync(brag, sessions, NOW + timedelta(days=1)) == 0
    assert brag.model_dump() == before


def test_sync_keeps_edits_and_practice() -> None:
    sessions = [session("s1", answers={"accomplishments": [NIGHTLY]})]
    brag = BragList()
    bragging.sync(brag, sessions, NOW)
    bragging.edit(brag.items[0], title="Made the nightly batch 9x faster")
    bragging.record(brag.items[0], 4, NOW)
    assert bragging.sync(brag, sessions, NOW) == 0
    assert [i.title for i in brag.items] == ["Made the nightly batch 9x faster"]
    assert brag.items[0].ratings == [4]


def test_sync_takes_new_entries_of_a_session_later() -> None:
    brag = BragList()
    bragging.sync(brag, [session("s1", answers={"accomplishments": [NIGHTLY]})], NOW)
    grown = session("s1", answers={"accomplishments": [NIGHTLY, RELEASE]})
    assert bragging.sync(brag, [grown], NOW) == 1
    assert [i.source for i in brag.items] == ["s1#1", "s1#2"]


def test_sync_takes_finished_entries_of_an_open_list_but_not_the_one_being_typed() -> None:
    typing = session(
        "s1",
        open_lists={"accomplishments": OpenList(items=[NIGHTLY], current={"title": "Half-typed"})},
    )
    brag = BragList()
    assert bragging.sync(brag, [typing], NOW) == 1
    assert brag.items[0].source == "s1#1"
    # When the list is finished, the same entry is not added twice.
    done = session("s1", answers={"accomplishments": [NIGHTLY, RELEASE]})
    assert bragging.sync(brag, [done], NOW) == 1
    assert [i.source for i in brag.items] == ["s1#1", "s1#2"]


def test_sync_goes_oldest_session_first_and_ids_stay_unique() -> None:
    newer = session("2026-03-01-initech", days_ago=1, answers={"accomplishments": [NIGHTLY]})
    older = session("2026-02-01-globex", days_ago=29, answers={"accomplishments": [NIGHTLY]})
    brag = BragList()
    assert bragging.sync(brag, [newer, older], NOW) == 2
    assert [(i.id, i.source) for i in brag.items] == [
        ("cut-the-nightly-batch", "2026-02-01-globex#1"),
        ("cut-the-nightly-batch-2", "2026-03-01-initech#1"),
    ]


def test_sync_skips_what_it_cannot_use() -> None:
    sessions = [
        session("s1"),  # nothing answered yet
        session("s2", answers={"accomplishments": None}),
        session("s3", answers={"accomplishments": [{"title": "  "}, {"story": False}, RELEASE]}),
        session("", answers={"accomplishments": [NIGHTLY]}),  # not saved yet: no id to refer to
    ]
    brag = BragList()
    assert bragging.sync(brag, sessions, NOW) == 1
    assert brag.items[0].source == "s3#3"  # numbered by position, blanks included


def test_sync_leaves_out_sources_to_skip() -> None:
    brag = BragList()
    sessions = [session("s1", answers={"accomplishments": [NIGHTLY, RELEASE]})]
    assert bragging.sync(brag, sessions, NOW, skip={"s1#1"}) == 1
    assert [i.source for i in brag.items] == ["s1#2"]


def test_sync_does_not_touch_items_added_by_hand() -> None:
    brag = BragList()
    bragging.add(brag, "Cut the nightly batch", NOW)
    bragging.sync(brag, [session("s1", answers={"accomplishments": [NIGHTLY]})], NOW)
    assert [(i.id, i.source) for i in brag.items] == [
        ("cut-the-nightly-batch", None),
        ("cut-the-nightly-batch-2", "s1#1"),
    ]


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
    assert bragging.slug(title) == expected


def test_slug_is_short() -> None:
    assert len(bragging.slug("Supercalifragilisticexpialidocious " * 3)) <= 32


def test_unique_id() -> None:
    taken = {"shipped", "shipped-2"}
    assert bragging.unique_id("Shipped", taken) == "shipped-3"
    assert bragging.unique_id("Shipped", set()) == "shipped"


@pytest.fixture
def three() -> BragList:
    brag = BragList()
    bragging.add(brag, "Cut the nightly batch", NOW)
    bragging.add(brag, "Cut the release time", NOW)
    bragging.add(brag, "Mentored four juniors", NOW)
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
    assert bragging.find(three, ref).id == expected


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
        bragging.find(three, ref)
    assert message in caught.value.message


def test_an_exact_id_wins_over_a_longer_one() -> None:
    brag = BragList()
    bragging.add(brag, "Shipped", NOW)
    bragging.add(brag, "Shipped", NOW)
    assert [i.id for i in brag.items] == ["shipped", "shipped-2"]
    assert bragging.find(brag, "shipped").id == "shipped"


# --- add, edit, remove ---------------------------------------------------------------------------


def test_add_cleans_what_it_is_given() -> None:
    brag = BragList()
    new = bragging.add(
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
        bragging.add(BragList(), "  ", NOW)


def test_edit_changes_only_what_is_given_and_keeps_the_id() -> None:
    brag = BragList()
    one = bragging.add(brag, "Cut costs", NOW, situation="Budget cut", number="20%", tags=["x"])
    assert bragging.edit(one, title="Cut cloud costs by a fifth", number="") is True
    assert one.id == "cut-costs"
    assert one.title == "Cut cloud costs by a fifth"
    assert one.number is None  # '' clears
    assert one.situation == "Budget cut"  # not given: kept
    assert one.tags == ["x"]
    assert bragging.edit(one, tags=["a, b"]) is True
    assert one.tags == ["a", "b"]
    assert bragging.edit(one, situation="Budget cut") is False
    with pytest.raises(ValueError, match="title"):
        bragging.edit(one, title="")


def test_remove(three: BragList) -> None:
    gone = bragging.remove(three, three.items[1])
    assert gone.id == "cut-the-release-time"
    assert [i.id for i in three.items] == ["cut-the-nightly-batch", "mentored-four-juniors"]
    with pytest.raises(ValueError, match="not on the list"):
        bragging.remove(three, gone)


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
    picked = [i.title for i in bragging.pick_for_rehearsal(brag, 10)]
    assert picked == [
        "Never, added first",
        "Never, added later",
        "Practised once, rated 2",
        "Practised once, rated 5",
        "Practised twice",
    ]
    assert [i.title for i in bragging.pick_for_rehearsal(brag, 2)] == picked[:2]
    assert bragging.pick_for_rehearsal(brag, 0) == []
    assert bragging.pick_for_rehearsal(BragList(), 3) == []


def test_pick_same_need_goes_to_the_longest_unpractised() -> None:
    brag = BragList(
        items=[
            item("Yesterday", practised=1, ratings=[3], last_practised=NOW - timedelta(days=1)),
            item("Last week", practised=1, ratings=[3], last_practised=NOW - timedelta(days=7)),
        ]
    )
    assert [i.title for i in bragging.pick_for_rehearsal(brag, 2)] == ["Last week", "Yesterday"]


def test_pick_keeps_list_order_on_a_tie() -> None:
    brag = BragList(items=[item("B story"), item("A story")])
    assert [i.title for i in bragging.pick_for_rehearsal(brag, 2)] == ["B story", "A story"]


def test_record() -> None:
    one = item("Cut costs")
    bragging.record(one, 4, NOW)
    later = NOW + timedelta(hours=1)
    bragging.record(one, 2, later)
    assert (one.practised, one.ratings, one.last_practised) == (2, [4, 2], later)
    assert bragging.average(one) == 3.0
    assert bragging.average(item("New")) is None


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_record_refuses_a_rating_out_of_range(rating: int) -> None:
    one = item("Cut costs")
    with pytest.raises(ValueError, match="1 to 5"):
        bragging.record(one, rating, NOW)
    assert one.practised == 0


def _phrasings(template_set: tuple[str, ...], text: str) -> set[str]:
    return {t.format(text) for t in template_set}


def test_cue_asks_for_a_time_you_did_it() -> None:
    cue = bragging.cue(item("Cut the nightly batch from 6 hours to 40 minutes"))
    assert cue in _phrasings(
        bragging._AS_ACTION, "cut the nightly batch from 6 hours to 40 minutes"
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
    assert bragging.cue(item(title)) in _phrasings(bragging._AS_ACTION, text)


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
    assert bragging.cue(item(title)) in _phrasings(bragging._AS_TOPIC, text)


def test_cue_is_stable_and_varies_between_stories() -> None:
    titles = [f"Shipped feature number {n}" for n in range(40)]
    cues = [bragging.cue(item(t)) for t in titles]
    assert cues == [bragging.cue(item(t)) for t in titles]
    openings = {c.split(" you ")[0] for c in cues}
    assert len(openings) >= 3


def test_notes_in_star_order() -> None:
    one = item("Cut costs", result="20% less", situation="Budget cut", number="20%")
    assert bragging.notes(one) == [
        ("Situation", "Budget cut"),
        ("Result", "20% less"),
        ("Number", "20%"),
    ]
    assert bragging.notes(item("Bare")) == []

"""Two versions of a session, of the brag list and of the contact log, merged: nothing typed on
either side is lost, and the merge is the same whichever side comes first."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from rebound.storage.merging import EDITED, merge_sessions
from rebound.storage.merging_shared import merge_brag, merge_contacts
from rebound.storage.migrations import dump
from rebound.storage.records import (
    Accomplishment,
    BragList,
    ContactLog,
    KeptContact,
    OpenList,
    Session,
    Thread,
    Touch,
)
from rebound.storage.stamps import stamp_changed, stamp_written

T0 = datetime(2026, 12, 6, 9, 0, tzinfo=timezone.utc)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def base() -> Session:
    """A session as both computers had it when they last agreed."""
    session = Session(id="2026-12-06-acme", created_at=T0, updated_at=at(1))
    session.answers = {"company": "Acme", "role": "Engineer"}
    session.answered_at = {"company": at(0), "role": at(1)}
    stamp_written(session, None, "laptop")
    return session


def write(session: Session, key: str, value: object, minute: int, machine: str) -> Session:
    """`session` with one more answer given on `machine` (as the store saves it)."""
    out = session.model_copy(deep=True)
    seen = dict(out.answered_at)
    out.answers[key] = value  # type: ignore[assignment]
    out.answered_at[key] = at(minute)
    out.updated_at = at(minute)
    stamp_written(out, seen, machine)
    return out


def both_ways(a: Session, b: Session) -> Session:
    """The merge, checked to be the same either way round and to change nothing when done
    again with either side."""
    one, _ = merge_sessions(a, b)
    two, _ = merge_sessions(b, a)
    assert one.answers == two.answers
    assert one.also == two.also
    assert one.ticked == two.ticked and one.unticked == two.unticked
    for side in (a, b):
        again, report = merge_sessions(one, side)
        assert dump(again) == dump(merge_sessions(one, side)[0])
        assert again.answers == one.answers and again.also == one.also
        assert report.both == 0
    return one


def test_answers_given_on_one_side_each_are_all_kept() -> None:
    laptop = write(base(), "reasons", "Budget", 5, "laptop")
    desktop = write(base(), "learned", "Ask earlier", 6, "desktop")
    merged = both_ways(laptop, desktop)
    assert merged.answers["reasons"] == "Budget"
    assert merged.answers["learned"] == "Ask earlier"
    assert merged.also == {}
    assert merged.written["learned"].on == "desktop"


def test_an_answer_changed_on_one_side_only_is_simply_the_answer() -> None:
    """The other side still has the value both agreed on: that is no conflict."""
    changed = write(base(), "role", "Staff engineer", 5, "desktop")
    merged = both_ways(base(), changed)
    assert merged.answers["role"] == "Staff engineer"
    assert merged.also == {}


def test_an_answer_changed_twice_on_one_side_is_still_the_answer() -> None:
    changed = write(write(base(), "role", "Lead", 5, "desktop"), "role", "Staff", 7, "desktop")
    merged = both_ways(base(), changed)
    assert merged.answers["role"] == "Staff" and merged.also == {}


def test_an_answer_changed_on_both_sides_keeps_the_newer_and_the_other_beside_it() -> None:
    laptop = write(base(), "role", "Staff engineer", 5, "laptop")
    desktop = write(base(), "role", "Principal engineer", 8, "desktop")
    merged = both_ways(laptop, desktop)
    assert merged.answers["role"] == "Principal engineer"
    [other] = merged.also["role"]
    assert (other.value, other.on, other.at) == ("Staff engineer", "laptop", at(5))
    # The laptop, meeting the merged file again, finds its answer already seen: no conflict.
    again, report = merge_sessions(laptop, merged)
    assert again.answers["role"] == "Principal engineer" and report.both == 0


def test_after_a_merge_a_later_change_on_one_side_wins_cleanly() -> None:
    laptop = write(base(), "role", "Staff engineer", 5, "laptop")
    desktop = write(base(), "role", "Principal engineer", 8, "desktop")
    merged = both_ways(laptop, desktop)
    later = write(merged, "role", "Director", 9, "laptop")
    final = both_ways(merged, later)
    assert final.answers["role"] == "Director"
    assert [a.value for a in final.also["role"]] == ["Staff engineer"]  # never dropped


def entries(*texts: str) -> list[dict[str, str | None]]:
    return [{"_id": f"e{n}", "title": t} for n, t in enumerate(texts, 1) if t]


def test_list_entries_are_merged_by_their_ids() -> None:
    start = write(base(), "fixes", entries("Practice STAR"), 2, "laptop")
    laptop = write(
        start, "fixes", [*entries("Practice STAR"), {"_id": "e2", "title": "Mock"}], 5, "laptop"
    )
    desktop = write(
        start, "fixes", [*entries("Practice STAR"), {"_id": "e3", "title": "Read"}], 6, "desktop"
    )
    merged = both_ways(laptop, desktop)
    titles = [e["title"] for e in merged.answers["fixes"]]  # type: ignore[index,union-attr]
    assert titles == ["Practice STAR", "Mock", "Read"]


def test_one_entry_id_written_differently_on_both_sides_keeps_both() -> None:
    start = write(base(), "fixes", entries("Practice STAR"), 2, "laptop")
    laptop = write(
        start, "fixes", [*entries("Practice STAR"), {"_id": "e2", "title": "Mock"}], 5, "laptop"
    )
    desktop = write(
        start, "fixes", [*entries("Practice STAR"), {"_id": "e2", "title": "Read"}], 6, "desktop"
    )
    merged = both_ways(laptop, desktop)
    assert [e["title"] for e in merged.answers["fixes"]] == ["Practice STAR", "Read"]  # type: ignore[index,union-attr]
    [other] = merged.also["fixes"]
    assert other.value == [{"_id": "e2", "title": "Mock"}] and other.on == "laptop"


def test_a_list_open_on_one_side_stays_open_with_every_entry() -> None:
    closed = write(base(), "fixes", entries("Practice STAR"), 2, "laptop")
    reopened = closed.model_copy(deep=True)
    del reopened.answers["fixes"]
    reopened.open_lists["fixes"] = OpenList(
        items=[*entries("Practice STAR"), {"_id": "e2", "title": "Mock"}], current={"_id": "e3"}
    )
    reopened.updated_at = at(9)
    merged = both_ways(closed, reopened)
    assert "fixes" not in merged.answers
    assert [e["title"] for e in merged.open_lists["fixes"].items] == ["Practice STAR", "Mock"]
    assert merged.open_lists["fixes"].current == {"_id": "e3"}
    assert merged.finished_at is None


def test_ticks_the_later_tick_or_untick_wins() -> None:
    laptop, desktop = base(), base()
    laptop.ticked = {"thank-you-sent": at(3), "fix-e1": at(2)}
    desktop.ticked = {"fix-e1": at(2)}
    desktop.unticked = {"thank-you-sent": at(5)}  # unticked later on the desktop
    laptop.unticked = {"fix-e2": at(1)}
    desktop.ticked["fix-e2"] = at(4)  # ticked later on the desktop
    merged = both_ways(laptop, desktop)
    assert set(merged.ticked) == {"fix-e1", "fix-e2"}
    assert merged.unticked == {"thank-you-sent": at(5)}
    assert merged.ticked["fix-e1"] == at(2)


def test_an_edited_draft_changed_on_both_sides_keeps_both() -> None:
    laptop, desktop = base(), base()
    laptop.edited = {"thank_you_email": "Dear Dana, thank you."}
    laptop.updated_at = at(4)
    desktop.edited = {"thank_you_email": "Hi Dana, thanks!"}
    desktop.updated_at = at(6)
    merged = both_ways(laptop, desktop)
    assert merged.edited["thank_you_email"] == "Hi Dana, thanks!"
    assert [a.value for a in merged.also[EDITED + "thank_you_email"]] == ["Dear Dana, thank you."]


def test_answers_from_before_the_marks_merge_too() -> None:
    """Files saved before rebound marked who wrote what (no `written`): merged by time."""
    old = base()
    old.written = {}
    newer = old.model_copy(deep=True)
    newer.answers["role"] = "Staff"
    newer.answered_at["role"] = at(7)
    merged = both_ways(old, newer)
    assert merged.answers["role"] == "Staff"
    assert [a.value for a in merged.also["role"]] == ["Engineer"]  # no marks: kept, to be safe


# --- the brag list ---------------------------------------------------------------------------


def story(item_id: str, title: str, minute: int, **more: object) -> Accomplishment:
    return Accomplishment(id=item_id, title=title, added_at=at(minute), **more)  # type: ignore[arg-type]


def test_stories_added_on_both_sides_are_all_kept_and_ids_stay_unique() -> None:
    both = [story("ship", "Shipped it", 0)]
    laptop = BragList(items=[*both, story("mentor", "Mentored Sam", 5)])
    desktop = BragList(items=[*both, story("mentor", "Mentored Ana", 6)])
    merged, report = merge_brag(laptop, desktop)
    assert [i.title for i in merged.items] == ["Shipped it", "Mentored Sam", "Mentored Ana"]
    assert len({i.id for i in merged.items}) == 3
    assert report.changes >= 1
    again, _ = merge_brag(merged, desktop)
    assert [i.title for i in again.items] == [i.title for i in merged.items]


def test_practice_on_both_sides_is_counted_once_each() -> None:
    agreed = story("ship", "Shipped it", 0, ratings=[3, 4], practised=2)
    laptop = BragList(items=[agreed.model_copy(update={"ratings": [3, 4, 5], "practised": 3})])
    desktop = BragList(items=[agreed.model_copy(update={"ratings": [3, 4, 2], "practised": 3})])
    merged, _ = merge_brag(laptop, desktop)
    [item] = merged.items
    assert sorted(item.ratings) == [2, 3, 4, 5] and item.practised == 4
    again, _ = merge_brag(merged, laptop)
    assert again.items[0].ratings == item.ratings and again.items[0].practised == 4


def test_a_story_edited_on_one_side_takes_the_edit_and_on_both_keeps_both() -> None:
    agreed = story("ship", "Shipped it", 0)
    edited = agreed.model_copy(deep=True)
    edited.result = "Half the errors"
    stamp_changed(edited, at(5), "laptop")
    merged, report = merge_brag(BragList(items=[agreed]), BragList(items=[edited]))
    assert [i.result for i in merged.items] == ["Half the errors"] and report.both == 0
    other = agreed.model_copy(deep=True)
    other.result = "Fewer pages at night"
    stamp_changed(other, at(6), "desktop")
    merged, report = merge_brag(BragList(items=[edited]), BragList(items=[other]))
    assert sorted(i.result or "" for i in merged.items) == [
        "Fewer pages at night",
        "Half the errors",
    ]
    assert report.both == 1 and len({i.id for i in merged.items}) == 2


def test_a_story_taken_off_on_one_side_stays_off() -> None:
    item = story("ship", "Shipped it", 0, source="2026-12-06-acme#e1")
    kept = BragList(items=[item])
    taken_off = BragList(items=[], removed=["2026-12-06-acme#e1"])
    merged, _ = merge_brag(kept, taken_off)
    assert merged.items == [] and merged.removed == ["2026-12-06-acme#e1"]


# --- the contact log --------------------------------------------------------------------------


def touch(touch_id: str, minute: int, note: str) -> Touch:
    return Touch(id=touch_id, on=date(2026, 12, 6), logged_at=at(minute), note=note)


def test_touches_logged_on_both_sides_are_all_kept_with_ids_of_their_own() -> None:
    agreed = [touch("t1", 0, "Coffee")]
    laptop = ContactLog(
        people={"dana": KeptContact(name="Dana", touches=[*agreed, touch("t2", 5, "Call")])}
    )
    desktop = ContactLog(
        people={"dana": KeptContact(name="Dana", touches=[*agreed, touch("t2", 6, "Lunch")])}
    )
    merged, report = merge_contacts(laptop, desktop)
    touches = merged.people["dana"].touches
    assert [t.note for t in touches] == ["Coffee", "Call", "Lunch"]
    assert sorted(t.id for t in touches) == ["t1", "t2", "t3"]
    assert report.changes == 1
    assert merge_contacts(merged, desktop)[0] == merged


def test_people_met_on_either_side_are_all_kept() -> None:
    laptop = ContactLog(people={"dana": KeptContact(name="Dana", touches=[touch("t1", 0, "a")])})
    desktop = ContactLog(people={"sam": KeptContact(name="Sam", every_weeks=2)})
    merged, _ = merge_contacts(laptop, desktop)
    assert set(merged.people) == {"dana", "sam"} and merged.people["sam"].every_weeks == 2


def test_rewritten_sentences_and_the_email_a_session_started_from_are_kept() -> None:
    """What the person rewrote in a draft's sentences is theirs; two rewrites of one sentence
    keep the newer, and the other beside it (as an edited draft's)."""
    laptop = write(base(), "reasons", "Budget", 5, "laptop")
    laptop.sentences = {"detail": "Thank you for the honest call.", "closing": "Best, Ana"}
    laptop.thread = Thread(message_id="<m1@acme.example>", subject="Your application")
    laptop.suggested = {"role": "Engineer"}
    desktop = write(base(), "learned", "Ask earlier", 6, "desktop")
    desktop.sentences = {"detail": "Thanks for telling me straight."}
    merged = both_ways(laptop, desktop)
    assert merged.sentences == {
        "detail": "Thanks for telling me straight.",
        "closing": "Best, Ana",
    }
    assert [a.value for a in merged.also["sentence:detail"]] == ["Thank you for the honest call."]
    assert merged.thread == laptop.thread
    assert merged.suggested == {"role": "Engineer"}

"""The coach's pure logic, on the real content: order, resume points, lists, checklist."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from rebound.coach import progress
from rebound.pack import packs
from rebound.pack.context import context, entry_id, entry_number
from rebound.pack.models import Content
from rebound.storage.records import AnswerValue, OpenList, Session

NOW = datetime(2026, 11, 25, 9, 0).astimezone()  # 9:00 local time, on the 25th in every zone

OPENING = {
    "company": "Globex",
    "role": "Data Engineer",
    "internal": False,
    "stage": "interviews",
    "messenger_name": "Dana Smith",
    "messenger_channel": "phone",
    "messenger_email": None,
    "call_date": "2026-11-25",
    "your_name": "Alex",
}


@pytest.fixture(scope="module")
def loaded() -> Content:
    return packs.load()


def fresh() -> Session:
    return Session(id="s", created_at=NOW, updated_at=NOW)


def answer(c: Content, s: Session, value: AnswerValue) -> progress.Position:
    pos = progress.next_position(c, s)
    assert pos is not None, "expected another question"
    progress.apply(c, s, pos, value, NOW)
    return pos


def answer_opening(c: Content, s: Session) -> None:
    for key, value in OPENING.items():
        pos = answer(c, s, value)
        assert pos.prompt.id == key


def test_first_question_is_the_company(loaded: Content) -> None:
    pos = progress.next_position(loaded, fresh())
    assert pos is not None
    assert (pos.step_number, pos.step, pos.prompt.id) == (0, None, "company")


def test_opening_then_step_one(loaded: Content) -> None:
    s = fresh()
    answer_opening(loaded, s)
    pos = progress.next_position(loaded, s)
    assert pos is not None and pos.step is not None
    assert (pos.step_number, pos.step.id, pos.prompt.id) == (1, "thank", "thanked_on_call")


def test_condition_skips_and_asks(loaded: Content) -> None:
    s = fresh()
    s.answers.update(
        OPENING,
        thanked_on_call=True,
        thank_detail=None,
        door="none",
        reasons_heard="not_yet",
        feedback_in_thanks="separate",
        feedback_asked="on_call",
        reasons=None,
    )
    answer(loaded, s, ["communication"])
    nxt = progress.next_position(loaded, s)
    assert nxt is not None and nxt.prompt.id == "weakness"  # areas_other skipped
    s.answers["areas"] = ["other"]
    nxt = progress.next_position(loaded, s)
    assert nxt is not None and nxt.prompt.id == "areas_other"


def reach(c: Content, s: Session, prompt_id: str) -> None:
    """Answer every question with something sensible until `prompt_id` is next."""
    filler: dict[str, AnswerValue] = {
        "thanked_on_call": True,
        "door": "none",
        "reasons_heard": "not_yet",
        "feedback_in_thanks": "separate",
        "feedback_asked": "will_email",
        "areas": ["preparation"],
        "went_well": "The case study",
    }
    while True:
        pos = progress.next_position(c, s)
        assert pos is not None
        if pos.prompt.id == prompt_id:
            return
        q = pos.question
        value = OPENING.get(q.id, filler.get(q.id, None if not q.required else "x"))
        progress.apply(c, s, pos, value, NOW)


def test_list_prompt_entries_and_more(loaded: Content) -> None:
    s = fresh()
    reach(loaded, s, "fixes")
    pos = answer(loaded, s, "Practise joins")
    assert pos.field is not None and pos.field.id == "what" and pos.entry == 1
    # The partial entry is kept in the session at once (it is saved after every answer).
    assert s.open_lists["fixes"].current == {"_id": "e1", "what": "Practise joins"}
    pos = answer(loaded, s, "2026-12-09")
    assert pos.field is not None and pos.field.id == "due"
    assert s.open_lists["fixes"].items == [
        {"_id": "e1", "what": "Practise joins", "due": "2026-12-09"}
    ]
    assert s.open_lists["fixes"].current is None
    more = progress.next_position(loaded, s)
    assert more is not None and more.more and more.entry == 2
    assert more.more_message == "Add another fix?"
    answer(loaded, s, True)
    answer(loaded, s, "Tell stories")
    answer(loaded, s, None)
    answer(loaded, s, False)
    assert s.answers["fixes"] == [
        {"_id": "e1", "what": "Practise joins", "due": "2026-12-09"},
        {"_id": "e2", "what": "Tell stories", "due": None},
    ]
    assert "fixes" not in s.open_lists
    assert s.answered_at["fixes"] == NOW
    assert s.answered_at["went_well"] == NOW
    nxt = progress.next_position(loaded, s)
    assert nxt is not None and nxt.prompt.id == "move_on_date"


def test_optional_list_asks_first(loaded: Content) -> None:
    s = fresh()
    reach(loaded, s, "contacts")
    answer(loaded, s, "Priya")
    answer(loaded, s, "former_colleague")
    answer(loaded, s, "email")
    answer(loaded, s, None)  # their address: left blank
    answer(loaded, s, None)  # nothing in particular to ask them
    answer(loaded, s, False)
    pos = progress.next_position(loaded, s)
    assert pos is not None and pos.prompt.id == "events" and pos.more
    assert pos.more_message.startswith("Is there a networking event")
    answer(loaded, s, False)
    assert s.answers["events"] == []


def test_list_field_condition_uses_the_entry(loaded: Content) -> None:
    s = fresh()
    reach(loaded, s, "accomplishments")
    answer(loaded, s, "Shipped the thing")
    answer(loaded, s, False)  # no story: situation/action/result skipped
    pos = progress.next_position(loaded, s)
    assert pos is not None and pos.field is not None and pos.field.id == "number"


def test_whole_session_finishes_and_checklist(loaded: Content) -> None:
    s = fresh()
    reach(loaded, s, "fixes")
    for value in ("Practise joins", "2026-12-09", False):
        answer(loaded, s, value)
    reach(loaded, s, "contacts")
    for value in ("Priya", "head_hunter", "linkedin", False, False):
        answer(loaded, s, value)
    while (pos := progress.next_position(loaded, s)) is not None:
        progress.apply(loaded, s, pos, "x" if pos.question.required else pos.question.default, NOW)
    assert s.finished_at == NOW
    assert progress.steps_done(loaded, s) == 5
    items = {e.id: e for e in progress.checklist(loaded, s)}
    assert items["thank-you-sent"].label == "Thank-you email sent to Dana Smith"
    assert not items["thank-you-sent"].done
    assert items["fix-1"].label == "Fix: Practise joins"
    assert items["fix-1"].due == date(2026, 12, 9)
    assert items["contact-1"].label == "Reach out to Priya (Head hunter or recruiter, LinkedIn)"
    assert items["feedback-asked"].done is False  # they chose to send it later
    assert "feedback-asked-call" not in items
    assert items["weekly-target"].info
    # Ticking, and the next action moving on.
    first_action, first_item = progress.next_action(loaded, s)
    assert first_item is not None
    progress.tick(loaded, s, first_item.id, NOW)
    assert {e.id: e for e in progress.checklist(loaded, s)}[first_item.id].done
    second_action, second_item = progress.next_action(loaded, s)
    assert second_item is not None and second_item.id != first_item.id
    assert second_action != first_action
    with pytest.raises(KeyError):
        progress.tick(loaded, s, "weekly-target", NOW)  # info items are not ticked
    with pytest.raises(KeyError):
        progress.tick(loaded, s, "no-such-item", NOW)
    progress.tick(loaded, s, first_item.id, NOW, undo=True)
    assert first_item.id not in s.ticked


def test_open_items_order(loaded: Content) -> None:
    s = fresh()
    reach(loaded, s, "fixes")
    for value in ("Later fix", "2027-01-10", True, "Overdue fix", "2026-11-01", False):
        answer(loaded, s, value)
    today = date(2026, 11, 25)
    order = [e.id for e in progress.open_items(loaded, s, today)]
    # Overdue first, then undated ones in step order, then the later ones.
    assert order[0] == "fix-2"
    assert order.index("thank-you-sent") < order.index("fix-1")
    assert order[-1] == "fix-1"


def test_next_action_while_unfinished(loaded: Content) -> None:
    s = fresh()
    text, item = progress.next_action(loaded, s)
    assert "questions about the call" in text and item is None
    answer_opening(loaded, s)
    text, _ = progress.next_action(loaded, s)
    assert "step 1 of 5" in text and "rebound continue" in text


def test_drafts_are_filled_from_answers(loaded: Content) -> None:
    s = fresh()
    s.answers.update(OPENING, thanked_on_call=True, thank_detail="the [bold]honest[/bold] notes")
    s.answers["messenger_email"] = "dana@globex.example"
    text = progress.draft_text(loaded, s, loaded.step("thank").drafts[0])
    assert text.startswith(
        "To: Dana Smith <dana@globex.example>\nSubject: Thank you — Data Engineer at Globex\n"
        "\nHi Dana,\n\nThank you again for calling to let me know the decision on the Data "
        "Engineer role"
    )
    assert " Thank you also for the [bold]honest[/bold] notes.\n" in text
    assert text.rstrip().endswith("Alex")


def test_draft_without_optional_answers(loaded: Content) -> None:
    s = fresh()
    s.answers.update(OPENING, thanked_on_call=False, thank_detail=None)
    text = progress.draft_text(loaded, s, loaded.step("thank").drafts[0])
    # No address yet: no To: line (the mail app asks for one); the subject still says what for.
    assert text.startswith("Subject: Thank you — Data Engineer at Globex\n")
    assert "Thank you also for" not in text
    assert "Thank you for calling" in text and "Thank you again" not in text  # not thanked yet
    assert "\n\n\n" not in text


@pytest.mark.parametrize(
    ("company", "taken", "expected"),
    [
        ("Globex", set(), "2026-11-25-globex"),
        ("Globex", {"2026-11-25-globex"}, "2026-11-25-globex-2"),
        ("Globex", {"2026-11-25-globex", "2026-11-25-globex-2"}, "2026-11-25-globex-3"),
        ("Société Générale & Co.", set(), "2026-11-25-societe-generale-co"),
        ("株式会社", set(), "2026-11-25-session"),
        ("../../etc/passwd", set(), "2026-11-25-etc-passwd"),
    ],
)
def test_session_ids(company: str, taken: set[str], expected: str) -> None:
    s = fresh()
    s.answers["company"] = company
    assert progress.session_id(s, date(2026, 11, 25), taken) == expected


def test_condition_tests() -> None:
    from rebound.pack.conditions import Condition

    answers = {"a": "on_call", "b": ["x", "y"], "c": True, "d": None}
    assert progress.holds(Condition(prompt="a", one_of=["will_email", "on_call"]), answers)
    assert not progress.holds(Condition(prompt="a", one_of=["will_email"]), answers)
    assert progress.holds(Condition(prompt="b", contains="y"), answers)
    assert progress.holds(Condition(prompt="c", equals=True), answers)
    assert not progress.holds(Condition(prompt="c", equals=1), answers)  # True is not 1 here
    assert progress.holds(Condition(prompt="d", answered=False), answers)
    both = [Condition(prompt="a", equals="on_call"), Condition(prompt="d", answered=False)]
    assert progress.holds(both, answers)
    assert not progress.holds([*both, Condition(prompt="c", equals=False)], answers)


def test_due_after_counts_from_the_answer(loaded: Content) -> None:
    s = fresh()
    reach(loaded, s, "reasons")  # feedback_asked was answered at NOW, with 'will_email'
    s.answered_at["feedback_asked"] = datetime(2026, 11, 20, 18, 0).astimezone()
    reach(loaded, s, "went_well")
    items = {e.id: e for e in progress.checklist(loaded, s)}
    assert items["feedback-asked"].due == date(2026, 11, 22)
    assert items["feedback-followup"].due == date(2026, 11, 27)  # a week after asking
    assert items["thank-you-sent"].due == date(2026, 11, 25)  # the same day
    s.answers["reasons"] = "They wanted more Spark"
    assert "feedback-followup" not in {e.id for e in progress.checklist(loaded, s)}


# --- stable ids of list entries ------------------------------------------------------------------


def fixes(c: Content, s: Session, *whats: str, done: bool = True) -> None:
    """Type these fixes (no due date) at the fixes list; then "no more", or stay at the question
    "add another?"."""
    for n, what in enumerate(whats):
        if n:
            answer(c, s, True)
        answer(c, s, what)
        answer(c, s, None)
    if done:
        answer(c, s, False)


def to_fixes(c: Content, s: Session) -> None:
    """After a revisit of the reflect step: keep the first answer, on to the fixes list."""
    answer(c, s, s.previous["went_well"])
    pos = progress.next_position(c, s)
    assert pos is not None and pos.prompt.id == "fixes" and pos.more


def ids(s: Session, prompt_id: str) -> list[object]:
    value = s.answers.get(prompt_id)
    entries = value if isinstance(value, list) else s.open_lists[prompt_id].items
    return [e.get("_id") for e in entries if isinstance(e, dict)]


def test_each_entry_gets_an_id_when_it_is_started(loaded: Content) -> None:
    s = fresh()
    reach(loaded, s, "fixes")
    answer(loaded, s, "Practise joins")
    assert s.open_lists["fixes"].current == {"_id": "e1", "what": "Practise joins"}
    answer(loaded, s, None)
    answer(loaded, s, True)
    assert s.open_lists["fixes"].current == {}  # said yes, nothing typed: no id yet
    answer(loaded, s, "Tell stories")
    answer(loaded, s, None)
    answer(loaded, s, False)
    assert ids(s, "fixes") == ["e1", "e2"]
    reach(loaded, s, "contacts")
    for value in ("Priya", "head_hunter", "linkedin", False):
        answer(loaded, s, value)
    assert ids(s, "contacts") == ["e1"]  # each list counts its own
    assert (s.last_entry["fixes"], s.last_entry["contacts"]) == (2, 1)


def test_ctrl_b_back_into_an_entry_keeps_its_id(loaded: Content) -> None:
    s = fresh()
    reach(loaded, s, "fixes")
    fixes(loaded, s, "Practise joins", "Tell stories", done=False)
    at_more = progress.next_position(loaded, s)
    assert progress.back(loaded, s, at_more, NOW)  # back into the second entry: its due date
    assert s.open_lists["fixes"].current == {"_id": "e2", "what": "Tell stories"}
    assert progress.back(loaded, s, progress.next_position(loaded, s), NOW)  # and its text
    assert s.open_lists["fixes"].current == {"_id": "e2"}
    answer(loaded, s, "Tell shorter stories")
    answer(loaded, s, "2026-12-01")
    assert ids(s, "fixes") == ["e1", "e2"]
    assert s.open_lists["fixes"].items[1]["what"] == "Tell shorter stories"


def test_an_entry_backed_out_of_is_gone_and_its_id_is_never_given_again(loaded: Content) -> None:
    s = fresh()
    reach(loaded, s, "fixes")
    fixes(loaded, s, "Practise joins", "Tell stories", done=False)
    for _ in range(3):  # into the second entry, through its two fields, and out of it
        assert progress.back(loaded, s, progress.next_position(loaded, s), NOW)
    pos = progress.next_position(loaded, s)
    assert pos is not None and pos.more and pos.entry == 2  # "add another?" after the first
    assert ids(s, "fixes") == ["e1"]
    answer(loaded, s, True)
    fixes(loaded, s, "Ask for mock interviews")
    assert ids(s, "fixes") == ["e1", "e3"]  # another fix, so another id


def test_a_revisit_keeps_the_ids_and_new_entries_get_new_ones(loaded: Content) -> None:
    s = fresh()
    reach(loaded, s, "fixes")
    fixes(loaded, s, "Practise joins", "Tell stories")
    progress.revisit(loaded, s, "reflect", NOW)
    assert ids(s, "fixes") == ["e1", "e2"]  # reopened, with its entries as they were
    to_fixes(loaded, s)
    answer(loaded, s, True)
    fixes(loaded, s, "Ask for mock interviews")
    assert ids(s, "fixes") == ["e1", "e2", "e3"]
    # A revisit that changes nothing, interrupted: the list closes again as it was.
    progress.revisit(loaded, s, "reflect", NOW)
    progress.settle(loaded, s, "reflect", NOW)
    assert ids(s, "fixes") == ["e1", "e2", "e3"]


def test_templates_and_answers_never_see_the_id(loaded: Content) -> None:
    s = fresh()
    reach(loaded, s, "fixes")
    fixes(loaded, s, "Practise joins")
    shown = context(loaded, s)["fixes"]
    assert shown == [{"what": "Practise joins", "due": None}]


def test_a_tick_stays_with_its_entry_when_one_before_it_is_taken_out(loaded: Content) -> None:
    s = fresh()
    reach(loaded, s, "fixes")
    fixes(loaded, s, "Practise joins", "Tell stories", "Ask for mock interviews")
    progress.tick(loaded, s, "fix-3", NOW)
    assert s.ticked == {"fix-3": NOW}
    # The second fix taken out (a hand-edited file, or an answers file, can do that).
    answered = s.answers["fixes"]
    assert isinstance(answered, list)
    del answered[1]
    items = {e.id: e for e in progress.checklist(loaded, s)}
    assert [i for i in items if i.startswith("fix-")] == ["fix-1", "fix-3"]
    assert items["fix-3"].label == "Fix: Ask for mock interviews"
    assert items["fix-3"].done and not items["fix-1"].done
    progress.tick(loaded, s, "fix-1", NOW)  # what people type, as `rebound todo` shows it
    assert set(s.ticked) == {"fix-1", "fix-3"}


def test_a_tick_does_not_move_onto_an_entry_typed_in_place_of_a_removed_one(
    loaded: Content,
) -> None:
    s = fresh()
    reach(loaded, s, "fixes")
    fixes(loaded, s, "Practise joins", "Tell stories")
    progress.tick(loaded, s, "fix-2", NOW)
    progress.revisit(loaded, s, "reflect", NOW)
    to_fixes(loaded, s)
    for _ in range(3):  # back into the second fix, through its fields, and out of it
        assert progress.back(loaded, s, progress.next_position(loaded, s), NOW)
    answer(loaded, s, True)
    fixes(loaded, s, "Ask for mock interviews")
    items = {e.id: e for e in progress.checklist(loaded, s)}
    assert items["fix-3"].label == "Fix: Ask for mock interviews"
    assert not items["fix-3"].done  # the tick was the removed fix's, not this one's
    assert "fix-2" not in items


def test_an_entry_without_an_id_is_numbered_by_its_position(loaded: Content) -> None:
    assert entry_number({"what": "x"}, 2) == 2
    assert entry_number({"_id": "e7", "what": "x"}, 2) == 7
    assert entry_number({"_id": "odd"}, 3) == 3
    assert entry_id({"_id": "e7"}, 1) == "e7"
    s = fresh()
    reach(loaded, s, "fixes")
    s.open_lists["fixes"] = OpenList(items=[{"_id": "e4", "what": "From a hand-edited file"}])
    answer(loaded, s, True)
    fixes(loaded, s, "Next")
    assert ids(s, "fixes") == ["e4", "e5"]  # never an id already in the list

"""Lines said when they fit the answers, computed defaults, and drafts that adapt (pure logic)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from pydantic import ValidationError

from rebound.coach import progress
from rebound.pack import packs
from rebound.pack.conditions import Condition, Said
from rebound.pack.context import context
from rebound.pack.models import Content, Draft, Step
from rebound.storage.records import Session

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
CALL = {"messenger_channel": "phone"}
EMAIL = {"messenger_channel": "email"}


@pytest.fixture(scope="module")
def loaded() -> Content:
    return packs.load()


def session(**answers: object) -> Session:
    s = Session(id="s", created_at=NOW, updated_at=NOW)
    s.answers.update(answers)  # type: ignore[arg-type]
    return s


def test_a_plain_string_is_always_said() -> None:
    assert progress.said("Keep it short.", {}) == ["Keep it short."]
    assert progress.first_said("Done.", {}) == "Done."
    assert progress.first_said(None, {}) is None


def test_lines_are_said_when_they_hold() -> None:
    lines = [
        "Always.",
        Said(text="On a call.", when=Condition(prompt="messenger_channel", equals="phone")),
        Said(
            text="Not by email.", when=Condition(prompt="messenger_channel", not_one_of=["email"])
        ),
    ]
    assert progress.said(lines, CALL) == ["Always.", "On a call.", "Not by email."]
    assert progress.said(lines, EMAIL) == ["Always."]
    assert progress.said(lines, {}) == ["Always.", "Not by email."]  # not given is none of them
    assert progress.first_said(lines[1:], EMAIL) is None


def test_a_condition_can_test_a_filtered_answer() -> None:
    unsure = Condition(prompt="messenger_name", filter="address_sure", equals=False)
    assert progress.holds(unsure, {"messenger_name": "Gabriel García Márquez"})
    assert not progress.holds(unsure, {"messenger_name": "Dr. Kim Park"})
    assert not progress.holds(unsure, {})  # nothing to guess from: nothing to ask yet
    with pytest.raises(ValidationError, match="unknown filter 'shout'"):
        Condition(prompt="x", filter="shout", equals=True)


def test_a_step_of_plain_strings_still_loads_and_shows() -> None:
    step = Step(id="s", title="T", short="S", why="Why.", guidance=["A"], prompts=[], done="D.")
    assert progress.first_said(step.why, {}) == "Why."
    assert progress.said(step.guidance, {}) == ["A"]


def test_the_intro_of_step_one_fits_the_channel(loaded: Content) -> None:
    thank = loaded.step("thank")
    assert "that call" in (progress.first_said(thank.why, CALL) or "")
    by_email = progress.first_said(thank.why, EMAIL) or ""
    assert "call" not in by_email and by_email.startswith("Few candidates")
    assert any("same thread" in line for line in progress.said(thank.guidance, EMAIL))
    assert not any("conversation is fresh" in line for line in progress.said(thank.guidance, EMAIL))


def test_the_closing_line_of_ask_why_fits_what_happened(loaded: Content) -> None:
    done = loaded.step("ask-why").done
    assert "courage" in (
        progress.first_said(done, {"feedback_asked": "on_call", "reasons": "x"}) or ""
    )
    not_asked = progress.first_said(done, {"feedback_asked": "not_asking"}) or ""
    assert "courage" not in not_asked and "fine" in not_asked
    none_yet = progress.first_said(done, {"feedback_asked": "will_email", "reasons": ""}) or ""
    assert "courage" not in none_yet


def test_a_sure_greeting_is_read_without_asking(loaded: Content) -> None:
    s = session(messenger_name="Dr. Kim Park")
    assert context(loaded, s)["messenger_address"] == "Dr. Park"
    unsure = session(messenger_name="Gabriel García Márquez")
    assert "messenger_address" not in context(loaded, unsure)  # it is asked instead
    pos = progress.next_position(
        loaded, session(company="G", role="R", internal=False, stage="final", **unsure.answers)
    )
    assert pos is not None and pos.prompt.id == "messenger_address"
    assert progress.default_for(loaded, unsure, pos) == "Gabriel"


def opening(**more: object) -> Session:
    answers: dict[str, object] = {
        "company": "Globex",
        "role": "Data Engineer",
        "internal": False,
        "stage": "interviews",
        "messenger_name": "Dana Smith",
        "messenger_channel": "phone",
        "messenger_email": "dana@globex.example",
        "call_date": "2026-11-25",
        "your_name": "Alex",
        "thanked_on_call": True,
        "thank_detail": "",
        "door": "none",
        "reasons_heard": "not_yet",
    }
    return session(**{**answers, **more})


def test_heard_the_reasons_no_request_a_thank_you_for_them(loaded: Content) -> None:
    """Drafts follow what happened: told why on the call, the thank-you thanks for the reasons
    and asks nothing; asked but told nothing, it asks nothing again either."""
    heard = opening(reasons_heard="given")
    [thanks] = progress.drafts(loaded, heard)
    assert thanks.id == "thank_you_email"
    assert "being open with me about the reasons for the decision" in thanks.body
    assert "feedback" not in progress.checklist(loaded, heard)[0].label
    asked = opening(reasons_heard="asked")
    [thanks] = progress.drafts(loaded, asked)
    assert "there isn't more you can share" in thanks.body
    assert "?" not in thanks.body  # no question asked of someone who couldn't say
    for s in (heard, asked):
        pos = progress.next_position(loaded, s)
        assert pos is not None and pos.prompt.id == "reasons"  # not 'one email or two?'
        ids = {d.id for step in loaded.steps for d in step.drafts for _ in [step]}
        assert "feedback_request" in ids
        s.answers.update(reasons="They wanted more Spark", areas=[], weakness="")
        assert "feedback_request" not in {d.id for d in progress.drafts(loaded, s)}
        assert "feedback-followup" not in {e.id for e in progress.checklist(loaded, s)}


def test_one_email_or_two(loaded: Content) -> None:
    combined = opening(feedback_in_thanks="combined")
    assert [d.id for d in progress.drafts(loaded, combined)] == ["thanks_and_feedback_email"]
    [entry] = progress.checklist(loaded, combined)
    assert entry.label == "Thank-you email, with your feedback request, sent to Dana Smith"
    pos = progress.next_position(loaded, combined)
    assert pos is not None and pos.prompt.id == "reasons"  # not 'have you asked?': it does

    two = opening(feedback_in_thanks="separate")
    [thanks] = progress.drafts(loaded, two)
    assert thanks.id == "thank_you_email"
    assert (thanks.to, thanks.subject) == (
        "Dana Smith <dana@globex.example>",
        "Thank you — Data Engineer at Globex",
    )
    assert thanks.text == f"To: {thanks.to}\nSubject: {thanks.subject}\n\n{thanks.body}"
    assert progress.checklist(loaded, two)[0].label == "Thank-you email sent to Dana Smith"


def test_the_feedback_request_is_an_email_with_a_subject(loaded: Content) -> None:
    s = opening(feedback_in_thanks="separate")
    [request] = [d for d in loaded.step("ask-why").drafts if d.id == "feedback_request"]
    [made] = progress.draft_texts(loaded, s, request)
    assert made.to == "Dana Smith <dana@globex.example>"
    assert made.subject == "A request for feedback — Data Engineer at Globex"
    assert made.channel == "email"


def test_a_follow_up_comes_after_a_combined_email_too(loaded: Content) -> None:
    s = opening(feedback_in_thanks="combined", reasons="", areas=[], weakness="")
    ids = [e.id for e in progress.checklist(loaded, s)]
    assert "feedback-followup" in ids
    assert "feedback-asked" not in ids  # the thank-you item says it asks


def test_an_old_session_without_the_new_answers_still_drafts(loaded: Content) -> None:
    s = opening()  # from before 'one email or two' and 'did they tell you why': a thank-you
    del s.answers["reasons_heard"]
    assert [d.id for d in progress.drafts(loaded, s)] == []  # step 1 is not finished yet...
    assert progress.draft_text(loaded, s, loaded.step("thank").drafts[0]).startswith("To: Dana")


def _note(limit: int) -> Draft:
    return Draft(
        id="note",
        title="A note",
        channel="linkedin",
        limits={"linkedin": limit},
        optional=["looking", "strength"],
        parts={
            "looking": ["I'm looking for {{role}}.", "I'm looking for my next role."],
            "strength": ["I'm known for {{known}}."],
        },
        template=(
            "Hi,\n\nHello.{{#looking}} {{looking}}{{/looking}}"
            "{{#strength}} {{strength}}{{/strength}}\n"
        ),
    )


def test_a_note_over_its_limit_steps_down_its_optional_parts(loaded: Content) -> None:
    s = session(role="x" * 40, known="y" * 40)
    full = "Hi,\n\nHello. I'm looking for " + "x" * 40 + ". I'm known for " + "y" * 40 + ".\n"
    assert progress.draft_texts(loaded, s, _note(500))[0].body == full
    [short] = progress.draft_texts(loaded, s, _note(80))  # the strength goes first
    assert short.body == "Hi,\n\nHello. I'm looking for " + "x" * 40 + ".\n"
    [shorter] = progress.draft_texts(loaded, s, _note(45))  # then the role, to its short line
    assert shorter.body == "Hi,\n\nHello. I'm looking for my next role.\n"
    [least] = progress.draft_texts(loaded, s, _note(10))  # at last to nothing
    assert least.body == "Hi,\n\nHello.\n"

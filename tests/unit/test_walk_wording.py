"""What the walk says agrees with what it does, in every pack."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from rebound.coach import progress
from rebound.pack import reader
from rebound.pack.models import Content
from rebound.storage.records import Session
from tests.conftest import REPO

LANGS = ["en", "es"]


def load(lang: str) -> Content:
    return reader.load(REPO / "content" / lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_story_question_names_the_questions_it_opens(lang: str) -> None:
    """'Add the story (situation, action, result)?' must not be followed by four questions."""
    prompt = next(p for p in load(lang).step("accomplishments").prompts if p.kind == "list")
    story = next(f for f in prompt.fields if f.id == "story")
    opened = [f for f in prompt.fields if f.when is not None and f.when.prompt == "story"]
    announced = re.search(r"\(([^)]*)\)", story.message)
    assert announced is not None, story.message
    parts = [p.strip() for p in announced.group(1).split(",")]
    assert len(parts) == len(opened) == 4, (parts, [f.id for f in opened])


@pytest.mark.parametrize("lang", LANGS)
def test_the_thank_you_is_due_the_day_of_the_call(lang: str) -> None:
    """The guidance says 'the same day' (coaching notes: the same day is best): so does the
    checklist."""
    loaded = load(lang)
    answered = datetime(2026, 11, 25, 9, 0).astimezone()  # in the morning, local time
    session = Session(id="s", created_at=answered, updated_at=answered)
    for prompt in loaded.step("thank").prompts:  # step 1 answered, in the morning
        session.answers[prompt.id] = None if prompt.kind == "text" else True
        session.answered_at[prompt.id] = answered
    item = next(e for e in progress.checklist(loaded, session) if e.id == "thank-you-sent")
    assert item.due == date(2026, 11, 25)


@pytest.mark.parametrize("lang", LANGS)
def test_step_two_says_what_to_work_on_was_named_only_when_it_was(lang: str) -> None:
    """Issue 22, item 7: "you've already named what to work on" with nothing named."""
    step = load(lang).step("ask-why")
    named = {"feedback_asked": "will_email", "reasons": None, "areas": [], "weakness": None}
    closing = progress.first_said(step.done, named) or ""
    said = {"en": "already named", "es": "ya sabes qué quieres trabajar"}[lang]
    assert said not in closing, closing
    for answer in ({"weakness": "I rush"}, {"areas": ["communication"]}):
        assert said in (progress.first_said(step.done, {**named, **answer}) or "")

"""The content packs side by side: every translation has the shape of the English pack.

A translation may change what people read (titles, messages, labels, templates' wording) and
nothing else: the ids, kinds, choice values, conditions and dates the coach works with stay the
same, so a session started in one language reads the same in another. That comparison is the
product's own (`rebound.pack.likeness`, tested in tests/unit/test_likeness.py); here each shipped
translation is held to it, and to being really translated and rendering whole.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

import pytest

from rebound.coach import progress
from rebound.pack import likeness, reader, typed
from rebound.pack.models import Content, FieldDef
from rebound.storage.records import AnswerValue, Session
from tests.conftest import REPO

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
TODAY = date(2026, 11, 25)
TRANSLATIONS = ["es"]

_RELATIVE_HINT = re.compile(r"\+\d+[dw]\b")


def load(lang: str) -> Content:
    return reader.load(REPO / "content" / lang)


@pytest.fixture(scope="module")
def english() -> Content:
    return load("en")


@pytest.fixture(scope="module", params=TRANSLATIONS)
def translated(request: pytest.FixtureRequest) -> Content:
    return load(request.param)


# --- the shape: everything except the words ------------------------------------------------


def test_the_translation_is_like_english(english: Content, translated: Content) -> None:
    """The same comparison as `rebound content validate --like en` (rebound.pack.likeness)."""
    found = likeness.differences(english, translated, "en")
    assert not found, "\n".join(f"{d.file}: {d.field}: {d.said()}" for d in found)
    assert [s.id for s in translated.steps] == [s.id for s in english.steps]  # compared at all
    assert len(translated.prompts()) == len(english.prompts()) > 20


# --- the words: really translated ----------------------------------------------------------


def questions(c: Content) -> list[FieldDef]:
    return [q for p in c.prompts() for q in (p, *p.fields)]


def test_titles_are_translated(english: Content, translated: Content) -> None:
    assert translated.opening.title != english.opening.title
    for en, tr in zip(english.steps, translated.steps, strict=True):
        assert tr.title != en.title, en.id
        assert tr.short != en.short, en.id
        assert tr.why != en.why, en.id
        for en_draft, tr_draft in zip(en.drafts, tr.drafts, strict=True):
            assert tr_draft.title != en_draft.title, en_draft.id


def test_messages_are_translated(english: Content, translated: Content) -> None:
    for en_line, tr_line in zip(english.opening.welcome, translated.opening.welcome, strict=True):
        assert tr_line != en_line
    for en_q, tr_q in zip(questions(english), questions(translated), strict=True):
        assert tr_q.message != en_q.message, en_q.id
        if en_q.nudge is not None and tr_q.nudge is not None:
            assert tr_q.nudge.message != en_q.nudge.message, en_q.id
    for en_p, tr_p in zip(english.prompts(), translated.prompts(), strict=True):
        for en_text, tr_text in ((en_p.more, tr_p.more), (en_p.first, tr_p.first)):
            if en_text is not None:
                assert tr_text != en_text, en_p.id


def test_templates_and_checklist_are_translated(english: Content, translated: Content) -> None:
    for en, tr in zip(english.steps, translated.steps, strict=True):
        for en_draft, tr_draft in zip(en.drafts, tr.drafts, strict=True):
            # A template made only of its parts' places has no words to translate: its parts do.
            words = re.sub(r"\{\{[^}]*\}\}", "", en_draft.template).strip(" \n,.:")
            if words:
                assert tr_draft.template != en_draft.template, en_draft.id
            for name, lines in en_draft.parts.items():
                said = [getattr(line, "text", line) for line in lines]
                if any(re.sub(r"\{\{[^}]*\}\}", "", str(text)).strip(" ,.:") for text in said):
                    assert tr_draft.parts[name] != lines, (en_draft.id, name)
        for en_item, tr_item in zip(en.checklist, tr.checklist, strict=True):
            assert tr_item.label != en_item.label, en_item.id


def test_date_hints_promise_only_what_the_app_parses(translated: Content) -> None:
    for q in questions(translated):
        if q.kind != "date":
            continue
        assert "AAAA-MM-DD" in q.message, q.id
        for hint in _RELATIVE_HINT.findall(q.message):
            typed.parse_date(hint, TODAY)  # raises if the hint would be refused
        if q.default is not None:
            typed.parse_date(str(q.default), TODAY)


# --- a whole session, in every language ----------------------------------------------------


def sample_value(q: FieldDef) -> AnswerValue:
    """A simple answer of the right kind, as the prompts would store it."""
    if q.kind == "confirm":
        # Yes opens the optional story fields; an internal move would leave out the public post.
        return q.id != "internal"
    if q.kind == "select":
        return str(q.default) if q.default is not None else q.choices[0].value
    if q.kind == "checkbox":
        return [c.value for c in q.choices]  # every area, 'other' included
    if q.kind == "date":
        return "2026-12-01"
    if q.kind == "email":
        return "dana@example.com"
    if q.kind == "number":
        return q.default if isinstance(q.default, int) else (q.minimum or 3)
    return {"messenger_name": "Dana Smith", "company": "Globex"}.get(q.id, f"sample {q.id}")


def filled(c: Content) -> tuple[Session, list[tuple[str, str | None, bool]]]:
    """A session with every question answered, and the path of questions it took."""
    session = Session(id="s", created_at=NOW, updated_at=NOW)
    path: list[tuple[str, str | None, bool]] = []
    for _ in range(500):
        pos = progress.next_position(c, session)
        if pos is None:
            break
        path.append((pos.prompt.id, pos.field.id if pos.field else None, pos.more))
        value = pos.entry <= 2 if pos.more else sample_value(pos.question)
        progress.apply(c, session, pos, value, NOW)
    else:
        pytest.fail("the questions never ended")
    assert session.finished_at is not None
    return session, path


def test_every_template_renders(english: Content, translated: Content) -> None:
    en_session, en_path = filled(english)
    tr_session, tr_path = filled(translated)
    assert tr_path == en_path  # the same questions, in the same order
    assert tr_session.answers == en_session.answers
    for en, tr in zip(english.steps, translated.steps, strict=True):
        for en_draft, tr_draft in zip(en.drafts, tr.drafts, strict=True):
            text = progress.draft_text(translated, tr_session, tr_draft)
            en_text = progress.draft_text(english, en_session, en_draft)
            assert bool(text.strip()) == bool(en_text.strip()), tr_draft.id  # the same apply
            assert "{{" not in text, tr_draft.id
            assert "}}" not in text, tr_draft.id
            assert not en_text or text != en_text, tr_draft.id
    tr_drafts, en_drafts = (
        progress.drafts(translated, tr_session),
        progress.drafts(english, en_session),
    )
    assert [(d.id, d.channel) for d in tr_drafts] == [(d.id, d.channel) for d in en_drafts]
    assert {d.draft_id for d in en_drafts} >= {"thanks_and_feedback_email", "outreach"}
    entries = progress.checklist(translated, tr_session)
    assert [e.id for e in entries] == [e.id for e in progress.checklist(english, en_session)]
    for entry in entries:
        for text in (entry.label, entry.next or ""):
            assert "{{" not in text, entry.id
            assert "}}" not in text, entry.id


def test_thank_you_email_reads_the_answers(translated: Content) -> None:
    session, _ = filled(translated)
    [draft] = [
        d for d in progress.drafts(translated, session) if d.id == "thanks_and_feedback_email"
    ]
    assert draft.to == "Dana Smith <dana@example.com>"
    assert f"{translated.ui.draft_to_label}: Dana Smith <dana@example.com>" in draft.text
    assert draft.body.startswith("Hola, Dana:\n")  # the greeting uses the first name
    assert "Globex" in draft.body
    assert "sample thank_detail" in draft.body
    assert draft.body.rstrip().endswith("Sample Your_name")  # a name typed in lower case

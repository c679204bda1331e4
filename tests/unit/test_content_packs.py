"""The content packs side by side: every translation has the shape of the English pack.

A translation may change what people read (titles, messages, labels, templates' wording) and
nothing else: the ids, kinds, choice values, conditions and dates the coach works with stay the
same, so a session started in one language reads the same in another.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timezone
from typing import Any

import pytest

from rebound.coach import progress
from rebound.pack import reader, typed
from rebound.pack.conditions import Condition, Line, Said
from rebound.pack.models import ChecklistItem, Content, Draft, FieldDef, PromptDef
from rebound.sentences import templates
from rebound.storage.records import AnswerValue, Session
from tests.conftest import REPO

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
TODAY = date(2026, 11, 25)
TRANSLATIONS = ["es"]

# A tag's kind, name and filter; an `or` fallback is wording, so it may be translated.
_TAG = re.compile(r"\{\{\s*([#^/]?)\s*([a-z][a-z0-9_]*)\s*(?:\|\s*([a-z_]+))?")
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


def _conditions(cond: Condition | list[Condition] | None) -> Any:
    if cond is None:
        return None
    if isinstance(cond, list):
        return [c.model_dump() for c in cond]
    return cond.model_dump()


def field_shape(q: FieldDef) -> dict[str, Any]:
    return {
        "id": q.id,
        "kind": q.kind,
        "required": q.required,
        "default": q.default,
        "remember": q.remember,
        "minimum": q.minimum,
        "maximum": q.maximum,
        "choices": [c.value for c in q.choices],
        "when": _conditions(q.when),
        "nudge_after_days": q.nudge.after_days if q.nudge else None,
        "nudge_before_days": q.nudge.before_days if q.nudge else None,
        "not_before": q.not_before,
        "not_after": q.not_after,
        "has_help": q.help is not None,
    }


def prompt_shape(p: PromptDef) -> dict[str, Any]:
    return {
        **field_shape(p),
        "min_items": p.min_items,
        "fields": [field_shape(f) for f in p.fields],
        "has_first": p.first is not None,
        "has_more": p.more is not None,
    }


def lines_shape(lines: str | list[Line] | None) -> Any:
    """Which lines of a text are said when: the conditions, not the words."""
    if lines is None or isinstance(lines, str):
        return lines is None
    return [_conditions(line.when) if isinstance(line, Said) else "always" for line in lines]


def draft_shape(d: Draft) -> dict[str, Any]:
    return {
        "id": d.id,
        "before": d.before,
        "when": _conditions(d.when),
        "each": d.each,
        "channel": d.channel,
        "limits": d.limits,
        "optional": d.optional,
        "parts": {name: lines_shape(lines) for name, lines in d.parts.items()},
        "to": lines_shape(d.to),
        "subject": lines_shape(d.subject),
        "send": d.send,
        "ticks": d.ticks,
    }


def item_shape(item: ChecklistItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "label": lines_shape(item.label),
        "each": item.each,
        "due": item.due,
        "due_after": item.due_after.model_dump() if item.due_after else None,
        "when": _conditions(item.when),
        "done_when": _conditions(item.done_when),
        "info": item.info,
        "has_next": item.next is not None,
    }


def tags(text: str | list[Line] | None) -> Counter[tuple[str, str, str | None]]:
    """The template tags of a text (kind, name, filter), counted, ignoring their order."""
    if isinstance(text, list):
        return sum(
            (tags(line.text if isinstance(line, Said) else line) for line in text), Counter()
        )
    return Counter(_TAG.findall(text or ""))


def nesting(text: str) -> Counter[tuple[str, tuple[str, ...]]]:
    """Each name a template reads with the sections around it."""
    return Counter(templates.names(templates.parse(text)))


def test_same_steps_in_the_same_order(english: Content, translated: Content) -> None:
    assert [s.id for s in translated.steps] == [s.id for s in english.steps]
    assert len(translated.prompts()) == len(english.prompts())


def test_opening_prompts_have_the_same_shape(english: Content, translated: Content) -> None:
    assert [prompt_shape(p) for p in translated.opening.prompts] == [
        prompt_shape(p) for p in english.opening.prompts
    ]
    assert len(translated.opening.welcome) == len(english.opening.welcome)


@pytest.mark.parametrize("step_id", ["thank", "ask-why", "reflect", "accomplishments", "re-engage"])
def test_step_has_the_same_shape(english: Content, translated: Content, step_id: str) -> None:
    en, tr = english.step(step_id), translated.step(step_id)
    assert [prompt_shape(p) for p in tr.prompts] == [prompt_shape(p) for p in en.prompts]
    assert [draft_shape(d) for d in tr.drafts] == [draft_shape(d) for d in en.drafts]
    assert [item_shape(i) for i in tr.checklist] == [item_shape(i) for i in en.checklist]
    for key in ("why", "guidance", "tips", "done"):  # the same lines, said in the same cases
        assert lines_shape(getattr(tr, key)) == lines_shape(getattr(en, key)), key


@pytest.mark.parametrize("step_id", ["thank", "ask-why", "reflect", "accomplishments", "re-engage"])
def test_templates_keep_every_placeholder_and_section(
    english: Content, translated: Content, step_id: str
) -> None:
    en, tr = english.step(step_id), translated.step(step_id)
    for en_draft, tr_draft in zip(en.drafts, tr.drafts, strict=True):
        assert tags(tr_draft.template) == tags(en_draft.template), en_draft.id
        assert nesting(tr_draft.template) == nesting(en_draft.template), en_draft.id
        for key in ("to", "subject", "title"):
            assert tags(getattr(tr_draft, key)) == tags(getattr(en_draft, key)), en_draft.id
        for name, lines in en_draft.parts.items():
            assert tags(tr_draft.parts[name]) == tags(lines), (en_draft.id, name)
    for en_item, tr_item in zip(en.checklist, tr.checklist, strict=True):
        assert tags(tr_item.label) == tags(en_item.label), en_item.id
        assert tags(tr_item.next) == tags(en_item.next), en_item.id


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
            assert tr_draft.template != en_draft.template, en_draft.id
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
        return True  # also opens the optional story fields
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

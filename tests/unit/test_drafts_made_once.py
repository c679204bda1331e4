"""Drafts made once per process for what they are made from (`compose.draft_texts`).

A draft is made from the pack, the answers, the sentences the person rewrote and today's date;
one made before from the same is handed out again. Each of those, changed, makes it afresh;
a pack not known by its files, or a draft copied and changed in code, is never handed an older
draft.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import time_machine

from rebound import clock
from rebound.letters import compose
from rebound.pack import packs
from rebound.pack.models import Content, Draft
from rebound.storage.files import content_cache
from rebound.storage.records import Session
from tests import pinned
from tests.helpers import MakeSession


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the drafts made afresh (not handed out again) during the test."""
    calls: list[str] = []
    real = compose._draft_texts

    def counted(content: Content, session: Session, draft: Draft) -> list[compose.DraftText]:
        calls.append(draft.id)
        return real(content, session, draft)

    monkeypatch.setattr(compose, "_draft_texts", counted)
    monkeypatch.setattr(compose, "_MADE", {})
    return calls


def start(make_session: MakeSession, made: list[str]) -> Session:
    """A finished session of the scenario; nothing made or kept so far counts."""
    session = make_session()
    made.clear()
    compose._MADE.clear()
    return session


def thank_you(content: Content) -> Draft:
    return next(d for s in content.steps for d in s.drafts if d.id == "thank_you_email")


def read(lang: str | None = None) -> Content:
    """The shipped pack as a command reads it: through the content cache."""
    return packs.load(packs.content_dir(lang=lang), cache=content_cache())


def test_the_same_pack_read_twice_makes_a_draft_once(
    make_session: MakeSession, made: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    session = start(make_session, made)
    first = read()
    monkeypatch.setattr(packs, "_UNPICKLED", {})  # as another process reads it: a pack of its own
    second = read()
    assert first is not second and first.fingerprint == second.fingerprint is not None
    one = compose.draft_texts(first, session, thank_you(first))
    other = compose.draft_texts(second, session, thank_you(second))
    assert one == other and one and made == ["thank_you_email"]


def test_a_changed_answer_a_rewritten_sentence_and_another_day_make_it_afresh(
    make_session: MakeSession, made: list[str]
) -> None:
    content = read()
    session = start(make_session, made)
    draft = thank_you(content)
    before = compose.draft_texts(content, session, draft)[0].text
    session.answers["messenger_name"] = "Priya Raman"
    renamed = compose.draft_texts(content, session, draft)[0].text
    assert "Priya" in renamed and "Priya" not in before
    key = next(iter(compose.sentences_using(content, session, "thank_detail")))[1]
    session.sentences[key] = "I valued how candid the call was."
    rewritten = compose.draft_texts(content, session, draft)[0].text
    assert "I valued how candid the call was." in rewritten
    with time_machine.travel(pinned.NOW + timedelta(days=1), tick=False):
        assert clock.today() == pinned.TODAY + timedelta(days=1)
        compose.draft_texts(content, session, draft)
    assert len(made) == 4  # each of the four made afresh
    assert compose.draft_texts(content, session, draft)[0].text == rewritten
    assert len(made) == 4  # and the third again, as it was


def test_a_pack_in_another_language_makes_its_own(
    make_session: MakeSession, made: list[str]
) -> None:
    session = start(make_session, made)
    english, spanish = read(), read("es")
    said = compose.draft_texts(english, session, thank_you(english))[0].text
    dicho = compose.draft_texts(spanish, session, thank_you(spanish))[0].text
    assert said != dicho and len(made) == 2


def test_a_pack_not_known_by_its_files_or_a_changed_copy_is_made_every_time(
    make_session: MakeSession, made: list[str], tmp_path: Path
) -> None:
    session = start(make_session, made)
    unknown = packs.load(packs.content_dir())  # no cache: no fingerprint
    assert unknown.fingerprint is None
    compose.draft_texts(unknown, session, thank_you(unknown))
    compose.draft_texts(unknown, session, thank_you(unknown))
    assert len(made) == 2
    content = read()
    draft = thank_you(content)
    compose.draft_texts(content, session, draft)
    changed = draft.model_copy(update={"title": "Another title"})
    assert compose.draft_texts(content, session, changed)[0].title == "Another title"
    assert len(made) == 4

"""Sessions saved before the pack had a question: what they are offered when they go on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from rebound.coach import enter_defaults, progress
from rebound.pack import packs
from rebound.pack.models import PromptDef
from rebound.storage.store import Store
from tests.helpers import ENTER, MakeSession, Run

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sessions"
ADDED = "feedback_in_thanks"  # added to step 1 after sessions were saved


def _file(home: Path, session_id: str) -> Path:
    return home / "sessions" / f"{session_id}.json"


def _saved(home: Path, session_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_file(home, session_id).read_text())
    return data


def _forget(home: Path, session_id: str, prompt_id: str) -> None:
    """Make the saved session one of before the pack had `prompt_id`."""
    data = _saved(home, session_id)
    data["answers"].pop(prompt_id)
    data["answered_at"].pop(prompt_id, None)
    _file(home, session_id).write_text(json.dumps(data))


def _added_question(session_id: str) -> tuple[object, object]:
    """The position of the added question as `continue` reaches it, and what Enter takes there."""
    pack = packs.load()
    session = Store().load(session_id)
    pos = progress.next_position(pack, session)
    assert pos is not None and pos.prompt.id == ADDED
    return pos.prompt.id, enter_defaults.offered(pack, session, pos.prompt, None, date.today())


def test_a_session_past_step_one_keeps_its_two_emails(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    session = make_session(upto="feedback_asked")  # step 1 done, its thank-you drafted
    _forget(rebound_home, session.id, ADDED)
    assert _added_question(session.id) == (ADDED, "separate")
    result = run(["continue"], ENTER)  # Enter at the added question
    assert result.exit_code == 130
    data = _saved(rebound_home, session.id)
    assert data["answers"][ADDED] == "separate"
    assert "thank_you_email" in data["drafts"]
    assert "thanks_and_feedback_email" not in data["drafts"]


def test_a_version_1_file_continued_offers_two_emails(run: Run, rebound_home: Path) -> None:
    raw = (FIXTURES / "v1-finished.json").read_bytes()
    session_id = json.loads(raw)["id"]
    _file(rebound_home, session_id).parent.mkdir(parents=True)
    _file(rebound_home, session_id).write_bytes(raw)
    # It lacks the questions added since: each is asked, in the pack's order, and Enter takes
    # what suits a session saved before it (`default_for_earlier_sessions`).
    pack = packs.load()
    asked = []
    for _ in range(5):
        session = Store().load(session_id)
        pos = progress.next_position(pack, session)
        assert pos is not None
        offered = enter_defaults.offered(pack, session, pos.prompt, None, date.today())
        asked.append((pos.prompt.id, offered))
        run(["continue", "--session", session_id], ENTER)
    assert asked == [
        ("internal", False),
        ("stage", "interviews"),
        ("door", "none"),
        ("reasons_heard", "not_yet"),
        (ADDED, "separate"),
    ]
    data = _saved(rebound_home, session_id)
    assert data["answers"][ADDED] == "separate"
    assert data["finished_at"] is not None  # the only questions it lacked
    assert "thanks_and_feedback_email" not in data["drafts"]
    assert data["drafts"]["feedback_request"]  # the request stays an email of its own


def test_revisiting_step_one_of_an_earlier_session_offers_two_emails(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    session = make_session()
    _forget(rebound_home, session.id, ADDED)
    # Enter keeps each earlier answer (thanked on the call, the detail), then the added one.
    run(["continue", "--session", session.id, "--step", "thank"], ENTER * 3)
    assert _saved(rebound_home, session.id)["answers"][ADDED] == "separate"


def test_a_new_session_is_offered_the_one_email(make_session: MakeSession) -> None:
    session = make_session(upto=ADDED)  # at the question, for the first time
    assert _added_question(session.id) == (ADDED, "combined")


def test_what_says_a_session_went_past_a_question(make_session: MakeSession) -> None:
    pack = packs.load()
    prompt = next(p for p in pack.prompts() if p.id == ADDED)
    session = make_session(upto=ADDED)
    assert not enter_defaults.went_past(pack, session, prompt)
    ticked = session.model_copy(update={"ticked": {"thank-you-sent": session.created_at}})
    assert enter_defaults.went_past(pack, ticked, prompt)
    drafted = session.model_copy(update={"drafts": {"thank_you_email": "Hi Dana,"}})
    assert enter_defaults.went_past(pack, drafted, prompt)
    later = session.model_copy(update={"answers": {**session.answers, "weakness": "x"}})
    assert enter_defaults.went_past(pack, later, prompt)


def test_the_earlier_sessions_default_is_checked_like_a_default() -> None:
    shape: dict[str, Any] = {"id": "x", "kind": "select", "message": "?"}
    shape["choices"] = [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]
    assert PromptDef(**shape, default_for_earlier_sessions="b").default_for_earlier_sessions == "b"
    with pytest.raises(ValidationError, match="not one of the choices"):
        PromptDef(**shape, default_for_earlier_sessions="c")

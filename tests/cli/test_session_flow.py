"""A whole session through the Typer app, typed key by key; interrupted anywhere and resumed."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import DOWN, ENTER, NIGHTLY, Run

TODAY = date.today()
SESSION_ID = f"{TODAY.isoformat()}-globex"

# Each group is what one saved answer takes to type. READY marks the "Ready for the next step?"
# question between steps, which is not an answer and is not asked again after a resume.
READY = ENTER
GROUPS: list[tuple[str, str]] = [
    ("company", "Globex" + ENTER),
    ("role", "Data Engineer" + ENTER),
    ("messenger_name", "Dana Smith" + ENTER),
    ("messenger_channel", DOWN + ENTER),  # a video call
    ("messenger_email", "dana@globex.example" + ENTER),
    ("call_date", ENTER),  # default: today
    ("your_name", "Alex Doe" + ENTER),
    ("thanked_on_call", "y"),
    ("thank_detail", "the [bold]honest[/bold] notes" + ENTER),
    ("ready", READY),
    ("feedback_asked", DOWN + ENTER),  # will email
    ("reasons", "Another candidate had more Spark" + ENTER),
    ("areas", " " + DOWN * 5 + " " + ENTER),  # technical depth + something else
    ("areas_other", "telling impact stories" + ENTER),
    ("weakness", "I undersell my results" + ENTER),
    ("ready", READY),
    ("went_well", "The design round went really well" + ENTER),
    ("fixes.what", "Practise Spark joins" + ENTER),
    ("fixes.due", "2030-12-09" + ENTER),
    ("fixes.more", "y"),
    ("fixes.what", "Rehearse stories with numbers" + ENTER),
    ("fixes.due", "+7d" + ENTER),
    ("fixes.done", "n"),
    # Too far away: the coach nudges, the person declines and takes the default instead.
    ("move_on_date", "+20d" + ENTER + "n" + ENTER),
    ("ready", READY),
    ("accomplishments.title", "Cut the nightly batch from 6 hours to 40 minutes" + ENTER),
    ("accomplishments.story", "y"),
    ("accomplishments.situation", "Reports kept missing the morning deadline" + ENTER),
    ("accomplishments.task", "Make the batch finish before 7am" + ENTER),
    ("accomplishments.action", "Rewrote the joins" + ENTER),
    ("accomplishments.result", "Reports on time every day since" + ENTER),
    ("accomplishments.number", "89% faster" + ENTER),
    ("accomplishments.done", "n"),
    ("rehearsed", "y"),
    ("ready", READY),
    ("contacts.name", "Priya Patel" + ENTER),
    ("contacts.relation", DOWN + ENTER),  # head hunter
    ("contacts.channel", ENTER),  # email
    ("contacts.done", "n"),
    ("events.first", "y"),
    ("events.name", "PyData meetup" + ENTER),
    ("events.date", "2026-12-04" + ENTER),
    ("events.done", "n"),
    ("looking_for", "a data engineer on a platform team" + ENTER),
    ("known_for", "making slow pipelines fast" + ENTER),
    ("weekly_target", ENTER),  # default 3
]

EXPECTED_ANSWERS: dict[str, Any] = {
    "company": "Globex",
    "role": "Data Engineer",
    "messenger_name": "Dana Smith",
    "messenger_channel": "video",
    "messenger_email": "dana@globex.example",
    "call_date": TODAY.isoformat(),
    "your_name": "Alex Doe",
    "thanked_on_call": True,
    "thank_detail": "the [bold]honest[/bold] notes",
    "feedback_asked": "will_email",
    "reasons": "Another candidate had more Spark",
    "areas": ["technical_depth", "other"],
    "areas_other": "telling impact stories",
    "weakness": "I undersell my results",
    "went_well": "The design round went really well",
    "fixes": [
        {"what": "Practise Spark joins", "due": "2030-12-09"},
        {"what": "Rehearse stories with numbers", "due": (TODAY + timedelta(days=7)).isoformat()},
    ],
    "move_on_date": (TODAY + timedelta(days=3)).isoformat(),
    "accomplishments": [dict(NIGHTLY)],
    "rehearsed": True,
    "contacts": [{"name": "Priya Patel", "relation": "head_hunter", "channel": "email"}],
    "events": [{"name": "PyData meetup", "date": "2026-12-04"}],
    "looking_for": "a data engineer on a platform team",
    "known_for": "making slow pipelines fast",
    "weekly_target": 3,
}


def keys(groups: list[tuple[str, str]]) -> str:
    return "".join(k for _, k in groups)


def saved(home: Path, session_id: str = SESSION_ID) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((home / "sessions" / f"{session_id}.json").read_text())
    return data


def test_full_session(run: Run, rebound_home: Path) -> None:
    result = run(["start"], keys(GROUPS))
    assert result.exit_code == 0, result.output
    assert "That's all five steps" in result.stdout
    assert "Step 5 of 5 · Get back out there" in result.stdout
    assert "That's more than a week away" in result.stdout  # the move-on nudge
    data = saved(rebound_home)
    assert data["answers"] == EXPECTED_ANSWERS
    assert data["finished_at"] is not None
    assert data["open_lists"] == {}
    assert set(data["drafts"]) == {
        "thank_you_email",
        "feedback_request",
        "feedback_log",
        "reflection",
        "interview_stories",
        "availability_post",
    }
    assert "Hi Dana," in data["drafts"]["thank_you_email"]
    assert (
        "I'm looking for my next role as a data engineer on a platform team."
        in data["drafts"]["availability_post"]
    )
    # The person's own text is shown literally, never as markup.
    assert "the [bold]honest[/bold] notes" in result.stdout


def cut_points() -> list[int]:
    # After every saved answer (not 0: nothing typed, nothing to resume).
    return list(range(1, len(GROUPS)))


@pytest.mark.parametrize("cut", cut_points())
def test_interrupt_anywhere_then_continue(run: Run, rebound_home: Path, cut: int) -> None:
    first = run(["start"], keys(GROUPS[:cut]))
    assert first.exit_code in (0, 130), first.output
    if first.exit_code == 130:
        assert "rebound continue" in first.stderr
    rest = GROUPS[cut:]
    if rest and rest[0][0] == "ready":
        rest = rest[1:]  # a resume starts at the next step's first question
    second = run(["continue"], keys(rest))
    assert second.exit_code == 0, second.output
    assert "Welcome back. Globex" in second.stdout
    data = saved(rebound_home)
    assert data["answers"] == EXPECTED_ANSWERS
    assert data["finished_at"] is not None


def test_continue_says_where_you_are(run: Run, rebound_home: Path) -> None:
    upto = [name for name, _ in GROUPS].index("went_well")
    run(["start"], keys(GROUPS[:upto]))
    result = run(["continue"])
    assert "you're at step 3 of 5, Reflect, commit, move on" in result.stdout
    assert result.exit_code == 130


def test_not_now_between_steps_exits_cleanly(run: Run, rebound_home: Path) -> None:
    upto = [name for name, _ in GROUPS].index("ready")
    result = run(["start"], keys(GROUPS[:upto]) + DOWN + ENTER)
    assert result.exit_code == 0, result.output
    assert "Pick up where you left off any time with `rebound continue`" in result.stdout
    assert saved(rebound_home)["finished_at"] is None


def test_each_answer_is_saved_before_the_next_question(run: Run, rebound_home: Path) -> None:
    # Stop in the middle of an entry: the fields typed so far are on disk.
    upto = [name for name, _ in GROUPS].index("accomplishments.action")
    result = run(["start"], keys(GROUPS[:upto]))
    assert result.exit_code == 130
    data = saved(rebound_home)
    assert data["open_lists"]["accomplishments"]["current"] == {
        "title": "Cut the nightly batch from 6 hours to 40 minutes",
        "story": True,
        "situation": "Reports kept missing the morning deadline",
        "task": "Make the batch finish before 7am",
    }


def test_a_second_session_remembers_your_name(run: Run, rebound_home: Path) -> None:
    run(["start"], keys(GROUPS))
    second = [(n, k) for n, k in GROUPS[:7]]
    second[0] = ("company", "Initech" + ENTER)
    second[6] = ("your_name", ENTER)  # accept the remembered default
    run(["start"], keys(second))
    data = saved(rebound_home, f"{TODAY.isoformat()}-initech")
    assert data["answers"]["your_name"] == "Alex Doe"


def test_typing_over_an_offered_default_replaces_it(run: Run, rebound_home: Path) -> None:
    run(["start"], keys(GROUPS))
    second = list(GROUPS[:7])
    second[0] = ("company", "Initech" + ENTER)
    second[6] = ("your_name", "Sam" + ENTER)
    run(["start"], keys(second))
    assert saved(rebound_home, f"{TODAY.isoformat()}-initech")["answers"]["your_name"] == "Sam"


def test_same_company_same_day_gets_its_own_session(run: Run, rebound_home: Path) -> None:
    run(["start"], keys(GROUPS[:2]))
    run(["start"], keys(GROUPS[:2]))
    names = sorted(p.name for p in (rebound_home / "sessions").iterdir())
    assert names == [f"{SESSION_ID}-2.json", f"{SESSION_ID}.json"]


def test_invalid_answers_are_asked_again(run: Run, rebound_home: Path) -> None:
    groups = list(GROUPS[:7])
    groups[4] = ("messenger_email", "not-an-email" + ENTER + "\x15" + "dana@globex.example" + ENTER)
    groups[5] = ("call_date", "someday" + ENTER + "\x15" + "2026-11-24" + ENTER)
    run(["start"], keys(groups))
    answers = saved(rebound_home)["answers"]
    assert answers["messenger_email"] == "dana@globex.example"
    assert answers["call_date"] == "2026-11-24"

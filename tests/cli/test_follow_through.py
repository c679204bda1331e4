"""Following through, in-process: `contacts` and `contacts log`, a company's history at a second
`start`, `feedback` that arrives later, and the patterns `stats` names (issue 11)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from rebound.pack import packs
from rebound.storage.store import Store
from tests import pinned
from tests.helpers import ENTER, MakeSession, Run
from tests.scenario import COMPANY, SESSION_ID
from tests.unit.test_insights import at, build

TODAY = pinned.TODAY
CTRL_B = "\x02"


def saved(home: Path, session_id: str = SESSION_ID) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((home / "sessions" / f"{session_id}.json").read_text())
    return data


def contact_log(home: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((home / "contacts.json").read_text())
    return data


@pytest.fixture
def people(rebound_home: Path) -> Path:
    """A session of 40 days ago naming a recruiter (every 4 weeks), a friend (every 12) and a
    second Priya, to be told apart."""
    c = packs.load()
    s = build(
        c,
        f"{(TODAY - timedelta(days=40)).isoformat()}-initech",
        TODAY - timedelta(days=40),
        lists={
            "contacts": [
                {"name": "Priya Patel", "relation": "head_hunter", "channel": "email"},
                {"name": "Sam Lee", "relation": "friend", "channel": "coffee"},
                {"name": "Priya Shah", "relation": "former_manager", "channel": "phone"},
            ]
        },
    )
    s.ticked["contact-2"] = at(TODAY - timedelta(days=10))  # Sam, ticked ten days ago
    Store().save(s)
    return rebound_home


# --- contacts on a cadence --------------------------------------------------------------------


def test_contacts_show_cadence_history_and_who_went_quiet(run: Run, people: Path) -> None:
    result = run(["contacts"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # Priya Shah, a former manager (every 6 weeks), is not quiet yet after 40 days.
    assert lines[0] == "People to reach out to  3 people, 1 gone quiet"
    patel = lines.index("  Priya Patel")
    assert lines[patel + 1] == "    Head hunter or recruiter · Email · every 4 weeks"
    assert lines[patel + 3] == "    ⚑ never contacted, added 5 weeks ago"
    sam = lines.index("  Sam Lee")
    assert lines[sam + 1] == "    Friend · Coffee or lunch · every 12 weeks"
    ten_days_ago = (TODAY - timedelta(days=10)).isoformat()
    assert lines[sam + 3] == f"      {ten_days_ago}  reached (ticked in Initech)"  # a tick
    due = (TODAY - timedelta(days=10) + timedelta(weeks=12)).isoformat()
    assert lines[sam + 4] == f"    last contacted 1 week ago; next touch by {due}"
    assert sam > patel  # the quiet ones first
    assert "`rebound contacts log NAME --outcome replied`" in result.stdout


def test_log_records_a_touch_ticks_the_item_and_restarts_the_clock(run: Run, people: Path) -> None:
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    first = run(["contacts", "log", "priya PATEL", "--outcome", "no-answer", "--on", "-3d"])
    assert first.exit_code == 0, first.output
    note = ["--note", "coffee on Friday", "--on", "yesterday"]
    logged = run(["contacts", "log", "Priya Patel", "--outcome", "replied", *note])
    assert logged.exit_code == 0, logged.output
    assert f"Noted: Priya Patel, {yesterday}, replied." in logged.stdout
    next_due = (TODAY - timedelta(days=1) + timedelta(weeks=4)).isoformat()
    assert f"Next touch by {next_due} (every 4 weeks)." in logged.stdout
    # The first touch ticked her item in the session; it is counted once, as that touch.
    session_id = f"{(TODAY - timedelta(days=40)).isoformat()}-initech"
    assert "contact-1" in saved(people, session_id)["ticked"]
    touches = contact_log(people)["people"]["priyapatel"]["touches"]
    assert [(t["outcome"], t["ticked"]) for t in touches] == [
        ("no-answer", [f"{session_id}#contact-1"]),
        ("replied", []),
    ]
    assert contact_log(people)["schema_version"] == 1
    lines = run(["contacts"]).stdout.splitlines()
    patel = lines.index("  Priya Patel")
    three_days_ago = (TODAY - timedelta(days=3)).isoformat()
    assert lines[patel + 3 : patel + 6] == [
        f"      {yesterday}  replied: coffee on Friday",  # newest first
        f"      {three_days_ago}  no answer yet",
        f"    last contacted 1 day ago; next touch by {next_due}",
    ]
    assert lines[0] == "People to reach out to  3 people"


def test_todo_lists_contacts_due_by_their_cadence(run: Run, people: Path) -> None:
    run(["contacts", "log", "Priya Patel", "--on", "-30d", "--outcome", "met"])
    result = run(["todo"])
    assert result.exit_code == 0, result.output
    overdue = result.stdout.split("Overdue", 1)[1].split("\n\n", 1)[0]
    due = (TODAY - timedelta(days=30) + timedelta(weeks=4)).isoformat()
    assert f"  {due}  Keep in touch with Priya Patel (every 4 weeks)" in overdue
    assert "  rebound contacts log 'Priya Patel'" in overdue
    assert "Reach out to Priya Patel" not in result.stdout  # ticked by the touch


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("priya", "'priya' fits 2 people: Priya Patel, Priya Shah. Type a little more"),
        ("Priya Patil", "There is no contact called 'Priya Patil'. Did you mean: Priya Patel"),
        ("Zoë", "There is no contact called 'Zoë' (`rebound contacts` lists them)."),
    ],
)
def test_log_needs_a_name_that_fits_one_person(
    run: Run, people: Path, name: str, said: str
) -> None:
    result = run(["contacts", "log", name])
    assert result.exit_code == 2
    assert said in " ".join(result.stderr.split())
    assert not (people / "contacts.json").exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--outcome", "ghosted"], "'ghosted' is not an outcome rebound knows"),
        (["--on", "tomorrow"], "is still to come; log a touch once it has happened"),
        (["--on", "someday"], "'someday' is not a date rebound understands"),
    ],
)
def test_log_refuses_what_it_cannot_record(
    run: Run, people: Path, args: list[str], said: str
) -> None:
    result = run(["contacts", "log", "Sam Lee", *args])
    assert result.exit_code == 2
    assert said in " ".join(result.stderr.split())
    assert not (people / "contacts.json").exists()


def test_an_own_cadence_and_a_broken_log(run: Run, people: Path) -> None:
    assert run(["contacts", "log", "Sam", "--every", "1", "--on", "-8d"]).exit_code == 0
    assert "    Friend · Coffee or lunch · every 1 week" in run(["contacts"]).stdout.splitlines()
    (people / "contacts.json").write_text("{not json")
    shown = run(["contacts"])
    assert shown.exit_code == 0
    assert "Your contact log could not be read (it is not valid JSON" in shown.stderr
    assert "Sam Lee" in shown.stdout  # the sessions are shown all the same
    assert list((people / "broken").glob("contacts.*.json"))


# --- a company seen before --------------------------------------------------------------------


def test_a_second_start_shows_the_company_history(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    make_session(reasons="Another candidate had more Spark")
    Store()  # the first session, finished
    result = run(["start"], "  globex " + ENTER + "Data Engineer" + ENTER)
    assert result.exit_code == 130  # the keys ran out at the third question
    words = " ".join(result.stdout.split())
    assert f"{COMPANY}, again" in words
    assert "You've been here before. What you learned then is yours to use now:" in words
    assert f"{TODAY.isoformat()} · Data Engineer [{SESSION_ID}]" in words
    assert "Reasons given: Another candidate had more Spark" in words
    assert "Areas to work on: Technical depth, Something else: telling impact stories" in words
    assert "Your fixes: ☐ Practise Spark joins ☐ Rehearse stories with numbers" in words
    # Right after a new no from them, no "you may apply again ... in 182 days" (issue 22).
    assert "apply to them again" not in words and "182" not in words
    assert words.count(f"{COMPANY}, again") == 1


def test_a_new_company_shows_no_history(run: Run, make_session: MakeSession) -> None:
    make_session()
    result = run(["start"], "Initech" + ENTER)
    assert ", again" not in result.stdout


# --- feedback that arrives later --------------------------------------------------------------


def test_late_feedback_ticks_drops_the_follow_up_and_feeds_stats(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    make_session(reasons="")  # asked by email; nothing heard yet
    before = run(["todo"]).stdout
    assert "Follow up with Dana Smith if no feedback has come" in before
    assert "Reasons they gave" not in run(["stats"]).stdout
    # Ctrl-B at the first question stays there; the reasons typed; areas, the other area and
    # the weakness kept with Enter.
    keys = CTRL_B + "Too little Spark at scale" + ENTER + ENTER + ENTER + ENTER
    result = run(["feedback"], keys)
    assert result.exit_code == 0, result.output
    assert "This is the first question; there is nothing before it." in result.stdout
    assert "Feedback recorded for Globex · Data Engineer." in result.stdout
    assert "what would you like to do with it?" not in result.stdout  # no request to send now
    data = saved(rebound_home)
    assert data["answers"]["reasons"] == "Too little Spark at scale"
    assert data["answers"]["areas"] == ["technical_depth", "other"]
    assert "feedback-received" in data["ticked"]
    # With the reasons in, there is nothing left to ask for: no request to send, no item for it.
    assert "Feedback asked" not in run(["summary"]).stdout
    assert "Reasons given: Too little Spark at scale" in data["drafts"]["feedback_log"]
    after = run(["todo", "--all"]).stdout
    assert "Follow up with Dana Smith" not in after
    assert "Feedback received" not in after
    stats = run(["stats"]).stdout.splitlines()
    assert "  Globex: Too little Spark at scale" in stats
    assert "A pattern is only named from 5 sessions with feedback: 4 more to go." in stats


def test_feedback_from_an_answers_file(
    run: Run, rebound_home: Path, make_session: MakeSession, tmp_path: Path
) -> None:
    make_session(reasons="")
    file = tmp_path / "feedback.yaml"
    # No reasons this time, only the areas: the follow-up is settled all the same.
    file.write_text("areas: [communication]\n", encoding="utf-8")
    result = run(["feedback", "--answers", str(file)], terminal=False)
    assert result.exit_code == 0, result.output
    data = saved(rebound_home)
    assert data["answers"]["areas"] == ["communication"]
    assert "areas_other" not in data["answers"]  # 'Something else' is no longer chosen
    assert data["answers"]["weakness"] == "I undersell my results"  # not in the file: kept
    assert {"feedback-received", "feedback-followup"} <= set(data["ticked"])
    assert "Follow up with Dana Smith" not in run(["todo", "--all"]).stdout
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("went_well: everything\n", encoding="utf-8")
    refused = run(["feedback", "--answers", str(wrong)], terminal=False)
    assert refused.exit_code == 2
    assert "is not a feedback question" in refused.stderr
    spanish = run(["--lang", "es", "feedback", "--answers", str(wrong)], terminal=False)
    assert "no es una pregunta de comentarios" in spanish.stderr  # the pack's words


def test_feedback_needs_a_finished_session_and_a_terminal(
    run: Run, make_session: MakeSession
) -> None:
    assert "no finished session yet" in " ".join(run(["feedback"]).stderr.split())
    unfinished = make_session(upto="went_well")
    result = run(["feedback", "--session", unfinished.id])
    assert result.exit_code == 2
    assert f"Session {unfinished.id} isn't finished yet" in " ".join(result.stderr.split())
    make_session()
    assert run(["feedback"], terminal=False).exit_code == 2


# --- patterns in stats ------------------------------------------------------------------------

REASONS = "Another candidate had more Spark"  # feedback heard: a session a pattern counts


def test_stats_names_a_pattern_only_from_five_sessions(run: Run, make_session: MakeSession) -> None:
    for n, areas in enumerate([["communication"]] * 3 + [["preparation"]], start=1):
        # Without 'Something else', its text has no question to answer: left out.
        make_session(company=f"Company {n}", areas=areas, areas_other=None, reasons=REASONS)
    four = run(["stats"]).stdout
    assert "A pattern is only named from 5 sessions with feedback: 1 more to go." in four
    assert "A pattern:" not in four
    make_session(company="Company 5", areas=["technical_depth"], areas_other=None, reasons=REASONS)
    five = run(["stats"]).stdout
    assert "A pattern: Communication came up in 3 of 5 sessions." in five
    assert "more to go" not in five

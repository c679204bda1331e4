"""`rebound start --answers FILE`: the prompts' checks, clear errors, nothing half-saved."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from tests import pinned
from tests.helpers import Run

TODAY = pinned.TODAY
HEARD = pinned.iso(-1)  # the news came yesterday
MOVE_ON = pinned.iso(3)
FULL = """\
company: Globex
role: Data Engineer
messenger_name: Dana Smith
messenger_channel: video
messenger_email: dana@globex.example
call_date: <heard>
your_name: Alex
thanked_on_call: true
thank_detail: "the [bold]honest[/bold] notes"
reasons_heard: not_yet
feedback_in_thanks: separate
feedback_asked: will_email
areas: [communication, other]
areas_other: storytelling
went_well: the system design round
fixes:
  - what: Practise telling impact stories
    due: +10d
  - what: Read the Spark docs
move_on_date: <move-on>
accomplishments:
  - title: Cut the nightly batch from 6 hours to 40 minutes
    story: true
    result: Reports on time
    number: 89% faster
contacts:
  - {name: Priya, relation: head_hunter, channel: linkedin}
events: []
looking_for: a platform data role
known_for: fast, reliable pipelines
weekly_target: 4
""".replace("<heard>", HEARD).replace("<move-on>", MOVE_ON)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def only_session(home: Path) -> dict[str, object]:
    [path] = (home / "sessions").iterdir()
    data: dict[str, object] = json.loads(path.read_text())
    return data


def test_a_full_file_makes_a_finished_session(run: Run, tmp_path: Path, rebound_home: Path) -> None:
    result = run(["start", "--answers", str(write(tmp_path, FULL))], terminal=False)
    assert result.exit_code == 0, result.output
    assert "Filled" in result.stdout and "into session" in result.stdout
    data = only_session(rebound_home)
    answers = data["answers"]
    assert isinstance(answers, dict)
    assert answers["messenger_channel"] == "video"
    assert answers["thank_detail"] == "the [bold]honest[/bold] notes"
    assert answers["fixes"] == [
        {
            "_id": "e1",  # given as the coach gives it, through coach.apply
            "what": "Practise telling impact stories",
            "due": (TODAY + timedelta(days=10)).isoformat(),
        },
        {
            "_id": "e2",
            "what": "Read the Spark docs",
            "due": (TODAY + timedelta(days=14)).isoformat(),
        },
    ]
    assert answers["accomplishments"] == [
        {
            "_id": "e1",
            "title": "Cut the nightly batch from 6 hours to 40 minutes",
            "story": True,
            "situation": None,
            "task": None,
            "action": None,
            "result": "Reports on time",
            "number": "89% faster",
        }
    ]
    assert answers["events"] == []
    assert answers["weekly_target"] == 4
    assert answers["rehearsed"] is False  # left out: the default
    assert data["finished_at"] is not None
    drafts = data["drafts"]
    assert isinstance(drafts, dict)
    assert "\n\nHi Dana,\n\n" in drafts["thank_you_email"]
    assert drafts["outreach-1"].startswith("To: Priya\n\nHi Priya,\n")  # a LinkedIn note


def test_a_partial_file_leaves_the_rest_for_continue(
    run: Run, tmp_path: Path, rebound_home: Path
) -> None:
    text = FULL.split("went_well:", maxsplit=1)[0]
    result = run(["start", "--answers", str(write(tmp_path, text))], terminal=False)
    assert result.exit_code == 0, result.output
    assert "Some questions are still open" in result.stdout
    data = only_session(rebound_home)
    assert data["finished_at"] is None
    answers = data["answers"]
    assert isinstance(answers, dict)
    assert answers["weakness"] is None  # optional, left blank
    follow = run(["continue"], "It went well\r")
    assert "step 3 of 5" in follow.stdout


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (
            ("role: Data Engineer", "role: Data Engineer\nrol: typo"),
            "rol",
            "is not a question of this coach",
        ),
        (
            ("messenger_email: dana@globex.example", "messenger_email: not-an-email"),
            "messenger_email",
            "doesn't look like an email",
        ),
        ((f"call_date: {HEARD}", "call_date: someday"), "call_date", "Please give a date"),
        (
            ("messenger_channel: video", "messenger_channel: pigeon"),
            "messenger_channel",
            "'pigeon' is not one of the choices",
        ),
        (("weekly_target: 4", "weekly_target: 400"), "weekly_target", "at most 50"),
        (
            ("  - what: Read the Spark docs", "  - what: Read the Spark docs\n    colour: red"),
            "fixes.1.colour",
            "is not a field of fixes",
        ),
        (
            ("areas: [communication, other]", "areas: [communication, bogus]"),
            "areas",
            "'bogus' is not one of the choices",
        ),
        (("role: Data Engineer\n", ""), "messenger_name", "can't be used yet: 'role' comes first"),
        (("company: Globex", "company: [Globex"), None, "(yaml)"),
        (("company: Globex", "company: {a: b}"), "company", "should be a single answer"),
        (("company: Globex", "company: [Globex, Initech]"), "company", "not a list"),
        (
            ("messenger_channel: video", "messenger_channel: [phone]"),
            "messenger_channel",
            "should be a single answer (one of phone, video, email, in_person, voicemail, "
            "message), "
            "not a list",
        ),
        (("weekly_target: 4", "weekly_target: {n: 4}"), "weekly_target", "a whole number"),
        (
            ("  - what: Read the Spark docs", "  - what: {Read: the Spark docs}"),
            "fixes.1.what",
            "not a mapping",
        ),
        (
            ("areas: [communication, other]", "areas: [communication, [other]]"),
            "areas.1",
            "should be a choice",
        ),
        (("weekly_target: 4", "weekly_target: yes"), "weekly_target", "whole number"),
        # A contact's address is checked as at the prompt, and asked only of an email contact:
        # one given for a LinkedIn contact would be lost, so it is refused.
        (
            ("channel: linkedin}", "channel: email, email: priya.example}"),
            "contacts.0.email",
            "doesn't look like an email",
        ),
        (
            ("channel: linkedin}", "channel: linkedin, email: priya@talent.example}"),
            "contacts.0.email",
            "is not asked with the other answers",
        ),
    ],
)
def test_bad_answers_are_clear_errors_and_nothing_is_saved(
    run: Run,
    tmp_path: Path,
    rebound_home: Path,
    change: tuple[str, str],
    where: str | None,
    message: str,
) -> None:
    path = write(tmp_path, FULL.replace(*change, 1))
    result = run(["start", "--answers", str(path)], terminal=False)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert re.search(rf"{re.escape(str(path))}:\d+:\d+: ", result.stderr), result.stderr
    if where is not None:
        assert f": {where}: " in result.stderr
    assert message in result.stderr
    assert not (rebound_home / "sessions").exists()


def test_an_email_contact_takes_their_address(run: Run, tmp_path: Path, rebound_home: Path) -> None:
    text = FULL.replace("channel: linkedin}", "channel: email, email: priya@talent.example}")
    result = run(["start", "--answers", str(write(tmp_path, text))], terminal=False)
    assert result.exit_code == 0, result.output
    data = only_session(rebound_home)
    answers = data["answers"]
    assert isinstance(answers, dict)
    assert answers["contacts"][0]["email"] == "priya@talent.example"
    drafts = data["drafts"]
    assert isinstance(drafts, dict)
    assert drafts["outreach-1"].startswith("To: Priya <priya@talent.example>\nSubject: ")


def test_the_error_points_at_the_line(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, FULL.replace("weekly_target: 4", "weekly_target: many"))
    result = run(["start", "--answers", str(path)], terminal=False)
    line = FULL.splitlines().index("weekly_target: 4") + 1
    assert f"{path}:{line}:" in result.stderr


def test_missing_file(run: Run, tmp_path: Path) -> None:
    result = run(["start", "--answers", str(tmp_path / "nope.yaml")], terminal=False)
    assert result.exit_code == 2
    assert "there is no such answers file" in result.stderr


def test_a_file_that_is_not_a_mapping(run: Run, tmp_path: Path) -> None:
    result = run(["start", "--answers", str(write(tmp_path, "- just\n- a list\n"))], terminal=False)
    assert result.exit_code == 2
    assert "maps question ids to answers" in result.stderr


def test_accomplishments_from_a_file_join_the_brag_list(
    run: Run, tmp_path: Path, rebound_home: Path
) -> None:
    run(["start", "--answers", str(write(tmp_path, FULL))], terminal=False)
    brag = json.loads((rebound_home / "brag.json").read_text())
    assert [i["title"] for i in brag["items"]] == [
        "Cut the nightly batch from 6 hours to 40 minutes"
    ]


def test_a_spanish_file_uses_the_packs_date_words_and_messages(
    run: Run, tmp_path: Path, rebound_home: Path
) -> None:
    # (The move-on day must come after the news: a fixed one would not, once 'ayer' passes it.)
    spanish = FULL.replace(f"call_date: {HEARD}", "call_date: ayer").replace(
        f"move_on_date: {MOVE_ON}", "move_on_date: +3d"
    )
    result = run(["--lang", "es", "start", "--answers", str(write(tmp_path, spanish))])
    assert result.exit_code == 0, result.output
    answers = only_session(rebound_home)["answers"]
    assert isinstance(answers, dict)
    assert answers["call_date"] == (TODAY - timedelta(days=1)).isoformat()

    wrong = FULL.replace(f"call_date: {HEARD}", "call_date: pronto")
    refused = run(["--lang", "es", "start", "--answers", str(write(tmp_path, wrong))])
    assert refused.exit_code == 2
    assert "call_date: Escribe una fecha como 2026-12-01" in " ".join(refused.stderr.split())


@pytest.mark.parametrize("typed", ["yes", "no", "on", "off", "1.50", "007", "true", "0x1F", "1e3"])
def test_text_answers_keep_what_was_typed(
    run: Run, tmp_path: Path, rebound_home: Path, typed: str
) -> None:
    """YAML would read these as booleans or numbers; a text question keeps them as written."""
    text = FULL.replace("company: Globex", f"company: {typed}").replace(
        "  - what: Read the Spark docs", f"  - what: {typed}"
    )
    result = run(["start", "--answers", str(write(tmp_path, text))], terminal=False)
    assert result.exit_code == 0, result.output
    answers = only_session(rebound_home)["answers"]
    assert isinstance(answers, dict)
    assert answers["company"] == typed
    assert answers["fixes"][1]["what"] == typed


def test_yes_and_numbers_are_still_read_where_they_are_meant(
    run: Run, tmp_path: Path, rebound_home: Path
) -> None:
    text = FULL.replace("thanked_on_call: true", "thanked_on_call: yes").replace(
        "weekly_target: 4", "weekly_target: 007"
    )
    result = run(["start", "--answers", str(write(tmp_path, text))], terminal=False)
    assert result.exit_code == 0, result.output
    answers = only_session(rebound_home)["answers"]
    assert isinstance(answers, dict)
    assert answers["thanked_on_call"] is True
    assert answers["weekly_target"] == 7
    assert answers["accomplishments"][0]["story"] is True  # `story: true`, a yes/no field


def test_a_quoted_answer_keeps_its_brackets(run: Run, tmp_path: Path, rebound_home: Path) -> None:
    text = FULL.replace("company: Globex", "company: '{a: b} [c]'")
    result = run(["start", "--answers", str(write(tmp_path, text))], terminal=False)
    assert result.exit_code == 0, result.output
    answers = only_session(rebound_home)["answers"]
    assert isinstance(answers, dict)
    assert answers["company"] == "{a: b} [c]"


def test_an_escape_beyond_unicode_is_refused_at_its_line(
    run: Run, tmp_path: Path, rebound_home: Path
) -> None:
    """Issue 19, item 13: `"\\U00110000"` ended `start --answers` with "did not expect"."""
    path = write(tmp_path, FULL.replace("role: Data Engineer", 'role: "Data \\U00110000"'))
    result = run(["start", "--answers", str(path)], terminal=False)
    assert result.exit_code == 2, result.output
    line = FULL.splitlines().index("role: Data Engineer") + 1
    assert f"{path}:{line}:" in result.stderr and "did not expect" not in result.stderr
    assert not (rebound_home / "sessions").exists() or not any(
        (rebound_home / "sessions").iterdir()
    )

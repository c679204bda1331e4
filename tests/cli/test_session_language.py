"""A session keeps the language it was started in; `--lang` on a later command wins for that run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_session_flow import GROUPS, SESSION_ID, keys
from tests.helpers import Run

NAMES = [name for name, _ in GROUPS]
UP_TO_STEP_2 = keys(GROUPS[: NAMES.index("feedback_asked")])  # step 1 done, its draft saved


def saved(home: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((home / "sessions" / f"{SESSION_ID}.json").read_text())
    return data


def test_a_spanish_session_continues_in_spanish(run: Run, rebound_home: Path) -> None:
    run(["--lang", "es", "start"], UP_TO_STEP_2)
    assert saved(rebound_home)["lang"] == "es"
    resumed = run(["continue"], "")  # no --lang, an English environment
    assert "Hola de nuevo. Globex" in resumed.stdout, resumed.stdout
    assert "Welcome back" not in resumed.stdout
    summary = run(["summary"]).stdout
    assert "Da las gracias" in summary and "Thank the messenger" not in summary


def test_lang_on_a_later_command_wins_for_that_run(run: Run, rebound_home: Path) -> None:
    run(["--lang", "es", "start"], UP_TO_STEP_2)
    english = run(["--lang", "en", "summary"]).stdout
    assert "Thank the messenger" in english
    assert saved(rebound_home)["lang"] == "es"  # kept: the next plain command is Spanish again
    assert "Da las gracias" in run(["summary"]).stdout


def test_summary_drafts_never_mix_two_languages(run: Run, rebound_home: Path) -> None:
    run(["--lang", "es", "start"], UP_TO_STEP_2)
    spanish = run(["summary", "--drafts"]).stdout
    assert "Tu correo de agradecimiento" in spanish and "Gracias " in spanish
    english = run(["--lang", "en", "summary", "--drafts"]).stdout
    assert "Your thank-you email" in english
    assert "Thank you again for" in english and "Gracias " not in english
    shown = run(["--lang", "en", "show", SESSION_ID]).stdout
    assert "Gracias " not in shown


@pytest.mark.parametrize("command", [["done", "thank-you-sent"], ["export"]])
def test_other_commands_on_the_session_speak_its_language(
    run: Run, rebound_home: Path, command: list[str]
) -> None:
    run(["--lang", "es", "start"], UP_TO_STEP_2)
    result = run(command)
    assert result.exit_code == 0, result.output
    if command[0] == "export":
        assert "Da las gracias" in result.stdout


def test_a_session_from_before_languages_were_kept_follows_the_environment(
    run: Run, rebound_home: Path
) -> None:
    run(["start"], UP_TO_STEP_2)
    file = rebound_home / "sessions" / f"{SESSION_ID}.json"
    data = json.loads(file.read_text())
    assert data["lang"] == "en"
    del data["lang"]  # as an older rebound wrote it: the field is optional
    file.write_text(json.dumps(data))
    assert "Da las gracias" in run(["--lang", "es", "summary"]).stdout
    assert "Thank the messenger" in run(["summary"]).stdout


def test_a_session_language_that_is_not_shipped_falls_back(run: Run, rebound_home: Path) -> None:
    run(["start"], UP_TO_STEP_2)
    file = rebound_home / "sessions" / f"{SESSION_ID}.json"
    data = json.loads(file.read_text())
    data["lang"] = "../../etc"
    file.write_text(json.dumps(data))
    result = run(["summary"])
    assert result.exit_code == 0, result.output
    assert "Thank the messenger" in result.stdout


def test_draft_speaks_the_sessions_language_and_never_mixes_two(
    run: Run, rebound_home: Path
) -> None:
    run(["--lang", "es", "start"], UP_TO_STEP_2)
    listed = run(["draft"])  # no --lang, an English environment
    assert listed.exit_code == 0, listed.output
    assert "Tu correo de agradecimiento" in listed.stdout
    assert "Your thank-you email" not in listed.stdout
    assert "Gracias " in run(["draft", "thank_you_email"]).stdout
    english = run(["--lang", "en", "draft", "thank_you_email"]).stdout
    assert "Thank you again for" in english and "Gracias " not in english

"""summary, done, content validate, global options and refusals, in-process."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from rebound import __version__
from rebound.storage.records import Session
from tests import pinned
from tests.helpers import DOWN, ENTER, MakeSession, Run
from tests.scenario import GROUPS, NAMES, SESSION_ID, keys


@pytest.fixture
def finished(finished_session: Session, rebound_home: Path) -> Path:
    return rebound_home / "sessions" / f"{SESSION_ID}.json"


def test_version(run: Run) -> None:
    result = run(["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"rebound {__version__}"


def test_no_arguments_shows_help(run: Run) -> None:
    result = run([])
    assert "rebound start" in result.output
    assert "Commands" in result.output


@pytest.mark.parametrize("args", [["bogus"], ["summary", "--bogus"], ["strat"]])
def test_usage_errors_exit_2(run: Run, args: list[str]) -> None:
    result = run(args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["start", "continue"])
def test_no_terminal_is_refused(run: Run, rebound_home: Path, command: str) -> None:
    result = run([command], "Globex" + ENTER, terminal=False)
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr
    assert "Nothing was changed" in result.stderr
    assert not (rebound_home / "sessions").exists()


def test_summary_without_sessions(run: Run) -> None:
    result = run(["summary"])
    assert result.exit_code == 0
    assert "No sessions yet" in result.stdout
    assert "rebound start" in result.stdout


def test_summary_of_a_finished_session(run: Run, finished: Path) -> None:
    result = run(["summary"])
    assert result.exit_code == 0
    out = result.stdout
    assert f"Globex · Data Engineer  [{SESSION_ID}]" in out
    for n, title in enumerate(
        [
            "Thank the messenger",
            "Ask why",
            "Reflect, commit, move on",
            "List your accomplishments",
            "Get back out there",
        ],
        start=1,
    ):
        assert f"✓ {n}/5 {title}" in out
    today = date.today().isoformat()  # the same day, as step 1's guidance says
    assert f"☐ Thank-you email sent to Dana Smith  due {today}  (thank-you-sent)" in out
    assert f"☐ Fix: Practise Spark joins  due {pinned.iso(14)}  (fix-1)" in out
    assert "Accomplishments on your list: 1" in out
    assert "✓ Stories rehearsed out loud" in out
    in_a_week = (date.today() + timedelta(days=7)).isoformat()
    contact = "Reach out to Priya Patel (Head hunter or recruiter, Email)"
    assert f"☐ {contact}  due {in_a_week}  (contact-1)" in out
    # Not told why yet, the request to send: asked, followed up a week on if nothing comes.
    assert "☐ Feedback asked" in out
    assert "Follow up with Dana Smith if no feedback has come" in out
    assert "Next: " in out
    assert "Your thank-you email" not in out  # drafts only with --drafts


def test_summary_drafts(run: Run, finished: Path) -> None:
    out = run(["summary", "--drafts"]).stdout
    assert "--- Your thank-you email ---" in out
    assert " Thank you also for the [bold]honest[/bold] notes.\n" in out
    assert "--- Your availability post ---" in out
    to = "To: Priya Patel <priya@talent.example>"
    assert f"--- Your message · Priya Patel ---\n{to}\nSubject: " in out


def test_summary_of_a_session_in_progress(run: Run, make_session: MakeSession) -> None:
    make_session(upto="feedback_asked")
    out = run(["summary"]).stdout
    assert "✓ 1/5 Thank the messenger" in out
    assert "☐ 2/5 Ask why  (pending)" in out
    assert "Next: Go on with step 2 of 5, Ask why: `rebound continue`." in out


def test_summary_picks_a_session_by_prefix(
    run: Run, finished: Path, make_session: MakeSession
) -> None:
    make_session(upto=2, company="Initech")
    assert "Initech" in run(["summary"]).stdout  # the newest by default
    out = run(["summary", "--session", SESSION_ID[:-2]]).stdout
    assert "Globex · Data Engineer" in out
    missing = run(["summary", "--session", "nope"])
    assert missing.exit_code == 2
    assert "There is no session 'nope'" in missing.stderr


def test_done_ticks_and_unticks(run: Run, finished: Path) -> None:
    result = run(["done", "thank-you-sent", "fix-2"])
    assert result.exit_code == 0, result.output
    assert "Ticked: Thank-you email sent to Dana Smith" in result.stdout
    assert set(json.loads(finished.read_text())["ticked"]) == {"thank-you-sent", "fix-2"}
    assert "✓ Thank-you email sent to Dana Smith" in run(["summary"]).stdout
    run(["done", "--undo", "fix-2"])
    assert set(json.loads(finished.read_text())["ticked"]) == {"thank-you-sent"}


def test_done_unknown_item_changes_nothing(run: Run, finished: Path) -> None:
    before = finished.read_bytes()
    result = run(["done", "thank-you-sent", "nonsense"])
    assert result.exit_code == 2
    assert "'nonsense' is not an item" in result.stderr
    assert "thank-you-sent" in result.stderr  # lists the real ones
    assert finished.read_bytes() == before


def test_done_without_sessions(run: Run) -> None:
    result = run(["done", "thank-you-sent"])
    assert result.exit_code == 2
    assert "no sessions yet" in result.stderr


def test_done_without_items_picks_from_a_list(run: Run, finished: Path) -> None:
    result = run(["done"], " " + DOWN + " " + ENTER)
    assert result.exit_code == 0, result.output
    assert "Ticked 2" in result.stdout
    assert len(json.loads(finished.read_text())["ticked"]) == 2


def test_continue_on_a_finished_session_offers_ticks(run: Run, finished: Path) -> None:
    result = run(["continue"], " " + ENTER)
    assert result.exit_code == 0, result.output
    assert "Ticked 1" in result.stdout
    ticked = json.loads(finished.read_text())["ticked"]
    assert len(ticked) == 1


def test_continue_without_sessions(run: Run) -> None:
    result = run(["continue"])
    assert result.exit_code == 0
    assert "no session to continue yet" in result.stdout


def test_content_validate_ok(run: Run) -> None:
    result = run(["content", "validate"])
    assert result.exit_code == 0
    assert "OK (5 steps" in result.stdout


def test_content_validate_reports_file_line(run: Run, content_copy: Path) -> None:
    step = content_copy / "steps" / "reflect.yaml"
    step.write_text(
        step.read_text().replace("  - id: went_well\n", "  - id: went_well\n    colour: blue\n")
    )
    result = run(["content", "validate", str(content_copy)])
    assert result.exit_code == 2
    assert f"{step}:" in result.stderr
    assert "prompts.0.colour: is not a known field" in result.stderr
    assert "Traceback" not in result.output


def test_broken_content_stops_start_before_any_question(
    run: Run, content_copy: Path, rebound_home: Path
) -> None:
    (content_copy / "steps" / "thank.yaml").write_text("id: thank\ntitle: [unclosed\n")
    result = run(["--content", str(content_copy), "start"], "Globex" + ENTER)
    assert result.exit_code == 2
    assert "thank.yaml:3:1: (yaml): expected ',' or ']'" in result.stderr
    assert "while parsing a flow sequence that starts at line 2" in result.stderr
    assert not (rebound_home / "sessions").exists()


def test_content_option_and_env(
    run: Run, content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    step = content_copy / "steps" / "thank.yaml"
    step.write_text(step.read_text().replace("title: Thank the messenger", "title: Say thanks"))
    by_option = run(
        ["--content", str(content_copy), "start"], keys(GROUPS[: NAMES.index("thanked_on_call")])
    )
    assert "Step 1 of 5 · Say thanks" in by_option.stdout
    monkeypatch.setenv("REBOUND_CONTENT", str(content_copy))
    assert "Step 1 of 5 · Say thanks" in run(["continue"]).stdout


def test_unexpected_errors_are_one_paragraph(
    run: Run, monkeypatch: pytest.MonkeyPatch, make_session: MakeSession
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("rebound.render.screens.summary", boom)
    make_session(upto=2)
    result = run(["summary"])
    assert result.exit_code == 1
    assert "Something went wrong that rebound did not expect (RuntimeError)" in result.stderr
    assert "REBOUND_DEBUG=1" in result.stderr
    monkeypatch.setenv("REBOUND_DEBUG", "1")
    with pytest.raises(RuntimeError, match="kaboom"):
        run(["summary"])


def test_interrupt_before_the_first_answer_says_nothing_was_saved(run: Run) -> None:
    result = run(["start"], "Glob")
    assert result.exit_code == 130
    assert result.stderr.startswith("Stopped before the first answer, so nothing was saved.")
    assert "rebound: " not in result.stderr  # a choice, not an error


def test_interrupt_after_an_answer_names_the_session(run: Run) -> None:
    result = run(["start"], "Globex" + ENTER + "Data")
    assert result.exit_code == 130
    assert result.stderr.startswith("Stopped. Everything you answered is saved;")
    assert f"({SESSION_ID})" in result.stderr


def test_output_is_plain_when_piped(run: Run, finished: Path) -> None:
    out = run(["summary"]).stdout
    assert "\x1b[" not in out
    assert "✓ 1/5" in out


def test_a_command_module_is_built_once_per_process(run: Run) -> None:
    """Typer builds the root group afresh for each invocation; the commands under it are built
    from their module once, and the same command serves every later run in the process."""
    import typer

    from rebound.app import app

    assert run(["list"]).exit_code == 0
    first, second = typer.main.get_command(app), typer.main.get_command(app)
    assert first is not second
    listing = first.get_command(None, "list")  # type: ignore[attr-defined]
    assert listing is second.get_command(None, "list")  # type: ignore[attr-defined]
    assert run(["list"]).exit_code == 0
    assert run(["brag", "list"]).exit_code == 0
    assert first.get_command(None, "brag") is second.get_command(None, "brag")  # type: ignore[attr-defined]

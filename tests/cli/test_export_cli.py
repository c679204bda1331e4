"""`rebound export`, in-process: stdout or a file, formats, ids, refusals and odd text."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import icalendar
import pytest

from rebound import export
from rebound.pack import packs
from rebound.storage.records import Session
from rebound.storage.store import Store
from tests.helpers import Run
from tests.scenario import GROUPS, SESSION_ID, keys
from tests.unit.test_export import DATED, SCRIPT, build

OTHER_ID = "2026-11-20-initech"


@pytest.fixture
def saved(rebound_home: Path) -> Session:
    """The deterministic session of the unit tests, saved, and an older one beside it."""
    loaded = packs.load()
    older = build(loaded, {**SCRIPT, "company": "Initech"}, stop_at="feedback_asked")
    older.id = OTHER_ID
    Store().save(older)
    session = build(loaded)
    Store().save(session)  # saved last: the most recent
    return session


def _markdown(session: Session) -> str:
    return export.to_markdown(packs.load(), session, date.today())


def test_markdown_to_stdout_by_default(run: Run, saved: Session) -> None:
    result = run(["export"])
    assert result.exit_code == 0, result.output
    assert result.stdout == _markdown(saved)
    assert result.stderr == ""


@pytest.mark.parametrize("fmt", ["json", "JSON"])
def test_json_to_stdout_round_trips(run: Run, saved: Session, fmt: str) -> None:
    result = run(["export", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert Session.model_validate_json(result.stdout) == saved


def test_ics_to_stdout_keeps_crlf(run: Run, saved: Session) -> None:
    result = run(["export", "-f", "ics"])
    assert result.exit_code == 0, result.output
    data: bytes = result.stdout_bytes
    assert data == export.to_ics(packs.load(), saved)
    assert data.count(b"\r\n") == data.count(b"\n")
    cal = icalendar.Calendar.from_ical(data)
    assert isinstance(cal, icalendar.Calendar)
    assert len(cal.walk("VEVENT")) == DATED


@pytest.mark.parametrize(
    "case",
    [
        ("plan.md", [], "Markdown"),
        ("plan.json", [], "JSON"),
        ("plan.ics", [], "iCalendar"),
        ("plan.txt", ["--format", "json"], "JSON"),
        ("plan.txt", [], "Markdown"),
    ],
)
def test_output_file(
    run: Run, saved: Session, tmp_path: Path, case: tuple[str, list[str], str]
) -> None:
    name, args, kind = case
    target = tmp_path / name
    result = run(["export", "-o", str(target), *args])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"as {kind} to {target}" in result.stderr
    assert SESSION_ID not in result.stdout
    data = target.read_bytes()
    expected = {
        "Markdown": _markdown(saved).encode(),
        "JSON": export.to_json(saved).encode(),
        "iCalendar": export.to_ics(packs.load(), saved),
    }
    assert data == expected[kind]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # it holds personal notes


def test_dash_means_stdout(run: Run, saved: Session) -> None:
    result = run(["export", "-o", "-", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert Session.model_validate_json(result.stdout) == saved


def test_refuses_to_overwrite_without_force(run: Run, saved: Session, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("my own notes\n")
    result = run(["export", "-o", str(target)])
    assert result.exit_code == 2
    assert str(target) in result.stderr
    assert "--force" in result.stderr
    assert target.read_text() == "my own notes\n"

    result = run(["export", "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert target.read_text() == _markdown(saved)


def test_refuses_a_missing_folder(run: Run, saved: Session, tmp_path: Path) -> None:
    result = run(["export", "-o", str(tmp_path / "nowhere" / "plan.md")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_refuses_a_folder_it_cannot_write(
    run: Run, saved: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("os.access", lambda path, mode: False)  # as root, chmod would not do
    result = run(["export", "-o", str(tmp_path / "plan.md")])
    assert result.exit_code == 2
    assert f"not allowed to write in {tmp_path}" in result.stderr
    assert not (tmp_path / "plan.md").exists()


def test_a_folder_is_not_a_file(run: Run, saved: Session, tmp_path: Path) -> None:
    result = run(["export", "-o", str(tmp_path)])
    assert result.exit_code == 2


@pytest.mark.parametrize("wanted", [OTHER_ID, "2026-11-20", "2026-11-20-i"])
def test_id_or_prefix(run: Run, saved: Session, wanted: str) -> None:
    result = run(["export", wanted, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == OTHER_ID


def test_ambiguous_prefix(run: Run, saved: Session) -> None:
    result = run(["export", "2026-11"])
    assert result.exit_code == 2
    assert "fits 2 sessions" in result.stderr
    assert result.stdout == ""


def test_unknown_id(run: Run, saved: Session) -> None:
    result = run(["export", "1999-01-01-nobody"])
    assert result.exit_code == 2
    assert "There is no session '1999-01-01-nobody'" in result.stderr


def test_no_sessions(run: Run, tmp_path: Path) -> None:
    result = run(["export", "-o", str(tmp_path / "plan.md")])
    assert result.exit_code == 2
    assert "no sessions yet" in result.stderr
    assert "rebound start" in result.stderr
    assert not (tmp_path / "plan.md").exists()


def test_unknown_format(run: Run, saved: Session) -> None:
    result = run(["export", "--format", "pdf"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_ics_without_dated_items(run: Run, rebound_home: Path, tmp_path: Path) -> None:
    early = build(packs.load(), stop_at="thanked_on_call")
    Store().save(early)
    result = run(["export", "-f", "ics", "-o", str(tmp_path / "plan.ics")])
    assert result.exit_code == 2
    assert "no dated items yet" in result.stderr
    assert not (tmp_path / "plan.ics").exists()


ODD = {
    "thank_detail": "the [bold]honest[/bold] notes",
    "went_well": "The *design* round | went 🎉 well_done",
    "weakness": "I undersell [link](x) `code` <b>results</b>",
}


def test_odd_text_typed_in_a_real_session_survives(run: Run, rebound_home: Path) -> None:
    from markdown_it import MarkdownIt

    groups = [(name, ODD[name] + "\r") if name in ODD else (name, k) for name, k in GROUPS]
    assert run(["start"], keys(groups)).exit_code == 0

    md = run(["export"]).stdout
    assert "the \\[bold\\]honest\\[/bold\\] notes" in md
    assert "The \\*design\\* round \\| went 🎉 well\\_done" in md
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md)
    for text in ODD.values():
        assert text.replace("<", "&lt;").replace(">", "&gt;") in rendered, text
    assert "<em>design</em>" not in rendered
    assert "<table" not in rendered

    answers = json.loads(run(["export", "-f", "json"]).stdout)["answers"]
    assert {k: answers[k] for k in ODD} == ODD

    cal = icalendar.Calendar.from_ical(run(["export", "-f", "ics"]).stdout_bytes)
    assert isinstance(cal, icalendar.Calendar)
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert f"{SESSION_ID}-thank-you-sent@rebound" in uids

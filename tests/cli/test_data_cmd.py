"""`rebound data path|export|wipe`: the person's data is theirs to see, take and remove."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from rebound.terminal import prompts
from tests.helpers import Run, build_session
from tests.scenario import SESSION_ID


def test_data_path(run: Run, rebound_home: Path) -> None:
    assert run(["data", "path"]).stdout.strip() == str(rebound_home)


def test_export_everything_but_the_cache(
    run: Run, rebound_home: Path, rebound_cache: Path, tmp_path: Path
) -> None:
    build_session()
    assert rebound_cache.is_dir()
    target = tmp_path / "mine.zip"
    result = run(["data", "export", str(target)])
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.stderr
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert f"rebound/sessions/{SESSION_ID}.json" in names
        assert not any("/cache/" in n or "/locks/" in n for n in names)
        assert (
            archive.read(f"rebound/sessions/{SESSION_ID}.json")
            == (rebound_home / "sessions" / f"{SESSION_ID}.json").read_bytes()
        )
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_does_not_overwrite(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mine.zip"
    target.write_text("precious")
    result = run(["data", "export", str(target)])
    assert result.exit_code == 2
    assert target.read_text() == "precious"
    assert run(["data", "export", "--force", str(target)]).exit_code == 0
    assert zipfile.is_zipfile(target)


def test_wipe_asks_and_keeps_on_no(run: Run, rebound_home: Path) -> None:
    build_session(upto=2)
    result = run(["data", "wipe"], "n\r")
    assert "Kept" in result.stdout
    assert (rebound_home / "sessions" / f"{SESSION_ID}.json").exists()


def test_wipe_removes_everything(run: Run, rebound_home: Path) -> None:
    build_session(upto=2)
    result = run(["data", "wipe"], "y\r")
    assert result.exit_code == 0, result.output
    assert not rebound_home.exists()
    assert "No sessions yet" in run(["summary"]).stdout


def test_wipe_says_it_deletes_contacts_and_takes_rebound_out_of_the_shell(
    run: Run, rebound_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 22, item 13: the wipe named sessions and the brag list but deleted the contact log
    too, and left the completion's line in ~/.bashrc (and the nudge's)."""
    build_session(upto=2)
    home = Path.home()
    (rebound_home / "contacts.json").write_text('{"schema_version": 1, "people": {}}')
    # Typer finds the shell among the processes that started this one; a suite started from
    # an IDE, a scheduler or a background job has none, so the shell is named here.
    import shellingham

    monkeypatch.setattr(shellingham, "detect_shell", lambda *a, **k: ("bash", "/bin/bash"))
    installed = run(["--install-completion", "bash"])
    assert installed.exit_code == 0, installed.output
    assert run(["nudge", "--install", "bash"]).exit_code == 0
    script = home / ".bash_completions" / "rebound.sh"
    rc = home / ".bashrc"
    assert script.exists() and "rebound" in rc.read_text()
    rc.write_text("export EDITOR=nano\n" + rc.read_text())
    asked: list[str] = []
    monkeypatch.setattr(prompts, "yes_no", lambda question, *a, **k: asked.append(question) or 1)
    result = run(["data", "wipe"])
    assert result.exit_code == 0, result.output
    assert "your brag list and your contact log" in asked[0]
    said = " ".join(result.stdout.split())
    assert f"Taken out of your shell too: {rc}, {script}." in said
    assert not rebound_home.exists() and not script.exists()
    assert rc.read_text().strip() == "export EDITOR=nano"  # the person's own line stays


def test_wipe_needs_yes_without_a_terminal(run: Run, rebound_home: Path) -> None:
    build_session(upto=2)
    assert run(["data", "wipe"], terminal=False).exit_code == 2
    assert rebound_home.exists()
    assert run(["data", "wipe", "--yes"], terminal=False).exit_code == 0
    assert not rebound_home.exists()


def test_wipe_refuses_while_a_session_is_open(run: Run, rebound_home: Path) -> None:
    from rebound.storage.store import Store

    build_session(upto=2)
    with Store().lock(SESSION_ID):
        result = run(["data", "wipe", "--yes"])
    assert result.exit_code == 1
    assert "open in another rebound window" in result.stderr
    assert (rebound_home / "sessions" / f"{SESSION_ID}.json").exists()


def test_wipe_with_nothing_there(run: Run) -> None:
    result = run(["data", "wipe", "--yes"])
    assert result.exit_code == 0
    assert "nothing to wipe" in result.stdout


def theirs(home: Path) -> None:
    """Files a person keeps in the data folder that rebound did not make."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "thesis.txt").write_text("three years of work")
    (home / "taxes").mkdir()
    (home / "taxes" / "2025.pdf").write_text("receipts")
    (home / "sessions").mkdir(mode=0o700, exist_ok=True)
    (home / "sessions" / "notes.txt").write_text("my notes")


def test_wipe_deletes_only_rebounds_files(run: Run, rebound_home: Path) -> None:
    build_session(upto=2)
    theirs(rebound_home)
    (rebound_home / "broken").mkdir()
    (rebound_home / "broken" / "x.20260101T000000Z.json").write_text("{")
    result = run(["data", "wipe", "--yes"])
    assert result.exit_code == 0, result.output
    assert (rebound_home / "thesis.txt").read_text() == "three years of work"
    assert (rebound_home / "taxes" / "2025.pdf").read_text() == "receipts"
    assert (rebound_home / "sessions" / "notes.txt").read_text() == "my notes"
    assert sorted(p.name for p in rebound_home.iterdir()) == ["sessions", "taxes", "thesis.txt"]
    assert list((rebound_home / "sessions").iterdir()) == [rebound_home / "sessions" / "notes.txt"]
    assert "thesis.txt" in result.stdout
    assert "taxes/" in result.stdout
    assert "No sessions yet" in run(["summary"]).stdout


def test_export_holds_only_rebounds_files(run: Run, rebound_home: Path, tmp_path: Path) -> None:
    build_session(upto=2)
    theirs(rebound_home)
    target = tmp_path / "mine.zip"
    assert run(["data", "export", str(target)]).exit_code == 0
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == [f"rebound/sessions/{SESSION_ID}.json"]


def test_export_does_not_write_through_a_dangling_link(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mine.zip"
    elsewhere = tmp_path / "elsewhere.zip"
    target.symlink_to(elsewhere)
    result = run(["data", "export", str(target)])
    assert result.exit_code == 2
    assert not elsewhere.exists()
    assert target.is_symlink()


def test_export_with_force_replaces_the_link_not_its_target(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mine.zip"
    precious = tmp_path / "precious.txt"
    precious.write_text("precious")
    target.symlink_to(precious)
    assert run(["data", "export", str(target)]).exit_code == 2
    assert run(["data", "export", "--force", str(target)]).exit_code == 0
    assert precious.read_text() == "precious"
    assert not target.is_symlink()
    assert zipfile.is_zipfile(target)


def test_export_takes_the_wins_waiting_on_this_computer(
    run: Run, rebound_home: Path, rebound_state: Path, tmp_path: Path
) -> None:
    """A win typed while the brag list was busy waits in this computer's state folder: it is
    the person's, so the archive has it too (beside the data folder's files)."""
    build_session()
    (rebound_state / "pending").mkdir(parents=True, exist_ok=True)
    waiting = rebound_state / "pending" / "brag-20261207T100000000000Z.json"
    waiting.write_text('{"schema_version": 1, "typed_at": "2026-12-07T10:00:00+00:00"}')
    (rebound_state / "due.json").write_text("{}")
    target = tmp_path / "mine.zip"
    assert run(["data", "export", str(target)]).exit_code == 0
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
    assert f"rebound/this-computer/pending/{waiting.name}" in names
    assert not any(n.endswith("due.json") for n in names)

"""Broken data files, odd text, hostile environments: a clear message, never a traceback or loss."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from rebound.sentences import fitting
from rebound.storage.records import SCHEMA_VERSION
from tests.conftest import Figures
from tests.helpers import DOWN, ENTER, MakeSession, Run, build_session, run_installed
from tests.scenario import GROUPS, NAMES, SESSION_ID, keys


def finish(run: Run) -> Path:
    """The scenario's finished session, saved (as `start --answers` saves it); its file."""
    home = Path(os.environ["REBOUND_HOME"])
    assert build_session(home).id == SESSION_ID
    return home / "sessions" / f"{SESSION_ID}.json"


def valid_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


BROKEN: dict[str, object] = {
    "empty": "",
    "truncated": None,  # the first half of a real file
    "not json": "this is not { json",
    "a list": "[1, 2, 3]",
    "no schema_version": '{"id": "x"}',
    "future schema": None,  # a real file with schema_version 99
    "wrong type": None,  # a real file with answers as a list
    "unknown field": None,  # a real file with an extra top-level key
    "binary": b"\x00\xff\xfe garbage",
}


def broken_bytes(kind: str, good: str) -> bytes:
    data = json.loads(good)
    if kind == "truncated":
        return good[: len(good) // 2].encode()
    if kind == "future schema":
        data["schema_version"] = 99
    elif kind == "wrong type":
        data["answers"] = ["not", "a", "mapping"]
    elif kind == "unknown field":
        data["mood"] = "sunny"
    else:
        value = BROKEN[kind]
        return value if isinstance(value, bytes) else str(value).encode()
    return json.dumps(data).encode()


@pytest.mark.parametrize("command", [["summary"], ["continue"], ["done", "thank-you-sent"]])
def test_broken_session_files_are_moved_aside(
    run: Run, rebound_home: Path, figures: Figures, command: list[str]
) -> None:
    good_path = finish(run)
    good = valid_text(good_path)
    handled = 0
    for n, kind in enumerate(BROKEN):
        bad_id = f"2026-11-0{n + 1}-broken" if n < 9 else f"2026-11-{n + 1}-broken"
        raw = broken_bytes(kind, good)
        bad_path = good_path.with_name(f"{bad_id}.json")
        bad_path.write_bytes(raw)
        os.utime(bad_path)  # the newest, so it is what commands look at first
        result = run([*command, "--session", bad_id], " " + ENTER)
        backups = sorted((rebound_home / "broken").glob(f"{bad_id}.*.json"))
        ok = (
            result.exit_code == 1
            and "could not be read" in result.stderr
            and str(backups[0]) in result.stderr.replace("\n", "")
            and "Traceback" not in result.output
            and len(backups) == 1
            and backups[0].read_bytes() == raw
            and not bad_path.exists()
        )
        # The other session is untouched and still works.
        after = run(["summary"])
        ok = ok and after.exit_code == 0 and "Globex · Data Engineer" in after.stdout
        ok = ok and valid_text(good_path) == good
        assert ok, (kind, result.exit_code, result.output)
        handled += ok
    figures.add("broken files handled", handled, len(BROKEN))


def test_default_session_skips_a_broken_newest_file(run: Run, rebound_home: Path) -> None:
    good_path = finish(run)
    bad = good_path.with_name("2026-11-30-zzz.json")
    bad.write_text("{ half a file")
    os.utime(bad, (good_path.stat().st_mtime + 10,) * 2)
    result = run(["summary"])
    assert result.exit_code == 0
    assert "The saved session '2026-11-30-zzz' could not be read" in result.stderr
    assert "Globex · Data Engineer" in result.stdout
    assert len(list((rebound_home / "broken").iterdir())) == 1


def test_an_old_schema_file_is_migrated_in_place(run: Run, rebound_home: Path) -> None:
    fixture = Path(__file__).parent.parent / "fixtures" / "sessions" / "v1-finished.json"
    sessions = rebound_home / "sessions"
    sessions.mkdir(parents=True)
    (sessions / "2026-11-25-globex.json").write_bytes(fixture.read_bytes())
    result = run(["done", "thank-you-sent"])
    assert result.exit_code == 0, result.output
    data = json.loads((sessions / "2026-11-25-globex.json").read_text())
    assert data["schema_version"] == SCHEMA_VERSION
    assert "thank-you-sent" in data["ticked"]
    assert not (rebound_home / "broken").exists()


ODD_TEXTS = [
    "[bold]not bold[/bold] and [done]",
    "[link=https://example.com]x[/link] :smile: :thumbs_up:",
    "back\\slash \\[escaped] C:\\Users\\me",
    "emoji 🎉👩‍💻 and CJK 東京",
    "right-to-left: مرحبا بالعالم and עברית",
    "{{company}} should stay braces",
    "%s %d {0} $HOME `rm -rf`",
    "word " * 300,
]
# Joined into the thank-you this reads a word twice in a row ('word word'): the letter leaves
# that sentence out and the walk says so (so there is no sentence to read back). A word again
# with anything but a space between ('bold[/bold]', 'Guidance, Guidance') is not a slip.
LEFT_OUT = {ODD_TEXTS[-1]}


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_user_text_is_stored_and_shown_literally(run: Run, rebound_home: Path, text: str) -> None:
    # Typed up to the end of step 1 (the rest of it as the scenario answers, its draft for
    # later), then "not now": the text went through the prompt.
    index = NAMES.index("thank_detail")
    joined = text not in LEFT_OUT
    rest = GROUPS[index + 1 : NAMES.index("ready")]
    if not joined:  # nothing read back; at the step's end, Enter for "Write that sentence
        # yourself now?" (no)
        rest = [g for g in rest if g[0] != "readback.thank_detail"]
        at = next(n for n, (name, _) in enumerate(rest) if name.startswith("offer."))
        rest = [*rest[:at], ("write_it", ENTER), *rest[at:]]
    typed = keys(GROUPS[:index]) + text + ENTER + keys(rest) + DOWN + ENTER
    walked = run(["start"], typed)
    assert walked.exit_code == 0
    path = rebound_home / "sessions" / f"{SESSION_ID}.json"
    assert json.loads(path.read_text())["answers"]["thank_detail"] == text
    # Where the answer itself is shown, it is shown exactly as typed, never as markup.
    shown = " ".join(run(["show", SESSION_ID]).stdout.split())
    assert " ".join(text.split()) in shown
    out = run(["summary", "--drafts"]).stdout
    flat = " ".join(out.split())
    # In the email the detail reads as a phrase inside the sentence (no final stop), but never
    # as markup.
    if joined:
        assert " ".join(f"Thank you also for {fitting.phrase(text)}.".split()) in flat
    else:
        assert "One sentence was left out of this draft" in " ".join(walked.output.split())
        assert "Thank you also for" not in flat
    # Every key answered the question it was typed for, down to the last of the step.
    assert json.loads(path.read_text())["answers"]["feedback_in_thanks"] == "separate"


def test_many_lines_and_control_codes_are_harmless(run: Run, rebound_home: Path) -> None:
    finish(run)
    path = rebound_home / "sessions" / f"{SESSION_ID}.json"
    data = json.loads(path.read_text())
    data["answers"]["thank_detail"] = "line one\nline two\n\x1b[31mred?\x1b[0m\x07 end"
    data["answers"]["reasons"] = "line one\nline two\n\x1b[31mred?\x1b[0m\x07 end"
    data["answers"]["weakness"] = "x" * 5000
    data["drafts"] = {}
    path.write_text(json.dumps(data))
    result = run(["summary", "--drafts"])
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "line one\nline two" in result.stdout  # the feedback log keeps the lines
    assert "Thank you also for line one line two" in result.stdout  # a sentence joins them
    assert "red?" in result.stdout
    assert result.stdout.replace("\n", "").count("x" * 100) >= 1
    assert "".join(result.stdout.split()).count("x") >= 5000  # wrapped, never cut short


def test_a_full_disk_mid_session_keeps_what_was_saved(
    run: Run, rebound_home: Path, monkeypatch: pytest.MonkeyPatch, make_session: MakeSession
) -> None:
    upto = NAMES.index("went_well")
    make_session(upto=upto)
    path = rebound_home / "sessions" / f"{SESSION_ID}.json"
    before = path.read_bytes()

    def no_space(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("rebound.storage.store.os.fsync", no_space)
    result = run(["continue"], keys(GROUPS[upto : upto + 2]))
    assert result.exit_code == 1
    assert "because the disk is full" in result.stderr
    assert "Everything saved before is unharmed" in result.stderr
    assert "Traceback" not in result.output
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left


def test_data_folder_that_is_a_file(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("precious")
    monkeypatch.setenv("REBOUND_HOME", str(blocker))
    result = run(["start"], "Globex" + ENTER)
    assert result.exit_code == 1
    assert "cannot be used" in result.stderr
    assert "REBOUND_HOME" in result.stderr
    assert blocker.read_text() == "precious"


def test_unwritable_data_folder(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*_: object, **__: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("rebound.storage.files.tempfile.mkstemp", denied)
    result = run(["start"], "Globex" + ENTER)
    assert result.exit_code == 1
    assert "not allowed to write there" in result.stderr


@pytest.mark.parametrize("command", [["list"], ["summary"], ["todo"]])
def test_unreadable_sessions_folder(
    command: list[str], run: Run, rebound_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Said as it is, never mistaken for "no sessions yet" (root can read anything, so the
    refusal is simulated)."""
    (rebound_home / "sessions").mkdir(parents=True)
    real = os.scandir

    def denied(path: Any) -> Any:
        if Path(path) == rebound_home / "sessions":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path)

    monkeypatch.setattr("rebound.storage.store.os.scandir", denied)
    result = run(command)
    assert result.exit_code == 1
    assert f"Could not read the folder {rebound_home / 'sessions'} (Permission denied)" in (
        " ".join(result.stderr.split())
    )
    assert "No sessions yet" not in result.stdout


def subprocess_env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def test_home_unset(tmp_path: Path) -> None:
    env = subprocess_env(HOME=None, REBOUND_HOME=None, XDG_DATA_HOME=str(tmp_path / "xdg"))
    result = run_installed("summary", env=env)
    assert result.returncode == 0, result.stderr
    assert "No sessions yet" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["bogus"],
        ["start", "--nope"],
        ["summary", "--session"],
        ["done", "--undo", "--undo=3"],
        ["content"],
    ],
)
def test_bad_command_lines_exit_2_without_traceback(args: list[str], figures: Figures) -> None:
    result = run_installed(*args)
    ok = result.returncode == 2 and "Traceback" not in result.stderr + result.stdout
    figures.add("bad command lines refused cleanly", ok, 1)
    assert ok, (result.returncode, result.stderr)


def test_piped_step_screens_are_never_cut_off(run: Run) -> None:
    out = run(["start"], keys(GROUPS)).stdout
    assert (
        "  • Make a short list of people to contact this week; former colleagues and recruiters "
        "you've worked with are a warm start."
    ) in out


def test_an_ascii_only_terminal_gets_question_marks_not_a_crash(run: Run, tmp_path: Path) -> None:
    finish(run)
    env = subprocess_env(PYTHONIOENCODING="ascii", LANG="C", LC_ALL="C")
    result = run_installed("summary", env=env)
    assert result.returncode == 0, result.stderr
    assert "Globex ? Data Engineer" in result.stdout
    assert "[x] 1/5 Thank the messenger" in result.stdout


def test_a_hand_edited_date_at_the_end_of_time_is_harmless(run: Run, rebound_home: Path) -> None:
    path = finish(run)
    data = json.loads(path.read_text())
    data["answers"]["move_on_date"] = "9999-12-31"
    data["answered_at"]["contacts"] = "9999-12-31T23:00:00Z"
    path.write_text(json.dumps(data))
    for command in (["summary"], ["todo"], ["list"], ["export", "--format", "ics"], ["stats"]):
        result = run(command)
        assert result.exit_code == 0, (command, result.output)
        assert "Traceback" not in result.output

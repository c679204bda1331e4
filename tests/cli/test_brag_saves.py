"""Nothing typed at `rebound brag` is lost to another rebound: an interactive edit writes only
what the person changed (and asks when both changed the same field), a busy list is waited for,
and a win that still can't be saved is kept and added the next time."""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rebound.coach import brag_list
from rebound.commands import brag as brag_cmd
from rebound.storage.store import BRAG_LOCK, Store
from rebound.terminal import prompts
from tests.cli.test_brag_cli import CLEAR, NIGHTLY, items
from tests.helpers import ENTER, Run
from tests.reliability.test_processes import build_session

SESSION = "2026-11-25-initech"


@pytest.fixture
def one(run: Run, rebound_home: Path) -> Path:
    result = run(
        [
            "brag",
            "add",
            *("--title", NIGHTLY),
            *("--situation", "Reports kept missing the morning deadline"),
            *("--number", "89% faster"),
        ],
        terminal=False,
    )
    assert result.exit_code == 0, result.output
    return rebound_home / "brag.json"


def meanwhile(monkeypatch: pytest.MonkeyPatch, **changes: Any) -> None:
    """Another rebound edits the first story while this one's questions are being answered:
    after the person typed everything, before the save."""
    asked = brag_cmd._ask_story

    def ask_then_other_edits(current: Any) -> dict[str, Any]:
        typed = asked(current)
        store = Store()
        with store.lock(BRAG_LOCK):
            brag = store.load_brag()
            brag_list.edit(brag.items[0], **changes)
            store.save_brag(brag)
        return typed

    monkeypatch.setattr(brag_cmd, "_ask_story", ask_then_other_edits)


def spy_questions(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """The yes/no questions asked (they are drawn on the prompt's own output, not stdout)."""
    asked: list[tuple[str, bool]] = []
    real = prompts.yes_no

    def yes_no(message: str, default: bool, *args: Any, **kwargs: Any) -> bool:
        asked.append((message, default))
        return real(message, default, *args, **kwargs)

    monkeypatch.setattr(prompts, "yes_no", yes_no)
    return asked


# Enter keeps every field, except the situation, which is replaced.
NEW_SITUATION = [
    ENTER,
    CLEAR + "Reports were late every Monday" + ENTER,
    *[ENTER] * 5,
]


def test_an_edit_writes_only_what_was_changed(
    run: Run, rebound_home: Path, one: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meanwhile(monkeypatch, result="Reports on time", number="90% faster", tags=["data"])
    shown = run(["brag", "edit", "1"], "".join(NEW_SITUATION))
    assert shown.exit_code == 0, shown.output
    assert "Saved: " in shown.stdout
    [item] = items(rebound_home)
    assert item["situation"] == "Reports were late every Monday"  # this window's change
    # The other window's changes, to fields this one kept with Enter, are not reverted.
    assert item["result"] == "Reports on time"
    assert item["number"] == "90% faster"
    assert item["tags"] == ["data"]


@pytest.mark.parametrize(
    ("answer", "kept"), [("n" + ENTER, "theirs"), (ENTER, "mine"), ("y" + ENTER, "mine")]
)
def test_a_field_changed_in_both_windows_is_asked_about(
    run: Run,
    rebound_home: Path,
    one: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    kept: str,
) -> None:
    meanwhile(monkeypatch, situation="Changed in the other window", result="Reports on time")
    asked = spy_questions(monkeypatch)
    shown = run(["brag", "edit", "1"], "".join(NEW_SITUATION) + answer)
    assert shown.exit_code == 0, shown.output
    [(question, default)] = asked
    assert "another rebound changed the situation of this story to" in question
    assert "'Changed in the other window'" in question
    assert "Keep yours, 'Reports were late every Monday'?" in question
    assert default is True  # Enter keeps what was typed just now
    [item] = items(rebound_home)
    expected = {
        "mine": "Reports were late every Monday",
        "theirs": "Changed in the other window",
    }
    assert item["situation"] == expected[kept]
    assert item["result"] == "Reports on time"


def test_the_same_change_in_both_windows_is_not_a_question(
    run: Run, rebound_home: Path, one: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meanwhile(monkeypatch, situation="Reports were late every Monday")
    asked = spy_questions(monkeypatch)
    shown = run(["brag", "edit", "1"], "".join(NEW_SITUATION))
    assert shown.exit_code == 0, shown.output
    assert asked == []
    assert items(rebound_home)[0]["situation"] == "Reports were late every Monday"


# --- a busy brag list ----------------------------------------------------------------------------

TYPED = [
    "Led the move to Postgres",
    "Two databases, one of them unsupported",
    "",
    "Planned it in three stages",
    "No downtime",
    "0 minutes down",
    "databases, leadership",
]
KEYS = "".join(t + ENTER for t in TYPED)


def _hold(seconds: float) -> threading.Thread:
    """Another rebound holds the brag list for `seconds` (a thread: its own lock file handle)."""
    held = threading.Event()

    def hold() -> None:
        with Store().lock(BRAG_LOCK):
            held.set()
            time.sleep(seconds)

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(5)
    return thread


def test_a_list_held_for_a_moment_is_waited_for(run: Run, rebound_home: Path) -> None:
    holder = _hold(0.6)
    begun = time.monotonic()
    shown = run(["brag", "add"], KEYS)
    holder.join()
    assert shown.exit_code == 0, shown.output
    assert time.monotonic() - begun >= 0.3  # it did wait
    assert [i["title"] for i in items(rebound_home)] == [TYPED[0]]


def test_a_win_that_cannot_be_saved_is_kept_and_added_next_time(
    run: Run, rebound_home: Path, rebound_state: Path, one: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("rebound.storage.store.BRAG_WAIT_SECONDS", 0.2)
    with Store().lock(BRAG_LOCK):
        shown = run(["brag", "add"], KEYS)
    assert shown.exit_code == 1, shown.output
    said = " ".join(shown.stderr.split())
    assert "isn't on it yet" in said
    assert "Everything you typed is kept" in said
    assert "Traceback" not in shown.output
    [kept] = (rebound_state / "pending").glob("brag-*.json")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert str(kept) in said.replace(" ", "") or kept.name in said
    fields = json.loads(kept.read_text(encoding="utf-8"))["fields"]
    assert fields["title"] == TYPED[0]
    assert [i["title"] for i in items(rebound_home)] == [NIGHTLY]  # nothing half-saved

    listed = run(["brag"])
    assert listed.exit_code == 0, listed.output
    assert "You typed a win that couldn't be saved then" in " ".join(listed.stdout.split())
    assert [i["title"] for i in items(rebound_home)] == [NIGHTLY, TYPED[0]]
    added = items(rebound_home)[1]
    assert added["situation"] == TYPED[1]
    assert added["task"] is None
    assert added["tags"] == ["databases", "leadership"]
    assert not kept.exists()
    again = run(["brag"])
    assert "couldn't be saved" not in again.stdout
    assert len(items(rebound_home)) == 2


def test_a_kept_win_is_added_by_the_next_brag_add_and_never_twice(
    run: Run, rebound_home: Path, rebound_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("rebound.storage.store.BRAG_WAIT_SECONDS", 0.2)
    with Store().lock(BRAG_LOCK):
        assert run(["brag", "add"], KEYS).exit_code == 1
    [kept] = (rebound_state / "pending").glob("brag-*.json")
    copy = kept.read_bytes()
    shown = run(["brag", "add", "--title", "Shipped it"], terminal=False)
    assert shown.exit_code == 0, shown.output
    assert [i["title"] for i in items(rebound_home)] == [TYPED[0], "Shipped it"]
    # Saved, then stopped before its file was removed: the next run does not add it again.
    kept.write_bytes(copy)
    assert run(["brag"]).exit_code == 0
    assert [i["title"] for i in items(rebound_home)] == [TYPED[0], "Shipped it"]
    assert not kept.exists()


def test_a_scripted_add_to_a_busy_list_says_so(
    run: Run, rebound_home: Path, rebound_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("rebound.storage.store.BRAG_WAIT_SECONDS", 0.1)
    with Store().lock(BRAG_LOCK):
        shown = run(["brag", "add", "--title", "Shipped it"], terminal=False)
    assert shown.exit_code == 1
    assert "nothing was changed" in shown.stderr
    assert not (rebound_state / "pending").exists()  # the script still has what it gave


def test_a_win_an_older_rebound_kept_in_the_data_folder_is_still_added(
    run: Run, rebound_home: Path
) -> None:
    """Before this computer had a state folder, waiting wins were kept in `<data>/pending/`:
    they are still put on the list, never lost."""
    folder = rebound_home / "pending"
    folder.mkdir(parents=True)
    record = {
        "schema_version": 1,
        "typed_at": "2026-11-20T10:00:00+00:00",
        "fields": {"title": "Kept by an older rebound", "tags": []},
    }
    (folder / "brag-20261120T100000000000Z.json").write_text(json.dumps(record))
    assert run(["brag"]).exit_code == 0
    assert [i["title"] for i in items(rebound_home)] == ["Kept by an older rebound"]
    assert not list(folder.glob("brag-*.json"))


# --- a data folder that can't be written ---------------------------------------------------------


@pytest.fixture
def read_only(rebound_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The data folder, made to refuse new files as a read-only folder does.

    Tests may run as root, whom chmod does not stop: then the refusal is simulated at the call
    every save and the writability check make first (a temp file in the folder, EACCES), which
    is what a read-only folder answers. Otherwise the folder really is made read-only (0500).
    """
    rebound_home.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        folders = [rebound_home, *(p for p in rebound_home.rglob("*") if p.is_dir())]
        for folder in folders:
            folder.chmod(0o500)
        yield rebound_home
        for folder in folders:
            folder.chmod(0o700)
        return
    real = tempfile.mkstemp

    def refuse(*args: Any, **kwargs: Any) -> Any:
        where = Path(str(kwargs.get("dir", "")))
        if where == rebound_home or rebound_home in where.parents:
            raise PermissionError(errno.EACCES, "Permission denied", str(where))
        return real(*args, **kwargs)

    monkeypatch.setattr("rebound.storage.files.tempfile.mkstemp", refuse)
    yield rebound_home


@pytest.fixture
def a_session_with_a_win(rebound_home: Path) -> None:
    """A finished session whose win is not on the brag list yet (listing takes it in)."""
    Store().save(build_session(SESSION))


def test_the_brag_list_is_listed_from_a_read_only_folder(
    run: Run, a_session_with_a_win: None, read_only: Path
) -> None:
    shown = run(["brag"])
    assert shown.exit_code == 0, shown.output
    assert "Your brag list: 1 story" in shown.stdout
    said = " ".join(shown.stderr.split())
    assert "rebound is not allowed to write there" in said
    assert "not saved" in said
    assert "Traceback" not in shown.output
    assert not (read_only / "brag.json").exists()


def test_start_refuses_a_read_only_folder_before_the_first_question(
    run: Run, read_only: Path
) -> None:
    shown = run(["start"], "Globex" + ENTER)
    assert shown.exit_code == 1
    said = " ".join(shown.stderr.split())
    refused = "won't ask you anything yet: nothing was saved"
    if os.geteuid() == 0:  # sessions/ could be made; its files can't
        assert refused in said
    else:  # a folder that can't even hold sessions/ is named by the folder check itself
        assert refused in said or "cannot be used" in said
    assert "rebound continue" not in shown.output
    assert "Company" not in shown.stdout and "company" not in shown.stdout
    assert list((read_only / "sessions").glob("*")) == []  # the check left nothing behind


def test_a_first_save_that_fails_promises_no_continue(
    run: Run, read_only: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The folder stops taking files between the check and the first answer.
    monkeypatch.setattr(Store, "check_writable", lambda self: None)
    shown = run(["start"], "Globex" + ENTER)
    assert shown.exit_code == 1
    said = " ".join(shown.stderr.split())
    assert "Could not save" in said
    assert "Nothing of this session was saved yet" in said
    assert "rebound continue" not in said


def test_the_brag_lock_waits_and_a_session_lock_does_not(rebound_home: Path) -> None:
    from rebound.errors import SessionBusyError

    holder = _hold(0.4)
    begun = time.monotonic()
    with Store().lock(BRAG_LOCK):
        waited = time.monotonic() - begun
    holder.join()
    assert waited >= 0.2

    held = threading.Event()
    release = threading.Event()

    def hold_session() -> None:
        with Store().lock("2026-11-25-globex"):
            held.set()
            release.wait(5)

    thread = threading.Thread(target=hold_session)
    thread.start()
    assert held.wait(5)
    begun = time.monotonic()
    with (
        pytest.raises(SessionBusyError, match="open in another rebound window"),
        Store().lock("2026-11-25-globex"),
    ):
        pass
    assert time.monotonic() - begun < 0.5  # refused at once, as a second window must be
    release.set()
    thread.join()

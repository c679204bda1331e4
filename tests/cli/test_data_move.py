"""`rebound data move DIR` and `rebound data path`: a data folder the person chooses and rebound
remembers, used by every later run, the nudge, the reminder and completion; a move that a kill
at any moment leaves whole in the old place or the new one, never half of each."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rebound.options import complete_session
from rebound.storage import moving, places
from rebound.storage.store import Store
from rebound.system import due_index
from tests import depth
from tests.helpers import Run, build_session
from tests.scenario import SESSION_ID


@pytest.fixture
def default_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No REBOUND_HOME: the platform's data folder (in tmp_path), as a person runs rebound."""
    monkeypatch.delenv("REBOUND_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return Path(places.default_data())


def mine(home: Path) -> dict[str, bytes]:
    """rebound's files in a data folder, as they are."""
    return {
        p.relative_to(home).as_posix(): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def fill(home: Path) -> dict[str, bytes]:
    """A data folder with every kind of file a person's has; its files."""
    build_session(home)
    (home / "broken").mkdir(mode=0o700)
    (home / "broken" / "x.20261201T000000Z.json").write_text("{half")
    (home / "contacts.json").write_text('{"schema_version": 1, "people": {}}\n')
    return mine(home)


def test_data_path_says_why_that_folder(
    run: Run, rebound_home: Path, default_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = run(["data", "path"])
    assert said.stdout == f"{default_home}\n"  # alone on stdout: `cd "$(rebound data path)"`
    assert "This computer's default folder" in said.stderr
    assert "keeps its own locks and index in" in " ".join(said.stderr.split())
    monkeypatch.setenv("REBOUND_HOME", str(rebound_home))
    said = run(["data", "path"])
    assert said.stdout == f"{rebound_home}\n"
    assert "REBOUND_HOME is set" in said.stderr


def test_move_carries_everything_and_every_later_run_uses_it(
    run: Run, default_home: Path, tmp_path: Path
) -> None:
    before = fill(default_home)
    assert run(["todo"]).exit_code == 0  # an index, on this computer, for the old place
    target = tmp_path / "Sync" / "rebound"
    moved = run(["data", "move", str(target)])
    assert moved.exit_code == 0, moved.output
    said = " ".join(moved.stderr.split())
    assert f"Moved {len(before)} files to {target}" in said
    assert "the nudge, the daily reminder and completion find it there" in said
    assert mine(target) == before
    assert not default_home.exists()
    remembered = json.loads(Path(places.remembered_file()).read_text())
    assert remembered == {"data_folder": str(target)}

    shown = run(["data", "path"])
    assert shown.stdout == f"{target}\n"
    assert "The folder `rebound data move` chose" in shown.stderr
    assert SESSION_ID in run(["list"]).stdout
    assert complete_session("") == [SESSION_ID]  # shell completion
    assert due_index.home() == str(target)  # the nudge, with the standard library alone
    assert run(["todo"]).exit_code == 0
    assert Path(due_index.index_file(str(target))).is_file()
    assert not (target / "due.json").exists()
    assert run(["remind"], terminal=False).exit_code == 0  # the daily run
    assert not default_home.exists()  # nothing is made in the old place again


def test_a_move_into_a_folder_another_computer_filled_merges_both(
    run: Run, default_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second computer joins: its own sessions and the synced folder's are kept, and where
    both have a file, both versions are merged (as a sync tool's conflict copy would be)."""
    build_session(default_home)
    target = tmp_path / "Sync" / "rebound"
    build_session(target, reasons="Written on the other computer")
    assert run(["brag", "add", "--title", "Cut the build time"], terminal=False).exit_code == 0
    moved = run(["data", "move", str(target)])
    assert moved.exit_code == 0, moved.output
    assert "already there with other contents: both versions are kept" in " ".join(
        moved.stderr.split()
    )
    listed = run(["list"])
    assert listed.stdout.count(SESSION_ID) == 1
    assert "Merged" in listed.stderr
    assert "Cut the build time" in run(["brag"]).stdout
    shown = " ".join(run(["show", SESSION_ID]).stdout.split())
    assert "Written on the other computer" in shown or "also written on" in shown


def test_a_move_is_refused_while_rebound_home_decides(
    run: Run, rebound_home: Path, tmp_path: Path
) -> None:
    build_session()
    before = mine(rebound_home)
    refused = run(["data", "move", str(tmp_path / "elsewhere")])
    assert refused.exit_code == 2
    assert "REBOUND_HOME is set" in refused.stderr and "Traceback" not in refused.output
    assert mine(rebound_home) == before and not (tmp_path / "elsewhere").exists()


@pytest.mark.parametrize("where", ["inside", "above", "file"])
def test_a_move_that_cannot_be_made_changes_nothing(
    run: Run, default_home: Path, tmp_path: Path, where: str
) -> None:
    before = fill(default_home)
    target = {
        "inside": default_home / "sub",
        "above": default_home.parent,
        "file": tmp_path / "a-file",
    }[where]
    if where == "file":
        target.write_text("mine")
    refused = run(["data", "move", str(target)])
    assert refused.exit_code == 2, refused.output
    assert "Nothing was moved" in refused.stderr
    assert mine(default_home) == before
    assert not Path(places.remembered_file()).exists()


def test_the_same_folder_is_said_and_left_alone(run: Run, default_home: Path) -> None:
    before = fill(default_home)
    said = run(["data", "move", str(default_home)])
    assert said.exit_code == 0 and "already in" in said.stderr
    assert mine(default_home) == before


def test_moving_back_to_the_default_forgets_the_chosen_folder(
    run: Run, default_home: Path, tmp_path: Path
) -> None:
    before = fill(default_home)
    target = tmp_path / "Sync" / "rebound"
    assert run(["data", "move", str(target)]).exit_code == 0
    assert run(["data", "move", str(default_home)]).exit_code == 0
    assert not Path(places.remembered_file()).exists()
    assert mine(default_home) == before
    assert "default folder" in run(["data", "path"]).stderr


def test_wiping_a_chosen_folder_forgets_it(run: Run, default_home: Path, tmp_path: Path) -> None:
    fill(default_home)
    target = tmp_path / "Sync" / "rebound"
    assert run(["data", "move", str(target)]).exit_code == 0
    assert run(["data", "wipe", "--yes"]).exit_code == 0
    assert not target.exists() and not Path(places.remembered_file()).exists()
    assert "No sessions yet" in run(["list"]).stdout  # afresh, in the default folder


def test_a_chosen_folder_that_is_gone_is_never_shown_as_no_data(
    run: Run, default_home: Path, tmp_path: Path
) -> None:
    """A drive not mounted, a sync folder renamed: rebound says where it looked, never "no
    sessions yet", and makes nothing there."""
    fill(default_home)
    target = tmp_path / "usb" / "rebound"
    assert run(["data", "move", str(target)]).exit_code == 0
    target.rename(tmp_path / "usb" / "unplugged")
    listed = run(["list"])
    assert listed.exit_code == 1
    assert "is not there right now" in listed.stderr and "No sessions" not in listed.stdout
    assert not target.exists()
    assert "It is not there right now" in run(["data", "path"]).stderr
    assert run(["nudge"], terminal=False).stdout == ""  # the nudge: silence
    # Told where it is now, rebound uses it (nothing to move from a place that is not there).
    told = run(["data", "move", str(tmp_path / "usb" / "unplugged")])
    assert told.exit_code == 0 and "nothing at" in " ".join(told.stderr.split())
    assert SESSION_ID in run(["list"]).stdout


def test_a_broken_remembered_file_is_named_never_no_data(run: Run, default_home: Path) -> None:
    fill(default_home)
    file = Path(places.remembered_file())
    file.parent.mkdir(parents=True)
    file.write_text("{not json")
    listed = run(["list"])
    assert listed.exit_code == 1
    assert (
        str(file) in " ".join(listed.stderr.split()).replace(" ", "")
        or "data-folder" in listed.stderr
    )
    assert "Traceback" not in listed.output
    assert run(["nudge"], terminal=False).stdout == ""


# --- a kill at any moment --------------------------------------------------------------------

WATCHED = ("replace", "unlink", "rmdir", "mkdir", "fsync", "rename")


def _in_child(work: Callable[[], None], kill_at: int | None) -> int:
    """Run `work` in a forked child that kills itself (SIGKILL) as it is about to make its
    `kill_at`-th change to the disk; the number of changes it made (when it was not killed)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        count = [0]
        real = {name: getattr(os, name) for name in WATCHED}

        def watch(name: str) -> Callable[..., Any]:
            def call(*args: Any, **kwargs: Any) -> Any:
                count[0] += 1
                if count[0] == kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)
                return real[name](*args, **kwargs)

            return call

        for name in WATCHED:
            setattr(os, name, watch(name))
        code = 0
        try:
            work()
        except BaseException:  # the parent judges by the files
            code = 1
        os.write(write, str(count[0]).encode())
        os._exit(code)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    with os.fdopen(read) as said:
        made = said.read()
    if kill_at is not None and os.WIFSIGNALED(status):
        return -1
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, (status, made)
    return int(made)


@pytest.fixture
def posix_fork() -> None:
    if not hasattr(os, "fork"):
        pytest.skip("a kill at every step needs os.fork")


def test_a_move_killed_at_any_moment_leaves_one_place_whole(
    run: Run,
    default_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    posix_fork: None,
    figures: Any,
) -> None:
    before = fill(default_home)
    pristine = tmp_path / "pristine"
    shutil.copytree(default_home, pristine)
    target = tmp_path / "Sync" / "rebound"
    config = Path(places.remembered_file()).parent.parent  # XDG_CONFIG_HOME
    state = Path(places.state_root())

    def move() -> None:
        moving.move(Store(), target)

    def afresh() -> None:
        for folder in (default_home, target.parent, config, state):
            shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(pristine, default_home)

    afresh()
    steps = _in_child(move, None)  # how many changes a whole move makes
    assert steps > 10 and mine(target) == before
    wanted = list(range(1, steps + 1))
    chosen = sorted(random.sample(wanted, min(len(wanted), depth.examples(len(wanted), 12))))
    whole = 0
    for kill_at in chosen:
        afresh()
        assert _in_child(move, kill_at) == -1, f"the move ended before change {kill_at}"
        chosen_place, why = places.where()
        used = Path(chosen_place)
        if mine(used) == before:
            whole += 1
        else:
            pytest.fail(f"killed at change {kill_at} of {steps}: {used} ({why}) is not whole")
        again = run(["data", "move", str(target)])  # the same move, run again, finishes it
        assert again.exit_code == 0, (kill_at, again.output)
        assert mine(target) == before, kill_at
        assert not default_home.exists() or not mine(default_home), (kill_at, again.stderr)
        assert moving.unfinished() is None, kill_at
    figures.add("data move: killed, one place whole", whole, len(chosen))

"""Hostile special files: something else in place of every file rebound reads (issue 19, item 12).

A FIFO (opening it for reading waits for a writer that never comes), a link to /dev/zero (it never
ends), a link to /dev/null, a socket, and a sparse file of 8 GiB stand in turn where rebound
keeps a session, the brag list, the touch log, the due index, what `remind` announced, what the
calendar export sent, a win waiting to be added, the content cache, a content pack's files and
an answers file. Every command that reads that file then runs in a process of its own (forked
from one that imported rebound once, tests/forks.py), with a deadline and a cap on its memory, and:

- nothing hangs (every command ends before its deadline);
- nothing is unexpected (no "did not expect", no traceback, a house exit code);
- nothing is lost: every session keeps its answers, and the thing in the file's place, when it
  stood where the person's own data lives, is still there or set aside in `broken/`, and named.

The figures: `hostile: special files, ...` (inputs tried, no unexpected error, no answer lost).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Figures, own_computer, process_env
from tests.forks import Forks, Ran
from tests.helpers import build_session
from tests.reliability.hostile import HOUSE_CODES, UNEXPECTED, report

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and sockets: POSIX")

KIND = "special files"
DEADLINE = 20.0  # seconds a command may take (a normal one takes a fraction of one)
MEMORY = 2 << 30  # bytes of address space a command may use: /dev/zero read whole stops here
SPARSE = 8 << 30  # the sparse file's size: far past anything rebound reads, and nothing on disk


@contextlib.contextmanager
def _inside(folder: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _socket(path: Path) -> None:
    # A socket's path is short (108 bytes): bound by its name, from its folder.
    with _inside(path.parent), socket.socket(socket.AF_UNIX) as made:
        made.bind(path.name)


def _sparse(path: Path) -> None:
    with open(path, "wb") as handle:
        handle.truncate(SPARSE)


KINDS: dict[str, Callable[[Path], None]] = {
    "a FIFO": os.mkfifo,
    "a link to /dev/zero": lambda p: p.symlink_to("/dev/zero"),
    "a link to /dev/null": lambda p: p.symlink_to("/dev/null"),
    "a socket": _socket,
    "a sparse file of 8 GiB": _sparse,
}


def _kind_of(path: Path) -> str | None:
    """What stands at `path` (without following a link), or None when nothing does."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(st.st_mode):
        return "link"
    if stat.S_ISFIFO(st.st_mode):
        return "fifo"
    if stat.S_ISSOCK(st.st_mode):
        return "socket"
    return "file" if stat.S_ISREG(st.st_mode) else "other"


class World:
    """A data folder with two finished sessions and every file rebound keeps beside them, a
    pristine copy of it, a content pack and an answers file; the cases damage one file each."""

    def __init__(self, home: Path, tmp: Path, forks: Forks) -> None:
        from rebound.storage import places
        from rebound.storage.files import content_cache

        self.home, self.forks = home, forks
        # This computer's own folders beside the data folder: state (the due index, what remind
        # announced, kept wins) and the content cache.
        self.state = Path(places.state_for(str(home)))
        self.cache = content_cache()
        self.target = build_session(home).id
        self.other = build_session(home, company="Initech").id
        for args in (
            ["contacts", "log", "Priya Patel", "--outcome", "replied"],
            ["todo"],
            ["remind"],
            ["export", "--all", "--format", "ics", "-o", str(tmp / "all.ics")],
        ):
            done = forks.one(*args)
            assert done.returncode == 0, (args, done.stderr)
        pending = self.state / "pending"
        pending.mkdir(mode=0o700)
        (pending / "brag-20260101T000000000000Z.json").write_text(
            json.dumps(
                {
                    "schema_version": 1,
                    "typed_at": "2026-01-01T00:00:00+00:00",
                    "fields": {"title": "A win typed while the list was busy"},
                }
            )
        )
        for name in ("contacts.json", "calendar.json"):
            assert (home / name).exists(), name
        for name in ("due.json", "reminded.json"):
            assert (self.state / name).exists(), name
        assert list(self.cache.glob("content-*.pickle"))
        self.pristine = tmp / "pristine"
        for folder, name in self._folders():
            shutil.copytree(folder, self.pristine / name, symlinks=True)
        self.answers = {s: self._answers(s) for s in (self.target, self.other)}
        self.pack = tmp / "pack"
        shutil.copytree(Path(__file__).resolve().parents[2] / "content" / "en", self.pack)
        self.answers_file = tmp / "answers.yaml"

    def _answers(self, session_id: str) -> Any:
        """A session's answers; None when its file is not one (never read: it may be 8 GiB)."""
        path = self.home / "sessions" / f"{session_id}.json"
        if _kind_of(path) != "file" or path.stat().st_size > SPARSE // 2:
            return None
        return json.loads(path.read_bytes())["answers"]

    def _folders(self) -> list[tuple[Path, str]]:
        return [(self.home, "data"), (self.state, "state"), (self.cache, "cache")]

    def restore(self) -> None:
        for folder, name in self._folders():
            shutil.rmtree(folder)
            shutil.copytree(self.pristine / name, folder, symlinks=True)
        shutil.rmtree(self.pack)
        shutil.copytree(Path(__file__).resolve().parents[2] / "content" / "en", self.pack)
        with contextlib.suppress(FileNotFoundError):
            self.answers_file.unlink()

    def targets(self) -> dict[str, tuple[Path, bool, list[list[str]]]]:
        """Each file rebound reads: where it is, whether the person's own data lives in it
        (then what stands there must be kept or set aside, never deleted), and the commands
        that read it."""
        t, home = self.target, self.home
        [cache] = self.cache.glob("content-*.pickle")
        pack = ["--content", str(self.pack)]
        return {
            "a session": (
                home / "sessions" / f"{t}.json",
                True,
                [
                    ["list", "--all"],
                    ["summary", "--session", t],
                    ["show", t],
                    ["todo", "--all"],
                    ["export", t, "--format", "markdown"],
                    ["done", "--session", t, "thank-you-sent"],
                    ["draft", "--session", t],
                ],
            ),
            "the brag list": (
                home / "brag.json",
                True,
                [["brag"], ["stats"], ["brag", "add", "--title", "Shipped the new search"]],
            ),
            "the touch log": (
                home / "contacts.json",
                True,
                [["contacts"], ["todo"], ["contacts", "log", "Priya Patel", "--outcome", "met"]],
            ),
            "a kept win": (
                self.state / "pending" / "brag-20260101T000000000000Z.json",
                True,
                [["brag"]],
            ),
            "the due index": (self.state / "due.json", False, [["nudge"], ["todo"], ["nudge"]]),
            "what remind announced": (self.state / "reminded.json", False, [["remind"]]),
            "what the calendar export sent": (
                home / "calendar.json",
                True,  # set aside and named, never written over (item 11)
                [["export", "--all", "--format", "ics"]],
            ),
            "the content cache": (cache, False, [["list"], ["summary"]]),
            "a pack's coach.yaml": (
                self.pack / "coach.yaml",
                False,
                [[*pack, "list"], ["content", "validate", str(self.pack)]],
            ),
            "a pack's step": (
                self.pack / "steps" / "thank.yaml",
                False,
                [[*pack, "list"], ["content", "validate", str(self.pack)]],
            ),
            "an answers file": (
                self.answers_file,
                False,
                [
                    ["start", "--answers", str(self.answers_file)],
                    ["feedback", "--answers", str(self.answers_file)],
                ],
            ),
        }


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One world for the module's five kinds of special file, made once per worker: each case
    puts it back as it was (`World.restore`) before it damages its file. Its fork server's start
    (importing the whole of rebound) and its data were most of each test's time; its data folder
    and computer are its own, as each test's are (`own_computer`)."""
    tmp = tmp_path_factory.mktemp("special-files")
    with pytest.MonkeyPatch.context() as patch:
        home = own_computer(patch, tmp)
        env = process_env(home, tmp)
        env = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        with Forks(env) as forks:
            yield World(home, tmp, forks)


def _said(ran: Ran) -> str:
    return f"{ran.stdout}{ran.stderr}"


def _broken(home: Path) -> set[str]:
    folder = home / "broken"
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.replace(" ", "-"))
def test_nothing_hangs_surprises_or_is_lost_when_a_file_is_not_one(
    world: World, figures: Figures, kind: str
) -> None:
    failures: list[str] = []
    tried = handled = kept = checked = 0
    for target, (path, personal, commands) in world.targets().items():
        world.restore()
        path.unlink(missing_ok=True)
        KINDS[kind](path)
        shape = _kind_of(path)
        before = _broken(world.home)
        tried += 1
        clean = True
        said = []
        for argv in commands:
            ran = world.forks.one(*argv, timeout=DEADLINE, memory=MEMORY)
            said.append(_said(ran))
            if ran.hung:
                clean = False
                failures.append(f"{target}, {' '.join(argv)}: still running after {DEADLINE} s")
            elif (
                UNEXPECTED in _said(ran)
                or "Traceback" in _said(ran)
                or ran.returncode not in HOUSE_CODES
            ):
                clean = False
                failures.append(f"{target}, {' '.join(argv)}: {ran.returncode} {_said(ran)[-300:]}")
        handled += clean
        text = " ".join(" ".join(said).split())
        checked += 1
        ok = True
        # Every session keeps its answers (a tick may change, never an answer).
        for session_id, answers in world.answers.items():
            now = world._answers(session_id)
            if now is not None and now != answers:
                ok = False
                failures.append(f"{target}: session {session_id} changed its answers")
        moved = _broken(world.home) - before
        if personal:
            # What stood there is kept: in its place, or set aside in broken/ (and named).
            aside = [world.home / "broken" / name for name in moved]
            if _kind_of(path) != shape and not any(_kind_of(p) == shape for p in aside):
                ok = False
                failures.append(f"{target}: what stood there ({shape}) is gone")
        for name in moved:
            if name not in text.replace(" ", ""):
                ok = False
                failures.append(f"{target}: set aside as {name} without saying so: {text[-300:]}")
        kept += ok
    report(figures, KIND, tried, handled, kept, checked)
    assert not failures, "\n".join(failures)

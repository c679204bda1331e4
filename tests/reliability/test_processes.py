"""Reliability with real processes: a save killed at any moment, one writer per session, and
two writers that never lose each other's updates.

Every case runs the real code in separate processes (a Python child for the kills, the installed
`rebound` for the rest), because threads in one process share the lock and cannot crash apart.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import stat
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from rebound.coach import progress
from rebound.pack import packs
from rebound.storage.records import AnswerValue, Session
from rebound.storage.store import STALE_TEMP_SECONDS, TEMP_SUFFIX, Store, parse
from tests.forks import Forks
from tests.terminal import (
    ENTER,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    Spawn,
    flat,
    run,
)

BUSY = "open in another rebound window"
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)


# --- sessions built with the coach (no terminal) -------------------------------------------------


def _value(pos: progress.Position, entries: dict[str, int]) -> AnswerValue:
    """A sensible answer for any question; `entries` says how many entries each list gets."""
    if pos.more:
        return pos.entry <= entries.get(pos.prompt.id, 0)
    q = pos.question
    fixed: dict[str, AnswerValue] = {
        "company": "Globex",
        "role": "Data Engineer",
        "internal": False,
        "messenger_name": "Dana Smith",
        "your_name": "Alex",
        "thanked_on_call": True,
        "reasons_heard": "not_yet",  # not told why, so that the next is asked:
        "feedback_in_thanks": "separate",  # two emails, so that ...
        "feedback_asked": "will_email",  # ... "feedback-asked" is an item to tick
        "reasons": None,  # (and stays one: no reasons have come yet)
    }
    if q.id in fixed:
        return fixed[q.id]
    if q.kind == "select":
        return q.choices[0].value
    if q.kind == "checkbox":
        return [q.choices[0].value]
    if q.kind == "confirm":
        return True
    if q.kind == "number":
        return 3
    if q.kind == "date":
        return "2026-12-09"
    if q.kind == "email":
        return "dana@example.com"
    return f"{q.id} {pos.entry}"


def build_session(session_id: str, up_to_step: int | None = None, **entries: int) -> Session:
    """A session answered up to (not including) step `up_to_step`, or to the end, with the drafts
    of every finished step filled in, as `rebound start` would have left it."""
    loaded = packs.load()
    session = Session(id=session_id, created_at=NOW, updated_at=NOW)
    while (pos := progress.next_position(loaded, session)) is not None:
        if up_to_step is not None and pos.step_number >= up_to_step:
            break
        progress.apply(loaded, session, pos, _value(pos, entries), NOW)
    for step in loaded.steps:
        if progress.step_done(step, session):
            for d in step.drafts:
                session.drafts[d.id] = progress.draft_text(loaded, session, d)
    return session


# --- 1. SIGKILL in the middle of saves -----------------------------------------------------------

KILLS = 50
CRASH_ID = "2026-11-25-crash"
PAYLOAD_REPEAT = 6250  # 8 characters each: a 50 KB answer, so that a write takes a moment

# One process that imports rebound once, then for each number it reads forks a child that saves
# the same session over and over, counting up from that number (a fork: a new Python process
# would spend ~100 ms importing before its first save, 50 times over). The child says
# "ready PID" before its first save; once it has died, the server says "ended STATUS".
SAVER = f"""
import os, sys
from datetime import datetime, timezone
from rebound.storage.records import Session
from rebound.storage.store import Store

for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        n = int(line)
        store = Store()
        moment = datetime.now(timezone.utc)
        session = Session(id={CRASH_ID!r}, created_at=moment, updated_at=moment)
        print("ready", os.getpid(), flush=True)
        while True:
            session.answers["counter"] = n
            session.answers["payload"] = f"{{n:07d}}|" * {PAYLOAD_REPEAT}
            session.updated_at = datetime.now(timezone.utc)
            store.save(session)
            n += 1
    _, status = os.waitpid(pid, 0)
    print("ended", -os.WTERMSIG(status) if os.WIFSIGNALED(status) else status, flush=True)
"""


def payload(n: int) -> str:
    return f"{n:07d}|" * PAYLOAD_REPEAT


def _said(server: subprocess.Popen[bytes], expected: bytes) -> list[bytes]:
    """The server's next line, which must start with `expected`, split in words."""
    assert server.stdout is not None
    ready, _, _ = select.select([server.stdout], [], [], 15)
    words = (server.stdout.readline() if ready else b"").split()
    if words[:1] != [expected]:
        server.kill()
        _, err = server.communicate(timeout=10)
        pytest.fail(f"the saving server said {words!r}\n{err.decode(errors='replace')}")
    return words


def _wait_ready(server: subprocess.Popen[bytes], start: int, path: Path, first: bool) -> int:
    """Start a saving child; once it is in its save loop (and, the first time, has written the
    file once), its pid."""
    assert server.stdin is not None
    server.stdin.write(f"{start}\n".encode())
    server.stdin.flush()
    pid = int(_said(server, b"ready")[1])
    deadline = time.monotonic() + 15
    while first and not path.exists():
        assert time.monotonic() < deadline, "the saving child never wrote the session file"
        time.sleep(0.001)
    return pid


def _judge_kill(
    path: Path,
    where: str,
    previous: int,
    start: int,
    ok: int,
    problems: list[str],
    temps_seen: set[str],
) -> tuple[int, int, int]:
    """After a kill: the file holds one whole save, newer than the last one seen. The new
    (previous counter, next start, kills survived)."""
    temps_seen.update(t.name for t in path.parent.glob(f".*{TEMP_SUFFIX}"))
    try:
        session = parse(path.read_bytes())
    except Exception as exc:  # any failure to read is what this test looks for
        problems.append(f"{where}: the file does not parse: {type(exc).__name__}: {exc}")
        return previous, start, ok
    counter = session.answers.get("counter")
    if not isinstance(counter, int) or counter < previous:
        problems.append(f"{where}: counter went from {previous} to {counter!r}")
        return previous, start, ok
    if session.answers.get("payload") != payload(counter) or session.id != CRASH_ID:
        problems.append(f"{where}: the file mixes two saves (counter {counter})")
        return previous, start, ok
    return counter, counter + 1, ok + 1


def test_sigkill_during_saves_leaves_an_old_or_new_file(
    rebound_home: Path, env: dict[str, str], figures: Any
) -> None:
    rng = random.Random()
    seed = rng.randrange(2**32)
    rng.seed(seed)
    store = Store()
    path = store.path(CRASH_ID)
    problems: list[str] = []
    previous, start, ok = -1, 0, 0
    temps_seen: set[str] = set()  # temp files left by the kills
    begun = time.monotonic()
    server = subprocess.Popen(
        [sys.executable, "-c", SAVER],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        for kill in range(1, KILLS + 1):
            pid = _wait_ready(server, start, path, first=kill == 1)
            time.sleep(rng.uniform(0, 0.030))
            os.kill(pid, signal.SIGKILL)
            ended = int(_said(server, b"ended")[1])
            where = f"kill {kill} (seed {seed})"
            if ended != -signal.SIGKILL:
                problems.append(f"{where}: the child ended by itself ({ended})")
                continue
            previous, start, ok = _judge_kill(
                path, where, previous, start, ok, problems, temps_seen
            )
    finally:
        server.kill()
        server.communicate(timeout=10)
    took = time.monotonic() - begun
    figures.add("kills survived", ok, KILLS)
    assert not problems, "\n".join(problems)
    assert previous >= 1, "no save completed between kills: the test did not exercise anything"
    assert took < 40, f"{KILLS} kills took {took:.1f}s"

    # What a kill can leave behind: temp files. A fresh one may belong to a live save, so it stays;
    # once it is older than STALE_TEMP_SECONDS, listing the sessions removes it.
    sessions = path.parent
    temps = sorted(sessions.glob(f".*{TEMP_SUFFIX}"))
    if not temps:  # every kill landed between saves: leave one the way a kill would
        (sessions / f".{path.name}.killed{TEMP_SUFFIX}").write_bytes(b'{"schema_version": 2, "id')
        temps = sorted(sessions.glob(f".*{TEMP_SUFFIX}"))
    assert Store().ids() == [CRASH_ID]
    assert all(t.exists() for t in temps), "a fresh temp file was removed while a save may own it"
    old = time.time() - STALE_TEMP_SECONDS - 5
    for t in temps:
        os.utime(t, (old, old))
    assert Store().ids() == [CRASH_ID]
    assert not list(sessions.glob(f".*{TEMP_SUFFIX}")), "stale temp files were not cleaned"
    figures.add("stale temp files cleaned", len(temps), len(temps))
    assert Store().load(CRASH_ID).answers["counter"] == previous
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not (rebound_home / "broken").exists(), "a file was moved aside as broken"
    print(f"\n{KILLS} kills in {took:.1f}s, last counter {previous}, {len(temps_seen)} temps left")


# --- 2. One writer per session ---------------------------------------------------------------

IN_PROGRESS = "2026-11-25-globex"


@pytest.mark.e2e
def test_one_writer_per_session_across_processes(
    exe: str, env: dict[str, str], spawn: Spawn
) -> None:
    store = Store()
    store.save(build_session(IN_PROGRESS, up_to_step=2))  # opening and step 1 done
    path = store.path(IN_PROGRESS)

    a = spawn("continue")
    a.see("Welcome back")  # shown only once the lock is held
    a.see("step 2 of 5")
    a.see("Have you asked for their reasons?")
    before = path.read_bytes()

    # (a) A second window is turned away before it greets anyone.
    b = spawn("continue")
    assert b.finish() == EXIT_FAILURE, b.output
    assert BUSY in flat(b.output), b.output
    assert "Welcome back" not in b.output
    assert path.read_bytes() == before

    # (b) `done` on the same session is refused too, and leaves the file as it was, byte for byte.
    # (thank-you-sent is a real item now that step 1 is done: only the lock can refuse it.)
    shown = run(exe, env, "done", "thank-you-sent", "--session", IN_PROGRESS, timeout=30)
    assert shown.returncode == EXIT_FAILURE, (shown.stdout, shown.stderr)
    assert BUSY in flat(shown.stderr), shown.stderr
    assert "Traceback" not in shown.stdout + shown.stderr
    assert path.read_bytes() == before

    # A was never disturbed: it takes one more answer (the default), then stops.
    a.child.send(ENTER)
    assert a.stop("What reasons did they give?") == EXIT_INTERRUPTED
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["answers"]["feedback_asked"] == "on_call"
    assert "feedback_asked" in saved["answered_at"]
    assert saved["ticked"] == {}

    # Now the session is free: another window opens it, and `done` works.
    b = spawn("continue")
    b.see("Welcome back")
    b.see("step 2 of 5")
    assert b.stop("What reasons did they give?") == EXIT_INTERRUPTED
    shown = run(exe, env, "done", "thank-you-sent", "--session", IN_PROGRESS, timeout=30)
    assert shown.returncode == EXIT_OK, (shown.stdout, shown.stderr)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert list(saved["ticked"]) == ["thank-you-sent"]
    assert saved["answers"]["feedback_asked"] == "on_call"


# --- 3. Two writers, no lost updates -------------------------------------------------------------

FINISHED = "2026-11-25-initech"
COMMANDS_EACH = 15
BUSY_RETRIES = 60


@dataclass
class Writer:
    """One stream of `rebound done` commands on its own items, run one after another."""

    name: str
    items: list[str]
    rng: random.Random
    state: dict[str, bool] = field(default_factory=dict)  # what it last set, per item
    done: list[tuple[str, bool]] = field(default_factory=list)  # successful commands, in order
    busy: int = 0
    problems: list[str] = field(default_factory=list)

    def work(self, env: dict[str, str]) -> None:
        with Forks(env) as forks:  # its own server: the two writers run at the same time
            self._work(forks)

    def _work(self, forks: Forks) -> None:
        for _ in range(COMMANDS_EACH):
            item = self.rng.choice(self.items)
            tick = not self.state.get(item, False)
            args = ["done", item, "--session", FINISHED, *([] if tick else ["--undo"])]
            for _attempt in range(BUSY_RETRIES):
                shown = forks.one(*args)
                if shown.returncode == EXIT_OK:
                    self.state[item] = tick
                    self.done.append((item, tick))
                    break
                if shown.returncode == EXIT_FAILURE and BUSY in flat(shown.stderr):
                    self.busy += 1
                    time.sleep(self.rng.uniform(0, 0.02))
                    continue
                self.problems.append(f"{' '.join(args)} -> {shown.returncode}: {shown.stderr}")
                return
            else:
                self.problems.append(f"{' '.join(args)}: still busy after {BUSY_RETRIES} tries")
                return


def test_two_writers_lose_no_updates(env: dict[str, str], rebound_home: Path, figures: Any) -> None:
    store = Store()
    store.save(build_session(FINISHED, fixes=3, contacts=3))
    tickable = {e.id for e in progress.checklist(packs.load(), store.load(FINISHED)) if not e.info}
    first = ["thank-you-sent", "fix-1", "fix-2", "fix-3", "move-on"]
    second = ["contact-1", "contact-2", "contact-3", "post-published", "feedback-asked"]
    assert set(first + second) <= tickable, tickable

    seed = random.randrange(2**32)
    writers = [
        Writer("one", first, random.Random(seed)),
        Writer("two", second, random.Random(seed + 1)),
    ]
    threads = [threading.Thread(target=w.work, args=(env,)) for w in writers]
    begun = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    took = time.monotonic() - begun
    assert not any(t.is_alive() for t in threads), "a writer hung"

    saved = json.loads(store.path(FINISHED).read_text(encoding="utf-8"))
    final = set(saved["ticked"])
    kept = total = lost = 0
    for w in writers:
        last = {item: n for n, (item, _) in enumerate(w.done)}
        for n, (item, tick) in enumerate(w.done):
            total += 1
            superseded = last[item] != n  # the same writer changed this item again later
            if superseded or (item in final) == tick:
                kept += 1
            elif tick:
                lost += 1  # ticked, never unticked, and missing
    figures.add("updates kept with two writers", kept, total)

    problems = [p for w in writers for p in w.problems]
    expected = {item for w in writers for item, ticked in w.state.items() if ticked}
    busy = sum(w.busy for w in writers)
    about = f"seed {seed}, {total} commands, {busy} busy refusals retried, {took:.1f}s"
    assert not problems, "\n".join(problems)
    assert total == 2 * COMMANDS_EACH, about
    assert lost == 0, f"{lost} ticked items went missing ({about})"
    assert final == expected, f"saved {sorted(final)}, expected {sorted(expected)} ({about})"
    assert kept == total, about
    assert not (rebound_home / "broken").exists()
    print(f"\n{about}")


# --- 4. Listing while another process moves broken files aside ---------------------------------

# Writes broken session files and loads them, so that the store moves each one aside, over and over.
MOVER = """
from rebound.errors import NoSessionError
from rebound.storage.store import Store

store = Store()
store.path("x").parent.mkdir(parents=True, exist_ok=True)
print("ready", flush=True)
n = 0
while True:
    ids = [f"broken-{n}-{i}" for i in range(40)]
    for i in ids:
        store.path(i).write_bytes(b"{cut short")
    for i in ids:
        try:
            store.load(i)
        except NoSessionError:
            pass
    n += 1
"""


def test_listing_while_another_process_moves_broken_files_aside(
    env: dict[str, str], rebound_home: Path
) -> None:
    store = Store()
    store.save(build_session(IN_PROGRESS, up_to_step=1))
    child = subprocess.Popen(
        [sys.executable, "-c", MOVER],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert child.stdout is not None
        ready, _, _ = select.select([child.stdout], [], [], 15)
        assert ready and child.stdout.readline().strip() == b"ready", "the mover did not start"
        deadline = time.monotonic() + 1.5  # the race shows within ~50 ms here, even on one core
        listings = 0
        while time.monotonic() < deadline:
            assert IN_PROGRESS in Store().ids()
            listings += 1
        assert child.poll() is None, "the mover stopped early"
    finally:
        child.kill()
        child.communicate(timeout=10)
    assert listings > 0

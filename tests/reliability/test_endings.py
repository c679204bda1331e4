"""Ways a sitting ends besides Enter and Ctrl-C: the window closed (SIGHUP), `kill` (SIGTERM),
Ctrl-Z. Each in a real pseudo-terminal, the installed `rebound` answering as for a person.

A revisited step (`continue --step`) is the case that matters: while it is asked again the
session is reopened, so an ending that skips the Ctrl-C path would leave it half-open, its
answers missing from show, export and summary.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import signal
import time
from pathlib import Path

import pexpect
import pytest

from rebound.storage.store import Store
from tests.reliability.test_processes import build_session
from tests.terminal import EXIT_INTERRUPTED, Spawn, Terminal

FINISHED = "2026-11-25-initech"
WHY_STEP = "ask-why"
REVISITED = "Have you asked for their reasons?"


def _finished_session() -> tuple[Path, dict[str, object]]:
    store = Store()
    store.save(build_session(FINISHED))
    path = store.path(FINISHED)
    return path, json.loads(path.read_text(encoding="utf-8"))


def _revisiting(spawn: Spawn) -> Terminal:
    t = spawn("continue", "--step", WHY_STEP, "--session", FINISHED)
    t.see("Revisiting")
    t.see(REVISITED)
    time.sleep(0.3)  # the prompt is up and its event loop is waiting for a key
    return t


def _wait_exit(t: Terminal) -> int | None:
    """Wait for the process to end however it was cut off; its exit status (None: killed)."""
    deadline = time.monotonic() + 15
    while t.child.isalive():
        assert time.monotonic() < deadline, f"rebound did not end. Output:\n{t.output[-2000:]}"
        with contextlib.suppress(pexpect.TIMEOUT, pexpect.EOF, OSError):
            t.child.read_nonblocking(65536, timeout=0.2)
    assert t.child.signalstatus is None, f"killed by signal {t.child.signalstatus}"
    return t.child.exitstatus


def _assert_settled(path: Path, before: dict[str, object]) -> None:
    after = json.loads(path.read_text(encoding="utf-8"))
    assert after["finished_at"] == before["finished_at"], "the session was left half-open"
    assert after["answers"] == before["answers"], "answers of the revisited step went missing"


def test_closing_the_window_while_a_revisit_prompt_waits_settles_the_step(spawn: Spawn) -> None:
    path, before = _finished_session()
    t = _revisiting(spawn)
    # A real hangup: the terminal goes away (the master side closes), and the kernel sends
    # SIGHUP. Every write after it fails, which must not skip the save.
    t.child.ptyproc.fileobj.close()
    t.child.closed = t.child.ptyproc.closed = True  # for the fixture's clean-up: it is
    proc = t.child.ptyproc
    deadline = time.monotonic() + 15
    while proc.isalive():
        assert time.monotonic() < deadline, "rebound did not end after the hangup"
        time.sleep(0.05)
    assert proc.signalstatus is None, f"killed by signal {proc.signalstatus}"
    assert proc.exitstatus == EXIT_INTERRUPTED
    _assert_settled(path, before)


@pytest.mark.parametrize("sig", ["SIGHUP", "SIGTERM"])
def test_a_signal_sent_to_a_revisit_settles_the_step(spawn: Spawn, sig: str) -> None:
    path, before = _finished_session()
    t = _revisiting(spawn)
    t.child.kill(getattr(signal, sig))
    # 130, as for Ctrl-C: one exit code for "stopped by the person or their system".
    assert _wait_exit(t) == EXIT_INTERRUPTED, t.output[-2000:]
    assert "Traceback" not in t.output
    assert "Something went wrong" not in t.output
    if sig == "SIGTERM":  # after a hangup nothing is shown: the terminal is taken to be gone
        assert "Stopped." in t.output  # the Ctrl-C message: its path ran
    _assert_settled(path, before)


def test_ctrl_z_at_a_prompt_suspends_and_fg_brings_it_back(
    exe: str, env: dict[str, str], rebound_home: Path
) -> None:
    """In a shell with job control, as a person has: Ctrl-Z stops rebound (the shell says
    'Stopped'), `fg` brings the same prompt back, and the answer has no control character."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("needs bash for job control")
    shell = pexpect.spawn(
        bash,
        ["--norc", "--noprofile", "-i"],
        env={**env, "PS1": "$ "},
        encoding="utf-8",
        timeout=10,
        dimensions=(40, 120),
    )
    try:
        shell.expect_exact("$ ")
        shell.sendline(f"{exe} brag add")
        shell.expect_exact("Your win, in a few words")
        time.sleep(0.3)
        shell.send("Ship\x1a")
        shell.expect("Stopped")
        shell.sendline("fg")
        time.sleep(0.5)
        shell.send("ped\r")
        # The rest skipped with Enter, each once its question is on screen (keys typed ahead
        # of a question are not for it: issue 19, item 6).
        for question in ("situation", "Your task", "What did you do", "the result", "A number"):
            shell.expect_exact(question)
            shell.send("\r")
        shell.expect_exact("Tags, separated by commas")
        shell.send("\r")
        shell.expect_exact("Added to your brag list")
    finally:
        shell.close(force=True)
    [item] = json.loads((rebound_home / "brag.json").read_text(encoding="utf-8"))["items"]
    assert item["title"] == "Shipped"

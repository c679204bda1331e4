"""The installed `rebound` as a person runs it: the one pexpect driver of the tests.

`Terminal` runs it in a real pseudo-terminal and answers it question by question, each key sent
only once the screen shows what it answers; `run` runs it with no terminal at all. The `spawn`
and `days` fixtures (tests/conftest.py) hand these to the end-to-end and reliability tests, with
the keys, the exit codes and the readers of what a run saved.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pexpect
import pytest

ENTER = "\r"
DOWN = "\x1b[B"
SPACE = " "
CTRL_C = "\x03"
CTRL_D = "\x04"

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")


def plain(text: str) -> str:
    """Terminal output without escape sequences and carriage returns."""
    return ANSI.sub("", text).replace("\r", "")


def flat(text: str) -> str:
    """Output as one line of plain words: no escapes, and wrapping undone."""
    return " ".join(ANSI.sub("", text).split())


class Days:
    """Dates relative to today, tolerant of a test that runs across midnight."""

    def __init__(self) -> None:
        self.first = date.today()

    def iso(self, days: int) -> str:
        """An exact ISO date to type (from the day the test started)."""
        return (self.first + timedelta(days=days)).isoformat()

    def around(self, days: int) -> set[str]:
        """What a relative date ('+3d', a default) may have been saved as."""
        return {(d + timedelta(days=days)).isoformat() for d in {self.first, date.today()}}


class Terminal:
    """One `rebound` process in a pseudo-terminal, answered question by question."""

    def __init__(self, exe: str, args: list[str], env: dict[str, str], columns: int = 120) -> None:
        self.transcript = io.StringIO()
        if columns != 120:  # a narrower terminal: Rich reads COLUMNS before the terminal's size
            env = {**env, "COLUMNS": str(columns)}
        # No pause before each key (pexpect waits 50 ms by default, for programs that show a
        # prompt before they read): a key is sent only once its question is on screen, and
        # prompt_toolkit draws a question after the terminal is in raw mode, reading.
        self.child = pexpect.spawn(
            exe,
            args,
            env=env,
            dimensions=(40, columns),
            timeout=10,
            encoding="utf-8",
        )
        self.child.delaybeforesend = None
        self.child.logfile_read = self.transcript

    @property
    def output(self) -> str:
        """Everything shown so far, as plain text."""
        return plain(self.transcript.getvalue())

    def see(self, fragment: str) -> None:
        """Wait until `fragment` is on screen; fail with the screen's tail if it never comes."""
        try:
            self.child.expect_exact(fragment)
        except (pexpect.TIMEOUT, pexpect.EOF) as exc:
            tail = self.output[-2500:]
            why = "timed out" if isinstance(exc, pexpect.TIMEOUT) else "the program ended"
            pytest.fail(f"Waiting for {fragment!r}, {why}. Last output:\n{tail}", pytrace=False)

    def see_pattern(self, pattern: str) -> str:
        """Wait for a regular expression on screen; the text it matched."""
        try:
            self.child.expect(pattern)
        except (pexpect.TIMEOUT, pexpect.EOF):
            pytest.fail(
                f"Waiting for /{pattern}/. Last output:\n{self.output[-2500:]}", pytrace=False
            )
        return str(self.child.match.group(0))

    def answer(self, question: str, keys: str) -> None:
        """Wait for the question, then press the keys."""
        self.see(question)
        self.child.send(keys)

    def text(self, question: str, typed: str) -> None:
        self.answer(question, typed + ENTER)

    def enter(self, question: str) -> None:
        self.answer(question, ENTER)

    def confirm(self, question: str, yes: bool) -> None:
        self.answer(question, ("y" if yes else "n") + ENTER)  # a yes/no waits for Enter

    def keep(self, sentence: str = "") -> None:
        """Enter at "Keep it as it reads?", the sentence a letter made of the answer just typed
        (after waiting for `sentence`, some of what it reads, when given)."""
        if sentence:
            self.see(sentence)
        self.enter("Keep it as it reads?")

    def select(self, question: str, down: int = 0) -> None:
        self.answer(question, DOWN * down + ENTER)

    def checkbox(self, question: str, positions: list[int]) -> None:
        """Tick the options at these 0-based positions, then confirm."""
        keys, at = "", 0
        for pos in sorted(positions):
            keys += DOWN * (pos - at) + SPACE
            at = pos
        self.answer(question, keys + ENTER)

    def stop(self, question: str, key: str = CTRL_C) -> int:
        """Wait for the question, press Ctrl-C (or Ctrl-D), return the exit status."""
        self.answer(question, key)
        return self.finish()

    def finish(self) -> int:
        """Wait for the program to end; its exit status."""
        try:
            self.child.expect(pexpect.EOF)
        except pexpect.TIMEOUT:
            pytest.fail(f"rebound did not exit. Last output:\n{self.output[-2500:]}", pytrace=False)
        self.child.wait()
        self.child.close()
        assert self.child.signalstatus is None, f"killed by signal {self.child.signalstatus}"
        assert "Traceback" not in self.output, self.output[-2500:]
        return int(self.child.exitstatus)


Spawn = Callable[..., Terminal]


def run(
    exe: str, env: dict[str, str], *args: str, timeout: float = 20, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """`rebound ARGS...` with no terminal (stdin from /dev/null unless given), output captured."""
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.run(
        [exe, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **kwargs,
    )


def session_files(home: Path) -> list[Path]:
    """The session files in the data folder `home`, sorted."""
    return sorted((home / "sessions").glob("*.json")) if (home / "sessions").is_dir() else []


def load_only_session(home: Path) -> tuple[Path, dict[str, Any]]:
    """The one session file in `home` and what it holds; fails if there is not exactly one."""
    files = session_files(home)
    assert len(files) == 1, f"expected one session file, found {files}"
    return files[0], json.loads(files[0].read_text(encoding="utf-8"))

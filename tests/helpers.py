"""Helpers shared by the tests: keystrokes, and driving the Typer app in-process."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

DOWN = "\x1b[B"
ENTER = "\r"

Run = Callable[..., Any]

# The accomplishment with its whole STAR story that the session, export and brag tests share.
NIGHTLY = {
    "title": "Cut the nightly batch from 6 hours to 40 minutes",
    "story": True,
    "situation": "Reports kept missing the morning deadline",
    "task": "Make the batch finish before 7am",
    "action": "Rewrote the joins",
    "result": "Reports on time every day since",
    "number": "89% faster",
}


def run_installed(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed `rebound` as a separate process, no terminal on stdin, output captured."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "rebound"), *args],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )

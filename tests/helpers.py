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

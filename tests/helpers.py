"""Helpers shared by the tests: keystrokes, and driving the Typer app in-process."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.scenario import DOWN, ENTER, NIGHTLY

__all__ = ["DOWN", "ENTER", "NIGHTLY", "MakeSession", "Run", "run_installed"]

Run = Callable[..., Any]
# make_session(upto=None, lang=None, **changes) -> Session (see tests/conftest.py)
MakeSession = Callable[..., Any]


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

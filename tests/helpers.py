"""Helpers shared by the tests: keystrokes, and driving the Typer app in-process."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

DOWN = "\x1b[B"
ENTER = "\r"

Run = Callable[..., Any]

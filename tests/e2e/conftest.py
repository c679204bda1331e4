"""The pseudo-terminal fixtures of the end-to-end tests (`exe`, `env`: tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.test_terminal import Days, Spawn, Terminal


@pytest.fixture
def spawn(exe: str, env: dict[str, str]) -> Iterator[Spawn]:
    """Start `rebound ARGS...` in a pseudo-terminal; anything left running is ended afterwards."""
    started: list[Terminal] = []

    def start(*args: str) -> Terminal:
        t = Terminal(exe, list(args), env)
        started.append(t)
        return t

    yield start
    for t in started:
        t.child.close(force=True)


@pytest.fixture
def days() -> Days:
    """Dates relative to the day the test started."""
    return Days()

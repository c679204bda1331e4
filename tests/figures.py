"""Reliability figures ("kills survived 50/50"): counted by tests, printed at the end of the run.

Under pytest-xdist every worker counts its own, sends them to the controller when it is done
(pytest_sessionfinish), and the controller adds them up (pytest_testnodedown) before it prints
the sum. tests/conftest.py registers the fixture and the hooks; tests/test_figures.py checks the
sum over workers with a `Tally` per pretend worker.
"""

from __future__ import annotations

from typing import Any

import pytest

FIGURES_KEY = "rebound_reliability_figures"


class Tally:
    """Cases handled out of cases tried, per kind, summed over whoever adds them."""

    def __init__(self) -> None:
        self.figures: dict[str, tuple[int, int]] = {}

    def add(self, name: str, handled: int, tried: int) -> None:
        done, total = self.figures.get(name, (0, 0))
        self.figures[name] = (done + handled, total + tried)

    def sent(self) -> dict[str, list[int]]:
        """What a worker sends the controller (plain data: xdist passes it between processes)."""
        return {name: list(pair) for name, pair in self.figures.items()}

    def merge(self, sent: dict[str, list[int]]) -> None:
        """Add a worker's figures to these."""
        for name, (done, total) in sent.items():
            self.add(name, done, total)

    def lines(self) -> list[str]:
        return [f"{name}: {done}/{total}" for name, (done, total) in sorted(self.figures.items())]


_TALLY = Tally()  # this process's: a worker's own, or (on the controller) the sum


class Figures:
    """What a test adds its figures through (the `figures` fixture)."""

    def add(self, name: str, handled: int, tried: int) -> None:
        _TALLY.add(name, handled, tried)


@pytest.fixture
def figures() -> Figures:
    return Figures()


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: the controller prints the figures
        workeroutput[FIGURES_KEY] = _TALLY.sent()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    _TALLY.merge(getattr(node, "workeroutput", {}).get(FIGURES_KEY, {}))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _TALLY.figures:
        return
    terminalreporter.section("reliability figures")
    for line in _TALLY.lines():
        terminalreporter.write_line(line)

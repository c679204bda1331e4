"""Reliability figures ("kills survived 50/50"): counted by tests, printed at the end of the run.

Under pytest-xdist every worker counts its own, sends them to the controller when it is done
(pytest_sessionfinish), and the controller adds them up (pytest_testnodedown) before it prints
the sum. tests/conftest.py registers the fixture and the hooks; this module needs only pytest, so
that tests/test_figures.py can run it in a small pytest of its own.
"""

from __future__ import annotations

from typing import Any

import pytest

_FIGURES: dict[str, tuple[int, int]] = {}
FIGURES_KEY = "rebound_reliability_figures"


def _add_figure(name: str, handled: int, tried: int) -> None:
    done, total = _FIGURES.get(name, (0, 0))
    _FIGURES[name] = (done + handled, total + tried)


class Figures:
    """Counts of cases handled out of cases tried, per kind, summed over the tests that add them."""

    def add(self, name: str, handled: int, tried: int) -> None:
        _add_figure(name, handled, tried)


@pytest.fixture
def figures() -> Figures:
    return Figures()


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: the controller prints the figures
        workeroutput[FIGURES_KEY] = {name: list(pair) for name, pair in _FIGURES.items()}


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    sent = getattr(node, "workeroutput", {}).get(FIGURES_KEY, {})
    for name, (done, total) in sent.items():
        _add_figure(name, done, total)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _FIGURES:
        return
    terminalreporter.section("reliability figures")
    for name, (done, total) in sorted(_FIGURES.items()):
        terminalreporter.write_line(f"{name}: {done}/{total}")

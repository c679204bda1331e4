"""The reliability figures add up over every test that reports them, with or without xdist."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from tests import figures
from tests.figures import FIGURES_KEY, Tally


def test_figures_are_summed_over_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two workers share six cases; each one's figures reach the controller's summary, through
    the same hooks xdist calls (a worker's `sessionfinish`, the controller's `testnodedown`)."""
    sent = []
    for cases in (range(0, 6, 2), range(1, 6, 2)):  # worker one: 0, 2, 4; worker two: 1, 3, 5
        worker = Tally()
        monkeypatch.setattr(figures, "_TALLY", worker)
        for n in cases:
            figures.Figures().add("odd cases handled", n % 2, 1)
            figures.Figures().add("cases tried", 1, 1)
        config = SimpleNamespace(workeroutput={})
        figures.pytest_sessionfinish(SimpleNamespace(config=config))  # type: ignore[arg-type]
        sent.append(config.workeroutput)

    controller = Tally()
    monkeypatch.setattr(figures, "_TALLY", controller)
    for output in sent:
        figures.pytest_testnodedown(SimpleNamespace(workeroutput=output), None)
    figures.pytest_testnodedown(SimpleNamespace(), None)  # a worker that crashed sent nothing

    shown: list[str] = []
    reporter: Any = SimpleNamespace(section=shown.append, write_line=shown.append)
    figures.pytest_terminal_summary(reporter)
    assert shown == ["reliability figures", "cases tried: 6/6", "odd cases handled: 3/6"]
    assert sent[0][FIGURES_KEY] == {"odd cases handled": [0, 3], "cases tried": [3, 3]}


def test_no_figures_no_section(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(figures, "_TALLY", Tally())
    shown: list[str] = []
    figures.pytest_terminal_summary(SimpleNamespace(section=shown.append))  # type: ignore[arg-type]
    assert shown == []

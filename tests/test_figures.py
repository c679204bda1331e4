"""The reliability figures add up over every test that reports them, with or without xdist."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CONFTEST = "from tests.figures import *  # noqa: F403 - the suite's figures: fixture and hooks\n"
COUNTING = """
import pytest

@pytest.mark.parametrize("n", range(6))
def test_count(figures, n):
    figures.add("odd cases handled", n % 2, 1)
    figures.add("cases tried", 1, 1)
"""


def test_figures_are_summed_over_workers(tmp_path: Path) -> None:
    # Two workers share six tests: each worker's figures must reach the controller's summary.
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_counting.py").write_text(COUNTING)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")  # keeps the repo's addopts out
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "xdist", "-n", "2"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    section = result.stdout.split("reliability figures", 1)[-1]
    assert "cases tried: 6/6" in section, result.stdout
    assert "odd cases handled: 3/6" in section, result.stdout

"""Shared fixtures: every test gets its own data folder, and never the user's real one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content" / "en"


@pytest.fixture(autouse=True)
def rebound_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point REBOUND_HOME at a fresh folder and clear anything that could leak in."""
    home = tmp_path / "rebound-home"
    monkeypatch.setenv("REBOUND_HOME", str(home))
    monkeypatch.delenv("REBOUND_CONTENT", raising=False)
    monkeypatch.delenv("REBOUND_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture
def content_copy(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the built-in content, for tests that break it on purpose."""
    import shutil

    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target

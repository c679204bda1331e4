"""Fixtures shared by the draft command's tests and the walk's offer of its drafts."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest


@pytest.fixture
def bin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of stand-in programs, alone on PATH; no display, no tmux."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX", "BROWSER", "VISUAL", "EDITOR"):
        monkeypatch.delenv(name, raising=False)
    # webbrowser looks for browsers once per process: make it look again, in this environment.
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    return folder

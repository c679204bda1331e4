"""Fixtures shared by the draft command's tests and the walk's offer of its drafts."""

from __future__ import annotations

import shlex
import sys
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


def script(folder: Path, name: str, body: str) -> Path:
    """An executable Python script (this interpreter) in `folder`, started without `site` (`-S`,
    as tests/standins.py starts its programs: only the standard library, no pinned clock)."""
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(f"#!{sys.executable} -S\nimport sys\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def editor(bin_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor that signs off 'Warmly,' instead of 'Best wishes,'."""
    path = script(
        bin_dir,
        "editor.py",
        "p = sys.argv[-1]\n"
        "t = open(p, encoding='utf-8').read()\n"
        "open(p, 'w', encoding='utf-8').write(t.replace('Best wishes,', 'Warmly,'))",
    )
    monkeypatch.setenv("EDITOR", shlex.join([sys.executable, "-S", str(path)]))

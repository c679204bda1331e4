"""The clipboard: a stand-in clipboard program on PATH, the OSC 52 fallback, and neither.

pyperclip picks its program on Linux from the environment: wl-copy with WAYLAND_DISPLAY, else
xclip (then xsel) with DISPLAY, each only if it is on PATH. The tests set those three, so the
machine's own clipboard is never touched.
"""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from rebound.system import clipboard

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="pyperclip picks its program this way on Linux"
)

TEXT = "Hi María,\n\nThank you — truly.\n"


CAT = shutil.which("cat") or "/bin/cat"


def fake_program(folder: Path, name: str, saved: Path, status: int = 0) -> None:
    """A clipboard program that writes what it is given to `saved` (and exits with `status`)."""
    folder.mkdir(exist_ok=True)
    script = folder / name
    script.write_text(f'#!/bin/sh\n{CAT} > "{saved}"\nexit {status}\n', encoding="utf-8")
    script.chmod(0o755)


class Tty(io.BytesIO):
    """A terminal that keeps what was written after it is closed."""

    def close(self) -> None:
        pass


@pytest.fixture
def no_display(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No display and an empty PATH: pyperclip finds no clipboard program."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("TMUX", raising=False)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    return empty


@pytest.mark.parametrize(
    ("program", "display"),
    [("xclip", "DISPLAY"), ("xsel", "DISPLAY"), ("wl-copy", "WAYLAND_DISPLAY")],
)
def test_a_clipboard_program_on_path_is_used(
    no_display: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, program: str, display: str
) -> None:
    saved = tmp_path / "clipboard.txt"
    fake_program(no_display, program, saved)
    if program == "wl-copy":
        fake_program(no_display, "wl-paste", tmp_path / "unused")
    monkeypatch.setenv(display, ":99")
    monkeypatch.setattr(clipboard, "terminal", lambda: pytest.fail("the terminal was used"))
    copied = clipboard.copy(TEXT)
    assert copied == clipboard.Copied("program", program)
    assert saved.read_text(encoding="utf-8") == TEXT


def test_without_a_program_the_terminal_gets_osc52(
    no_display: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tty = Tty()
    monkeypatch.setattr(clipboard, "terminal", lambda: tty)
    copied = clipboard.copy(TEXT)
    assert copied == clipboard.Copied("terminal", "OSC 52")
    sequence = tty.getvalue()
    match = re.fullmatch(rb"\x1b\]52;c;([A-Za-z0-9+/=]+)\x07", sequence)
    assert match is not None, sequence
    assert base64.b64decode(match.group(1)).decode("utf-8") == TEXT


def test_inside_tmux_osc52_also_goes_through_its_passthrough(
    no_display: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tty = Tty()
    monkeypatch.setattr(clipboard, "terminal", lambda: tty)
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1,0")
    assert clipboard.copy(TEXT).tmux
    plain = clipboard.osc52(TEXT)
    wrapped = b"\x1bPtmux;" + plain.replace(b"\x1b", b"\x1b\x1b") + b"\x1b\\"
    assert tty.getvalue() == plain + wrapped


def test_a_program_that_fails_falls_back_to_the_terminal(
    no_display: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # An xclip that cannot reach its display exits 1: that is not a copy.
    fake_program(no_display, "xclip", tmp_path / "clipboard.txt", status=1)
    monkeypatch.setenv("DISPLAY", ":99")
    tty = Tty()
    monkeypatch.setattr(clipboard, "terminal", lambda: tty)
    assert clipboard.copy(TEXT).how == "terminal"
    assert tty.getvalue().startswith(b"\x1b]52;c;")


def test_neither_a_program_nor_a_terminal(
    no_display: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clipboard, "terminal", lambda: None)
    with pytest.raises(clipboard.NoClipboard):
        clipboard.copy(TEXT)


def test_no_terminal_is_found_without_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real lookup: /dev/tty that cannot be opened, and a standard output that is a pipe.
    def no_tty(path: str, flags: int) -> int:
        raise OSError(6, "No such device or address")

    monkeypatch.setattr(os, "open", no_tty)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert clipboard.terminal() is None

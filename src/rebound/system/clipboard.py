"""Putting text on the clipboard: the platform's own clipboard, else the terminal's (OSC 52).

pyperclip finds the platform's way: pbcopy on macOS, the Windows clipboard, and on Linux
wl-copy (Wayland), xclip or xsel (X11) when there is a display to copy on. With none of them,
typically over SSH, the text is sent to the terminal itself as an OSC 52 sequence, which most
terminals put on the clipboard of the computer the person sits at. No Rich here: the caller says
what happened, from the `Copied` it gets back.
"""

from __future__ import annotations

import base64
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO, Literal

from rebound.sentences import speech

# pyperclip's names for its ways of copying, as a person knows them.
_NAMES = {
    "copy_osx_pbcopy": "pbcopy",
    "copy_osx_pyobjc": "",  # worded: the pack's clip_macos
    "copy_qt": "Qt",
    "copy_xclip": "xclip",
    "copy_xsel": "xsel",
    "copy_wl": "wl-copy",
    "copy_klipper": "Klipper",
    "copy_dev_clipboard": "/dev/clipboard",
    "copy_windows": "",  # worded: the pack's clip_windows
    "copy_wsl": "clip.exe",
}
# The ways a person knows by a description rather than a program's name: in the run's language.
_WORDED = {"copy_osx_pyobjc": "clip_macos", "copy_windows": "clip_windows"}


class NoClipboard(Exception):
    """There is no clipboard program and no terminal to send the text to."""


@dataclass(frozen=True)
class Copied:
    """How the text was copied: by a clipboard `program` (named), or sent to the `terminal`
    as OSC 52 (`tmux` when it went through tmux, which has to allow it)."""

    how: Literal["program", "terminal"]
    name: str
    tmux: bool = False


# The programs pyperclip runs without looking at how they exited (an xclip with no X server
# "succeeds"): rebound runs these itself, the same way, and checks.
_CHECKED = {
    "copy_xclip": ["xclip", "-selection", "c"],
    "copy_xsel": ["xsel", "-b", "-i"],
    "copy_wl": ["wl-copy"],
}


def _checked(command: list[str]) -> Callable[[str], None]:
    def run(text: str) -> None:
        import subprocess

        # No pipes but stdin: xclip stays behind to serve the selection, and would hold them.
        subprocess.run(
            command,
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
            timeout=10,
        )

    return run


def program() -> tuple[str, Callable[[str], None]] | None:
    """The platform's clipboard program, as pyperclip finds it (None when there is none)."""
    import pyperclip

    copy, _paste = pyperclip.determine_clipboard()
    if not bool(copy):  # pyperclip's stand-in, when it found no way to copy, is falsy
        return None
    name = getattr(copy, "__name__", "")
    shown = _NAMES.get(name, name.removeprefix("copy_")) or speech.say(
        _WORDED.get(name, "clip_program")
    )
    if name in _CHECKED:
        return shown, _checked(_CHECKED[name])
    return shown, copy


def osc52(text: str, tmux: bool = False) -> bytes:
    """The OSC 52 sequence that asks a terminal to put `text` (UTF-8, base64) on its clipboard.

    Inside tmux the plain sequence is sent (tmux takes it with `set-clipboard on`), and again
    wrapped in tmux's passthrough (which hands it to the outer terminal with
    `allow-passthrough on`, and on older tmux).
    """
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    sequence = f"\x1b]52;c;{payload}\x07"
    if tmux:
        sequence += "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    return sequence.encode("ascii")


def terminal() -> BinaryIO | None:
    """Where to write to the person's terminal: /dev/tty, else standard output when it is a
    terminal; None when there is no terminal at all."""
    try:
        fd = os.open("/dev/tty", os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    except OSError:
        out = sys.stdout
        if out is not None and out.isatty():
            out.flush()
            return out.buffer
        return None
    return os.fdopen(fd, "wb", buffering=0)


def copy(text: str) -> Copied:
    """Put `text` on the clipboard, the platform's way when there is one, else the terminal's.

    Raises:
        NoClipboard: no clipboard program, and no terminal to send OSC 52 to.
    """
    found = program()
    if found is not None:
        name, run = found
        try:
            run(text)
        except Exception:  # a clipboard program that fails still leaves the terminal's way
            pass
        else:
            return Copied("program", name)
    target = terminal()
    if target is None:
        raise NoClipboard("no clipboard program and no terminal")
    inside_tmux = bool(os.environ.get("TMUX"))
    try:
        target.write(osc52(text, tmux=inside_tmux))
        target.flush()
    except OSError as exc:
        raise NoClipboard(str(exc)) from exc
    finally:
        if target is not getattr(sys.stdout, "buffer", None):
            target.close()
    return Copied("terminal", "OSC 52", tmux=inside_tmux)

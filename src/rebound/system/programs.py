"""Handing text to the person's own programs: their editor, and their mail app.

Typer's vendored Click (0.26 on) no longer carries Click's `edit()`, so the editor is started
here, as Git and Click do it: `$VISUAL`, else `$EDITOR`, else a sensible default, split like a
shell would split it (`code --wait`), on a private temporary file.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

from rebound.sentences import speech
from rebound.storage.files import read_regular


class EditorFailed(Exception):
    """The editor could not be started, or it said it failed; `str()` names the command."""


def editor_command() -> list[str]:
    """The person's editor, as a command to which the file's name is added.

    Raises:
        EditorFailed: `$VISUAL` or `$EDITOR` cannot be split as a shell would (a quote that
            does not close, a backslash at its end).
    """
    for name in ("VISUAL", "EDITOR"):
        chosen = os.environ.get(name, "")
        if chosen.strip():
            try:
                return shlex.split(chosen, posix=os.name != "nt")
            except ValueError:
                said = speech.say("editor_unreadable", name=name, value=chosen)
                raise EditorFailed(said) from None
    if os.name == "nt":
        return ["notepad"]
    for name in ("sensible-editor", "nano", "vi"):
        if shutil.which(name):
            return [name]
    return ["vi"]


def edit(text: str) -> str | None:
    """Open `text` in the person's editor; what they saved ('' when the editor emptied or
    removed the file), or None when they closed it without changing anything.

    Raises:
        EditorFailed: the editor could not be started or exited with an error.
    """
    command = editor_command()
    # mkstemp makes the file readable by its owner only: a draft is private.
    fd, name = tempfile.mkstemp(prefix="rebound-draft-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        try:
            done = subprocess.run([*command, name], check=False)
        except OSError as exc:
            raise EditorFailed(shlex.join(command)) from exc
        if done.returncode != 0:
            raise EditorFailed(
                speech.say("editor_exit", value=shlex.join(command), number=done.returncode)
            )
        try:
            saved = read_regular(name).decode("utf-8", errors="replace")
        except FileNotFoundError:  # the editor removed it: nothing was kept in it
            saved = ""
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)
    return None if saved == text else saved


def open_mail(url: str) -> bool:
    """Open a `mailto:` link in the person's mail app, through Python's `webbrowser` (which
    honours `$BROWSER`). False when nothing here could open it."""
    import webbrowser

    try:
        # A browser that prints to the terminal must not mix with rebound's own lines.
        sys.stdout.flush()
        return bool(webbrowser.open(url))
    except webbrowser.Error:
        return False

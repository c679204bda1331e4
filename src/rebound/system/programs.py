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


class EditEnded(KeyboardInterrupt):
    """rebound was ended (the window closed, SIGTERM, or Ctrl-C that also ended the editor)
    while the editor was open, and there is something to keep.

    A KeyboardInterrupt, so that whoever does not keep it still ends as Ctrl-C ends. `text` is
    what the person wrote (the file as the editor left it; None when it was not changed), `path`
    the file, left in place, and `open` whether the editor was still running when rebound ended
    (then what is saved there later stays in that file).
    """

    def __init__(self, text: str | None, path: str, still_open: bool) -> None:
        super().__init__(path)
        self.text = text
        self.path = path
        self.open = still_open


# How long an editor is given to save and close once rebound is asked to end (its signal is
# passed on to it): real editors take milliseconds; one that stays open is left open.
GRACE_SECONDS = 2.0


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

    The file is removed once read, or once nothing in it needs keeping: never while what the
    person wrote is only there. Ctrl-C reaches the editor too (it shares the terminal), which
    decides: rebound waits for it, as Git does. SIGHUP or SIGTERM (`cli.Ended`) is passed on to
    the editor, which gets `GRACE_SECONDS` to save and close.

    Raises:
        EditorFailed: the editor could not be started or exited with an error.
        EditEnded: rebound was ended while the editor was open and the file holds something to
            keep (or the editor is still open on it); the file is left in place.
        KeyboardInterrupt: rebound was ended, with nothing to keep (the file is removed).
    """
    command = editor_command()
    # mkstemp makes the file readable by its owner only: a draft is private.
    fd, name = tempfile.mkstemp(prefix="rebound-draft-", suffix=".txt")
    keep = False
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        try:
            editor = subprocess.Popen([*command, name])
        except OSError as exc:
            raise EditorFailed(shlex.join(command)) from exc
        try:
            code = _wait(editor)
        except KeyboardInterrupt:
            left = _read_left(name)
            still_open = editor.poll() is None
            changed = _changed(left, text)
            if changed or still_open:
                keep = True
                raise EditEnded(left if changed else None, name, still_open) from None
            raise
        if code != 0:
            # It ended with an error after saving (killed, crashed, or `:cq`): what it wrote is
            # the person's, and stays where the message says (issue 19, item 8's rule).
            left = _read_left(name)
            if _changed(left, text):
                keep = True
                raise EditorFailed(
                    speech.say(
                        "editor_exit_kept", value=shlex.join(command), number=code, where=name
                    )
                )
            raise EditorFailed(speech.say("editor_exit", value=shlex.join(command), number=code))
        saved = _read_left(name) or ""  # removed by the editor: nothing was kept in it
    finally:
        if not keep:
            with contextlib.suppress(OSError):
                os.unlink(name)
    return None if saved == text else saved


def _changed(left: str | None, text: str) -> bool:
    """Whether the editor's file holds words of the person's: something else than the draft,
    and more than blanks."""
    return left is not None and left != text and bool(left.strip())


def _wait(editor: subprocess.Popen[bytes]) -> int:
    """The editor's exit code, once it has closed.

    Raises:
        KeyboardInterrupt: rebound was ended while it was open (passed on to it, see `edit`), or
            Ctrl-C was pressed and the editor did not close cleanly after it.
    """
    pressed: KeyboardInterrupt | None = None
    while True:
        try:
            code = editor.wait()
        except KeyboardInterrupt as exc:
            signum = getattr(exc, "signum", None)  # cli.Ended's: SIGHUP or SIGTERM
            if not signum:
                pressed = exc  # Ctrl-C reached the editor too: it decides
                continue
            with contextlib.suppress(OSError):
                editor.send_signal(signum)
            with contextlib.suppress(subprocess.TimeoutExpired, KeyboardInterrupt):
                editor.wait(timeout=GRACE_SECONDS)
            raise
        if code != 0 and pressed is not None:
            raise pressed
        return code


def _read_left(name: str) -> str | None:
    """What the editor left in the file; None when it is gone (or cannot be read)."""
    try:
        return read_regular(name).decode("utf-8", errors="replace")
    except OSError:
        return None


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

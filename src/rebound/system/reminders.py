"""Reminders without a background process: what is due, announced once a day through the
platform's own notifier (the daily run that calls it is set up by `rebound.system.daily`).

- `notifier()` finds how to show a desktop notification here (notify-send, osascript,
  PowerShell), or None when there is no desktop: then `rebound remind` prints instead.
- `notify()` hands the title and the body over as data, never as code or options: after `--`
  to notify-send and osascript (whose script reads them as `argv`), through the environment to
  PowerShell.
- `<data>/reminded.json` remembers what was announced today, so a day's items are announced once.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rebound.storage.paths import REMINDED

TIMEOUT = 10.0
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Due:
    """One item to announce: its session, company, id, label and how many days late (0: today)."""

    session_id: str
    company: str
    item_id: str
    label: str
    due: str  # YYYY-MM-DD
    late: int

    @property
    def key(self) -> str:
        """What `reminded.json` remembers: a new due date is a new announcement."""
        return f"{self.session_id}/{self.item_id}/{self.due}"


def parse_time(text: str) -> tuple[int, int] | None:
    """(hour, minute) of 'HH:MM', or None when it is not a time of day."""
    found = _TIME.match(text.strip())
    return (int(found.group(1)), int(found.group(2))) if found else None


# --- what was announced ----------------------------------------------------------------------


def announced(home: Path, today: str) -> list[str]:
    """What `reminded.json` says was announced today; nothing when it is from another day, or
    is not what rebound writes (a hand edit, `"announced": null`, a FIFO in its place)."""
    from rebound.storage.files import read_regular

    try:
        state = json.loads(read_regular(home / REMINDED))
    except (OSError, ValueError, RecursionError):
        return []
    if not isinstance(state, dict) or state.get("day") != today:
        return []
    keys = state.get("announced")
    return [k for k in keys if isinstance(k, str)] if isinstance(keys, list) else []


def unannounced(home: Path, items: Iterable[Due], today: str) -> list[Due]:
    """The items not yet announced today (a state from another day counts for nothing)."""
    seen = set(announced(home, today))
    return [item for item in items if item.key not in seen]


def remember(home: Path, items: Iterable[Due], today: str) -> None:
    """Add `items` to what was announced today."""
    from rebound.storage.files import atomic_write

    keys = announced(home, today)
    keys += [item.key for item in items if item.key not in keys]
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    atomic_write(home / REMINDED, json.dumps({"day": today, "announced": keys}).encode() + b"\n")


# --- desktop notifications -------------------------------------------------------------------

# macOS: the text comes in as arguments, so nothing in it is read as AppleScript.
_OSASCRIPT = [
    "-e",
    "on run argv",
    "-e",
    "display notification (item 2 of argv) with title (item 1 of argv)",
    "-e",
    "end run",
]
# Windows: a toast through the WinRT API that Windows PowerShell (5.1) reaches; the text comes in
# through the environment, so nothing in it is read as PowerShell. A toast needs the id of an
# app Windows knows: PowerShell's own.
TOAST_APP = "{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\\WindowsPowerShell\\v1.0\\powershell.exe"
_POWERSHELL = (
    "$t = [Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, "
    "ContentType = WindowsRuntime]::GetTemplateContent([Windows.UI.Notifications."
    "ToastTemplateType]::ToastText02); $n = $t.GetElementsByTagName('text'); "
    "[void]$n.Item(0).AppendChild($t.CreateTextNode($env:REBOUND_TITLE)); "
    "[void]$n.Item(1).AppendChild($t.CreateTextNode($env:REBOUND_BODY)); "
    f"[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier('{TOAST_APP}')"
    ".Show([Windows.UI.Notifications.ToastNotification]::new($t))"
)


def notifier() -> str | None:
    """The program that shows a desktop notification here, or None (no desktop, or none found).

    On Windows it is Windows PowerShell: PowerShell 7 (`pwsh`) cannot reach the toast API.
    """
    if sys.platform == "darwin":
        return shutil.which("osascript")
    if sys.platform == "win32":
        return shutil.which("powershell")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return None
    return shutil.which("notify-send")


def notify_argv(program: str, title: str, body: str) -> tuple[list[str], dict[str, str]]:
    """The command line that shows the notification, and what its environment adds."""
    name = Path(program).name.lower()
    if name.startswith("osascript"):
        return [program, *_OSASCRIPT, "--", title, body], {}
    if name.startswith("powershell"):
        script = [
            "-NoProfile",
            "-NonInteractive",
            "-WindowStyle",
            "Hidden",
            "-Command",
            _POWERSHELL,
        ]
        return [program, *script], {"REBOUND_TITLE": title, "REBOUND_BODY": body}
    return [program, "--app-name=rebound", "--", title, body], {}


def notify(program: str, title: str, body: str) -> bool:
    """Show a notification with `program` (from `notifier`); False if it did not work."""
    argv, extra = notify_argv(program, title, body)
    env = {**os.environ, **extra} if extra else None
    try:
        done = subprocess.run(
            argv,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT,
            check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0

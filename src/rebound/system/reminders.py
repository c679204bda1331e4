"""Reminders without a background process: the platform's own notifier, and a daily run set up
through what the system already has (a systemd user timer, else a crontab line).

- `notifier()` finds how to show a desktop notification here (notify-send, osascript,
  PowerShell), or None when there is no desktop: then `rebound remind` prints instead.
- `<data>/reminded.json` remembers what was announced today, so a day's items are announced once.
- `install_systemd` / `install_cron` write only what rebound owns: two unit files named
  `rebound-remind.*`, or one crontab line carrying the comment `CRON_MARK`; the uninstalls
  remove exactly those. What will be written is returned by `unit_files` / `cron_line` first,
  for the person to read before saying yes.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rebound.storage.paths import REMINDED

UNIT = "rebound-remind"
CRON_MARK = "rebound-remind (added by `rebound remind --install`)"
TIMEOUT = 10.0
DEFAULT_AT = "09:00"
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
# Windows: a toast through the WinRT API that PowerShell reaches; the text comes in through the
# environment, so nothing in it is read as PowerShell.
_POWERSHELL = (
    "$t = [Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, "
    "ContentType = WindowsRuntime]::GetTemplateContent([Windows.UI.Notifications."
    "ToastTemplateType]::ToastText02); $n = $t.GetElementsByTagName('text'); "
    "[void]$n.Item(0).AppendChild($t.CreateTextNode($env:REBOUND_TITLE)); "
    "[void]$n.Item(1).AppendChild($t.CreateTextNode($env:REBOUND_BODY)); "
    "[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier('rebound')"
    ".Show([Windows.UI.Notifications.ToastNotification]::new($t))"
)


def notifier() -> str | None:
    """The program that shows a desktop notification here, or None (no desktop, or none found)."""
    if sys.platform == "darwin":
        return shutil.which("osascript")
    if os.name == "nt":
        return shutil.which("powershell") or shutil.which("pwsh")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return None
    return shutil.which("notify-send")


def notify(program: str, title: str, body: str) -> bool:
    """Show a notification with `program` (from `notifier`); False if it did not work."""
    env = None
    name = Path(program).name.lower()
    if name.startswith("osascript"):
        argv = [program, *_OSASCRIPT, title, body]
    elif name.startswith(("powershell", "pwsh")):
        argv = [program, "-NoProfile", "-NonInteractive", "-Command", _POWERSHELL]
        env = {**os.environ, "REBOUND_TITLE": title, "REBOUND_BODY": body}
    else:
        argv = [program, "--app-name=rebound", title, body]
    try:
        done = subprocess.run(
            argv,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


# --- a daily run: systemd --------------------------------------------------------------------


def unit_folder() -> Path:
    """Where systemd looks for this person's units: $XDG_CONFIG_HOME/systemd/user."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "systemd" / "user"


def _systemctl(*args: str) -> subprocess.CompletedProcess[str] | None:
    program = shutil.which("systemctl")
    if program is None:
        return None
    try:
        return subprocess.run(
            [program, "--user", *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None


def has_systemd() -> bool:
    """Whether this person has a systemd user manager to talk to (`systemctl --user` works)."""
    if not sys.platform.startswith("linux"):
        return False
    done = _systemctl("show-environment")
    return done is not None and done.returncode == 0


def _environment() -> dict[str, str]:
    """What the daily run must share with this shell: the data folder when it was moved."""
    home = os.environ.get("REBOUND_HOME")
    return {"REBOUND_HOME": str(Path(home).expanduser().resolve())} if home else {}


def unit_files(rebound: str, at: tuple[int, int]) -> dict[Path, str]:
    """The two unit files of the daily run, by path: what `install_systemd` writes."""
    hour, minute = at
    env = "".join(f'Environment="{k}={v}"\n'.replace("%", "%%") for k, v in _environment().items())
    service = (
        "# Written by `rebound remind --install`; `rebound remind --uninstall` removes it.\n"
        "[Unit]\n"
        "Description=rebound: what is due today\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"{env}"
        f"ExecStart={_unit_quote(rebound)} remind\n"
    )
    timer = (
        "# Written by `rebound remind --install`; `rebound remind --uninstall` removes it.\n"
        "[Unit]\n"
        f"Description=rebound: a daily reminder at {hour:02d}:{minute:02d}\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {hour:02d}:{minute:02d}:00\n"
        "Persistent=true\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    folder = unit_folder()
    return {folder / f"{UNIT}.service": service, folder / f"{UNIT}.timer": timer}


def _unit_quote(path: str) -> str:
    """A path as systemd reads it in ExecStart (quoted when it holds spaces; % doubled)."""
    path = path.replace("%", "%%")
    return f'"{path}"' if any(c.isspace() for c in path) else path


class ScheduleError(Exception):
    """systemctl or crontab refused; the message says what they said."""


def install_systemd(files: dict[Path, str]) -> None:
    """Write the unit files and turn the timer on.

    Raises:
        ScheduleError: systemctl did not accept it (the files stay, for uninstall to remove).
        OSError: a file could not be written.
    """
    from rebound.system.shell_rc import write_text

    for path, text in files.items():
        write_text(path, text)
    for args in (("daemon-reload",), ("enable", "--now", f"{UNIT}.timer")):
        done = _systemctl(*args)
        if done is None or done.returncode != 0:
            from rebound.sentences import speech

            if done is None:
                why = speech.say("schedule_not_found")
            else:
                why = (done.stderr.strip().splitlines() or [speech.say("schedule_no_answer")])[-1]
            raise ScheduleError(f"systemctl --user {' '.join(args)}: {why}")


def uninstall_systemd() -> list[Path]:
    """Turn the timer off and delete the unit files; the files removed (none: not installed)."""
    folder = unit_folder()
    files = [p for p in (folder / f"{UNIT}.service", folder / f"{UNIT}.timer") if p.exists()]
    if not files:
        return []
    _systemctl("disable", "--now", f"{UNIT}.timer")
    for path in files:
        path.unlink(missing_ok=True)
    _systemctl("daemon-reload")
    return files


# --- a daily run: cron -----------------------------------------------------------------------


def cron_command(rebound: str) -> str:
    """The command of the crontab line, with the data folder when it was moved."""
    env = "".join(f"{k}={shlex.quote(v)} " for k, v in _environment().items())
    return f"{env}{shlex.quote(rebound)} remind"


def cron_line(rebound: str, at: tuple[int, int]) -> str:
    """The crontab line `install_cron` adds (with its marking comment)."""
    hour, minute = at
    return f"{minute} {hour} * * * {cron_command(rebound)} # {CRON_MARK}"


def has_cron() -> bool:
    """Whether there is a `crontab` command to install with."""
    return shutil.which("crontab") is not None


def _crontab(tabfile: Path | None) -> Any:
    import crontab

    if tabfile is not None:
        tabfile.touch(exist_ok=True)
        return crontab.CronTab(tabfile=str(tabfile))
    # Found now, not when the library was imported: PATH may have changed since.
    crontab.CRON_COMMAND = shutil.which("crontab") or crontab.CRON_COMMAND
    return crontab.CronTab(user=True)


def install_cron(rebound: str, at: tuple[int, int], tabfile: Path | None = None) -> None:
    """Add the daily line to the crontab (replacing an earlier one of rebound's).

    Raises:
        ScheduleError: crontab could not be read or written.
    """
    hour, minute = at
    try:
        tab = _crontab(tabfile)
        tab.remove_all(comment=CRON_MARK)
        job = tab.new(command=cron_command(rebound), comment=CRON_MARK)
        job.setall(f"{minute} {hour} * * *")
        tab.write()
    except OSError as exc:
        raise ScheduleError(str(exc)) from None


def uninstall_cron(tabfile: Path | None = None) -> int:
    """Remove rebound's lines from the crontab; how many there were.

    Raises:
        ScheduleError: crontab could not be read or written.
    """
    if tabfile is None and not has_cron():
        return 0
    if tabfile is not None and not tabfile.exists():
        return 0
    try:
        tab = _crontab(tabfile)
        found = len(list(tab.find_comment(CRON_MARK)))
        if found:
            tab.remove_all(comment=CRON_MARK)
            tab.write()
    except OSError as exc:
        raise ScheduleError(str(exc)) from None
    return found

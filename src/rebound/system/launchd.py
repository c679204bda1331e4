"""The daily run as a macOS LaunchAgent: one property list that only rebound writes, loaded
with `launchctl`.

The file is `~/Library/LaunchAgents/rebound-remind.plist`.
launchd starts the program itself, never through a shell: `ProgramArguments` is the argument
vector and `EnvironmentVariables` the data folder, each a string of the plist (written with
`plistlib`, which escapes what XML needs). `StartCalendarInterval` runs it at the chosen time,
and a run missed while the Mac slept happens when it wakes. A value that the plist would not
give back exactly (a control character, a carriage return, bytes that are not UTF-8) is refused.

Loading uses `launchctl bootstrap gui/<uid>` (macOS 10.10 on), and `launchctl load` where that
is not understood; unloading, `bootout`, else `unload`.
"""

from __future__ import annotations

import os
import plistlib
import shutil
from pathlib import Path
from typing import Any

from rebound.system import quoting
from rebound.system.daily import NAME, DailyRun, ScheduleError, call, said

VIA = "launchd"
LABEL = NAME


def agent_file() -> Path:
    """Where the LaunchAgent lives: ~/Library/LaunchAgents/<label>.plist."""
    return Path.home() / "Library" / "LaunchAgents" / f"{LABEL}.plist"


def location() -> str:
    """Where it writes, for a sentence: the LaunchAgent's file."""
    return str(agent_file())


def available() -> bool:
    """Whether there is a `launchctl` to load the agent with."""
    return shutil.which("launchctl") is not None


def _domain() -> str:
    getuid = getattr(os, "getuid", None)
    return f"gui/{getuid() if getuid is not None else 0}"


def agent(run: DailyRun) -> dict[str, Any]:
    """The LaunchAgent's keys."""
    hour, minute = run.at
    return {
        "Label": LABEL,
        "ProgramArguments": run.argv(VIA),
        "EnvironmentVariables": run.environment(),
        "StartCalendarInterval": {"Hour": hour, "Minute": minute},
        "RunAtLoad": False,
        "ProcessType": "Background",
    }


def plist(run: DailyRun) -> bytes:
    """The property list `install` writes.

    Raises:
        quoting.Unquotable: a value the plist would not give back as it was.
    """
    keys = agent(run)
    for value in [*keys["ProgramArguments"], *keys["EnvironmentVariables"].values()]:
        try:
            same = plistlib.loads(plistlib.dumps({"v": value}))["v"] == value
        except (ValueError, UnicodeError):
            same = False
        if not same:
            reason = quoting.NOT_UTF8 if _surrogates(value) else quoting.CONTROL
            raise quoting.Unquotable(value, reason)
    return plistlib.dumps(keys, sort_keys=False)


def _surrogates(value: str) -> bool:
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in value)


def shown(run: DailyRun) -> list[tuple[str, str]]:
    """The property list, to read before it is written."""
    return [(str(agent_file()), plist(run).decode("utf-8"))]


def install(run: DailyRun) -> None:
    """Write the LaunchAgent and load it (again, if an earlier one was loaded).

    Raises:
        quoting.Unquotable: a value the plist cannot hold (nothing is written).
        ScheduleError: launchctl did not load it (the file stays, for uninstall to remove).
        OSError: the file could not be written.
    """
    from rebound.system import marked_line

    data = plist(run)
    path = agent_file()
    _unload(path)  # an earlier one, so that the new time and paths are read
    marked_line.write(path, data)
    done = call(["launchctl", "bootstrap", _domain(), str(path)])
    if done.returncode != 0:
        older = call(["launchctl", "load", "-w", str(path)])  # before macOS 10.10
        if older.returncode != 0:
            raise ScheduleError(f"launchctl bootstrap {_domain()}: {said(done)}")


def _unload(path: Path) -> None:
    if not path.exists() or not available():
        return
    done = call(["launchctl", "bootout", _domain(), str(path)])
    if done.returncode != 0:
        call(["launchctl", "unload", "-w", str(path)])


def installed() -> list[str]:
    """The LaunchAgent's file, when it is there."""
    return [str(agent_file())] if agent_file().exists() else []


def uninstall() -> list[str]:
    """Unload the LaunchAgent and delete its file; the file removed (none: not installed)."""
    path = agent_file()
    if not (path.exists() or path.is_symlink()):
        return []
    _unload(path)
    path.unlink(missing_ok=True)
    return [str(path)]

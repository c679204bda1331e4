"""The daily run of `rebound remind`: what it runs (this rebound, with its data folder and its
coaching pack), which of the system's schedulers runs it, and when it last ran.

Four schedulers know how to run something every day, one module each, all alike (`Scheduler`):
a systemd user timer (`units`), a macOS LaunchAgent (`launchd`), a Windows Task Scheduler task
(`schtasks`) and a crontab line (`crontab`). Each writes only what rebound owns, shows it before
writing, quotes every value for its format or refuses it, and removes exactly it again.

The daily run carries what this shell would have given it: the data folder (as `REBOUND_HOME`,
wherever it was found: `REBOUND_HOME`, `XDG_DATA_HOME` or the platform's default) and the pack
(`--content DIR`, else `--lang` of the language in use), since a scheduler starts it with an
environment of its own. `--daily VIA` tells the run who started it, so that `remind --status`
can say when the daily run last ran.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from rebound.storage.paths import REMIND_RAN

NAME = "rebound-remind"  # the systemd units', the LaunchAgent's and the task's name
VIA = ("systemd", "launchd", "schtasks", "cron")
TIMEOUT = 30.0


@dataclass(frozen=True)
class DailyRun:
    """What runs every day, and when (hour, minute)."""

    program: str  # this rebound, an absolute path
    options: tuple[str, ...]  # rebound's own options: the pack (--content DIR, or --lang XX)
    home: str  # the data folder, an absolute path
    at: tuple[int, int]

    def argv(self, via: str) -> list[str]:
        """The command line of the run that `via` starts."""
        return [self.program, *self.options, "remind", "--daily", via]

    def environment(self) -> dict[str, str]:
        """What the run's environment must hold."""
        return {"REBOUND_HOME": self.home}

    @property
    def time(self) -> str:
        """HH:MM."""
        return f"{self.at[0]:02d}:{self.at[1]:02d}"


class ScheduleError(Exception):
    """The scheduler refused or could not be asked; the message says what it said."""


class Scheduler(Protocol):
    """What each scheduler's module offers (units, launchd, schtasks, crontab)."""

    def available(self) -> bool:
        """Whether it can be used here (its program is found, and answers)."""

    def location(self) -> str:
        """Where it writes, for a sentence (a folder, a file, or the scheduler's name)."""

    def shown(self, run: DailyRun) -> list[tuple[str, str]]:
        """What `install` will write, as (where, text), for the person to read first.

        Raises:
            quoting.Unquotable: a value its format cannot hold.
        """

    def install(self, run: DailyRun) -> None:
        """Write it and turn it on.

        Raises:
            quoting.Unquotable, ScheduleError, OSError.
        """

    def uninstall(self) -> list[str]:
        """Turn it off and remove exactly what `install` wrote; where it was (none: nothing).

        Raises:
            ScheduleError, OSError.
        """

    def installed(self) -> list[str]:
        """Where it is set up (none: it is not)."""


def scheduler(name: str) -> Scheduler:
    """The module of the scheduler `name` (one of VIA)."""
    import importlib

    module = {"systemd": "units", "launchd": "launchd", "schtasks": "schtasks", "cron": "crontab"}
    return cast(Scheduler, importlib.import_module(f"rebound.system.{module[name]}"))


def choose() -> str | None:
    """The scheduler this system runs daily jobs with, or None when it has none: launchd on
    macOS, Task Scheduler on Windows, systemd where it answers, else cron."""
    if sys.platform == "darwin":
        preferred = ["launchd", "cron"]
    elif sys.platform == "win32":
        preferred = ["schtasks"]
    else:
        preferred = ["systemd", "cron"]
    return next((name for name in preferred if scheduler(name).available()), None)


def daily_run(at: tuple[int, int], content: str | None, lang: str | None) -> DailyRun:
    """The run to set up: this rebound, the data folder and pack of this command.

    `content` and `lang` are the command's `--content` and `--lang`; `REBOUND_CONTENT` and the
    environment's language count as they do for every command.
    """
    from rebound.pack import packs
    from rebound.storage.store import data_home
    from rebound.system.shell_rc import this_rebound

    chosen = content or os.environ.get("REBOUND_CONTENT") or None
    if chosen:
        options: tuple[str, ...] = ("--content", os.path.abspath(os.path.expanduser(chosen)))
    else:
        options = ("--lang", packs.language(lang))
    home = os.path.abspath(data_home())
    return DailyRun(this_rebound(), options, home, at)


def call(argv: list[str], *, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run a scheduler's program, its output captured; never a shell, never a window.

    Raises:
        ScheduleError: it could not be started, or did not answer in time.
    """
    program = shutil.which(argv[0]) or argv[0]
    try:
        return subprocess.run(
            [program, *argv[1:]],
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise ScheduleError(f"{argv[0]}: {exc}") from None


def said(done: subprocess.CompletedProcess[bytes]) -> str:
    """The last line a program said on stderr (else stdout), for a message."""
    for stream in (done.stderr, done.stdout):
        lines = (stream or b"").decode("utf-8", "replace").strip().splitlines()
        if lines:
            return lines[-1].strip()
    return f"exit {done.returncode}"


def checked(argv: list[str], *, stdin: bytes | None = None) -> None:
    """Run a scheduler's program; it must succeed.

    Raises:
        ScheduleError: it failed (the message is what it said).
    """
    done = call(argv, stdin=stdin)
    if done.returncode != 0:
        raise ScheduleError(f"{' '.join(argv[:3])}: {said(done)}")


# --- when it last ran ------------------------------------------------------------------------


def record_run(home: Path, state: Path, via: str) -> None:
    """Remember, in this computer's state folder for the data folder `home`, that the daily run
    started by `via` ran now (only for a data folder that is there: a run never makes one). Each
    computer keeps its own: a synced data folder would say another computer's run was this one's.
    """
    from rebound import clock
    from rebound.storage.files import atomic_write

    if not home.is_dir():
        return
    when = clock.now().isoformat(timespec="minutes")
    state.mkdir(mode=0o700, parents=True, exist_ok=True)
    atomic_write(state / REMIND_RAN, json.dumps({"at": when, "via": via}).encode() + b"\n")


def last_run(state: Path) -> tuple[str, str] | None:
    """(when, via) of the last daily run on this computer, from its state folder for the data
    folder, or None: it has not run (or the note is unreadable)."""
    try:
        # Never blocks: a FIFO put in its place is not read (O_NONBLOCK), only a regular file.
        fd = os.open(state / REMIND_RAN, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            state = json.loads(handle.read(4096))
    except (OSError, ValueError):
        return None
    if not isinstance(state, dict):
        return None
    when, via = state.get("at"), state.get("via")
    if isinstance(when, str) and isinstance(via, str) and via in VIA:
        return when, via
    return None

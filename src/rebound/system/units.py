"""The daily run as a systemd user timer: two unit files named `rebound-remind.*`, which only
rebound writes, in `$XDG_CONFIG_HOME/systemd/user` (`Persistent=true`: a run missed while the
computer slept happens when it wakes).

Every value in them is quoted by systemd's own rules (`quoting.systemd`): the data folder in
`Environment=`, each argument of `ExecStart=`. A path that tries to add a line, a second
assignment or a specifier is one value, read back as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from rebound.storage.paths import xdg_folder
from rebound.system import quoting
from rebound.system.daily import NAME, DailyRun, ScheduleError, call, said

VIA = "systemd"
_HEADER = "# Written by `rebound remind --install`; `rebound remind --uninstall` removes it.\n"


def unit_folder() -> Path:
    """Where systemd looks for this person's units: $XDG_CONFIG_HOME/systemd/user."""
    return Path(xdg_folder("XDG_CONFIG_HOME", "~/.config")) / "systemd" / "user"


def _files() -> tuple[Path, Path]:
    folder = unit_folder()
    return folder / f"{NAME}.service", folder / f"{NAME}.timer"


def _systemctl(*args: str) -> None:
    done = call(["systemctl", "--user", *args])
    if done.returncode != 0:
        raise ScheduleError(f"systemctl --user {' '.join(args)}: {said(done)}")


def location() -> str:
    """Where it writes, for a sentence: the folder of the unit files."""
    return str(unit_folder())


def available() -> bool:
    """Whether this person has a systemd user manager to talk to (`systemctl --user` works)."""
    if shutil.which("systemctl") is None:
        return False
    try:
        return call(["systemctl", "--user", "show-environment"]).returncode == 0
    except ScheduleError:
        return False


def unit_files(run: DailyRun) -> dict[Path, str]:
    """The two unit files of the daily run, by path: what `install` writes.

    Raises:
        quoting.Unquotable: a value a unit file cannot hold.
    """
    hour, minute = run.at
    env = "".join(
        f"Environment={quoting.systemd(f'{key}={value}')}\n"
        for key, value in run.environment().items()
    )
    command = " ".join(quoting.systemd(arg, exec_line=True) for arg in run.argv(VIA))
    service = (
        f"{_HEADER}"
        "[Unit]\n"
        "Description=rebound: what is due today\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"{env}"
        f"ExecStart={command}\n"
    )
    timer = (
        f"{_HEADER}"
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
    service_file, timer_file = _files()
    return {service_file: service, timer_file: timer}


def shown(run: DailyRun) -> list[tuple[str, str]]:
    """The unit files, to read before they are written."""
    return [(str(path), text) for path, text in unit_files(run).items()]


def install(run: DailyRun) -> None:
    """Write the unit files and turn the timer on.

    Raises:
        quoting.Unquotable: a value a unit file cannot hold (nothing is written).
        ScheduleError: systemctl did not accept it (the files stay, for uninstall to remove).
        OSError: a file could not be written.
    """
    from rebound.system import marked_line

    files = unit_files(run)
    for path, text in files.items():
        marked_line.write(path, text.encode("utf-8"))
    _systemctl("daemon-reload")
    _systemctl("enable", "--now", f"{NAME}.timer")


def installed() -> list[str]:
    """The unit files that are there."""
    return [str(path) for path in _files() if path.exists()]


def uninstall() -> list[str]:
    """Turn the timer off and delete the unit files; the files removed (none: not installed)."""
    files = [path for path in _files() if path.exists() or path.is_symlink()]
    if not files:
        return []
    if shutil.which("systemctl") is not None:
        call(["systemctl", "--user", "disable", "--now", f"{NAME}.timer"])
    for path in files:
        path.unlink(missing_ok=True)
    if shutil.which("systemctl") is not None:
        call(["systemctl", "--user", "daemon-reload"])
    return [str(path) for path in files]

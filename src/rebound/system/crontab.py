"""The daily run as one crontab line, marked with a comment only rebound writes (`MARK`).

The person's crontab is read as bytes (`crontab -l`), rebound's line is added or removed
(`marked_line`), and the rest goes back byte for byte (`crontab FILE`): comments, `VAR = value`
lines, `@yearly`, CRs, trailing spaces, Latin-1. rebound's line goes first, so that none of the
person's settings (`SHELL=`, `CRON_TZ=`, `MAILTO=`) changes how it runs: it is written for
/bin/sh, cron's default. A crontab that cannot be read is never replaced.

The line's values are quoted for cron and /bin/sh (`quoting.cron`); a line break, which no
crontab line can hold, is refused.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile

from rebound.system import marked_line, quoting
from rebound.system.daily import DailyRun, ScheduleError, call, said

VIA = "cron"
MARK = "rebound-remind (added by `rebound remind --install`)"
# What `crontab -l` says when the person has no crontab yet (cronie, Vixie cron, BSD, busybox).
_NONE_YET = re.compile(rb"no crontab for|can't open your crontab|crontab: no crontab", re.I)


def location() -> str:
    """Where it writes, for a sentence."""
    return "crontab"


def available() -> bool:
    """Whether there is a `crontab` command to install with."""
    return shutil.which("crontab") is not None


def line(run: DailyRun) -> str:
    """The crontab line of the daily run, with its marking comment.

    Raises:
        quoting.Unquotable: a value a crontab line cannot hold.
    """
    hour, minute = run.at
    env = " ".join(f"{key}={quoting.cron(value)}" for key, value in run.environment().items())
    command = " ".join(quoting.cron(arg) for arg in run.argv(VIA))
    return f"{minute} {hour} * * * {env} {command} # {MARK}"


def _ours(content: bytes) -> bool:
    return content.rstrip().endswith(f"# {MARK}".encode())


def read() -> bytes:
    """The person's crontab, as `crontab -l` gives it (none yet: no bytes).

    Raises:
        ScheduleError: it could not be read (then it must not be written either).
    """
    done = call(["crontab", "-l"])
    if done.returncode == 0:
        return done.stdout
    if not done.stdout and _NONE_YET.search(done.stderr or b""):
        return b""
    raise ScheduleError(f"crontab -l: {said(done)}")


def write(table: bytes) -> None:
    """Install `table` as the person's crontab (through a private temporary file).

    Raises:
        ScheduleError: crontab refused it.
    """
    fd, name = tempfile.mkstemp(prefix="rebound-crontab-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(table)
        done = call(["crontab", name])
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)
    if done.returncode != 0:
        raise ScheduleError(f"crontab: {said(done)}")


def with_ours_first(table: bytes, wanted: str) -> bytes | None:
    """`table` with `wanted` as its first line and no other line of ours (None: it is so)."""
    rest, removed = marked_line.without_lines(table, _ours)
    encoded = wanted.encode("utf-8", "surrogateescape")
    if removed == [encoded] and table.startswith(encoded + b"\n"):
        return None
    return encoded + b"\n" + rest


def shown(run: DailyRun) -> list[tuple[str, str]]:
    """The line, to read before it is added."""
    return [("crontab", line(run))]


def install(run: DailyRun) -> None:
    """Add the daily line to the crontab (replacing an earlier one of rebound's).

    Raises:
        quoting.Unquotable: a value a crontab line cannot hold (nothing is written).
        ScheduleError: crontab could not be read or written.
    """
    wanted = line(run)
    table = with_ours_first(read(), wanted)
    if table is not None:
        write(table)


def installed() -> list[str]:
    """'crontab' when rebound's line is in it."""
    if not available():
        return []
    try:
        _, removed = marked_line.without_lines(read(), _ours)
    except ScheduleError:
        return []
    return ["crontab"] if removed else []


def uninstall() -> list[str]:
    """Remove rebound's lines from the crontab: ['crontab'] if there were any.

    Raises:
        ScheduleError: crontab could not be read or written.
    """
    if not available():
        return []
    rest, removed = marked_line.without_lines(read(), _ours)
    if not removed:
        return []
    write(rest)
    return ["crontab"]

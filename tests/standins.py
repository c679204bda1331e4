"""Stand-in programs for the tests of what rebound starts: notifiers, schedulers, shells.

Each stand-in is a small Python script (this interpreter, on a `#!` line) put on PATH in the
test's own folder. It records every call, its arguments exactly as it received them and the
environment variables a test asks about, as one JSON line in a log beside it, then answers as
it was told (what it prints, its exit code). A stand-in `crontab` keeps its table as bytes in a
file, and a stand-in `schtasks` keeps the XML file it was given (the original is a temporary
file rebound deletes), so a test can read back exactly what was handed over. A stand-in starts
with `-S`, without `site`: it needs only the standard library, and `site` would import the
suite's pinned clock (tests/pinned_clock: time-machine, 30 ms of a stand-in's 40, a hundred
calls and more a run).

The scripts need a POSIX system to be run by name (`#!`): the tests that use them are marked
`posix` (tests/conftest.py skips those on Windows, saying why).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Environment variables every stand-in records (None when unset).
WATCHED = ("REBOUND_HOME", "REBOUND_TITLE", "REBOUND_BODY", "XDG_DATA_HOME", "LANG")

_RECORD = """\
import json, os, sys
entry = {{"argv": sys.argv[1:], "env": {{k: os.environ.get(k) for k in {watched!r}}}}}
for i, arg in enumerate(sys.argv[:-1]):
    if arg.upper() == "/XML":  # schtasks: keep the task's file, which rebound deletes after
        with open(sys.argv[i + 1], "rb") as f:
            entry["xml"] = f.read().hex()
with open({log!r}, "a", encoding="utf-8") as f:
    f.write(json.dumps(entry) + "\\n")
"""


@dataclass
class StandIn:
    """A stand-in program and the log of its calls."""

    path: Path
    log: Path

    def calls(self) -> list[dict[str, Any]]:
        """Every call so far: {"argv": [...], "env": {...}} (and "xml": bytes for schtasks)."""
        if not self.log.exists():
            return []
        calls = [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]
        for call in calls:
            if "xml" in call:
                call["xml"] = bytes.fromhex(call["xml"])
        return calls

    def argvs(self) -> list[list[str]]:
        """The arguments of every call so far."""
        return [call["argv"] for call in self.calls()]


def stand_in(folder: Path, name: str, then: str = "", *, code: int = 0) -> StandIn:
    """A program `name` in `folder` that records its calls, then runs the Python in `then`
    (with `sys` and `os` imported; `argv` is `sys.argv[1:]`) and exits with `code`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    log = folder.parent / f"{name}.calls"
    body = (
        f"#!{sys.executable} -S\n"
        + _RECORD.format(watched=WATCHED, log=str(log))
        + "argv = sys.argv[1:]\n"
        + then
        + ("\n" if then and not then.endswith("\n") else "")
        + f"sys.exit({code})\n"
    )
    path.write_text(body, encoding="utf-8")
    path.chmod(0o755)
    return StandIn(path, log)


def crontab(folder: Path, table: Path) -> StandIn:
    """A stand-in `crontab` keeping the person's table as bytes in `table` (none: the file is
    missing, and `crontab -l` says so as cron does, exit 1)."""
    return stand_in(
        folder,
        "crontab",
        f"table = {str(table)!r}\n"
        "if argv == ['-l']:\n"
        "    if not os.path.exists(table):\n"
        "        sys.stderr.write('no crontab for you\\n'); sys.exit(1)\n"
        "    sys.stdout.buffer.write(open(table, 'rb').read()); sys.exit(0)\n"
        "if argv == ['-r']:\n"
        "    os.remove(table); sys.exit(0)\n"
        "data = sys.stdin.buffer.read() if argv == ['-'] else open(argv[-1], 'rb').read()\n"
        "open(table, 'wb').write(data)\n",
    )


def quick_crontab(folder: Path, table: Path) -> Path:
    """A stand-in `crontab` as a /bin/sh script (a Python one costs a start-up per call, which
    the hostile suite's hundreds of calls feel): the same bytes kept, no calls recorded."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "crontab"
    quoted = "'" + str(table).replace("'", "'\\''") + "'"
    path.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-l" ]; then\n'
        f"  [ -f {quoted} ] || {{ echo 'no crontab for you' >&2; exit 1; }}\n"
        f"  exec /bin/cat {quoted}\n"
        "fi\n"
        f'exec /bin/cat "$1" > {quoted}\n',
        encoding="utf-8",
    )
    path.chmod(0o755)
    return path

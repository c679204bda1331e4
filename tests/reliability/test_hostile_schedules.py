"""Hostile schedules: the person's crontab, and the unit, LaunchAgent and task of the daily run,
with paths that try to add lines of their own.

- crontabs: a table drawn from the lines python-crontab rewrote (`VAR = value`, `MAILTO=`,
  `@yearly`, day 7, quotes, trailing spaces, CR, Latin-1, no final newline), or none at all,
  and a program and data folder whose paths hold quotes, `%`, `$`, backslashes, line breaks,
  bytes that are not UTF-8. `remind --install --via cron` then `--uninstall`: exactly one job
  is added and it runs, through cron's `%` rule and /bin/sh, the same program with the same
  folder (or the value is refused and the table untouched); the table comes back byte for byte.
- units, agents and tasks: the same paths written into a systemd unit (read back by
  tests/formats.py and, where it is installed, by `systemd-analyze verify` itself), a
  LaunchAgent (plistlib) and a task (xml.etree and the C runtime's argument rules), beside the
  person's own unit and agent in folders that are links or not. Every value reads back as it
  was, or is refused before anything is written; the person's files stay byte for byte.
"""

from __future__ import annotations

import os
import plistlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from rebound.system import shell_rc
from tests import formats
from tests.conftest import Figures
from tests.depth import examples
from tests.helpers import invoke
from tests.reliability.hostile import FileTally as Tally
from tests.reliability.hostile import plainly
from tests.standins import quick_crontab

pytestmark = pytest.mark.posix

SETTINGS = settings(
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # a failure is reported as found: no shrinking
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def cli(args: list[str]) -> Any:
    return invoke(args)


CRON_MARK = b"rebound-remind (added by `rebound remind --install`)"
# Pieces of paths that try to be more than one value somewhere.
PIECES = (
    "plain",
    "two  spaces",
    "'",
    '"',
    "\\",
    "%",
    "%h",
    "%%",
    "$HOME",
    "${USER}",
    "$$",
    "`id`",
    "$(id)",
    ";",
    "&",
    "|",
    "#",
    "*",
    "~",
    "é",
    "日本",
    "\u2019",
    "\t",
    "\n",
    "\nExecStartPre=/bin/touch /tmp/pwned\n",
    '"PYTHONPATH=/tmp/evil"',
    "\r",
    "\x07",
    "\udce9",  # a byte that is not UTF-8
    " ",
    "-",
    "--app-name=x",
)
PATHS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join)


# --- crontabs --------------------------------------------------------------------------------

CRON_LINES = (
    b"# m h dom mon dow command",
    b"MAILTO=",
    b"VAR=",
    b"MAILTO=me@example.com",
    b"SHELL = /bin/bash",
    b" PATH=/usr/bin:/bin  ",
    b"CRON_TZ=Europe/Madrid",
    b"0 0 1 1 * /usr/bin/yearly",
    b"@yearly /usr/bin/yearly",
    b'@reboot echo "up"',
    b"0 12 * * 7   echo 'sunday'   # trailing",
    b"*/5 * * * * echo %s 100\\%",
    b"30 6 * * 1-5 echo caf\xe9",
    b"1 2 3 4 5 echo crlf\r",
    b"",
    b"\t",
    b"0 8 * * * rebound remind  # rebound-remind, by hand",
    b"15 8 * * * /old/bin/rebound remind # " + CRON_MARK,  # an earlier one of rebound's
)


def cron_without_ours(table: bytes) -> bytes:
    """The table with rebound's lines gone, by the same rule as an rc file's."""
    *finished, last = table.split(b"\n")
    kept = [line for line in finished if CRON_MARK not in line]
    if CRON_MARK in last:
        return b"\n".join(kept).removesuffix(b"\r") if kept else b""
    return b"".join(line + b"\n" for line in kept) + last


RECORDER = '#!/bin/sh\nprintf "%s\\0" "$REBOUND_HOME" "$@" > "$RECORD"\n'


@settings(SETTINGS, max_examples=examples(240))
@given(
    lines=st.none() | st.lists(st.sampled_from(CRON_LINES), max_size=7),
    final=st.booleans(),
    folder=PATHS,
    program=PATHS,
)
def test_crontabs_keep_every_other_byte_and_run_as_written(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    figures: Figures,
    lines: list[bytes] | None,
    final: bool,
    folder: str,
    program: str,
) -> None:
    tally = Tally()
    base = tmp_path_factory.mktemp("cron")
    (base / "bin").mkdir()
    monkeypatch.setenv("PATH", str(base / "bin"))
    monkeypatch.setenv("HOME", str(base))
    table = base / "table"
    quick_crontab(base / "bin", table)
    data = b"\n".join(lines) + (b"\n" if final and lines else b"") if lines is not None else None
    if data is not None:
        table.write_bytes(data)
    original = data or b""
    # The program: a tiny sh script at a hostile path that records what it was given.
    where = base / program.replace("/", "_")
    try:
        where.mkdir(parents=True)
        (where / "rebound").write_text(RECORDER)
        (where / "rebound").chmod(0o755)
    except (OSError, UnicodeError):
        where = base / "plain"
    rebound = str(where / "rebound")
    monkeypatch.setattr(shell_rc, "this_rebound", lambda: rebound)
    data_folder = str(base / folder.replace("/", "_"))
    monkeypatch.setenv("REBOUND_HOME", data_folder)
    refused = any(c in data_folder + rebound for c in "\n\r")

    tally.tried += 1
    result = cli(["remind", "--install", "--via", "cron", "--yes"])
    ok = plainly(result)
    now = table.read_bytes() if table.exists() else None
    if refused:
        kept = result.exit_code == 2 and now == data
    else:
        kept = result.exit_code == 0 and now is not None
        kept = kept and cron_without_ours(now) == cron_without_ours(original)
        jobs = [job for job in formats.cron_jobs(now or b"") if CRON_MARK in job[1]]
        kept = kept and len(jobs) == 1 and runs_as_written(jobs[0][1], base, rebound, data_folder)
    tally.handled += ok
    tally.kept += kept
    if not (ok and kept):
        tally.failures.append(f"install {data!r} {folder!r} {program!r}: {result.output}")

    tally.tried += 1
    result = cli(["remind", "--uninstall"])
    tally.handled += plainly(result)
    gone = table.read_bytes() if table.exists() else None
    kept = gone == (cron_without_ours(original) if (not refused or data is not None) else None)
    tally.kept += kept and result.exit_code == 0
    if not (plainly(result) and kept and result.exit_code == 0):
        tally.failures.append(f"uninstall {data!r} {folder!r} {program!r}: {result.output}")
    tally.report(figures, "crontabs", "other bytes kept, and the job runs as written")
    assert not tally.failures, "\n".join(tally.failures)


def runs_as_written(command: bytes, base: Path, rebound: str, data_folder: str) -> bool:
    """The job's command, through cron's `%` rule and /bin/sh, runs `rebound` with the folder."""
    for_sh, stdin = formats.cron_command(command)
    record = base / "record"
    record.unlink(missing_ok=True)
    done = subprocess.run(
        [b"/bin/sh", b"-c", for_sh],
        env={"PATH": "/usr/bin:/bin", "RECORD": str(record)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
        timeout=30,
    )
    if stdin or done.returncode != 0 or not record.exists():
        return False
    said = record.read_bytes().split(b"\0")[:-1]
    want = [data_folder, "--lang", "en", "remind", "--daily", "cron"]
    return said == [os.fsencode(w) for w in want]


# --- units, launch agents, tasks -------------------------------------------------------------


def sh_stand_in(folder: Path, name: str, body: str = "exit 0") -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def schedulers_here(base: Path) -> Path:
    """Quick stand-ins for systemctl, launchctl and schtasks (a task's XML is kept)."""
    bin_dir = base / "bin"
    bin_dir.mkdir()
    sh_stand_in(bin_dir, "systemctl")
    sh_stand_in(bin_dir, "launchctl")
    kept = base / "task.xml"
    state = base / "task-registered"
    sh_stand_in(
        bin_dir,
        "schtasks",
        f'case "$1" in /Create) /bin/cp "$5" "{kept}"; : > "{state}";;\n'
        f'/Query) [ -f "{state}" ] || exit 1;; /Delete) /bin/rm -f "{state}";; esac',
    )
    return kept


def read_back(via: str, base: Path, home: Path, kept_xml: Path) -> tuple[list[str], str]:
    """The argument vector and the data folder of the run `via` would start, read back from
    what was written, by that format's reader."""
    if via == "systemd":
        unit = formats.systemd_unit(
            (home / ".config" / "systemd" / "user" / "rebound-remind.service").read_text()
        )
        if [key for key, _ in unit["Service"]] != ["Type", "Environment", "ExecStart"]:
            return [], ""
        return formats.systemd_exec(unit), formats.systemd_environment(unit)["REBOUND_HOME"]
    if via == "launchd":
        agent = home / "Library" / "LaunchAgents" / "rebound-remind.plist"
        data = plistlib.loads(agent.read_bytes())
        return data["ProgramArguments"], data["EnvironmentVariables"]["REBOUND_HOME"]
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    root = ET.fromstring(kept_xml.read_bytes())
    command = root.findtext("t:Actions/t:Exec/t:Command", namespaces=ns) or ""
    args = formats.windows_argv(root.findtext("t:Actions/t:Exec/t:Arguments", namespaces=ns) or "")
    return [command, *args[:-2]], args[-1]


def refusable(via: str, value: str) -> bool:
    """Whether `via`'s format may refuse `value` (what it cannot hold as it is)."""
    surrogate = any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    control = any(ord(c) < 0x20 or ord(c) == 0x7F for c in value)
    if via == "systemd":
        return surrogate
    if via == "launchd":
        return surrogate or any(ord(c) < 0x20 and c not in "\t\n" for c in value)
    return surrogate or control or "%" in value


THEIRS = b"# mine\r\n[Service]\nExecStart=/bin/true caf\xe9"  # CRLF, Latin-1, no final newline


@settings(SETTINGS, max_examples=examples(200))
@given(folder=PATHS, program=PATHS, linked=st.booleans())
def test_units_agents_and_tasks_run_the_same_program_with_the_same_folder(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    figures: Figures,
    folder: str,
    program: str,
    linked: bool,
) -> None:
    tally = Tally()
    base = tmp_path_factory.mktemp("units")
    home = base / "home"
    # The person's own unit and agent beside rebound's; their folders links (dotfiles) or not.
    for where in (home / ".config" / "systemd" / "user", home / "Library" / "LaunchAgents"):
        real = base / "dotfiles" / where.name if linked else where
        real.mkdir(parents=True)
        (real / "mine.service").write_bytes(THEIRS)
        if linked:
            where.parent.mkdir(parents=True, exist_ok=True)
            where.symlink_to(real)
    theirs = sorted(home.rglob("mine.service"))
    kept_xml = schedulers_here(base)
    monkeypatch.setenv("PATH", str(base / "bin"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    rebound = str(base / program.replace("/", "_") / "rebound")
    data_folder = str(base / folder.replace("/", "_"))
    monkeypatch.setattr(shell_rc, "this_rebound", lambda: rebound)
    monkeypatch.setenv("REBOUND_HOME", data_folder)
    for via in ("systemd", "launchd", "schtasks"):
        tally.tried += 1
        result = cli(["remind", "--install", "--via", via, "--yes"])
        ok = plainly(result)
        may_refuse = refusable(via, rebound + data_folder)
        if result.exit_code == 2 and may_refuse:
            kept = not list(home.rglob("rebound-remind*")) and not kept_xml.exists()
        elif result.exit_code == 0:
            argv, home_read = read_back(via, base, home, kept_xml)
            want = [rebound, "--lang", "en", "remind", "--daily", via]
            kept = argv == want and home_read == data_folder
        else:
            kept = False
        gone = cli(["remind", "--uninstall"])
        ok = ok and plainly(gone) and gone.exit_code == 0
        kept = kept and not list(base.rglob("rebound-remind*"))
        kept = kept and all(p.read_bytes() == THEIRS for p in theirs)
        links = (home / ".config" / "systemd" / "user", home / "Library" / "LaunchAgents")
        kept = kept and all(p.is_symlink() == linked for p in links)
        kept_xml.unlink(missing_ok=True)
        tally.handled += ok
        tally.kept += kept
        if not (ok and kept):
            tally.failures.append(f"{via} {folder!r} {program!r}: {result.output}{gone.output}")
    tally.report(figures, "units, agents and tasks", "values read back as written")
    assert not tally.failures, "\n".join(tally.failures)


# systemd's own reader, where it is installed: what it makes of the unit rebound wrote.
ANALYZE = shutil.which("systemd-analyze")


@pytest.mark.skipif(ANALYZE is None, reason="systemd-analyze is not installed here")
@pytest.mark.parametrize(
    "value",
    [
        "\nExecStartPre=/bin/touch /tmp/pwned\n",
        '"PYTHONPATH=/tmp/evil"',
        "%h %% %n $HOME ${USER} $$",
        "back\\slash \\n \\x41 'single'",
        "tab\there, bell\x07",
        "é 日本 \u2019",
        " lead and trail ",
    ],
)
def test_systemd_itself_reads_the_unit_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, figures: Figures, value: str
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    schedulers_here(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    data_folder = str(tmp_path / ("data" + value))
    monkeypatch.setenv("REBOUND_HOME", data_folder)
    assert cli(["remind", "--install", "--via", "systemd", "--yes"]).exit_code == 0
    unit = home / ".config" / "systemd" / "user" / "rebound-remind.service"
    done = subprocess.run(
        [str(ANALYZE), "verify", "--man=no", "--generators=no", str(unit)],
        env={**os.environ, "SYSTEMD_LOG_LEVEL": "debug", "PATH": "/usr/bin:/bin"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
        timeout=60,
    )
    dump = done.stderr.decode("utf-8", "replace") + done.stdout.decode("utf-8", "replace")
    start = dump.find("-> Unit rebound-remind.service:")
    if start < 0:
        pytest.skip("systemd-analyze did not dump the unit here")
    section = dump[start:]
    found = re.search(r"\n\t\tEnvironment: REBOUND_HOME=(.*?)\n\t\t[A-Z]", section, re.S)
    read = found is not None and found.group(1) == data_folder
    read = read and "-> ExecStartPre:" not in section and section.count("-> ExecStart:") == 1
    figures.add("hostile: units, read back by systemd-analyze as written", int(read), 1)
    assert read, section[:3000]

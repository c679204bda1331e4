"""What `rebound remind --install` writes into the person's unit files and crontab, read back
the way systemd and cron read them (tests/formats.py): every value means what it meant, whatever
it holds, or it is refused before anything is written; and the person's own crontab lines come
back byte for byte (issue 19, items 1, 2, 4 and 5)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from rebound.system import shell_rc
from tests import formats
from tests.cli.test_nudge import start
from tests.helpers import Run
from tests.standins import StandIn, crontab, stand_in

pytestmark = pytest.mark.posix

# A data folder's name that tries to add lines, a second assignment, specifiers and variables.
SNEAKY = (
    'data\nExecStartPre=/bin/touch /tmp/pwned\n"PYTHONPATH=/tmp/evil" %h $HOME ${USER} '
    "'quoted' \\n \\ `id` $(id) ; & | 100% é"
)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME in the test's folder, nothing else on PATH, no XDG folders."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    return folder


@pytest.fixture
def systemctl(tmp_path: Path, home: Path) -> StandIn:
    return stand_in(tmp_path / "bin", "systemctl")


def units(home: Path) -> Path:
    return home / ".config" / "systemd" / "user"


def service(home: Path) -> dict[str, list[tuple[str, str]]]:
    return formats.systemd_unit((units(home) / "rebound-remind.service").read_text())


# --- systemd ----------------------------------------------------------------------------------


def test_a_data_folder_that_tries_to_add_lines_is_one_value_in_the_unit(
    run: Run, home: Path, systemctl: StandIn, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = str(tmp_path / SNEAKY)
    monkeypatch.setenv("REBOUND_HOME", data)
    result = run(["remind", "--install", "--yes"], terminal=False)
    assert result.exit_code == 0, result.output
    unit = service(home)
    assert [key for key, _ in unit["Service"]] == ["Type", "Environment", "ExecStart"]
    assert formats.systemd_environment(unit) == {"REBOUND_HOME": data}
    assert formats.systemd_exec(unit)[-3:] == ["remind", "--daily", "systemd"]
    timer = formats.systemd_unit((units(home) / "rebound-remind.timer").read_text())
    assert [key for key, _ in timer["Timer"]] == ["OnCalendar", "Persistent"]
    result = run(["remind", "--uninstall"], terminal=False)
    assert result.exit_code == 0, result.output
    assert not list(units(home).iterdir())  # found and removed, whatever the path held


def test_the_program_path_is_one_argument_whatever_it_holds(
    run: Run, home: Path, systemctl: StandIn, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    program = str(tmp_path / 'it\'s 100% "mine" $HOME' / "bin\\x" / "rebound")
    monkeypatch.setattr(shell_rc, "this_rebound", lambda: program)
    assert run(["remind", "--install", "--yes"], terminal=False).exit_code == 0
    assert formats.systemd_exec(service(home))[0] == program


def test_a_value_systemd_cannot_hold_is_refused_before_anything_is_written(
    run: Run, home: Path, systemctl: StandIn, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("REBOUND_HOME", str(tmp_path) + "/caf\udce9")  # not UTF-8: systemd says no
    result = run(["remind", "--install", "--yes"], terminal=False)
    assert result.exit_code == 2, result.output
    assert "Nothing was changed" in result.stderr and "Traceback" not in result.output
    assert "\n\n" not in result.stderr.strip()
    assert not units(home).exists()
    assert systemctl.argvs() == [["--user", "show-environment"]]


# --- cron -------------------------------------------------------------------------------------


@pytest.fixture
def table(tmp_path: Path, home: Path) -> Path:
    """No systemd; a stand-in crontab keeping the table in a file (returned)."""
    stand_in(
        tmp_path / "bin", "systemctl", "sys.stderr.write('Failed to connect to bus\\n')", code=1
    )
    path = tmp_path / "crontab.bin"
    crontab(tmp_path / "bin", path)
    return path


# Lines a person may have, each of which python-crontab changed or choked on.
THEIRS = (
    b"# my jobs\r\n"
    b"MAILTO=\n"
    b"VAR=\n"
    b"SHELL = /bin/bash\n"
    b" PATH=/usr/bin:/bin  \n"
    b"0 0 1 1 * /usr/bin/yearly   \n"
    b"0 12 * * 7   echo 'sunday'   # trailing\r\n"
    b'@reboot echo "up"\n'
    b"30 6 * * 1-5 echo caf\xe9 > /tmp/x\n"  # Latin-1
    b"\n"
    b"*/5 * * * * echo last, no final newline"
)


def ours(text: bytes) -> list[bytes]:
    return [line for line in text.split(b"\n") if b"rebound-remind (added by" in line]


def test_install_adds_only_its_line_and_uninstall_gives_back_every_byte(
    run: Run, table: Path
) -> None:
    table.write_bytes(THEIRS)
    result = run(["remind", "--install", "--at", "08:15", "--yes"], terminal=False)
    assert result.exit_code == 0, result.output
    written = table.read_bytes()
    [line] = ours(written)
    assert written == line + b"\n" + THEIRS  # first, so none of their settings reach it
    assert line.startswith(b"15 8 * * * ")
    assert line.decode() in result.stdout  # shown before it was written
    assert run(["remind", "--install", "--at", "08:15", "--yes"], terminal=False).exit_code == 0
    assert table.read_bytes() == written  # never twice
    assert run(["remind", "--install", "--at", "10:00", "--yes"], terminal=False).exit_code == 0
    [moved] = ours(table.read_bytes())
    assert moved.startswith(b"0 10 * * * ") and table.read_bytes().endswith(b"\n" + THEIRS)
    result = run(["remind", "--uninstall"], terminal=False)
    assert result.exit_code == 0, result.output
    assert table.read_bytes() == THEIRS


def test_no_crontab_yet(run: Run, table: Path) -> None:
    assert run(["remind", "--install", "--yes"], terminal=False).exit_code == 0
    [line] = ours(table.read_bytes())
    assert table.read_bytes() == line + b"\n"
    assert run(["remind", "--uninstall"], terminal=False).exit_code == 0
    assert table.read_bytes() == b""


def test_a_crontab_that_cannot_be_read_is_never_replaced(
    run: Run, table: Path, tmp_path: Path
) -> None:
    stand_in(tmp_path / "bin", "crontab", "sys.stderr.write('crontab: cannot open\\n')", code=1)
    result = run(["remind", "--install", "--yes"], terminal=False)
    assert result.exit_code == 1
    assert "cannot open" in result.stderr and "Traceback" not in result.output
    assert not table.exists()


def test_the_job_runs_the_same_program_and_folder_whatever_they_hold(
    run: Run, table: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    sneaky = 'it\'s 100% "mine" & $HOME `id` \\% \\ é %'
    program = stand_in(tmp_path / sneaky / "bin", "rebound")
    monkeypatch.setattr(shell_rc, "this_rebound", lambda: str(program.path))
    data = str(tmp_path / (sneaky + " data"))
    monkeypatch.setenv("REBOUND_HOME", data)
    assert run(["remind", "--install", "--yes"], terminal=False).exit_code == 0
    [(schedule, command)] = formats.cron_jobs(table.read_bytes())
    assert schedule == b"0 9 * * *"
    for_sh, stdin = formats.cron_command(command)
    assert stdin == b""  # no % reached cron unescaped
    done = subprocess.run(["/bin/sh", "-c", for_sh], env={"PATH": "/usr/bin:/bin"}, check=False)
    assert done.returncode == 0
    [call] = program.calls()
    assert call["argv"] == ["--lang", "en", "remind", "--daily", "cron"]
    assert call["env"]["REBOUND_HOME"] == data


@pytest.mark.parametrize("bad", ["with\nnewline", "with\rreturn"])
def test_a_value_cron_cannot_hold_is_refused(
    run: Run, table: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, bad: str
) -> None:
    table.write_bytes(THEIRS)
    monkeypatch.setenv("REBOUND_HOME", str(tmp_path / bad))
    result = run(["remind", "--install", "--yes"], terminal=False)
    assert result.exit_code == 2, result.output
    assert "Nothing was changed" in result.stderr and "\n\n" not in result.stderr.strip()
    assert table.read_bytes() == THEIRS


# --- the daily run reads the same folder, in the same language (item 4) ------------------------


def test_the_data_folder_found_through_xdg_is_carried(
    run: Run, home: Path, systemctl: StandIn, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("REBOUND_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    result = run(["--lang", "es", "remind", "--install", "--yes"], terminal=False)
    assert result.exit_code == 0, result.output
    unit = service(home)
    assert formats.systemd_environment(unit) == {
        "REBOUND_HOME": str(tmp_path / "xdg-data" / "rebound")
    }
    assert formats.systemd_exec(unit)[1:] == ["--lang", "es", "remind", "--daily", "systemd"]


def test_a_content_folder_of_ones_own_is_carried(
    run: Run,
    home: Path,
    systemctl: StandIn,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    content_copy: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REBOUND_CONTENT", "content")  # relative: carried as the folder it names
    assert run(["remind", "--install", "--yes"], terminal=False).exit_code == 0
    argv = formats.systemd_exec(service(home))
    assert argv[1:3] == ["--content", str(content_copy)]


@pytest.mark.parametrize("variable", ["XDG_CONFIG_HOME", "XDG_DATA_HOME"])
def test_a_relative_xdg_folder_counts_as_unset(
    run: Run,
    home: Path,
    systemctl: StandIn,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    variable: str,
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.delenv("REBOUND_HOME")
    monkeypatch.setenv(variable, "relative/folder")
    assert run(["remind", "--install", "--yes"], terminal=False).exit_code == 0
    assert not list(here.iterdir())  # nothing written where the command happened to run
    unit = service(home)  # where systemd looks: ~/.config/systemd/user
    assert formats.systemd_environment(unit) == {
        "REBOUND_HOME": str(home / ".local" / "share" / "rebound")
    }


# --- programs rebound starts: `--` before the person's text (item 5) ---------------------------


def test_a_name_that_looks_like_an_option_reaches_the_notifier_as_text(
    run: Run, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notify = stand_in(tmp_path / "bin", "notify-send")
    monkeypatch.setenv("DISPLAY", ":0")
    start(run, tmp_path, "--app-name=spoof")
    assert run(["remind"], terminal=False).exit_code == 0
    [argv] = notify.argvs()
    assert argv[:2] == ["--app-name=rebound", "--"]
    assert len(argv) == 4 and "--app-name=spoof" in argv[3]

"""The reminder where job seekers are (issue 25): macOS (a LaunchAgent, osascript), Windows (Task
Scheduler, a PowerShell toast, the PowerShell profile) and the choice between schedulers
(`--via`, `--status`), each tried here under a patched `sys.platform` with stand-in programs
that record their arguments. The plist is read back with plistlib, the task with xml.etree, and
hostile values (quotes, newlines, `&`, `%`, non-ASCII) never change what runs."""

from __future__ import annotations

import base64
import os
import plistlib
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from rebound.system import shell_rc
from tests import formats, pinned
from tests.cli.test_nudge import start
from tests.helpers import Run, invoke
from tests.standins import StandIn, crontab, stand_in

pytestmark = pytest.mark.posix

TASK_NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
HOSTILE = 'Dana\'s "folder" & co %PATH% 100% $HOME `id` ; é ü 日本 \\end\\'


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME in the test's folder, only the stand-ins on PATH, no desktop on Linux."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "DISPLAY", "WAYLAND_DISPLAY", "SHELL"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    return folder


def on(platform: str, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run rebound (no terminal) as if `sys.platform` were `platform`; only while it runs, so
    that the test's own tools (prompt_toolkit's pipe input) stay on this system's."""
    monkeypatch.setattr("rebound.terminal.prompts.stdin_is_terminal", lambda: False)

    def run_on(args: list[str]) -> Any:
        with pytest.MonkeyPatch.context() as patch:
            if platform == "win32" and sys.platform != "win32":
                # Python 3.12's `shutil.which` asks Windows itself whether the current folder
                # is searched (`_winapi`, which only Windows has): here, as by default, it is not.
                patch.setattr(
                    shutil, "_win_path_needs_curdir", lambda cmd, mode: False, raising=False
                )
            patch.setattr(sys, "platform", platform)
            return invoke(args)

    return run_on


@pytest.fixture
def mac(home: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    return on("darwin", monkeypatch)


@pytest.fixture
def windows(home: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """sys.platform says win32, and programs are found by PATHEXT, as on Windows."""
    monkeypatch.setenv("PATHEXT", ".EXE")
    return on("win32", monkeypatch)


def bin_of(home: Path) -> Path:
    return home.parent / "bin"


# --- macOS: a LaunchAgent ----------------------------------------------------------------------


def agent(home: Path) -> Path:
    return home / "Library" / "LaunchAgents" / "rebound-remind.plist"


def test_a_launch_agent_is_written_loaded_and_removed_exactly(
    mac: Run, home: Path, rebound_home: Path
) -> None:
    launchctl = stand_in(bin_of(home), "launchctl")
    stand_in(bin_of(home), "crontab")  # there, but a Mac runs daily jobs with launchd
    theirs = home / "Library" / "LaunchAgents" / "com.example.other.plist"
    theirs.parent.mkdir(parents=True)
    theirs.write_bytes(b"<plist>theirs</plist>")
    result = mac(["remind", "--install", "--at", "7:30", "--yes"])
    assert result.exit_code == 0, result.output
    assert "On a Mac, launchd will run it" in result.stdout  # what it uses, and why
    data = plistlib.loads(agent(home).read_bytes())
    assert data == {
        "Label": "rebound-remind",
        "ProgramArguments": [
            shell_rc.this_rebound(),
            "--lang",
            "en",
            "remind",
            "--daily",
            "launchd",
        ],
        "EnvironmentVariables": {"REBOUND_HOME": str(rebound_home)},
        "StartCalendarInterval": {"Hour": 7, "Minute": 30},
        "RunAtLoad": False,
        "ProcessType": "Background",
    }
    for line in agent(home).read_text().splitlines():
        assert line.strip() in result.stdout  # shown before it was written
    uid = os.getuid()
    assert launchctl.argvs() == [["bootstrap", f"gui/{uid}", str(agent(home))]]
    status = mac(["remind", "--status"])
    assert f"set up with launchd: {agent(home)}" in status.stdout
    result = mac(["remind", "--uninstall"])
    assert result.exit_code == 0, result.output
    assert launchctl.argvs()[-1] == ["bootout", f"gui/{uid}", str(agent(home))]
    assert not agent(home).exists()
    assert theirs.read_bytes() == b"<plist>theirs</plist>"  # only its own file


def test_an_older_launchctl_loads_it_instead(mac: Run, home: Path) -> None:
    launchctl = stand_in(
        bin_of(home),
        "launchctl",
        "if argv[0] == 'bootstrap':\n"
        "    sys.stderr.write('Unrecognized subcommand: bootstrap\\n'); sys.exit(1)",
    )
    assert mac(["remind", "--install", "--yes"]).exit_code == 0
    assert [argv[0] for argv in launchctl.argvs()] == ["bootstrap", "load"]
    assert launchctl.argvs()[1] == ["load", "-w", str(agent(home))]


def test_launchctl_refusing_is_a_clear_failure(mac: Run, home: Path) -> None:
    stand_in(bin_of(home), "launchctl", "sys.stderr.write('Load failed: 5: I/O error\\n')", code=5)
    result = mac(["remind", "--install", "--yes"])
    assert result.exit_code == 1
    assert "Load failed: 5: I/O error" in result.stderr and "Traceback" not in result.output
    assert mac(["remind", "--uninstall"]).exit_code == 0  # what it wrote, gone
    assert not agent(home).exists()


@pytest.mark.parametrize("value", [HOSTILE, "line\nbreak", "<tag attr='x'>&amp;</tag>"])
def test_the_agent_runs_the_same_program_and_folder_whatever_they_hold(
    mac: Run, home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str
) -> None:
    stand_in(bin_of(home), "launchctl")
    program = str(tmp_path / value / "rebound")
    monkeypatch.setattr(shell_rc, "this_rebound", lambda: program)
    monkeypatch.setenv("REBOUND_HOME", str(tmp_path / value / "data"))
    assert mac(["remind", "--install", "--yes"]).exit_code == 0
    data = plistlib.loads(agent(home).read_bytes())
    assert data["ProgramArguments"][0] == program
    assert data["EnvironmentVariables"] == {"REBOUND_HOME": str(tmp_path / value / "data")}


@pytest.mark.parametrize("value", ["carriage\rreturn", "bell\x07", "caf\udce9"])
def test_a_value_a_plist_cannot_hold_is_refused(
    mac: Run, home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str
) -> None:
    launchctl = stand_in(bin_of(home), "launchctl")
    monkeypatch.setenv("REBOUND_HOME", str(tmp_path / value))
    result = mac(["remind", "--install", "--yes"])
    assert result.exit_code == 2, result.output
    assert "Nothing was changed" in result.stderr and "\n\n" not in result.stderr.strip()
    assert not agent(home).exists() and launchctl.argvs() == []


def test_osascript_gets_the_text_as_arguments_never_as_script(
    mac: Run, run: Run, home: Path, tmp_path: Path
) -> None:
    osascript = stand_in(bin_of(home), "osascript")
    company = '-e "; do shell script "id" --'
    start(run, tmp_path, company)
    assert mac(["remind"]).exit_code == 0
    [argv] = osascript.argvs()
    script = argv[: argv.index("--")]
    assert script == [
        "-e",
        "on run argv",
        "-e",
        "display notification (item 2 of argv) with title (item 1 of argv)",
        "-e",
        "end run",
    ]
    title, body = argv[len(script) + 1 :]
    assert title == "rebound: 3 things due"
    assert body.splitlines()[0].startswith(company + ": ")


# --- Windows: Task Scheduler, a toast, the PowerShell profile ----------------------------------


def schtasks(home: Path, registered: bool = True) -> StandIn:
    """A stand-in schtasks: /Create works, /Query says whether the task is there."""
    state = home.parent / "task-registered"
    if registered:
        state.write_text("")
    return stand_in(
        bin_of(home),
        "schtasks.EXE",
        f"state = {str(state)!r}\n"
        "if argv[0] == '/Create': open(state, 'w').close()\n"
        "if argv[0] == '/Delete': os.remove(state)\n"
        "if argv[0] == '/Query' and not os.path.exists(state): sys.exit(1)\n",
    )


def task(xml: bytes) -> ET.Element:
    assert xml.startswith(b"\xff\xfe")  # UTF-16 with its byte order mark, as schtasks wants
    return ET.fromstring(xml)


def text(root: ET.Element, path: str) -> str:
    found = root.find(path, TASK_NS)
    assert found is not None, path
    return found.text or ""


def test_a_task_is_registered_with_start_when_available_and_deleted(
    windows: Run, home: Path, rebound_home: Path
) -> None:
    tasks = schtasks(home, registered=False)
    result = windows(["remind", "--install", "--at", "7:30", "--yes"])
    assert result.exit_code == 0, result.output
    assert "On Windows, Task Scheduler will run it" in result.stdout
    [create] = tasks.calls()
    argv = create["argv"]
    assert argv[:4] == ["/Create", "/TN", "rebound-remind", "/XML"] and argv[5:] == ["/F"]
    assert not Path(argv[4]).exists()  # its temporary file is gone
    root = task(create["xml"])
    assert text(root, "t:Settings/t:StartWhenAvailable") == "true"
    trigger = "t:Triggers/t:CalendarTrigger"
    assert text(root, f"{trigger}/t:StartBoundary") == f"{pinned.TODAY.isoformat()}T07:30:00"
    assert text(root, f"{trigger}/t:ScheduleByDay/t:DaysInterval") == "1"
    assert text(root, "t:Principals/t:Principal/t:LogonType") == "InteractiveToken"
    assert text(root, "t:Actions/t:Exec/t:Command") == shell_rc.this_rebound()
    args = formats.windows_argv(text(root, "t:Actions/t:Exec/t:Arguments"))
    assert args == ["--lang", "en", "remind", "--daily", "schtasks", "--home", str(rebound_home)]
    for line in create["xml"].decode("utf-16").splitlines()[1:]:
        assert line.strip() in result.stdout  # shown before it was registered
    status = windows(["remind", "--status"])
    assert "set up with schtasks: Task Scheduler: rebound-remind" in status.stdout
    assert windows(["remind", "--uninstall"]).exit_code == 0
    assert tasks.argvs()[-2:] == [
        ["/Query", "/TN", "rebound-remind"],
        ["/Delete", "/TN", "rebound-remind", "/F"],
    ]
    assert "No daily reminder" in windows(["remind", "--uninstall"]).stdout


@pytest.mark.parametrize(
    "value",
    ['Dana\'s "folder" & co; é ü 日本', "trailing\\", 'quote\\"d', "two  spaces", " "],
)
def test_the_task_runs_the_same_program_and_folder_whatever_they_hold(
    windows: Run, home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str
) -> None:
    tasks = schtasks(home, registered=False)
    program = str(tmp_path / value / "rebound.exe")
    monkeypatch.setattr(shell_rc, "this_rebound", lambda: program)
    data = str(tmp_path / "data") + value
    monkeypatch.setenv("REBOUND_HOME", data)
    assert windows(["remind", "--install", "--yes"]).exit_code == 0
    root = task(tasks.calls()[0]["xml"])
    assert text(root, "t:Actions/t:Exec/t:Command") == program
    args = formats.windows_argv(text(root, "t:Actions/t:Exec/t:Arguments"))
    assert args[-2:] == ["--home", data]


@pytest.mark.parametrize("value", ["100%", "%USERPROFILE%", "line\nbreak", "bell\x07"])
def test_a_value_a_task_cannot_hold_is_refused(
    windows: Run, home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str
) -> None:
    tasks = schtasks(home, registered=False)
    monkeypatch.setenv("REBOUND_HOME", str(tmp_path / value))
    result = windows(["remind", "--install", "--yes"])
    assert result.exit_code == 2, result.output
    assert "Task Scheduler" in result.stderr and "Nothing was changed" in result.stderr
    assert tasks.calls() == []


def test_the_daily_task_reads_the_folder_it_names(
    run: Run,
    tmp_path: Path,
    rebound_home: Path,
    rebound_state: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Task Scheduler's run gets no environment: `--home` names the data folder."""
    start(run, tmp_path)
    monkeypatch.setenv("REBOUND_HOME", str(tmp_path / "elsewhere"))
    result = run(["remind", "--daily", "schtasks", "--home", str(rebound_home)], terminal=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("rebound: 3 things due")  # no desktop here: printed
    assert (rebound_state / "remind-ran.json").is_file()  # this computer's, not the synced folder's
    assert not (rebound_home / "remind-ran.json").exists()
    assert not (tmp_path / "elsewhere").exists()
    assert os.environ["REBOUND_HOME"] == str(tmp_path / "elsewhere")  # only while it ran
    refused = run(["remind", "--home", "relative/folder"], terminal=False)
    assert refused.exit_code == 2 and "whole path" in refused.stderr


def test_the_toast_gets_its_text_through_the_environment_never_as_script(
    windows: Run, run: Run, home: Path, tmp_path: Path
) -> None:
    powershell = stand_in(bin_of(home), "powershell.EXE")
    company = "x'); Remove-Item -Recurse C:\\ ; $(whoami) ('"
    start(run, tmp_path, company)
    assert windows(["remind"]).exit_code == 0
    [call] = powershell.calls()
    argv = call["argv"]
    assert argv[:4] == ["-NoProfile", "-NonInteractive", "-WindowStyle", "Hidden"]
    assert argv[4] == "-Command" and len(argv) == 6
    assert "Remove-Item" not in argv[5] and "rebound:" not in argv[5]
    assert "$env:REBOUND_TITLE" in argv[5] and "$env:REBOUND_BODY" in argv[5]
    assert call["env"]["REBOUND_TITLE"] == "rebound: 3 things due"
    assert call["env"]["REBOUND_BODY"].splitlines()[0].startswith(company + ": ")


def profile_said(home: Path, shell: str) -> Path:
    """A stand-in PowerShell that says where `$PROFILE` is (a moved, accented Documents)."""
    profile = home / "OneDrive" / "Documentos é" / "PowerShell" / "Microsoft.PowerShell_profile.ps1"
    said = base64.b64encode(str(profile).encode()).decode()
    stand_in(bin_of(home), shell, f"assert '$PROFILE' in argv[-1]; print({said!r})")
    return profile


@pytest.mark.parametrize("shell", ["powershell", "pwsh"])
@pytest.mark.parametrize(
    "theirs",
    [
        b"",
        b"Set-Alias ll Get-ChildItem\r\n",
        b"\xef\xbb\xbf# BOM\r\n$x = 1",
        b"\xff\xfe#\x00\r\x00\n\x00",
    ],
    ids=["new", "crlf", "utf8-bom-no-final-newline", "utf16"],
)
def test_the_powershell_profile_gets_one_marked_line_removed_exactly(
    run: Run, home: Path, shell: str, theirs: bytes
) -> None:
    profile = profile_said(home, shell + ".EXE" if sys.platform == "win32" else shell)
    profile.parent.mkdir(parents=True)
    profile.write_bytes(theirs)
    result = run(["nudge", "--install", shell], terminal=False)
    assert result.exit_code == 0, result.output
    assert str(profile) in result.stdout
    added = profile.read_bytes()
    text = added.decode("utf-16") if theirs.startswith(b"\xff\xfe") else added.decode("utf-8")
    [line] = [ln for ln in text.splitlines() if "rebound nudge (added by" in ln]
    literal = line[line.index("-LiteralPath ") + len("-LiteralPath ") :]
    path, _ = formats.powershell_string(literal)
    assert path == shell_rc.this_rebound()
    assert line.startswith("if (-not [Console]::IsOutputRedirected -and (Test-Path")
    assert run(["nudge", "--uninstall", shell], terminal=False).exit_code == 0
    assert profile.read_bytes() == theirs


@pytest.mark.parametrize(
    "value", [HOSTILE, "it\u2019s \u2018curly\u2019 \u201a\u201b", "''", "a'b"]
)
def test_a_powershell_line_names_the_same_rebound_whatever_its_path_holds(value: str) -> None:
    line = shell_rc.line_for("powershell", value)
    literal = line[line.index("-LiteralPath ") + len("-LiteralPath ") :]
    path, rest = formats.powershell_string(literal)
    assert path == value and rest.startswith("))")
    call = rest[rest.index("& ") + 2 :]
    again, after = formats.powershell_string(call)
    assert again == value and after.startswith(" nudge }")


@pytest.mark.parametrize("value", [HOSTILE, "\\'", "end\\", "'"])
def test_a_fish_line_names_the_same_rebound_whatever_its_path_holds(value: str) -> None:
    line = shell_rc.line_for("fish", value)
    test = line[line.index("test -x ") + len("test -x ") :]
    path, rest = formats.fish_string(test)
    assert path == value and rest.startswith("; ")
    again, after = formats.fish_string(rest[2:])
    assert again == value and after.startswith(" nudge; end")


def test_on_windows_the_nudge_goes_to_powershell_by_default(windows: Run, home: Path) -> None:
    profile = profile_said(home, "powershell.EXE")
    assert windows(["nudge", "--install"]).exit_code == 0
    assert len(profile.read_bytes().splitlines()) == 1


# --- the choice: said, and made with --via; --status ------------------------------------------


def systemd_here(home: Path) -> StandIn:
    return stand_in(bin_of(home), "systemctl")


def test_via_picks_cron_where_systemd_would_be_chosen(run: Run, home: Path, tmp_path: Path) -> None:
    systemctl = systemd_here(home)
    table = tmp_path / "table"
    crontab(bin_of(home), table)
    result = run(["remind", "--install", "--via", "cron", "--yes"], terminal=False)
    assert result.exit_code == 0, result.output
    assert "You chose cron with --via." in result.stdout
    assert b"--daily cron" in table.read_bytes()
    assert systemctl.argvs() == []  # not even asked
    assert not (home / ".config" / "systemd").exists()


def test_via_works_wherever_its_program_is_found(run: Run, home: Path) -> None:
    launchctl = stand_in(bin_of(home), "launchctl")  # on Linux: --via launchd still works
    result = run(["remind", "--install", "--via", "launchd", "--yes"], terminal=False)
    assert result.exit_code == 0, result.output
    assert (home / "Library" / "LaunchAgents" / "rebound-remind.plist").is_file()
    assert launchctl.argvs()[0][0] == "bootstrap"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--install", "--via", "schtasks"], "can't use schtasks here"),
        (["--install", "--via", "anacron"], "not a scheduler rebound knows"),
        (["--via", "cron"], "goes with --install"),
        (["--install", "--status"], "Choose one"),
    ],
)
def test_a_choice_that_cannot_be_made_changes_nothing(
    run: Run, home: Path, args: list[str], said: str
) -> None:
    systemd_here(home)
    result = run(["remind", *args, "--yes"], terminal=False)
    assert result.exit_code == 2, result.output
    assert said in result.stderr and "Nothing was changed" in result.stderr
    assert not (home / ".config").exists()


def test_status_says_where_and_when_it_last_ran(
    run: Run, home: Path, tmp_path: Path, rebound_home: Path
) -> None:
    systemd_here(home)
    result = run(["remind", "--status"], terminal=False)
    assert (result.exit_code, result.stdout) == (
        0,
        "No daily reminder is set up. `rebound remind --install` sets one up.\n",
    )
    assert run(["remind", "--install", "--yes"], terminal=False).exit_code == 0
    units = home / ".config" / "systemd" / "user"
    result = run(["remind", "--status"], terminal=False)
    assert result.stdout.splitlines() == [
        f"The daily reminder is set up with systemd: {units / 'rebound-remind.service'}, "
        f"{units / 'rebound-remind.timer'}.",
        "It hasn't run yet.",
    ]
    start(run, tmp_path)
    assert run(["remind"], terminal=False).exit_code == 0  # a person's own run is not the daily
    assert "It hasn't run yet." in run(["remind", "--status"], terminal=False).stdout
    assert run(["remind", "--daily", "systemd"], terminal=False).exit_code == 0
    now = pinned.NOW.astimezone()
    said = run(["remind", "--status"], terminal=False).stdout.splitlines()[-1]
    assert said.startswith(f"It last ran on {now.date().isoformat()} at ")
    assert said.endswith("(started by systemd).")


def test_uninstall_removes_every_daily_run_rebound_set_up(
    run: Run, home: Path, tmp_path: Path
) -> None:
    systemd_here(home)
    stand_in(bin_of(home), "launchctl")
    table = tmp_path / "table"
    crontab(bin_of(home), table)
    for via in ("systemd", "launchd", "cron"):
        assert run(["remind", "--install", "--via", via, "--yes"], terminal=False).exit_code == 0
    result = run(["remind", "--uninstall"], terminal=False)
    assert result.exit_code == 0, result.output
    assert "rebound-remind.service" in result.stdout and "rebound-remind.plist" in result.stdout
    assert "crontab" in result.stdout
    assert table.read_bytes() == b""
    assert run(["remind", "--status"], terminal=False).stdout.startswith("No daily reminder")

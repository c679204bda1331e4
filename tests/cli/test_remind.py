"""`rebound remind`: a notification through the platform's notifier (a stand-in here), once a
day, printed without a desktop; and the daily run it sets up (systemd timer or crontab line)."""

from __future__ import annotations

import json
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from rebound.system import crontab as crontab_module
from rebound.system import reminders, shell_rc
from tests.cli.test_nudge import start
from tests.helpers import Run


def stand_in(folder: Path, name: str, script: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def bin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of stand-in commands, the only one on PATH."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


@pytest.fixture
def sent(bin_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in notify-send on a desktop; the file it records each notification in."""
    log = tmp_path / "notify.log"
    stand_in(
        bin_dir, "notify-send", f'printf "%s\\036" "$@" >> "{log}"; printf "\\035" >> "{log}"\n'
    )
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return log


def notifications(log: Path) -> list[list[str]]:
    if not log.exists():
        return []
    calls = log.read_text().split("\x1d")[:-1]
    return [call.rstrip("\x1e").split("\x1e") for call in calls]


def test_a_notification_once_a_day(
    run: Run, tmp_path: Path, sent: Path, rebound_home: Path, rebound_state: Path
) -> None:
    start(run, tmp_path)
    result = run(["remind"], terminal=False)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # the desktop showed it
    [(app, end, title, body)] = notifications(sent)
    assert (app, end) == ("--app-name=rebound", "--")  # the person's text is never an option
    assert title == "rebound: 3 things due"
    # What to do, not "Thank-you email sent to ..." that reads as done (issue 22, item 8).
    assert body.splitlines() == [
        "Globex: Work on your fix: Read the Spark docs (2 days overdue)",
        "Globex: Send your thank-you email to Dana Smith (today)",  # due the day it was written
        "Globex: Work on your fix: Practise telling impact stories (today)",
    ]
    run(["remind"], terminal=False)
    assert len(notifications(sent)) == 1  # announced once today
    state = json.loads((rebound_state / reminders.REMINDED).read_text())
    state["day"] = (date.today() - timedelta(days=1)).isoformat()  # as if it were yesterday's
    (rebound_state / reminders.REMINDED).write_text(json.dumps(state))
    run(["remind"], terminal=False)
    assert len(notifications(sent)) == 2  # a new day: what is still due is said again


def test_a_new_item_due_later_the_same_day_is_announced(
    run: Run, tmp_path: Path, sent: Path
) -> None:
    start(run, tmp_path)
    run(["remind"], terminal=False)
    start(run, tmp_path, "Initech")
    run(["remind"], terminal=False)
    assert [n[2] for n in notifications(sent)] == ["rebound: 3 things due", "rebound: 6 things due"]


def test_printed_without_a_desktop(
    run: Run, tmp_path: Path, sent: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY")
    start(run, tmp_path)
    result = run(["remind"], terminal=False)
    assert result.exit_code == 0
    assert notifications(sent) == []
    assert result.stdout.splitlines() == [
        "rebound: 3 things due",
        "  Globex: Work on your fix: Read the Spark docs (2 days overdue)",
        "  Globex: Send your thank-you email to Dana Smith (today)",
        "  Globex: Work on your fix: Practise telling impact stories (today)",
        "  `rebound todo` shows them all, with the commands that tick them off.",
    ]
    assert run(["remind"], terminal=False).stdout == ""  # once a day, printed or shown


def test_printed_when_the_notifier_fails(
    run: Run, tmp_path: Path, bin_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in(bin_dir, "notify-send", "exit 1\n")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    start(run, tmp_path)
    assert run(["remind"], terminal=False).stdout.startswith("rebound: 3 things due\n")


def test_nothing_due_is_silence(run: Run, sent: Path) -> None:
    result = run(["remind"], terminal=False)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert notifications(sent) == []


# --- --install / --uninstall: systemd ---------------------------------------------------------


@pytest.fixture
def systemctl(bin_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in `systemctl` that works; the file it records its calls in."""
    log = tmp_path / "systemctl.log"
    stand_in(bin_dir, "systemctl", f'echo "$@" >> "{log}"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return log


def units(tmp_path: Path) -> Path:
    return tmp_path / "config" / "systemd" / "user"


def test_install_writes_a_timer_and_turns_it_on(
    run: Run, tmp_path: Path, systemctl: Path, rebound_home: Path
) -> None:
    result = run(["remind", "--install", "--at", "7:30", "--yes"], terminal=False)
    assert result.exit_code == 0, result.output
    service = (units(tmp_path) / "rebound-remind.service").read_text()
    timer = (units(tmp_path) / "rebound-remind.timer").read_text()
    rebound = shell_rc.this_rebound()
    assert Path(rebound).is_absolute()
    assert "[Service]\nType=oneshot\n" in service
    assert f'Environment="REBOUND_HOME={rebound_home}"\n' in service
    assert service.endswith(f'ExecStart="{rebound}" "--lang" "en" "remind" "--daily" "systemd"\n')
    assert "[Timer]\nOnCalendar=*-*-* 07:30:00\nPersistent=true\n" in timer
    assert timer.endswith("[Install]\nWantedBy=timers.target\n")
    assert "This computer runs systemd" in result.stdout  # what it uses, and why
    for line in (*service.splitlines(), *timer.splitlines()):
        assert line in result.stdout  # shown before it was written
    assert systemctl.read_text().splitlines() == [
        "--user show-environment",
        "--user daemon-reload",
        "--user enable --now rebound-remind.timer",
    ]
    assert "every day at 07:30" in result.stdout

    result = run(["remind", "--uninstall"], terminal=False)
    assert result.exit_code == 0, result.output
    assert not list(units(tmp_path).iterdir())
    assert systemctl.read_text().splitlines()[-2:] == [
        "--user disable --now rebound-remind.timer",
        "--user daemon-reload",
    ]
    again = run(["remind", "--uninstall"], terminal=False)
    assert "No daily reminder" in again.stdout


def test_install_asks_first_on_a_terminal(run: Run, tmp_path: Path, systemctl: Path) -> None:
    result = run(["remind", "--install"], "n\r")
    assert result.exit_code == 0, result.output
    assert "Nothing was changed." in result.stdout
    assert not units(tmp_path).exists()
    result = run(["remind", "--install"], "y\r")
    assert result.exit_code == 0, result.output
    assert (units(tmp_path) / "rebound-remind.timer").is_file()


def test_install_needs_a_yes_without_a_terminal(run: Run, tmp_path: Path, systemctl: Path) -> None:
    result = run(["remind", "--install"], terminal=False)
    assert result.exit_code == 2
    assert "--yes" in result.stderr
    assert not units(tmp_path).exists()


@pytest.mark.parametrize("at", ["25:00", "9", "9:5", "nine"])
def test_a_bad_time_changes_nothing(run: Run, tmp_path: Path, systemctl: Path, at: str) -> None:
    result = run(["remind", "--install", "--at", at, "--yes"], terminal=False)
    assert result.exit_code == 2
    assert "HH:MM" in result.stderr
    assert not units(tmp_path).exists()


def test_systemctl_refusing_is_a_clear_failure(
    run: Run, tmp_path: Path, bin_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    stand_in(
        bin_dir,
        "systemctl",
        'case "$2" in show-environment) exit 0;; esac; echo "Unit not found." >&2; exit 5\n',
    )
    result = run(["remind", "--install", "--yes"], terminal=False)
    assert result.exit_code == 1
    assert "Unit not found." in result.stderr and "Traceback" not in result.output


# --- --install / --uninstall: cron ------------------------------------------------------------


@pytest.fixture
def crontab(bin_dir: Path, tmp_path: Path) -> Path:
    """No systemd, and a stand-in `crontab` keeping the table in a file, which is returned."""
    table = tmp_path / "crontab.txt"
    stand_in(bin_dir, "systemctl", "echo 'Failed to connect to bus' >&2; exit 1\n")
    stand_in(
        bin_dir,
        "crontab",
        f'if [ "$1" = "-l" ]; then\n'
        f'  [ -f "{table}" ] || {{ echo "no crontab for you" >&2; exit 1; }}\n'
        f'  /bin/cat "{table}"\n'
        f'else\n  /bin/cat "$1" > "{table}"\nfi\n',
    )
    return table


MINE = "# mine\nMAILTO=me@example.com\n0 8 * * * rebound remind  # rebound-remind, by hand\n"


def test_install_adds_one_marked_crontab_line(run: Run, crontab: Path) -> None:
    crontab.write_text(MINE)
    result = run(["remind", "--install", "--at", "08:15", "--yes"], terminal=False)
    assert result.exit_code == 0, result.output
    text = crontab.read_text()
    [added] = [line for line in text.splitlines() if crontab_module.MARK in line]
    assert text == added + "\n" + MINE  # first, and the person's lines as they were
    assert added.startswith("15 8 * * * ")
    assert f"{shell_rc.this_rebound()} --lang en remind --daily cron" in added
    assert "There is no systemd or launchd here" in result.stdout  # what it uses, and why
    assert added in result.stdout  # shown before it was written
    run(["remind", "--install", "--at", "08:15", "--yes"], terminal=False)
    assert crontab.read_text() == text  # never twice
    assert run(["remind", "--uninstall"], terminal=False).exit_code == 0
    assert crontab.read_text() == MINE  # the look-alike line the person wrote is still there


def test_cron_from_an_empty_crontab(run: Run, crontab: Path) -> None:
    assert run(["remind", "--install", "--yes"], terminal=False).exit_code == 0
    assert "0 9 * * * " in crontab.read_text()


def test_no_scheduler_at_all(run: Run, bin_dir: Path) -> None:
    result = run(["remind", "--install", "--yes"], terminal=False)
    assert result.exit_code == 2
    assert "no scheduler rebound knows" in result.stderr


def test_a_contact_due_by_their_cadence_is_reminded_of(
    run: Run, tmp_path: Path, sent: Path
) -> None:
    start(run, tmp_path)
    reached = (date.today() - timedelta(days=40)).isoformat()  # a head hunter: every 4 weeks
    assert run(["contacts", "log", "Priya", "--on", reached]).exit_code == 0
    assert run(["remind"], terminal=False).exit_code == 0
    [(_, _, title, body)] = notifications(sent)
    assert title == "rebound: 4 things due"
    line = "People to reach out to: Keep in touch with Priya (every 4 weeks) (12 days overdue)"
    assert line in body.splitlines()  # not "Globex": they work elsewhere (issue 22)

"""`rebound nudge --install` and `--uninstall` on the start-up files people really have: every
line ending, encoding, mode and link shape. Only rebound's marked line is added or removed;
every other byte stays (issue 19, item 3), and the line's own values are quoted for the shell
that reads them, or refused (item 1)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from rebound.system import shell_rc
from tests.helpers import Run
from tests.standins import stand_in

pytestmark = pytest.mark.posix

MARK = b"# rebound nudge (added by `rebound nudge --install`)"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    for name in ("ZDOTDIR", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    return folder


def marked(data: bytes) -> list[bytes]:
    return [line for line in data.split(b"\n") if MARK in line]


@pytest.mark.parametrize(
    "theirs",
    [
        b"export A=1\r\nalias ll='ls -l'\r\n",  # CRLF
        b"export A=1\nalias ll='ls -l'",  # no final newline
        b"export A=1\r\nalias ll='ls -l'",  # CRLF, no final newline
        b"# caf\xe9 (Latin-1)\nexport B='\xff'\n",  # not UTF-8
        b"trailing spaces   \n\tindented\n\n\n",
        b"",
    ],
    ids=["crlf", "no-final-newline", "crlf-no-final-newline", "latin-1", "spaces", "empty"],
)
def test_install_and_uninstall_keep_every_other_byte(run: Run, home: Path, theirs: bytes) -> None:
    rc = home / ".bashrc"
    rc.write_bytes(theirs)
    result = run(["nudge", "--install", "bash"], terminal=False)
    assert result.exit_code == 0, result.output
    added = rc.read_bytes()
    assert added.startswith(theirs)  # only added to
    assert len(marked(added)) == 1
    crlf = b"\r\n" in theirs  # in the file's own line endings:
    assert added.count(b"\r\n") == (added.count(b"\n") if crlf else 0)
    assert run(["nudge", "--install", "bash"], terminal=False).exit_code == 0
    assert rc.read_bytes() == added
    result = run(["nudge", "--uninstall", "bash"], terminal=False)
    assert result.exit_code == 0, result.output
    assert rc.read_bytes() == theirs


def test_a_read_only_file_is_left_as_it_is(run: Run, home: Path) -> None:
    rc = home / ".bashrc"
    rc.write_bytes(b"export A=1\n")
    rc.chmod(0o444)
    result = run(["nudge", "--install", "bash"], terminal=False)
    assert result.exit_code == 1, result.output
    assert "read-only" in result.stderr and "Traceback" not in result.output
    assert "\n\n" not in result.stderr.strip()
    assert rc.read_bytes() == b"export A=1\n"
    assert os.stat(rc).st_mode & 0o777 == 0o444
    assert [p.name for p in home.iterdir()] == [".bashrc"]  # no temporary file left either


def test_a_chain_of_links_is_followed_to_its_file(run: Run, home: Path, tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "bash" / "bashrc"
    real.parent.mkdir(parents=True)
    real.write_bytes(b"export A=1\r\n")
    (tmp_path / "dotfiles" / "link").symlink_to(Path("bash") / "bashrc")  # a relative link
    (home / ".bashrc").symlink_to(tmp_path / "dotfiles" / "link")
    assert run(["nudge", "--install", "bash"], terminal=False).exit_code == 0
    assert (home / ".bashrc").is_symlink() and (tmp_path / "dotfiles" / "link").is_symlink()
    assert len(marked(real.read_bytes())) == 1
    assert run(["nudge", "--uninstall", "bash"], terminal=False).exit_code == 0
    assert real.read_bytes() == b"export A=1\r\n"


def test_a_link_to_a_file_not_there_yet_makes_it(run: Run, home: Path, tmp_path: Path) -> None:
    (home / ".zshrc").symlink_to(tmp_path / "dotfiles" / "zshrc")
    (tmp_path / "dotfiles").mkdir()
    assert run(["nudge", "--install", "zsh"], terminal=False).exit_code == 0
    assert (home / ".zshrc").is_symlink()
    assert len(marked((tmp_path / "dotfiles" / "zshrc").read_bytes())) == 1


def test_a_link_loop_is_refused_plainly(run: Run, home: Path) -> None:
    (home / ".bashrc").symlink_to(home / ".bashrc.d")
    (home / ".bashrc.d").symlink_to(home / ".bashrc")
    for verb in ("--install", "--uninstall"):
        result = run(["nudge", verb, "bash"], terminal=False)
        assert result.exit_code == 1, result.output
        assert "link" in result.stderr and "Traceback" not in result.output
        assert "did not expect" not in result.stderr
    assert sorted(p.name for p in home.iterdir()) == [".bashrc", ".bashrc.d"]


def test_a_relative_xdg_config_home_counts_as_unset(
    run: Run, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.setenv("XDG_CONFIG_HOME", "config")
    assert run(["nudge", "--install", "fish"], terminal=False).exit_code == 0
    assert not list(here.iterdir())
    assert len(marked((home / ".config" / "fish" / "config.fish").read_bytes())) == 1


SNEAKY = 'it\'s "mine" $HOME `id` \\ %s ; & é'


@pytest.mark.parametrize("shell", ["bash", "sh", "zsh", "fish"])
def test_the_line_runs_the_same_rebound_whatever_its_path_holds(
    home: Path, tmp_path: Path, shell: str
) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"no {shell} here")
    program = stand_in(tmp_path / SNEAKY, "rebound")
    line = shell_rc.line_for("fish" if shell == "fish" else "bash", str(program.path))
    script = tmp_path / "rc"
    script.write_text(line + "\n", encoding="utf-8")
    # `[ -t 1 ]`: the line runs only on a terminal, so give it one (script(1) makes a pty).
    if shutil.which("script") is None:
        pytest.skip("no script(1) here to give the line a terminal")
    done = subprocess.run(
        ["script", "-qec", f"{shell} {script}", "/dev/null"],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        check=False,
        timeout=30,
    )
    assert done.returncode == 0, done
    assert program.argvs() == [["nudge"]]


@pytest.mark.parametrize("bad", ["with\nnewline", "with\rreturn"])
def test_a_program_path_no_line_can_hold_is_refused(
    run: Run, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bad: str
) -> None:
    monkeypatch.setattr(shell_rc, "this_rebound", lambda: str(tmp_path / bad / "rebound"))
    (home / ".bashrc").write_bytes(b"export A=1\n")
    result = run(["nudge", "--install", "bash"], terminal=False)
    assert result.exit_code == 2, result.output
    assert "Nothing was changed" in result.stderr and "\n\n" not in result.stderr.strip()
    assert (home / ".bashrc").read_bytes() == b"export A=1\n"


def test_a_path_that_is_not_utf8_is_written_as_its_bytes_and_shown_spelled_out(
    run: Run, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the hostile suite: showing such a line before writing it ended in "did not
    expect (UnicodeEncodeError)"."""
    program = str(tmp_path / "caf\udce9" / "rebound")  # the byte 0xE9, a Latin-1 folder name
    monkeypatch.setattr(shell_rc, "this_rebound", lambda: program)
    result = run(["nudge", "--install", "bash"], terminal=False)
    assert result.exit_code == 0, result.output
    assert "caf\\xe9/rebound" in result.stdout
    assert os.fsencode(program) in (home / ".bashrc").read_bytes()

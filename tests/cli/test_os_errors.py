"""Ordinary OS errors (a name too long, a full device, a closed pipe) get a plain message."""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CONTENT
from tests.helpers import Run

FIXTURE = Path(__file__).parent.parent / "fixtures" / "sessions" / "v1-finished.json"
LONG = "a" * 300
UNEXPECTED = "did not expect"


@pytest.fixture
def one_session(rebound_home: Path) -> None:
    """A saved session, so that ids are looked up on disk rather than refused at once."""
    (rebound_home / "sessions").mkdir(parents=True)
    # Under its own id: a file named otherwise is a copy, and is set aside (Store.load).
    shutil.copy(FIXTURE, rebound_home / "sessions" / "2026-11-25-globex.json")


def long_name_commands(tmp: Path) -> list[list[str]]:
    """Every way the hostile run reached ENAMETOOLONG: ids, output paths, input paths."""
    path = str(tmp / LONG)
    return [
        ["show", LONG],
        ["delete", LONG, "--yes"],
        ["done", "--session", LONG],
        ["continue", "--session", LONG],
        ["summary", "--session", LONG],
        ["export", LONG],
        ["export", "-o", path],
        ["data", "export", path],
        ["start", "--answers", path],
        ["content", "validate", path],
        ["--content", path, "list"],
        ["--content", path, "start"],
    ]


@pytest.mark.usefixtures("one_session")
@pytest.mark.parametrize("index", range(len(long_name_commands(Path("/x")))))
def test_a_name_too_long_is_said_plainly(run: Run, tmp_path: Path, index: int) -> None:
    args = long_name_commands(tmp_path)[index]
    result = run(args)
    # A session id that matches nothing is bad input (2); a path the OS refuses, a failure (1).
    assert result.exit_code == (2 if LONG in args else 1), result.output
    assert UNEXPECTED not in result.stderr
    assert "Traceback" not in result.output
    if LONG in args:  # an id: no session can have it (Store.resolve), so it is simply not there
        assert "There is no session" in result.stderr
    else:  # a path: the OS refused it, and the message says why
        assert "the name is too long" in result.stderr


def test_a_path_through_a_file_names_the_path(run: Run, tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("not a folder")
    result = run(["export", "-o", str(tmp_path / "plain" / "out.md")])
    assert UNEXPECTED not in result.stderr
    assert result.exit_code in (1, 2), result.output


def test_the_message_reads_the_errno(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from rebound.app import describe_os_error

    read_only = OSError(errno.EROFS, "Read-only file system", "/mnt/cd/out.md")
    assert "/mnt/cd/out.md: it is on a read-only disk." in describe_os_error(read_only)
    denied = PermissionError(errno.EACCES, "Permission denied", "/root/x")
    assert "not allowed" in describe_os_error(denied)
    odd = OSError(errno.EXFULL, "Exchange full", "/x")
    assert "exchange full" in describe_os_error(odd)
    assert "Could not write the output" in describe_os_error(OSError(errno.ENOSPC, "full"))
    very_long = describe_os_error(OSError(errno.ENAMETOOLONG, "too long", "/" + "b" * 5000))
    assert len(very_long) < 500 and "(5001 characters)" in very_long


def run_exe(exe: str, env: dict[str, str], *args: str, stdout: Any) -> Any:
    """The installed rebound with stdout sent where the test says, stderr captured."""
    return subprocess.run(
        [exe, *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=20,
        check=False,
    )


# --- the output: a closed pipe, a full device (the installed rebound, as a shell runs it) ---


def closed_pipe() -> int:
    """The writing end of a pipe whose reader has gone, as after `| head -0`."""
    read, write = os.pipe()
    os.close(read)
    return write


@pytest.mark.usefixtures("one_session")
@pytest.mark.parametrize("args", [["export"], ["list"], ["--help"]])
def test_a_closed_pipe_ends_quietly(exe: str, env: dict[str, str], args: list[str]) -> None:
    write = closed_pipe()
    try:
        result = run_exe(exe, env, *args, stdout=write)
    finally:
        os.close(write)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""


@pytest.mark.usefixtures("one_session")
@pytest.mark.parametrize("args", [["list"], ["export"], ["--help"]])
def test_a_full_device_says_so(exe: str, env: dict[str, str], args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = run_exe(exe, env, *args, stdout=full)
    assert result.returncode == 1
    assert "Could not write the output: there is no space left" in result.stderr
    assert UNEXPECTED not in result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_output_flushed_after_the_command_is_handled_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What is still buffered when the command returns is flushed by main, not at exit."""
    from rebound import app as app_module
    from rebound import cli

    class Closed(io.StringIO):
        def flush(self) -> None:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    def command(**_: Any) -> None:
        sys.stdout.write("buffered, never flushed")
        raise SystemExit(0)

    monkeypatch.setattr(app_module, "app", command)
    monkeypatch.setattr(sys, "stdout", Closed())
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert ended.value.code == 1
    assert capsys.readouterr().err == ""


# --- content new: never into the pack it copies, never a partial copy ---


@pytest.mark.parametrize("where", [".", "mine", "steps/mine", "steps"])
def test_content_new_refuses_a_folder_inside_the_pack(
    run: Run, content_copy: Path, where: str
) -> None:
    before = sorted(str(p) for p in content_copy.rglob("*"))
    result = run(["--content", str(content_copy), "content", "new", str(content_copy / where)])
    assert result.exit_code == 2, result.output
    assert UNEXPECTED not in result.stderr
    assert sorted(str(p) for p in content_copy.rglob("*")) == before


def test_content_new_refuses_a_link_into_the_pack(
    run: Run, content_copy: Path, tmp_path: Path
) -> None:
    (tmp_path / "link").symlink_to(content_copy / "steps")
    result = run(["--content", str(content_copy), "content", "new", str(tmp_path / "link/mine")])
    assert result.exit_code == 2, result.output
    assert "inside the content" in result.stderr


def test_content_new_leaves_nothing_when_the_copy_fails(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[str] = []
    real = shutil.copyfile

    def copyfile(src: str, dst: str, **kwargs: Any) -> Any:
        if len(copied) == 3:
            raise OSError(errno.ENOSPC, "No space left on device", dst)
        copied.append(dst)
        return real(src, dst, **kwargs)

    monkeypatch.setattr(shutil, "copyfile", copyfile)
    result = run(["content", "new", str(tmp_path / "mine")])
    assert result.exit_code == 2, result.output
    assert "no space left" in result.stderr
    assert len(copied) == 3
    assert not (tmp_path / "mine").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".mine")] == []
    assert (CONTENT / "coach.yaml").is_file()


def test_an_oserror_without_errno_is_still_unexpected(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not the OS speaking (shutil.Error, io.UnsupportedOperation): reported, never a traceback."""

    def broken(ctx: object) -> Path:
        raise shutil.Error([("a", "b", "why")])

    monkeypatch.setattr("rebound.commands.content.content_folder", broken)
    result = run(["content", "path"])
    assert result.exit_code == 1
    assert "did not expect (Error)" in result.stderr

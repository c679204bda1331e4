"""Every command against ordinary OS errors: a name too long, a path through a file, a full
stdout, a closed stdout pipe. Each must end with rebound's own message (or none, for a closed
pipe) and a house exit code, never "did not expect" or a traceback.

The commands and their parameters are read from the app itself, so a new command or option is
swept without being listed here. Runs are in-process (the real entry point, `cli.main`, with a
stdout that fails the way the OS makes it fail), plus a few runs of the installed `rebound`.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from rebound import cli
from rebound.app import app
from rebound.system import gc_tuning
from tests.conftest import Figures

FIXTURE = Path(__file__).parent.parent / "fixtures" / "sessions" / "v1-finished.json"
SESSION = "2026-11-25-globex"
LONG = "a" * 300
UNEXPECTED = "did not expect"
HOUSE_CODES = {0, 1, 2, 130}

# A value that works for each parameter, so that only the one under test is hostile.
GOOD: dict[str, str] = {
    "session": SESSION,
    "session_id": SESSION,
    "ref": "1",
    "items": "thank-you-sent",
    "step": "reflect",
    "fmt": "md",
    "weeks": "2",
    "count": "1",
    "seconds": "5",
}


@dataclass(frozen=True)
class Param:
    name: str
    flag: str | None  # the option's name, or None for an argument
    is_path: bool
    required: bool


def commands() -> Iterator[tuple[list[str], list[Param]]]:
    """Every leaf command of the app, with the parameters that take a value."""
    root: Any = typer.main.get_command(app)
    ctx = root.make_context("rebound", ["list"])

    def walk(cmd: Any, prefix: list[str]) -> Iterator[tuple[list[str], list[Param]]]:
        if hasattr(cmd, "list_commands"):
            for name in cmd.list_commands(ctx):
                yield from walk(cmd.get_command(ctx, name), [*prefix, name])
            return
        params = []
        for p in cmd.params:
            if p.name == "help" or getattr(p, "is_flag", False):
                continue
            flag = p.opts[0] if p.opts[0].startswith("-") else None
            params.append(Param(p.name, flag, _is_path(p), bool(p.required)))
        yield prefix, params

    yield from walk(root, [])


def _is_path(param: Any) -> bool:
    """Typer 0.26 describes a parameter's annotation; Click before it, its type."""
    described = getattr(param, "type_descriptor", None)
    kind = getattr(described, "annotation", None) if described else getattr(param, "type", None)
    return "path" in repr(kind).lower()


def invocation(
    words: list[str], params: list[Param], hostile: Param | None, value: str, tmp: Path
) -> list[str]:
    args = list(words)
    for p in params:
        if p is hostile:
            given = value
        elif p.required or p.name in ("session", "items"):
            given = str(tmp / f"good-{p.name}") if p.is_path else GOOD.get(p.name, "x")
        else:
            continue
        args += [p.flag, given] if p.flag else [given]
    if words[-1] in ("delete", "remove", "wipe"):
        args.append("--yes")
    return args


def hostile_values(tmp: Path, is_path: bool) -> dict[str, str]:
    if is_path:
        return {"long name": str(tmp / LONG), "path through a file": str(tmp / "plain" / "x")}
    return {"long name": LONG, "path through a file": "plain/x"}


class FailingRaw(io.RawIOBase):
    """A stdout whose writes fail as the OS makes them fail: a full device, a closed pipe.

    Its file descriptor is a throwaway one of its own, so that the Python docs' recipe (which
    rebound and Rich both follow: point the descriptor at os.devnull) never touches the test
    process's real stdout.
    """

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error
        self.attempted = False
        self.fd = os.open(os.devnull, os.O_WRONLY)

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        super().close()

    def write(self, data: Any) -> int:
        self.attempted = True
        raise self.error


@dataclass
class Outcome:
    code: object
    stderr: str
    crashed: BaseException | None


def run_main(args: list[str], stdout: io.TextIOBase | None = None) -> Outcome:
    """`rebound ARGS` through the real entry point, in-process; no keys (a prompt sees Ctrl-D).

    Its own MonkeyPatch, undone at the end: the test's (which keeps REBOUND_HOME) stays as is.
    """
    err = io.StringIO()
    crashed: BaseException | None = None
    code: object = None
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("rebound.terminal.prompts.stdin_is_terminal", lambda: True)
        mp.setattr(gc_tuning, "pause", lambda: None)  # the test process keeps its collector
        mp.setattr(gc_tuning, "finish", lambda: None)
        mp.setattr(sys, "argv", ["rebound", *args])
        mp.setattr(sys, "stderr", err)
        mp.setattr(sys, "stdout", stdout or io.StringIO())
        with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
            inp.close()
            try:
                cli.main()
                code = 0  # returned: the process ends with status 0
            except SystemExit as exc:
                code = exc.code if exc.code is not None else 0
            except BaseException as exc:  # anything else is what this test looks for
                crashed = exc
    return Outcome(code, err.getvalue(), crashed)


def handled(outcome: Outcome) -> bool:
    return (
        outcome.crashed is None
        and outcome.code in HOUSE_CODES
        and UNEXPECTED not in outcome.stderr
        and "Traceback" not in outcome.stderr
    )


def seed(home: Path) -> None:
    """The saved session every run starts from (a `delete --yes` or `data wipe --yes` that
    succeeds would otherwise change what the runs after it see)."""
    (home / "sessions").mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURE, home / "sessions" / f"{SESSION}.json")


@pytest.fixture
def world(rebound_home: Path, tmp_path: Path) -> Path:
    """A saved session, and a plain file to put paths through."""
    seed(rebound_home)
    (tmp_path / "plain").write_text("a file, not a folder")
    return tmp_path


def test_every_command_names_an_os_error_plainly(world: Path, figures: Figures) -> None:
    tried, failures = 0, []
    for words, params in commands():
        cases: list[list[str]] = []
        for p in params:
            for value in hostile_values(world, p.is_path).values():
                cases.append(invocation(words, params, p, value, world))
        for value in hostile_values(world, True).values():  # the content folder, for every command
            cases.append(["--content", value, *invocation(words, params, None, "", world)])
        for args in cases:
            tried += 1
            seed(Path(os.environ["REBOUND_HOME"]))
            outcome = run_main(args)
            if not handled(outcome):
                failures.append((args, outcome))
    figures.add("hostile: OS errors, no unexpected error", tried - len(failures), tried)
    assert tried > 60
    assert not failures, [
        (" ".join(a)[:120], o.code, o.stderr[:200], o.crashed) for a, o in failures
    ]


STDOUT_ERRORS = {
    "full device": OSError(errno.ENOSPC, "No space left on device"),
    "closed pipe": BrokenPipeError(errno.EPIPE, "Broken pipe"),
}


@pytest.mark.parametrize("kind", sorted(STDOUT_ERRORS))
def test_every_command_survives_a_failing_stdout(world: Path, figures: Figures, kind: str) -> None:
    tried, failures = 0, []
    for words, params in [*commands(), (["--help"], []), (["--version"], [])]:
        raw = FailingRaw(STDOUT_ERRORS[kind])
        stdout = io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8")
        args = invocation(words, params, None, "", world)
        seed(Path(os.environ["REBOUND_HOME"]))
        outcome = run_main(args, stdout)
        raw.close()
        tried += 1
        ok = handled(outcome)
        if words == ["nudge"]:  # a shell's start-up line: silent and 0, whatever stdout does
            ok = ok and outcome.code == 0 and not outcome.stderr
        elif raw.attempted:  # it had something to say: exit 1, said on stderr or (a pipe) not
            ok = ok and outcome.code == 1
            said = "Could not write the output" in outcome.stderr
            ok = ok and (said if kind == "full device" else not said)
        if not ok:
            failures.append((args, outcome))
    figures.add("hostile: OS errors, no unexpected error", tried - len(failures), tried)
    assert not failures, [
        (" ".join(a)[:120], o.code, o.stderr[:200], o.crashed) for a, o in failures
    ]


def closed_pipe() -> int:
    read, write = os.pipe()
    os.close(read)
    return write


@pytest.mark.parametrize("args", [["summary"], ["todo"]])
def test_the_installed_rebound_into_a_full_device_or_a_closed_pipe(
    world: Path, exe: str, env: dict[str, str], figures: Figures, args: list[str]
) -> None:
    """The real process, where SIGPIPE, buffering and the interpreter's exit all take part."""
    write = closed_pipe()
    with open("/dev/full", "w") as full:
        results = [
            subprocess.run(
                [exe, *args],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.PIPE,
                text=True,
                timeout=20,
                check=False,
            )
            for out in (full, write)
        ]
    os.close(write)
    on_full, on_pipe = results
    ok = [
        on_full.returncode == 1 and "Could not write the output" in on_full.stderr,
        on_pipe.returncode == 1 and on_pipe.stderr == "",
    ]
    figures.add("hostile: OS errors, no unexpected error", sum(ok), len(ok))
    assert all(ok), (on_full.stderr, on_pipe.stderr)

"""Many `rebound` commands at once, forked from one process that imported rebound once.

A new Python process spends ~100 ms (several times that with coverage) importing rebound before
its first save; a test of fifty concurrent writers would spend most of its time there. A
`Forks` server imports the entry point and the command modules once, then runs each batch of
command lines it is sent as forked children, all at once, each with its own output files, and
answers with every child's exit code and output. A child runs `rebound.cli.main`, the entry
point a person's `rebound` runs, so the error boundary, the locks and the saves are the real ones.

A batch may be given a `timeout` (a child still running then is killed, and reported as
`hung`) and a `memory` limit (bytes of address space, `RLIMIT_AS`): for the hostile tests, where
a command that reads a FIFO forever or /dev/zero whole must fail the test, not the machine.
A child's standard input is /dev/null, never the server's.

POSIX only (`os.fork`): the tests that use it are skipped on Windows, where they say so.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from types import TracebackType

import pytest

SERVER = r"""
import json, os, resource, signal, sys, tempfile, time

import typer.main

import importlib, pkgutil
import rebound, rebound.app, rebound.cli

# Every module of rebound imported once, before any fork (a child imports nothing then).
for found in pkgutil.walk_packages(rebound.__path__, "rebound."):
    if not found.name.endswith("__main__"):
        importlib.import_module(found.name)

# The commands the tests run, built once (the rest are built in a child that asks for them).
root = typer.main.get_command(rebound.app.app)
for name in ("brag", "done", "list"):
    root.get_command(None, name)

# What a command makes once per process at its first use, made here once for every child:
# filelock (imported at a command's first lock), and the validator of each of rebound's models
# (pydantic builds one at the model's first use; the sentences' model is made at a pack's first
# reading).
import filelock
from pydantic import BaseModel
from rebound.sentences.phrasebook import Phrasebook

for module in [m for n, m in sys.modules.items() if n.startswith("rebound.")]:
    for value in list(vars(module).values()):
        if isinstance(value, type) and value.__module__ == module.__name__:
            if issubclass(value, BaseModel):
                value.model_rebuild()
            elif issubclass(value, Phrasebook) and value is not Phrasebook:
                value.pydantic_model().model_rebuild()

def child(argv, out, err, memory):
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(out, 1)
    os.dup2(err, 2)
    sys.argv = ["rebound", *argv]
    code = 0
    try:
        rebound.cli.main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        import traceback
        traceback.print_exc()
        code = 70
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)

def finished(pid, deadline):
    # (status, hung): waited for until the deadline (None: for ever), then killed.
    if deadline is None:
        return os.waitpid(pid, 0)[1], False
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status, False
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            return os.waitpid(pid, 0)[1], True
        time.sleep(0.005)

print("ready", flush=True)
for line in sys.stdin:
    batch = json.loads(line)
    timeout = memory = None
    if isinstance(batch, dict):
        timeout, memory, batch = batch.get("timeout"), batch.get("memory"), batch["argvs"]
    running = []
    for argv in batch:
        out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
        pid = os.fork()
        if pid == 0:
            child(argv, out.fileno(), err.fileno(), memory)
        running.append((pid, out, err))
    deadline = time.monotonic() + timeout if timeout else None
    results = []
    for pid, out, err in running:
        status, hung = finished(pid, deadline)
        code = os.waitstatus_to_exitcode(status)
        texts = []
        for f in (out, err):
            f.seek(0)
            texts.append(f.read().decode("utf-8", "replace"))
            f.close()
        results.append([code, *texts, hung])
    print(json.dumps(results), flush=True)
"""


@dataclass
class Ran:
    """One forked command's exit code and output."""

    returncode: int
    stdout: str
    stderr: str
    hung: bool = False  # still running at the batch's timeout, and killed


class Forks:
    """A server process that forks `rebound` commands (see the module's docstring)."""

    def __init__(self, env: dict[str, str]) -> None:
        if not hasattr(os, "fork"):
            pytest.skip("forking writers needs os.fork (POSIX); Windows runs the rest")
        self.server = subprocess.Popen(
            [sys.executable, "-c", SERVER],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.server.stdout is not None
        first = self.server.stdout.readline()
        if first.strip() != "ready":
            self.close()
            pytest.fail(f"the fork server did not start: {first!r} {self.server.stderr!r}")

    def run(
        self, *batch: list[str], timeout: float | None = None, memory: int | None = None
    ) -> list[Ran]:
        """Run these command lines at once, each in its own forked child; their results.

        A child still running after `timeout` seconds is killed (`Ran.hung`); `memory` caps
        each child's address space (bytes)."""
        assert self.server.stdin is not None and self.server.stdout is not None
        sent: object = list(batch)
        if timeout is not None or memory is not None:
            sent = {"argvs": list(batch), "timeout": timeout, "memory": memory}
        self.server.stdin.write(json.dumps(sent) + "\n")
        self.server.stdin.flush()
        line = self.server.stdout.readline()
        if not line:
            _, err = self.server.communicate(timeout=10)
            pytest.fail(f"the fork server ended: {err[-2000:]}")
        return [Ran(*r) for r in json.loads(line)]

    def one(self, *args: str, timeout: float | None = None, memory: int | None = None) -> Ran:
        """One command line, run in a forked child (see `run`)."""
        return self.run(list(args), timeout=timeout, memory=memory)[0]

    def close(self) -> None:
        if self.server.poll() is None:
            self.server.kill()
        self.server.communicate(timeout=10)

    def __enter__(self) -> Forks:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

"""Helpers shared by the tests: keystrokes, and driving the Typer app in-process."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from rebound.coach import answers_file, progress
from rebound.pack import packs
from rebound.storage.files import content_cache
from rebound.storage.records import Session
from rebound.storage.store import Store
from rebound.terminal import walk
from tests import pinned, scenario
from tests.scenario import DOWN, ENTER, NIGHTLY

__all__ = [
    "DOWN",
    "ENTER",
    "NIGHTLY",
    "MakeSession",
    "Run",
    "build_session",
    "invoke",
    "run_installed",
]

Run = Callable[..., Any]
# make_session(upto=None, lang=None, **changes) -> Session (see tests/conftest.py)
MakeSession = Callable[..., Any]


_COMMAND: list[Any] = []  # rebound's command tree, built once per process (as a person's run does)


def invoke(
    args: list[str],
    *,
    env: dict[str, str | None] | None = None,
    prog_name: str | None = None,
    catch_exceptions: bool = True,
    stdin: bytes | str | None = None,
) -> Result:
    """`rebound ARGS...` in this process, output captured, on Typer's public API.

    `typer.testing.CliRunner.invoke` builds the whole command tree again at every call
    (inspecting each command's signature and annotations: milliseconds, thousands of times over);
    a person's `rebound` builds it once per process, and so does this, with `typer.main.
    get_command`, then runs it inside `CliRunner.isolation` as `invoke` does. `stdin` is what
    standard input holds (what was piped in).
    """
    import typer.main

    from rebound.app import app

    if not _COMMAND:
        _COMMAND.append(typer.main.get_command(app))
    cli = _COMMAND[0]
    runner = CliRunner()
    code, error, info = 0, None, None
    with runner.isolation(input=stdin, env=env) as (out, err, mixed):
        try:
            cli.main(args=list(args), prog_name=prog_name or runner.get_default_prog_name(cli))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if code:
                error, info = exc, sys.exc_info()
        except Exception as exc:
            if not catch_exceptions:
                raise
            code, error, info = 1, exc, sys.exc_info()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        made = (out.getvalue(), err.getvalue(), mixed.getvalue())
    return Result(runner, *made, None, code, error, info)  # type: ignore[arg-type]


def run_installed(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed `rebound` as a separate process, no terminal on stdin, output captured."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "rebound"), *args],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def build_session(
    home: Path | None = None, upto: str | int | None = None, lang: str | None = None, **changes: Any
) -> Session:
    """Save a session of the scenario in the data folder `home` (default: the test's own, from
    REBOUND_HOME), without typing; return it.

    A whole session goes the way of `rebound start --answers FILE`: the scenario's answers file
    (with `changes` to some answers) is filled, its drafts filed, an id claimed, the session saved
    and its wins added to the brag list. With `upto` (a group name of `scenario.GROUPS`, or a
    count of groups), only the answers typed before it are applied, one by one through the coach,
    so the session is exactly where a walk typed up to there stops, open list entries included
    (tests/cli/test_session_flow.py checks both against typed walks).
    """
    # With the content cache, as every command loads it: the data folder looks as after a walk.
    home = home if home is not None else Path(os.environ["REBOUND_HOME"])
    pack = packs.load(packs.content_dir(lang=lang), cache=content_cache())
    today = pinned.TODAY
    wanted = {**scenario.answers(today), **changes}
    session = walk.new_session()
    if upto is None:
        with tempfile.TemporaryDirectory() as folder:
            file = Path(folder) / "answers.yaml"
            file.write_text(scenario.answers_yaml(wanted), encoding="utf-8")
            answers_file.fill(pack, session, answers_file.read(file), today, walk.now())
        assert session.finished_at is not None, "the scenario no longer finishes a session"
    else:
        count = scenario.NAMES.index(upto) if isinstance(upto, str) else upto
        for name, _ in scenario.GROUPS[:count]:
            if not scenario.answered(name):
                continue
            pos = progress.next_position(pack, session)
            assert pos is not None
            progress.apply(pack, session, pos, scenario.value_at(wanted, pos)[0], walk.now())
    store = Store(home)
    walk.store_drafts(pack, session)
    with contextlib.ExitStack() as locks:
        walk.claim_id(store, session, today, locks)
        store.save(session)
    if "accomplishments" in session.answers:  # a walk adds its wins once the list is done
        walk.sync_brag(store, session)
    return session

"""Shared fixtures: every test gets its own data folder, and never the user's real one.

Reliability tests also report figures ("kills survived 50/50"), printed at the end of the run.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from rebound.app import app
from rebound.models import Session
from tests import scenario
from tests.helpers import MakeSession, Run
from tests.terminal import Days, Spawn, Terminal

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content" / "en"


@pytest.fixture(autouse=True)
def rebound_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point REBOUND_HOME at a fresh folder and clear anything that could leak in."""
    home = tmp_path / "rebound-home"
    monkeypatch.setenv("REBOUND_HOME", str(home))
    monkeypatch.delenv("REBOUND_CONTENT", raising=False)
    monkeypatch.delenv("REBOUND_DEBUG", raising=False)
    # The coaching language follows the environment: tests are in English unless they say.
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture
def content_copy(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the built-in content, for tests that break it on purpose."""
    import shutil

    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """`run(args, keys)` invokes rebound in-process, typing `keys` into its prompts.

    When the keys run out the input closes, which a prompt sees as Ctrl-D: the command stops
    there, as it would for a person, and the test can check what was saved.
    """

    def invoke(args: list[str], keys: str = "", terminal: bool = True) -> Any:
        monkeypatch.setattr("rebound.prompts.stdin_is_terminal", lambda: terminal)
        with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
            inp.send_text(keys)
            inp.close()
            return CliRunner().invoke(app, args, catch_exceptions=False)

    return invoke


@pytest.fixture
def make_session(rebound_home: Path, tmp_path: Path) -> MakeSession:
    """`make_session(upto=None, lang=None, **changes)` saves a session of the scenario and
    returns it, built without typing.

    A whole session goes the way of `rebound start --answers FILE`: the scenario's answers file
    (with `changes` to some answers) is filled, its drafts filed, an id claimed, the session saved
    and its wins added to the brag list. With `upto` (a group name of `scenario.GROUPS`, or a
    count of groups), only the answers typed before it are applied, one by one through the coach,
    so the session is exactly where a walk typed up to there would have stopped, open list entries
    included.
    """
    import contextlib
    from datetime import date

    from rebound import answers_file, coach, flow
    from rebound import content as packs
    from rebound.store import Store

    made = [0]

    def make(upto: str | int | None = None, lang: str | None = None, **changes: Any) -> Session:
        pack = packs.load(packs.content_dir(lang=lang))
        today = date.today()
        wanted = {**scenario.answers(today), **changes}
        session = flow.new_session()
        if upto is None:
            made[0] += 1
            file = tmp_path / f"answers-{made[0]}.yaml"
            file.write_text(scenario.answers_yaml(wanted), encoding="utf-8")
            answers_file.fill(pack, session, answers_file.read(file), today, flow.now())
            assert session.finished_at is not None, "the scenario no longer finishes a session"
        else:
            count = scenario.NAMES.index(upto) if isinstance(upto, str) else upto
            for name, _ in scenario.GROUPS[:count]:
                if name == "ready":
                    continue
                pos = coach.next_position(pack, session)
                assert pos is not None
                coach.apply(pack, session, pos, scenario.value_at(wanted, pos)[0], flow.now())
        store = Store()
        flow.store_drafts(pack, session)
        with contextlib.ExitStack() as locks:
            flow.claim_id(store, session, today, locks)
            store.save(session)
        if "accomplishments" in session.answers:  # a walk adds its wins once the list is done
            flow.sync_brag(store, session)
        return session

    return make


@pytest.fixture
def finished_session(make_session: MakeSession) -> Session:
    """The scenario's whole session, finished and saved, as `rebound start --answers` makes it."""
    return make_session()


_FIGURES: dict[str, tuple[int, int]] = {}


class Figures:
    """Counts of cases handled out of cases tried, per kind, summed over the tests that add them."""

    def add(self, name: str, handled: int, tried: int) -> None:
        done, total = _FIGURES.get(name, (0, 0))
        _FIGURES[name] = (done + handled, total + tried)


@pytest.fixture
def figures() -> Figures:
    return Figures()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/reliability/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.reliability)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _FIGURES:
        return
    terminalreporter.section("reliability figures")
    for name, (done, total) in sorted(_FIGURES.items()):
        terminalreporter.write_line(f"{name}: {done}/{total}")


def _executable() -> str | None:
    beside = Path(sys.executable).parent / "rebound"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("rebound")


@pytest.fixture
def exe() -> str:
    """The installed `rebound`, as a person would run it."""
    found = _executable()
    if found is None:
        pytest.skip("the `rebound` executable is not installed (pip install -e . in this venv)")
    return found


@pytest.fixture
def env(rebound_home: Path, tmp_path: Path) -> dict[str, str]:
    """The environment of a real `rebound` process: data, home and config inside tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    out = dict(os.environ)
    out.update(
        HOME=str(home),
        REBOUND_HOME=str(rebound_home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        TERM="xterm-256color",
        PROMPT_TOOLKIT_NO_CPR="1",
        COLUMNS="120",
        LINES="40",
    )
    out.setdefault("LANG", "C.UTF-8")
    return out


@pytest.fixture
def spawn(exe: str, env: dict[str, str]) -> Iterator[Spawn]:
    """Start `rebound ARGS...` in a pseudo-terminal; anything left running is ended afterwards."""
    started: list[Terminal] = []

    def start(*args: str) -> Terminal:
        t = Terminal(exe, list(args), env)
        started.append(t)
        return t

    yield start
    for t in started:
        t.child.close(force=True)


@pytest.fixture
def days() -> Days:
    """Dates relative to the day the test started."""
    return Days()

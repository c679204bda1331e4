"""Hostile command lines: every command and sub-command of the app, given bad arguments.

Unknown options, wrong types (`--count abc`, `--seconds -5`, `--weeks 0`), odd ids (empty,
blank, dashes, `..`, unicode, very long), odd dates, missing values, repeated options and `--`
tricks. Each run must end with exit 0, 1 or 2 and a one-paragraph message, never "did not
expect" nor a traceback; and a command that refused must leave every session and the brag list
byte for byte as they were.

The commands and their parameters are read from the app itself (as test_os_errors does), so a
new command or option is swept without being listed here. Runs are in-process, with no terminal
on stdin (a prompt refuses rather than waits).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rebound.storage.records import Session
from tests.conftest import Figures
from tests.depth import examples
from tests.helpers import Run
from tests.reliability.hostile import report, restore, said_plainly, snapshot, surprised
from tests.reliability.test_os_errors import Param, commands

KIND = "arguments"
COMMANDS = list(commands())
# Values that are wrong in a way a person or a script makes them wrong.
WORDS = (
    "",
    " ",
    "\t",
    "-",
    "--",
    "-x",
    "..",
    "../..",
    "../sessions/x",
    "/",
    ".",
    "*",
    "é",
    "名前",
    "🙂",
    "a b",
    "x" * 300,
    "2026-02-30",
    "0000-00-00",
    "9999-12-31-globex",
    "0001-01-01",
    "-1",
    "0",
    "abc",
    "1e9",
    "99999999999999999999",
    "nan",
    "25:00",
    "-5",
    "3.5",
    "+7d",
    "%s%n",
    "{{company}}",
    "[bold]x[/bold]",
)
# Whole-command-line tricks, around a command's own words.
TRICKS = (
    ["--nope"],
    ["-Z"],
    ["--help=yes"],
    ["--", "--help"],
    ["--", "-x"],
    ["--", ""],
    ["extra", "words"],
    ["--yes=no"],
    ["-s"],
    ["--session"],
    ["--session="],
    ["--session", "a", "--session", "b"],
    ["--format", "md", "--format", "pdf"],
    ["--weeks", "1", "--weeks", "0"],
    ["--count", "abc"],
    ["--seconds", "-5"],
    ["--weeks", "0"],
    ["--at"],
    ["--lang"],
)
ROOT_TRICKS = (["--lang", ""], ["--lang", "xx"], ["--lang", "../en"], ["--content", ""])


def _value_for(param: Param, tmp: Path) -> str:
    """A good value for a parameter that the case does not make hostile."""
    good = {"session": "2026", "session_id": "2026", "ref": "1", "fmt": "md", "weeks": "2"}
    if param.is_path:
        return str(tmp / f"out-{param.name}")
    return good.get(param.name, "x")


def sweep(tmp: Path) -> list[list[str]]:
    """Every command with each parameter made hostile in turn, then with each trick."""
    cases: list[list[str]] = []
    for words, params in COMMANDS:
        for hostile in params:
            for value in WORDS:
                args = list(words)
                for p in params:
                    if p is hostile:
                        args += [p.flag, value] if p.flag else [value]
                    elif p.required:
                        args += [p.flag, _value_for(p, tmp)] if p.flag else [_value_for(p, tmp)]
                cases.append(args)
            if hostile.flag:  # the option given with no value at all, at the end
                cases.append([*words, hostile.flag])
        cases += [[*words, *trick] for trick in TRICKS]
        cases += [[*trick, *words] for trick in ROOT_TRICKS]
    return cases


@pytest.fixture
def seeded(
    finished_session: Session, rebound_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> dict[str, bytes]:
    """A finished session and its brag list, as a person's data folder holds them; the process's
    HOME and folder moved into tmp_path, so nothing a command writes lands outside the test."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)
    return snapshot(rebound_home)


class Tally:
    """The class's counts, over one test."""

    def __init__(self) -> None:
        self.tried = self.handled = self.kept = self.checked = 0
        self.failures: list[tuple[str, int, str]] = []

    def run(self, run: Run, home: Path, before: dict[str, bytes], args: list[str]) -> None:
        if args[-1:] != ["--yes"] and args[:1] in (["delete"], ["data"]):
            args = [*args, "--yes"]  # a refusal must come from the hostile value, not a prompt
        result = run(args, terminal=False)
        after = snapshot(home)
        self.tried += 1
        ok = not surprised(result) and said_plainly(result)
        self.handled += ok
        if result.exit_code != 0:
            self.checked += 1
            unchanged = after == before
            self.kept += unchanged
            ok = ok and unchanged
        if not ok:
            self.failures.append((" ".join(args)[:100], result.exit_code, result.output[-300:]))
        if after != before:  # a command that worked and changed things (delete, wipe, add)
            restore(home, before)


SHARES = 4  # the sweep in four parts, so that the workers share it


@pytest.mark.parametrize("share", range(SHARES))
def test_every_command_refuses_bad_arguments_plainly(
    run: Run,
    rebound_home: Path,
    seeded: dict[str, bytes],
    tmp_path: Path,
    figures: Figures,
    share: int,
) -> None:
    tally = Tally()
    for args in sweep(tmp_path)[share::SHARES]:
        tally.run(run, rebound_home, seeded, args)
    report(figures, KIND, tally.tried, tally.handled, tally.kept, tally.checked)
    assert tally.tried > 500 // SHARES
    assert not tally.failures, "\n".join(map(repr, tally.failures))


def _leaf(index: int) -> tuple[list[str], list[Param]]:
    return COMMANDS[index % len(COMMANDS)]


TOKEN = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from([t for trick in TRICKS for t in trick]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
)


@settings(
    derandomize=True,
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    index=st.integers(0, 10_000),
    picks=st.lists(st.tuples(st.integers(0, 20), TOKEN), max_size=5),
    tail=st.lists(TOKEN, max_size=3),
)
def test_random_command_lines_never_surprise(
    run: Run,
    rebound_home: Path,
    seeded: dict[str, bytes],
    figures: Figures,
    index: int,
    picks: list[tuple[int, str]],
    tail: list[str],
) -> None:
    """The command's own options, in any number and order, each with a hostile value."""
    words, params = _leaf(index)
    options = [p for p in params if p.flag] or [None]
    args: list[Any] = list(words)
    for which, value in picks:
        chosen = options[which % len(options)]
        args += [chosen.flag, value] if chosen else [value]
    tally = Tally()
    tally.run(run, rebound_home, seeded, [*args, *tail])
    report(figures, KIND, tally.tried, tally.handled, tally.kept, tally.checked)
    assert not tally.failures, tally.failures

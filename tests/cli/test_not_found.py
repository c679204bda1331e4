"""One rule for "not found" (issue 22, item 14): a name given that matches nothing is bad input,
exit 2, whatever kind of thing it names; an operation that fails is exit 1. The README says so."""

from __future__ import annotations

import re

import pytest

from rebound.errors import ExitCode
from rebound.storage.records import Session
from tests.conftest import REPO
from tests.helpers import Run

NOT_FOUND = [
    (["summary", "--session", "1999-nobody"], "There is no session '1999-nobody'"),
    (["show", "1999-nobody"], "There is no session '1999-nobody'"),
    (["export", "1999-nobody"], "There is no session '1999-nobody'"),
    (["delete", "1999-nobody", "--yes"], "There is no session '1999-nobody'"),
    (["draft", "--session", "1999-nobody"], "There is no session '1999-nobody'"),
    (["draft", "nope"], "There is no draft 'nope'"),
    (["done", "nope"], "'nope' is not an item"),
    (["continue", "--step", "nope"], "There is no step 'nope'"),
    (["contacts", "log", "Nobody At All"], "There is no contact called 'Nobody At All'"),
    (["brag", "show", "nope"], "Nothing on your brag list is called 'nope'"),
    (["strat"], "There is no command 'strat'. Did you mean `rebound start`?"),
    (["brag", "ad"], "There is no command 'ad'. Did you mean `rebound brag add`?"),
    (["zzzz"], "There is no command 'zzzz'; `rebound --help` lists them."),
]


@pytest.mark.parametrize(
    ("args", "said"), NOT_FOUND, ids=lambda a: " ".join(a) if isinstance(a, list) else ""
)
def test_a_name_that_matches_nothing_is_bad_input(
    run: Run, finished_session: Session, args: list[str], said: str
) -> None:
    result = run(args, terminal=False)
    assert result.exit_code == ExitCode.USAGE, result.output
    assert said in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_a_broken_session_is_a_failure_not_a_typo(run: Run, finished_session: Session) -> None:
    from rebound.storage.store import Store

    Store().path(finished_session.id).write_text("{not json")
    result = run(["show", finished_session.id])
    assert result.exit_code == ExitCode.FAILURE, result.output
    assert "could not be read" in result.stderr


def test_the_readme_states_the_rule() -> None:
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert re.search(
        r'One rule for "not found": a name you gave that matches nothing .* is bad input, 2', readme
    )


def test_spanish_says_it_too(run: Run) -> None:
    result = run(["--lang", "es", "strat"])
    assert result.exit_code == ExitCode.USAGE
    assert "No hay ninguna orden «strat». ¿Querías decir `rebound start`?" in result.output

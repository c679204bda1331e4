"""Shell completion: commands, session ids and step names, for bash, zsh and fish."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rebound.options import complete_session, complete_step
from tests.helpers import MakeSession, run_installed
from tests.scenario import SESSION_ID


def complete(words: str, cword: int) -> list[str]:
    env = {**os.environ, "_REBOUND_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(cword)
    result = run_installed(env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.fixture
def two_sessions(make_session: MakeSession) -> None:
    make_session(upto=2)
    make_session(upto=2, company="Initech")


def test_session_ids_complete(two_sessions: None) -> None:
    initech = SESSION_ID.replace("globex", "initech")
    assert sorted(complete_session("")) == sorted([SESSION_ID, initech])
    assert complete_session(SESSION_ID[:-3]) == [SESSION_ID]
    assert complete_session("1999") == []
    assert complete("rebound show " + SESSION_ID[:-3], 2) == [SESSION_ID]
    assert complete("rebound summary --session " + initech[:-2], 3) == [initech]


def test_step_names_complete() -> None:
    assert complete_step("") == ["thank", "ask-why", "reflect", "accomplishments", "re-engage"]
    assert complete_step("a") == ["ask-why", "accomplishments"]
    assert complete("rebound continue --step re", 3) == ["reflect", "re-engage"]


def test_commands_complete() -> None:
    assert {"start", "continue", "summary"} <= set(
        complete("rebound s", 1) + complete("rebound ", 1)
    )


def test_completion_never_fails_loudly(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("REBOUND_HOME", str(blocker / "sub"))
    monkeypatch.setenv("REBOUND_CONTENT", str(tmp_path / "missing"))
    assert complete_session("") == []
    assert complete_step("") == []


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(shell: str) -> None:
    """The script each shell sources (what --install-completion writes for that shell)."""
    result = run_installed(env={**os.environ, "_REBOUND_COMPLETE": f"source_{shell}"})
    assert result.returncode == 0, result.stderr
    assert "_REBOUND_COMPLETE" in result.stdout
    assert f"complete_{shell}" in result.stdout


def test_show_completion_finds_the_shell_it_runs_in() -> None:
    """`--show-completion` takes no shell name: it looks for the shell that started rebound."""
    rebound = Path(sys.executable).parent / "rebound"
    result = subprocess.run(
        ["bash", "-c", f"'{rebound}' --show-completion; exit $?"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "complete -o" in result.stdout and "_REBOUND_COMPLETE=complete_bash" in result.stdout

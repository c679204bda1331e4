"""`rebound remind` and what it keeps of what it announced (`reminded.json`): a state it did not
write is read as "nothing announced", never a failure of the daily run (issue 19, item 12)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests import pinned
from tests.cli.test_nudge import start
from tests.helpers import Run

TODAY = pinned.TODAY.isoformat()


@pytest.mark.parametrize(
    "announced",
    [None, 5, [{}], "x", {"a": 1}, [None, 3, ["k"]], [1e308]],
    ids=repr,
)
def test_a_state_rebound_did_not_write_announces_again(
    run: Run,
    tmp_path: Path,
    rebound_home: Path,
    rebound_state: Path,
    monkeypatch: pytest.MonkeyPatch,
    announced: object,
) -> None:
    """`"announced": null`, `5` or `[{}]` ended every daily run in a TypeError, unseen under the
    timer."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    start(run, tmp_path)
    state = rebound_state / "reminded.json"
    state.write_text(json.dumps({"day": TODAY, "announced": announced}))
    result = run(["remind"], terminal=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("rebound: 3 things due\n")
    saved = json.loads(state.read_text())
    assert saved["day"] == TODAY and len(saved["announced"]) == 3
    assert run(["remind"], terminal=False).stdout == ""  # announced once a day, as ever


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs: POSIX")
def test_a_fifo_in_its_place_is_never_waited_on(
    run: Run,
    tmp_path: Path,
    rebound_home: Path,
    rebound_state: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    start(run, tmp_path)
    os.mkfifo(rebound_state / "reminded.json")
    result = run(["remind"], terminal=False)  # before the fix: waited for ever for a writer
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("rebound: 3 things due\n")
    assert (rebound_state / "reminded.json").is_file()

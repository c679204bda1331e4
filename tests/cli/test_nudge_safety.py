"""`rebound nudge` in every new terminal: it prints only an index this user wrote, never hangs on
what sits in its place, and says one short line whatever the index holds (issue 19)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from rebound.system import due_index
from tests.cli.test_nudge import expected_line, start
from tests.helpers import Run

posix_only = pytest.mark.skipif(not hasattr(os, "getuid"), reason="no file owners to check")


@posix_only
def test_an_index_of_another_user_is_not_printed(
    run: Run,
    tmp_path: Path,
    rebound_home: Path,
    rebound_state: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Item 15: the content cache reads only what this user alone could write; the nudge printed
    `due.json` whoever had written it (another user's words in this person's every terminal)."""
    start(run, tmp_path)
    line = expected_line(rebound_home) + "\n"
    assert run(["nudge"], terminal=False).stdout == line
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)  # the file is now someone else's
    assert run(["nudge"], terminal=False).stdout == ""
    monkeypatch.setattr(os, "getuid", lambda: real)
    (rebound_state / due_index.INDEX).chmod(0o666)  # anyone could have written it
    assert run(["nudge"], terminal=False).stdout == ""
    (rebound_state / due_index.INDEX).chmod(0o600)
    assert run(["nudge"], terminal=False).stdout == line


@pytest.mark.parametrize("size", [300, 500_000, 5_000_000])
def test_a_huge_sentence_is_cut_to_one_short_line(
    run: Run, tmp_path: Path, rebound_home: Path, rebound_state: Path, size: int
) -> None:
    """Item 14: a 5 MB sentence in due.json was printed whole in every new terminal."""
    start(run, tmp_path)
    index = json.loads((rebound_state / due_index.INDEX).read_text())
    index["say"]["line"] = "{{value}}: " + "x" * size
    (rebound_state / due_index.INDEX).write_text(json.dumps(index))
    said = run(["nudge"], terminal=False).stdout
    cut = len(said) <= due_index.MAX_SAID + 1 and said.endswith("...\n")
    assert said == "" or cut, said[:300]

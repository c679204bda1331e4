"""The due index after commands race: `todo` rebuilding it while `done` saves sessions, forked
from one process (tests/forks.py), round after round. After each round the index must be fresh
and say exactly what the sessions say (issue 19, item 16: it was left stale in 5 of 100 rounds,
and the nudge silent while something was due)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.test_nudge import index_matches_sessions
from tests.depth import examples
from tests.forks import Forks
from tests.helpers import build_session
from tests.terminal import EXIT_OK

ROUNDS = examples(160, least=20)
COMPANIES = ("Globex", "Initech", "Hooli", "Umbrella")


def test_the_index_is_fresh_after_todo_races_saves(
    env: dict[str, str], rebound_home: Path, figures: Any
) -> None:
    ids = [build_session(rebound_home, company=name).id for name in COMPANIES]
    fresh = 0
    stale: list[str] = []
    with Forks(env) as forks:
        assert forks.one("todo").returncode == EXIT_OK
        for n in range(ROUNDS):
            undo = ["--undo"] if n % 2 else []
            # Two rebuilds among four saves, each save on its own session (and its refresh).
            saves = [
                ["done", f"fix-{1 + i % 2}", "--session", sid, *undo] for i, sid in enumerate(ids)
            ]
            ran = forks.run(["todo"], *saves[:2], ["todo"], *saves[2:])
            assert all(r.returncode == EXIT_OK for r in ran), [r.stderr for r in ran]
            try:
                index_matches_sessions(rebound_home)
            except AssertionError as exc:
                stale.append(f"round {n}: {exc}")
            else:
                fresh += 1
    figures.add("due index fresh after two todos raced four saves", fresh, ROUNDS)
    assert not stale, f"{len(stale)} of {ROUNDS} rounds: " + "; ".join(stale[:5])


def test_a_save_between_reading_and_writing_leaves_no_stale_index(rebound_home: Path) -> None:
    """The losing order, step by step: `todo` takes the folder's mark and reads the sessions;
    another rebound saves one (its refresh writes a fresh index); then `todo` wrote its own,
    marked before that save: stale, and the nudge silent until the next command."""
    from rebound.pack import packs
    from rebound.storage.store import Store
    from rebound.system import due_index

    first = build_session(rebound_home).id
    content = packs.load()
    todo = Store(rebound_home)
    mark = due_index.folder_mark(str(rebound_home))
    found = todo.load_all()
    elsewhere = due_index.watch(Store(rebound_home), content)  # another rebound, with its hook
    changed = elsewhere.load(first)
    changed.ticked["fix-1"] = changed.updated_at
    elsewhere.save(changed)
    index_matches_sessions(rebound_home)  # its refresh left a fresh index
    due_index.rebuild(todo, content, found, mark)
    index_matches_sessions(rebound_home)
    items = due_index.read(str(rebound_home))["sessions"][first]["items"]  # type: ignore[index]
    assert "fix-1" not in [i["id"] for i in items]

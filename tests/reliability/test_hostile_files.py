"""Hostile saved files: a real finished session and a real brag list, mutated on disk.

Starting from what `rebound start --answers` saves (the `make_session` fixture), each case
changes one thing the way a hand edit, a sync tool or a bad disk does: a value of the wrong type
at any path, a key missing or added, a huge string, a moment at the ends of time in several
offsets, entry ids (`_id`) missing, duplicated or odd, ticks of items that do not exist,
schema_version variants, a file cut short, a copy under another name, a directory or a symlink
where the file was. Then every reading command runs, and:

- nothing is unexpected (no "did not expect", no traceback, a house exit code);
- a file rebound cannot use is moved to broken/ and named, never taken for "no data" while it
  still sits there;
- the other session in the folder, untouched, is still listed, byte for byte as it was;
- a mutated file rebound can read keeps every answer it had, through every command, and
  load -> save -> load is the identity on its answers.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from rebound.storage.records import BragList, Session
from rebound.storage.store import Store, parse
from tests.conftest import Figures
from tests.depth import examples
from tests.helpers import MakeSession, Run
from tests.reliability.hostile import at, output, paths, report, restore, snapshot, surprised

KIND = "saved files"
SETTINGS = settings(
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # a failure is reported as found: no shrinking
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MOMENTS = (
    "0001-01-01T00:00:00Z",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59.999999-12:00",
    "9999-12-31T23:59:59",
    "2026-11-25T16:55:22+05:45",
    "2026-02-30T00:00:00Z",
    "1970-01-01",
)
VALUES: tuple[Any, ...] = (
    "x",
    "",
    7,
    -1,
    1.5,
    10**30,
    [],
    ["x", 1],
    {},
    {"a": {"b": [None]}},
    None,
    True,
    False,
    "x" * 100_000,
    "\u0000\u202e\x1b[31m",
    *MOMENTS,
)


class World:
    """Two finished sessions and their brag list; the cases mutate the first (`target`)."""

    def __init__(self, home: Path, target: Session, other: Session) -> None:
        self.home = home
        self.target, self.other = target.id, other.id
        self.saved = snapshot(home)
        self.path = home / "sessions" / f"{self.target}.json"
        self.other_bytes = self.saved[f"sessions/{self.other}.json"]

    def data(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.saved[f"sessions/{self.target}.json"])
        return loaded

    def brag(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.saved["brag.json"])
        return loaded

    def commands(self) -> list[list[str]]:
        t = self.target
        return [
            ["list", "--all"],
            ["summary", "--session", t],
            ["show", t],
            ["todo", "--all"],
            ["stats"],
            ["contacts"],
            ["brag"],
            ["export", t, "--format", "markdown"],
            ["export", t, "--format", "json"],
            ["export", t, "--format", "ics"],
            ["done", "--session", t, "thank-you-sent"],
        ]


@pytest.fixture
def world(make_session: MakeSession, rebound_home: Path) -> World:
    target = make_session()
    other = make_session(company="Initech")
    return World(rebound_home, target, other)


def set_at(tree: Any, path: tuple[Any, ...], value: Any) -> None:
    at(tree, path[:-1])[path[-1]] = value


def delete_at(tree: Any, path: tuple[Any, ...]) -> None:
    del at(tree, path[:-1])[path[-1]]


def readable(raw: bytes, session_id: str) -> Session | None:
    """The session in `raw` if rebound can use it under `session_id`, else None."""
    try:
        session = parse(raw)
    except ValueError:
        return None
    return session if session.id == session_id else None


class Tally:
    def __init__(self) -> None:
        self.tried = self.handled = self.kept = self.checked = 0
        self.failures: list[Any] = []

    def fail(self, case: str, why: str, said: str = "") -> None:
        self.failures.append((case, why, said[-400:]))


def check_session(world: World, run: Run, tally: Tally, case: str, write: Any) -> None:
    """Put the folder back, apply `write` (which mutates the target's file), run every reading
    command, and check what the module's docstring promises."""
    restore(world.home, world.saved)
    write(world.path)
    # A symlink is read through (only a save replaces it, with a file of its own).
    raw = world.path.read_bytes() if world.path.is_file() else b""
    before = readable(raw, world.target) if raw else None
    said = []
    tally.tried += 1
    clean = True
    for args in world.commands():
        result = run(args, terminal=False)
        said.append(output(result))
        if surprised(result):
            clean = False
            tally.fail(case, f"unexpected: {' '.join(args)}", output(result))
    tally.handled += clean
    text = "\n".join(said)
    broken = sorted((world.home / "broken").glob(f"{world.target}.*.json"))
    still = world.path.is_file()
    if broken and world.target not in text.replace("\n", " "):
        tally.fail(case, "moved aside without being named", text)
    # Unusable, yet left where it was: it must still be reported, never hidden as no data.
    if still and before is None and not broken and "could not be read" not in text:
        tally.fail(case, "an unusable file was passed over in silence", text)
    # The other session: listed, and byte for byte as it was.
    tally.checked += 1
    other = world.home / "sessions" / f"{world.other}.json"
    kept = other.is_file() and other.read_bytes() == world.other_bytes and world.other in said[0]
    if before is not None:
        tally.checked += 1
        after = readable(world.path.read_bytes(), world.target) if still else None
        again = round_trip(world.home.parent / "round-trip", before)
        same = after is not None and after.answers == before.answers
        kept = kept and same and again == before.answers
        if not same:
            tally.fail(case, "a readable session lost answers", text)
        if again != before.answers:
            tally.fail(case, "load -> save -> load changed its answers")
    elif not broken and still:
        tally.fail(case, "unreadable yet neither moved nor readable", text)
    tally.kept += kept + (before is not None and kept)
    if not kept:
        tally.fail(case, "the other session was changed or not listed", said[0])


def round_trip(folder: Path, session: Session) -> dict[str, Any]:
    shelf = Store(folder)
    shelf.save(session)
    again = shelf.load(session.id)
    shelf.delete(session.id)
    return dict(again.answers)


def writer(data: Any) -> Any:
    def write(path: Path) -> None:
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    return write


def special_cases(world: World) -> dict[str, Any]:
    """The cases that are not a change at one path."""
    data = world.data()
    raw = world.saved[f"sessions/{world.target}.json"]
    cases: dict[str, Any] = {}
    for version in (0, 1, 3, 4, 5, 99, "4", True, None, -1, 4.0):
        cases[f"schema_version {version!r}"] = writer({**data, "schema_version": version})
    for cut in (0, 1, 2, 50, len(raw) // 2, len(raw) - 2):
        cases[f"cut at {cut}"] = lambda p, c=cut: p.write_bytes(raw[:c])
    cases["not UTF-8"] = lambda p: p.write_bytes(raw.replace(b"Globex", b"Glob\xffx"))
    cases["a UTF-8 BOM"] = lambda p: p.write_bytes(b"\xef\xbb\xbf" + raw)
    cases["a list at the top"] = writer([data])
    cases["null at the top"] = writer(None)
    cases["another id inside"] = writer({**data, "id": world.other})
    cases["an id that is no file name"] = writer({**data, "id": "../../x"})

    def copy_named_otherwise(path: Path) -> None:
        (path.parent / "backup.json").write_bytes(raw)

    cases["a copy under another name"] = copy_named_otherwise

    def directory(path: Path) -> None:
        path.unlink()
        path.mkdir()
        (path / "inside.json").write_bytes(raw)

    cases["a directory where the file was"] = directory

    def link_inside(path: Path) -> None:
        keep = path.parent.parent / "elsewhere.json"
        keep.write_bytes(raw)
        path.unlink()
        path.symlink_to(keep)

    cases["a symlink to the file"] = link_inside

    def dangling(path: Path) -> None:
        path.unlink()
        path.symlink_to(path.parent / "nowhere.json")

    cases["a dangling symlink"] = dangling

    fixes = data["answers"]["fixes"]
    for name, entries in {
        "entry ids duplicated": [{**f, "_id": "e1"} for f in fixes],
        "entry ids missing": [{k: v for k, v in f.items() if k != "_id"} for f in fixes],
        "entry id odd": [{**f, "_id": odd} for f, odd in zip(fixes, ("", "é e1/..."), strict=True)],
        "entry id a number": [{**f, "_id": 7} for f in fixes],
        "entries duplicated": fixes + fixes,
    }.items():
        cases[name] = writer({**data, "answers": {**data["answers"], "fixes": entries}})
    ticked = {"no-such-item": MOMENTS[0], "fix-e99": MOMENTS[4], "": MOMENTS[1]}
    cases["ticks of unknown items"] = writer({**data, "ticked": {**data["ticked"], **ticked}})
    cases["answers of unknown prompts"] = writer(
        {**data, "answers": {**data["answers"], "no_such_prompt": "x", "_id": "e1"}}
    )
    for moment in MOMENTS:
        stamped = {**data, "created_at": moment, "updated_at": moment, "finished_at": moment}
        cases[f"every moment {moment}"] = writer(stamped)
    return cases


SPECIAL_SHARES = 4  # the special cases, dealt round-robin into this many tests, for xdist


@pytest.mark.parametrize("share", range(SPECIAL_SHARES))
def test_special_damage_never_loses_the_other_session(
    world: World, run: Run, figures: Figures, share: int
) -> None:
    tally = Tally()
    cases = list(special_cases(world).items())
    assert len(cases) > 4 * SPECIAL_SHARES  # each share has cases to try
    for case, write in cases[share::SPECIAL_SHARES]:
        check_session(world, run, tally, case, write)
    report(figures, KIND, tally.tried, tally.handled, tally.kept, tally.checked)
    assert not tally.failures, "\n".join(map(repr, tally.failures))


def test_a_folder_named_like_a_session_is_set_aside_and_the_others_listed(
    world: World, run: Run
) -> None:
    """Found by the generator: `sessions/<id>.json` as a folder (a sync tool's conflict, a
    mistaken mkdir) stopped `list` for every session with "Could not read ... (Is a directory)".
    """
    world.path.unlink()
    world.path.mkdir()
    (world.path / "inside.txt").write_text("kept")
    result = run(["list", "--all"])
    assert result.exit_code == 0, result.output
    assert world.other in result.output and "could not be read" in result.output
    (moved,) = (world.home / "broken").glob(f"{world.target}.*.json")
    assert (moved / "inside.txt").read_text() == "kept"  # set aside whole, never deleted
    assert not world.path.exists()


MUTATION = st.tuples(st.integers(0, 10_000), st.sampled_from(["set", "delete", "add"]))


@settings(SETTINGS, max_examples=examples(40))
@given(mutations=st.lists(st.tuples(MUTATION, st.sampled_from(VALUES)), min_size=1, max_size=3))
def test_random_session_mutations(
    world: World, run: Run, figures: Figures, mutations: list[tuple[tuple[int, str], Any]]
) -> None:
    data = world.data()
    for (index, how), value in mutations:
        found = paths(data)
        if not found:
            break
        path = found[index % len(found)]
        if how == "set":
            set_at(data, path, value)
        elif how == "delete":
            delete_at(data, path)
        else:
            parent = path[:-1]
            node: Any = data
            for key in parent:
                node = node[key]
            if isinstance(node, dict):
                node["extra_key"] = value
            else:
                node.append(value)
    tally = Tally()
    check_session(world, run, tally, repr(mutations)[:200], writer(data))
    report(figures, KIND, tally.tried, tally.handled, tally.kept, tally.checked)
    assert not tally.failures, "\n".join(map(repr, tally.failures))


def brag_titles(raw: bytes) -> list[str] | None:
    """The titles of a brag list rebound can read, else None."""
    home = Path(os.environ["REBOUND_HOME"]).parent / "brag-probe"
    home.mkdir(exist_ok=True)
    (home / "brag.json").write_bytes(raw)
    try:
        return [item.title for item in Store(home).load_brag().items]
    except Exception:
        return None
    finally:
        for path in home.rglob("*.json"):
            path.unlink()


@settings(SETTINGS, max_examples=examples(25))
@given(
    mutations=st.lists(st.tuples(MUTATION, st.sampled_from(VALUES)), min_size=1, max_size=3),
    version=st.sampled_from([None, 0, 1, 3, 4, 5, "4", True]),
    cut=st.sampled_from([None, 0, 1, 40]),
)
def test_random_brag_mutations(
    world: World,
    run: Run,
    figures: Figures,
    mutations: list[tuple[tuple[int, str], Any]],
    version: Any,
    cut: int | None,
) -> None:
    data = world.brag()
    for (index, how), value in mutations:
        found = paths(data)
        path = found[index % len(found)]
        if how == "delete":
            delete_at(data, path)
        else:
            set_at(data, path, value)
    if version is not None:
        data["schema_version"] = version
    raw = json.dumps(data).encode()
    raw = raw if cut is None else raw[:cut]
    restore(world.home, world.saved)
    (world.home / "brag.json").write_bytes(raw)
    titles = brag_titles(raw)
    tally = Tally()
    tally.tried += 1
    said = []
    clean = True
    for args in world.commands()[:-1]:  # not `done`: it changes the session on purpose
        result = run(args, terminal=False)
        said.append(output(result))
        if surprised(result):
            clean = False
            tally.fail(repr(mutations)[:200], f"unexpected: {' '.join(args)}", said[-1])
    tally.handled += clean
    text = "\n".join(said)
    moved = sorted((world.home / "broken").glob("brag.*.json"))
    if titles is None and not moved:
        tally.fail(repr(mutations)[:200], "an unreadable brag list was not moved aside", text)
    if moved and "brag list could not be read" not in text.replace("\n", " "):
        tally.fail(repr(mutations)[:200], "the brag list was moved aside in silence", text)
    tally.checked += 1
    ok = all(
        (world.home / rel).read_bytes() == data
        for rel, data in world.saved.items()
        if rel.startswith("sessions/")
    )
    if titles is not None:  # readable: every win it held is still on the list
        kept_list = BragList.model_validate_json((world.home / "brag.json").read_bytes())
        now = [item.title for item in kept_list.items]
        ok = ok and all(t in now for t in titles)
    tally.kept += ok
    if not ok:
        tally.fail(repr(mutations)[:200], "a session changed, or a win was lost", text)
    report(figures, KIND, tally.tried, tally.handled, tally.kept, tally.checked)
    assert not tally.failures, "\n".join(map(repr, tally.failures))


@pytest.mark.parametrize("command", [["list"], ["summary"], ["todo"], ["stats"], ["contacts"]])
def test_a_file_where_the_sessions_folder_was_is_said_not_taken_for_no_data(
    command: list[str], world: World, run: Run
) -> None:
    """Found by the generator: with `sessions` a file, `list`, `todo`, `stats`... said "No
    sessions yet" while `brag` said the folder could not be used."""
    sessions = world.home / "sessions"
    shutil.rmtree(sessions)
    sessions.write_text("a file where the folder was")
    result = run(command)
    assert result.exit_code == 1, result.output
    assert "No sessions yet" not in result.output
    assert f"({sessions} is a file, not a folder)" in " ".join(output(result).split())
    assert sessions.read_text() == "a file where the folder was"


def folder_damage(world: World, tmp: Path) -> dict[str, Any]:
    """Damage to the data folder's shape rather than to one file's bytes."""
    home, brag = world.home, world.home / "brag.json"

    def brag_folder() -> None:
        brag.unlink()
        brag.mkdir()

    def brag_link() -> None:
        (tmp / "brag-copy.json").write_bytes(world.saved["brag.json"])
        brag.unlink()
        brag.symlink_to(tmp / "brag-copy.json")

    def brag_dangling() -> None:
        brag.unlink()
        brag.symlink_to(tmp / "nowhere.json")

    def broken_file() -> None:
        (home / "broken").write_text("a file where broken/ goes")

    def locks_file() -> None:
        shutil.rmtree(home / "locks", ignore_errors=True)
        (home / "locks").write_text("a file where locks/ goes")

    def cache_file() -> None:
        shutil.rmtree(home / "cache", ignore_errors=True)
        (home / "cache").write_text("a file where cache/ goes")

    return {
        "brag.json a folder": brag_folder,
        "brag.json a symlink": brag_link,
        "brag.json a dangling symlink": brag_dangling,
        "brag.json empty": lambda: brag.write_bytes(b""),
        "broken a file": broken_file,
        "locks a file": locks_file,
        "cache a file": cache_file,
    }


def test_a_damaged_folder_never_surprises_nor_hides_the_sessions(
    world: World, run: Run, tmp_path: Path, figures: Figures
) -> None:
    tally = Tally()
    for case, damage in folder_damage(world, tmp_path).items():
        for extra in ("brag-copy.json", "nowhere.json"):
            (tmp_path / extra).unlink(missing_ok=True)
        for name in ("broken", "locks", "cache"):
            if (world.home / name).is_file():
                (world.home / name).unlink()
        restore(world.home, world.saved)
        damage()
        tally.tried += 1
        said = []
        for args in world.commands():
            result = run(args, terminal=False)
            said.append(output(result))
            if surprised(result):
                tally.fail(case, f"unexpected: {' '.join(args)}", said[-1])
        tally.handled += not any(f[0] == case for f in tally.failures)
        text = "\n".join(said)
        tally.checked += 1
        kept = all(
            (world.home / rel).is_file() and (world.home / rel).read_bytes() == data
            for rel, data in world.saved.items()
            if rel.startswith("sessions/") and world.target not in rel  # `done` ticks the target
        )
        kept = kept and world.other in said[0] and "No sessions yet" not in text
        tally.kept += kept
        if not kept:
            tally.fail(case, "a session was changed, hidden or taken for no data", text)
    report(figures, KIND, tally.tried, tally.handled, tally.kept, tally.checked)
    assert not tally.failures, "\n".join(map(repr, tally.failures))

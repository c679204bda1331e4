"""What the hostile generators share: how to tell a handled run from a surprised one, and a
snapshot of the data folder to tell whether a refused command changed anything.

The four generator modules (test_hostile_arguments, test_hostile_files, test_hostile_answers,
test_hostile_packs) each report three figures under one naming, `hostile: CLASS, ...`:
inputs tried, no unexpected error, no answer lost. Those of the person's own files
(test_hostile_rc_files, test_hostile_schedules) report, third, that every other byte was kept
or every value read back as written (`FileTally`).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from tests.conftest import Figures

UNEXPECTED = "did not expect"
HOUSE_CODES = (0, 1, 2, 130)
# What a person typed lives in these (rebound.storage.store.OWN, the personal ones); the rest
# (cache, locks, the due index) is derived and may be remade by any run.
PERSONAL = ("sessions", "broken", "brag.json")


def output(result: Any) -> str:
    """Everything a run said, stdout and stderr (Click 8.2 keeps them apart, older mixes)."""
    said = result.output
    try:
        err = result.stderr
    except ValueError:  # stderr was mixed into output
        return str(said)
    return str(said) if err in said else f"{said}{err}"


def surprised(result: Any) -> bool:
    """An unexpected error: the boundary's "did not expect", a traceback, an escaped exception,
    or an exit code outside the house's."""
    said = output(result)
    escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
    return (
        escaped or UNEXPECTED in said or "Traceback" in said or result.exit_code not in HOUSE_CODES
    )


def said_plainly(result: Any) -> bool:
    """A refusal says why in one paragraph: rebound's own (`rebound: ...`, no blank line in
    it) or Click's usage error (`Error: ...`, one line, after the usage line when Click has
    the command's context)."""
    if result.exit_code in (0, 130):
        return True
    said = output(result).strip()
    if said.startswith(("Usage:", "Error:")):
        return said.count("Error:") == 1 and "\n" not in said[said.find("Error:") :]
    start = said.find("rebound:")
    return start >= 0 and "\n\n" not in said[start:].strip()


def snapshot(home: Path) -> dict[str, bytes]:
    """The bytes of every file a person's data lives in, by path under the data folder."""
    out: dict[str, bytes] = {}
    for name in PERSONAL:
        top = home / name
        files = [top] if top.is_file() else sorted(top.rglob("*")) if top.is_dir() else []
        for path in files:
            if path.is_file() and not path.name.startswith("."):
                out[str(path.relative_to(home))] = path.read_bytes()
    return out


def restore(home: Path, saved: dict[str, bytes]) -> None:
    """Put the data folder back as `snapshot` saw it (after a run that changed it on purpose)."""
    for name in PERSONAL:
        top = home / name
        if top.is_symlink() or top.is_file():
            top.unlink()
        elif top.is_dir():
            shutil.rmtree(top)  # never follows a link inside: it removes the link
    for rel, data in saved.items():
        path = home / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def report(figures: Figures, kind: str, tried: int, handled: int, kept: int, checked: int) -> None:
    """The class's three figures, named alike for every class."""
    figures.add(f"hostile: {kind}, inputs tried", tried, tried)
    figures.add(f"hostile: {kind}, no unexpected error", handled, tried)
    figures.add(f"hostile: {kind}, no answer lost", kept, checked)


def paths(tree: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a JSON or YAML tree (keys and list positions), each before its children."""
    out: list[tuple[Any, ...]] = []
    items: Any = ()
    if isinstance(tree, dict):
        items = tree.items()
    elif isinstance(tree, list):
        items = enumerate(tree)
    for key, value in items:
        out.append((*prefix, key))
        out.extend(paths(value, (*prefix, key)))
    return out


def at(tree: Any, path: tuple[Any, ...]) -> Any:
    """The value at `path` in a tree."""
    for key in path:
        tree = tree[key]
    return tree


class FileTally:
    """The figures of a class of the person's own files (test_hostile_rc_files,
    test_hostile_schedules): inputs tried, no unexpected error, and the class's own third
    figure (other bytes kept, values read back as written)."""

    def __init__(self) -> None:
        self.tried = self.handled = self.kept = 0
        self.failures: list[str] = []

    def report(self, figures: Figures, kind: str, kept_as: str) -> None:
        figures.add(f"hostile: {kind}, inputs tried", self.tried, self.tried)
        figures.add(f"hostile: {kind}, no unexpected error", self.handled, self.tried)
        figures.add(f"hostile: {kind}, {kept_as}", self.kept, self.tried)


def plainly(result: Any) -> bool:
    """No surprise, and a refusal said in one paragraph."""
    return not surprised(result) and said_plainly(result)

"""The shape of the house, and start-up kept fast by importing only what a command needs.

A guard on the import graph, not a timing (see benchmarks/startup.py): `rebound --help` must not
pull in the prompt, validation, YAML or Rich console machinery, and read-only commands must not
load the prompts. And, read from the source: rebound's modules import each other without a
circle, and none passes 500 lines (CONTRIBUTING.md, "The layout").
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rebound.storage.records import Session
from tests.helpers import Run
from tests.pinned import CHILD_ENV

PROBE = """
import sys
sys.argv = ["rebound", *sys.argv[1:]]
from rebound.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)))
"""


# After the command: the most fields any pydantic model made in the process has.
WIDEST_PROBE = PROBE.replace(
    'sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)))',
    """
from pydantic import BaseModel
def every(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from every(sub)
widest = max(len(getattr(m, "__pydantic_fields__", {})) for m in every(BaseModel))
sys.stderr.write("\\nMODULES " + str(widest))""",
)


def modules_loaded(*args: str, probe: str = PROBE) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        # Without the pinned clock (tests/pinned_clock), whose time-machine would be counted.
        env={k: v for k, v in {**os.environ, "NO_COLOR": "1"}.items() if k != CHILD_ENV},
        check=False,
    )
    marker = result.stderr.rsplit("MODULES ", 1)
    assert len(marker) == 2, result.stderr
    return set(marker[1].split())


def loaded_roots(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names} | {n for n in names if n.count(".") == 1}


HEAVY_FOR_HELP = {"questionary", "prompt_toolkit", "pydantic", "yaml", "rich.console", "icalendar"}


@pytest.mark.parametrize("args", [("--help",), ("--version",), ()])
def test_help_and_version_stay_light(args: tuple[str, ...]) -> None:
    loaded = loaded_roots(modules_loaded(*args))
    assert not (HEAVY_FOR_HELP & loaded), sorted(HEAVY_FOR_HELP & loaded)


@pytest.mark.parametrize("command", [["summary"], ["list"], ["todo"], ["show", "2026"]])
def test_read_only_commands_load_no_prompts(command: list[str], finished_session: Session) -> None:
    loaded = loaded_roots(modules_loaded(*command))
    assert "rich.console" in loaded  # the probe really ran the command
    assert not ({"questionary", "prompt_toolkit", "icalendar", "yaml"} & loaded)


# What reading an email takes (`rebound start --from`): loaded for that alone, so that every other
# command, and `start` without it, start as fast as before.
MAIL_READING = {
    "rebound.inbox.reading",
    "rebound.inbox.guessing",
    "email.parser",
    "email.policy",
    "email._header_value_parser",
    "html.parser",
}


@pytest.mark.parametrize("command", [["--help"], ["start", "--help"], ["list"], ["draft"]])
def test_the_email_machinery_loads_only_to_read_an_email(
    command: list[str], finished_session: Session
) -> None:
    loaded = modules_loaded(*command)
    assert "rebound.app" in loaded  # the probe really ran the command
    assert not (MAIL_READING & loaded), sorted(MAIL_READING & loaded)


def test_start_from_an_email_does_load_it(tmp_path: Path) -> None:
    email = tmp_path / "news.eml"
    email.write_bytes(b"From: Dana <dana@globex.example>\nSubject: Hi\n\nUnfortunately, no.\n")
    loaded = modules_loaded("start", "--from", str(email), "--answers", str(tmp_path / "none"))
    assert {"rebound.inbox.reading", "email.parser", "rebound.inbox.guessing"} <= loaded


def test_nudge_reads_the_index_with_the_standard_library_only(
    run: Run, rebound_state: Path, finished_session: Session
) -> None:
    """`rebound nudge` runs in every new terminal: the entry point answers it from the due index
    before anything of Typer, pydantic, Rich or YAML is imported (benchmarks/startup.py times
    it)."""
    run(["todo"])  # writes the index of the saved session, in this computer's state folder
    assert (rebound_state / "due.json").is_file()
    loaded = modules_loaded("nudge")
    assert "rebound.system.due_index" in loaded  # the probe really ran the nudge
    heavy = {"typer", "click", "pydantic", "pydantic_core", "rich", "yaml", "platformdirs"}
    assert not (heavy & loaded_roots(loaded)), sorted(heavy & loaded_roots(loaded))
    assert not {
        n
        for n in loaded
        if n.startswith("rebound.")
        and n
        not in {
            "rebound.cli",
            "rebound.system",
            "rebound.system.due_index",
            "rebound.system.gc_tuning",
            "rebound.clock",
            "rebound.storage",
            "rebound.storage.places",  # where the folders are: the standard library only
        }
    }
    assert "datetime" not in loaded  # today's date comes from `clock.today_iso`, without it


def test_json_export_loads_no_rich(finished_session: Session) -> None:
    """`export --format json` writes what is saved, unprinted: nothing of Rich is needed for it
    (`clean` lives in `rebound.text`, not in `render`)."""
    loaded = modules_loaded("export", "--format", "json")
    assert "rebound.export" in loaded  # the probe really ran the export
    assert not {n for n in loaded if n == "rich" or n.startswith("rich.")}, sorted(
        n for n in loaded if n.startswith("rich")
    )
    assert "rebound.render.screens" not in loaded


def test_a_warm_start_makes_no_model_of_the_sentences(
    rebound_cache: Path, finished_session: Session
) -> None:
    """Every command imports `Ui` (the cached pack holds one): made as a pydantic model of its
    500 sentences, it cost ~11 ms of every start (benchmarks/startup.py). `sentences.phrasebook`
    makes that model only when a pack is read afresh, not when it comes from the cache."""
    shutil.rmtree(rebound_cache, ignore_errors=True)
    [cold] = modules_loaded("list", probe=WIDEST_PROBE)  # reads the pack, fills the cache
    [warm] = modules_loaded("list", probe=WIDEST_PROBE)
    assert int(cold) > 500  # the probe does see the model when it is made
    assert int(warm) < 100, f"a model of {warm} fields was made on a warm start"


SRC = Path(__file__).resolve().parent.parent / "src"
MAX_LINES = 500
EXEMPT: set[str] = set()  # modules still past MAX_LINES, to split: none today


def module_files() -> dict[str, Path]:
    """Every module of rebound, by dotted name ('rebound.render.screens' for render/__init__.py)."""
    out = {}
    for path in sorted((SRC / "rebound").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The rebound modules `name` imports anywhere in its file: at the top, inside functions,
    under `if TYPE_CHECKING:`. Importing `a.b.c` runs `a.b` first, so that counts too."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, `level - 1` steps up
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, *([base] if base else [])])
            # `from rebound import render`: the module rebound.render.screens, else a name in
            # rebound
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names
            ]
        for target in targets:
            module = target
            while module:
                if module in known and module != name:
                    found.add(module)
                module = module.rpartition(".")[0]
    return found


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of imports ('a', 'b', 'a'), or None when the graph has none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_modules_import_each_other_without_a_circle() -> None:
    files = module_files()
    assert (
        "rebound.storage.store" in files and "rebound.render.brag" in files
    )  # the walk found them
    graph = {name: imports_of(name, path, set(files)) for name, path in files.items()}
    assert (
        "rebound.storage.paths" in graph["rebound.pack.packs"]
    )  # imports inside functions are read too
    cycle = find_cycle(graph)
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])
    # The ground floor, which any module may import without pulling in the rest of the house.
    ground = ("rebound.storage.paths", "rebound.storage.places", "rebound.text")
    for leaf in (*ground, "rebound.errors", "rebound.clock"):
        assert graph[leaf] <= {"rebound", "rebound.storage"}, (leaf, graph[leaf])
    assert graph["rebound.storage.files"] <= {
        "rebound",
        "rebound.storage",
        "rebound.errors",
        "rebound.storage.paths",
        "rebound.storage.places",
        "rebound.clock",
    }


def test_the_cycle_finder_names_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_passes_500_lines() -> None:
    long = {
        name: lines
        for name, path in module_files().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert set(long) <= EXEMPT, f"split these modules (CONTRIBUTING.md, 'The layout'): {long}"
    assert not EXEMPT - set(long), f"no longer past {MAX_LINES} lines: drop from EXEMPT"


def test_the_house_keeps_twenty_modules_at_the_top_and_each_family_says_why() -> None:
    """Families as subpackages (CONTRIBUTING.md, "The layout"): at most 20 modules at the top,
    and each family's `__init__.py` holds a docstring that says why it exists, and no code
    (start-up pays for every line a package's `__init__` runs)."""
    package = SRC / "rebound"
    top = [p.stem for p in package.glob("*.py") if p.name != "__init__.py"]
    assert len(top) <= 20, sorted(top)
    families = [p for p in package.iterdir() if (p / "__init__.py").is_file()]
    assert len(families) >= 8, families
    for family in families:
        tree = ast.parse((family / "__init__.py").read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{family.name}/__init__.py says nothing of its family"
        assert all(
            isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            for node in tree.body
        ), f"{family.name}/__init__.py runs code"


def test_the_layers_hold() -> None:
    """The contracts in pyproject.toml ([tool.importlinter]): the layers of the house, only
    render imports Rich, only the terminal asks, each command module stands alone. A leak (the
    pack importing the coach, a command drawing with Rich) fails here, with the line that
    imports it."""
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint), "--config", str(SRC.parent / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=SRC.parent,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout

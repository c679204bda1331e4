"""Start-up stays fast by importing only what a command needs (see benchmarks/startup.py).

A guard on the import graph, not a timing: `rebound --help` must not pull in the prompt,
validation, YAML or Rich console machinery, and read-only commands must not load the prompts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rebound.models import Session
from tests.helpers import Run

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


def modules_loaded(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "NO_COLOR": "1"},
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


def test_nudge_reads_the_index_with_the_standard_library_only(
    run: Run, rebound_home: Path, finished_session: Session
) -> None:
    """`rebound nudge` runs in every new terminal: the entry point answers it from the due index
    before anything of Typer, pydantic, Rich or YAML is imported (benchmarks/startup.py times
    it)."""
    run(["todo"])  # writes the index of the saved session
    assert (rebound_home / "due.json").is_file()
    loaded = modules_loaded("nudge")
    assert "rebound.due" in loaded  # the probe really ran the nudge
    heavy = {"typer", "click", "pydantic", "pydantic_core", "rich", "yaml", "platformdirs"}
    assert not (heavy & loaded_roots(loaded)), sorted(heavy & loaded_roots(loaded))
    assert not {
        n
        for n in loaded
        if n.startswith("rebound.") and n not in {"rebound.cli", "rebound.due", "rebound.startup"}
    }


def test_json_export_loads_no_rich(finished_session: Session) -> None:
    """`export --format json` writes what is saved, unprinted: nothing of Rich is needed for it
    (`clean` lives in `rebound.text`, not in `render`)."""
    loaded = modules_loaded("export", "--format", "json")
    assert "rebound.export" in loaded  # the probe really ran the export
    assert not {n for n in loaded if n == "rich" or n.startswith("rich.")}, sorted(
        n for n in loaded if n.startswith("rich")
    )
    assert "rebound.render" not in loaded

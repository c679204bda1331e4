"""The quality gates, run as part of the test suite so that one command checks everything.

ruff (lint and format) and mypy --strict with the pydantic plugin, configured in pyproject.toml.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PYTHON_TREES = ["src", "tests", "scripts", "benchmarks"]


def gate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("ruff", "check", *PYTHON_TREES),
        ("ruff", "format", "--check", *PYTHON_TREES),
        ("mypy",),
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_gate(args: tuple[str, ...]) -> None:
    result = gate(*args)
    assert result.returncode == 0, f"`{' '.join(args)}` failed:\n{result.stdout}{result.stderr}"


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```bash\n")[1:]
    commands = [block.split("```", 1)[0].strip() for block in blocks]
    test_command = next(c for c in commands if "pytest" in c)
    ci_lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    commands_run = [line for line in ci_lines if line and not line.startswith(("#", "set ", "cd "))]
    assert commands_run[0] == test_command  # first, before the longer checks that follow it


WORKFLOW = REPO / ".github" / "workflows" / "ci.yml"


def readme_commands(language: str) -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = readme.split(f"```{language}\n")[1:]
    return [block.split("```", 1)[0].strip() for block in blocks]


def test_the_workflow_passes_its_linter() -> None:
    """The workflow, checked against GitHub's own schema of workflows (shipped with the
    linter, so no network), as CI runs it."""
    result = gate("check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW))
    assert result.returncode == 0, f"{result.stdout}{result.stderr}"


def test_the_workflow_runs_the_readme_test_command_on_linux_macos_and_windows() -> None:
    import yaml

    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    job = workflow["jobs"]["test"]
    assert set(job["strategy"]["matrix"]["os"]) == {
        "ubuntu-latest",
        "macos-latest",
        "windows-latest",
    }
    runs = {step.get("if", ""): step["run"] for step in job["steps"] if "run" in step}
    posix = next(c for c in readme_commands("bash") if "pytest" in c)
    windows = next(c for c in readme_commands("powershell") if "pytest" in c)
    assert runs == {
        "runner.os == 'Linux'": "bash .ci/run < /dev/null",
        "runner.os == 'macOS'": f"{posix} < /dev/null",
        "runner.os == 'Windows'": windows,
    }

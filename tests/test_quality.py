"""The quality gates, run as part of the test suite so that one command checks everything.

ruff (lint and format) and mypy --strict with the pydantic plugin, configured in pyproject.toml.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PYTHON_TREES = ["src", "tests", "scripts", "benchmarks"]


def gate(*args: str) -> subprocess.CompletedProcess[str]:
    return python("-m", *args)


def python(*argv: str) -> subprocess.CompletedProcess[str]:
    """This Python, run in the repository with these arguments, its output captured."""
    return subprocess.run(
        [sys.executable, *argv],
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


def _report(percents: dict[str, float]) -> dict[str, object]:
    files = {
        name: {
            "summary": {
                "percent_covered": p,
                "covered_lines": int(p),
                "missing_lines": 100 - int(p),
            }
        }
        for name, p in percents.items()
    }
    covered = sum(int(p) for p in percents.values())
    total = 100 * len(percents)
    return {
        "files": files,
        "summary": {
            "percent_covered": 100 * covered / total,
            "covered_lines": covered,
            "missing_lines": total - covered,
        },
    }


def test_the_coverage_floor_passes_at_the_floor_and_names_the_weakest_files(tmp_path: Path) -> None:
    report = tmp_path / "cov.json"
    report.write_text(json.dumps(_report({"a.py": 100.0, "b.py": 80.0})), encoding="utf-8")
    result = python("-S", "tests/coverage_floor.py", str(report), "90")
    assert result.returncode == 0, result.stderr
    assert "80.0%  b.py" in result.stdout and "a.py" not in result.stdout
    assert "90.0% of 200 lines reaches the floor of 90%" in result.stdout
    assert not report.exists()  # read once: a later run never finds this one's figures


def test_the_coverage_floor_fails_under_the_floor_and_on_no_report(tmp_path: Path) -> None:
    report = tmp_path / "cov.json"
    report.write_text(json.dumps(_report({"a.py": 89.0})), encoding="utf-8")
    result = python("-S", "tests/coverage_floor.py", str(report), "90")
    assert result.returncode == 1
    assert "89.0% of 100 lines is UNDER the floor of 90%" in result.stdout
    again = python("-S", "tests/coverage_floor.py", str(report), "90")
    assert again.returncode == 2
    assert "could not read the coverage report" in again.stderr
    assert "Traceback" not in again.stderr

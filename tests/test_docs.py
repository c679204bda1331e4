"""The generated docs match the code, and the README's command examples are real commands."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

from rebound.app import app

REPO = Path(__file__).resolve().parent.parent


def _load_make_docs() -> ModuleType:
    # scripts/ is not a package: load the generator from its file, as `python scripts/...` would.
    path = REPO / "scripts" / "make_docs.py"
    spec = importlib.util.spec_from_file_location("make_docs", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


make_docs = _load_make_docs()


def test_docs_are_up_to_date() -> None:
    late = make_docs.stale(make_docs.generate())
    assert not late, f"{make_docs.STALE} (differs: {', '.join(p.as_posix() for p in late)})"


def test_generating_twice_gives_the_same_bytes() -> None:
    assert make_docs.generate() == make_docs.generate()


def test_every_command_is_in_the_cli_reference() -> None:
    text = (REPO / make_docs.CLI_MD).read_text(encoding="utf-8")
    headings = set(re.findall(r"^## (rebound\b.*)$", text, flags=re.MULTILINE))
    missing = [
        make_docs.heading(path)
        for path in [(), *make_docs.command_paths()]
        if make_docs.heading(path) not in headings
    ]
    assert not missing, f"not in docs/cli.md: {', '.join(missing)}; {make_docs.STALE}"


def readme_examples() -> list[str]:
    """Lines starting with `rebound ` in the README's ```text and ```bash blocks, each cut at
    the first run of two spaces (where the README's explanation of the command starts)."""
    found: list[str] = []
    fence: str | None = None
    for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fence = line[3:].strip() if fence is None else None
            continue
        if fence in {"text", "bash", "sh", "console"} and line.startswith("rebound "):
            found.append(re.split(r"\s{2,}", line.strip())[0])
    return found


def resolve(words: list[str]) -> tuple[tuple[str, ...], Any, list[str]]:
    """The command a README example names: its path, its Click command, and the words left."""
    tree = dict(make_docs.command_tree())
    path: tuple[str, ...] = ()
    rest = list(words)
    while rest and (*path, rest[0]) in tree:
        path = (*path, rest.pop(0))
    return path, tree[path], rest


EXAMPLES = readme_examples()


def test_the_readme_has_command_examples() -> None:
    assert len(EXAMPLES) >= 5, EXAMPLES


@pytest.mark.parametrize("example", EXAMPLES)
def test_readme_example_is_a_real_command(example: str) -> None:
    path, command, rest = resolve(example.split()[1:])
    if isinstance(getattr(command, "commands", None), dict) and rest:
        word = rest[0]
        # A group followed by a plain word: the README names a command that doesn't exist.
        assert not re.fullmatch(r"[a-z][a-z0-9-]*", word), (
            f"README: `{example}`: `{make_docs.heading(path)}` has no command `{word}`"
        )
    result = CliRunner().invoke(
        app, [*path, "--help"], env=make_docs.HELP_ENV, prog_name=make_docs.PROG
    )
    assert result.exit_code == 0, f"README: `{example}`: --help failed:\n{result.output}"
    options = re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", " ".join(rest))
    unknown = [o for o in options if not re.search(rf"(?<![\w-]){re.escape(o)}\b", result.stdout)]
    assert not unknown, (
        f"README: `{example}`: `{make_docs.heading(path)}` has no option {', '.join(unknown)}"
    )

"""The generated docs match the code, and the README's command examples are real commands."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.helpers import invoke

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
    result = invoke([*path, "--help"], env=make_docs.HELP_ENV, prog_name=make_docs.PROG)
    assert result.exit_code == 0, f"README: `{example}`: --help failed:\n{result.output}"
    options = re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", " ".join(rest))
    unknown = [o for o in options if not re.search(rf"(?<![\w-]){re.escape(o)}\b", result.stdout)]
    assert not unknown, (
        f"README: `{example}`: `{make_docs.heading(path)}` has no option {', '.join(unknown)}"
    )


def quick_start() -> list[str]:
    """The ```bash blocks of the README's "Quick start" section, in order."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]
    return [block.split("```", 1)[0].strip() for block in section.split("```bash\n")[1:]]


def test_the_quick_start_leaves_rebound_on_the_path_here_and_in_new_terminals() -> None:
    """Every message says `rebound continue`: after the README's commands it must be found."""
    import subprocess

    pipx, venv, tests = quick_start()
    for block in (pipx, venv, tests):  # each is a shell command that parses
        checked = subprocess.run(
            ["bash", "-n", "-c", block], check=False, capture_output=True, text=True
        )
        assert checked.returncode == 0, f"README quick start: {block!r}: {checked.stderr}"
    # pipx first: its folder on the PATH of new terminals (ensurepath) and of this one (export).
    # Quiet with every pipx from the oldest the README supports (1.1, Debian 12's own), which
    # has no --quiet: its few lines go to /dev/null, its errors still to the terminal.
    assert pipx.startswith("pipx install . >/dev/null && pipx ensurepath")
    assert "--quiet" not in pipx
    assert 'export PATH="$(pipx environment --value PIPX_BIN_DIR):$PATH"' in pipx
    assert pipx.endswith("&& rebound start")
    # The alternative activates the environment in this shell before it names `rebound`.
    assert venv.startswith("python3 -m venv .venv && . .venv/bin/activate && ")
    assert venv.endswith("&& rebound start")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "in a new one, run\n`. .venv/bin/activate`" in readme
    # Quiet installs: the welcome is the first thing a person reads, not 40 lines of pip.
    for block in (pipx, venv):
        for install in re.findall(r"(?:pip|pipx) install[^&\n]*", block):
            assert " -q " in f"{install} " or ">/dev/null" in install, install
    # How to get pipx, on a machine that has none yet.
    assert "sudo apt install pipx" in readme


# The oldest pipx the README's quick start supports ("pipx 1.1 or newer"): Debian 12's own.
OLDEST_PIPX = "1.1.0"


@pytest.mark.e2e
@pytest.mark.packaging
def test_the_pipx_quick_start_works_with_the_oldest_pipx_and_in_a_new_shell(
    tmp_path: Path,
) -> None:
    """The README's pipx commands, for real, with the oldest pipx it supports (installed from the
    registry into its own environment), in a fresh HOME: quiet, `rebound` found in this shell and
    in a new one (ensurepath's line in the new shell's start-up file)."""
    import os
    import subprocess

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"pipx](https://pipx.pypa.io) {OLDEST_PIPX.rsplit('.', 1)[0]} or" in readme
    tools = tmp_path / "tools"
    made = subprocess.run(
        [sys.executable, "-m", "venv", str(tools)], check=False, capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    got = subprocess.run(
        [str(tools / "bin" / "python"), "-m", "pip", "install", "-q", f"pipx=={OLDEST_PIPX}"],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert got.returncode == 0, got.stderr
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "PATH": f"{tools / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "SHELL": "/bin/bash",
        "PIPX_HOME": str(home / ".local" / "pipx"),
        "PIPX_BIN_DIR": str(home / ".local" / "bin"),
        "REBOUND_HOME": str(tmp_path / "data"),
        "LANG": "C.UTF-8",
    }
    pipx, _, _ = quick_start()
    command = pipx.replace("pipx install . ", f"pipx install {REPO} ").replace(
        "&& rebound start", "&& rebound --version"
    )
    done = subprocess.run(
        ["bash", "-c", command],
        check=False,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    said = [line for line in done.stdout.splitlines() if line.strip()]
    assert said == [f"rebound {_version()}"], said  # quiet: rebound is the first to speak
    # A new terminal: an interactive bash reads the start-up file ensurepath wrote.
    new_env = {k: v for k, v in env.items() if k not in ("PIPX_HOME", "PIPX_BIN_DIR")}
    new_env["PATH"] = "/usr/local/bin:/usr/bin:/bin"
    again = subprocess.run(
        ["bash", "-i", "-c", "rebound --version"],
        check=False,
        cwd=tmp_path,
        env=new_env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 0 and again.stdout.startswith("rebound "), again.stderr
    assert os.access(home / ".local" / "bin" / "rebound", os.X_OK)


def _version() -> str:
    from rebound import __version__

    return __version__


@pytest.mark.e2e
@pytest.mark.packaging
def test_the_venv_quick_start_installs_quietly_and_rebound_runs_in_a_new_shell(
    tmp_path: Path,
) -> None:
    """The README's venv command, for real (in tmp_path, installing this checkout)."""
    import os
    import subprocess

    _, venv, _ = quick_start()
    command = venv.replace("install -q .", f"install -q {REPO}").replace(
        "&& rebound start", "&& rebound --version"
    )
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    done = subprocess.run(
        ["bash", "-c", command],
        check=False,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith("rebound "), done.stdout
    said = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(said) <= 2, said  # quiet: no pages of pip output before rebound speaks
    again = subprocess.run(
        ["bash", "-c", ". .venv/bin/activate && rebound --version"],
        check=False,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 0 and again.stdout.startswith("rebound "), again.stderr


SCHEMA_LINE = "# yaml-language-server: $schema="
reference = importlib.import_module("content_reference")  # beside make_docs


def _pack_files() -> list[tuple[Path, Path]]:
    """Every YAML file of the built-in packs, with the schema its kind should name: the one
    shipped beside them (in the wheel too), not the one in docs/, which no install has."""
    shipped = REPO / reference.SHIPPED_SCHEMAS
    found = []
    for coach in sorted((REPO / "content").glob("*/coach.yaml")):
        found.append((coach, shipped / "coach.schema.json"))
        found += [(s, shipped / "step.schema.json") for s in sorted(coach.parent.glob("steps/*"))]
    return found


def test_the_shipped_schemas_are_the_bytes_of_the_documented_ones() -> None:
    """One source: content/schema/ (shipped, named by the packs, copied by `content new`) holds
    exactly docs/schema/, both written by make_docs from one text."""
    from rebound.pack import schemas

    docs = sorted(p.name for p in (REPO / "docs" / "schema").iterdir())
    assert docs == sorted(schemas.SCHEMAS)
    assert sorted(p.name for p in schemas.shipped().iterdir()) == docs
    for name in docs:
        shipped = (schemas.shipped() / name).read_bytes()
        assert shipped == (REPO / "docs" / "schema" / name).read_bytes(), name
    assert schemas.shipped() == REPO / reference.SHIPPED_SCHEMAS
    generated = make_docs.generate()
    for name in docs:
        assert generated[reference.SHIPPED_SCHEMAS / name] == generated[Path("docs/schema") / name]


@pytest.mark.e2e
@pytest.mark.packaging
def test_an_installed_rebound_ships_the_schemas_its_packs_and_copies_name(tmp_path: Path) -> None:
    """Installed from a wheel (not this source tree), the built-in packs' first lines and those
    of a `content new` copy resolve to the documented schemas, byte for byte."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "REBOUND_CONTENT")}
    env["REBOUND_HOME"] = str(tmp_path / "home")
    venv = tmp_path / "venv"
    subprocess.run(["python3", "-m", "venv", str(venv)], check=True, env=env, timeout=120)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(REPO)],
        check=True,
        env=env,
        timeout=600,
    )
    rebound = str(venv / "bin" / "rebound")

    def said(*args: str) -> str:
        done = subprocess.run(
            [rebound, *args], check=False, env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    builtin = Path(said("content", "path"))
    assert REPO not in builtin.parents, builtin  # the installed copy, not the checkout
    said("content", "new", str(tmp_path / "mine"))
    for folder in (builtin, tmp_path / "mine"):
        for file in [folder / "coach.yaml", *sorted((folder / "steps").glob("*.yaml"))]:
            first = file.read_text(encoding="utf-8").splitlines()[0]
            target = file.parent / first.removeprefix(SCHEMA_LINE)
            documented = REPO / "docs" / "schema" / target.name
            assert target.read_bytes() == documented.read_bytes(), file


def _keys_fit(schema: dict[str, Any], defs: dict[str, Any], data: Any, where: str) -> None:
    """Every key in `data` is one the schema knows (a small walk, not a full validator)."""
    if "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[1]]
    for option in schema.get("anyOf", []):
        resolved = defs[option["$ref"].rsplit("/", 1)[1]] if "$ref" in option else option
        kind = resolved.get("type")
        if (isinstance(data, dict) and (kind == "object" or "properties" in resolved)) or (
            isinstance(data, list) and kind == "array"
        ):
            _keys_fit(resolved, defs, data, where)
            return
    if isinstance(data, dict) and "properties" in schema:
        assert schema.get("additionalProperties") is False, where
        for key, value in data.items():
            assert key in schema["properties"], f"{where}: the schema has no key '{key}'"
            _keys_fit(schema["properties"][key], defs, value, f"{where}.{key}")
    elif isinstance(data, list) and "items" in schema:
        for n, item in enumerate(data):
            _keys_fit(schema["items"], defs, item, f"{where}[{n}]")


def test_each_pack_file_names_its_schema_and_the_schema_knows_its_keys() -> None:
    import json

    import yaml

    for file, schema_file in _pack_files():
        first = file.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(SCHEMA_LINE), f"{file}: the first line should name the schema"
        named = (file.parent / first.removeprefix(SCHEMA_LINE).strip()).resolve()
        assert named == schema_file.resolve(), f"{file}: names {named}, not {schema_file}"
        schema = json.loads(schema_file.read_text(encoding="utf-8"))
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the same data, sooner
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=loader)
        _keys_fit(schema, schema.get("$defs", {}), data, file.name)


def test_the_schemas_refuse_a_typo() -> None:
    import json

    schema = json.loads((REPO / reference.STEP_SCHEMA).read_text(encoding="utf-8"))
    with pytest.raises(AssertionError, match="no key 'promts'"):
        _keys_fit(schema, schema["$defs"], {"id": "x", "promts": []}, "step")


def test_the_content_reference_lists_every_key_and_its_example_is_a_valid_step() -> None:
    import yaml

    from rebound.pack import models as pack_models
    from rebound.sentences import catalogue

    text = (REPO / make_docs.CONTENT_MD).read_text(encoding="utf-8")
    for model in (
        pack_models.Step,
        pack_models.PromptDef,
        pack_models.ChecklistItem,
        pack_models.Words,
    ):
        for name, info in model.model_fields.items():
            assert f"| `{info.alias or name}` |" in text, f"{model.__name__}.{name}"
    for key in catalogue.Ui.defaults():
        assert f"| `{key}` |" in text, f"Ui.{key}"
    example = reference.CONTENT_EXAMPLE
    assert example.rstrip("\n") in text
    step = pack_models.Step.model_validate(yaml.safe_load(example))
    assert step.prompts[1].not_before == "today"

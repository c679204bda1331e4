"""The JSON Schemas of a pack's two kinds of file, shipped beside the built-in packs, and the
first line that names them for editors.

Editors that read JSON Schema (VS Code's YAML extension, anything built on yaml-language-server)
find a file's schema from its first line, `# yaml-language-server: $schema=PATH`, PATH relative
to the file. The schemas are made from the models by `scripts/make_docs.py`, which writes the same
bytes to `docs/schema/` (the reference) and to `content/schema/` (shipped in the wheel with the
packs, as `rebound/content/schema/`): the built-in packs name the shipped ones, and a pack made by
`rebound content new` gets its own copy in its `schema/` folder, so that the line resolves
wherever the folder is, on any machine, whatever rebound's version.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from rebound.storage.files import read_regular
from rebound.storage.paths import COACH_FILE, STEPS_DIR

SCHEMA_DIR = "schema"  # beside the built-in packs, and inside a pack made by `content new`
COACH_SCHEMA = "coach.schema.json"
STEP_SCHEMA = "step.schema.json"
SCHEMAS = (COACH_SCHEMA, STEP_SCHEMA)
SCHEMA_LINE = "# yaml-language-server: $schema="
_BOM = b"\xef\xbb\xbf"


def shipped() -> Path:
    """The folder of the schemas rebound ships, beside its built-in packs."""
    from rebound.pack import packs

    return packs.default_dir().parent / SCHEMA_DIR


def schema_line(target: str) -> str:
    """The first line of a pack file whose schema is at `target` (relative to the file)."""
    return f"{SCHEMA_LINE}{target}"


def give(folder: Path) -> None:
    """Put the shipped schemas in `folder/schema/` and point each pack file of `folder` at them:
    `coach.yaml` at `schema/coach.schema.json`, each `steps/*.yaml` at
    `../schema/step.schema.json`. A first line that names a schema is replaced; a file without
    one gets one on top. Nothing else of any file changes (its bytes, its line endings).

    Raises:
        OSError: a schema or a pack file cannot be read or written.
    """
    source = shipped()
    target = folder / SCHEMA_DIR
    target.mkdir(exist_ok=True)
    for name in SCHEMAS:
        shutil.copyfile(source / name, target / name)
    coach = folder / COACH_FILE
    if coach.is_file():
        _point(coach, f"{SCHEMA_DIR}/{COACH_SCHEMA}")
    steps = folder / STEPS_DIR
    if steps.is_dir():
        for step in sorted(steps.glob("*.yaml")):
            if step.is_file():
                _point(step, f"../{SCHEMA_DIR}/{STEP_SCHEMA}")


def _point(file: Path, target: str) -> None:
    """Make the first line of `file` name the schema at `target`."""
    data = read_regular(file)
    bom = _BOM if data.startswith(_BOM) else b""
    body = data[len(bom) :]
    line = schema_line(target).encode("utf-8")
    first, newline, rest = body.partition(b"\n")
    ending = b"\r\n" if first.endswith(b"\r") else b"\n"
    if first.startswith(SCHEMA_LINE.encode("utf-8")):
        body = line + ending + rest if newline else line + ending
    else:
        ending = b"\r\n" if b"\r\n" in body else b"\n"
        body = line + ending + body
    file.write_bytes(bom + body)

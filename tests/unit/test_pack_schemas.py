"""The schemas a pack carries: the first line of each file, pointed at them, and nothing else."""

from __future__ import annotations

from pathlib import Path

from rebound.pack import schemas
from tests.conftest import REPO


def _pack(folder: Path, coach: bytes, step: bytes) -> Path:
    (folder / "steps").mkdir(parents=True)
    (folder / "coach.yaml").write_bytes(coach)
    (folder / "steps" / "thank.yaml").write_bytes(step)
    (folder / "steps" / "notes.txt").write_bytes(b"not yaml\n")
    return folder


def test_a_line_that_names_a_schema_is_replaced_and_the_rest_kept(tmp_path: Path) -> None:
    pack = _pack(
        tmp_path / "p",
        b"# yaml-language-server: $schema=/somewhere/else.json\nopening: {}\n",
        b"# yaml-language-server: $schema=../../../docs/schema/step.schema.json\r\nid: thank\r\n",
    )
    schemas.give(pack)
    assert (pack / "coach.yaml").read_bytes() == (
        b"# yaml-language-server: $schema=schema/coach.schema.json\nopening: {}\n"
    )
    # Windows line endings stay Windows line endings.
    assert (pack / "steps" / "thank.yaml").read_bytes() == (
        b"# yaml-language-server: $schema=../schema/step.schema.json\r\nid: thank\r\n"
    )
    assert (pack / "steps" / "notes.txt").read_bytes() == b"not yaml\n"
    for name in schemas.SCHEMAS:
        shipped = (pack / "schema" / name).read_bytes()
        assert shipped == (REPO / "docs" / "schema" / name).read_bytes()


def test_a_file_without_the_line_gets_one_on_top(tmp_path: Path) -> None:
    pack = _pack(
        tmp_path / "p",
        b"# my own comment\nopening: {}\n",
        b"\xef\xbb\xbfid: thank\n",  # a byte order mark stays first
    )
    schemas.give(pack)
    assert (pack / "coach.yaml").read_bytes() == (
        b"# yaml-language-server: $schema=schema/coach.schema.json\n# my own comment\nopening: {}\n"
    )
    assert (pack / "steps" / "thank.yaml").read_bytes() == (
        b"\xef\xbb\xbf# yaml-language-server: $schema=../schema/step.schema.json\nid: thank\n"
    )

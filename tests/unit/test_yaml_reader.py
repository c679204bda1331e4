"""The YAML reader's two parsers: libyaml for speed, PyYAML's Python parser for every problem.

What a file reads as (data, where each value stood, each scalar as written) must not depend on
which parser read it, and every message a person gets must be the Python parser's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rebound import yaml_reader
from rebound.errors import ContentError
from tests.conftest import CONTENT, REPO

needs_libyaml = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")
PACK_FILES = sorted((REPO / "content").rglob("*.yaml"))


def python_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_reader, "_fast_node", lambda text, file: None)


@needs_libyaml
@pytest.mark.parametrize("file", PACK_FILES, ids=lambda f: str(f.relative_to(REPO)))
def test_each_shipped_file_reads_the_same_through_either_parser(
    file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert yaml_reader._fast_node(file.read_text(encoding="utf-8"), file) is not None
    fast = yaml_reader.read_yaml(file)
    python_only(monkeypatch)
    slow = yaml_reader.read_yaml(file)
    assert fast.data == slow.data
    assert fast.marks == slow.marks
    assert fast.texts == slow.texts


DEEPER = yaml_reader.MAX_DEPTH + 1
BROKEN = {
    "a flow list left open": "id: thank\ntitle: [Thank the messenger\nshort: x\n",
    "a colon inside a plain value": "id: thank\ntitle: Thank: the messenger\n",
    "a tab before a key": "a: 1\n\tb: 2\n",
    "a control character": "a: b\x07c\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "an alias": "a: &x 1\nb: *x\n",
    "an undefined alias": "a: *nowhere\n",
    "a python tag": "a: !!python/object/apply:os.system [true]\n",
    "nested past the limit": "[" * 100_000 + "]" * 100_000,
    "nested just past the limit": "[" * DEEPER + "]" * DEEPER,
    "a duplicate key": "a: 1\na: 2\n",
    "a bad integer": "a: !!int twelve\n",
}


def _said(file: Path) -> str:
    with pytest.raises(ContentError) as caught:
        yaml_reader.read_yaml(file)
    return str(caught.value)


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_file_is_told_in_the_python_parsers_words(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "broken.yaml"
    file.write_text(text, encoding="utf-8")
    either = _said(file)
    python_only(monkeypatch)
    assert either == _said(file)
    assert either.startswith(f"{file}:")


def test_libyaml_words_never_reach_a_person(tmp_path: Path) -> None:
    file = tmp_path / "thank.yaml"
    file.write_text("id: thank\ntitle: [unclosed\nshort: x\n", encoding="utf-8")
    said = _said(file)
    assert "expected ',' or ']', but got ':'" in said
    assert "did not find expected" not in said  # libyaml's way of putting it


@needs_libyaml
def test_a_deep_file_never_reaches_libyamls_composer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libyaml composes in C, recursing once per level with no limit: a file nested past
    `MAX_DEPTH` must be left to the Python reader after the pass over its events."""
    composed: list[int] = []
    real = yaml_reader._FastLoader.get_single_node

    def counting(self: yaml_reader._FastLoader) -> yaml.Node | None:
        composed.append(1)
        return real(self)

    monkeypatch.setattr(yaml_reader._FastLoader, "get_single_node", counting)
    file = tmp_path / "deep.yaml"
    file.write_text("a:\n" + "  - " * 10 + "[" * 60 + "]" * 60 + "\n", encoding="utf-8")
    assert "nested more than 50 levels deep" in _said(file)
    assert composed == []
    (tmp_path / "fine.yaml").write_text("a: [[1]]\n", encoding="utf-8")
    assert yaml_reader.read_yaml(tmp_path / "fine.yaml").data == {"a": [[1]]}
    assert composed == [1]


def test_dates_stay_text_through_either_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "dates.yaml"
    file.write_text("due: 2026-11-25\nat: 2026-11-25 10:00:00\n", encoding="utf-8")
    fast = yaml_reader.read_yaml(file).data
    python_only(monkeypatch)
    assert fast == {"due": "2026-11-25", "at": "2026-11-25 10:00:00"}
    assert yaml_reader.read_yaml(file).data == fast


def test_the_shipped_english_pack_is_read_by_libyaml_when_there() -> None:
    """The quick parser is the one used for the packs as shipped (when PyYAML has it)."""
    text = (CONTENT / "coach.yaml").read_text(encoding="utf-8")
    found = yaml_reader._fast_node(text, CONTENT / "coach.yaml")
    assert (found is not None) == yaml.__with_libyaml__

"""The YAML reader's two parsers: libyaml for speed, PyYAML's Python parser for every problem.

What a file reads as (data, where each value stood, each scalar as written) must not depend on
which parser read it, and every message a person gets must be the Python parser's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rebound.errors import ContentError
from rebound.pack import yaml_reader
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


def _outcome(file: Path) -> tuple[object, ...]:
    """What reading `file` gives: its data, marks and texts, or its error."""
    try:
        doc = yaml_reader.read_yaml(file)
    except ContentError as exc:
        return ("refused", str(exc))
    return ("read", doc.data, doc.marks, doc.texts)


# Found by a differential fuzzer (a second reader's, over mutated packs): libyaml takes these,
# or reads them otherwise, where PyYAML's Python parser refuses or reads them its own way.
LENIENT = {
    "a tab after a colon": "a:\tb\n",
    "a question mark in a flow value": "a: {b: c?d}\n",
    "a comment stuck to a block header": "a: >#\n  x\n",
    "a byte-order mark inside": "a: 1\n\ufeff",
    "a bare tag": "a: !\n",
    "a tag ending at a comma": "- {value: !prep, label: x}\n",
    "a standard tag ending at a comma": "a: [!!str, x]\n",
    "an explicit document start": "---\na: 1\n",
    "a next line character": "a: b\x85c\n",
}


@needs_libyaml
@pytest.mark.parametrize("text", LENIENT.values(), ids=LENIENT.keys())
def test_what_libyaml_reads_otherwise_is_left_to_the_python_parser(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "odd.yaml"
    file.write_text(text, encoding="utf-8")
    assert yaml_reader._fast_node(text, file) is None
    either = _outcome(file)
    python_only(monkeypatch)
    assert either == _outcome(file)


@pytest.mark.parametrize("scalar", ['!!int ""', "!!int", '!!float ""', "!!bool maybe"])
def test_a_scalar_pyyaml_cannot_build_is_refused_plainly(scalar: str, tmp_path: Path) -> None:
    """`!!int ""` is an IndexError inside PyYAML, `!!bool maybe` a KeyError: each must be the
    reader's own refusal (exit 2 with file:line:col), never an unexpected error."""
    file = tmp_path / "answers.yaml"
    file.write_text(f"company: {scalar}\n", encoding="utf-8")
    said = _said(file)
    assert said.startswith(f"{file}:1:10: company: "), said


SAMPLE = """\
# yaml-language-server: $schema=../schema.json
id: thank
title: "Thank the messenger"
intro: |
  Two lines
  of guidance.
prompts:
  - id: company
    message: Which company? (Enter for {{role}})
    when: {prompt: role, one_of: [a, 'b c'], answered: true}
    choices:
      - {value: email, label: "By email: quick"}
      - value: phone
        label: >-
          On the phone
    default: 7
  - id: due
    kind: date
    not_before: call_date
checklist: [one, two]
"""
MUTATIONS = ":?#!&*|>-[]{},'\"% \n\t\ufeff\\"


@needs_libyaml
def test_mutated_files_read_alike_through_either_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over a few hundred small edits of a pack-like file: the fast path takes a file only when
    the Python parser takes it too, with the same data, marks and texts; when the two both
    refuse, each says where (the words may differ only there)."""
    import random

    rng = random.Random(20261201)
    file = tmp_path / "pack.yaml"
    differ: list[str] = []
    for _ in range(400):
        text = list(SAMPLE)
        for _edit in range(rng.randint(1, 3)):
            at = rng.randrange(len(text))
            how = rng.random()
            if how < 0.4:
                text.insert(at, rng.choice(MUTATIONS))
            elif how < 0.7:
                text[at] = rng.choice(MUTATIONS)
            else:
                del text[at]
        mutated = "".join(text)
        file.write_text(mutated, encoding="utf-8")
        with monkeypatch.context() as patch:
            fast = _outcome(file)
            python_only(patch)
            slow = _outcome(file)
        if fast[0] != slow[0] or (fast[0] == "read" and fast != slow):
            differ.append(f"{mutated!r}: {fast[:2]!r} / {slow[:2]!r}")
        elif fast[0] == "refused":
            assert str(fast[1]).startswith(f"{file}:"), fast
    assert not differ, "\n".join(differ[:5])


@pytest.mark.parametrize("escape", ["\\U00110000", "\\UFFFFFFFF", "\\U7FFFFFFF", "\\U80000000"])
@pytest.mark.parametrize("where", ["answers", "pack"])
def test_an_escape_beyond_unicode_is_refused_at_its_place(
    escape: str, where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19, item 13: `"\\U00110000"` names no character; PyYAML's Python scanner let
    `chr()` raise ValueError (OverflowError past 0x7FFFFFFF), which escaped the reader."""
    file = tmp_path / ("answers.yaml" if where == "answers" else "coach.yaml")
    file.write_text(f'company: ok\nrole: "Staff \\n{escape} engineer"\n', encoding="utf-8")
    said = _said(file)
    assert said.startswith(f"{file}:2:"), said
    assert "(yaml)" in said and "\\U0010FFFF" in said, said
    python_only(monkeypatch)  # the same refusal when libyaml is not there
    assert _said(file) == said

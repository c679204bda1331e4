"""The careful YAML reader of content packs and answers files.

Safe types only, no aliases or anchors, no duplicate keys, no custom tags, no dates (they stay
text), files of a sane size and nesting; every problem a `ContentError` that reads
`file:line:col: field: message`. `rebound.pack.reader` validates what it reads.

A file is parsed by libyaml when PyYAML has it (ten times quicker than PyYAML's own parser), after
a pass over its events that checks the nesting (libyaml's composer recurses in C, where no limit
stops a file nested 30,000 deep from crashing the process). Any file libyaml refuses, or nested
too deep, or holding anything the two parsers read differently (a tab, an anchor, an explicit
tag: see `_fast_node`), is read by PyYAML's Python parser instead, whose messages say more
("expected ',' or ']', but got ':'" where libyaml says "did not find expected ',' or ']'").
A file the fast path takes reads as the Python parser reads it (tests/unit/test_yaml_reader.py
compares the two over mutated packs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any

import yaml

from rebound.errors import ContentError
from rebound.sentences.speech import say
from rebound.text import scrub_tree

MAX_FILE_BYTES = 256 * 1024  # a content file larger than this is refused, unread
MAX_DEPTH = 50  # levels of nesting a YAML file may have; the packs use about 6

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:float",
}
_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver ('2026-11-25' stays text) that notes where
    anchors and aliases stand, so that `_build` can refuse them with the field's path."""

    def __init__(self, stream: str, file: Path) -> None:
        super().__init__(stream)
        self.file = file
        self.anchored: set[tuple[int, int]] = set()
        self.texts: dict[Path_, str] = {}  # each scalar as written: see YamlDoc.text
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        line, col = event.start_mark.line + 1, event.start_mark.column + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            self.anchored.add((line, col))
        # Composing (and `_build` after it) recurses once per level: refuse a file nested deeper
        # than any pack or answers file needs before Python's own limit is reached.
        if self.depth >= MAX_DEPTH:
            raise ContentError.said(
                f"{self.file}:{line}:{col}: (yaml): {say('cf_too_deep', count=MAX_DEPTH)}"
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_COLLECTION_STARTS = {yaml.MappingStartEvent, yaml.SequenceStartEvent}
_COLLECTION_ENDS = {yaml.MappingEndEvent, yaml.SequenceEndEvent}

if yaml.__with_libyaml__:

    class _FastLoader(yaml.CSafeLoader):
        """libyaml's parser and composer with `_Loader`'s resolvers and bookkeeping."""

        yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers

        def __init__(self, stream: str, file: Path) -> None:
            super().__init__(stream)
            self.file = file
            self.anchored: set[tuple[int, int]] = set()  # none: see _fast_node
            self.texts: dict[Path_, str] = {}


# Where libyaml is more lenient than PyYAML's Python parser (found by a differential fuzzer over
# mutated packs): a file with one of these characters, or any later U+FEFF, is left to Python.
_LENIENT = ("\t", "\x85", "\u2028", "\u2029")


def _fast_node(text: str, file: Path) -> tuple[yaml.Node, _FastLoader] | None:
    """The file's one document as libyaml composes it, or None when the Python parser should
    read it: there is no libyaml; libyaml refused something; the nesting is past MAX_DEPTH
    (libyaml's composer recurses in C with no limit: a list nested 30,000 deep crashes the
    process); there is an anchor or alias (refused either way, in the Python reader's words);
    or the file holds something libyaml takes and the Python parser refuses or reads otherwise
    (a tab, `c?d` in a flow collection, a `>#` header, an explicit tag, an explicit `---`).
    """
    if not yaml.__with_libyaml__:  # pragma: no cover - PyYAML's wheels all have it
        return None
    if any(c in text for c in _LENIENT) or "\ufeff" in text[1:]:
        return None
    try:
        events = _FastLoader(text, file)
        try:
            if not _plain_events(events, text):
                return None
        finally:
            events.dispose()
        loader = _FastLoader(text, file)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except (yaml.YAMLError, UnicodeError):
        return None
    return (node, loader) if node is not None else None


def _plain_events(events: _FastLoader, text: str) -> bool:
    """Whether the file's events are all ones both parsers read alike, nested at most
    MAX_DEPTH deep.

    Raises:
        yaml.YAMLError: libyaml refuses the file.
    """
    depth = flow = 0
    while (event := events.get_event()) is not None:
        kind = type(event)
        if kind in _COLLECTION_ENDS:
            depth -= 1
            flow -= flow > 0  # a flow collection holds no block one: an end inside is a flow end
        elif kind is yaml.AliasEvent or getattr(event, "anchor", None) is not None:
            return False
        elif getattr(event, "tag", None) is not None:
            return False  # an explicit tag (`!!str`, `!`, `!x,` in a flow): each parser has its own
            # idea of where one ends, and packs need none
        elif kind in _COLLECTION_STARTS:
            depth += 1
            flow += bool(getattr(event, "flow_style", False))
            if depth >= MAX_DEPTH:
                return False
        elif kind is yaml.ScalarEvent:
            scalar: Any = event
            if flow and not scalar.style and "?" in scalar.value:
                return False
            if scalar.style in ("|", ">"):
                header = text[scalar.start_mark.index + 1 :].split("\n", 1)[0]
                if "#" in header.split(" ", 1)[0]:
                    return False
        elif kind is yaml.DocumentStartEvent and getattr(event, "explicit", False):
            return False  # the Python parser marks the root after `---`, libyaml before
    return True


@dataclass(frozen=True)
class YamlDoc:
    """A parsed YAML file: its data, where each value stood, and each scalar as written."""

    file: Path
    data: Any
    marks: dict[Path_, tuple[int, int]]
    texts: dict[Path_, str] = dataclass_field(default_factory=dict)

    def text(self, path: Sequence[str | int], value: object) -> str:
        """The scalar at `path` as the file has it, before YAML read `yes`, `1.50` or `007` as a
        boolean or a number; `str(value)` when the file is not where it came from."""
        return self.texts.get(tuple(path), str(value))

    def where(self, path: Sequence[str | int]) -> str:
        """`file:line:col` of the deepest known part of `path`."""
        key = tuple(path)
        while key and key not in self.marks:
            key = key[:-1]
        line, col = self.marks.get(key, (1, 1))
        return f"{self.file}:{line}:{col}"

    def error(self, path: Sequence[str | int], message: str) -> ContentError:
        """A ContentError for the value at `path`."""
        field = ".".join(str(p) for p in path) or "(file)"
        return ContentError.said(f"{self.where(path)}: {field}: {message}")


def _mark(node: yaml.Node) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _text_of(file: Path) -> str:
    """A YAML file's text: a regular file of at most MAX_FILE_BYTES, read without blocking (a
    FIFO in its place is refused, never waited on), its line ends made '\\n' as `read_text`
    makes them.

    Raises:
        ContentError: it cannot be read, is not a file, is too big, or is not UTF-8.
    """
    from rebound.storage.files import NotAFile, TooLarge, read_regular

    try:
        raw = read_regular(file, MAX_FILE_BYTES)
    except TooLarge as exc:
        size = exc.values["value"]
        said = say("cf_too_big", value=size, count=MAX_FILE_BYTES // 1024)
        raise ContentError.said(f"{file}:1:1: (file): {said}") from None
    except NotAFile as exc:
        why = say(exc.reason, **exc.values)
        raise ContentError.said(f"{file}: {say('cf_unreadable', value=why)}") from None
    except OSError as exc:
        raise ContentError.said(f"{file}: {say('cf_unreadable', value=exc.strerror)}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        said = say("cf_not_utf8", value=exc.reason)
        raise ContentError.said(f"{file}:1:1: (file): {said}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_yaml(file: Path) -> YamlDoc:
    text = _text_of(file)
    marks: dict[Path_, tuple[int, int]] = {}
    fast = _fast_node(text, file)
    if fast is not None:
        data = _build(fast[0], (), marks, file, fast[1])
        return YamlDoc(file, data, marks, fast[1].texts)
    try:
        loader = _Loader(text, file)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(file, text, exc) from None
    try:
        node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        raise _reader_error(file, text, exc) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{file}:{mark.line + 1}:{mark.column + 1}" if mark else f"{file}"
        problem = exc.problem or exc.context or say("cf_not_yaml")
        if (
            exc.context
            and exc.context_mark
            and exc.problem_mark
            and exc.context_mark.line != exc.problem_mark.line
        ):
            line = exc.context_mark.line + 1
            problem = say("cf_yaml_context", value=problem, title=exc.context, number=line)
        raise ContentError.said(f"{where}: (yaml): {problem}.") from None
    except (ValueError, OverflowError):
        # An escape past Unicode's last character ("\\U00110000"): PyYAML's scanner hands it to
        # `chr()`, which raises; the reader stands on the escape's digits.
        mark = loader.get_mark()
        said = say("cf_bad_escape")
        raise ContentError.said(
            f"{file}:{mark.line + 1}:{mark.column + 1}: (yaml): {said}"
        ) from None
    except yaml.YAMLError as exc:
        raise ContentError.said(f"{file}: (yaml): {exc}.") from None
    finally:
        loader.dispose()
    if node is None:
        raise ContentError.said(f"{file}:1:1: (file): {say('cf_empty')}")
    data = _build(node, (), marks, file, loader)
    return YamlDoc(file, data, marks, loader.texts)


def _reader_error(file: Path, text: str, exc: yaml.reader.ReaderError) -> ContentError:
    pos = min(max(exc.position, 0), len(text))
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    said = say("cf_bad_character", value=f"{exc.character:04X}")
    return ContentError.said(f"{file}:{line}:{col}: (yaml): {said}")


def _build(
    node: yaml.Node,
    path: Path_,
    marks: dict[Path_, tuple[int, int]],
    file: Path,
    loader: _Loader | _FastLoader,
) -> Any:
    mark = marks[path] = _mark(node)

    def wrong(said: str, at: tuple[int, int] = mark) -> ContentError:
        field = ".".join(str(p) for p in path) or "(file)"
        return ContentError.said(f"{file}:{at[0]}:{at[1]}: {field}: {said}")

    if mark in loader.anchored:
        raise wrong(say("cf_no_aliases"))
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP_TAG:
            raise wrong(say("cf_bad_tag", value=node.tag))
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise wrong(say("cf_no_merge"), _mark(key_node))
            key = _build(key_node, (*path, "?"), marks, file, loader)
            if not isinstance(key, str):
                raise wrong(say("cf_keys_text"), _mark(key_node))
            if key in out:
                raise wrong(say("cf_key_twice", value=key), _mark(key_node))
            out[key] = _build(value_node, (*path, key), marks, file, loader)
            marks[(*path, key)] = _mark(key_node)
        marks.pop((*path, "?"), None)
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ_TAG:
            raise wrong(say("cf_bad_tag", value=node.tag))
        return [
            _build(child, (*path, i), marks, file, loader) for i, child in enumerate(node.value)
        ]
    if isinstance(node, yaml.ScalarNode) and node.tag in _PLAIN_TAGS:
        text = loader.texts[path] = scrub_tree(node.value)
        if node.tag == _STR_TAG:
            return text  # what PyYAML's constructor makes of a string: its value, as written
        try:
            # A "\udcff" escape reads as a lone surrogate, which could never be saved.
            return scrub_tree(loader.construct_object(node, deep=True))
        except Exception:  # PyYAML's own constructors: `!!int ""` is an IndexError, and so on
            name = node.tag.rsplit(":", 1)[-1]
            raise wrong(say("cf_bad_scalar", value=node.value, name=name)) from None
    raise wrong(say("cf_bad_tag", value=node.tag))

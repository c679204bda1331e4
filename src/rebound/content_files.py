"""Read a content folder's YAML files into validated models (the slow, careful path).

`rebound.content` decides which folder and caches the result; this module does the reading.

Every problem becomes a `ContentError` that reads `file:line:col: field: message`, so that a
person editing a content pack can go straight to the spot. The YAML reader is deliberately
narrow: safe types only, no aliases or anchors, no duplicate keys, no custom tags, no dates
(they stay text), and files of a sane size.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from rebound import templates, values
from rebound.errors import ContentError
from rebound.models import (
    UI_NAMES,
    Condition,
    Content,
    FieldDef,
    Opening,
    PromptDef,
    Step,
    Ui,
    Words,
)
from rebound.names import COACH_FILE, STEPS_DIR
from rebound.text import scrub_tree
from rebound.words import say

MAX_FILE_BYTES = 256 * 1024  # a content file larger than this is refused, unread
BUILTIN_NAMES = frozenset({"today", "id"})
# What a condition that can never hold tests, by (its prompt has choices, a checkbox answer is
# tested with other than 'contains'): the key of its sentence.
NEVER_HOLDS = {
    (True, False): "cf_never_choice",
    (True, True): "cf_never_choice_checkbox",
    (False, False): "cf_never_answer",
    (False, True): "cf_never_answer_checkbox",
}
MAX_DEPTH = 50  # levels of nesting a YAML file may have; the packs use about 6

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:float",
}
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
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_yaml(file: Path) -> YamlDoc:
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise ContentError.said(f"{file}: {say('cf_unreadable', value=exc.strerror)}") from None
    if size > MAX_FILE_BYTES:
        said = say("cf_too_big", value=f"{size:,}", count=MAX_FILE_BYTES // 1024)
        raise ContentError.said(f"{file}:1:1: (file): {said}")
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        said = say("cf_not_utf8", value=exc.reason)
        raise ContentError.said(f"{file}:1:1: (file): {said}") from None
    except OSError as exc:
        raise ContentError.said(f"{file}: {say('cf_unreadable', value=exc.strerror)}") from None
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
    except yaml.YAMLError as exc:
        raise ContentError.said(f"{file}: (yaml): {exc}.") from None
    finally:
        loader.dispose()
    marks: dict[Path_, tuple[int, int]] = {}
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
    node: yaml.Node, path: Path_, marks: dict[Path_, tuple[int, int]], file: Path, loader: _Loader
) -> Any:
    marks[path] = _mark(node)
    where = f"{file}:{marks[path][0]}:{marks[path][1]}"
    field = ".".join(str(p) for p in path) or "(file)"
    if marks[path] in loader.anchored:
        raise ContentError.said(f"{where}: {field}: {say('cf_no_aliases')}")
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP_TAG:
            raise ContentError.said(f"{where}: {field}: {say('cf_bad_tag', value=node.tag)}")
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, col = _mark(key_node)
                raise ContentError.said(f"{file}:{line}:{col}: {field}: {say('cf_no_merge')}")
            key = _build(key_node, (*path, "?"), marks, file, loader)
            if not isinstance(key, str):
                line, col = _mark(key_node)
                raise ContentError.said(f"{file}:{line}:{col}: {field}: {say('cf_keys_text')}")
            if key in out:
                line, col = _mark(key_node)
                said = say("cf_key_twice", value=key)
                raise ContentError.said(f"{file}:{line}:{col}: {field}: {said}")
            out[key] = _build(value_node, (*path, key), marks, file, loader)
            marks[(*path, key)] = _mark(key_node)
        marks.pop((*path, "?"), None)
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ_TAG:
            raise ContentError.said(f"{where}: {field}: {say('cf_bad_tag', value=node.tag)}")
        return [
            _build(child, (*path, i), marks, file, loader) for i, child in enumerate(node.value)
        ]
    if isinstance(node, yaml.ScalarNode) and node.tag in _PLAIN_TAGS:
        loader.texts[path] = scrub_tree(node.value)
        try:
            # A "\udcff" escape reads as a lone surrogate, which could never be saved.
            return scrub_tree(loader.construct_object(node, deep=True))
        except (yaml.YAMLError, ValueError):
            said = say("cf_bad_scalar", value=node.value, name=node.tag.rsplit(":", 1)[-1])
            raise ContentError.said(f"{where}: {field}: {said}") from None
    raise ContentError.said(f"{where}: {field}: {say('cf_bad_tag', value=node.tag)}")


def _validate(doc: YamlDoc, model: type[Any], path: Path_ = ()) -> Any:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [p for p in first["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = say("cf_unknown_field")
        elif first["type"] == "missing":
            message = say("cf_required")
        more = len(exc.errors()) - 1
        if more:
            message = say(
                "cf_more_problems_one" if more == 1 else "cf_more_problems",
                value=message,
                count=more,
            )
        raise doc.error((*path, *loc), message) from None


def load(base: Path) -> Content:
    """Load and validate a content folder (`coach.yaml` and `steps/<id>.yaml`).

    Raises:
        ContentError: the folder or a file is missing, or something in it is wrong.
    """
    coach_file = base / COACH_FILE
    if not coach_file.is_file():
        raise ContentError.said(f"{base}: {say('cf_not_content', value=COACH_FILE)}")
    coach = read_yaml(coach_file)
    if not isinstance(coach.data, dict):
        raise coach.error((), say("cf_coach_shape"))
    unknown = sorted(set(coach.data) - {"opening", "steps", "words", "ui"})
    if unknown:
        raise coach.error((unknown[0],), say("cf_unknown_field"))
    for key in ("opening", "steps"):
        if key not in coach.data:
            raise coach.error((), say("cf_key_required", value=key))
    opening_doc = YamlDoc(coach.file, coach.data["opening"], coach.marks)
    opening = _validate(opening_doc, Opening, ("opening",))
    step_ids = coach.data["steps"]
    if (
        not isinstance(step_ids, list)
        or not step_ids
        or not all(isinstance(s, str) for s in step_ids)
    ):
        raise coach.error(("steps",), say("cf_step_ids"))
    if len(set(step_ids)) != len(step_ids):
        raise coach.error(("steps",), say("cf_step_twice"))
    steps: list[Step] = []
    docs: dict[str, YamlDoc] = {}
    for i, step_id in enumerate(step_ids):
        file = base / STEPS_DIR / f"{step_id}.yaml"
        if not file.is_file():
            said = say("cf_no_step_file", where=f"{STEPS_DIR}/{step_id}.yaml")
            raise coach.error(("steps", i), said)
        doc = read_yaml(file)
        step = _validate(doc, Step)
        if step.id != step_id:
            raise doc.error(("id",), say("cf_step_id", value=step.id, id=step_id))
        steps.append(step)
        docs[step_id] = doc
    words = _validate(
        YamlDoc(coach.file, coach.data.get("words", {}), coach.marks), Words, ("words",)
    )
    ui = _validate(YamlDoc(coach.file, coach.data.get("ui", {}), coach.marks), Ui, ("ui",))
    for key, text in ui.model_dump().items():
        try:
            used = {name for name, _ in templates.names(templates.parse(text))}
        except templates.TemplateError as exc:
            said = say("cf_template_line", number=exc.line, value=str(exc))
            raise coach.error(("ui", key), said) from None
        if used - UI_NAMES:
            wrong = sorted(used - UI_NAMES)[0]
            raise coach.error(("ui", key), say("cf_ui_name", value=f"{{{{{wrong}}}}}"))
    content = Content(opening=opening, steps=steps, words=words, ui=ui, source=str(base))
    _cross_check(content, coach, docs)
    return content


def _prompt_places(
    content: Content, coach: YamlDoc, docs: dict[str, YamlDoc]
) -> Iterator[tuple[YamlDoc, Path_, PromptDef]]:
    sub = YamlDoc(coach.file, None, coach.marks)
    for i, prompt in enumerate(content.opening.prompts):
        yield sub, ("opening", "prompts", i), prompt
    for step in content.steps:
        for i, prompt in enumerate(step.prompts):
            yield docs[step.id], ("prompts", i), prompt


def _cross_check(content: Content, coach: YamlDoc, docs: dict[str, YamlDoc]) -> None:
    """What one file cannot check alone: ids, references and templates across the content."""
    kinds: dict[str, PromptDef] = {}
    for doc, path, prompt in _prompt_places(content, coach, docs):
        if prompt.id in kinds or prompt.id in BUILTIN_NAMES:
            raise doc.error((*path, "id"), say("cf_prompt_taken", id=prompt.id))
        scope = {**kinds, **{f.id: f for f in prompt.fields}} if prompt.fields else kinds
        if prompt.when and prompt.when.prompt not in kinds:
            raise doc.error((*path, "when", "prompt"), say("cf_not_earlier", id=prompt.when.prompt))
        if prompt.when:
            _check_choice(doc, (*path, "when"), prompt.when, kinds)
        for j, fld in enumerate(prompt.fields):
            if fld.when and fld.when.prompt not in scope:
                raise doc.error(
                    (*path, "fields", j, "when", "prompt"),
                    say("cf_not_prompt_or_field", id=fld.when.prompt),
                )
            if fld.when:
                _check_choice(doc, (*path, "fields", j, "when"), fld.when, scope)
        _check_default(doc, path, prompt, content)
        for j, fld in enumerate(prompt.fields):
            _check_default(doc, (*path, "fields", j), fld, content)
        kinds[prompt.id] = prompt
    for step in content.steps:
        doc = docs[step.id]
        own = {p.id for p in step.prompts}
        ids = [d.id for d in step.drafts]
        if len(set(ids)) != len(ids):
            raise doc.error(("drafts",), say("cf_drafts_share"))
        for i, draft in enumerate(step.drafts):
            if draft.before is not None and draft.before not in own:
                said = say("cf_not_in_step", id=draft.before)
                raise doc.error(("drafts", i, "before"), said)
            _check_template(doc, ("drafts", i, "template"), draft.template, kinds, None)
        item_ids = [c.id for c in step.checklist]
        if len(set(item_ids)) != len(item_ids):
            raise doc.error(("checklist",), say("cf_items_share"))
        for i, item in enumerate(step.checklist):
            where: Path_ = ("checklist", i)
            listed = None
            if item.each is not None:
                listed = kinds.get(item.each)
                if listed is None or listed.kind != "list":
                    raise doc.error((*where, "each"), say("cf_not_list", id=item.each))
            for key, conds in (("done_when", item.done_when), ("when", item.when)):
                listed_conds = conds if isinstance(conds, list) else [conds] if conds else []
                for k, cond in enumerate(listed_conds):
                    at = (
                        (*where, key, k, "prompt")
                        if isinstance(conds, list)
                        else (*where, key, "prompt")
                    )
                    if cond.prompt not in kinds:
                        raise doc.error(at, say("cf_not_prompt", id=cond.prompt))
                    _check_choice(doc, at[:-1], cond, kinds)
            if item.due_after is not None and item.due_after.prompt not in kinds:
                said = say("cf_not_prompt", id=item.due_after.prompt)
                raise doc.error((*where, "due_after", "prompt"), said)
            if item.due is not None:
                pool = {f.id: f for f in listed.fields} if listed else kinds
                target = pool.get(item.due)
                if target is None or target.kind != "date":
                    raise doc.error((*where, "due"), say("cf_not_date", id=item.due))
            for key in ("label", "next"):
                text = getattr(item, key)
                if text is not None:
                    _check_template(doc, (*where, key), text, kinds, listed)


def _check_choice(
    doc: YamlDoc, path: Path_, cond: Condition, kinds: Mapping[str, FieldDef]
) -> None:
    """A condition must test a value its prompt's answer can have (one of a select's or a
    checkbox's choices, a yes or no, a whole number, a text): any other can never be given, so
    the prompt would never be asked, or the item never count as done."""
    tested = kinds.get(cond.prompt)
    if tested is None:
        return
    choices = {c.value for c in tested.choices}
    wanted: list[tuple[Path_, object]] = []
    if cond.equals is not None:
        wanted.append((("equals",), cond.equals))
    wanted += [(("one_of", i), v) for i, v in enumerate(cond.one_of or [])]
    if cond.contains is not None:
        wanted.append((("contains",), cond.contains))
    for key, value in wanted:
        if tested.kind == "checkbox":
            fits = key[0] == "contains" and value in choices
        elif key[0] == "contains":
            fits = False
        elif tested.kind == "select":
            fits = value in choices
        elif tested.kind == "confirm":
            fits = isinstance(value, bool)
        elif tested.kind == "number":
            fits = isinstance(value, int) and not isinstance(value, bool)
        else:
            fits = isinstance(value, str)
        if not fits:
            wrong_test = tested.kind == "checkbox" and key[0] != "contains"
            said = say(NEVER_HOLDS[bool(choices), wrong_test], value=repr(value), id=cond.prompt)
            raise doc.error((*path, *key), said)


def _check_default(doc: YamlDoc, path: Path_, q: FieldDef, content: Content) -> None:
    """A default must be an answer its own question would accept (in the pack's words)."""
    if q.default is None or q.kind == "select":  # select defaults are checked by the model
        return
    raw = q.default
    given = raw if isinstance(raw, (bool, list)) else str(raw)
    try:
        values.check(q, given, date(2026, 1, 1), content)
    except ValueError as exc:
        said = say("cf_bad_default", value=repr(raw), title=str(exc))
        raise doc.error((*path, "default"), said) from None


def _check_template(
    doc: YamlDoc, path: Path_, text: str, kinds: dict[str, PromptDef], listed: PromptDef | None
) -> None:
    try:
        nodes = templates.parse(text)
    except templates.TemplateError as exc:
        raise doc.error(path, say("cf_template_line", number=exc.line, value=str(exc))) from None
    for name, inside in templates.names(nodes):
        fields: set[str] = {f.id for f in listed.fields} if listed else set()
        for section in inside:
            prompt = kinds.get(section)
            if prompt is not None:
                fields |= {f.id for f in prompt.fields}
        if name not in kinds and name not in fields and name not in BUILTIN_NAMES:
            raise doc.error(path, say("cf_unanswered", value=f"{{{{{name}}}}}"))

"""What a translation keeps of its base pack: the same steps, questions, choices, conditions,
dates and drafts, compared piece by piece, each difference placed in the translation's files.

A translation changes only what people read (titles, messages, labels, the wording of the
templates). The ids, kinds, choice values, conditions, dates, drafts and checklist the coach works
with stay those of the base pack, and every placeholder and section of a template stays, so that
a session started in one language reads the same in another. `differences(base, other, like)`
compares two loaded packs and does no I/O; `placed(folder, found)` reads the translation's files
again, only when something differs, to give each difference its `file:line:col`. `rebound content
validate --like BASE DIR` says them, and tests/unit/test_content_packs.py holds the shipped
translations to none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any, TypeVar

from rebound.pack.conditions import Condition, Line, Said
from rebound.pack.models import (
    ChecklistItem,
    Content,
    Draft,
    FieldDef,
    PromptDef,
    Step,
)
from rebound.sentences import speech, templates
from rebound.storage.paths import COACH_FILE, STEPS_DIR

Path_ = tuple[str | int, ...]
_T = TypeVar("_T")

# A template's tags (kind, name, filter); an `or` fallback is wording, so it may be translated.
_TAG = re.compile(r"\{\{\s*([#^/]?)\s*([a-z][a-z0-9_]*)\s*(?:\|\s*([a-z_]+))?")

# What must be the same, key by key, in a question (a prompt or a list's field) and a prompt.
_QUESTION_KEYS = (
    "kind",
    "required",
    "default",
    "remember",
    "minimum",
    "maximum",
    "not_before",
    "not_after",
)
_PROMPT_KEYS = ("min_items", "default_for_earlier_sessions")
_DRAFT_KEYS = ("before", "each", "channel", "send", "ticks", "optional", "kept", "limits")
_ITEM_KEYS = ("each", "due", "info")


@dataclass(frozen=True)
class Difference:
    """One way a translation is not like its base: in which of its files (`coach.yaml`,
    `steps/<id>.yaml`), where in it (YAML keys and list indexes), and the sentence that says
    how (`key`, a `ui:` sentence, with the values it is filled with)."""

    file: str
    path: Path_
    key: str
    values: Mapping[str, object] = dataclass_field(default_factory=dict)

    @property
    def field(self) -> str:
        """The path as `rebound content validate` names a field: `prompts.2.choices`."""
        return ".".join(str(p) for p in self.path) or "(file)"

    def said(self) -> str:
        """What differs, in the language of this run."""
        return speech.say(self.key, **self.values)


def differences(base: Content, other: Content, like: str) -> list[Difference]:
    """Every way `other` (a translation) differs from `base` in what the coach works with, in
    the order the coach reads a pack (the opening, each step, the follow-up); `like` names the
    base pack in the sentences."""
    compare = _Compare(like)
    compare.pack(base, other)
    return compare.found


def placed(folder: Path, found: Sequence[Difference]) -> list[tuple[str, Difference]]:
    """Each difference with where it stands in the translation in `folder`: `file:line:col`,
    or the file alone if it can no longer be read."""
    from rebound.errors import ContentError
    from rebound.pack.yaml_reader import YamlDoc, read_yaml

    docs: dict[str, YamlDoc | None] = {}
    out: list[tuple[str, Difference]] = []
    for difference in found:
        if difference.file not in docs:
            try:
                docs[difference.file] = read_yaml(folder / difference.file)
            except ContentError:  # changed or taken away since it was read
                docs[difference.file] = None
        doc = docs[difference.file]
        out.append(
            (doc.where(difference.path) if doc else str(folder / difference.file), difference)
        )
    return out


class _Compare:
    """The walk over two packs, side by side, noting each difference as it finds it."""

    def __init__(self, like: str) -> None:
        self.like = like
        self.found: list[Difference] = []

    def add(self, file: str, path: Path_, key: str, **values: object) -> None:
        self.found.append(Difference(file, path, key, {**values, "where": self.like}))

    def same(self, file: str, path: Path_, base: object, other: object) -> None:
        if base != other:
            self.add(file, path, "like_differs", value=_shown(other), list=_shown(base))

    def by_id(
        self,
        file: str,
        path: Path_,
        base: Sequence[_T],
        other: Sequence[_T],
        key: Callable[[_T], str],
    ) -> list[tuple[_T, _T, int]]:
        """Pair the entries of two lists by id: say which are missing, extra or in another
        order; return each pair with the entry's index in the translation."""
        base_ids, other_ids = [key(b) for b in base], [key(o) for o in other]
        for wanted in base_ids:
            if wanted not in other_ids:
                self.add(file, path, "like_missing", id=wanted)
        for j, got in enumerate(other_ids):
            if got not in base_ids:
                self.add(file, (*path, j), "like_extra", id=got)
        shared = [i for i in base_ids if i in other_ids]
        if [i for i in other_ids if i in base_ids] != shared:
            self.add(file, path, "like_order", list=", ".join(shared))
        by_id = dict(zip(base_ids, base, strict=True))
        return [(by_id[key(o)], o, j) for j, o in enumerate(other) if key(o) in by_id]

    def given(self, file: str, path: Path_, name: str, base: object, other: object) -> bool:
        """Whether both give `name`; if only one does, say so."""
        if base is not None and other is None:
            self.add(file, path, "like_missing", id=name)
        elif base is None and other is not None:
            self.add(file, (*path, name), "like_extra", id=name)
        return base is not None and other is not None

    # --- the pack, its steps and what they hold ------------------------------------------

    def pack(self, base: Content, other: Content) -> None:
        opening = ("opening",)
        welcome = len(base.opening.welcome), len(other.opening.welcome)
        if welcome[0] != welcome[1]:  # paragraphs of the welcome box
            self.add(
                COACH_FILE, (*opening, "welcome"), "like_count", count=welcome[1], number=welcome[0]
            )
        for b, o, j in self.by_id(
            COACH_FILE, (*opening, "prompts"), base.opening.prompts, other.opening.prompts, _id
        ):
            self.prompt(COACH_FILE, (*opening, "prompts", j), b, o)
        base_steps = {s.id: s for s in base.steps}
        for b_id, _, _ in self.by_id(
            COACH_FILE, ("steps",), [s.id for s in base.steps], [s.id for s in other.steps], str
        ):
            self.step(base_steps[b_id], other.step(b_id))
        follow_up = ("follow_up",)
        b_up, o_up = base.follow_up, other.follow_up
        for name in ("keep_in_touch", "keep_in_touch_default", "reapply"):
            self.same(COACH_FILE, (*follow_up, name), getattr(b_up, name), getattr(o_up, name))
        for name in ("prompts", "ticks"):
            at = (*follow_up, "feedback", name)
            self.same(COACH_FILE, at, getattr(b_up.feedback, name), getattr(o_up.feedback, name))

    def step(self, base: Step, other: Step) -> None:
        file = f"{STEPS_DIR}/{other.id}.yaml"
        for name in ("why", "guidance", "tips", "done"):  # the same lines, said in the same cases
            self.lines(file, (name,), getattr(base, name), getattr(other, name))
        for b, o, j in self.by_id(file, ("prompts",), base.prompts, other.prompts, _id):
            self.prompt(file, ("prompts", j), b, o)
        for b_draft, o_draft, j in self.by_id(file, ("drafts",), base.drafts, other.drafts, _id):
            self.draft(file, ("drafts", j), b_draft, o_draft)
        for b_item, o_item, j in self.by_id(
            file, ("checklist",), base.checklist, other.checklist, _id
        ):
            self.item(file, ("checklist", j), b_item, o_item)

    def question(self, file: str, path: Path_, base: FieldDef, other: FieldDef) -> None:
        for name in _QUESTION_KEYS:
            self.same(file, (*path, name), getattr(base, name), getattr(other, name))
        self.by_id(file, (*path, "choices"), base.choices, other.choices, lambda c: c.value)
        self.conditions(file, (*path, "when"), base.when, other.when)
        self.given(file, path, "help", base.help, other.help)
        self.given(file, path, "nudge", base.nudge, other.nudge)
        if base.nudge is not None and other.nudge is not None:
            for name in ("after_days", "before_days"):
                at = (*path, "nudge", name)
                self.same(file, at, getattr(base.nudge, name), getattr(other.nudge, name))
        if self.given(file, path, "default_from", base.default_from, other.default_from):
            self.tags(file, (*path, "default_from"), base.default_from, other.default_from)

    def prompt(self, file: str, path: Path_, base: PromptDef, other: PromptDef) -> None:
        self.question(file, path, base, other)
        for name in _PROMPT_KEYS:
            self.same(file, (*path, name), getattr(base, name), getattr(other, name))
        self.given(file, path, "first", base.first, other.first)
        self.given(file, path, "more", base.more, other.more)
        for b, o, j in self.by_id(file, (*path, "fields"), base.fields, other.fields, _id):
            self.question(file, (*path, "fields", j), b, o)

    def draft(self, file: str, path: Path_, base: Draft, other: Draft) -> None:
        for name in _DRAFT_KEYS:
            self.same(file, (*path, name), getattr(base, name), getattr(other, name))
        self.conditions(file, (*path, "when"), base.when, other.when)
        self.template(file, (*path, "template"), base.template, other.template)
        self.tags(file, (*path, "title"), base.title, other.title)
        for name in ("to", "subject"):
            self.lines(file, (*path, name), getattr(base, name), getattr(other, name))
            self.tags(file, (*path, name), getattr(base, name), getattr(other, name))
        for part, _, _ in self.by_id(
            file, (*path, "parts"), list(base.parts), list(other.parts), str
        ):
            at = (*path, "parts", part)
            self.lines(file, at, base.parts[part], other.parts[part])
            self.tags(file, at, base.parts[part], other.parts[part])

    def item(self, file: str, path: Path_, base: ChecklistItem, other: ChecklistItem) -> None:
        for name in _ITEM_KEYS:
            self.same(file, (*path, name), getattr(base, name), getattr(other, name))
        b_after = base.due_after.model_dump() if base.due_after else None
        o_after = other.due_after.model_dump() if other.due_after else None
        self.same(file, (*path, "due_after"), b_after, o_after)
        self.conditions(file, (*path, "when"), base.when, other.when)
        self.conditions(file, (*path, "done_when"), base.done_when, other.done_when)
        self.lines(file, (*path, "label"), base.label, other.label)
        self.tags(file, (*path, "label"), base.label, other.label)
        if self.given(file, path, "next", base.next, other.next):
            self.tags(file, (*path, "next"), base.next, other.next)

    # --- conditions, lines and templates ----------------------------------------------------

    def conditions(self, file: str, path: Path_, base: object, other: object) -> None:
        self.same(file, path, _conditions(base), _conditions(other))

    def lines(
        self, file: str, path: Path_, base: str | list[Line] | None, other: str | list[Line] | None
    ) -> None:
        """The same number of lines, each said in the same cases (the words may differ)."""
        b, o = _said_when(base), _said_when(other)
        if len(b) != len(o):
            self.add(file, path, "like_count", count=len(o), number=len(b))
            return
        for k, (b_when, o_when) in enumerate(zip(b, o, strict=True)):
            at = (*path, k, "when") if isinstance(other, list) else path
            self.same(file, at, b_when, o_when)

    def tags(self, file: str, path: Path_, base: object, other: object) -> None:
        """The same placeholders, sections and filters, however often and in whatever order
        (a language may name the company twice where another names it once)."""
        b, o = _tags(base), _tags(other)
        for tag in sorted(b - o):
            self.add(file, path, "like_missing", id=_tag_text(tag))
        for tag in sorted(o - b):
            self.add(file, path, "like_extra", id=_tag_text(tag))

    def template(self, file: str, path: Path_, base: str, other: str) -> None:
        """A draft's text: its tags, and each answer read inside the same sections."""
        found = len(self.found)
        self.tags(file, path, base, other)
        if len(self.found) > found:
            return  # a tag missing or extra: its sections are beside the point
        b, o = _nesting(base), _nesting(other)
        for name, inside in sorted(b - o):
            shown = ", ".join(f"{{{{#{s}}}}}" for s in inside) or _shown(None)
            self.add(file, path, "like_inside", value=f"{{{{{name}}}}}", list=shown)


def _id(entry: Any) -> str:
    return str(entry.id)


def _conditions(conds: object) -> list[dict[str, Any]]:
    """Conditions as plain data, one or many alike: a list, each without its unset tests."""
    if conds is None:
        return []
    listed = conds if isinstance(conds, list) else [conds]
    return [c.model_dump(exclude_none=True) for c in listed if isinstance(c, Condition)]


def _said_when(lines: str | list[Line] | None) -> list[list[dict[str, Any]]]:
    """When each line of a text is said: its conditions (none: always)."""
    if lines is None:
        return []
    if isinstance(lines, str):
        return [[]]
    return [_conditions(line.when) if isinstance(line, Said) else [] for line in lines]


def _tags(text: object) -> set[tuple[str, str, str]]:
    """The template tags of a text (or of any of its lines)."""
    if isinstance(text, list):
        return set().union(*(_tags(line.text if isinstance(line, Said) else line) for line in text))
    found = _TAG.findall(text) if isinstance(text, str) else []
    return {(kind, name, filt) for kind, name, filt in found}


def _tag_text(tag: tuple[str, str, str]) -> str:
    kind, name, filt = tag
    return f"{{{{{kind}{name}{'|' + filt if filt else ''}}}}}"


def _nesting(text: str) -> set[tuple[str, tuple[str, ...]]]:
    """Each name a template reads, with the sections around it."""
    return set(templates.names(templates.parse(text)))


def _shown(value: object) -> object:
    """A value as a difference shows it: YAML's way of writing it, on one line."""
    if value is None or value == []:
        return speech.phrase("like_none")
    return _flow(value)


def _flow(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        if len(value) == 1 and isinstance(value[0], dict):
            return _flow(value[0])  # one condition, as it is usually written
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if value is None:
        return "null"
    return str(value)

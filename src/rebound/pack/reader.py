"""Read a content folder's YAML files into validated models (the slow, careful path).

`rebound.pack.packs` decides which folder and caches the result; this module does the reading.

Every problem becomes a `ContentError` that reads `file:line:col: field: message`, so that a
person editing a content pack can go straight to the spot. The YAML reader
(`rebound.pack.yaml_reader`) is deliberately narrow: safe types only, no aliases or anchors, no
duplicate keys, no custom tags, no dates (they stay text), and files of a sane size.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from rebound.errors import ContentError
from rebound.pack import typed
from rebound.pack.conditions import Condition, Conditions, Line, Said
from rebound.pack.models import (
    TODAY,
    Content,
    Draft,
    FieldDef,
    FollowUp,
    Opening,
    PromptDef,
    Step,
    Words,
)
from rebound.pack.yaml_reader import MAX_DEPTH, MAX_FILE_BYTES, Path_, YamlDoc, read_yaml
from rebound.sentences import templates
from rebound.sentences.catalogue import UI_NAMES, Ui
from rebound.storage.paths import COACH_FILE, STEPS_DIR

# Read here by name: the reader's limits, and what answers files use of it.
__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "YamlDoc", "load", "read_yaml"]
from rebound.sentences.speech import say

BUILTIN_NAMES = frozenset({"today", "id"})

# What a condition that can never hold tests, by (its prompt has choices, a checkbox answer is
# tested with other than 'contains'): the key of its sentence.
NEVER_HOLDS = {
    (True, False): "cf_never_choice",
    (True, True): "cf_never_choice_checkbox",
    (False, False): "cf_never_answer",
    (False, True): "cf_never_answer_checkbox",
}


def _tag(part: object) -> bool:
    """Whether a part of an error's location names a branch of a union ('str', 'Said',
    'list[Condition]') or a validator, rather than a field or an index."""
    return isinstance(part, str) and (
        part.startswith(("function-", "list["))
        or part in ("str", "int", "bool")
        or part[:1].isupper()
    )


def _place(error: Any) -> tuple[object, ...]:
    """Where an error is, up to the first union branch: one problem, whichever branch it fails."""
    loc = tuple(error["loc"])
    for i, part in enumerate(loc):
        if _tag(part):
            return loc[:i]
    return loc


def _most_telling(errors: list[Any]) -> Any:
    """The first error, unless it only says a text was expected where a `{text, when}` line (or
    another richer branch of a union) was written: then what is wrong with that branch."""
    first = errors[0]
    if any(part == "str" for part in first["loc"]):
        for other in errors[1:]:
            if _place(other) == _place(first) and "str" not in other["loc"]:
                return other
    return first


def _validate(doc: YamlDoc, model: type[Any], path: Path_ = ()) -> Any:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        errors = exc.errors()
        first = _most_telling(errors)
        loc = [p for p in first["loc"] if not _tag(p)]
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = say("cf_unknown_field")
        elif first["type"] == "missing":
            message = say("cf_required")
        more = len({_place(e) for e in errors}) - 1
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
    unknown = sorted(set(coach.data) - {"opening", "steps", "words", "ui", "follow_up"})
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
    follow_up = _validate(
        YamlDoc(coach.file, coach.data.get("follow_up", {}), coach.marks), FollowUp, ("follow_up",)
    )
    content = Content(
        opening=opening, steps=steps, words=words, ui=ui, follow_up=follow_up, source=str(base)
    )
    _cross_check(content, coach, docs)
    _check_follow_up(content, coach)
    return content


def _check_follow_up(content: Content, coach: YamlDoc) -> None:
    """The follow-up section names prompts and items that exist, where `rebound` looks for them."""
    later = content.follow_up.feedback
    steps = [s for s in content.steps if any(p.id in later.prompts for p in s.prompts)]
    for i, prompt_id in enumerate(later.prompts):
        if not any(p.id == prompt_id for s in steps for p in s.prompts):
            raise coach.error(
                ("follow_up", "feedback", "prompts", i), f"'{prompt_id}' is not a prompt of a step"
            )
    if len(steps) > 1:
        raise coach.error(("follow_up", "feedback", "prompts"), "give prompts of one step only")
    tickable = {i.id for s in steps for i in s.checklist if i.each is None and not i.info}
    for i, item_id in enumerate(later.ticks):
        if item_id not in tickable:
            raise coach.error(
                ("follow_up", "feedback", "ticks", i),
                f"'{item_id}' is not a checklist item to tick in the step of these prompts",
            )
    if content.follow_up.reapply is not None and not any(
        i.id == content.follow_up.reapply and i.due_after is not None
        for s in content.steps
        for i in s.checklist
    ):
        raise coach.error(
            ("follow_up", "reapply"),
            f"'{content.follow_up.reapply}' is not a checklist item with 'due_after'",
        )
    reply = content.follow_up.reply
    if reply is not None and not any(d.ticks == reply for s in content.steps for d in s.drafts):
        raise coach.error(
            ("follow_up", "reply"), f"'{reply}' is not a checklist item that a draft ticks"
        )


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
        _check_limits(doc, path, prompt, kinds)
        for j, fld in enumerate(prompt.fields):
            _check_default(doc, (*path, "fields", j), fld, content)
        if prompt.default_from is not None:
            _check_template(doc, (*path, "default_from"), prompt.default_from, kinds, None)
        for j, fld in enumerate(prompt.fields):
            if fld.default_from is not None:
                at = (*path, "fields", j, "default_from")
                _check_template(doc, at, fld.default_from, kinds, prompt)
            _check_limits(doc, (*path, "fields", j), fld, kinds)
        kinds[prompt.id] = prompt
    for step in content.steps:
        doc = docs[step.id]
        own = {p.id for p in step.prompts}
        ids = [d.id for d in step.drafts]
        if len(set(ids)) != len(ids):
            raise doc.error(("drafts",), say("cf_drafts_share"))
        for key in ("why", "guidance", "tips", "done"):
            _check_lines(doc, (key,), getattr(step, key), kinds, None, check_text=False)
        for i, draft in enumerate(step.drafts):
            if draft.before is not None and draft.before not in own:
                said = say("cf_not_in_step", id=draft.before)
                raise doc.error(("drafts", i, "before"), said)
            _check_draft(doc, ("drafts", i), draft, kinds)
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
            _check_lines(doc, (*where, "label"), item.label, kinds, listed)
            if item.next is not None:
                _check_template(doc, (*where, "next"), item.next, kinds, listed)


def _check_choice(
    doc: YamlDoc, path: Path_, cond: Condition, kinds: Mapping[str, FieldDef]
) -> None:
    """A condition must test a value its prompt's answer can have (one of a select's or a
    checkbox's choices, a yes or no, a whole number, a text): any other can never be given, so
    the prompt would never be asked, or the item never count as done."""
    tested = kinds.get(cond.prompt)
    if tested is None or cond.filter is not None:
        return  # a filtered answer ('address_sure') is another value: the filter's, not a choice
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


def _check_limits(doc: YamlDoc, path: Path_, q: FieldDef, earlier: dict[str, PromptDef]) -> None:
    """`not_before` / `not_after` name today or a date prompt asked before this one."""
    for key in ("not_before", "not_after"):
        name = getattr(q, key)
        if name is None or name == TODAY:
            continue
        target = earlier.get(name)
        if target is None or target.kind != "date":
            raise doc.error((*path, key), f"'{name}' is not 'today' or an earlier date prompt")


def _check_default(doc: YamlDoc, path: Path_, q: FieldDef, content: Content) -> None:
    """A default must be an answer its own question would accept (in the pack's words)."""
    if q.kind == "select":  # select defaults are checked by the model
        return
    for key in ("default", "default_for_earlier_sessions"):
        raw = getattr(q, key, None)
        if raw is None:
            continue
        given = raw if isinstance(raw, (bool, list)) else str(raw)
        try:
            typed.check(q, given, date(2026, 1, 1), content)
        except ValueError as exc:
            said = say("cf_bad_default", value=repr(raw), title=str(exc))
            raise doc.error((*path, key), said) from None


def _check_conditions(
    doc: YamlDoc,
    path: Path_,
    conds: Conditions,
    kinds: dict[str, PromptDef],
    listed: PromptDef | None,
) -> None:
    """Every condition names a prompt (or a field of the entry it is read for), and so does the
    answer it compares with (`other_person_than`)."""
    fields = {f.id for f in listed.fields} if listed else set()
    for k, cond in enumerate(conds if isinstance(conds, list) else [conds]):
        where = (*path, k) if isinstance(conds, list) else path
        for key, named in (
            ("prompt", cond.prompt),
            ("other_person_than", cond.other_person_than),
            ("other_workplace_than", cond.other_workplace_than),
            ("other_words_than", cond.other_words_than),
        ):
            if named is not None and named not in kinds and named not in fields:
                raise doc.error((*where, key), say("cf_not_prompt", id=named))


def _check_lines(
    doc: YamlDoc,
    path: Path_,
    lines: str | list[Line] | None,
    kinds: dict[str, PromptDef],
    listed: PromptDef | None,
    *,
    names: frozenset[str] = frozenset(),
    check_text: bool = True,
) -> None:
    """A text that may be a list of lines said only when their condition holds."""
    if lines is None:
        return
    for k, line in enumerate([lines] if isinstance(lines, str) else lines):
        at = path if isinstance(lines, str) else (*path, k)
        text = line.text if isinstance(line, Said) else line
        if isinstance(line, Said):
            _check_conditions(doc, (*at, "when"), line.when, kinds, listed)
            at = (*at, "text")
        if check_text:
            _check_template(doc, at, text, kinds, listed, names=names)


def _check_draft(doc: YamlDoc, path: Path_, draft: Draft, kinds: dict[str, PromptDef]) -> None:
    listed = None
    if draft.each is not None:
        listed = kinds.get(draft.each)
        if listed is None or listed.kind != "list":
            raise doc.error((*path, "each"), say("cf_not_list", id=draft.each))
    if draft.when is not None:
        _check_conditions(doc, (*path, "when"), draft.when, kinds, listed)
    for name, lines in draft.parts.items():
        if name in kinds:
            raise doc.error((*path, "parts", name), f"'{name}' is already the name of a prompt")
        _check_lines(doc, (*path, "parts", name), lines, kinds, listed)
    parts = frozenset(draft.parts)
    _check_template(doc, (*path, "template"), draft.template, kinds, listed, names=parts)
    _check_template(doc, (*path, "title"), draft.title, kinds, listed, names=parts)
    for key in ("to", "subject"):
        _check_lines(doc, (*path, key), getattr(draft, key), kinds, listed, names=parts)
    _check_lines(doc, (*path, "channel"), draft.channel, kinds, listed)


def _check_template(
    doc: YamlDoc,
    path: Path_,
    text: str,
    kinds: dict[str, PromptDef],
    listed: PromptDef | None,
    *,
    names: frozenset[str] = frozenset(),
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
        known = name in kinds or name in fields or name in names
        if not known and name not in BUILTIN_NAMES:
            raise doc.error(path, say("cf_unanswered", value=f"{{{{{name}}}}}"))

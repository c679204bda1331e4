"""Filling a session from a YAML answers file (`rebound start --answers FILE`).

For scripting, and for people who prefer their editor. The file maps question ids to answers;
a list question takes a list of entries. Every answer goes through the same checks as at the
prompt, and a problem is reported as `file:line:col: field: message`, with nothing saved.

    company: Globex
    role: Data Engineer
    messenger_name: Dana Smith
    fixes:
      - what: Practise system design twice a week
        due: +14d

Sentences of the drafts the person wrote themselves go under `sentences:`, by the name of the
part they replace (`detail`, `looking`; `outreach-2.looking` for one contact's note), and are used
as written, in place of the sentence the drafts would make:

    sentences:
      detail: You called me back yourself, which meant a lot.

A question left out takes what the email the session started from says (`start --from`: the
file wins, the email fills only what it leaves out), else its default if it has one, is left
blank if it is optional, and otherwise ends the filling there: `rebound continue` asks the rest.
An answer whose question is not asked (a `when` on an earlier answer says no) is refused
rather than dropped: nothing a person wrote is lost without a word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from rebound.coach import progress
from rebound.errors import UsageError
from rebound.pack import typed
from rebound.pack.conditions import holds
from rebound.pack.models import Content, FieldDef
from rebound.pack.reader import YamlDoc, read_yaml
from rebound.sentences.speech import Sayer, say
from rebound.storage.records import AnswerValue, OpenList, Session


def read(file: Path) -> YamlDoc:
    """Read an answers file.

    Raises:
        UsageError: it is missing, not YAML, or not a mapping of question ids.
    """
    if not file.is_file():
        raise UsageError("answers_missing", where=file)
    doc = read_yaml(file)
    if not isinstance(doc.data, dict):
        raise doc.error((), say("af_shape"))
    return doc


def _expected(field: FieldDef) -> str:
    """What one answer to `field` looks like, for an error message."""
    if field.kind in ("select", "checkbox"):
        return say("af_one_of", list=", ".join(c.value for c in field.choices))
    kinds = {"confirm": "af_yes_no", "number": "af_number", "date": "af_date", "email": "af_email"}
    return say(kinds.get(field.kind, "af_text"))


def _as_input(
    doc: YamlDoc, field: FieldDef, value: Any, where: tuple[str | int, ...]
) -> str | bool | list[str] | None:
    """The answer as the prompt would have been given it.

    YAML reads `yes`, `on`, `1.50` or `007` as booleans and numbers: only a yes/no question
    takes YAML's boolean, and only a number question its number; every other question takes the
    text as written. A mapping or a list where one answer goes is refused, never turned into text.

    Raises:
        UsageError: a mapping or a list where a single answer is expected.
    """
    if value is None:
        return None
    if field.kind == "checkbox":
        items = value if isinstance(value, list) else [value]
        picked: list[str] = []
        for i, item in enumerate(items):
            at = (*where, i) if isinstance(value, list) else where
            if isinstance(item, (dict, list)):
                said = say("af_choice", value=_expected(field), title=_shape(item))
                raise doc.error(at, said)
            picked.append(doc.text(at, item))
        return picked
    if isinstance(value, (dict, list)):
        raise doc.error(where, say("af_single", value=_expected(field), title=_shape(value)))
    if field.kind == "confirm" and isinstance(value, bool):
        return value
    if field.kind == "number" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return doc.text(where, value)


def _shape(value: object) -> str:
    return say("af_a_mapping" if isinstance(value, dict) else "af_a_list")


def _fallback(field: FieldDef, today: date, lang: Sayer) -> tuple[bool, AnswerValue]:
    """What an omitted question takes: (True, value), or (False, None) when it must be asked."""
    if field.default is not None:
        if field.kind == "date":
            return True, typed.default_text(field, today, lang)
        return True, field.default
    if field.kind == "confirm":
        return True, False
    if field.kind == "checkbox" and not field.required:
        return True, []
    if not field.required and field.kind != "select":
        return True, None
    return False, None


def fill(content: Content, session: Session, doc: YamlDoc, today: date, now: datetime) -> int:
    """Apply the file's answers to the session, in the coach's order; returns how many. A
    question the file leaves out takes the session's `suggested` answer (from an email) first.

    Raises:
        UsageError: an unknown question or field, or an answer that does not fit its question.
    """
    data: dict[str, Any] = {k: v for k, v in doc.data.items() if k != SENTENCES}
    questions = {p.id: p for p in content.prompts()}
    for key in data:
        if key not in questions:
            names = ", ".join([*questions, SENTENCES])
            raise doc.error((key,), say("af_unknown", list=names))
    session.sentences.update(_sentences(content, doc))
    applied = 0
    while (pos := progress.next_position(content, session)) is not None:
        prompt = pos.prompt
        if prompt.kind == "list":
            entries = data.get(prompt.id)
            if entries is None:
                if prompt.min_items > 0 or prompt.id in session.open_lists:
                    break
                entries = []
            if not isinstance(entries, list):
                raise doc.error((prompt.id,), say("af_entries"))
            done = len(session.open_lists.get(prompt.id, OpenList()).items)
            if pos.more:
                value: AnswerValue = done < len(entries)
            elif done >= len(entries):
                raise doc.error((prompt.id,), say("af_min_entries", count=prompt.min_items))
            else:
                entry = entries[done]
                where: tuple[str | int, ...] = (prompt.id, done)
                if not isinstance(entry, dict):
                    raise doc.error(where, say("af_entry_shape"))
                field_ids = {f.id for f in prompt.fields}
                for key in entry:
                    if key not in field_ids:
                        raise doc.error((*where, key), say("af_not_field", id=prompt.id))
                assert pos.field is not None
                value = _answer(
                    doc,
                    pos.field,
                    entry,
                    (*where, pos.field.id),
                    today,
                    lang=content,
                    answers=session.answers,
                )
        elif prompt.id in data:
            value = _answer(
                doc, prompt, data, (prompt.id,), today, lang=content, answers=session.answers
            )
        elif prompt.id in session.suggested:
            value = session.suggested[prompt.id]  # checked when it was suggested
        else:
            known, value = _fallback(prompt, today, content)
            if not known:
                break
        progress.apply(content, session, pos, value, now)
        applied += 1
    # A question asked only when the coach can't work its answer out ('How do you address
    # them?') may still be answered in the file: the person's word beats the coach's guess.
    for key in data:
        prompt = questions[key]
        when = prompt.when
        if when is None or prompt.default_from is None or key in session.answers:
            continue
        if not holds(when, session.answers):
            answered = _answer(
                doc, prompt, data, (key,), today, lang=content, answers=session.answers
            )
            session.answers[key] = answered
            session.answered_at[key] = now
            applied += 1
    for where in _unused(data, session):
        if pos is not None:
            raise doc.error(where, say("af_not_yet", id=pos.question.id))
        # Its question was never asked: a `when` on an answer before it says no. Saved
        # silently it would be lost; refused, the person sees which answer to change.
        raise doc.error(where, say("af_not_asked"))
    return applied


SENTENCES = "sentences"  # the key of the person's own sentences in an answers file


def _sentences(content: Content, doc: YamlDoc) -> dict[str, str]:
    """The person's own sentences the file gives (`sentences:`), checked against the parts the
    pack's drafts have."""
    given = doc.data.get(SENTENCES)
    if given is None:
        return {}
    if not isinstance(given, dict):
        raise doc.error((SENTENCES,), say("af_sentences_shape"))
    single = {n for step in content.steps for d in step.drafts if d.each is None for n in d.parts}
    each = {(d.id, n) for step in content.steps for d in step.drafts if d.each for n in d.parts}
    out: dict[str, str] = {}
    for key, text in given.items():
        name = str(key)
        draft_id, _, part = name.rpartition(".")
        known = name in single or (
            re.fullmatch(r"[a-z][a-z0-9_-]*-\d+", draft_id) is not None
            and (draft_id.rsplit("-", 1)[0], part) in each
        )
        if not known:
            names = ", ".join(sorted(single | {f"{d}-1.{n}" for d, n in each}))
            raise doc.error((SENTENCES, name), say("af_sentence_unknown", list=names))
        if not isinstance(text, str) or not text.strip():
            raise doc.error((SENTENCES, name), say("af_sentence_text"))
        out[name] = " ".join(text.split())
    return out


def _unused(data: dict[str, Any], session: Session) -> list[tuple[str | int, ...]]:
    """Where the file gives an answer that the session did not take, in the file's order.

    A blank (`~`, `""`) or an empty list gives nothing, so it is never unused.
    """
    out: list[tuple[str | int, ...]] = []
    for key, value in data.items():
        if _blank(value) or value == []:
            continue
        if key not in session.answers:
            out.append((key,))
            continue
        taken = session.answers[key]
        if not isinstance(value, list) or not isinstance(taken, list):
            continue
        for i, entry in enumerate(value):
            kept = taken[i] if i < len(taken) else None
            if not isinstance(entry, dict) or not isinstance(kept, dict):
                continue
            out.extend(
                (key, i, name) for name, v in entry.items() if not _blank(v) and name not in kept
            )
    return out


def _answer(
    doc: YamlDoc,
    field: FieldDef,
    source: dict[str, Any],
    where: tuple[str | int, ...],
    today: date,
    *,
    lang: Sayer,
    answers: Mapping[str, AnswerValue],
) -> AnswerValue:
    """One answer from the file, checked as the prompt would check it, in the pack's words."""
    if field.id not in source:
        known, value = _fallback(field, today, lang)
        if not known:
            raise doc.error(where[:-1], say("af_needed", id=field.id))
        return value
    try:
        given = _as_input(doc, field, source[field.id], where)
        return typed.check(field, given, today, lang, answers)
    except ValueError as exc:
        raise doc.error(where, str(exc)) from None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())

"""Conditions on answers, and the lines of content said only when theirs hold. No I/O here.

The coach re-exports these (`coach.holds`, `coach.said`, `coach.first_said`).
"""

from __future__ import annotations

from collections.abc import Mapping

from rebound.pack.models import Conditions, Line, Said
from rebound.sentences import templates

Lookup = Mapping[str, object]


def _same(value: object, wanted: object) -> bool:
    return value == wanted and type(value) is type(wanted)


def holds(cond: Conditions, lookup: Lookup) -> bool:
    """Whether a condition (or every condition of a list) is true for these answers."""
    if isinstance(cond, list):
        return all(holds(c, lookup) for c in cond)
    value = lookup.get(cond.prompt)
    if cond.filter is not None:
        value = None if value is None else templates.filtered(cond.filter, value)
    if cond.answered is not None:
        return templates.is_empty(value) is not cond.answered
    if cond.contains is not None:
        return isinstance(value, list) and cond.contains in value
    if cond.one_of is not None:
        return any(_same(value, wanted) for wanted in cond.one_of)
    if cond.not_one_of is not None:
        return not any(_same(value, wanted) for wanted in cond.not_one_of)
    return _same(value, cond.equals)


def said(lines: str | list[Line], lookup: Lookup) -> list[str]:
    """The lines of a text that hold for these answers (a plain string always holds)."""
    listed = [lines] if isinstance(lines, str) else lines
    return [
        line if isinstance(line, str) else line.text
        for line in listed
        if not isinstance(line, Said) or holds(line.when, lookup)
    ]


def first_said(lines: str | list[Line] | None, lookup: Lookup) -> str | None:
    """The first line of a one-line text that holds for these answers (None: none holds)."""
    if lines is None:
        return None
    found = said(lines, lookup)
    return found[0] if found else None

"""Turning what a person typed into a checked answer, the same way for prompts and files.

`check(field, raw, today)` returns the value to store or raises ValueError with a short, kind
sentence to show under the prompt.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from rebound.models import AnswerValue, FieldDef

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_RELATIVE = re.compile(r"^(?:\+|in\s+)?(\d{1,4})\s*(d|day|days|w|wk|week|weeks)?$")
MAX_YEARS_AWAY = 10
_WORDS = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1, "next week": 7}


def parse_date(raw: str, today: date) -> date:
    """A date from 'YYYY-MM-DD', 'today', 'tomorrow', 'yesterday', 'next week', '+3d' or '+2w'.

    Raises:
        ValueError: the text is not one of those.
    """
    text = raw.strip().lower()
    if text in _WORDS:
        return today + timedelta(days=_WORDS[text])
    match = _RELATIVE.match(text)
    if match and (text.startswith(("+", "in")) or match.group(2)):
        count = int(match.group(1))
        unit = match.group(2) or "d"
        found = today + timedelta(days=count * (7 if unit.startswith("w") else 1))
    else:
        try:
            found = date.fromisoformat(text)
        except ValueError:
            raise ValueError(
                "Please give a date like 2026-12-01, 'today', 'tomorrow', '+3d' or '+2w'."
            ) from None
    if abs(found.year - today.year) > MAX_YEARS_AWAY:
        raise ValueError(
            f"That's more than {MAX_YEARS_AWAY} years away; please give a nearer date."
        )
    return found


def check(field: FieldDef, raw: str | bool | list[str] | None, today: date) -> AnswerValue:
    """Validate one answer for `field`; blank optional answers become None.

    Raises:
        ValueError: the answer does not fit; the message says how to fix it.
    """
    if field.kind == "confirm":
        if isinstance(raw, bool):
            return raw
        raise ValueError("Please answer yes or no.")
    if field.kind == "checkbox":
        picked = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        known = {c.value for c in field.choices}
        unknown = [p for p in picked if p not in known]
        if unknown:
            raise ValueError(f"'{unknown[0]}' is not one of the choices.")
        if field.required and not picked:
            raise ValueError("Please pick at least one.")
        return picked
    text = "" if raw is None or isinstance(raw, (bool, list)) else str(raw)
    if not text.strip():
        if field.required:
            raise ValueError("This one is needed to go on; a few words are enough.")
        return None
    if field.kind == "select":
        if text not in {c.value for c in field.choices}:
            raise ValueError(f"'{text}' is not one of the choices.")
        return text
    if field.kind == "email":
        if not _EMAIL.match(text.strip()):
            raise ValueError("That doesn't look like an email address (name@example.com).")
        return text.strip()
    if field.kind == "date":
        return parse_date(text, today).isoformat()
    if field.kind == "number":
        try:
            number = int(text.strip())
        except ValueError:
            raise ValueError("Please give a whole number.") from None
        if field.minimum is not None and number < field.minimum:
            raise ValueError(f"Please give a number of at least {field.minimum}.")
        if field.maximum is not None and number > field.maximum:
            raise ValueError(f"Please give a number of at most {field.maximum}.")
        return number
    return text


def default_text(field: FieldDef, today: date) -> str:
    """The default as it should appear, pre-filled, in a text-like prompt."""
    value = field.default
    if value is None or isinstance(value, (bool, list)):
        return ""
    if field.kind == "date":
        return parse_date(str(value), today).isoformat()
    return str(value)


def nudge(field: FieldDef, value: AnswerValue, today: date) -> str | None:
    """The coach's gentle push back when a date is further away than it should be, if any."""
    if field.nudge is None or not isinstance(value, str):
        return None
    if (date.fromisoformat(value) - today).days > field.nudge.after_days:
        return field.nudge.message
    return None

"""Turning what a person typed into a checked answer, the same way for prompts and files.

`check(field, raw, today, lang, answers)` returns the value to store or raises ValueError with a
short, kind sentence to show under the prompt, in the language of `lang` (a content pack, or
ENGLISH). `answers` are the session's answers so far, for dates limited by an earlier one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta

from rebound.pack.models import TODAY, FieldDef
from rebound.sentences.speech import ENGLISH, Sayer
from rebound.storage.records import AnswerValue

# No spaces, and none of the characters that separate or quote addresses in a To: line (an
# address is written back into one: `Dana <dana@example.com>`).
_EMAIL = re.compile(r'^[^@\s<>,;:"()\[\]\\]+@[^@\s<>,;:"()\[\]\\]+\.[^@\s<>,;:"()\[\]\\]+$')
# An address pasted from a mail program with its name: `Dana Smith <dana@example.com>`.
_NAMED = re.compile(r"^[^<>]*<([^<>]+)>$")
# '+3d', '3 days', 'in 2 weeks', '-2d', '3 days ago', and the same in Spanish ('en 3 días',
# '+2 semanas', 'hace 3 días').
_RELATIVE = re.compile(
    r"^(?P<before>\+|-|in\s+|en\s+|hace\s+)?(?P<count>\d{1,4})\s*"
    r"(?P<unit>d|days?|d[ií]as?|w|wk|weeks?|s|sem|semanas?)?(?P<ago>\s+ago)?$"
)
_WEEKS = ("w", "s")
MAX_YEARS_AWAY = 10
# Every pack understands these; a pack adds its own language's words (`words: dates:`).
_WORDS = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1, "next week": 7}


def parse_date(raw: str, today: date, lang: Sayer = ENGLISH) -> date:
    """A date from 'YYYY-MM-DD', '+3d', '+2w', '3 days', '-2d', '3 days ago', a word such as
    'today', 'tomorrow', 'yesterday' or 'next week', or one of the pack's own date words.

    Raises:
        ValueError: the text is not one of those.
    """
    text = " ".join(raw.strip().lower().split())
    words = {**_WORDS, **lang.date_words}
    match = _RELATIVE.match(text)
    if text in words:
        found = today + timedelta(days=words[text])
    elif match and (match["before"] or match["unit"]) and not (match["ago"] and match["before"]):
        days = int(match["count"]) * (7 if (match["unit"] or "d").startswith(_WEEKS) else 1)
        past = match["ago"] or (match["before"] or "").startswith(("-", "hace"))
        found = today + timedelta(days=-days if past else days)
    else:
        try:
            found = date.fromisoformat(text)
        except ValueError:
            raise ValueError(lang.say("bad_date")) from None
    if abs(found.year - today.year) > MAX_YEARS_AWAY:
        raise ValueError(lang.say("too_far", count=MAX_YEARS_AWAY))
    return found


def check(
    field: FieldDef,
    raw: str | bool | list[str] | None,
    today: date,
    lang: Sayer = ENGLISH,
    answers: Mapping[str, AnswerValue] | None = None,
) -> AnswerValue:
    """Validate one answer for `field`; blank optional answers become None.

    `answers` (the session's so far) give the dates that `not_before` / `not_after` name; a
    limit whose answer is not there (not given yet, or left blank) does not apply.

    Raises:
        ValueError: the answer does not fit; the message says how to fix it, in `lang`.
    """
    if field.kind == "confirm":
        if isinstance(raw, bool):
            return raw
        raise ValueError(lang.say("yes_or_no"))
    if field.kind == "checkbox":
        picked = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        known = {c.value for c in field.choices}
        unknown = [p for p in picked if p not in known]
        if unknown:
            raise ValueError(lang.say("not_a_choice", value=unknown[0]))
        if field.required and not picked:
            raise ValueError(lang.say("pick_one"))
        return picked
    text = "" if raw is None or isinstance(raw, (bool, list)) else str(raw)
    if not text.strip():
        if field.required:
            raise ValueError(lang.say("need_answer"))
        return None
    if field.kind == "select":
        if text not in {c.value for c in field.choices}:
            raise ValueError(lang.say("not_a_choice", value=text))
        return text
    if field.kind == "email":
        address = text.strip()
        if named := _NAMED.match(address):
            address = named.group(1).strip()
        if not _EMAIL.match(address):
            raise ValueError(lang.say("bad_email"))
        return address
    if field.kind == "date":
        found = parse_date(text, today, lang)
        _check_limits(field, found, today, lang, answers or {})
        return found.isoformat()
    if field.kind == "number":
        try:
            number = int(text.strip())
        except ValueError:
            raise ValueError(lang.say("whole_number")) from None
        if field.minimum is not None and number < field.minimum:
            raise ValueError(lang.say("at_least", number=field.minimum))
        if field.maximum is not None and number > field.maximum:
            raise ValueError(lang.say("at_most", number=field.maximum))
        return number
    return text


def limit(name: str | None, today: date, answers: Mapping[str, AnswerValue]) -> date | None:
    """The date a `not_before` / `not_after` names: today, an earlier answer, or None."""
    if name is None:
        return None
    if name == TODAY:
        return today
    value = answers.get(name)
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _check_limits(
    field: FieldDef, found: date, today: date, lang: Sayer, answers: Mapping[str, AnswerValue]
) -> None:
    """Refuse a date that makes no sense: news from next month, a fix due before the news."""
    low = limit(field.not_before, today, answers)
    if low is not None and found < low:
        key = "date_not_before_today" if field.not_before == TODAY else "date_not_before"
        raise ValueError(lang.say(key, date=low.isoformat()))
    high = limit(field.not_after, today, answers)
    if high is not None and found > high:
        key = "date_not_after_today" if field.not_after == TODAY else "date_not_after"
        raise ValueError(lang.say(key, date=high.isoformat()))


def default_text(field: FieldDef, today: date, lang: Sayer = ENGLISH) -> str:
    """The default as it should appear, pre-filled, in a text-like prompt."""
    value = field.default
    if value is None or isinstance(value, (bool, list)):
        return ""
    if field.kind == "date":
        return parse_date(str(value), today, lang).isoformat()
    return str(value)


def nudge(field: FieldDef, value: AnswerValue, today: date) -> str | None:
    """The coach's gentle push back on a surprising date (further ahead, or longer ago, than
    the field's `nudge` expects), if any: possible, so the person is asked to confirm it."""
    if field.nudge is None or not isinstance(value, str):
        return None
    days = (date.fromisoformat(value) - today).days
    ahead, ago = field.nudge.after_days, field.nudge.before_days
    if (ahead is not None and days > ahead) or (ago is not None and -days > ago):
        return field.nudge.message
    return None

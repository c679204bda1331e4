"""Turning what a person typed into a checked answer, the same way for prompts and files.

`check(field, raw, today, lang, answers)` returns the value to store or raises ValueError with a
short, kind sentence to show under the prompt, in the language of `lang` (a content pack, or
ENGLISH). `answers` are the session's answers so far, for dates limited by an earlier one.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from datetime import date, timedelta

from rebound import clock
from rebound.pack.date_words import COUNT, UNIT, WEEKDAY
from rebound.pack.models import TODAY, FieldDef, Words
from rebound.sentences.speech import ENGLISH, Sayer
from rebound.storage.records import AnswerValue

# No spaces, and none of the characters that separate or quote addresses in a To: line (an
# address is written back into one: `Dana <dana@example.com>`).
_EMAIL = re.compile(r'^[^@\s<>,;:"()\[\]\\]+@[^@\s<>,;:"()\[\]\\]+\.[^@\s<>,;:"()\[\]\\]+$')
# An address pasted from a mail program with its name: `Dana Smith <dana@example.com>`.
_NAMED = re.compile(r"^[^<>]*<([^<>]+)>$")
# '+3d', '-2w', '+3 days', '+3': a signed count of days (or of the pack's units).
_SIGNED = re.compile(r"^(?P<sign>[+-])(?P<count>\d{1,4})\s*(?P<unit>[^\W\d_]*)$")
MAX_YEARS_AWAY = 10
# Every pack understands these; a pack adds its own language's words (`words: dates:`).
_WORDS = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1, "next week": 7}


def parse_date(raw: str, today: date, lang: Sayer = ENGLISH) -> date:
    """A date from 'YYYY-MM-DD', '+3d', '-2w', a word such as 'today', 'tomorrow' or
    'yesterday' (or one of the pack's own date words), a day of the week ('friday', 'next
    friday', 'last friday') or a length of time ('in 2 weeks', '3 days ago', 'next month'), in
    the pack's words (`words: weekdays, date_forms`) or in English.

    Raises:
        ValueError: the text is not one of those (the message says which forms are).
    """
    text = " ".join(raw.strip().lower().split())
    words = {**_WORDS, **lang.date_words}
    found: date | None = None
    if text in words:
        found = clock.shift(today, words[text])
    elif (iso := _iso(text)) is not None:
        found = iso
    else:
        for said in _date_words(lang):
            moved = _relative(text, today, said)
            if moved is not False:
                found = moved if isinstance(moved, date) else None
                break
        else:
            raise ValueError(lang.say("bad_date")) from None
    if found is None or abs(found.year - today.year) > MAX_YEARS_AWAY:
        raise ValueError(lang.say("too_far", count=MAX_YEARS_AWAY)) from None
    return found


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _date_words(lang: Sayer) -> list[Words]:
    """The words for dates to try: the pack's own, then English (which every pack reads)."""
    own = getattr(lang, "words", None)
    english = _english_words()
    return [own, english] if isinstance(own, Words) and own != english else [english]


@functools.cache
def _english_words() -> Words:
    return Words()


def _fold(text: str) -> str:
    """Lower case, without accents: 'miércoles' is typed 'miercoles' too."""
    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in plain if not unicodedata.combining(c))


def _relative(text: str, today: date, said: Words) -> date | bool | None:
    """The day `text` means in these words: a date; None when it is one but out of the
    calendar; False when these words do not say it."""
    forms = said.date_forms
    units = {_fold(k): v for k, v in forms.units.items()}
    numbers = {_fold(k): v for k, v in forms.numbers.items()}
    typed = _fold(text)
    signed = _SIGNED.match(typed)
    if signed is not None:
        unit = units.get(signed["unit"]) if signed["unit"] else "day"
        if unit is None:
            return False
        return _moved(today, int(signed["count"]) * (-1 if signed["sign"] == "-" else 1), unit)
    days = [_fold(d) for d in said.weekdays]
    for meaning in ("this", "next", "last"):
        for form in getattr(forms, meaning):
            match = re.fullmatch(_pattern(_fold(form)), typed)
            day = _weekday(match["weekday"], days) if match else None
            if day is not None:
                ahead = (day - today.weekday()) % 7
                if meaning == "next":
                    ahead = ahead or 7
                elif meaning == "last":
                    ahead = -((today.weekday() - day) % 7 or 7)
                return clock.shift(today, ahead)
    for meaning, sign in (("ahead", 1), ("ago", -1)):
        for form in getattr(forms, meaning):
            for pattern in _patterns(_fold(form)):
                match = re.fullmatch(pattern, typed)
                if match is None:
                    continue
                wanted = match.groupdict()
                unit = units.get(wanted["unit"]) if wanted.get("unit") else "day"
                raw = wanted.get("count")
                times = 1 if raw is None else int(raw) if raw.isdigit() else numbers.get(raw)
                if unit is not None and times is not None:
                    return _moved(today, sign * times, unit)
    return False


def _weekday(typed: str, days: list[str]) -> int | None:
    """Which day of the week (0: Monday) a typed name or its start ('fri', 'mié') is."""
    found = [
        n
        for n, day in enumerate(days)
        if day == typed or (len(typed) >= 3 and day.startswith(typed))
    ]
    return found[0] if len(found) == 1 else None


def _pattern(form: str) -> str:
    """A form ('next {{weekday}}', 'in {{count}} {{unit}}') as a regular expression: its words as
    they are, any spaces between them, and '3d' as well as '3 days'."""
    out = []
    for part in re.split(r"(\{\{(?:weekday|count|unit)\}\})", form):
        if part == WEEKDAY:
            out.append(r"(?P<weekday>[^\W\d_]+)\.?")
        elif part == COUNT:
            out.append(r"(?P<count>\d{1,4}|[^\W\d_]+)")
        elif part == UNIT:
            out.append(r"(?P<unit>[^\W\d_]+)")
        elif part == " " and out and out[-1].startswith("(?P<count>"):
            out.append(r"\s*")  # '3d', '2w ago'
        else:
            out.append(r"\s+".join(re.escape(word) for word in part.split(" ")))
    return "".join(out)


def _patterns(form: str) -> list[str]:
    """A form's patterns: with a word before the count ('in {{count}} {{unit}}'), also without
    its unit, which is then days ('in 3')."""
    out = [_pattern(form)]
    before = form.split(COUNT, maxsplit=1)[0] if COUNT in form else ""
    if before.strip() and form.endswith(f" {UNIT}"):
        out.append(_pattern(form.removesuffix(f" {UNIT}")))
    return out


def _moved(today: date, count: int, unit: str) -> date | None:
    """`today` moved by `count` days, weeks or months (a month on from 31 January is the last
    day of February); None outside the calendar."""
    if unit == "month":
        month = today.month - 1 + count
        year = today.year + month // 12
        if not 1 <= year <= 9999:
            return None
        first = date(year, month % 12 + 1, 1)
        following = clock.next_month(first)
        last = (following - timedelta(days=1)).day if following else 31
        return first.replace(day=min(today.day, last))
    return clock.shift(today, count * (7 if unit == "week" else 1))


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

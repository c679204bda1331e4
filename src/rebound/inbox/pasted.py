"""Text copied from a mail page (`rebound start --from -`): who sent it, when, its subject and its
words, read from the lines a web mail shows above a message.

Web mail pages copy as text without headers. Outlook's and Apple Mail's show a block of
'From:' / 'Sent:' / 'To:' / 'Subject:' lines ('De:', 'Enviado el:', 'Para:', 'Asunto:' in
Spanish); Gmail's show the subject, then 'Dana Smith <dana@globex.example>', the date and 'to
me'. Failing those, an address in the signature says who wrote. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

_FIELD = re.compile(
    r"^\s*\*?(From|De|Sent|Date|Enviado(?: el)?|Fecha|To|Para|Cc|Subject|Asunto)\s*:\*?\s*(.*)$",
    re.IGNORECASE,
)
_NAMED = re.compile(
    r"^\s*(?P<name>[^<>@\n]*?)\s*<\s*(?P<address>[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)\s*>"
)
_ADDRESS = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_TO_ME = re.compile(r"^\s*(?:to|para)\s+(?:me|mí|mi)\b", re.IGNORECASE)
_LABELS = frozenset({"inbox", "recibidos", "bandeja de entrada", "external", "externo", "x"})

_NAMES = (
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "ene feb mar abr may jun jul ago sep oct nov dic",
)
MONTHS = {name: i for names in _NAMES for i, name in enumerate(names.split(), 1)}
MONTHS.update(sept=9, set=9, setiembre=9)
_MONTH = r"(?P<month>[A-Za-zé]{3,10})\.?"
_DATES = (
    re.compile(r"(?P<year>\d{4})-(?P<num>\d{2})-(?P<day>\d{2})"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?!\d)(?:st|nd|rd|th)?,?(?:\s+(?P<year>\d{4}))?"),
    re.compile(
        r"(?<!\d)(?P<day>\d{1,2})\s+(?:de\s+)?" + _MONTH + r"(?:,?\s+(?:de\s+)?(?P<year>\d{4}))?"
    ),
)
_TIME = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})\s*(?P<pm>[ap]\.?\s?m\.?)?", re.IGNORECASE)


@dataclass(frozen=True)
class Pasted:
    """What pasted text says: the sender (name, address; either may be ''), when, the subject,
    and the message's own text."""

    sender: tuple[str, str] | None
    sent: datetime | None
    subject: str
    text: str


def _month(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def written_date(text: str, today: date) -> datetime | None:
    """The moment a mail page wrote ('Tue, Nov 24, 3:12 PM', 'martes, 24 de noviembre de 2026
    15:12', '2026-11-24'), in the person's own time (no offset). A date without its year is the
    latest one not after `today`, as web mail leaves the year out for this year's messages."""
    for pattern in _DATES:
        for found in pattern.finditer(text):
            parts = found.groupdict()
            month = int(parts["num"]) if parts.get("num") else _month(parts.get("month") or "")
            if month is None:
                continue
            day = int(parts["day"])
            year = int(parts["year"]) if parts.get("year") else today.year
            try:
                moment = date(year, month, day)
            except ValueError:
                continue
            if not parts.get("year") and moment > today:
                try:
                    moment = date(year - 1, month, day)
                except ValueError:
                    continue
            return datetime(moment.year, moment.month, moment.day, *_time(text[found.end() :]))
    return None


def _time(text: str) -> tuple[int, int]:
    found = _TIME.search(text[:40])
    if found is None:
        return 12, 0
    hour, minute = int(found["h"]) % 24, min(int(found["m"]), 59)
    if found["pm"] and found["pm"].lower().startswith("p") and hour < 12:
        hour += 12
    return hour, minute


def _sender(value: str) -> tuple[str, str] | None:
    """A 'From:' value as (name, address): 'Dana <d@x>', 'd@x', or a name alone."""
    value = value.strip()
    if named := _NAMED.match(value):
        return named["name"].strip(" \"'"), named["address"].lower()
    if bare := _ADDRESS.search(value):
        return value.replace(bare.group(), "").strip(" \"'<>()[]"), bare.group().lower()
    name = value.strip(" \"'")
    return (name, "") if name else None


def read(text: str, today: date) -> Pasted:
    """What a mail page's copied text says; `sender` is None when nothing names one."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fields: dict[str, str] = {}
    end = 0
    for i, line in enumerate(lines[:60]):
        found = _FIELD.match(line)
        if found is None:
            if fields and not line.strip():
                end = i + 1
                break
            if fields:  # the block ended without a blank line: the letter starts here
                end = i
                break
            continue
        key = found[1].lower().split()[0]
        key = {"de": "from", "enviado": "sent", "fecha": "sent", "date": "sent"}.get(key, key)
        key = {"para": "to", "asunto": "subject"}.get(key, key)
        fields.setdefault(key, found[2].strip())
        end = i + 1
    if "from" in fields:
        sent = written_date(fields.get("sent", ""), today)
        return Pasted(
            _sender(fields["from"]), sent, fields.get("subject", ""), "\n".join(lines[end:])
        )
    return _gmail(lines, text, today)


def _gmail(lines: list[str], text: str, today: date) -> Pasted:
    """Gmail's shape: the subject, a label or two, 'Name <address>', the date, 'to me'."""
    for i, line in enumerate(lines[:20]):
        named = _NAMED.match(line)
        if named is None:
            continue
        before = [s.strip() for s in lines[:i] if s.strip()]
        subject = next((s for s in before if s.casefold() not in _LABELS), "")
        rest = lines[i + 1 :]
        sent = None
        start = 0
        for j, after in enumerate(rest[:4]):
            if _TO_ME.match(after):
                start = j + 1
                break
            if sent is None and after.strip():
                sent = written_date(after, today)
                start = j + 1
        body = "\n".join(rest[start:])
        return Pasted((named["name"].strip(" \"'"), named["address"].lower()), sent, subject, body)
    # No header lines at all: an address near the end (the signature) says who wrote.
    tail = "\n".join(lines[-12:])
    found = _ADDRESS.findall(tail)
    if found:
        return Pasted(("", found[-1].lower()), None, "", text)
    return Pasted(None, None, "", text)

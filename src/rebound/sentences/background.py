"""A line of background from what someone already told the coach: one of their accomplishments,
said as something they did ('I set up the peer support programme at my school (wait list down
from three weeks to five days)').

The pure function behind the template filter `did`, with the pack's words for its language
(`Background`): a title typed as what they did starts with a verb in the past ('Rebuilt the
wine list', 'Reorganicé el archivo'); a title that names a thing ('Zero lost-time incidents')
or joins two sentences with a comma is not said, as no sentence of the pack's can take it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Protocol

from rebound.sentences import tidy


class Background(Protocol):
    """The words `did` reads a title with (`templates.Vocabulary` is one)."""

    @property
    def did_words(self) -> tuple[str, ...]: ...
    @property
    def did_endings(self) -> tuple[str, ...]: ...
    @property
    def step_words(self) -> tuple[str, ...]: ...
    @property
    def step_endings(self) -> tuple[str, ...]: ...


def _did(title: str, words: Background) -> bool:
    first = title.split(" ", 1)[0].lower().strip(",.;:")
    if first in words.did_words:
        return True
    return len(first) > 3 and first.isalpha() and first.endswith(tuple(words.did_endings))


def _said_again(piece: str, said: set[str]) -> bool:
    """Whether a piece of a number only says the title's figure again, with one word more
    ('$180M raised' after 'led the $180M Series D')."""
    typed = piece.split()
    figures = [w for w in typed if any(c.isdigit() for c in w)]
    return (
        bool(figures) and all(w.lower() in said for w in figures) and len(typed) - len(figures) <= 1
    )


def did(value: object, words: Background) -> str:
    """The accomplishment of a list (entries with a `title`, and maybe a `number`) typed
    as what the person did, as the rest of a sentence that says so ('rebuilt the wine list at
    Osteria Nove (median switch 1.5 days sooner)'); one whose figure shows a change before one
    with a figure, and that before one without ('the hackathon, not the 8 hours cut to 15
    minutes', the eighteenth panel; `_strength`); '' when none is."""
    if not isinstance(value, list) or (not words.did_endings and not words.did_words):
        return ""
    said = [(_said(entry, words), entry) for entry in value if isinstance(entry, Mapping)]
    ranked = sorted(
        (-_strength(text, figure), entry.get("story") is not True, at, text)
        for at, ((text, figure), entry) in enumerate(said)
        if text
    )
    return ranked[0][3] if ranked else ""


# A figure that shows what changed ('mispick rate from 0.9% to 0.2%', '€312k, up 41%', '3x
# faster', 'de 6 a 40 horas'), not only how big a job was ('140 associates, 3 supervisors').
_CHANGE = re.compile(
    r"\d\s?%|[$€£₹¥]\s?\d|\d\s?(?:k|m|bn|x)\b|\b(?:from|de)\s+\S*\d\S*\s+(?:to|a)\s+\S*\d"
    r"|\b(?:up|down|cut|saved?|grew|faster|sooner|más|menos|ahorr\w*|reduj\w*)\b.*\d"
    r"|\d.*\b(?:faster|sooner|fewer|less|more|up|down|más rápido|menos)\b",
    re.IGNORECASE,
)


def _strength(text: str, figure: bool) -> int:
    """How much an accomplishment said so shows: a change measured (2), a figure (1), none (0);
    the one that shows most is said ('cut mispicks (0.9% to 0.2%)', not 'ran 2nd shift (140
    associates)', the twenty-first panel), a story told before one that is not."""
    if not figure:
        return 0
    return 2 if _CHANGE.search(text) else 1


def _said(entry: Mapping[str, object], words: Background) -> tuple[str, bool]:
    """One accomplishment as what they did, and whether a figure is said with it ('' when it
    is not typed as what they did)."""
    title = " ".join(str(entry.get("title") or "").split()).rstrip(" .!;")
    if len(title.split()) < 3 or ", " in title or not _did(title, words):
        return "", False
    first = title.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower():
        title = title[:1].lower() + title[1:]
    title = tidy.named_days(title)  # 'cut Monday morning wait times'
    number = " ".join(str(entry.get("number") or "").split()).strip(" .()")
    # A number, or a piece of it, that only says again what the title says ('2 meses antes'
    # after 'dos meses antes', '40 to 212' after 'from 40 to 212') adds nothing.
    said = {w.lower() for w in title.split()}
    number = ", ".join(
        piece
        for piece in re.split(r"\s*[,;]\s+", number)
        if not all(w.isdigit() or w.lower() in said for w in piece.split())
        and not _said_again(piece, said)
    )
    # Its first words said again ('3 weeks early on a 58 week programme' after '... 3 weeks
    # early'): the rest of it only.
    typed = number.split()
    again = 0
    while again < len(typed) and typed[again].lower() in said:
        again += 1
    if again >= 2:
        number = " ".join(typed[again:])
    number = number.strip(" .()")  # what is left may be what they typed in brackets
    if number and title.endswith(")") and "(" in title:  # '... strategy (2018)': one pair
        return f"{title[:-1]}; {number})", True
    # A result measured in the title itself ('from 97.1% to 99.6%', '£2M'), not a rank ('2nd').
    figure = len(re.findall(r"\d+", title)) > 2 or bool(re.search(r"\d\s?%|[$€£₹]\s?\d", title))
    return (f"{title} ({number})", True) if number else (title, figure)


def first_step(value: object, words: Background) -> str:
    """The fix due first of a list (entries with a `what` and a `due`) as the rest of a sentence
    after a colon ('register for the immunization course', 'hacer el curso de Excel'); '' when
    none has one.
    A first word typed with a capital keeps it unless it is a verb of the pack's (`step_words`,
    `step_endings`): 'Excel' and 'AWS' are names."""
    if not isinstance(value, list):
        return ""
    steps = [
        (entry.get("due"), " ".join(str(entry.get("what") or "").split()).rstrip(" .!;"))
        for entry in value
        if isinstance(entry, Mapping)
    ]
    # The first is the one due first (what has no date comes after), never a later one said
    # first because it was typed first; when that one cannot be said, none is.
    dated = sorted(
        ((0, str(due)) if due else (1, ""), at, text)
        for at, (due, text) in enumerate(steps)
        if text
    )
    if not dated:
        return ""
    text = dated[0][2]
    first = text.split(" ", 1)[0]
    plain = first.lower()
    verb = plain in words.step_words or (
        len(plain) > 3 and plain.isalpha() and plain.endswith(tuple(words.step_endings))
    )
    # A note to self ('siemens s7 course w/ etb', 'book 2391 at the college', 'correr 3
    # veces x semana') is not said to the reader: only a step said as one, with a verb.
    if not verb or _NOTE_TO_SELF.search(text):
        return ""
    # Someone of their own workplace named to the reader ('ask Marco (my GM) to let me
    # run the P&L', to a recruiter at another company: 'Marco (my GM) means nothing to
    # Luke'): a note in brackets, or a name right after the verb, is theirs, not the reader's.
    if "(" in text or _ASKS_SOMEONE.match(text):
        return ""
    if first[:1].isupper() and first[1:].islower():
        text = plain + text[len(first) :]
    return text


_ASKS_SOMEONE = re.compile(
    r"(?i:ask|email|e-mail|call|message|text|meet|tell|contact|pedirle a|pedir a|preguntarle a"
    r"|preguntar a|llamar a|escribirle a|escribir a|hablar con)\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+\b"
)
_NOTE_TO_SELF = re.compile(r"(?<!\w)(?:\d{3,}|x|w/|&|etc)(?!\w)", re.IGNORECASE)


# A reason that is about the circumstances and not the person: someone inside was chosen, the
# role was frozen, cancelled or changed ('they promoted their front office mgr internally,
# "nothing to do with you"'). A thank-you then claims no feedback taken on board. What is
# about the person stays so: 'more international experience', 'budget ownership'.
_CIRCUMSTANCE = re.compile(
    r"\binternal(?:ly)?\b|promot|hiring freeze|frozen|freez|budget cut|cancel|on hold"
    r"|withdr[ae]w|pulled the|restructur|reorg|nothing to do with you|not about you"
    r"|not a reflection|\bintern[oa]s?\b|internamente|promoci[oó]n|ascend|congel|recorte"
    r"|sin presupuesto|en pausa|suspend|reestructur|nada que ver con|no tiene que ver con",
    re.IGNORECASE,
)


def circumstance(text: str) -> bool:
    """Whether the reasons given are about the circumstances (an internal candidate, a frozen
    or cancelled role), not about the person: True for 'they promoted someone internally'. A
    role on hold (`on_hold`) is one, whatever words say it."""
    return _CIRCUMSTANCE.search(text) is not None or on_hold(text)


# A role that no one got: frozen, cancelled or put on hold ('the position has been frozen under
# the mid-year budget hold'). A thank-you then thanks them for the news that it is on hold, not
# for "the decision", and hopes to hear if it opens again.
_ON_HOLD = re.compile(
    r"hiring freeze|frozen|freez|budget hold|cancel|on hold|pulled the|paused|not (?:be )?fill"
    r"|congel|en pausa|suspend|cancelad|sin presupuesto",
    re.IGNORECASE,
)


def on_hold(text: str) -> bool:
    """Whether the reasons given say the role itself was frozen, cancelled or put on hold."""
    return _ON_HOLD.search(text) is not None

"""How a letter names people and things: greetings, and answers fitted into sentences.

Pure functions behind the template filters `address`, `address_sure`, `greeting`, `phrase` and
`role`. They guess the way a careful writer would, and say when a guess is only a guess, so the
coach can ask ("How do you address them?") instead of sending "Hi Dr.,".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

# Titles and honorifics, lower-case without the dot, with the gender they say ('' for none).
# A title stays with the surname ('Dr. Park'); 'don' and 'doña' go with the first name.
TITLES: Mapping[str, str] = {
    "dr": "m",  # masculine in Spanish ('Dra.' is the feminine); the English greeting ignores it
    "dra": "f",
    "prof": "",
    "profa": "f",
    "professor": "",
    "profesor": "m",
    "profesora": "f",
    "doctor": "m",
    "doctora": "f",
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "mx": "",
    "sir": "m",
    "dame": "f",
    "sr": "m",
    "sra": "f",
    "srta": "f",
    "señor": "m",
    "señora": "f",
    "señorita": "f",
    "lic": "",
    "lcdo": "m",
    "lcda": "f",
    "ing": "",
    "mtro": "m",
    "mtra": "f",
    "don": "m",
    "doña": "f",
}
_WITH_FIRST_NAME = frozenset({"don", "doña", "sir", "dame"})

# Words that begin a surname ('de la Cruz', 'van der Berg') or join two ('Pérez y López').
PARTICLES = frozenset(
    {"de", "del", "la", "las", "los", "y", "van", "von", "der", "den", "da", "das", "do", "dos"}
    | {"di", "du", "le", "bin", "al", "ten", "ter"}
)

# Given names that are often the second half of a two-word first name ('María José', 'Mary Ann').
SECOND_NAMES = frozenset(
    {"maría", "maria", "josé", "jose", "juan", "ana", "luis", "carlos", "miguel", "antonio"}
    | {"manuel", "jesús", "jesus", "carmen", "luz", "pilar", "isabel", "fernanda", "elena"}
    | {"eugenia", "teresa", "ángel", "angel", "pablo", "javier", "ignacio", "alejandro", "andrés"}
    | {"mary", "ann", "anne", "beth", "sue", "jean", "paul", "marie", "claude", "pierre"}
    | {"louise", "rose", "grace", "jane", "lynn", "ellen", "elizabeth", "catherine", "michelle"}
)

# Words that say the name is a team or a role, not a person's name: ask how to greet them.
_TEAM = frozenset({"the", "our", "team", "recruiting", "hr", "talent", "el", "equipo", "recursos"})


# Scripts whose names are written family name first ('李华', '田中 太郎', '김민준'): by the names
# Unicode gives their letters, not by a list of names. The first word is the family name, so
# 'Hi 田中,' or 'Dear Dr. 太郎,' would be a confident mistake; the whole name is offered instead.
_FAMILY_FIRST_SCRIPTS = (
    "CJK UNIFIED IDEOGRAPH",
    "CJK COMPATIBILITY IDEOGRAPH",
    "HIRAGANA",
    "KATAKANA",
    "HALFWIDTH KATAKANA",
    "HANGUL",
    "HALFWIDTH HANGUL",
    "BOPOMOFO",
)


def family_name_first(name: str) -> bool:
    """Whether a letter of the name is of a script written family name first (Chinese,
    Japanese, Korean), where which word to greet someone by cannot be guessed from the order."""
    return any(
        unicodedata.name(ch, "").startswith(_FAMILY_FIRST_SCRIPTS) for ch in name if ch.isalpha()
    )


class Address(NamedTuple):
    """How to address someone ('Dr. Park', 'María José'), and whether that is more than a guess."""

    text: str
    sure: bool


def _bare(word: str) -> str:
    return word.lower().rstrip(".")


def _capital(word: str) -> str:
    """A word typed all in lower case gets its capital ('dana' -> 'Dana'); others stay as typed."""
    return word[:1].upper() + word[1:] if word.islower() else word


def address(name: str, grammar: str = "en") -> Address:
    """The name to put after 'Dear' or 'Hi', guessed from someone's full name.

    'Dr. Kim Park' -> 'Dr. Park' (sure); 'Kim Park' -> 'Kim' (sure); 'María José Pérez' ->
    'María José' (sure); 'Gabriel García Márquez' -> 'Gabriel' (not sure: it could be a
    two-word first name); 'Dra. Ana Pérez López' -> 'Dra. Pérez' in Spanish (not sure);
    '田中 太郎' -> '田中 太郎' (not sure: written family name first, so the person is asked).
    """
    words = name.split()
    if not words:
        return Address("", False)
    if "@" in name or not any(w[:1].isalpha() for w in words):
        return Address(name.strip(), False)
    if family_name_first(name):
        return Address(" ".join(words), False)  # the whole name, offered for them to fix
    if _bare(words[0]) in TITLES:
        return _titled(words[0], words[1:], grammar)
    if any(not w[:1].isalpha() for w in words) or _TEAM & {_bare(w) for w in words}:
        return Address(name.strip(), False)  # 'the recruiting team', '(via Jo)': ask
    first = [_capital(words[0])]
    if len(words) == 1:
        return Address(first[0], True)
    if _bare(words[1]) in SECOND_NAMES:
        first.append(_capital(words[1]))
        return Address(" ".join(first), len(words) == 3)
    if len(words) == 2 or _bare(words[1]) in PARTICLES:
        return Address(first[0], True)
    return Address(first[0], False)


def first_name(name: str) -> str:
    """Someone's first name, a title left out and a two-word first name kept whole.

    'Dr. Sam Okafor' -> 'Sam'; 'María José Pérez' -> 'María José'; 'Dana' -> 'Dana'; but
    'Sra. Gómez' -> 'Sra. Gómez', since there is no first name to use; a name written family
    name first stays whole ('田中 太郎'), since its first word is the family name.
    """
    words = name.split()
    if family_name_first(name):
        return " ".join(words)
    if len(words) == 2 and _bare(words[0]) in TITLES and _bare(words[0]) not in _WITH_FIRST_NAME:
        return address(name).text  # 'Sra. Gómez': no first name to use, so the polite form
    if len(words) > 1 and _bare(words[0]) in TITLES:
        words = words[1:]
    if not words:
        return name
    if len(words) > 2 and _bare(words[1]) in SECOND_NAMES:
        return f"{words[0]} {words[1]}"
    return words[0]


def _titled(title: str, rest: list[str], grammar: str) -> Address:
    title = _capital(title)
    if not rest:
        return Address(title, False)
    if _bare(title) in _WITH_FIRST_NAME:
        return Address(f"{title} {_capital(rest[0])}", True)
    if len(rest) == 1:
        return Address(f"{title} {_capital(rest[0])}", True)
    for i, word in enumerate(rest):
        if _bare(word) in PARTICLES:  # 'Dr. Ana de la Cruz' -> 'Dr. de la Cruz'
            return Address(f"{title} {' '.join(rest[i:])}", True)
    given = 2 if _bare(rest[1]) in SECOND_NAMES and len(rest) > 2 else 1
    surname = rest[given:]
    # Two words left: two surnames in Spanish (the first is the one to use), a middle name and
    # a surname in English (the last). Either way a guess, so the coach asks.
    guess = surname[0] if grammar == "es" else surname[-1]
    return Address(f"{title} {_capital(guess)}", len(surname) == 1)


def greeting(name: str, forms: Mapping[str, str]) -> str:
    """The salutation of a letter to this person, in the forms of the pack's `words.greetings`.

    The name is taken as the person addresses them: one that starts with a title is greeted
    formally ('Dear Dr. Park,'), a first name warmly ('Hi Kim,').
    """
    words = name.split()
    gender = TITLES.get(_bare(words[0])) if words else None
    if gender is None:
        form = forms.get("name") or "{{name}},"
    else:
        form = forms.get(f"title_{gender}") or forms.get("title") or "{{name}},"
    return form.replace("{{name}}", name.strip())


_LEADS = (
    "thank you so much for",
    "thank you for",
    "thanks for",
    "i'm known for",
    "i am known for",
    "known for",
    "muchas gracias por",
    "gracias por",
    "me conocen por",
    "for",
    "por",
)
# First words that are not names, so lower-casing them is safe ('The detailed feedback').
_LOWER_FIRST = frozenset(
    {"the", "a", "an", "your", "you", "my", "how", "all", "being", "that", "what", "some"}
    | {"el", "la", "los", "las", "un", "una", "tu", "tus", "su", "sus", "que", "cómo", "lo"}
)

_INFINITIVE = re.compile(r"[aei]r(me|le|nos)$")  # 'Explicarme', 'ayudarnos'

_INFINITIVE = re.compile(r"[aei]r(me|le|nos)$")  # 'Explicarme', 'ayudarnos'


def phrase(text: str) -> str:
    """An answer fitted to sit inside a sentence that introduces it ('Thank you also for ...').

    Drops what that sentence already says ('for', 'Thank you for'), a final full stop, and the
    capital of a first word that is not a name ('The detailed feedback' -> 'the detailed
    feedback', 'Walking me through' -> 'walking me through').
    """
    out = " ".join(text.split()).rstrip(" .!;,")
    for lead in _LEADS:
        if out.lower().startswith(lead + " "):
            out = out[len(lead) + 1 :]
            break
    first, _, rest = out.partition(" ")
    plain = first.lower()
    common = plain in _LOWER_FIRST or plain.endswith("ing") or _INFINITIVE.search(plain)
    if first[:1].isupper() and first[1:].islower() and common:
        out = plain + (" " + rest if rest else "")
    return out


# What someone may say they are looking for, by language: words that already make it a complete
# object of 'looking for' ('some', 'the'), role nouns in the plural and in the singular (with
# their article, for Spanish), and how a bare job title is turned into a role.
_DETERMINERS = {
    "en": {"a", "an", "the", "my", "some", "any", "another", "something", "anything", "work"},
    "es": {"un", "una", "unos", "unas", "el", "la", "los", "las", "mi", "algún", "alguna", "algo"},
}
_PLURAL = {
    "en": {"roles", "positions", "jobs", "opportunities", "openings", "work", "contracts"},
    "es": {"puestos", "trabajos", "empleos", "oportunidades", "vacantes", "posiciones", "roles"},
}
_SINGULAR = {
    "en": {"role": "a", "position": "a", "job": "a", "opening": "an", "contract": "a"},
    "es": {"puesto": "un", "trabajo": "un", "empleo": "un", "rol": "un", "posición": "una"}
    | {"vacante": "una", "oportunidad": "una", "proyecto": "un", "contrato": "un"},
}


def _article(text: str) -> str:
    """'a' or 'an', by the sound of the first word ('an engineer', 'an SRE', 'a UX designer')."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():  # an acronym is said letter by letter
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    return "an" if first[:1].lower() in "aeio" else "a"


def role(text: str, grammar: str = "en") -> str:
    """What someone is looking for, as the object of 'I'm looking for' / 'Busco'.

    'senior backend or platform lead roles in fintech' stays as it is; 'senior backend role'
    becomes 'a senior backend role'; a job title becomes a role: 'a role as a senior backend
    engineer' ('un puesto como ingeniera backend sénior').
    """
    lang = grammar if grammar in _PLURAL else "en"
    out = phrase(text)
    words = [w.lower().strip(",.;()") for w in out.split()]
    if not words or _PLURAL[lang] & set(words):
        return out
    named = [w for w in words if w in _SINGULAR[lang]]
    indefinite = {"en": ("a", "an"), "es": ("un", "una")}[lang]
    if words[0] in _DETERMINERS[lang] and (named or words[0] not in indefinite):
        return out  # 'a staff role', 'the platform team', 'something remote'
    if named:
        article = _SINGULAR[lang][named[0]]
        return f"{_article(out) if lang == 'en' else article} {out}"
    # A job title ('a data engineer' would read as if hiring one): make it a role.
    title = out.split(" ", 1)[1] if words[0] in indefinite and " " in out else out
    if lang == "es":
        return f"un puesto como {title}"
    return f"a role as {_article(title)} {title}"


_ANGLE_ADDRESS = re.compile(r"\s*<[^<>]*>\s*$")


def recipient(to: str) -> str:
    """The name in a To: line, without its address ('Tom Baker <tom@x.example>' -> 'Tom Baker');
    a line that is only an address stays as it is."""
    return _ANGLE_ADDRESS.sub("", to).strip() or to.strip()


@dataclass(frozen=True)
class DraftText:
    """One draft of a session, ready to send: `rebound draft` shows, copies and mails these.

    `id` is the draft's id, or `<id>-<n>` for the n-th entry of an `each` draft ('outreach-2');
    `to` and `subject` are None for a draft that is not a message; `channel` is how it goes
    ('email', 'linkedin', ...) when the content says; `text` is what is shown and kept: the
    To: and Subject: lines, a blank line, then the body.
    """

    id: str
    draft_id: str
    title: str
    to: str | None
    subject: str | None
    body: str
    channel: str | None
    text: str

"""How a letter names people: their names, how to address them, and how to greet them.

Pure functions behind the template filters `name`, `address`, `address_sure`, `greeting`,
`salutation` and `team`. They guess the way a careful writer would, and say when a guess is only
a guess, so the coach can ask ("How do you address them?") instead of sending "Hi Dr.,". How a
person's other words are fitted into a letter's sentences is `rebound.sentences.fitting`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import NamedTuple

from rebound.sentences.name_notes import NICKNAME as _NICKNAME
from rebound.sentences.name_notes import ONLY_A_JOB as _ONLY_A_JOB
from rebound.sentences.name_notes import a_name as _a_name
from rebound.sentences.name_notes import bare as _bare
from rebound.sentences.name_notes import without_nickname, without_notes
from rebound.sentences.name_order import family_name_first, given_names, honorific, with_honorific

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
    "madam": "f",
    "madame": "f",
    "rev": "",
    "revd": "",
    "reverend": "",
    "fr": "m",
    "father": "m",
    "pastor": "",
    "rabbi": "",
    "imam": "",
    "hon": "",
    "judge": "",
    "capt": "",
    "captain": "",
    "col": "",
    "padre": "m",
    "pbro": "m",
    "arq": "",
    "cra": "f",  # contadora, as Uruguay and Argentina write it ('Cra. Laura Sosa')
    "cdora": "f",
    "cdor": "m",
    # Spelt out ('Ingeniero Rojas', 'Licenciada Méndez'), as a greeting often writes them.
    "ingeniero": "m",
    "ingeniera": "f",
    "licenciado": "m",
    "licenciada": "f",
    "arquitecto": "m",
    "arquitecta": "f",
    "maestro": "m",
    "maestra": "f",
    "rector": "m",  # of a school or a university ('Rectora Marta Lucía Gómez')
    "rectora": "f",
}
_WITH_FIRST_NAME = frozenset({"don", "doña", "sir", "dame"})
# A title only in Spanish: in English, 'Don Johnson' is a man called Don.
_SPANISH_ONLY = frozenset({"don", "maestro", "maestra"})

# Words that begin a surname ('de la Cruz', 'van der Berg') or join two ('Pérez y López').
PARTICLES = frozenset(
    {"de", "del", "la", "las", "los", "y", "van", "von", "der", "den", "da", "das", "do", "dos"}
    | {"di", "du", "le", "bin", "al", "ten", "ter"}
    | {"i", "e"}  # Catalan and Portuguese join two surnames so: 'Vidal i Ferrer', 'Silva e Souza'
    | {"ó", "ní", "nic", "uí", "ua", "mac"}  # Irish: 'Niamh Ó Briain' is Prof. Ó Briain
)

# Given names that are often the second half of a two-word first name ('María José', 'Mary Ann').
SECOND_NAMES = frozenset(
    {"maría", "maria", "josé", "jose", "juan", "ana", "luis", "carlos", "miguel", "antonio"}
    | {"manuel", "jesús", "jesus", "carmen", "luz", "pilar", "isabel", "fernanda", "elena"}
    | {"eugenia", "teresa", "ángel", "angel", "pablo", "javier", "ignacio", "alejandro", "andrés"}
    | {"mary", "ann", "anne", "beth", "sue", "jean", "paul", "marie", "claude", "pierre"}
    | {"louise", "rose", "grace", "jane", "lynn", "ellen", "elizabeth", "catherine", "michelle"}
    | {"marina", "felipe", "camilo", "esteban", "sebastián", "sebastian", "david", "alberto"}
    | {"alejandra", "andrea", "cristina", "victoria", "paz", "valentina", "lucía", "lucia"}
    | {"sofía", "sofia", "fernando", "gabriela", "mercedes", "inés", "ines", "paula", "marcela"}
)

# Words a first name goes by with: 'Lil Mike', 'Big Jim' are greeted whole, never 'Hi Lil,'.
# What the family calls someone, said before their name ('Uncle Rick', 'tía Marta').
KIN = frozenset(
    {"uncle", "auntie", "aunty", "aunt", "cousin", "grandpa", "grandma"}
    | {"tío", "tía", "tio", "tia", "abuela", "abuelo", "primo", "prima"}
)
# Family, however a person notes them beside the name ('Kevin (cousin)', 'mi compadre Beto').
_FAMILY = KIN | frozenset(
    {"compadre", "comadre", "cuñado", "cuñada", "hermano", "hermana", "brother", "sister", "bro"}
    | {"sis", "mum", "mom", "dad", "papá", "mamá", "brother-in-law", "sister-in-law", "nephew"}
    | {"niece", "sobrino", "sobrina", "padrino", "madrina", "suegro", "suegra", "tita", "tito"}
)


def family(name: str) -> bool:
    """Whether the name, or what is noted beside it, says the person is family."""
    return bool(_FAMILY & {w.strip("(),.:;").lower() for w in name.split()})


# A teacher, greeted warmly with the first name ('Hola, Profe Carolina:'), and no title (tú).
_NAME_PREFIXES = (
    frozenset({"lil", "lil'", "big", "little", "profe", "seño", "compadre", "comadre"}) | KIN
)

# Words that say the name is a team or a role, not a person's name: ask how to greet them.
_TEAM = frozenset({"the", "our", "team", "recruiting", "hr", "talent", "el", "equipo", "recursos"})
_FRIENDS = frozenset({"lads", "guys", "gang", "crew", "folks"})
# Words that say a name is of a group, not a person ('the hiring panel', 'equipo de talento').
_GROUP = frozenset(
    {"team", "panel", "committee", "recruiting", "hr", "talent", "hiring", "department"}
    | {"board", "council", "association", "society"}
    | _FRIENDS
    | {"equipo", "comité", "recursos", "talento", "selección", "departamento", "comisión"}
    | {"junta", "consejo", "asociación", "colegio", "tribunal"}
)
SMALL_WORDS = frozenset(
    {"of", "and", "or", "in", "at", "for", "the", "a", "an", "to", "on", "via", "with"}
)


def team(name: str) -> bool:
    """Whether a name is of a group of people ('the hiring panel', 'Talent Acquisition Team',
    'equipo de talento'), greeted as a group and never as 'yourself'."""
    return bool(_GROUP & {_bare(w) for w in name.split()})


class Address(NamedTuple):
    """How to address someone ('Dr. Park', 'María José'), and whether that is more than a guess."""

    text: str
    sure: bool


def _title(word: str, grammar: str = "en") -> bool:
    """Whether a word is a title in a letter of this grammar ('Dr.', 'Rev.'; 'don' in Spanish)."""
    bare = _bare(word)
    return bare in TITLES and (grammar == "es" or bare not in _SPANISH_ONLY)


# 'Sir/Madam', 'Sir or Madam': nobody's name, the formal way to greet a stranger ('Sir/Ma' in
# Nigeria; 'Ma' alone may be a name).
_GENERIC = frozenset({"sir", "madam", "madame"})
_GENERIC_BESIDE = frozenset({"ma", "mam", "ma'am"})
_EITHER = re.compile(r"\s*/\s*|\s+or\s+|\s+o\s+", re.IGNORECASE)


def generic(name: str) -> bool:
    """Whether a name is only titles ('Sir/Madam', 'Sir or Madam'): greeted as 'Dear Sir/Madam,',
    never 'Hi Sir/Madam,'."""
    pieces = [_bare(p) for p in _EITHER.split(name.strip()) if p]
    return any(p in _GENERIC for p in pieces) and all(
        p in _GENERIC or p in _GENERIC_BESIDE for p in pieces
    )


def _capital(word: str) -> str:
    """A word typed all in lower case gets its capital ('dana' -> 'Dana'); others stay as typed."""
    return word[:1].upper() + word[1:] if word.islower() else word


_INITIAL = re.compile(r"[A-Z]\.?")


def address(name: str, grammar: str = "en") -> Address:
    """The name to put after 'Dear' or 'Hi', guessed from someone's full name.

    'Dr. Kim Park' -> 'Dr. Park' (sure); 'Kim Park' -> 'Kim' (sure); 'María José Pérez' ->
    'María José' (sure); 'Gabriel García Márquez' -> 'Gabriel' (not sure: it could be a
    two-word first name); 'Dra. Ana Pérez López' -> 'Dra. Pérez' in Spanish (not sure);
    '田中 太郎' -> '田中 太郎' (not sure: written family name first, so the person is asked).
    """
    name = " ".join(_without_article(without_notes(name).split(), grammar)) or name
    words = name.split()
    # 'Prof. Lakshmi Madam': the title says it ('Dear Prof. Lakshmi'); not 'Sir or Madam'.
    if (
        len(words) > 2
        and _title(words[0], grammar)
        and (_bare(words[-1]) in _GENERIC or honorific(words[-1]))
    ):
        words = words if generic(name) else words[:-1]
        name = " ".join(words)
    if not words:
        return Address("", False)
    if "@" in name or not any(w[:1].isalpha() for w in words):
        return Address(name.strip(), False)
    # A middle initial says nothing of how to greet them ('Jonathan R. Whitfield' -> 'Jonathan',
    # 'Dr. Ana M. Pérez' -> 'Dr. Pérez'): left out, unless it is all there is between.
    start = 1 if _title(words[0], grammar) else 0
    kept = [w for w in words[start + 1 : -1] if not _INITIAL.fullmatch(w)]
    if (
        len(words) - start > 2
        and not _INITIAL.fullmatch(words[start])
        and kept != words[start + 1 : -1]
    ):
        return address(" ".join([*words[: start + 1], *kept, words[-1]]), grammar)
    parts = signed(name)
    if _a_name(parts.nickname):  # 'Sharon "Shaz" Tolley' is greeted as she goes by: 'Hi Shaz,'
        typed = parts.typed.split()
        if typed and _title(typed[0], grammar):  # formally, by the title: 'Dr. Lee'
            return address(parts.typed, grammar)
        return Address(_capital(parts.nickname), True)
    if family_name_first(name):
        return Address(" ".join(words), False)  # the whole name, offered for them to fix
    if generic(name):
        return Address(" ".join(words), True)
    if with_honorific(words):  # 'Ma'am Tina', 'Meenakshi ma'am', 'Karthik Anna'
        return Address(first_name(name, grammar), True)
    if _title(words[0], grammar):
        return _titled(words[0], words[1:], grammar)
    if any(not w[:1].isalpha() for w in words) or _TEAM & {_bare(w) for w in words}:
        return Address(name.strip(), False)  # 'the recruiting team', '(via Jo)': ask
    first = [_capital(words[0])]
    if len(words) == 1:
        return Address(first[0], True)
    if _INITIAL.fullmatch(words[0]):  # 'J. Smith': no first name to greet, so ask
        return Address(name.strip(), False)
    if _bare(words[1]) in SECOND_NAMES or _bare(words[0]) in _NAME_PREFIXES:
        first.append(_capital(words[1]))
        return Address(" ".join(first), len(words) == 3)
    if len(words) == 2 or _bare(words[1]) in PARTICLES:
        return Address(first[0], True)
    return Address(first[0], False)


def _person(name: str) -> list[str]:
    """A name's words as two spellings of one person's name share them: no title, nickname or
    letters after it, no accents, no case ('Dr. José  Pérez' -> ['jose', 'perez'])."""
    parts = signed(name)
    words = [w for w in parts.typed.replace(",", " ").split() if w.strip(".")]
    while len(words) > 1 and _title(words[0], "es"):
        words = words[1:]
    bare = unicodedata.normalize("NFD", " ".join(words).casefold())
    return "".join(c for c in bare if unicodedata.category(c) != "Mn").split()


def same_person(one: str, other: str) -> bool:
    """Whether two names are of one person: the same words ('Tyler Jensen', 'tyler jensen'), or
    the same first and last ('Dr. Ana María Pérez', 'Ana Pérez'). A first name alone is never
    enough: 'Sam' and 'Sam Okafor' may be two people."""
    return any(_one_name(a, b) for a in _names_of(one) for b in _names_of(other))


def _names_of(name: str) -> set[tuple[str, ...]]:
    """A name's words, and, where it carries its workplace after a comma ('Jonathan Whitcombe,
    Kessler Hart Executive Search'), the whole name before it; never a surname alone ('Smith,
    Jane' is not 'Smith, John')."""
    before = tuple(_person(name.partition(",")[0]))
    return {tuple(_person(name))} | ({before} if len(before) > 1 else set())


def _one_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    return len(a) > 1 and len(b) > 1 and a[0] == b[0] and a[-1] == b[-1]


def titled(name: str, grammar: str = "en") -> bool:
    """Whether a name is written with a title or honorific ('Dr. Andrés Cárdenas', 'Lic.
    Roberto Camacho', 'don Manuel' in Spanish): the person wrote to someone they address
    formally."""
    words = name.split()
    return (len(words) > 1 and _title(words[0], grammar)) or team(name)  # a group: formally


def first_name(name: str, grammar: str = "en") -> str:
    """Someone's first name, a title left out and a two-word first name kept whole, or the
    name they go by when they wrote it in (`signed`).

    'Dr. Sam Okafor' -> 'Sam'; 'María José Pérez' -> 'María José'; 'Dana' -> 'Dana';
    'Robert "Bob" Hensley' -> 'Bob'; but 'Sra. Gómez' -> 'Sra. Gómez', since there is no first
    name to use; a name written family name first stays whole ('田中 太郎'), since its first
    word is the family name.
    """
    name = " ".join(_without_article(without_notes(name).split(), grammar)) or name
    parts = signed(name)
    if _a_name(parts.nickname):
        return _capital(parts.nickname)
    if parts.credentials:
        name = parts.typed
    words = name.split()
    if family_name_first(name):
        return " ".join(words)
    given = given_names(words)  # 'Lim Wei Jie' is greeted and signs as 'Wei Jie'
    if given:
        return " ".join(_capital(w) for w in given)
    if generic(name):
        return " ".join(words)
    if with_honorific(words):  # 'Ma'am Tina': greeted whole, the honorific as typed
        return " ".join(w if honorific(w, after_name=True) else _capital(w) for w in words)
    if len(words) == 2 and _title(words[0], grammar) and _bare(words[0]) not in _WITH_FIRST_NAME:
        return address(name, grammar).text  # 'Sra. Gómez': no first name, so the polite form
    if len(words) > 1 and _title(words[0], grammar):
        words = words[1:]
    if not words:
        return name
    if len(words) > 2 and _bare(words[1]) in SECOND_NAMES:
        return f"{_capital(words[0])} {_capital(words[1])}"
    if len(words) > 1 and _bare(words[0]) in _NAME_PREFIXES:
        return f"{_capital(words[0])} {_capital(words[1])}"
    return _capital(words[0])


# The name someone goes by, written inside their full name: 'Robert "Bob" Hensley', 'Robert
# (Bob) Hensley' (one word in quotes, curly or straight, or in brackets, after a space).
_ROMAN = re.compile(r"^[IVX]+\.?$")


def _credential(chunk: str) -> bool:
    """Whether what follows a comma after a name is letters after it ('FNP-C', 'PhD', 'MBA',
    'RN, CPA', 'Esq.'): each word with two capitals or more, and no numeral of a name ('III');
    'Jr.' and 'Sr.' are part of the name."""
    words = chunk.split()
    return bool(words) and all(
        (sum(c.isupper() for c in w) >= 2 and not _ROMAN.match(w)) or _bare(w) == "esq"
        for w in words
    )


class Signed(NamedTuple):
    """A person's own name as they typed it, in its pieces (`signed`)."""

    typed: str  # the name without the nickname and the letters after it, title kept
    nickname: str  # the name they go by ('Bob'), '' when none was written in
    credentials: str  # the letters after the name ('FNP-C', 'PhD, MBA'), '' when none
    after: int  # how many words of `typed` come after the nickname


def signed(text: str) -> Signed:
    """A name as typed, in its pieces: 'Dr. Robert "Bob" Hensley, PhD' -> ('Dr. Robert
    Hensley', 'Bob', 'PhD', 1)."""
    out = without_notes(text)
    nickname, after = "", 0
    found = _NICKNAME.search(out)
    if found is not None and len(out.split()) > 1:
        nickname = found.group(1)
        tail = out[found.end() :].split(",")[0]
        after = len(tail.split())
        out = " ".join((out[: found.start()] + " " + out[found.end() :]).split())
    chunks = out.split(",")
    letters: list[str] = []
    while len(chunks) > 1 and _credential(chunks[-1]):
        letters.insert(0, chunks.pop().strip())
    return Signed(",".join(chunks).strip(), nickname, ", ".join(letters), after)


def signature(text: str, credentials: bool = True) -> str:
    """The name a person signs a letter with: without the title they may have typed before it
    (nobody signs 'Dr. Amara Nwosu'), the name they go by in their first name's place
    ('Robert "Bob" Hensley' -> 'Bob Hensley'), and, with `credentials`, the letters after it
    ('Maria Santos, FNP-C'), which belong on a formal letter and nowhere else."""
    parts = signed(text)
    words = parts.typed.split()
    if _a_name(parts.nickname) and parts.after:
        # The nickname in place of the names before it ('Mary Ann "Annie" Smith' -> 'Annie
        # Smith'); written after the surname, it is for the first name alone.
        words = [parts.nickname, *words[len(words) - parts.after :]]
    if len(words) > 2 and _title(words[0]):  # never 'Don' (a man called Don signs with it)
        words = words[1:]  # 'Sra. Gómez' stays: there is no other name to sign with
    full = name(" ".join(words))
    return f"{full}, {parts.credentials}" if credentials and parts.credentials else full


def name(text: str) -> str:
    """A name as it is written on a letter: a word typed all in lower case gets its capital
    ('tom baker' -> 'Tom Baker'); any other is left as typed ('McNeil', 'de la Cruz'); a
    nickname typed into it is left out ('Robert "Bobby" Lee' -> 'Robert Lee')."""
    text = without_nickname(without_notes(text))
    small = PARTICLES | {"at", "from"}  # 'recruiter at rullion' -> 'Recruiter at Rullion'
    return " ".join(w if _bare(w) in small else _capital(w) for w in text.split())


# The article some nicknames are said with in Spanish ('el Pato Soto'), who they are typed
# before a name ('mi primo Wílmer', 'my old boss Tom'): greeted by the name ('Hola, Wílmer:').
_SPANISH_ARTICLES = frozenset({"el", "la"})
_POSSESSIVE = frozenset({"my", "mi", "our", "nuestro", "nuestra"})


def _without_article(words: list[str], grammar: str) -> list[str]:
    """'El Pato Soto' -> 'Pato Soto' in Spanish (a nickname said with its article)."""
    if len(words) > 2 and words[0].lower() in _POSSESSIVE:
        named = [at for at, word in enumerate(words) if at and word[:1].isupper()]
        return words[named[0] if named else 2 :]
    if (
        grammar == "es"
        and len(words) > 1
        and words[0].lower() in _SPANISH_ARTICLES
        and words[1][:1].isupper()
        and not _TEAM & {_bare(w) for w in words[1:]}
    ):
        return words[1:]
    return words


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


def grammar_of(forms: Mapping[str, str]) -> str:
    """Whose capitals a pack's greetings follow (told from its forms, 'Dear' in English): English
    capitalises each word of a group's name ('Dear Hiring Panel,'), others only what was typed."""
    return "en" if forms.get("title", "").startswith("Dear") else "other"


_as_written = name  # `greeting` names its argument `name`


def nobody(name: str) -> bool:
    """Whether what was typed for a name only says someone's job: nobody's name to greet
    ('recruiter at Rullion', 'aviation recruiter that msgd me on linkedin')."""
    plain = [w.strip(",;:?!").lower().rstrip(".") for w in name.split()]
    job = bool(plain) and (plain[0] in _ONLY_A_JOB or (name.islower() and len(plain) > 2))
    return job and bool(set(plain) & _ONLY_A_JOB)


def greeting(name: str, forms: Mapping[str, str]) -> str:
    """The salutation of a letter to this person, in the forms of the pack's `words.greetings`:
    a name that starts with a title formally ('Dear Dr. Park,'), a first name warmly ('Hi Kim,')."""
    words = name.split()
    english = grammar_of(forms) == "en"
    if nobody(name) and forms.get("nobody"):
        return forms["nobody"]
    title = bool(words) and (generic(name) or _title(words[0], "en" if english else "es"))
    gender = (TITLES.get(_bare(words[0]), "") if not generic(name) else "") if title else None
    if words and team(name):  # a group: 'Dear Hiring Panel,', never 'Hi the hiring panel,'
        if _bare(words[0]) in ("the", "our"):
            words = words[1:]
        if grammar_of(forms) == "en" and all(w.islower() for w in words):
            words = [w if w in SMALL_WORDS else w[:1].upper() + w[1:] for w in words]
        friends = _FRIENDS & {_bare(w) for w in words}  # 'Hi lads,', never 'Dear Lads,'
        said = " ".join(words).lower() if friends else " ".join(words)
        return (forms.get("name" if friends else "title") or "{{name}},").replace("{{name}}", said)
    if gender is None:
        form = forms.get("name") or "{{name}},"
    else:
        form = forms.get(f"title_{gender}") or forms.get("title") or "{{name}},"
    # Typed all in lower case ('rachel'), a name gets its capitals ('Hi Rachel,').
    said = _as_written(name.strip()) if name.islower() else name.strip()
    return form.replace("{{name}}", said)


_ANGLE_ADDRESS = re.compile(r"\s*<[^<>]*>\s*$")


def recipient(to: str) -> str:
    """The name in a To: line, without its address ('Tom Baker <tom@x.example>' -> 'Tom Baker');
    a line that is only an address stays as it is."""
    return _ANGLE_ADDRESS.sub("", to).strip() or to.strip()

"""Which words of a name are the given names when the family name comes first: in a script
written so (Chinese, Japanese, Korean: by the names Unicode gives their letters), or typed in
Latin letters with a family name a list knows ('Lim Wei Jie', 'Nguyen Van An'); and which word
beside a first name is said with it as respect ('Meenakshi ma'am', 'Karthik Anna'). Pure
functions behind rebound.sentences.grammar's first names and greetings.
"""

from __future__ import annotations

import unicodedata

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


# Family names of Chinese, Vietnamese and Korean names typed in Latin letters, family name first
# ('Lim Wei Jie', 'Nguyen Van An', 'Park Ji Sung'): with two short given names after them.
_FAMILY_FIRST_NAMES = frozenset(
    ("lim", "tan", "ng", "goh", "ong", "teo", "koh", "chua", "wong", "chan", "lau", "leong",
     "yeo", "toh", "tay", "sim", "foo", "chong", "chew", "liew", "loh", "quek", "seah", "soh",
     "yap", "yong", "nguyen", "tran", "pham", "huynh", "hoang", "phan", "vu", "dang", "bui",
     "ngo", "duong", "park", "choi", "jung", "kang", "yoon", "jang", "kwon", "hwang", "ahn")
)  # fmt: skip
_VIETNAMESE = frozenset(("nguyen", "tran", "pham", "huynh", "hoang", "phan", "vu", "dang", "bui"))


def given_names(words: list[str]) -> list[str]:
    """The given names of a name typed family name first in Latin letters ('Lim Wei Jie' ->
    'Wei Jie'; a Vietnamese name by its last: 'Nguyen Van An' -> 'An'); [] for any other."""
    family = words[0].lower().rstrip(".") if words else ""
    short = all(w.isalpha() and len(w) <= 4 for w in words[1:])
    if len(words) != 3 or family not in _FAMILY_FIRST_NAMES or not short:
        return []
    return words[2:] if family in _VIETNAMESE else words[1:]


# Said with a first name, before or after it, as the Philippines and India write to a senior
# ('Ma'am Tina', 'Meenakshi ma'am'): greeted with it, as typed.
_HONORIFIC = frozenset({"ma'am", "maam", "mam", "ma’am"})
# Said after a first name only ('Karthik Anna', 'Priya di', 'Rahul ji'): kin words and titles of
# respect in India, greeted with the name as the person typed them.
_AFTER_NAME = frozenset({"anna", "akka", "bhai", "bhaiya", "didi", "di", "ji", "garu"})


def _plain(word: str) -> str:
    return word.strip(".,;:()").casefold()


def honorific(word: str, after_name: bool = False) -> bool:
    """Whether a word beside a first name is said with it as respect ('ma'am'); with
    `after_name`, one said after it too ('anna', 'ji')."""
    return _plain(word) in (_HONORIFIC | _AFTER_NAME if after_name else _HONORIFIC)


def with_honorific(words: list[str]) -> bool:
    """Whether a name of two words is a first name and an honorific ('Ma'am Tina', 'Meenakshi
    ma'am', 'Karthik Anna'; 'Anna Smith' is a name)."""
    if len(words) != 2:
        return False
    return any(_plain(w) in _HONORIFIC for w in words) or _plain(words[1]) in _AFTER_NAME

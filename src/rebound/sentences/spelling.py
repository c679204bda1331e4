"""A slip in a job's title, mended before it reaches a letter: 'Customer Sucess Manager' ->
'Customer Success Manager'.

A title is copied into a subject line and a letter to the very company that rejected the
person; a slip there is the one thing the reader remembers. The words of titles the pack knows
(`words: letters: title_words`, with its job nouns and role words) are the only spellings
this module trusts, and it is careful: a word is mended only when it is not one of them, is six
letters or more, and is one slip away from exactly one of them, a slip of the kinds a hand
makes: a letter doubled or left single ('sucess'), two letters swapped ('enigneer'), a letter
left out or added inside a long word ('manger'), one letter struck for another inside a long
word ('custoner'), or an accent left out ('tecnico'); never at a word's end, where a letter
more or less is as often another form of it ('manage', 'designed'). A plural of a known
word is a word ('Analysts'), and so is one typed with an accent ('ingeniería'). Pure
functions behind the filters `title`, `role` and `headline`, and the letter checker's finding
(`letters_spelling`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SHORTEST = 6  # a shorter word is too often another word one slip away ('layer', 'lawyer')
_LONG = 7  # a letter left out or added is a slip only in a word this long, or of a double
_STRUCK = 8  # a letter struck for another, only in a word this long


def _bare(word: str) -> str:
    """A word without its accents ('técnico' -> 'tecnico')."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def _doubled(word: str, at: int) -> bool:
    return (at > 0 and word[at - 1] == word[at]) or (
        at + 1 < len(word) and word[at + 1] == word[at]
    )


def _one_slip(typed: str, known: str) -> bool:
    """Whether `typed` is `known` with one slip of a hand (see the module)."""
    if _bare(typed) == _bare(known):
        return typed != known and typed == _bare(typed)  # an accent left out
    # A letter left out or added, struck or swapped at a word's end is as often another form
    # of it ('manage', 'designed', 'recruited'): only a doubled letter is a slip there.
    if len(typed) == len(known) - 1:  # a letter left out
        for at in range(len(known)):
            if known[:at] + known[at + 1 :] == typed:
                inside = at < len(known) - 1 and len(known) >= _LONG
                return inside or _doubled(known, at)
        return False
    if len(typed) == len(known) + 1:  # a letter added
        for at in range(len(typed)):
            if typed[:at] + typed[at + 1 :] == known:
                inside = at < len(typed) - 1 and len(known) >= _LONG
                return inside or _doubled(typed, at)
        return False
    if len(typed) != len(known):
        return False
    differ = [i for i, (a, b) in enumerate(zip(typed, known, strict=True)) if a != b]
    if len(differ) == 2 and differ[1] == differ[0] + 1:  # two letters swapped
        i = differ[0]
        return typed[i] == known[i + 1] and typed[i + 1] == known[i]
    # One letter struck for another, in a long word, and neither first ('reaching' is no
    # 'teaching') nor at its end.
    return len(differ) == 1 and len(known) >= _STRUCK and 0 < differ[0] < len(known) - 2


def known_spelling(word: str, known: Iterable[str]) -> str | None:
    """The known spelling of a title's word typed with a slip ('Sucess' -> 'Success'), its
    capitals as typed; None when the word is known, too short, or not one slip from exactly one
    known word."""
    plain = word.lower()
    # A word typed with an accent was typed with care ('ingeniería' is no slip of 'ingeniera').
    if len(plain) < _SHORTEST or not plain.isalpha() or _bare(plain) != plain:
        return None
    fix = _known(plain, known if isinstance(known, frozenset) else frozenset(known))
    if fix is None:
        return None
    if word.isupper():
        return fix.upper()
    if word[:1].isupper():
        return fix[:1].upper() + fix[1:]
    return fix


@lru_cache(maxsize=8192)
def _known(plain: str, words: frozenset[str]) -> str | None:
    """`known_spelling` of a word in lower case (a letter is read many times over while it is
    made: each word is weighed once)."""
    size = len(plain)
    stems = (*_sized(words, size - 1), *_sized(words, size - 2))
    if plain in words or any(plain in (w + "s", w + "es") for w in stems):
        return None  # a word it knows, or the plural of one ('analysts')
    found = {
        w
        for length in (size - 1, size, size + 1)
        for w in _sized(words, length)
        if length >= _SHORTEST and _one_slip(plain, w)
    }
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=16)
def _by_length(words: frozenset[str]) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for word in words:
        out.setdefault(len(word), []).append(word)
    return {size: tuple(group) for size, group in out.items()}


def _sized(words: frozenset[str], size: int) -> tuple[str, ...]:
    """The known words of one length."""
    return _by_length(words).get(size, ())


def mended(text: str, known: Iterable[str]) -> str:
    """`text` with each slip in a title's word mended (see `known_spelling`)."""
    words = frozenset(known)

    def fix(match: re.Match[str]) -> str:
        return known_spelling(match.group(0), words) or match.group(0)

    return _WORD.sub(fix, text)


def slips(text: str, known: Iterable[str]) -> list[tuple[str, str]]:
    """Each word of `text` typed with a slip, and its known spelling ('sucess', 'success')."""
    words = frozenset(known)
    out: list[tuple[str, str]] = []
    for match in _WORD.finditer(text):
        fix = known_spelling(match.group(0), words)
        if fix is not None and (match.group(0), fix) not in out:
            out.append((match.group(0), fix))
    return out

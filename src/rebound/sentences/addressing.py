"""A person's sentence about the reader of a letter, said to that reader.

Asked what to thank someone for, people often write about them ('She was really kind and gave
me tips.'): joined into a letter to her, that reads as if she were someone else. Where it can be
said to her without a guess, it is: 'You were really kind and gave me tips'. The pure function
behind the template filter `addressed`, with the pack's words for its language (`Addressing`):
only a sentence that starts with one of the pronouns the pack names ('she', 'él'), then a verb
of the kinds it names (a past, a form that changes with the person: 'was' -> 'were'), every other
word of that person changed with it ('herself' -> 'yourself') and none left that could be
someone else's ('her': her card, or the card to her?). In Spanish a letter to someone written to
as usted speaks to them with the third person's verbs, so the pronoun is only dropped ('Ella fue
muy amable' -> 'Fue muy amable'), and a sentence that opens with its verb ('Fue muy amable y me
animó') is one already. Anything else gives '': the draft says it another way, or leaves it out,
and the letter checker reads whatever it says.
"""

from __future__ import annotations

import re
from typing import Protocol

_INNER_STOP = re.compile(r"\w[.!?…]\s+\S")
_EDGES = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.UNICODE)


class Addressing(Protocol):
    """The words `addressed` reads a sentence with (`templates.Vocabulary` is one)."""

    @property
    def and_(self) -> str: ...
    @property
    def articles(self) -> tuple[str, ...]: ...
    @property
    def third_person(self) -> tuple[str, ...]: ...
    @property
    def reader_pronouns(self) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]: ...
    @property
    def reader_verbs(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def reader_past(self) -> tuple[str, ...]: ...
    @property
    def reader_past_endings(self) -> tuple[str, ...]: ...
    @property
    def reader_between(self) -> tuple[str, ...]: ...
    @property
    def reader_between_endings(self) -> tuple[str, ...]: ...
    @property
    def reader_openers(self) -> tuple[str, ...]: ...


def _fold(word: str) -> str:
    return word.lower().strip(",.;:()¡!¿?\"'“”")


def _swap(token: str, forms: dict[str, str]) -> str:
    """A word changed to its form in `forms`, its punctuation and its capital kept."""
    lead, core, tail = _EDGES.match(token).groups()  # type: ignore[union-attr]
    new = forms.get(core.lower())
    if new is None:
        return token
    if core[:1].isupper():
        new = new[:1].upper() + new[1:]
    return f"{lead}{new}{tail}"


def _a_verb(word: str, words: Addressing) -> bool:
    plain = _fold(word)
    return (
        plain in dict(words.reader_verbs)
        or plain in words.reader_past
        or any(plain.endswith(e) and len(plain) > len(e) + 1 for e in words.reader_past_endings)
    )


def addressed(text: str, words: Addressing) -> str:
    """A sentence about the reader said to them, without its stop ('She was really kind and
    gave me tips.' -> 'You were really kind and gave me tips'); '' when it cannot be said so
    without a guess (see the module)."""
    out = " ".join(text.split()).rstrip(" .!;,…")
    tokens = out.split(" ")
    if len(tokens) < 3 or _INNER_STOP.search(out):
        return ""
    pronouns = {p: dict(forms) for p, forms in words.reader_pronouns}
    verbs = dict(words.reader_verbs)
    first = _fold(tokens[0])
    forms = pronouns.get(first)
    if forms is not None:
        rest = tokens[1:]
        at = 0
        # A word may stand between the pronoun and its verb ('She really helped', 'Él me dio').
        between = _fold(rest[0])
        if len(rest) > 1 and (
            between in words.reader_between
            or any(between.endswith(e) for e in words.reader_between_endings)
        ):
            at = 1
        if not _a_verb(rest[at], words):
            return ""
        said = forms.get(first, "")
        tokens = ([said] if said else []) + rest
        verb = at + (1 if said else 0)
    elif first in words.reader_openers:
        # 'Fue muy amable' speaks of a person; 'Fue una entrevista muy bonita', of a thing.
        if _fold(tokens[1]) in words.articles:
            return ""
        forms, verb = {}, 0
    else:
        return ""
    changed = [_swap(t, forms) for t in tokens]
    changed[verb] = _swap(changed[verb], verbs)
    # A verb after 'and' changes too ('and was patient'); one that says 'she' by its ending
    # ('and gives') cannot be said to them without a guess.
    for i in range(verb + 1, len(changed)):
        if _fold(changed[i - 1]) != words.and_:
            continue
        if _fold(changed[i]) in verbs:
            changed[i] = _swap(changed[i], verbs)
        elif verbs and _fold(changed[i]).endswith("s"):
            return ""
    result = " ".join(changed)
    result = result[:1].upper() + result[1:]
    if any(_fold(w) in words.third_person for w in result.split(" ")):
        return ""
    return result

"""Where someone wants to work, said so that the reader can act on it.

What people type for 'what are you looking for?' ends with notes to themselves: 'remote ok',
'hybrid', 'within 30 min of home'. Sent to a friend, a place only they know reads well enough;
in a public post, strangers cannot tell where 'home' is. Each fragment after a comma is read
with the pack's words (`Places`): one the pack says another way is said so ('remote ok' ->
'open to remote'); one that names a place only the person knows is said as the pack says it
in a note ('close to home'), and left out of a public post, where the person is told to add
their town. The pure functions behind the filters `role` and `public_role`, and the draft's
notes (rebound.letters.compose).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol


class Places(Protocol):
    """The words of places a pack reads (`templates.Vocabulary` is one)."""

    @property
    def place_said(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def near_home(self) -> tuple[str, ...]: ...
    @property
    def near_home_said(self) -> str: ...
    @property
    def needs_place(self) -> tuple[str, ...]: ...


@lru_cache(maxsize=64)
def _pattern(shape: str) -> re.Pattern[str]:
    """A fragment's shape as the pack writes it ('within * of home'), '*' standing for any
    words, matched whole and in any case."""
    parts = [re.escape(p) for p in shape.split("*")]
    return re.compile(r"^\s*" + r"\S.*?".join(parts) + r"\s*$", re.IGNORECASE)


@lru_cache(maxsize=64)
def _word(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(words)}(?!\w)", re.IGNORECASE)


def _near_home(chunk: str, words: Places) -> bool:
    return any(_pattern(shape).match(chunk) for shape in words.near_home)


def _chunks(text: str) -> list[str]:
    return text.split(", ")


def said(text: str, words: Places, public: bool = False) -> str:
    """What someone looks for, each fragment after a comma said so a reader can act on it:
    'backend roles, remote ok' -> 'backend roles, open to remote'; 'NP roles, within 30 min of
    home' -> 'NP roles, close to home', or with `public` (a post) 'NP roles'."""
    if ", " not in text:
        return text
    head, *rest = _chunks(text)
    forms = {k.lower(): v for k, v in words.place_said}
    out = [head]
    for chunk in rest:
        ends = chunk[len(chunk.rstrip(".!")) :]
        bare = chunk.rstrip(".!")
        if _near_home(bare, words):
            if not public and words.near_home_said:
                out.append(words.near_home_said + ends)
            elif ends:
                out[-1] += ends
            continue
        out.append(forms.get(bare.lower(), bare) + ends)
    return ", ".join(out)


def unknown_places(text: str, words: Places) -> list[str]:
    """The fragments of what someone looks for that a public post leaves out, or that need a
    place to be acted on: 'within 30 min of home'; 'hybrid' where no place is named (no word
    after the first written with a capital)."""
    out = [c.rstrip(".!") for c in _chunks(text)[1:] if _near_home(c.rstrip(".!"), words)]
    typed = text.split()
    named = any(w[:1].isupper() and not w.isupper() for w in typed[1:])
    if not named:
        found = [w for w in words.needs_place if _word(w).search(text)]
        out += found[:1]
    return out

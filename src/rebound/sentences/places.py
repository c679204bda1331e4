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
    @property
    def place_names(self) -> tuple[str, ...]: ...
    @property
    def place_before(self) -> str: ...
    @property
    def place_areas(self) -> tuple[str, ...]: ...
    @property
    def articles(self) -> tuple[str, ...]: ...
    @property
    def role_words(self) -> tuple[str, ...]: ...
    @property
    def job_nouns(self) -> tuple[str, ...]: ...
    @property
    def mass_nouns(self) -> tuple[str, ...]: ...


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


@lru_cache(maxsize=8)
def _names(names: tuple[str, ...]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w/.@-])(?:{alternatives})(?![\w/@-])")


def named(text: str, words: Places) -> str:
    """The places of the pack's `place_names` typed in lower case, with their capitals ('in
    london' -> 'in London', 'buenos aires o remoto' -> 'Buenos Aires o remoto'); a place typed
    with any capital stays as typed."""
    pattern = _names(words.place_names)
    if pattern is None:
        return text
    return pattern.sub(lambda m: " ".join(w[:1].upper() + w[1:] for w in m[0].split(" ")), text)


def _a_place(chunk: str, words: Places) -> bool:
    """Whether a fragment after a comma names only where ('Dublin area', 'Bengaluru or Mumbai',
    'NZ or Australia'): it starts with a capital and has no word of a job, a role or a thing
    to do ('Guidance Team Leader or senior counsellor roles' is another title)."""
    plain = chunk.split()
    if not plain or not chunk[:1].isupper() or len(plain) > 4 or any(c.isdigit() for c in chunk):
        return False
    # Each word a name, a word between names ('Bengaluru or Mumbai', 'Alcalá de Henares') or
    # an area ('Dublin area'); not what is said of the work ('Lagos-based or Pan-African remit').
    small = {*_BETWEEN_NAMES, *_WORK_MODES, *words.place_areas}
    if any(not w[:1].isupper() and w.lower() not in small for w in plain):
        return False
    return not names_a_job(chunk, words)


_BETWEEN_NAMES = frozenset(
    ("or", "and", "of", "on", "upon", "the", "o", "u", "y", "e", "de", "del", "la", "las", "los",
     "el", "en", "/", "&")
)  # fmt: skip
# How the work is done, said after the place it is in ('Lagos or remote').
_WORK_MODES = frozenset(
    ("remote", "hybrid", "onsite", "on-site", "remoto", "remota", "híbrido", "híbrida",
     "presencial", "teletrabajo", "remotely")
)  # fmt: skip


def names_a_job(text: str, words: Places) -> bool:
    """Whether words name a job, a role or work to do ('Guidance Team Leader or senior
    counsellor roles', 'contracts'), not only a place or a note ('Dublin area', 'hybrid')."""
    job = {*words.role_words, *words.job_nouns, *words.mass_nouns}
    plain = [w.strip("(),.;").lower() for w in text.split()]
    return any(w in job or w.rstrip("s") in job for w in plain)


def placed(text: str, words: Places) -> str:
    """What someone looks for with the places they named after a comma said as a place is in a
    sentence ('... NGOs, Lagos or remote' -> '... NGOs in Lagos or remote', '..., Dublin area'
    -> '... in the Dublin area'); the notes after the place stay after a comma ('in Dublin,
    hybrid'). Without the pack's `place_before`, as typed."""
    before = words.place_before
    if not before or ", " not in text:
        return text
    head, *rest = _chunks(text)
    if not rest or not _a_place(rest[0], words):
        return text
    place = rest[0]
    last = place.rstrip(".!").split()[-1].lower()
    if last in words.place_areas and words.articles:
        place = f"{words.articles[0]} {place}"
    return ", ".join([f"{head} {before} {place}", *rest[1:]])

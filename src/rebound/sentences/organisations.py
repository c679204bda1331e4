"""A company's name as a letter says it: without its legal form ('Kestrel Build', not 'Kestrel
Build Ltd'); in running prose, with the article a name that begins with a common noun takes
('at the University of Westbrook', 'del Hotel Giralda Real'), and in a subject line, alone. The
pure functions behind the template filters `organisation` and `organisation_title`, with the
pack's words (`fitting.Fitting`).
"""

from __future__ import annotations

import re
from typing import Protocol

from rebound.sentences.fitting import Fitting, folded
from rebound.sentences.grammar import SMALL_WORDS


class Naming(Fitting, Protocol):
    """The words a name typed in lower case keeps small, besides the pack's joining words and
    articles (`templates.Vocabulary` is one)."""

    @property
    def and_(self) -> str: ...
    @property
    def contractions(self) -> tuple[tuple[str, str, str], ...]: ...


def organisation_title(text: str, words: Naming | None = None) -> str:
    """A company's name as a subject line shows it: as `organisation` says it, without an
    article ('Gracias — Hospital San Rafael')."""
    return organisation(text, words, article=False)


def _small(words: Naming | None) -> tuple[frozenset[str], frozenset[str]]:
    """The words a name keeps small inside it: English's, and the pack's joining words, its
    'and' and its contractions ('de', 'y', 'del'); and its articles, small only after one of
    those ('Universidad de los Andes', but 'Centro Cultural El Galpón')."""
    if words is None:
        return SMALL_WORDS, frozenset()
    joined = {c for _, _, c in words.contractions}
    small = SMALL_WORDS | {*words.joining, words.and_, *joined}
    return frozenset(small), frozenset(words.articles)


def _capitals(cut: str, words: Naming | None) -> str:
    """A name typed all in lower case with a name's capitals, its small words kept small."""
    small, articles = _small(words)
    out: list[str] = []
    for i, w in enumerate(cut.split(" ")):
        after_small = bool(out) and out[-1] in small
        keep = i and (w in small or (w in articles and after_small))
        out.append(w if keep or not w.isalpha() else w[:1].upper() + w[1:])
    return " ".join(out)


# A company's legal form, which a letter leaves to its letterhead, in its sentences and its
# subject line alike ('the team at Kestrel Build', not 'Kestrel Build Ltd'; 'Alimentos La
# Montañera', not '... S.A.S.'), as three blind readers asked. A firm's partners ('& Co.',
# 'LLP') are part of how it is called, and stay.
_LEGAL_FORM = re.compile(
    r",?\s+(?:Inc\.?|INC\.?|Incorporated|Ltd\.?|LTD\.?|Limited|LLC|L\.L\.C\.|Pty\.?(?:\s+Ltd\.?)?"
    r"|PTY\.?(?:\s+LTD\.?)?|Pvt\.?(?:\s+Ltd\.?)?|Private\s+Limited|PLC|Plc|plc|GmbH|AG|B\.?V\.?|N\.?V\.?|S\.p\.A\.|SpA|S\.?R\.?L\.?|S\.r\.l\."
    r"|S\.?A\.?S\.?|S\.?L\.?U?\.?|S\.?A\.?(?:\s+de\s+C\.?V\.?)?|S\.\s?de\s+R\.?L\.?(?:\s+de\s+C\.?V\.?)?)$"
)


def without_legal_form(name: str) -> str:
    """A company's name without its legal form at the end ('Brightwell Pharmacy Inc.' ->
    'Brightwell Pharmacy', 'Grupo Textil Azalea S.A. de C.V.' -> 'Grupo Textil Azalea'), in
    the capitals the forms are written in ('Premier Ag' is a name); a name that is nothing but
    a form stays as typed."""
    cut = _LEGAL_FORM.sub("", name).strip(" ,")
    return cut if cut else name


def organisation(text: str, words: Naming | None = None, article: bool = True) -> str:
    """A company's name as a letter says it in running prose: without what the person noted
    beside it ('Veridian Software (through Harrow Search)' -> 'Veridian Software'), and with
    the article a name that begins with a common noun takes, in the pack's words ('University
    of Westbrook, Dept. of Statistics' -> 'the University of Westbrook', 'Hospital San Rafael'
    -> 'el Hospital San Rafael'); never before a name of its own ('Northwind', 'Acme Inc.').
    A name typed all in lower case gets a name's capitals ('comfort air mechanical' -> 'Comfort
    Air Mechanical'); a word with a dot or a digit ('monday.com') stays as typed."""
    out = " ".join(text.split())
    cut = re.split(r"\s+\(", out, maxsplit=1)[0].strip() or out
    # A note after a comma ('University of Westbrook, Dept. of Statistics'), but never a comma
    # after the first word, which lists names or ends one ('Fuentes, Arriaga y Asociados',
    # 'Smith, Jones & Co.', 'Acme, Inc.'): a letter to a firm spells its whole name.
    head, comma, _ = cut.partition(", ")
    if comma and len(head.split()) > 1:
        cut = head.strip()
    if cut.islower():
        cut = _capitals(cut, words)
    cut = without_legal_form(cut)
    if words is None or not article:
        return cut
    parts = [folded(p) for p in cut.split(" ")]
    joins = words.institution_joins
    # The noun first ('Hospital San Rafael'), or, where the pack names the words that must
    # follow it, anywhere before them ('Washington State Department of Commerce'); never after
    # a name's 'and' ('Smith and University Partners').
    at = [0] if not joins else [i for i, w in enumerate(parts[:-1]) if parts[i + 1] in joins]
    for taken, nouns in words.institutions:
        if any(parts[i] in nouns and not set(parts[:i]) & {"and", "&", "y"} for i in at):
            return f"{taken} {cut}" if len(parts) > 1 else cut
        # A government named by its people ('Scottish Government'): 'the Scottish Government'.
        if joins and len(parts) > 1 and parts[-1] in _GOVERNS and parts[-1] in nouns:
            return f"{taken} {cut}"
    return cut


_GOVERNS = frozenset(("government", "parliament", "gobierno"))


# An agency's name typed with the client it recruits for, unnamed ('Coastline Recruitment - for a
# Tier 1 Civil Contractor in Brisbane', 'Hays (for a confidential client)'): the person never
# saw that client's work, so no letter says they learnt about it. A client named ('Grupo
# Industrial del Norte (cliente de la consultora Talento Regio)') is where the job is.
_UNNAMED_CLIENT = re.compile(
    r"\b(?:for|on behalf of)\s+(?:a|an|one of)\b|\bconfidential\b|\bconfidencial\b|\bpara una?\b",
    re.IGNORECASE,
)


def unnamed_client(text: str) -> bool:
    """Whether a company typed as an agency with a client it does not name."""
    return _UNNAMED_CLIENT.search(text) is not None

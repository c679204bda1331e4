"""A note to self about a contact read by its parts: who the reader is, typed before what to
ask them ('she ran cold chain at Pharmaline, pick her brain on ...'), said as the reason for
asking or left out; and a note that reads as said to the reader only in part ('College senior
at swiggy, referral for sde1 openings??', 'Reintroduce myself, send updated CV') said by its
parts that ask. Behind `asking.question`; who the reader is, said as a reason, in English only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rebound.sentences import note_check, third_person

# Who the reader is, typed before what to ask them ('she ran cold chain at Pharmaline, pick
# her brain on ...', 'PhD cohort, now at the Archives. Ask about ...'): for the person, not to
# send; said as the reason ('Since you ran cold chain at ..., I'd like to pick your brain ...')
# when it says what the reader does or did, else left out.
_THEIR = re.compile(r"\btheir\b")
_THEY = re.compile(r"\b(?:they|them|they're|they've)\b", re.I)
_THEN_ASKS = re.compile(
    r"(?:[.;]\s+|\s+[-–—]\s+|,\s+)(?=(?:ask|pick|see|find|tell|check|get|grab|catch|follow"
    r"|would|could|can|does|do|is|are|any|will|how|what)\b)",
    re.I,
)


# Who the reader is, typed as a thing ('biotech CFO who took Vireo public', 'my old CEO, on 3
# boards now'): what it says they do or where they are, said to them ('you took Vireo public',
# 'you're on 3 boards now').
_WHO_DID = re.compile(r"^[\w\s'’-]*?\bwho\s+(?!you\b)(.+)$", re.I)
_WHERE_NOW = re.compile(r"^(?:now\s+)?(?:at|on|in|with|in-house|based)\b.*$", re.I)
# Where they are now, acknowledged ('Now that you're ...'); where they met, said as such.
_NOW_THAT = re.compile(r"(you're|you are)\s+(now\s+)?(.+?)(,?\s+now)?", re.I)
_MET = re.compile(r"^met you ((?:at|in|through|during|on)\b.+)$", re.I)
_SAID_TO_YOU = ("you ", "you're ", "you've ")  # who they are, said to them


def _who_you(who: str) -> str:
    if who.lower().startswith(_SAID_TO_YOU):
        return who
    did = _WHO_DID.match(who)
    if did and "," not in who:
        return f"you {did.group(1)}"
    last = who.rsplit(", ", 1)[-1]
    if "," in who and _WHERE_NOW.match(last):
        return f"you're {last}"
    return who


def with_reason(
    text: str, ask: Callable[[str], str], leads: frozenset[str], asks: re.Pattern[str]
) -> str | None:
    """What to ask after who the reader is (`_THEN_ASKS`), said (by `ask`) with its reason or
    alone ('' when it cannot be said without them); None when the words are not so typed: they
    start with one of `leads` (a note's verb) or ask from their first word (`asks`)."""
    first = text.split(" ", 1)[0].lower()
    said = _THEN_ASKS.search(text)
    if said is None or first in leads:
        return None
    if asks.match(text) and first not in ("he", "she"):
        return None
    asked = ask(text[said.end() :])
    who = _who_you(third_person.swapped(text[: said.start()]).strip())
    met = _MET.match(who)
    if met and asked:  # 'met her at the APA conference, ask about ...'
        return f"We met {met.group(1)}. {asked}"
    if not asked or not who.lower().startswith(_SAID_TO_YOU):
        # Left out, who they are was what 'their' pointed to ('CFO at a food distributor. ask
        # about their ops plans'): the reader's workplace; 'they' or 'them' can't be said so.
        asked = _THEIR.sub("your company's", asked)
        # 'how did you make the jump?' asks of what only who they are said.
        return "" if _THEY.search(asked) or asked.startswith(("How ", "What ")) else asked
    keep = asked.startswith(("I ", "I'"))  # 'I' keeps its capital after the reason
    asked = f"{asked[:1] if keep else asked[:1].lower()}{asked[1:]}"
    # Where they are now, acknowledged rather than told ('Since you're a PM at ... now' tells
    # the reader their own job): 'Now that you're a PM at ..., ...'.
    now = _NOW_THAT.fullmatch(who)
    if now and (now.group(2) or now.group(4)):
        return f"Now that {now.group(1)} {now.group(3)}, {asked}"
    return f"Since {who}, {asked}"


def in_parts(text: str, said: Callable[[str], str], joined: Callable[[list[str]], str]) -> str:
    """A note said by its parts (`said` of each, '' for one that reads as no sentence to the
    reader): every part when each can be said ('send updated resume, tell her im open to
    nights'), else what follows who the reader is when it asks alone (`asks_alone`); '' when
    neither, or what comes before who the reader is when it asks alone. Parts are split at a dash
    or a stop first, then at a comma too."""
    for split in (note_check.BETWEEN_NOTES, note_check.BETWEEN_PARTS):
        ends = [m for m in split.finditer(text) if m.start() > 0]
        if not ends:
            continue
        cuts = [0, *(m.start() for m in ends), len(text)]
        starts = [0, *(m.end() for m in ends)]
        each = [said(_AND.sub("", text[a:b])) for a, b in zip(starts, cuts[1:], strict=True)]
        if all(each) and not _ES_THEIR_PAST.search(" ".join(each)):
            # A fact about the reader ('he's at Temple Quay' -> 'You're at Temple Quay.') is
            # theirs to know: said only with what it leads to, never alone after the ask.
            asked = [s for s in each if not _THEIR_FACT.fullmatch(s)]
            return joined(asked or each)
        for start in starts[1:]:  # who the reader is ('college senior at swiggy'), then the ask
            rest = said(text[start:])
            if asks_alone(rest):
                return rest
        for cut in reversed(cuts[1:-1]):  # the ask, then who the reader is ('preguntarle si
            first = said(text[:cut])  # sabe de empresas q busquen egresados, ella conoce ...')
            if asks_alone(first):
                return first
    return ""


def asks_alone(said: str) -> bool:
    """Whether what follows who the reader is asks something without them: a question or what
    the person would like ('I'd like to ...'), not a fact about the reader ('You did 3 campus
    visits ...'), nor one that needs who they are to be understood ('How did you make the
    jump?', 'if they are hiring': whose jump, who they are)."""
    if not said or _THEY.search(said) or said.startswith(("How ", "What ")):
        return False
    if _ES_THEIR_PAST.search(said):  # 'cómo arrancó', 'cómo le fue': to tú, no rule says it
        return False
    return said.endswith("?") or said.startswith(_ASKS_ALONE)


# What the reader did, in the third person, in Spanish ('arrancó', 'le fue'): said to tú it
# would be 'arrancaste', which no rule here says.
_ES_THEIR_PAST = re.compile(r"\b\w+ó\b|\b(?:fue|estuvo|hizo|tuvo|pudo|dijo|vino)\b", re.I)
# A fact about the reader, said to them from a note about them ('he's at Temple Quay' -> 'You're
# at Temple Quay.'): the reader knows where they are, so it is never said after the ask.
_THEIR_FACT = re.compile(r"You(?:'re| are| work| live)\b[^.?!]*\.", re.I)
_FACT_AFTER = re.compile(r"(?<=[?.!])\s+" + _THEIR_FACT.pattern + "$", re.I)


def without_their_fact(said: str) -> str:
    """'Does Arup have anything going? You're at Temple Quay.' -> 'Does Arup have anything
    going?'"""
    return _FACT_AFTER.sub("", said)


# A part typed after a stop with its 'and' ('? y preguntarle si ...'): said without it.
_AND = re.compile(r"^(?:and|y|e)\s+", re.I)
# How what a note asks alone starts, said by `asking` ('I'd like to ...', 'Quería preguntarte').
_ASKS_ALONE = ("I'd ", "I wanted ", "I'm ", "I'll ", "Quería ", "Me gustaría ", "Te agradecería ",
               "Le agradecería ")  # fmt: skip

"""A note to self about the reader in English, in the third person ('does he know anyone at
the co-op', 'pick her brain'), said to them: 'he knows' -> 'you know', 'his' -> 'your', 'her' by
the word after it ('tell her I'm serious' -> 'you', 'pick her brain' -> 'your'). The pure
function behind rebound.sentences.asking's frames, which decide when a note is about its reader
(a sentence a person wrote about the reader for a letter is rebound.sentences.addressing's).
"""

from __future__ import annotations

import re

AGREE = {"does": "do", "is": "are", "has": "have", "was": "were"}
_HIS = {"his": "your", "him": "you", "he": "you", "he's": "you're", "himself": "yourself"}
_HIS.update({"she": "you", "she's": "you're", "hers": "yours", "herself": "yourself"})
_HIS.update({"he'd": "you'd", "she'd": "you'd"})
_HIS_WORD = re.compile(r"\b(his|him|he's|he'd|he|himself|she's|she'd|she|hers|herself)\b", re.I)
_HE_VERB = re.compile(r"\bs?he (\w+)\b(?!')", re.I)
_HE_HAS = re.compile(r"\bs?he's (been|heard|got|gotten|seen|done|had|worked|moved|left)\b", re.I)
# 'her' is whom before these words or at the end ('tell her I'm serious', 'give her a call'),
# and whose before any other ('pick her brain').
_HER = re.compile(r"\bher\b(?=(\s+[\w']+)?)", re.I)
_WHOM_NEXT = frozenset(
    ("a", "an", "the", "my", "our", "this", "that", "these", "those", "some", "any", "if",
     "whether", "about", "for", "to", "on", "in", "at", "with", "from", "by", "i", "i'm", "me",
     "and", "or", "but", "when", "what", "how", "why", "who", "know", "after", "before", "back",
     "again", "later", "soon", "now", "up", "next", "tomorrow", "today")
)  # fmt: skip
_YOU_AGREE = re.compile(r"\byou (is|has|was|does)\b")
_AGREE_YOU = re.compile(r"\b(is|has|was|does)\s+you\b")  # 'what else is you running'


def _agreed(match: re.Match[str]) -> str:
    """'he knows' -> 'you know', 'he has' -> 'you have', 'he tries' -> 'you try'."""
    verb = match.group(1)
    low = verb.lower()
    if low in AGREE:
        return "you " + AGREE[low]
    if low.endswith("ies") and len(low) > 4:
        return "you " + verb[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return "you " + verb[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return "you " + verb[:-1]
    return "you " + verb


def _her(match: re.Match[str]) -> str:
    after = (match.group(1) or "").strip().lower().rstrip(".,;:?!")
    return "you" if not after or after in _WHOM_NEXT else "your"


def swapped(text: str) -> str:
    """'he knows his team' -> 'you know your team', 'pick her brain' -> 'pick your brain'."""
    out = _HE_HAS.sub(lambda m: "you've " + m.group(1), text)
    out = _HE_VERB.sub(_agreed, out)
    out = _HIS_WORD.sub(lambda m: _HIS[m.group(1).lower()], out)
    out = _HER.sub(_her, out)
    out = _YOU_AGREE.sub(lambda m: "you " + AGREE[m.group(1)], out)
    return _AGREE_YOU.sub(lambda m: AGREE[m.group(1).lower()] + " you", out)

"""What someone looks for, typed with a frame of their own around it: 'looking for a PM role',
'I'd like a data role', 'busco un puesto de analista' (the frame said again after the draft's
own 'I'm looking for' / 'Busco'), or as a sentence of theirs ('I want to move from teaching into
learning design', 'quiero pasar del aula al sector social: ...'), which no object of 'I'm
looking for' can be. The pure function behind rebound.sentences.fitting's `role`.
"""

from __future__ import annotations

import re

# The draft's own frame, typed before what they look for: left out ('looking for a PM role' ->
# 'a PM role'); a wish before a thing ('I'd like a data role') too.
_FRAMES = {
    "en": re.compile(
        r"(?:(?:i'?m|im|i am)\s+)?(?:currently\s+|now\s+|still\s+)?(?:looking|searching|hunting)"
        r"\s+for\s+|(?:i'?d|id|i would)\s+(?:like|love)\s+(?=(?:a|an|the|some|any|another)\b)"
        r"|i\s+(?:want|need)\s+(?=(?:a|an|the|some|any|another)\b)",
        re.I,
    ),
    "es": re.compile(
        r"(?:(?:estoy|ando|sigo)\s+)?buscando\s+|busco\s+|(?:me\s+gustar[ií]a|quiero|quisiera"
        r"|necesito|deseo)\s+(?=(?:un|una|unos|unas|algo|alg[uú]n|alguna|otro|otra)\b)",
        re.I,
    ),
}
# A sentence of the person's: they speak of themselves ('I want to move into ...', 'quiero
# pasar del aula ...'), or start without the subject of one ('want to move into L&D').
_SENTENCE = {
    "en": re.compile(
        r"(?:i|i'm|im|i'd|id|i've|ive|i'll|my|want|wanting|hoping|keen|ready|trying|planning"
        r"|aiming|open|happy|would)\b",
        re.I,
    ),
    "es": re.compile(
        r"(?:quiero|quisiera|me\s+gustar[ií]a|deseo|necesito|estoy|ando|sigo|pretendo|espero"
        r"|me\s+interesa|tengo|soy|mi|mis|yo)\b",
        re.I,
    ),
}
# What the sentence says without its subject ('want to ...'), said with it.
_WITHOUT_I = {"want": "I want", "wanting": "I want", "hoping": "I'm hoping", "keen": "I'm keen",
              "ready": "I'm ready", "trying": "I'm trying", "planning": "I'm planning",
              "aiming": "I'm aiming", "open": "I'm open", "happy": "I'm happy", "would": "I would",
              "im": "I'm", "id": "I'd", "ive": "I've", "i": "I"}  # fmt: skip


def unframed(text: str, grammar: str) -> tuple[str, str]:
    """What they look for without a frame of their own, and '' ('looking for a PM role' -> ('a
    PM role', '')); or '' and their words as a sentence when they typed one ('I want to move
    into L&D' -> ('', 'I want to move into L&D')); else the words as typed, and ''."""
    frame, sentence = _FRAMES.get(grammar), _SENTENCE.get(grammar)
    if frame is None or sentence is None:
        return text, ""
    stripped = text.strip()
    framed = frame.match(stripped)
    if framed and stripped[framed.end() :].strip():
        return stripped[framed.end() :].strip(), ""
    if not sentence.match(stripped):
        return text, ""
    first, _, rest = stripped.partition(" ")
    lead = _WITHOUT_I.get(first.lower()) if grammar == "en" else None
    said = f"{lead} {rest}" if lead else stripped[:1].upper() + stripped[1:]
    return "", said

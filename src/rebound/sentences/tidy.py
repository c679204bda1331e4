"""A person's words as a careful hand writes them, where no reading of them can be wrong: a
lone 'i' in English is 'I' ('while i build up the office skills'); in Spanish, the accents a
hurried hand leaves out where Spanish never goes without them and no English word is spelt so
('produccion' -> 'producción', 'norte del pais' -> 'norte del país').

Pure functions behind the template filters that fit a person's phrases and sentences into a
letter's (`PROSE`); never a name's.
"""

from __future__ import annotations

import re

# The filters that fit a person's sentences and phrases (not names) into a letter's.
PROSE = frozenset(
    {"phrase", "role", "brief_role", "public_role", "trait", "sentence", "addressed"}
    | {"question", "formal_question"}
)
_LONE_I = re.compile(r"(?<![\w'’-])i(?=$|[\s'’,.;:!?)])")
# A final '-ción' ('produccion' -> 'producción', never 'producciones'), 'gestión', 'país',
# 'también', 'después', 'además'.
_CION = re.compile(r"(?<=\wc)ion\b")
_PLAIN = {"pais": "país", "gestion": "gestión", "tambien": "también", "despues": "después"}
_PLAIN |= {"ademas": "además"}
_PLAIN_WORD = re.compile(r"\b(" + "|".join(_PLAIN) + r")\b", re.IGNORECASE)


def _accented(match: re.Match[str]) -> str:
    typed, right = match.group(1), _PLAIN[match.group(1).lower()]
    return right.capitalize() if typed[:1].isupper() else right


def tidied(text: str, grammar: str) -> str:
    """The words, tidied as the language of `grammar` writes them."""
    if grammar == "en":
        return _LONE_I.sub("I", text)
    if grammar == "es":
        return _PLAIN_WORD.sub(_accented, _CION.sub("ión", text))
    return text

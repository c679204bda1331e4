"""What a note typed about its reader in the third person, or as usted, says to them as tú in
Spanish: 'si sabe de cadenas' -> 'si sabes de cadenas', 'que me haga de referencia' -> 'que me
hagas de referencia', 'en su empresa' -> 'en tu empresa'. Only forms whose subject can be no one
but the reader change; a verb whose subject is something else ('si la constructora está ...')
stays. Pure functions behind rebound.sentences.asking.
"""

from __future__ import annotations

import re

from rebound.sentences import tidy

# Verbs after 'que me' whose subject is a thing, not the reader ('que me gusta', 'algo que me
# sirva'): never said to tú.
_NOT_THEIRS = r"(?!(?:gusta|encanta|interesa|parece|importa|queda|falta|sirva|sirve)\b)"
# A wish of the reader's doing, in the third person ('y que me eche un ojo'): to tú, 'eches'.
_ES_WISH = re.compile(r"\by que me " + _NOT_THEIRS + r"[a-zñ]+[ae]\b")


def wishes(said: str) -> str:
    """'... y que me eche un ojo' -> '... y que me eches un ojo'."""
    return _ES_WISH.sub(lambda m: m.group(0) + "s", said)


_ES_SU = re.compile(r"\b[sS]us?\b")
_ES_TU = {"sabe": "sabes", "conoce": "conoces", "tiene": "tienes", "puede": "puedes"}
_ES_TU |= {"podría": "podrías", "quiere": "quieres", "necesita": "necesitas", "sigue": "sigues"}
_ES_TU |= {"recuerda": "recuerdas", "ve": "ves", "cree": "crees", "haría": "harías"}
_ES_TU |= {"daría": "darías", "ayudaría": "ayudarías", "pasaría": "pasarías"}
_ES_SI_VERB = re.compile(r"(\b[sS]i\s+(?:me\s+|nos\s+|lo\s+|la\s+)?)(" + "|".join(_ES_TU) + r")\b")


def _yours(text: str) -> str:
    """'su empresa' -> 'tu empresa', 'Sus clientes' -> 'Tus clientes'."""
    return _ES_SU.sub(lambda m: "t" + m.group(0)[1:], text)


def as_tu(text: str) -> str:
    """A note to self about the reader, asked of them as tú: 'si sabe de cadenas' -> 'si sabes
    de cadenas', 'si me puede dar' -> 'si me puedes dar', 'si en su empresa' -> 'si en tu
    empresa'. Only the verb right after 'si' (whose subject is the reader) changes; 'si la
    constructora está ...' stays."""
    return _ES_SI_VERB.sub(lambda m: f"{m.group(1)}{_ES_TU[m.group(2).lower()]}", _yours(text))


# What the reader is asked to do, typed as a wish in the third person ('que me haga de
# referencia y me tire data'), and where they work ('donde trabaja'): to tú.
_ES_THEIR_WISH = re.compile(
    r"\b((?:que|y)\s+(?:me|nos)\s+)" + _NOT_THEIRS + r"([a-zñ]+[ae]|dé)(?![\wáéíóúñ])"
)
_ES_WHERE_YOU = re.compile(r"\b(donde|en la que|en el que)\s+(trabaja|está|vive|estudia)\b")


def _tu_form(verb: str) -> str:
    """A wish's verb as tú: 'haga' -> 'hagas', 'dé' -> 'des'."""
    return "des" if verb == "dé" else verb + "s"


def wish_as_tu(body: str) -> str:
    """'que me haga de referencia y me tire data' -> 'que me hagas de referencia y me tires
    data'; 'que me dé' -> 'que me des'; 'donde trabaja' -> 'donde trabajas'; 'su' -> 'tu'."""
    out = _ES_THEIR_WISH.sub(lambda m: m.group(1) + _tu_form(m.group(2)), body)
    out = _ES_WHERE_YOU.sub(
        lambda m: f"{m.group(1)} {'estás' if m.group(2) == 'está' else m.group(2) + 's'}", out
    )
    return _yours(out)


# A question typed after a note about the reader ('labura en RRHH en un banco, ¿me pasás el
# contacto de alguien?'): the question alone is what to ask.
_ES_INNER = re.compile(r",\s*(¿[^¿]+\?)$")


def inner_question(said: str) -> str:
    """A Spanish question typed after a note about its reader, alone; else `said`."""
    inner = _ES_INNER.search(said)
    if not inner or said.startswith("¿"):
        return said
    asked = inner.group(1)
    return asked[:2].upper() + asked[2:] if asked[1:2].islower() else asked


# The reader's verbs and words as tú, said to usted ('¿Conoces a alguien ...?' to 'Estimado
# Dr. Ferrer': '¿Conoce a alguien ...?'; 'tu empresa' -> 'su empresa').
_USTED = {tu: usted for usted, tu in _ES_TU.items() if usted != "ve"}
_USTED |= {"tu": "su", "tus": "sus", "te": "le"}
_ES_TU_WORD = re.compile(r"\b(" + "|".join(_USTED) + r")\b", re.I)


def as_usted(said: str) -> str:
    """What the person typed to the reader as tú, said as usted."""
    return tidy.written_out(said, _USTED, _ES_TU_WORD)

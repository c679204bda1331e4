"""How a hurried hand types what it wants to ask a contact, said whole before it is framed
(rebound.sentences.asking): a softener or a reminder to self before it ('just', 'kindly',
'don't forget to', 'no olvidar'), how to reach them before or after it ('por whatsapp,', 'flick
him a msg on facebook'), a subject left out ('can refer me', 'would appreciate', 'keen on'),
and 'ojo:' marking what is worth saying.
"""

from __future__ import annotations

import re

_ME = re.compile(r"\bme\b", re.I)
# A softener typed before what to do or ask ('just vent honestly', 'kindly ask if ...'): the
# frame says it its own way. Only where it leads: inside a sentence it is the person's ('I just
# need a second pair of eyes').
_SOFT = re.compile(
    r"^(?:just|kindly|pls|please|maybe|(?:don'?t|don’t) forget to|remember to|make sure to)\s+"
    r"(?=[a-z])",
    re.I,
)
# The same in Spanish, and how to reach them before what to ask ('por whatsapp, preguntale si').
# The ways to reach someone a Spanish note names after 'por' ('por whatsapp', 'por msj').
_ES_CHANNELS = (
    r"whatsapp|wsp|wasap|wa|mensaje|msj|tel[eé]fono|correo|mail|linkedin|facebook|instagram|dm"
    r"|privado"
)
_ES_SOFT = re.compile(
    rf"(?:no olvidar|acordarme de|acordarse de|por (?:{_ES_CHANNELS}),?)\s+",
    re.I,
)
# 'ojo:' inside what they typed marks what follows as worth saying ('..., ojo: también acepto
# ir a Santa Cruz'): a sentence of its own.
_ES_OJO = re.compile(r"[,;]\s*ojo\s*:\s*(\w)", re.I)
# How to reach them, typed after what to ask ('..., flick him a msg on facebook').
_REACH_AFTER = re.compile(
    r"[\s,.;]*\b(?:flick|send|drop|shoot|text|call|ring|msg|message|dm|ping|whatsapp)\s+"
    r"(?:him|her|them)\b(?:\s+(?:a\s+)?(?:msg|message|text|line|dm))?(?:\s+(?:on|via|by)\s+\w+)?"
    r"\s*$",
    re.I,
)


# A 'please' typed at the end of what is asked ('reference letter pls'): the frame asks politely.
_PLEASE_AFTER = re.compile(r"[,\s]+(?:pls|plz|please)(?=[.?!]*$)", re.I)


def softened(text: str) -> str:
    """'just vent honestly' -> 'vent honestly'; 'don't forget to ask ...' -> 'ask ...';
    'reference letter pls' -> 'reference letter'."""
    return _PLEASE_AFTER.sub("", _SOFT.sub("", text, count=1))


def without_reach_after(text: str) -> str:
    """'his mob still need a B1?? flick him a msg on facebook' -> '... a B1??'."""
    return _REACH_AFTER.sub("", text)


# A wish typed without its subject ('would appreciate a candid debrief'): said with it, as a
# statement ('I would appreciate a candid debrief.'), never asked of the reader.
_WOULD_WISH = re.compile(
    r"(?:would|'d)\s+(?=(?:appreciate|love|like|value|welcome|be\s+(?:grateful|glad|happy"
    r"|keen|thankful))\b)",
    re.I,
)
# 'can refer me for the grad role?', 'can book a mock slot?': a question typed without its
# subject, as many write it; asked with it: the reader's doing where it is done to 'me'.
_CAN_BARE = re.compile(
    r"(can|could)\s+(?!(?:i|you|we|he|she|they|u|it|there|this|that|someone"
    r"|anyone|somebody|anybody|be|not|also|just|please|pls)\b)(?=[a-z])",
    re.I,
)
# A liking typed without its subject ('keen on anything ATR/Dash 8'): 'I'm keen on ...'.
_KEEN = re.compile(r"(?:keen|open|happy|interested)\s+(?:on|to|in)\b", re.I)


def with_subject(text: str) -> str:
    """'can refer me ...?' -> 'can you refer me ...?'; 'would appreciate ...' -> 'I would
    appreciate ...'; 'keen on ...' -> 'I'm keen on ...'."""
    if _KEEN.match(text):
        return f"I'm {text[:1].lower()}{text[1:]}"
    wish = _WOULD_WISH.match(text)
    if wish:
        return f"I {text[:1].lower()}{text[1:]}".replace("I 'd ", "I'd ", 1)
    bare = _CAN_BARE.match(text)
    if bare:
        clause = re.split(r"[?.!]", text, maxsplit=1)[0]
        who = "you" if _ME.search(clause) else "I"
        return f"{text[: bare.end(1)]} {who} {text[bare.end() :]}"
    return text


def es_tidied(text: str) -> str:
    """'por whatsapp, preguntale si ...' -> 'preguntale si ...'; '..., ojo: también acepto ir a
    Santa Cruz' -> '.... También acepto ir a Santa Cruz'."""
    lead = _ES_SOFT.match(text)
    out = text[lead.end() :] if lead else text
    return _ES_OJO.sub(lambda m: ". " + m.group(1).upper(), out)


# How to reach them, typed after what to do ('preguntarle por whatsapp si ...'): the person's.
_ES_BY = re.compile(rf"^por\s+(?:{_ES_CHANNELS})\s+", re.I)
_ES_REACH = re.compile(
    r"(?:mandarle|mandarla|escribirle|escribirla|escribirlo|llamarle|llamarla|llamarlo"
    r"|contactarle|contactarla|contactarlo)\s+(?:un\s+)?(?:msj|mensaje|wsp|whatsapp|wasap|correo"
    r"|mail|dm|privado|por)\b",
    re.I,
)


def es_without_how(text: str) -> str:
    """'por whatsapp si en el Clínico ...' -> 'si en el Clínico ...'."""
    return _ES_BY.sub("", text)


def es_only_how(text: str) -> bool:
    """Whether the words are how to reach the reader ('mandarle wsp', 'escribirle por LinkedIn
    aunq no la conozco'): for the person, nothing to say to the reader."""
    return _ES_REACH.match(text.strip()) is not None

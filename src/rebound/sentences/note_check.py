"""Whether a sentence said from a note a person wrote for themselves about a contact still reads
as that note, once `asking` has said it as it could ('Ask at the hall thursday if ...'): the
note to that contact then asks in its own words, and the person is told theirs were not used.
A rule that says a shape to the reader is `asking`'s; what no rule there says reaches no reader.
"""

from __future__ import annotations

import re

# What a sentence said from a note to self still reads as, when no frame could say it to the
# reader: one of its verbs first ('Ask at the hall thursday if ...', 'Find you at ASLO, ...'),
# a sentence that goes on in small letters after its stop ('... a medtech co now. how did you
# make the jump?', '¿Me podría dar una carta? y preguntarle ...'); in Spanish to someone
# spoken to as tú, the reader as 'él'/'ella' or as the object of an infinitive ('preguntarle',
# 'mandarle whats').
_NOTE_LEADS = frozenset(
    ("ask", "find", "see", "check", "grab", "catch", "text", "call", "ring", "email", "ping", "dm",
     "message", "follow", "mention", "remind", "try")
)  # fmt: skip
# 'and'/'y' after a stop, or a first sentence that names nobody ('Could you intro me? even a
# small lead helps.' is two sentences of the person's, and stays as typed).
_AND_AFTER_STOP = re.compile(r"[.?!]\s+(?:and|y|e|o)\s")
_GOES_ON_SMALL = re.compile(r"^[^.?!]+[.?!]\s+[a-zñáéíóú¿]")
_SOMEONE = re.compile(r"\b(?:i|i'm|i'd|i've|me|my|you|your|we|us|yo|mi|tú|usted|nos)\b", re.I)
_ES_HE_SHE = re.compile(r"\b(?:él|ella)\b", re.I)
_ES_AFTER_NOTE = re.compile(r",\s+[a-zñ]+(?:ar|er|ir)(?:le|les|lo|la|los|las)\b")
_ES_ABOUT_READER = re.compile(
    r"\b[A-ZÑa-zñ][a-zñ]+(?:ar|er|ir)(?:le|les|lo|la|los|las)\b"
)  # not 'Carla'


# Words typed to mark a note as the person's own ('Note to self: you're on mat leave ...').
_MARKED = re.compile(
    r"[¿¡]?(?:note to self|note|reminder|remember|nb|n\.b\.|memo|todo|to do|ojo|nota|recordar"
    r"|recordatorio|pendiente)\s*[:\-–—]",
    re.I,
)


# How the person means to go about it, for them ('ask how he's finding it before asking about
# openings', 'don't hassle her about jobs', 'antes de pedirle nada').
_PLAN = re.compile(
    r"\b(?:before (?:asking|i ask|mentioning|pitching)|then ask(?:ing)? (?:about|for)|be nice"
    r"|do(?:n'?t|n’t) (?:hassle|mention|ask|push|bring up)|antes de (?:pedir|preguntar|mencionar)"
    r"|no (?:le )?(?:molestar|mencionar|presionar))\b",
    re.I,
)


def private(text: str) -> bool:
    """Whether the words are a note the person marked as their own, or one that says how they
    mean to go about it ('Note to self: she's on mat leave, don't hassle her about jobs'): what
    it says is not for the reader, and no ask of the coach's may go against it."""
    return marked(text) or _PLAN.search(text) is not None


def marked(text: str) -> bool:
    """Whether the words start with a mark of a note to self ('Note to self:', 'Reminder:')."""
    return _MARKED.match(text.strip()) is not None


def marked_within(text: str) -> bool:
    """Whether any part of the words starts with such a mark ('dile que vi la vacante; ojo:
    preguntarle quién lleva el proceso'): no part of them is the reader's."""
    return any(marked(part) for part in re.split(r"[;,.]\s+", text))


def still_a_note(said: str, grammar: str, formal: bool) -> bool:
    """Whether `said` (in the language of `grammar`; to the reader as usted when `formal`)
    still reads as a note to self."""
    if not said:
        return False
    if marked(said) or _PLAN.search(said):  # 'Note to self: ...', '... before asking about'
        return True
    goes_on = _GOES_ON_SMALL.search(said)
    if _AND_AFTER_STOP.search(said) or (goes_on and not _SOMEONE.search(goes_on.group(0))):
        return True
    if grammar == "en":
        first = said.lstrip("¿¡").split(" ", 1)[0].rstrip(".,;:?!").lower()
        return first in _NOTE_LEADS
    if _ES_HE_SHE.search(said):
        return True
    # Asked formally, 'preguntarle' is said to the reader ('Quería preguntarle si ...'), but
    # not after a note about them ('Se fue a Chile, preguntarle cómo está el mercado').
    if formal:
        return _ES_AFTER_NOTE.search(said) is not None
    return _ES_ABOUT_READER.search(said) is not None


# How a sentence said to its reader starts, in English: a question's first word, the person
# speaking ('I', 'We', 'My'), or a word that says something to them ('Thanks', 'Congrats',
# 'Since you ...'). A sentence typed as a note starts otherwise: who the reader is ('College
# senior at swiggy, ...', 'Charity sector recruiter, ...'), or an order to oneself ('Reintroduce
# myself', 'Send updated resume').
_OPENERS = frozenset(
    ("could", "would", "can", "will", "may", "might", "do", "does", "did", "is", "are", "any",
     "have", "has", "should", "what", "when", "where", "who", "how", "which", "why", "i", "i'm",
     "i'd", "i've", "i'll", "we", "we're", "we've", "we'd", "my", "our", "it", "it's", "it'd",
     "if", "since", "as", "now", "hope", "hoping", "thanks", "thank", "congrats",
     "congratulations", "great", "lovely", "happy", "keen", "let's", "please", "no", "you",
     "you're", "you've", "you'd", "your", "also", "just", "sorry", "long", "been", "would've",
     "whenever", "once", "even", "though", "still", "fancy", "up", "open", "free", "was",
     "were", "there", "hey", "need", "look", "how's", "what's", "who's", "where's")
)  # fmt: skip
# A treat offered as a question or with a cheer ('Drinks friday??', 'Coffee soon!'); typed as a
# statement, a note ('Lunch at Ikoyi Club.').
_TREATS = frozenset(
    ("coffee", "lunch", "drinks", "drink", "pint", "pints", "beers", "beer", "dinner", "breakfast",
     "brunch", "tea")
)  # fmt: skip
# A note's fragments, joined by a dash or a stop ('Son's football coach, plant manager at Tyson
# - buy you a coffee'): not how a sentence to someone is written.
_DASHED = re.compile(r"\s[-–—]\s")
# Where a note's fragments meet: a dash or a stop between two (`BETWEEN_NOTES`), or a comma
# too (`BETWEEN_PARTS`).
BETWEEN_NOTES = re.compile(r"\s+[-–—]\s+|[;:]\s+|[.?!]+\s+")
BETWEEN_PARTS = re.compile(r"\s+[-–—]\s+|[;:,]\s+|[.?!]+\s+")


def addressed(said: str, grammar: str) -> bool:
    """Whether each sentence of `said` reads as said to its reader: starts as such a sentence
    does and holds no dash between fragments. Only English is read so (a pack's language
    brings its own openers when it needs them)."""
    if grammar == "es":
        return all(_es_opens(s) for s in re.split(r"(?<=[.?!])\s+", said) if s)
    if grammar != "en":
        return True
    if _DASHED.search(said):
        return False
    for sentence in re.split(r"(?<=[.?!])\s+", said):
        words = sentence.lstrip("(\"'“‘").replace("’", "'").lower().split(" ", 2)
        first = words[0].rstrip(",.;:?!")
        if first == "let" and len(words) > 1 and words[1] in ("me", "us"):  # 'Let me know ...'
            continue
        if first in _TREATS and sentence.endswith(("?", "!")):  # 'Drinks friday??', 'Coffee soon!'
            continue
        if first and first not in _OPENERS:
            return False
    return True


# How a sentence said to its reader starts in Spanish: a question or a cry, the person or the
# reader as the object ('Me gustaría', 'Te agradecería'), a first person ('Busco', 'Terminé'),
# or a word that says something to them; not a fact about the reader ('Siempre publica
# vacantes ...', 'Trabaja en RR. HH.').
_ES_OPENERS = frozenset(
    ("me", "te", "le", "nos", "les", "si", "quería", "quisiera", "gracias", "hola", "ojalá",
     "espero", "cuando", "como", "cómo", "qué", "cuál", "mi", "mis", "tu", "tus", "su", "sus",
     "yo", "ya", "también", "un", "una", "cualquier", "hay", "sería", "podrías", "podría",
     "con", "por", "para", "en", "estoy", "sigo", "tengo", "acabo", "busco")
)  # fmt: skip
# A first person ('Busco', 'Terminé', 'Fuimos'), or an ask of the reader ('Cuéntame', 'Pasame').
_ES_FIRST_PERSON = re.compile(r"[a-záéíóúñ]{3,}(?:o|é|mos)|[a-záéíóúñ]{2,}(?:me|nos)")


def _es_opens(sentence: str) -> bool:
    if sentence.startswith(("¿", "¡")):
        return True
    first = sentence.split(" ", 1)[0].strip(",.;:").lower()
    return first in _ES_OPENERS or _ES_FIRST_PERSON.fullmatch(first) is not None

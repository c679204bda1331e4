"""A person's words as a careful hand writes them, where no reading of them can be wrong: a
lone 'i' in English is 'I' ('while i build up the office skills'), shorthand that no word or
name is spelt as is written out ('abt' -> 'about', 'b4' -> 'before', 'didnt' -> 'didn't'; 'q' ->
'que'); in Spanish, the accents a hurried hand leaves out where Spanish never goes without them
and no English word is spelt so ('produccion' -> 'producción', 'norte del pais' -> 'norte del
país').

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
# English shorthand that is no word and no name, in a letter written out.
SHORTHAND = {
    "abt": "about", "b4": "before", "thru": "through", "w/": "with", "ppl": "people",
    "im": "I'm", "ive": "I've", "dont": "don't", "didnt": "didn't", "doesnt": "doesn't",
    "isnt": "isn't", "wasnt": "wasn't", "werent": "weren't", "couldnt": "couldn't",
    "wouldnt": "wouldn't", "shouldnt": "shouldn't", "havent": "haven't", "hasnt": "hasn't",
    "thats": "that's", "theres": "there's", "whats": "what's", "theyre": "they're",
    "youre": "you're", "hes": "he's", "bc": "because", "urself": "yourself",
    "wk": "week", "wks": "weeks", "yr": "year", "yrs": "years", "hrs": "hours", "mgr": "manager",
    "mgmt": "management", "mtg": "meeting", "msg": "message", "govt": "government",
    # A final g dropped, as it is said ('gettin stuff built', 'puttin me forward').
    "gettin": "getting", "puttin": "putting", "doin": "doing", "goin": "going",
    "lookin": "looking", "workin": "working", "tryin": "trying", "thinkin": "thinking",
    "makin": "making", "takin": "taking", "runnin": "running", "nothin": "nothing",
    "somethin": "something", "talkin": "talking", "helpin": "helping", "buildin": "building",
    # Slips of spelling that are no word ('fintech or govtech prefered', 'alot of candidates').
    "alot": "a lot", "prefered": "preferred", "recieve": "receive", "recieved": "received",
    "definately": "definitely", "seperate": "separate", "untill": "until", "occured": "occurred",
    "wich": "which", "thier": "their", "becuase": "because", "goverment": "government",
    "enviroment": "environment", "managment": "management", "experiance": "experience",
    "buisness": "business", "sucessful": "successful", "succesful": "successful",
    "tommorow": "tomorrow", "tomorow": "tomorrow", "accomodate": "accommodate",
    "begining": "beginning", "beleive": "believe", "collegue": "colleague",
    "collegues": "colleagues", "oppurtunity": "opportunity", "oportunity": "opportunity",
    "oppurtunities": "opportunities", "oportunities": "opportunities", "reccomend": "recommend",
    "recomend": "recommend", "refered": "referred", "intrested": "interested",
    "intersted": "interested", "interveiw": "interview", "intreview": "interview",
    "writting": "writing", "comming": "coming", "realy": "really", "til": "until",
    "snr": "senior",
}  # fmt: skip


def shorthand_found(shorthand: dict[str, str]) -> re.Pattern[str]:
    """Where the keys of `shorthand` are typed as words, small or with a first capital ('Abt');
    in capitals they are a name's ('BC', 'IM')."""
    typed = [form for key in shorthand for form in {key, key[:1].upper() + key[1:]}]
    return re.compile(r"(?<![\w/])(" + "|".join(map(re.escape, typed)) + r")(?![\w/])")


_SHORT = shorthand_found(SHORTHAND)
# The same in Spanish ('q' -> 'que', 'xq' -> 'porque', 'tmb' -> 'también').
_ES_SHORTHAND = {"q": "que", "xq": "porque", "pq": "porque", "tmb": "también", "tb": "también"}
_ES_SHORT = shorthand_found(_ES_SHORTHAND)
# A lone 'i' after a space, the start or an opening bracket or quote ('while i build', '(i
# think)'); not after other marks ('B:i', 'x/i' are someone's own).
_LONE_I = re.compile(r"(?<![^\s(\"“‘])i(?=$|[\s'’,.;:!?)])")
# A final '-ción' ('produccion' -> 'producción', never 'producciones'), and words no Spanish
# or English word is spelt as without their accent ('busquedas' -> 'búsquedas', 'hibrido' ->
# 'híbrido', 'Queretaro' -> 'Querétaro'); not one that is a verb's form without it
# ('practica', 'publico', 'esta'), nor a name's ('Leon', 'Avila').
_CION = re.compile(r"(?<=\wc)ion\b")
_PLAIN = {
    "pais": "país", "gestion": "gestión", "tambien": "también", "despues": "después",
    "ademas": "además", "paises": "países", "rapido": "rápido", "rapida": "rápida",
    "rapidos": "rápidos", "rapidas": "rápidas", "rapidamente": "rápidamente",
    "busqueda": "búsqueda", "busquedas": "búsquedas", "almacen": "almacén", "hibrido": "híbrido",
    "hibrida": "híbrida", "esten": "estén", "tecnologia": "tecnología",
    "tecnologias": "tecnologías", "logistica": "logística", "dia": "día", "dias": "días",
    "aqui": "aquí", "asi": "así", "facil": "fácil", "dificil": "difícil", "ultimo": "último",
    "ultima": "última", "ultimos": "últimos", "ultimas": "últimas", "proximo": "próximo",
    "proxima": "próxima", "unico": "único", "unica": "única", "tecnico": "técnico",
    "tecnica": "técnica", "credito": "crédito", "analisis": "análisis", "ingenieria": "ingeniería",
    "energia": "energía", "compania": "compañía", "compañia": "compañía", "economia": "economía",
    "telefono": "teléfono", "informatica": "informática", "politica": "política",
    "estadistica": "estadística", "matematicas": "matemáticas", "quimica": "química",
    "clinico": "clínico", "clinica": "clínica", "medico": "médico", "medica": "médica",
    "ingles": "inglés", "academico": "académico", "academica": "académica",
    "queretaro": "querétaro", "bogota": "bogotá", "medellin": "medellín", "cancun": "cancún",
    "merida": "mérida", "cordoba": "córdoba", "malaga": "málaga", "cadiz": "cádiz",
    "valparaiso": "valparaíso", "cucuta": "cúcuta", "ibague": "ibagué", "popayan": "popayán",
    "tucuman": "tucumán", "neuquen": "neuquén", "mazatlan": "mazatlán", "culiacan": "culiacán",
    "torreon": "torreón", "michoacan": "michoacán", "yucatan": "yucatán", "almeria": "almería",
    "jaen": "jaén", "paqueteria": "paquetería", "castellon": "castellón", "aragon": "aragón",
    "caceres": "cáceres", "mineria": "minería", "peru": "perú", "lider": "líder",
    "lideres": "líderes", "numeros": "números", "estan": "están", "segun": "según",
    "marisqueria": "marisquería", "todavia": "todavía", "codigo": "código", "algun": "algún",
    "ningun": "ningún", "avion": "avión", "podria": "podría", "jamas": "jamás", "quizas": "quizás",
    "linea": "línea", "lineas": "líneas",
}  # fmt: skip
# Found as typed, small or with a first capital ('Queretaro'); in capitals a name's ('DIA').
_PLAIN_FOUND = shorthand_found(_PLAIN)
# 'practica' and 'practicas' are a verb's forms too: the noun only after a word that leads one
# ('de practica en recepción', 'otras practicas en hoteles').
_PRACTICA = re.compile(
    r"\b((?:de|la|las|una|unas|mi|mis|tu|tus|su|sus|otra|otras|en|esta|estas)\s+)pr(a)ctica(s?)\b",
    re.IGNORECASE,
)


# Days, months and feasts English writes with a capital ('before christmas', 'next monday');
# 'may' and 'march' are words too, and stay as typed.
_NAMED_DAYS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|april|june"
    r"|july|august|september|october|november|december|christmas|easter)\b"
)


def named_days(text: str) -> str:
    """The days, months and feasts English writes with a capital, with it ('monday' ->
    'Monday')."""
    return _NAMED_DAYS.sub(lambda m: m.group(1).capitalize(), text)


def tidied(text: str, grammar: str) -> str:
    """The words, tidied as the language of `grammar` writes them."""
    if grammar == "en":
        return _LONE_I.sub("I", written_out(named_days(text), SHORTHAND, _SHORT))
    if grammar == "es":
        text = written_out(text, _ES_SHORTHAND, _ES_SHORT)
        text = _PRACTICA.sub(lambda m: f"{m[1]}pr{'Á' if m[2] == 'A' else 'á'}ctica{m[3]}", text)
        return written_out(_CION.sub("ión", text), _PLAIN, _PLAIN_FOUND)
    return text


def written_out(text: str, shorthand: dict[str, str], found: re.Pattern[str]) -> str:
    """Shorthand (the keys of `shorthand`, as `found` finds them) written out, keeping a first
    capital ('Abt' -> 'About')."""

    def said(match: re.Match[str]) -> str:
        typed = match.group(1)
        out = shorthand[typed.lower()]
        return out[:1].upper() + out[1:] if typed[:1].isupper() else out

    return found.sub(said, text)

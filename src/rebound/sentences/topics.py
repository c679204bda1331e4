"""What someone wants to ask a contact is about: work or something else (`aside`: 'would you
be open to a call about the seagrass data?'), a meeting over a coffee, a meal or a call
(`meets`), their CV (`sends`), only meeting as friends do (`social`). Pure functions behind the
template filters of those names, which choose what else a note to them says: nothing of a job
search, no second coffee, no second offer of a CV.
"""

from __future__ import annotations

import re

# Words that say a request is about work ('any referrals at your company?', '¿saben si están
# contratando?'), besides the pack's words for a role.
_WORK = frozenset(
    (
        "referral",
        "referrals",
        "refer",
        "hiring",
        "hire",
        "opening",
        "openings",
        "vacancy",
        "vacancies",
        "cv",
        "resume",
        "résumé",
        "interview",
        "interviews",
        "jobs",
        "roles",
        "positions",
        "recruiter",
        "recruiters",
        "reference",
        "references",
        "referee",
        "recommendation",
        "recomendación",
        "recomendacion",
        "apply",
        "application",
        "puestos",
        "vacantes",
        "empleo",
        "trabajo",
        "referencia",
        "referencias",
        "referido",
        "contratando",
        "contratación",
        "entrevista",
        "entrevistas",
        "currículum",
        "candidatura",
        "postular",
        "búsqueda",
        "employer",
        "employers",
        "placement",
        "apprenticeship",
        "internship",
        "prácticas",
        "practicas",
        "pasantía",
        "pasantia",
        "empleador",
        # Who hires, and whom ('empresas q busquen egresados', 'companies hiring freshers').
        "companies",
        "firms",
        "graduates",
        "grads",
        "freshers",
        "job",
        "empresas",
        "egresados",
        "busquen",
        "buscan",
        "contratan",
        "contratar",
        "obras",  # construction sites hiring ('si sabe de obras nuevas en Arequipa')
        "plazas",  # posts, as Spain says them ('si salen plazas de supervisión')
        "plaza",
    )
)


def aside(text: str, role_words: tuple[str, ...] = ()) -> bool:
    """Whether what they ask a contact is about something other than work: 'would you be open
    to a call about the seagrass data?' (True), 'any referrals at ur company?' (False). A note
    that asks it says nothing of a job search. False for no words."""
    words = _bare_words(text)
    return bool(words) and not (words & (_WORK | set(role_words)))


def _bare_words(text: str) -> set[str]:
    """The words typed, small and without the marks around them."""
    return {w.strip("¿?¡!.,;:()'\"").lower() for w in text.split()} - {""}


# A coffee, a meal, a drink or a call ('grab coffee w him', 'invitarlo a desayunar', 'un tinto',
# 'would you be open to a call about ...').
_MEET = re.compile(
    r"\b(?:coffee|lunch|breakfast|brunch|dinner|drinks?|beers?|pints?|caf[eé]s?|cafecito|tinto"
    r"|desayun\w*|almorz\w*|almuerzo|comer|comida|cena|cenar|cervezas?|birras?"
    r"|a call|a chat|catch up|meet|meeting|zoom|llamada|videollamada|charla|reunirnos|quedar)\b",
    re.I,
)


def meets(text: str) -> bool:
    """Whether what they ask a contact already asks to meet, over a coffee, a meal or a call:
    the note then offers no coffee after it."""
    return _MEET.search(text) is not None


# A CV or what stands for one ('send him the updated resume', 'mandarle mi hoja de vida').
_SENDS = re.compile(
    r"\b(?:cv|resume|résumé|curr[ií]cul(?:um|o)|hoja de vida|summary|portfolio|portafolio)\b", re.I
)


def sends(text: str) -> bool:
    """Whether what they ask a contact already speaks of their CV (sending it, a review): the note
    then offers no CV after it."""
    return _SENDS.search(text) is not None


def social(text: str, role_words: tuple[str, ...] = ()) -> bool:
    """Whether what they ask is only to meet as friends do ('Drinks friday?? need to vent.'):
    about nothing of work, and asking to meet. A note that asks it says nothing of a job search,
    to anyone; a friend asked for a reference still hears what they look for."""
    return aside(text, role_words) and meets(text)


# Words that ask for help with the search itself besides `_WORK` ('could you introduce me to
# ...', 'who's hiring', 'me pasás el contacto'): a note that asks so says what they look for.
_SEARCH = _WORK | frozenset(
    ("intro", "intros", "introduce", "introduction", "introductions", "connect", "contact",
     "contacts", "leads", "posting", "postings", "opportunity", "opportunities", "recruiting",
     "openings", "vacancies", "referís", "referis", "referime", "recomendarme", "presentarme",
     "contacto", "contactos", "vacante", "oferta", "ofertas", "oportunidad", "oportunidades",
     "busqueda", "contratan", "postulación", "postulacion", "curriculum", "cv", "gente",
     # Who is who where they work ('who's the GM now?', '¿quién es el gerente?').
     "gm", "manager", "director", "boss", "site", "team", "company", "office", "expanding",
     "growing", "gerente", "jefe", "jefa", "equipo", "empresa", "oficina", "sede")
)  # fmt: skip


def personal(text: str, role_words: tuple[str, ...] = ()) -> bool:
    """Whether what they ask someone who knows them is about that person's own path or
    something to do together ('can I pick your brain about how you got charge on 6E?',
    'practicar live coding juntas los jueves'), not help with the search (an introduction, a
    reference, who is hiring): the note then does not say what they look for as well. False
    for no words."""
    words = _bare_words(text)
    return bool(words) and not (words & (_SEARCH | set(role_words)))


# Words too common to say that two answers speak of the same thing.
_COMMON = frozenset(
    ("and", "the", "for", "with", "any", "you", "your", "are", "still", "role", "roles", "job",
     "jobs", "que", "para", "con", "los", "las", "del", "una", "uno", "por", "puesto", "puestos",
     "trabajo", "busco", "looking", "new", "next", "would", "could", "can", "from", "about")
)  # fmt: skip


def _words(text: str) -> set[str]:
    said = re.split(r"[\s/,.;:()¿?¡!'\"-]+", text.lower())
    return {w for w in said if len(w) >= 3 and w not in _COMMON}


def repeats(text: str, other: str) -> bool:
    """Whether `text`, a question, asks about what `other` says: two of their words in common,
    past the commonest ('any interim policy roles in housing, Edinburgh or Glasgow?' after
    'senior policy roles in housing, Edinburgh or Glasgow'): a note that asks it need not say
    both. A statement that says it again is no ask at all (the note asks its own)."""
    asks = text.rstrip().endswith("?")
    return asks and len(_words(text) & _words(other)) >= 2

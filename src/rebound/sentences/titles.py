"""A role typed as a title: trimmed to the title inside a sentence of the draft's ('the
{{role|title}} role'), and shown as a subject line shows it (`headline`).

Pure functions behind the template filters `title` and `headline`, with the pack's words for
its language (rebound.sentences.fitting's `Fitting`).
"""

from __future__ import annotations

import re

from rebound.sentences import spelling
from rebound.sentences.fitting import Fitting, capitals, folded, plural_of
from rebound.sentences.grammar import SMALL_WORDS

_NOTED = re.compile(r"\s*\([^()]*\)")
_POSTING = re.compile(r"\s+[-–—|]\s+")
_UNCLOSED = re.compile(r"\s*\([^()]*$")  # a note cut short ('Deputy Director (posting')
_SENIORITY = frozenset({"sr", "jr", "snr", "jnr"})
_WHERE = frozenset({"at", "with", "in", "en", "para"})


def title(text: str, words: Fitting) -> str:
    """A role, as a title inside a sentence of the draft's ('the {{role|title}} role').

    What the person typed around the title is trimmed, once: an article or determiner at its
    start ('the', 'a', 'la'), and the words that say it is a role ('position', 'role', 'job';
    'el puesto de', 'la vacante de'): 'the Platform Engineer position' -> 'Platform Engineer',
    'a Staff Designer' -> 'Staff Designer', 'la vacante de Analista' -> 'Analista'. A plural
    title stays as typed: which one job it was is the person's to say (the walk asks).
    """
    text = spelling.mended(text, words.title_words)
    # What the person noted in brackets ('Backend Engineer II (Payments Platform)', 'Curator
    # (contract, 18 months)') is theirs, not the title's: a letter says the title.
    text = capitals(_NOTED.sub("", _UNCLOSED.sub("", text)) or text, words.acronyms)
    # Where or which one, after a dash or a bar ('Band 7 Ward Manager - Ward 12', 'Encargada de
    # sucursal - Nueva Córdoba'), as a job posting names it: the title is what comes before (a
    # word alone only when it is letters in capitals: 'TCAE', not 'Head').
    head = _POSTING.split(text, maxsplit=1)[0]
    if head != text and names_a_job(head, words) and (" " in head or head.isupper()):
        text = head
    # Which intake or where, after a comma ('Graduate Software Engineer, 2027 intake'): a
    # detail of the posting, as in brackets; a title's own second half ('Director, Product
    # Marketing') starts with a capital and holds no figure.
    head, comma, detail = text.partition(", ")
    if comma and head.strip() and (detail[:1].islower() or any(c.isdigit() for c in detail)):
        text = head
    parts = " ".join(text.split()).strip(" .;,").split(" ")
    # Where, after the word that says it is a role ('the Assistant Principal position at
    # Riverside Middle School'): the letter names the company itself.
    for at in range(1, len(parts) - 1):
        if folded(parts[at]) in words.role_words and folded(parts[at + 1]) in _WHERE:
            parts = parts[: at + 1]
            break
    if parts[-1].lower() in _SENIORITY and text.rstrip().endswith("."):
        parts[-1] += "."  # 'Manager Sr.': the abbreviation's dot is the title's
    leads = set(words.articles) | set(words.determiners)
    changed = True
    while changed and len(parts) > 1:
        changed = False
        if folded(parts[0]) in leads:
            parts, changed = parts[1:], True
        # 'puesto de X', 'vacante de X', 'role of X': a role word, then the word that joins.
        if len(parts) > 2 and folded(parts[0]) in words.role_words and len(parts[1]) <= 3:
            parts, changed = parts[2:], True
        if len(parts) > 1 and (
            folded(parts[-1]) in words.role_words
            or plural_of(parts[-1], words.role_words) is not None
        ):
            parts, changed = parts[:-1], True
    # A Spanish title typed as a sentence ('Supervisora de enfermería de la planta'): its capital
    # is the sentence's, and in the letter's sentence a job is written small.
    rest = [w for w in parts[1:] if len(w) > 3]
    if (
        words.grammar == "es"
        and rest
        and all(w.islower() for w in rest)
        and parts[0][1:].islower()
        and folded(parts[0]) in (*words.job_nouns, *words.feminine)
    ):
        parts[0] = parts[0].lower()
    return " ".join(parts)


def names_a_job(title: str, words: Fitting) -> bool:
    """Whether a title names a job, as a subject line needs it to ('Data Analyst', 'PM', 'Jefe
    de Obra'): a job noun or a role word of the pack's among its words, or letters in
    capitals; not a field alone ('backend', from 'the backend job'), which the letter's
    sentences say with 'role' after it. Without the pack's job nouns, any title does."""
    if not words.job_nouns:
        return True
    found = [w for w in re.split(r"[\s,/()]+", title) if w]
    named = [w for w in found if w.lower() not in SMALL_WORDS]
    if len(named) > 1 and all(w[:1].isupper() for w in named):
        return True  # typed as a title ('Operations Manager', in a pack of another language)
    return any(
        folded(w).rsplit("-", 1)[-1] in words.job_nouns  # 'Vice-Principal'
        or folded(w) in words.role_words
        or plural_of(w, words.job_nouns) is not None
        or (len(w) > 1 and w.isupper())
        for w in found
    )


def headline(text: str, grammar: str) -> str:
    """A title as a subject line shows it: in English, with the capitals of a title ('data
    analyst' -> 'Data Analyst', 'SDE 1 backend' -> 'SDE 1 Backend'); in Spanish, a subject's
    first capital ('Supervisora de enfermería'); otherwise as typed."""
    if grammar != "en" and text[:1].islower():  # 'Gracias — Supervisora de enfermería'
        return text[:1].upper() + text[1:]
    if grammar != "en":
        return text
    # Each word in lower case gets its capital ('band 7 ward sister - J24 respiratory', 'SDE 1
    # backend'), one typed with any stays as typed ('iOS').
    words = text.split(" ")
    return " ".join(
        w if (i and w in SMALL_WORDS) or not w.islower() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )

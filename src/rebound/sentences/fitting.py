"""How a person's words are fitted into a letter's sentences: a phrase after 'Thank you also
for', what they look for after 'I'm looking for', what they are known for.

Pure functions behind the template filters `phrase`, `role`, `trait` and `sentence` (a title
is rebound.sentences.titles', a company's name rebound.sentences.organisations'), with the
pack's words for its language (`Fitting`). What they cannot fit well, the letter checker
(rebound.letters.checker) finds, and the composer says another way or leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from rebound.sentences import looking, places, tidy

_LEADS = (
    "thank you so much for", "thank you for", "thanks for", "i'm known for", "i am known for",
    "known for", "muchas gracias por", "gracias por", "me conocen por", "for", "por",
)  # fmt: skip
# First words that are not names, so lower-casing them is safe ('The detailed feedback').
_LOWER_FIRST = frozenset(
    {"the", "a", "an", "your", "you", "my", "how", "all", "being", "that", "what", "some"}
    | {"el", "la", "los", "las", "un", "una", "tu", "tus", "su", "sus", "que", "cómo", "lo"}
    | {"ser", "estar", "tener", "dar", "hacer", "haber", "darme", "ayudar", "explicar"}
)

# A Spanish infinitive with a pronoun after it ('Explicarme', 'ayudarnos'); bare ones a name
# could end like ('Javier', 'Baltasar') are not guessed at, but the commonest are listed above.
_INFINITIVE = re.compile(r"[aeií]r(me|te|le|nos|les)$")
_STOPPED = re.compile(r"[.!?…]\s*$")
_INNER_STOP = re.compile(r"\w[.!?…]\s+[A-ZÁÉÍÓÚÑ¿¡]")


def _capital_of_a_sentence(words: list[str], until: str = "") -> bool:
    """Whether the first of these words has its capital only for starting what was typed: it is
    capitalised, and no other word of the title it starts is but 'I' and acronyms ('Applied
    scientist roles where I ship NLP models', 'Grant writing roles with NGOs'); a later capital
    of that title ('Head of Growth', 'Financial Controller / Finance Manager') says the words
    may be a name, which keeps its capitals. The title ends at a comma, a slash or a bracket,
    or at `until`, the word before a place ('Research scientist roles in NZ', 'Jefe de sala
    en Sevilla'): a place's capitals are its own."""
    first = words[0]
    if len(words) < 2 or not (first[:1].isupper() and first[1:].islower()):
        return False
    title: list[str] = []
    for w in words[1:]:
        if w.lower() == until or w[:1] in "/(":
            break
        title.append(w)
        if w[-1:] in ",;/)":
            break
    return all(not w[:1].isupper() or w == "I" or w.strip(",.;:()/")[:2].isupper() for w in title)


def phrase(text: str, capitals: bool = False, until: str = "") -> str:
    """An answer fitted to sit inside a sentence that introduces it ('Thank you also for ...').

    Drops what that sentence already says ('for', 'Thank you for'), a final full stop, and the
    capital of a first word that is not a name ('The detailed feedback' -> 'the detailed
    feedback', 'Walking me through' -> 'walking me through', 'Ser tan directo' -> 'ser tan
    directo'). With `capitals` (what someone is looking for, or known for: seldom a name), any
    capital only of starting what was typed goes too ('Applied scientist roles' -> 'applied
    scientist roles'), but not one a later capital says may be a name's ('Head of Growth').
    Words typed as a sentence of their own ('Fue muy amable y me animó.') keep their capital:
    they are not a phrase, and the letter checker says so where they are joined.
    """
    typed = " ".join(text.split())
    out = typed.rstrip(" .!;,")
    for lead in _LEADS:
        if out.lower().startswith(lead + " "):
            out = out[len(lead) + 1 :]
            break
    out = tidy.named_days(out)
    words = out.split(" ")
    first, rest = words[0], " ".join(words[1:])
    plain = first.lower()
    common = plain in _LOWER_FIRST or plain.endswith("ing") or _INFINITIVE.search(plain)
    # Asked for a phrase (`capitals`), a stop typed at its end is only a habit; elsewhere a
    # capital, four words and a stop say a sentence, which keeps its capital.
    a_sentence = not capitals and _STOPPED.search(typed) is not None and len(words) >= 4
    fits = common or (capitals and not a_sentence and _capital_of_a_sentence(words, until))
    if first[:1].isupper() and first[1:].islower() and fits:
        out = plain + (" " + rest if rest else "")
    return out


class Fitting(places.Places, Protocol):
    """The words the filters below fit a person's words with (`templates.Vocabulary` is one):
    the pack's, in its language; the words of places among them (`places.Places`)."""

    @property
    def grammar(self) -> str: ...
    @property
    def articles(self) -> tuple[str, ...]: ...
    @property
    def determiners(self) -> tuple[str, ...]: ...
    @property
    def subject_pronouns(self) -> tuple[str, ...]: ...
    @property
    def linking_verbs(self) -> tuple[str, ...]: ...
    @property
    def clause_words(self) -> tuple[str, ...]: ...
    @property
    def role_words(self) -> tuple[str, ...]: ...
    @property
    def job_nouns(self) -> tuple[str, ...]: ...
    @property
    def feminine(self) -> tuple[str, ...]: ...
    @property
    def mass_nouns(self) -> tuple[str, ...]: ...
    @property
    def describing(self) -> tuple[str, ...]: ...
    @property
    def describing_endings(self) -> tuple[str, ...]: ...
    @property
    def title_words(self) -> tuple[str, ...]: ...
    @property
    def compounds(self) -> tuple[str, ...]: ...
    @property
    def acronyms(self) -> frozenset[str]: ...
    @property
    def known_for_own(self) -> tuple[str, ...]: ...
    @property
    def wish_leads(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def known_for_clause(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def known_for_as_typed(self) -> frozenset[str]: ...
    @property
    def verb_endings(self) -> tuple[str, ...]: ...
    @property
    def institutions(self) -> tuple[tuple[str, tuple[str, ...]], ...]: ...
    @property
    def institution_joins(self) -> tuple[str, ...]: ...
    @property
    def joining(self) -> tuple[str, ...]: ...


def folded(word: str) -> str:
    return word.lower().strip(",.;:()¡!¿?\"'")


def plural_of(word: str, nouns: tuple[str, ...]) -> str | None:
    """The singular a plural noun is of, among `nouns` ('Analysts' -> 'Analyst'); else None."""
    plain = folded(word)
    for ending in ("es", "s"):
        if plain.endswith(ending) and plain[: -len(ending)] in nouns:
            return word.rstrip(",.;:")[: -len(ending)]
    if plain.endswith("iones") and plain[:-5] + "ión" in nouns:  # 'posiciones' -> 'posición'
        return word.rstrip(",.;:")[:-5] + "ión"
    return None


_PAY = re.compile(
    r"[$€£₹¥]\s?\d|\d\s?[kK]\b|\b(?:salary|package|ctc|lpa|pay|sueldo|salario|bruto|neto)\b",
    re.IGNORECASE,
)
_AFTERTHOUGHT = re.compile(r"\s*\([^()]*\)[\s.]*$")


def _an(text: str) -> str:
    """'a' or 'an', by the sound of the first word ('an engineer', 'an SRE', 'a UX designer')."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():  # an acronym is said letter by letter
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    return "an" if first[:1].lower() in "aeio" else "a"


_LETTERS = re.compile(r"[^\W\d_]+")


def capitals(text: str, acronyms: frozenset[str]) -> str:
    """The pack's acronyms in capitals however they were typed ('ux/ui designer' -> 'UX/UI
    designer', 'remoto o cdmx' -> 'remoto o CDMX'); every other word as typed."""
    if not acronyms:
        return text
    return _LETTERS.sub(lambda m: m[0].upper() if m[0].lower() in acronyms else m[0], text)


def _joined(text: str, compounds: tuple[str, ...]) -> str:
    """Two words that describe a noun written as one before it ('entry level data analyst' ->
    'entry-level data analyst'); at the end they stay apart ('work full time')."""
    for pair in compounds:
        first, _, second = pair.partition(" ")
        pattern = rf"(?<![\w-])({re.escape(first)}) ({re.escape(second)})(?= [^\W\d_])"
        text = re.sub(pattern, r"\1-\2", text, flags=re.IGNORECASE)
    return text


def role(text: str, words: Fitting, public: bool = False) -> str:
    """What someone is looking for, as the object of 'I'm looking for' / 'Busco'.

    What already reads as a whole object stays as typed ('senior backend roles in fintech',
    'something remote'; a wrong 'a'/'an' mended); a role named with its noun gets an article
    ('a senior backend role', 'un puesto de analista'); a job title becomes a role the article
    of which fits whatever the title's gender ('a Data Engineer role', 'un puesto de directora de
    producto'), and one said with where it is, a role as that job ('a role as a fleet manager
    with a bus operator'); a title in the plural, several such roles ('Data Analyst roles',
    'puestos de analista'). A place named after a comma is said as a place ('... in the Dublin
    area'; `places.placed`). Only words typed as sentences of their own follow a colon ('a new
    role: operations in logistics. Open to relocating.'); in Spanish anything else is 'un puesto
    de ...', in English 'a new role in ...' where it names a field.
    """
    spanish = words.grammar == "es"
    # Their own frame said again ('looking for a PM role'), or a sentence of theirs ('I want to
    # move into L&D'): the frame left out; the sentence said after the draft's own words.
    text, own = looking.unframed(text, words.grammar)
    if own:
        return f"{'un nuevo puesto' if spanish else 'a new role'}. {own.rstrip(' .')}"
    # A note in brackets at the end ('(no more than a 40 min drive)') is the person's, for
    # themselves: a letter reads as pasted from a form with it.
    text = _AFTERTHOUGHT.sub("", text) or text
    # Pay ('$180k+ package', 'CTC 32-38 LPA') is for the offer, not for a post or a note.
    kept = [c for c in text.split(", ") if not _PAY.search(c)]
    text = ", ".join(kept) if kept else text
    text, own = _own_sentences(text, words)
    if own:  # a note typed as a clause ('nights are fine') is a sentence after the rest
        return role(text, words, public) + own
    # Never mended here: what someone looks for is free text, where a word one slip from a
    # title's word is as often another word ('PE-backed' is not 'PE-backend').
    typed = places.said(_joined(capitals(text, words.acronyms), words.compounds), words, public)
    out = phrase(places.named(typed, words), capitals=True, until=words.place_before)
    parts = out.split()
    if not parts:
        return out
    if _INNER_STOP.search(out):  # more than one sentence: each stays whole, after a colon
        # The first sentence's capital is only its start's, after a colon ('a new role:
        # operations management in logistics. Open to relocating.'), unless a later capital
        # of that sentence says it may be a name's.
        first = _INNER_STOP.split(out, maxsplit=1)[0].split()
        if len(first) > 1 and _capital_of_a_sentence(first) and first[0] not in ("I",):
            out = out[:1].lower() + out[1:]
        return f"un nuevo puesto: {out}" if spanish else f"a new role: {out}"
    # What follows the first comma, when it names no job ('Dublin, hybrid', 'open to remote'),
    # is said after what they look for, as a place or as the notes it is.
    said = places.placed(out, words)
    first, _, notes = out.partition(", ")
    if _a_field(first, notes, words):  # 'foreman, commercial work': '... role in commercial work'
        return f"{_object(first, words)} {words.place_before} {notes}"
    head = first if notes and not places.names_a_job(notes, words) else out
    # The notes after it, said as places where they are ('..., in the Dublin area'); only when
    # what they look for reads the same there (else its end would be said twice: 'experiencece').
    return _object(head, words) + (said[len(head) :] if said.startswith(head) else out[len(head) :])


def _a_field(head: str, notes: str, words: Fitting) -> bool:
    """Whether the note after a job is the kind of work it is in, typed with the pack's first
    word for work ('lead electrician or foreman, commercial work'); English only: in Spanish
    'trabajo' after a comma says how ('trabajo presencial'), not where."""
    said = notes.split()
    return (
        words.grammar == "en"
        and bool(words.mass_nouns)
        and 1 < len(said) <= 3
        and "," not in notes
        and folded(said[-1]) == words.mass_nouns[0]
        and folded(head.rsplit(maxsplit=1)[-1]) in words.job_nouns
    )


def _own_sentences(text: str, words: Fitting) -> tuple[str, str]:
    """What someone looks for without the notes after a comma typed as clauses of their own
    ('..., nights are fine, within an hour of Northampton'), and those notes as sentences that
    follow it ('. Nights are fine'): joined after 'I'm looking for' they read as two sentences
    run together, and left out they lose what a head hunter needs."""
    head, *rest = " ".join(text.split()).split(", ")
    kept, own = [head], []
    for chunk in rest:
        plain = chunk.rstrip(".!;")
        wish = _wish(plain, words)  # 'want to stay at LGH if I can': 'I want to stay ...'
        if wish is not None:
            own.append(wish)
        elif plain and is_clause(
            plain.split(), words.linking_verbs, words.clause_words, words.subject_pronouns
        ):
            own.append(plain[:1].upper() + plain[1:])
        else:
            kept.append(chunk)
    if not own:
        return text, ""
    return ", ".join(kept), "".join(f". {o}" for o in own)


def _wish(text: str, words: Fitting) -> str | None:
    """A note typed as a wish without its subject, said with it ('want to stay' -> 'I want to
    stay'); None when it is not one."""
    low = text.lower()
    lead = next((w for w in words.wish_leads if low == w[0] or low.startswith(w[0] + " ")), None)
    return None if lead is None else lead[1] + text[len(lead[0]) :]


def brief(text: str) -> str:
    """What someone looks for up to its first note, for a note that must be short (a LinkedIn
    connection note): 'senior policy analyst roles in housing, state or local government (open
    to nonprofits)' -> 'senior policy analyst roles in housing'."""
    return re.split(r"\s*[(;]|,\s", " ".join(text.split()), maxsplit=1)[0].strip() or text


def _as_a_job(parts: list[str], words: Fitting) -> str | None:
    """A job named with where it is ('fleet or scheduling manager with a bus operator'), as a
    role as that job ('a role as a fleet or scheduling manager with a bus operator'); None
    when no job's noun is followed by a word that joins a place or a field to it."""
    for at, word in enumerate(parts[1:-1], start=1):
        joins = folded(parts[at + 1])
        if (
            joins in words.joining
            and joins not in words.institution_joins
            and (folded(word) in words.job_nouns)
        ):
            said = " ".join(parts)
            return f"a role as {_an(said)} {said}"
    return None


_FACULTY = re.compile(r"\b(faculty)\b(?!\s+(?:position|role|job|post|member|opening)s?\b)", re.I)


def _object(out: str, words: Fitting) -> str:
    """What someone looks for, without the place said after it, as the object of 'I'm looking
    for' (see `role`)."""
    spanish = words.grammar == "es"
    # 'faculty' is a body of people: a job among them is a faculty position ('tenure-track
    # faculty in marine ecology' -> 'a tenure-track faculty position in marine ecology').
    out = _FACULTY.sub(r"\1 position", out) if not spanish else out
    parts = out.split()
    plain = [folded(w) for w in parts]
    # A job's word typed with the capital of a sentence's start ('Gerente comercial o ...',
    # 'Cargo de abogada'), but not a title's ('Jefe de Obra', 'Head of Growth').
    if len(parts) > 1 and parts[0][:1].isupper() and parts[0][1:].islower():
        joins = plain[1] in ("of", "de", "del")
        role_word = plain[0] in words.role_words or plural_of(parts[0], words.role_words)
        if role_word or (plain[0] in words.job_nouns and parts[1].islower() and not joins):
            parts[0] = parts[0].lower()
            out = " ".join(parts)
    first, lead = plain[0], set(words.articles) | set(words.determiners)
    roles = any(w in words.role_words or plural_of(w, words.role_words) for w in plain)
    if spanish and roles and first not in words.role_words and first in words.job_nouns:
        return f"trabajo como {out}"  # 'Busco despachante ...' reads as hiring one
    if any(plural_of(w, words.role_words) is not None for w in parts):
        return out
    indefinite = {"a", "an", "un", "una"}
    roles = any(w in words.role_words for w in plain)
    if plain[-1] in words.mass_nouns:
        return out  # 'consulting work', 'trabajo en remoto': a whole object already
    if not spanish and any(
        (w in words.mass_nouns or plural_of(w, words.job_nouns) is not None)
        and plain[at + 1] in words.joining
        for at, w in enumerate(plain[:-1])
    ):
        return out  # 'social media internships in London', 'nurses for a night shift'
    if first in indefinite and len(parts) > 1:
        rest = " ".join(parts[1:])
        if not roles:
            # 'a data engineer on a platform team', 'an SRE' would read as if hiring one.
            return f"un puesto de {rest}" if spanish else f"a role as {_an(rest)} {rest}"
        return out if spanish else f"{_an(rest)} {rest}"
    if first in lead or first in ("some", "any", "something", "anything", "algo", "algún"):
        return out
    # The job noun of a title: its last word in English ('data engineer'), its first in
    # Spanish ('directora de producto').
    head = parts[0] if spanish else parts[-1]
    singular = plural_of(head, words.job_nouns)
    if singular is not None:
        if spanish:
            rest = " ".join(parts[1:])
            return f"puestos de {singular}{' ' + rest if rest else ''}"
        return f"{' '.join([*parts[:-1], singular])} roles"
    if roles:
        if spanish:
            noun = next(w for w in plain if w in words.role_words)
            return f"{'una' if noun in words.feminine else 'un'} {out}"
        return f"{_an(out)} {out}"
    if not spanish and (as_a_job := _as_a_job(parts, words)) is not None:
        return as_a_job
    if folded(head).rsplit("-", 1)[-1] in words.job_nouns:  # 'Vice-Principal'
        if spanish:
            return f"un puesto de {out}"
        return f"{_an(out)} {out} role"
    # A word or two, none a job's: a field ('my next role in UX', 'in data science').
    if len(parts) <= 2 and not any(c in out for c in ",;:/()"):
        return f"mi próximo puesto en {out}" if spanish else f"my next role in {out}"
    # Anything else: in Spanish, a job of that name ('un puesto de dirección de obra en
    # Antioquia', 'un puesto de fisio deportiva en Valencia'); in English, see `_new_role`.
    return f"un puesto de {out}" if spanish else _new_role(out, plain, words)


def _new_role(out: str, plain: list[str], words: Fitting) -> str:
    """What no rule names, in English: a job among its words is the role, said as titles are
    after 'as' ('a new role as staff pharmacist or PIC', '... as sous chef or senior CDP in a
    busy kitchen'); a field, a new role in it ('a new role in marine ops ashore'); only what is
    neither, after a colon ('a new role: working outdoors with kids')."""
    if any(w in words.job_nouns or plural_of(w, words.job_nouns) is not None for w in plain):
        return f"a new role as {out}"
    small = {*words.articles, *words.determiners, *words.joining, *_LOWER_FIRST}
    if not re.search(r"[,;:/()]", out) and not (plain[0] in small or plain[0].endswith("ing")):
        return f"a new role in {out}"
    return f"a new role: {out}"


_PEOPLE = frozenset(
    ("worker", "player", "learner", "listener", "communicator", "solver", "problem-solver",
     "thinker", "starter", "self-starter", "finisher", "mentor", "motivator", "organizer",
     "organiser", "negotiator", "closer", "fixer", "connector", "collaborator")
)  # fmt: skip


def trait(text: str, words: Fitting, being: str = "being") -> str:
    """What someone is known for, as the object of 'known for': a thing they do ('turning vague
    ideas into features') as typed; words that only describe them ('patient', 'calm and
    thorough') with 'being' before them, which is what the sentence needs."""
    out = phrase(text, capitals=True)
    plain = [folded(w) for w in re.split(r"[\s,]+", out) if w]
    if words.known_for_own and len(plain) > 1 and not text.strip()[:1].isupper():
        out = _theirs(out, plain, words)
    joins = {"and", "y", "e", "&"}
    described = [w for w in plain if w not in joins]
    if not described or len(described) > 3:
        return out
    if all(
        w in words.describing
        or (w.endswith(tuple(words.describing_endings)) and not w.endswith("ing"))
        for w in described
    ):
        return f"{'ser' if words.grammar == 'es' else being} {out}"
    # What they are, not what they do ('hard worker', 'team player'): being one.
    if (
        words.grammar == "en"
        and described[0] not in ("the", "my")
        and (described[-1] in _PEOPLE or described[-1] in words.job_nouns)
    ):
        return f"{being} {out}" if described[0] in ("a", "an") else f"{being} {_an(out)} {out}"
    return out


def _theirs(out: str, plain: list[str], words: Fitting) -> str:
    """What someone is known for, after a preposition that needs a thing (Spanish 'por'): a thing
    they do ('dejar el código limpio') or a thing with its article ('la rigurosidad') as typed;
    a clause ('que la sala funcione') as what they achieve ('lograr que la sala funcione'); a
    bare thing ('cocina andina', 'pipelines que no se caen') as theirs ('mi cocina andina', 'mis
    pipelines ...'). The words are the pack's (`known_for_own` and the rest)."""
    leads = set(words.articles) | set(words.determiners) | words.known_for_as_typed
    first, second = plain[0], plain[1]
    achieve = dict(words.known_for_clause).get(first)
    if achieve:
        return f"{achieve} {out}"
    verb = len(first) >= 3 and bool(words.verb_endings) and first.endswith(words.verb_endings)
    # 'puntual y ordenada': words that describe them, which the letter checker reads.
    described = second in ("y", "e", "o", "and", "or") or first in words.describing
    if verb or described or first in leads or not first.isalpha() or out[:1].isupper():
        return out
    one, many = (*words.known_for_own, *words.known_for_own)[:2]
    return f"{many if first.endswith('s') else one} {out}"


def is_clause(
    words: Sequence[str],
    linking: Sequence[str],
    clause_words: Sequence[str],
    pronouns: Sequence[str],
) -> bool:
    """Whether words are a clause of their own: a thing, then a verb (one of `linking`) that
    says what it was ('your notes were generous', 'la llamada fue muy amable'), with no word
    before the verb that makes them part of a thing: one of `clause_words` or `pronouns` ('the
    way you explained what was missing'), or 'to' ('the chance to have a real conversation')."""
    plain = [folded(w) for w in words]
    for at, word in enumerate(plain):
        if word in linking:
            before = plain[:at]
            return bool(before) and not any(
                w in clause_words or w in pronouns or w == "to" for w in before
            )
    return False


def sentence(text: str, words: Fitting) -> str:
    """A person's words as a sentence of their own, when they are one ('He called me back
    himself' -> 'He called me back himself.', 'Your notes were generous' -> 'Your notes were
    generous.'): a capital at the start and a stop at the end.
    Words that are not a sentence (a phrase, a few words) give '' here: the draft says them
    inside one of its own sentences, or not at all."""
    out = " ".join(text.split())
    parts = out.split()
    if len(parts) < 3 or not (
        folded(parts[0]) in words.subject_pronouns
        or is_clause(parts, words.linking_verbs, words.clause_words, words.subject_pronouns)
    ):
        return ""
    out = out[0].upper() + out[1:]
    return out if out[-1] in ".!?…" else out + "."

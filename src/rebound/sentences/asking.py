"""What someone wants to ask a contact, typed at the contact's question ('could I shadow your
budget meetings'), as a sentence of its own in the note to them: its first letter a capital,
a question mark where it asks ('¿...?' in Spanish), a full stop where it does not.

Pure functions behind the template filters `question` and `formal_question` (the same to
someone written to formally: usted in Spanish); what a request is about is `topics`'. The words
are the person's: only a frame around them is added, a note to self about the reader ('ask
whether his airport ...', 'she ran cold chain at ..., pick her brain') is said to them, what
they mean to do themselves is said as what they would like to do, and shorthand is written
out; nothing else of them is changed.
"""

from __future__ import annotations

import functools
import re

from rebound.sentences import hurried, note_check, note_parts, third_person, tidy, tuteo

# The first words of a question, in the packs' languages ('could I ...', '¿podrías ...').
_ASKS = re.compile(
    r"(could|would|can|will|may|might|do|does|did|is|are|any|have|has|should|what|when|where"
    r"|who|how|which|podr[ií]as?|podr[ií]a|puedes|puede|tienes|tiene|te|le|sab[eé]s|sabes"
    r"|qu[eé]|cu[aá]ndo|c[oó]mo|d[oó]nde|qui[eé]n|hay|habr[ií]a)\b",
    re.IGNORECASE,
)


# What is asked for, typed as a thing and not a sentence ('referral for battery roles at
# Ather'), said as a question that asks for it: one of these first, a singular thing takes 'a'.
_ONE_THING = frozenset(
    ("referral", "reference", "introduction", "intro", "recommendation", "mock", "word", "chat",
     "lead", "heads-up", "quick", "short")
)  # fmt: skip
_THINGS = frozenset(
    ("advice", "feedback", "tips", "pointers", "leads", "introductions", "intros", "references",
     "referrals", "thoughts", "guidance", "insight", "insights", "input", "names", "contacts",
     "recommendations", "your", "some")
)  # fmt: skip
# What of the reader's is asked for after 'your' ('your view on ...', 'your take'); not who is
# theirs ('her husbands the GM at ...': about them, for the person).
_YOURS = frozenset(
    ("view", "views", "take", "thoughts", "advice", "opinion", "help", "eyes", "input", "insight",
     "insights", "feedback", "perspective", "read", "guidance", "support", "blessing", "steer",
     "recommendation", "honest", "two")
)  # fmt: skip
# What the reader is asked to do, typed as an order ('review my CV', 'help me prep for the
# panel'): asked as a question, 'Could you review my CV?'.
_TO_DO = frozenset(
    ("review", "help", "look", "read", "introduce", "connect", "share", "send", "pass", "put",
     "tell", "show", "let", "check", "give", "recommend", "refer", "forward", "keep", "mentor",
     "coach", "proofread", "explain", "walk", "vouch", "get")
)  # fmt: skip
# What the person means to do themselves, typed as a note to self ('stop by, get back on the
# books, ask about the data center calls', 'grab coffee w him'): said as what they would like
# to do ('I'd like to stop by, get back on the books, and ask about ...'). Not with 'me' in it
# ('get me an intro'): that asks the reader. 'see if' and 'find out' are what they wanted to
# know ('I wanted to see if your outfit needs a lead').
_SELF = frozenset(
    ("stop", "drop", "swing", "come", "get", "catch", "follow", "touch", "reconnect", "grab",
     "meet", "visit", "invite", "update", "pick", "vent", "congratulate", "celebrate", "buy",
     "take", "treat", "shout")
)  # fmt: skip
# The first words of anything a note to self asks or means to do ('tell' is in `_TO_DO`).
_LEAD_VERBS = _SELF | _TO_DO | {"ask", "see", "find"}
_WONDER = re.compile(r"(?:see|check|find out)\s+(?:if|whether)\b", re.I)
_ME = re.compile(r"\bme\b", re.I)
# A need typed without its subject ('need help with the resume'): said with it ('I need ...').
_NEED = re.compile(r"(?:need|want|would like|hoping)\b", re.I)
_AND_ASKS = re.compile(
    r"\s+\+\s+|\s+&\s+(?=(?:if|whether|does|do|did|is|are|has|have|would|could|can|any|ask)\b)"
    r"|[,;]\s+also\s+(?=(?:ask|if|whether|could|would|can)\b)"
    r"|[.?]\s+and\s+(?=(?:ask|does|do|is|are|would|could|can|if)\b)",
    re.I,
)
# In Spanish, a note to self with the reader as its object ('mandarle el CV', 'invitarlo a un
# café'): what they would like to do, to the reader ('Me gustaría mandarte el CV.').
_ES_CLITIC = re.compile(r"\b([a-zñ]+(?:ar|er|ir))(?:le|lo|la)\b")
# A message to pass on to the reader ('decile que estoy buscando ...'): told to them.
_ES_TELL = {"decile": "decir", "dile": "decir", "decirle": "decir", "contale": "contar"}
_ES_TELL |= {"cuéntale": "contar", "cuentale": "contar", "avisale": "avisar", "avísale": "avisar"}
_ES_WONDER = re.compile(r"(?:ver|averiguar)\s+si\b")


# What to ask a reader after who they are, in Spanish ('..., preguntarle si ...'), or how
# something with its own subject is ('..., preguntarle cómo es el equipo de riesgo'); never how
# the reader did something ('cómo arrancó': to tú, 'arrancaste', which no rule here says).
_ES_THEN_ASKS = re.compile(
    r",\s+((?:preguntarle|consultarle)\s+(?:si|(?:c[oó]mo|qu[eé]\s+tal|d[oó]nde)\s+(?:es|son|est[aá]n?"
    r"|era|eran|hay|funciona|funcionan|trabaja|trabajan)\s+(?:el|la|los|las|un|una)\b)\b[^,]*)$",
    re.I,
)
_ES_WE = re.compile(r"(?:nos\s+)?[a-záéíóúñ]+(?:amos|imos)\b", re.I)


def _joined(asked: list[str], grammar: str) -> str:
    """Asks said one after the other; two that open alike said as one ('I wanted to ask if you
    know alums hiring, and if you'd be a reference again.')."""
    out: list[str] = []
    for said in filter(None, asked):
        lead = next((w for w in _ALIKE if said.startswith(w)), "")
        if out and lead and out[-1].startswith(lead) and out[-1].endswith("."):
            out[-1] = f"{out[-1][:-1]}{', and' if grammar == 'en' else ' y'} {said[len(lead) :]}"
        elif out and lead == "Could I " and out[-1].startswith(lead) and out[-1].endswith("?"):
            out[-1] = f"{out[-1][:-1]} and {said[len(lead) :]}"  # 'Could I buy you lunch and ask
        else:
            out.append(said)
    return " ".join(out)


_ALIKE = ("I wanted to ask ", "Quería preguntarte ", "Quería preguntarle ", "Could I ")


def _listed(body: str) -> str:
    """Things to do typed with commas, said as a list: 'stop by, get back on the books, ask
    about the calls' -> 'stop by, get back on the books, and ask about the calls'."""
    parts = body.split(", ")
    last = parts[-1].split(" ", 1)[0].lower()
    if len(parts) < 2 or last in ("and", "then", "or", "y", "o", "e", "luego"):
        return body
    joined = ", ".join(parts[:-1])
    return f"{joined}{',' if len(parts) > 2 else ''} and {parts[-1]}"


# Shorthand typed in a hurry, written out in a letter ('any referrals at ur company?'): what
# every sentence of a person's has written out (`tidy.SHORTHAND`), and what a question may hold.
_SHORTHAND = tidy.SHORTHAND | {
    "u": "you", "ur": "your", "id": "I'd", "cant": "can't", "wont": "won't", "w": "with",
    "shes": "she's", "ref": "reference", "b/c": "because", "pls": "please", "plz": "please",
    "thx": "thanks",
}  # fmt: skip
_SHORT = tidy.shorthand_found(_SHORTHAND)
# Words that lead a thing and are none alone ('your', 'quick' in 'quick chat').
_LEADS = frozenset(("your", "some", "quick", "short", "mock", "word", "lead"))
# The same in Spanish: a thing after a determiner, or things in the plural, asked for with
# 'pedir'; a clause typed after 'si' or 'que' ('si me puede dar una carta de recomendación').
_ES_OPENINGS = frozenset(("vacantes", "puestos", "ofertas", "procesos", "oportunidades"))
_ES_THING = re.compile(
    r"(un|una|unos|unas|alg[uú]n|alguna|algunos|algunas|tu|su|tus|sus|consejos|referencias"
    r"|contactos|recomendaciones|ideas|datos)$"
)


_VOS = re.compile(r"\bvos\b|\b[a-z]+(?:ás|és|ís)\b|\bpod[eé]s\b", re.I)  # the person's voseo
_ES_ASK_THEM = frozenset(
    ("preguntarle", "preguntarte", "consultarle", "consultarte", "preguntale", "pregúntale",
     "consultale", "consúltale")
)  # fmt: skip
_WHEN_SENT = re.compile(r"\s+(?:first|asap|soon|shortly|later|today|tomorrow)\b.*$", re.I)
# A note in brackets after what is asked ('(ask abt hybrid policy)', '(libre ko na kape hehe)'):
# the person's, as a note in brackets is everywhere else.
_ASIDE_AFTER = re.compile(r"\s*\([^()]*\)(?=\s*[.!?]*\s*$)")
# What to find out with the reader ('mirar con él si salen plazas'): asked of them.
_ES_WITH_THEM = re.compile(
    r"(?:mirar|ver|hablar|comentar|consultar|averiguar|checar|chequear)\s+con\s+(?:él|ella|el)\s+"
    r"(?=(?:si|qué|cómo|cuándo|dónde|quién)\b)",
    re.I,
)
_USTED_TYPED = re.compile(r"\bustedes\b|\busted\b", re.I)
_TOGETHER = re.compile(r"\b(?:juntos|juntas|juntes)\b")
_INFINITIVE = re.compile(r"[a-zñ]+(?:ar|er|ir)(?:me|nos|lo|la|los|las|le|les)?")
_VOSEO_ME = re.compile(r"([a-zñ]+a)(?:me|nos)")


# How the person addressed the reader at the start of what they typed ('Sir, could you suggest
# anyone ...?'): the note has greeted them already, by name.
_VOCATIVE = re.compile(
    r"^(?:(?:sir|ma'?am|madam|se[nñ]or|se[nñ]ora|se[nñ]orita)\s*[,:]|(?:che|oye|hey|mira|bro|wey"
    r"|güey|pana|parce|compa)\b,?)\s*",
    re.I,
)
# A second sentence typed without its subject after a question ('any roles in cork? open to a
# step sideways'): said with it ('I'm open to a step sideways').
_THEN_OPEN = re.compile(r"([?!.]\s+)(open|happy|keen|willing)( to\b)")


# A note to self about the reader ('ask whether his airport is planning succession', 'does
# he know anyone at the co-op'), said to them: 'I wanted to ask whether your airport ...',
# 'Do you know anyone at the co-op?'. 'she' as 'he'; 'her' by the word after it (`_WHOM_NEXT`).
_ASK_NOTE = re.compile(
    r"ask(?:\s+(?:him|her|them))?(?:\s+\w+ly)?\s+(?=(?:whether|if|how|what|why|when|where|who"
    r"|which)\b)",
    re.I,
)
_AUX_HE = re.compile(r"(does|is|has|was|would|could|can|will|did)\s+s?he\b", re.I)
# 'shed be a ref again': she'd ('shed' is a word only before none of these).
_SHE_D = re.compile(
    r"\b(s?he)d\b(?= (?:be|like|want|know|have|mind|help|consider|do|write|give|send|put)\b)", re.I
)
_ASK_TO = re.compile(r"ask (?:him|her|them|you) to ", re.I)
# How to reach them, typed before what to say ('text her, her husband's the GM at ...'): for
# the person; what follows is sent only when it asks something.
_REACH = re.compile(
    r"(?:text|call|ring|phone|email|e-mail|dm|message|msg|ping|whatsapp|discord|slack|telegram"
    r"|signal|wechat|viber|imessage|sms|insta|ig)"
    r"\s+(?:him|her|them|you)\b[\s,.;:-]*",
    re.I,
)
_THANK_NOTE = re.compile(r"thank (?:him|her|them) for ", re.I)
_ASK_ABOUT = re.compile(r"ask (?:(?:him|her|them) )?(?:\w+ly )?(about|for) ", re.I)
_YOU = re.compile(r"\b(you|your|yours|yourself)\b", re.I)
_TREAT = re.compile(r"(?:a\s+)?(coffee|lunch|breakfast|drinks?|beers?)", re.I)
# What the person sends of their own ('send updated resume'): said as what they would like to
# send the reader ('I'll send you my updated resume shortly.'), never asked of them.
_OWN_PAPERS = re.compile(
    r"\b(?:cv|resume|résumé|portfolio|cover letter|writing samples?|references|transcripts?)\b",
    re.I,
)
# A clause's verb inside what is asked ('your mob still need a B1??'): a question typed as one.
_CLAUSE = re.compile(r"\b(?:need|needs|have|has|is|are|was|were|hiring|looking|want|wants|got)\b")
# A second ask typed after a question ('how did she prep for the exam, ask for sample ...').
_ASK_AFTER_ASKED = re.compile(r",\s+(?=ask\b)", re.I)


# That they are looking, told in a note ('let him know I'm looking'): what the letter around it
# says already.
_TOLD_LOOKING = re.compile(
    r"(?:let|tell)\s+you(?:\s+know)?(?:\s+that)?\s+(?:i'?m|i am)\s+(?:looking|available|on the"
    r" market|back on the market|job hunting|open to (?:offers|roles|opportunities))\.?",
    re.I,
)
# A treat and when or where ('coffee when I'm home for Christmas', 'lunch at Ikoyi Club').
_TREAT_WHEN = re.compile(
    r"(?:a\s+)?(coffee|lunch|breakfast|drink|beer|pint)\s+((?:when|while|next|after|before"
    r"|sometime|soon|at|in|on|over|this)\b.*)",
    re.I,
)
# A fact typed after the ask without its subject ('..., heard the new centre is staffing up').
_HEARD = re.compile(r",\s+(heard|saw|noticed)\b")


def _a_treat(typed: str) -> str:
    """A treat as an offer says it: 'a coffee', 'a pint', but 'lunch', 'drinks'."""
    thing = typed.lower()
    return f"a {thing}" if thing in ("coffee", "drink", "beer", "pint") else thing


# A treat and a catch-up typed as a note ('pint and a catch up re who's hiring at the old place').
_CATCH_UP = re.compile(
    r"(?:a\s+)?(coffee|lunch|breakfast|drink|beer|pint)s?\s+(?:and|&|\+)\s+(?:a\s+)?"
    r"(catch[- ]?up|chat)(?:\s+(?:re|about|on)\s+(.+))?",
    re.I,
)


def _to_the_reader(text: str) -> str:
    thanks = _THANK_NOTE.match(text)
    if thanks:
        return f"Thank you for {third_person.swapped(text[thanks.end() :]).rstrip(' .?!')}."
    about = _ASK_ABOUT.match(text)
    if about:
        said = third_person.swapped(text[about.end() :]).rstrip(" .?!")
        if about.group(1).lower() == "for":
            return f"Could I ask you for {said}?"
        return f"I wanted to ask you about {said}."
    willing = _ASK_TO.match(text)
    if willing:  # 'ask him to be a reference' -> 'Would you be willing to be a reference?'
        return (
            f"Would you be willing to {third_person.swapped(text[willing.end() :]).rstrip(' .?!')}?"
        )
    note = _ASK_NOTE.match(text)
    if note:
        return f"I wanted to ask {third_person.swapped(text[note.end() :]).rstrip(' .?!')}."
    aux = _AUX_HE.match(text)
    if aux:
        verb = aux.group(1).lower()
        return f"{third_person.AGREE.get(verb, verb)} you{third_person.swapped(text[aux.end() :])}"
    # A note to self that names the reader as 'he' and never as 'you' ('intros to the PE
    # operating partners he knows'): he is the reader.
    if not _YOU.search(text):
        return third_person.swapped(text)
    return text


def _written_out(text: str) -> str:
    """Shorthand written out: 'any referrals at ur company' -> 'any referrals at your company'."""
    return tidy.written_out(text, _SHORTHAND, _SHORT)


def _es_asked(asked: str, formal: bool) -> str:
    """What to ask the reader, in Spanish: 'si sabe de ...' -> 'Quería preguntarte si sabes de
    ...' (to usted, 'Quería preguntarle si sabe de ...')."""
    return f"Quería preguntar{'le' if formal else 'te'} {asked if formal else tuteo.as_tu(asked)}."


def _framed(out: str, grammar: str, formal: bool) -> str:
    """Words typed as a thing or as half a sentence, said whole ('' when they are neither):
    'referral for battery roles at Ather' -> 'Could I ask you for a referral for battery roles
    at Ather?'; 'if you could be a referee' -> 'I wanted to ask if you could be a referee.';
    'si me puede dar una carta' -> 'Quería preguntarte si me puede dar una carta.'."""
    first, _, rest = out.partition(" ")
    plain = first.lower()
    if grammar == "en" and not rest:  # one word: 'Referee?', 'reference'
        plain = plain.rstrip(".?!")
        if plain == "referee":
            return "Would you be willing to act as a referee for me?"
        if plain in (_ONE_THING | _THINGS) - _LEADS:
            rest, out = " ", out.rstrip(".?!")
    if not rest or out.startswith(("¿", "¡")):
        return ""
    body = out.rstrip(" .?!")
    if first[1:] == first[1:].lower():  # not a name or an acronym ('CV review', 'Ather')
        body = body[:1].lower() + body[1:]
    # 'si te llegan puestos de jefe de almacén, me interesan' is a whole sentence already.
    whole = "," in body
    if grammar == "en":
        if _WONDER.match(body) and not whole:
            return f"I wanted to {body}."
        if plain in _SELF and not _ME.search(body):
            return f"I'd like to {_listed(body)}."
        second = rest.split(" ", 1)[0].lower()
        if _TOLD_LOOKING.fullmatch(body):  # 'let him know I'm looking': the letter says so
            return ""
        treat = _TREAT_WHEN.fullmatch(body)
        # 'coffee when I'm home for Christmas', 'lunch at Ikoyi Club'; 'Coffee soon!' as typed
        if treat and not out.endswith(("!", "?")):
            return f"Could I buy you {_a_treat(treat.group(1))} {treat.group(2)}?"
        if plain == "tell" and second == "you":  # 'tell him I'm serious now'
            return f"I wanted to let you know {body.split(' ', 2)[2]}."
        if plain == "let" and rest.lower().startswith("you know "):  # 'let her know im free'
            return f"I wanted to let you know {body.split(' ', 3)[3]}."
        if plain in _TO_DO and second == "you":  # 'send him the updated resume'
            return f"I'd like to {body}."
        if _NEED.match(body):
            return f"I {body}."
        if plain == "send" and not _ME.search(body) and _OWN_PAPERS.search(body) and not whole:
            # As what they will do, not as sent ('send updated CV first' of a CV still to
            # update: 'I'd like to send you my updated CV first' read as FALSE, the hold-out).
            sent = _WHEN_SENT.sub("", body.split(" ", 1)[1])
            mine = sent.lower().startswith(("my ", "the ", "a ", "an ", "over "))
            return f"I'll send you {sent if mine else 'my ' + sent} shortly."
        if plain in _TO_DO and not whole:
            return f"Could you {body}?"
        if plain == "if" and not whole:
            return f"I wanted to ask {body}."
        if out.endswith("?") and _CLAUSE.search(body):  # 'your mob still need a B1??': a
            return ""  # question typed as one, asked as typed; no thing it asks for to guess
        if plain in _ONE_THING:
            article = "an" if plain[:1] in "aeiou" else "a"
            return f"Could I ask you for {article} {body}?"
        if plain in _THINGS and (plain != "your" or second.rstrip(",.?!") in _YOURS):
            return f"Could I ask you for {body}?"
        return ""
    # A note to self to ask them ('preguntarle si conoce clubes'): asked.
    together = _ES_WITH_THEM.match(body)
    if together and not whole:  # 'mirar con él si salen plazas ...': asked of them
        return _es_asked(body[together.end() :], formal)
    if plain in _ES_ASK_THEM and not whole:
        asked = hurried.es_without_how(body.partition(" ")[2])  # 'preguntarle por wsp si'
        return _es_asked(asked, formal)
    told = _ES_TELL.get(plain)
    if told and rest.lower().startswith("que si "):  # 'dile que si sabe de algún hotel': asked
        asked = rest[4:]
        return _es_asked(asked, formal)
    if told and rest.lower().startswith("que "):  # 'decile que estoy buscando ...'
        return f"Quería {told}{'le' if formal else 'te'} {rest if formal else tuteo.as_tu(rest)}."
    if _ES_WONDER.match(body) and not whole:
        return f"Quería {body}."
    # 'mandarle el CV': the reader is whom they write to.
    if _ES_CLITIC.fullmatch(plain) and not whole:
        said = body if formal else tuteo.wish_as_tu(_ES_CLITIC.sub(r"\1te", body))
        return f"Me gustaría {said}."  # 'pedirte que me ayudes a ...', 'y decirte que ...'
    # An infinitive ('ayudarme a ensayar el pitch'), or a voseo order with 'me' ('pasame el
    # contacto': no accent, so no stem that changes), asked as a question.
    if _INFINITIVE.fullmatch(plain) and not whole:
        if _TOGETHER.search(body):  # 'practicar live coding juntas': done together, offered
            return f"¿{'Le' if formal else 'Te'} gustaría {body}?"
        return f"¿{'Podría' if formal else 'Podrías'} {body}?"
    order = _VOSEO_ME.fullmatch(plain)
    if order and not whole:
        return f"¿Me {order[1]}r{'ía' if formal else 'ías'} {body.partition(' ')[2]}?"
    if plain == "si" and not whole:
        return _es_asked(body, formal)
    if plain == "que":  # 'que me pase el contacto': to tú, 'que me pases el contacto'
        return (
            f"{'Le' if formal else 'Te'} agradecería {body if formal else tuteo.wish_as_tu(body)}."
        )
    if plain in _ES_OPENINGS:  # 'vacantes de gerente de cuartos en Cancún'
        return f"¿{'Tendría' if formal else 'Tendrías'} noticia de {body}?"
    if _ES_THING.match(plain):
        return f"¿{'Le' if formal else 'Te'} puedo pedir {body}?"
    return ""


def question(text: str, grammar: str = "en", formal: bool = False) -> str:
    """The words as a sentence: 'could I shadow your budget meetings' -> 'Could I shadow your
    budget meetings?' (`_question`); '' when, said so, they would not read as said to the reader
    (`note_check.addressed`) or would still read as a note the person wrote for themselves: the
    note then asks in its own words, and the person is told theirs were not used.

    A note that only reads so in part ('College senior at swiggy, referral for sde1 openings??',
    'Reintroduce myself, send updated CV') is said by its parts that ask, each said whole ('Could
    I ask you for a referral for sde1 openings?'), or by what follows who the reader is; never
    a part that would not read as said to them."""
    if note_check.marked(text):  # 'reminder: he's just moved to COSLA, be nice, ...'
        return ""
    text = _ASIDE_AFTER.sub("", text) or text  # '... for client calls (libre ko na kape hehe)'
    said = _said(text, grammar, formal)
    if said or note_check.marked_within(text):
        return said
    return note_parts.in_parts(
        text, lambda part: _said(part, grammar, formal), lambda said: _joined(said, grammar)
    )


def _said(text: str, grammar: str, formal: bool) -> str:
    """`question` of words taken whole: '' unless they read as said to the reader."""
    if grammar == "es" and hurried.es_only_how(text):  # 'mandarle wsp', 'escribirle por
        return ""  # LinkedIn aunq no la conozco': how to reach them, for the person
    said = _question(text, grammar, formal)
    if grammar == "es" and formal and not _VOS.search(said):  # '¿Conoces ...?': '¿Conoce ...?'
        said = tuteo.as_usted(said)
    if grammar == "es":
        said = tuteo.inner_question(said)
        if not formal:  # '¿Podrías ... y que me eche un ojo?': 'que me eches'
            said = tuteo.wishes(said)
    if note_check.still_a_note(said, grammar, formal):
        return ""
    if grammar == "en":  # '... have anything going? You're at Temple Quay.': theirs to know
        said = note_parts.without_their_fact(said)
    if grammar == "es" and not formal and _USTED_TYPED.search(said):  # '¿Me podría contar cómo
        return ""  # pasó usted ...?' in a note that says 'estés': no rule turns it to tú
    return said if note_check.addressed(said, grammar) else ""


def _question(text: str, grammar: str = "en", formal: bool = False) -> str:
    """The words as a sentence: 'could I shadow your budget meetings' -> 'Could I shadow your
    budget meetings?'; 'podrías presentarme a tu jefa' -> '¿Podrías presentarme a tu jefa?';
    'I'd love your eyes on my CV' -> 'I'd love your eyes on my CV.'. An end they typed stays
    theirs ('Coffee soon!', 'any leads? even small ones.'). Words typed as a thing or half a
    sentence are asked for whole (`_framed`), to someone written to formally (`formal`) as
    usted. '' for no words."""
    out = _VOCATIVE.sub("", " ".join(text.split()).strip())
    out = _THEN_OPEN.sub(lambda m: f"{m[1]}I'm {m[2]}{m[3]}", out) if grammar == "en" else out
    if not out:
        return ""
    out = hurried.without_reach_after(out)  # '..., flick him a msg on facebook': the person's
    if _ASKS.match(out) and grammar == "en":  # 'how did she prep, ask for sample scorecards'
        out = _ASK_AFTER_ASKED.sub(" + ", out, count=1)
    # Two asks in one note to self ('reference + does he know anyone', 'reference letter & if
    # hes heard of anything'); '&' only before a question ('Johnson & Johnson' is a name).
    parts = _AND_ASKS.split(out)
    treat = _TREAT.fullmatch(parts[0]) if grammar == "en" and len(parts) == 2 else None
    if treat and parts[1].split(" ", 1)[0].lower() in _SELF | {"ask", "talk", "hear"}:
        # 'coffee + pick his brain about state jobs': 'Could I buy you a coffee and pick your
        # brain about state jobs?'
        rest = third_person.swapped(_written_out(parts[1])).rstrip(" .?!")
        return f"Could I buy you {_a_treat(treat.group(1))} and {rest}?"
    catch = _CATCH_UP.fullmatch(out.rstrip(" .?!")) if grammar == "en" else None
    if catch:  # 'pint and a catch up re who's hiring': 'Could I buy you a pint and catch up ...?'
        what = "catch up" if catch.group(2).lower().startswith("catch") else "have a chat"
        about = f" about {third_person.swapped(catch.group(3))}" if catch.group(3) else ""
        return f"Could I buy you {_a_treat(catch.group(1))} and {what}{about}?"
    if len(parts) > 1:
        return _joined([question(part, grammar, formal) for part in parts], grammar)
    if grammar == "en":
        out = _written_out(_SHE_D.sub(r"\1'd", hurried.softened(out)))
        out = _HEARD.sub(r"; I \1", out)
        ask = functools.partial(question, grammar=grammar, formal=formal)
        reason = note_parts.with_reason(out, ask, _LEAD_VERBS | {"if", "need"}, _ASKS)
        if reason is not None:
            return reason
        reach = _REACH.match(out)
        if reach:
            rest = out[reach.end() :]
            verb = rest.split(" ", 1)[0].lower()
            asks = _ASKS.match(rest) or verb in _LEAD_VERBS
            return question(rest, grammar, formal) if rest and asks else ""
        out = _to_the_reader(hurried.with_subject(out))
    elif grammar == "es" and (asked := _ES_THEN_ASKS.search(out := hurried.es_tidied(out))):
        # 'ahora está en una fintech en Barcelona, preguntarle si buscan diseñadores': who the
        # reader is was for the person; what to ask them, asked.
        said = question(asked.group(1), grammar, formal)
        before = out[: asked.start()].strip()
        # What they share, said as theirs ('Fuimos compañeros de la especialización'): kept.
        if said and _ES_WE.match(before) and "," not in before:
            return f"{before[:1].upper()}{before[1:]}. {said}"
        return said
    if not out.strip(" .,;:-"):  # 'text her': only how to reach them
        return ""
    framed = _framed(out, grammar, formal)
    if framed:
        return framed
    typed = out[-1] if out[-1] in ".?!" else ""
    if not typed:  # no end typed: a question by how its last sentence starts, else a statement
        last = re.split(r"(?<=[?!.])\s+", out)[-1]
        asks = last.startswith("¿") or _ASKS.match(last.lstrip("¡")) is not None
        typed = "?" if asks else "!" if out.startswith("¡") else "."
        out += typed
    if grammar == "es" and typed == "?" and "¿" not in out:
        out = "¿" + out
    lead = 1 if out[:1] in "¿¡" else 0
    return out[:lead] + out[lead : lead + 1].upper() + out[lead + 1 :]

"""What a rejection email already answers: the company, the role, who sent it and where a reply
goes, the day it came, and the language it is written in.

Every guess is a default the walk offers, never an answer it assumes: the person confirms it
with Enter or types over it. So a guess is made only where the email says it plainly, in the
sender's own words (not in the earlier mails a reply quotes), and left out otherwise. Pure: no
I/O, no prompts; today's date is handed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rebound import clock
from rebound.inbox import senders
from rebound.inbox.plain_text import Words, own_words
from rebound.inbox.reading import Address, Received

CHANNEL = "email"

# A title: words that start with a capital or a digit, with the small words titles have
# inside them ('Head of Data', 'Jefa de Producto', 'VP, Engineering').
_CAP = r"[A-Z0-9ÁÉÍÓÚÑ](?:[\w+#&/'’-]|\.(?=\w))*"  # a dot inside a word, never at its end
_SMALL = r"(?:of|and|for|de|del|la|el|y|en|&|/|-|–|,)"
ROLE = rf"(?P<role>{_CAP}(?:\s+(?:{_SMALL}\s+)*{_CAP})*(?:\s*\([^()\n]{{1,40}}\))?)"
COMPANY = rf"(?P<company>{_CAP}(?:\s+(?:{_SMALL}\s+)?{_CAP}){{0,4}})"
_LEAD = r"(?:the\s+|our\s+|a\s+|an\s+|this\s+)?"
_ES_LEAD = r"(?:el\s+|la\s+|nuestra\s+|nuestro\s+|una\s+|un\s+)?"
_JOB = r"(?:position|role|job|opening|vacancy|post|opportunity)"
_ES_JOB = r"(?:puesto|posici[oó]n|vacante|plaza|oferta|rol|proceso(?:\s+de\s+selecci[oó]n)?)"

# Where a role is named, most telling first: the body's sentences, then the subject's shapes.
_ROLE_PATTERNS = tuple(
    re.compile(p)
    for p in (
        rf"(?i:application|candidacy|candidature|interest|applying|applied|apply|interview\w*)"
        rf"\s+(?i:for|to|in)\s+(?i:{_LEAD}){_JOB}\s+(?i:of|as)\s+{ROLE}",
        rf"(?i:application|candidacy|candidature|interest|applying|applied|apply|interview\w*|"
        rf"considering you|consideration)\s+(?i:for|to|in|with us for)\s+(?i:{_LEAD}){ROLE}\s+"
        rf"(?i:{_JOB})\b",
        rf"(?i:application|candidacy|candidature|applying|applied|apply|interview\w*)\s+"
        rf"(?i:for|to)\s+(?i:{_LEAD}){ROLE}(?=\s+(?i:at|with|here at|on)\s+)",
        rf"(?i:for|to|about)\s+(?i:the|our)\s+{ROLE}\s+(?i:{_JOB})\b",
        rf"(?i:candidatura|inter[eé]s|postulaci[oó]n|solicitud|entrevista\w*)\s+(?i:a|al|para|"
        rf"en|por)\s+(?i:{_ES_LEAD}){_ES_JOB}\s+(?i:de|como|para)\s+{ROLE}",
        rf"(?i:candidatura|postulaci[oó]n|solicitud)\s+(?i:a|al|para)\s+(?i:{_ES_LEAD}){ROLE}"
        rf"(?=\s+(?i:en|con|de nuestra|de nuestro)\s+|\s*[.,;:]|\s*$)",
        rf"(?i:puesto|posici[oó]n|vacante|plaza)\s+(?i:de|como)\s+{ROLE}",
        rf"(?i:position|role|puesto|posici[oó]n|vacante)\s*:\s*{ROLE}",
        rf"\b(?i:the|our|this)\s+{ROLE}\s+(?i:position|role|opening|job|vacancy)\b",
    )
)
_SUBJECT_ROLE = tuple(
    re.compile(p)
    for p in (
        rf"(?i:application|candidacy|candidatura|solicitud)\s*(?i:for|to|a|para|:|-|–)\s*"
        rf"(?i:{_LEAD}|{_ES_LEAD}){ROLE}",
        rf"^{ROLE}\s+(?i:at|en|@)\s+{COMPANY}\s*$",
        rf"^{ROLE}\s+(?i:interview|entrevista)\b",
        rf"^(?i:interview|entrevista)\w*\s*(?i:for|para|:|-|–)\s*(?i:{_LEAD}){ROLE}",
        rf"^{ROLE}\s+(?i:application|candidacy|role|position|candidatura)\s*$",
    )
)
_SUBJECT_SPLIT = re.compile(r"\s+[-–—|:·]\s+|\s*[|·]\s*")
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|rv|sv|wg|res|enc)\s*(?:\[\d+\])?\s*:\s*)+", re.I)

# Where a company is named: in the signature, the subject, a sentence, or a team's name.
_COMPANY_PATTERNS = tuple(
    re.compile(p)
    for p in (
        rf"(?i:interest in|applying to|applied to|apply to|application to|interview\w* with|"
        rf"interview\w* at|time with|team at|everyone at|here at|career at|careers at|"
        rf"opportunities at|position at|role at|job at|opening at|candidacy at|us at|join|"
        rf"joining|working at|work at|considering|heard back from|news from|feedback from|"
        rf"decision from|update from)\s+{COMPANY}",
        rf"(?i:inter[eé]s en|inter[eé]s por|trabajar en|trabajar con|formar parte de|"
        rf"equipo de|proceso de selecci[oó]n de|candidatura en|candidatura a|unirte a|"
        rf"puesto de .{{1,60}}? en)\s+{COMPANY}",
    )
)
_SIGNATURE_COMPANY = (
    re.compile(rf"^.{{2,60}}?\s*(?:,|\||·|•|–|—| - | at | en | @ )\s*{COMPANY}\s*$"),
    re.compile(
        rf"^(?i:the\s+)?{COMPANY}\s+(?i:talent|recruiting|recruitment|hiring|careers|people)"
    ),
    re.compile(
        rf"^(?i:el\s+)?(?i:equipo\s+de\s+)(?:(?i:selecci[oó]n|talento|personas)\s+de\s+)?{COMPANY}"
    ),
)
# Capitalised words a pattern may catch that are never a company.
_NOT_COMPANY = frozenset(
    {
        "unfortunately", "we", "our", "us", "the", "this", "that", "you", "your", "i", "hi",
        "hello", "dear", "thanks", "thank", "best", "regards", "hola", "lamentablemente",
        "gracias", "nuestro", "nuestra", "nosotros", "el", "la", "un", "una", "estimado",
        "estimada", "saludos", "team", "equipo", "company", "empresa",
    }
)  # fmt: skip

_REJECTION = re.compile(
    r"(?i:unfortunately|regret to|not (?:to )?(?:be )?mov(?:e|ing) forward|not be progressing|"
    r"not progress|other candidates|another candidate|decided to (?:go|move|pursue|proceed)|"
    r"not (?:been )?selected|will not be (?:moving|proceeding|offering)|not (?:be )?able to offer|"
    r"position has been filled|no longer (?:being )?consider|lamentablemente|lamentamos|"
    r"sentimos comunicarte|no (?:ha|has) sido seleccionad|otr[oa]s? candidat|no seguir adelante|"
    r"no continuar|no avanzar|hemos decidido|decidido no|perfil m[aá]s ajustado|"
    r"decided not to|not a fit|won.t be moving|we.re not able|we are not able)"
)
_SPANISH_WORDS = (
    "de la que el en y los las del se por para con una su al lo como más pero sus le ya "
    "gracias candidatura puesto proceso hemos tu te has sido nuestro nuestra equipo saludos "
    "lamentablemente decidido selección seguir muchas interés"
)
_ENGLISH_WORDS = (
    "the and to of a in that is for you your we with have be this our on are as not at it "
    "thank thanks application position role team regards unfortunately decided would"
)
_SPANISH = frozenset(_SPANISH_WORDS.split())
_ENGLISH = frozenset(_ENGLISH_WORDS.split())


@dataclass(frozen=True)
class Guess:
    """What an email says, as defaults for the opening questions. '' or None: it does not say.

    `no_reply` is True when it came from an address nobody reads (a reply there is lost); `lang`
    is the language it is written in ('en', 'es'; None when unsure).
    """

    company: str
    role: str
    name: str
    address: str
    day: date | None
    no_reply: bool
    lang: str | None
    message_id: str
    subject: str

    def answers(self) -> dict[str, str]:
        """The defaults, by the id of the question they answer (every pack has these ids)."""
        found = {
            "company": self.company,
            "role": self.role,
            "messenger_name": self.name,
            "messenger_channel": CHANNEL,
            "messenger_email": self.address,
            "call_date": self.day.isoformat() if self.day is not None else "",
        }
        return {k: v for k, v in found.items() if v}


# A rejection says what it says in its first lines; past this, the text is not read (a long
# newsletter or a log pasted by mistake would only make the guesses slow).
READ_CHARS = 20_000


def guess(message: Received, today: date) -> Guess:
    """The defaults one email offers (see `Guess`); its date only when it is not after `today`."""
    words = own_words(message.text[:READ_CHARS])
    subject = _REPLY_PREFIX.sub("", message.subject).strip()
    company = _company(message, words, subject)
    person, no_reply = _who(message, words, company)
    role = _role(words, subject, company)
    day = clock.local_day(message.sent) if message.sent is not None else None
    if day is not None and day > today:
        day = None  # a clock that was wrong, or a time zone ahead: no day is better than that
    return Guess(
        company=company,
        role=role,
        name=person.name,
        address=person.address,
        day=day,
        no_reply=no_reply,
        lang=language(f"{subject}\n{words.own}"),
        message_id=message.message_id,
        subject=message.subject,
    )


def _who(message: Received, words: Words, company: str) -> tuple[Address, bool]:
    """The person to reply to, (name, address), and whether the message came from an address
    nobody reads. Reply-To wins over From when it is a person's or the company's own. A name
    that is the company's ('Umbrella Health') is nobody's."""
    sender = message.sender or Address("", "")
    no_reply = bool(sender.address) and senders.no_reply(sender.address)
    reply_to = message.reply_to
    if reply_to is not None and not senders.no_reply(reply_to.address):
        chosen = reply_to
        no_reply = False
    elif no_reply:
        chosen = Address(sender.name, "")
    else:
        chosen = sender
    shown = senders.flipped(chosen.name)
    name = shown if senders.person_name(shown) and not _same(shown, company) else ""
    if not name:
        name = _signed(words, company) or senders.name_from_address(chosen.address)
    return Address(name, chosen.address), no_reply


def _signed(words: Words, company: str) -> str:
    """The person's name a signature starts with ('Dana Smith' under 'Best,')."""
    for line in words.signature[:3]:
        candidate = re.split(r"\s*[,|·•–—]\s*|\s+-\s+", line)[0].strip()
        if (
            senders.person_name(candidate)
            and len(candidate.split()) >= 2
            and not _same(candidate, company)
        ):
            return candidate
    return ""


def _tidy_role(role: str) -> str:
    """A role as it should be offered: without a requisition number, a trailing article or
    connector, or an article of its own ('the Data Analyst' -> 'Data Analyst')."""
    role = re.sub(r"\s*\((?:[^()]*\d[^()]*|req[^()]*)\)\s*$", "", role, flags=re.I)
    role = re.sub(r"\s*[-–#]\s*(?:R|REQ|JR|ID)?[-_ ]?\d{3,}\s*$", "", role, flags=re.I)
    words = role.split()
    while words and re.fullmatch(_SMALL, words[-1], flags=re.I):
        words.pop()
    while words and words[0].casefold() in ("the", "a", "an", "el", "la", "un", "una"):
        words.pop(0)
    return " ".join(words).strip(" .,;:-–")


def _role(words: Words, subject: str, company: str) -> str:
    """The role: named in a sentence of the email, else in its subject."""
    text = " ".join(words.own.split())
    for pattern in _ROLE_PATTERNS:
        found = pattern.search(text)
        if found is not None:
            role = _tidy_role(_before_company(found["role"], company))
            if role and not _same(role, company):
                return role
    for pattern in _SUBJECT_ROLE:
        found = pattern.search(subject)
        if found is not None:
            role = _tidy_role(_before_company(found["role"], company))
            if role and not _same(role, company) and not _generic(role):
                return role
    parts = [p.strip() for p in _SUBJECT_SPLIT.split(subject) if p.strip()]
    if company and len(parts) == 2 and any(_same(p, company) for p in parts):
        other = next(p for p in parts if not _same(p, company))
        role = _tidy_role(other)
        if role and not _generic(role):
            return role
    return ""


def _generic(text: str) -> bool:
    """Whether a subject's words are about the process, not a role ('Your application')."""
    return bool(
        re.search(
            r"(?i)\b(?:application|update|your|next steps|interview|thank|candidatura|"
            r"actualizaci[oó]n|gracias|proceso|status|decision|news|follow)\b",
            text,
        )
    )


def _before_company(role: str, company: str) -> str:
    """'Product Designer at Vandelay' -> 'Product Designer' (a role caught with its company)."""
    cut = re.split(r"\s+(?:at|with|en|con|@)\s+", role, maxsplit=1)[0]
    if company and _same(cut, company):
        return ""
    return cut


def _same(a: str, b: str) -> bool:
    return bool(a) and bool(b) and senders.squashed(a) == senders.squashed(b)


def _tidy_company(company: str) -> str:
    words = company.strip(" .,;:'’").split()
    while words and re.fullmatch(_SMALL, words[-1], flags=re.I):
        words.pop()
    name = " ".join(words)
    name = re.sub(r"['’]s$", "", name)
    if not name or name.casefold() in _NOT_COMPANY or senders.team_name(name):
        return ""
    if name.casefold() in senders.TRACKING_NAMES:
        return ""
    return name


def _company(message: Received, words: Words, subject: str) -> str:
    """The company: the name the email uses that the sender's domain agrees with, else the
    first the signature, the subject or a sentence names, else the sender's team name or
    domain."""
    found: list[str] = []
    for line in words.signature:
        for pattern in _SIGNATURE_COMPANY:
            match = pattern.match(line)
            if match is not None:
                found.append(_tidy_company(match["company"]))
    text = " ".join(words.own.split())
    for source in (subject, text):
        for pattern in (*_COMPANY_PATTERNS, *_SUBJECT_ROLE[1:2]):
            found.extend(
                _tidy_company(m["company"])
                for m in pattern.finditer(source)
                if "company" in m.re.groupindex
            )
    found = [f for f in found if f]
    people = [a for a in (message.reply_to, message.sender) if a is not None and a.address]
    labels = [senders.squashed(senders.domain_label(a.address)) for a in people]
    labels = [
        label for label, a in zip(labels, people, strict=True)
        if label and not senders.tracking(a.address) and not senders.free_mail(a.address)
    ]  # fmt: skip
    for label in labels:
        for name in found:
            if senders.squashed(name).startswith(label) or label.startswith(senders.squashed(name)):
                return name
        for name in _capitalised_runs(f"{subject}\n{words.all}"):
            if senders.squashed(name) == label or (
                senders.squashed(name).startswith(label) and len(name.split()) <= 4
            ):
                return name
    if found:
        return found[0]
    for person in people + ([message.sender] if message.sender and not people else []):
        from_name = senders.company_from_name(person.name) if person else ""
        if from_name:
            return from_name
    for person in people:
        from_domain = senders.company_from_domain(person.address)
        if from_domain:
            return from_domain
    return ""


_RUN = re.compile(COMPANY.replace("?P<company>", "").replace(r"\s+", "[ \t]+"))


def _capitalised_runs(text: str) -> list[str]:
    """Runs of capitalised words in a text, each within its line ('Wayne Enterprises',
    'Cervezas del Sur')."""
    return [_tidy_company(m.group()) for m in _RUN.finditer(text)]


def language(text: str) -> str | None:
    """'es' or 'en' by the small words a text uses most; None when it says too little."""
    words = re.findall(r"[a-záéíóúñü]+", text.casefold())
    spanish = sum(w in _SPANISH for w in words)
    english = sum(w in _ENGLISH for w in words)
    if max(spanish, english) < 5:
        return None
    if spanish > english * 1.5:
        return "es"
    if english > spanish * 1.5:
        return "en"
    return None


def likely_rejection(message: Received) -> bool:
    """Whether a message reads like a rejection (for choosing one in a mailbox)."""
    words = own_words(message.text[:READ_CHARS])
    return _REJECTION.search(" ".join(f"{message.subject} {words.own}".split())) is not None


def offered_order(messages: list[Received]) -> list[Received]:
    """A mailbox's messages in the order to offer them: likely rejections first, newest first
    within each."""

    def key(m: Received) -> tuple[bool, float]:
        moment = clock.instant(m.sent) if m.sent is not None else float("-inf")
        return (not likely_rejection(m), -moment)

    return sorted(messages, key=key)

"""Who sent an email: a person, a company's team, or a no-reply or tracking-system address; and
what a name or an address says of the company.

Applicant-tracking systems (Greenhouse, Lever, Workday...) send from their own domains, often
from an address no one reads; a reply there is lost. Such a sender is recognised so that the
walk can ask who the person was instead of offering an address that bounces. Pure: no I/O.
"""

from __future__ import annotations

import re

# Domains of applicant-tracking and recruiting systems: their mail is sent for a company, not
# by it, so the domain says nothing of the company and nobody reads replies to it.
TRACKING_DOMAINS = frozenset(
    {
        "greenhouse.io", "greenhouse-mail.io", "lever.co", "hire.lever.co", "myworkday.com",
        "workday.com", "smartrecruiters.com", "smartrecruiters.net", "ashbyhq.com",
        "workablemail.com", "workable.com", "teamtailor.com", "teamtailor-mail.com", "icims.com",
        "jobvite.com", "bamboohr.com", "recruitee.com", "personio.de", "personio.com",
        "successfactors.com", "successfactors.eu", "taleo.net", "breezy.hr", "jazzhr.com",
        "applytojob.com", "pinpointhq.com", "homerun.co", "join.com", "comeet.co", "dover.com",
        "gem.com", "paradox.ai", "eightfold.ai", "phenompeople.com", "rippling.com",
        "recruiterbox.com", "jobylon.com", "softgarden.de", "hibob.com", "oraclecloud.com",
        "trakstar.com", "freshteam.com", "zohorecruit.com", "manatal.com", "welcomekit.co",
        "infojobs.net", "linkedin.com", "indeed.com", "glassdoor.com",
    }
)  # fmt: skip
TRACKING_NAMES = frozenset(
    {
        "greenhouse", "lever", "workday", "smartrecruiters", "ashby", "workable", "teamtailor",
        "icims", "jobvite", "bamboohr", "recruitee", "personio", "successfactors", "taleo",
        "breezy", "jazzhr", "pinpoint", "homerun", "comeet", "dover", "linkedin", "indeed",
    }
)  # fmt: skip
# Mail services anyone can have an address with: their domain is nobody's company.
FREE_MAIL = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.es", "live.com",
        "msn.com", "yahoo.com", "yahoo.es", "icloud.com", "me.com", "mac.com", "aol.com",
        "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "mail.com", "zoho.com",
        "fastmail.com", "yandex.com", "telefonica.net", "movistar.es",
    }
)  # fmt: skip
_NO_REPLY = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|no[-_.]?responder|noresponder|"
    r"no[-_.]?contestar|notifications?|notificaciones|mailer[-_.]?daemon|bounces?|automated|"
    r"alerts?|system)(?:[-_.+].*)?$",
    re.IGNORECASE,
)
# Words that make a name a team's, not a person's ('Acme Careers', 'Talento Globex').
TEAM_WORDS = frozenset(
    {
        "careers", "career", "recruiting", "recruitment", "recruiter", "recruiters", "talent",
        "hiring", "jobs", "job", "hr", "people", "team", "acquisition", "notifications",
        "notification", "candidates", "candidate", "applications", "application", "admin",
        "support", "info", "noreply", "no-reply", "via", "the", "selección", "seleccion",
        "empleo", "reclutamiento", "talento", "rrhh", "recursos", "humanos", "equipo",
        "personas", "candidaturas",
    }
)  # fmt: skip
# Words of a company's legal name: a name with one is a company's, not a person's.
LEGAL_WORDS = frozenset(
    {"inc", "ltd", "llc", "gmbh", "s.l.", "s.a.", "sl", "sa", "corp", "corporation", "company",
     "group", "plc", "ag", "bv", "co"}
)  # fmt: skip
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "van", "von", "der", "da", "di", "y"})
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "gob", "nom"})
_SUBDOMAINS = frozenset({"mail", "email", "e", "em", "careers", "jobs", "hr", "talent", "news"})


def domain(address: str) -> str:
    """The address's domain, lower-case ('' when it has none)."""
    return address.rpartition("@")[2].lower().strip(".")


def local_part(address: str) -> str:
    return address.rpartition("@")[0]


def tracking(address: str) -> bool:
    """Whether the address belongs to an applicant-tracking or recruiting system."""
    host = domain(address)
    return any(host == d or host.endswith("." + d) for d in TRACKING_DOMAINS)


def no_reply(address: str) -> bool:
    """Whether nobody reads replies to this address: a no-reply one, or a tracking system's."""
    return bool(_NO_REPLY.match(local_part(address))) or tracking(address)


def free_mail(address: str) -> bool:
    return domain(address) in FREE_MAIL


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s,|/·•–—-]+", name) if w]


def team_name(name: str) -> bool:
    """Whether a display name is a team's or a system's rather than a person's."""
    words = [w.casefold().strip(".()") for w in _words(name)]
    return any(w in TEAM_WORDS or w in TRACKING_NAMES for w in words)


def person_name(name: str) -> bool:
    """Whether `name` reads as a person's name: two to five words, each capitalised (or a
    particle, 'de', 'van'), letters only, no team's word ('Dana Smith', 'María José Fernández
    de la Vega', 'Tom O'Brien')."""
    words = name.split()
    if not 1 <= len(words) <= 6 or team_name(name):
        return False
    if any(w.casefold().strip(".,") in LEGAL_WORDS for w in words):
        return False
    named = [w for w in words if w.casefold() not in _PARTICLES]
    if not named or len(named) > 5:
        return False
    for word in named:
        bare = word.replace("'", "").replace("’", "").replace("-", "").replace(".", "")
        if not bare.isalpha() or not word[0].isupper():
            return False
    return True


def flipped(name: str) -> str:
    """'Chen, Wei' (a directory's 'Last, First') as 'Wei Chen'; any other name as it is."""
    found = re.fullmatch(r"\s*([^\s,]+(?:\s[^\s,]+)?),\s*([^\s,]+)\s*", name)
    if found is None:
        return name
    return f"{found[2]} {found[1]}"


def name_from_address(address: str) -> str:
    """A person's name from an address like 'dana.smith@' or 'dana_smith@' ('Dana Smith');
    '' when the address is not shaped so."""
    local = local_part(address)
    if _NO_REPLY.match(local):
        return ""
    parts = re.split(r"[._-]", local)
    if len(parts) != 2 or not all(p.isalpha() and len(p) >= 2 for p in parts):
        return ""
    if any(p.casefold() in TEAM_WORDS for p in parts):
        return ""
    return " ".join(p.capitalize() for p in parts)


def company_from_name(name: str) -> str:
    """The company a team's display name names ('Acme Careers', 'Talent at Acme', 'Acme via
    Greenhouse', 'Equipo de Selección de Aceitunas Roldán'); '' when it names none."""
    text = name.strip()
    for pattern in (
        r"^(?P<c>.+?)\s+via\s+\S+$",
        r"^(?:the\s+)?(?P<c>.+?)\s+(?:talent acquisition|talent|recruiting|recruitment|careers|"
        r"hiring|jobs|people|hr|team|recruiting team|talent team|careers team)(?:\s+team)?$",
        r"^(?:talent|careers|recruiting|hiring|people|jobs)\s+(?:at|@)\s+(?P<c>.+)$",
        r"^(?:equipo\s+de\s+)?(?:selecci[oó]n|talento|reclutamiento|empleo|personas|rrhh|"
        r"recursos humanos)\s+(?:de|en)\s+(?P<c>.+)$",
        r"^equipo\s+(?:de\s+)?(?P<c>.+)$",
    ):
        found = re.match(pattern, text, re.IGNORECASE)
        if found is not None:
            company = found["c"].strip(" -|·,")
            if company and not team_name(company) and company.casefold() not in TRACKING_NAMES:
                return company
    return ""


def company_from_domain(address: str) -> str:
    """The company a sender's domain names ('dana@wayne-enterprises.example' -> 'Wayne
    Enterprises'); '' for a tracking system's or a free mail service's domain."""
    if tracking(address) or free_mail(address):
        return ""
    return label_name(domain_label(address))


def domain_label(address: str) -> str:
    """The name part of an address's domain: 'careers.acme.co.uk' -> 'acme'."""
    labels = [p for p in domain(address).split(".") if p]
    if len(labels) < 2:
        return ""
    labels = labels[:-1]  # the top-level domain
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    while len(labels) > 1 and labels[0] in _SUBDOMAINS:
        labels = labels[1:]
    return labels[-1] if labels else ""


def label_name(label: str) -> str:
    """A domain label as a name: 'wayne-enterprises' -> 'Wayne Enterprises', 'acme' -> 'Acme'."""
    words = [w for w in re.split(r"[-_]", label) if w]
    return " ".join(w.capitalize() for w in words)


def squashed(text: str) -> str:
    """A name as a domain would spell it: 'Wayne Enterprises' -> 'wayneenterprises'."""
    plain = text.casefold()
    for accented, bare in zip("áéíóúüñàèìòùç", "aeiouunaeiouc", strict=True):
        plain = plain.replace(accented, bare)
    return re.sub(r"[^a-z0-9]", "", plain)

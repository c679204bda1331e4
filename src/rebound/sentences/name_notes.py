"""What is typed beside a name to say who someone is, left out where the name is greeted or
written: a note in brackets ('Swati (placement consultant)'), where they work ('Tracy at Baker
Tilly'), who they are after a comma ('Lic. Julia, mi supervisora de prácticas', 'locum agency
guy, Craig?'), a nickname in quotes inside a full name ('Sharon 'Shaz' Tolley').
"""

from __future__ import annotations

import re

NICKNAME = re.compile("""(?:^|\\s)["“'‘(]([^\\s"“”'‘’()]+)["”'’)](?=\\s|$)""")

# Words typed where a name goes that only say someone's job ('recruiter at Rullion').
ONLY_A_JOB = frozenset(
    {"recruiter", "headhunter", "head-hunter", "consultant", "hr", "reclutador", "reclutadora"}
    | {"consultor", "consultora", "headhunters", "recruiters"}
)


def bare(word: str) -> str:
    return word.lower().rstrip(".")


def a_name(word: str) -> bool:
    """Whether a word in quotes or brackets is a name ('Shaz', 'Memo'), not a note ('ret.')."""
    return word.replace("-", "").replace("'", "").isalpha()


def without_nickname(text: str) -> str:
    """A name without the nickname typed into it in quotes or brackets, as a full name is
    written ('Sharon \'Shaz\' Tolley' -> 'Sharon Tolley'); other names as typed."""
    found = NICKNAME.search(text)
    if found is None or len(text.split()) < 2 or not a_name(found.group(1)):
        return text
    return " ".join((text[: found.start()] + " " + text[found.end() :]).split())


_BRACKETED = re.compile(r"\s*\(([^()]*)\)")
_AT_WORK = re.compile(r"\s+(?:at|from|@|-|–|—)\s+\S", re.IGNORECASE)


def without_notes(text: str) -> str:
    """A name without what was typed beside it in brackets to say who they are ('Swati
    (placement consultant)' -> 'Swati', 'Mr Dunlop (college lecturer)' -> 'Mr Dunlop', 'ana
    (recruiter)' -> 'ana'); a name in brackets is the one they go by, and stays ('Guillermo
    (Memo) Ruiz'), as does what belongs to the name ('Judge (ret.) Miriam Castellanos')."""
    if "(" not in text:
        return _without_workplace(text)

    def kept(found: re.Match[str]) -> str:
        inside = found.group(1).strip().split()
        if len(inside) != 1:
            return ""
        word = inside[0]
        # Small, it is a note where a name would be typed in capitals, or at the end, where a
        # nickname is seldom put ('ana (recruiter)'; but 'guillermo (memo) ruiz').
        at_end = not text[found.end() :].strip()
        a_note = a_name(word) and word.islower() and (at_end or not text.islower())
        return "" if a_note else found.group(0)

    out = " ".join(_BRACKETED.sub(kept, text).split())
    return _without_workplace(out or text)


def _without_who(text: str) -> str:
    """A name without who they are typed after a comma in small letters ('Lic. Julia, mi
    supervisora de prácticas' -> 'Lic. Julia', 'Big Mike Landry, my old lead'), or before it,
    the name after it ('locum agency guy, Craig?' -> 'Craig'). What starts with a capital after
    a comma stays: a name ('Smith, Jane'), a workplace, a credential ('Maria Santos, FNP-C')."""
    before, comma, after = text.partition(", ")
    after = after.strip()
    if not comma or not after or not before.strip() or bare(before.split()[0]) in ONLY_A_JOB:
        return text  # nothing before the comma, or a job ('recruiter, Hays')
    named = [w.strip("?!.") for w in after.split() if w[:1].isupper()]
    if before.islower() and named and len(named) <= 3 and after.rstrip("?!.").split() == named:
        return " ".join(named)
    if after[:1].islower() and any(w[:1].isupper() for w in before.split()):
        return before
    return text


def _without_workplace(text: str) -> str:
    """A name without where they work typed after it ('Tracy at Baker Tilly', 'Mel from
    Hays'), or who they are after a dash ('Ciarán - union rep'): a note, like one in brackets."""
    text = _without_who(text)
    at = _AT_WORK.search(text)
    before = text[: at.start()] if at is not None else ""
    if not before or bare(before.split()[0]) in ONLY_A_JOB:  # 'recruiter at Rullion'
        return text
    return before if "(" not in before and len(before.split()) <= 3 else text

"""Conditions on answers, and the lines of content said only when theirs hold. No I/O here.

The models of a condition (`Condition`, a `Said` line) live here with the test of one (`holds`),
below the rest of the pack's models, which all build on them (`_Strict`, the base of every
model of a pack: unknown keys are errors).
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, model_validator

from rebound.sentences import templates
from rebound.storage.records import Scalar

Lookup = Mapping[str, object]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Condition(_Strict):
    """When a prompt is asked, a line is said or a checklist item counts as done.

    Exactly one test is given: `equals` (the answer is this value), `one_of` (it is one of these),
    `not_one_of` (it is none of these, or not given), `contains` (a checkbox answer includes this
    value), `answered` (the answer is, or is not, non-empty) or `other_person_than` (it names
    someone else than the answer to that prompt does, or nobody: `{prompt: name,
    other_person_than: messenger_name}`, a contact who is not the one who told them the news)
    or `other_workplace_than` (an email address at another workplace than that one's, or none:
    `{prompt: email, other_workplace_than: messenger_email}`, a contact who does not work where
    the news came from; an address at a mail service says nothing of a workplace) or
    `other_words_than` (it does not say again what that answer says, or either is empty:
    `{prompt: request, other_words_than: looking_for}`, a request that does not itself name
    the roles and places they look for). With
    `filter`, the test looks at the answer passed through that template filter (`{prompt:
    messenger_name, filter: address_sure, equals: false}`). Where a list of conditions is
    allowed, all of them must hold.
    """

    prompt: str
    filter: str | None = None
    equals: Scalar | None = None
    one_of: list[Scalar] | None = None
    not_one_of: list[Scalar] | None = None
    contains: str | None = None
    answered: bool | None = None
    other_person_than: str | None = None
    other_workplace_than: str | None = None
    other_words_than: str | None = None

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        tests = (
            self.equals,
            self.one_of,
            self.not_one_of,
            self.contains,
            self.answered,
            self.other_person_than,
            self.other_workplace_than,
            self.other_words_than,
        )
        if sum(x is not None for x in tests) != 1:
            raise ValueError(
                "give exactly one of 'equals', 'one_of', 'not_one_of', 'contains', 'answered' "
                "'other_person_than', 'other_workplace_than' or 'other_words_than'"
            )
        if self.filter is not None and self.filter not in templates.FILTERS:
            raise ValueError(
                f"unknown filter '{self.filter}' (known: {', '.join(templates.FILTERS)})"
            )
        return self


Conditions = Condition | list[Condition]


class Said(_Strict):
    """A sentence said only when its condition holds: `{text: ..., when: {...}}`.

    Wherever content takes a list of `Line`s, a plain string is always said. A list that is one
    text (a step's `why` or `done`, a label, a draft's part) says the first line that holds; a
    list of several (guidance, tips) says every line that holds.
    """

    text: str
    when: Conditions


Line = str | Said


# Mail services anyone may have an address at: an address there names no workplace.
_MAIL_SERVICES = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "msn.com",
        "yahoo.com",
        "ymail.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "gmx.net",
        "gmx.de",
        "hey.com",
        "fastmail.com",
        "zoho.com",
        "mail.com",
        "yandex.com",
        "qq.com",
        "163.com",
        "web.de",
        "btinternet.com",
        "hotmail.es",
        "hotmail.co.uk",
        "yahoo.es",
        "yahoo.com.mx",
        "yahoo.com.ar",
        "yahoo.co.uk",
        "outlook.es",
        "live.com.mx",
        "terra.com.br",
        "uol.com.br",
    ]
)


def same_workplace(one: str, other: str) -> bool:
    """Whether two email addresses are at one workplace: the same domain, not a mail service's
    ('hosei@rdsb.ca' and 'anita.nguyen@rdsb.ca'; never two gmail.com addresses)."""
    a = one.strip().lower().rpartition("@")[2]
    b = other.strip().lower().rpartition("@")[2]
    return bool(a) and "@" in one and "@" in other and a == b and a not in _MAIL_SERVICES


def _same(value: object, wanted: object) -> bool:
    return value == wanted and type(value) is type(wanted)


def holds(
    cond: Conditions, lookup: Lookup, words: templates.Vocabulary = templates.ENGLISH
) -> bool:
    """Whether a condition (or every condition of a list) is true for these answers; a filter
    reads them with `words` (a pack's, for a filter that fits a person's words in its
    language)."""
    if isinstance(cond, list):
        return all(holds(c, lookup, words) for c in cond)
    value = lookup.get(cond.prompt)
    if cond.filter is not None:
        value = None if value is None else templates.filtered(cond.filter, value, words)
    if cond.answered is not None:
        return templates.is_empty(value) is not cond.answered
    if cond.other_person_than is not None:
        from rebound.sentences.grammar import same_person

        other = lookup.get(cond.other_person_than)
        return not (isinstance(value, str) and isinstance(other, str) and same_person(value, other))
    if cond.other_workplace_than is not None:
        other = lookup.get(cond.other_workplace_than)
        return not (
            isinstance(value, str) and isinstance(other, str) and same_workplace(value, other)
        )
    if cond.other_words_than is not None:
        from rebound.sentences.topics import repeats

        other = lookup.get(cond.other_words_than)
        return not (isinstance(value, str) and isinstance(other, str) and repeats(value, other))
    if cond.contains is not None:
        return isinstance(value, list) and cond.contains in value
    if cond.one_of is not None:
        return any(_same(value, wanted) for wanted in cond.one_of)
    if cond.not_one_of is not None:
        return not any(_same(value, wanted) for wanted in cond.not_one_of)
    return _same(value, cond.equals)


def said(
    lines: str | list[Line], lookup: Lookup, words: templates.Vocabulary = templates.ENGLISH
) -> list[str]:
    """The lines of a text that hold for these answers (a plain string always holds)."""
    listed = [lines] if isinstance(lines, str) else lines
    return [
        line if isinstance(line, str) else line.text
        for line in listed
        if not isinstance(line, Said) or holds(line.when, lookup, words)
    ]


def first_said(lines: str | list[Line] | None, lookup: Lookup) -> str | None:
    """The first line of a one-line text that holds for these answers (None: none holds)."""
    if lines is None:
        return None
    found = said(lines, lookup)
    return found[0] if found else None

"""A small, safe template language for drafts and checklist labels.

A subset of Mustache: `{{name}}`, `{{name|filter}}`, `{{name|or "fallback"}}`, sections
`{{#name}}...{{/name}}` (repeated for each entry of a list, shown once for any other non-empty
value) and inverted sections `{{^name}}...{{/name}}` (shown when empty). A line holding only a
section tag disappears with it. A template can read the answers it is given and nothing else:
no attribute access, no calls, no expressions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from rebound.sentences import (
    addressing,
    asking,
    background,
    fitting,
    grammar,
    looking,
    name_notes,
    note_check,
    organisations,
    tidy,
    titles,
    topics,
)

Context = Mapping[str, object]

FILTERS = (
    "first_name", "count", "lower", "or", "address", "address_sure", "titled", "generic",
    "greeting", "salutation", "phrase", "role", "title", "headline", "organisation", "team",
    "trait", "sentence", "name", "signature", "full_name", "addressed", "public_role",
    "organisation_title", "did", "brief_role", "first_step", "question", "formal_question",
    "aside", "meets", "circumstance", "on_hold", "sends", "social", "unnamed_client", "personal",
    "kin", "tells", "private",
)  # fmt: skip

_TAG = re.compile(
    r"\{\{\s*([#^/]?)\s*([a-z][a-z0-9_]*)\s*(?:\|\s*([a-z_]+)\s*(?:\"([^\"]*)\")?\s*)?\}\}"
)


# A section repeats its body for each entry of a list, so nesting multiplies: lists of 10 entries
# nested 8 deep are 10^8 bodies. These bound what any template can cost.
MAX_SECTION_DEPTH = 4
MAX_OUTPUT = 64 * 1024  # characters of a rendered draft; far more than any letter
CUT_NOTE = "\n\n[... cut here: this text grew past 64 KiB; its template repeats too much]\n"


class TemplateError(ValueError):
    """A template that cannot be parsed; `line` counts from 1 within the template."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class _Var:
    name: str
    filter: str | None
    arg: str | None


@dataclass
class _Section:
    name: str
    inverted: bool
    body: list[_Node] = field(default_factory=list)


_Node = str | _Var | _Section


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _malformed(text: str, start: int, stretch: str) -> TemplateError:
    found = [i for i in (stretch.find("{{"), stretch.find("}}")) if i >= 0]
    return TemplateError("a '{{ }}' tag is malformed", _line_of(text, start + min(found)))


def _standalone(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """For a section tag alone on its line: the span of that whole line, newline included."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    if line_end < 0:
        return None
    if text[line_start : match.start()].strip(" \t") or text[match.end() : line_end].strip(" \t"):
        return None
    return line_start, line_end + 1


def parse(text: str) -> list[_Node]:
    """Parse a template.

    Raises:
        TemplateError: an unknown filter, an unclosed or stray section, or a malformed tag;
            `line` is the line of the template where the problem is.
    """
    root: list[_Node] = []
    stack: list[tuple[_Section, int]] = []
    out = root
    pos = 0
    for match in _TAG.finditer(text):
        if match.start() < pos:
            continue
        kind, name, filt, arg = match.groups()
        start, end = match.start(), match.end()
        if kind:
            span = _standalone(text, match)
            if span is not None and span[0] >= pos:
                start, end = span
        literal = text[pos:start]
        if "{{" in literal or "}}" in literal:
            raise _malformed(text, pos, literal)
        if literal:
            out.append(literal)
        pos = end
        line = _line_of(text, match.start())
        if kind in ("#", "^"):
            if any(open_.name == name for open_, _ in stack):
                raise TemplateError(f"'{{{{#{name}}}}}' is inside a section of the same name", line)
            if len(stack) >= MAX_SECTION_DEPTH:
                raise TemplateError(
                    f"sections are nested more than {MAX_SECTION_DEPTH} deep at '{{{{#{name}}}}}'",
                    line,
                )
            section = _Section(name, inverted=kind == "^")
            out.append(section)
            stack.append((section, line))
            out = section.body
        elif kind == "/":
            if not stack or stack[-1][0].name != name:
                raise TemplateError(f"'{{{{/{name}}}}}' closes nothing", line)
            stack.pop()
            out = stack[-1][0].body if stack else root
        else:
            if filt is not None and filt not in FILTERS:
                raise TemplateError(f"unknown filter '{filt}' (known: {', '.join(FILTERS)})", line)
            if filt == "or" and arg is None:
                raise TemplateError("the 'or' filter needs a quoted fallback", line)
            out.append(_Var(name, filt, arg))
    tail = text[pos:]
    if "{{" in tail or "}}" in tail:
        raise _malformed(text, pos, tail)
    if tail:
        out.append(tail)
    if stack:
        section, line = stack[-1]
        raise TemplateError(f"'{{{{#{section.name}}}}}' is never closed", line)
    return root


def names(
    nodes: Iterable[_Node], inside: tuple[str, ...] = ()
) -> Iterable[tuple[str, tuple[str, ...]]]:
    """Each name a template reads, with the sections it is read inside (outermost first)."""
    for node in nodes:
        if isinstance(node, _Var):
            yield node.name, inside
        elif isinstance(node, _Section):
            yield node.name, inside
            yield from names(node.body, (*inside, node.name))


def is_empty(value: object) -> bool:
    return (
        value is None
        or value is False
        or value == ""
        or (isinstance(value, (list, tuple)) and not value)
    )


class Vocabulary(NamedTuple):
    """The words a template puts between answers, and the ones its filters fit a person's words
    with, in the content's language (a pack's `words:`, as `Content.template_words` gives it)."""

    and_: str = "and"
    yes: str = "yes"
    no: str = "no"
    grammar: str = "en"  # whose rules `role` follows
    greetings: tuple[tuple[str, str], ...] = (("name", "Hi {{name}},"), ("title", "Dear {{name}},"))
    articles: tuple[str, ...] = ("the", "a", "an")
    determiners: tuple[str, ...] = ("my", "your", "his", "her", "their", "our", "this", "that")
    subject_pronouns: tuple[str, ...] = ("i", "he", "she", "we", "they", "you", "it")
    linking_verbs: tuple[str, ...] = ("is", "are", "was", "were", "has", "have", "had")
    clause_words: tuple[str, ...] = ("that", "which", "who", "what", "when", "where", "how", "why")
    role_words: tuple[str, ...] = ("position", "role", "job", "opening", "vacancy", "post")
    job_nouns: tuple[str, ...] = ()
    feminine: tuple[str, ...] = ()  # the job and role nouns whose article is feminine ('una')
    mass_nouns: tuple[str, ...] = ("work",)  # what needs no article to be looked for
    describing: tuple[str, ...] = ()
    describing_endings: tuple[str, ...] = ()
    # The article before an organisation named by a common noun ('the' University of ...),
    # and the nouns that take it; the words one must be followed by, if any ('of', 'for').
    institutions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    institution_joins: tuple[str, ...] = ()
    # Two words written as one where they meet ('de el' -> 'del'): (first, second, joined).
    contractions: tuple[tuple[str, str, str], ...] = ()
    # Where someone wants to work, said so a reader can act on it (rebound.sentences.places),
    # and two words that describe a noun as one ('entry level' -> 'entry-level').
    place_said: tuple[tuple[str, str], ...] = ()
    near_home: tuple[str, ...] = ()
    near_home_said: str = ""
    needs_place: tuple[str, ...] = ()
    compounds: tuple[str, ...] = ()
    acronyms: frozenset[str] = frozenset()
    place_names: tuple[str, ...] = ()
    # An accomplishment said as what someone did (rebound.sentences.background).
    did_words: tuple[str, ...] = ()
    did_endings: tuple[str, ...] = ()
    step_words: tuple[str, ...] = ()
    step_endings: tuple[str, ...] = ()
    joining: tuple[str, ...] = ()
    place_before: str = ""
    place_areas: tuple[str, ...] = ()
    known_for_own: tuple[str, ...] = ()
    wish_leads: tuple[tuple[str, str], ...] = ()
    known_for_clause: tuple[tuple[str, str], ...] = ()
    known_for_as_typed: frozenset[str] = frozenset()
    verb_endings: tuple[str, ...] = ()
    # The words of titles the pack knows the spelling of (rebound.sentences.spelling).
    title_words: tuple[str, ...] = ()
    # A sentence about the reader said to them (rebound.sentences.addressing).
    third_person: tuple[str, ...] = ()
    reader_pronouns: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    reader_verbs: tuple[tuple[str, str], ...] = ()
    reader_past: tuple[str, ...] = ()
    reader_past_endings: tuple[str, ...] = ()
    reader_between: tuple[str, ...] = ()
    reader_between_endings: tuple[str, ...] = ()
    reader_openers: tuple[str, ...] = ()


ENGLISH = Vocabulary()


def as_text(value: object, words: Vocabulary = ENGLISH) -> str:
    """How an answer reads inside a sentence."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return words.yes if value else words.no
    if isinstance(value, (list, tuple)):
        parts = [str(v) for v in value if not isinstance(v, Mapping)]
        if len(parts) != len(value):
            return str(len(value))
        if len(parts) <= 1:
            return "".join(parts)
        return ", ".join(parts[:-1]) + f" {words.and_} " + parts[-1]
    return str(value)


def _lookup(name: str, scopes: Sequence[Context]) -> object:
    for scope in reversed(scopes):
        if name in scope:
            return scope[name]
    return None


def filtered(name: str, value: object, words: Vocabulary = ENGLISH) -> object:
    """A value passed through a filter, as conditions test it (`address_sure` gives a bool)."""
    text = as_text(value, words)
    if name in tidy.PROSE:  # 'while i build up', 'norte del pais'
        text = tidy.tidied(text, words.grammar)
    if name == "count":
        return len(value) if isinstance(value, (list, tuple)) else 0
    if name == "first_name":
        return grammar.first_name(text, words.grammar)
    if name == "lower":
        return text.lower()
    if name == "address":
        return grammar.address(text, words.grammar).text
    if name == "address_sure":
        return grammar.address(text, words.grammar).sure
    if name == "greeting":
        return grammar.greeting(text, dict(words.greetings)) if text.strip() else ""
    if name == "generic":  # 'Sir/Madam': nobody's name, a letter to a stranger's inbox
        return grammar.generic(text)
    if name == "titled":  # a name written with a title: formal words (usted in Spanish)
        return grammar.titled(text, words.grammar)
    if name == "salutation":  # a full name greeted as its address: 'Dear Dr. Boateng,'
        # In Spanish a note to someone you know speaks as tú, so it greets their first name
        # ('Hola, Andrés:'); someone written with a title is spoken to as usted all through,
        # greeted by it ('Estimado Dr. Cárdenas:').
        if grammar.team(text) or grammar.nobody(text):  # 'Dear Hiring Panel,', 'Hello,'
            return grammar.greeting(name_notes.without_notes(text), dict(words.greetings))
        if words.grammar == "es" and not grammar.titled(text, "es") and not grammar.generic(text):
            address = grammar.first_name(text, "es")
            forms = {"name": dict(words.greetings).get("name", "{{name}},")}
            return grammar.greeting(address, forms) if address.strip() else ""
        address = grammar.address(text, words.grammar).text
        return grammar.greeting(address, dict(words.greetings)) if address.strip() else ""
    if name == "phrase":
        return fitting.phrase(text)
    if name == "role":
        return fitting.role(text, words)
    if name == "brief_role":  # what someone looks for, up to its first note: a short note's
        # and a subject line's ('Looking for a new role: a quick question', never two colons)
        said = fitting.role(fitting.brief(text), words)
        if looking.unframed(text, words.grammar)[1]:  # a sentence of theirs: the role alone
            said = said.split(". ", 1)[0]
        return said.split(":", 1)[0]
    if name == "public_role":  # what someone looks for, as a post to strangers says it
        return fitting.role(text, words, public=True)
    if name == "title":
        return titles.title(text, words)
    if name == "headline":  # a role as a subject line's title: 'Data Analyst'
        title = titles.title(text, words)
        return titles.headline(title, words.grammar) if titles.names_a_job(title, words) else ""
    if name == "team":
        return grammar.team(text)
    if name == "organisation":
        return organisations.organisation(text, words)
    if name == "organisation_title":  # a company alone, as a subject line names it
        return organisations.organisation_title(text, words)
    if name == "trait":
        return fitting.trait(text, words)
    if name == "sentence":
        return fitting.sentence(text, words)
    if name == "addressed":  # a sentence about the reader, said to them
        return addressing.addressed(text, words)
    if name == "did":  # the first accomplishment, as what they did: 'rebuilt the wine list'
        return tidy.tidied(background.did(value, words), words.grammar)  # '2 wks early'
    if name == "question":  # what they want to ask a contact, as a sentence of its own
        return asking.question(text, words.grammar)
    if name == "aside":  # a request about something other than work
        return topics.aside(text, words.role_words)
    if name == "tells":  # a request said as a statement ('I'd like to send you my CV.')
        return asking.question(text, words.grammar).endswith((".", "!"))
    if name == "kin":  # a name typed with what says they are family ('Kevin (cousin)')
        return grammar.family(text)
    if name == "private":  # a note marked as the person's own: 'note to self: ...'
        return note_check.private(text)
    if name == "personal":  # a request, said as asked, about the reader's path, not the search;
        # or one the person marked as their own, which says how to go about it
        asked = bool(asking.question(text, words.grammar))
        return note_check.private(text) or (asked and topics.personal(text, words.role_words))
    if name == "social":  # a request only to meet as friends do
        return topics.social(text, words.role_words)
    if name == "sends":  # a request that already speaks of their CV
        return topics.sends(text)
    if name == "meets":  # a request that already asks to meet: a coffee, a meal, a call
        return topics.meets(text)
    if name == "formal_question":  # the same, to someone written to formally: usted
        return asking.question(text, words.grammar, formal=True)
    if name == "circumstance":  # reasons about the circumstances, not the person
        return background.circumstance(text)
    if name == "on_hold":  # a role frozen, cancelled or put on hold: no one got it
        return background.on_hold(text)
    if name == "unnamed_client":  # an agency with a client it does not name
        return organisations.unnamed_client(text)
    if name == "first_step":  # the first fix they committed to: 'register for the course'
        return tidy.tidied(background.first_step(value, words), words.grammar)  # 'so i have''
    if name == "name":
        return grammar.name(text)
    if name == "signature":  # how a formal letter is signed: 'Maria Santos, FNP-C'
        return grammar.signature(text)
    if name == "full_name":  # how a note is signed with a whole name: 'Maria Santos'
        return grammar.signature(text, credentials=False)
    return value


def _apply(var: _Var, value: object, words: Vocabulary) -> str:
    if var.filter == "or":
        text = as_text(value, words)
        return var.arg or "" if not text.strip() else text
    if var.filter is None:
        return as_text(value, words)
    return as_text(filtered(var.filter, value, words), words)


class _Full(Exception):
    """The rendered text reached MAX_OUTPUT: stop rendering."""


class _Out:
    """The rendered pieces, and their length so far (bounded by MAX_OUTPUT)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def append(self, piece: str) -> None:
        self.parts.append(piece)
        self.size += len(piece)
        if self.size > MAX_OUTPUT:
            raise _Full


# Marks around what an answer put into a rendered text (`render(..., marks=...)`): where a
# person's words begin and end, and whose they are, so that a letter can be read sentence by
# sentence with what each one was made from (rebound.letters.letter). Characters of Unicode's
# private use area: a person's text never brings its own (`unmarked` takes them out).
OPEN = "\ue000"
PART = "\ue003"
NAME_END = "\ue001"
CLOSE = "\ue002"
_MARKS = re.compile("[\ue000\ue003][^\ue001\ue002]*\ue001|[\ue000-\ue003]")


def unmarked(text: str) -> str:
    """`text` without any marks (a rendered text made plain, or a person's text made safe)."""
    return _MARKS.sub("", text)


def marked(name: str, value: str, opener: str = OPEN) -> str:
    """`value`, marked as what `name` put into a text."""
    return f"{opener}{name}{NAME_END}{value}{CLOSE}"


def _render(
    nodes: Sequence[_Node],
    scopes: list[Context],
    out: _Out,
    words: Vocabulary,
    marks: frozenset[str] = frozenset(),
) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, _Var):
            text = _apply(node, _lookup(node.name, scopes), words)
            if node.name in marks:
                text = marked(node.name, unmarked(text)) if text else text
            out.append(text)
        else:
            value = _lookup(node.name, scopes)
            if node.inverted:
                if is_empty(value):
                    _render(node.body, scopes, out, words, marks)
            elif isinstance(value, (list, tuple)) and value and isinstance(value[0], Mapping):
                for entry in value:
                    _render(node.body, [*scopes, entry], out, words, marks)
            elif not is_empty(value):
                _render(node.body, scopes, out, words, marks)


# A template parsed once per process: the pack's few hundred are rendered thousands of times.
# Rendering only reads what `parse` made; a template that does not parse is never kept.
_parsed = functools.lru_cache(maxsize=1024)(parse)


def render(
    template: str | list[_Node],
    context: Context,
    words: Vocabulary = ENGLISH,
    marks: Iterable[str] = (),
) -> str:
    """Fill a template (text, or already parsed) from a context of answers.

    With `marks` (names of answers), what each of those answers puts into the text is marked
    (`marked`), for a reader of the text to tell the person's words from the template's.
    Text that grows past MAX_OUTPUT characters is cut there, with a note that says so.
    """
    nodes = _parsed(template) if isinstance(template, str) else template
    out = _Out()
    try:
        _render(nodes, [context], out, words, frozenset(marks))
    except _Full:
        return "".join(out.parts)[:MAX_OUTPUT] + CUT_NOTE
    return one_stop(contract("".join(out.parts), words))


# A value that ends with an abbreviation's dot ('Stonebridge Builders Ltd.', 'Acme Inc.') where
# the sentence ends too: one dot, never 'Ltd..' (the marks around a person's words between).
_TWO_STOPS = re.compile("(?<=[^\\W\\d_])\\.([\ue001\ue002]*)\\.(?![.\ue001\ue002])")


def one_stop(text: str) -> str:
    """A sentence's full stop after a value that ends with a dot of its own, said once: the
    sentence's (a reader of the letter then sees where the sentence ends, `letters.letter`)."""
    return _TWO_STOPS.sub(r"\1.", text)


_MARK_OPENS = "(?:[\ue000\ue003][^\ue001\ue002]*\ue001)*"


def contract(text: str, words: Vocabulary) -> str:
    """Two words the language writes as one where they meet, in the pack's `contractions`
    ('de el Hospital' -> 'del Hospital'), a person's words marked or not: the second word, in
    lower case, is the article an organisation's name was given; as typed ('de El Salvador')
    it is part of a name, and stays."""
    for first, second, joined in words.contractions:
        pattern = rf"(?<!\w){re.escape(first)} ({_MARK_OPENS}){re.escape(second)} "
        text = re.sub(pattern, rf"{joined} \1", text)
    return text

"""The letter checker: reads a finished draft the way a careful reader does, and names what it
finds.

It reads each sentence of a draft (`letter.Sentence`), knowing where a person's words were
joined into it, with the pack's words for its language (`words: letters:`, rebound.pack.
letter_words): a word twice in a row, an article before an article, a whole sentence or a
capital right after a joining word ('Thank you also for He called'), a clause joined as a
thing ('Thank you also for your notes were generous'), a describing word where a
thing is needed ('known for patient'), the reader spoken of in the third person in a sentence
that speaks to them ('thank you for his patience', written to him), the same three words twice
in one message, an article that disagrees with a job word's gender ('un directora'), a title in
the plural for one job, an email with no address on its To: line, and a claim that no answer
supports ('Thank you again' with no thanks given on the call). Each finding names a sentence of
the pack (`letters_*`), worded where it is shown.

The composer (rebound.letters.compose) asks it about every line it could use, and uses the first
that reads well; the walk shows its findings with the sentence they are about; `rebound draft
NAME --check` prints them. A sentence the person wrote themselves is theirs: only slips anyone
would want to hear about (a word twice) are named in it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from rebound.letters.letter import DraftText, Sentence
from rebound.pack.conditions import holds
from rebound.pack.letter_words import LetterWords
from rebound.sentences import fitting, grammar, spelling

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
# A sentence's end inside a person's words, with another sentence after it.
_INNER_END = re.compile(r"[.!?]\s+[A-ZÁÉÍÓÚÑ¿¡]")
# Words that start a phrase, and so are never written with a capital inside a sentence.
_SMALL_EN = frozenset({"and", "or", "but", "so", "because", "if", "when", "what", "how", "all"})


@dataclass(frozen=True)
class Finding:
    """One thing a careful reader would stop at: `kind` is the key of the pack's sentence that
    says it (`letters_word_twice`), `values` what fills it in, `sentence` the sentence it is in,
    and `part` the draft's part that sentence belongs to ('' when none: a header line, the
    template's own words)."""

    kind: str
    sentence: str
    part: str = ""
    values: dict[str, str] = field(default_factory=dict)
    earlier: str = ""  # a phrase said twice: the part of its first sentence

    @property
    def join(self) -> bool:
        """Whether it is where a person's words were joined into the draft's sentence (the
        composer then tries another way to say it)."""
        return self.kind in _JOINS


_JOINS = frozenset(
    {
        "letters_sentence_joined",
        "letters_capital_joined",
        "letters_describing_joined",
        "letters_third_person",
        "letters_plural_title",
        "letters_gender",
        "letters_article_twice",
        "letters_word_twice",
        "letters_phrase_twice",
        "letters_said_twice",
        "letters_thanks_twice",
        "letters_claim",
        "letters_gap",
    }
)


# A letter is read many times over while it is made (each way of saying each part, then the
# whole), so what a text's words are, and how each reads folded, is worked out once per text.
@lru_cache(maxsize=4096)
def _words_of(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text))


@lru_cache(maxsize=4096)
def _folded(text: str) -> tuple[str, ...]:
    """The folded words of `text`, as `_words_of` finds them."""
    return tuple(_fold(w) for _, _, w in _words_of(text))


@lru_cache(maxsize=16384)
def _fold(word: str) -> str:
    return word.lower().strip("'’")


@lru_cache(maxsize=8192)
def _spelling(word: str, known: frozenset[str]) -> str | None:
    return spelling.known_spelling(word, known)


def _in_span(at: int, spans: tuple[tuple[int, int, str], ...]) -> str | None:
    for start, end, answer in spans:
        if start <= at < end:
            return answer
    return None


_GAP = re.compile(r"\w\s+[.,;:!?](?:\s|$)|^[.,;:]|\s[.,;:]$")


def _slips(s: Sentence, words: LetterWords) -> list[Finding]:
    """A word twice in a row, two articles in a row, an article of the wrong gender, a gap
    where words are missing ('I'm looking for .')."""
    out: list[Finding] = []
    if _GAP.search(s.text):
        out.append(Finding("letters_gap", s.text, s.part, {"value": s.text}))
    found = _words_of(s.text)
    folded = _folded(s.text)
    # A slip in a title's word: in the words of an answer that holds a title, or anywhere in
    # a line not made from answers (a subject line, the person's own edit).
    known = words.known_words
    for start, _, word in found:
        answer = _in_span(start, s.spans)
        if (answer in words.title_answers) if s.spans else True:
            fix = _spelling(word, known)
            if fix is not None:
                values = {"value": word, "name": fix}
                out.append(Finding("letters_spelling", s.text, s.part, values))
    articles = words.articles
    for ((_, end, one), (start, _, two)), (a, b) in zip(
        pairwise(found), pairwise(folded), strict=True
    ):
        # Only a space between them: 'the the'; 'Head of Guidance, Guidance Team Leader' lists.
        if a == b and not a.isdigit() and not s.text[end:start].strip():
            out.append(Finding("letters_word_twice", s.text, s.part, {"value": f"{one} {two}"}))
        elif (
            a in articles
            and (b in articles or b in words.determiners)
            and not s.text[end:start].strip()  # 'del 58% al 74%' says two things
        ):
            out.append(Finding("letters_article_twice", s.text, s.part, {"value": f"{one} {two}"}))
        elif articles.get(a):
            gender = words.gender_of(b)
            if gender is not None and gender != articles[a]:
                out.append(Finding("letters_gender", s.text, s.part, {"value": f"{one} {two}"}))
    return out


_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{0,3}\.)+")


def _typed_as_a_sentence(answer: object) -> bool:
    """Whether an answer was typed as a sentence of its own: a capital, four words or more, and
    a stop at the end ('Fue muy amable y me animó.', 'She was kind.')."""
    if not isinstance(answer, str):
        return False
    text = answer.strip()
    if _ABBREVIATION.fullmatch(text.split()[-1] if text.split() else ""):
        return False  # a name that ends with its abbreviation ('Smith, Jones & Co.', 'Acme S.A.')
    return (
        len(text.split()) >= 4
        and text[:1].isupper()
        and text[1:2].islower()
        and text[-1:] in ".!?…"
    )


def _joins(
    s: Sentence, words: LetterWords, personal: bool, lookup: Mapping[str, object]
) -> list[Finding]:
    """Where a person's words were joined after a joining word, or into a sentence to the
    reader: read them as that sentence needs them. In a letter to someone (`personal`), a
    sentence of the person's own words speaks to its reader too."""
    out: list[Finding] = []
    speaks_to_reader = any(s.text.lower().startswith(p) for p in words.to_the_reader) or any(
        f" {p} " in f" {s.text.lower()} " for p in words.to_the_reader
    )
    if personal and len(s.spans) == 1 and s.spans[0][:2] == (0, len(s.text)):
        speaks_to_reader = True
    describing = set(words.describing)
    small = set(words.articles) | set(words.determiners) | set(words.joining) | _SMALL_EN
    for start, end, answer in s.spans:
        value = s.text[start:end]
        before = _words_of(s.text[:start])
        after = _words_of(s.text[end:])
        joined = bool(before) and _fold(before[-1][2]) in words.joining
        inside = _words_of(value)
        if not inside:
            continue
        # Words typed as more than one sentence ('the feedback, and the student panel. That
        # meant a lot.'): the sentence they are joined into ends with the first of them, and
        # the rest stand as the person's own sentences after it. What must read as a thing is
        # that first one.
        inner = ": " not in value and _INNER_END.search(value)
        lead = value[: inner.start() + 1] if inner else value
        led = _words_of(lead)
        first = inside[0][2]
        plain = _fold(first)
        # Framed as a title ('the X role', 'el puesto de X'): capitals are a title's.
        last = _fold(inside[-1][2])
        names_one = (after and _fold(after[0][2]) in words.role_words) or (
            len(before) >= 2
            and _fold(before[-2][2]) in words.role_words
            and len(before[-1][2]) <= 3
        )
        raw = lookup.get(answer)
        # Typed as a sentence and joined as a phrase (not as a title, which has capitals).
        whole = (
            not names_one
            and first[:1].isupper()
            and _typed_as_a_sentence(raw)
            and isinstance(raw, str)
            and value == fitting.phrase(raw)
        )
        said = [w for _, _, w in led]
        clause = fitting.is_clause(
            said, words.linking_verbs, words.clause_words, words.subject_pronouns
        )
        if joined and (plain in words.subject_pronouns or whole or clause):
            out.append(Finding("letters_sentence_joined", s.text, s.part, {"value": value}))
        elif joined and first[:1].isupper() and (plain in small or plain in words.third_person):
            out.append(Finding("letters_capital_joined", s.text, s.part, {"value": value}))
        elif joined:
            named = [_fold(w) for _, _, w in inside if _fold(w) not in ("and", "y")]
            endings = tuple(words.describing_endings)
            if 0 < len(named) <= 3 and all(
                w in describing or (endings and w.endswith(endings) and not w.endswith("ing"))
                for w in named
            ):
                out.append(Finding("letters_describing_joined", s.text, s.part, {"value": value}))
        if speaks_to_reader and any(_fold(w) in words.third_person for _, _, w in inside):
            out.append(Finding("letters_third_person", s.text, s.part, {"value": value}))
        # One title in the plural ('the Data Analysts role', 'el puesto de analistas').
        if names_one and words.singular_of(last) is not None:
            out.append(Finding("letters_plural_title", s.text, s.part, {"value": value}))
    return out


def _repeats(sentences: tuple[Sentence, ...], words: LetterWords) -> list[Finding]:
    """The same three words twice in one message (not where both are the person's own, nor
    three words too plain for a reader to hear twice: 'me about the')."""
    plain = words.plain_words
    seen: dict[tuple[str, ...], tuple[bool, str]] = {}
    out: list[Finding] = []
    for s in sentences:
        found = _words_of(s.text)
        folded = _folded(s.text)
        # The person's own words typed again in another answer ('senior UX writer' as the
        # role and in what they look for) are theirs, whatever plain word is beside them.
        mine = [w in plain for w in folded]
        if s.spans:
            mine = [
                m or _in_span(a, s.spans) is not None
                for m, (a, _, _) in zip(mine, found, strict=True)
            ]
        for i in range(len(found) - 2):
            key = folded[i : i + 3]
            if key[0] in plain and key[1] in plain and key[2] in plain:
                continue
            theirs = mine[i] and mine[i + 1] and mine[i + 2]
            # Two plain words and one other, typed by the person on one side ('anyone looking
            # for a chef' after the letter's 'I'm looking for a new role'): their words, said
            # as they would say them, not a phrase the letter repeats.
            plainish = sum(k in plain for k in key) >= 2
            if key in seen and plainish and (theirs or seen[key][0]):
                continue
            if key in seen and not (theirs and seen[key][0]):
                value = " ".join(w for _, _, w in found[i : i + 3])
                earlier = seen[key][1]
                out.append(
                    Finding("letters_phrase_twice", s.text, s.part, {"value": value}, earlier)
                )
                break
            seen.setdefault(key, (theirs, s.part))
    return out


def _said_twice(sentences: tuple[Sentence, ...], words: LetterWords) -> list[Finding]:
    """A sentence of one answer's words that says again what another answer said earlier in
    the letter ('Busco un puesto de asociado senior en litigio mercantil o arbitraje en la CDMX.
    Me interesan posiciones de asociado senior en litigio o arbitraje en CDMX.'): most of its
    words of substance were said already."""
    plain = words.plain_words
    seen: list[tuple[frozenset[str], str, str]] = []
    out: list[Finding] = []
    for s in sentences:
        for start, end, answer in s.spans:
            said = (
                frozenset(f for _, _, w in _words_of(s.text[start:end]) if len(f := _fold(w)) > 3)
                - plain
            )
            whole = end - start >= 0.8 * len(s.text.rstrip(".?!"))
            for before, part, other in seen:
                if (
                    other != answer
                    and whole
                    and len(said) >= 3
                    and len(said & before) >= 0.6 * len(said)
                ):
                    value = s.text[start:end]
                    out.append(
                        Finding("letters_said_twice", s.text, s.part, {"value": value}, part)
                    )
                    break
            seen.append((said, s.part, answer))
    return out


@lru_cache(maxsize=512)
def _phrase(words: str) -> re.Pattern[str]:
    """Words found whole in a text in lower case ('calling', not 'recalling')."""
    return re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")


def _thanks_twice(sentences: tuple[Sentence, ...], words: LetterWords) -> list[Finding]:
    """The same thanks said twice: in the letter's own words and again in the person's, each
    in a sentence that thanks the reader ('Thank you for calling ...', then 'Thank you also for
    calling personally'), with words of one group of the pack's `same_thanks`."""
    to_the_reader = [f" {t}" for t in words.to_the_reader]
    thanking = []
    for s in sentences:
        padded = f" {s.text.lower()} "
        if any(p in padded for p in to_the_reader):
            thanking.append(s)
    out: list[Finding] = []
    for group in words.same_thanks:
        ours: Sentence | None = None
        theirs: tuple[Sentence, str] | None = None
        for s in thanking:
            text = s.text.lower()
            for term in group:
                if term not in text:  # (the quick way to find it is not there)
                    continue
                for match in _phrase(term).finditer(text):
                    if s.written or _in_span(match.start(), s.spans) is not None:
                        theirs = theirs or (s, s.text[match.start() : match.end()])
                    else:
                        ours = ours or s
        if ours is not None and theirs is not None and theirs[0] is not ours:
            said, value = theirs
            out.append(
                Finding("letters_thanks_twice", said.text, said.part, {"value": value}, ours.part)
            )
    return out


def _claims(
    sentences: tuple[Sentence, ...], words: LetterWords, lookup: Mapping[str, object]
) -> list[Finding]:
    """What the draft's own words say happened, where no answer says so."""
    out: list[Finding] = []
    for s in sentences:
        if s.written:
            continue
        text = s.text.lower()
        for claim in words.claims:
            if claim.says not in text:  # (the quick way to find it is not there)
                continue
            for match in _phrase(claim.says).finditer(text):
                if _in_span(match.start(), s.spans) is None and not holds(claim.when, lookup):
                    out.append(Finding("letters_claim", s.text, s.part, {"value": claim.says}))
                    break
    return out


# What each sentence was found to hold, per pack's words (by identity: a frozen model is hashed
# field by field): the composer reads the same sentence in many ways of saying a letter.
_MEMO: dict[int, tuple[LetterWords, dict[tuple[object, ...], tuple[Finding, ...]]]] = {}


def _memo(words: LetterWords) -> dict[tuple[object, ...], tuple[Finding, ...]]:
    kept = _MEMO.get(id(words))
    if kept is None or kept[0] is not words:
        if len(_MEMO) >= 8:
            _MEMO.clear()
        kept = _MEMO[id(words)] = (words, {})
    elif len(kept[1]) >= 20_000:
        kept[1].clear()
    return kept[1]


def check_sentences(
    sentences: tuple[Sentence, ...],
    words: LetterWords,
    lookup: Mapping[str, object],
    personal: bool = False,
) -> list[Finding]:
    """What a careful reader finds in these sentences (one part, or a whole letter);
    `personal`: they are of a letter to someone (an email, a message), not a post."""
    out: list[Finding] = []
    memo = _memo(words)
    for s in sentences:
        key: tuple[object, ...] = (s.text, s.part, s.spans)
        found = memo.get(key)
        if found is None:
            found = memo[key] = tuple(_slips(s, words))
        out.extend(found)
        if not s.written:
            # What a sentence's joins read of the answers: the text of each it holds.
            typed = tuple(v if isinstance(v := lookup.get(a), str) else None for *_, a in s.spans)
            key = (s.text, s.part, s.spans, personal, typed)
            found = memo.get(key)
            if found is None:
                found = memo[key] = tuple(_joins(s, words, personal, lookup))
            out.extend(found)
    out.extend(_repeats(sentences, words))
    out.extend(_said_twice(sentences, words))
    out.extend(_thanks_twice(sentences, words))
    out.extend(_claims(sentences, words, lookup))
    return out


def check(draft: DraftText, words: LetterWords, lookup: Mapping[str, object]) -> list[Finding]:
    """What a careful reader finds in a finished draft, its header lines included."""
    out: list[Finding] = []
    if draft.outward and draft.channel == "email" and draft.to and "@" not in draft.to:
        out.append(Finding("letters_no_address", f"To: {draft.to}", "", {"value": draft.to}))
    if draft.subject:
        # What someone looks for, said in a subject ('Looking for PE-backed CFO roles'), is free
        # text, never mended: only a title's words and the pack's own are read for a slip.
        free = {
            _fold(w)
            for name, value in lookup.items()
            if isinstance(value, str) and name not in words.title_answers
            for _, _, w in _words_of(value)
        }
        out.extend(
            f
            for f in _slips(Sentence(draft.subject, part="subject"), words)
            if f.kind != "letters_spelling" or _fold(f.values["value"]) not in free
        )
    sentences = draft.sentences or tuple(
        Sentence(line) for line in draft.body.splitlines() if line.strip()
    )
    personal = draft.outward and draft.channel not in ("", "post")
    out.extend(check_sentences(sentences, words, lookup, personal))
    if personal:
        out.extend(reader_named(sentences, draft.to.split("<", 1)[0]))
    return out


def reader_named(sentences: tuple[Sentence, ...], reader: str) -> list[Finding]:
    """The reader named in the person's words of a letter to them ('my first step: ask Angela if
    I can sit in ...', written to Angela): spoken of in the third person. `reader` is the name
    the letter is to ('Angela Brennan', 'Dr. Harpreet Singh'; '' when none)."""
    # The name they are greeted by ('Angela', 'Dr. Singh'): a team's words ('Crestline Bank
    # Recruitment Team') are its company's too.
    greeted = "" if grammar.team(reader) else grammar.address(reader).text
    said = _WORD.findall(greeted)
    names = {w for w in said if len(w) > 2 and w[:1].isupper() and _fold(w) not in grammar.TITLES}
    # What the family calls them, however it is typed ('my uncles garage', to Uncle Rick).
    kin = {w.lower() for w in names} & grammar.KIN
    out: list[Finding] = []
    for s in sentences:
        # A greeting ('Hi Angela,', 'Buenos días, Ing. Ramírez:') names them to them.
        if s.written or not names or (s.text[-1:] in ",:!" and len(s.text.split()) <= 6):
            continue
        for start, end, _ in s.spans:
            typed = {re.sub(r"['’]s$", "", w) for w in _WORD.findall(s.text[start:end])}
            if names & typed or kin & {w.lower().rstrip("s") for w in typed}:
                out.append(Finding("letters_third_person", s.text, s.part, {"value": reader}))
                break
    return out

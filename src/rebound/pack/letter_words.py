"""The words a careful reader of a letter needs, in the pack's language (`words: letters:`).

The letter checker (rebound.letters.checker) and the filters that fit a person's words into a
sentence (`title`, `role`, `trait`) read a letter with these: the words after which a person's
words are joined ('for', 'por'), articles and their gender, pronouns, the nouns of jobs, and the
claims the pack's own sentences make ('again', 'your call') with the answers that must support
them. They live in the pack, not in code, so that a third language brings its own.
"""

from __future__ import annotations

from functools import cached_property

from pydantic import Field, field_validator

from rebound.pack.conditions import Conditions, _Strict


class Claim(_Strict):
    """Something a draft's own words say happened, and the answers that must say so too.

    `says` is a phrase in lower case, found on word boundaries in the template's words (never in
    a person's): where it is said and `when` does not hold, the letter claims what no answer
    supports ('Thank you again' with no thanks given on the call).
    """

    says: str
    when: Conditions

    @field_validator("says")
    @classmethod
    def _lower(cls, value: str) -> str:
        if not value.strip() or value != " ".join(value.lower().split()):
            raise ValueError(f"'{value}': write a claim in lower case, single-spaced")
        return value


def _lower_words(value: list[str]) -> list[str]:
    for word in value:
        if not word.strip() or word != " ".join(word.lower().split()):
            raise ValueError(f"'{word}': write these words in lower case, single-spaced")
    return value


class LetterWords(_Strict):
    """How a letter in this language is read for the joins that break (see the module)."""

    # After these, a person's words must read as a thing ('Thank you also for ...').
    joining: list[str] = Field(
        default_factory=lambda: ["for", "about", "with", "as", "of", "on", "in", "to", "at"]
    )
    # Articles, with the gender each says where the language has one ('m', 'f'; '' for none).
    articles: dict[str, str] = Field(default_factory=lambda: {"the": "", "a": "", "an": ""})
    # Words that take an article's place: two in a row read as a slip ('the my').
    determiners: list[str] = Field(
        default_factory=lambda: ["my", "your", "his", "her", "their", "our", "this", "that"]
    )
    # Pronouns that start a whole sentence of its own ('He called me back').
    subject_pronouns: list[str] = Field(
        default_factory=lambda: ["i", "he", "she", "we", "they", "you", "it"]
    )
    # Verbs that make words a clause of their own when a thing comes before them ('your notes
    # were generous'): joined after 'for', such words do not read as a thing. Not after one of
    # `clause_words` ('the way you explained what was missing' is a thing).
    linking_verbs: list[str] = Field(
        default_factory=lambda: ["is", "are", "was", "were", "has", "have", "had"]
    )
    clause_words: list[str] = Field(
        default_factory=lambda: ["that", "which", "who", "what", "when", "where", "how", "why"]
    )
    # How a letter would speak of its reader in the third person ('his patience', to him).
    third_person: list[str] = Field(
        default_factory=lambda: ["he", "she", "him", "her", "his", "hers", "himself", "herself"]
    )
    # Sentences that speak to the reader begin with these ('Thank you also for ...').
    to_the_reader: list[str] = Field(default_factory=lambda: ["thank you", "thanks"])
    # Words that say what a title is, trimmed off a role typed with them ('the Data Analyst
    # position' is 'Data Analyst'); in Spanish with the 'de' that joins them ('el puesto de').
    role_words: list[str] = Field(
        default_factory=lambda: ["position", "role", "job", "opening", "vacancy", "post"]
    )
    # The nouns of jobs, by gender ('m', 'f', '' for either), in the singular: a title that
    # ends in one's plural names several jobs; an article that disagrees with one's gender is
    # a slip ('un directora').
    job_nouns: dict[str, list[str]] = Field(default_factory=dict)
    # Where someone wants to work, said so the reader can act on it (rebound.sentences.
    # places): a fragment typed after a comma said another way ('remote ok': 'open to
    # remote'); the shapes of a place only the person knows ('within * of home', '*' for any
    # words), said as `near_home_said` in a note and left out of a public post; the words
    # that need a place named to be acted on ('hybrid'). Two words that describe a noun as one
    # are joined before it ('entry level' -> 'entry-level data analyst jobs').
    place_said: dict[str, str] = Field(default_factory=dict)
    near_home: list[str] = Field(default_factory=list)
    near_home_said: str = ""
    needs_place: list[str] = Field(default_factory=list)
    compounds: list[str] = Field(default_factory=list)
    # Words always written in capitals in a title or what someone looks for, however typed
    # ('ux/ui designer' -> 'UX/UI designer'): letters said one by one, never a word of their own.
    acronyms: list[str] = Field(default_factory=list)
    # Places someone may type in lower case, written with their capitals wherever they look
    # for work ('london' -> 'London', 'buenos aires' -> 'Buenos Aires'); a place is any
    # fragment after a comma that names no job and starts with a capital ('Dublin area',
    # 'Bengaluru or Mumbai'), which is said after `place_before` ('in the Dublin area'), with
    # the first article where it ends in one of `place_areas`.
    place_names: list[str] = Field(default_factory=list)
    place_before: str = ""
    place_areas: list[str] = Field(default_factory=list)
    # An accomplishment typed as what someone did starts with a verb in the past: one of
    # `did_words`, or a word with a `did_endings` ending ('rebuilt', 'trained'; 'reorganicé').
    # Said as a line of background (the filter `did`); one typed as a thing is not.
    did_words: list[str] = Field(default_factory=list)
    did_endings: list[str] = Field(default_factory=list)
    # A fix typed as what to do starts with a verb ('Register for the course', 'Hacer el
    # curso'): one of `step_words`, or a word with a `step_endings` ending, which loses the
    # capital of a sentence's start after a colon (the filter `first_step`); a name keeps it.
    step_words: list[str] = Field(default_factory=list)
    step_endings: list[str] = Field(default_factory=list)
    # What someone is known for, after a preposition that needs a thing ('Me conocen por ...'):
    # a bare thing is theirs, said with `known_for_own` (one, many: 'mi', 'mis'); a clause that
    # starts with a key of `known_for_clause` is what they achieve ('que' -> 'lograr que ...');
    # a first word of `known_for_as_typed`, or one with a `verb_endings` ending, stays as typed.
    # Empty in a language whose sentence needs none of it (English: 'known for ...').
    known_for_own: list[str] = Field(default_factory=list)
    # A note after what someone looks for, typed as a wish without its subject ('..., want to
    # stay at LGH if i can'): its first words, and how a sentence of the person's says them
    # ('I want to'); said after the rest as a sentence of their own (rebound.sentences.fitting).
    wish_leads: dict[str, str] = Field(default_factory=dict)
    known_for_clause: dict[str, str] = Field(default_factory=dict)
    known_for_as_typed: list[str] = Field(default_factory=list)
    verb_endings: list[str] = Field(default_factory=list)
    # The words of job titles as they are spelt (with `job_nouns` and `role_words`): a word
    # of a title one slip of the hand from exactly one of them is mended, and named where a
    # letter holds it (rebound.sentences.spelling).
    title_words: list[str] = Field(default_factory=list)
    # The answers that hold a title: the checker reads their words for a slip in a title.
    title_answers: list[str] = Field(default_factory=lambda: ["role"])
    # The answers a public post says where someone wants to work from: a place in them that
    # strangers can't place ('within 30 min of home') is left out, and the person told.
    place_answers: list[str] = Field(default_factory=lambda: ["looking_for"])
    # Words that need no article to be looked for, at the end of what someone seeks ('consulting
    # work', 'contracts'): what they typed is then a whole object already.
    mass_nouns: list[str] = Field(default_factory=lambda: ["work"])
    # Words that describe a person rather than name a thing: after 'known for' they need
    # 'being' ('known for being patient'). Endings catch the ones not listed.
    describing: list[str] = Field(default_factory=list)
    describing_endings: list[str] = Field(default_factory=list)
    # What the drafts' own words claim, and the answers that must support each claim.
    claims: list[Claim] = Field(default_factory=list)
    # The article a company's name takes in running prose when it begins with one of these
    # common nouns ('at the University of Westbrook', 'en el Hospital San Rafael'): the article,
    # then its nouns; with `institution_joins`, only when the noun is followed by one of them
    # ('University of ...', not 'University College London'). Never before a name of its own.
    institutions: dict[str, list[str]] = Field(default_factory=dict)
    institution_joins: list[str] = Field(default_factory=list)
    # Two words the language writes as one where they meet: 'de el' -> 'del'.
    contractions: dict[str, str] = Field(default_factory=dict)
    # A sentence the person typed about the reader ('She was kind and gave me tips.'), said
    # to them ('You were kind and gave me tips'; rebound.sentences.addressing): the pronouns
    # it may start with, each with the words of that person it changes ('herself':
    # 'yourself'; to '' where the language drops the pronoun); the verbs that change with the
    # person ('was': 'were'); the verbs that may follow the pronoun as they are (a past:
    # 'gave', or its ending: 'ed'); a word that may stand between them ('me', or an ending:
    # 'ly'); and the verbs that open such a sentence without its pronoun ('Fue muy amable').
    reader_pronouns: dict[str, dict[str, str]] = Field(default_factory=dict)
    reader_verbs: dict[str, str] = Field(default_factory=dict)
    reader_past: list[str] = Field(default_factory=list)
    reader_past_endings: list[str] = Field(default_factory=list)
    reader_between: list[str] = Field(default_factory=list)
    reader_between_endings: list[str] = Field(default_factory=list)
    reader_openers: list[str] = Field(default_factory=list)
    # Ways of thanking for one same thing (being told by a call, in person): a letter whose
    # own words thank with one of a group, and whose person's words thank with another, says
    # the same thanks twice ('Thank you for calling ... Thank you also for calling personally').
    same_thanks: list[list[str]] = Field(default_factory=list)
    # Words too plain to be heard twice on their own, besides the articles, determiners,
    # joining words and subject pronouns: three of them in a row said twice are no repetition
    # ('me about the').
    function_words: list[str] = Field(default_factory=list)

    _joining = field_validator(
        "joining",
        "determiners",
        "subject_pronouns",
        "linking_verbs",
        "clause_words",
        "third_person",
        "to_the_reader",
        "role_words",
        "function_words",
        "title_words",
        "institution_joins",
        "reader_past",
        "reader_past_endings",
        "reader_between",
        "reader_between_endings",
        "reader_openers",
        "near_home",
        "needs_place",
        "compounds",
        "acronyms",
        "place_names",
        "place_areas",
        "did_words",
        "did_endings",
        "step_words",
        "step_endings",
        "known_for_own",
        "known_for_as_typed",
        "verb_endings",
    )(_lower_words)

    @field_validator("institutions")
    @classmethod
    def _institutions(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for nouns in value.values():
            _lower_words(nouns)
        return value

    @field_validator("contractions")
    @classmethod
    def _contractions(cls, value: dict[str, str]) -> dict[str, str]:
        for pair in value:
            if len(pair.split()) != 2 or pair != pair.lower():
                raise ValueError(f"'{pair}': give two words in lower case, as 'de el'")
        return value

    @field_validator("same_thanks")
    @classmethod
    def _groups(cls, value: list[list[str]]) -> list[list[str]]:
        for group in value:
            _lower_words(group)
        return value

    @field_validator("job_nouns")
    @classmethod
    def _genders(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = set(value) - {"m", "f", ""}
        if unknown:
            raise ValueError(f"'{sorted(unknown)[0]}': give the nouns under m, f or ''")
        for nouns in value.values():
            _lower_words(nouns)
        return value

    def gender_of(self, noun: str) -> str | None:
        """'m' or 'f' for a job noun of one gender ('directora' -> 'f'); None otherwise."""
        word = noun.lower()
        for gender in ("m", "f"):
            if word in self.job_nouns.get(gender, ()):
                return gender
        return None

    def is_job_noun(self, word: str) -> bool:
        word = word.lower()
        return any(word in nouns for nouns in self.job_nouns.values())

    def singular_of(self, word: str) -> str | None:
        """The singular job noun a plural is of ('analysts' -> 'analyst'); None if not one."""
        lower = word.lower()
        for ending in ("es", "s"):
            if lower.endswith(ending) and self.is_job_noun(lower[: -len(ending)]):
                return word[: -len(ending)]
        return None

    @cached_property
    def known_words(self) -> frozenset[str]:
        """Every word of a title the pack knows the spelling of (see `title_words`)."""
        nouns = [n for group in self.job_nouns.values() for n in group]
        return frozenset([*self.title_words, *nouns, *self.role_words])

    @cached_property
    def plain_words(self) -> frozenset[str]:
        """Every word too plain to make a phrase said twice (see `function_words`)."""
        lists = (self.articles, self.determiners, self.joining, self.subject_pronouns)
        return frozenset(w for words in (*lists, self.function_words) for w in words)

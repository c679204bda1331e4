"""The letter checker (rebound.letters.checker) and the composer that asks it (rebound.letters.
compose): each kind of slip a careful reader stops at is named where it is, and a draft made from
any answers says only what reads well and what the answers support."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from rebound.letters import checker, compose
from rebound.letters.letter import DraftText, Sentence
from rebound.pack import packs
from rebound.pack.models import Content
from rebound.storage.records import Session

NOW = datetime(2026, 11, 25, tzinfo=timezone.utc)


def pack(lang: str = "en") -> Content:
    return packs.load(packs.default_dir(lang))


def joined(text: str, value: str, answer: str = "thank_detail") -> Sentence:
    """A sentence of the pack's with a person's words (`value`) joined into it."""
    start = text.index(value)
    return Sentence(text, part="detail", spans=((start, start + len(value), answer),))


def kinds(
    sentences: list[Sentence], lookup: dict[str, Any] | None = None, lang: str = "en"
) -> list[str]:
    words = pack(lang).words.letters
    found = checker.check_sentences(tuple(sentences), words, lookup or {}, personal=True)
    return [f.kind for f in found]


@pytest.mark.parametrize(
    ("text", "value", "lookup", "kind"),
    [
        # A whole sentence where a phrase goes: a subject pronoun, or typed with a stop.
        (
            "Thank you also for She was really kind.",
            "She was really kind",
            {"thank_detail": "She was really kind."},
            "letters_sentence_joined",
        ),
        (
            "Gracias también por Fue muy amable y me animó a apuntarme.",
            "Fue muy amable y me animó a apuntarme",
            {"thank_detail": "Fue muy amable y me animó a apuntarme."},
            "letters_sentence_joined",
        ),
        # A clause of its own (a thing, then what it was), joined as a thing.
        (
            "Thank you also for your notes on my case study were generous.",
            "your notes on my case study were generous",
            {},
            "letters_sentence_joined",
        ),
        (
            "Gracias también por la llamada fue muy amable.",
            "la llamada fue muy amable",
            {},
            "letters_sentence_joined",
        ),
        # A capital where the sentence goes on.
        ("Thank you also for The honest notes.", "The honest notes", {}, "letters_capital_joined"),
        # Describing words where a thing is needed.
        ("I'm known for patient.", "patient", {}, "letters_describing_joined"),
        # The reader spoken of in the third person, in a sentence to them.
        (
            "I'm also grateful for taking the time to tell me himself.",
            "taking the time to tell me himself",
            {},
            "letters_third_person",
        ),
        # One title in the plural.
        (
            "Thank you for calling about the Data Analysts role.",
            "Data Analysts",
            {},
            "letters_plural_title",
        ),
        # A word twice, two articles, a gap.
        ("Thank you also for the the notes.", "the notes", {}, "letters_word_twice"),
        ("I'm looking for a an engineer role.", "an engineer", {}, "letters_article_twice"),
        ("I'm looking for .", "", {}, "letters_gap"),
    ],
)
def test_each_slip_is_named(text: str, value: str, lookup: dict[str, Any], kind: str) -> None:
    lang = "es" if text.startswith("Gracias") else "en"
    sentence = joined(text, value) if value else Sentence(text)
    assert kind in kinds([sentence], lookup, lang)


def test_the_same_words_read_well_joined_as_they_should() -> None:
    """The control: the phrases of the slips above, fitted, are read as well written."""
    assert kinds([joined("Thank you also for the honest notes.", "the honest notes")]) == []
    assert kinds([joined("I'm known for being patient.", "being patient")]) == []
    assert (
        kinds(
            [joined("Gracias también por ser tan directo conmigo.", "ser tan directo conmigo")],
            {"thank_detail": "Ser tan directo conmigo"},
            "es",
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "value", "lang"),
    [
        # A verb after a word that makes the words one thing: not a clause of their own.
        (
            "Thank you also for the way you explained what was missing.",
            "the way you explained what was missing",
            "en",
        ),
        ("Thank you also for the feedback that was honest.", "the feedback that was honest", "en"),
        (
            "Thank you also for the chance to have a real talk.",
            "the chance to have a real talk",
            "en",
        ),
        (
            "Gracias también por el tiempo que me has dedicado.",
            "el tiempo que me has dedicado",
            "es",
        ),
    ],
)
def test_a_thing_with_a_verb_inside_it_reads_well(text: str, value: str, lang: str) -> None:
    assert kinds([joined(text, value)], {}, lang) == []


def test_a_clause_is_said_as_a_sentence_of_its_own() -> None:
    """Where 'Thank you also for ...' cannot take the words, the draft says them as typed, as a
    sentence: nothing is left out that reads well on its own."""
    said = made(
        "en", "thank_you_email", **BASE, thank_detail="Your notes on my case study were generous"
    )
    assert "Your notes on my case study were generous." in said.body
    assert "also for your notes" not in said.body and said.notes == ()


def test_a_title_typed_with_a_stop_is_not_a_sentence() -> None:
    """'Técnico de marketing digital.' is a title: capitals and a stop, joined as a title."""
    text = "Gracias por el correo sobre el puesto de Técnico de marketing digital."
    sentence = joined(text, "Técnico de marketing digital", "role")
    lookup = {"role": "Técnico de marketing digital.", "messenger_channel": "email"}
    assert kinds([sentence], lookup, "es") == []


def test_a_phrase_said_twice_names_the_part_it_was_said_in_first() -> None:
    one = Sentence("Thank you for letting me know where things stand.", part="opening")
    two = joined(
        "Thank you also for letting me know instead of just ghosting me.",
        "letting me know instead of just ghosting me",
    )
    [found] = checker.check_sentences((one, two), pack().words.letters, {}, personal=True)
    assert found.kind == "letters_phrase_twice" and found.earlier == "opening"
    assert found.part == "detail"


def test_a_claim_no_answer_supports_is_named() -> None:
    said = Sentence("Thank you again for calling.", part="opening")
    words = pack().words.letters
    assert [
        f.values["value"]
        for f in checker.check_sentences(
            (said,), words, {"thanked_on_call": False, "messenger_channel": "phone"}
        )
    ] == ["thank you again"]
    assert (
        checker.check_sentences(
            (said,), words, {"thanked_on_call": True, "messenger_channel": "phone"}
        )
        == []
    )


def test_an_email_with_a_name_and_no_address_on_its_to_line_is_named() -> None:
    draft = DraftText(id="x", title="x", to="Dana", body="Hi Dana,", channel="email", outward=True)
    assert [f.kind for f in checker.check(draft, pack().words.letters, {})] == [
        "letters_no_address"
    ]


# --- the composer ---------------------------------------------------------------------------


def made(lang: str, draft_id: str, **answers: Any) -> DraftText:
    content = pack(lang)
    session = Session(id="x", created_at=NOW, updated_at=NOW, answers=answers)
    for step in content.steps:
        for draft in step.drafts:
            if draft.id == draft_id:
                [text] = compose.draft_texts(content, session, draft)
                return text
    raise AssertionError(draft_id)


BASE: dict[str, Any] = {
    "company": "Stackwise",
    "role": "junior dev",
    "stage": "interviews",
    "messenger_name": "Kenji Watanabe",
    "messenger_channel": "message",
    "call_date": "2026-11-24",
    "your_name": "Olivia Chen",
    "reasons_heard": "asked",
}


def test_a_phrase_said_twice_never_costs_the_letter_its_opening() -> None:
    """'letting me know' in the person's thanks and in the opening: the opening says it another
    way, or the thanks go; the letter never starts without its opening sentence."""
    draft = made(
        "en", "thank_you_email", **BASE, thank_detail="letting me know instead of just ghosting me"
    )
    first = draft.body.split("\n\n")[1]
    assert first.startswith(("Thank you for", "Thanks for"))
    assert not first.startswith(" ")
    assert checker.check(draft, pack().words.letters, BASE) == [] or draft.notes


@pytest.mark.parametrize(
    ("stage", "says", "never"),
    [
        ("applied", "appreciated being considered", "meet the team"),
        # After a first call, nothing was learnt of the work (the twenty-first panel, S3-D1).
        ("screen", "appreciated being considered", "learning more about the work"),
        ("interviews", "the chance to interview", "final round"),
        ("final", "final round", "appreciated being considered"),
    ],
)
def test_the_thanks_say_only_how_far_the_person_got(stage: str, says: str, never: str) -> None:
    # An email says it; a reply in a chat is shorter (test_letters_fifth_panel).
    draft = made("en", "thank_you_email", **{**BASE, "stage": stage, "messenger_channel": "email"})
    assert says in draft.body and never not in draft.body


def test_a_group_is_greeted_as_one_and_never_thanked_for_telling_me_yourself() -> None:
    # The coach asks how to address a group, offering the name as typed; Enter takes it.
    answers = {
        **BASE,
        "messenger_name": "the hiring panel",
        "messenger_address": "the hiring panel",
        "messenger_channel": "video",
    }
    draft = made("en", "thank_you_email", **answers)
    assert draft.body.startswith("Dear Hiring Panel,")
    assert "yourself" not in draft.body
    team = {"messenger_name": "equipo de talento", "messenger_address": "equipo de talento"}
    es = made("es", "thank_you_email", **{**answers, **team})
    assert es.body.startswith("Buenos días, equipo de talento:")
    assert "personalmente" not in es.body


def test_the_readers_words_about_the_reader_are_left_out_and_said_to_be() -> None:
    """Where they cannot be said to the reader without a guess ('her card': hers, or the card
    to her?); where they can, they are (tests/unit/test_letters_as_sent.py)."""
    answers = {**BASE, "messenger_channel": "phone", "thank_detail": "She gave me her card."}
    draft = made("en", "thank_you_email", **answers)
    assert "her card" not in draft.body and "detail" in draft.notes


def test_a_contact_with_a_title_is_greeted_by_it() -> None:
    answers = {
        **BASE,
        "looking_for": "family NP roles",
        "contacts": [
            {
                "_id": "e1",
                "name": "Dr. Samuel Boateng",
                "relation": "other",
                "channel": "email",
                "email": "s@x.example",
            }
        ],
    }
    draft = made("en", "outreach", **answers)
    assert draft.body.startswith("Dear Dr. Boateng,")


@pytest.mark.parametrize(
    ("lang", "name", "greets", "says", "never"),
    [
        # Written with a title: usted all through, greeted by the title.
        (
            "es",
            "Dr. Andrés Cárdenas",
            "Estimado Dr. Cárdenas:",
            ["Espero que se encuentre bien.", "le agradecería mucho que nos pusiera"],
            ["estés", "te agradecería", "conoces"],
        ),
        # Without one: tú, greeted by the first name.
        (
            "es",
            "Andrés Cárdenas",
            "Hola, Andrés:",
            ["Espero que estés bien.", "me encantaría que me lo contaras"],
            ["se encuentre", "le agradecería"],
        ),
        # In English, the formal words to a titled contact.
        ("en", "Dr. Samuel Boateng", "Dear Dr. Boateng,", ["I hope you are well."], ["you're"]),
    ],
)
def test_a_contact_written_with_a_title_is_spoken_to_formally_throughout(
    lang: str, name: str, greets: str, says: list[str], never: list[str]
) -> None:
    contact = {"_id": "e1", "name": name, "relation": "other", "channel": "linkedin"}
    draft = made(lang, "outreach", **BASE, looking_for="roles in labour law", contacts=[contact])
    assert draft.body.startswith(greets)
    for words in says:
        assert words in draft.body
    for words in never:
        assert words not in draft.body, draft.body


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        (
            "en",
            "Thank you for telling me about the role.",
            "I appreciated your being open with me about the reasons.",
        ),
        (
            "es",
            "Gracias por contarme lo de la oferta.",
            "Me alegró que me contara lo de la empresa.",
        ),
    ],
)
def test_three_plain_words_said_twice_are_no_repetition(lang: str, first: str, second: str) -> None:
    """'me about the' in two sentences is not a phrase a reader hears twice; 'letting me know'
    is."""
    assert kinds([Sentence(first, part="a"), Sentence(second, part="b")], lang=lang) == []
    twice = [
        Sentence("Thanks for letting me know.", part="a"),
        Sentence("And for letting me know."),
    ]
    assert kinds(twice) == ["letters_phrase_twice"]

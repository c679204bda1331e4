"""What a person means to do themselves, typed at a contact's question as a note to self ('stop
by, get back on the books, ask about the data center calls', 'see if his outfit needs a lead'),
is said to the reader as what they would like to do or wanted to know: sent as typed, it read as
an order to the reader or as a line pasted from a to-do list."""

from __future__ import annotations

import pytest

from rebound.sentences.asking import question
from tests.unit.test_letters_as_sent import contact, made


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "stop by, get back on the books, ask about the data center calls",
            "I'd like to stop by, get back on the books, and ask about the data center calls.",
        ),
        ("see if his outfit needs a lead", "I wanted to see if your outfit needs a lead."),
        (
            "find out if he knows anyone at the co-op",
            "I wanted to find out if you know anyone at the co-op.",
        ),
        ("grab coffee w him", "I'd like to grab coffee with you."),
        ("catch up, then talk jobs", "I'd like to catch up, then talk jobs."),
        (
            "follow up on the referral he mentioned",
            "I'd like to follow up on the referral you mentioned.",
        ),
        (
            "Need to vent, then need help with the resume.",
            "I need to vent, then need help with the resume.",
        ),
        # The reader as 'she' or 'her': 'her' before a noun is whose, else whom.
        (
            "ask how she made the jump to ANM and what she did about the budget gap",
            "I wanted to ask how you made the jump to ANM and what you did about the budget gap.",
        ),
        (
            "tell her im serious now, will relocate in state",
            "I wanted to let you know I'm serious now, will relocate in state.",
        ),
        ("send him the updated resume", "I'd like to send you the updated resume."),
        ("give her a call", "I'd like to give you a call."),
        # Who the reader is, typed before the ask: the reason when it says what they do.
        (
            "she ran cold chain at Pharmaline, pick her brain on what to learn",
            "Since you ran cold chain at Pharmaline, I'd like to pick your brain on what to learn.",
        ),
        (
            "she hires for Kessler's, ask if they have anything multi-unit",
            "Since you hire for Kessler's, I wanted to ask if they have anything multi-unit.",
        ),
        (
            "PhD cohort, now at the National Archives. Ask properly about heritage jobs",
            "Now that you're at the National Archives, I wanted to ask you about heritage jobs.",
        ),
        (
            "ex-COO at Brandt - would he be a board-level reference?",
            "Would you be a board-level reference?",
        ),
        (
            "reference letter & if hes heard of anything opening",
            "Could I ask you for a reference letter? I wanted to ask if you've heard of anything "
            "opening.",
        ),
        ("referral at Johnson & Johnson", "Could I ask you for a referral at Johnson & Johnson?"),
        # Who they are, left out, was what 'their' pointed to: their workplace ('P25').
        (
            "golf buddy, CFO at a food distributor. ask about their ops leadership plans",
            "I wanted to ask you about your company's ops leadership plans.",
        ),
        ("Old DM at Target, ask if they are hiring", ""),
        ("Old DM, ask her to be a reference", "Would you be willing to be a reference?"),
        ("ask if shed be a ref again", "I wanted to ask if you'd be a reference again."),
        # How to reach them is the person's: what follows is sent when it asks something.
        ("text him, ask if his team is hiring", "I wanted to ask if your team is hiring."),
        ("text her, her husbands the GM at the new hotel downtown", ""),
        ("email him re: openings", ""),
        # Two asks that open alike, said as one.
        (
            "ask if she knows alums hiring juniors + if shed be a ref again",
            "I wanted to ask if you know alums hiring juniors, and if you'd be a reference again.",
        ),
        # With 'me' in it, it asks the reader: asked as a question.
        ("get me an intro to his boss", "Could you get me an intro to your boss?"),
        ("review my CV", "Could you review my CV?"),
    ],
)
def test_a_note_to_self_is_said_as_what_they_would_like_to_do(typed: str, said: str) -> None:
    assert question(typed, "en") == said


@pytest.mark.parametrize(
    ("typed", "formal", "said"),
    [
        ("mandarle el CV", False, "Me gustaría mandarte el CV."),
        ("invitarlo a un café", False, "Me gustaría invitarte a un café."),
        ("invitarlo a un café", True, "Me gustaría invitarlo a un café."),
        ("averiguar si siguen contratando", False, "Quería averiguar si siguen contratando."),
        (
            "contestarle al mensaje de octubre y decirle que ahora sí me interesa",
            False,
            "Me gustaría contestarte al mensaje de octubre y decirte que ahora sí me interesa.",
        ),
        (
            "decile que estoy buscando puestos de jefa de UCI",
            False,
            "Quería decirte que estoy buscando puestos de jefa de UCI.",
        ),
        ("contale que estoy disponible", True, "Quería contarle que estoy disponible."),
        (
            "si me puede dar una carta + si sabe de vacantes",
            False,
            "Quería preguntarte si me puedes dar una carta y si sabes de vacantes.",
        ),
        # Asked as tú, the verb after 'si' is the reader's, and so is 'su'.
        (
            "preguntarle si sabe de cadenas que busquen revenue",
            False,
            "Quería preguntarte si sabes de cadenas que busquen revenue.",
        ),
        ("si me puede dar una carta", False, "Quería preguntarte si me puedes dar una carta."),
        ("si me puede dar una carta", True, "Quería preguntarle si me puede dar una carta."),
        (
            "si en su empresa hay vacantes",
            False,
            "Quería preguntarte si en tu empresa hay vacantes.",
        ),
        (
            "preguntarle si la constructora está contratando",
            False,
            "Quería preguntarte si la constructora está contratando.",
        ),
        # With 'me', the reader is asked: a question, as before.
        ("ayudarme a ensayar el pitch", False, "¿Podrías ayudarme a ensayar el pitch?"),
    ],
)
def test_a_spanish_note_to_self_speaks_to_the_reader(typed: str, formal: bool, said: str) -> None:
    assert question(typed, "es", formal) == said


def note(lang: str, relation: str, channel: str, request: str | None = None) -> str:
    """The note to one contact of this relation, reached this way, asked `request` (or
    nothing)."""
    to = contact(relation, channel, name="Deb Walsh")
    return made(lang, "outreach", contacts=[{**to, "request": request} if request else to]).body


def test_the_note_to_a_contact_says_it_whole() -> None:
    body = note("en", "other", "phone", "stop by, get back on the books")
    assert "I'd like to stop by and get back on the books." in body
    assert "Stop by" not in body


def test_a_request_that_is_only_how_to_reach_them_leaves_the_note_its_own_ask() -> None:
    body = note("en", "friend", "phone", "text her, her husbands the GM at the new hotel downtown")
    assert "husband" not in body
    assert "Are you free for a quick call this week?" in body


@pytest.mark.parametrize(
    ("lang", "typed", "coffee"),
    [
        ("en", "grab coffee w him and ask about openings", "buy you a coffee"),
        ("en", "would you be open to a call about the seagrass data?", "buy you a coffee"),
        ("es", "invitarlo a desayunar y preguntarle por vacantes", "te invito a un café"),
    ],
)
def test_a_request_that_asks_to_meet_gets_no_second_coffee(
    lang: str, typed: str, coffee: str
) -> None:
    """'Coffee offered twice' (the recruiter, S10)."""
    assert coffee not in note(lang, "friend", "coffee", typed)
    plain = "ask about openings" if lang == "en" else "preguntarle por vacantes"
    assert coffee in note(lang, "friend", "coffee", plain)


@pytest.mark.parametrize(
    ("lang", "typed", "offer"),
    [
        ("en", "send him the updated resume once it's done", "Happy to send you my CV."),
        ("es", "mandarle mi hoja de vida actualizada", "Con gusto te envío mi CV."),
    ],
)
def test_a_request_about_their_cv_gets_no_second_offer_of_it(
    lang: str, typed: str, offer: str
) -> None:
    """'"I'd like to send you the updated resume ... Happy to send you my CV." says it twice'
    (both paired readers)."""
    assert offer not in note(lang, "head_hunter", "email", typed)
    assert offer in note(lang, "head_hunter", "email")

"""What a sixth blind panel of readers found in drafts made from twelve unseen answer sets, each
as a general rule: what someone types in brackets beside a contact's name to say who they are is
never read as their name, and a Spanish nickname said with its article is greeted without it."""

from __future__ import annotations

import pytest

from tests.unit.test_letters_as_sent import contact, made


@pytest.mark.parametrize(
    ("lang", "typed", "greeted", "to"),
    [
        ("en", "Swati (placement consultant)", "Hi Swati,", "Swati"),
        ("en", "Mr Dunlop (college lecturer)", "Dear Mr Dunlop,", "Mr Dunlop"),
        ("en", "Ana Ruiz (recruiter)", "Hi Ana,", "Ana Ruiz"),
        ("en", "ana (recruiter)", "Hi Ana,", "Ana"),
        ("es", "Pilar Navarro (mi antigua jefa en la conservera)", "Hola, Pilar", "Pilar Navarro"),
        (
            "es",
            "Prof. Marta Ledesma (instructora del curso)",
            "Prof. Ledesma",
            "Prof. Marta Ledesma",
        ),
    ],
)
def test_a_note_beside_a_name_is_left_out_of_the_greeting_and_the_to_line(
    lang: str, typed: str, greeted: str, to: str
) -> None:
    """'Dear Mr Lecturer),', 'Hi Swati (placement consultant),', 'Prof. del curso):' and
    'To: Pilar Navarro (mi Antigua Jefa En la Conservera)': a note said to the person it is
    about, and in two of them a name that was not theirs."""
    note = made(lang, "outreach", contacts=[contact("other", "email", name=typed)])
    assert greeted in note.body.splitlines()[0]
    assert note.to == f"{to} <g@x.example>"
    assert typed.partition("(")[2].rstrip(")") not in note.text


@pytest.mark.parametrize("relation", ["friend", "former_colleague"])
def test_a_spanish_nickname_said_with_its_article_is_greeted_without_it(relation: str) -> None:
    """'Hola, El:' to a friend typed as 'El Pato Soto'."""
    note = made("es", "outreach", contacts=[contact(relation, "phone", name="El Pato Soto")])
    assert note.body.splitlines()[0].startswith("Hola, Pato")


def test_a_name_in_brackets_is_still_the_one_they_go_by() -> None:
    note = made(
        "es", "outreach", contacts=[contact("friend", "phone", name="Guillermo (Memo) Ruiz")]
    )
    assert note.body.splitlines()[0].startswith("Hola, Memo")


def test_a_number_that_starts_by_saying_the_title_again_says_only_the_rest() -> None:
    """'I handed over the Holbeck mill conversion 3 weeks early (3 weeks early on a 58 week
    programme)'."""
    win = {
        "title": "Handed over the Holbeck mill conversion 3 weeks early",
        "story": False,
        "number": "3 weeks early on a 58 week programme",
    }
    post = made("en", "availability_post", accomplishments=[win])
    assert "3 weeks early (on a 58 week programme)" in post.body


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        ("en", "Brightwell Pharmacy Inc.", "Brightwell Pharmacy"),
        ("en", "Kwinana Harbour Logistics Pty Ltd", "Kwinana Harbour Logistics"),
        ("es", "Grupo Textil Azalea S.A. de C.V.", "Grupo Textil Azalea"),
        ("es", "Laboratorios Analíticos del Turia, S.L.", "Laboratorios Analíticos del Turia"),
    ],
)
def test_a_companys_legal_form_is_left_to_its_letterhead(lang: str, typed: str, said: str) -> None:
    """'I enjoyed meeting the team at Brightwell Pharmacy Inc.', '... Alimentos La Montañera
    S.A.S.': three readers asked for the name as people say it, in the subject line too."""
    draft = made(lang, "thank_you_email", company=typed, stage="final")
    assert said in draft.body and said in draft.subject and typed not in draft.text


@pytest.mark.parametrize(
    "typed", ["Mehra Kapoor & Co.", "Whitcombe, Strand & Ng LLP", "Premier Ag"]
)
def test_a_firms_partners_and_a_name_that_only_looks_like_a_form_stay(typed: str) -> None:
    draft = made("en", "thank_you_email", company=typed, stage="final")
    assert typed in draft.body

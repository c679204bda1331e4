"""What a fourth blind panel of readers (a recruiter, a hiring manager, a career coach) found in
drafts made from unseen answers, each as a general rule: the person's own thanks always reach
the thank-you, notes and posts say what someone looks for as a sentence and give a line of
background the answers support, wording fits any workplace, a head hunter hears 'open to' once,
and one register runs through a message."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.unit.test_letters_as_sent import contact, made

# --- 1. their own thanks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        (
            "en",
            "the thoughtful feedback, and for including two students on the panel. That meant a"
            " lot to me",
            "Thank you also for the thoughtful feedback, and for including two students on the"
            " panel. That meant a lot to me.",
        ),
        (
            "es",
            "los comentarios tan detallados. Me ayudaron mucho a entender la decisión",
            "Gracias también por los comentarios tan detallados. Me ayudaron mucho a entender la"
            " decisión.",
        ),
    ],
)
def test_thanks_typed_as_two_sentences_reach_the_letter(lang: str, typed: str, said: str) -> None:
    """Blind readers, on two emails of eight: the person's thanks for the feedback and the
    student panel were left out for a stock line. Words typed as a phrase, then a sentence of
    their own, are joined at the first and keep the rest as theirs."""
    for channel in ("email", "phone"):
        draft = made(lang, "thank_you_email", messenger_channel=channel, thank_detail=typed)
        assert said in draft.body
        assert draft.notes == ()


@pytest.mark.parametrize(
    ("channel", "opening", "theirs"),
    [
        ("email", "Thank you for your email with the decision on the", "Thank you also for"),
        # A reply in a chat reads as one (test_letters_fifth_panel).
        ("message", "Thanks for the update on the", "And thanks for"),
    ],
)
def test_thanks_for_being_told_quickly_are_not_lost_to_the_opening(
    channel: str, opening: str, theirs: str
) -> None:
    """'Thank you for your email letting me know ...' and their 'letting me know so quickly'
    said the same words twice, and the person's went: the opening says it another way."""
    typed = "letting me know so quickly after the interview, before the Christmas rota goes out"
    draft = made("en", "thank_you_email", messenger_channel=channel, thank_detail=typed)
    assert f"{theirs} letting me know so quickly after the interview" in draft.body
    assert f"{opening} Operations Manager role" in draft.body
    assert draft.notes == ()


@pytest.mark.parametrize(
    ("lang", "typed"),
    [
        ("en", "Head of Guidance roles, ideally leading a team over the next couple of weeks"),
        ("es", "un puesto de dirección de obra, idealmente en las próximas semanas"),
    ],
)
def test_a_phrase_said_twice_is_said_otherwise_in_the_packs_words_not_theirs(
    lang: str, typed: str
) -> None:
    """'over the next couple of years' (theirs) and 'a coffee in the next couple of weeks' (the
    pack's): the note asked for a call instead of a coffee, or dropped what they look for."""
    note = made(lang, "outreach", contacts=[contact("friend", "coffee")], looking_for=typed)
    assert "ideally" in note.body or "idealmente" in note.body
    assert "coffee" in note.body or "café" in note.body
    assert note.notes == ()


# --- 2. what someone looks for, as a sentence ---------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        (
            "en",
            "Fleet or scheduling manager with a bus or coach operator, Yorkshire",
            "I'm looking for a role as a fleet or scheduling manager with a bus or coach operator"
            " in Yorkshire.",
        ),
        (
            "en",
            "Senior or specialist clinical pharmacist posts in antimicrobial stewardship, Dublin"
            " area",
            "I'm looking for senior or specialist clinical pharmacist posts in antimicrobial"
            " stewardship in the Dublin area.",
        ),
        (
            "en",
            "Data centre technician or critical facilities technician role in Gauteng",
            "I'm looking for a data centre technician or critical facilities technician role in"
            " Gauteng.",
        ),
        (
            "en",
            "Grant writing or partnerships roles with education or health NGOs, Lagos or remote",
            "I'm looking for grant writing or partnerships roles with education or health NGOs"
            " in Lagos or remote.",
        ),
        (
            "en",
            "Financial Controller / Finance Manager, Dublin, hybrid",
            "I'm looking for a Financial Controller / Finance Manager role in Dublin, hybrid.",
        ),
        (
            "en",
            "part time marketing or social media internships in london, 2-3 days a week",
            "I'm looking for part-time marketing or social media internships in London, 2-3 days"
            " a week.",
        ),
        (
            "en",
            "senior UX writer or content designer, remote ok",
            "I'm looking for a senior UX writer or content designer role, open to remote.",
        ),
        # A title's capitals, and a place's, are theirs.
        (
            "en",
            "Head of Guidance, Guidance Team Leader or senior counsellor roles in Christchurch",
            "I'm looking for Head of Guidance, Guidance Team Leader or senior counsellor roles in"
            " Christchurch.",
        ),
        (
            "es",
            "Dirección o residencia de obra en proyectos viales o de infraestructura en Antioquia",
            "Busco un puesto de dirección o residencia de obra en proyectos viales o de"
            " infraestructura en Antioquia.",
        ),
        ("es", "Fisio deportiva en valencia", "Busco un puesto de fisio deportiva en Valencia."),
        (
            "es",
            "Jefe de sala o maître en restaurante u hotel en Sevilla",
            "Busco un puesto de jefe de sala o maître en restaurante u hotel en Sevilla.",
        ),
        (
            "es",
            "Gerente de operaciones, Buenos Aires o remoto",
            "Busco un puesto de gerente de operaciones en Buenos Aires o remoto.",
        ),
    ],
)
def test_what_someone_looks_for_reads_as_a_sentence(lang: str, typed: str, said: str) -> None:
    """Blind readers, on nearly every post and note: 'I'm looking for a new role: Fleet or
    scheduling manager ..., Yorkshire' reads like a form field; 'Data centre', 'Senior',
    'Grant writing' capitalised mid-sentence; 'london', 'valencia' without theirs."""
    assert made(lang, "availability_post", looking_for=typed).body.startswith(said + "\n")
    note = made(lang, "outreach", contacts=[contact("friend", "phone")], looking_for=typed)
    assert said.split(" ", 3)[-1] in note.body


WINS = [
    {"_id": "e1", "title": "Zero lost-time incidents across 4 projects", "story": False},
    {"_id": "e2", "title": "Rebuilt the wine list at Osteria Nove", "number": "GP up 8 points"},
]
LOGROS = [{"_id": "e1", "title": "Reorganicé el archivo de expedientes del despacho"}]


@pytest.mark.parametrize(
    ("lang", "wins", "said"),
    [
        ("en", WINS, "I rebuilt the wine list at Osteria Nove (GP up 8 points)."),
        ("es", LOGROS, "reorganicé el archivo de expedientes del despacho."),
    ],
)
def test_a_post_and_a_note_give_a_line_of_background_from_an_accomplishment(
    lang: str, wins: list[dict[str, Any]], said: str
) -> None:
    """Blind readers, on almost every post and note: 'add a line of background'. The first
    accomplishment typed as what they did is it; one typed as a thing is not said."""
    post = made(lang, "availability_post", accomplishments=wins, looking_for="a PM role")
    proud = {"en": "One thing I'm proud of: ", "es": "Algo de lo que me enorgullezco: "}[lang]
    assert proud + said in post.body  # the sixth panel: 'Among other things' read as odd
    note = made(lang, "outreach", contacts=[contact("other", "phone")], accomplishments=wins)
    result = {"en": "One result I'm proud of: ", "es": "Un resultado del que me enorgullezco: "}
    assert result[lang] + said in note.body
    assert "Zero lost-time" not in post.body + note.body


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "I was recently a finalist for the Operations Manager role at Northwind."),
        (
            "es",
            "Hace poco llegué a la fase final de un proceso de selección en Northwind "
            "(Operations Manager).",
        ),
    ],
)
def test_a_note_says_how_far_they_got_only_when_they_got_there(lang: str, said: str) -> None:
    to = [contact("head_hunter", "phone")]
    assert said in made(lang, "outreach", contacts=to, stage="final").body
    assert said not in made(lang, "outreach", contacts=to, stage="interviews").body
    assert said not in made(lang, "outreach", contacts=to, stage="screen").body


@pytest.mark.parametrize("lang", ["en", "es"])
def test_without_an_accomplishment_a_note_says_what_they_are_known_for_once(lang: str) -> None:
    known = "calm, clear incident handling"
    other = made(lang, "outreach", contacts=[contact("other", "phone")], known_for=known)
    assert other.body.count(known) == 1
    hunter = made(lang, "outreach", contacts=[contact("head_hunter", "email")], known_for=known)
    assert hunter.body.count(known) == 1


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_linkedin_note_keeps_its_length_with_the_line_of_background(lang: str) -> None:
    note = made(
        lang,
        "outreach",
        contacts=[contact("former_colleague", "linkedin")],
        accomplishments=WINS if lang == "en" else LOGROS,
        looking_for="senior backend, platform or site-reliability lead roles in fintech, payments",
        stage="final",
        known_for="turning vague ideas into shipped features",
    )
    assert len(note.body.rstrip("\n")) <= 300


# --- 3. any workplace ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "name", "said"),
    [
        ("en", "Fiona Gallagher", "where you work"),
        ("en", "Dr. Fiona Gallagher", "where you work"),
        ("es", "Fiona Gallagher", "en tu trabajo o fuera de él"),
        ("es", "Dra. Fiona Gallagher", "en su trabajo o fuera de él"),
    ],
)
def test_a_note_asks_about_where_they_work_whatever_the_workplace(
    lang: str, name: str, said: str
) -> None:
    """Blind readers: 'at your company' is wrong to a teacher, a hospital pharmacist, a county
    analyst."""
    note = made(lang, "outreach", contacts=[contact("former_colleague", "email", name=name)])
    assert said in note.body
    assert not any(w in note.body for w in ("company", "organisation", "empresa"))


# --- 4. a head hunter hears it once -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", ("looking for", "new opportunities")), ("es", ("busco", "oportunidades"))],
)
@pytest.mark.parametrize("channel", ["email", "linkedin"])
def test_a_head_hunter_hears_what_they_look_for_once(
    lang: str, said: tuple[str, str], channel: str
) -> None:
    """Blind readers, on four notes: 'open to new opportunities' then 'looking for a new role'."""
    for looking_for in ("data analyst roles", "Operations in logistics. Open to relocating."):
        note = made(
            lang, "outreach", contacts=[contact("head_hunter", channel)], looking_for=looking_for
        )
        looking, open_to = said
        assert note.body.lower().count(looking) == 1, note.body
        assert open_to not in note.body


# --- 5. one register ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "address", "closing"),
    [("en", "Mr. Tunde", "Best wishes,"), ("es", "Sr. Ibarra", "Saludos cordiales,")],
)
def test_a_chat_greeted_formally_closes_and_signs_as_a_letter(
    lang: str, address: str, closing: str
) -> None:
    """Blind readers: 'Dear Mr. Tunde, ... Best, Chiamaka' mixes registers."""
    draft = made(lang, "thank_you_email", messenger_channel="message", messenger_address=address)
    assert draft.body.rstrip("\n").splitlines()[-2:] == [closing, "Alex Doe"]
    casual = made(lang, "thank_you_email", messenger_channel="message", messenger_address="Frank")
    assert casual.body.rstrip("\n").splitlines()[-1] == "Alex"


# Verbs of tú that a reader who speaks vos (Buenos Aires, Montevideo) hears as another register.
# ('como se me sugirió' says nobody's register: it is said of no one.)
TU_ONLY = re.compile(
    r"\b(conoces|tienes|enteras|trabajas|puedes|quieres|sabes|(?<!se me )sugirió)\b"
)


@pytest.mark.parametrize("relation", ["friend", "former_colleague", "former_manager", "other"])
@pytest.mark.parametrize("channel", ["email", "linkedin", "phone", "coffee"])
def test_a_spanish_note_by_first_name_keeps_to_words_tu_and_vos_share(
    relation: str, channel: str
) -> None:
    """Blind readers: 'Hola, Fede' then usted ('si tiene'), and 'tienes' / 'conoces' to a
    friend in Buenos Aires: a note greeted by a first name says only what reads the same in tú
    and vos ('se te ocurre', 'te llega', 'tendrías')."""
    note = made("es", "outreach", contacts=[contact(relation, channel, name="Sofi Rinaldi")])
    assert not TU_ONLY.search(note.body), note.body
    thanks = made("es", "thank_you_email", messenger_address="Fede", door="reapply")
    assert not TU_ONLY.search(thanks.body), thanks.body


# --- 6. what else the readers stopped at --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "company", "said"),
    [
        ("en", "Washington State Department of Commerce", "at the Washington State Department"),
        ("en", "King County", "at King County"),
        ("es", "Hotel Giralda Real", "del Hotel Giralda Real"),
    ],
)
def test_an_institution_named_inside_a_longer_name_takes_its_article(
    lang: str, company: str, said: str
) -> None:
    draft = made(lang, "thank_you_email", company=company, stage="final")
    assert said in draft.body


@pytest.mark.parametrize(("lang", "role"), [("en", "Account Manager Sr."), ("es", "Gerente Jr.")])
def test_a_title_ending_in_its_seniority_keeps_the_dot(lang: str, role: str) -> None:
    draft = made(lang, "thank_you_email", role=role, messenger_channel="email")
    assert role in draft.body and ".." not in draft.body


def test_being_considered_is_said_once() -> None:
    body = made("en", "thank_you_email", stage="applied").body
    assert body.count("considered") == 1


@pytest.mark.parametrize(
    ("lang", "typed", "told"),
    [
        ("en", "being so straight with me over coffee instead of just sending an email", "person"),
        ("es", "decírmelo con calma en lugar de mandar un correo", "persona"),
    ],
)
def test_thanks_for_being_told_in_person_are_said_once(lang: str, typed: str, told: str) -> None:
    """A blind reader: 'in person ... hearing it from you directly' and then 'straight with me
    over coffee instead of just sending an email' thank for the same thing twice."""
    draft = made(
        lang, "thank_you_email", messenger_channel="in_person", thank_detail=typed, stage="final"
    )
    assert typed in draft.body
    assert told not in draft.body


def test_a_linkedin_note_too_long_for_all_they_look_for_says_it_up_to_its_first_note() -> None:
    """A blind reader: a LinkedIn note that 'never says what role she wants' (what she typed ran
    past 300 characters, and the note said only 'my next role')."""
    typed = (
        "Senior policy analyst or research manager roles in housing, homelessness or human"
        " services, state or local government in the Puget Sound area (open to nonprofits doing"
        " policy work)"
    )
    note = made("en", "outreach", contacts=[contact("other", "linkedin")], looking_for=typed)
    assert "I'm looking for senior policy analyst or research manager roles in housing." in (
        note.body
    )
    assert len(note.body.rstrip("\n")) <= 300


def test_a_line_of_background_gives_way_to_what_they_look_for() -> None:
    """'el puesto de Ingeniero de Datos' in the line of background, and 'un puesto de ingeniero
    de datos' in what they look for: the background says something else, never the search."""
    note = made(
        "es",
        "outreach",
        contacts=[contact("head_hunter", "email")],
        stage="final",
        role="Ingeniero de Datos Senior",
        looking_for="Ingeniero de datos senior, idealmente con streaming, en Santiago o remoto",
        accomplishments=LOGROS,
    )
    assert "Busco un puesto de ingeniero de datos senior, idealmente con streaming" in note.body
    assert "reorganicé el archivo" in note.body


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "I'd love an intro."), ("es", "me encantaría saberlo.")]
)
def test_a_friend_is_asked_as_a_friend(lang: str, said: str) -> None:
    """Blind readers: 'I'd be grateful for an introduction' is stiff to a friend."""
    assert said in made(lang, "outreach", contacts=[contact("friend", "linkedin")]).body
    assert said not in made(lang, "outreach", contacts=[contact("other", "linkedin")]).body

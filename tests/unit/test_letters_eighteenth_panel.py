"""What the eighteenth blind panel's readers found, each as a general rule: a note to someone who
knows them, asking about their own path, is not a form letter with what they look for pasted in;
a move within their own company is told to them without its name; a wish typed after what they
look for is a sentence of its own; a question typed without its subject is asked with it; a
third-person wish in Spanish is said to tú; hurried spelling and accents are written out; the
result with a figure is the one a post and a note say."""

from __future__ import annotations

import pytest

from rebound.pack import packs
from rebound.sentences import templates, tidy
from rebound.sentences.asking import question
from tests.unit.test_letters_as_sent import contact, made, signed_with


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # A question typed without its subject: the reader's doing where it is done to 'me'.
        (
            "can refer me for the grad role at your company?",
            "Can you refer me for the grad role at your company?",
        ),
        (
            "can book a mock technical interview slot?",
            "Can I book a mock technical interview slot?",
        ),
        ("can you help", "Can you help?"),
        # A wish without its subject is the person's, said so, never asked of the reader.
        (
            "Would appreciate a candid debrief, and to be considered for any briefs",
            "I would appreciate a candid debrief, and to be considered for any briefs.",
        ),
        # How to reach them, on any messenger, is for the person; what to ask, asked.
        (
            "telegram him ask how he prep for the interview",
            "I wanted to ask how you prep for the interview.",
        ),
        (
            "pint and a catch up re who's hiring at the old place",
            "Could I buy you a pint and catch up about who's hiring at the old place?",
        ),
    ],
)
def test_english_typed_as_a_note_is_asked_whole(typed: str, said: str) -> None:
    """'Can refer me ...?', 'Would appreciate a candid debrief ...?', 'Telegram you ask how you
    prep ...', 'Pint and a catch up re ...' (all three readers)."""
    assert question(typed, "en") == said


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "que me pase el contacto de la de recursos humanos de la paquetería donde trabaja",
            "Te agradecería que me pases el contacto de la de recursos humanos de la paquetería "
            "donde trabajas.",
        ),
        (
            "que me haga de referencia y me tire data de empresas que estén contratando",
            "Te agradecería que me hagas de referencia y me tires data de empresas que estén "
            "contratando.",
        ),
        # What they share, said as theirs, and how something with its own subject is.
        (
            "Fuimos compañeros de la especialización, preguntarle cómo es el equipo de riesgo",
            "Fuimos compañeros de la especialización. Quería preguntarte cómo es el equipo de "
            "riesgo.",
        ),
        (
            "practicar live coding juntas los jueves",
            "¿Te gustaría practicar live coding juntas los jueves?",
        ),
    ],
)
def test_spanish_wishes_are_said_to_tu(typed: str, said: str) -> None:
    """'Te agradecería que me pase ... donde trabaja' (tú and usted in one sentence), 'Si te llega
    algo' with the question lost, '¿Podrías practicar ... juntas?' (all three readers)."""
    assert question(typed, "es") == said


def test_usted_wishes_stay_usted() -> None:
    typed = "Que me cuente si en su nuevo banco están buscando gente"
    assert question(typed, "es", formal=True) == (
        "Le agradecería que me cuente si en su nuevo banco están buscando gente."
    )


@pytest.mark.parametrize(
    ("grammar", "typed", "written"),
    [
        ("en", "fintech or govtech prefered", "fintech or govtech preferred"),
        ("en", "they had alot of strong candidates", "they had a lot of strong candidates"),
        (
            "es",
            "remoto o hibrido, sin busquedas rapidas",
            "remoto o híbrido, sin búsquedas rápidas",
        ),
        ("es", "almacen en Guanajuato o Queretaro", "almacén en Guanajuato o Querétaro"),
        ("es", "otras practicas en hoteles", "otras prácticas en hoteles"),
        # A verb's form stays ('si practica mucho'); a name in capitals is its owner's.
        ("es", "si practica mucho", "si practica mucho"),
        ("es", "trabajé en DIA", "trabajé en DIA"),
    ],
)
def test_hurried_spelling_is_written_out(grammar: str, typed: str, written: str) -> None:
    """'prefered', 'almacen/Queretaro', 'hibrido/busquedas/rapido', 'practica ... recepcion'."""
    assert tidy.tidied(typed, grammar) == written


def _role(typed: str, lang: str = "en") -> str:
    words = packs.load(packs.default_dir(lang)).template_words
    return str(templates.filtered("role", typed, words))


def test_a_wish_after_what_they_look_for_is_its_own_sentence() -> None:
    """'... on a med surg unit, want to stay at LGH if I can' (all three readers, S1)."""
    said = _role("charge nurse or resource nurse on a med surg unit, want to stay at LGH if i can")
    assert said.endswith("on a med surg unit. I want to stay at LGH if I can")
    assert _role("jefe de almacén, quiero quedarme en Querétaro", "es").endswith(
        ". Quiero quedarme en Querétaro"
    )


def test_a_region_said_with_the() -> None:
    """'in Midlands' (all three readers, six drafts of S2)."""
    assert "in the Midlands, happy to travel" in _role(
        "Ops manager in warehousing, Midlands, happy to travel"
    )


FRIEND = {**contact("friend", "phone"), "name": "Jess"}
LOOKING = {"looking_for": "charge nurse roles on a med surg unit"}


def test_a_friend_asked_about_their_own_path_gets_no_pitch() -> None:
    """'Every message to a contact repeats "I'm looking for ..."; friends get cover-letter
    wording' (all three readers, 22 drafts)."""
    about_them = {**FRIEND, "request": "can i pick your brain about how you got charge on 6E"}
    body = made("en", "outreach", contacts=[about_them], **LOOKING).body
    assert "looking for" not in body and "Can I pick your brain" in body
    # Asked for help with the search itself, they hear what it is for.
    for search in ("would you be a reference next time?", "could you introduce me to your GM?"):
        body = made("en", "outreach", contacts=[{**FRIEND, "request": search}], **LOOKING).body
        assert "I'm looking for charge nurse roles" in body
    # A head hunter always hears it.
    hunter = {**contact("head_hunter", "email"), "request": "how did you get into recruiting?"}
    assert "looking for" in made("en", "outreach", contacts=[hunter], **LOOKING).body


def test_a_move_within_their_company_is_told_without_its_name() -> None:
    """'No context for why she asks Raj to be a reference' (S1-D3): the internal role is said."""
    ask = {**contact("former_manager", "email"), "request": "would you be a reference?"}
    body = made("en", "outreach", contacts=[ask], internal=True, stage="interviews").body
    assert "I recently interviewed for the Operations Manager role, but didn't get it." in body
    assert "at Northwind" not in body
    es = made("es", "outreach", contacts=[ask], internal=True, stage="final").body
    assert "del proceso interno para el puesto de" in es and "pero no salió" in es


def test_someone_written_to_formally_is_signed_whole_even_by_phone() -> None:
    """'Dear Mr. Naidoo, ... Annelie' (the recruiter and the coach, S4-D6)."""
    formal = made("en", "outreach", contacts=[contact("other", "phone", name="Mr. P. Naidoo")])
    assert formal.body.startswith("Dear Mr. Naidoo,")
    assert signed_with(formal) == "Alex Doe"
    assert signed_with(made("en", "outreach", contacts=[contact("other", "phone")])) == "Alex"


def test_the_result_with_a_figure_is_the_one_said() -> None:
    """'Leads with the school hackathon instead of the 8 hours cut to 15 minutes' (S3)."""
    wins = [
        {"_id": "a1", "title": "Won 2nd place at the school hackathon"},
        {"_id": "a2", "title": "Cut the reconciliation run", "number": "8 hrs to 15 min"},
    ]
    body = made("en", "availability_post", accomplishments=wins).body
    assert "I cut the reconciliation run (8 hours to 15 min)." in body
    assert "hackathon" in made("en", "availability_post", accomplishments=wins[:1]).body


@pytest.mark.parametrize(
    ("lang", "typed", "first"),
    [
        ("en", "Lim Wei Jie", "Wei Jie"),  # family name first, in Latin letters
        ("en", "Nguyen Van An", "An"),
        ("en", "Lee Ann Smith", "Lee Ann"),  # an English first name stays one
        ("es", "profe Carolina", "Profe Carolina"),  # a teacher greeted warmly, as tú
    ],
)
def test_a_name_is_said_as_its_owner_goes_by(lang: str, typed: str, first: str) -> None:
    """'Lim Wei Jie signs with his surname, "Lim"'; 'Hola, Profe:' (the paired readers)."""
    words = packs.load(packs.default_dir(lang)).template_words
    assert templates.filtered("first_name", typed, words) == first


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        # A detail of the posting after a comma is the posting's; a title's own half stays.
        ("en", "Graduate Software Engineer (Backend), 2027 intake", "Graduate Software Engineer"),
        ("en", "Director, Product Marketing", "Director, Product Marketing"),
        # A Spanish title typed as a sentence is written small inside one.
        ("es", "Supervisora de enfermería de la planta", "supervisora de enfermería de la planta"),
        ("es", "Analista Senior de Riesgo", "Analista Senior de Riesgo"),
    ],
)
def test_a_title_inside_a_sentence(lang: str, typed: str, said: str) -> None:
    """'the Graduate Software Engineer, 2027 intake role'; 'Supervisora' capitalised
    mid-sentence (the recruiter, S6)."""
    words = packs.load(packs.default_dir(lang)).template_words
    assert templates.filtered("title", typed, words) == said
    headline = templates.render("{{r|headline}}", {"r": typed.split(" (", maxsplit=1)[0]}, words)
    assert headline[:1].isupper()


def test_a_question_about_their_workplace_is_told_what_it_is_for() -> None:
    """'B gives the reason for asking who the Rugby GM is' (both paired readers, S2-D6)."""
    ask = {**contact("former_colleague", "email"), "request": "who's the GM at your site now?"}
    assert (
        "I'm looking for charge nurse roles"
        in made("en", "outreach", contacts=[ask], **LOOKING).body
    )


def test_spanish_says_the_final_stage_as_spain_and_the_americas_do() -> None:
    """'"Ronda final" is a calque' (both paired readers, five drafts)."""
    ask = {**contact("former_colleague", "email"), "request": "¿me referís en tu empresa?"}
    body = made("es", "outreach", contacts=[ask], stage="final").body
    assert "fase final" in body and "ronda" not in body


@pytest.mark.parametrize(
    "typed",
    [
        "note to self: she's on mat leave til feb, dont hassle her about jobs",
        "reminder: he's just moved to COSLA, be nice, ask how he's finding it",
        "ask how he's finding it before asking about openings",
        "Ojo: no molestarla con trabajo",
    ],
)
def test_a_note_marked_as_the_persons_own_is_never_sent(typed: str) -> None:
    """'Note to self: you're on mat leave until feb, don't hassle you about jobs' (all three
    readers of the nineteenth panel: 1 of 5)."""
    assert question(typed, "es" if typed.startswith("Ojo") else "en") == ""


@pytest.mark.parametrize(
    ("lang", "formal", "typed", "said"),
    [
        (
            "en",
            False,
            "just vent honestly, and ask how she handled it",
            "I'd like to vent honestly, and ask how you handled it.",
        ),
        (
            "en",
            False,
            "kindly ask if there is any opening in her team",
            "I wanted to ask if there is any opening in your team.",
        ),
        (
            "en",
            False,
            "reference letter!! he said hed do one",
            "Could I ask you for a reference letter!! you said you'd do one?",
        ),
        (
            "en",
            False,
            "any roles going in cork? open to a step sideways",
            "Any roles going in cork? I'm open to a step sideways.",
        ),
        (
            "es",
            False,
            "che que me avise si en el banco buscan gente",
            "Te agradecería que me avises si en el banco buscan gente.",
        ),
        (
            "es",
            False,
            "preguntarle si me haría de referencia",
            "Quería preguntarte si me harías de referencia.",
        ),
        (
            "es",
            True,
            "¿Conoces a alguien en tu laboratorio?",
            "¿Conoce a alguien en su laboratorio?",
        ),
    ],
)
def test_notes_said_to_their_reader(lang: str, formal: bool, typed: str, said: str) -> None:
    """'Just vent honestly ...', 'Kindly ask if ...', 'you said hed', 'Che que me avise',
    'Estimado Dr. Ferrer ... ¿Conoces ...?' (the nineteenth panel)."""
    assert question(typed, lang, formal) == said


def test_friends_in_a_group_are_greeted_as_friends() -> None:
    """'Hi The Lads,' (all three readers, S1-D7)."""
    words = packs.load(packs.default_dir("en")).template_words
    assert templates.filtered("salutation", "The Lads", words) == "Hi lads,"
    assert templates.filtered("salutation", "the hiring panel", words) == "Dear Hiring Panel,"


def test_family_is_signed_by_first_name_and_anyone_asked_about_work_is_told_why() -> None:
    """'Signed with his full name to his compadre'; 'a cold one-liner to a network officer: no
    context at all' (the nineteenth panel)."""
    cousin = {**contact("other", "other", name="Kevin (cousin)"), "request": "any openings?"}
    assert signed_with(made("en", "outreach", contacts=[cousin])) == "Alex"
    officer = {
        **contact("other", "email", name="Bec Lowe"),
        "request": "can you help me find a host employer?",
    }
    body = made("en", "outreach", contacts=[officer]).body
    assert "I recently interviewed for the Operations Manager role at Northwind" in body
    # Asked about something other than work, the note says nothing of the search.
    paper = {
        **contact("other", "email", name="Bec Lowe"),
        "request": "could we talk about the seagrass data?",
    }
    assert "interviewed" not in made("en", "outreach", contacts=[paper]).body


def test_a_question_that_names_what_they_look_for_is_not_told_it_twice() -> None:
    """'Edinburgh or Glasgow' twice; 'semi senior / senior' twice (all three readers)."""
    ask = {
        **contact("head_hunter", "linkedin"),
        "request": "any interim policy roles in housing, Edinburgh or Glasgow?",
    }
    body = made(
        "en",
        "outreach",
        contacts=[ask],
        looking_for="senior policy roles in housing, Edinburgh or Glasgow",
    ).body
    assert body.count("Glasgow") == 1 and "Any interim policy roles" in body


def test_what_the_nineteenth_panel_read_as_careless() -> None:
    """'at Scottish Government'; 'Hola, Cra.:'; 'mineria', 'estan', 'todavia'; a voicemail
    thanked 'de viva voz' (the nineteenth panel)."""
    en = packs.load(packs.default_dir("en")).template_words
    es = packs.load(packs.default_dir("es")).template_words
    said = templates.filtered("organisation", "Scottish Government (Housing Directorate)", en)
    assert said == "the Scottish Government"
    assert templates.filtered("salutation", "Cra. Laura Sosa", es) == "Estimada Cra. Sosa:"
    assert tidy.tidied("mineria en Peru, estan todavia", "es") == "minería en Perú, están todavía"
    voicemail = {"messenger_channel": "voicemail", "thanked_on_call": None}
    assert "viva voz" not in made("es", "thank_you_email", **voicemail).body


def test_a_subject_promises_a_question_only_when_the_note_asks_one() -> None:
    """'Subject "Una pregunta" with no question' (the nineteenth panel, S9-D2)."""
    tells = {**contact("former_colleague", "email"), "request": "send him my updated resume"}
    said = made("en", "outreach", contacts=[tells], **LOOKING)
    assert said.subject == "Looking for charge nurse roles on a med surg unit"
    asks = {**contact("former_colleague", "email"), "request": "any openings on your unit?"}
    assert made("en", "outreach", contacts=[asks], **LOOKING).subject.endswith("a quick question")
    favour = {**contact("other", "email"), "request": "que me revise el portafolio"}
    assert made("es", "outreach", contacts=[favour]).subject == "Un pequeño favor"


def test_a_private_note_gets_no_ask_that_could_go_against_it() -> None:
    """'Asks Mairéad, who is on maternity leave, for job introductions after Ciarán said not to'
    (both readers of the nineteenth panel's paired reading)."""
    note = "note to self: on mat leave til feb, dont hassle her about jobs, say congrats"
    mat = {**contact("former_colleague", "email"), "request": note}
    body = made("en", "outreach", contacts=[mat], **LOOKING).body
    assert "It would be good to catch up whenever suits you." in body
    assert "looking for" not in body and "introduction" not in body and "mat leave" not in body
    es = made("es", "outreach", contacts=[{**mat, "request": "ojo: está de baja, no molestarla"}])
    assert "cuando te venga bien" in es.body and "Busco" not in es.body


def test_family_hears_no_cv_line() -> None:
    """'"Un resultado del que me enorgullezco" to his compadre' (the nineteenth panel)."""
    win = [{"_id": "a1", "title": "Cut food waste by 22%", "number": "22% less waste"}]
    cousin = {**contact("other", "other", name="Kevin (cousin)"), "request": "any openings?"}
    body = made("en", "outreach", contacts=[cousin], accomplishments=win).body
    assert "proud of" not in body
    stranger = {**cousin, "name": "Kevin Hart"}
    assert "proud of" in made("en", "outreach", contacts=[stranger], accomplishments=win).body


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # How to reach them, typed after the ask, is the person's; a question typed as one stays.
        (
            "his mob in Nelson still need a B1?? flick him a msg on facebook",
            "Your mob in Nelson still need a B1??",
        ),
        ("your thoughts?", "Could I ask you for your thoughts?"),
        # A second ask typed after a question is asked after it.
        (
            "how did she prep for the exam, ask for sample scorecards",
            "How did you prep for the exam? Could I ask you for sample scorecards?",
        ),
        ("she said to call her after Thanksgiving", "You said to call you after Thanksgiving."),
    ],
)
def test_the_twentieth_panels_notes(typed: str, said: str) -> None:
    """'Could I ask you for your mob in Nelson still need a B1?? flick you a message on
    facebook?'; '..., ask for sample scorecards'; 'call your after Thanksgiving' (the twentieth
    panel, read by the developer before its readers)."""
    assert question(typed) == said


def test_an_internal_thank_you_claims_no_lesson_nobody_gave() -> None:
    """'"He aprendido mucho del proceso", but he was told nothing about why' (the coach of the
    twentieth panel, the one FALSE)."""
    for lang in ("en", "es"):
        body = made(lang, "thank_you_email", internal=True, reasons_heard="asked").body
        assert "learned a lot" not in body and "aprendido" not in body


@pytest.mark.parametrize(
    ("lang", "formal", "typed", "said"),
    [
        (
            "en",
            False,
            "dont forget to ask how he made the jump",
            "I wanted to ask how you made the jump.",
        ),
        (
            "en",
            False,
            "reference letter pls. and ask if there are any posts at his branch",
            "Could I ask you for a reference letter? I wanted to ask if there are any posts at "
            "your branch.",
        ),
        (
            "en",
            False,
            "reference? and does he know anyone down the Bay needing a sous",
            "Could I ask you for a reference? Do you know anyone down the Bay needing a sous?",
        ),
        ("en", False, "keen on anything ATR/Dash 8", "I'm keen on anything ATR/Dash 8."),
        (
            "es",
            False,
            "por whatsapp, preguntale si en su coope buscan gente",
            "Quería preguntarte si en tu coope buscan gente.",
        ),
        (
            "es",
            False,
            "dile que si sabe de un hotel en la costa",
            "Quería preguntarte si sabes de un hotel en la costa.",
        ),
        (
            "es",
            True,
            "que me avise de vacantes en MRO, ojo: también acepto ir a Santa Cruz",
            "Le agradecería que me avise de vacantes en MRO. También acepto ir a Santa Cruz.",
        ),
        # The person's vos stays theirs: no usted made of half of it.
        (
            "es",
            True,
            "si me podes escribir una carta, vos me conoces",
            "Si me podes escribir una carta, vos me conoces.",
        ),
        ("es", False, "dile que vi la vacante; ojo: preguntarle quién lleva el proceso", ""),
    ],
)
def test_the_twentieth_panels_hurried_notes(lang: str, formal: bool, typed: str, said: str) -> None:
    """'Don't forget to ask ...', 'Por whatsapp, preguntale ...', 'ojo:', the specific ask
    replaced by a generic one (all three readers of the twentieth panel)."""
    assert question(typed, lang, formal) == said


@pytest.mark.parametrize(
    ("typed", "greeted"),
    [
        ("Meenakshi ma'am", "Hi Meenakshi ma'am,"),
        ("Ma'am Tina", "Hi Ma'am Tina,"),
        ("Ma'am", "Hi Ma'am,"),
    ],
)
def test_an_honorific_typed_with_a_first_name_is_kept(typed: str, greeted: str) -> None:
    """'"Hi Meenakshi" drops the "ma'am" she always uses' (all three readers of the nineteenth
    panel); 'Hi Ma'am,' for 'Ma'am Tina' (the twentieth)."""
    words = packs.load(packs.default_dir("en")).template_words
    assert templates.filtered("salutation", typed, words) == greeted


def test_a_compadre_is_greeted_as_one() -> None:
    """'Hola, Compadre:' for 'Compadre Toño (Antonio Salinas)' (the twentieth panel); by
    WhatsApp, as a chat greets ('Hola, Javi:' read as a letter's, the twenty-first panel)."""
    compadre = {**contact("friend", "other", name="Compadre Toño (Antonio Salinas)")}
    assert made("es", "outreach", contacts=[compadre]).body.startswith("¡Hola, Compadre Toño!\n")
    compadre["channel"] = "email"
    assert made("es", "outreach", contacts=[compadre]).body.startswith("Hola, Compadre Toño:\n")


def test_a_statement_to_a_head_hunter_still_asks() -> None:
    """'Keen on anything ATR/Dash 8, ...': 'no request at all of the recruiter' (both paired
    readers of the twentieth panel)."""
    hunter = {**contact("head_hunter", "linkedin"), "request": "keen on anything ATR/Dash 8"}
    body = made("en", "outreach", contacts=[hunter]).body
    assert (
        "I'm keen on anything ATR/Dash 8. If you're working on a search where I could fit" in body
    )


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        # A softener or a 'please' is the frame's only where it leads or ends what is asked;
        # inside a sentence it is the person's own.
        (
            "en",
            "I just need a second pair of eyes on my CV",
            "I just need a second pair of eyes on my CV.",
        ),
        ("en", "could you please send me the JD", "Could you please send me the JD?"),
        ("en", "just vent honestly", "I'd like to vent honestly."),
        # 'que me dé', to tú: 'que me des'.
        ("es", "que me dé una mano con el CV", "Te agradecería que me des una mano con el CV."),
    ],
)
def test_the_frame_takes_only_what_it_says_itself(lang: str, typed: str, said: str) -> None:
    """The review of this round: 'I just need ...' lost its 'just', and 'que me dé' stayed
    usted in a note to tú."""
    assert question(typed, lang) == said

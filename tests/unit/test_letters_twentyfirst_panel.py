"""What the twenty-first panel's answer sets showed, each as a general rule: a note to self about
a contact reaches the reader only as sentences said to them (`note_check.addressed`), by its
parts that ask when the whole does not ('College senior at swiggy, referral for sde1
openings??'), never as typed; a place is only words of a place ('Lagos-based or Pan-African
remit' is not one); a title before a first name greets without a 'Madam' after it; a subject
line's role typed in lower case gets its capitals."""

from __future__ import annotations

import pytest

from rebound.sentences import grammar, note_check, places, titles
from rebound.sentences.asking import question
from tests.unit.test_letters_as_sent import contact, made


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # Who the reader is, then the ask: the ask alone, said whole.
        ("college senior at swiggy, referral for sde1 openings??",
         "Could I ask you for a referral for sde1 openings?"),
        ("son's football coach, plant mgr at Tyson - buy him a coffee and ask about ops openings",
         "I'd like to buy you a coffee and ask about ops openings."),
        ("mam's friend, on the board of a hospice in Cork. coffee when I'm home for Christmas",
         "Could I buy you a coffee when I'm home for Christmas?"),
        # Every part of a note said, one after the other; an order to oneself left out.
        ("send updated resume, tell her im open to nights",
         "I'll send you my updated resume shortly. I wanted to let you know I'm open to nights."),
        ("Reintroduce myself, send updated CV", "I'll send you my updated CV shortly."),
        ("Lunch at Ikoyi Club - his view on what boards want from an FD now, and any openings he "
         "hears of",
         "Could I buy you lunch at Ikoyi Club and ask you for your view on what boards want from "
         "an FD now, and any openings you hear of?"),
        # An adverb between 'ask' and what is asked.
        ("WhatsApp - she sits on two boards, ask quietly if any CFO/FD roles are coming up",
         "I wanted to ask if any CFO/FD roles are coming up."),
        # A fact typed after the ask without its subject.
        ("ask if he knows anybody hiring in Little Rock area, heard the new fulfillment center "
         "in Conway is staffing up",
         "I wanted to ask if you know anybody hiring in Little Rock area; I heard the new "
         "fulfillment center in Conway is staffing up."),
        ("ask about the leadership course and whether theres any funding for it",
         "I wanted to ask you about the leadership course and whether there's any funding for "
         "it."),
        # That they are looking is what the letter says already: nothing more to ask.
        ("charity sector recruiter, let him know I'm looking", ""),
        ("let her know im available for contract work",
         "I wanted to let you know I'm available for contract work."),
        # A sentence to the reader stays as typed, a treat offered with a cheer too.
        ("Coffee soon!", "Coffee soon!"),
        ("Congrats on the new role! Any chance of a coffee?",
         "Congrats on the new role! Any chance of a coffee?"),
        ("Let me know if you hear of anything", "Could you let me know if you hear of anything?"),
        # 'your' asks for what is theirs to give, not who is theirs.
        ("text her, her husbands the GM at the new hotel downtown", ""),
    ],
)  # fmt: skip
def test_a_note_reaches_the_reader_only_as_sentences_said_to_them(typed: str, said: str) -> None:
    assert question(typed, "en") == said
    if said:
        assert note_check.addressed(said, "en")


@pytest.mark.parametrize(
    ("said", "reads_so"),
    [
        ("Could I ask you for a referral?", True),
        ("I'd like to send you my updated CV.", True),
        ("Let me know if you hear of anything.", True),
        ("Drinks Friday?? Need to vent.", True),
        ("Son's football coach, plant manager at Tyson - buy you a coffee.", False),
        ("College senior at swiggy, referral for sde1 openings?", False),
        ("Send updated resume, tell you I'm open to nights.", False),
        ("Lunch at Ikoyi Club.", False),
        ("Would you have a look? Charity sector recruiter.", False),
    ],
)
def test_a_sentence_said_to_the_reader_starts_as_one(said: str, reads_so: bool) -> None:
    assert note_check.addressed(said, "en") is reads_so


def test_a_note_only_its_owner_can_read_never_reaches_the_reader_as_typed() -> None:
    """'Son's football coach, plant manager at Tyson - buy you a coffee and ask about ops
    openings.' was sent as typed to the coach himself."""
    typed = "son's football coach, plant mgr at Tyson - buy him a coffee and ask about ops openings"
    body = made("en", "outreach", contacts=[{**contact("friend", "coffee"), "request": typed}]).body
    assert "Tyson" not in body and "football" not in body
    assert "I'd like to buy you a coffee and ask about ops openings." in body


class _Words:
    place_before = "in"
    place_areas = ("area", "region")
    articles = ("the", "a", "an")
    role_words = ("role", "roles", "position", "job")
    job_nouns = ("director", "manager", "engineer")
    mass_nouns = ("work",)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("CFO roles in FMCG, Lagos-based or Pan-African remit",
         "CFO roles in FMCG, Lagos-based or Pan-African remit"),
        ("Grant writing roles, Lagos or remote", "Grant writing roles in Lagos or remote"),
        ("Ops roles, Dublin area", "Ops roles in the Dublin area"),
        ("Ops roles, Bengaluru or Mumbai, hybrid", "Ops roles in Bengaluru or Mumbai, hybrid"),
    ],
)  # fmt: skip
def test_only_the_words_of_a_place_are_said_as_one(typed: str, said: str) -> None:
    assert places.placed(typed, _Words()) == said  # type: ignore[arg-type]


def test_a_title_greets_without_the_madam_typed_after_the_name() -> None:
    assert grammar.address("Prof. Lakshmi Madam").text == "Prof. Lakshmi"
    assert grammar.address("Sir or Madam").text == "Sir or Madam"
    assert grammar.address("Meenakshi ma'am").text == "Meenakshi ma'am"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("band 7 ward sister - J24 respiratory", "Band 7 Ward Sister - J24 Respiratory"),
        ("data analyst", "Data Analyst"),
        ("iOS developer", "iOS Developer"),
        ("Head of Fundraising & Comms", "Head of Fundraising & Comms"),
    ],
)
def test_a_subject_line_role_typed_in_lower_case_gets_its_capitals(typed: str, shown: str) -> None:
    assert titles.headline(typed, "en") == shown


def test_the_accomplishment_said_is_the_one_whose_figure_shows_a_change() -> None:
    """'One result I'm proud of: I ran 2nd shift at the Conway DC for 4 years (140 associates)',
    with 'mispick rate from 0.9% to 0.2%' left unsaid (the hiring manager, S2-D4)."""
    done = [
        {"title": "ran 2nd shift at the Conway DC for 4 yrs", "number": "140 associates"},
        {"title": "zero lost time injuries 2 years straight"},
        {"title": "cut mispicks for our biggest customer", "number": "from 0.9% to 0.2%"},
    ]
    body = made("en", "availability_post", accomplishments=done).body
    assert "I cut mispicks for our biggest customer (from 0.9% to 0.2%)" in body
    assert "140 associates" not in body
    # Of two that show as much, the one told as a story, then the first.
    done[0] |= {"number": "turnover down 30%"}
    assert "turnover down 30%" in made("en", "availability_post", accomplishments=done).body
    done[2] |= {"story": True}
    assert "0.2%" in made("en", "availability_post", accomplishments=done).body


@pytest.mark.parametrize(
    ("typed", "greeted"),
    [
        ("Karthik Anna", "Karthik Anna"),  # 'It drops "anna"' (the hiring manager, S3-D4)
        ("priya di", "Priya di"),
        ("Anna Smith", "Anna"),  # a name, not a word of respect
        ("Sunil sir", "Sunil"),
        ("Prof. Maria Anna", "Prof. Anna"),
    ],
)
def test_a_word_of_respect_after_a_first_name_is_greeted_with_it(typed: str, greeted: str) -> None:
    assert grammar.address(typed).text == greeted


def test_a_chat_thanks_for_the_outcome_not_for_news_of_a_vacancy() -> None:
    """'Thanks for letting me know about the ... role' reads as being told of an opening (the
    hiring manager, S6-D1)."""
    answers = {"messenger_channel": "message", "messenger_name": "Siobhán", "role": "Head of Comms"}
    body = made("en", "thank_you_email", **answers).body
    assert "Thanks for letting me know the outcome on the Head of Comms role." in body
    es = made("es", "thank_you_email", **{**answers, "role": "Jefa de Comunicación"}).body
    assert "Gracias por avisarme de la decisión sobre el puesto de " in es


def test_an_agency_recruiter_is_thanked_for_putting_them_forward() -> None:
    """'I appreciated being considered' thanks the recruiter for the client's decision, and 'glad
    I made it to the final round' sounds junior to a search partner (the hiring manager, S2-D1,
    S5-D1)."""
    answers = {"door": "searches", "stage": "final", "messenger_channel": "phone"}
    body = made("en", "thank_you_email", **answers).body
    assert "I'm grateful you put me forward, and I enjoyed getting to know" in body
    assert "final round" not in body and "considered" not in body
    es = made("es", "thank_you_email", **answers).body
    assert "agradezco mucho que contaran conmigo para el proceso" in es


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_finalist_asks_what_they_could_have_done_better_in_the_interviews(lang: str) -> None:
    """'Was there one thing that would have made my application stronger?' undersells someone
    who reached the final round (the hiring manager, S2-D1)."""
    asked = {"reasons_heard": "not_yet", "feedback_in_thanks": "separate", "stage": "final"}
    better = {"en": "done better in the interviews", "es": "hecho mejor en las entrevistas"}[lang]
    assert better in made(lang, "feedback_request", **asked).body
    assert better not in made(lang, "feedback_request", **{**asked, "stage": "screen"}).body


def test_a_role_typed_in_lower_case_is_said_with_its_acronyms_and_trimmed_of_its_ward() -> None:
    """'the sde 1 backend role' and 'the band 7 ward sister - J24 respiratory role' (the hiring
    manager, S3-D1, S1-D1)."""
    body = made("en", "thank_you_email", role="sde 1 backend", messenger_channel="email").body
    assert "the SDE 1 backend role" in body
    assert "SDE 1 Backend" in made("en", "thank_you_email", role="sde 1 backend").subject
    ward = made("en", "thank_you_email", role="band 7 ward sister - J24 respiratory").body
    assert "the band 7 ward sister role" in ward


@pytest.mark.parametrize(
    ("typed", "formal", "said"),
    [
        # The ask, then who the reader is: the ask alone.
        ("preguntarle si sabe de empresas que busquen egresados, ella conoce gente en BBVA", True,
         "Quería preguntarle si sabe de empresas que busquen egresados."),
        ("Preguntarle quién está armando equipo de riesgos, él se fue a una fintech", False,
         "Quería preguntarte quién está armando equipo de riesgos."),
        ("pedirle que me ayude a practicar entrevistas, ella trabaja en recursos humanos", False,
         "Me gustaría pedirte que me ayudes a practicar entrevistas."),
        ("pedirle consejo para conseguir experiencia en aperturas, él abrió 6 hoteles", True,
         "Me gustaría pedirle consejo para conseguir experiencia en aperturas."),
        # How to reach them is the person's: left out, the ask kept.
        ("que me recomiende en el Galicia si sale algo, mandarle wsp", False,
         "Te agradecería que me recomiendes en el Galicia si sale algo."),
        ("preguntarle por whatsapp si en el Clínico sale alguna supervisión", False,
         "Quería preguntarte si en el Clínico sale alguna supervisión."),
        ("mandarle msj aunq no la conozco, siempre publica vacantes jr de backend", False, ""),
        # Each part of a note said, an 'and' after a stop left out (the sixteenth panel's set).
        ("¿Me podría dar una carta de recomendación? y preguntarle si van a abrir vacantes", True,
         "¿Me podría dar una carta de recomendación? Quería preguntarle si van a abrir "
         "vacantes."),
        # Usted typed in a note that says tú: no rule says it as tú, so it is not sent.
        ("¿Me podría contar cómo pasó usted de la docencia a coordinar proyectos?", False, ""),
        # What the reader did, in the third person, is not said to them as tú.
        ("la conocí en el curso, preguntarle cómo arrancó", False, ""),
    ],
)  # fmt: skip
def test_a_spanish_note_reaches_the_reader_by_its_parts_that_ask(
    typed: str, formal: bool, said: str
) -> None:
    assert question(typed, "es", formal) == said


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        ("en", "looking for a PM role", "I'm looking for a PM role."),
        ("en", "I'd like a data role", "I'm looking for a data role."),
        ("en", "I want to move from teaching into learning design",
         "I'm looking for a new role. I want to move from teaching into learning design."),
        ("en", "want to move into L&D, Brisbane",
         "I'm looking for a new role. I want to move into L&D, Brisbane."),
        ("es", "quiero pasar del aula al sector social: coordinación de programas educativos",
         "Busco un nuevo puesto. Quiero pasar del aula al sector social: coordinación de "
         "programas educativos."),
        ("es", "me gustaría un puesto de analista", "Busco un puesto de analista."),
        ("es", "estoy buscando algo en logística", "Busco algo en logística."),
    ],
)  # fmt: skip
def test_what_someone_looks_for_typed_as_their_own_sentence_is_said_whole(
    lang: str, typed: str, said: str
) -> None:
    """'Busco un puesto de quiero pasar del aula al sector social: ...' (s04-es, four drafts)."""
    post = made(lang, "availability_post", looking_for=typed).body
    assert post.startswith(said)
    note = made(lang, "outreach", looking_for=typed, contacts=[contact("head_hunter", "email")])
    new = {"en": "Looking for a new role", "es": "Busco un nuevo puesto"}[lang]
    assert note.subject.startswith(new) == ("new role" in said or "nuevo puesto" in said)


def test_a_note_asking_who_hires_says_what_the_person_looks_for() -> None:
    """'Estimada Mtra. Salas: ... Quería preguntarle si sabe de empresas que busquen egresados.'
    with nothing of who writes or what they look for (the coach, S2-D3)."""
    asked = "preguntarle si sabe de empresas q busquen egresados, ella conoce gente en BBVA"
    teacher = {**contact("other", "email", "Mtra. Gabriela Salas"), "request": asked}
    body = made("es", "outreach", contacts=[teacher], looking_for="un puesto de backend jr").body
    assert "Busco un puesto de backend jr." in body
    assert "Quería preguntarle si sabe de empresas que busquen egresados." in body


def test_a_rector_is_greeted_by_her_title() -> None:
    """'Hola, Rectora:' and tú to the head of one's own school (the coach, S4-D5)."""
    rector = {**contact("former_manager", "email", "Rectora Marta Lucía Gómez"), "request": None}
    body = made("es", "outreach", contacts=[rector]).body
    assert body.startswith("Estimada Rectora Gómez:") and "se encuentre bien" in body


@pytest.mark.parametrize(
    ("lang", "name", "asks", "news"),
    [
        ("en", "Kevin (my brother)", "How are you doing?",
         "In the end I didn't get the Operations Manager role at Northwind."),
        ("es", "Lina (mi hermana)", "¿Cómo estás?",
         "Al final no me salió lo de Northwind (Operations Manager)."),
    ],
)  # fmt: skip
def test_family_is_written_to_as_family(lang: str, name: str, asks: str, news: str) -> None:
    """'A su hermana: «Hola, Lina: Espero que estés bien»', told the news as a stranger would be
    (the recruiter and the coach, S4-D4)."""
    sister = {**contact("other", "other", name), "request": "can you help me practise interviews"}
    body = made(lang, "outreach", contacts=[sister]).body
    assert asks in body and news in body
    assert "hope you're doing well" not in body and "Espero que" not in body


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # A fact about the reader after the ask is theirs to know ('You're at Temple Quay.',
        # the hold-out coach, S4-D4).
        ("does Arup bristol have anything going? he's at Temple Quay",
         "Does Arup bristol have anything going?"),
        # A note in brackets after the ask is the person's ('(libre ko na kape hehe)', S3-D2).
        ("ask how he prepared for OM and if he can coach me for client calls (libre ko na kape "
         "hehe)",
         "I wanted to ask how you prepared for OM and if you can coach me for client calls."),
        ("how's QA at RBC? are they hiring leads or SDETs? (ask abt hybrid policy)",
         "How's QA at RBC? Are they hiring leads or SDETs?"),
        ("Coffee soon (my treat)!", "Coffee soon!"),
    ],
)  # fmt: skip
def test_what_only_the_person_needs_is_left_out_of_the_ask(typed: str, said: str) -> None:
    assert question(typed, "en") == said


@pytest.mark.parametrize(
    ("lang", "asked", "looking", "says"),
    [
        ("es", "mirar con él si salen plazas de supervisión en otros hospitales del SERMAS",
         "una plaza de supervisora",
         "Busco una plaza de supervisora. Quería preguntarte si salen plazas de supervisión"),
        # A request no rule can say: the note's own ask, with what they look for before it
        # ('Si te llega algo, ...' with no context scored 1, the hold-out's S5-D4).
        ("en", "son's coach, see him at the game sat", "a supervisor role",
         "I'm looking for a supervisor role. If you hear of anything"),
        ("es", "mandarle msj aunq no la conozco", "una plaza de supervisora",
         "Busco una plaza de supervisora. Si te llega algo"),
    ],
)  # fmt: skip
def test_a_note_to_an_acquaintance_says_what_the_person_looks_for(
    lang: str, asked: str, looking: str, says: str
) -> None:
    someone = {**contact("other", "other"), "request": asked}
    assert says in made(lang, "outreach", contacts=[someone], looking_for=looking).body


def test_a_cv_to_update_is_said_as_what_they_will_send() -> None:
    """'I'd like to send you my updated CV first' of a CV 'still from 2019' (FALSE to two
    hold-out readers, S4-D3)."""
    said = question(
        "anything civils / water sector in the SW, permanent pref. send updated CV first!!"
    )
    assert said == "I'll send you my updated CV shortly."

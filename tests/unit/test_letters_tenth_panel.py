"""What the tenth blind panel's readers asked of notes to contacts, each as a general rule:
someone who knows the person hears what just happened, so that what the note asks has its
reason, and no line of a CV they saw being written; a head hunter hears a result at any stage;
what the person wants to ask, typed as a thing or half a sentence, is asked whole; a request
that only says again what they look for leaves the note its own ask; and a part the letter must
keep never loses the person's words to make room for one it may leave out."""

from __future__ import annotations

from typing import Any

import pytest

from rebound.pack.conditions import same_workplace
from rebound.sentences.asking import question
from tests.unit.test_letters_as_sent import contact, drafts, made

WIN = {
    "en": {"_id": "a1", "title": "cut inpatient falls on Ward 22", "number": "38% fewer"},
    "es": {"_id": "a1", "title": "reduje las caídas en la planta 22", "number": "38 % menos"},
}
RECENT = {
    ("en", "final"): "I was recently a finalist for the Operations Manager role at Northwind, "
    "but didn't get it.",
    ("en", "interviews"): "I recently interviewed for the Operations Manager role at Northwind, "
    "but didn't get it.",
    ("es", "final"): "Hace poco llegué a la fase final de un proceso de selección en Northwind "
    "(Operations Manager), pero no salió.",
    ("es", "interviews"): "Hace poco hice las entrevistas de un proceso de selección en Northwind "
    "(Operations Manager), pero no salió.",
}
LOOKING = {"en": "operations roles in logistics", "es": "un puesto de operaciones en logística"}


def note(lang: str, relation: str, **answers: Any) -> str:
    to = {**contact(relation, "email"), **answers.pop("entry", {})}
    return made(lang, "outreach", contacts=[to], accomplishments=[WIN[lang]], **answers).body


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("stage", ["final", "interviews"])
def test_someone_who_knows_them_hears_what_just_happened(lang: str, stage: str) -> None:
    """'With no line saying she has just been a Band 7 finalist, "how you prepared for your own
    interview" comes out of nowhere' (two readers); 'boasting to a former manager about a
    project he oversaw' (three)."""
    recent = RECENT[(lang, stage)]
    for relation in ("former_manager", "former_colleague"):
        body = note(lang, relation, stage=stage, looking_for=LOOKING[lang])
        assert recent in body
        # Said before what they look for: the reason first, then the search.
        assert body.index(recent) < body.index(LOOKING[lang])
    for relation in ("former_manager", "former_colleague"):
        assert WIN[lang]["title"] not in note(lang, relation, stage=stage)
    # A friend hears it only when asked something: a catch-up needs no news of a rejection.
    assert recent not in note(lang, "friend", stage=stage)
    asked = {"request": "could you do a mock interview with me?"}
    assert recent in note(lang, "friend", stage=stage, entry=asked)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_what_just_happened_is_not_said_where_it_is_no_news_or_no_story(lang: str) -> None:
    stage = "final"
    recent = RECENT[(lang, stage)]
    assert recent in note(lang, "former_colleague", stage=stage)
    # Not past a screening; not a move inside the company they work at.
    assert recent.split(",")[0] not in note(lang, "former_colleague", stage="screen")
    assert recent not in note(lang, "former_colleague", stage=stage, internal=True)
    # Not to someone who works where the news came from ('Hannah works at the board that
    # just turned Meredith down'), by the address of both; a mail service's says nothing.
    there = {"email": "hannah@northwind.example"}
    assert recent not in note(lang, "former_colleague", stage=stage, entry=there)
    gmail = {"email": "hannah@gmail.com"}
    assert recent in note(
        lang, "former_colleague", stage=stage, entry=gmail, messenger_email="frank@gmail.com"
    )


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("hosei@rdsb.ca", "anita.nguyen@RDSB.ca", True),
        ("a@gmail.com", "b@gmail.com", False),
        ("a@acme.example", "b@globex.example", False),
        ("", "b@acme.example", False),
        ("acme.example", "b@acme.example", False),
    ],
)
def test_a_workplace_is_read_from_an_address(one: str, other: str, same: bool) -> None:
    assert same_workplace(one, other) is same


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("stage", ["applied", "screen", "interviews", "final"])
def test_a_head_hunter_hears_a_result_at_any_stage(lang: str, stage: str) -> None:
    """'A headhunter gets nothing to place: no years, no sites, no CV offer' (the tenth panel,
    on a note after the interviews)."""
    body = note(lang, "head_hunter", stage=stage)
    assert WIN[lang]["title"] in body
    assert body.count(WIN[lang]["title"]) == 1
    assert "my CV" in body or "mi CV" in body


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        # A thing asked for: asked for whole, 'a' before one of them.
        (
            "en",
            "Referral for battery roles at Ather?",
            "Could I ask you for a referral for battery roles at Ather?",
        ),
        ("en", "intro to your CTO", "Could I ask you for an intro to your CTO?"),
        ("en", "advice on the panel format", "Could I ask you for advice on the panel format?"),
        ("en", "your thoughts on my CV", "Could I ask you for your thoughts on my CV?"),
        # Half a sentence after 'if'; a whole one with its own clause stays as typed.
        (
            "en",
            "if you could be a referee for me",
            "I wanted to ask if you could be a referee for me.",
        ),
        ("en", "If you hear of anything, let me know", "If you hear of anything, let me know."),
        # An order to the reader, asked ('Could you ...?'), never 'a review my CV'.
        ("en", "review my CV", "Could you review my CV?"),
        ("en", "help me prep for the panel", "Could you help me prep for the panel?"),
        (
            "en",
            "Look, I know you're busy, but any leads?",
            "Look, I know you're busy, but any leads?",
        ),
        # Shorthand written out ('Any referrals at ur company?', the eleventh panel).
        ("en", "Any referrals at ur company?", "Any referrals at your company?"),
        (
            "en",
            "how did u land ur first job w/ no degree",
            "How did you land your first job with no degree?",
        ),
        # An infinitive, or a voseo order with 'me', asked ('Ayudarme a ensayar el pitch.').
        ("es", "Ayudarme a ensayar el pitch.", "¿Podrías ayudarme a ensayar el pitch?"),
        (
            "es",
            "Pasame el contacto de la de gestión humana",
            "¿Me pasarías el contacto de la de gestión humana?",
        ),
        (
            "es",
            "Cuéntame cómo entraste",
            "Cuéntame cómo entraste.",
        ),  # a stem that changes: as typed
        (
            "es",
            "si me puede dar una carta de recomendación",
            "Quería preguntarte si me puedes dar una carta de recomendación.",
        ),
        (
            "es",
            "que me tengas en cuenta para cargos de coordinación",
            "Te agradecería que me tengas en cuenta para cargos de coordinación.",
        ),
        ("es", "una carta de recomendación", "¿Te puedo pedir una carta de recomendación?"),
        (
            "es",
            "consejos para la entrevista final",
            "¿Te puedo pedir consejos para la entrevista final?",
        ),
        (
            "es",
            "Si te llegan puestos de jefe de almacén, me interesan",
            "Si te llegan puestos de jefe de almacén, me interesan.",
        ),
        ("es", "¿me presentás a tu jefa?", "¿Me presentás a tu jefa?"),
        (
            "es",
            "Vacantes de gerente de cuartos en Cancún",
            "¿Tendrías noticia de vacantes de gerente de cuartos en Cancún?",
        ),
    ],
)
def test_a_request_typed_as_a_thing_or_half_a_sentence_is_asked_whole(
    lang: str, typed: str, said: str
) -> None:
    """'"Referral for battery roles at Ather?" is a curt fragment asking a big favour' and '"Si
    me puede dar una carta de recomendación." is a fragment and not a question' (the tenth
    panel)."""
    assert question(typed, lang) == said


def test_someone_written_to_formally_is_asked_as_usted() -> None:
    assert question("si me puede dar una carta", "es", formal=True) == (
        "Quería preguntarle si me puede dar una carta."
    )
    assert question("revisar mi CV", "es", formal=True) == "¿Podría revisar mi CV?"
    body = made(
        "es",
        "outreach",
        contacts=[
            {**contact("former_manager", "phone", "Dra. Silvia Kaplan"), "request": "una carta"}
        ],
    ).body
    assert "¿Le puedo pedir una carta?" in body


@pytest.mark.parametrize(
    ("lang", "looking", "typed", "ask"),
    [
        (
            "es",
            "asociado senior en litigio mercantil o arbitraje en un despacho de la CDMX",
            "Me interesan posiciones de asociado senior en litigio o arbitraje en CDMX.",
            "me encantaría saberlo",
        ),
        (
            "en",
            "senior FP&A manager roles in Chicago or remote",
            "I'm interested in senior FP&A manager roles, Chicago or remote.",
            "I'd love to hear about it",
        ),
    ],
)
def test_a_request_that_says_again_what_they_look_for_leaves_the_note_its_ask(
    lang: str, looking: str, typed: str, ask: str
) -> None:
    """'The second sentence repeats the first, and there is no ask' (the tenth panel)."""
    body = note(lang, "head_hunter", looking_for=looking, entry={"request": typed})
    assert typed not in body
    assert ask in body


def test_a_part_it_must_keep_keeps_the_persons_words() -> None:
    """'Hace poco hice las entrevistas del puesto de jefa de almacén ... Estoy buscando mi
    próximo puesto.': what they look for went, for a line that may go."""
    body = note(
        "es",
        "former_colleague",
        role="Jefa de almacén",
        looking_for="un puesto de jefa de almacén en Zaragoza",
    )
    assert "Busco un puesto de jefa de almacén en Zaragoza." in body
    assert "mi próximo puesto" not in body


@pytest.mark.parametrize(
    ("lang", "detail", "said"),
    [
        (
            "es",
            "acompañarme en todo el proceso, y también por darme los motivos aunque no eran lo "
            "que quería escuchar",
            "por acompañarme en todo el proceso",
        ),
        (
            "en",
            "telling me the reasons although they were hard to hear",
            "for telling me the reasons although they were hard to hear.",
        ),
    ],
)
def test_a_clause_inside_a_thanks_is_still_a_thanks(lang: str, detail: str, said: str) -> None:
    """'Acompañarme en todo el proceso ... aunque no eran lo que quería escuchar.' stood as a
    sentence of its own: 'aunque' opens a clause inside the thing thanked for."""
    body = made(lang, "thank_you_email", thank_detail=detail).body
    assert said in body
    assert detail[:1].upper() + detail[1:] not in body


@pytest.mark.parametrize(
    ("lang", "subject"), [("en", "Thank you — Ward Sister"), ("es", "Gracias — Ward Sister")]
)
def test_a_thank_you_within_the_company_names_no_company_in_its_subject(
    lang: str, subject: str
) -> None:
    """'The subject names Chloe's own Trust: it reads like an outside applicant writing to her
    own ward manager' (three readers)."""
    inside = made(lang, "thank_you_email", role="Ward Sister", internal=True)
    assert inside.subject == subject
    outside = made(lang, "thank_you_email", role="Ward Sister", internal=False)
    assert "Northwind" in outside.subject


@pytest.mark.parametrize(
    ("lang", "detail", "twice"),
    [
        ("es", "avisarme por videollamada y no por un mail", "videollamada"),
        ("en", "telling me on a video call and not by email", "video call"),
    ],
)
def test_thanks_for_a_video_call_are_said_once(lang: str, detail: str, twice: str) -> None:
    """'It thanks her twice for calling by video' (two readers): 'Gracias de nuevo por llamarme
    ...; agradecí saberlo de primera mano. ... Gracias también por avisarme por videollamada'."""
    told = {"messenger_channel": "video", "thanked_on_call": True, "stage": "final"}
    body = made(lang, "thank_you_email", thank_detail=detail, **told).body
    assert twice in body
    for said in ("primera mano", "llamarme", "personally", "for calling"):
        assert said not in body


@pytest.mark.parametrize("lang", ["en", "es"])
def test_someone_else_asked_for_something_hears_only_the_ask(lang: str) -> None:
    """'A job-search email to the lecturer who wrote about a joint paper'; 'it tells Marcus's
    current general manager that he was a finalist elsewhere and is looking' (the eleventh
    panel, all three readers; the manager's note was scored 1)."""
    asked = {"request": "would you be open to a call about the seagrass data?"}
    body = note(lang, "other", stage="final", looking_for=LOOKING[lang], entry=asked)
    for said in (LOOKING[lang], WIN[lang]["title"], "Northwind"):
        assert said not in body
    assert "seagrass data" in body
    subject = made(lang, "outreach", contacts=[{**contact("other", "email"), **asked}]).subject
    assert subject in ("A quick question", "Una pregunta")
    # Asked something about work ('Any referrals at ur company?'), they hear what it is for.
    about_work = {"request": "any referrals at your company?"}
    body = note(lang, "other", stage="final", looking_for=LOOKING[lang], entry=about_work)
    assert LOOKING[lang] in body
    # Asked nothing, they hear what the person looks for, and one result.
    body = note(lang, "other", stage="final", looking_for=LOOKING[lang])
    assert LOOKING[lang] in body and WIN[lang]["title"] in body


def test_a_contact_named_with_their_workplace_is_still_the_one_who_gave_the_news() -> None:
    """'A second pitch to the headhunter who just ran the search': the news came from
    'Jonathan Whitcombe, Kessler Hart Executive Search', the contact was 'Jonathan Whitcombe'."""
    news = {"messenger_name": "Jonathan Whitcombe, Kessler Hart Executive Search"}
    to = [contact("head_hunter", "email", "Jonathan Whitcombe")]
    assert not drafts("en", "outreach", contacts=to, **news)
    to = [contact("head_hunter", "email", "Jonathan Price")]
    assert drafts("en", "outreach", contacts=to, **news)
    # A surname written first is not a workplace: 'Smith, John' is not 'Smith, Jane'.
    to = [contact("former_colleague", "email", "Smith, John")]
    assert drafts("en", "outreach", contacts=to, messenger_name="Smith, Jane")


def test_an_irish_surname_keeps_its_particle() -> None:
    """'Dear Prof. Briain' for Prof. Niamh Ó Briain (two readers: a wrong name)."""
    to = [contact("former_manager", "email", "Prof. Niamh Ó Briain")]
    assert made("en", "outreach", contacts=to).body.startswith("Dear Prof. Ó Briain,")


@pytest.mark.parametrize(
    ("lang", "asks"),
    [
        ("en", "I'd welcome a conversation about what would make me a stronger candidate"),
        ("es", "Me gustaría conversar sobre qué me haría una mejor candidatura"),
    ],
)
def test_a_thank_you_within_the_company_asks_for_the_conversation_of_one_who_stays(
    lang: str, asks: str
) -> None:
    """'To her own board chair, "If a similar role opens up, I'd be glad to be considered"
    reads as waiting for the new director to fail', and 'I'm glad I made it to the final
    round' from the interim director (the eleventh panel, three readers)."""
    body = made(lang, "thank_you_email", internal=True, stage="final", door="none").body
    assert asks in body
    for said in ("similar role opens up", "puesto similar", "final round", "fase final"):
        assert said not in body
    # A door left open is still taken up; outside the company, the usual close.
    assert asks not in made(lang, "thank_you_email", internal=True, door="reapply").body
    assert asks not in made(lang, "thank_you_email", internal=False, door="none").body


@pytest.mark.parametrize(
    ("typed", "lang", "is_aside"),
    [
        ("would you be open to a call about the seagrass data?", "en", True),
        ("Can you show me how you do the p&l?", "en", True),
        ("Any referrals at ur company?", "en", False),
        ("could you keep me in mind for openings?", "en", False),
        ("¿Sabés si en tu equipo están contratando?", "es", False),
        ("¿Me ayudás a ensayar el pitch?", "es", True),
        ("", "en", False),
    ],
)
def test_a_request_about_something_else_than_work_is_told_apart(
    typed: str, lang: str, is_aside: bool
) -> None:
    from rebound.sentences.topics import aside

    assert aside(typed, ("position", "role", "job", "puesto")) is is_aside


def test_their_own_words_that_meet_the_letters_are_not_a_phrase_said_twice() -> None:
    """'Do you know anyone looking for a chef de cuisine?' was left out after 'I'm looking for
    a new role as head chef' (the eleventh panel: 'it drops his actual question')."""
    asked = {"request": "do you know anyone looking for a chef de cuisine"}
    body = note("en", "former_manager", looking_for="a new role as head chef", entry=asked)
    assert "Do you know anyone looking for a chef de cuisine?" in body


def test_a_role_typed_with_where_it_is_keeps_only_its_title() -> None:
    """'the decision on the Assistant Principal position at Riverside Middle School role' (the
    twelfth panel: 'position … role')."""
    typed = "the Assistant Principal position at Riverside Middle School"
    email = made("en", "thank_you_email", role=typed)
    assert "the Assistant Principal role" in email.body
    assert "School role" not in email.body and "position" not in email.subject


def test_a_request_that_addresses_the_reader_as_sir_is_asked_under_their_name() -> None:
    """'Hi Suresh, ... Sir, could you suggest anyone ...?' (the twelfth panel)."""
    typed = "Sir, could you suggest anyone in sterile manufacturing?"
    assert question(typed) == "Could you suggest anyone in sterile manufacturing?"
    assert question("Señora, ¿me podría dar una referencia?", "es") == (
        "¿Me podría dar una referencia?"
    )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "Ask whether his airport is planning succession for the VP Operations role",
            "I wanted to ask whether your airport is planning succession for the VP Operations "
            "role.",
        ),
        (
            "ask how his team prepared for the Annex 1 gap assessment",
            "I wanted to ask how your team prepared for the Annex 1 gap assessment.",
        ),
        (
            "reference + does he know anyone at the co-op",
            "Could I ask you for a reference? Do you know anyone at the co-op?",
        ),
        ("Referee?", "Would you be willing to act as a referee for me?"),
        ("advice?", "Could I ask you for advice?"),
        ("your", "Your."),
        # 'her' before 'if' is whom: the reader (`_WHOM_NEXT`); before a noun, whose.
        ("ask her if she is hiring", "I wanted to ask if you are hiring."),
        # The thirteenth panel: a reminder sent as the whole message ('Ask about mentoring.').
        ("ask abt mentoring", "I wanted to ask you about mentoring."),
        ("ask her about mentoring", "I wanted to ask you about mentoring."),
        ("ask for a reference", "Could I ask you for a reference?"),
        (
            "thank him for the studio afternoon + ask if he knows other practices taking grads",
            "Thank you for the studio afternoon. I wanted to ask if you know other practices "
            "taking grads.",
        ),
        (
            "Intros to the PE operating partners he knows.",
            "Could I ask you for intros to the PE operating partners you know?",
        ),
        # Written to the reader already: 'he' is someone else.
        ("could you ask your boss if he is hiring?", "Could you ask your boss if he is hiring?"),
    ],
)
def test_a_note_to_self_about_the_reader_is_said_to_them(typed: str, said: str) -> None:
    """'It drops the one thing she wanted from Ray (whether his airport is planning VP
    Operations succession)', 'it leaves out both things he needs from Tom: the reference, and
    whether Tom knows anyone at the co-op' (the twelfth panel, all three readers)."""
    assert question(typed) == said


def test_a_note_to_self_reaches_the_note() -> None:
    asked = {"request": "reference + does he know anyone at the co-op"}
    body = note("en", "former_manager", entry=asked)
    assert "Could I ask you for a reference? Do you know anyone at the co-op?" in body


def test_a_lone_i_in_their_words_is_written_as_english_writes_it() -> None:
    """'while i build up the office skills' in a public post (the twelfth panel)."""
    typed = "a farm operations role while i build up the office skills, and i'm keen"
    post = made("en", "availability_post", looking_for=typed).body
    assert "while I build up the office skills, and I'm keen" in post
    # A name is never changed ('Vidal i Ferrer' joins two surnames).
    to = [contact("former_colleague", "email", "Jordi Vidal i Ferrer")]
    assert "Vidal i Ferrer" in made("en", "outreach", contacts=to).to


def test_a_spanish_note_to_self_to_ask_them_is_asked() -> None:
    """'¿Podría preguntarle si conoce clubes...?' (the twelfth panel: awkward)."""
    assert question("preguntarle si conoce clubes de la ACB", "es", formal=True) == (
        "Quería preguntarle si conoce clubes de la ACB."
    )


@pytest.mark.parametrize(
    ("lang", "friendly", "plain"),
    [
        ("en", "Are you free for a quick call this week?", "Would you have ten minutes"),
        ("es", "¿Te viene bien una llamada rápida esta semana?", "¿Tendrías diez minutos"),
    ],
)
def test_a_friend_is_called_as_a_friend_asks(lang: str, friendly: str, plain: str) -> None:
    """'Too formal for "el Chuy"', 'a LinkedIn template sent to a friend' (the twelfth panel)."""
    friend = made(lang, "outreach", contacts=[contact("friend", "phone")]).body
    assert friendly in friend and plain not in friend
    colleague = made(lang, "outreach", contacts=[contact("former_colleague", "phone")]).body
    assert plain in colleague and friendly not in colleague


def test_a_spanish_door_to_reapply_names_no_crowd() -> None:
    """'"me sugirieron" (plural) when only Ing. Garza suggested reapplying' (the twelfth)."""
    body = made("es", "thank_you_email", door="reapply").body
    assert "como se me sugirió" in body and "sugirieron" not in body


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("jefe de produccion en el norte del pais", "jefe de producción en el norte del país"),
        ("gestion de equipos, y tambien logistica", "gestión de equipos, y también logística"),
        ("direcciones y Production Manager", "direcciones y Production Manager"),  # as typed
    ],
)
def test_spanish_accents_left_out_where_none_can_be_are_written(typed: str, said: str) -> None:
    """'"norte del pais" is pasted in unedited' (the twelfth panel, three readers)."""
    post = made("es", "availability_post", looking_for=typed).body
    assert said in post

"""What the sixteenth blind panel's readers found pasted or false, each as a general rule: a
note to self that no frame can say to the reader is not sent (the note asks in its own words,
and the person is told theirs were not used); a coffee typed with what to talk over is one
invitation; the person's own CV is sent, not asked for; a looking-for or known-for answer
fitted to its sentence ('faculty', 'CFO of ...', 'hard worker')."""

from __future__ import annotations

import pytest

from rebound.pack import packs
from rebound.sentences import templates
from rebound.sentences.asking import question
from tests.unit.test_letters_as_sent import contact, made

# Notes to self that no frame says to the reader: nothing of them is sent.
NOTES = [
    ("en", False, "ask at the hall thursday if anybody's looking for foremen"),
    ("en", False, "find her at ASLO, she did 3 campus visits last year and got an offer"),
    ("en", False, "law school friend. how did he make the jump?"),
    ("es", False, "la conocí en el curso, es consultora de capacitación, preguntarle cómo arrancó"),
    ("es", False, "tomarnos un tinto y preguntarle si en la naviera están buscando comerciales"),
    ("es", False, "por WhatsApp, él conoce al gerente de una agencia de aduanas"),
    ("es", True, "platicar con ella sobre a qué empresas aplicar"),
]


@pytest.mark.parametrize(("lang", "formal", "typed"), NOTES)
def test_a_note_no_frame_can_say_to_the_reader_is_not_sent(
    lang: str, formal: bool, typed: str
) -> None:
    """'Ask at the hall thursday if anybody's looking for foremen.', 'Find you at ASLO, you did
    3 campus visits ...', '... preguntarle cómo arrancó.' (all three readers, 13 drafts)."""
    assert question(typed, lang, formal) == ""


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        # What was said before stays as typed: two sentences of the person's.
        ("en", "Coffee soon!", "Coffee soon!"),
        (
            "en",
            "could you intro me? even a small lead helps.",
            "Could you intro me? even a small lead helps.",
        ),
        (
            "en",
            "coffee + pick his brain about state jobs",
            "Could I buy you a coffee and pick your brain about state jobs?",
        ),
        (
            "en",
            "lunch + ask about the ops team",
            "Could I buy you lunch and ask about the ops team?",
        ),
        ("en", "send updated resume", "I'll send you my updated resume shortly."),
        ("en", "send my portfolio", "I'll send you my portfolio shortly."),
        ("en", "send me the job link", "Could you send me the job link?"),
        (
            "en",
            "shes a PM at northstar now, ask if they need a foreman",
            "Now that you're a PM at northstar, I wanted to ask if they need a foreman.",
        ),
        (
            "en",
            "what else is she running in CFO searches",
            "What else are you running in CFO searches?",
        ),
        (
            "en",
            "she said she'd put in a word, follow up on that",
            "Since you said you'd put in a word, I'd like to follow up on that.",
        ),
        (
            "es",
            "labura en RRHH en un banco, ¿me pasás el contacto de alguien?",
            "¿Me pasás el contacto de alguien?",
        ),
        ("es", "mandarle el CV actualizado", "Me gustaría mandarte el CV actualizado."),
    ],
)
def test_what_can_be_said_to_the_reader_is(lang: str, typed: str, said: str) -> None:
    assert question(typed, lang) == said


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_note_asks_in_its_own_words_and_the_person_is_told(lang: str) -> None:
    typed = {
        "en": "ask at the hall thursday if anybody's looking for foremen",
        "es": "la conocí en el curso, preguntarle cómo arrancó",
    }[lang]
    one = made(lang, "outreach", contacts=[{**contact("friend", "other"), "request": typed}])
    assert typed not in one.body and typed[1:30] not in one.body.lower()
    assert ("letters_not_asked", typed, "") in one.told
    # Said to the reader, it is asked, and nothing is told.
    fine = {"en": "any openings at your company?", "es": "¿sabes de vacantes en tu empresa?"}[lang]
    asked = made(lang, "outreach", contacts=[{**contact("friend", "other"), "request": fine}])
    assert fine[2:20] in asked.body
    assert not [t for t in asked.told if t[0] == "letters_not_asked"]


def test_the_person_is_told_in_the_packs_words() -> None:
    for lang in ("en", "es"):
        content = packs.load(packs.default_dir(lang))
        said = content.say("letters_not_asked", value="ask at the hall")
        assert "ask at the hall" in said and "{{" not in said


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "tenure-track faculty in marine ecology",
            "a tenure-track faculty position in marine ecology",
        ),
        ("faculty roles in physics", "faculty roles in physics"),
        ("CFO of a late-stage biotech", "a new role as CFO of a late-stage biotech"),
    ],
)
def test_what_they_look_for_reads_as_a_job(typed: str, said: str) -> None:
    """'I'm looking for a tenure-track faculty in marine ecology', 'a new role in CFO of a
    late-stage ...' (all three readers)."""
    words = packs.load(packs.default_dir("en")).template_words
    assert templates.render("{{x|role}}", {"x": typed}, words) == said


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("hard worker", "being a hard worker"),
        ("a team player", "being a team player"),
        ("patient", "being patient"),
        ("developing managers", "developing managers"),
        ("the calm in a crisis", "the calm in a crisis"),
    ],
)
def test_what_they_are_known_for_as_a_person_is_being_one(typed: str, said: str) -> None:
    """'I'm known for hard worker' (all three readers)."""
    words = packs.load(packs.default_dir("en")).template_words
    assert templates.render("{{x|trait}}", {"x": typed}, words) == said


FROZEN = {
    "en": "the position has been frozen under the mid-year budget hold, not a reflection on me",
    "es": "el puesto quedó congelado por un recorte de presupuesto, no tiene que ver conmigo",
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("channel", ["email", "phone", "in_person"])
def test_a_role_nobody_got_is_not_thanked_for_as_a_decision(lang: str, channel: str) -> None:
    """'Treats a budget freeze as "the decision" on him, and never says he'd like to hear when
    it is reposted' (two readers, FALSE)."""
    answers = {"reasons_heard": "given", "reasons": FROZEN[lang], "messenger_channel": channel}
    body = made(lang, "thank_you_email", stage="final", door="pool", **answers).body
    said = {
        "en": ("won't be filled for now", "opens again"),
        "es": ("no se cubrirá", "vuelve a abrirse"),
    }
    assert all(words in body for words in said[lang]), body
    assert ("decision" if lang == "en" else "decisión") not in body
    # Their own thanks for being told ('letting me know about the freeze') is not said twice,
    # and the news is still not a decision.
    told = {"en": "letting me know about the freeze", "es": "avisarme de la congelación"}[lang]
    body = made(lang, "thank_you_email", stage="final", thank_detail=told, **answers).body
    assert said[lang][0] in body and ("decision" if lang == "en" else "decisión") not in body
    # A reason about the person is thanked for as the decision it was.
    mine = {
        "en": "they wanted more budget experience",
        "es": "querían más experiencia con presupuestos",
    }
    body = made(lang, "thank_you_email", **{**answers, "reasons": mine[lang]}).body
    assert said[lang][0] not in body


@pytest.mark.parametrize("lang", ["en", "es"])
def test_catching_up_is_offered_only_where_the_note_offers_to_meet_or_call(lang: str) -> None:
    """'"It would be good to catch up" with no follow-through' (the coach, five drafts)."""
    said = {"en": "catch up", "es": "al día"}[lang]
    for channel, offered in (
        ("linkedin", False),
        ("email", False),
        ("coffee", True),
        ("phone", True),
    ):
        one = made(lang, "outreach", contacts=[contact("former_colleague", channel)])
        assert (said in one.body) is offered, (channel, one.body)


def test_a_figure_the_title_says_is_not_said_again_in_brackets() -> None:
    """'I led the $180M Series D ... ($180M raised, runway 12 -> 36 months)' (the manager)."""
    win = {
        "_id": "e1",
        "title": "led the $180M Series D and the venture debt refinancing",
        "number": "$180M raised, runway 12 -> 36 months",
    }
    post = made("en", "availability_post", accomplishments=[win])
    assert "refinancing (runway 12 -> 36 months)." in post.body


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "biotech CFO who took Vireo public, pick her brain on IPO readiness",
            "Since you took Vireo public, I'd like to pick your brain on IPO readiness.",
        ),
        (
            "my old CEO, on 3 boards now. ask if any of them need a CFO",
            "Now that you're on 3 boards, I wanted to ask if any of them need a CFO.",
        ),
        (
            "law school friend, in-house at a medtech co now. how did he make the jump?",
            "Now that you're in-house at a medtech co, how did you make the jump?",
        ),
        (
            "met her at the APA conference, ask about the research team",
            "We met at the APA conference. I wanted to ask you about the research team.",
        ),
        # Who they are, said as nothing the reader does: only the ask.
        ("golf buddy. ask about openings", "I wanted to ask you about openings."),
    ],
)
def test_who_the_reader_is_is_said_to_them_as_the_reason(typed: str, said: str) -> None:
    """'I'd like to pick your brain on IPO readiness' with nothing of who she is, to a
    near-stranger (all three readers: 'a cold ask with no context')."""
    assert question(typed) == said


@pytest.mark.parametrize(
    ("typed", "greeted"),
    [
        ("Ingeniero Rojas", "Estimado Ingeniero Rojas:"),
        ("Licenciada Méndez", "Estimada Licenciada Méndez:"),
        ("Arquitecta Gil", "Estimada Arquitecta Gil:"),
    ],
)
def test_a_spanish_title_spelt_out_is_greeted_formally(typed: str, greeted: str) -> None:
    """'Hola, Ingeniero Rojas:' mixes registers (the coach)."""
    words = packs.load(packs.default_dir("es")).template_words
    assert templates.render("{{x|greeting}}", {"x": typed}, words) == greeted
    assert templates.filtered("titled", typed, words) is True


@pytest.mark.parametrize(
    ("typed", "tu", "usted"),
    [
        (
            "ahora está en una fintech en Barcelona, preguntarle si buscan diseñadores en remoto",
            "Quería preguntarte si buscan diseñadores en remoto.",
            "Quería preguntarle si buscan diseñadores en remoto.",
        ),
        (
            "es consultora de capacitación, preguntarle si sabe de vacantes",
            "Quería preguntarte si sabes de vacantes.",
            "Quería preguntarle si sabe de vacantes.",
        ),
        # How something with its own subject is: asked (the eighteenth panel).
        (
            "se fue a trabajar a Santiago, preguntarle cómo está el mercado allá",
            "Quería preguntarte cómo está el mercado allá.",
            "Quería preguntarle cómo está el mercado allá.",
        ),
        # Asked how the reader did something, the verb is theirs, and no rule says it so.
        ("se fue a trabajar a Santiago, preguntarle cómo le fue", "", ""),
    ],
)
def test_a_spanish_note_about_the_reader_asks_only_what_it_asks(
    typed: str, tu: str, usted: str
) -> None:
    """'Ahora está en una fintech en Barcelona, preguntarle si buscan ...' sent as it was typed
    (all three readers)."""
    assert question(typed, "es") == tu
    assert question(typed, "es", formal=True) == usted


def test_a_wish_of_what_the_reader_does_is_said_to_them_as_tu() -> None:
    """'¿Podrías quedar para un café y que me eche un ojo al portfolio?' mixes tú and usted."""
    typed = "quedar para un café y que me eche un ojo al portfolio"
    assert (
        question(typed, "es") == "¿Podrías quedar para un café y que me eches un ojo al portfolio?"
    )
    assert question(typed, "es", formal=True).endswith("y que me eche un ojo al portfolio?")


def test_what_they_did_is_written_out_and_holds_one_pair_of_brackets() -> None:
    """'2 wks early (abt 80k under budget)', '... strategy (2018) (£1.2m reallocated ...)'."""
    words = packs.load(packs.default_dir("en")).template_words
    wins = [{"title": "delivered the drainage 2 wks early", "number": "abt 80k under budget"}]
    said = templates.render("{{a|did}}", {"a": wins}, words)
    assert said == "delivered the drainage 2 weeks early (about 80k under budget)"
    wins = [{"title": "led the review behind the strategy (2018)", "number": "£1.2m reallocated"}]
    said = templates.render("{{a|did}}", {"a": wins}, words)
    assert said == "led the review behind the strategy (2018; £1.2m reallocated)"


def test_a_final_g_dropped_is_written_out() -> None:
    words = packs.load(packs.default_dir("en")).template_words
    typed = "gettin stuff built on time"
    assert templates.render("{{a|trait}}", {"a": typed}, words) == "getting stuff built on time"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("stage", ["screen", "interviews", "final", "applied"])
def test_an_agencys_unnamed_client_is_not_a_workplace_they_learnt_about(
    lang: str, stage: str
) -> None:
    """'I enjoyed learning more about the work at Coastline Recruitment - for a Tier 1 Civil
    Contractor in Brisbane' (all three readers, FALSE: the client was never named)."""
    company = {
        "en": "Coastline Recruitment - for a Tier 1 Civil Contractor in Brisbane",
        "es": "Talento Sur, para una constructora de Lima",
    }[lang]
    one = made(lang, "thank_you_email", company=company, stage=stage)
    body = one.body
    assert company.split()[0] not in body and company.split()[0] not in one.subject
    assert "your work" not in body and "su trabajo" not in body
    named = made(lang, "thank_you_email", company="Globex", stage=stage).body
    assert "Globex" in named
    # A client named, with the agency beside it, is where the job is.
    client = "Grupo Norte (cliente de la consultora Talento Regio)"
    named = made(lang, "thank_you_email", company=client, stage=stage).body
    assert "Grupo Norte" in named


def test_a_note_to_someone_written_to_as_usted_is_told_as_unused_too() -> None:
    """A note to self to a titled contact: no form of it is said, and the person hears so."""
    typed = "mandarles el CV"
    whom = contact("other", "email", "Dra. Ana Ruiz")
    one = made("es", "outreach", contacts=[{**whom, "request": typed}])
    assert typed not in one.body
    assert ("letters_not_asked", typed, "") in one.told


@pytest.mark.parametrize(
    "typed",
    ["mandarle el CV y preguntarle si hay algo", "invitarlo a un café y contarle mi plan"],
)
def test_an_infinitive_after_y_is_said_to_usted(typed: str) -> None:
    """'Me gustaría mandarle el CV y preguntarle si hay algo.' is usted Spanish, not a note."""
    assert question(typed, "es", formal=True).startswith("Me gustaría")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_role_on_hold_takes_no_feedback_to_heart(lang: str) -> None:
    """'won't be filled for now' and then 'I've taken the feedback to heart' contradict."""
    paused = {"en": "they've paused the role until the spring", "es": "el puesto está en pausa"}
    fixes = [{"_id": "f1", "what": "take the staffing course", "due": "2027-01-10"}]
    answers = {"reasons_heard": "given", "reasons": paused[lang], "messenger_channel": "email"}
    body = made(lang, "thank_you_email", fixes=fixes, **answers).body
    assert "staffing course" not in body

"""What the fourteenth blind panel's readers found false or pasted, each as a general rule: the
first step a thank-you names is the fix due first; someone typed with who they are to the
person ('mi primo Wílmer') is greeted by their name; a job looked for 'in' the kind of work
typed after a comma."""

from __future__ import annotations

import pytest

from rebound.sentences import grammar
from tests.unit.test_letters_as_sent import contact, made

REASONS = {"reasons_heard": "given", "messenger_channel": "phone", "thanked_on_call": True}
LATER = {"en": "shadow the budget meetings", "es": "acompañar las reuniones de presupuesto"}
SOONER = {"en": "take the staffing course", "es": "hacer el curso de plantillas"}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_first_step_is_the_fix_due_first(lang: str) -> None:
    """'Calls a fix "my first step" when another fix is due earlier' (the recruiter, FALSE)."""
    fixes = [
        {"_id": "f1", "what": LATER[lang], "due": "2027-03-01"},
        {"_id": "f2", "what": SOONER[lang], "due": "2027-01-10"},
    ]
    body = made(lang, "thank_you_email", fixes=fixes, **REASONS).body
    assert SOONER[lang] in body
    assert LATER[lang] not in body
    # Typed first, it is said first when it is due first.
    assert SOONER[lang] in made(lang, "thank_you_email", fixes=fixes[::-1], **REASONS).body


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_first_step_that_cannot_be_said_is_not_replaced_by_a_later_one(lang: str) -> None:
    fixes = [
        {"_id": "f1", "what": LATER[lang], "due": "2027-03-01"},
        {"_id": "f2", "what": "siemens s7 course w/ etb", "due": "2027-01-10"},
    ]
    body = made(lang, "thank_you_email", fixes=fixes, **REASONS).body
    assert LATER[lang] not in body
    assert LATER[lang] in made(lang, "thank_you_email", fixes=fixes[:1], **REASONS).body


@pytest.mark.parametrize(
    ("typed", "greeted"),
    [
        ("mi primo Wílmer", "Wílmer"),
        ("my cousin Jake", "Jake"),
        ("my old boss Tom Reed", "Tom"),
        ("mi primo wilmer", "Wilmer"),
        # A name that is one of those words stays a name.
        ("My Nguyen", "My"),
        ("tía Marta", "Tía Marta"),
    ],
)
def test_who_they_are_to_the_person_is_not_their_name(typed: str, greeted: str) -> None:
    """'Greets the cousin as "Mi" instead of Wílmer' (the coach and the recruiter, FALSE)."""
    assert grammar.first_name(typed, "es") == greeted


def test_the_kind_of_work_after_a_comma_is_where_the_job_is() -> None:
    """'"I'm looking for lead electrician or foreman, commercial work"' (all three readers)."""
    body = made(
        "en", "availability_post", looking_for="lead electrician or foreman, commercial work"
    ).body
    assert "a lead electrician or foreman role in commercial work" in body


@pytest.mark.parametrize(
    ("grammar_of", "typed", "written"),
    [
        ("en", "being really nice abt it", "being really nice about it"),
        ("en", "Abt the role, b4 the holidays", "About the role, before the holidays"),
        (
            "en",
            "called me thru the agency, didnt have to",
            "called me through the agency, didn't have to",
        ),
        (
            "en",
            "apply to at least 2 DOR jobs a wk, 5 yrs as mgr",
            "apply to at least 2 DOR jobs a week, 5 years as manager",
        ),
        # In capitals, a name's: British Columbia, an instant message.
        ("en", "moving to BC, IM me", "moving to BC, IM me"),
        (
            "es",
            "me dijo q no, pero tmb q me llamaría",
            "me dijo que no, pero también que me llamaría",
        ),
    ],
)
def test_shorthand_is_written_out_in_a_letter(grammar_of: str, typed: str, written: str) -> None:
    """'Casual shorthand from the notes ends up in formal thank-yous ("being really nice abt
    it")' (the recruiter and the coach)."""
    from rebound.sentences import tidy

    assert tidy.tidied(typed, grammar_of) == written


def test_a_thank_you_writes_out_the_shorthand_of_what_it_thanks_for() -> None:
    body = made("en", "thank_you_email", thank_detail="being really nice abt it").body
    assert "abt" not in body and "about it" in body


@pytest.mark.parametrize(
    ("lang", "reasons", "claimed"),
    [
        ("en", 'they promoted their front office mgr internally, "nothing to do with you"', False),
        ("en", "the hiring freeze hit the role", False),
        ("en", "the panel wanted more people leadership", True),
        ("es", "ascendieron a alguien de dentro; no tiene que ver contigo", False),
        ("es", "buscaban más experiencia liderando equipos", True),
    ],
)
def test_reasons_about_the_circumstances_take_no_feedback_on_board(
    lang: str, reasons: str, claimed: bool
) -> None:
    """'"I've taken the feedback on board" implies feedback about her, but the only reason
    given was an internal promotion, "nothing to do with you"' (both paired readers, FALSE)."""
    fixes = [{"_id": "f1", "what": SOONER[lang], "due": "2027-01-10"}]
    body = made(lang, "thank_you_email", fixes=fixes, reasons=reasons, **REASONS).body
    assert (SOONER[lang] in body) is claimed


@pytest.mark.parametrize(
    ("lang", "typed", "greeted"),
    [
        ("en", "locum agency guy, Craig?", "Hi Craig,"),
        ("en", "Big Mike Landry, my old lead", "Hi Big Mike,"),
        ("es", "Lic. Héctor Villaseñor, gerente de finanzas de la categoría", "Lic. Villaseñor"),
        ("es", "Lic. Julia, mi supervisora de prácticas en el CEM", "Lic. Julia"),
        # A capital after the comma is a name or a workplace: as before.
        ("en", "Jonathan Whitcombe, Kessler Hart Executive Search", "Hi Jonathan,"),
    ],
)
def test_who_they_are_after_a_comma_is_not_greeted(lang: str, typed: str, greeted: str) -> None:
    """'"Hi Locum"', '"Lic. de finanzas de la categoría"': a label greeted as a name (FALSE for
    the recruiter and the coach of the fifteenth panel)."""
    body = made(
        lang, "outreach", contacts=[{**contact("former_colleague", "email"), "name": typed}]
    )
    assert greeted in body.body.splitlines()[0]


def test_a_contact_typed_as_a_description_is_greeted_as_nobody_in_particular() -> None:
    typed = "aviation recruiter that msgd me on linkedin last month"
    body = made("en", "outreach", contacts=[{**contact("head_hunter", "linkedin"), "name": typed}])
    first = body.body.splitlines()[0]
    assert "Aviation" not in first and "aviation" not in first


@pytest.mark.parametrize(("lang", "missed"), [("en", "didn't get it"), ("es", "no salió")])
def test_a_frozen_role_is_not_one_they_didnt_get(lang: str, missed: str) -> None:
    """'Says he "didn't get it", but the role was frozen after he had been cleared' (the
    recruiter of the fifteenth panel, FALSE)."""
    news = {"stage": "final", "role": "Credit Risk AVP", "company": "Northwind"}
    to = [contact("former_manager", "phone")]
    frozen = made(lang, "outreach", contacts=to, reasons="hiring freeze, role on hold", **news)
    assert missed not in frozen.body
    assert missed in made(lang, "outreach", contacts=to, reasons="more P&L depth", **news).body


def test_a_number_left_in_its_own_brackets_gets_no_second_pair() -> None:
    """'"((+85%)" typo in a public CEO-level post' (all three readers of the fifteenth panel)."""
    win = {
        "_id": "a1",
        "title": "Grew voluntary income at Thameside from £6.2m to £11.5m in five years",
        "number": "£6.2m to £11.5m (+85%)",
    }
    body = made("en", "availability_post", accomplishments=[win]).body
    assert "in five years (+85%)." in body and "((" not in body


def test_a_friend_asked_for_something_else_than_work_hears_only_the_ask() -> None:
    """'A job-search pitch to a friend she wants to vent to' (all three readers, S1-D5)."""
    asked = {"request": "Drinks friday?? need to vent."}
    body = made("en", "outreach", contacts=[{**contact("friend", "other"), **asked}]).body
    assert (
        "looking for" not in body and "Drinks Friday?? need to vent." in body
    )  # a day, capitalised
    for work in ("any openings at your school?", "could you be a referee for me?"):
        asked = {"request": work}
        body = made("en", "outreach", contacts=[{**contact("friend", "other"), **asked}]).body
        assert "looking for" in body, work
    asked = {"request": "¿Me puedes escribir una carta de recomendación?"}
    body = made("es", "outreach", contacts=[{**contact("friend", "other"), **asked}]).body
    assert "Busco" in body or "buscando" in body


@pytest.mark.parametrize(
    "reasons",
    ["they wanted more international experience", "no budget ownership on my CV"],
)
def test_reasons_about_the_person_still_take_feedback_on_board(reasons: str) -> None:
    fixes = [{"_id": "f1", "what": SOONER["en"], "due": "2027-01-10"}]
    body = made("en", "thank_you_email", fixes=fixes, reasons=reasons, **REASONS).body
    assert SOONER["en"] in body


@pytest.mark.parametrize("typed", [", Craig", " , x", "Craig,"])
def test_a_name_typed_around_a_bare_comma_makes_a_note(typed: str) -> None:
    """A comma with nothing before it once stopped the draft with an IndexError."""
    body = made("en", "outreach", contacts=[{**contact("friend", "phone"), "name": typed}]).body
    assert body.startswith("Hi ") or body.startswith("Hello")

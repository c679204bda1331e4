"""Drafts as things to act on, without a terminal: names, header lines, mailto: links, edits."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from rebound.coach import drafts as drafting
from rebound.pack import packs
from rebound.storage.records import Session
from tests.helpers import MakeSession
from tests.scenario import DRAFT_IDS


@pytest.fixture(scope="module")
def english() -> packs.Content:
    return packs.load(packs.default_dir("en"))


@pytest.fixture(scope="module")
def spanish() -> packs.Content:
    return packs.load(packs.default_dir("es"))


def parsed(url: str) -> tuple[str, dict[str, str]]:
    """A mailto: link read back the standard library's way: (address, {field: value})."""
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    fields = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    return unquote(parts.path), fields


def test_mailto_round_trips_to_subject_and_body() -> None:
    body = "Hi Dana,\n\nThank you & goodbye = 100% ?#\n\nBest wishes,\nAlex\n"
    url = drafting.mailto("Dana Smith <dana@globex.example>", "Thank you — Data Engineer", body)
    to, fields = parsed(url)
    assert to == "dana@globex.example"  # RFC 6068: the address alone, no name beside it
    assert fields["subject"] == "Thank you — Data Engineer"
    assert fields["body"] == body.rstrip("\n").replace("\n", "\r\n")
    assert "%20" in url and "+" not in url  # spaces as %20, never '+'
    assert "%0D%0A" in url and "\n" not in url
    assert set(fields) == {"subject", "body"}  # '&', '=' and '#' in the text stayed in it


def test_mailto_with_non_ascii_names() -> None:
    body = "Hola, María José:\n\nGracias — de corazón.\n"
    url = drafting.mailto("María José Pérez <mj@ejemplo.es>", "Gracias — Ingeniería", body)
    assert url.isascii()
    to, fields = parsed(url)
    assert to == "mj@ejemplo.es"
    assert fields == {
        "subject": "Gracias — Ingeniería",
        "body": "Hola, María José:\r\n\r\nGracias — de corazón.",
    }


def test_mailto_without_an_address_or_subject() -> None:
    url = drafting.mailto("Dana Smith", "", "Hi Dana")
    assert url == "mailto:?body=Hi%20Dana"
    assert drafting.address("dana@globex.example") == "dana@globex.example"
    assert drafting.address("Dana <dana@globex.example>") == "dana@globex.example"


def test_headers_come_off_the_top(english: packs.Content, spanish: packs.Content) -> None:
    text = "To: Dana <d@x.example>\nSubject: Thanks\n\nHi Dana,\n\nBye  \n"
    assert drafting.split_headers(text, english) == (
        "Dana <d@x.example>",
        "Thanks",
        "Hi Dana,\n\nBye\n",
    )
    # The pack's own words, and English ones, in either pack.
    es = "Para: Dana <d@x.example>\nAsunto: Gracias\n\nHola, Dana:\n"
    assert drafting.split_headers(es, spanish) == ("Dana <d@x.example>", "Gracias", "Hola, Dana:\n")
    assert drafting.split_headers(text, spanish)[:2] == ("Dana <d@x.example>", "Thanks")
    # A first line that is not a header is just text, colon or not.
    notes = "What went well: the design round\nWhat I'll fix:\n"
    assert drafting.split_headers(notes, english) == ("", "", notes)


def test_plain_is_ready_to_paste() -> None:
    assert drafting.plain("\n\nHi  \r\nthere\t\n\n\n") == "Hi\nthere\n"
    assert drafting.plain("") == ""


def test_session_drafts_are_named_and_marked(
    english: packs.Content, finished_session: Session
) -> None:
    drafts = drafting.session_drafts(english, finished_session)
    names = [d.id for d in drafts]
    assert names == DRAFT_IDS
    thanks = drafting.find(drafts, "Thank-You-Email")  # '-' or '_', any case
    assert thanks is not None
    assert (thanks.to, thanks.channel, thanks.ticks) == (
        "Dana Smith <dana@globex.example>",
        "email",
        "thank-you-sent",
    )
    assert thanks.body.startswith("Hi Dana,")
    assert thanks.text.startswith("To: Dana Smith")
    assert [d.channel for d in drafts] == ["email", "email", "", "", "", "post", "email"]
    outreach = drafting.find(drafts, "outreach-1")  # one per contact, ticking its own item
    assert outreach is not None and (outreach.channel, outreach.ticks) == ("email", "contact-1")
    lines = drafting.listing(english, drafts)
    assert lines[0].split()[:4] == ["thank_you_email", "Your", "thank-you", "email"]
    assert "to Dana Smith <dana@globex.example>" in lines[0]
    assert not any("edited" in line for line in lines)


def test_an_edit_is_what_is_shown(english: packs.Content, finished_session: Session) -> None:
    session = finished_session
    made = session.drafts["thank_you_email"]
    edited = made.replace("Best wishes,", "Warmly,")
    assert drafting.keep_edit(session, "thank_you_email", edited + "   \n\n")
    shown = drafting.find(drafting.session_drafts(english, session), "thank_you_email")
    assert shown is not None
    assert shown.edited
    assert "Warmly," in shown.body and shown.text == drafting.plain(edited)
    assert "edited" in drafting.listing(english, [shown])[0]
    # Saving the same edit again changes nothing; editing it back to the made draft drops it.
    assert not drafting.keep_edit(session, "thank_you_email", edited)
    assert drafting.keep_edit(session, "thank_you_email", made)
    assert session.edited == {}


def test_an_edit_is_outdated_only_when_the_answers_change_the_draft(
    finished_session: Session,
) -> None:
    session = finished_session
    made = session.drafts["thank_you_email"]
    assert not drafting.edit_outdated(session, "thank_you_email", made + "changed")  # no edit
    session.edited["thank_you_email"] = "My own words\n"
    assert not drafting.edit_outdated(session, "thank_you_email", made)
    assert drafting.edit_outdated(session, "thank_you_email", made.replace("Dana", "Dan"))


def test_offers_are_the_messages_still_to_send(
    english: packs.Content, make_session: MakeSession
) -> None:
    session = make_session()
    offered = {s.id: [d.id for d in drafting.offers(english, session, s)] for s in english.steps}
    assert offered == {
        "thank": ["thank_you_email"],
        "ask-why": ["feedback_request"],
        "reflect": [],
        "accomplishments": [],
        "re-engage": ["availability_post", "outreach-1"],
    }
    # Feedback already asked on the call: no request to send. A sent thank-you: not offered.
    on_call = make_session(feedback_asked="on_call")
    on_call.ticked["thank-you-sent"] = on_call.created_at
    assert drafting.offers(english, on_call, english.step("ask-why")) == []
    assert drafting.offers(english, on_call, english.step("thank")) == []


def test_ticks_must_name_an_item_of_the_step_and_go_with_send() -> None:
    from pydantic import ValidationError

    from rebound.pack.models import Draft, Step

    with pytest.raises(ValidationError, match="'ticks' only goes with a draft that is sent"):
        Draft(id="notes", title="Notes", template="x", ticks="done")
    draft = Draft(id="mail", title="Mail", template="x", send="email", ticks="sent")
    with pytest.raises(ValidationError, match="draft 'mail' ticks 'sent', not an item"):
        Step(id="s", title="S", short="s", why="w", guidance=[], prompts=[], drafts=[draft])


def test_spanish_says_an_edit_without_a_gender_to_agree_with(finished_session: Session) -> None:
    """Issue 22, item 12: "publicación · editado" (the title is feminine, the word masculine)."""
    spanish = packs.load(packs.content_dir(lang="es"))
    finished_session.edited["availability_post"] = "Busco un puesto nuevo.\n"
    drafts = drafting.session_drafts(spanish, finished_session)
    [post] = [line for line in drafting.listing(spanish, drafts) if "availability_post" in line]
    assert post.endswith("Tu publicación de disponibilidad · con tus cambios"), post
    assert "editad" not in spanish.say("draft_edited")

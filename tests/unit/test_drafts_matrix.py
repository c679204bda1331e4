"""The golden set of drafts: every draft of a session, over a matrix of answer shapes.

Titles and honorifics, one- and multi-word first names, verb and noun phrases, singular and
plural roles, empty optional answers, every channel the news can come by, every relation and
channel of a contact (an email contact with an address, and one without), both languages. Each
case is kept in `tests/snapshots/drafts/<case>.txt`; read them as letters (would a careful person
send this as it is?) after a deliberate change:

    REBOUND_UPDATE_SNAPSHOTS=1 python -m pytest tests/unit/test_drafts_matrix.py
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from rebound.coach import progress
from rebound.pack.models import Content
from rebound.storage.records import AnswerValue, Session
from tests import shipped
from tests.conftest import REPO

SNAPSHOTS = Path(__file__).resolve().parent.parent / "snapshots" / "drafts"
START = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
LINKEDIN_NOTE_LIMIT = 300  # characters LinkedIn allows in a connection request's note

LONG_NAME = "Maximiliana Alexandra Featherstonehaugh-Worthington"
LONG_ROLE_EN = (
    "senior backend, platform or site-reliability lead roles in fintech, payments or "
    "climate tech, remote or hybrid in Berlin"
)
LONG_ROLE_ES = (
    "puestos de liderazgo de backend, plataforma o fiabilidad en fintech, pagos o tecnología "
    "climática, en remoto o híbrido en Madrid"
)

CONTACTS_EN = [
    {"name": "Priya Patel", "relation": "head_hunter", "channel": "linkedin"},
    {
        "name": "Dr. Sam Okafor",
        "relation": "former_manager",
        "channel": "email",
        "email": "sam.okafor@uni.example",
    },
    {"name": "Lee", "relation": "friend", "channel": "phone"},
    {"name": "Jean-Luc Picard", "relation": "former_colleague", "channel": "coffee"},
    {"name": "Ana de la Cruz", "relation": "other", "channel": "linkedin"},
    {"name": "Tom", "relation": "former_colleague", "channel": "email"},
    {"name": "Mia", "relation": "friend", "channel": "linkedin"},
]
CONTACTS_ES = [
    {
        "name": "Lucía Fernández",
        "relation": "head_hunter",
        "channel": "email",
        "email": "lucia@talento.example",
    },
    {"name": "Juan Carlos Ruiz", "relation": "former_manager", "channel": "linkedin"},
    {"name": "Marta", "relation": "friend", "channel": "coffee"},
    {"name": "Pablo Gil", "relation": "former_colleague", "channel": "linkedin"},
    {"name": "Irene", "relation": "other", "channel": "phone"},
]
LONG_CONTACTS = [
    {"name": LONG_NAME, "relation": relation, "channel": "linkedin"}
    for relation in ("head_hunter", "former_manager", "former_colleague", "friend", "other")
]

BASE: dict[str, Any] = {
    "company": "Globex",
    "role": "Senior Data Engineer",
    "internal": False,
    "messenger_email": "",
    "call_date": "2026-11-25",
    "your_name": "Alex Doe",
    "areas": ["communication"],
    "weakness": "I undersell my results",
    "went_well": "The design round",
    "fixes": [{"what": "Practise telling results with numbers", "due": "2026-12-09"}],
    "move_on_date": "2026-11-28",
    "accomplishments": [{"title": "Cut the nightly batch to 40 minutes", "story": False}],
    "rehearsed": False,
    "events": [],
    "weekly_target": 3,
}

# case -> (language, answers). Comments say which shapes the case covers.
CASES: dict[str, tuple[str, dict[str, Any]]] = {
    # A title with a two-word name; a phone call, thanked on it; a verb phrase; plural roles;
    # one email for thanks and feedback; every relation and contact channel.
    "en-dr-kim-park-phone": (
        "en",
        {
            "messenger_name": "Dr. Kim Park",
            "messenger_email": "kim.park@globex.example",
            "messenger_channel": "phone",
            "thanked_on_call": True,
            "thank_detail": "walking me through the panel's thinking",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "combined",
            "reasons": "",
            "looking_for": "senior backend or platform lead roles in fintech",
            "known_for": "calm, clear incident handling",
            "contacts": CONTACTS_EN,
        },
    ),
    # One-word name; the news by email; nothing to thank for in particular; two emails, the
    # request to be sent; a singular job title.
    "en-email-dana": (
        "en",
        {
            "messenger_name": "Dana",
            "messenger_channel": "email",
            "thank_detail": "",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "separate",
            "feedback_asked": "will_email",
            "reasons": "",
            "looking_for": "senior backend engineer",
            "known_for": "Making slow pipelines fast.",
            "contacts": [
                {
                    "name": "Tom Baker",
                    "relation": "former_colleague",
                    "channel": "email",
                    "email": "tom.baker@initech.example",
                }
            ],
        },
    ),
    # A two-word first name; a video call, not thanked on it; a noun phrase with a capital and
    # a full stop; the reasons heard on the call (no request); a singular role with its article.
    "en-video-mary-ann": (
        "en",
        {
            "messenger_name": "Mary Ann Smith",
            "messenger_channel": "video",
            "thanked_on_call": False,
            "thank_detail": "The detailed feedback.",
            "reasons_heard": "given",
            "feedback_in_thanks": "separate",
            "feedback_asked": "on_call",
            "reasons": "Another candidate had more Spark experience",
            "looking_for": "a staff engineer role",
            "known_for": "turning vague ideas into shipped features",
            "contacts": [{"name": "Priya", "relation": "head_hunter", "channel": "email"}],
        },
    ),
    # A hyphenated first name; a voicemail; 'for ...' typed into 'Thank you also for';
    # a singular role without an article.
    "en-voicemail-jean-luc": (
        "en",
        {
            "messenger_name": "Jean-Luc Picard",
            "messenger_channel": "voicemail",
            "thank_detail": "for the kind words",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "combined",
            "reasons": "",
            "looking_for": "engineering manager role",
            "known_for": "growing engineers",
            "contacts": [{"name": "Sam", "relation": "friend", "channel": "other"}],
        },
    ),
    # A name the coach can't be sure of (asked, the guess kept); a chat message; no request
    # for reasons this time, so none asked.
    "en-message-unsure-not-asking": (
        "en",
        {
            "messenger_name": "Gabriel García Márquez",
            "messenger_channel": "message",
            "thank_detail": "",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "separate",
            "feedback_asked": "not_asking",
            "looking_for": "product design roles",
            "known_for": "research that changes roadmaps",
            "contacts": [{"name": "Ana", "relation": "former_manager", "channel": "phone"}],
        },
    ),
    # A team rather than a person, in person: asked how to greet them, the person says 'team'.
    "en-in-person-team": (
        "en",
        {
            "messenger_name": "the recruiting team",
            "messenger_address": "team",
            "messenger_channel": "in_person",
            "thanked_on_call": True,
            "thank_detail": "",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "combined",
            "reasons": "They wanted more people management",
            "looking_for": "an engineering lead position",
            "known_for": "mentoring",
            "contacts": [{"name": "Mx. Jordan Lee", "relation": "other", "channel": "email"}],
        },
    ),
    # Long names and roles: every LinkedIn note must still fit.
    "en-long-linkedin": (
        "en",
        {
            "messenger_name": "Prof. Bartholomew Featherstonehaugh-Worthington",
            "messenger_channel": "email",
            "thank_detail": "taking so much time to explain the panel's thinking in detail",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "combined",
            "reasons": "",
            "looking_for": LONG_ROLE_EN,
            "known_for": "turning slow, fragile payment pipelines into fast and reliable ones",
            "contacts": LONG_CONTACTS,
        },
    ),
    # A Spanish title with a two-word first name; by email; one email for both; plural roles.
    "es-dra-maria-jose-email": (
        "es",
        {
            "messenger_name": "Dra. María José Pérez",
            "messenger_email": "mjperez@globex.example",
            "messenger_channel": "email",
            "thank_detail": "explicarme cómo lo vio el panel",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "combined",
            "reasons": "",
            "looking_for": "puestos de backend sénior o de líder de plataforma en fintech",
            "known_for": "resolver incidencias con calma",
            "contacts": CONTACTS_ES,
        },
    ),
    # A two-word first name, no title; a call, thanked on it; a noun phrase; two emails; a job
    # title.
    "es-maria-jose-phone": (
        "es",
        {
            "messenger_name": "María José Pérez",
            "messenger_channel": "phone",
            "thanked_on_call": True,
            "thank_detail": "Los comentarios tan detallados.",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "separate",
            "feedback_asked": "on_call",
            "reasons": "Otra persona tenía más experiencia con Spark",
            "looking_for": "ingeniera backend sénior",
            "known_for": "convertir ideas vagas en productos terminados",
            "contacts": [{"name": "Pablo", "relation": "former_colleague", "channel": "email"}],
        },
    ),
    # A title with two surnames (not sure: asked, the guess kept); in person; not asking.
    "es-sr-two-surnames-in-person": (
        "es",
        {
            "messenger_name": "Sr. Juan Pérez López",
            "messenger_channel": "in_person",
            "thanked_on_call": False,
            "thank_detail": "",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "separate",
            "feedback_asked": "not_asking",
            "looking_for": "un puesto de liderazgo técnico",
            "known_for": "formar equipos",
            "contacts": [{"name": "Sra. Gómez", "relation": "head_hunter", "channel": "linkedin"}],
        },
    ),
    # A voicemail, a message; a one-word name; a singular role noun.
    "es-voicemail-lucia": (
        "es",
        {
            "messenger_name": "Lucía",
            "messenger_channel": "voicemail",
            "thank_detail": "por las palabras tan amables",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "combined",
            "reasons": "",
            "looking_for": "puesto de diseño de producto",
            "known_for": "la investigación con usuarios",
            "contacts": [{"name": "Irene", "relation": "friend", "channel": "email"}],
        },
    ),
    "es-message-ing": (
        "es",
        {
            "messenger_name": "Ing. Carla Ríos",
            "messenger_channel": "message",
            "thank_detail": "",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "separate",
            "feedback_asked": "will_email",
            "reasons": "",
            "looking_for": "trabajo en remoto como analista de datos",
            "known_for": "explicar los datos con claridad",
            "contacts": [{"name": "Raúl", "relation": "head_hunter", "channel": "email"}],
        },
    ),
    # Names written family name first (Japanese, Chinese, Korean): asked how to address
    # them, the answer greets them; a contact's whole name is kept (no 'Hi 李,').
    "en-phone-tanaka-family-first": (
        "en",
        {
            "messenger_name": "田中 太郎",
            "messenger_address": "Tanaka-san",
            "messenger_channel": "phone",
            "thanked_on_call": True,
            "thank_detail": "",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "combined",
            "reasons": "",
            "looking_for": "data platform roles",
            "known_for": "reliable pipelines",
            "contacts": [
                {"name": "李华", "relation": "former_colleague", "channel": "email"},
                {"name": "김민준", "relation": "friend", "channel": "linkedin"},
            ],
        },
    ),
    # Enter at 'How do you address them?': the whole name, as offered.
    "es-email-kim-family-first": (
        "es",
        {
            "messenger_name": "김민준",
            "messenger_channel": "email",
            "thank_detail": "",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "separate",
            "feedback_asked": "will_email",
            "reasons": "",
            "looking_for": "puesto de ingeniería de datos",
            "known_for": "los datos bien cuidados",
            "contacts": [{"name": "田中 太郎", "relation": "former_manager", "channel": "email"}],
        },
    ),
    "es-long-linkedin": (
        "es",
        {
            "messenger_name": "Dra. Bartolomea Featherstonehaugh-Worthington",
            "messenger_channel": "video",
            "thanked_on_call": True,
            "thank_detail": "dedicarme tanto tiempo a explicarme con detalle lo que pensó el panel",
            "reasons_heard": "not_yet",
            "feedback_in_thanks": "combined",
            "reasons": "",
            "looking_for": LONG_ROLE_ES,
            "known_for": "convertir sistemas de pago lentos y frágiles en rápidos y fiables",
            "contacts": LONG_CONTACTS,
        },
    ),
}


def load(lang: str) -> Content:
    return shipped.pack(REPO / "content" / lang)


PACKS = {lang: load(lang) for lang in ("en", "es")}


def build(c: Content, answers: dict[str, Any]) -> Session:
    """A session answered in order from `answers`, as the walk would: a question left out
    takes its default, a computed one included."""
    session = Session(id="2026-11-25-globex", created_at=START, updated_at=START)
    minute = 0
    while (pos := progress.next_position(c, session)) is not None:
        pid = pos.prompt.id
        value: AnswerValue
        if pos.more:
            value = pos.entry <= len(answers[pid])
        elif pos.field is not None:
            value = answers[pid][pos.entry - 1].get(pos.field.id, pos.field.default)
        elif pid in answers:
            value = answers[pid]
        elif pos.prompt.default_from is not None:
            value = progress.default_for(c, session, pos)
        else:
            value = pos.prompt.default  # type: ignore[assignment]
        minute += 1
        progress.apply(c, session, pos, value, START + timedelta(minutes=minute))
    return session


def sessions() -> dict[str, tuple[Content, Session]]:
    return {
        name: (PACKS[lang], build(PACKS[lang], {**BASE, **a})) for name, (lang, a) in CASES.items()
    }


BUILT = sessions()


def as_letters(c: Content, session: Session) -> str:
    """Every draft of a session, one after the other, as a person reads them."""
    parts = []
    for d in progress.drafts(c, session):
        head = f"=== {d.id} · {d.title}"
        if d.channel:
            head += f" · {d.channel}"
        parts.append(f"{head}\n{d.text}")
    return "\n".join(parts)


@pytest.mark.parametrize("case", sorted(CASES))
def test_drafts_match_the_golden_letters(case: str) -> None:
    c, session = BUILT[case]
    assert session.finished_at is not None, "the case answers every question"
    actual = as_letters(c, session)
    path = SNAPSHOTS / f"{case}.txt"
    if os.environ.get("REBOUND_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"no snapshot yet: run with REBOUND_UPDATE_SNAPSHOTS=1 to write {path}"
    assert actual == path.read_text(encoding="utf-8"), (
        f"{case}: the drafts differ from tests/snapshots/drafts; if the change is meant, "
        "regenerate them (REBOUND_UPDATE_SNAPSHOTS=1), then read them as letters"
    )


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_linkedin_note_fits_a_connection_request(case: str) -> None:
    c, session = BUILT[case]
    notes = [d for d in progress.drafts(c, session) if d.channel == "linkedin"]
    for note in notes:
        assert len(note.body.rstrip("\n")) <= LINKEDIN_NOTE_LIMIT, (note.id, len(note.body))


def test_the_matrix_has_linkedin_notes_with_long_names_in_both_languages() -> None:
    for case in ("en-long-linkedin", "es-long-linkedin"):
        c, session = BUILT[case]
        notes = [d for d in progress.drafts(c, session) if d.channel == "linkedin"]
        assert len(notes) == len(LONG_CONTACTS)
        assert all(LONG_NAME.split(maxsplit=1)[0] in n.body for n in notes)


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_draft_reads_like_the_old_mistakes(case: str) -> None:
    c, session = BUILT[case]
    for d in progress.drafts(c, session):
        text = d.text
        assert "{{" not in text and "}}" not in text, d.id
        assert not re.search(r"\S  | \n", text), d.id  # no doubled spaces, no trailing ones
        assert "\n\n\n" not in text, d.id
        for wrong in ("Hi Dr.,", "Dear Dr.,", "Hola, María:", "grateful for walking", " as senior"):
            assert wrong not in text, (d.id, wrong)
        assert "roles in fintech." not in text or "role as" not in text, d.id


def test_each_outreach_draft_has_its_id_recipient_and_channel() -> None:
    c, session = BUILT["en-dr-kim-park-phone"]
    outreach = [d for d in progress.drafts(c, session) if d.draft_id == "outreach"]
    assert [d.id for d in outreach] == [f"outreach-{n}" for n in range(1, len(CONTACTS_EN) + 1)]
    # An email contact's address joins the name on the To: line; an email with no address yet
    # has none (the mail app asks for it); the others have a name only. Each title says whose.
    assert [d.to for d in outreach] == [
        f"{x['name']} <{x['email']}>"
        if "email" in x
        else ("" if x["channel"] == "email" else x["name"])
        for x in CONTACTS_EN
    ]
    assert [d.title.rsplit(" · ", 1)[1] for d in outreach] == [x["name"] for x in CONTACTS_EN]
    assert [d.channel for d in outreach] == [x["channel"] for x in CONTACTS_EN]
    by_channel = {d.channel: d for d in outreach}
    assert by_channel["email"].subject  # an email has a subject...
    assert by_channel["linkedin"].subject == ""  # ...a LinkedIn note has none


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_careful_reader_finds_nothing_to_stop_at(case: str) -> None:
    """The letter checker reads every message of every case: a join that breaks, a phrase said
    twice, a claim no answer supports would each be named here."""
    from rebound.letters import review

    c, session = BUILT[case]
    found = [
        (r.draft.id, f.kind, f.values)
        for r in review.review(c, session, progress.drafts(c, session))
        for f in r.findings
    ]
    assert not found

"""What each rejection email of the corpus offers (tests/fixtures/mail/): a table.

The corpus is written for these tests in the shapes people really receive: tracking-system
templates (Greenhouse, Lever, Workday, SmartRecruiters, Ashby, Workable, Teamtailor), a
recruiter's personal note, a hiring manager's reply deep in a thread, an agency recruiter from a
free mail address, Spanish ones, HTML-only ones, mailboxes, and text pasted from web mail pages;
with and without a name in From:. Every row is what `rebound start --from` offers as the
defaults of the opening questions: company, role, who sent it and their address, and the day.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

import pytest

from rebound.inbox import guessing, reading

MAIL = Path(__file__).resolve().parent.parent / "fixtures" / "mail"
# A day after every message of the corpus: `guess` leaves out a day still to come.
TODAY = date(2026, 11, 25)


class Row(NamedTuple):
    file: str
    company: str
    role: str
    name: str
    address: str
    sent: str  # ISO: with an offset, the day is the person's own; without, as the page wrote it
    no_reply: bool = False
    lang: str | None = "en"


TABLE = [
    Row("01-greenhouse-team.eml", "Acme", "Senior Data Engineer", "", "",
        "2026-11-24T16:05:12+00:00", no_reply=True),
    Row("02-lever-reply-to.eml", "Globex", "Backend Engineer", "Dana Smith",
        "dana.smith@globex.example", "2026-11-23T18:40:00+00:00"),
    Row("03-workday-html-only.eml", "Initech", "Financial Analyst", "", "",
        "2026-11-20T14:02:33-08:00", no_reply=True),
    Row("04-smartrecruiters-base64.eml", "Umbrella Health", "Clinical Data Manager", "", "",
        "2026-11-19T09:15:00+01:00", no_reply=True),
    Row("05-ashby-named-no-reply.eml", "Hooli", "Staff Product Manager", "Priya Patel", "",
        "2026-11-18T20:11:09+00:00", no_reply=True),
    Row("06-recruiter-personal-encoded-name.eml", "Vandelay Industries", "Product Designer",
        "María José Fernández", "mariajose@vandelay.example", "2026-11-17T11:30:00-05:00"),
    Row("07-manager-deep-thread.eml", "Wayne Enterprises", "Staff Engineer", "Tom Bradley",
        "tom.bradley@wayne-enterprises.example", "2026-11-23T08:47:21-06:00"),
    Row("08-spanish-ats-latin1.eml", "Aceitunas Roldán", "Analista de Datos", "", "",
        "2026-11-16T10:00:00+01:00", no_reply=True, lang="es"),
    Row("09-spanish-recruiter-base64.eml", "Cervezas del Sur", "Jefa de Producto", "Lucía Gómez",
        "lucia.gomez@cervezasdelsur.example", "2026-11-13T13:45:00+01:00", lang="es"),
    Row("10-spanish-html-only-cp1252.eml", "Talleres Ibarra", "Desarrollador Backend", "",
        "empleo@talleres-ibarra.example", "2026-11-12T09:30:00+01:00", lang="es"),
    Row("11-html-only-with-quote.eml", "Pied Piper", "Site Reliability Engineer", "Jordan Lee",
        "jordan@piedpiper.example", "2026-11-11T17:20:00-08:00"),
    Row("12-bare-address-signed.eml", "Initrode", "QA Lead", "Jane Doe",
        "j.doe@initrode.example", "2026-11-10T12:00:00+00:00"),
    Row("13-bare-address-unsigned.eml", "Contoso", "Data Scientist", "Alex Morgan",
        "alex.morgan@contoso.example", "2026-11-09T15:30:00+00:00"),
    Row("14-outlook-original-message.eml", "Northwind Traders", "Operations Manager", "Wei Chen",
        "wei.chen@northwind.example", "2026-11-06T16:22:10+00:00"),
    Row("15-mbox-interview-then-rejection.mbox", "Globex", "Data Engineer", "Dana Smith",
        "dana@globex.example", "2026-11-20T15:00:00+00:00"),
    Row("16-mbox-newest-not-rejection.mbox", "Stark Industries", "Robotics Engineer",
        "Pepper Potts", "pepper.potts@stark.example", "2026-11-18T17:30:00+00:00"),
    Row("17-pasted-gmail.txt", "Globex", "Analytics Engineer", "Dana Smith",
        "dana.smith@globex.example", "2026-11-24"),
    Row("18-pasted-outlook.txt", "Northwind Traders", "Operations Analyst", "Wei Chen",
        "wei.chen@northwind.example", "2026-11-23"),
    Row("19-pasted-spanish-outlook.txt", "Cervezas del Sur", "Técnica de Calidad", "Lucía Gómez",
        "lucia.gomez@cervezasdelsur.example", "2026-11-24", lang="es"),
    Row("20-pasted-signature-only.txt", "Hooli", "Engineering Manager", "Priya Patel",
        "priya.patel@hooli.example", ""),
    Row("21-encoded-subject-b.eml", "Banco Lumen", "Ingeniera de Software Sénior", "María Ortega",
        "maria.ortega@bancolumen.example", "2026-11-04T10:05:00+01:00", lang="es"),
    Row("22-workable-team-name.eml", "Stark Industries", "Mechanical Engineer", "", "",
        "2026-11-03T19:45:00+00:00", no_reply=True),
    Row("23-agency-recruiter-gmail.eml", "Massive Dynamic", "Data Scientist", "Chris Lee",
        "chris.lee.recruits@gmail.com", "2026-10-31T11:12:00-07:00"),
    Row("24-careers-team-address.eml", "Oceanic Airlines", "Cabin Operations Planner", "",
        "careers@oceanic-air.example", "2026-10-29T08:00:00-10:00"),
    Row("25-quoted-printable-soft-breaks.eml", "Kestrel Labs",
        "Research Scientist (Computational Biology)", "Dr. Amara Okafor",
        "a.okafor@kestrel-labs.example", "2026-10-27T14:00:00+00:00"),
    Row("26-teamtailor-reply-to-spanish.eml", "Hoteles Mar", "Jefe de Recepción", "Carmen Ruiz",
        "carmen.ruiz@hotelesmar.example", "2026-10-26T12:30:00+01:00", lang="es"),
    Row("27-mixed-with-attachment.eml", "Tyrell", "UX Researcher", "Grace Kim",
        "grace.kim@tyrell.example", "2026-10-23T10:00:00-07:00"),
    Row("28-date-across-midnight.eml", "Aperture Science", "Test Engineer", "Sofia Rossi",
        "sofia.rossi@aperture.example", "2026-11-25T01:30:00+09:00"),
    Row("29-raw-utf8-headers.eml", "Brightfield", "Diseñador de Producto", "José Núñez",
        "jose.nunez@brightfield.example", "2026-10-22T16:00:00+02:00", lang="es"),
]  # fmt: skip


def read(path: Path) -> list[reading.Received]:
    """A fixture as `rebound start --from` reads it: a .txt is what was pasted ('-')."""
    if path.suffix == ".txt":
        return reading.read_stream(path.read_bytes(), "The pasted text", TODAY)
    return reading.read_file(path)


def offered(path: Path) -> guessing.Guess:
    """What the message offered first (the likeliest rejection of a mailbox) says."""
    return guessing.guess(guessing.offered_order(read(path))[0], TODAY)


def the_day(sent: str) -> date | None:
    """The day a row expects: an instant's day in the person's own time zone (the suite's, which
    .ci/moments moves), a day written without an offset as it is."""
    if not sent:
        return None
    moment = datetime.fromisoformat(sent)
    day = moment.astimezone().date() if moment.tzinfo is not None else moment.date()
    return day if day <= TODAY else None


def test_the_corpus_is_all_in_the_table() -> None:
    assert len(TABLE) >= 25
    assert sorted(p.name for p in MAIL.iterdir()) == sorted(row.file for row in TABLE)


@pytest.mark.parametrize("row", TABLE, ids=[row.file for row in TABLE])
def test_each_email_offers_its_defaults(row: Row) -> None:
    guess = offered(MAIL / row.file)
    found = (guess.company, guess.role, guess.name, guess.address, guess.day)
    assert found == (row.company, row.role, row.name, row.address, the_day(row.sent))
    assert (guess.no_reply, guess.lang) == (row.no_reply, row.lang)


@pytest.mark.parametrize("row", TABLE, ids=[row.file for row in TABLE])
def test_each_email_keeps_its_thread(row: Row) -> None:
    """An email (not pasted text) has a Message-ID to reply to, and its subject as it came."""
    guess = offered(MAIL / row.file)
    if row.file.endswith(".txt"):
        assert guess.message_id == ""
        return
    assert guess.message_id.startswith("<") and guess.message_id.endswith(">")
    assert "@" in guess.message_id
    assert guess.subject


def test_the_answers_are_the_questions_own() -> None:
    guess = offered(MAIL / "02-lever-reply-to.eml")
    assert guess.answers() == {
        "company": "Globex",
        "role": "Backend Engineer",
        "messenger_name": "Dana Smith",
        "messenger_channel": "email",
        "messenger_email": "dana.smith@globex.example",
        "call_date": str(the_day("2026-11-23T18:40:00+00:00")),
    }
    nobody = offered(MAIL / "01-greenhouse-team.eml").answers()
    assert "messenger_name" not in nobody and "messenger_email" not in nobody

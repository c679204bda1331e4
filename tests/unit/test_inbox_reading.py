"""Reading an email (`rebound.inbox`): bad input refused with its reason, encodings, HTML, the
sender's own words, who sent it, and the day. No terminal."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from rebound.errors import UsageError
from rebound.inbox import guessing, pasted, plain_text, reading, senders

TODAY = date(2026, 11, 25)
HEAD = (
    "From: Dana Smith <dana@globex.example>\nTo: sam@example.com\n"
    "Subject: Your application\nDate: Tue, 24 Nov 2026 15:00:00 +0000\n"
    "Message-ID: <x1@globex.example>\n"
)


def key_of(error: pytest.ExceptionInfo[UsageError]) -> str:
    return error.value.phrases[0].key


def one(data: bytes) -> reading.Received:
    [message] = reading.read_bytes(data, "test.eml")
    return message


def email(body: str, headers: str = "", charset: str = "utf-8", encoding: str = "utf-8") -> bytes:
    extra = f"Content-Type: text/plain; charset={charset}\n{headers}"
    return (HEAD + extra + "\n" + body).encode(encoding)


# --- bad input: its reason, exit 2 ---------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "inbox_empty"),
        (b"\n\n  \r\n\t", "inbox_empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "inbox_binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "inbox_binary"),
        (b"From: a@b.example\nSubject: hi\n\nbody\x00\x00\x00", "inbox_binary"),
        (b"Dear diary,\ntoday I was rejected.\n", "inbox_not_email"),
        (b"<html><body>Unfortunately...</body></html>", "inbox_not_email"),
        (b'{"from": "dana@globex.example"}', "inbox_not_email"),
        (b"Subject: no sender here\nDate: today\n\nHello", "inbox_not_email"),
        (b"From MAILER-DAEMON Thu Nov 26 10:00:00 2026\n\n", "inbox_mbox_empty"),
        (
            b"From x@y Mon Nov 02 10:00:00 2026\n\nFrom z@y Mon Nov 02 11:00:00 2026\n\n",
            "inbox_mbox_empty",
        ),
    ],
    ids=[
        "empty",
        "blank",
        "png",
        "pdf",
        "nul",
        "prose",
        "html",
        "json",
        "no-from",
        "mbox-0",
        "mbox-blank",
    ],
)
def test_what_is_not_an_email_is_refused_with_its_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UsageError) as error:
        reading.read_bytes(data, "file.eml")
    assert key_of(error) == reason
    assert error.value.exit_code == 2


def test_a_file_that_is_not_there_or_too_big_is_refused_before_it_is_read(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as missing:
        reading.read_file(tmp_path / "nowhere.eml")
    assert key_of(missing) == "inbox_missing"
    big = tmp_path / "all-mail.mbox"
    with big.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: 50 MB that cost nothing to write
    with pytest.raises(UsageError) as error:
        reading.read_file(big)
    assert key_of(error) == "inbox_too_big"
    assert error.value.phrases[0].values["number"] == 50
    with pytest.raises(UsageError) as piped:
        reading.read_stream(b"x" * (reading.MAX_BYTES + 1), "The pasted text", TODAY)
    assert key_of(piped) == "inbox_too_big"


@pytest.mark.parametrize(
    ("data", "charset"),
    [
        (email("Hola Mar\xeda", charset="utf-8", encoding="latin-1"), "utf-8"),
        (email("Hola María, ¿qué tal?", charset="iso-8859-1"), "iso-8859-1"),
        (
            email("Hola", charset="shift_jis", encoding="latin-1").replace(
                b"Hola", b"\x82\xa0\xff"
            ),
            "shift_jis",
        ),
        (b"From: =?utf-8?q?Mar=EDa?= <m@x.example>\nSubject: hi\n\nhello\n", "utf-8"),
        (b"From: m@x.example\nSubject: =?utf-8?b?/w==?=\n\nhello\n", "utf-8"),
    ],
    ids=[
        "utf8-says-latin1-bytes",
        "latin1-says-utf8-bytes",
        "sjis-bad",
        "name-word",
        "subject-word",
    ],
)
def test_a_charset_the_text_does_not_match_is_refused(data: bytes, charset: str) -> None:
    with pytest.raises(UsageError) as error:
        reading.read_bytes(data, "lying.eml")
    assert key_of(error) == "inbox_charset_lies"
    assert error.value.phrases[0].values["value"] == charset


def test_a_charset_nobody_knows_is_refused() -> None:
    with pytest.raises(UsageError) as error:
        reading.read_bytes(email("hello", charset="x-klingon"), "odd.eml")
    assert key_of(error) == "inbox_charset_unknown"


def test_pasted_text_must_say_who_sent_it() -> None:
    text = "Hi Sam,\n\nUnfortunately we went with someone else.\n\nBest,\nThe team\n"
    with pytest.raises(UsageError) as error:
        reading.read_stream(text.encode(), "The pasted text", TODAY)
    assert key_of(error) == "inbox_no_sender"
    gmail = b"Dana Smith <d@x.example>\nTue, Nov 24, 3:12 PM\nto me\n\nHi Sam,\n"
    assert reading.read_stream(gmail, "The pasted text", TODAY)[0].sender is not None
    with pytest.raises(UsageError) as error:  # pasted text is for '-'; a file must be an email
        reading.read_bytes(gmail, "pasted.txt")
    assert key_of(error) == "inbox_not_email"


# --- what is read ----------------------------------------------------------------------------


def test_any_declared_charset_and_transfer_encoding_is_read() -> None:
    body = "Gracias, María José: el puesto de Diseñadora ya está cubierto."
    for charset in ("utf-8", "iso-8859-1", "windows-1252", "iso-8859-15"):
        assert one(email(body, charset=charset, encoding=charset)).text.strip() == body
    import base64
    import quopri

    b64 = base64.b64encode(body.encode()).decode()
    assert one(email(b64, "Content-Transfer-Encoding: base64\n")).text.strip() == body
    qp = quopri.encodestring(body.encode()).decode()
    assert one(email(qp, "Content-Transfer-Encoding: quoted-printable\n")).text.strip() == body
    # No charset said: UTF-8 when the bytes are, else the one-byte charset of old programs.
    bare = (HEAD + "\n" + body).encode("utf-8")
    assert one(bare).text.strip() == body
    assert one((HEAD + "\n" + body).encode("cp1252")).text.strip() == body


def test_names_in_encoded_words_and_raw_utf8_headers() -> None:
    message = one(
        b"From: =?utf-8?q?Mar=C3=ADa_Jos=C3=A9?= =?utf-8?b?IEZlcm7DoW5kZXo=?= <MJ@X.example>\n"
        b"Reply-To: \xc3\x93scar P\xc3\xa9rez <oscar@x.example>\n"
        b"Subject: =?iso-8859-1?q?Tu_candidatura?=\n\nHola\n"
    )
    assert message.sender == reading.Address("María José Fernández", "mj@x.example")
    assert message.reply_to == reading.Address("Óscar Pérez", "oscar@x.example")
    assert message.subject == "Tu candidatura"


def test_html_only_mail_is_read_as_text_without_its_scripts_styles_or_quotes() -> None:
    html = (
        "<html><head><style>p{color:red}</style><script>var role='Wrong Role';</script></head>"
        "<body><p>Hi&nbsp;Sam,</p><p>Thanks for applying &amp; interviewing.<br>Regards,</p>"
        '<div class="gmail_quote">On Monday Sam wrote:<blockquote>Old text</blockquote></div>'
        "</body></html>"
    )
    text = plain_text.html_to_text(html)
    assert "Wrong Role" not in text and "color" not in text
    assert text.splitlines()[:3] == ["Hi Sam,", "", "Thanks for applying & interviewing."]
    assert "> Old text" in text.replace("> > ", "> ")
    assert plain_text.own_words(text).own.endswith("Regards,")


def test_multipart_alternative_prefers_the_plain_text_and_skips_attachments() -> None:
    data = (
        HEAD + 'Content-Type: multipart/mixed; boundary="m"\n\n--m\n'
        'Content-Type: multipart/alternative; boundary="a"\n\n--a\n'
        "Content-Type: text/plain\n\nThe plain words of the message.\n--a\n"
        "Content-Type: text/html\n\n<p>The HTML words</p>\n--a--\n--m\n"
        "Content-Type: text/plain\nContent-Disposition: attachment; filename=cv.txt\n\nMy CV\n"
        "--m--\n"
    ).encode()
    assert one(data).text.strip() == "The plain words of the message."


@pytest.mark.parametrize(
    "quote",
    [
        "On Mon, Nov 16, 2026 at 9:02 AM Sam Carter <sam@example.com>\nwrote:\n> Older",
        "El lun, 16 nov 2026 a las 9:02, Sam Carter (<sam@example.com>) escribió:\n> Older",
        "-----Original Message-----\nFrom: Sam\nSent: Monday\nSubject: Older",
        "________________________________\nFrom: Sam Carter <sam@example.com>\nSent: Monday",
        "From: Sam Carter <sam@example.com>\nSent: Monday, November 16, 2026 9:02 AM\nTo: Dana",
        "De: Sam Carter <sam@example.com>\nEnviado el: lunes, 16 de noviembre de 2026 9:02",
        "> Older\n> mail",
    ],
    ids=["wrote", "escribio", "original", "outlook-line", "from-sent", "de-enviado", "quoted"],
)
def test_the_quoted_earlier_mail_is_not_the_senders_words(quote: str) -> None:
    text = f"Hi Sam,\n\nWe went with another candidate.\n\nBest,\nDana Smith\n\n{quote}\n"
    words = plain_text.own_words(text)
    assert "Older" not in words.all and "Sam Carter" not in words.all
    assert words.signature == ("Dana Smith",)


def test_a_signature_after_the_dash_line() -> None:
    words = plain_text.own_words("Hi,\nNo luck this time.\n-- \nDana Smith\nRecruiter, Globex\n")
    assert words.own == "Hi,\nNo luck this time."
    assert words.signature == ("Dana Smith", "Recruiter, Globex")


def test_a_mailbox_offers_the_newest_likely_rejection_first() -> None:
    def message(day: int, subject: str, words: str) -> str:
        return (
            f"From x@globex.example Mon Nov {day:02d} 10:00:00 2026\n"
            f"From: Dana <dana@globex.example>\nSubject: {subject}\n"
            f"Date: {day} Nov 2026 10:00:00 +0000\n\n{words}\n\n"
        )

    mbox = (
        message(2, "Invitation", "Shall we meet on Thursday?")
        + message(10, "Decision", "Unfortunately we went with another candidate.")
        + message(12, "Other role", "Sadly, we have decided not to move forward.")
        + message(20, "Newsletter", "Our news this month.")
    )
    ordered = guessing.offered_order(reading.read_bytes(mbox.encode(), "all.mbox"))
    assert [m.subject for m in ordered] == ["Other role", "Decision", "Newsletter", "Invitation"]


# --- who, and when ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "nobody_reads"),
    [
        ("no-reply@us.greenhouse-mail.io", True),
        ("noreply@smartrecruiters.com", True),
        ("acme@myworkday.com", True),
        ("do-not-reply@globex.example", True),
        ("notifications+abc@globex.example", True),
        ("no-responder@empresa.example", True),
        ("jobs@lever.co", True),
        ("dana@globex.example", False),
        ("careers@globex.example", False),
        ("reply@globex.example", False),
    ],
)
def test_no_reply_and_tracking_system_addresses(address: str, nobody_reads: bool) -> None:
    assert senders.no_reply(address) is nobody_reads


def test_a_no_reply_sender_without_a_reply_to_offers_no_address_and_says_so() -> None:
    data = (
        b"From: Acme Careers <no-reply@acme.example>\nSubject: Your application\n"
        b"Date: 24 Nov 2026 10:00:00 +0000\nMessage-ID: <a@acme.example>\n\n"
        b"Unfortunately we have decided to move forward with other candidates.\n"
    )
    guess = guessing.guess(one(data), TODAY)
    assert (guess.name, guess.address, guess.no_reply, guess.company) == ("", "", True, "Acme")


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Dana Smith", True),
        ("María José Fernández de la Vega", True),
        ("Tom O'Brien", True),
        ("Acme Careers", False),
        ("Talento Globex", False),
        ("Greenhouse", False),
        ("dana smith", False),
        ("Dana Smith (via Lever)", False),
    ],
)
def test_a_persons_name_or_a_teams(name: str, person: bool) -> None:
    assert senders.person_name(name) is person


def test_names_and_companies_from_what_the_headers_show() -> None:
    assert senders.flipped("Chen, Wei") == "Wei Chen"
    assert senders.name_from_address("dana.smith@globex.example") == "Dana Smith"
    assert senders.name_from_address("careers.team@globex.example") == ""
    assert senders.company_from_name("Acme via Greenhouse") == "Acme"
    assert senders.company_from_name("Talent at Initech") == "Initech"
    assert (
        senders.company_from_name("Equipo de Selección de Aceitunas Roldán") == "Aceitunas Roldán"
    )
    assert senders.company_from_domain("dana@mail.wayne-enterprises.co.uk") == "Wayne Enterprises"
    assert senders.company_from_domain("chris@gmail.com") == ""
    assert senders.company_from_domain("x@hire.lever.co") == ""


@pytest.fixture
def zone() -> Iterator[None]:
    """Each test here sets its own time zone (TZ); the suite's is put back after."""
    before = os.environ.get("TZ")
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time zones are set with tzset")
@pytest.mark.parametrize(("tz", "day"), [("Asia/Tokyo", 25), ("America/Los_Angeles", 24)])
def test_the_day_is_the_persons_own(zone: None, tz: str, day: int) -> None:
    os.environ["TZ"] = tz
    time.tzset()
    message = one(HEAD.replace("15:00:00", "20:00:00").encode() + b"\nUnfortunately, no.\n")
    assert guessing.guess(message, TODAY).day == date(2026, 11, day)


def test_a_day_still_to_come_is_not_offered() -> None:
    message = one(HEAD.replace("24 Nov", "28 Nov").encode() + b"\nUnfortunately, no.\n")
    assert guessing.guess(message, TODAY).day is None


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("Tue, Nov 24, 3:12 PM (19 hours ago)", date(2026, 11, 24)),
        ("Thu, Dec 3, 9:00 AM", date(2025, 12, 3)),  # no year, and not yet this year: last year's
        ("Monday, November 23, 2026 4:40 PM", date(2026, 11, 23)),
        ("martes, 24 de noviembre de 2026 15:12", date(2026, 11, 24)),
        ("martes 3 de noviembre", date(2026, 11, 3)),
        ("24 Nov 2026 at 10:02", date(2026, 11, 24)),
        ("2026-11-20 08:00", date(2026, 11, 20)),
        ("yesterday", None),
    ],
)
def test_dates_as_mail_pages_write_them(written: str, day: date | None) -> None:
    moment = pasted.written_date(written, TODAY)
    assert (moment.date() if moment else None) == day


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Gracias por tu interés en el puesto. Lamentablemente hemos decidido seguir con otra",
            "es",
        ),
        ("Thank you for your interest in the role. Unfortunately we have decided to move on", "en"),
        ("OK", None),
    ],
)
def test_the_language_an_email_is_written_in(text: str, lang: str | None) -> None:
    assert guessing.language(text) == lang

"""Reading a saved email (.eml), a mailbox (mbox) or pasted text into `Received` messages, and
refusing, with its reason, what is not one.

Read with the standard library's `email` package (`policy.default`): encoded-word names, any
declared charset, quoted-printable and base64, multipart/alternative and HTML-only bodies. A
charset that the text does not match is refused rather than guessed at: names and roles read
from mangled text would be offered as if they were right. Nothing here prompts or saves; every
refusal is a `UsageError` (exit 2) whose sentence says what was wrong with the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rebound.errors import UsageError
from rebound.inbox import pasted
from rebound.inbox.plain_text import html_to_text
from rebound.text import scrub

if TYPE_CHECKING:
    from email.message import EmailMessage, Message, MIMEPart

# A rejection is a few kilobytes; a mailbox of one thread, with its attachments, a few
# megabytes. Past this it is a whole mailbox, not the message meant (and would take a while).
MAX_BYTES = 25 * 1024 * 1024
_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"\xd0\xcf")
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")
_MBOX_FROM = re.compile(rb"^From \S")


@dataclass(frozen=True)
class Address:
    """Someone in a header: their name as shown ('' when none) and their address."""

    name: str
    address: str


@dataclass(frozen=True)
class Received:
    """One message as rebound reads it: who sent it (and where replies go), to whom, when, its
    subject and Message-ID, and its text (an HTML body made plain text).

    `sent` has its offset when the message said one; pasted text gives the time as the mail page
    showed it, without one (the person's own time). `pasted` is True for text copied from a page.
    """

    sender: Address | None
    reply_to: Address | None
    to: Address | None
    sent: datetime | None
    subject: str
    message_id: str
    text: str
    pasted: bool = False


def read_file(path: Path) -> list[Received]:
    """The messages of a saved email or mailbox, oldest first as the file has them.

    Raises:
        UsageError: no such file, or it is not an email (`read_bytes`).
    """
    where = str(path)
    if not path.is_file():
        raise UsageError("inbox_missing", where=where)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise UsageError("inbox_too_big", where=where, number=_megabytes(size))
    with path.open("rb") as file:
        data = file.read(MAX_BYTES + 1)
    return read_bytes(data, where)


def read_stream(data: bytes, where: str, today: date) -> list[Received]:
    """The messages of what came on standard input: a whole email or mailbox, or the text of
    one copied from a mail page.

    Raises:
        UsageError: too big, empty, binary, a lying charset, or no sender to be found.
    """
    if len(data) > MAX_BYTES:
        raise UsageError("inbox_too_big", where=where, number=_megabytes(len(data)))
    return read_bytes(data, where, today)


def _megabytes(size: int) -> int:
    return max(round(size / 1024 / 1024), 1)


def read_bytes(data: bytes, where: str, today: date | None = None) -> list[Received]:
    """The messages in `data`: one email, or the messages of a mailbox; with `today`, also the
    text of a message copied from a mail page (a date it shows without a year is the latest
    one not after `today`).

    Raises:
        UsageError: it is empty, binary, not an email (a file must be one), a mailbox with no
            message, a text whose charset is not what its headers say, or pasted text in which
            no sender can be found.
    """
    if len(data) > MAX_BYTES:
        raise UsageError("inbox_too_big", where=where, number=_megabytes(len(data)))
    body = data.lstrip(b"\xef\xbb\xbf").lstrip(b"\r\n\t ")
    if not body.strip():
        raise UsageError("inbox_empty", where=where)
    if b"\x00" in body[:65536] or body.startswith(_MAGIC):
        raise UsageError("inbox_binary", where=where)
    if _MBOX_FROM.match(body):
        found = [m for chunk in _mbox_chunks(body) if (m := _message(chunk, where)) is not None]
        if not found:
            raise UsageError("inbox_mbox_empty", where=where)
        return found
    if _looks_like_headers(body):
        message = _message(body, where)
        if message is not None:
            return [message]
    if today is None:
        raise UsageError("inbox_not_email", where=where)
    return [_pasted(body, where, today)]


def _looks_like_headers(data: bytes) -> bool:
    """Whether `data` starts with an email's header block: header lines (continued lines
    allowed) up to the first blank line, one of them From:."""
    lines = data.replace(b"\r\n", b"\n").split(b"\n")
    seen_from = False
    count = 0
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t") and count:
            continue
        if not _HEADER_LINE.match(line):
            return False
        count += 1
        seen_from = seen_from or line[:5].lower() == b"from:"
    return seen_from


def _mbox_chunks(data: bytes) -> list[bytes]:
    """A mailbox's messages, split at each 'From ' line that starts one (mboxo and mboxrd)."""
    lines = data.replace(b"\r\n", b"\n").split(b"\n")
    chunks: list[list[bytes]] = []
    for i, line in enumerate(lines):
        if _MBOX_FROM.match(line) and (i == 0 or not lines[i - 1].strip()):
            chunks.append([])
            continue
        if chunks:
            # mboxrd: a body line '>From ' was 'From ' (one '>' fewer) before it was saved.
            chunks[-1].append(line[1:] if re.match(rb"^>+From ", line) else line)
    return [b"\n".join(c) for c in chunks]


def _message(data: bytes, where: str) -> Received | None:
    """One email's bytes as a `Received`; None when it has no headers to read.

    Raises:
        UsageError: its text is not in the charset it declares (or one rebound doesn't know).
    """
    from email import policy
    from email.parser import BytesParser

    message: EmailMessage = BytesParser(policy=policy.default).parsebytes(data)
    if not message.keys():
        return None
    for name, raw in message.raw_items():
        if name.lower() in ("from", "reply-to", "to", "subject"):
            _check_encoded_words(str(raw), where)
    sender = _address(message, "From")
    text = _body_text(message, where)
    if sender is None and not text.strip():
        return None
    return Received(
        sender=sender,
        reply_to=_address(message, "Reply-To"),
        to=_address(message, "To"),
        sent=_date(message),
        subject=_subject(message),
        message_id=_message_id(message),
        text=text,
    )


def _raw(message: Message, name: str) -> str:
    """A header's value as it was in the message (before policy.default decoded it)."""
    for key, value in message.raw_items():
        if key.lower() == name.lower():
            return str(value)
    return ""


_ENCODED_WORD = re.compile(r"=\?([^?*]+)(?:\*[^?]*)?\?([qQbB])\?([^?]*)\?=")


def _check_encoded_words(raw: str, where: str) -> None:
    """Refuse a header whose encoded words are not in the charset they name.

    Raises:
        UsageError: a word that does not decode in its charset, or a charset unknown here.
    """
    import base64
    import binascii
    import quopri

    for match in _ENCODED_WORD.finditer(raw):
        charset, kind, data = match.groups()
        try:
            if kind.lower() == "b":
                octets = base64.b64decode(data + "=" * (-len(data) % 4))
            else:
                octets = quopri.decodestring(data.replace("_", " ").encode("ascii"), header=True)
        except (binascii.Error, ValueError, UnicodeError):
            raise UsageError("inbox_charset_lies", where=where, value=_clean(charset)) from None
        _decode(octets, charset, where)


def _decode(octets: bytes, charset: str, where: str) -> str:
    """Bytes in the charset the message declares for them, strictly.

    Raises:
        UsageError: the bytes are not in that charset (or it is one Python does not know).
    """
    import codecs

    named = _clean(charset)[:40]
    try:
        codec = codecs.lookup(charset).name if charset.isascii() else ""
    except (LookupError, ValueError):
        codec = ""
    if not codec:
        raise UsageError("inbox_charset_unknown", where=where, value=named)
    try:
        text = octets.decode(codec)
    except (UnicodeError, ValueError, LookupError):
        raise UsageError("inbox_charset_lies", where=where, value=named) from None
    if codec in ("latin-1", "iso8859-1", "cp1252", "iso8859-15") and _utf8_mojibake(octets):
        # Each byte is a letter in a one-byte charset, so its "decoding" never fails; UTF-8's
        # two-byte letters read in it give 'MarÃ­a'. That text is UTF-8, whatever the label.
        raise UsageError("inbox_charset_lies", where=where, value=named)
    return text


def _utf8_mojibake(octets: bytes) -> bool:
    """Whether these bytes are UTF-8 with letters beyond ASCII (so not a one-byte charset's)."""
    if all(b < 0x80 for b in octets):
        return False
    try:
        octets.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _repair(text: str) -> str:
    """A header value that came as raw 8-bit bytes (no encoded words): UTF-8 when it is, else
    the one-byte charset mail programs used before (undeclared, so not a lie)."""
    if not re.search("[\udc80-\udcff]", text):
        return text
    octets = text.encode("utf-8", "surrogateescape")
    try:
        return octets.decode("utf-8")
    except UnicodeDecodeError:
        return octets.decode("cp1252", "replace")


def _clean(text: str) -> str:
    """One line of header text: repaired, scrubbed, spaces collapsed, control characters gone."""
    repaired = scrub(_repair(text))
    return " ".join("".join(c if c.isprintable() else " " for c in repaired).split())


def _address(message: Message, name: str) -> Address | None:
    """The first address in a header (its name and address); None when it has none."""
    try:
        header = message[name]
        addresses = getattr(header, "addresses", ()) if header is not None else ()
    except Exception:  # a header too broken to parse is a header not there
        return None
    for found in addresses:
        address = _clean(f"{found.username}@{found.domain}") if found.domain else ""
        if "@" not in address or " " in address:
            continue
        display = _clean(found.display_name or "").strip("'\" ")
        return Address(display if "@" not in display else "", address.lower())
    return None


def _subject(message: Message) -> str:
    try:
        raw = message["Subject"]
    except Exception:
        return ""
    if raw is None:
        return ""
    value = str(raw)
    source = _raw(message, "Subject")
    if re.search("[\udc80-\udcff]", source):
        value = source  # raw 8-bit: repaired below rather than shown as replacement marks
    return _clean(value)


def _message_id(message: Message) -> str:
    try:
        raw = str(message.get("Message-ID", "") or "")
    except Exception:
        return ""
    found = re.search(r"<[^<>\s]+>", raw)
    if found is not None:
        return found.group()
    bare = raw.strip()
    return f"<{bare}>" if bare and " " not in bare and "@" in bare else ""


def _date(message: Message) -> datetime | None:
    """When it was sent: Date: (else Outlook's 'Sent:' of a saved copy); None when neither says."""
    from email.utils import parsedate_to_datetime

    for name in ("Date", "Sent"):
        try:
            header = message[name]
            moment = getattr(header, "datetime", None)
            if moment is None and header is not None:
                moment = parsedate_to_datetime(str(header))
        except Exception:  # a date no one can read is no date
            moment = None
        if isinstance(moment, datetime):
            return moment
    return None


def _body_text(message: EmailMessage, where: str) -> str:
    """The text a person reads: the plain-text part, else the HTML made text. A plain part
    that is a stub beside a full HTML one ('View this email in your browser') gives way."""
    plain, html = _text_parts(message, where)
    shown = html_to_text(html) if html is not None else None
    if plain is not None and (shown is None or len(shown.split()) <= 3 * len(plain.split())):
        return plain
    return shown if shown is not None else ""


def _text_parts(part: MIMEPart, where: str) -> tuple[str | None, str | None]:
    """The first plain-text and the first HTML body of a message (attachments left out)."""
    if part.is_multipart():
        plain: str | None = None
        html: str | None = None
        for sub in part.iter_parts():
            if sub.get_content_disposition() == "attachment":
                continue
            if sub.get_content_type() == "message/rfc822":
                continue  # a forwarded message attached: not this one's words
            p, h = _text_parts(sub, where)
            plain = plain if plain is not None else p
            html = html if html is not None else h
        return plain, html
    kind = part.get_content_type()
    if kind not in ("text/plain", "text/html"):
        return None, None
    octets = part.get_payload(decode=True)
    if not isinstance(octets, bytes):
        return None, None
    text = _body_decode(octets, part.get_param("charset"), where)
    return (text, None) if kind == "text/plain" else (None, text)


def _body_decode(octets: bytes, declared: object, where: str) -> str:
    """A body part's bytes as text, in the charset it declares. None declared (or US-ASCII,
    which old programs say of anything): UTF-8 when the bytes are, else Windows-1252."""
    charset = declared if isinstance(declared, str) and declared.strip() else ""
    charset = charset.strip().strip('"')
    if charset.lower() in ("", "us-ascii", "ascii"):
        try:
            return scrub(octets.decode("utf-8"))
        except UnicodeDecodeError:
            return scrub(octets.decode("cp1252", "replace"))
    return scrub(_decode(octets, charset, where))


def _pasted(data: bytes, where: str, today: date) -> Received:
    """Text copied from a mail page, as a `Received`.

    Raises:
        UsageError: it is not UTF-8 text, or no sender can be found in it.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")
    found = pasted.read(scrub(text), today)
    if found.sender is None:
        raise UsageError("inbox_no_sender", where=where)
    return Received(
        sender=Address(found.sender[0], found.sender[1]),
        reply_to=None,
        to=None,
        sent=found.sent,
        subject=found.subject,
        message_id="",
        text=found.text,
        pasted=True,
    )

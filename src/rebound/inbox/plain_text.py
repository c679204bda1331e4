"""The words of an email a person reads: HTML made plain text with the standard library's parser,
and the message's own words told apart from its signature and the earlier mails it quotes.

What the sender wrote is what the guesses read (`guessing`): a role named in a quoted earlier
mail, three replies down a thread, is not the role this message is about. Pure functions of
text; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose text is never shown (or is not the message's), and elements that break a line.
_HIDDEN = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
_BLOCKS = frozenset(
    {
        "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "hr", "section", "article", "header", "footer", "td", "th", "pre",
    }
)  # fmt: skip
# Where mail programs put the earlier mail a reply quotes (Gmail, Outlook, Apple Mail, Yahoo).
_QUOTE_CLASSES = ("gmail_quote", "yahoo_quoted", "moz-cite-prefix", "divRplyFwdMsg")


class _Text(HTMLParser):
    """Collects the text of an HTML body: blocks on their own lines, quoted mail marked '> '."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.hidden = 0
        self.quoted: list[str] = []  # the tags that opened a quote, innermost last
        self.stack: list[str] = []

    def _break(self) -> None:
        text = " ".join("".join(self.line).split())
        self.line = []
        if text:
            self.lines.append(("> " * len(self.quoted)) + text)
        elif self.lines and self.lines[-1] != "":
            self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
            return
        if tag in _BLOCKS:
            self._break()
        if tag in ("br", "hr"):
            return  # void elements: nothing to close
        self.stack.append(tag)
        classes = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        if tag == "blockquote" or any(c in classes for c in _QUOTE_CLASSES):
            self.quoted.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
            return
        if tag in _BLOCKS:
            self._break()
        if tag in self.stack:
            # Close everything opened inside it too (HTML in the wild leaves tags open).
            while self.stack:
                opened = self.stack.pop()
                if self.quoted and self.quoted[-1] == opened:
                    self.quoted.pop()
                if opened == tag:
                    break

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.line.append(data)

    def text(self) -> str:
        self._break()
        return "\n".join(self.lines).strip("\n")


# An HTML rejection, styles and all, is tens of kilobytes; past this, the rest is not read.
HTML_CHARS = 1_000_000


def html_to_text(html: str) -> str:
    """The text of an HTML email, as a person would read it: one line per block, entities
    decoded, no scripts or styles, the earlier mails it quotes marked with '> '."""
    parser = _Text()
    try:
        parser.feed(html[:HTML_CHARS])
        parser.close()
    except (AssertionError, ValueError):  # a parser that gives up keeps what it read so far
        pass
    return parser.text().replace("\xa0", " ")


# Where the quoted earlier mail starts: "On Mon, ... Dana <...> wrote:" (on up to three lines, as
# mail programs wrap it), "El lun, ... escribió:", Outlook's separators and header blocks.
_WROTE = re.compile(
    r"^(?:On\s.{0,200}?\swrote|El\s.{0,200}?\sescribi[oó]|Le\s.{0,200}?\sa\s[ée]crit)\s*:\s*$",
    re.IGNORECASE | re.DOTALL,
)
_SEPARATOR = re.compile(
    r"^(?:-{2,}\s*(?:Original Message|Mensaje original|Forwarded message|Mensaje reenviado)"
    r"\s*-{2,}|_{10,})\s*$",
    re.IGNORECASE,
)
_HEADER_BLOCK = re.compile(r"^\*?(?:From|De)\s*:\*?\s+\S", re.IGNORECASE)
_HEADER_NEXT = re.compile(r"^\*?(?:Sent|Date|Enviado(?: el)?|Fecha|To|Para)\s*:", re.IGNORECASE)

# A line that closes the letter ("Best regards," "Un saludo,"): what follows is the signature.
_CLOSING = re.compile(
    r"^(?:(?:best|kind|warm|warmest|many|with)\s+(?:regards|wishes|thanks)|regards|best|"
    r"all the best|thanks(?: again)?|thank you(?: again)?|many thanks|cheers|sincerely|"
    r"yours sincerely|sincerely yours|respectfully|take care|un saludo|saludos(?: cordiales)?|"
    r"un abrazo|atentamente|cordialmente|gracias(?: de nuevo)?|muchas gracias|"
    r"reciba un cordial saludo|recibe un cordial saludo|un cordial saludo)\s*[,.!]?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Words:
    """An email's text in its parts: the sender's own words, and their signature (its lines)."""

    own: str
    signature: tuple[str, ...]

    @property
    def all(self) -> str:
        """The own words and the signature, as one text."""
        return "\n".join([self.own, *self.signature])


def _quote_start(lines: list[str]) -> int:
    """The line where the quoted earlier mail starts (len(lines): none)."""
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(">"):
            return i
        if _SEPARATOR.match(stripped):
            return i
        for cut in (1, 2, 3):
            piece = " ".join(s.strip() for s in lines[i : i + cut])
            if _WROTE.match(piece):
                return i
        if _HEADER_BLOCK.match(stripped) and i + 1 < len(lines) and i > 0:
            after = [s.strip() for s in lines[i + 1 : i + 4]]
            if any(_HEADER_NEXT.match(s) for s in after):
                return i
    return len(lines)


def own_words(text: str) -> Words:
    """What the sender wrote in this message: the text before the earlier mails it quotes,
    split into the letter and its signature (after an RFC 3676 '-- ' line, else after the
    closing words, 'Best regards,', 'Un saludo,')."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = lines[: _quote_start(lines)]
    for i, line in enumerate(lines):
        if line.rstrip("\n") in ("-- ", "--"):
            return Words("\n".join(lines[:i]).strip(), _signature(lines[i + 1 :]))
    for i in range(len(lines) - 1, -1, -1):
        if _CLOSING.match(lines[i].strip()) and len(lines) - i <= 12:
            return Words("\n".join(lines[: i + 1]).strip(), _signature(lines[i + 1 :]))
    return Words("\n".join(lines).strip(), ())


def _signature(lines: list[str]) -> tuple[str, ...]:
    """A signature's lines: trimmed, blanks dropped, at most eight."""
    return tuple(s.strip() for s in lines if s.strip())[:8]

"""A draft as a letter: its lines, its sentences, and what each sentence was made from.

`compose` renders a draft with marks around every answer and every part it fills in (see
`templates.marked`); `read` turns that marked text into `Sentence`s, each with the answers it
reads and the part it belongs to, so that the letter checker can read a person's words where
they were joined into a sentence, and the walk can show that sentence back to them. Sentences
break only in the template's own words, never inside a person's text ('Dr. Park' stays whole).
`DraftText` is the one type of a draft, from the moment it is composed to the moment it is
sent, edited or exported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rebound.sentences.templates import CLOSE, NAME_END, OPEN, PART


@dataclass(frozen=True)
class Sentence:
    """One sentence of a letter, as it reads, with where its words came from.

    `part` is the draft's part it belongs to (the key of a rewrite, `Session.sentences`), ''
    for the template's own text; `uses` the answers it reads; `spans` where each answer's words
    sit in `text` ((start, end, answer), in order); `written` whether it is the person's own
    rewrite, used as they wrote it.
    """

    text: str
    part: str = ""
    uses: frozenset[str] = frozenset()
    spans: tuple[tuple[int, int, str], ...] = ()
    written: bool = False


@dataclass(frozen=True)
class DraftText:
    """One draft, as it reads now: what `rebound draft` shows, copies, mails, edits and exports.

    `id` is the draft's id, or `<id>-<n>` for the n-th entry of an `each` draft ('outreach-2');
    `draft_id` the pack's draft it was made from. `text` is the whole draft as shown (the To:
    and Subject: lines, a blank line, then the body); `to`, `subject` and `body` are its parts,
    `to` and `subject` empty when it has no such line. `channel` is how it is sent ('email',
    'linkedin', 'post'; '' for notes kept for yourself), `ticks` the checklist item that sending
    it ticks off, `edited` whether the person's own edit is what `text` holds. `sentences` are
    the body's sentences with what they were made from (empty for a text read back from a file),
    and `notes` what the composer did that the person should know (a sentence left out).
    """

    id: str
    title: str
    to: str = ""
    subject: str = ""
    body: str = ""
    channel: str = ""
    text: str = ""
    draft_id: str = ""
    step_id: str = ""
    ticks: str | None = None
    edited: bool = False
    outward: bool = False
    sentences: tuple[Sentence, ...] = ()
    notes: tuple[str, ...] = field(default=())


@dataclass
class _Piece:
    text: str
    part: str
    answer: str


def _pieces(marked: str) -> list[_Piece]:
    """The marked text as runs of plain text, each with its innermost part and answer."""
    out: list[_Piece] = []
    stack: list[tuple[str, str]] = []  # (kind, name)
    i = 0
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            part = next((n for k, n in reversed(stack) if k == PART), "")
            answer = next((n for k, n in reversed(stack) if k == OPEN), "")
            out.append(_Piece("".join(buffer), part, answer))
            buffer.clear()

    while i < len(marked):
        ch = marked[i]
        if ch in (OPEN, PART):
            end = marked.find(NAME_END, i + 1)
            if end < 0:  # a mark cut short (a text cut at MAX_OUTPUT): the rest is plain
                i += 1
                continue
            flush()
            stack.append((ch, marked[i + 1 : end]))
            i = end + 1
        elif ch == CLOSE:
            flush()
            if stack:
                stack.pop()
            i += 1
        elif ch == NAME_END:
            i += 1
        else:
            buffer.append(ch)
            i += 1
    flush()
    return out


# Where a sentence ends in the template's own words: a full stop, a question or an exclamation
# mark (closing quotes and brackets kept with it), then a space.
_END = re.compile(r"[.!?][\"'”’»)\]]*(?=\s)")


def _sentence(chunks: list[_Piece], written: frozenset[str]) -> Sentence | None:
    text = ""
    spans: list[tuple[int, int, str]] = []
    for piece in chunks:
        if piece.answer:
            start = len(text)
            text += piece.text
            spans.append((start, len(text), piece.answer))
        else:
            text += piece.text
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if not text:
        return None
    spans = [(max(0, s - lead), max(0, e - lead), a) for s, e, a in spans]
    parts = {p.part for p in chunks if p.text.strip()}
    part = parts.pop() if len(parts) == 1 else ""
    return Sentence(
        text=text,
        part=part,
        uses=frozenset(a for _, _, a in spans),
        spans=tuple(spans),
        written=part in written,
    )


def read(marked: str, written: frozenset[str] = frozenset()) -> tuple[Sentence, ...]:
    """The sentences of a marked body, in order (see the module's docstring). A line break ends
    a sentence too (a greeting, a signature); `written` are the parts that hold the person's own
    rewrites."""
    sentences: list[Sentence] = []
    current: list[_Piece] = []

    def end() -> None:
        made = _sentence(current, written)
        if made is not None:
            sentences.append(made)
        current.clear()

    for piece in _pieces(marked):
        if piece.answer:  # a person's words never end a sentence of the template's
            current.append(piece)
            continue
        at = 0
        text = piece.text
        while at < len(text):
            newline = text.find("\n", at)
            stop = _END.search(text, at)
            cut = min(
                (
                    p
                    for p in (newline if newline >= 0 else None, stop.end() if stop else None)
                    if p is not None
                ),
                default=None,
            )
            if cut is None:
                current.append(_Piece(text[at:], piece.part, ""))
                break
            current.append(_Piece(text[at:cut], piece.part, ""))
            end()
            at = cut + (1 if cut == newline else 0)
    end()
    return tuple(sentences)

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
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate

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
    `in_reply_to` is the Message-ID of the email it answers (`rebound start --from`; '' for a
    new message): its mailto and .eml carry that thread. `told` is what the person should
    hear about how their words were written (a title's slip spelt as the pack spells it, a
    place strangers can't find): each the key of a sentence of the pack and what fills it
    (('letters_mended', 'sucess', 'success')).
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
    in_reply_to: str = ""
    told: tuple[tuple[str, str, str], ...] = ()


@dataclass
class _Piece:
    text: str
    part: str
    answer: str


# A mark with its name (the name ends at the first NAME_END), a close, a mark that lost its
# name's end or a stray NAME_END (both skipped), or a run of plain text.
_MARK = re.compile(
    f"([{OPEN}{PART}])(.*?){NAME_END}|({CLOSE})|[{OPEN}{PART}{NAME_END}]|([^{OPEN}{PART}{NAME_END}{CLOSE}]+)",
    re.DOTALL,
)


def _pieces(marked: str) -> list[_Piece]:
    """The marked text as runs of plain text, each with its innermost part and answer."""
    out: list[_Piece] = []
    stack: list[tuple[str, str]] = []  # (kind, name)
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            part = next((n for k, n in reversed(stack) if k == PART), "")
            answer = next((n for k, n in reversed(stack) if k == OPEN), "")
            out.append(_Piece("".join(buffer), part, answer))
            buffer.clear()

    for kind, name, close, plain in _MARK.findall(marked):
        if plain:
            buffer.append(plain)
        elif kind:
            flush()
            stack.append((kind, name))
        elif close:
            flush()
            if stack:
                stack.pop()
        # else a mark cut short (a text cut at MAX_OUTPUT) or a stray end: skipped
    flush()
    return out


# Where a sentence ends in the template's own words: a full stop, a question or an exclamation
# mark (closing quotes and brackets kept with it), then a space.
_END = re.compile(r"[.!?][\"'”’»)\]]*(?=\s)")


def _sentence(
    text: str,
    start: int,
    stop: int,
    *,
    pieces: list[_Piece],
    starts: list[int],
    written: frozenset[str],
) -> Sentence | None:
    """The sentence of `text[start:stop]` without the spaces around it, or None when blank;
    `pieces` are the runs `text` was joined from, beginning at `starts`."""
    seg = text[start:stop]
    lead = start + len(seg) - len(seg.lstrip())
    end = start + len(seg.rstrip())
    if end <= lead:
        return None
    spans: list[tuple[int, int, str]] = []
    named: set[str] = set()
    k = bisect_right(starts, lead) - 1
    while k < len(pieces) and starts[k] < end:
        piece = pieces[k]
        x, y = max(starts[k], lead), min(starts[k] + len(piece.text), end)
        k += 1
        if not text[x:y].isspace():
            named.add(piece.part)
        answer = piece.answer
        if not answer:
            continue
        if spans and spans[-1][1] == x - lead and spans[-1][2] == answer:
            spans[-1] = (spans[-1][0], y - lead, answer)
        else:
            spans.append((x - lead, y - lead, answer))
    part = named.pop() if len(named) == 1 else ""
    return Sentence(
        text=text[lead:end],
        part=part,
        uses=frozenset(a for _, _, a in spans),
        spans=tuple(spans),
        written=bool(part) and part in written,
    )


def read(marked: str, written: frozenset[str] = frozenset()) -> tuple[Sentence, ...]:
    """The sentences of a marked body, in order (see the module's docstring). A line break ends
    a sentence too (a greeting, a signature); `written` are the parts that hold the person's own
    rewrites."""
    pieces = _pieces(marked)
    text = "".join(piece.text for piece in pieces)
    starts = list(accumulate((len(piece.text) for piece in pieces[:-1]), initial=0))

    def answered(at: int) -> str:
        return pieces[bisect_right(starts, at) - 1].answer

    # An end inside a person's words ends no sentence of the letter ('Dr. Park'), but their
    # words' own last end does where the letter's words start a new one after it ('... or
    # remote. Happy to send you my CV.').
    cuts = [
        m.end()
        for m in _END.finditer(text)
        if not answered(m.start()) or _ends_answer(text, m.end(), answered)
    ]
    cuts += [m.start() for m in _LINE.finditer(text)]
    out: list[Sentence] = []
    start = 0
    for cut in [*sorted(set(cuts)), len(text)]:
        made = _sentence(text, start, cut, pieces=pieces, starts=starts, written=written)
        if made is not None:
            out.append(made)
        start = cut
    return tuple(out)


_LINE = re.compile("\n")
_NEXT = re.compile(r"\s+[A-ZÁÉÍÓÚÑ¿¡]")


def _ends_answer(text: str, end: int, answered: Callable[[int], str]) -> bool:
    """Whether an answer's words end at `end`, and the letter's own next sentence starts after
    them."""
    after = _NEXT.match(text, end)
    return after is not None and not answered(end) and not answered(after.end() - 1)

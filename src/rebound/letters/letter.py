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


def _sentence(
    text: str, parts: list[str], answers: list[str], written: frozenset[str]
) -> Sentence | None:
    lead = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if end <= lead:
        return None
    body = text[lead:end]
    spans: list[tuple[int, int, str]] = []
    for i in range(lead, end):
        answer = answers[i]
        if not answer:
            continue
        if spans and spans[-1][1] == i - lead and spans[-1][2] == answer:
            spans[-1] = (spans[-1][0], i - lead + 1, answer)
        else:
            spans.append((i - lead, i - lead + 1, answer))
    named = {parts[i] for i in range(lead, end) if not text[i].isspace()}
    part = named.pop() if len(named) == 1 else ""
    return Sentence(
        text=body,
        part=part,
        uses=frozenset(a for _, _, a in spans),
        spans=tuple(spans),
        written=bool(part) and part in written,
    )


def read(marked: str, written: frozenset[str] = frozenset()) -> tuple[Sentence, ...]:
    """The sentences of a marked body, in order (see the module's docstring). A line break ends
    a sentence too (a greeting, a signature); `written` are the parts that hold the person's own
    rewrites."""
    text, parts, answers = "", [], []
    for piece in _pieces(marked):
        text += piece.text
        parts += [piece.part] * len(piece.text)
        answers += [piece.answer] * len(piece.text)
    cuts = [m.end() for m in _END.finditer(text) if not answers[m.start()]]
    cuts += [i for i, ch in enumerate(text) if ch == "\n"]
    out: list[Sentence] = []
    start = 0
    for cut in [*sorted(set(cuts)), len(text)]:
        made = _sentence(text[start:cut], parts[start:cut], answers[start:cut], written)
        if made is not None:
            out.append(made)
        start = cut
    return tuple(out)

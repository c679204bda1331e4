"""Drafts filled from a session's answers, sentence by sentence, each one read before it is used.

A draft's template holds the pack's own words and its `parts`; a part is a sentence (or two)
made from the person's words, given as a list of lines, the first of which that holds is the
one to say. Here every line that could fill a part is rendered with marks around the person's
words (`templates.marked`), read back as sentences (`letter.read`) and checked the way a careful
reader would (`checker`): the first that reads well is used; if none does, the part is left out
and a note says so. A sentence the person rewrote themselves (`Session.sentences`, by the part's
name) is used as they wrote it, in place of the part, whatever language the rest is in.
The whole letter is then checked once more (a phrase said twice, a claim no answer supports),
and a part found there steps down to its next line that reads well.

`progress.draft_texts` and `progress.drafts` are the way in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from rebound import clock
from rebound.letters import checker
from rebound.letters.letter import DraftText, read
from rebound.pack.conditions import Line, Lookup, first_said, holds, said
from rebound.pack.context import context, entry_number
from rebound.pack.models import Content, Draft
from rebound.sentences import places, spelling, templates
from rebound.sentences.grammar import recipient
from rebound.sentences.templates import OPEN, PART, marked, unmarked
from rebound.storage.records import OpenList, Session

_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
_ROUNDS = 8  # a whole-letter finding steps a part down at most this many times in all


def _tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, one newline at the end."""
    return _BLANK_LINES.sub("\n\n", _TRAILING.sub("", text)).strip("\n") + "\n"


_ANSWER_MARK = re.compile(
    re.escape(OPEN) + "([^\ue001]*)\ue001([^\ue000-\ue003]*)" + re.escape(templates.CLOSE)
)


def _answers(rendered: str) -> set[tuple[str, str]]:
    """The answers a rendered, marked line says, each with the words it says them in."""
    return set(_ANSWER_MARK.findall(rendered))


def _says(rendered: str) -> bool:
    return bool(unmarked(rendered).strip())


def part_key(draft: Draft, draft_id: str, name: str) -> str:
    """The key of a part's sentence, as the person's rewrite is kept (`Session.sentences`).

    A part of a draft made once per session is the same sentence in every draft that has it
    (the thank-you's `detail` whether the email asks for feedback or not): its name. A part of
    a draft made per entry is that entry's own ('outreach-2.looking')."""
    return name if draft.each is None else f"{draft_id}.{name}"


class _Letter:
    """One draft being made: its lookups, the lines each part may say, and which it says."""

    def __init__(
        self,
        content: Content,
        session: Session,
        draft: Draft,
        draft_id: str,
        *,
        ctx: Lookup,
        raw: Lookup,
    ) -> None:
        self.content, self.draft, self.draft_id = content, draft, draft_id
        self.ctx, self.raw = ctx, raw
        self.words = content.template_words
        self.letters = content.words.letters
        self.personal = draft.send in ("email", "message")
        self.marks = [k for k in ctx if k not in draft.parts]
        # Whom a letter to someone is to, by name: their name in the person's words of it is
        # the reader spoken of in the third person.
        self.reader = self.addressee() if self.personal else ""
        self.written = {
            name: text
            for name in draft.parts
            if (text := session.sentences.get(part_key(draft, draft_id, name), "").strip())
        }
        # Each part's lines that hold for these answers, in order (`said`), and of those, the
        # ones rendered (with marks) that say something and read well (`checker`), found as
        # they are needed (`way`): most parts say their first. `at` is the one used now.
        # `wanted`: the parts that had something to say, whether or not it reads well.
        self.said: dict[str, list[str]] = {}
        self.good: dict[str, list[str]] = {}
        self.weighed: dict[str, int] = {}
        self.wanted: set[str] = set()
        self.shortened: set[str] = set()  # stepped down for the channel's length, not for a slip
        self.uses: set[str] = set()  # the answers its header lines read
        for name, lines in draft.parts.items():
            if name in self.written:
                continue
            self.said[name] = said(lines, raw, self.words)
            self.good[name] = []
            self.weighed[name] = 0
        self.at = dict.fromkeys(self.said, 0)

    def way(self, name: str, at: int) -> str | None:
        """The part's `at`-th line that says something and reads well, rendered and marked;
        None when it has fewer."""
        said, good = self.said[name], self.good[name]
        while len(good) <= at < len(said) and self.weighed[name] < len(said):
            rendered = self._render(said[self.weighed[name]])
            self.weighed[name] += 1
            if _says(rendered):
                self.wanted.add(name)
                if not self.findings_of(name, rendered):
                    good.append(rendered)
        return good[at] if at < len(good) else None

    def _render(self, line: str) -> str:
        return templates.render(line, self.ctx, self.words, marks=self.marks).strip()

    def findings_of(self, name: str, rendered: str) -> list[checker.Finding]:
        """What the checker finds where this part's line joins a person's words."""
        if not unmarked(rendered).strip():
            return []
        sentences = read(marked(name, rendered, PART))
        found = checker.check_sentences(sentences, self.letters, self.raw, self.personal)
        found += checker.reader_named(sentences, self.reader)
        return [f for f in found if f.join]

    def part(self, name: str) -> str:
        """The part as the draft says it now ('' when left out), marked."""
        if name in self.written:
            return marked(name, templates.unmarked(self.written[name]), PART)
        if name not in self.said:
            return ""
        found = self.way(name, self.at[name])
        return marked(name, found, PART) if found is not None else ""

    @property
    def notes(self) -> list[str]:
        """The parts left out: they had something to say, and no way of saying it read well."""
        # `part` first: a part left out has weighed every line, so `wanted` knows of it.
        return [
            n
            for n in self.draft.parts
            if not self.part(n) and n in self.wanted and n not in self.shortened
        ]

    def step_down(self, name: str, keep: bool = False) -> bool:
        """Use the part's next line that reads well (at last, none); False when it can't. With
        `keep`, only to another line: never to leaving the part out."""
        if name not in self.at or self.way(name, self.at[name]) is None:
            return False
        if keep and self.way(name, self.at[name] + 1) is None:
            return False
        self.at[name] += 1
        return True

    def joins(self) -> list[checker.Finding]:
        """What a careful reader stops at where the whole letter, as it reads now, joins a
        person's words (or says one thing twice)."""
        sentences = read(self.body())
        found = checker.check_sentences(sentences, self.letters, self.raw, self.personal)
        found += checker.reader_named(sentences, self.reader)
        return [f for f in found if f.join]

    def mend(self, finding: checker.Finding) -> bool:
        """Say the letter another way where a careful reader stopped (`finding`): the earlier
        sentence's first other way of saying it that reads without the slip (the pack's words
        are easier to say otherwise than the person's), else the later one's; only when neither
        has one is a sentence left out, the later first (an opening that says who the letter is
        to and why must not go for a detail after it). False when nothing can be done."""

        def gone() -> bool:
            return not any(
                (f.kind, f.part, f.earlier) == (finding.kind, finding.part, finding.earlier)
                for f in self.joins()
            )

        # First only to a way that still says every answer the part said (the person's words
        # are what the letter is for: 'over the next couple of years' they typed stays, and the
        # pack's 'in the next couple of weeks' is said another way); then to any, the later
        # first: what they look for, said first, outweighs a line of background after it.
        for keeping in (True, False):
            if not keeping and self._leave_out_beside(finding, gone):
                return True
            names = (finding.earlier, finding.part) if keeping else (finding.part, finding.earlier)
            for name in names:
                if name not in self.at:
                    continue
                start = at = self.at[name]
                said = _answers(self.way(name, start) or "")
                while (other := self.way(name, at + 1)) is not None:
                    at = self.at[name] = at + 1
                    if keeping and not said <= _answers(other):
                        continue
                    if gone():
                        return True
                self.at[name] = start
        for name in (finding.part, finding.earlier):
            if name in self.draft.kept:
                continue
            if name in self.at and self.way(name, self.at[name]) and self.holds_words(name):
                self.at[name] = len(self.said[name])  # left out, and said to be (`notes`)
                return True
        return False

    def _leave_out_beside(self, finding: checker.Finding, gone: Callable[[], bool]) -> bool:
        """Where one of the two parts is kept (what they look for), leave the other out rather
        than say the kept one without the person's words: 'Hace poco hice las entrevistas del
        puesto de jefa de almacén' goes, and 'Busco un puesto de jefa de almacén' stays, never
        'Estoy buscando mi próximo puesto'."""
        names = (finding.part, finding.earlier)
        if not any(n in self.draft.kept for n in names):
            return False
        for name in names:
            if name in self.draft.kept or name not in self.draft.optional or name not in self.at:
                continue
            if not (self.way(name, self.at[name]) and self.holds_words(name)):
                continue
            start, self.at[name] = self.at[name], len(self.said[name])
            if gone():
                return True
            self.at[name] = start
        return False

    def holds_words(self, name: str) -> bool:
        """Whether the part, as said now, holds a person's words: only such a part may be left
        out for reading badly (one of the pack's own words alone is the pack's to mend, and a
        test of the packs reads every draft for it)."""
        return OPEN in self.part(name)

    def body(self) -> str:
        scope = dict(self.ctx)
        for name in self.draft.parts:
            scope[name] = self.part(name)
        return _tidy(templates.render(self.draft.template, scope, self.words, marks=self.marks))

    def addressee(self) -> str:
        """Whom the draft is to, by name, when it has no To: line yet (no address): its first
        To: line's name, whether or not that line holds."""
        lines = self.draft.to
        if not lines:
            return ""
        first = lines if isinstance(lines, str) else lines[0]
        text = first if isinstance(first, str) else first.text
        return recipient(" ".join(templates.render(text, self.ctx, self.words).split()))

    def line(self, lines: str | list[Line] | None, read_it: bool = True, longest: int = 0) -> str:
        """A one-line text (a Subject:, a To:): the first line that holds and reads well (a
        To: line, names and an address, is not read as a sentence: `read_it` False), and,
        with `longest`, is no longer than that many characters (else the last that holds)."""
        if lines is None:
            return ""
        good: list[tuple[str, str]] = []
        for chosen in said(lines, self.raw, self.words):
            text = self._render(chosen)
            plain = " ".join(unmarked(text).split())
            if not plain:
                continue
            if not read_it or not checker.check_sentences(read(text), self.letters, self.raw):
                good.append((text, plain))
                if not longest or len(plain) <= longest:
                    break
        if not good:
            return ""
        text, plain = good[-1]
        self.uses |= {a for s in read(text) for a in s.uses}
        return plain


# A subject line a person reads whole in their inbox (a subject that pasted what they look for
# ran to 25 words, three readers of the ninth panel); a longer one steps down to its next line.
SUBJECT_LONGEST = 70


def _make(
    content: Content,
    session: Session,
    draft: Draft,
    draft_id: str,
    *,
    ctx: Lookup,
    raw: Lookup,
) -> DraftText | None:
    if draft.when is not None and not holds(draft.when, raw):
        return None
    made = _Letter(content, session, draft, draft_id, ctx=ctx, raw=raw)
    words = content.template_words
    how = first_said(draft.channel, raw)
    channel = templates.render(how, raw, words).strip() if how is not None else ""
    body = made.body()
    # Too long for its channel: the last optional part steps down to its next line that reads
    # well (at last to nothing).
    limit = draft.limits.get(channel)
    shorter = list(draft.optional)
    while limit is not None and len(unmarked(body).rstrip("\n")) > limit and shorter:
        name = shorter[-1]
        made.shortened.add(name)
        was = len(unmarked(body))
        if not made.step_down(name, keep=name in draft.kept):
            shorter.pop()
        elif name in draft.kept and len(unmarked(made.body())) >= was:
            made.at[name] -= 1  # a kept part's last line may be longer (their words, whole)
            shorter.pop()
        body = made.body()
    # The whole letter, read once more: a phrase or a thanks said twice, a claim no answer
    # supports; each mended in turn (`_Letter.mend`).
    for _ in range(_ROUNDS):
        if not any(made.mend(f) for f in made.joins()):
            break
    body = made.body()
    sentences = read(body, frozenset(made.written))
    plain = unmarked(body)
    to = made.line(draft.to, read_it=False)
    subject = made.line(draft.subject, longest=SUBJECT_LONGEST)
    head = [f"{content.ui.draft_to_label}: {to}"] if to else []
    head += [f"{content.ui.draft_subject_label}: {subject}"] if subject else []
    title = " ".join(templates.render(draft.title, made.ctx, words).split())
    whom = recipient(to) if to else made.addressee()
    if draft.each is not None and whom:
        title = f"{title} · {whom}"  # one per entry: say whose it is (not their address)
    return DraftText(
        id=draft_id,
        draft_id=draft.id,
        title=title,
        to=to,
        subject=subject,
        body=plain,
        channel=channel,
        text="\n".join(head) + "\n\n" + plain if head else plain,
        ticks=draft.ticks,
        outward=draft.send is not None,
        sentences=sentences,
        notes=tuple(made.notes),
        told=_told(made, raw, made.uses.union(*(s.uses for s in sentences))),
    )


_ASKED = re.compile(r"\{\{\s*(\w+)\s*\|\s*((?:formal_)?question)\s*\}\}")


def _told(made: _Letter, raw: Lookup, uses: set[str]) -> tuple[tuple[str, str, str], ...]:
    """What the person should hear of how the draft wrote the answers it reads (`uses`): a word
    of a title typed with a slip, written as the pack spells it (the filters `title` and
    `role` mend it); in a public post, a place strangers can't tell where it is."""
    letters = made.letters
    out: list[tuple[str, str, str]] = []
    # What they want to ask someone, typed as a note to themselves that no sentence could say
    # to the reader ('ask at the hall thursday if ...'): the note asks in its own words instead.
    asked = {
        (name, how)
        for lines in made.draft.parts.values()
        for line in lines
        for name, how in _ASKED.findall(line if isinstance(line, str) else line.text)
    }
    for name, how in sorted(asked):
        typed = raw.get(name)
        if (
            name not in uses  # asked in another form ('formal_question'): said, so not told
            and isinstance(typed, str)
            and typed.strip()
            and not templates.filtered(how, typed, made.words)
        ):
            out.append(("letters_not_asked", typed.strip(), ""))
    for answer in dict.fromkeys([*letters.title_answers, *letters.place_answers]):
        typed = raw.get(answer)
        if answer not in uses or not isinstance(typed, str):
            continue
        if answer in letters.title_answers:
            for slip, known in spelling.slips(typed, letters.known_words):
                out.append(("letters_mended", slip, known))
        if made.draft.send == "post" and answer in letters.place_answers:
            for place in places.unknown_places(typed, made.words):
                out.append(("letters_place", place, ""))
    return tuple(dict.fromkeys(out))


# Drafts already made in this process, by what they were made from (see `draft_texts`).
_MADE: dict[tuple[str, str, date, str], tuple[DraftText, ...]] = {}
_MADE_MOST = 256


def draft_texts(content: Content, session: Session, draft: Draft) -> list[DraftText]:
    """One draft filled from the answers: none when its `when` does not hold, one per entry
    for an `each` draft.

    A draft is made from nothing but the pack, the answers (open lists too), the sentences the
    person rewrote and today's date, and what it makes is frozen; so one already made from the
    same of each is handed out again rather than made again (a command shows, exports and
    offers the same drafts several times over, and each takes milliseconds). The same pack is
    one read from the same files (`Content.fingerprint`); a pack not known so, or a draft that
    is not the pack's own (a copy changed in code), is made every time.
    """
    pack = content.fingerprint
    if pack is None or not any(d is draft for step in content.steps for d in step.drafts):
        return _draft_texts(content, session, draft)
    state = session.model_dump_json(include={"answers", "open_lists", "sentences"})
    key = (pack, draft.id, clock.today(), state)
    kept = _MADE.get(key)
    if kept is None:
        if len(_MADE) >= _MADE_MOST:
            _MADE.pop(next(iter(_MADE)))
        kept = _MADE[key] = tuple(_draft_texts(content, session, draft))
    return list(kept)


def _draft_texts(content: Content, session: Session, draft: Draft) -> list[DraftText]:
    ctx = context(content, session)
    if draft.each is None:
        made = _make(content, session, draft, draft.id, ctx=ctx, raw=session.answers)
        return [made] if made is not None else []
    raw_entries = session.answers.get(draft.each)
    if not isinstance(raw_entries, list):
        raw_entries = list(session.open_lists.get(draft.each, OpenList()).items)
    shown = ctx.get(draft.each)
    labelled = shown if isinstance(shown, list) else []
    out: list[DraftText] = []
    for n, (raw, entry) in enumerate(zip(raw_entries, labelled, strict=False), start=1):
        if isinstance(raw, dict) and isinstance(entry, dict):
            made = _make(
                content,
                session,
                draft,
                # The entry's stable number, as its checklist item has it ('contact-3'):
                # removing an earlier contact changes neither.
                f"{draft.id}-{entry_number(raw, n)}",
                ctx={**ctx, **entry},
                raw={**session.answers, **raw},
            )
            if made is not None:
                out.append(made)
    return out


def sentences_using(
    content: Content, session: Session, answer: str
) -> list[tuple[str, str, str, list[checker.Finding]]]:
    """The sentences of the session's outward drafts that the answer `answer` is joined into:
    (draft title, part key, the sentence as it reads now, what the checker finds in it), the
    first draft's first. A part is read alone, so that it can be shown before its draft is
    whole (the walk's read-back, right after the answer is typed)."""
    ctx = context(content, session)
    out: list[tuple[str, str, str, list[checker.Finding]]] = []
    seen: set[str] = set()
    for step in content.steps:
        for draft in step.drafts:
            if draft.send is None or draft.each is not None:
                continue
            for name, lines in draft.parts.items():
                key = part_key(draft, draft.id, name)
                if key in seen:
                    continue
                uses = {n for line in lines for n in _names(line)}
                if answer not in uses:
                    continue
                made = _Letter(content, session, draft, draft.id, ctx=ctx, raw=session.answers)
                text = made.part(name)
                if not unmarked(text).strip():
                    continue
                seen.add(key)
                found = [
                    f
                    for f in checker.check_sentences(read(text), made.letters, session.answers)
                    if f.join
                ]
                out.append((draft.title, key, " ".join(unmarked(text).split()), found))
    return out


def unmarked_part(text: str) -> str:
    """A part's marked text without its own part mark (its answers' marks kept)."""
    head = text.find(templates.NAME_END)
    return text[head + 1 : -1] if text.startswith(PART) and head >= 0 else text


def _names(line: Line) -> set[str]:
    text = line if isinstance(line, str) else line.text
    try:
        return {name for name, _ in templates.names(templates.parse(text))}
    except templates.TemplateError:
        return set()


def left_out(draft: DraftText, content: Content) -> list[str]:
    """What to tell the person of a draft: the sentences left out because no way of saying them
    read well, in the pack's words."""
    return [content.say("letters_left_out", name=name) for name in draft.notes]


def told(draft: DraftText, content: Content) -> list[str]:
    """What to tell the person of how a draft wrote their words ('“sucess” is written
    “success” in this draft ...'), in the pack's words."""
    return [content.say(key, value=value, name=name) for key, value, name in draft.told]

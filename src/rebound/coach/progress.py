"""Where a session stands: what comes next, applying an answer, the checklist. No I/O here.

Everything is a function of the content and a session, so it is tested without any terminal.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from rebound import clock
from rebound.letters.letter import DraftText
from rebound.pack import conditions
from rebound.pack.conditions import Lookup
from rebound.pack.context import context, entry_number
from rebound.pack.models import ChecklistItem, Content, Draft, DueAfter, FieldDef, PromptDef, Step
from rebound.sentences import templates
from rebound.storage.records import ENTRY_ID, AnswerValue, Item, OpenList, Session

# Part of the coach, kept in their own modules: conditions on answers, and a draft ready to send.
holds = conditions.holds
said = conditions.said
first_said = conditions.first_said


@dataclass(frozen=True)
class Position:
    """Where the coach is: a prompt, a field of a list entry, or the 'add another?' question."""

    step_number: int  # 0 for the opening questions, then 1..N
    step: Step | None
    prompt: PromptDef
    field: FieldDef | None = None
    more: bool = False
    entry: int = 1  # which entry of a list prompt (1-based)

    @property
    def question(self) -> FieldDef:
        """The definition of the question to ask now (for 'more', the list prompt itself)."""
        return self.field or self.prompt

    @property
    def more_message(self) -> str:
        """The yes/no question that adds an entry to a list prompt."""
        if self.entry == 1 and self.prompt.first:
            return self.prompt.first
        return self.prompt.more or "Add another?"


@dataclass(frozen=True)
class Entry:
    """One checklist line of a session."""

    step_id: str
    id: str
    label: str
    done: bool
    info: bool
    due: date | None
    next: str | None
    ticked_at: datetime | None = None
    opens: bool = False  # `due` is when something becomes possible, never a deadline


def _asked(q: FieldDef, lookup: Lookup) -> bool:
    return q.when is None or holds(q.when, lookup)


def _sections(content: Content) -> list[tuple[int, Step | None, list[PromptDef]]]:
    out: list[tuple[int, Step | None, list[PromptDef]]] = [(0, None, content.opening.prompts)]
    out.extend((n, step, step.prompts) for n, step in enumerate(content.steps, start=1))
    return out


def _next_in_list(
    number: int,
    step: Step | None,
    prompt: PromptDef,
    session: Session,
    optional: Collection[str] = (),
) -> Position | None:
    open_list = session.open_lists.get(prompt.id, OpenList())
    entry = len(open_list.items) + 1
    if open_list.current is None:
        if len(open_list.items) < (0 if prompt.id in optional else prompt.min_items):
            current: Item = {}
        else:
            return Position(number, step, prompt, more=True, entry=entry)
    else:
        current = open_list.current
    lookup = {**session.answers, **current}
    for fld in prompt.fields:
        if fld.id not in current and _asked(fld, lookup):
            return Position(number, step, prompt, field=fld, entry=entry)
    return None  # the entry is complete; apply() files it away


def next_position(
    content: Content,
    session: Session,
    only_step: str | None = None,
    optional: Collection[str] = (),
) -> Position | None:
    """The first unanswered question, in order; None when everything is answered.

    The list prompts named in `optional` may stay empty, whatever their `min_items` (the
    accomplishments, when the brag list already holds some: "add a new one?" comes first).
    """
    for number, step, prompts in _sections(content):
        if only_step is not None and (step is None or step.id != only_step):
            continue
        for prompt in prompts:
            if prompt.id in session.answers or not _asked(prompt, session.answers):
                continue
            if prompt.kind == "list":
                pos = _next_in_list(number, step, prompt, session, optional)
                if pos is not None:
                    return pos
                continue
            return Position(number, step, prompt)
    return None


def apply(
    content: Content, session: Session, pos: Position, value: AnswerValue, now: datetime
) -> None:
    """Record one answer in the session (the caller saves it straight away)."""
    pid = pos.prompt.id
    if pos.more:
        open_list = session.open_lists.setdefault(pid, OpenList())
        if value is True:
            open_list.current = {}
        else:
            session.answers[pid] = list(open_list.items)
            session.answered_at[pid] = now
            del session.open_lists[pid]
    elif pos.field is not None:
        open_list = session.open_lists.setdefault(pid, OpenList())
        current = dict(open_list.current or {})
        if ENTRY_ID not in current:  # the entry's first answer: it gets its id now, for good
            current[ENTRY_ID] = _new_entry_id(session, pid, open_list.items)
        current[pos.field.id] = value if not isinstance(value, list) else ", ".join(map(str, value))
        open_list.current = current
        if _next_in_list(pos.step_number, pos.step, pos.prompt, session) is None:
            open_list.items.append(current)
            open_list.current = None
    else:
        session.answers[pid] = value
        session.answered_at[pid] = now
    session.previous.pop(previous_key(pos), None)
    session.suggested.pop(previous_key(pos), None)  # the email's default: answered now
    session.updated_at = now
    if session.finished_at is None and next_position(content, session) is None:
        session.finished_at = now


def _new_entry_id(session: Session, prompt_id: str, items: list[Item]) -> str:
    """The next id of a list: never one given before in it, so nothing that followed a removed
    entry (a tick, a brag-list item) is taken over by a new one."""
    taken = [entry_number(e, n) for n, e in enumerate(items, start=1)]
    number = max([session.last_entry.get(prompt_id, 0), *taken]) + 1
    session.last_entry[prompt_id] = number
    return f"e{number}"


def previous_key(pos: Position) -> str:
    """Where an answer being revisited is kept as the default: the prompt id, or `prompt.field`."""
    return f"{pos.prompt.id}.{pos.field.id}" if pos.field is not None else pos.prompt.id


def _drop_last_field(prompt: PromptDef, current: Item, session: Session) -> None:
    for fld in reversed(prompt.fields):
        if fld.id in current:
            session.previous[f"{prompt.id}.{fld.id}"] = current.pop(fld.id)
            return


def back(
    content: Content,
    session: Session,
    pos: Position | None,
    now: datetime,
    within: Step | None = None,
) -> bool:
    """Undo the answer given just before `pos` (None: after the last question), so that it is
    asked again, with the old answer kept in `session.previous` as its default.

    `within` keeps the way back inside one step. Returns False when there is nothing before.
    """
    if pos is not None and pos.prompt.kind == "list" and pos.prompt.id in session.open_lists:
        open_list = session.open_lists[pos.prompt.id]
        current = open_list.current or {}
        if any(f.id in current for f in pos.prompt.fields):  # a field typed, not its id only
            _drop_last_field(pos.prompt, current, session)  # it keeps its id
            return _touched(session, now)
        if open_list.items:
            if open_list.current is not None:  # at the first field: ask "add another?" again
                open_list.current = None  # (an entry backed out of is gone, and so is its id)
            else:  # at "add another?": back into the last entry
                open_list.current = open_list.items.pop()
                _drop_last_field(pos.prompt, open_list.current, session)
            return _touched(session, now)
        del session.open_lists[pos.prompt.id]
        if pos.prompt.min_items == 0:  # just said yes to the first entry: ask that again
            return _touched(session, now)
    order = within.prompts if within is not None else content.prompts()
    ids = [p.id for p in order]
    end = ids.index(pos.prompt.id) if pos is not None and pos.prompt.id in ids else len(ids)
    for prompt in reversed(order[:end]):
        if prompt.id in session.answers:
            _reopen(prompt, session)
            return _touched(session, now)
    return False


def _entries(value: AnswerValue) -> list[Item]:
    return [dict(e) for e in value if isinstance(e, dict)] if isinstance(value, list) else []


def _reopen(prompt: PromptDef, session: Session) -> None:
    """Take an answer back so the prompt is asked again (a list reopens, keeping its entries)."""
    value = session.answers.pop(prompt.id)
    if prompt.kind == "list":
        session.open_lists[prompt.id] = OpenList(items=_entries(value))
    else:
        session.previous[prompt.id] = value


def revisit(content: Content, session: Session, step_id: str, now: datetime) -> None:
    """Open a finished step again: its answers become the defaults, its lists can grow.

    Raises:
        KeyError: no such step.
    """
    for prompt in content.step(step_id).prompts:
        if prompt.id in session.answers:
            _reopen(prompt, session)
    _touched(session, now)


def settle(content: Content, session: Session, step_id: str, finished_at: datetime | None) -> None:
    """After a revisit of a step is interrupted: what was not touched goes back as it was.

    An answer still waiting in `previous` is restored; a list reopened but not changed is closed
    again. A question actually being changed stays open, so `rebound continue` asks it.
    """
    for prompt in content.step(step_id).prompts:
        if prompt.id in session.answers:
            continue
        if prompt.kind == "list":
            open_list = session.open_lists.get(prompt.id)
            if open_list is not None and open_list.current is None:
                session.answers[prompt.id] = list(open_list.items)
                del session.open_lists[prompt.id]
        elif prompt.id in session.previous:
            session.answers[prompt.id] = session.previous.pop(prompt.id)
    if next_position(content, session) is None:
        session.finished_at = finished_at or session.updated_at


def _touched(session: Session, now: datetime) -> bool:
    session.finished_at = None
    session.updated_at = now
    return True


def step_done(step: Step, session: Session) -> bool:
    """Whether every question of the step that applies has been answered."""
    return all(p.id in session.answers or not _asked(p, session.answers) for p in step.prompts)


def steps_done(content: Content, session: Session) -> int:
    """How many of the steps are done."""
    return sum(step_done(step, session) for step in content.steps)


def default_for(content: Content, session: Session, pos: Position) -> str | None:
    """The computed default (`default_from`) of the question at `pos`, or None."""
    q = pos.question
    if pos.more or q.default_from is None:
        return None
    scope = context(content, session)
    current = session.open_lists.get(pos.prompt.id)
    if pos.field is not None and current is not None and current.current:
        scope = {**scope, **current.current}
    guess = templates.render(q.default_from, scope, content.template_words).strip()
    return guess or None


def draft_texts(content: Content, session: Session, draft: Draft) -> list[DraftText]:
    """One draft filled from the answers: none when its `when` does not hold, one per entry
    for an `each` draft (see `compose`); a reply to the email the session started from has
    'Re: ' its subject (`inbox.replies`)."""
    from rebound.letters import compose

    made = compose.draft_texts(content, session, draft)
    if session.thread is None:
        return made
    from rebound.inbox import replies

    return [replies.in_thread(content, session, draft, m) for m in made]


def draft_text(content: Content, session: Session, draft: Draft) -> str:
    """A draft filled from the answers, as it is shown: '' when it does not apply. The entries
    of an `each` draft are shown one after the other, each under its own id ('[outreach-1]')."""
    made = draft_texts(content, session, draft)
    if draft.each is None:
        return made[0].text if made else ""
    return "\n".join(f"[{d.id}]\n{d.text}" for d in made)  # the id `rebound draft` takes


def drafts(content: Content, session: Session) -> list[DraftText]:
    """Every draft of the session's finished steps, in order, with its id, recipient and text."""
    out: list[DraftText] = []
    for step in content.steps:
        if step_done(step, session):
            for d in step.drafts:
                out.extend(draft_texts(content, session, d))
    return out


def _due(raw: object) -> date | None:
    try:
        return date.fromisoformat(str(raw)) if raw else None
    except ValueError:
        return None


def checklist(content: Content, session: Session) -> list[Entry]:
    """Every checklist line of the session, step by step.

    A step's items appear once the step is done (or once ticked, or once its drafts were kept),
    so the list grows as the person works through the steps.
    """
    ctx = context(content, session)
    make = functools.partial(
        _entry, session=session, words=content.template_words, dated=date_prompts(content)
    )
    out: list[Entry] = []
    for step in content.steps:
        # A step whose drafts were kept was finished, even if a question was added to it since.
        finished = step_done(step, session) or any(d.id in session.drafts for d in step.drafts)
        for item in step.checklist:
            if item.each is not None:
                entries = session.answers.get(item.each)
                if not isinstance(entries, list):
                    entries = list(session.open_lists.get(item.each, OpenList()).items)
                shown = ctx.get(item.each)
                labelled = shown if isinstance(shown, list) else []
                for n, (raw, entry) in enumerate(zip(entries, labelled, strict=False), start=1):
                    if isinstance(raw, dict) and isinstance(entry, dict):
                        # Numbered by the entry's id, so a tick stays with its entry.
                        item_id = f"{item.id}-{entry_number(raw, n)}"
                        out.append(make(step, item, item_id, ctx={**ctx, **entry}, raw=raw))
                continue
            if item.when is not None and not holds(item.when, session.answers):
                continue
            if finished or item.id in session.ticked:
                out.append(make(step, item, item.id, ctx=ctx, raw=session.answers))
    return out


def _entry(
    step: Step,
    item: ChecklistItem,
    item_id: str,
    *,
    ctx: dict[str, object],
    raw: Mapping[str, object],
    session: Session,
    words: templates.Vocabulary = templates.ENGLISH,
    dated: frozenset[str] = frozenset(),
) -> Entry:
    scope = {**ctx, "id": item_id}
    done = item_id in session.ticked or (
        item.done_when is not None and holds(item.done_when, session.answers)
    )
    due = _due(raw.get(item.due)) if item.due else None
    if item.due_after is not None:
        due = due_after(session, item.due_after, dated)
    label = first_said(item.label, {**session.answers, **raw}) or ""
    return Entry(
        step_id=step.id,
        id=item_id,
        label=templates.render(label, scope, words),
        done=done and not item.info,
        info=item.info,
        due=due,
        next=templates.render(item.next, scope, words) if item.next else None,
        ticked_at=session.ticked.get(item_id),
        opens=item.opens,
    )


def date_prompts(content: Content) -> frozenset[str]:
    """The ids of the pack's date prompts (`call_date`): what `due_after` counts from by date."""
    return frozenset(p.id for p in content.prompts() if p.kind == "date")


def due_after(session: Session, after: DueAfter, dated: frozenset[str]) -> date | None:
    """The day `after.days` days after its prompt: after the day a date prompt gives (a month
    after the news is a month after the day it came, however late the session was started),
    else after the moment the prompt was answered (a week after the request was sent). None
    past the end of the calendar."""
    start = _due(session.answers.get(after.prompt)) if after.prompt in dated else None
    if start is None:
        since = session.answered_at.get(after.prompt, session.created_at)
        start = clock.local_day(since)
    return clock.shift(start, after.days)


def open_items(content: Content, session: Session, today: date | None = None) -> list[Entry]:
    """Items still to do, the most pressing first.

    Overdue items and those due within a week come first (by date), then undated ones in step
    order, then the later ones by date.
    """
    day = today or clock.today()
    todo = [e for e in checklist(content, session) if not e.done and not e.info]
    soon = clock.shift(day, 7) or date.max

    def urgency(e: Entry) -> tuple[int, date]:
        if e.due is None:
            return (1, date.min)
        return (0 if e.due <= soon else 2, e.due)

    return sorted(todo, key=urgency)


def next_action(content: Content, session: Session) -> tuple[str, Entry | None]:
    """The one thing to suggest next, and the checklist item it is about (if any)."""
    pos = next_position(content, session)
    total = len(content.steps)
    if pos is not None:
        if pos.step is None:
            return content.say("next_opening"), None
        return (
            content.say("next_step", number=pos.step_number, total=total, title=pos.step.title),
            None,
        )
    todo = open_items(content, session)
    if todo:
        first = todo[0]
        return (first.next or first.label), first
    return content.say("nothing_left"), None


def tick(
    content: Content, session: Session, item_id: str, now: datetime, undo: bool = False
) -> Entry:
    """Tick (or untick) a checklist item.

    Raises:
        KeyError: no tickable item has this id.
    """
    for entry in checklist(content, session):
        if entry.id == item_id and not entry.info:
            if undo:
                session.ticked.pop(item_id, None)
                session.unticked[item_id] = now  # a later tick elsewhere wins, an earlier loses
            else:
                session.ticked.setdefault(item_id, now)
                session.unticked.pop(item_id, None)
            session.updated_at = now
            return entry
    raise KeyError(item_id)


def company_slug(text: str, limit: int = 30) -> str:
    """The company as a session id ends with: short, ASCII, file-safe ('Globex Corp.' ->
    'globex-corp'; '株式会社' -> 'session'). Not a story's id: see `brag_list.story_slug`."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return words[:limit].rstrip("-") or "session"


def session_id(session: Session, day: date, taken: set[str]) -> str:
    """A new session id such as `2026-11-25-globex`, unique among `taken`."""
    base = f"{day.isoformat()}-{company_slug(session.text('company'))}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate

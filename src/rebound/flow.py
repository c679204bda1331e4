"""Walking a person through the steps: ask, record, save, show. Saves after every answer.

The coach decides what comes next; `prompts` asks; `render` shows; `store` keeps. This module
only puts them in order.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timezone

from rich.console import Console

from rebound import bragging, coach, drafting, prompts, render, values
from rebound.errors import DataError, InterruptedByUser, ReboundError, SessionBusyError
from rebound.models import AnswerValue, Content, Draft, Session, Step
from rebound.names import BRAG_LOCK
from rebound.store import Store


def now() -> datetime:
    """The current time, in UTC."""
    return datetime.now(timezone.utc)


def new_session() -> Session:
    """An empty session; it gets its id (and its file) with the first answer."""
    moment = now()
    return Session(id="", created_at=moment, updated_at=moment)


def remembered(store: Store, content: Content, skip: str = "") -> dict[str, AnswerValue]:
    """Answers to `remember` prompts from the most recent sessions, to offer as defaults."""
    wanted = {p.id for p in content.prompts() if p.remember}
    found: dict[str, AnswerValue] = {}
    for session_id in store.ids()[:20]:
        if not wanted - set(found):
            break
        if session_id == skip:
            continue
        try:
            old = store.load(session_id)
        except Exception:  # a broken old session must never stop a new one
            continue
        for key in wanted - set(found):
            if old.answers.get(key):
                found[key] = old.answers[key]
    return found


def claim_id(store: Store, session: Session, today: date, locks: contextlib.ExitStack) -> None:
    """Give a new session its id, locked (until `locks` closes), without ever taking one that
    another process has just taken."""
    # An id the brag list remembers (from a deleted session) is taken too: its wins are keyed by it.
    taken = set(store.ids()) | store.brag_session_ids()
    while True:
        candidate = coach.session_id(session, today, taken)
        attempt = contextlib.ExitStack()
        try:
            attempt.enter_context(store.lock(candidate))
        except SessionBusyError:
            taken.add(candidate)
            continue
        if store.path(candidate).exists():
            attempt.close()
            taken.add(candidate)
            continue
        locks.enter_context(attempt)
        session.id = candidate
        return


def store_drafts(content: Content, session: Session) -> None:
    """Keep the drafts of every finished step, as they read now.

    With nobody to ask, the person's edits (`session.edited`) are kept as they are; the walk
    asks instead (`Walk._store_draft`).
    """
    for step in content.steps:
        if coach.step_done(step, session):
            for d in step.drafts:
                session.drafts[d.id] = coach.draft_text(content, session, d)


def sync_brag(store: Store, session: Session) -> str | None:
    """Add the session's accomplishments to the brag list; never a reason to stop a session.

    Returns what went wrong, for the caller to say (a brag list that could not be read was moved
    aside and must not vanish silently); None when all went well, or when another window holds
    the list for a moment (`rebound brag` catches up later).
    """
    try:
        # No waiting here: nothing typed is at stake (the answers are in the session file), and
        # the next `rebound brag` takes them in; a walk should not stall on another window.
        with store.lock(BRAG_LOCK, wait=0):
            brag = store.load_brag()
            if bragging.sync(brag, [session], now()):
                store.save_brag(brag)
    except SessionBusyError:
        return None
    except ReboundError as exc:
        return exc.message
    return None


class Walk:
    """One sitting with the coach, on one session."""

    def __init__(self, content: Content, store: Store, session: Session, out: Console) -> None:
        self.content = content
        self.store = store
        self.session = session
        self.out = out
        self.today = date.today()
        self.defaults = remembered(store, content, skip=session.id)
        self._locks = contextlib.ExitStack()
        self._entry_shown: tuple[str, int] | None = None
        self._brag_told = False
        self._finished_before: datetime | None = None

    def run(self, only_step: str | None = None) -> bool:
        """Ask until done, or until the person chooses to stop. True when everything is answered.

        With `only_step`, that step alone is asked again, its earlier answers offered as defaults.

        Raises:
            InterruptedByUser: Ctrl-C or Ctrl-D at a prompt; everything answered is already saved.
        """
        with self._locks:
            if self.session.id:
                self._locks.enter_context(self.store.lock(self.session.id))
                # Read it again under the lock: another process may have saved since we looked.
                self.session = self.store.load(self.session.id)
                if only_step is None:
                    self._welcome_back()
                else:
                    self._revisit(only_step)
            try:
                return self._loop(only_step)
            except (KeyboardInterrupt, EOFError):
                if only_step is not None and self.session.id:
                    # Looking at a step again must not undo it: put back what wasn't changed.
                    coach.settle(self.content, self.session, only_step, self._finished_before)
                    self.store.save(self.session)
                    if bragging.PROMPT in self.session.answers and any(
                        p.id == bragging.PROMPT for p in self.content.step(only_step).prompts
                    ):
                        self._sync_brag()  # a corrected list that settle closed counts too
                raise InterruptedByUser.said(self._stopped()) from None

    def _revisit(self, step_id: str) -> None:
        step = self.content.step(step_id)
        self._finished_before = self.session.finished_at
        if coach.step_done(step, self.session):
            coach.revisit(self.content, self.session, step_id, now())
            self._save()
        render.note(self.out, self.content.say("revisiting", title=step.title), "bold")
        render.note(self.out, self.content.say("back_hint"), "dim")

    def _welcome_back(self) -> None:
        pos = coach.next_position(self.content, self.session)
        if pos is None:
            return
        say = self.content.say
        where = (
            say("at_opening")
            if pos.step is None
            else say(
                "at_step",
                number=pos.step_number,
                total=len(self.content.steps),
                title=pos.step.title,
            )
        )
        name = self.session.text("company") or self.session.id
        render.note(self.out, say("welcome_back", name=name, where=where), "bold")
        render.note(self.out, say("back_hint"), "dim")

    def _stopped(self) -> str:
        if not self.session.id:
            return self.content.say("stopped_unsaved")
        return self.content.say("stopped_saved", id=self.session.id)

    def _loop(self, only_step: str | None) -> bool:
        total = len(self.content.steps)
        shown = -1
        while (pos := coach.next_position(self.content, self.session, only_step)) is not None:
            if pos.step_number != shown:
                if pos.step is None:
                    render.welcome(self.out, self.content)
                    render.note(self.out, self.content.say("back_hint"), "dim")
                else:
                    header = self.content.say(
                        "step_header", number=pos.step_number, total=total, title=pos.step.title
                    )
                    render.step_intro(self.out, pos.step, header, self.content.say("tip"))
                    if any(p.id == bragging.PROMPT for p in pos.step.prompts):
                        self._show_brag_list()
                shown = pos.step_number
            if pos.field is None and not pos.more:
                for d in pos.step.drafts if pos.step else ():
                    if d.before == pos.prompt.id:
                        render.draft(self.out, d.title, self._draft_shown(d))
            try:
                value = self._ask(pos)
            except prompts.GoBack:
                self._back(pos, only_step)
                continue
            coach.apply(self.content, self.session, pos, value, now())
            self._save()
            if pos.prompt.id == bragging.PROMPT and pos.prompt.id in self.session.answers:
                self._sync_brag()  # once the list is done: corrections made with Ctrl-B count
            if pos.step is not None and coach.step_done(pos.step, self.session):
                self._finish_step(pos.step)
                if only_step is not None:
                    return True
                upcoming = coach.next_position(self.content, self.session)
                if upcoming is not None and upcoming.step is not None:
                    try:
                        go_on = self._go_on(upcoming.step, upcoming.step_number)
                    except prompts.GoBack:
                        self._back(upcoming, only_step)
                        continue
                    if not go_on:
                        render.note(self.out, self.content.say("resume_hint"), "dim")
                        return False
        return coach.next_position(self.content, self.session) is None

    def _show_brag_list(self) -> None:
        """At the accomplishments step: what the brag list already holds from other sessions."""
        try:
            brag = self.store.load_brag()
        except ReboundError as exc:
            self._brag_trouble(exc.message)
            return
        others = [i for i in brag.items if not (i.source or "").startswith(f"{self.session.id}#")]
        if not others:
            return
        titles = "; ".join(i.title for i in others[:5]) + ("; ..." if len(others) > 5 else "")
        render.note(self.out, self.content.say("brag_holds", count=len(others), list=titles), "dim")

    def _sync_brag(self) -> None:
        trouble = sync_brag(self.store, self.session)
        if trouble:
            self._brag_trouble(trouble)

    def _brag_trouble(self, message: str) -> None:
        if not self._brag_told:
            render.note(self.out, message, "yellow")
            self._brag_told = True

    def _back(self, pos: coach.Position, only_step: str | None) -> None:
        within = self.content.step(only_step) if only_step is not None else None
        if coach.back(self.content, self.session, pos, now(), within=within):
            self._entry_shown = None
            self._save()
        else:
            render.note(self.out, self.content.say("first_question"), "dim")

    def _ask(self, pos: coach.Position) -> AnswerValue:
        if pos.more:
            if pos.entry > 1:
                render.note(
                    self.out, "  " + self.content.say("added_so_far", count=pos.entry - 1), "dim"
                )
            return prompts.yes_no(pos.more_message, default=False, back=True, lang=self.content)
        q = pos.question
        default: AnswerValue = self.session.previous.get(coach.previous_key(pos))
        if default is None and q.remember:
            default = self.defaults.get(q.id)
        if default is None and q.default is not None:
            default = (
                values.default_text(q, self.today, self.content) if q.kind == "date" else q.default
            )
        if pos.field is not None and self._entry_shown != (pos.prompt.id, pos.entry):
            header = self.content.say("entry_header", list=pos.prompt.message, number=pos.entry)
            render.note(self.out, header, "bold")
            self._entry_shown = (pos.prompt.id, pos.entry)
        while True:
            value = prompts.ask(
                q,
                default,
                self.today,
                back=True,
                lang=self.content,
            )
            message = values.nudge(q, value, self.today)
            if message is None:
                return value
            render.note(self.out, message, "yellow")
            keep = self.content.say("keep_date", value=value)
            if prompts.yes_no(keep, default=False, lang=self.content):
                return value

    def _save(self) -> None:
        first = not self.session.id
        try:
            if first:
                self._claim_id()
            self.store.save(self.session)
        except DataError as exc:
            # Say what to run next as it is: nothing to continue if the first save failed.
            error = DataError("").like(exc)
            if first:
                raise error.then("save_failed_first") from None
            raise error.then("save_failed_later", id=self.session.id) from None

    def _claim_id(self) -> None:
        claim_id(self.store, self.session, self.today, self._locks)

    def _finish_step(self, step: Step) -> None:
        for d in step.drafts:
            self._store_draft(d, coach.draft_text(self.content, self.session, d))
            if d.before is None:
                render.draft(self.out, d.title, self._draft_shown(d))
        self._save()
        render.step_done(self.out, step)
        self._offer_drafts(step)

    # --- drafts as things to act on (issue 10) ---------------------------------------------

    def _draft_shown(self, d: Draft) -> str:
        """A draft as the person will send it: their edit, else as made from the answers."""
        edit = self.session.edited.get(d.id)
        return edit if edit is not None else coach.draft_text(self.content, self.session, d)

    def _store_draft(self, d: Draft, text: str) -> None:
        """Keep a finished step's draft. When the person had edited it and their new answers
        make a different one, they choose: keep the edit, or rebuild it from the answers."""
        if drafting.edit_outdated(self.session, d.id, text):
            keep = prompts.yes_no(
                self.content.say("draft_keep_edit", title=d.title), default=True, lang=self.content
            )
            if not keep:
                self.session.edited.pop(d.id, None)
        self.session.drafts[d.id] = text

    def _offer_drafts(self, step: Step) -> None:
        """At the end of a step: each message it drafted can be copied, mailed or edited now."""
        for d in drafting.offers(self.content, self.session, step):
            self._offer(d)

    def _offer(self, d: drafting.DraftText) -> None:
        from rebound import handoff

        say = self.content.say
        options = [("copy", say("draft_offer_copy"))]
        if d.channel == "email":
            options.append(("mail", say("draft_offer_mail")))
        options += [("edit", say("draft_offer_edit")), ("later", say("draft_offer_later", id=d.id))]
        while True:
            shown = drafting.find(drafting.session_drafts(self.content, self.session), d.id)
            if shown is None:
                return
            choice = prompts.choose(
                say("draft_offer", title=d.title), options, default="later", lang=self.content
            )
            if choice == "later":
                return
            try:
                if choice == "edit":
                    self._edit_draft(d, handoff.edit(self.content, shown))
                    continue
                if choice == "copy":
                    handoff.copy(self.content, self.out, shown)
                elif not handoff.mail(self.content, self.out, shown):
                    continue
            except ReboundError as exc:  # no clipboard, no editor: say so, and offer again
                render.note(self.out, exc.message, "yellow")
                continue
            self._offer_tick(d)
            return

    def _edit_draft(self, d: drafting.DraftText, saved: str | None) -> None:
        if saved is None:
            render.note(self.out, self.content.say("draft_edit_same", title=d.title))
            return
        drafting.keep_edit(self.session, d.id, saved)
        self._save()
        render.draft(self.out, d.title, drafting.plain(saved))
        render.note(self.out, self.content.say("draft_edit_saved", title=d.title, id=d.id))

    def _offer_tick(self, d: drafting.DraftText) -> None:
        """After a copy or a mail: tick the item the draft is for, if it is sent already."""
        entry = drafting.open_item(self.content, self.session, d.ticks) if d.ticks else None
        if entry is None:
            return
        question = self.content.say("draft_tick", value=entry.label)
        if prompts.yes_no(question, default=False, lang=self.content):
            coach.tick(self.content, self.session, entry.id, now())
            self._save()
            render.note(self.out, self.content.say("ticked", count=1), "bold")

    def _go_on(self, step: Step, number: int) -> bool:
        total = len(self.content.steps)
        choice = prompts.choose(
            self.content.say("ready"),
            [
                ("go", self.content.say("go_on", number=number, total=total, title=step.title)),
                ("stop", self.content.say("not_now")),
            ],
            default="go",
            back=True,
            lang=self.content,
        )
        return choice == "go"

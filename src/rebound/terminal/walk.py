"""Walking a person through the steps: ask, record, save, show. Saves after every answer.

The coach decides what comes next; `prompts` asks; `render` shows; `store` keeps. This module
only puts them in order.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime

from rebound import clock
from rebound.coach import brag_list, enter_defaults, later_feedback, progress
from rebound.errors import DataError, InterruptedByUser, ReboundError, SessionBusyError
from rebound.pack import typed
from rebound.pack.models import Content, FieldDef, Step
from rebound.render import screens
from rebound.render.screens import Out
from rebound.storage.paths import BRAG_LOCK
from rebound.storage.records import AnswerValue, Session
from rebound.storage.store import Store
from rebound.terminal import prompts
from rebound.terminal.draft_offers import DraftOffers
from rebound.terminal.read_back import ReadBack

now = clock.now  # the moment every save is stamped with (rebound.clock)


def new_session(lang: str | None = None) -> Session:
    """An empty session; it gets its id (and its file) with the first answer. It keeps `lang`,
    the language of the built-in pack it is started in, for the commands that come later."""
    moment = now()
    return Session(id="", created_at=moment, updated_at=moment, lang=lang)


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
        candidate = progress.session_id(session, today, taken)
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
        if progress.step_done(step, session):
            for d in step.drafts:
                for made in progress.draft_texts(content, session, d):
                    session.drafts[made.id] = made.text


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
            added = brag_list.sync(brag, [session], now())
            # After the sync: the stories told out loud are the ones just taken in.
            if brag_list.told_aloud(brag, session) or added:
                store.save_brag(brag)
    except SessionBusyError:
        return None
    except ReboundError as exc:
        return exc.message
    return None


COMPANY = "company"
SENDER = "messenger_name"  # the question an email from a no-reply address asks about


def reopen(session: Session, prompt_ids: list[str]) -> None:
    """Take these answers back so they are asked again, each kept as the default."""
    for prompt_id in prompt_ids:
        if prompt_id in session.answers:
            session.previous[prompt_id] = session.answers.pop(prompt_id)


def tick_open(
    content: Content, session: Session, item_ids: list[str], moment: datetime
) -> list[str]:
    """Tick the items of `item_ids` that are on the checklist and still open; their labels."""
    out = []
    for entry in progress.checklist(content, session):
        # Done by a condition (reasons given) but not ticked: ticked now, to keep the day.
        if entry.id in item_ids and entry.id not in session.ticked and not entry.info:
            progress.tick(content, session, entry.id, moment)
            out.append(entry.label)
    return out


class Walk(DraftOffers, ReadBack):
    """One sitting with the coach, on one session."""

    def __init__(self, content: Content, store: Store, session: Session, out: Out) -> None:
        self.content = content
        self.store = store
        self.session = session
        self.out = out
        self.today = clock.today()
        self.defaults = remembered(store, content, skip=session.id)
        self._locks = contextlib.ExitStack()
        self._entry_shown: tuple[str, int] | None = None
        self._brag_told = False
        self._finished_before: datetime | None = None
        self._history_of = ""  # the company whose history was shown, once per name
        self.ticked: list[str] = []  # what `later` ticked
        self._only: list[str] | None = None  # `later`'s prompts: Ctrl-B stays among them
        # `later`'s ticks: a draft that ticks one of them is not offered (late feedback came:
        # no request for it to send).
        self._ticking: set[str] = set()
        # Said once, after the welcome: what the email the session starts from offers.
        self.notes: list[str] = []
        # `later`'s questions answered before whose new answers are added beside the old
        # (`later_feedback`): the text first given, by prompt id.
        self._earlier: dict[str, str] = {}
        # Lists that may stay empty: the accomplishments, once the brag list holds others' wins.
        self._optional: set[str] = set()

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
                    progress.settle(self.content, self.session, only_step, self._finished_before)
                    self.store.save(self.session)
                    if brag_list.PROMPT in self.session.answers and any(
                        p.id == brag_list.PROMPT for p in self.content.step(only_step).prompts
                    ):
                        self._sync_brag()  # a corrected list that settle closed counts too
                raise InterruptedByUser.said(self._stopped()) from None

    def _revisit(self, step_id: str) -> None:
        step = self.content.step(step_id)
        self._finished_before = self.session.finished_at
        if progress.step_done(step, self.session):
            progress.revisit(self.content, self.session, step_id, now())
            self._save()
        screens.note(self.out, self.content.say("revisiting", title=step.title), "bold")
        screens.note(self.out, self.content.say("back_hint"), "dim")

    def _welcome_back(self) -> None:
        pos = progress.next_position(self.content, self.session)
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
        screens.note(self.out, say("welcome_back", name=name, where=where), "bold")
        screens.note(self.out, say("back_hint"), "dim")

    def _stopped(self) -> str:
        if not self.session.id:
            return self.content.say("stopped_unsaved")
        return self.content.say("stopped_saved", id=self.session.id)

    def _loop(self, only_step: str | None) -> bool:
        total = len(self.content.steps)
        shown = -1
        while (pos := self._next(only_step)) is not None:
            if pos.step_number != shown:
                if pos.step is None:
                    screens.welcome(self.out, self.content)
                    for note in self.notes:
                        screens.note(self.out, note, "bold")
                    self.notes = []
                    screens.note(self.out, self.content.say("back_hint"), "dim")
                else:
                    header = self.content.say(
                        "step_header", number=pos.step_number, total=total, title=pos.step.title
                    )
                    screens.step_intro(
                        self.out, pos.step, header, self.content.say("tip"), self.session.answers
                    )
                    if any(p.id == brag_list.PROMPT for p in pos.step.prompts):
                        self._show_brag_list()
                        pos = self._next(only_step) or pos  # a list may now stay empty
                shown = pos.step_number
            if pos.field is None and not pos.more:
                for d in pos.step.drafts if pos.step else ():
                    if d.before == pos.prompt.id:
                        for made in progress.draft_texts(self.content, self.session, d):
                            screens.draft(self.out, made.title, self._draft_shown(made))
            try:
                value = self._ask(pos)
            except prompts.GoBack:
                self._back(pos, only_step)
                continue
            progress.apply(self.content, self.session, pos, value, now())
            self._save()
            self._read_back(pos)
            if pos.step is None and pos.prompt.id == COMPANY:
                self._company_history()
            if (
                pos.prompt.id in (brag_list.PROMPT, brag_list.REHEARSED)
                and pos.prompt.id in self.session.answers
            ):
                # Once the list is done (corrections made with Ctrl-B count), and once the
                # stories were told out loud (a practice of each, on the brag list).
                self._sync_brag()
            if pos.step is not None and progress.step_done(pos.step, self.session):
                self._finish_step(pos.step)
                if only_step is not None:
                    return True
                upcoming = self._next()
                if upcoming is not None and upcoming.step is not None:
                    try:
                        go_on = self._go_on(upcoming.step, upcoming.step_number)
                    except prompts.GoBack:
                        self._back(upcoming, only_step)
                        continue
                    if not go_on:
                        screens.note(self.out, self.content.say("resume_hint"), "dim")
                        return False
        return self._next() is None

    def _next(self, only_step: str | None = None) -> progress.Position | None:
        return progress.next_position(self.content, self.session, only_step, self._optional)

    def _company_history(self) -> None:
        """Right after the company is named: what earlier sessions with it say, if there are any.

        Only a look; a session that can't be read is left for the command to report.
        """
        from rebound.coach import earlier_sessions, insights

        name = self.session.text(COMPANY)
        if insights.person_key(name) == self._history_of:
            return
        self._history_of = insights.person_key(name)
        try:
            earlier = self.store.load_all()
        except ReboundError:
            return
        found = earlier_sessions.company_history(
            self.content, earlier, name, self.today, skip=self.session.id
        )
        if found is not None:
            screens.company_history(self.out, self.content, found)

    def later(self, step_id: str, prompt_ids: list[str], ticks: list[str]) -> bool:
        """Ask some prompts of a finished step again (feedback that came after the call), their
        earlier answers offered as defaults, then tick `ticks` where they are open.

        Returns True when all were answered.

        Raises:
            InterruptedByUser: Ctrl-C or Ctrl-D at a prompt; what was not changed is put back.
        """
        with self._locks:
            self._locks.enter_context(self.store.lock(self.session.id))
            self.session = self.store.load(self.session.id)
            self._finished_before = self.session.finished_at
            self._only = list(prompt_ids)
            self._ticking = set(ticks)
            for prompt_id in prompt_ids:
                first = self.session.answers.get(prompt_id)
                if later_feedback.adds(prompt_id, first):
                    self._earlier[prompt_id] = str(first)
            reopen(self.session, prompt_ids)
            try:
                if not self._loop(step_id):
                    return False
            except (KeyboardInterrupt, EOFError):
                progress.settle(self.content, self.session, step_id, self._finished_before)
                self.store.save(self.session)
                raise InterruptedByUser(self._stopped()) from None
            self.ticked = tick_open(self.content, self.session, ticks, now())
            self._save()
            return True

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
        self._optional.add(brag_list.PROMPT)  # new wins are welcome, not demanded
        titles = "; ".join(i.title for i in others[:5]) + ("; ..." if len(others) > 5 else "")
        screens.note(
            self.out, self.content.say("brag_holds", count=len(others), list=titles), "dim"
        )

    def _sync_brag(self) -> None:
        trouble = sync_brag(self.store, self.session)
        if trouble:
            self._brag_trouble(trouble)

    def _brag_trouble(self, message: str) -> None:
        if not self._brag_told:
            screens.note(self.out, message, "yellow")
            self._brag_told = True

    def _back(self, pos: progress.Position, only_step: str | None) -> None:
        within = self.content.step(only_step) if only_step is not None else None
        if within is not None and self._only is not None:  # `later`: back among its prompts only
            kept = [p for p in within.prompts if p.id in self._only]
            within = within.model_copy(update={"prompts": kept})
        if progress.back(self.content, self.session, pos, now(), within=within):
            self._entry_shown = None
            self._save()
        else:
            screens.note(self.out, self.content.say("first_question"), "dim")

    def _ask(self, pos: progress.Position) -> AnswerValue:
        if pos.more:
            if pos.entry > 1:
                screens.note(
                    self.out, "  " + self.content.say("added_so_far", count=pos.entry - 1), "dim"
                )
            return prompts.yes_no(pos.more_message, default=False, back=True, lang=self.content)
        q = pos.question
        key = progress.previous_key(pos)
        default: AnswerValue = self.session.previous.get(key)
        if default is None:
            default = self.session.suggested.get(key)  # what the email said (`start --from`)
        if default is None and q.remember:
            default = self.defaults.get(q.id)
        if default is None and q.default_from is not None:
            default = progress.default_for(self.content, self.session, pos)
        if default is None:
            default = enter_defaults.offered(
                self.content, self.session, pos.prompt, pos.field, self.today
            )
        thread = self.session.thread
        if pos.field is None and q.id == SENDER and thread is not None and thread.no_reply:
            screens.note(self.out, self.content.say("inbox_no_reply"), "yellow")
        first = self._earlier.get(q.id) if pos.field is None else None
        if first is not None:
            return self._add_later(q, default, first)
        if pos.field is not None and self._entry_shown != (pos.prompt.id, pos.entry):
            header = self.content.say("entry_header", list=pos.prompt.message, number=pos.entry)
            screens.note(self.out, header, "bold")
            self._entry_shown = (pos.prompt.id, pos.entry)
        while True:
            value = prompts.ask(
                q,
                default,
                self.today,
                back=True,
                lang=self.content,
                answers=self.session.answers,
            )
            message = typed.nudge(q, value, self.today)
            if message is None:
                return value
            screens.note(self.out, message, "yellow")
            keep = self.content.say("keep_date", value=value)
            if prompts.yes_no(keep, default=False, lang=self.content):
                return value

    def _add_later(self, q: FieldDef, default: AnswerValue, first: str) -> str:
        """A question answered before, asked again as feedback comes later: what came first is
        shown; Enter keeps it, and what is typed is added beside it, dated
        (`later_feedback.added`)."""
        base = default if isinstance(default, str) and default.strip() else first
        screens.note(self.out, self.content.say("feedback_before", value=base), "dim")
        asked = q.model_copy(update={"help": self.content.say("feedback_adds_hint")})
        value = prompts.ask(
            asked, base, self.today, back=True, lang=self.content, answers=self.session.answers
        )
        if not isinstance(value, str) or value == base:
            return base
        return later_feedback.added(base, value, self.today, self.content)

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
            for made in self._written_in(step, d):
                self._store_draft(made)
                if d.before is None:
                    screens.draft(self.out, made.title, self._draft_shown(made))
        self._save()
        screens.step_done(self.out, step, self.session.answers)
        self._offer_drafts(step)

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

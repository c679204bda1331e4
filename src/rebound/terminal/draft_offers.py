"""The walk's drafts as things to act on: at the end of a step, each message it
drafted is offered to copy, mail or edit; a revisited step asks before an edit is rebuilt.

A part of `flow.Walk` (its base class), kept apart so that each reads at a sitting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rebound import clock
from rebound.coach import drafts, progress
from rebound.errors import ReboundError
from rebound.render import screens
from rebound.terminal import prompts

if TYPE_CHECKING:
    from rebound.letters.letter import DraftText
    from rebound.pack.models import Content, Step
    from rebound.render.screens import Out
    from rebound.storage.records import Session


class DraftOffers:
    """What `Walk` does with drafts; it has the content, the session, the console and a save."""

    content: Content
    session: Session
    out: Out
    _ticking: set[str]

    def _save(self) -> None:
        raise NotImplementedError  # Walk's: saves the session (and gives it its id)

    def _draft_shown(self, made: DraftText) -> str:
        """A draft as the person will send it: their edit, else as made from the answers."""
        edit = self.session.edited.get(made.id)
        return edit if edit is not None else made.text

    def _store_draft(self, made: DraftText) -> None:
        """Keep a finished step's draft. When the person had edited it and their new answers
        make a different one, they choose: keep the edit, or rebuild it from the answers."""
        if drafts.edit_outdated(self.session, made.id, made.text):
            keep = prompts.yes_no(
                self.content.say("draft_keep_edit", title=made.title),
                default=True,
                lang=self.content,
            )
            if not keep:
                self.session.edited.pop(made.id, None)
        self.session.drafts[made.id] = made.text

    def _offer_drafts(self, step: Step) -> None:
        """At the end of a step: each message it drafted can be copied, mailed or edited now."""
        for d in drafts.offers(self.content, self.session, step):
            if d.ticks not in self._ticking:
                self._offer(d)

    def _offer(self, d: DraftText) -> None:
        from rebound.terminal import send

        say = self.content.say
        options = [("copy", say("draft_offer_copy"))]
        if d.channel == "email":
            options.append(("mail", say("draft_offer_mail")))
        options += [("edit", say("draft_offer_edit")), ("later", say("draft_offer_later", id=d.id))]
        while True:
            shown = drafts.find(drafts.session_drafts(self.content, self.session), d.id)
            if shown is None:
                return
            choice = prompts.choose(
                say("draft_offer", title=d.title), options, default="later", lang=self.content
            )
            if choice == "later":
                return
            try:
                if choice == "edit":
                    self._edit_draft(d, self._edited(shown))
                    continue
                if choice == "copy":
                    send.copy(self.content, self.out, shown)
                elif not send.mail(self.content, self.out, shown):
                    continue
            except ReboundError as exc:  # no clipboard, no editor: say so, and offer again
                screens.note(self.out, exc.message, "yellow")
                continue
            self._offer_tick(d)
            return

    def _edited(self, shown: DraftText) -> str | None:
        """The draft as saved in the editor (`send.edit`). Ended while the editor was open
        (the window closed, SIGTERM), what the person wrote is kept first (`send.ended`), said,
        and the walk stops as at Ctrl-C."""
        from rebound.system import programs
        from rebound.terminal import send

        try:
            return send.edit(self.content, shown)
        except programs.EditEnded as stop:

            def keep(text: str) -> None:
                drafts.keep_edit(self.session, shown.id, text)
                self._save()

            screens.note(self.out, send.ended(shown, stop, keep).message, "yellow")
            raise KeyboardInterrupt from None

    def _edit_draft(self, d: DraftText, saved: str | None) -> None:
        if saved is None:
            screens.note(self.out, self.content.say("draft_edit_same", title=d.title))
            return
        drafts.keep_edit(self.session, d.id, saved)
        self._save()
        screens.draft(self.out, d.title, drafts.plain(saved))
        screens.note(self.out, self.content.say("draft_edit_saved", title=d.title, id=d.id))

    def _offer_tick(self, d: DraftText) -> None:
        """After a copy or a mail: tick the item the draft is for, if it is sent already."""
        entry = drafts.open_item(self.content, self.session, d.ticks) if d.ticks else None
        if entry is None:
            return
        # A post is published, not sent.
        key = "draft_tick_post" if d.channel == "post" else "draft_tick"
        question = self.content.say(key, value=entry.label)
        if prompts.yes_no(question, default=False, lang=self.content):
            progress.tick(self.content, self.session, entry.id, clock.now())
            self._save()
            screens.note(self.out, self.content.say("ticked", count=1), "bold")

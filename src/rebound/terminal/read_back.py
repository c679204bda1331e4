"""The sentences of a letter made from a person's words, shown to them as they answer: right
after an answer a letter joins into one of its sentences, that sentence as it will read, to keep
or to rewrite in their own words; at the end of a step, a sentence the letter had to leave out,
with the offer to write it.

A part of `walk.Walk` (its base class), kept apart so that each reads at a sitting.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rebound.coach import progress
from rebound.render import screens
from rebound.sentences import templates
from rebound.terminal import prompts

if TYPE_CHECKING:
    from rebound.letters.letter import DraftText
    from rebound.pack.models import Content, Draft, Step
    from rebound.render.screens import Out
    from rebound.storage.records import Session


class ReadBack:
    """What `Walk` reads back of the letters; it has the content, the session, the console and
    a save."""

    content: Content
    session: Session
    out: Out

    def _save(self) -> None:
        raise NotImplementedError  # Walk's: saves the session (and gives it its id)

    def _read_back(self, pos: progress.Position) -> None:
        """Right after an answer that a letter joins into one of its sentences: that sentence,
        as it will read, with Enter to keep it and 'n' to rewrite it in the person's own words
        (kept by the part's name, for every draft that has it: `Session.sentences`). A list's
        entries are read back once the list is done ('no more'): a letter says its first fix
        or its first accomplishment typed as a deed, which only the whole list can tell."""
        from rebound.letters import compose

        if not reads_back(pos, self.session.answers):
            return
        found = compose.sentences_using(self.content, self.session, pos.prompt.id)
        if not found:
            return
        title, key, sentence, findings = found[0]
        say = self.content.say
        said = [say(f.kind, **f.values) for f in findings]
        screens.read_back(self.out, say("readback_intro", title=title.lower()), sentence, said)
        if prompts.yes_no(say("readback_question"), default=not findings, lang=self.content):
            return
        self._rewrite(key, sentence)

    def _rewrite(self, key: str, sentence: str) -> None:
        """The person's own sentence in place of one the drafts make (Enter keeps it as is)."""
        say = self.content.say
        mine = prompts.text(say("readback_prompt"), default=sentence, lang=self.content)
        if mine.strip() and mine.strip() != sentence.strip():
            self.session.sentences[key] = " ".join(mine.split())
            self._save()
            screens.note(self.out, say("readback_kept"), "dim")

    def _written_in(self, step: Step, d: Draft) -> list[DraftText]:
        """A finished step's draft, made from the answers; a sentence it had to leave out (no way
        of saying it read well) is said, with the offer to write it in the person's own words."""
        from rebound.letters.compose import part_key, told

        made = progress.draft_texts(self.content, self.session, d)
        asked = False
        for one in made:
            for said in told(one, self.content):
                screens.note(self.out, said, "dim")
            for name in one.notes:
                key = part_key(d, one.id, name)
                if key in self.session.sentences:
                    continue
                screens.note(self.out, self.content.say("letters_left_out", name=name), "yellow")
                if prompts.yes_no(self.content.say("letters_write_it"), False, lang=self.content):
                    self._rewrite(key, "")
                    asked = True
        return progress.draft_texts(self.content, self.session, d) if asked else made


def reads_back(pos: progress.Position, answers: Mapping[str, object]) -> bool:
    """Whether the answer just given at `pos` may be joined into a letter's sentence, to be read
    back: a step's own text answer, or a list the person has just said is done."""
    if pos.step is None or templates.is_empty(answers.get(pos.prompt.id)):
        return False
    if pos.more:
        return pos.prompt.id in answers  # the list closed with this answer ('no more')
    return pos.field is None and pos.prompt.kind == "text"

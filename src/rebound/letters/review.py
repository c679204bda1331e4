"""What a careful reader finds in a session's letters: for `rebound draft NAME --check`, for
`rebound start --answers`, and for any command that wants to say it.

A review reads each outward draft as it reads now (the person's edit, where there is one) with
the letter checker, and lists the sentences the composer had to leave out because no way of
saying them read well. Each thing found can name the answers it was made from, so that an
answers file can point at the lines to change.
"""

from __future__ import annotations

from dataclasses import dataclass

from rebound.letters import checker
from rebound.letters.letter import DraftText
from rebound.pack.models import Content
from rebound.pack.yaml_reader import YamlDoc
from rebound.storage.records import Session


@dataclass(frozen=True)
class Review:
    """One outward draft and what a careful reader would stop at in it."""

    draft: DraftText
    findings: tuple[checker.Finding, ...]
    left_out: tuple[str, ...]  # the parts left out (their names)

    @property
    def clean(self) -> bool:
        return not self.findings and not self.left_out


def lookup(session: Session, draft: DraftText) -> dict[str, object]:
    """The answers a draft was made from: the session's, with an entry's fields over them for a
    draft made per entry ('outreach-2': the second contact)."""
    out: dict[str, object] = dict(session.answers)
    each, _, number = draft.id.rpartition("-")
    if each and number.isdigit() and each == draft.draft_id:
        for value in session.answers.values():
            if isinstance(value, list):
                for entry in value:
                    if isinstance(entry, dict) and entry.get("_id") == f"e{number}":
                        out.update(entry)
    return out


def review(content: Content, session: Session, drafts: list[DraftText]) -> list[Review]:
    """Each outward draft among `drafts`, with what the checker finds in it."""
    out = []
    for draft in drafts:
        if not draft.outward:
            continue
        found = checker.check(draft, content.words.letters, lookup(session, draft))
        out.append(Review(draft, tuple(found), draft.notes))
    return out


def answers_of(finding: checker.Finding, draft: DraftText) -> list[str]:
    """The answers the sentence of a finding was made from (for an answers file's lines)."""
    for sentence in draft.sentences:
        if sentence.text == finding.sentence:
            return sorted(sentence.uses)
    return []


def _where(doc: YamlDoc, draft: DraftText, answer: str) -> str:
    """`file:line:col` of an answer in an answers file (an entry's field, for a draft made per
    entry), else of the file."""
    if answer in doc.data:
        return doc.where((answer,))
    number = draft.id.rpartition("-")[2]
    if number.isdigit():
        for key, value in doc.data.items():
            if isinstance(value, list) and len(value) >= int(number):
                entry = value[int(number) - 1]
                if isinstance(entry, dict) and answer in entry:
                    return doc.where((key, int(number) - 1, answer))
    return doc.where(())


def file_lines(content: Content, reviews: list[Review], doc: YamlDoc) -> list[str]:
    """Each thing found, as `file:line:col: answer: what a careful reader would stop at`, at the
    answer in the file it was made from (`rebound start --answers`)."""
    out = []
    for one in reviews:
        for finding in one.findings:
            uses = answers_of(finding, one.draft) or [""]
            said = content.say(finding.kind, **finding.values)
            where = _where(doc, one.draft, uses[0])
            out.append(f"{where}: {uses[0] or one.draft.id}: {one.draft.title}: {said}")
        for name in one.left_out:
            uses = sorted(_part_answers(content, one.draft, name)) or [""]
            said = content.say("letters_left_out", name=name)
            where = _where(doc, one.draft, uses[0])
            out.append(f"{where}: {uses[0] or one.draft.id}: {one.draft.title}: {said}")
        for key, value, name in one.draft.told:
            answer = _typed_in(content, doc, value)
            said = content.say(key, value=value, name=name)
            where = _where(doc, one.draft, answer)
            out.append(f"{where}: {answer or one.draft.id}: {one.draft.title}: {said}")
    return out


def _typed_in(content: Content, doc: YamlDoc, words: str) -> str:
    """The answer these words were typed in ('role', 'looking_for'), '' when none says them."""
    letters = content.words.letters
    for answer in dict.fromkeys([*letters.title_answers, *letters.place_answers]):
        value = doc.data.get(answer)
        if isinstance(value, str) and words in value:
            return answer
    return ""


def _part_answers(content: Content, draft: DraftText, name: str) -> set[str]:
    from rebound.pack.conditions import Said
    from rebound.sentences import templates

    found: set[str] = set()
    for step in content.steps:
        for d in step.drafts:
            if d.id == draft.draft_id:
                for line in d.parts.get(name, []):
                    text = line.text if isinstance(line, Said) else line
                    found |= {n for n, _ in templates.names(templates.parse(text))}
    return found

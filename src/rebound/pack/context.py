"""What templates read of a session's answers, and the stable numbers of list entries.

Part of the coach (which re-exports these), kept apart so that building drafts (`compose`) can
read the answers without importing the coach. No I/O here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rebound import clock
from rebound.pack.conditions import holds
from rebound.pack.models import Content
from rebound.sentences import templates
from rebound.storage.records import ENTRY_ID, Item, Session


def entry_number(entry: Mapping[str, object], position: int) -> int:
    """The number in a list entry's stable id ('e3' -> 3), as its checklist items (`fix-3`) and
    brag-list item (`<session>#e3`) know it; for an entry without one (a hand-edited file), its
    1-based position, as the migration to version 4 numbered older sessions' entries."""
    value = entry.get(ENTRY_ID)
    if isinstance(value, str) and value[:1] == "e" and value[1:].isdigit():
        return int(value[1:])
    return position


def entry_id(entry: Mapping[str, object], position: int) -> str:
    """A list entry's stable id ('e3'); see `entry_number`."""
    return f"e{entry_number(entry, position)}"


def context(content: Content, session: Session) -> dict[str, object]:
    """What templates may read: answers, with choice values shown as their labels."""
    labels: dict[str, dict[str, str]] = {}
    for prompt in content.prompts():
        for q in (prompt, *prompt.fields):
            if q.choices:
                labels[q.id] = {c.value: c.label for c in q.choices}

    def show(key: str, value: object) -> object:
        names = labels.get(key)
        if names is None:
            return value
        if isinstance(value, list):
            return [names.get(str(v), str(v)) for v in value]
        return names.get(str(value), value) if isinstance(value, str) else value

    out: dict[str, object] = {"today": clock.today().isoformat()}
    for key, value in session.answers.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            out[key] = [_shown_entry(entry, show) for entry in value]
        else:
            out[key] = show(key, value)
    for key, open_list in session.open_lists.items():
        out.setdefault(key, [_shown_entry(e, show) for e in open_list.items])
    for prompt in content.prompts():
        # A question skipped because its computed default was sure reads as that default.
        if (
            prompt.default_from is not None
            and prompt.id not in session.answers
            and prompt.when is not None
            and not holds(prompt.when, session.answers)
        ):
            guess = templates.render(prompt.default_from, out, content.template_words).strip()
            if guess:
                out[prompt.id] = guess
    return out


def _shown_entry(entry: Item, show: Callable[[str, object], object]) -> dict[str, object]:
    """An entry as templates read it: labels for choices, and no id (it is not for reading)."""
    return {k: show(k, v) for k, v in entry.items() if k != ENTRY_ID}

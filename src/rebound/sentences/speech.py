"""Every sentence a person reads, in the language of this run: the one home of the words.

The sentences are the content pack's `ui:` section (`models.Ui`). Commands and errors alike say
them through here: `say(key, **values)`, `say_count(key, count, **values)`, and `word(...)` for
the phrases an error carries (`errors.Phrase`). The pack is the one the command loaded
(`use`, called by `app.content_for`); a command that needs none gets the one `--content`,
`--lang` or LANG choose, loaded on the first sentence; and if even that pack cannot be loaded
(an error about a broken pack must still be said), the English defaults of `models.Ui`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rebound import errors
from rebound.errors import Phrase


class Sayer(Protocol):
    """What speaks: a content pack, or the English defaults."""

    @property
    def date_words(self) -> Mapping[str, int]: ...

    def say(self, key: str, **values: object) -> str: ...

    def say_count(self, key: str, count: int, **values: object) -> str: ...


class _English:
    """The English defaults of `models.Ui`, for when no pack can be loaded."""

    date_words: Mapping[str, int] = {}

    def say(self, key: str, **values: object) -> str:
        from rebound.sentences import templates
        from rebound.sentences.catalogue import Ui

        return templates.render(Ui.defaults()[key], values)

    def say_count(self, key: str, count: int, **values: object) -> str:
        return self.say(f"{key}_one" if count == 1 else key, count=count, **values)


ENGLISH: Sayer = _English()


@dataclass
class _Run:
    """This run's pack (None: not loaded yet), how to load it when a sentence needs it, and the
    notes already said in this run (`once`)."""

    pack: Sayer | None = None
    load: Callable[[], Sayer | None] | None = None
    said: set[str] = field(default_factory=set)


_run = _Run()


def begin(load: Callable[[], Sayer | None] | None = None) -> None:
    """A new run, whose pack `load` finds when the first sentence is said (`app.pack_loader`:
    the one `--content`, `--lang` or the environment choose); without one, English."""
    _run.pack, _run.load = None, load
    _run.said.clear()


def once(note: str) -> bool:
    """Whether `note` (any key) is new in this run: True the first time, False after, so that a
    note found by several readers in one command (two packs loaded) is said once."""
    if note in _run.said:
        return False
    _run.said.add(note)
    return True


def use(pack: Sayer) -> None:
    """Speak with this pack from now on in this run (the one the command loaded)."""
    _run.pack = pack


def used() -> Sayer | None:
    """The pack this run's command loaded (`use`), if it has: what its saves are in."""
    return _run.pack if _run.pack is not ENGLISH else None


def pack() -> Sayer:
    """The pack of this run: loaded now if no command did, English if it cannot be."""
    if _run.pack is None:
        # While it loads, a sentence the loading itself says (a broken file) is English: the
        # pack that would say it is the one that cannot be read yet.
        _run.pack = ENGLISH
        loaded = None
        if _run.load is not None:
            with contextlib.suppress(Exception):  # a pack that cannot be loaded: English
                loaded = _run.load()
        _run.pack = loaded or ENGLISH
    return _run.pack


def say(key: str, /, **values: object) -> str:
    """One of the coach's own sentences, filled in, in the language of this run."""
    return pack().say(key, **_worded(values))


def say_count(key: str, count: int, /, **values: object) -> str:
    """`say`, with the `<key>_one` sentence when `count` is 1."""
    return pack().say_count(key, count, **_worded(values))


def word(*phrases: Phrase) -> str:
    """Phrases (an error's sentences) worded and joined, in the language of this run."""
    return " ".join(_worded_phrase(p) for p in phrases)


def _worded_phrase(phrase: Phrase) -> str:
    if not phrase.key:
        return phrase.text
    try:
        return say(phrase.key, **phrase.values)
    except (AttributeError, KeyError):
        # Not a sentence of the pack: a text worded where it was raised (`UsageError(
        # content.say(...))`, as code written before the keys does), said as it is.
        # tests/unit/test_words.py holds rebound's own keys to being sentences.
        if phrase.values:
            raise
        return phrase.key


def _worded(values: Mapping[str, object]) -> dict[str, object]:
    """Values with any Phrase among them worded first; paths shown as text."""
    out: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, Phrase):
            out[name] = word(value)
        elif isinstance(value, Path):
            out[name] = str(value)
        else:
            out[name] = value
    return out


def phrase(key: str, /, **values: object) -> Phrase:
    """A sentence to be worded later (a value of another sentence, a reason in an error)."""
    return Phrase(key, dict(values))


# Every error's message is worded here, in the run's language (see `errors.ReboundError`).
errors.use_wording(lambda phrases: word(*phrases))

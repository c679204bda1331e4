"""Reading saved files, and bringing those of an older schema up to date one version at a time.

A session's file (`migrate`, steps in `MIGRATIONS`) and the brag list (`migrate_brag`, steps in
`BRAG_MIGRATIONS`) each carry a `schema_version`; every step takes the parsed JSON of one version to
the next, and never loses what was typed. The store reads through these
(`rebound.storage.store.parse`, `Store.load_brag`); a new version adds its step here, with a test
that loads the old file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from rebound.sentences import speech
from rebound.storage import twice
from rebound.storage.records import (
    BRAG_SCHEMA_VERSION,
    ENTRY_ID,
    SCHEMA_VERSION,
    BragList,
    ContactLog,
    Session,
)
from rebound.text import scrub_tree


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 records when each answer was given. Version 1 did not: use the session's start,
    the closest time known (most sessions are answered in one sitting)."""
    stamp = data.get("created_at")
    answers = data.get("answers")
    answered_at = dict.fromkeys(answers, stamp) if isinstance(answers, dict) and stamp else {}
    return {**data, "schema_version": 2, "answered_at": answered_at}


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 keeps answers that are being revisited (`previous`), to offer as defaults."""
    return {**data, "schema_version": 3, "previous": {}}


def _numbered(key: str, value: object, last: dict[str, int]) -> object:
    """A list answer's entries with ids 'e1', 'e2'... in order (how many in `last[key]`);
    anything else as it is, for the validation to name."""
    if not isinstance(value, list) or not any(isinstance(e, dict) for e in value):
        return value
    out: list[object] = []
    for entry in value:
        if isinstance(entry, dict):
            last[key] = last.get(key, 0) + 1
            entry = {**entry, ENTRY_ID: f"e{last[key]}"}  # noqa: PLW2901
        out.append(entry)
    return out


def _v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 gives every entry of a list answer a stable id (`ENTRY_ID`), so that ticks and
    brag-list items follow the entry, not its position. Entries are numbered in order, so what
    named the entry at position N (the tick `fix-N`, the brag source `<session>#N`) names the
    entry with id 'eN': the same entry as before. An entry being typed gets its id from the
    coach at its next answer."""
    last: dict[str, int] = {}
    out = {**data, "schema_version": 4, "last_entry": last}
    answers, open_lists = data.get("answers"), data.get("open_lists")
    if isinstance(answers, dict):
        out["answers"] = {key: _numbered(key, value, last) for key, value in answers.items()}
    if isinstance(open_lists, dict):
        out["open_lists"] = {
            key: {**value, "items": _numbered(key, value["items"], last)}
            if isinstance(value, dict) and "items" in value
            else value
            for key, value in open_lists.items()
        }
    return out


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}


def upgrade(
    data: dict[str, Any],
    steps: Mapping[int, Callable[[dict[str, Any]], dict[str, Any]]],
    newest: int,
) -> dict[str, Any]:
    """Bring a saved file of an older `schema_version` up to `newest`, one step at a time: the
    one loop of every file rebound saves (sessions, the brag list).

    A version below `newest` with no step forward (0, a gap) is refused as too old, the same way
    for every file; a version that is the newest, newer, or not a number is left as it is, for
    the caller's checks to name.

    Raises:
        ValueError: too old to bring up to date (the caller moves the file aside, and says so).
    """
    while True:
        version = data.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool) or version >= newest:
            return data
        step = steps.get(version)
        if step is None:
            raise ValueError(speech.say("broken_too_old", number=version))
        data = step(data)


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """A session of an older schema_version brought up to the current one (`upgrade`)."""
    return upgrade(data, MIGRATIONS, SCHEMA_VERSION)


def _brag_v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 of the brag list remembers the session entries taken off it (`removed`), so
    that a sync does not bring them back. Version 1 had no way to take one off: none were."""
    return {**data, "schema_version": 2, "removed": []}


def _brag_v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 items remember the session entry they were taken from (`synced`), so that a
    correction made in the session reaches them. It is left unset here: a version 2 item may
    have been edited on the list, or its entry corrected since, and the file cannot tell which.
    Taking its text as the entry's would let the next sync overwrite such an edit; instead a
    sync starts following the entry once the item reads exactly as it (`bragging.sync`)."""
    return {**data, "schema_version": 3}


def _by_id(source: object) -> object:
    """A version 3 source `<session>#N` (the entry's position) as `<session>#eN` (its id)."""
    if not isinstance(source, str):
        return source
    session_id, mark, number = source.rpartition("#")
    return f"{session_id}#e{number}" if mark and number.isdigit() else source


def _brag_v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 items name their session entry by its id (`<session>#e3`), not its position.
    Sessions number their entries in order on the way to version 4, so position N becomes 'eN'
    here too, and both files agree without either reading the other.

    What an item took in (`synced`) is forgotten, as from version 2: under version 3 a position
    could already hold another win than the one taken in (an entry taken out, another typed in
    its place), and following it would move ratings onto that win. A sync follows the entry
    again once the item reads exactly as it (`bragging.sync`)."""
    out = {**data, "schema_version": 4}
    items = data.get("items")
    if isinstance(items, list):
        out["items"] = [
            {**item, "source": _by_id(item["source"]), "synced": None}
            if isinstance(item, dict) and _by_id(item.get("source")) != item.get("source")
            else item
            for item in items
        ]
    removed = data.get("removed")
    if isinstance(removed, list):
        out["removed"] = [_by_id(source) for source in removed]
    return out


BRAG_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _brag_v1_to_v2,
    2: _brag_v2_to_v3,
    3: _brag_v3_to_v4,
}


def migrate_brag(data: dict[str, Any]) -> dict[str, Any]:
    """A brag list of an older schema_version brought up to the current one (`upgrade`)."""
    return upgrade(data, BRAG_MIGRATIONS, BRAG_SCHEMA_VERSION)


def parse(raw: bytes, *, checked: bool = False) -> Session:
    """A session from the bytes of its file, migrating older versions. `checked`: these bytes
    were found to hold no key twice before (`rebound.storage.checked`).

    Raises:
        twice.Twice: its JSON holds a key twice: two versions in one file, to merge
            (`rebound.storage.conflicts.settle_markers`).
        ValueError: the bytes are not a session this version of rebound can read; says why briefly.
    """
    from pydantic import ValidationError

    if not ESCAPED_SURROGATE.search(raw):
        try:  # the fast path: a current, valid file, parsed and checked in one pass
            session = Session.model_validate_json(raw)
        except ValidationError:
            pass  # an older version, or broken: the careful path below says what is wrong
        else:
            if not checked:
                twice.check(raw)  # pydantic keeps the last of a key held twice, silently
            return session
    if not raw.strip():
        raise ValueError(speech.say("broken_empty"))
    data: Any = read_json(raw)
    if not isinstance(data, dict):
        raise ValueError(speech.say("broken_not_session"))
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError(speech.say("broken_no_schema"))
    if version > SCHEMA_VERSION:
        raise ValueError(speech.say("broken_newer", number=version))
    twice.check(raw)
    data = migrate(data)
    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or speech.say("broken_the_file")
        raise ValueError(f"{where}: {first['msg'].lower()}") from None
    except RecursionError:
        raise ValueError(speech.say(TOO_DEEP)) from None


# A JSON escape of a lone surrogate half ("\udcff", hand-edited or from another program):
# json.loads makes it a string that cannot be saved again, so such a file takes the careful
# path, where `scrub_tree` makes it real text.
ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
TOO_DEEP = "broken_too_deep"  # the key of the pack's sentence


def read_json(raw: bytes) -> Any:
    """The JSON in `raw`, its text made real (`text.scrub_tree`).

    Raises:
        ValueError: not JSON, not UTF-8, or nested too deep to read; says why briefly.
    """
    try:
        return scrub_tree(json.loads(raw))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else speech.say("broken_not_utf8")
        raise ValueError(speech.say("broken_not_json", value=reason)) from None
    except RecursionError:
        raise ValueError(speech.say(TOO_DEEP)) from None


Shared = TypeVar("Shared", BragList, ContactLog)


class NewerFile(ValueError):
    """A file of a newer rebound (its `schema_version` above what this one knows)."""

    def __init__(self, version: int) -> None:
        super().__init__(speech.say("broken_newer_plain", number=version))
        self.version = version


def parse_shared(
    raw: bytes,
    model: type[Shared],
    migrate_data: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    newest: int | None = None,
) -> Shared:
    """A file every session shares (the brag list, the contact log) from its bytes, migrating
    older versions.

    Raises:
        NewerFile: its schema is above `newest` (not broken: leave it for that rebound).
        twice.Twice: its JSON holds a key twice: two versions in one file, to merge
            (`rebound.storage.conflicts.settle_shared_markers`).
        ValueError: it cannot be read as `model`; says why briefly (moved aside by the caller).
    """
    from pydantic import ValidationError

    if not ESCAPED_SURROGATE.search(raw):
        try:
            shared = model.model_validate_json(raw)
        except ValidationError:
            pass  # perhaps an older version: migrate, or say what is wrong
        else:
            twice.check(raw)
            return shared
    data = read_json(raw)  # ValueError: not JSON, or nested too deep
    version = data.get("schema_version") if isinstance(data, dict) else None
    if newest is not None and isinstance(version, int) and version > newest:
        raise NewerFile(version)
    twice.check(raw)
    if isinstance(data, dict) and migrate_data is not None:
        data = migrate_data(data)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or speech.say("broken_the_file")
        raise ValueError(f"{where}: {first['msg'].lower()}") from None
    except RecursionError:
        raise ValueError(speech.say(TOO_DEEP)) from None


def dump(model: Session | BragList | ContactLog) -> bytes:
    """The bytes of a saved file. Text is made real where it enters rebound; should a lone
    surrogate slip through anyway, it is scrubbed here rather than the save (and the answer
    just typed) being lost."""
    from pydantic_core import PydanticSerializationError

    try:
        return model.model_dump_json(indent=2).encode("utf-8") + b"\n"
    except PydanticSerializationError:
        fixed = type(model).model_validate(scrub_tree(model.model_dump()))
        return fixed.model_dump_json(indent=2).encode("utf-8") + b"\n"

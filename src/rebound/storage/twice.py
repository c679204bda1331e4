"""A JSON object that holds a key twice, read for what it is: two versions of a file in one.

A sync tool that merges text (git) can merge two computers' versions of a file "cleanly" into
JSON that holds one key twice: both computers logged a first touch to the same new person, and
each version's `"samlee": {...}` landed at another place of `people`. `json` and pydantic keep
only the last value of such a key, so what the other computer wrote would be lost in silence.
Here such a file is split back into two whole versions, one where the first value of each key
stands and one where the last does; `rebound.storage.conflicts` reads both and merges them, as
it merges the two sides of git's conflict markers.

- A key held more than once with the same value each time is harmless: the file reads as it is.
- A key twice where each computer's version can have added it, in the file's top-level object or
  in an object right inside it (an answer, a tick, a person), is two versions of that entry,
  which the merge functions know how to merge (`MERGED_DEPTH`).
- Deeper (inside a person, a touch, a story), or a key held three times with three values, or
  twice inside a value that is itself held twice: no two versions of the file explain it, and
  no merge has a rule for it. The file cannot be read (`ValueError`, naming the key): the store
  sets it aside as it does a broken file, and says so. Nothing is ever dropped in silence.
"""

from __future__ import annotations

import json
from operator import ne
from typing import Any

from rebound.sentences import speech

# The deepest place of a key held twice that is two versions of the file: a top-level field
# (1) or an entry of a top-level object (2: a session's answer or tick, the contact log's
# person). The merge functions merge a file's versions entry by entry there.
MERGED_DEPTH = 2


class Twice(ValueError):
    """The JSON of a file holds a key twice, with different values: its two versions, as
    bytes (`first`: the first value of each key stands; `last`: the last)."""

    def __init__(self, where: str, first: bytes, last: bytes) -> None:
        super().__init__(speech.say("broken_twice", value=where))
        self.where = where
        self.first = first
        self.last = last


class _Object(list[tuple[str, Any]]):
    """A JSON object as the list of its members in order, a key held twice included."""


def any_twice(raw: bytes) -> bool:
    """Whether an object in the JSON `raw` holds a key more than once.

    One pass of the C parser, with a C function as its hook (no Python call per object):
    about one `json.loads` of the file.

    Raises:
        ValueError: `raw` is not JSON that `json` reads.
        RecursionError: nested too deep.
    """
    objects: list[list[tuple[str, Any]]] = []
    json.loads(raw, object_pairs_hook=objects.append)
    return any(map(ne, map(len, objects), map(len, map(dict, objects))))


def check(raw: bytes) -> None:
    """Make sure no key in the JSON `raw` holds two values, one of which would be lost.

    Returns when no key is held twice, or only ever with the same value; also when `json`
    cannot read `raw` at all (whoever reads it says why).

    Raises:
        Twice: a key twice that is two versions of the file: both versions, to merge.
        ValueError: a key held twice that cannot be merged; names it.
    """
    try:
        if not any_twice(raw):
            return
        tree = json.loads(raw, object_pairs_hook=_Object)
    except (ValueError, RecursionError):
        return  # not JSON `json` reads: whoever reads the file says what is wrong with it
    first, last, where = _split(tree, 0, "")  # _Unmergeable, a ValueError, names the key
    if where is not None:
        raise Twice(where, json.dumps(first).encode(), json.dumps(last).encode())


class _Unmergeable(ValueError):
    """A key held twice that no two versions explain."""

    def __init__(self, where: str) -> None:
        super().__init__(speech.say("broken_twice", value=where))


def _plain(node: Any) -> Any:
    """A JSON value as plain lists, the members of an object in a fixed order: two objects with
    the same members, in any order, are the same value."""
    if isinstance(node, _Object):
        members = [[key, _plain(value)] for key, value in node]
        return ["object", sorted(members, key=json.dumps)]
    if isinstance(node, list):
        return ["array", [_plain(item) for item in node]]
    return node


def _split(node: Any, depth: int, where: str) -> tuple[Any, Any, str | None]:
    """(the first version, the last version, where a key is first held twice with different
    values, else None) of a JSON value at `depth` (the file's object: 0).

    Raises:
        _Unmergeable: a key held twice that no two versions explain.
    """
    if isinstance(node, _Object):
        groups: dict[str, list[Any]] = {}
        for key, value in node:
            groups.setdefault(key, []).append(value)
        first: dict[str, Any] = {}
        last: dict[str, Any] = {}
        twice: str | None = None
        for key, values in groups.items():
            here = f"{where}.{key}" if where else key
            texts = [json.dumps(_plain(value)) for value in values]
            if len(set(texts)) == 1:  # held once, or always with the same value
                first[key], last[key], inner = _split(values[0], depth + 1, here)
                twice = twice or inner
                continue
            parts = [_split(value, depth + 1, here) for value in values]
            # Two versions explain it when it sits where the merge reads entries, holds no key
            # twice itself, and every value is the first or the last (none would be lost).
            if (
                depth + 1 > MERGED_DEPTH
                or any(inner is not None for _, _, inner in parts)
                or texts[0] == texts[-1]
                or len(set(texts)) > 2
            ):
                raise _Unmergeable(here)
            first[key], last[key] = parts[0][0], parts[-1][1]
            twice = twice or here
        return first, last, twice
    if isinstance(node, list):
        items = [_split(item, depth + 1, f"{where}[{n}]") for n, item in enumerate(node)]
        found = next((inner for _, _, inner in items if inner is not None), None)
        return [f for f, _, _ in items], [lst for _, lst, _ in items], found
    return node, node, None

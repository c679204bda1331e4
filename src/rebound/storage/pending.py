"""Wins typed at `rebound brag add` that could not be saved yet, kept until they can be.

A brag list busy for longer than its lock waits (or a full disk) must never throw away the seven
answers someone just typed: they are written to this computer's state folder,
`<state>/pending/brag-<stamp>.json` (atomic, 0600), and the next `rebound brag` or `rebound brag
add` puts them on the list. Those a rebound from before the state folder left in
`<data>/pending/` are taken too.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from rebound.storage.files import atomic_write, read_regular
from rebound.storage.paths import PENDING, SUFFIX
from rebound.storage.store import Store

PREFIX = "brag-"
VERSION = 1


@dataclass(frozen=True)
class Pending:
    """One kept win: its file, when it was typed, and the fields as typed."""

    path: Path
    typed_at: datetime
    fields: dict[str, Any]


def folder(store: Store) -> Path:
    """Where kept wins wait: in this computer's state folder for the data folder."""
    return store.state / PENDING


def keep(store: Store, fields: dict[str, Any], typed_at: datetime) -> Path:
    """Write the typed fields to a new pending file; its path.

    Raises:
        DataError: it could not be written either (the caller shows the fields instead).
    """
    from rebound.errors import DataError

    where = folder(store)
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise DataError("pending_unmade", where=where, value=exc.strerror or exc) from None
    stamp = typed_at.strftime("%Y%m%dT%H%M%S%fZ")
    path = where / f"{PREFIX}{stamp}{SUFFIX}"
    record = {"schema_version": VERSION, "typed_at": typed_at.isoformat(), "fields": fields}
    atomic_write(path, json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    return path


def waiting(store: Store) -> list[Pending]:
    """The kept wins, oldest first; a file that can't be read is left where it is, unlisted."""
    paths: list[Path] = []
    for where in (folder(store), store.home / PENDING):  # the second: left by an older rebound
        with contextlib.suppress(OSError):
            paths += where.glob(f"{PREFIX}*{SUFFIX}")
    paths.sort(key=lambda p: p.name)
    out = []
    for path in paths:
        with contextlib.suppress(
            OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError
        ):
            data = json.loads(read_regular(path))
            fields = data["fields"]
            if isinstance(fields, dict) and isinstance(fields.get("title"), str):
                out.append(Pending(path, datetime.fromisoformat(data["typed_at"]), fields))
    return out


def done(kept: Pending) -> None:
    """Forget a kept win once it is on the brag list."""
    with contextlib.suppress(FileNotFoundError):
        kept.path.unlink()

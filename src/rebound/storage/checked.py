"""The session files this computer has read and found to hold no key twice, by the SHA-256 of
their bytes (`checked.json` in its state folder), so that listing a thousand sessions checks
only the files that changed since.

Why a record, and not a check of every file every time: pydantic reads a session in one pass
(`Session.model_validate_json`) and keeps the last of a key held twice without a word, so
finding one takes a second pass of a JSON parser over the file (`rebound.storage.twice`), which
costs about as much as the first: `load_all` of 1,000 sessions went from 146 to 231 ms. No
cheaper look at the bytes answers for every file. One in rebound's own layout (`dump`: indent 2)
holds the same key at the same indentation in many objects (an answer's id is a key of
`answers`, `answered_at` and `written` alike), so a duplicate shows only as two such lines with
no shallower line between them, which takes a pass that follows the nesting (a regex that looks
for it took 1 ms a file); and a file edited by hand may have any layout at all. Hashing the
bytes takes 6 µs a file, and what it finds is exact: a file whose bytes are the ones checked
before holds what it held then, whoever wrote it and whatever its layout; any other bytes (git's
merge, an edit, a sync) are checked again before they are read.

The record is this computer's (never in the data folder, which may be synced) and only a help:
missing, unreadable or from another version, every file is checked; one that cannot be written
is written next time. It holds the files of the last full listing, so it never grows past the
sessions there are.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from rebound.errors import DataError
from rebound.storage.files import atomic_write, read_regular

VERSION = 1  # a new way of checking starts a new record: files are checked again
MAX_BYTES = 16 * 1024 * 1024  # far more than a record of every session anyone keeps


class Checked:
    """The digests of the session files found to hold no key twice: those read before (from
    `path`), and those of this listing (written back by `close`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.before: set[str] = set()
        self.now: set[str] = set()
        with contextlib.suppress(OSError, ValueError, RecursionError):
            data = json.loads(read_regular(path, MAX_BYTES))
            if isinstance(data, dict) and data.get("version") == VERSION:
                found = data.get("sha256")
                if isinstance(found, list):
                    self.before = {d for d in found if isinstance(d, str)}

    @staticmethod
    def digest(raw: bytes) -> str:
        """The name the record gives the bytes of a file."""
        return hashlib.sha256(raw).hexdigest()

    def known(self, digest: str) -> bool:
        """Whether a file with these bytes was found to hold no key twice (then kept in the
        record: it is still there)."""
        if digest in self.before:
            self.now.add(digest)
            return True
        return False

    def add(self, digest: str) -> None:
        """A file just found to hold no key twice."""
        self.now.add(digest)

    def close(self, ensure: Callable[[], None]) -> None:
        """Write the record of this listing (after `ensure` made its folder), when it differs
        from the one read; one that cannot be written is no loss: the files are checked again."""
        if self.now == self.before:
            return
        data = {"version": VERSION, "sha256": sorted(self.now)}
        with contextlib.suppress(OSError, DataError):
            ensure()
            atomic_write(self.path, json.dumps(data, indent=0).encode("utf-8") + b"\n")

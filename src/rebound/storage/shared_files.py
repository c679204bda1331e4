"""The files every session shares, the brag list and the contact log: read, merged with a sync
tool's conflict copies, and saved so that nothing typed is lost.

`rebound.storage.store.Store` inherits these; they need of it its data folder, its trust check,
its way of moving a broken file aside, and its locks (held around load-change-save by callers).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rebound.errors import DataError
from rebound.sentences import speech
from rebound.storage import conflicts
from rebound.storage.files import Moved, NotAFile, atomic_write, read_regular
from rebound.storage.migrations import NewerFile, Shared, dump, migrate_brag, parse_shared
from rebound.storage.paths import BRAG_FILE, CONTACTS_FILE
from rebound.storage.records import CONTACTS_SCHEMA_VERSION, BragList, ContactLog


def unreadable(exc: OSError) -> str:
    """Why a file that is not one (`read_regular`'s refusals, a folder) cannot be read."""
    if isinstance(exc, NotAFile):
        return speech.say(exc.reason, **exc.values)
    return speech.say("reason_a_folder")


class SharedFiles:
    """The brag list and the contact log of one data folder (a part of `Store`)."""

    home: Path
    settling: bool

    if TYPE_CHECKING:

        def _trust(self) -> None: ...

        def _ensure(self) -> None: ...

        def move_aside_file(self, path: Path, name: str, reason: str) -> Moved: ...

        def lock(self, session_id: str, wait: float | None = None) -> Any: ...

        def holds(self, name: str) -> bool: ...

    @property
    def brag_path(self) -> Path:
        """The file of the brag list, shared by every session."""
        return self.home / BRAG_FILE

    def brag_session_ids(self, removed: bool = True) -> set[str]:
        """Ids of sessions the brag list has taken wins from, deleted sessions' included (and,
        with `removed`, those whose wins were taken off it since).

        Only a look: a brag list that can't be read is left exactly where it is, for the step that
        uses it to report.
        """
        try:
            data = json.loads(read_regular(self.brag_path))
            items = data.get("items", [])
            sources = [i.get("source") for i in items if isinstance(i, dict)]
            sources += list(data.get("removed", [])) if removed else []
        except (OSError, ValueError, AttributeError, TypeError, RecursionError):
            return set()
        return {s.rsplit("#", 1)[0] for s in sources if isinstance(s, str)}

    def load_brag(self) -> BragList:
        """The brag list (empty if there is none yet); a broken file is moved aside first.

        Raises:
            DataError: the file could not be read, or was broken (and is now in `broken/`).
        """
        return self._read_shared(
            self.brag_path,
            BragList,
            "brag",
            "brag_broken_fix",
            migrate_data=migrate_brag,
        )

    def _read_shared(
        self,
        path: Path,
        model: type[Shared],
        name: str,
        broken: str,
        *,
        migrate_data: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        newest: int | None = None,
    ) -> Shared:
        """A file every session shares (the brag list, the contact log), read by
        `migrations.parse_shared`; empty when there is none yet; a broken one moved aside to
        `broken/` and reported with the sentence `broken` ({{value}}: why, {{where}}: the copy).
        A sync tool's conflict copies of it are merged into it first (`conflicts.settle_shared`)."""
        self._trust()

        def read(raw: bytes) -> Shared:
            return parse_shared(raw, model, migrate_data, newest) if raw else model()

        keeper = cast("conflicts.Keeper", self)
        if not self.settling:
            conflicts.settle_shared(keeper, path, read)
        try:
            raw = read_regular(path)
        except FileNotFoundError:
            return model()
        except (IsADirectoryError, NotAFile) as exc:
            moved = self.move_aside_file(path, name, unreadable(exc))
            raise DataError(broken, value=moved.reason, where=moved.backup) from None
        except OSError as exc:
            raise DataError("file_unreadable_plain", where=path, value=exc.strerror) from None
        try:
            return parse_shared(raw, model, migrate_data, newest)
        except NewerFile as exc:  # not broken: a newer rebound's, left where it is for it
            raise DataError("shared_newer", where=path, number=exc.version) from None
        except ValueError as exc:
            merged = conflicts.settle_shared_markers(keeper, path, raw, read)
            if merged is not None:  # git's conflict markers: both sides merged
                return merged
            moved = self.move_aside_file(path, name, str(exc))
            raise DataError(broken, value=moved.reason, where=moved.backup) from None

    def save_brag(self, brag: BragList) -> None:
        """Write the brag list atomically (0600). Hold `lock(BRAG_LOCK)` around load-change-save."""
        self._ensure()
        atomic_write(self.brag_path, dump(brag))

    @property
    def contacts_path(self) -> Path:
        """The file of the touch log (`rebound contacts log`), shared by every session."""
        return self.home / CONTACTS_FILE

    def load_contacts(self) -> ContactLog:
        """The touch log (empty if there is none yet); a broken file is moved aside first.

        Raises:
            DataError: the file could not be read, or was broken (and is now in `broken/`), or
                was written by a newer rebound (left where it is).
        """
        return self._read_shared(
            self.contacts_path,
            ContactLog,
            "contacts",
            "contacts_broken",
            newest=CONTACTS_SCHEMA_VERSION,
        )

    def save_contacts(self, log: ContactLog) -> None:
        """Write the touch log atomically (0600). Hold `lock(CONTACTS_LOCK)` around
        load-change-save."""
        self._ensure()
        atomic_write(self.contacts_path, dump(log))

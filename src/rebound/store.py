"""Where sessions live on disk, and how they are written so that nothing is ever lost.

- The data folder is `platformdirs.user_data_path("rebound")`, or `REBOUND_HOME` when set.
- Every save is atomic: a temp file in the same folder, flushed and fsynced, `os.replace`d over
  the old file, then the folder is fsynced. Files are readable by their owner only (0600).
- A session is locked (filelock, no waiting) while a process works on it.
- A file that cannot be read as a session is moved aside to `broken/` with a timestamp, never
  deleted, and the other sessions keep working.
"""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import json
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rebound.errors import DataError, NoSessionError, SessionBusyError, UsageError
from rebound.models import SCHEMA_VERSION, BragList, Session

SESSIONS = "sessions"
LOCKS = "locks"
BROKEN = "broken"
BRAG_FILE = "brag.json"
BRAG_LOCK = "brag-list"
CACHE = "cache"
SUFFIX = ".json"
TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 60
NAME_MAX = 255  # the longest file name most file systems allow


@dataclass(frozen=True)
class Own:
    """A name rebound creates in the data folder: a file, or a folder of files matching `files`.

    Temp files of atomic saves (`.NAME.*.tmp`) of each are rebound's too.
    """

    name: str
    files: tuple[str, ...] | None = None  # None: `name` is a file, not a folder
    personal: bool = True  # what the person typed (exported); else derived or transient


# Every name rebound creates in the data folder, in this one place: `data wipe` deletes exactly
# these and `data export` copies the personal ones, so a person's own files kept beside them
# (a thesis, a folder of taxes) are never touched. A new kind of file adds its line here.
OWN: tuple[Own, ...] = (
    Own(SESSIONS, ("*" + SUFFIX,)),
    Own(BROKEN, ("*" + SUFFIX,)),
    Own(BRAG_FILE),
    Own(CACHE, ("content-*.pickle",), personal=False),
    Own(LOCKS, ("*.lock",), personal=False),
)


def data_home() -> Path:
    """The data folder: `REBOUND_HOME` if set, else the platform's user data folder."""
    override = os.environ.get("REBOUND_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path("rebound", appauthor=False)


def private(st: os.stat_result) -> bool:
    """Whether a file or folder is this user's and no one else can write to it.

    Always true where the system has no owners to check (Windows).
    """
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


@dataclass(frozen=True)
class Moved:
    """A session file that could not be read and was moved aside."""

    session_id: str
    backup: Path
    reason: str


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file.

    Raises:
        DataError: the folder cannot be written (full disk, permissions...); the old file is intact.
    """
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise _disk_error(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _disk_error(exc, path) from None
        raise
    _fsync_dir(path.parent)


def _entries(folder: Path) -> list[Path]:
    """The regular files directly in `folder` (never a link: it may point anywhere)."""
    try:
        with os.scandir(folder) as entries:
            return [Path(e.path) for e in entries if e.is_file(follow_symlinks=False)]
    except OSError:
        return []


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    # `*` matches a leading dot in fnmatch: only a pattern that starts with one may match one.
    return any(fnmatch.fnmatchcase(name, p) and (name[0] != ".") == (p[0] != ".") for p in patterns)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise DataError(
            f"Could not delete {path} ({exc.strerror or exc}). What was not deleted yet is "
            "still there; fix the folder, then try again."
        ) from None


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _disk_error(exc: OSError, path: Path) -> DataError:
    if exc.errno == errno.ENOSPC:
        why = "the disk is full"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = "rebound is not allowed to write there"
    else:
        why = exc.strerror or str(exc)
    return DataError(
        f"Could not save to {path.parent} because {why}. Everything saved before is unharmed; "
        "free some space or fix the folder, then try again (`rebound continue` picks a session "
        "up where you were)."
    )


class Store:
    """The sessions in one data folder."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = home or data_home()
        self.sessions = self.home / SESSIONS
        self.moved: list[Moved] = []
        self._trusted = False

    def _ensure(self) -> None:
        try:
            for folder in (self.home, self.sessions, self.home / LOCKS):
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                if not folder.is_dir():
                    raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
        except OSError as exc:
            raise DataError(
                f"The data folder {self.home} cannot be used ({exc.strerror or exc}). "
                "Set REBOUND_HOME to a folder you can write to, or fix this one. "
                "Nothing was changed."
            ) from None
        self._trust()

    def _trust(self) -> None:
        """Make sure no one else can change the data folder before it is read or written.

        Someone else's folder is refused; one of ours that others can write to (a mistaken
        chmod) is made private again, with a one-line note. Checked once per Store, before the
        first read or write; a folder that is not there yet is created private by `_ensure`.

        Raises:
            DataError: the data folder is a file, or it or one of rebound's folders in it is
                another user's.
        """
        if self._trusted:
            return
        if self.home.exists() and not self.home.is_dir():
            raise self._unusable("it is a file, not a folder")
        if not hasattr(os, "getuid"):
            return
        for folder in (self.home, *(self.home / own.name for own in OWN if own.files)):
            try:
                st = os.stat(folder)
            except OSError:
                continue  # not there (yet), or not a folder: the read or write says so
            if private(st) or not stat.S_ISDIR(st.st_mode):
                continue
            if st.st_uid != os.getuid():
                raise DataError(
                    f"The folder {folder} belongs to another user, so rebound will not use it: "
                    "they could change what you saved. Nothing was changed. Make it yours "
                    f"(`chown -R $USER {folder}` then `chmod 700 {folder}`), or set "
                    "REBOUND_HOME to a folder of your own."
                )
            try:
                os.chmod(folder, 0o700)
            except OSError as exc:
                raise DataError(
                    f"The folder {folder} can be changed by other users (mode "
                    f"{stat.S_IMODE(st.st_mode):04o}) and rebound could not make it private "
                    f"({exc.strerror or exc}). Nothing was changed. Run `chmod 700 {folder}`, "
                    "or set REBOUND_HOME to a folder of your own."
                ) from None
            sys.stderr.write(
                f"rebound: {folder} could be changed by other users (mode "
                f"{stat.S_IMODE(st.st_mode):04o}); it is private to you now (0700).\n"
            )
            if folder in (self.home, self.home / CACHE):
                self._clear_cache()  # anyone could have put it there; it is made again
        self._trusted = True

    def _clear_cache(self) -> None:
        patterns = next(own.files for own in OWN if own.name == CACHE) or ()
        for path in _entries(self.home / CACHE):
            if _matches(path.name, patterns):
                with contextlib.suppress(OSError):
                    path.unlink()

    def path(self, session_id: str) -> Path:
        """The file of a session."""
        return self.sessions / f"{session_id}{SUFFIX}"

    def ids_by_start(self) -> list[str]:
        """Every saved session id, the most recently started first.

        Ids begin with their day, so the names order the days; only sessions that share a day
        are read, for the time they were started (by name: 'acme' is not older than 'zeta').
        """
        ids = sorted((entry.name[: -len(SUFFIX)] for entry in self._files()), reverse=True)
        days: dict[str, int] = {}
        for session_id in ids:
            days[session_id[:10]] = days.get(session_id[:10], 0) + 1
        if all(n == 1 for n in days.values()):
            return ids
        return sorted(ids, key=lambda i: (i[:10], self._started(i) if days[i[:10]] > 1 else ""))[
            ::-1
        ]

    def _started(self, session_id: str) -> str:
        """When a session was started, as UTC text that sorts in time ('' when unreadable)."""
        try:
            stamp = json.loads(self.path(session_id).read_bytes()).get("created_at")
            when = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
            return when.astimezone(timezone.utc).isoformat()
        except (OSError, ValueError, AttributeError, TypeError):
            return ""

    def delete(self, session_id: str) -> None:
        """Remove a session's file (hold its lock), and its lock file afterwards."""
        try:
            self.path(session_id).unlink()
        except FileNotFoundError:
            raise NoSessionError(f"There is no session '{session_id}'.") from None
        except OSError as exc:
            raise _disk_error(exc, self.path(session_id)) from None
        _fsync_dir(self.sessions)

    def ids(self) -> list[str]:
        """Every saved session id, the most recently saved first."""
        found: list[tuple[int, str]] = []
        for entry in self._files():
            try:
                found.append((entry.stat().st_mtime_ns, entry.name[: -len(SUFFIX)]))
            except FileNotFoundError:  # moved aside by another rebound just now
                continue
        found.sort(reverse=True)
        return [session_id for _, session_id in found]

    def _files(self) -> list[os.DirEntry[str]]:
        """The session files, in one pass over the folder that also removes temp files left by
        a crash (old enough that no live save owns them)."""
        self._trust()
        try:
            with os.scandir(self.sessions) as folder:
                entries = list(folder)
        except FileNotFoundError:
            return []
        except NotADirectoryError:
            # REBOUND_HOME (or its sessions folder) is a file: the data is unreachable, not
            # absent, and "no sessions yet" would tell the person it is gone.
            raise self._unusable("it is a file, not a folder") from None
        except OSError as exc:
            raise DataError(
                f"Could not read the folder {self.sessions} ({exc.strerror or exc}). "
                "Nothing was changed."
            ) from None
        cutoff = time.time() - STALE_TEMP_SECONDS
        files = []
        for entry in entries:
            name = entry.name
            if not name.startswith("."):
                if name.endswith(SUFFIX):
                    files.append(entry)
            elif name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < cutoff:
                        os.unlink(entry.path)
        return files

    def _unusable(self, why: str) -> DataError:
        return DataError(
            f"The data folder {self.home} cannot be used ({why}), so rebound cannot see your "
            "sessions; nothing was changed or deleted. Set REBOUND_HOME to your data folder, "
            "or fix this one."
        )

    def save(self, session: Session) -> None:
        """Write a session atomically (0600)."""
        self._ensure()
        data = session.model_dump_json(indent=2).encode("utf-8") + b"\n"
        atomic_write(self.path(session.id), data)

    def load(self, session_id: str) -> Session:
        """Read one session; a broken file is moved aside first.

        Raises:
            NoSessionError: there is no such session, or its file was broken and moved aside.
        """
        self._trust()
        path = self.path(session_id)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise NoSessionError(
                f"There is no session '{session_id}'. `rebound list` shows them."
            ) from None
        except OSError as exc:
            raise DataError(
                f"Could not read {path} ({exc.strerror}). It was left as it is."
            ) from None
        try:
            session = parse(raw)
            if session.id != session_id:
                # A copy (`cp A.json backup.json`): used as a session, it would change 'A' too
                # and show twice in `list`. Set aside, the original keeps working.
                raise ValueError(f"it holds session '{session.id}'; a copy?")
        except ValueError as exc:
            moved = self._move_aside(session_id, str(exc))
            raise NoSessionError(describe(moved)) from None
        return session

    def _move_aside(self, session_id: str, reason: str) -> Moved:
        moved = self._move_aside_file(self.path(session_id), session_id, reason)
        self.moved.append(moved)
        return moved

    def _move_aside_file(self, path: Path, name: str, reason: str) -> Moved:
        broken = self.home / BROKEN
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        target = broken / f"{name}.{stamp}{SUFFIX}"
        try:
            broken.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.replace(path, target)
        except OSError:
            target = path  # could not move it: leave it exactly where it is
        return Moved(name, target, reason)

    def load_all(self) -> list[Session]:
        """Every readable session, newest first; broken files are moved aside (see `moved`)."""
        out = []
        for session_id in self.ids():
            try:
                out.append(self.load(session_id))
            except NoSessionError:
                continue
        return out

    def resolve(self, wanted: str) -> str:
        """A full session id from an id, a unique prefix of one, or a company's name (any case).

        Raises:
            UsageError: `wanted` is blank (a prefix of every id: a script's empty `$ID`).
            NoSessionError: nothing matches, or the prefix fits several sessions.
        """
        if not wanted.strip():
            raise UsageError(
                "The session id is empty, so rebound did not pick one. Give an id, or the start "
                "of one (`rebound list` shows them). Nothing was changed."
            )
        if len(wanted) > NAME_MAX or any(c in wanted for c in "/\\\0"):
            # No id is like this; and as a file name it would be an OSError, not an answer.
            raise NoSessionError(f"There is no session {wanted[:40]!r}. `rebound list` shows them.")
        if "/" not in wanted and not wanted.startswith(".") and self.path(wanted).is_file():
            return wanted  # the common case, without listing a large folder
        ids = self.ids()
        matches = [i for i in ids if i.startswith(wanted)] or self._by_company(ids, wanted)
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise NoSessionError(f"There is no session '{wanted}'. `rebound list` shows them.")
        raise NoSessionError(
            f"'{wanted}' fits {len(matches)} sessions ({', '.join(sorted(matches)[:4])}...); "
            "type a little more of the id."
        )

    def _by_company(self, ids: list[str], wanted: str) -> list[str]:
        """The sessions whose company is `wanted`, ignoring case and extra spaces; else those
        whose company starts with it, in whole words ('northwind' for 'Northwind Traders')."""
        key = " ".join(wanted.split()).casefold()
        exact, starts = [], []
        for session_id in ids:
            try:
                session = self.load(session_id)
            except NoSessionError:
                continue
            company = " ".join(session.text("company").split()).casefold()
            if company == key:
                exact.append(session_id)
            elif company.startswith(key + " "):
                starts.append(session_id)
        return exact or starts

    def own_files(self, personal: bool = False) -> list[Path]:
        """rebound's own files in the data folder (see `OWN`), nothing else found there.

        Args:
            personal: only what the person typed, without temp files (what `data export` copies);
                else every file rebound made, temp files included (what `data wipe` deletes).
        """
        self._trust()
        found: list[Path] = []
        for own in OWN:
            if personal and not own.personal:
                continue
            folder = self.home / own.name if own.files else self.home
            patterns: tuple[str, ...] = own.files or (own.name,)
            if not personal:
                patterns = (*patterns, *(f".{p}.*{TEMP_SUFFIX}" for p in patterns))
            found.extend(p for p in _entries(folder) if _matches(p.name, patterns))
        return sorted(found)

    def wipe(self) -> list[Path]:
        """Delete every file rebound made here, then its folders and the data folder if empty.

        The person's own files beside them stay, and are returned (with any folder that had to
        stay because of them).

        Raises:
            SessionBusyError: a session or the brag list is open in another rebound.
            DataError: a file could not be deleted.
        """
        with contextlib.ExitStack() as locks:
            # Refuse while any session is open elsewhere, rather than pull it from under it.
            for session_id in [BRAG_LOCK, *self.ids_by_start()]:
                locks.enter_context(self.lock(session_id))
            for path in self.own_files():
                if path.parent.name != LOCKS:  # held just now; removed once released
                    _remove(path)
        for path in self.own_files():
            _remove(path)
        for own in OWN:
            if own.files is not None:
                with contextlib.suppress(OSError):  # not empty: the person's files are in it
                    (self.home / own.name).rmdir()
        with contextlib.suppress(OSError):
            self.home.rmdir()
        if not self.home.exists():
            return []
        return sorted(self.home.iterdir())

    @property
    def brag_path(self) -> Path:
        """The file of the brag list, shared by every session."""
        return self.home / BRAG_FILE

    def load_brag(self) -> BragList:
        """The brag list (empty if there is none yet); a broken file is moved aside first."""
        from pydantic import ValidationError

        self._trust()
        try:
            raw = self.brag_path.read_bytes()
        except FileNotFoundError:
            return BragList()
        except OSError as exc:
            raise DataError(f"Could not read {self.brag_path} ({exc.strerror}).") from None
        try:
            return BragList.model_validate_json(raw)
        except ValidationError:
            pass  # perhaps an older version: migrate, or say what is wrong
        try:
            data = json.loads(raw)
            if isinstance(data, dict):
                data = migrate_brag(data)
            return BragList.model_validate(data)
        except (ValueError, ValidationError) as exc:
            if not isinstance(exc, ValidationError):
                moved = self._move_aside_file(self.brag_path, "brag", "it is not valid JSON")
                raise DataError(
                    f"Your brag list could not be read ({moved.reason}). The file was kept, "
                    f"untouched, at {moved.backup}; nothing was changed."
                ) from None
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "the file"
            moved = self._move_aside_file(
                self.brag_path, "brag", f"{where}: {first['msg'].lower()}"
            )
            raise DataError(
                f"Your brag list could not be read ({moved.reason}). The file was kept, untouched, "
                f"at {moved.backup}; nothing was changed. Fix it there, or start a new list."
            ) from None

    def save_brag(self, brag: BragList) -> None:
        """Write the brag list atomically (0600). Hold `lock(BRAG_LOCK)` around load-change-save."""
        self._ensure()
        atomic_write(self.brag_path, brag.model_dump_json(indent=2).encode("utf-8") + b"\n")

    @contextlib.contextmanager
    def lock(self, session_id: str) -> Iterator[None]:
        """Hold the session's lock for the block; another process gets SessionBusyError at once.

        The brag list has its own lock, named `BRAG_LOCK`.
        """
        import filelock

        self._ensure()
        lock = filelock.FileLock(str(self.home / LOCKS / f"{session_id}.lock"), timeout=0)
        try:
            lock.acquire()
        except filelock.Timeout:  # before OSError: Timeout is a TimeoutError, hence an OSError
            raise SessionBusyError(
                f"Session '{session_id}' is open in another rebound window. Finish or close that "
                "one first (nothing is lost either way), then try again."
            ) from None
        except OSError as exc:
            raise _disk_error(exc, self.home / LOCKS / "x") from None
        try:
            yield
        finally:
            lock.release()


def parse(raw: bytes) -> Session:
    """A session from the bytes of its file, migrating older versions.

    Raises:
        ValueError: the bytes are not a session this version of rebound can read; says why briefly.
    """
    from pydantic import ValidationError

    try:  # the fast path: a current, valid file, parsed and checked in one pass by pydantic-core
        return Session.model_validate_json(raw)
    except ValidationError:
        pass  # an older version, or broken: the careful path below says what is wrong
    if not raw.strip():
        raise ValueError("the file is empty")
    try:
        data: Any = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "it is not UTF-8 text"
        raise ValueError(f"it is not valid JSON ({reason}); it may have been cut short") from None
    if not isinstance(data, dict):
        raise ValueError("it does not hold a session")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("it has no schema_version")
    if version > SCHEMA_VERSION:
        raise ValueError(f"it was written by a newer rebound (schema {version}); please upgrade")
    data = migrate(data)
    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the file"
        raise ValueError(f"{where}: {first['msg'].lower()}") from None


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


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a session of an older schema_version up to the current one, step by step."""
    while data["schema_version"] < SCHEMA_VERSION:
        step = MIGRATIONS.get(data["schema_version"])
        if step is None:
            raise ValueError(f"schema {data['schema_version']} is too old to read")
        data = step(data)
    return data


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


BRAG_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _brag_v1_to_v2,
    2: _brag_v2_to_v3,
}


def migrate_brag(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a brag list of an older schema_version up to the current one, step by step.

    A version with no step forward (a newer one, or none at all) is left as it is, for the
    validation to name it.
    """
    while True:
        version = data.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool):
            return data
        step = BRAG_MIGRATIONS.get(version)
        if step is None:
            return data
        data = step(data)


def describe(moved: Moved) -> str:
    """The one-paragraph message for a file that was moved aside."""
    return (
        f"The saved session '{moved.session_id}' could not be read: {moved.reason}. "
        f"The file was kept, untouched, at {moved.backup}; your other sessions are fine."
    )

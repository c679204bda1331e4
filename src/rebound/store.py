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
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rebound import words
from rebound.due import INDEX as DUE_INDEX
from rebound.errors import DataError, NoSessionError, Phrase, SessionBusyError, UsageError
from rebound.models import ENTRY_ID, SCHEMA_VERSION, BragList, Session
from rebound.text import scrub_tree

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
# Named here too (their modules keep them for themselves; tests/unit/test_store.py checks).
REMINDED = "reminded.json"  # what `rebound remind` announced today (rebound.reminders)
CALENDAR_STATE = "calendar.json"  # what `export --all --format ics` sent (rebound.export)
PENDING = "pending"  # typed wins waiting for a busy brag list (rebound.pending)


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
    Own(DUE_INDEX, personal=False),  # read by `rebound nudge` (rebound.due)
    Own(REMINDED, personal=False),
    Own(CALENDAR_STATE, personal=False),
    Own(PENDING, ("brag-*.json",)),  # typed wins a busy brag list could not take (rebound.pending)
)

# The brag list is shared by every rebound and held for the milliseconds of one save: a writer
# waits this long for it (polling every LOCK_POLL_SECONDS) rather than throw away what was typed.
# A session's lock never waits: a second window on the same session is refused at once.
BRAG_WAIT_SECONDS = 10.0
LOCK_POLL_SECONDS = 0.02


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
        raise DataError("delete_failed", where=path, value=exc.strerror or exc) from None


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _disk_error(exc: OSError, path: Path) -> DataError:
    # Said the same whether or not anything was saved before: the caller, who knows, adds what
    # to run next (flow promises `rebound continue` only once a session has a file).
    return DataError("save_failed", where=path.parent, value=_why(exc))


def _why(exc: OSError) -> object:
    if exc.errno == errno.ENOSPC:
        return Phrase("why_full", {})
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Phrase("why_not_allowed", {})
    if exc.errno == errno.ENAMETOOLONG:
        return Phrase("why_too_long", {})
    return exc.strerror or str(exc)


class Store:
    """The sessions in one data folder."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = home or data_home()
        # Told of each session saved (id, session) or deleted (id, None), after the fact: what
        # follows the sessions, such as the due index (rebound.due.watch).
        self.on_change: list[Callable[[str, Session | None], None]] = []
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
            raise DataError("home_unusable", where=self.home, value=exc.strerror or exc) from None
        self._trust()

    def _trust(self) -> None:
        """Make sure no one else can change the data folder before it is read or written.

        Someone else's folder is refused; one of ours that others can write to (a mistaken
        chmod) is made private again, with a one-line note. Checked once per Store, before the
        first read or write; a folder that is not there yet is created private by `_ensure`.

        Raises:
            DataError: the data folder, or one of rebound's folders in it, is another user's.
        """
        if self._trusted or not hasattr(os, "getuid"):
            return
        for folder in (self.home, *(self.home / own.name for own in OWN if own.files)):
            try:
                st = os.stat(folder)
            except OSError:
                continue  # not there (yet), or not a folder: the read or write says so
            if private(st) or not stat.S_ISDIR(st.st_mode):
                continue
            if st.st_uid != os.getuid():
                raise DataError("folder_not_yours", where=folder)
            try:
                os.chmod(folder, 0o700)
            except OSError as exc:
                raise DataError(
                    "folder_not_private",
                    where=folder,
                    number=f"{stat.S_IMODE(st.st_mode):04o}",
                    value=exc.strerror or exc,
                ) from None
            mode = f"{stat.S_IMODE(st.st_mode):04o}"
            said = words.say("folder_made_private", where=folder, number=mode)
            sys.stderr.write(f"rebound: {said}\n")
            if folder in (self.home, self.home / CACHE):
                self._clear_cache()  # anyone could have put it there; it is made again
        self._trusted = True

    def _clear_cache(self) -> None:
        patterns = next(own.files for own in OWN if own.name == CACHE) or ()
        for path in _entries(self.home / CACHE):
            if _matches(path.name, patterns):
                with contextlib.suppress(OSError):
                    path.unlink()

    def check_writable(self) -> None:
        """Make sure a session can be saved, before anyone types one; nothing is left behind.

        Raises:
            DataError: the data folder cannot be written (read-only, full, not a folder...).
        """
        self._ensure()
        try:
            fd, probe = tempfile.mkstemp(dir=self.sessions, prefix=".probe.", suffix=TEMP_SUFFIX)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise DataError("cannot_save_here", where=self.sessions, value=_why(exc)) from None

    def path(self, session_id: str) -> Path:
        """The file of a session."""
        return self.sessions / f"{session_id}{SUFFIX}"

    def ids_by_start(self) -> list[str]:
        """Every saved session id, the most recently started first (ids begin with their date).

        Cheaper than `ids()` on a large folder: nothing but the names is read.
        """
        return sorted((entry.name[: -len(SUFFIX)] for entry in self._files()), reverse=True)

    def delete(self, session_id: str) -> None:
        """Remove a session's file (hold its lock), and its lock file afterwards."""
        try:
            self.path(session_id).unlink()
        except FileNotFoundError:
            raise NoSessionError("no_such_session", id=session_id) from None
        except OSError as exc:
            raise _disk_error(exc, self.path(session_id)) from None
        _fsync_dir(self.sessions)
        for hook in self.on_change:
            hook(session_id, None)

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
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as exc:
            raise DataError(
                "folder_unreadable", where=self.sessions, value=exc.strerror or exc
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

    def save(self, session: Session) -> None:
        """Write a session atomically (0600)."""
        self._ensure()
        atomic_write(self.path(session.id), _dump(session))
        for hook in self.on_change:
            hook(session.id, session)

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
            raise NoSessionError("no_session_list", id=session_id) from None
        except OSError as exc:
            raise DataError("file_unreadable", where=path, value=exc.strerror) from None
        try:
            session = parse(raw)
            if session.id != session_id:
                # A copy (`cp A.json backup.json`): used as a session, it would change 'A' too
                # and show twice in `list`. Set aside, the original keeps working.
                raise ValueError(words.say("broken_copy", id=session.id))
        except ValueError as exc:
            moved = self._move_aside(session_id, str(exc))
            raise NoSessionError(
                "moved_aside", id=moved.session_id, value=moved.reason, where=moved.backup
            ) from None
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
        """A full session id from an id or a unique prefix of one.

        Raises:
            UsageError: `wanted` is blank (a prefix of every id: a script's empty `$ID`).
            NoSessionError: nothing matches, or the prefix fits several sessions.
        """
        if not wanted.strip():
            raise UsageError("empty_id")
        if len(wanted) > NAME_MAX or any(c in wanted for c in "/\\\0"):
            # No id is like this; and as a file name it would be an OSError, not an answer.
            raise NoSessionError("no_session_list", id=wanted[:40])
        if "/" not in wanted and not wanted.startswith(".") and self.path(wanted).is_file():
            return wanted  # the common case, without listing a large folder
        ids = self.ids()
        matches = [i for i in ids if i.startswith(wanted)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise NoSessionError("no_session_list", id=wanted)
        raise NoSessionError(
            "id_fits_several", id=wanted, count=len(matches), list=", ".join(sorted(matches)[:4])
        )

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
            raise DataError(
                "file_unreadable_plain", where=self.brag_path, value=exc.strerror
            ) from None
        if not _ESCAPED_SURROGATE.search(raw):
            try:
                return BragList.model_validate_json(raw)
            except ValidationError:
                pass  # perhaps an older version: migrate, or say what is wrong
        try:
            data = _json(raw)
            if isinstance(data, dict):
                data = migrate_brag(data)
            return BragList.model_validate(data)
        except (ValueError, ValidationError, RecursionError) as exc:
            if not isinstance(exc, ValidationError):
                why = words.say(TOO_DEEP if isinstance(exc, RecursionError) else "broken_bad_json")
                moved = self._move_aside_file(self.brag_path, "brag", why)
                raise DataError("brag_broken", value=moved.reason, where=moved.backup) from None
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or words.say("broken_the_file")
            moved = self._move_aside_file(
                self.brag_path, "brag", f"{where}: {first['msg'].lower()}"
            )
            raise DataError("brag_broken_fix", value=moved.reason, where=moved.backup) from None

    def save_brag(self, brag: BragList) -> None:
        """Write the brag list atomically (0600). Hold `lock(BRAG_LOCK)` around load-change-save."""
        self._ensure()
        atomic_write(self.brag_path, _dump(brag))

    @contextlib.contextmanager
    def lock(self, session_id: str, wait: float | None = None) -> Iterator[None]:
        """Hold the session's lock for the block; another process gets SessionBusyError at once.

        The brag list has its own lock, named `BRAG_LOCK`, which waits up to
        `BRAG_WAIT_SECONDS` for another rebound's save to end. `wait` (seconds) overrides both.
        """
        import filelock

        self._ensure()
        if wait is None:
            wait = BRAG_WAIT_SECONDS if session_id == BRAG_LOCK else 0.0
        lock = filelock.FileLock(
            str(self.home / LOCKS / f"{session_id}.lock"),
            timeout=wait,
            poll_interval=LOCK_POLL_SECONDS,
        )
        try:
            lock.acquire()
        except filelock.Timeout:  # before OSError: Timeout is a TimeoutError, hence an OSError
            raise SessionBusyError("session_busy", id=session_id) from None
        except OSError as exc:
            raise _disk_error(exc, self.home / LOCKS / "x") from None
        try:
            yield
        finally:
            lock.release()


def _dump(model: Session | BragList) -> bytes:
    """The bytes of a saved file. Text is made real where it enters rebound; should a lone
    surrogate slip through anyway, it is scrubbed here rather than the save (and the answer
    just typed) being lost."""
    from pydantic_core import PydanticSerializationError

    try:
        return model.model_dump_json(indent=2).encode("utf-8") + b"\n"
    except PydanticSerializationError:
        fixed = type(model).model_validate(scrub_tree(model.model_dump()))
        return fixed.model_dump_json(indent=2).encode("utf-8") + b"\n"


def parse(raw: bytes) -> Session:
    """A session from the bytes of its file, migrating older versions.

    Raises:
        ValueError: the bytes are not a session this version of rebound can read; says why briefly.
    """
    from pydantic import ValidationError

    if not _ESCAPED_SURROGATE.search(raw):
        try:  # the fast path: a current, valid file, parsed and checked in one pass
            return Session.model_validate_json(raw)
        except ValidationError:
            pass  # an older version, or broken: the careful path below says what is wrong
    if not raw.strip():
        raise ValueError(words.say("broken_empty"))
    data: Any = _json(raw)
    if not isinstance(data, dict):
        raise ValueError(words.say("broken_not_session"))
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError(words.say("broken_no_schema"))
    if version > SCHEMA_VERSION:
        raise ValueError(words.say("broken_newer", number=version))
    data = migrate(data)
    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or words.say("broken_the_file")
        raise ValueError(f"{where}: {first['msg'].lower()}") from None
    except RecursionError:
        raise ValueError(words.say(TOO_DEEP)) from None


# A JSON escape of a lone surrogate half ("\udcff", hand-edited or from another program):
# json.loads makes it a string that cannot be saved again, so such a file takes the careful
# path, where `scrub_tree` makes it real text.
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
TOO_DEEP = "broken_too_deep"  # the key of the pack's sentence


def _json(raw: bytes) -> Any:
    """The JSON in `raw`, its text made real (`text.scrub_tree`).

    Raises:
        ValueError: not JSON, not UTF-8, or nested too deep to read; says why briefly.
    """
    try:
        return scrub_tree(json.loads(raw))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else words.say("broken_not_utf8")
        raise ValueError(words.say("broken_not_json", value=reason)) from None
    except RecursionError:
        raise ValueError(words.say(TOO_DEEP)) from None


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


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a session of an older schema_version up to the current one, step by step."""
    while data["schema_version"] < SCHEMA_VERSION:
        step = MIGRATIONS.get(data["schema_version"])
        if step is None:
            raise ValueError(words.say("broken_too_old", number=data["schema_version"]))
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
    return words.say("moved_aside", id=moved.session_id, value=moved.reason, where=moved.backup)

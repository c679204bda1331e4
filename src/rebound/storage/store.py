"""Where sessions live on disk, and how they are written so that nothing is ever lost.

- The data folder is `REBOUND_HOME` when set, else the folder `rebound data move` chose, else
  `platformdirs.user_data_path("rebound")` (`rebound.storage.places`). What only makes sense on
  this computer (the locks) lives in its own state folder, never in the data folder, which may be
  synced between computers: two computers never wait on each other.
- Every save is atomic: a temp file in the same folder, flushed and fsynced, `os.replace`d over
  the old file, then the folder is fsynced. Files are readable by their owner only (0600).
- A session is locked (filelock, no waiting) while a process works on it.
- A file that cannot be read as a session is moved aside to `broken/` with a timestamp, never
  deleted, and the other sessions keep working. A sync tool's conflict copy is merged into its
  session instead (`rebound.storage.conflicts`).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rebound import clock
from rebound.errors import BrokenSessionError, DataError, NoSessionError, SessionBusyError
from rebound.sentences import speech
from rebound.storage import conflicts, places, which_session
from rebound.storage.checked import Checked
from rebound.storage.files import (
    Moved,
    NotAFile,
    atomic_write,
    check_writable,
    data_home,
    data_place,
    disk_error,
    fsync_dir,
    listing,
    matches,
    private,
    read_regular,
    regular_files,
    remove,
    someone_elses,
)
from rebound.storage.migrations import (
    MIGRATIONS,
    TOO_DEEP,
    dump,
    migrate,
    migrate_brag,
    parse,
)
from rebound.storage.paths import (
    BRAG_FILE,
    BRAG_LOCK,
    BROKEN,
    CACHE,
    CHECKED,
    CONTACTS_FILE,
    CONTACTS_LOCK,
    CONTENT_CACHE,
    LOCKS,
    MACHINE_OWN,
    OWN,
    PENDING,
    SESSIONS,
    SUFFIX,
    TEMP_SUFFIX,
)
from rebound.storage.records import Session
from rebound.storage.shared_files import SharedFiles, unreadable
from rebound.storage.stamps import stamp_written
from rebound.storage.trust import refuse_a_file_for_a_folder, secure

# Kept importable from here, where modules found them before they moved to rebound.storage.paths,
# rebound.storage.files, rebound.storage.migrations (the store's own names are public as ever).
__all__ = [
    "BRAG_FILE",
    "BRAG_LOCK",
    "CACHE",
    "CONTACTS_FILE",
    "CONTACTS_LOCK",
    "MIGRATIONS",
    "OWN",
    "PENDING",
    "SESSIONS",
    "SUFFIX",
    "TEMP_SUFFIX",
    "TOO_DEEP",
    "Moved",
    "atomic_write",
    "data_home",
    "describe",
    "migrate",
    "migrate_brag",
    "parse",
    "private",
]

STALE_TEMP_SECONDS = 60


# The brag list is shared by every rebound and held for the milliseconds of one save: a writer
# waits this long for it (polling every LOCK_POLL_SECONDS) rather than throw away what was typed.
# A session's lock never waits: a second window on the same session is refused at once.
BRAG_WAIT_SECONDS = 10.0
LOCK_POLL_SECONDS = 0.02


class Store(SharedFiles):
    """The sessions in one data folder, and this computer's state folder for it."""

    def __init__(self, home: Path | None = None, state: Path | None = None) -> None:
        self.why = "given"  # why the data folder is this one (`places.FROM_*`)
        if home is None:
            home, self.why = data_place()
        self.home = home
        self.state = state or Path(places.state_for(str(home)))
        self.cache = Path(places.cache_root()) / CONTENT_CACHE  # the content cache
        # Told of each session saved (id, session) or deleted (id, None), after the fact: what
        # follows the sessions, such as the due index (rebound.system.due_index.watch).
        self.on_change: list[Callable[[str, Session | None], None]] = []
        self.sessions = self.home / SESSIONS
        self.moved: list[Moved] = []
        self._trusted = False
        self._held: dict[str, int] = {}  # the locks this store holds, and how many times
        self.seen: dict[str, dict[str, Any]] = {}  # answered_at of each session as read
        self.settling = False  # merging conflict copies now (rebound.storage.conflicts)
        self._listed = False  # the sessions folder was listed (and its copies merged) once
        self.checked: Checked | None = None  # while `load_all` reads: files known to be whole

    def _ensure(self) -> None:
        self._trust()
        try:
            for folder in (self.home, self.sessions):
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                if not folder.is_dir():
                    raise NotADirectoryError(
                        errno.ENOTDIR, speech.say("reason_not_folder"), str(folder)
                    )
        except OSError as exc:
            raise DataError("home_unusable", where=self.home, value=exc.strerror or exc) from None

    def ensure_state(self) -> None:
        """Make this computer's state folder for the data folder (and its `locks/`).

        Raises:
            DataError: it cannot be made.
        """
        try:
            for folder in (self.state, self.state / LOCKS):
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                if not folder.is_dir():
                    raise NotADirectoryError(
                        errno.ENOTDIR, speech.say("reason_not_folder"), str(folder)
                    )
        except OSError as exc:
            raise DataError("state_unusable", where=self.state, value=exc.strerror or exc) from None

    def _trust(self) -> None:
        """Make sure no one else can change the data folder before it is read or written
        (`rebound.storage.trust.secure`); checked once per Store, before the first read or write. A
        folder that is not there yet is created private by `_ensure`.

        The cache is only a nicety: one that is another user's (root's, after a `sudo rebound
        ...`) or cannot be made private is not a reason to stop. `content.load` then neither
        reads nor writes it (and says so), and neither does the store.

        Raises:
            DataError: the data folder is a file, or it or one of rebound's folders in it (but
                the cache) is another user's; or the folder `rebound data move` chose is gone.
        """
        if self._trusted:
            return
        if self.why == places.FROM_REMEMBERED and not self.home.exists():
            # A drive not mounted, a sync folder renamed: the data is somewhere else, not gone.
            raise DataError("remembered_missing", where=self.home, value=places.remembered_file())
        if self.home.exists() and not self.home.is_dir():
            raise self._unusable(self.home)
        if not hasattr(os, "getuid"):
            return
        kept = (self.home / own.name for own in OWN if own.files and own.name != CACHE)
        mine = (self.state / own.name for own in MACHINE_OWN if own.files)
        secure((self.home, *kept, self.state, *mine), self._made_private)
        with contextlib.suppress(DataError):
            secure((self.cache.parent, self.cache, self.home / CACHE), self._made_private)
        self._trusted = True

    def _made_private(self, folder: Path) -> None:
        if folder in (self.cache.parent, self.cache):
            self._clear_cache()  # anyone could have put it there; it is made again

    def _clear_cache(self) -> None:
        if someone_elses(self.cache):
            return  # not ours to change, not even by a deletion (and never read)
        patterns = next(own.files for own in OWN if own.name == CACHE) or ()
        for path in regular_files(self.cache):
            if matches(path.name, patterns):
                with contextlib.suppress(OSError):
                    path.unlink()

    def check_writable(self) -> None:
        """Make sure a session can be saved, before anyone types one (`files.check_writable`)."""
        self._ensure()
        check_writable(self.sessions)

    def path(self, session_id: str) -> Path:
        """The file of a session."""
        return self.sessions / f"{session_id}{SUFFIX}"

    def ids_by_start(self) -> list[str]:
        """Every saved session id, the most recently started first (`lookup.newest_first`)."""
        names = [entry.name[: -len(SUFFIX)] for entry in self._files()]
        return which_session.newest_first(names, lambda i: which_session.started(self.path(i)))

    def delete(self, session_id: str) -> None:
        """Remove a session's file (hold its lock), and its lock file afterwards."""
        try:
            self.path(session_id).unlink()
        except FileNotFoundError:
            raise NoSessionError("no_such_session", id=session_id) from None
        except OSError as exc:
            raise disk_error(exc, self.path(session_id)) from None
        fsync_dir(self.sessions)
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
        """The session files, in one pass that also removes temp files left by a crash."""
        self._trust()
        refuse_a_file_for_a_folder(self.home, self.sessions)
        try:
            found = listing(self.sessions, SUFFIX, STALE_TEMP_SECONDS)
        except NotADirectoryError:
            # REBOUND_HOME (or its sessions folder) is a file: the data is unreachable, not
            # absent, and "no sessions yet" would tell the person it is gone.
            raise self._unusable(self.home) from None
        if self.settling:
            names = conflicts.stems(found)
            return [e for e in found if not conflicts.named_copy(e.name, found, names)]
        self._listed = True
        # A sync tool's conflict copies are merged into their sessions (those that are open in
        # another rebound are left for later): a copy is never a session of its own.
        if conflicts.settle_sessions(self, found):
            found = listing(self.sessions, SUFFIX, STALE_TEMP_SECONDS)
        names = conflicts.stems(found)  # once for the listing: a thousand sessions stay quick
        return [e for e in found if not conflicts.named_copy(e.name, found, names)]

    def _unusable(self, file: Path) -> DataError:
        """The data folder cannot be used, because `file` (it, or a folder on its way) is a file:
        the same sentence as `trust.refuse_a_file_for_a_folder`."""
        return DataError("home_is_a_file", where=self.home, value=file)

    def save(self, session: Session) -> None:
        """Write a session atomically (0600), noting which answers this computer gave
        (`stamps.stamp_written`)."""
        self._ensure()
        stamp_written(session, self.seen.get(session.id), places.machine())
        atomic_write(self.path(session.id), dump(session))
        self.seen[session.id] = dict(session.answered_at)
        for hook in self.on_change:
            hook(session.id, session)

    def load(self, session_id: str) -> Session:
        """Read one session; a broken file is moved aside first.

        Raises:
            NoSessionError: there is no such session, or its file was broken and moved aside.
        """
        self._trust()
        if not self.settling and not self._listed:
            self._files()  # conflict copies of it (a sync tool's) are merged first
        path = self.path(session_id)
        try:
            raw = read_regular(path)
        except FileNotFoundError:
            raise NoSessionError("no_session_list", id=session_id) from None
        except (IsADirectoryError, NotAFile) as exc:
            # A folder named like a session (a sync tool's conflict, a mistaken mkdir), a FIFO or
            # a link to a device is not a session, and must not stop the others (nor hang them):
            # set aside and said, as a broken file is.
            moved = self._move_aside(session_id, unreadable(exc))
            raise BrokenSessionError(
                "moved_aside", id=moved.session_id, value=moved.reason, where=moved.backup
            ) from None
        except OSError as exc:
            raise DataError("file_unreadable", where=path, value=exc.strerror) from None
        checked = self.checked
        digest = checked.digest(raw) if checked is not None else ""
        known = checked is not None and checked.known(digest)
        try:
            session = parse(raw, checked=known)
            if session.id != session_id and conflicts.copy_of(session_id, session.id):
                # A sync tool's conflict copy: merged into its session (now, or once that is
                # free), never a session of its own.
                if not self.settling:
                    conflicts.settle_session(self, session.id, [path])
                raise NoSessionError("no_session_list", id=session_id)
            if session.id != session_id:
                # A copy (`cp A.json backup.json`): used as a session, it would change 'A' too
                # and show twice in `list`. Set aside, the original keeps working.
                raise ValueError(speech.say("broken_copy", id=session.id))
        except ValueError as exc:
            merged = conflicts.settle_markers(self, session_id, raw)  # git's conflict markers
            if merged is not None:
                return merged
            moved = self._move_aside(session_id, str(exc))
            raise BrokenSessionError(
                "moved_aside", id=moved.session_id, value=moved.reason, where=moved.backup
            ) from None
        if checked is not None and not known:
            checked.add(digest)
        self.seen[session_id] = dict(session.answered_at)
        return session

    def _move_aside(self, session_id: str, reason: str) -> Moved:
        moved = self.move_aside_file(self.path(session_id), session_id, reason)
        self.moved.append(moved)
        return moved

    def set_aside(self, path: Path, name: str, reason: str) -> Moved:
        """Move a file of the data folder that rebound cannot use to `broken/`, as
        `<name>.<stamp>.json` (left where it is if it cannot be moved); said by `describe`."""
        self._trust()
        return self.move_aside_file(path, name, reason)

    def move_aside_file(self, path: Path, name: str, reason: str) -> Moved:
        broken = self.home / BROKEN
        stamp = clock.now().strftime("%Y%m%dT%H%M%S%fZ")
        target = broken / f"{name}.{stamp}{SUFFIX}"
        try:
            broken.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.replace(path, target)
        except OSError:
            target = path  # could not move it: leave it exactly where it is
        return Moved(name, target, reason)

    def load_all(self) -> list[Session]:
        """Every readable session, newest first; broken files are moved aside (see `moved`).

        Each file is checked for a key held twice only when its bytes were not checked before
        on this computer (`rebound.storage.checked`: the check costs as much as the reading).
        """
        self._trust()
        self.checked = Checked(self.state / CHECKED)
        out = []
        try:
            for session_id in self.ids():
                try:
                    out.append(self.load(session_id))
                except NoSessionError:
                    continue
            self.checked.close(self.ensure_state)
        finally:
            self.checked = None
        return out

    def pick(self, wanted: str | None, unfinished: bool = False) -> Session | None:
        """The session asked for (an id, its start, or the company), or else the most recently
        saved one (unfinished if asked); None if there are none. See `lookup.pick`.

        Raises:
            UsageError: `wanted` is blank.
            NoSessionError: `wanted` fits no session or several, or its file was broken.
        """
        return which_session.pick(self, wanted, unfinished)

    def resolve(self, wanted: str) -> str:
        """A full session id from an id, a unique prefix of one, or a company's name (any case).

        Raises:
            UsageError: `wanted` is blank (a prefix of every id: a script's empty `$ID`).
            NoSessionError: nothing matches, or the prefix fits several sessions.
        """
        return which_session.resolve(self, wanted)

    def own_files(self, personal: bool = False) -> list[Path]:
        """rebound's own files in the data folder (see `OWN`) and in this computer's state
        folder for it (`MACHINE_OWN`), nothing else found there.

        Args:
            personal: only what the person typed, without temp files (what `data export` copies);
                else every file rebound made, temp files included (what `data wipe` deletes).
        """
        self._trust()
        found: list[Path] = []
        for base, owned in ((self.home, OWN), (self.state, MACHINE_OWN)):
            for own in owned:
                if personal and not own.personal:
                    continue
                folder = base / own.name if own.files else base
                if own.name == CACHE and someone_elses(folder):
                    continue  # another user's cache is not rebound's to wipe (`_trust`)
                patterns: tuple[str, ...] = own.files or (own.name,)
                if not personal:
                    patterns = (*patterns, *(f".{p}.*{TEMP_SUFFIX}" for p in patterns))
                found.extend(p for p in regular_files(folder) if matches(p.name, patterns))
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
            for session_id in [BRAG_LOCK, CONTACTS_LOCK, *self.ids_by_start()]:
                locks.enter_context(self.lock(session_id))
            for path in self.own_files():
                if path.parent != self.state / LOCKS:  # held just now; removed once released
                    remove(path)
        for path in self.own_files():
            remove(path)
        for base, owned in ((self.home, OWN), (self.state, MACHINE_OWN)):
            for own in owned:
                if own.files is not None:
                    with contextlib.suppress(OSError):  # not empty: the person's files are in it
                        (base / own.name).rmdir()
        for folder in (self.state, self.home):
            with contextlib.suppress(OSError):
                folder.rmdir()
        if not self.home.exists():
            return []
        return sorted(self.home.iterdir())

    @contextlib.contextmanager
    def lock(self, session_id: str, wait: float | None = None) -> Iterator[None]:
        """Hold the session's lock for the block; another process gets SessionBusyError at once.

        The brag list has its own lock, named `BRAG_LOCK`, which waits up to
        `BRAG_WAIT_SECONDS` for another rebound's save to end. `wait` (seconds) overrides both.
        Locks live in this computer's state folder: a lock never crosses computers. A lock this
        store holds already is held again at once (a merge inside a change, say).
        """
        import filelock

        if self._held.get(session_id):
            self._held[session_id] += 1
            try:
                yield
            finally:
                self._held[session_id] -= 1
            return
        self._ensure()
        self.ensure_state()
        if wait is None:
            wait = BRAG_WAIT_SECONDS if session_id == BRAG_LOCK else 0.0
        where = self.state / LOCKS / f"{session_id}.lock"
        lock = filelock.FileLock(str(where), timeout=wait, poll_interval=LOCK_POLL_SECONDS)
        try:
            lock.acquire()
        except filelock.Timeout:  # before OSError: Timeout is a TimeoutError, hence an OSError
            raise SessionBusyError("session_busy", id=session_id) from None
        except OSError as exc:
            raise disk_error(exc, where) from None
        self._held[session_id] = 1
        try:
            yield
        finally:
            self._held.pop(session_id, None)
            lock.release()

    def holds(self, name: str) -> bool:
        """Whether this store holds the lock `name` now."""
        return bool(self._held.get(name))


def describe(moved: Moved) -> str:
    """The one-paragraph message for a file that was moved aside."""
    return speech.say("moved_aside", id=moved.session_id, value=moved.reason, where=moved.backup)

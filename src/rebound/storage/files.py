"""Saving a file so that nothing is ever lost, and whose files can be trusted.

Every save is atomic: a temp file in the same folder, flushed and fsynced, `os.replace`d over the
old file, then the folder is fsynced. Files are readable by their owner only (0600). This module
imports nothing of rebound's but its names and errors, so that any module can save through it.
"""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rebound import clock
from rebound.errors import DataError, Phrase
from rebound.storage.paths import TEMP_SUFFIX


def private(st: os.stat_result) -> bool:
    """Whether a file or folder is this user's and no one else can write to it.

    Always true where the system has no owners to check (Windows).
    """
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def someone_elses(folder: Path) -> bool:
    """Whether `folder` is there and another user's (itself, or where it leads if a link)."""
    if not hasattr(os, "getuid"):  # Windows: no owners to check
        return False
    uid = os.getuid()
    found = False
    for look in (os.lstat, os.stat):
        with contextlib.suppress(OSError):  # not there, or a link to nothing: no one's
            found = found or look(folder).st_uid != uid
    return found


# The most rebound reads of any one file of its own: far more than years of sessions, and far less
# than memory. A larger file is not rebound's (a sparse copy, a link to a disk image).
MAX_READ_BYTES = 64 * 1024 * 1024


class NotAFile(OSError):
    """Something else stands where a file should be: a FIFO, a device (a link to /dev/zero), a
    socket. Never read: a FIFO with no writer waits forever, and /dev/zero never ends.

    `reason` is the key of the pack's words for it, `values` what fills them.
    """

    reason = "reason_not_a_file"

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(errno.EINVAL, self.reason, os.fspath(path))
        self.values: dict[str, object] = {}


class TooLarge(NotAFile):
    """A regular file larger than rebound reads (`MAX_READ_BYTES`, or the caller's limit)."""

    reason = "reason_too_large"

    def __init__(self, path: str | os.PathLike[str], size: int, limit: int) -> None:
        super().__init__(path)
        self.values = {"value": f"{size:,}", "count": max(1, limit // (1024 * 1024))}


def read_regular(path: str | os.PathLike[str], limit: int = MAX_READ_BYTES) -> bytes:
    """The bytes of a regular file (a link to one is followed), read without ever blocking.

    Opened with O_NONBLOCK, so that a FIFO in the file's place does not wait for a writer, then
    judged by `fstat` of what was opened: nothing but a regular file of at most `limit` bytes is
    read.

    Raises:
        FileNotFoundError: nothing is there (and the other OSErrors of `open`).
        IsADirectoryError: a folder is there.
        NotAFile: a FIFO, a device or a socket is there.
        TooLarge: the file holds more than `limit` bytes.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
        if not stat.S_ISREG(st.st_mode):
            raise NotAFile(path)
        if st.st_size > limit:
            raise TooLarge(path, st.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while it was read
                raise TooLarge(path, total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file.

    Raises:
        DataError: the folder cannot be written (full disk, permissions...); the old file is intact.
    """
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise disk_error(exc, path) from None
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
            raise disk_error(exc, path) from None
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename or removal in `folder` durable; quietly nothing where that is not possible."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def disk_error(exc: OSError, path: Path) -> DataError:
    """The message for a save to `path` that failed with `exc`."""
    # Said the same whether or not anything was saved before: the caller, who knows, adds what
    # to run next (flow promises `rebound continue` only once a session has a file).
    return DataError("save_failed", where=path.parent, value=why(exc))


def why(exc: OSError) -> object:
    """Why a write failed, in a few plain words ('the disk is full'): the phrase of the pack
    (worded with the sentence it fills in), else the system's own words."""
    if exc.errno == errno.ENOSPC:
        return Phrase("why_full", {})
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Phrase("why_not_allowed", {})
    if exc.errno == errno.ENAMETOOLONG:
        return Phrase("why_too_long", {})
    return exc.strerror or str(exc)


def listing(folder: Path, suffix: str, stale_seconds: float) -> list[os.DirEntry[str]]:
    """The entries of `folder` named `*suffix` (hidden ones aside), in one pass over the folder
    that also removes temp files left by a crash (older than `stale_seconds`, so that no live
    save owns them). A folder that is not there has none.

    Raises:
        NotADirectoryError: `folder` (or a folder above it) is a file: what it should hold is
            unreachable, not absent, so the caller says so (never "none yet").
        DataError: the folder cannot be read.
    """
    try:
        with os.scandir(folder) as found:
            entries = list(found)
    except FileNotFoundError:
        return []
    except NotADirectoryError:
        raise
    except OSError as exc:
        raise DataError("folder_unreadable", where=folder, value=exc.strerror or exc) from None
    cutoff = clock.seconds() - stale_seconds
    files = []
    for entry in entries:
        name = entry.name
        if not name.startswith("."):
            if name.endswith(suffix):
                files.append(entry)
        elif name.endswith(TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                if entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)
    return files


def regular_files(folder: Path) -> list[Path]:
    """The regular files directly in `folder` (never a link: it may point anywhere)."""
    try:
        with os.scandir(folder) as entries:
            return [Path(e.path) for e in entries if e.is_file(follow_symlinks=False)]
    except OSError:
        return []


def matches(name: str, patterns: tuple[str, ...]) -> bool:
    """Whether a file name fits one of the glob `patterns`."""
    # `*` matches a leading dot in fnmatch: only a pattern that starts with one may match one.
    return any(fnmatch.fnmatchcase(name, p) and (name[0] != ".") == (p[0] != ".") for p in patterns)


def remove(path: Path) -> None:
    """Delete a file that may already be gone.

    Raises:
        DataError: it is there and could not be deleted.
    """
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise DataError("delete_failed", where=path, value=exc.strerror or exc) from None


def data_home() -> Path:
    """The data folder: `REBOUND_HOME` if set, else the one `rebound data move` chose, else the
    platform's user data folder (`rebound.storage.places.where`).

    Raises:
        DataError: the file that remembers the chosen folder cannot be used.
    """
    return data_place()[0]


def data_place() -> tuple[Path, str]:
    """The data folder and why it is that one (`places.FROM_ENV`, `FROM_REMEMBERED`,
    `FROM_DEFAULT`).

    Raises:
        DataError: the file that remembers the chosen folder cannot be used: the data is
            somewhere rebound cannot tell, which is never the same as none.
    """
    from rebound.storage import places

    try:
        folder, why = places.where()
    except places.Unreadable as exc:
        raise DataError(
            "remembered_unreadable", where=places.remembered_file(), value=str(exc)
        ) from None
    return Path(folder), why


def content_cache() -> Path:
    """This computer's cache folder of validated content (`rebound.pack.packs.load`)."""
    from rebound.storage import places
    from rebound.storage.paths import CONTENT_CACHE

    return Path(places.cache_root()) / CONTENT_CACHE


@dataclass(frozen=True)
class Moved:
    """A session file that could not be read and was moved aside."""

    session_id: str
    backup: Path
    reason: str


def check_writable(folder: Path) -> None:
    """Make sure a file can be saved in `folder`, before anyone types one; nothing is left.

    Raises:
        DataError: the folder cannot be written (read-only, full, not a folder...).
    """
    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".probe.", suffix=TEMP_SUFFIX)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise DataError("cannot_save_here", where=folder, value=why(exc)) from None

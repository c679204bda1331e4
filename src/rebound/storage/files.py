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
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rebound import clock
from rebound.errors import DataError, Phrase
from rebound.storage.paths import TEMP_SUFFIX, XDG_PLATFORMS, xdg_folder


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
    """The data folder: `REBOUND_HOME` if set, else the platform's user data folder."""
    override = os.environ.get("REBOUND_HOME")
    if override:
        return Path(override).expanduser()
    if sys.platform.startswith(XDG_PLATFORMS):  # platformdirs would take a relative one as is
        return Path(xdg_folder("XDG_DATA_HOME", "~/.local/share")) / "rebound"
    import platformdirs

    return platformdirs.user_data_path("rebound", appauthor=False)


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

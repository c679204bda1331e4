"""Saving a file so that nothing is ever lost, and whose files can be trusted.

Every save is atomic: a temp file in the same folder, flushed and fsynced, `os.replace`d over the
old file, then the folder is fsynced. Files are readable by their owner only (0600). This module
imports nothing of rebound's but its names and errors, so that any module can save through it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from rebound.errors import DataError
from rebound.names import TEMP_SUFFIX


def private(st: os.stat_result) -> bool:
    """Whether a file or folder is this user's and no one else can write to it.

    Always true where the system has no owners to check (Windows).
    """
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


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
    return DataError(
        f"Could not save to {path.parent} because {why(exc)}. Everything saved before is "
        "unharmed; free some space or fix the folder, then try again."
    )


def why(exc: OSError) -> str:
    """Why a write failed, in a few plain words ('the disk is full')."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "rebound is not allowed to write there"
    if exc.errno == errno.ENAMETOOLONG:
        return "the name is too long"
    return exc.strerror or str(exc)

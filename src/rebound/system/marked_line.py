"""One marked line in a file that is the person's (a shell's start-up file, a crontab), added or
removed as bytes, with every other byte kept.

The file is never decoded as a whole: it is split at its `\\n` bytes only, so a Latin-1 line, a
`\\r` before a line's end, trailing spaces and a missing final newline all come back as they
were. A UTF-16 file (PowerShell's own editors write them) is the one exception: it is decoded
and encoded again whole, which gives back the same bytes. rebound's line takes the ending the
file already uses (CRLF or LF); added to a file without a final newline it goes after a new line
ending and gets none of its own, so that removing it (with the line ending before it) gives
back the file byte for byte.

Where the file is a symbolic link (a dotfile manager's), the link is followed to its file, which
is replaced atomically beside itself; a loop of links is refused. A read-only file (no write
permission for its owner, or none for this user) is never replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from rebound.storage.files import read_regular

MAX_LINKS = 40  # as the kernel's own limit (ELOOP)
_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


class LinkLoop(OSError):
    """The file is a symbolic link that leads back to itself (or through too many links)."""


class ReadOnly(OSError):
    """The file may not be written: its mode says so, or this user may not."""


def target(path: Path) -> Path:
    """The file that `path` names once its links are followed (it may not exist yet).

    Raises:
        LinkLoop: the links go round, or on for more than MAX_LINKS steps.
    """
    current = Path(os.path.abspath(path))
    seen: set[Path] = set()
    for _ in range(MAX_LINKS):
        if not current.is_symlink():
            return current
        if current in seen:
            break
        seen.add(current)
        link = Path(os.readlink(current))
        try:
            folder = current.parent.resolve()
        except (OSError, RuntimeError):  # a loop among the folders (RuntimeError before 3.13)
            break
        current = link if link.is_absolute() else folder / link
    raise LinkLoop(f"{path}: a loop of symbolic links")


def read(path: Path) -> bytes:
    """The file's bytes (none when it does not exist yet)."""
    try:
        return read_regular(path)
    except FileNotFoundError:
        return b""


def _lines(data: bytes) -> list[tuple[bytes, bytes]]:
    """(content, ending) of each line; the ending is b"\\r\\n", b"\\n" or, last, b""."""
    pieces = data.split(b"\n")
    lines = []
    for piece in pieces[:-1]:
        if piece.endswith(b"\r"):
            lines.append((piece[:-1], b"\r\n"))
        else:
            lines.append((piece, b"\n"))
    if pieces[-1]:
        lines.append((pieces[-1], b""))
    return lines


def _ending(lines: list[tuple[bytes, bytes]]) -> bytes:
    """The file's own line ending: its first line's (LF for a file of one unfinished line)."""
    return next((end for _, end in lines if end), b"\n")


def _decoded(data: bytes) -> tuple[bytes, str | None]:
    """The bytes to edit, and the UTF-16 encoding they came in (None: edited as they are)."""
    encoding = _BOMS.get(data[:2])
    if encoding is None:
        return data, None
    text = data[2:].decode(encoding)  # strict: a broken UTF-16 file is refused, never changed
    return text.encode("utf-8", "surrogatepass"), encoding


def _encoded(data: bytes, encoding: str | None) -> bytes:
    if encoding is None:
        return data
    bom = next(b for b, e in _BOMS.items() if e == encoding)
    return bom + data.decode("utf-8", "surrogatepass").encode(encoding)


def with_line(data: bytes, line: str, ours: Callable[[bytes], bool]) -> bytes | None:
    """`data` with `line` in it once: an earlier line of ours is replaced where it is (others
    of ours removed), else `line` is added at the end. None when it is there already.

    Raises:
        UnicodeError: a UTF-16 file that does not decode (it is left alone).
    """
    edited, encoding = _decoded(data)
    lines = _lines(edited)
    wanted = line.encode("utf-8", "surrogateescape")
    found = [n for n, (content, _) in enumerate(lines) if ours(content)]
    if [lines[n][0] for n in found] == [wanted]:
        return None
    if found:
        first = found[0]
        lines[first] = (wanted, lines[first][1])
        kept = _without(lines, set(found[1:]))
    elif not lines or lines[-1][1]:
        kept = [*lines, (wanted, _ending(lines))]
    else:  # no final newline: end the last line, and leave ours unfinished in its place
        kept = [*lines[:-1], (lines[-1][0], _ending(lines)), (wanted, b"")]
    return _encoded(b"".join(c + e for c, e in kept), encoding)


def _without(lines: list[tuple[bytes, bytes]], drop: set[int]) -> list[tuple[bytes, bytes]]:
    """`lines` less those numbered in `drop`: a dropped last line without an ending takes the
    ending of the line before it along, as `with_line` added it."""
    kept: list[tuple[bytes, bytes]] = []
    for n, (content, end) in enumerate(lines):
        if n not in drop:
            kept.append((content, end))
        elif not end and kept:
            kept[-1] = (kept[-1][0], b"")
    return kept


def without_lines(data: bytes, ours: Callable[[bytes], bool]) -> tuple[bytes, list[bytes]]:
    """`data` without the lines that are ours, and those lines.

    Raises:
        UnicodeError: a UTF-16 file that does not decode (it is left alone).
    """
    edited, encoding = _decoded(data)
    lines = _lines(edited)
    found = {n for n, (content, _) in enumerate(lines) if ours(content)}
    if not found:
        return data, []
    removed = [lines[n][0] for n in sorted(found)]
    kept = _without(lines, found)
    return _encoded(b"".join(c + e for c, e in kept), encoding), removed


def check_writable(path: Path) -> None:
    """Refuse a file that may not be written (one that does not exist yet may be made).

    Raises:
        ReadOnly: the owner's write bit is off, or this user may not write it.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise ReadOnly(f"{path}: read-only")


def write(path: Path, data: bytes, new_mode: int = 0o644) -> None:
    """Replace the file's bytes atomically, keeping its mode (and owner, where allowed).

    A temporary file beside it, flushed to disk, renamed over it: an interruption leaves the
    old file or the new one, never half of one. A new file gets `new_mode`.

    Raises:
        ReadOnly: the file may not be written (see `check_writable`).
        OSError: the folder could not be written.
    """
    check_writable(path)
    try:
        before: os.stat_result | None = path.stat()
    except FileNotFoundError:
        before = None
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, stat.S_IMODE(before.st_mode) if before else new_mode)
        if before is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only root may give a file to someone else
                os.chown(tmp, before.st_uid, before.st_gid)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if os.name == "posix":
        with contextlib.suppress(OSError):
            folder = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)

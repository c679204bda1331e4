"""Conflict copies that sync tools make, found and merged: a session, the brag list or the contact
log saved on two computers at once comes back as one file holding everything typed on both.

A sync tool that meets two versions of one file keeps one under the file's name and the other
under a name of its own: Syncthing `name.sync-conflict-20261207-101010-ABCDEF7.json`, Dropbox
`name (conflicted copy 2026-12-07).json` or `name (Ada's conflicted copy 2026-12-07).json`,
Nextcloud `name (conflicted copy 2026-12-07 101010).json`, OneDrive `name-LAPTOP.json` or
`name-LAPTOP-2.json`, iCloud Drive `name 2.json`. git writes both into the file itself, between
conflict markers, or, when each computer added the same new entry at another place, merges them
"cleanly" into JSON that holds that entry's key twice (`rebound.storage.twice`: the file is
split into its two versions). Such a copy is merged into its file (`rebound.storage.merging`,
`rebound.storage.merging_shared`), the result saved atomically, and the copy kept in `merged/`,
never deleted; one line says what was merged. A session's copy is only a copy when the session it
holds is the one its name says (a file named like a copy holding another session is set aside,
as any file in the wrong place is).

The merge is made under the file's lock; one open in another rebound on this computer is merged
the next time. A kill at any moment leaves the copy or its merge, never neither: the merged file is
saved before the copy is moved, and merging a copy twice changes nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Collection, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol, TypeVar

from rebound import clock
from rebound.errors import NoSessionError, SessionBusyError
from rebound.sentences import speech
from rebound.storage.files import Moved, atomic_write, fsync_dir, read_regular
from rebound.storage.merging import Report, merge_sessions
from rebound.storage.migrations import NewerFile, Shared, dump, parse
from rebound.storage.paths import BRAG_LOCK, CONTACTS_LOCK, MERGED, SUFFIX
from rebound.storage.records import BragList, ContactLog, Session
from rebound.storage.twice import Twice, check

Model = TypeVar("Model", Session, BragList, ContactLog)
GIT = "git-conflict"  # the two versions are between git's conflict markers
TWICE = "twice"  # the two versions are in JSON that holds a key twice

_CONFLICTED = r"\((?:[^()]+['\u2019]s )?conflicted copy(?: [^()]*?)? \d{4}-\d{2}-\d{2}(?: \d{6})?"
NAMED = {
    "Syncthing": re.compile(r"^(?P<base>.+)\.sync-conflict-\d{8}-\d{6}-[A-Za-z0-9]{7}$"),
    "Dropbox or Nextcloud": re.compile(
        rf"^(?P<base>.+?) {_CONFLICTED}(?: \(\d+\))?\)$", re.IGNORECASE
    ),
    "iCloud Drive": re.compile(r"^(?P<base>\S+) (?P<number>\d{1,3})$"),
}
# OneDrive adds the computer's name (and a number when it has to): told from a session whose id
# just goes on with a dash only by what the file holds.
_ONEDRIVE_TAIL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_MARKERS = (b"<<<<<<<", b"|||||||", b"=======", b">>>>>>>")


class Keeper(Protocol):
    """What merging needs of the store (`rebound.storage.store.Store`)."""

    home: Path
    sessions: Path
    moved: list[Moved]
    settling: bool
    seen: dict[str, dict[str, Any]]

    def lock(self, name: str, wait: float | None = None) -> AbstractContextManager[None]: ...

    def load(self, session_id: str) -> Session: ...

    def save(self, session: Session) -> None: ...

    def path(self, session_id: str) -> Path: ...

    def move_aside_file(self, path: Path, name: str, reason: str) -> Moved: ...


# --- names ----------------------------------------------------------------------------------


def copy_of(stem: str, base: str) -> bool:
    """Whether a file named `stem` (without `.json`) is a sync tool's conflict copy of `base`."""
    if stem == base:
        return False
    for pattern in NAMED.values():
        found = pattern.match(stem)
        if found is not None:
            return found.group("base") == base
    tail = stem[len(base) + 1 :] if stem.startswith(base + "-") else ""
    return bool(_ONEDRIVE_TAIL.match(tail)) and any(c.isalpha() for c in tail)


def maybe_copy(stem: str, names: Collection[str]) -> bool:
    """Whether `stem` may be a conflict copy of one of `names`, by its name alone (a OneDrive
    name only beside the file it copies); what it holds decides (`copy_of`)."""
    if any(pattern.match(stem) for pattern in NAMED.values()):
        return True
    return any(
        copy_of(stem, stem[:n]) for n, c in enumerate(stem) if c == "-" and stem[:n] in names
    )


def _inner_id(path: Path) -> str | None:
    """The session id a file holds, or None when it can't be read as one."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        found = json.loads(read_regular(path)).get("id")
        return found if isinstance(found, str) else None
    return None


def stems(entries: Collection[os.DirEntry[str]]) -> set[str]:
    """The session ids the files of a listing are named for (what `named_copy` compares with)."""
    return {e.name[: -len(SUFFIX)] for e in entries}


def named_copy(name: str, entries: Collection[os.DirEntry[str]], names: Collection[str]) -> bool:
    """Whether the session file `name` is a conflict copy of another session (one not merged yet:
    its session is open in another rebound). Listing leaves it out: a copy is not a session.
    `names`: the listing's `stems`, made once for the whole listing."""
    stem = name[: -len(SUFFIX)]
    if not maybe_copy(stem, names):
        return False
    inner = _inner_id(Path(next(e.path for e in entries if e.name == name)))
    return inner is not None and copy_of(stem, inner)


def git_sides(raw: bytes) -> tuple[bytes, bytes] | None:
    """The two versions in a file with git's conflict markers (each with the lines both share),
    or None when it has none, or they are not in order."""
    if _MARKERS[0] not in raw:
        return None
    ours: list[bytes] = []
    theirs: list[bytes] = []
    state = ""
    for line in raw.splitlines(keepends=True):
        marker = next((m for m in _MARKERS if line.startswith(m)), None)
        expected = {b"<<<<<<<": ("",), b"|||||||": ("ours",), b"=======": ("ours", "base")}
        if marker is not None and state in expected.get(marker, ("theirs",)):
            state = {b"<<<<<<<": "ours", b"|||||||": "base", b"=======": "theirs"}.get(marker, "")
            continue
        if marker is not None:
            return None
        if state in ("", "ours"):
            ours.append(line)
        if state in ("", "theirs"):
            theirs.append(line)
    return (b"".join(ours), b"".join(theirs)) if not state else None


def versions(raw: bytes) -> tuple[bytes, bytes, str] | None:
    """The two versions in one file, and how they were found there (`GIT`: between git's
    conflict markers; `TWICE`: in JSON that holds a key twice), or None when it holds one."""
    sides = git_sides(raw)
    if sides is not None:
        return sides[0], sides[1], GIT
    try:
        check(raw)
    except Twice as found:
        return found.first, found.last, TWICE
    except ValueError:
        return None  # a key held twice that cannot be merged: set aside by whoever reads it
    return None


Merge = Callable[[Model, Model], tuple[Model, Report]]


def whole(read: Callable[[bytes], Model], merge: Merge[Model], raw: bytes) -> tuple[Model, Report]:
    """The model in `raw`, and what merging it brought: a file whose JSON holds a key twice
    (a side of git's markers can too) is both its versions, merged.

    Raises:
        ValueError: `raw` cannot be read (as `read` raises it), or its versions are two
            sessions (an id twice): no merge has a rule for that.
    """
    try:
        return read(raw), Report()
    except Twice as found:
        first, last = read(found.first), read(found.last)
        if getattr(first, "id", None) != getattr(last, "id", None):
            raise ValueError(str(found)) from None
        return merge(first, last)


# --- keeping the copies ----------------------------------------------------------------------


def keep(store: Keeper, copy: Path) -> None:
    """Move a merged copy into `merged/` under its own name (a stamp added when taken).

    One that can't be moved (gone already: another rebound took it; or `merged/` can't be
    written) stays where it is: it is merged, and merging it again changes nothing.
    """
    folder = store.home / MERGED
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = folder / copy.name
        if target.exists():
            stamp = clock.now().strftime("%Y%m%dT%H%M%S%fZ")
            target = folder / f"{copy.name[: -len(SUFFIX)]}.{stamp}{SUFFIX}"
        os.replace(copy, target)
        fsync_dir(copy.parent)
        fsync_dir(folder)


def keep_bytes(store: Keeper, name: str, raw: bytes, how: str = GIT) -> Path:
    """Keep the bytes of a file that held two versions (git's conflict markers, or a key held
    twice: `how`) in `merged/` before it is replaced."""
    folder = store.home / MERGED
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{name}.{how}.{stamp}{SUFFIX}"
    atomic_write(target, raw)
    return target


def say(
    what: str, copies: int, report: Report, store: Keeper, session_id: str = "", *, how: str = GIT
) -> None:
    """The one line that says what was merged (on stderr, like every note about files): conflict
    copies, or the two versions one file held (`how`: `TWICE`, a key held twice)."""
    where = store.home / MERGED
    if how == TWICE:
        said = speech.say("merged_twice", title=what, where=where)
    else:
        said = speech.say_count("merged_copies", copies, title=what, where=where)
    if report.both:
        both = "merged_both" if session_id else "merged_both_kept"
        said += " " + speech.say_count(both, report.both, id=session_id)
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"rebound: {said}\n")


@contextlib.contextmanager
def _settling(store: Keeper, name: str) -> Iterator[bool]:
    """Hold `name`'s lock (no waiting) while merging; False when another rebound holds it."""
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(store.lock(name, wait=0.0))
        except SessionBusyError:
            yield False
            return
        was, store.settling = store.settling, True
        try:
            yield True
        finally:
            store.settling = was


# --- sessions -------------------------------------------------------------------------------


def settle_sessions(store: Keeper, entries: Collection[os.DirEntry[str]]) -> bool:
    """Merge every conflict copy among the session files `entries` into its session; whether
    anything was merged (the folder is then listed again)."""
    names = {e.name[: -len(SUFFIX)] for e in entries}
    groups: dict[str, list[Path]] = {}
    for entry in entries:
        stem = entry.name[: -len(SUFFIX)]
        if maybe_copy(stem, names):
            inner = _inner_id(Path(entry.path))
            if inner is not None and copy_of(stem, inner):
                groups.setdefault(inner, []).append(Path(entry.path))
    merged = False
    for session_id, copies in groups.items():
        merged = settle_session(store, session_id, sorted(copies)) or merged
    return merged


def settle_session(store: Keeper, session_id: str, copies: list[Path]) -> bool:
    """Merge `copies` into the session `session_id` (made from them when it is not there)."""
    with _settling(store, session_id) as mine:
        if not mine:
            return False
        try:
            result: Session | None = store.load(session_id)
        except NoSessionError:  # not there (deleted on one computer), or broken: set aside
            result = None
        report, used = Report(), []
        for copy in copies:
            try:
                version, inside = whole(parse, merge_sessions, read_regular(copy))
            except OSError:
                continue
            except ValueError as exc:
                store.moved.append(store.move_aside_file(copy, session_id, str(exc)))
                continue
            report.both += inside.both
            if result is None:
                result, report.changes = version, report.changes + 1
            else:
                result, found = merge_sessions(result, version)
                report.changes += found.changes
                report.both += found.both
            used.append(copy)
        if result is None or not used:
            return False
        store.seen[session_id] = dict(result.answered_at)  # its marks are the merged ones
        store.save(result)
        for copy in used:
            keep(store, copy)
    say(speech.say("merged_what_session", id=session_id), len(used), report, store, session_id)
    return True


def settle_markers(store: Keeper, session_id: str, raw: bytes) -> Session | None:
    """A session file that holds two versions (git's conflict markers, or a key held twice),
    merged (and saved, when its lock is free); None when it holds one, or a version is not
    that session."""
    found = versions(raw)
    if found is None:
        return None
    first, second, how = found
    try:
        ours, a = whole(parse, merge_sessions, first)
        theirs, b = whole(parse, merge_sessions, second)
    except ValueError:
        return None
    if ours.id != session_id or theirs.id != session_id:
        return None
    result, report = merge_sessions(ours, theirs)
    report.both += a.both + b.both
    with _settling(store, session_id) as mine:
        if mine:
            keep_bytes(store, session_id, raw, how)
            store.seen[session_id] = dict(result.answered_at)
            store.save(result)
            what = speech.say("merged_what_session", id=session_id)
            say(what, 1, report, store, session_id, how=how)
    return result


# --- the brag list and the contact log --------------------------------------------------------


def _shared(path: Path) -> tuple[str, str, Callable[[Any, Any], tuple[Any, Report]]]:
    """(the lock, how the file is named in a sentence, the merge) of a shared file."""
    from rebound.storage.merging_shared import merge_brag, merge_contacts

    if path.name.startswith("brag"):
        return BRAG_LOCK, "merged_what_brag", merge_brag
    return CONTACTS_LOCK, "merged_what_contacts", merge_contacts


def settle_shared(store: Keeper, path: Path, read: Callable[[bytes], Shared]) -> None:
    """Merge the conflict copies of a shared file (`brag.json`, `contacts.json`) into it;
    `read` makes its model from bytes (`migrations.parse_shared`)."""
    stem = path.name[: -len(SUFFIX)]
    try:
        with os.scandir(path.parent) as found:
            copies = sorted(
                Path(e.path)
                for e in found
                if e.name.endswith(SUFFIX) and copy_of(e.name[: -len(SUFFIX)], stem)
            )
    except OSError:
        return
    if not copies:
        return
    lock, what, merge = _shared(path)
    with _settling(store, lock) as mine:
        if not mine:
            return
        try:
            result: BragList | ContactLog = read(read_regular(path) if path.exists() else b"")
        except (OSError, ValueError):
            return  # broken, newer, or two versions in one: reading it says so, copies wait
        report, used = Report(), []
        for copy in copies:
            try:
                version, inside = whole(read, merge, read_regular(copy))
            except (OSError, NewerFile):
                continue
            except ValueError as exc:
                store.moved.append(store.move_aside_file(copy, stem, str(exc)))
                continue
            report.both += inside.both
            result, brought = merge(result, version)
            report.changes += brought.changes
            report.both += brought.both
            used.append(copy)
        if not used:
            return
        atomic_write(path, dump(result))
        for copy in used:
            keep(store, copy)
    say(speech.say(what), len(used), report, store)


def settle_shared_markers(
    store: Keeper, path: Path, raw: bytes, read: Callable[[bytes], Shared]
) -> Shared | None:
    """A shared file that holds two versions (git's conflict markers, or a key held twice),
    merged (and saved, when its lock is free); None when it holds one, or a version cannot be
    read."""
    found = versions(raw)
    if found is None:
        return None
    first, second, how = found
    lock, what, merge = _shared(path)
    try:
        ours, a = whole(read, merge, first)
        theirs, b = whole(read, merge, second)
    except ValueError:
        return None
    result, report = merge(ours, theirs)
    report.both += a.both + b.both
    with _settling(store, lock) as mine:
        if mine:
            keep_bytes(store, path.name[: -len(SUFFIX)], raw, how)
            atomic_write(path, dump(result))
            say(speech.say(what), 1, report, store, how=how)
    return result  # type: ignore[no-any-return]

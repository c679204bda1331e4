"""Moving the data folder somewhere else (`rebound data move DIR`), so that a kill at any moment
leaves the old place or the new one whole, never half of each.

1. Every file of the person's is copied to the new place (atomically, one by one); the old place
   is only read, and stays the one in use. A file the new place already has with other contents
   (a synced folder another computer filled) is kept beside it as a conflict copy, which rebound
   merges (`rebound.storage.conflicts`). This computer's own files for the folder (wins waiting
   to be saved, what was announced today) go to its state folder for the new place.
2. The new place is remembered in the config folder, in one atomic write: from then on it is the
   one in use, and it is whole.
3. The old files are removed, each only if it is still exactly what was copied; the old folder
   goes too when nothing else is left in it.

A small journal in this computer's state folder (`places.MOVING`) says where a move was going:
running the same move again after a kill finishes it (copies again what is missing, or removes
what is left).
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from rebound import clock
from rebound.errors import DataError, UsageError
from rebound.storage import places
from rebound.storage.files import atomic_write, fsync_dir, matches, read_regular, regular_files
from rebound.storage.paths import (
    BRAG_FILE,
    BRAG_LOCK,
    BROKEN,
    CACHE,
    CALENDAR_STATE,
    CONTACTS_FILE,
    CONTACTS_LOCK,
    DUE_INDEX,
    LOCKS,
    MACHINE_OWN,
    MERGED,
    OWN,
    PENDING,
    REMINDED,
    SESSIONS,
    TEMP_SUFFIX,
)
from rebound.storage.store import Store
from rebound.storage.trust import secure

CARRIED = (SESSIONS, BROKEN, MERGED, BRAG_FILE, CONTACTS_FILE, CALENDAR_STATE)  # to the new place
DERIVED = (CACHE, LOCKS, DUE_INDEX, REMINDED)  # left by an older rebound: made again, not moved
MACHINE_CARRIED = (PENDING, REMINDED)  # this computer's, for the new place


@dataclass
class Report:
    """What a move did."""

    source: Path
    target: Path
    copied: int = 0
    both: list[Path] = field(default_factory=list)  # in both places, differing: kept side by side
    left: list[Path] = field(default_factory=list)  # changed meanwhile: left in the old place
    nothing: bool = False  # there was no old folder: the new place is only remembered


def journal_file() -> Path:
    """Where an unfinished move is written down."""
    return Path(places.state_root()) / places.MOVING


def unfinished() -> dict[str, object] | None:
    """The move that did not finish ({'from', 'to', 'switched'}), or None."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        data = json.loads(read_regular(journal_file()))
        if isinstance(data.get("from"), str) and isinstance(data.get("to"), str):
            return dict(data)
    return None


def _write_journal(source: Path, target: Path, switched: bool) -> None:
    folder = journal_file().parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    record = {"from": str(source), "to": str(target), "switched": switched}
    atomic_write(journal_file(), json.dumps(record).encode("utf-8") + b"\n")


def _files(base: Path, names: tuple[str, ...], owned: tuple[object, ...] = OWN) -> list[Path]:
    """rebound's own files named in `names` under `base` (temp files aside)."""
    found: list[Path] = []
    for own in owned:
        name = getattr(own, "name", "")
        patterns = getattr(own, "files", None)
        if name not in names:
            continue
        folder = base / name if patterns else base
        wanted: tuple[str, ...] = patterns or (name,)
        found += [p for p in regular_files(folder) if matches(p.name, wanted)]
    return sorted(found)


def _same(path: Path, data: bytes) -> bool:
    try:
        return read_regular(path) == data
    except OSError:
        return False


def _beside(dest: Path, data: bytes) -> Path | None:
    """Where a file the new place has already, with other contents, is kept beside it: a
    conflict copy's name, which rebound merges; None when that copy is there already."""
    machine = "".join(c for c in places.machine() if c not in "()/\\'\u2019") or "this computer"
    day = clock.now().strftime("%Y-%m-%d")
    stem, suffix = dest.name[: -len(dest.suffix)] if dest.suffix else dest.name, dest.suffix
    for n in range(1, 1000):
        number = f" ({n})" if n > 1 else ""
        candidate = dest.with_name(f"{stem} ({machine}'s conflicted copy {day}{number}){suffix}")
        if _same(candidate, data):
            return None
        if not candidate.exists():
            return candidate
    raise DataError("move_failed", where=dest, value=dest.name)


def _copy(path: Path, dest: Path, report: Report) -> None:
    """Copy one file to the new place, atomically; one there already is kept."""
    data = read_regular(path)
    if _same(dest, data):
        return
    if dest.exists():
        beside = _beside(dest, data)
        if beside is None:
            return
        report.both.append(beside)
        dest = beside
    dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    atomic_write(dest, data)
    report.copied += 1


def _copied(path: Path, dest: Path) -> bool:
    """Whether the old file is still exactly what the new place holds (under its name, or as
    a copy kept beside it)."""
    try:
        data = read_regular(path)
    except OSError:
        return False
    if _same(dest, data):
        return True
    prefix = dest.name[: -len(dest.suffix)] if dest.suffix else dest.name
    return any(
        p.name.startswith(prefix + " (") and _same(p, data) for p in regular_files(dest.parent)
    )


def _remember(target: Path) -> None:
    """Make `target` the data folder from now on (one atomic write; none for the default)."""
    file = Path(places.remembered_file())
    if target == Path(places.default_data()):
        with contextlib.suppress(FileNotFoundError):
            file.unlink()
            fsync_dir(file.parent)
        return
    file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    record = {"data_folder": str(target)}
    atomic_write(file, json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _tidy(folder: Path, names: tuple[str, ...]) -> None:
    """Remove rebound's folders that are now empty, and `folder` too if it is."""
    for name in names:
        for temp in regular_files(folder / name):
            if temp.name.startswith(".") and temp.name.endswith(TEMP_SUFFIX):
                _remove(temp)
        with contextlib.suppress(OSError):
            (folder / name).rmdir()
    with contextlib.suppress(OSError):
        folder.rmdir()


def _machine_pairs(source: Path, old_state: Path, new_state: Path) -> list[tuple[Path, Path]]:
    """This computer's files to carry: from its state folder for the old place, and wins an
    older rebound left waiting in the old place itself."""
    pairs = [
        (p, new_state / p.relative_to(old_state))
        for p in _files(old_state, MACHINE_CARRIED, MACHINE_OWN)
    ]
    pairs += [(p, new_state / PENDING / p.name) for p in _files(source, (PENDING,))]
    return pairs


def finish(source: Path, target: Path, report: Report) -> None:
    """After the switch: remove from the old place what the new one holds, and tidy up."""
    old_state = Path(places.state_for(str(source)))
    new_state = Path(places.state_for(str(target)))
    for path in _files(source, CARRIED):
        if _copied(path, target / path.relative_to(source)):
            _remove(path)
        else:
            report.left.append(path)
    for path, dest in _machine_pairs(source, old_state, new_state):
        if _copied(path, dest):
            _remove(path)
    for path in _files(source, DERIVED):
        _remove(path)  # made again where they belong
    for path in _files(old_state, (DUE_INDEX, LOCKS), MACHINE_OWN):
        _remove(path)
    _tidy(source, (*CARRIED, *DERIVED, PENDING))
    _tidy(old_state, (LOCKS, PENDING))
    _remove(journal_file())


def check(source: Path, target: Path) -> None:
    """Refuse a move that can't be made: into itself, into a file, below or above itself.

    Raises:
        UsageError: what is wrong, in one sentence.
    """
    real_source, real_target = Path(os.path.realpath(source)), Path(os.path.realpath(target))
    if real_target.exists() and not real_target.is_dir():
        raise UsageError("move_not_folder", where=target)
    if real_source in real_target.parents or real_target in real_source.parents:
        raise UsageError("move_inside", where=target, value=source)


def move(store: Store, target: Path) -> Report:
    """Move the data folder of `store` to `target` and remember it (see the module's steps).

    Raises:
        UsageError: the target can't be used (`check`).
        SessionBusyError: a session, the brag list or the contact log is open in another rebound.
        DataError: a file could not be copied or written (the old place is still the one used).
    """
    source = store.home
    report = Report(source, target)
    check(source, target)
    if not source.exists():  # nothing there (yet): the new place is only remembered
        report.nothing = True
        target.mkdir(mode=0o700, parents=True, exist_ok=True)
        _remember(target)
        return report
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    secure((target,), lambda folder: None)
    new_state = Path(places.state_for(str(target)))
    _write_journal(source, target, switched=False)
    with contextlib.ExitStack() as locks:
        # Nothing changes in the old place while it is copied: every session's lock, and the
        # shared files' (another rebound's session open here: said, and nothing moved).
        for name in [BRAG_LOCK, CONTACTS_LOCK, *store.ids_by_start()]:
            locks.enter_context(store.lock(name))
        for path in _files(source, CARRIED):
            _copy(path, target / path.relative_to(source), report)
        for path, dest in _machine_pairs(source, store.state, new_state):
            _copy(path, dest, Report(source, target))  # this computer's: not counted
        _remember(target)
        _write_journal(source, target, switched=True)
    finish(source, target, report)
    return report

"""The due index: what is due, in a small JSON file that `rebound nudge` reads in an instant.

`rebound nudge` runs in every new terminal (a line in the shell's start-up file), so it must cost
hardly more than the interpreter's own start-up: it cannot load the content, pydantic or Rich.
Instead every save of a session rewrites `due.json` in this computer's state folder for the data
folder (`rebound.storage.places.state_for`: never in the data folder, which may be synced), which
holds, per session, its open dated items (id, due day, label), and the sentences the nudge says,
already in the pack's language.

The index says when it was written by the sessions folder's modification time (one `stat`). A
save (`os.replace`), a new file, a deletion or a file moved aside changes that time, so an index
that does not match it is stale. A missing, stale or broken index means silence: the nudge is a
courtesy, never an error and never a delay. `rebound todo` rebuilds it.

The reading half (`nudge`, `line`, `read`) imports nothing but the standard library's `os`,
`json`, `stat` and `time`, not even `typing`, and `rebound.storage.places`, which finds the
folders the same way (tests/test_import_graph.py checks it). It reads `due.json` only if it is a
regular file of this user's, opened without blocking: a FIFO or a link to /dev/zero in its place
must never hang a new terminal. The writing half
imports the rest of rebound inside its functions: it runs in a command that has them loaded.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat  # already loaded by `os`: free
import sys

from rebound import clock
from rebound.storage import places

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy knows the name)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from rebound.pack.models import Content
    from rebound.storage.records import Session
    from rebound.storage.store import Store

INDEX = "due.json"
CONTACTS = "contacts.json"  # the touch log (names.CONTACTS_FILE): who is due to hear again
LOCK = "due-index"
VERSION = 1
LOCK_SECONDS = 2.0
# The longest line the nudge prints: its sentences come from the index, which is a file like any
# other; a hand-edited 5 MB sentence must not fill every new terminal.
MAX_SAID = 200
# The largest index the nudge reads: thousands of sessions' items fit in a fraction of it.
MAX_INDEX_BYTES = 8 * 1024 * 1024
# The `ui` sentences the nudge says; `{{count}}` and `{{value}}` are filled in by `line`.
SAY = {
    "today": "nudge_today",
    "today_one": "nudge_today_one",
    "overdue": "nudge_overdue",
    "overdue_one": "nudge_overdue_one",
    "also_overdue": "nudge_also_overdue",
    "also_overdue_one": "nudge_also_overdue_one",
    "line": "nudge_line",
}


# --- reading: the standard library only -----------------------------------------------------


def home() -> str:
    """The data folder, as `rebound.storage.files.data_home` finds it (`REBOUND_HOME`, the
    folder `rebound data move` chose, else the platform's), without importing platformdirs
    where its answer is simple: with tempfile and shutil, it would cost the nudge a third of
    its time budget.

    Raises:
        ValueError: the file that remembers the chosen folder cannot be used.
    """
    return places.where()[0]


def index_file(data: str) -> str:
    """Where the index of the data folder `data` is: this computer's state folder for it."""
    return os.path.join(places.state_for(data), INDEX)


def folder_mark(data: str) -> int | None:
    """The sessions folder's modification time (ns): what a fresh index records. None if absent."""
    try:
        return os.stat(os.path.join(data, "sessions")).st_mtime_ns
    except OSError:
        return None


def contacts_mark(data: str) -> int | None:
    """The touch log's modification time (ns), or None when there is none."""
    try:
        return os.stat(os.path.join(data, CONTACTS)).st_mtime_ns
    except OSError:
        return None


def _yours(st: os.stat_result) -> bool:
    """Whether a file is this user's and no one else could have written it (as
    `rebound.storage.files.private` judges, without importing it): what the nudge prints in
    every new terminal must be what rebound wrote for this person."""
    if not hasattr(os, "getuid"):  # Windows: no owners or modes to check
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _read_index(path: str) -> bytes | None:
    """The index's bytes; None unless it is a regular file, this user's alone (`_yours`), of at
    most `MAX_INDEX_BYTES`. Opened with O_NONBLOCK and judged by `fstat` of what was opened (as
    `rebound.storage.files.read_regular` reads, without importing it)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_INDEX_BYTES or not _yours(st):
            return None
        chunks = []
        total = 0
        while chunk := os.read(fd, MAX_INDEX_BYTES + 1 - total):
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_INDEX_BYTES:
                return None
        return b"".join(chunks)
    finally:
        os.close(fd)


def read(data: str, fresh: bool = True) -> dict[str, Any] | None:
    """The index of the data folder `data`; None when missing, broken, not this user's alone
    (see `_yours`), or stale (if `fresh`)."""
    try:
        raw = _read_index(index_file(data))
        index = json.loads(raw) if raw is not None else None
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(index, dict) or index.get("version") != VERSION:
        return None
    if not isinstance(index.get("sessions"), dict) or not isinstance(index.get("say"), dict):
        return None
    if fresh and (index.get("mark") is None or index.get("mark") != folder_mark(data)):
        return None
    if fresh and index.get("contacts_mark") != contacts_mark(data):
        return None  # a touch logged since: who is due is not known any more
    return index


def counts(index: dict[str, Any], today: str) -> tuple[int, int]:
    """(due today, overdue) in an index, for `today` as YYYY-MM-DD (ISO days sort as text)."""
    on_day = late = 0
    entries = [*index["sessions"].values(), {"items": index.get("contacts", [])}]
    for entry in entries:
        for item in entry.get("items", ()) if isinstance(entry, dict) else ():
            due = item.get("due") if isinstance(item, dict) else None
            if not isinstance(due, str):
                continue
            if due == today:
                on_day += 1
            elif due < today and not item.get("opens"):  # a day from which is never late
                late += 1
    return on_day, late


def _fill(say: dict[str, Any], key: str, count: int, value: str = "") -> str:
    text = say.get(f"{key}_one" if count == 1 else key)
    if not isinstance(text, str):
        raise ValueError(key)
    return text.replace("{{count}}", str(count)).replace("{{value}}", value)


def line(index: dict[str, Any], today: str) -> str | None:
    """The nudge's one line ('2 things due today, 1 overdue: rebound todo'), or None."""
    on_day, late = counts(index, today)
    say = index["say"]
    try:
        if on_day and late:
            what = f"{_fill(say, 'today', on_day)}, {_fill(say, 'also_overdue', late)}"
        elif on_day:
            what = _fill(say, "today", on_day)
        elif late:
            what = _fill(say, "overdue", late)
        else:
            return None
        return _fill(say, "line", 0, what)
    except ValueError:  # a hand-edited index: better silent than wrong
        return None


def shown(said: str) -> str:
    """The line as the nudge prints it: printable characters only, whatever the file holds, and
    at most `MAX_SAID` of them (cut with '...')."""
    kept = "".join(c for c in said[: 4 * MAX_SAID] if c.isprintable())
    return (
        kept
        if len(kept) <= MAX_SAID and len(said) <= 4 * MAX_SAID
        else kept[: MAX_SAID - 3] + "..."
    )


def nudge(data: str | None = None) -> None:
    """Print the nudge line for the data folder (default: `home()`), or nothing. Never raises."""
    try:
        where = data or home()
    except ValueError:  # the chosen folder's file can't be read: `rebound list` says so
        return
    try:
        index = read(where)
        said = line(index, clock.today_iso()) if index is not None else None
        if said:
            sys.stdout.write(shown(said) + "\n")
            sys.stdout.flush()
    except Exception:  # a shell's start-up must never show a traceback, nor end in an error
        # Nothing left for the interpreter to flush into a closed pipe or a full disk at exit.
        with contextlib.suppress(OSError, ValueError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - it lives until the process ends
        return


# --- writing: inside a command that has the content and the sessions --------------------------


def items(content: Content, session: Session) -> list[dict[str, str]]:
    """The open dated items of a session, as the index holds them."""
    from rebound.coach import progress

    return [
        {
            "id": e.id,
            "due": e.due.isoformat(),
            "label": e.label,
            **({"opens": "1"} if e.opens else {}),
        }
        for e in progress.checklist(content, session)
        if e.due is not None and not e.done and not e.info
    ]


def sentences(content: Content) -> dict[str, str]:
    """The nudge's sentences in the pack's language, as templates (`line` fills them in)."""
    return {short: str(getattr(content.ui, key)) for short, key in SAY.items()}


def _entry(content: Content, session: Session, mtime_ns: int | None) -> dict[str, Any]:
    from rebound.coach import insights

    return {
        "mtime_ns": mtime_ns,
        "company": insights.company(session),
        "items": items(content, session),
    }


def _file_times(sessions: str) -> dict[str, int]:
    """Each session file's modification time (ns), by session id (a sync tool's conflict copy,
    not merged yet, is no session: rebound.storage.conflicts)."""
    from rebound.storage.conflicts import named_copy, stems
    from rebound.storage.paths import SUFFIX

    out: dict[str, int] = {}
    try:
        with os.scandir(sessions) as folder:
            found = [e for e in folder if e.name.endswith(SUFFIX) and not e.name.startswith(".")]
    except OSError:
        return out
    names = stems(found)
    for entry in found:
        if named_copy(entry.name, found, names):
            continue
        try:
            out[entry.name[: -len(SUFFIX)]] = entry.stat().st_mtime_ns
        except OSError:
            continue
    return out


def _write(store: Store, index: dict[str, Any]) -> None:
    """Save the index atomically, unless it already says exactly that (`todo` run twice)."""
    from rebound.storage.files import atomic_write, read_regular

    text = json.dumps(index, ensure_ascii=False, indent=1).encode() + b"\n"
    try:
        if read_regular(store.state / INDEX, MAX_INDEX_BYTES) == text:
            return
    except OSError:  # missing, or not a file (replaced by the save): write it
        pass
    store.ensure_state()
    atomic_write(store.state / INDEX, text)


def keep_in_touch(store: Store, content: Content, sessions: list[Session]) -> list[dict[str, str]]:
    """The people due another touch by their cadence (`contacts.due`), as the index holds them;
    none when the touch log can't be read (`rebound todo` says why)."""
    from rebound.coach import contacts

    try:
        log = store.load_contacts()
    except Exception:
        return []
    return [
        {"id": t.item_id, "due": t.due.isoformat(), "label": t.label}
        for t in contacts.due(content, sessions, log)
        if t.due is not None
    ]


def rebuild(store: Store, content: Content, sessions: Iterable[Session], mark: int | None) -> None:
    """Write the index afresh from every session (as `rebound todo` has them loaded).

    The index is written under its lock, as `refresh` writes it: a save's refresh either ran
    before (and this index includes that save), or waits to run after (and brings this one up
    to date). When the sessions folder changed after `mark` (a save raced the reading), the
    sessions are read again, under the lock, with their files' times taken before each read,
    so that the index never holds an old session under a new file time.

    Args:
        store: the store the sessions came from.
        content: the content in use (its language is the nudge's).
        sessions: every readable session.
        mark: `folder_mark` taken *before* the sessions were read, so that a change made while
            they were being read leaves the index stale rather than wrong.
    """
    import filelock

    found = list(sessions)
    touches = contacts_mark(str(store.home))  # before the log is read, as `mark` is
    try:
        store.ensure_state()
        lock = filelock.FileLock(str(store.state / "locks" / f"{LOCK}.lock"), timeout=LOCK_SECONDS)
        with lock:
            times = _file_times(str(store.sessions))
            if folder_mark(str(store.home)) != mark:
                mark, times, found = _read_again(store)
            index = {
                "version": VERSION,
                "mark": mark,
                "contacts_mark": touches,
                "say": sentences(content),
                "sessions": {s.id: _entry(content, s, times.get(s.id)) for s in found},
                "contacts": keep_in_touch(store, content, found),
            }
            _write(store, index)
    except Exception:  # the command's own work is done; a stale index only means silence
        return


def _read_again(store: Store) -> tuple[int | None, dict[str, int], list[Session]]:
    """(mark, file times, sessions) read now: the times and the mark before the reading, so
    that a save during it leaves the index stale (and its refresh, waiting, mends it)."""
    mark = folder_mark(str(store.home))
    times = _file_times(str(store.sessions))
    found = []
    for sid in times:
        try:
            found.append(store.load(sid))
        except Exception:  # unreadable: moved aside (the command says so), left out
            continue
    return mark, times, found


def refresh(store: Store, content: Content | None, session_id: str, saved: Session | None) -> None:
    """Bring the index up to date after one session was saved (`saved`) or deleted (None).

    The other sessions are checked by their files' times: one changed since the index was
    written (by another rebound, or by hand) is read again. Without `content` (a deletion, which
    does not load it) such a change cannot be followed, so the index is left stale: silence.
    """
    import filelock

    try:
        store.ensure_state()
        lock = filelock.FileLock(str(store.state / "locks" / f"{LOCK}.lock"), timeout=LOCK_SECONDS)
        with lock:
            mark = folder_mark(str(store.home))
            old = read(str(store.home), fresh=False) or {"sessions": {}}
            times = _file_times(str(store.sessions))
            kept: dict[str, Any] = {}
            for sid, mtime in times.items():
                entry = old["sessions"].get(sid)
                if sid == session_id and saved is not None:
                    if content is None:
                        return
                    kept[sid] = _entry(content, saved, mtime)
                elif isinstance(entry, dict) and entry.get("mtime_ns") == mtime:
                    kept[sid] = entry
                elif content is None:
                    return  # changed elsewhere, and no content to read it with: stay stale
                else:
                    try:
                        kept[sid] = _entry(content, store.load(sid), mtime)
                    except Exception:  # unreadable: moved aside, left out
                        continue
            say = sentences(content) if content is not None else old.get("say")
            if not isinstance(say, dict):
                return
            _write(
                store,
                {
                    "version": VERSION,
                    "mark": mark,
                    # Who is due by cadence changes with the touch log, which a save of one
                    # session leaves as it was: kept, with the log's time it was made for.
                    "contacts_mark": old.get("contacts_mark"),
                    "say": say,
                    "sessions": kept,
                    "contacts": old.get("contacts", []),
                },
            )
    except Exception:  # the session is saved; a stale index only means silence
        return


def watch(
    store: Store,
    content: Content | None = None,
    loaded: Callable[[], Content | None] | None = None,
) -> Store:
    """Keep the index up to date with every save and deletion through `store`; returns it.

    `loaded` gives the content the command loaded by the time it saves, when it was not known
    yet as the store was made (`app.store_for` watches every store this way). Watching a store
    again only tells it the content: one refresh per save.
    """
    for hook in store.on_change:
        known = getattr(hook, "due_index", None)
        if isinstance(known, dict):
            if content is not None:
                known["content"] = content
            if loaded is not None:
                known["loaded"] = loaded
            return store
    given: dict[str, Any] = {"content": content, "loaded": loaded}

    def changed(session_id: str, session: Session | None) -> None:
        pack = given["content"]
        if pack is None and given["loaded"] is not None:
            pack = given["loaded"]()
        refresh(store, pack, session_id, session)

    changed.due_index = given  # type: ignore[attr-defined]
    store.on_change.append(changed)
    return store

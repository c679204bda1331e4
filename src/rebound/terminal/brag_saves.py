"""Saving the brag list so that nothing typed is lost to another rebound.

The list is shared by every rebound: each change is load-change-save under its lock, read again
inside the lock, and the lock (which waits a few seconds for another's save) is held only for
that moment. An interactive edit writes only the fields the person changed and asks about a
field another rebound changed meanwhile; a win typed at `brag add` that still can't be saved is
kept in `pending/` and put on the list the next time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rebound import clock
from rebound.errors import DataError, ReboundError, SessionBusyError, UsageError
from rebound.text import clean

if TYPE_CHECKING:
    from rebound.coach.brag_list import SyncReport
    from rebound.storage.pending import Pending
    from rebound.storage.records import Accomplishment, BragList
    from rebound.storage.store import Store

BUSY = "brag_busy"  # the keys of the pack's sentences
BUSY_KEPT = "brag_busy_kept"


now = clock.now  # the moment every save is stamped with (rebound.clock)


@contextlib.contextmanager
def locked(store: Store) -> Iterator[BragList]:
    """The brag list, read again under its lock (another rebound may have saved since)."""
    from rebound.storage.paths import BRAG_LOCK

    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(store.lock(BRAG_LOCK))
        except SessionBusyError:
            raise SessionBusyError(BUSY) from None
        yield store.load_brag()


def warm_up() -> None:
    """Build the brag list's model and load what a save needs before taking the lock, which
    every other rebound may be waiting for: the lock is then held for the save alone."""
    from rebound.storage import pending  # noqa: F401
    from rebound.storage.records import BragList

    BragList.model_validate({"items": []})


def synced(store: Store) -> tuple[BragList, SyncReport]:
    """The brag list with every session's accomplishments (and corrections) on it, and any win
    kept in `pending/`, saved if it changed.

    A data folder that can't be written (read-only, full) still shows the list: synced in memory,
    not saved, and said so.
    """
    from rebound.coach import brag_list
    from rebound.render.screens import say_error, say_moved
    from rebound.storage.paths import BRAG_LOCK

    sessions = store.load_all()  # before the lock: reading sessions needs no brag-list lock
    trouble: str | None = None
    taken: list[tuple[Accomplishment | None, Pending]] = []
    unsaved = False
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(store.lock(BRAG_LOCK))
        except SessionBusyError:
            raise SessionBusyError(BUSY) from None
        except DataError as exc:  # not even a lock file can be made: read, never write
            trouble = exc.message
        brag = store.load_brag()
        done = brag_list.sync(brag, sessions, now())
        if trouble is None:
            taken = take_pending(store, brag)
            if done or taken:
                try:
                    store.save_brag(brag)
                except DataError as exc:  # the kept files stay, for the next time
                    trouble, taken, unsaved = exc.message, [], True
        else:
            unsaved = bool(done)
    say_moved(store)
    if unsaved:
        from rebound.sentences import speech

        say_error(f"{trouble} {speech.say('brag_unsaved')}", prefix=False)
    said_taken(taken)
    return brag, done


def take_pending(store: Store, brag: BragList) -> list[tuple[Accomplishment | None, Pending]]:
    """Put the wins kept in `pending/` on the list (hold its lock); each with its new item, or
    None when it is there already (added before its file could be removed: never twice)."""
    from rebound.coach import brag_list
    from rebound.storage import pending

    taken: list[tuple[Accomplishment | None, Pending]] = []
    for kept in pending.waiting(store):
        title = str(kept.fields["title"]).strip()
        if any(i.added_at == kept.typed_at and i.title == title for i in brag.items):
            taken.append((None, kept))
            continue
        notes = {k: kept.fields.get(k) for k in brag_list.TEXT_FIELDS if k != "title"}
        tags = kept.fields.get("tags") or []
        try:
            item = brag_list.add(
                brag,
                title,
                kept.typed_at,
                **{k: v if isinstance(v, str) else None for k, v in notes.items()},
                tags=[t for t in tags if isinstance(t, str)] if isinstance(tags, list) else [],
            )
        except ValueError:  # a blank title: leave its file as it is, for a person to look at
            continue
        taken.append((item, kept))
    return taken


def said_taken(taken: list[tuple[Accomplishment | None, Pending]]) -> None:
    """Once the list is saved: forget the kept files, and say what was added from them."""
    from rebound.render import screens
    from rebound.sentences import speech
    from rebound.storage import pending

    out = screens.console()
    for item, kept in taken:
        pending.done(kept)
        if item is not None:
            out.print(
                screens.line(
                    speech.say("pending_taken"),
                    (item.title, "bold"),
                    speech.say("pending_taken_as", id=item.id),
                )
            )


def by_id(brag: BragList, item_id: str) -> Accomplishment | None:
    return next((item for item in brag.items if item.id == item_id), None)


def kept(
    store: Store, typed: dict[str, Any], typed_at: datetime, trouble: ReboundError
) -> ReboundError:
    """What typed at `brag add` could not be saved: keep it in `pending/` for the next
    `rebound brag`, or, if even that fails, show it to copy. The error that says which."""
    from rebound.render import screens
    from rebound.sentences import speech
    from rebound.storage import pending

    said = type(trouble)(BUSY_KEPT) if isinstance(trouble, SessionBusyError) else trouble
    try:
        path = pending.keep(store, typed, typed_at)
    except DataError:
        out = screens.console()
        out.print(screens.line((speech.say("pending_copy"), "bold")))
        for name, value in typed.items():
            shown = ", ".join(value) if isinstance(value, list) else value
            if shown:
                out.print(screens.line(f"  {name}: ", shown))
        return type(trouble)("").like(said).then("pending_shown")
    return type(trouble)("").like(said).then("pending_kept", where=path)


def changes(item: Accomplishment, typed: dict[str, Any]) -> dict[str, Any]:
    """Only what the person changed, as it would be saved (None: a note cleared): a field kept
    with Enter must not write back the value loaded before the questions, over what another
    rebound may have saved meanwhile."""
    from rebound.coach import brag_list

    wanted = item.model_copy(deep=True)
    with contextlib.suppress(ValueError):  # a blank title: not a change (the prompt needs one)
        brag_list.edit(wanted, **typed)
    return {
        name: getattr(wanted, name)
        for name in (*brag_list.TEXT_FIELDS, "tags")
        if getattr(wanted, name) != getattr(item, name)
    }


def save_edit(
    store: Store,
    item_id: str,
    given: dict[str, Any],
    seen: Accomplishment | None,
    carry: Callable[[Accomplishment], bool] | None = None,
) -> Accomplishment | None:
    """Apply `given` to the story as saved now; the story, or None if nothing changed.

    With `seen` (the story as the person saw it before typing), a field changed here that
    another rebound also changed since is not overwritten silently: the person is asked which to
    keep, with the lock let go meanwhile. `carry` takes the change to the session entry the
    story came from (True when it did): the two then read alike, and go on following each other.
    """
    from rebound.coach import brag_list

    while True:
        with locked(store) as brag:
            target = by_id(brag, item_id)
            if target is None:
                raise UsageError("brag_gone", id=item_id)
            clashes = {
                name: getattr(target, name)
                for name, value in given.items()
                if seen is not None and getattr(target, name) not in (getattr(seen, name), value)
            }
            if not clashes:
                # None means 'leave as is' to bragging.edit: a note cleared here is ''.
                wanted = {k: "" if v is None else v for k, v in given.items()}
                try:
                    changed = brag_list.edit(target, **wanted)
                except ValueError:
                    raise UsageError("brag_needs_title_edit") from None
                if changed:
                    from rebound.storage import places
                    from rebound.storage.stamps import stamp_changed

                    stamp_changed(target, now(), places.machine())  # for a merge of two edits
                    if carry is not None and target.source and carry(target):
                        target.synced = brag_list.fields(target)
                    store.save_brag(brag)
                return target if changed else None
            seen = target.model_copy(deep=True)
        for name, theirs in clashes.items():
            if not keep_mine(name, given[name], theirs):
                del given[name]


def keep_mine(name: str, mine: Any, theirs: Any) -> bool:
    """Ask which of two changes to one field to keep. Enter keeps the one typed just now: it is
    the newest, the person is looking at it, and the other one is shown in full to retype."""
    from rebound.sentences import speech
    from rebound.terminal import prompts

    def shown(value: Any) -> str:
        typed = ", ".join(value) if isinstance(value, list) else (value or "")
        return f"'{clean(typed)}'" if typed else speech.say("clash_cleared")

    label = speech.say("clash_tags") if name == "tags" else speech.say("clash_field", name=name)
    question = speech.say("clash_keep", title=label, value=shown(theirs), name=shown(mine))
    return prompts.yes_no(question, True, lang=speech.pack())

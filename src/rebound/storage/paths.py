"""The names of rebound's files and folders, in one place that imports nothing of rebound's.

Any module may import these without pulling in another of rebound's: the store, the content
loader and cache, the due index, reminders and the calendar export name their files here. `OWN`
lists every one of them in the data folder (the person's, perhaps synced between computers), and
`MACHINE_OWN` those in this computer's state folder for it (`rebound.storage.places.state_for`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

# The data folder (rebound.storage.store).
SESSIONS = "sessions"
LOCKS = "locks"
BROKEN = "broken"
BRAG_FILE = "brag.json"
BRAG_LOCK = "brag-list"
CONTACTS_FILE = "contacts.json"
CONTACTS_LOCK = "contact-log"
MERGED = "merged"  # conflict copies of a sync tool, kept once merged (rebound.storage.conflicts)
CACHE = "cache"  # before the content cache moved to this computer's cache folder
CONTENT_CACHE = "content"  # in the cache folder (rebound.storage.places.cache_root)
SUFFIX = ".json"
TEMP_SUFFIX = ".tmp"
NAME_MAX = 255  # the longest file name most file systems allow
# Derived and transient files of later features (their modules keep the names): in this
# computer's state folder since the data folder may be synced; in the data folder before.
DUE_INDEX = (
    "due.json"  # read by `rebound nudge`; rebound.system.due_index spells it out too, to stay light
)
REMINDED = "reminded.json"  # what `rebound remind` announced today (rebound.system.reminders)
REMIND_RAN = "remind-ran.json"  # when the daily run last ran, and who ran it (rebound.system.daily)
CALENDAR_STATE = "calendar.json"  # what `export --all --format ics` sent (rebound.export)
PENDING = "pending"  # typed wins waiting for a busy brag list (rebound.storage.pending)
CHECKED = "checked.json"  # session files found to hold no key twice (rebound.storage.checked)


# Where the XDG base folders (XDG_DATA_HOME, XDG_CONFIG_HOME) say where files go.
XDG_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd")


def xdg_folder(variable: str, default: str) -> str:
    """A base folder of the XDG spec: `$variable` when it holds an absolute path, else `default`
    (with `~` expanded). The spec says a relative path there is invalid and must be ignored:
    taken as it is, it would put files wherever the command happened to run."""
    chosen = os.environ.get(variable, "").strip()
    return chosen if chosen and os.path.isabs(chosen) else os.path.expanduser(default)


# A content folder (rebound.pack.packs, rebound.pack.reader).
COACH_FILE = "coach.yaml"
STEPS_DIR = "steps"


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
    Own(MERGED, ("*" + SUFFIX,)),  # conflict copies, kept after they were merged
    Own(BRAG_FILE),
    Own(CONTACTS_FILE),  # whom you kept in touch with, and how it went (rebound.coach.contacts)
    Own(CALENDAR_STATE, personal=False),
    # Left in the data folder by a rebound from before this computer had a state folder: never
    # written there now, still wiped, and the pending wins still taken (rebound.storage.pending).
    Own(CACHE, ("content-*.pickle",), personal=False),
    Own(LOCKS, ("*.lock",), personal=False),
    Own(DUE_INDEX, personal=False),
    Own(REMINDED, personal=False),
    Own(PENDING, ("brag-*.json",)),
)

# Every name rebound creates in this computer's state folder for one data folder.
MACHINE_OWN: tuple[Own, ...] = (
    Own(LOCKS, ("*.lock",), personal=False),
    Own(DUE_INDEX, personal=False),  # read by `rebound nudge` (rebound.system.due_index)
    Own(REMINDED, personal=False),  # what `rebound remind` announced today
    Own(REMIND_RAN, personal=False),  # when the daily run last ran here (rebound.system.daily)
    Own(PENDING, ("brag-*.json",)),  # typed wins a busy brag list could not take yet
    Own(CHECKED, personal=False),  # the session files read here and found to hold no key twice
)

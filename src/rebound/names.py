"""The names of rebound's files and folders, in one place that imports nothing.

Any module may import these without pulling in another of rebound's: the store, the content
loader and cache, the due index, reminders and the calendar export all name their files here.
"""

from __future__ import annotations

# The data folder (rebound.store).
SESSIONS = "sessions"
LOCKS = "locks"
BROKEN = "broken"
BRAG_FILE = "brag.json"
BRAG_LOCK = "brag-list"
CACHE = "cache"
SUFFIX = ".json"
TEMP_SUFFIX = ".tmp"
NAME_MAX = 255  # the longest file name most file systems allow
# Derived and transient files of later features (their modules keep the names).
DUE_INDEX = "due.json"  # read by `rebound nudge`; rebound.due spells it out too, to stay light
REMINDED = "reminded.json"  # what `rebound remind` announced today (rebound.reminders)
CALENDAR_STATE = "calendar.json"  # what `export --all --format ics` sent (rebound.export)
PENDING = "pending"  # typed wins waiting for a busy brag list (rebound.pending)

# A content folder (rebound.content, rebound.content_files).
COACH_FILE = "coach.yaml"
STEPS_DIR = "steps"

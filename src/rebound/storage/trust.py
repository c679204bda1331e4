"""Whose data folder this is: no one else may be able to change what rebound reads and saves.

Someone else's folder is refused; one of ours that others can write to (a mistaken chmod) is
made private again, with a one-line note. The store checks its folders once, before the first
read or write (`Store._trust`).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from rebound.errors import DataError
from rebound.sentences import speech
from rebound.storage.files import private


def secure(folders: Iterable[Path], made_private: Callable[[Path], None]) -> None:
    """Refuse a folder of another user's; make one of ours that others can write to private.

    Folders that are not there (yet), or are not folders, are left for the read or write to
    report. `made_private(folder)` is called after each folder that had to be made private.

    Raises:
        DataError: a folder is another user's, or could not be made private.
    """
    for folder in folders:
        try:
            st = os.stat(folder)
        except OSError:
            continue  # not there (yet), or not a folder: the read or write says so
        if private(st) or not stat.S_ISDIR(st.st_mode):
            continue
        if st.st_uid != os.getuid():
            raise DataError("folder_not_yours", where=folder)
        try:
            os.chmod(folder, 0o700)
        except OSError as exc:
            raise DataError(
                "folder_not_private",
                where=folder,
                number=f"{stat.S_IMODE(st.st_mode):04o}",
                value=exc.strerror or exc,
            ) from None
        mode = f"{stat.S_IMODE(st.st_mode):04o}"
        said = speech.say("folder_made_private", where=folder, number=mode)
        sys.stderr.write(f"rebound: {said}\n")
        made_private(folder)


def refuse_a_file_for_a_folder(home: Path, sessions: Path) -> None:
    """A file where the data folder or `sessions/` should be (a sync tool, a mistaken `mv`)
    hides whatever sessions are meant to be there: say so, never "no sessions yet".

    Raises:
        DataError: the data folder or its `sessions` is a file.
    """
    for folder in (home, sessions):
        if folder.exists() and not folder.is_dir():
            raise DataError("home_is_a_file", where=home, value=folder)

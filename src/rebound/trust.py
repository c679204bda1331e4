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
from rebound.files import private


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
            raise DataError(
                f"The folder {folder} belongs to another user, so rebound will not use it: "
                "they could change what you saved. Nothing was changed. Make it yours "
                f"(`chown -R $USER {folder}` then `chmod 700 {folder}`), or set "
                "REBOUND_HOME to a folder of your own."
            )
        try:
            os.chmod(folder, 0o700)
        except OSError as exc:
            raise DataError(
                f"The folder {folder} can be changed by other users (mode "
                f"{stat.S_IMODE(st.st_mode):04o}) and rebound could not make it private "
                f"({exc.strerror or exc}). Nothing was changed. Run `chmod 700 {folder}`, "
                "or set REBOUND_HOME to a folder of your own."
            ) from None
        sys.stderr.write(
            f"rebound: {folder} could be changed by other users (mode "
            f"{stat.S_IMODE(st.st_mode):04o}); it is private to you now (0700).\n"
        )
        made_private(folder)

"""Where rebound keeps things: the data folder (and why there), and this computer's own state and
cache folders, found with the standard library only.

- The data folder holds what the person typed, and may sit in a folder they sync between
  computers. It is `REBOUND_HOME` when set; else the folder `rebound data move` remembered in the
  config folder (`REMEMBERED`); else the platform's user data folder.
- This computer's state folder holds what only makes sense here: the locks, the due index, what
  `rebound remind` announced today, wins waiting to be saved, and which session files it found
  to hold no key twice. One subfolder per data folder
  (`state_for`), so that two data folders never share a lock or an index. `REBOUND_STATE` moves it.
- The cache folder holds the content cache (`REBOUND_CACHE` moves it).

`rebound nudge` finds its index through this module in every new terminal, so it imports nothing
but `os`, `sys`, `stat`, `errno` and `json` (platformdirs only on a platform other than Linux,
the BSDs and macOS; `zlib` when a folder is named).
"""

from __future__ import annotations

import errno
import json
import os
import stat
import sys

HOME_ENV = "REBOUND_HOME"
STATE_ENV = "REBOUND_STATE"
CACHE_ENV = "REBOUND_CACHE"
MACHINE_ENV = "REBOUND_MACHINE"  # the name this computer goes by in "also written on ..."
REMEMBERED = "data-folder.json"  # in the config folder: where `rebound data move` put the data
REMEMBERED_MAX = 64 * 1024  # far more than the one path it holds
MOVING = "moving.json"  # in the state root: a `rebound data move` that has not finished yet
APP = "rebound"

# Why the data folder is where it is (`where`).
FROM_ENV = "env"
FROM_REMEMBERED = "remembered"
FROM_DEFAULT = "default"


class Unreadable(ValueError):
    """The remembered data folder's file is there but cannot be used; says why."""


def _unix() -> bool:
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def _xdg(name: str, fallback: str) -> str:
    """A base folder of the XDG spec: `$name` when it holds an absolute path, else `fallback`.
    The spec says a relative path there is invalid and must be ignored: taken as it is, it would
    put files wherever the command happened to run (as `rebound.storage.paths.xdg_folder`)."""
    chosen = os.environ.get(name, "").strip()
    return chosen if os.path.isabs(chosen) else os.path.expanduser(fallback)


def default_data() -> str:
    """The platform's user data folder for rebound (platformdirs' answer, without it where it is
    simple: platformdirs, with tempfile and shutil, would cost the nudge a third of its time)."""
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Application Support/rebound")
    if _unix():
        return os.path.join(_xdg("XDG_DATA_HOME", "~/.local/share"), APP)
    import platformdirs

    return str(platformdirs.user_data_path(APP, appauthor=False))


def config_dir() -> str:
    """The platform's user config folder for rebound, where the chosen data folder is kept."""
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Application Support/rebound")
    if _unix():
        return os.path.join(_xdg("XDG_CONFIG_HOME", "~/.config"), APP)
    import platformdirs

    return str(platformdirs.user_config_path(APP, appauthor=False))


def remembered_file() -> str:
    """The small file that remembers the data folder `rebound data move` chose."""
    return os.path.join(config_dir(), REMEMBERED)


def _read_small(path: str) -> bytes:
    """A small regular file's bytes, read without ever blocking (as
    `rebound.storage.files.read_regular`, which this module cannot import): a FIFO or a device in
    its place is refused, and nothing past `REMEMBERED_MAX` is read.

    Raises:
        OSError: it is missing, not a regular file, or too large.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        data = os.read(fd, REMEMBERED_MAX + 1)
    finally:
        os.close(fd)
    if len(data) > REMEMBERED_MAX:
        raise OSError(errno.EFBIG, "larger than rebound ever writes it")
    return data


def remembered() -> str | None:
    """The data folder `rebound data move` chose, or None when it chose none.

    Raises:
        Unreadable: the file is there but is not one rebound wrote (say so: never "no data").
    """
    path = remembered_file()
    try:
        raw = _read_small(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None
    try:
        folder = json.loads(raw).get("data_folder")
    except (ValueError, AttributeError):
        raise Unreadable("not the JSON rebound writes") from None
    if not isinstance(folder, str) or not os.path.isabs(folder):
        raise Unreadable("no absolute data_folder in it")
    return folder


def where() -> tuple[str, str]:
    """(the data folder, why it is that one: FROM_ENV, FROM_REMEMBERED or FROM_DEFAULT).

    Raises:
        Unreadable: the remembered folder's file cannot be used.
    """
    override = os.environ.get(HOME_ENV)
    if override:
        return os.path.expanduser(override), FROM_ENV
    chosen = remembered()
    if chosen is not None:
        return chosen, FROM_REMEMBERED
    return default_data(), FROM_DEFAULT


def state_root() -> str:
    """This computer's state folder for rebound (never synced): `REBOUND_STATE`, else the
    platform's user state folder; where that is the data folder's own (macOS, Windows), a
    folder beside it."""
    override = os.environ.get(STATE_ENV)
    if override:
        return os.path.expanduser(override)
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Application Support/rebound-state")
    if _unix():
        return os.path.join(_xdg("XDG_STATE_HOME", "~/.local/state"), APP)
    import platformdirs

    state = platformdirs.user_state_path(APP, appauthor=False)
    if state == platformdirs.user_data_path(APP, appauthor=False):
        state = platformdirs.user_state_path(f"{APP}-state", appauthor=False)
    return str(state)


def folder_key(data: str) -> str:
    """A name for one data folder, the same for every way of writing its path: its last part,
    and a checksum of where it really is ('rebound-1a2b3c4d')."""
    import zlib

    real = os.path.normcase(os.path.realpath(os.path.expanduser(data)))
    base = os.path.basename(real.rstrip(os.sep)) or "data"
    name = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in base)[:40]
    return f"{name}-{zlib.crc32(os.fsencode(real)):08x}"


def state_for(data: str) -> str:
    """This computer's state folder for the data folder `data`: locks, the due index, what was
    announced today, wins waiting to be saved."""
    return os.path.join(state_root(), folder_key(data))


def cache_root() -> str:
    """This computer's cache folder for rebound: `REBOUND_CACHE`, else the platform's."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return os.path.expanduser(override)
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/rebound")
    if _unix():
        return os.path.join(_xdg("XDG_CACHE_HOME", "~/.cache"), APP)
    import platformdirs

    return str(platformdirs.user_cache_path(APP, appauthor=False))


def machine() -> str:
    """The name of this computer, as "also written on ..." says it: `REBOUND_MACHINE`, else its
    host name without a domain."""
    named = os.environ.get(MACHINE_ENV, "").strip()
    if named:
        return named[:60]
    name = ""
    if hasattr(os, "uname"):
        name = os.uname().nodename
    name = name or os.environ.get("COMPUTERNAME", "")
    if name.endswith(".local"):
        name = name[: -len(".local")]
    return (name.split(".")[0] if not name.replace(".", "").isdigit() else name)[:60] or "?"

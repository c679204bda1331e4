"""Which coaching content to use, and a cache that makes loading it cheap.

Reading and validating the YAML (`rebound.content_files`) is careful and therefore slow: a YAML
parser in pure Python, a dozen models, cross-checks of every template. Most commands only need
the result, so the validated content is kept as a pickle in the data folder's `cache/`, keyed by
the folder, every file's size and modification time, and the versions of rebound, Python and
pydantic. Any change to any of these, or any trouble with the cache, means a fresh, full load.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path

from rebound import __version__, models
from rebound.models import Content

MAX_FILE_BYTES = 256 * 1024
COACH_FILE = "coach.yaml"
STEPS_DIR = "steps"
DEFAULT_LANG = "en"


def default_dir(lang: str = DEFAULT_LANG) -> Path:
    """Where the content shipped with rebound lives (inside the package, or the source tree)."""
    here = Path(__file__).resolve().parent
    for base in (here / "content", here.parent.parent / "content"):
        if (base / lang / COACH_FILE).is_file():
            return base / lang
    return here / "content" / lang


def languages() -> list[str]:
    """The languages rebound ships coaching content for."""
    base = default_dir().parent
    return sorted(p.name for p in base.iterdir() if (p / COACH_FILE).is_file())


def environment_language() -> str | None:
    """The language the environment asks for (LC_ALL, LC_MESSAGES, LANG: 'es_ES.UTF-8' -> 'es')."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if code.isalpha() else None
    return None


def content_dir(option: str | os.PathLike[str] | None = None, lang: str | None = None) -> Path:
    """The content folder to use.

    `--content` (or `REBOUND_CONTENT`) first; else the built-in pack of `--lang`; else of the
    environment's language when rebound has it; else English.

    Raises:
        ContentError: `lang` names a language rebound has no content for.
    """
    chosen = option or os.environ.get("REBOUND_CONTENT") or None
    if chosen:
        return Path(chosen).expanduser()
    if lang is not None:
        if not (default_dir(lang) / COACH_FILE).is_file():
            from rebound.errors import ContentError

            raise ContentError(
                f"There is no '{lang}' coaching content. Languages: {', '.join(languages())}."
            )
        return default_dir(lang)
    wanted = environment_language()
    if wanted and (default_dir(wanted) / COACH_FILE).is_file():
        return default_dir(wanted)
    return default_dir()


def fingerprint(base: Path) -> str | None:
    """A key that changes whenever anything the content is made of changes (None: unreadable)."""
    from pydantic.version import VERSION

    parts = [__version__, sys.version, VERSION, str(base.resolve())]
    try:
        # The models' own file: a rebound whose models changed, even under the same version
        # number (a development install, a reinstall), must not read an older pickle.
        st = os.stat(models.__file__)
        parts.append(f"models:{st.st_size}:{st.st_mtime_ns}")
        for folder in (base, base / STEPS_DIR):
            with os.scandir(folder) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    if entry.is_file():
                        st = entry.stat()
                        parts.append(f"{folder.name}/{entry.name}:{st.st_size}:{st.st_mtime_ns}")
    except OSError:
        return None
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def load(folder: str | os.PathLike[str] | None = None, cache: Path | None = None) -> Content:
    """Load a content folder (None: `content_dir()`'s choice), from `cache` when it holds a
    fresh copy.

    Raises:
        ContentError: the folder or a file is missing, or something in it is wrong.
    """
    base = content_dir(folder)
    key = fingerprint(base) if cache is not None else None
    cached = cache / f"content-{key}.pickle" if cache is not None and key else None
    if cached is not None:
        with contextlib.suppress(Exception):  # a missing, stale or damaged cache: load afresh
            loaded = pickle.loads(cached.read_bytes())
            if isinstance(loaded, Content):
                return loaded
    from rebound import content_files

    loaded = content_files.load(base)
    if cached is not None:
        _write_cache(cached, loaded)
    return loaded


def _write_cache(path: Path, loaded: Content) -> None:
    from rebound.store import atomic_write

    with contextlib.suppress(Exception):  # the cache is a nicety; never fail a command over it
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        for old in path.parent.glob("content-*.pickle"):
            old.unlink()
        atomic_write(path, pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))

"""Which coaching content to use, and a cache that makes loading it cheap.

Reading and validating the YAML (`rebound.pack.reader`) is careful and therefore slow: a YAML
parser in pure Python, a dozen models, cross-checks of every template. Most commands only need
the result, so the validated content is kept as a pickle in this computer's cache folder
(`rebound.storage.files.content_cache`, never in the data folder, which may be synced), keyed by
the folder, every file's size and modification time, and the versions of rebound, Python and
pydantic. Any change to any of these, or any trouble with the cache, means a fresh, full load.

Unpickling runs code, so a pickle is only read when this user alone could have written it: the
file and its folders (the cache folder and the one above it) are the user's and writable by no
one else. The file is opened without following a link and checked as opened, so nothing swapped in
between the check and the read is used. Otherwise the YAML is read, and nothing is written there;
a cache folder of another user's (root's, after a `sudo rebound ...`) is said once per command.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
from pathlib import Path

from rebound import __version__
from rebound.pack.models import Content
from rebound.sentences import speech
from rebound.storage.paths import COACH_FILE, STEPS_DIR

DEFAULT_LANG = "en"
HERE = Path(__file__).resolve().parent.parent  # the rebound package: its modules, its content
# The modules whose code decides what a loaded pack is (its models, and the reading and checking
# of its files): a rebound where any of them changed, even under the same version number (a
# development install, a reinstall, a module moved to another family), must not read an older
# pickle. tests/unit/test_content_cache.py holds this list to every module that reading imports.
_READERS = (
    "storage/records.py",
    "pack/models.py",
    "pack/conditions.py",
    "pack/letter_words.py",
    "pack/date_words.py",
    "pack/reader.py",
    "pack/yaml_reader.py",
    "sentences/catalogue.py",
    "sentences/command_sentences.py",
    "sentences/system_sentences.py",
    "sentences/file_sentences.py",
    "sentences/letter_sentences.py",
    "sentences/mail_sentences.py",
    "sentences/sync_sentences.py",
    "sentences/phrasebook.py",
    "sentences/templates.py",
    "sentences/grammar.py",
    "sentences/name_notes.py",
    "sentences/name_order.py",
    "sentences/note_check.py",
    "sentences/note_parts.py",
    "sentences/fitting.py",
    "sentences/addressing.py",
    "sentences/spelling.py",
    "sentences/places.py",
    "sentences/background.py",
    "sentences/organisations.py",
    "sentences/titles.py",
    "sentences/asking.py",
    "sentences/hurried.py",
    "sentences/looking.py",
    "sentences/third_person.py",
    "sentences/tuteo.py",
    "sentences/topics.py",
    "sentences/tidy.py",
    "pack/typed.py",
)


def default_dir(lang: str = DEFAULT_LANG) -> Path:
    """Where the content shipped with rebound lives (inside the package, or the source tree)."""
    here = HERE
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


def content_dir(
    option: str | os.PathLike[str] | None = None,
    lang: str | None = None,
    kept: str | None = None,
) -> Path:
    """The content folder to use.

    `--content` (or `REBOUND_CONTENT`) first; else the built-in pack of `--lang`; else of
    `kept`, the language a session was started in (it keeps it); else of the environment's
    language when rebound has it; else English.

    Raises:
        ContentError: `lang` names a language rebound has no content for.
    """
    chosen = option or os.environ.get("REBOUND_CONTENT") or None
    if chosen:
        return Path(chosen).expanduser()
    return default_dir(language(lang, kept))


def _shipped(lang: str) -> bool:
    return lang.isalpha() and (default_dir(lang) / COACH_FILE).is_file()


def language(lang: str | None = None, kept: str | None = None) -> str:
    """The built-in language to speak: `--lang`, else `kept` (a session's own language, when
    rebound still ships it), else the environment's (when rebound has it), else English.

    Raises:
        ContentError: `lang` names a language rebound has no content for.
    """
    if lang is not None:
        if not _shipped(lang):
            from rebound.errors import ContentError

            raise ContentError("no_language", value=lang, list=", ".join(languages()))
        return lang
    for wanted in (kept, environment_language()):
        if wanted and _shipped(wanted):
            return wanted
    return DEFAULT_LANG


def pack_language(
    option: str | os.PathLike[str] | None = None, lang: str | None = None
) -> str | None:
    """The language a new session keeps: the built-in pack's code, or None for a folder of
    one's own (`--content`, REBOUND_CONTENT), which is used again only when given again."""
    if option or os.environ.get("REBOUND_CONTENT"):
        return None
    return language(lang)


def fingerprint(base: Path) -> str | None:
    """A key that changes whenever anything the content is made of changes (None: unreadable)."""
    from pydantic.version import VERSION

    parts = [__version__, sys.version, VERSION, str(base.resolve())]
    try:
        for name in _READERS:
            st = os.stat(HERE / name)
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
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
    from rebound.storage.files import someone_elses

    base = content_dir(folder)
    foreign = cache is not None and someone_elses(cache)
    # Another user's cache (root's, after a `sudo rebound ...`) is never read nor written, but
    # never a reason to stop either: the YAML is read, and the person told how to fix it.
    key = fingerprint(base) if cache is not None and not foreign else None
    cached = cache / f"content-{key}.pickle" if cache is not None and key else None
    if cached is not None:
        with contextlib.suppress(Exception):  # a missing, stale or damaged cache: load afresh
            raw = _read_trusted(cached)
            loaded = _unpickled(raw) if raw is not None else None
            if isinstance(loaded, Content):
                return loaded.made_from(key)
    from rebound.pack import reader

    loaded = reader.load(base).made_from(key)
    if cached is not None:
        written = _write_cache(cached, loaded)
        if written is not None:
            _remember(written, loaded)
    if foreign and speech.once("cache_not_yours"):
        # In the words of the pack just read: the one this run speaks may be loading it.
        sys.stderr.write(f"rebound: {loaded.say('cache_not_yours', where=cache)}\n")
    return loaded


def _trusted_folder(folder: Path) -> bool:
    """Whether `folder` (the cache) and its parent (rebound's cache folder) are the user's alone.

    The cache folder itself must not be a link; its parent may be one (REBOUND_CACHE set to a
    link the person made), and is judged by where it leads.
    """
    from rebound.storage.files import private

    st = os.lstat(folder)
    return stat.S_ISDIR(st.st_mode) and private(st) and private(os.stat(folder.parent))


def _read_trusted(path: Path) -> bytes | None:
    """The bytes of a cache file, or None unless the user alone could have written it.

    Raises:
        OSError: the file cannot be read (missing, for one).
    """
    from rebound.storage.files import MAX_READ_BYTES, private, read_regular

    if not hasattr(os, "getuid"):  # Windows: no owners or modes to check
        return read_regular(path)
    if not _trusted_folder(path.parent):
        return None
    # O_NOFOLLOW and fstat of what was opened: a file swapped in after the folder checks (or a
    # link) is not read, whatever it is; O_NONBLOCK: a FIFO in its place is opened at once (then
    # refused by fstat), never waited on.
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if not (stat.S_ISREG(st.st_mode) and private(st)) or st.st_size > MAX_READ_BYTES:
            return None
        return handle.read()


# Packs this process has unpickled, by the bytes of the cache file they came from: the same
# bytes are the same pack, and a pack is not changed once made (its models are frozen), so one
# already made is handed out again rather than unpickled again (a process that runs several
# commands, as the tests do, reads the cache for each; six hundred models take a millisecond or
# more). The file is still read and trusted, or not, every time.
_UNPICKLED: dict[bytes, Content] = {}
_UNPICKLED_MOST = 4


def _unpickled(raw: bytes) -> object:
    known = _UNPICKLED.get(raw)
    if known is not None:
        return known
    loaded = pickle.loads(raw)
    if isinstance(loaded, Content):
        _remember(raw, loaded)
    return loaded


def _remember(raw: bytes, loaded: Content) -> None:
    if len(_UNPICKLED) >= _UNPICKLED_MOST:
        _UNPICKLED.pop(next(iter(_UNPICKLED)))
    _UNPICKLED[raw] = loaded


def _write_cache(path: Path, loaded: Content) -> bytes | None:
    """Keep `loaded` in the cache file `path`; the bytes written, or None when none were."""
    from rebound.storage.files import atomic_write, someone_elses

    with contextlib.suppress(Exception):  # the cache is a nicety; never fail a command over it
        if someone_elses(path.parent.parent):
            # Made in another user's cache folder (a `sudo rebound ...` in theirs), `content/`
            # would be ours there, and in their way ever after: make nothing.
            return None
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if hasattr(os, "getuid") and not _trusted_folder(path.parent):
            return None  # someone else could change it: write nothing there, not even a deletion
        for old in path.parent.glob("content-*.pickle"):
            old.unlink()
        raw = pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL)
        atomic_write(path, raw)
        return raw
    return None

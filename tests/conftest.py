"""Shared fixtures: every test gets its own data folder, and never the user's real one, and runs
on the suite's pinned day (tests/pinned.py), whatever the machine's clock says.

Reliability tests also report figures ("kills survived 50/50"), printed at the end of the run
(tests/figures.py adds them up, over xdist's workers too).
"""

from __future__ import annotations

import compileall
import os
import pickle
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import time_machine
from hypothesis import settings
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from rebound.storage.records import Session
from tests import depth, pinned
from tests.figures import (  # noqa: F401 - the figures' fixture and hooks, registered here
    Figures,
    figures,
    pytest_sessionfinish,
    pytest_terminal_summary,
    pytest_testnodedown,
)
from tests.helpers import MakeSession, Run, build_session, invoke
from tests.terminal import Days, Spawn, Terminal

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content" / "en"

# The deep run (tests/depth.py) draws every random example, and the same ones on every run.
settings.register_profile("deep", derandomize=True)
if depth.DEEP:
    settings.load_profile("deep")


def pytest_configure(config: pytest.Config) -> None:
    """Compiles rebound's modules once, before the workers start, so that the hundreds of
    `rebound` processes the tests start read them compiled. Python does this itself on a first
    import, unless PYTHONDONTWRITEBYTECODE (or -B) says not to write: then every process would
    compile what it imports again (about a tenth of a second each), as an editable install has
    no compiled files of its own. Python reads them whatever that setting says."""
    if not hasattr(config, "workerinput"):
        compileall.compile_dir(REPO / "src" / "rebound", quiet=2)


@pytest.fixture(scope="session", autouse=True)
def pinned_clock_for_shared_fixtures() -> Iterator[None]:
    """Fixtures made once per module or session (sessions saved for several tests) are made on
    the pinned day too, and every process a test starts (a `rebound` in a pseudo-terminal, a
    writer) begins at the pinned moment: tests/pinned_clock holds its clock. Set here, in each
    worker, rather than before xdist starts them, so that the workers' own start is untouched."""
    folder = str(REPO / "tests" / "pinned_clock")
    path = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != folder]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(pinned.ENV, pinned.RAW)
        patch.setenv(pinned.CHILD_ENV, f"{pinned.NOW.timestamp()} {pinned.ZONE}".strip())
        patch.setenv("PYTHONPATH", os.pathsep.join([folder, *path]))
        with time_machine.travel(pinned.NOW, tick=True):
            yield


@pytest.fixture(scope="module", autouse=True)
def pinned_clock_for_module_fixtures() -> Iterator[None]:
    """Each module starts at the pinned moment too: what its fixtures make once (two sessions
    saved for its tests) is made on the pinned day. The worker's clock has ticked on since it
    started, and at a pinned 23:59 a minute of earlier modules made them on the next day (the
    'other moments' run: 'Thank-you email sent to Dana Smith, in 1 day')."""
    with time_machine.travel(pinned.NOW, tick=True):
        yield


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    """Each test starts at the pinned moment; the clock ticks on from there, so that timeouts
    and file ages behave, and a test that needs another day travels again inside this."""
    with time_machine.travel(pinned.NOW, tick=True):
        yield


@pytest.fixture(scope="session", autouse=True)
def prompt_toolkit_default_bindings_built_once() -> Iterator[None]:
    """prompt_toolkit builds its default key bindings (hundreds of them, emacs, vi, mouse) afresh
    for every prompt it shows: half of an in-process prompt's 25 ms. They hold no state (each
    handler works on the application its key event names), so each worker builds them once and
    every prompt shares them. The installed `rebound` the end-to-end tests drive builds them as
    it always does. Should prompt_toolkit move them, this keeps out of the way: only time is lost.
    """
    import functools

    from prompt_toolkit.application import application
    from prompt_toolkit.styles import style

    with pytest.MonkeyPatch.context() as patch:
        for name in ("load_key_bindings", "load_page_navigation_bindings"):
            made = getattr(application, name, None)
            if callable(made):
                patch.setattr(application, name, functools.cache(made))
        # Likewise each prompt's style is parsed afresh from the same few hundred rules: a rule's
        # text always reads as the same (immutable) attributes.
        parse = getattr(style, "_parse_style_str", None)
        if callable(parse):
            patch.setattr(style, "_parse_style_str", functools.cache(parse))
        _bindings_looked_up_where_kept(patch)
        _styles_read_once(patch, style)
        yield


def _styles_read_once(patch: pytest.MonkeyPatch, style: Any) -> None:
    """Each prompt merges the same style rules into a new style, and its renderer asks that
    style afresh what each class of text looks like, reading every rule for every answer. A
    style is made of its rules alone and never changes, so here the same rules make one style,
    which remembers its answers (tests/unit/test_prompts.py compares them with a fresh style's).
    Should prompt_toolkit move these, this keeps out of the way: only time is lost."""
    plain, merged = getattr(style, "Style", None), getattr(style, "_MergedStyle", None)
    real = getattr(plain, "get_attrs_for_style_str", None)
    plainly = getattr(style, "DEFAULT_ATTRS", None)
    if (
        plain is None
        or merged is None
        or not isinstance(merged.__dict__.get("_merged_style"), property)
        or real is None
        or plainly is None
    ):
        return
    made: dict[Any, Any] = {}

    def merged_style(self: Any) -> Any:
        def get() -> Any:
            rules = self.style_rules
            try:
                key = tuple(rules)
                if key not in made:
                    made[key] = plain(list(rules))
            except TypeError:  # a rule that is not a tuple: made afresh, as prompt_toolkit does
                return plain(rules)
            return made[key]

        return self._style.get(self.invalidation_hash(), get)

    def attrs(self: Any, style_str: str, default: Any = plainly) -> Any:
        kept = self.__dict__.setdefault("_attrs_said", {})
        key = (style_str, default)
        if key not in kept:
            kept[key] = real(self, style_str, default)
        return kept[key]

    attrs.__wrapped__ = real  # type: ignore[attr-defined]
    patch.setattr(merged, "_merged_style", property(merged_style))
    patch.setattr(plain, "get_attrs_for_style_str", attrs)


def _bindings_looked_up_where_kept(patch: pytest.MonkeyPatch) -> None:
    """Each prompt merges its own bindings with the default ones into a fresh list of a thousand,
    and looks up every key it is sent by reading that whole list, since the list's memo of what
    it found is new too: a third of an in-process prompt's time. Here a merged set asks each set
    it merges instead, in order, and the shared default set remembers its answers from one
    prompt to the next. A set keeps its bindings in the order they were added, and the merged
    lookup puts those that name more `<any>` keys first, keeping the order otherwise; so the
    answer is the same list of the same bindings, in the same order
    (tests/unit/test_prompts.py compares the two ways). Should prompt_toolkit move them,
    this keeps out of the way: only time is lost."""
    from prompt_toolkit.key_binding import key_bindings
    from prompt_toolkit.keys import Keys

    merged = getattr(key_bindings, "_MergedKeyBindings", None)
    if merged is None or not hasattr(merged, "_update_cache"):
        return

    def anys(binding: Any) -> int:
        return -sum(1 for k in binding.keys if k == Keys.Any)

    def for_keys(self: Any, keys: tuple[Any, ...]) -> list[Any]:
        self._update_cache()

        def get() -> list[Any]:
            found = [b for r in self.registries for b in r.get_bindings_for_keys(keys)]
            return sorted(found, key=anys)

        return self._bindings2._get_bindings_for_keys_cache.get(keys, get)  # type: ignore[no-any-return]

    def starting_with(self: Any, keys: tuple[Any, ...]) -> list[Any]:
        self._update_cache()

        def get() -> list[Any]:
            return [b for r in self.registries for b in r.get_bindings_starting_with_keys(keys)]

        return self._bindings2._get_bindings_starting_with_keys_cache.get(keys, get)  # type: ignore[no-any-return]

    patch.setattr(merged, "get_bindings_for_keys", for_keys)
    patch.setattr(merged, "get_bindings_starting_with_keys", starting_with)


@pytest.fixture(scope="session", autouse=True)
def shipped_packs_parsed_once() -> Iterator[None]:
    """Each test has a fresh data folder, so its first command finds no content cache and reads
    the pack's YAML again; this keeps what one shipped pack read as, per worker, and hands it to
    each later reader (a pack is never changed once made: its models are frozen, and the product
    hands out a pack it has made once again in the same way, `packs._unpickled`). Everything
    else is the product's own path: the cache is still looked for, written and trusted or not in
    each data folder. A pack outside `content/` (a test's `content_copy`, which tests change) is
    always read afresh.
    """
    from rebound.pack import packs, reader

    real = reader.load
    shipped = (REPO / "content").resolve()
    kept: dict[str, Any] = {}

    def load(base: Path) -> Any:
        key = packs.fingerprint(base) if base.resolve().parent == shipped else None
        if key is None:
            return real(base)
        if key not in kept:
            kept[key] = real(base)  # a pack that fails to load is never kept
        return kept[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reader, "load", load)
        yield


@pytest.fixture(scope="session", autouse=True)
def saves_not_flushed_to_the_disk() -> Iterator[None]:
    """`os.fsync` returns at once in the test workers (as `eatmydata` makes it): it guards a
    save against the power going off, which no test here can cut, and each costs 1-2 ms on this
    machine's disk, sixteen thousand times a run. Every save still calls it where it did (the
    kill tests count it as a change to the disk, and tests that make it fail patch it again);
    a killed process loses nothing it wrote either way, since the kernel keeps what was
    written (writers forked from a worker inherit this; the installed `rebound` that the
    end-to-end and process tests start flushes for real)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", lambda fd: None)
        yield


@pytest.fixture(scope="session", autouse=True)
def pack_files_parsed_once() -> Iterator[None]:
    """A pack's YAML file whose text was parsed before (in this worker) is handed out as it was
    parsed, in a copy of its own, rather than parsed again: the hostile pack tests damage one file
    of six, hundreds of times, and read the whole pack twice after each. The text is still read
    the product's way (`_text_of`: a FIFO, a huge or non-UTF-8 file is refused as ever), a text
    not seen before is parsed by the product's reader, and a file it refuses is never kept, so
    its error is said every time. The data is copied whole (unpickled); where each value stood
    and how it was written map paths to tuples and strings, which nothing changes, so a copy of
    each mapping will do (twice as quick: a pack is read thousands of times a run).
    """
    from rebound.pack import reader, yaml_reader

    real = reader.read_yaml
    kept: dict[str, tuple[bytes, dict[Any, Any], dict[Any, str]]] = {}

    def read_yaml(file: Path) -> yaml_reader.YamlDoc:
        text = yaml_reader._text_of(file)
        if text not in kept:
            doc = real(file)
            data = pickle.dumps(doc.data, pickle.HIGHEST_PROTOCOL)
            kept[text] = (data, dict(doc.marks), dict(doc.texts))
            return doc
        data, marks, texts = kept[text]
        return yaml_reader.YamlDoc(file, pickle.loads(data), dict(marks), dict(texts))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reader, "read_yaml", read_yaml)
        yield


@pytest.fixture(autouse=True)
def rebound_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point REBOUND_HOME at a fresh folder and clear anything that could leak in.

    This computer's folders are in tmp_path too: its state (REBOUND_STATE: locks, the due index,
    pending wins), its cache (REBOUND_CACHE) and its config (XDG_CONFIG_HOME: the data folder
    `rebound data move` remembers), and it has a name of its own (REBOUND_MACHINE).
    """
    return own_computer(monkeypatch, tmp_path)


def own_computer(patch: pytest.MonkeyPatch, folder: Path) -> Path:
    """Give this process a data folder and a computer of its own in `folder` (`rebound_home`,
    and a module's fixture that a module's tests share); the data folder."""
    home = folder / "rebound-home"
    patch.setenv("REBOUND_HOME", str(home))
    patch.setenv("REBOUND_STATE", str(folder / "machine" / "state"))
    patch.setenv("REBOUND_CACHE", str(folder / "machine" / "cache"))
    patch.setenv("XDG_CONFIG_HOME", str(folder / "machine" / "config"))
    patch.setenv("REBOUND_MACHINE", "laptop")
    # The person's home too (their shell's start-up files, completion scripts): what a command
    # adds there or takes out (`data wipe`) is never the real one's.
    patch.setenv("HOME", str(folder / "user-home"))  # made by whatever writes there
    patch.delenv("ZDOTDIR", raising=False)
    patch.delenv("REBOUND_CONTENT", raising=False)
    patch.delenv("REBOUND_DEBUG", raising=False)
    # The coaching language follows the environment: tests are in English unless they say.
    for name in ("LC_ALL", "LC_MESSAGES"):
        patch.delenv(name, raising=False)
    patch.setenv("LANG", "C.UTF-8")
    patch.setenv("NO_COLOR", "1")
    from rebound.sentences import speech

    speech.begin()  # the words of one test's run never speak in the next one's language
    return home


@pytest.fixture
def rebound_state(rebound_home: Path) -> Path:
    """This computer's state folder for the test's data folder (locks, due index, pending)."""
    from rebound.storage import places

    return Path(places.state_for(str(rebound_home)))


@pytest.fixture
def rebound_cache(rebound_home: Path) -> Path:
    """This computer's content cache folder."""
    from rebound.storage.files import content_cache

    return content_cache()


@pytest.fixture
def content_copy(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the built-in content, for tests that break it on purpose."""
    import shutil

    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """`run(args, keys)` invokes rebound in-process, typing `keys` into its prompts (and, with
    `stdin`, with that on standard input: what was piped or pasted).

    When the keys run out the input closes, which a prompt sees as Ctrl-D: the command stops
    there, as it would for a person, and the test can check what was saved.
    """

    def typed(
        args: list[str], keys: str = "", terminal: bool = True, stdin: bytes | None = None
    ) -> Any:
        monkeypatch.setattr("rebound.terminal.prompts.stdin_is_terminal", lambda: terminal)
        with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
            inp.send_text(keys)
            inp.close()
            return invoke(args, catch_exceptions=False, stdin=stdin)

    return typed


@pytest.fixture
def make_session(rebound_home: Path) -> MakeSession:
    """`make_session(upto=None, lang=None, **changes)` saves a session of the scenario in the
    test's data folder and returns it, built without typing (see `tests.helpers.build_session`)."""

    def make(upto: str | int | None = None, lang: str | None = None, **changes: Any) -> Session:
        return build_session(rebound_home, upto, lang, **changes)

    return make


@pytest.fixture
def finished_session(make_session: MakeSession) -> Session:
    """The scenario's whole session, finished and saved, as `rebound start --answers` makes it."""
    return make_session()


POSIX_ONLY = (
    "needs a POSIX system (a pseudo-terminal, signals, fork, file modes or #! stand-in "
    "programs), which Windows does not have"
)
# What needs POSIX without saying so itself: a real `rebound` in a pseudo-terminal (pexpect's
# spawn), stand-in programs run by their #! line, fork and signals.
_POSIX_FIXTURES = {"spawn", "exe", "env", "bin_dir"}
_POSIX_PATHS = (
    "tests/e2e/",
    "tests/reliability/test_processes.py",
    "tests/reliability/test_endings.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        where = str(item.fspath).replace("\\", "/")
        if "tests/reliability/" in where:
            item.add_marker(pytest.mark.reliability)
        fixtures = set(getattr(item, "fixturenames", ()))
        if any(p in where for p in _POSIX_PATHS) or fixtures & _POSIX_FIXTURES:
            item.add_marker(pytest.mark.posix)
        if sys.platform == "win32" and item.get_closest_marker("posix") is not None:
            item.add_marker(pytest.mark.skip(reason=POSIX_ONLY))


def _executable() -> str | None:
    beside = Path(sys.executable).parent / "rebound"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("rebound")


@pytest.fixture
def exe() -> str:
    """The installed `rebound`, as a person would run it."""
    found = _executable()
    if found is None:
        pytest.skip("the `rebound` executable is not installed (pip install -e . in this venv)")
    return found


@pytest.fixture
def env(rebound_home: Path, tmp_path: Path) -> dict[str, str]:
    """The environment of a real `rebound` process: data, home and config inside tmp_path."""
    return process_env(rebound_home, tmp_path)


def process_env(rebound_home: Path, folder: Path) -> dict[str, str]:
    """The environment of a real `rebound` process on the data folder `rebound_home`, its
    person's home and config in `folder` (`env`)."""
    home = folder / "home"
    home.mkdir()
    out = dict(os.environ)
    out.update(
        HOME=str(home),
        REBOUND_HOME=str(rebound_home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        TERM="xterm-256color",
        PROMPT_TOOLKIT_NO_CPR="1",
        COLUMNS="120",
        LINES="40",
    )
    out.setdefault("LANG", "C.UTF-8")
    return out


@pytest.fixture
def spawn(exe: str, env: dict[str, str]) -> Iterator[Spawn]:
    """Start `rebound ARGS...` in a pseudo-terminal; anything left running is ended afterwards."""
    started: list[Terminal] = []

    def start(*args: str, columns: int = 120) -> Terminal:
        t = Terminal(exe, list(args), env, columns)
        started.append(t)
        return t

    yield start
    for t in started:
        t.child.close(force=True)


@pytest.fixture
def days() -> Days:
    """Dates relative to the day the test started."""
    return Days()

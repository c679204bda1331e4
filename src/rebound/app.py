"""The Typer app, its error boundary, and what the commands share.

This is the one place where errors become exit codes. Imports of everything heavier than Typer
happen inside the functions that need them, so that `rebound --help` answers at once.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from rebound import __version__
from rebound.errors import ExitCode, InterruptedByUser, ReboundError

if TYPE_CHECKING:
    from rebound.pack.models import Content
    from rebound.render.screens import Out
    from rebound.storage.records import ContactLog, Session
    from rebound.storage.store import Store

# The reasons a person can do something about, as keys of the pack's sentences (`reason_*`);
# any other is the OS's own text.
_REASONS = {
    errno.ENAMETOOLONG: "reason_name_too_long",
    errno.ENOSPC: "reason_no_space",
    errno.EDQUOT: "reason_quota",
    errno.EACCES: "reason_not_allowed",
    errno.EPERM: "reason_not_allowed",
    errno.EROFS: "reason_read_only",
    errno.ENOENT: "reason_missing",
    errno.ENOTDIR: "reason_not_a_folder",
    errno.EISDIR: "reason_a_folder",
    errno.ELOOP: "reason_loop",
    errno.EEXIST: "reason_exists",
    errno.ENOTEMPTY: "reason_not_empty",
    errno.EBUSY: "reason_busy",
    errno.EIO: "reason_io",
    errno.EMFILE: "reason_too_many_open",
    errno.ENFILE: "reason_too_many_open",
}
_LONGEST_PATH = 160


def os_reason(exc: OSError) -> str:
    """What went wrong, in plain words: ours for the common errnos (and for what
    `storage.files.read_regular` refuses), else the OS's own."""
    reason = getattr(exc, "reason", None)
    if isinstance(reason, str):  # storage.files.NotAFile, TooLarge
        from rebound.sentences import speech

        return speech.say(reason, **getattr(exc, "values", {}))
    if exc.errno in _REASONS:
        from rebound.sentences import speech

        return speech.say(_REASONS[exc.errno])
    return (exc.strerror or type(exc).__name__).lower()


def _shown(path: object) -> str:
    """A path to name in a message; a very long one keeps its start and its end."""
    text = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path)
    if len(text) <= _LONGEST_PATH:
        return text
    return f"{text[:100]}...{text[-50:]} ({len(text)} characters)"


def describe_os_error(exc: OSError) -> str:
    """The one-paragraph message for an OS error no command turned into a ReboundError.

    With a file name, it is that file's problem. Without one, it is the output's: every save goes
    through `store.atomic_write`, which names its file, so what is left is writing to stdout.
    """
    from rebound.sentences import speech

    if exc.filename is None:
        return speech.say("output_failed", value=os_reason(exc))
    path = _shown(exc.filename)
    if exc.filename2 is not None:
        path = f"{path} -> {_shown(exc.filename2)}"
    return speech.say("os_error", where=path, value=os_reason(exc))


def silence_stdout() -> None:
    """Point stdout at os.devnull: what is still buffered has nowhere to go, so it goes nowhere.

    The recipe of the Python docs (signal, "Note on SIGPIPE"), so that the interpreter's own
    flush at exit does not print "Exception ignored ... BrokenPipeError".
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no descriptor: in-process
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)


def output_failed(exc: OSError) -> int:
    """End a run whose output cannot be written; returns the exit code.

    A closed pipe (`rebound export | head -1`) is the reader saying "enough": nothing to say,
    and exit 1, as Click does for its own output and the Python docs' recipe does, so that the
    same command ends the same way whichever layer notices. A full device says so on stderr.
    """

    if not isinstance(exc, BrokenPipeError):
        # If stderr is gone too, the exit code is all that is left to say it.
        with contextlib.suppress(OSError):
            _say_error(describe_os_error(exc))
    silence_stdout()
    return int(ExitCode.FAILURE)


def _say_error(message: str, prefix: bool = True) -> None:
    """`render.screens.say_error`, imported only when there is an error to say (a command that
    prints nothing, `rebound export --format json`, loads nothing of Rich)."""
    from rebound.render.screens import say_error

    say_error(message, prefix)


def _is_framework(exc: BaseException) -> bool:
    """Exceptions Click/Typer raise on purpose (usage errors, --help, exits): theirs to handle.

    Typer vendors Click (as typer._click) from 0.26 on and uses plain Click before, so this asks
    where the class comes from rather than naming one of the two.
    """
    module = type(exc).__module__
    return module.startswith(("click", "typer"))


def _say(key: str, **values: object) -> str:
    """One of the pack's sentences, said even if saying it fails (then in English)."""
    from rebound.sentences import speech

    try:
        return speech.say(key, **values)
    except Exception:
        return speech.ENGLISH.say(key, **values)


class ReboundGroup(TyperGroup):
    """The one place where errors become exit codes and messages, never tracebacks."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """A command that does not exist is bad usage (exit 2), said with the one it most
        likely meant ('strat': `rebound start`)."""
        name = args[0] if args else ""
        unknown = name and not name.startswith("-") and not ctx.resilient_parsing
        if unknown and self.get_command(ctx, name) is None:
            from rebound.sentences import speech

            root = ctx.find_root().params  # said before the root's callback: its --lang
            speech.begin(pack_loader(root.get("content"), root.get("lang")))
            from rebound.names import closest

            close = closest(name, self.list_commands(ctx))
            if close is not None:
                where = f"{ctx.command_path} {close}"
                ctx.fail(_say("no_such_command", name=name, value=where))
            ctx.fail(_say("no_such_command_list", name=name, value=ctx.command_path))
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The commands with their whole first sentence, wrapped to the terminal's width: Click
        cuts each one to fit one line ('Begin a new session, right after the call: five...'),
        which says less the narrower the terminal."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=sys.maxsize)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: Any) -> Any:

        try:
            return super().invoke(ctx)
        except (KeyboardInterrupt, EOFError):
            _say_error(_say("interrupted"), prefix=False)
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except ReboundError as exc:
            # Worded here, in the language of this run (the pack the command loaded, else the
            # one --lang or the environment choose, else English): never where it was raised.
            _say_error(exc.message, prefix=not isinstance(exc, InterruptedByUser))
            raise typer.Exit(exc.exit_code) from None
        except Exception as exc:
            if _is_framework(exc) or os.environ.get("REBOUND_DEBUG") == "1":
                raise
            # The OS's own errors (they carry an errno; shutil.Error or io.UnsupportedOperation
            # don't) are ordinary: a name too long, a full disk. Say which, and where.
            if isinstance(exc, OSError) and exc.errno is not None:
                if isinstance(exc, BrokenPipeError) or exc.filename is None:
                    raise typer.Exit(output_failed(exc)) from None
                _say_error(describe_os_error(exc))
                raise typer.Exit(ExitCode.FAILURE) from None
            _say_error(_say("unexpected", name=type(exc).__name__))
            raise typer.Exit(ExitCode.FAILURE) from None


# Each command lives in a module under rebound/commands/, imported only when that command (or
# the list of all commands, for --help and completion) is needed: building every command on
# every run costs more than the interpreter's own start-up. This order is the order of --help.
COMMAND_MODULES: dict[str, str] = {
    "start": "sessions",
    "continue": "sessions",
    "summary": "sessions",
    "done": "sessions",
    "list": "sessions",
    "show": "sessions",
    "delete": "sessions",
    "draft": "draft",
    "todo": "overview",
    "contacts": "contacts",
    "stats": "overview",
    "nudge": "reminders",
    "remind": "reminders",
    "feedback": "feedback",
    "brag": "brag",
    "rehearse": "brag",
    "export": "export",
    "content": "content",
    "data": "data",
}


class RootGroup(ReboundGroup):
    """The `rebound` group: commands are loaded from their module on first use."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Every argument of every command passes here first. Python decodes argv with
        # surrogateescape, so a byte that is not UTF-8 (`--title $'\xff'`, a Latin-1 terminal)
        # is a lone surrogate that could never be saved: make it real text where it enters.
        from rebound.text import scrub

        return super().parse_args(ctx, [scrub(arg) for arg in args])

    def make_context(self, info_name: Any, args: Any, parent: Any = None, **extra: Any) -> Any:
        # Help as wide as the terminal, up to 100 columns: Click's own stops at 80 and never
        # goes below 50, so that a 40-column terminal broke its lines again, inside words.
        if "terminal_width" not in extra:
            import shutil

            extra["terminal_width"] = max(min(shutil.get_terminal_size().columns, 100) - 2, 20)
        return super().make_context(info_name, args, parent, **extra)

    def list_commands(self, ctx: Any) -> list[str]:
        return [*COMMAND_MODULES, *(n for n in self.commands if n not in COMMAND_MODULES)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            for name, command in _built(COMMAND_MODULES[cmd_name], cmd_name).items():
                self.commands.setdefault(name, command)
        return self.commands.get(cmd_name)


_BUILT: dict[str, Any] = {}


def _built(module_name: str, cmd_name: str) -> dict[str, Any]:
    """The click commands of one command module, by name, built from its Typer app once per
    process (each `RootGroup` is new: Typer builds the root afresh for every invocation, which
    a process running many, such as the test suite, would otherwise pay each time). Click
    commands hold no state of a run: each invocation gets its own context."""
    if module_name not in _BUILT:
        import importlib

        module = importlib.import_module(f"rebound.commands.{module_name}")
        _BUILT[module_name] = typer.main.get_command(module.app)
    built = _BUILT[module_name]
    found = getattr(built, "commands", None)
    if isinstance(found, dict) and cmd_name in found:
        return dict(found)
    return {cmd_name: built}  # a module with one command is built as that command


def command_group() -> typer.Typer:
    """The Typer app a command module registers its commands on."""
    return typer.Typer(
        cls=ReboundGroup,
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )


app = typer.Typer(
    cls=RootGroup,
    name="rebound",
    help="A kind, practical coach for the hour after a job rejection, and the weeks after it.\n\n"
    "Start with `rebound start`. Everything stays on this computer.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rebound {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    content: Annotated[
        Path | None,
        typer.Option(
            "--content",
            help="Use the coaching content in this folder (also REBOUND_CONTENT).",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="The coaching language, e.g. en or es (default: from LANG, else en).",
            show_default=False,
        ),
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colours (also NO_COLOR).")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """A kind, practical coach for the hour after a job rejection."""
    if no_color:
        # Rich and prompt_toolkit both honour NO_COLOR (https://no-color.org).
        os.environ["NO_COLOR"] = "1"
    ctx.obj = {"content": content, "lang": lang}
    _UNLOADABLE.clear()
    from rebound.sentences import speech

    speech.begin(pack_loader(content, lang))


def content_folder(ctx: typer.Context, session: Session | None = None) -> Path:
    """The content folder in use: --content, REBOUND_CONTENT, --lang, the session's own
    language, LANG, or English."""
    from rebound.pack import packs

    root = ctx.find_root().obj or {}
    kept = session.lang if session is not None else None
    return packs.content_dir(root.get("content"), lang=root.get("lang"), kept=kept)


# Packs that this run could not load (their errors are worded in another), and the packs errors
# were worded in, by folder and fingerprint: read once per process, whatever is said after.
_UNLOADABLE: set[str] = set()
_SPOKEN: dict[tuple[str, str | None], Content] = {}


def pack_loader(
    content: str | os.PathLike[str] | None = None, lang: str | None = None
) -> Callable[[], Content | None]:
    """How `sentences.speech` finds the pack of a run that needs a sentence before (or without)
    loading one: the pack `--content` / `--lang` / the environment choose; if that one cannot
    be loaded (an error about it must still be said), the built-in pack of `--lang`; else None,
    and the English defaults speak. The cache is read and written only where it already is:
    speaking never makes a folder (`data wipe` has just removed the data folder)."""

    def load() -> Content | None:
        from rebound.pack import packs
        from rebound.storage.files import content_cache

        cache: Path | None = content_cache()
        if cache is None or not cache.is_dir():
            cache = None
        choices = [(content, lang), *([(None, lang)] if content is not None else [])]
        for option, language in choices:
            with contextlib.suppress(Exception):  # a broken pack, an unknown --lang: the next
                folder = packs.content_dir(option, lang=language)
                if str(folder) in _UNLOADABLE:
                    continue  # this run failed to load it already: read it once, not twice
                key = (str(folder), packs.fingerprint(folder))
                if key not in _SPOKEN:  # one process may say many errors (the tests do)
                    _SPOKEN[key] = packs.load(folder, cache=cache)
                return _SPOKEN[key]
        return None

    return load


def content_for(ctx: typer.Context, session: Session | None = None) -> Content:
    """The content to speak: for `session`, in the language it was started in (unless --lang
    or --content say otherwise); for no session, the language a new one would get.

    A command that works on one session picks the session first, then loads its content; one
    loaded twice in a run (to check an option, then for the session) is read once.
    """
    from rebound.pack import packs
    from rebound.sentences import speech
    from rebound.storage.files import content_cache

    folder = content_folder(ctx, session)
    root = ctx.find_root()
    if not isinstance(root.obj, dict):
        root.obj = {}
    loaded: dict[Path, Content] = root.obj.setdefault("loaded", {})
    if folder not in loaded:
        # An error found while the pack loads is not worded in that pack (which would be read
        # again, in the middle of reading it, to fail the same way): nor is one after it failed.
        where = str(packs.content_dir(folder))
        _UNLOADABLE.add(where)
        loaded[folder] = packs.load(folder, cache=content_cache())
        _UNLOADABLE.discard(where)
    speech.use(loaded[folder])  # the errors and sentences of this run speak its language
    return loaded[folder]


def new_session_lang(ctx: typer.Context) -> str | None:
    """The language a session started now keeps (`Session.lang`)."""
    from rebound.pack import packs

    root = ctx.find_root().obj or {}
    return packs.pack_language(root.get("content"), lang=root.get("lang"))


def same_language(ctx: typer.Context, session: Session) -> bool:
    """Whether the session's saved drafts are in the language shown now: else they are made
    again from the answers, so that titles and texts never mix two languages."""
    from rebound.pack import packs

    root = ctx.find_root().obj or {}
    if session.lang is None or packs.pack_language(root.get("content")) is None:
        return True  # a session from before languages were kept, or a folder of one's own
    return packs.language(root.get("lang"), session.lang) == session.lang


def store_for() -> Store:
    """The data folder's store. Every save through it keeps the due index (`rebound nudge`)
    fresh, in the words of the content the command loaded (`content_for`)."""
    from rebound.pack.models import Content
    from rebound.sentences import speech
    from rebound.storage.store import Store
    from rebound.system import due_index

    def loaded() -> Content | None:  # the content `content_for` loaded, by the time of a save
        pack = speech.used()
        return pack if isinstance(pack, Content) else None

    return due_index.watch(Store(), loaded=loaded)


def read_contact_log(store: Store) -> ContactLog:
    """The touch log for a view; a broken one is reported (and moved aside), never a stop."""
    from rebound.storage.records import ContactLog

    try:
        return store.load_contacts()
    except ReboundError as exc:
        _say_error(exc.message)  # the view goes on without the log
        return ContactLog()


def report_moved(store: Store) -> None:
    """Say the broken files the store set aside in this command, if any: only then is a
    screen drawn (`rebound export --format json`, say, loads nothing of Rich otherwise)."""
    if store.moved:
        from rebound.render.screens import say_moved

        say_moved(store)


def across_sessions(
    ctx: typer.Context, empty: str = "no_sessions"
) -> tuple[Content, list[Session], Out] | None:
    """For the commands that read every session (todo, stats, contacts): the content, every
    readable session and the console; None, having said `empty` (a sentence of the pack), when
    there are no sessions."""
    from rebound.render import screens

    content = content_for(ctx)
    store = store_for()
    found = store.load_all()
    report_moved(store)
    out = screens.console()
    if not found:
        screens.note(out, content.say(empty))
        return None
    return content, found, out

"""The command line: parse options, call the coach and the store, turn errors into exit codes.

Imports of everything heavier than Typer happen inside the commands that need them, so that
`rebound --help` answers at once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from rebound import __version__
from rebound.errors import ExitCode, InterruptedByUser, ReboundError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from rebound.models import Content, Session
    from rebound.store import Store

INTERRUPTED = "Stopped. Nothing that was already saved has changed."
UNEXPECTED = (
    "Something went wrong that rebound did not expect ({error}). Everything you answered before "
    "this moment is saved. Run the same command with REBOUND_DEBUG=1 to see the details, and "
    "please report them."
)


def _say_error(message: str, prefix: bool = True) -> None:
    """One paragraph on stderr; `prefix` marks it as rebound's error rather than a plain note."""
    from rich.text import Text

    from rebound import render

    out = render.console(stderr=True)
    out.print(Text.assemble(("rebound: ", "bold red") if prefix else "", render.clean(message)))


def _is_framework(exc: BaseException) -> bool:
    """Exceptions Click/Typer raise on purpose (usage errors, --help, exits): theirs to handle.

    Typer vendors Click from 0.29 on and uses plain Click before, so this asks where the class
    comes from rather than naming one of the two.
    """
    module = type(exc).__module__
    return module.startswith(("click", "typer"))


class ReboundGroup(TyperGroup):
    """The one place where errors become exit codes and messages, never tracebacks."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (KeyboardInterrupt, EOFError):
            _say_error(INTERRUPTED, prefix=False)
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except ReboundError as exc:
            _say_error(exc.message, prefix=not isinstance(exc, InterruptedByUser))
            raise typer.Exit(exc.exit_code) from None
        except Exception as exc:
            if _is_framework(exc) or os.environ.get("REBOUND_DEBUG") == "1":
                raise
            _say_error(UNEXPECTED.format(error=type(exc).__name__))
            raise typer.Exit(ExitCode.FAILURE) from None


app = typer.Typer(
    cls=ReboundGroup,
    name="rebound",
    help="A kind, practical coach for the hour after a job rejection, and the weeks after it.\n\n"
    "Start with `rebound start`. Everything stays on this computer.",
    no_args_is_help=True,
    add_completion=False,
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
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """A kind, practical coach for the hour after a job rejection."""
    ctx.obj = {"content": content}


def _content(ctx: typer.Context) -> Content:
    from rebound import content
    from rebound.store import CACHE, data_home

    folder = ctx.find_root().obj.get("content") if ctx.find_root().obj else None
    return content.load(folder, cache=data_home() / CACHE)


def _store() -> Store:
    from rebound.store import Store

    return Store()


def _report_moved(store: Store) -> None:
    from rebound.store import describe

    for moved in store.moved:
        _say_error(describe(moved))
    store.moved.clear()


SessionOption = Annotated[
    str | None,
    typer.Option(
        "--session", "-s", help="The session id (or the start of it); default: the latest."
    ),
]


def _pick(store: Store, wanted: str | None, unfinished: bool = False) -> Session | None:
    """The session asked for, or else the most recent (unfinished, if asked) one."""
    if wanted:
        return store.load(store.resolve(wanted))
    from rebound.errors import NoSessionError

    fallback = None
    for session_id in store.ids():
        try:
            session = store.load(session_id)
        except NoSessionError:
            continue
        if not unfinished or session.finished_at is None:
            return session
        fallback = fallback or session
    return fallback


@app.command()
def start(ctx: typer.Context) -> None:
    """Begin a new session, right after the call: five short steps, saved as you go."""
    from rebound import flow, prompts, render

    prompts.require_terminal("start")
    content = _content(ctx)
    store = _store()
    out = render.console()
    walk = flow.Walk(content, store, flow.new_session(), out)
    if walk.run():
        _closing(out, content, walk.session)
    _report_moved(store)


def _closing(out: Console, content: Content, session: Session) -> None:
    from rebound import render

    render.note(out, "")
    render.note(out, "That's all five steps. Here is your checklist:", "bold")
    render.note(out, "")
    render.summary(out, content, session)


@app.command("continue")
def continue_(
    ctx: typer.Context,
    session: SessionOption = None,
) -> None:
    """Pick up where you left off (or tick off items of a finished session)."""
    from rebound import flow, prompts, render

    prompts.require_terminal("continue")
    content = _content(ctx)
    store = _store()
    found = _pick(store, session, unfinished=True)
    _report_moved(store)
    out = render.console()
    if found is None:
        render.note(out, "There's no session to continue yet. When you're ready: `rebound start`.")
        return
    from rebound import coach

    pos = coach.next_position(content, found)
    if pos is None:
        _tick_interactively(out, content, store, found)
        return
    walk = flow.Walk(content, store, found, out)
    if walk.run():
        _closing(out, content, walk.session)


def _tick_interactively(out: Console, content: Content, store: Store, session: Session) -> None:
    from rebound import coach, flow, prompts, render

    with store.lock(session.id):
        session = store.load(session.id)
        render.summary(out, content, session)
        todo = coach.open_items(content, session)
        if not todo:
            return
        render.note(out, "")
        picked = prompts.pick_many(
            "Tick off what you've done (space to tick, Enter to save):",
            [(e.id, e.label, False) for e in todo],
        )
        for item_id in picked:
            coach.tick(content, session, item_id, flow.now())
        if picked:
            store.save(session)
            render.note(out, f"Ticked {len(picked)}. Well done.", "bold")


@app.command()
def summary(
    ctx: typer.Context,
    session: SessionOption = None,
    drafts: Annotated[
        bool, typer.Option("--drafts", help="Also show the drafts (emails, posts).")
    ] = False,
) -> None:
    """Show a session's checklist: steps done, items to tick, the next thing to do."""
    from rebound import render

    content = _content(ctx)
    store = _store()
    found = _pick(store, session)
    _report_moved(store)
    out = render.console()
    if found is None:
        render.note(
            out,
            "No sessions yet. When you're ready, `rebound start` walks you through five short "
            "steps.",
        )
        return
    render.summary(out, content, found, drafts=drafts)


@app.command()
def done(
    ctx: typer.Context,
    items: Annotated[
        list[str] | None,
        typer.Argument(help="Checklist item ids, as the summary shows them.", show_default=False),
    ] = None,
    session: SessionOption = None,
    undo: Annotated[bool, typer.Option("--undo", help="Untick instead.")] = False,
) -> None:
    """Tick off checklist items (with no ITEM, pick them from a list)."""
    from rebound import coach, flow, prompts, render

    content = _content(ctx)
    store = _store()
    found = _pick(store, session)
    _report_moved(store)
    out = render.console()
    if found is None:
        raise UsageError(
            "There are no sessions yet, so nothing to tick. Begin with `rebound start`."
        )
    if not items:
        prompts.require_terminal("done")
        _tick_interactively(out, content, store, found)
        return
    with store.lock(found.id):
        fresh = store.load(found.id)
        for item_id in items:
            try:
                entry = coach.tick(content, fresh, item_id, flow.now(), undo=undo)
            except KeyError:
                known = (
                    ", ".join(e.id for e in coach.checklist(content, fresh) if not e.info)
                    or "none yet"
                )
                raise UsageError(
                    f"'{item_id}' is not an item of session {fresh.id}. Items: {known}. "
                    "Nothing was changed."
                ) from None
            render.note(out, f"{'Unticked' if undo else 'Ticked'}: {entry.label}")
        store.save(fresh)


content_app = typer.Typer(
    cls=ReboundGroup,
    help="Check or locate the coaching content (the YAML files).",
    no_args_is_help=True,
)
app.add_typer(content_app, name="content")


@content_app.command("validate")
def content_validate(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(help="A content folder; default: the one in use.", show_default=False),
    ] = None,
) -> None:
    """Check a content folder and say exactly where anything is wrong."""
    from rebound import content, content_files

    root = ctx.find_root().obj or {}
    loaded = content_files.load(content.content_dir(folder or root.get("content")))
    typer.echo(f"{loaded.source}: OK ({len(loaded.steps)} steps, {len(loaded.prompts())} prompts).")


def main() -> None:
    """Entry point of the `rebound` command."""
    # rebound uses no pydantic plugins; looking for them scans every installed package's
    # metadata on each run. Set the variable yourself to opt back in.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app(prog_name="rebound")


if __name__ == "__main__":  # pragma: no cover
    main()

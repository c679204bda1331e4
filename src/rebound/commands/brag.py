"""The brag list across sessions: `rebound brag ...` and `rebound rehearse`.

Every change is load-change-save under the brag list's own lock, read again inside the lock, and
the lock is held only for that moment: a rehearsal in one window never blocks `rebound brag` in
another for longer than a save.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Annotated, Any

import typer

from rebound.app import ReboundGroup, command_group, store_for
from rebound.errors import DataError, SessionBusyError, UsageError
from rebound.sentences import speech
from rebound.terminal import brag_saves as saves
from rebound.text import clean

app = command_group()

if TYPE_CHECKING:
    from collections.abc import Callable

    from rebound.coach.brag_list import SyncReport
    from rebound.render.screens import Out
    from rebound.storage.records import Accomplishment
    from rebound.storage.store import Store

# (field, the key of its question), in the order of the accomplishments step.
STORY = (
    ("title", "story_title"),
    ("situation", "story_situation"),
    ("task", "story_task"),
    ("action", "story_action"),
    ("result", "story_result"),
    ("number", "story_number"),
)

brag_app = typer.Typer(
    cls=ReboundGroup,
    help="Your brag list: every win from all your sessions, plus any you add. "
    "With no command, list it.",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(brag_app, name="brag")

RefArgument = Annotated[
    str,
    typer.Argument(help="The story's number or id (or the start of it), as `rebound brag` lists."),
]
TitleOption = Annotated[
    str | None, typer.Option("--title", help="The win, in a few words.", show_default=False)
]
SituationOption = Annotated[
    str | None,
    typer.Option("--situation", help="What was going on.", show_default=False),
]
TaskOption = Annotated[
    str | None, typer.Option("--task", help="What was yours to solve.", show_default=False)
]
ActionOption = Annotated[
    str | None, typer.Option("--action", help="What you did.", show_default=False)
]
ResultOption = Annotated[
    str | None, typer.Option("--result", help="What came of it.", show_default=False)
]
NumberOption = Annotated[
    str | None,
    typer.Option(
        "--number", help="A number that shows it (e.g. '40% faster').", show_default=False
    ),
]
TagOption = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        help="A tag; repeat for more (or separate with commas).",
        metavar="<str>",
        show_default=False,
    ),
]


def _took_in(done: SyncReport) -> str | None:
    """'Added 2 wins and updated 1 from your sessions.', or None when nothing shows."""
    if done.added and done.updated:
        said = speech.say_count("brag_added_updated", done.added, number=done.updated)
    elif done.added or done.updated:
        key = "brag_added_wins" if done.added else "brag_updated_wins"
        said = speech.say_count(key, done.added or done.updated)
    else:
        return None
    return speech.say("brag_from_sessions", value=said)


@brag_app.callback()
def brag(ctx: typer.Context) -> None:
    """Your brag list: every win from all your sessions, plus any you add."""
    if ctx.invoked_subcommand is None:
        _list()


@brag_app.command("list")
def list_() -> None:
    """List every story: number, id, number that shows it, tags, how practised."""
    _list()


def _list() -> None:
    from rebound.render import brag as screens
    from rebound.render import screens as render

    store = store_for()
    brag, done = saves.synced(store)
    out = render.console()
    if said := _took_in(done):
        render.note(out, said, "dim")
    if not brag.items:
        render.note(out, speech.say("brag_empty"))
        return
    screens.listing(out, brag)


@brag_app.command("show")
def show(ref: RefArgument) -> None:
    """Show one story in full: its STAR notes, its cue, how it's been going."""
    from rebound.coach import brag_list
    from rebound.render import brag as screens
    from rebound.render import screens as render

    store = store_for()
    brag, _ = saves.synced(store)
    item = brag_list.find(brag, ref)
    screens.story(render.console(), item)


def _ask_story(
    current: Accomplishment | None, taken: Callable[[str], str | None] | None = None
) -> dict[str, Any]:
    """Every field, asked in turn; with `current`, its values are there to edit in place.
    `taken` says what is wrong with a title (one already on the list), under the question."""
    from rebound.terminal import prompts

    answers: dict[str, Any] = {}
    for name, question in STORY:
        value = str(getattr(current, name) or "") if current is not None else ""
        if name == "title":
            hint = speech.say("keep_it_hint") if value else None
        else:
            hint = speech.say("keep_or_clear_hint" if value else "skip_hint")
        answers[name] = prompts.text(
            speech.say(question),
            default=value,
            required=name == "title",
            hint=hint,
            check=taken if name == "title" else None,
        )
    tags = ", ".join(current.tags) if current is not None else ""
    typed = prompts.text(
        speech.say("story_tags"),
        default=tags,
        hint=speech.say("keep_or_clear_tags_hint" if tags else "skip_hint"),
    )
    answers["tags"] = [typed]
    return answers


def _same_title(store: Store, title: str) -> str | None:
    """What to say under the title of a new win when the list has one called so already."""
    from rebound.coach import brag_list
    from rebound.errors import ReboundError

    try:
        same = brag_list.with_title(store.load_brag(), title)
    except ReboundError:
        return None  # said when the list is saved
    return None if same is None else speech.say("brag_same_title", title=same.title, id=same.id)


def _options(**given: Any) -> dict[str, Any]:
    """The options that were given (None: not given; '' clears a note)."""
    tags = given.pop("tags")
    out = {name: value for name, value in given.items() if value is not None}
    if tags:
        out["tags"] = tags
    return out


def _needs_terminal(command: str, alternative: str) -> None:
    """Refuse early without a terminal, naming the `alternative` (a key of the pack)."""
    from rebound.errors import NotInteractiveError
    from rebound.terminal import prompts

    try:
        prompts.require_terminal(command)
    except NotInteractiveError as exc:
        raise exc.then(alternative) from None


@brag_app.command("add")
def add(
    *,
    title: TitleOption = None,
    situation: SituationOption = None,
    task: TaskOption = None,
    action: ActionOption = None,
    result: ResultOption = None,
    number: NumberOption = None,
    tag: TagOption = None,
) -> None:
    """Add a win to your brag list: asked step by step, or given as options (for scripts)."""
    from rebound.coach import brag_list
    from rebound.render import screens as render

    given = _options(
        title=title,
        situation=situation,
        task=task,
        action=action,
        result=result,
        number=number,
        tags=tag,
    )
    if given and title is None:
        raise UsageError("brag_needs_title_option")
    asked = not given
    store = store_for()
    if asked:
        _needs_terminal("brag add", "brag_add_options")
        given = _ask_story(None, lambda typed: _same_title(store, typed))
    typed_at = saves.now()
    saves.warm_up()
    try:
        with saves.locked(store) as brag:
            taken = saves.take_pending(store, brag)
            same = brag_list.with_title(brag, str(given.get("title") or ""))
            if same is not None and not asked:  # (asked: said under the question already)
                raise UsageError("brag_same_title_added", title=same.title, id=same.id)
            try:
                item = brag_list.add(brag, now=typed_at, **given)
            except ValueError:
                raise UsageError("brag_needs_title") from None
            store.save_brag(brag)
            position = len(brag.items)
    except (SessionBusyError, DataError) as exc:
        if not asked:
            raise  # a script still has what it gave, and its exit code says to run it again
        raise saves.kept(store, given, typed_at, exc) from None
    saves.said_taken(taken)
    out = render.console()
    render.said(out, speech.say("brag_added_as"), (f"{position}. {item.id}", "bold"), ".")
    if not item.situation and not item.action:
        render.note(out, speech.say("brag_tell_story", id=item.id), "dim")


@brag_app.command("edit")
def edit(
    ctx: typer.Context,
    ref: RefArgument,
    *,
    title: TitleOption = None,
    situation: SituationOption = None,
    task: TaskOption = None,
    action: ActionOption = None,
    result: ResultOption = None,
    number: NumberOption = None,
    tag: TagOption = None,
) -> None:
    """Change a story: the options given (an empty one clears that note), or asked field by field.

    --tag replaces the tags.
    """
    from rebound.coach import brag_list
    from rebound.render import screens as render

    store = store_for()
    item = brag_list.find(store.load_brag(), ref)
    given = _options(
        title=title,
        situation=situation,
        task=task,
        action=action,
        result=result,
        number=number,
        tags=tag,
    )
    seen: Accomplishment | None = None
    if not given:
        _needs_terminal("brag edit", "brag_edit_options")
        given, seen = saves.changes(item, _ask_story(item)), item
    carry = functools.partial(_carry, ctx, store)
    changed = saves.save_edit(store, item.id, given, seen, carry) if given else None
    out = render.console()
    if changed:
        render.said(out, speech.say("brag_saved"), (changed.title, "bold"), f"  ({changed.id})")
    else:
        render.note(out, speech.say("brag_unchanged"))


def _carry(ctx: typer.Context, store: Store, item: Accomplishment) -> bool:
    """Take a story edited on the list to its session: the entry it came from, and the drafts
    made from the list (the interview stories), as `rebound draft` shows them. True when done;
    a session open in another window, or gone, keeps its own version."""
    from rebound.app import content_for
    from rebound.coach import brag_list, progress
    from rebound.errors import NoSessionError

    session_id = (item.source or "").split("#")[0]
    try:
        with store.lock(session_id):
            session = store.load(session_id)
            if not brag_list.carry_to_entry(item, session):
                return False
            content = content_for(ctx, session)
            for step in content.steps:
                if progress.step_done(step, session) and any(
                    p.id == brag_list.PROMPT for p in step.prompts
                ):
                    for d in step.drafts:
                        for made in progress.draft_texts(content, session, d):
                            session.drafts[made.id] = made.text
            store.save(session)
    except (SessionBusyError, NoSessionError):
        return False
    return True


@brag_app.command("remove")
def remove(
    ref: RefArgument,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Remove it without asking.")] = False,
) -> None:
    """Take a story off your brag list (asks first, unless --yes)."""
    from rebound.coach import brag_list
    from rebound.render import screens as render
    from rebound.terminal import prompts

    store = store_for()
    item = brag_list.find(store.load_brag(), ref)
    out = render.console()
    if not yes:
        _needs_terminal("brag remove", "brag_remove_yes")
        question = speech.say("brag_remove_confirm", title=clean(item.title))
        if not prompts.yes_no(question, False, lang=speech.pack()):
            render.note(out, speech.say("brag_kept"))
            return
    with saves.locked(store) as brag:
        target = saves.by_id(brag, item.id)
        if target is not None:
            brag_list.remove(brag, target)
            store.save_brag(brag)
    render.said(out, speech.say("brag_removed"), (item.title, "bold"), f"  ({item.id})")


# --- rehearsal -----------------------------------------------------------------------------------


@app.command()
def rehearse(
    ctx: typer.Context,
    count: Annotated[
        int, typer.Option("--count", "-n", help="How many stories.", min=1, max=50)
    ] = 3,
    seconds: Annotated[
        int,
        typer.Option(
            "--seconds", help="Time for each story, in seconds (0: no limit).", min=0, max=3600
        ),
    ] = 90,
) -> None:
    """Tell your stories out loud: an interviewer's cue, your notes, a clock, then how it went."""
    from rebound.coach import brag_list
    from rebound.errors import InterruptedByUser
    from rebound.render import screens as render
    from rebound.render.brag import minutes as _clock
    from rebound.terminal import prompts

    prompts.require_terminal("rehearse")
    store = store_for()
    brag, _ = saves.synced(store)
    out = render.console()
    if not brag.items:
        render.note(out, speech.say("rehearse_empty"))
        return
    picked = brag_list.pick_for_rehearsal(brag, count)
    each = (
        speech.say("rehearse_each", value=_clock(seconds))
        if seconds
        else speech.say("rehearse_no_limit")
    )
    render.note(out, speech.say_count("rehearse_intro", len(picked), value=each))
    rated = 0
    try:
        for number, item in enumerate(picked, start=1):
            _rehearse_one(out, store, item, number=number, total=len(picked), seconds=seconds)
            rated += 1
    except (KeyboardInterrupt, EOFError):
        if not rated:
            raise InterruptedByUser("rehearse_stopped_none") from None
        key = "rehearse_stopped_one" if rated == 1 else "rehearse_stopped"
        raise InterruptedByUser(key, count=rated) from None
    render.note(out, "")
    render.note(out, speech.say_count("rehearse_done", rated), "bold")
    ticked = _tick_rehearsed(ctx, store, picked)
    if ticked:
        render.note(out, speech.say("rehearse_ticked", list="; ".join(ticked)), "dim")


def _tick_rehearsed(ctx: typer.Context, store: Store, told: list[Accomplishment]) -> list[str]:
    """Told out loud, a session's stories tick its "Stories rehearsed out loud" item (each
    session under its lock; one open in another window, or gone, is let be). What was ticked,
    as 'label (session)'."""
    from rebound.app import content_for
    from rebound.coach import brag_list
    from rebound.errors import NoSessionError
    from rebound.terminal import walk

    said: list[str] = []
    for session_id in dict.fromkeys(i.source.split("#")[0] for i in told if i.source):
        try:
            with store.lock(session_id):
                session = store.load(session_id)
                content = content_for(ctx, session)
                items = brag_list.rehearsed_items(content)
                labels = walk.tick_open(content, session, items, saves.now())
                if labels:
                    store.save(session)
                    said += [f"{label} ({session_id})" for label in labels]
        except (SessionBusyError, NoSessionError):
            continue
    return said


def _rehearse_one(
    out: Out, store: Store, item: Accomplishment, *, number: int, total: int, seconds: int
) -> None:
    from rebound.coach import brag_list
    from rebound.render import brag as screens
    from rebound.render import screens as render
    from rebound.terminal import prompts

    screens.rehearsal_card(out, item, number, total)
    spent = prompts.countdown(seconds)
    screens.rehearsal_time(out, seconds, spent)
    # When the time ran out, an Enter meant to stop the clock may come a moment late: the
    # rating then waits for a pick instead of taking its default.
    ran_out = bool(seconds) and spent >= seconds
    rating = prompts.rating(speech.say("rehearse_how"), default=None if ran_out else 3)
    with saves.locked(store) as brag:
        target = saves.by_id(brag, item.id)
        if target is None:
            render.note(out, speech.say("rehearse_gone"))
            return
        brag_list.record(target, rating, saves.now())
        store.save_brag(brag)
    render.note(out, speech.say("rehearse_saved", value=screens.practice(target)), "dim")

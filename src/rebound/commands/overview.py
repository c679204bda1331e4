"""Across sessions: `rebound todo`, `rebound stats` (and the helpers `rebound contacts` draws with).

These commands only read: they never save a session. `rebound.render.insights` draws them:
what a person typed is printed through `Text` objects (never markup), and every line is built
to read well at 60 columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from rebound import clock
from rebound.app import command_group, content_for, read_contact_log, report_moved, store_for

app = command_group()

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from rebound.pack.models import Content
    from rebound.storage.records import BragList, Session


def _across(
    ctx: typer.Context, empty: str = "no_sessions"
) -> tuple[Content, list[Session], Console] | None:
    """The content, every readable session and the console; None, having said `empty` (a `ui`
    sentence of the pack), when there are no sessions."""
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


# The shared helpers are render's (`rebound.render.screens`); `rebound contacts`
# (commands/contacts.py) still draws with them by these names, until it moves to
# rebound.render.screens too.
def _utf8(out: Console) -> bool:
    from rebound.render import screens

    return screens.utf8(out)


def _text(*parts: str | tuple[str, str]) -> Text:
    from rebound.render import screens

    return screens.line(*parts)


def _say(
    out: Console, text: Text, indent: int = 0, *, prefix: Text | None = None, whole: bool = False
) -> None:
    from rebound.render import screens

    screens.say_at(out, text, indent, prefix=prefix, whole=whole)


def _weeks(content: Content, days: int) -> str:
    """'3 weeks', or '5 days' under a week, in the pack's words."""
    weeks = days // 7
    return content.say_count("weeks", weeks) if weeks else content.say_count("days", days)


def _ago(content: Content, days: int) -> str:
    if days == 0:
        return content.say("ago_today")
    return content.say("ago", value=_weeks(content, days))


# --- rebound todo ---------------------------------------------------------------------------


@app.command()
def todo(
    ctx: typer.Context,
    all_: Annotated[
        bool,
        typer.Option("--all", help="Show every dated item, not only the next 14 days."),
    ] = False,
) -> None:
    """What's due across all your sessions: overdue, today, and the next 14 days."""
    from rebound.coach import contacts as keeping
    from rebound.coach import insights
    from rebound.storage.store import data_home
    from rebound.system import due_index

    mark = due_index.folder_mark(
        str(data_home())
    )  # before reading: a change meanwhile leaves it stale
    if (ready := _across(ctx)) is None:
        return
    content, found, out = ready
    due_index.rebuild(store_for(), content, found, mark)  # what `rebound nudge` reads
    from rebound.render.insights import show_agenda

    days = None if all_ else insights.UPCOMING_DAYS
    agenda = insights.agenda(content, found, days=days)
    keep_in_touch = keeping.due(content, found, read_contact_log(store_for()), agenda.today)
    show_agenda(out, content, insights.with_todos(agenda, keep_in_touch))


# --- rebound stats --------------------------------------------------------------------------


@app.command()
def stats(ctx: typer.Context) -> None:
    """How your search is going: rejections over time, steps, fixes, areas, this week."""
    from rebound.coach import insights

    if (ready := _across(ctx, empty="stats_none")) is None:
        return
    content, found, out = ready
    from rebound.render.insights import show_patterns, show_stats

    show_stats(out, content, insights.stats(content, found, brag=_brag_list(found)))
    show_patterns(out, content, insights.patterns(content, found))


def _brag_list(sessions: list[Session]) -> BragList | None:
    """The brag list as `rebound brag` shows it (wins added by hand in, wins taken off out),
    with the sessions' newest entries taken in here only, without saving: stats only reads.
    None, having said why, when the list can't be read (a broken one was moved aside)."""

    from rebound.app import say_error
    from rebound.coach import brag_list
    from rebound.errors import ReboundError

    try:
        brag = store_for().load_brag()
    except ReboundError as exc:
        say_error(exc.message)
        return None
    brag_list.sync(brag, sessions, clock.now())
    return brag

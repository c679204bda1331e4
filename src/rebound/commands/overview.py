"""Across sessions: `rebound todo` (what is due) and `rebound stats` (how the search is going).

These commands only read: they never save a session. `rebound.render.insights` draws them:
what a person typed is printed through `Text` objects (never markup), and every line is built
to read well at 60 columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from rebound import clock
from rebound.app import across_sessions, command_group, read_contact_log, store_for

app = command_group()

if TYPE_CHECKING:
    from rebound.storage.records import BragList, Session


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
    if (ready := across_sessions(ctx)) is None:
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
    from rebound.coach.patterns import patterns

    if (ready := across_sessions(ctx, empty="stats_none")) is None:
        return
    content, found, out = ready
    from rebound.render.insights import show_patterns, show_stats

    show_stats(out, content, insights.stats(content, found, brag=_brag_list(found)))
    show_patterns(out, content, patterns(content, found))


def _brag_list(sessions: list[Session]) -> BragList | None:
    """The brag list as `rebound brag` shows it (wins added by hand in, wins taken off out),
    with the sessions' newest entries taken in here only, without saving: stats only reads.
    None, having said why, when the list can't be read (a broken one was moved aside)."""
    from rebound.coach import brag_list
    from rebound.errors import ReboundError
    from rebound.render.screens import say_error

    try:
        brag = store_for().load_brag()
    except ReboundError as exc:
        say_error(exc.message)
        return None
    brag_list.sync(brag, sessions, clock.now())
    return brag

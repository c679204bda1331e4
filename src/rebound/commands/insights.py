"""Across sessions: `rebound todo`, `rebound contacts`, `rebound stats`.

These commands only read: they never save a session. `rebound.render.insights` draws them:
what a person typed is printed through `Text` objects (never markup), and every line is built
to read well at 60 columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from rebound.app import command_group, content_for, report_moved, store_for

app = command_group()

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from rebound.insights import Contact
    from rebound.models import BragList, Content, Session


def _across(
    ctx: typer.Context, empty: str = "no_sessions"
) -> tuple[Content, list[Session], Console] | None:
    """The content, every readable session and the console; None, having said `empty` (a `ui`
    sentence of the pack), when there are no sessions."""
    from rebound import render

    content = content_for(ctx)
    store = store_for()
    found = store.load_all()
    report_moved(store)
    out = render.console()
    if not found:
        render.note(out, content.say(empty))
        return None
    return content, found, out


# The shared helpers are render's (`rebound.render`); show_contacts still draws here, by these
# names, until it moves to rebound.render.insights too.
def _utf8(out: Console) -> bool:
    from rebound import render

    return render.utf8(out)


def _text(*parts: str | tuple[str, str]) -> Text:
    from rebound import render

    return render.line(*parts)


def _say(
    out: Console, text: Text, indent: int = 0, *, prefix: Text | None = None, whole: bool = False
) -> None:
    from rebound import render

    render.say_at(out, text, indent, prefix=prefix, whole=whole)


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
    from rebound import due, insights
    from rebound.store import data_home

    mark = due.folder_mark(str(data_home()))  # before reading: a change meanwhile leaves it stale
    if (ready := _across(ctx)) is None:
        return
    content, found, out = ready
    due.rebuild(store_for(), content, found, mark)  # what `rebound nudge` reads
    from rebound.render.insights import show_agenda

    days = None if all_ else insights.UPCOMING_DAYS
    show_agenda(out, content, insights.agenda(content, found, days=days))


# --- rebound contacts -----------------------------------------------------------------------


@app.command("contacts")
def contacts_(
    ctx: typer.Context,
    weeks: Annotated[
        int,
        typer.Option(
            "--weeks", min=1, max=52, help="Flag people you haven't contacted for this many weeks."
        ),
    ] = 3,
) -> None:
    """The people to reach out to, across sessions, and who you haven't contacted for a while."""
    from rebound import insights, render

    if (ready := _across(ctx)) is None:
        return
    content, found, out = ready
    people = insights.contacts(content, found, weeks=weeks)
    if not people:
        render.note(out, content.say("contacts_none"))
        return
    show_contacts(out, content, people, weeks)


def show_contacts(out: Console, content: Content, people: list[Contact], weeks: int) -> None:
    """The people to re-engage, the ones quiet for `weeks` or more first."""
    from rebound import render

    utf8 = _utf8(out)
    flag, dot = ("⚑", "·") if utf8 else ("!", "-")
    flagged = sum(p.flagged for p in people)
    count = content.say_count("contacts_count", len(people))
    head = _text((content.say("contacts_title"), "bold"), (f"  {count}", "dim"))
    if flagged:
        quiet = content.say("contacts_quiet", count=flagged, number=weeks)
        head.append(quiet, style="dim")
    _say(out, head)
    for person in people:
        out.print()
        _say(out, _text((person.name, "bold")), 2)
        about = f" {dot} ".join(
            x for x in (" / ".join(person.relations), " / ".join(person.channels)) if x
        )
        if about:
            _say(out, _text(about), 4)
        origin = ", ".join(f"{s.company} ({s.heard_on.isoformat()})" for s in person.sources)
        _say(out, _text((content.say("contacts_from") + " ", "dim"), (origin, "dim")), 4)
        if person.last_contacted is None:
            status = content.say("contacts_never", value=_ago(content, person.days_quiet))
        elif person.flagged:
            status = content.say("contacts_not_for", value=_weeks(content, person.days_quiet))
        else:
            status = content.say("contacts_last", value=_ago(content, person.days_quiet))
        if person.last_contacted is not None:
            status += f" ({person.last_contacted.isoformat()})"
        if person.flagged:
            _say(out, _text((f"{flag} {status}", "bold yellow")), 4)
        else:
            _say(out, _text((status, render.GOOD if person.last_contacted else "dim")), 4)
    out.print()
    render.note(out, content.say("contacts_hint"), "dim")


# --- rebound stats --------------------------------------------------------------------------


@app.command()
def stats(ctx: typer.Context) -> None:
    """How your search is going: rejections over time, steps, fixes, areas, this week."""
    from rebound import insights

    if (ready := _across(ctx, empty="stats_none")) is None:
        return
    content, found, out = ready
    from rebound.render.insights import show_stats

    show_stats(out, content, insights.stats(content, found, brag=_brag_list(found)))


def _brag_list(sessions: list[Session]) -> BragList | None:
    """The brag list as `rebound brag` shows it (wins added by hand in, wins taken off out),
    with the sessions' newest entries taken in here only, without saving: stats only reads.
    None, having said why, when the list can't be read (a broken one was moved aside)."""
    from datetime import datetime, timezone

    from rebound import bragging
    from rebound.app import say_error
    from rebound.errors import ReboundError

    try:
        brag = store_for().load_brag()
    except ReboundError as exc:
        say_error(exc.message)
        return None
    bragging.sync(brag, sessions, datetime.now(timezone.utc))
    return brag

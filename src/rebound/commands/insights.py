"""Across sessions: `rebound todo`, `rebound contacts`, `rebound stats`.

These commands only read: they never save a session. What a person typed is printed through
`Text` objects (never markup), and every line is built to read well at 60 columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from rebound.app import command_group, content_for, report_moved, store_for

app = command_group()

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console
    from rich.text import Text

    from rebound.insights import Agenda, Contact, Stats, Todo
    from rebound.models import BragList, Content, Session

BAR_WIDTH = 30


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


def _utf8(out: Console) -> bool:
    return (out.encoding or "").lower().replace("-", "").startswith("utf")


def _text(*parts: str | tuple[str, str]) -> Text:
    """A line from plain parts and (text, style) parts; any text is shown exactly as typed."""
    from rich.text import Text

    from rebound import render

    return Text.assemble(
        *(render.clean(p) if isinstance(p, str) else (render.clean(p[0]), p[1]) for p in parts)
    )


def _say(
    out: Console, text: Text, indent: int = 0, *, prefix: Text | None = None, whole: bool = False
) -> None:
    """Print a line at `indent`, after an optional `prefix` (such as a date).

    On a terminal, a long line wraps under its own start (after the prefix). A `whole` line, a
    command to copy, is never broken by rebound: a line break would paste as two commands.
    Piped output is soft-wrapped (one line per line, for grep).
    """
    lead = _text(" " * indent)
    if prefix is not None:
        lead.append_text(prefix)
    if out.soft_wrap or whole:
        out.print(lead + text, soft_wrap=True)
        return
    hang = lead.cell_len
    for n, line in enumerate(text.wrap(out, max(out.width - hang, 20))):
        line.rstrip()
        out.print((lead if n == 0 else _text(" " * hang)) + line)


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
    from rebound import insights

    if (ready := _across(ctx)) is None:
        return
    content, found, out = ready
    days = None if all_ else insights.UPCOMING_DAYS
    show_agenda(out, content, insights.agenda(content, found, days=days))


def _when(content: Content, item: Todo, today: date) -> str:
    if item.due is None:
        return ""
    delta = (item.due - today).days
    if delta < 0:
        return content.say_count("todo_late", -delta)
    if delta == 0:
        return content.say("todo_due_today")
    return content.say_count("todo_due_in", delta)


def show_agenda(out: Console, content: Content, agenda: Agenda) -> None:
    """The open items of every session, grouped by when they are due, in the pack's words."""
    from rebound import render

    upcoming = (
        content.say("todo_upcoming")
        if agenda.until is None
        else content.say("todo_upcoming_until", date=agenda.until.isoformat())
    )
    groups = [
        (content.say("todo_overdue"), "bold red", agenda.overdue),
        (content.say("todo_today", date=agenda.today.isoformat()), "bold yellow", agenda.due_today),
        (upcoming, f"bold {render.ACCENT}", agenda.upcoming),
        (content.say("todo_anytime"), "bold", agenda.anytime),
    ]
    shown = False
    for title, style, items in groups:
        if not items:
            continue
        if shown:
            out.print()
        shown = True
        _say(out, _text((title, style), (f"  {len(items)}", "dim")))
        for item in items:
            stamp = _text((f"{item.due.isoformat()}  ", "bold")) if item.due else _text("")
            _say(out, _text(item.label), 2, prefix=stamp)
            detail = _text((f"{item.company}{_when(content, item, agenda.today)}", "dim"))
            _say(out, detail, 2 + (stamp.cell_len or 2))
            _say(out, _text((item.command, render.ACCENT)), 2, whole=True)
    if not shown and not agenda.later:
        render.note(out, content.say("todo_all_done"))
        return
    if agenda.later:
        last = agenda.until or agenda.today
        if shown:
            out.print()
        else:
            render.note(out, content.say("todo_quiet_until", date=last.isoformat()))
        render.note(out, content.say_count("todo_later", len(agenda.later)), "dim")


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


def _bar(count: int, most: int, utf8: bool) -> str:
    """A bar of `count` against `most`, in eighths of a block (or '#' without UTF-8)."""
    if count <= 0:
        return ""
    width = count / most * BAR_WIDTH if most > BAR_WIDTH else float(count)
    if not utf8:
        return "#" * max(1, round(width))
    eighths = max(1, round(width * 8))
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


def show_stats(out: Console, content: Content, figures: Stats) -> None:
    """The numbers of the whole search, with a small bar chart of rejections per month."""
    from rebound import render

    say = content.say
    utf8 = _utf8(out)
    times = "×" if utf8 else "x"
    _say(out, _text((say("stats_rejections"), "bold")))
    most = max((n for _, n in figures.per_month), default=0)
    for month, n in figures.per_month:
        label = f"{content.words.months[month.month - 1]} {month.year}"
        line = _text(f"{label}  ", (_bar(n, most, utf8), render.ACCENT), f" {n}")
        _say(out, line, 2)
    out.print()
    _say(out, _text((say("stats_progress"), "bold")))
    per_session = figures.steps_total // figures.sessions
    detail = content.say_count(
        "stats_done_detail", figures.sessions, value=times, number=per_session
    )
    _say(
        out,
        _text(
            say("stats_done") + " ",
            (say("stats_of", count=figures.steps_done, total=figures.steps_total), "bold"),
            (f" {detail}", "dim"),
        ),
        2,
    )
    kept = _text(
        say("stats_kept") + " ",
        (say("stats_of", count=figures.fixes_done, total=figures.fixes_total), "bold"),
        " " + say("stats_kept_unit"),
    )
    if figures.fixes_overdue:
        kept.append(" " + say("stats_overdue", count=figures.fixes_overdue), style="yellow")
    _say(out, kept, 2)
    if figures.weekly_target is not None:
        week = _text(
            say("stats_week") + " ",
            (say("stats_of", count=figures.conversations, total=figures.weekly_target), "bold"),
            " " + say("stats_week_unit"),
        )
        if figures.conversations >= figures.weekly_target:
            week.append(say("stats_target_met"), style=render.GOOD)
        elif figures.conversations == 0:
            week.append(say("stats_first_step"), style="dim")
        _say(out, week, 2)
    else:
        week = _text(
            say("stats_week") + " ",
            (str(figures.conversations), "bold"),
            " " + say("stats_week_unit"),
        )
        _say(out, week, 2)
    if figures.areas:
        out.print()
        _say(out, _text((say("stats_areas"), "bold")))
        width = len(str(figures.areas[0][1]))
        for label, n in figures.areas[:5]:
            _say(out, _text((f"{n:>{width}}{times} ", "dim"), label), 2)
        if len(figures.areas) > 5:
            _say(out, _text((say("stats_more", count=len(figures.areas) - 5), "dim")), 2)
    out.print()
    sessions = content.say_count("stats_sessions", figures.sessions)
    wins = content.say_count("stats_wins", figures.accomplishments)
    _say(out, _text((say("stats_totals") + " ", "bold"), f"{sessions}, {wins}"))

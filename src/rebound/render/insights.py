"""The screens of `rebound todo` and `rebound stats`: what is due, and how the search is going.

What a person typed is printed through `Text` objects (never markup), and every line is built
to read well at 60 columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rebound.render.screens import ACCENT, GOOD, note
from rebound.render.screens import line as _text
from rebound.render.screens import say_at as _say
from rebound.render.screens import utf8 as _utf8

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console

    from rebound.coach.insights import Agenda, Stats, Todo
    from rebound.coach.patterns import Patterns
    from rebound.pack.models import Content

BAR_WIDTH = 30


def _when(content: Content, item: Todo, today: date) -> str:
    if item.due is None:
        return ""
    delta = (item.due - today).days
    if delta < 0:
        return content.say_count("todo_late", -delta)
    if delta == 0:
        return content.say("todo_opens_today" if item.opens else "todo_due_today")
    return content.say_count("todo_due_in", delta)


def show_agenda(out: Console, content: Content, agenda: Agenda) -> None:
    """The open items of every session, grouped by when they are due, in the pack's words."""
    upcoming = (
        content.say("todo_upcoming")
        if agenda.until is None
        else content.say("todo_upcoming_until", date=agenda.until.isoformat())
    )
    groups = [
        (content.say("todo_overdue"), "bold red", agenda.overdue),
        (content.say("todo_today", date=agenda.today.isoformat()), "bold yellow", agenda.due_today),
        (upcoming, f"bold {ACCENT}", agenda.upcoming),
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
            when = _when(content, item, agenda.today)
            detail = _text((f"{item.company}{when}" if item.company else when.lstrip(", "), "dim"))
            _say(out, detail, 2 + (stamp.cell_len or 2))
            _say(out, _text((item.command, ACCENT)), 2, whole=True)
    if not shown and not agenda.later:
        note(out, content.say("todo_all_done"))
        return
    if agenda.later:
        last = agenda.until or agenda.today
        if shown:
            out.print()
        else:
            note(out, content.say("todo_quiet_until", date=last.isoformat()))
        note(out, content.say_count("todo_later", len(agenda.later)), "dim")


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
    say = content.say
    utf8 = _utf8(out)
    times = "×" if utf8 else "x"
    _say(out, _text((say("stats_rejections"), "bold")))
    most = max((n for _, n in figures.per_month), default=0)
    for month, n in figures.per_month:
        label = f"{content.words.months[month.month - 1]} {month.year}"
        line = _text(f"{label}  ", (_bar(n, most, utf8), ACCENT), f" {n}")
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
            week.append(say("stats_target_met"), style=GOOD)
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


def show_patterns(out: Console, content: Content, found: Patterns) -> None:
    """The reasons given, newest first, and a pattern in the areas, only once there are enough
    sessions to call it one (`patterns.PATTERN_SESSIONS`)."""
    from rebound.coach import patterns

    say = content.say
    if found.reasons:
        out.print()
        _say(out, _text((say("stats_reasons"), "bold")))
        for company, reasons in found.reasons[:5]:
            _say(out, _text((f"{company}: ", "dim"), reasons), 2)
        if len(found.reasons) > 5:
            _say(out, _text((say("stats_more", count=len(found.reasons) - 5), "dim")), 2)
    if not found.sessions:
        return
    out.print()
    if found.needed:
        line = content.say_count(
            "stats_pattern_wait", found.needed, number=patterns.PATTERN_SESSIONS
        )
        _say(out, _text((line, "dim")))
    elif found.recurring:
        for label, count in found.recurring:
            said = say("stats_pattern", name=label, count=count, total=found.sessions)
            _say(out, _text((said, "bold")))
    else:
        _say(out, _text((say("stats_no_pattern", total=found.sessions), "dim")))

"""todo, contacts and stats in-process, on a data folder with two sessions.

One session is the scenario's, filled as `start --answers` fills it (Globex, today); the other
is built through the coach with dates in the past (Initech, heard 40 days ago), so that some
items are overdue and a contact is quiet.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from rebound.coach import contacts as keeping
from rebound.coach import insights, progress
from rebound.pack import models as pack_models
from rebound.pack import packs
from rebound.render import contacts as contact_screens
from rebound.render import insights as screens
from rebound.storage.records import ContactLog
from rebound.storage.store import Store
from tests import pinned
from tests.helpers import Run, build_session
from tests.scenario import SESSION_ID
from tests.unit.test_insights import at, build

TODAY = pinned.TODAY
HEARD = TODAY - timedelta(days=40)
OTHER_ID = f"{HEARD.isoformat()}-initech"
OTHER = "Initech [bold]Corp[/bold]"  # markup typed by a person is shown as typed
MONTHS = pack_models.MONTHS


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two sessions, made once: Globex from the scenario, Initech built with past dates."""
    home = tmp_path_factory.mktemp("insights") / "rebound-home"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REBOUND_HOME", str(home))
        assert build_session(home).id == SESSION_ID
    other = build(
        packs.load(),
        OTHER_ID,
        HEARD,
        answers={
            "company": OTHER,
            "areas": ["technical_depth", "other"],
            "areas_other": "Telling impact stories",
        },
        lists={
            "fixes": [
                {"what": "Practise system design", "due": day(-5)},
                {"what": "Mock interview with Sam", "due": day(0)},
                {"what": "Read DDIA chapter 5", "due": day(30)},
            ],
            "contacts": [
                {"name": "priya  patel", "relation": "former_colleague", "channel": "linkedin"},
                {"name": "Sam Lee", "relation": "friend", "channel": "coffee"},
            ],
        },
    )
    other.ticked["contact-2"] = at(TODAY - timedelta(days=2))
    other.ticked["thank-you-sent"] = at(HEARD)
    Store(home).save(other)
    return home


@pytest.fixture
def two(template: Path, rebound_home: Path) -> Path:
    """A fresh copy of the two sessions in this test's data folder."""
    shutil.copytree(template, rebound_home)
    return rebound_home


def group(stdout: str, title: str) -> list[str]:
    """The lines of one group of `rebound todo`, from its title to the next blank line."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    end = next((i for i in range(start, len(lines)) if not lines[i]), len(lines))
    return lines[start + 1 : end]


def snapshot(home: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in home.rglob("*") if p.is_file()}


# --- todo -----------------------------------------------------------------------------------


def test_todo_groups_items_of_both_sessions(run: Run, two: Path) -> None:
    result = run(["todo"])
    assert result.exit_code == 0, result.output
    overdue = group(result.stdout, "Overdue")
    assert f"  {day(-5)}  Fix: Practise system design" in overdue
    assert f"              {OTHER}, 5 days overdue" in overdue
    assert f"  rebound done fix-1 --session {OTHER_ID}" in overdue
    assert f"  {day(-33)}  Follow up with Bill Lumbergh if no feedback has come" in overdue
    assert f"  {day(-37)}  Moved on from {OTHER}" in overdue
    assert not any("thank-you-sent" in line for line in overdue)  # ticked
    assert [line for line in overdue if "Globex" in line] == []

    today = group(result.stdout, f"Today, {TODAY.isoformat()}")
    assert today == [
        f"  {day(0)}  Fix: Mock interview with Sam",
        f"              {OTHER}, due today",
        f"  rebound done fix-2 --session {OTHER_ID}",
        f"  {day(0)}  Thank-you email sent to Dana Smith",  # the same day as the call
        "              Globex, due today",
        f"  rebound done thank-you-sent --session {SESSION_ID}",
    ], result.stdout

    upcoming = group(result.stdout, f"Upcoming (to {day(14)})")
    assert f"  {day(7)}  Reach out to Priya Patel (Head hunter or recruiter, Email)" in upcoming
    assert f"  rebound done contact-1 --session {SESSION_ID}" in upcoming
    assert upcoming.index(f"  {day(3)}  Moved on from Globex") < upcoming.index(
        f"  {day(7)}  Reach out to Priya Patel (Head hunter or recruiter, Email)"
    )

    anytime = group(result.stdout, "Anytime")
    assert anytime == [
        "  Feedback received from Bill Lumbergh",  # asked by email, not heard yet
        f"    {OTHER}",
        f"  rebound done feedback-received --session {OTHER_ID}",
        "  Stories rehearsed out loud",
        f"    {OTHER}",
        f"  rebound done rehearsed --session {OTHER_ID}",
        "  Feedback received from Dana Smith",  # the request is out; no reasons yet
        "    Globex",
        f"  rebound done feedback-received --session {SESSION_ID}",
    ]
    assert "Read DDIA" not in result.stdout  # 30 days away
    assert re.search(r"^\d+ more items? due later: `rebound todo --all`", result.stdout, re.M)
    assert "\x1b" not in result.stdout


def test_todo_all_shows_later_items(run: Run, two: Path) -> None:
    result = run(["todo", "--all"])
    assert result.exit_code == 0, result.output
    upcoming = group(result.stdout, "Upcoming")
    assert f"  {day(30)}  Fix: Read DDIA chapter 5" in upcoming
    assert f"  rebound done fix-3 --session {OTHER_ID}" in upcoming
    assert "due later" not in result.stdout


def test_the_printed_command_ticks_the_item(run: Run, two: Path) -> None:
    line = next(
        line for line in run(["todo"]).stdout.splitlines() if "done fix-1 --session" in line
    )
    ticked = run(line.split()[1:])
    assert ticked.exit_code == 0, ticked.output
    assert "Ticked: Fix: Practise system design" in ticked.stdout
    assert "Practise system design" not in run(["todo"]).stdout


def test_todo_without_sessions(run: Run) -> None:
    result = run(["todo"])
    assert result.exit_code == 0
    assert result.stdout.startswith("No sessions yet. When you're ready, `rebound start`")


def test_todo_when_everything_is_ticked(run: Run, rebound_home: Path) -> None:
    c = packs.load()
    s = build(c, "2026-01-05-acme", TODAY - timedelta(days=3), answers={"rehearsed": True})
    for entry in progress.checklist(c, s):
        if not entry.info:
            progress.tick(c, s, entry.id, at(TODAY))
    Store().save(s)
    result = run(["todo"])
    assert result.exit_code == 0, result.output
    # Every item is ticked; Sam Lee, a former manager reached today, is due again in 6 weeks.
    assert result.stdout.startswith(f"Nothing is due until after {day(14)}.")
    assert f"{day(42)}  Keep in touch with Sam Lee (every 6 weeks)" in run(["todo", "--all"]).stdout


# --- contacts -------------------------------------------------------------------------------


def test_contacts_merged_and_flagged(run: Run, two: Path) -> None:
    result = run(["contacts"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "People to reach out to  2 people, 1 gone quiet"
    priya = lines.index("  Priya Patel")  # one person, spelled as in the latest session
    assert lines[priya + 1 : priya + 4] == [
        # Known in two ways: the more frequent cadence (a recruiter's) counts.
        "    Former colleague / Head hunter or recruiter · LinkedIn / Email · "
        "priya@talent.example · every 4 weeks",
        f"    From: {OTHER} ({HEARD.isoformat()}), Globex ({TODAY.isoformat()})",
        "    ⚑ never contacted, added 5 weeks ago",
    ]
    sam = lines.index("  Sam Lee")
    assert sam > priya  # flagged people first
    assert lines[sam + 1 : sam + 5] == [
        "    Friend · Coffee or lunch · every 12 weeks",
        f"    From: {OTHER} ({HEARD.isoformat()})",
        f"      {day(-2)}  reached (ticked in {OTHER})",
        f"    last contacted 2 days ago; next touch by {day(-2 + 84)}",
    ]
    assert result.stdout.count("Priya") == 1


def test_contacts_weeks_option_and_a_tick(run: Run, two: Path) -> None:
    relaxed = run(["contacts", "--weeks", "6"])
    assert relaxed.exit_code == 0, relaxed.output
    assert "⚑" not in relaxed.stdout
    added = (HEARD + timedelta(weeks=6)).isoformat()
    assert f"    never contacted, added 5 weeks ago; next touch by {added}" in relaxed.stdout
    run(["done", "contact-1", "--session", SESSION_ID])
    after = run(["contacts"]).stdout.splitlines()
    assert after[0] == "People to reach out to  2 people"
    assert f"    last contacted today; next touch by {day(28)}" in after


@pytest.mark.parametrize("weeks", ["0", "x"])
def test_contacts_bad_weeks(run: Run, two: Path, weeks: str) -> None:
    assert run(["contacts", "--weeks", weeks]).exit_code == 2


def test_contacts_without_any(run: Run) -> None:
    assert run(["contacts"]).stdout.startswith("No sessions yet.")
    c = packs.load()
    Store().save(build(c, "2026-01-05-acme", TODAY, stop_at="went_well"))
    result = run(["contacts"])
    assert result.exit_code == 0
    assert result.stdout.startswith("No contacts yet. Step 5, Get back out there,")


# --- stats ----------------------------------------------------------------------------------


def label(month: date) -> str:
    return f"{MONTHS[month.month - 1]} {month.year}"


def test_stats_of_two_sessions(run: Run, two: Path) -> None:
    result = run(["stats"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Rejections over time"
    bars = lines[1 : lines.index("")]
    assert bars[0] == f"  {label(HEARD)}  █ 1"
    assert bars[-1] == f"  {label(TODAY)}  █ 1"
    months = (TODAY.year - HEARD.year) * 12 + TODAY.month - HEARD.month
    assert len(bars) == months + 1  # months without a rejection in between are shown too
    assert "  Steps completed: 10 of 10 (2 sessions × 5 steps)" in lines
    overdue = 1  # Initech's system design, five days ago; Globex's fixes are still to come
    assert f"  Commitments kept: 0 of 5 fixes ({overdue} overdue)" in lines
    assert "  This week: 1 of 3 new conversations" in lines  # Sam, two days ago
    areas = lines.index("Areas to work on, most often")
    assert lines[areas + 1 : areas + 3] == [
        "  2× Something else: Telling impact stories",  # one area, however it was typed
        "  2× Technical depth",
    ]
    assert "Totals: 2 sessions, 2 accomplishments on your lists" in lines


def test_stats_counts_what_the_brag_list_holds(run: Run, two: Path) -> None:
    """A win added by hand is on the list, one taken off is not: stats says what `brag` says."""
    assert run(["brag", "add", "--title", "Mentored two juniors"]).exit_code == 0
    assert run(["brag", "remove", "1", "--yes"]).exit_code == 0
    listed = run(["brag"]).stdout
    held = len(re.findall(r"^\s*\d+\. ", listed, re.M))
    assert held == 2, listed
    assert "Totals: 2 sessions, 2 accomplishments on your lists" in run(["stats"]).stdout
    assert run(["brag", "add", "--title", "Ran the on-call rota"]).exit_code == 0
    assert "Totals: 2 sessions, 3 accomplishments on your lists" in run(["stats"]).stdout


def test_stats_without_sessions(run: Run) -> None:
    result = run(["stats"])
    assert result.exit_code == 0
    assert "No sessions yet" in result.stdout
    assert "`rebound start`" in result.stdout


# --- all three ------------------------------------------------------------------------------

COMMANDS = [["todo"], ["todo", "--all"], ["contacts"], ["stats"]]


@pytest.mark.parametrize("args", COMMANDS)
def test_they_only_read(run: Run, two: Path, args: list[str]) -> None:
    def data() -> dict[str, tuple[int, bytes]]:  # todo rebuilds the due index, none of the data
        derived = ("due.json", "due-index.lock")  # the index, and the lock it is written under
        return {name: v for name, v in snapshot(two).items() if name not in derived}

    before = data()
    assert run(args).exit_code == 0
    assert data() == before


@pytest.mark.parametrize("args", COMMANDS)
def test_a_broken_file_is_reported_and_the_rest_shown(run: Run, two: Path, args: list[str]) -> None:
    (two / "sessions" / "2026-01-01-broken.json").write_text("{not json")
    result = run(args)
    assert result.exit_code == 0, result.output
    assert "The saved session '2026-01-01-broken' could not be read" in result.stderr
    assert "Globex" in result.stdout or "Totals: 2 sessions" in result.stdout


def console(width: int = 60) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    out = Console(
        file=buffer,
        width=width,
        force_terminal=True,
        color_system="truecolor",
        markup=False,
        emoji=False,
        highlight=False,
    )
    return out, buffer


ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("view", ["todo", "contacts", "stats"])
def test_a_terminal_60_columns_wide(two: Path, view: str) -> None:
    c = packs.load()
    sessions = Store().load_all()
    out, buffer = console()
    if view == "todo":
        screens.show_agenda(out, c, insights.agenda(c, sessions, days=None))
    elif view == "contacts":
        contact_screens.people(out, c, keeping.people(c, sessions, ContactLog()), None)
    else:
        screens.show_stats(out, c, insights.stats(c, sessions))
    raw = buffer.getvalue()
    assert "\x1b[" in raw  # styled: this is a terminal
    plain = ANSI.sub("", raw)
    for line in plain.splitlines():
        assert len(line) <= 60, line
    if view != "stats":  # (stats names no company)
        assert OTHER.split()[1] in plain  # '[bold]Corp[/bold]' shown as typed
    words = " ".join(plain.split())
    if view == "todo":
        assert "Follow up with Bill Lumbergh if no feedback has come" in words
        # 61 characters: broken between its words, with a ' \' that keeps it one command when
        # pasted, rather than inside a word by the terminal (issue 22).
        assert f"\n  rebound done feedback-followup --session \\\n      {OTHER_ID}\n" in plain
    elif view == "contacts":
        assert f"From: {OTHER} ({HEARD.isoformat()}), Globex ({TODAY.isoformat()})" in words
    else:
        assert "2× Something else: Telling impact stories" in words


def test_todo_lines_wrap_under_their_start(two: Path) -> None:
    c = packs.load()
    out, buffer = console(50)
    screens.show_agenda(out, c, insights.agenda(c, Store().load_all()))
    plain = ANSI.sub("", buffer.getvalue()).splitlines()
    first = plain.index(f"  {day(-33)}  Follow up with Bill Lumbergh if no")
    assert plain[first + 1] == "              feedback has come"


def test_a_terminal_without_unicode(two: Path) -> None:
    c = packs.load()
    sessions = Store().load_all()
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    out = Console(file=stream, width=60, markup=False, emoji=False, highlight=False)
    screens.show_agenda(out, c, insights.agenda(c, sessions))
    contact_screens.people(out, c, keeping.people(c, sessions, ContactLog()), None)
    screens.show_stats(out, c, insights.stats(c, sessions))
    stream.flush()
    text = raw.getvalue().decode("ascii")
    assert "    ! never contacted, added 5 weeks ago" in text.splitlines()
    assert f"  {label(TODAY)}  # 1" in text.splitlines()
    assert "  Steps completed: 10 of 10 (2 sessions x 5 steps)" in text.splitlines()


def lines_of(show: Any, *args: Any) -> list[str]:
    out, buffer = console()
    show(out, packs.load(None), *args)
    return ANSI.sub("", buffer.getvalue()).splitlines()


def test_contact_lines() -> None:
    src = (insights.Source("s", "Acme", date(2026, 10, 1)),)
    quiet = insights.Contact(
        "Quiet", (), ("Email",), src, date(2026, 10, 1), date(2026, 10, 20), 36, True
    )
    fresh = insights.Contact("Fresh", ("Friend",), (), src, date(2026, 10, 1), TODAY, 0, False)
    people = [
        keeping.Person(
            quiet,
            "quiet",
            4,
            (keeping.Seen(date(2026, 10, 20), "no-answer", "left a voicemail"),),
            36,
            True,
            date(2026, 11, 17),
            (),
        ),
        keeping.Person(fresh, "fresh", 12, (keeping.Seen(TODAY, "met"),), 0, False, TODAY, ()),
    ]
    lines = lines_of(contact_screens.people, people, None)
    assert lines[0] == "People to reach out to  2 people, 1 gone quiet"
    assert lines[2:7] == [
        "  Quiet",
        "    Email · every 4 weeks",
        "    From: Acme (2026-10-01)",
        "      2026-10-20  no answer yet: left a voicemail",
        "    ⚑ not contacted for 5 weeks",
    ]
    assert f"    last contacted today; next touch by {TODAY.isoformat()}" in lines
    assert lines_of(contact_screens.people, people, 3)[0] == (
        "People to reach out to  2 people, 1 quiet for 3+ weeks"
    )


def figures(**changes: Any) -> insights.Stats:
    base = insights.Stats(
        sessions=1,
        per_month=[(date(2026, 1, 1), 60), (date(2026, 2, 1), 0), (date(2026, 3, 1), 3)],
        steps_done=3,
        steps_total=5,
        fixes_done=0,
        fixes_total=0,
        fixes_overdue=0,
        areas=[(f"Area {n}", 7 - n) for n in range(7)],
        conversations=0,
        weekly_target=2,
        accomplishments=1,
    )
    return dataclasses.replace(base, **changes)


def test_stats_lines() -> None:
    lines = lines_of(screens.show_stats, figures())
    assert lines[1:4] == [
        "  Jan 2026  " + "█" * 30 + " 60",  # the longest bar is 30 wide
        "  Feb 2026   0",
        "  Mar 2026  █▌ 3",  # scaled, in eighths of a block
    ]
    assert "  Steps completed: 3 of 5 (1 session × 5 steps)" in lines
    assert "  Commitments kept: 0 of 0 fixes" in lines
    assert "  This week: 0 of 2 new conversations. One message today is" in lines
    assert "  a fine start." in lines  # wrapped at 60 columns, under its start
    assert lines[-4:-2] == ["  3× Area 4", "  and 2 more"]  # the five most frequent
    assert lines[-1] == "Totals: 1 session, 1 accomplishment on your lists"
    met = lines_of(screens.show_stats, figures(conversations=2, weekly_target=2))
    assert "  This week: 2 of 2 new conversations. Target met!" in met
    untargeted = lines_of(screens.show_stats, figures(weekly_target=None, areas=[]))
    assert "  This week: 0 new conversations" in untargeted
    assert "Areas to work on, most often" not in untargeted

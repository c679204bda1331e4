"""The exporters, on a session built answer by answer with fixed times: Markdown, JSON, iCalendar.

The Markdown export is compared with `tests/snapshots/session.md`. After a deliberate change to
the output, regenerate the snapshot and review the diff before committing it:

    REBOUND_UPDATE_SNAPSHOTS=1 python -m pytest tests/unit/test_export.py
"""

from __future__ import annotations

import html
import os
import re
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import icalendar
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from rebound import export
from rebound.coach import progress
from rebound.pack import packs
from rebound.pack.models import Content
from rebound.storage.records import AnswerValue, Session
from tests.helpers import NIGHTLY

SNAPSHOTS = Path(__file__).resolve().parent.parent / "snapshots"
START = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
TODAY = date(2026, 11, 30)
SESSION_ID = "2026-11-25-globex"

# What the person "typed", with text that Markdown (or a terminal) could misread.
ODD = {
    "thank_detail": "the [bold]honest[/bold] notes 🎉",
    "reasons": "Another candidate had more *Spark* & SQL_experience | &amp;\n- and 4+ years # of",
    "areas_other": "telling <impact> stories :smile: for $100k",
    "weakness": "I undersell my results `really` \\o/",
    "fix": "# Rehearse stories with numbers **",
}
SCRIPT: dict[str, Any] = {
    "company": "Globex",
    "role": "Data Engineer | Platform",
    "internal": False,
    "stage": "interviews",
    "messenger_name": "Dana Smith",
    "messenger_channel": "video",
    "messenger_email": "dana@globex.example",
    "call_date": "2026-11-25",
    "your_name": "Alex Doe",
    "thanked_on_call": True,
    "thank_detail": ODD["thank_detail"],
    "door": "none",
    "reasons_heard": "not_yet",
    "feedback_in_thanks": "separate",
    "feedback_asked": "will_email",
    "reasons": ODD["reasons"],
    "areas": ["technical_depth", "other"],
    "areas_other": ODD["areas_other"],
    "weakness": ODD["weakness"],
    "went_well": "The design round went really well",
    "fixes": [
        {"what": "Practise Spark joins", "due": "2026-12-09"},
        {"what": ODD["fix"], "due": "2026-12-02"},
    ],
    "move_on_date": "2026-11-28",
    "accomplishments": [
        dict(NIGHTLY),
        {"title": "Mentored three juniors", "story": False, "number": None},
    ],
    "rehearsed": True,
    # No address for Priya: left blank at the prompt ("I'll fill it in").
    "contacts": [
        {
            "name": "Priya Patel",
            "relation": "head_hunter",
            "channel": "email",
            "email": None,
            "request": None,
        }
    ],
    "events": [
        {"name": "PyData meetup", "date": "2026-12-04"},
        {"name": "Open-source sprint", "date": None},
    ],
    "looking_for": "a data engineer on a platform team",
    "known_for": "making slow pipelines fast",
    "weekly_target": 3,
}
# Items with a date: thank-you, 2 fixes, move-on, 1 contact, 1 event (the other has no date),
# the availability post, and the company's three check-ins and reapply date. (No feedback to
# ask for, nor a follow-up: the reasons were given.)
DATED = 11


@pytest.fixture(autouse=True)
def utc() -> Iterator[None]:
    """Days of stored moments are shown in local time: pin it, so the snapshot is the same
    everywhere."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    if hasattr(time, "tzset"):
        time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    if hasattr(time, "tzset"):
        time.tzset()


@pytest.fixture(scope="module")
def loaded() -> Content:
    return packs.load()


def build(c: Content, script: dict[str, Any] = SCRIPT, stop_at: str | None = None) -> Session:
    """A session answered in order from `script`, one minute per answer, drafts kept as the app
    keeps them; `stop_at` leaves it unfinished just before that prompt (or list field)."""
    session = Session(id=SESSION_ID, created_at=START, updated_at=START)
    minute = 0
    while (pos := progress.next_position(c, session)) is not None:
        pid = pos.prompt.id
        name = f"{pid}.{pos.field.id}" if pos.field else pid
        if name == stop_at:
            break
        value: AnswerValue
        if pos.more:
            value = pos.entry <= len(script[pid])
        elif pos.field is not None:
            value = script[pid][pos.entry - 1][pos.field.id]
        else:
            value = script[pid]
        minute += 1
        progress.apply(c, session, pos, value, START + timedelta(minutes=minute))
        if pos.step is not None and progress.step_done(pos.step, session):
            for d in pos.step.drafts:
                session.drafts.setdefault(d.id, progress.draft_text(c, session, d))
    return session


@pytest.fixture
def session(loaded: Content) -> Session:
    s = build(loaded)
    progress.tick(loaded, s, "thank-you-sent", datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc))
    return s


def snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("REBOUND_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"no snapshot yet: run with REBOUND_UPDATE_SNAPSHOTS=1 to write {path}"
    assert actual == path.read_text(encoding="utf-8"), (
        f"{name} differs from the snapshot; if the change is meant, regenerate it "
        "(REBOUND_UPDATE_SNAPSHOTS=1) and review the diff"
    )


# Markdown


def test_markdown_snapshot(loaded: Content, session: Session) -> None:
    snapshot("session.md", export.to_markdown(loaded, session, TODAY))


def _html(markdown: str) -> str:
    """Rendered as GitHub would (tables, strikethrough), which is stricter than CommonMark."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def _plain(rendered: str) -> str:
    text = re.sub(r"<br\s*/?>", "\n", rendered)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def test_markdown_shows_typed_text_literally(loaded: Content, session: Session) -> None:
    rendered = _html(export.to_markdown(loaded, session, TODAY))
    plain = _plain(rendered)
    for text in ODD.values():
        assert text in plain, text
    # Nothing typed became structure: one title, no emphasis, code, links, tables or struck text
    # beyond rebound's own (question labels in bold, notes in italics, drafts in code blocks).
    assert rendered.count("<h1>") == 1
    assert set(re.findall(r"<em>(.*?)</em>", rendered)) == {"(left blank)"}
    assert all(
        label.endswith(("?", ":")) for label in re.findall(r"<strong>(.*?)</strong>", rendered)
    )
    assert rendered.count("<code") == rendered.count("<pre><code")
    for tag in ("<table", "<del>", "<a ", "<impact>"):
        assert tag not in rendered, tag
    assert "<h1>Rehearse" not in rendered
    assert "<li>and 4+" not in rendered  # the second line of an answer stays in its item


def test_markdown_has_the_whole_session(loaded: Content, session: Session) -> None:
    md = export.to_markdown(loaded, session, TODAY)
    assert md.startswith("# Globex · Data Engineer \\| Platform\n")
    assert "- **Session:** 2026-11-25-globex" in md
    assert "- **How did the news reach you?** A video call" in md  # a select shows its label
    assert "- **Which areas would you like to work on?** Technical depth, Something else" in md
    assert "- **Did you get to thank them during the conversation?** yes" in md
    assert "  - **How do you know them?** Head hunter or recruiter" in md  # inside a list entry
    for n in range(1, 6):
        assert f"## Step {n} of 5 · " in md
    # Every draft of the finished steps that applies: the reasons came, so no request for them.
    assert md.count("```text") == 6
    assert "- [x] Thank-you email sent to Dana Smith (due 2026-11-25, done 2026-11-26)" in md
    assert "- [ ] Fix: Practise Spark joins (due 2026-12-09)" in md
    assert "- Accomplishments on your list: 2" in md


def test_markdown_of_an_unfinished_session(loaded: Content) -> None:
    s = build(loaded, stop_at="fixes.due")
    md = export.to_markdown(loaded, s, TODAY)
    assert "- **Your fixes:** *(still adding)*" in md
    assert "*Not finished yet.*" in md  # step 3
    assert "*Not started yet.*" in md  # steps 4 and 5
    assert "### Your reflection" not in md  # no draft of an unfinished step
    assert "**Next:** Go on with step 3 of 5" in md


def test_markdown_renders_drafts_not_saved(loaded: Content, session: Session) -> None:
    saved = export.to_markdown(loaded, session, TODAY)
    session.drafts.clear()
    assert export.to_markdown(loaded, session, TODAY) == saved


def test_markdown_draft_fence_outgrows_backticks(loaded: Content, session: Session) -> None:
    session.drafts["reflection"] = "before\n````\nstill inside\n"
    md = export.to_markdown(loaded, session, TODAY)
    assert "`````text\nbefore\n````\nstill inside\n`````" in md


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("plain words, AT&T, C# and 10:30", "plain words, AT&T, C# and 10:30"),
        ("a *b* _c_ `d` [e](f) <g>", "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g>"),
        ("&amp; :smile: #1 $5 ~x~ a|b \\", "\\&amp; \\:smile: \\#1 \\$5 \\~x\\~ a\\|b \\\\"),
        ("one\n- two\n# three\n1. four", "one\\\n  \\- two\\\n  \\# three\\\n  1\\. four"),
        ("1. first", "1\\. first"),
        # Issue 22, item 15: '->' was written '-\>'; '>' opens a quote only at a line's start.
        ("6 hours -> 40 minutes", "6 hours -> 40 minutes"),
        ("> quoted\na > b", "\\> quoted\\\n  a > b"),
        ("- a\n  + b", "\\- a\\\n  \\+ b"),
        ("    code?\n\n    more", "code?\n\n  more"),
        ("bell\x07 and esc\x1b[31m", "bell\\\\x07 and esc\\\\x1b\\[31m"),
    ],
)
def test_escape(typed: str, expected: str) -> None:
    assert export.escape(typed, "  ") == expected


# Pieces that Markdown gives meaning to, at the start of a line or anywhere in it.
_PIECES = st.sampled_from(
    [*"ab1 \t\n*_`[]()<>|~$#&;:!-+=.\\\"'/@", "&amp;", ":smile:", "1.", "```", "---", "<b>", "    "]
)


# Where typed text lands in the export: after a question, as a list entry's first line (its
# bullet), as a nested entry under a question, and as a checklist item.
_PLACES = {
    "after a question": ("- **Q?** ", "  ", "Q?"),
    "a list entry": ("- ", "  ", "\n"),
    "a nested entry": ("- **Q?**\n  - ", "    ", "Q?"),
    "a checklist item": ("- [ ] ", "  ", "[ ]"),
}


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join), st.sampled_from(sorted(_PLACES)))
def test_escaped_text_reads_as_typed_and_stays_in_its_item(typed: str, place: str) -> None:
    assume(typed.strip())  # a blank answer is shown as "(left blank)", never escaped
    before, indent, marker = _PLACES[place]
    rendered = _html(f"{before}{export.escape(typed, indent)}\n- next\n")
    # Nothing typed ended the item, started another, or became a list, code or a heading.
    assert rendered.count("<li>") == 2 + before.count("\n")
    assert rendered.count("<ul>") == 1 + before.count("\n")
    for tag in ("<ol", "<pre", "<code", "<h1", "<h2", "<hr", "<blockquote"):
        assert tag not in rendered
    shown = _plain(rendered).split(marker, 1)[-1].rsplit("next", 1)[0]
    assert shown.split() == typed.split()  # every character kept (spacing aside)


@pytest.mark.parametrize(
    "typed",
    ["1. first", "2) second", "- dash", "+ plus", "    four spaces", "\ta tab", "= equals", "***"],
)
def test_a_list_entry_that_looks_like_markdown_reads_as_typed(
    loaded: Content, session: Session, typed: str
) -> None:
    session.answers["fixes"] = [{"what": typed, "due": "2026-12-09"}]
    session.answers["reasons"] = typed
    rendered = _html(export.to_markdown(loaded, session, TODAY))
    for tag in ("<ol", "<li><ul>", "<li>\n<ul>", "<hr", "<li><pre>"):
        assert tag not in rendered, tag
    plain = _plain(rendered)
    assert f"\n{typed.strip()}\n" in plain  # the entry, as its own bullet
    assert f"? {typed.strip()}\n" in plain  # the answer after its question


def test_an_answer_of_only_spaces_is_left_blank(loaded: Content, session: Session) -> None:
    session.answers["fixes"] = [{"what": "   ", "due": "2026-12-09"}]
    rendered = _html(export.to_markdown(loaded, session, TODAY))
    assert "<h2><strong>Your fixes" not in rendered  # an empty bullet would underline it
    assert "<li><em>(left blank)</em>" in rendered


# JSON


def test_json_round_trip(session: Session) -> None:
    assert Session.model_validate_json(export.to_json(session)) == session


def test_json_is_the_saved_model(session: Session) -> None:
    assert export.to_json(session) == session.model_dump_json(indent=2) + "\n"


# iCalendar


def _events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    assert isinstance(cal, icalendar.Calendar)
    return [c for c in cal.walk("VEVENT") if isinstance(c, icalendar.Event)]


def test_ics_one_event_per_dated_item(loaded: Content, session: Session) -> None:
    data = export.to_ics(loaded, session)
    events = _events(data)
    dated = export.dated_items(loaded, session)
    assert len(events) == len(dated) == DATED
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    # In the order of their days, as in `export --all`.
    assert uids == [
        f"{SESSION_ID}-{e.id}@rebound" for e in sorted(dated, key=lambda e: (e.due, e.id))
    ]


def test_an_event_keeps_its_uid_when_an_entry_before_it_is_taken_out(
    loaded: Content, session: Session
) -> None:
    def uids() -> dict[str, str]:
        return {str(e["SUMMARY"]): str(e["UID"]) for e in _events(export.to_ics(loaded, session))}

    before = uids()
    fixes = session.answers["fixes"]
    assert isinstance(fixes, list) and len(fixes) == 2
    first = fixes.pop(0)
    assert isinstance(first, dict)
    after = uids()
    [gone] = set(before) - set(after)
    assert gone == f"Fix: {first['what']}"
    assert after == {k: v for k, v in before.items() if k != gone}  # a re-import moves nothing


def test_ics_dates_and_fields(loaded: Content, session: Session) -> None:
    prefix = len(SESSION_ID) + 1
    events = {
        str(e["UID"])[prefix:].split("@")[0]: e for e in _events(export.to_ics(loaded, session))
    }
    expected = {
        "thank-you-sent": date(2026, 11, 25),
        "contact-1": date(2026, 12, 2),
        "post-published": date(2026, 11, 27),
        "fix-1": date(2026, 12, 9),
        "fix-2": date(2026, 12, 2),
        "move-on": date(2026, 11, 28),
        "event-1": date(2026, 12, 4),
    }
    for item_id, day in expected.items():
        event = events[item_id]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and start == day, item_id  # all-day: a DATE, no time zone
        assert type(end) is date and end == day + timedelta(days=1), item_id
    assert "event-2" not in events  # no date given
    assert str(events["fix-2"]["SUMMARY"]) == f"Fix: {ODD['fix']}"
    description = str(events["fix-1"]["DESCRIPTION"])
    assert "Work on your fix: Practise Spark joins." in description
    assert "Globex · Data Engineer | Platform" in description
    assert str(events["thank-you-sent"]["DESCRIPTION"]).startswith("Done on 2026-11-26.")
    for name, event in events.items():
        assert event.decoded("DTSTAMP") == session.updated_at
        # Issue 22, item 5: a ticked item reaches the calendar as done (cancelled), as --all's.
        done = name == "thank-you-sent"
        assert (str(event["STATUS"]), event.decoded("SEQUENCE")) == (
            ("CANCELLED", 1) if done else ("CONFIRMED", 0)
        ), name


def test_ics_is_valid_rfc5545_text(loaded: Content, session: Session) -> None:
    data = export.to_ics(loaded, session)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")  # every line ends in CRLF
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)  # folded, in octets
    assert b"VERSION:2.0" in lines
    assert any(line.startswith(b"PRODID:-//rebound//") for line in lines)
    data.decode("utf-8")  # folding never split a character


def test_ics_is_stable(loaded: Content, session: Session) -> None:
    assert export.to_ics(loaded, session) == export.to_ics(loaded, session)
    again = Session.model_validate_json(export.to_json(session))
    assert export.to_ics(loaded, again) == export.to_ics(loaded, session)


def test_ics_keeps_odd_text(loaded: Content, session: Session) -> None:
    long = "Practise, practise; \\ and again 🎉 " * 5 + "\x1b[31m"
    session.answers["fixes"] = [{"what": long, "due": "2026-12-09"}]
    (event,) = [e for e in _events(export.to_ics(loaded, session)) if "fix-1@" in e["UID"]]
    assert str(event["SUMMARY"]) == "Fix: " + long.replace("\x1b", "\\x1b")


def _text(prop: Any) -> str:
    """A text property as a strict calendar reads it (icalendar leaves X- ones as raw text).

    RFC 5545 3.3.11: '\\\\', '\\;', '\\,' and '\\n' are escapes, and a bare ',' or ';'
    separates values, so such a reader keeps the text before it.
    """
    if isinstance(prop, icalendar.vText):
        return str(prop)
    out, raw, i = [], prop.to_ical().decode(), 0
    while i < len(raw) and raw[i] not in ",;":
        if raw[i] == "\\" and i + 1 < len(raw):
            i += 1
            out.append("\n" if raw[i] in "nN" else raw[i])
        else:
            out.append(raw[i])
        i += 1
    return "".join(out)


def test_ics_escapes_every_text_property(loaded: Content, session: Session) -> None:
    odd = "A, B; C \\ D"
    session.answers["company"] = odd
    session.answers["fixes"] = [{"what": odd, "due": "2026-12-09"}]
    data = export.to_ics(loaded, session)
    cal = icalendar.Calendar.from_ical(data)
    assert _text(cal["X-WR-CALNAME"]) == f"rebound: {session.title}"
    assert session.title.startswith(odd)
    # Every property that carries typed text, on the calendar or an event, reads back whole.
    carried = 0
    for component in cal.walk():
        for name, prop in component.property_items(recursive=False):
            if isinstance(prop, (icalendar.vText, icalendar.prop.vUnknown)) and "A," in _text(prop):
                assert odd in _text(prop), name
                carried += 1
    assert carried >= 3  # the calendar's name, the fix's summary, every description


def test_ics_needs_a_dated_item(loaded: Content) -> None:
    s = build(loaded, stop_at="thanked_on_call")
    assert export.dated_items(loaded, s) == []
    with pytest.raises(ValueError, match="no dated items"):
        export.to_ics(loaded, s)

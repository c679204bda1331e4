"""Dates that count from the news (`due_after` a date prompt) count from the day it came,
however late the session was started."""

from __future__ import annotations

from datetime import date, timedelta

from rebound.coach import earlier_sessions, progress
from rebound.pack import packs
from tests.helpers import MakeSession


def test_dates_after_the_news_count_from_its_day(make_session: MakeSession) -> None:
    today = date.today()
    heard = today - timedelta(days=3)  # the session started three days after the news
    session = make_session(call_date=heard.isoformat())
    pack = packs.load()
    due = {e.id: e.due for e in progress.checklist(pack, session)}
    assert due["keep-in-mind"] == heard + timedelta(days=30)
    assert due["openings-3m"] == heard + timedelta(days=90)
    assert due["reapply-from"] == heard + timedelta(days=182)
    # What the moment of an answer starts stays so: the thank-you is due the day it is drafted.
    assert due["thank-you-sent"] == today
    found = earlier_sessions.company_history(pack, [session], session.text("company"), today)
    assert found is not None and found.reapply == heard + timedelta(days=182)

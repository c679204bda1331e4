"""Dates are checked for sense at the prompt and in answers files, the same way."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from tests import pinned
from tests.cli.test_answers_file import FULL, HEARD, MOVE_ON
from tests.cli.test_session_flow import GROUPS, SESSION_ID, keys, saved
from tests.helpers import ENTER, Run

TODAY = pinned.TODAY
NAMES = [name for name, _ in GROUPS]
CLEAR = "\x15"  # Ctrl-U: a refused answer stays in the box to correct; clear it


def with_answer(name: str, typed: str) -> list[tuple[str, str]]:
    groups = list(GROUPS)
    groups[NAMES.index(name)] = (name, typed)
    return groups


def test_news_from_next_month_is_refused_at_the_prompt(run: Run, rebound_home: Path) -> None:
    later = (TODAY + timedelta(days=30)).isoformat()
    groups = with_answer("call_date", later + ENTER + CLEAR + ENTER)  # then Enter: today
    # (The refusal is drawn under the prompt, which the test's DummyOutput does not keep; the
    # e2e test sees it. Here: the date was not taken, and Enter then gave today.)
    run(["start"], keys(groups[: NAMES.index("your_name") + 1]))
    assert saved(rebound_home)["answers"]["call_date"] == TODAY.isoformat()


def test_a_fix_due_before_the_news_is_refused_at_the_prompt(run: Run, rebound_home: Path) -> None:
    two_years_ago = pinned.iso(-724)
    groups = with_answer("fixes.due", two_years_ago + ENTER + CLEAR + "+7d" + ENTER)
    run(["start"], keys(groups[: NAMES.index("fixes.more")]))
    fixes = saved(rebound_home)["open_lists"]["fixes"]["items"]
    assert fixes[0]["due"] == (TODAY + timedelta(days=7)).isoformat()


def test_news_long_ago_asks_to_confirm_and_is_kept(run: Run, rebound_home: Path) -> None:
    long_ago = (TODAY - timedelta(days=90)).isoformat()
    groups = with_answer("call_date", long_ago + ENTER + "y" + ENTER)
    result = run(["start"], keys(groups[: NAMES.index("your_name") + 1]))
    assert "more than two months ago" in result.stdout
    data = json.loads((rebound_home / "sessions" / f"{SESSION_ID}.json").read_text())
    assert data["answers"]["call_date"] == long_ago


def test_a_move_on_day_months_away_asks_to_confirm(run: Run, rebound_home: Path) -> None:
    groups = with_answer("move_on_date", "+90d" + ENTER + "y" + ENTER)
    result = run(["start"], keys(groups[: NAMES.index("move_on_date") + 1]))
    assert "That's more than a week away" in result.stdout
    moved = saved(rebound_home)["answers"]["move_on_date"]
    assert moved == (TODAY + timedelta(days=90)).isoformat()


def answers(tmp_path: Path, old: str, new: str) -> Path:
    assert old in FULL
    file = tmp_path / "answers.yaml"
    file.write_text(FULL.replace(old, new))
    return file


def test_an_answers_file_is_checked_the_same_way(
    run: Run, tmp_path: Path, rebound_home: Path
) -> None:
    cases = [
        (f"call_date: {HEARD}", f"call_date: {TODAY + timedelta(days=40)}", "still to come"),
        ("    due: +10d", f"    due: {pinned.iso(-700)}", "before the news"),
        (
            f"move_on_date: {MOVE_ON}",
            f"move_on_date: {pinned.iso(-24)}",
            f"before the news ({HEARD})",
        ),
    ]
    for old, new, said in cases:
        result = run(["start", "--answers", str(answers(tmp_path, old, new))])
        assert result.exit_code == 2, (new, result.output)
        assert said in result.stderr, result.stderr
        assert "answers.yaml:" in result.stderr
        assert not (rebound_home / "sessions").exists() or not any(
            (rebound_home / "sessions").iterdir()
        )


def test_spanish_refuses_in_spanish(run: Run, tmp_path: Path) -> None:
    file = answers(tmp_path, f"move_on_date: {MOVE_ON}", f"move_on_date: {pinned.iso(-24)}")
    result = run(["--lang", "es", "start", "--answers", str(file)])
    assert result.exit_code == 2
    assert "Es antes de la noticia" in result.stderr

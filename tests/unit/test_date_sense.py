"""Dates that make no sense are refused (`not_before`, `not_after`); surprising ones are nudged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rebound.errors import ContentError
from rebound.pack import reader, typed
from rebound.pack.models import FieldDef, Nudge
from tests.conftest import REPO

TODAY = date(2026, 12, 1)
HEARD = {"call_date": "2026-11-28"}


def packs() -> dict[str, object]:
    return {lang: reader.load(REPO / "content" / lang) for lang in ("en", "es")}


def test_the_news_came_today_or_earlier() -> None:
    heard = FieldDef(id="call_date", kind="date", message="When?", not_after="today")
    assert typed.check(heard, "today", TODAY) == "2026-12-01"
    assert typed.check(heard, "2026-11-01", TODAY) == "2026-11-01"
    with pytest.raises(ValueError, match=r"still to come; give today \(2026-12-01\)"):
        typed.check(heard, "2027-01-01", TODAY)
    with pytest.raises(ValueError, match="still to come"):
        typed.check(heard, "tomorrow", TODAY)


def test_a_fix_comes_after_the_news() -> None:
    due = FieldDef(id="due", kind="date", message="By when?", not_before="call_date")
    assert typed.check(due, "2026-11-28", TODAY, answers=HEARD) == "2026-11-28"
    with pytest.raises(ValueError, match=r"before the news \(2026-11-28\)"):
        typed.check(due, "2024-12-01", TODAY, answers=HEARD)
    # No answer to compare with (not given, or blank): nothing to refuse.
    assert typed.check(due, "2024-12-01", TODAY) == "2024-12-01"
    assert typed.check(due, "2024-12-01", TODAY, answers={"call_date": None}) == "2024-12-01"


def test_not_before_today_and_not_after_an_answer() -> None:
    field = FieldDef(id="d", kind="date", message="?", not_before="today", not_after="call_date")
    with pytest.raises(ValueError, match="has passed"):
        typed.check(field, "yesterday", TODAY)
    with pytest.raises(ValueError, match=r"after the news \(2026-11-28\)"):
        typed.check(field, "2026-11-29", date(2026, 11, 20), answers=HEARD)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_built_in_packs_refuse_in_their_own_words(lang: str) -> None:
    pack = packs()[lang]
    prompts = {p.id: p for p in pack.prompts()}  # type: ignore[attr-defined]
    fix_due = next(f for f in prompts["fixes"].fields if f.id == "due")
    cases = [
        (prompts["call_date"], "2027-01-05", {}),  # next month
        (fix_due, "2024-12-01", HEARD),  # 'by' two years ago
        (prompts["move_on_date"], "2026-11-20", HEARD),  # before the rejection
    ]
    for field, raw, answers in cases:
        with pytest.raises(ValueError, match=r"\d{4}-\d\d-\d\d") as refused:
            typed.check(field, raw, TODAY, pack, answers)  # type: ignore[arg-type]
        said = str(refused.value)
        assert ("give" in said) == (lang == "en") and ("pon " in said) == (lang == "es"), said


def test_a_surprising_date_is_nudged_either_side() -> None:
    ahead = FieldDef(
        id="d", kind="date", message="?", nudge=Nudge(after_days=7, message="far ahead")
    )
    ago = FieldDef(
        id="d", kind="date", message="?", nudge=Nudge(before_days=60, message="long ago")
    )
    assert typed.nudge(ahead, "2027-03-01", TODAY) == "far ahead"  # months away: confirm
    assert typed.nudge(ahead, "2026-12-05", TODAY) is None
    assert typed.nudge(ago, "2026-08-01", TODAY) == "long ago"
    assert typed.nudge(ago, "2026-11-01", TODAY) is None
    assert typed.nudge(ago, "2027-08-01", TODAY) is None


def test_a_nudge_needs_a_side() -> None:
    with pytest.raises(ValueError, match="after_days"):
        Nudge(message="?")


@pytest.mark.parametrize(
    ("yaml_line", "message"),
    [
        ("not_before: nowhere", "'nowhere' is not 'today' or an earlier date prompt"),
        ("not_before: company", "'company' is not 'today' or an earlier date prompt"),
        ("not_after: Tomorrow", "'today' or the id of an earlier date prompt"),
    ],
)
def test_content_validate_names_a_bad_limit(
    content_copy: Path, yaml_line: str, message: str
) -> None:
    coach = content_copy / "coach.yaml"
    text = coach.read_text()
    coach.write_text(text.replace("      not_after: today\n", f"      {yaml_line}\n", 1))
    with pytest.raises(ContentError) as error:
        reader.load(content_copy)
    assert message in str(error.value)
    assert "coach.yaml:" in str(error.value)


def test_a_limit_only_goes_with_a_date() -> None:
    with pytest.raises(ValueError, match="only goes with a date"):
        FieldDef(id="x", message="?", not_before="today")

"""`rebound feedback` when reasons were given on the call already: what comes later is added,
dated, beside what came first, never in its place, and shows wherever the reasons show: the
session's view, the feedback log, the export and `stats` (issue 19, item 7)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests import pinned
from tests.helpers import ENTER, MakeSession, Run
from tests.scenario import SESSION_ID

FIRST = "Another candidate had more Spark"
LATER = "They also wanted someone who had led a team"
ADDED = f"Added {pinned.TODAY.isoformat()}: {LATER}"


def saved(home: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((home / "sessions" / f"{SESSION_ID}.json").read_text())
    return data


def test_later_reasons_are_added_beside_the_first(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    make_session(reasons=FIRST)
    # The later reasons typed; the areas, the other area and the weakness kept with Enter.
    result = run(["feedback"], LATER + ENTER + ENTER + ENTER + ENTER)
    assert result.exit_code == 0, result.output
    words = " ".join(result.stdout.split())
    assert f"What you noted before: {FIRST}" in words  # shown, not only offered for Enter
    reasons = saved(rebound_home)["answers"]["reasons"]
    assert reasons == f"{FIRST}\n{ADDED}"
    assert f"Reasons given: {FIRST}\n{ADDED}" in saved(rebound_home)["drafts"]["feedback_log"]
    shown = run(["show", SESSION_ID]).stdout
    assert FIRST in shown and ADDED in shown
    exported = run(["export", SESSION_ID, "--format", "markdown"]).stdout
    assert FIRST in exported and LATER in exported
    assert (
        reasons
        == json.loads(run(["export", SESSION_ID, "--format", "json"]).stdout)["answers"]["reasons"]
    )
    stats = " ".join(run(["stats"]).stdout.split())
    assert f"Globex: {FIRST} {ADDED}" in stats


def test_enter_keeps_the_first_reasons_as_they_were(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    make_session(reasons=FIRST)
    assert run(["feedback"], ENTER * 4).exit_code == 0
    assert saved(rebound_home)["answers"]["reasons"] == FIRST


def test_no_first_reasons_the_later_ones_are_the_reasons(
    run: Run, rebound_home: Path, make_session: MakeSession
) -> None:
    make_session(reasons="")
    assert run(["feedback"], LATER + ENTER + ENTER * 3).exit_code == 0
    assert saved(rebound_home)["answers"]["reasons"] == LATER


def test_from_an_answers_file_too(
    run: Run, rebound_home: Path, make_session: MakeSession, tmp_path: Path
) -> None:
    make_session(reasons=FIRST)
    file = tmp_path / "feedback.yaml"
    file.write_text(f"reasons: {LATER}\n", encoding="utf-8")
    result = run(["feedback", "--answers", str(file)], terminal=False)
    assert result.exit_code == 0, result.output
    assert saved(rebound_home)["answers"]["reasons"] == f"{FIRST}\n{ADDED}"
    file.write_text(f"reasons: {FIRST}\n", encoding="utf-8")  # the same words: nothing new
    assert run(["feedback", "--answers", str(file)], terminal=False).exit_code == 0
    assert saved(rebound_home)["answers"]["reasons"] == f"{FIRST}\n{ADDED}"

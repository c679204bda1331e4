"""Keys typed ahead never answer a question that was not yet on screen: a yes/no waits for Enter
(issue 19, item 6). The in-process pipe input hands every key over at once, as a person typing
ahead of the screen would: what the yes/no's Enter must not leave for the next question."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers import ENTER, Run
from tests.scenario import GROUPS, NAMES, SESSION_ID, keys


def saved(home: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((home / "sessions" / f"{SESSION_ID}.json").read_text())
    return data


def test_y_and_enter_typed_together_answer_the_yes_no_only(run: Run, rebound_home: Path) -> None:
    """`y` and Enter together at "Did you get to thank them?": `y` answered it and the Enter
    answered the thank-you detail with nothing, silently."""
    before = keys(GROUPS[: NAMES.index("thanked_on_call")])
    result = run(["start"], before + "y" + ENTER + "the detailed notes" + ENTER)
    assert result.exit_code == 130, result.output  # the keys ran out at the next question
    answers = saved(rebound_home)["answers"]
    assert answers["thanked_on_call"] is True
    assert answers["thank_detail"] == "the detailed notes"

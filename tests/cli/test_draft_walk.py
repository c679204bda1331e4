"""Drafts in the walk: the offer at the end of a step (copy / mail / edit / later), the tick
after a copy or a mail, and keep-or-rebuild when a step with an edited draft is answered again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rebound.storage.records import Session
from tests.cli.conftest import script
from tests.helpers import ENTER, Run
from tests.scenario import GROUPS, LATER, NAMES, SESSION_ID, keys

UP = "\x1b[A"
# The offer's choices for an email, Enter on "later": copy, mail, edit, later.
COPY, MAIL, EDIT = UP * 3 + ENTER, UP * 2 + ENTER, UP + ENTER
CLEAR = "\x15"  # Ctrl-U: clear the offered answer


def saved(home: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((home / "sessions" / f"{SESSION_ID}.json").read_text())
    return data


def upto(name: str) -> str:
    return keys(GROUPS[: NAMES.index(name)])


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The questions the walk asks through `prompts.choose` and `prompts.yes_no` (the pipe
    input's screen is not kept), with a choice's options after its message."""
    from rebound.terminal import prompts

    seen: list[str] = []
    choose, yes_no = prompts.choose, prompts.yes_no

    def spy_choose(message: str, options: list[tuple[str, str]], *a: Any, **k: Any) -> str:
        seen.append(" | ".join([message, *(label for _, label in options)]))
        return choose(message, options, *a, **k)

    def spy_yes_no(message: str, *a: Any, **k: Any) -> bool:
        seen.append(message)
        return yes_no(message, *a, **k)

    monkeypatch.setattr(prompts, "choose", spy_choose)
    monkeypatch.setattr(prompts, "yes_no", spy_yes_no)
    return seen


def offers(seen: list[str], title: str) -> list[str]:
    return [q for q in seen if q.startswith(f"{title}: what would you like to do with it?")]


def test_later_is_the_default_and_changes_nothing(
    run: Run, rebound_home: Path, asked: list[str]
) -> None:
    result = run(["start"], upto("offer.thank_you_email") + LATER)
    assert result.exit_code == 130  # the keys ran out at "Ready for the next step?"
    assert offers(asked, "Your thank-you email") == [
        "Your thank-you email: what would you like to do with it? | Copy it to the clipboard"
        " | Open it in your mail app | Edit it first | Later (`rebound draft thank_you_email`"
        " has it)"
    ]
    data = saved(rebound_home)
    assert data["edited"] == {} and data["ticked"] == {}


def test_edit_at_the_end_of_a_step(
    run: Run, rebound_home: Path, editor: None, asked: list[str]
) -> None:
    result = run(["start"], upto("offer.thank_you_email") + EDIT + LATER)
    assert result.exit_code == 130, result.output
    assert "Your thank-you email: your edit is kept" in result.stdout
    assert "Warmly,\nAlex Doe" in result.stdout  # the edited draft is shown
    assert len(offers(asked, "Your thank-you email")) == 2  # offered again after the edit
    data = saved(rebound_home)
    assert "Warmly,\nAlex Doe" in data["edited"]["thank_you_email"]
    assert "Best wishes," in data["drafts"]["thank_you_email"]


def test_mail_at_the_end_of_a_step_then_tick(
    run: Run,
    rebound_home: Path,
    bin_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    asked: list[str],
) -> None:
    given = tmp_path / "url.txt"
    browser = script(bin_dir, "browser", f"open({str(given)!r}, 'w').write(sys.argv[1])")
    monkeypatch.setenv("BROWSER", str(browser))
    result = run(["start"], upto("offer.thank_you_email") + MAIL + "y" + ENTER)
    assert result.exit_code == 130, result.output
    assert "opened in your mail app" in result.stdout
    assert "Sent? Tick “Thank-you email sent to Dana Smith” off your list?" in asked
    assert "Ticked 1. Well done." in result.stdout
    assert given.read_text().startswith("mailto:dana@globex.example?subject=Thank%20you")
    assert "thank-you-sent" in saved(rebound_home)["ticked"]


def test_a_copied_post_is_asked_if_published_not_sent(
    run: Run, rebound_home: Path, asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 22, item 8: "Sent?" was asked of the availability post."""
    from rebound.system import clipboard

    monkeypatch.setattr(clipboard, "copy", lambda text: clipboard.Copied("program", "xclip"))
    copy = UP * 2 + ENTER  # a post's offer: copy, edit, later
    result = run(["start"], upto("offer.availability_post") + copy + "y" + ENTER)
    assert result.exit_code == 130, result.output
    assert "Published? Tick “Availability post published” off your list?" in asked
    assert not any(q.startswith("Sent? Tick “Availability") for q in asked)
    assert "post-published" in saved(rebound_home)["ticked"]


def test_a_failed_copy_is_said_and_offered_again(
    run: Run,
    rebound_home: Path,
    bin_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    asked: list[str],
) -> None:
    monkeypatch.setattr("rebound.system.clipboard.terminal", lambda: None)
    result = run(["start"], upto("offer.thank_you_email") + COPY + LATER)
    assert result.exit_code == 130, result.output
    out = " ".join(result.stdout.split())
    assert "Your thank-you email could not be copied" in out
    assert len(offers(asked, "Your thank-you email")) == 2
    assert not any(q.startswith("Sent?") for q in asked)  # nothing copied, nothing to tick
    assert saved(rebound_home)["ticked"] == {}


def test_each_message_is_offered_once_and_a_post_has_no_mail(
    run: Run, rebound_home: Path, asked: list[str]
) -> None:
    result = run(["start"], keys(GROUPS))
    assert result.exit_code == 0, result.output
    offered = [q for q in asked if ": what would you like to do with it?" in q]
    assert [q.split(":")[0] for q in offered] == [
        "Your thank-you email",
        "Your feedback request",  # not "say it on the call" to news by email (issue 22)
        "Your availability post",
        "Your message · Priya Patel",  # the outreach note to the one contact, by email
    ]
    assert "Open it in your mail app" not in offered[2]
    assert "Open it in your mail app" in offered[3]


# --- answering a step again when its draft was edited -------------------------------------


@pytest.fixture
def edited(finished_session: Session, rebound_home: Path) -> Path:
    """The finished session, its thank-you edited by hand."""
    path = rebound_home / "sessions" / f"{SESSION_ID}.json"
    data = json.loads(path.read_text())
    data["edited"] = {"thank_you_email": "Hi Dana,\n\nMy own words.\n\nAlex\n"}
    path.write_text(json.dumps(data))
    return path


# "One email or two?": Enter keeps the scenario's two.
KEEP_TWO = ENTER
# The sentence the detail is joined into, read back: Enter keeps it. "Did they say why?": Enter
# keeps the scenario's "not yet". "Will they keep you in mind?": Enter keeps the scenario's "no".
KEEP_SENTENCE = NOT_YET = NO_DOOR = ENTER


def revisit_thank(run: Run, detail_keys: str, then: str) -> Any:
    # thanked_on_call: Enter keeps it; then the detail and its sentence; the door; did they say
    # why; one email or two; then `then` (keep the edit or not, the offer).
    typed = ENTER + detail_keys + KEEP_SENTENCE + NO_DOOR + NOT_YET + KEEP_TWO + then
    return run(["continue", "--step", "thank"], typed)


KEEP_EDIT = (
    "Your thank-you email: you had edited it, and your new answers change it. Keep your edit? "
    "(No: rebuild it from the new answers)"
)


def test_a_changed_answer_asks_and_can_keep_the_edit(
    run: Run, edited: Path, rebound_home: Path, asked: list[str]
) -> None:
    result = revisit_thank(run, CLEAR + "the coffee" + ENTER, "y" + ENTER + LATER)
    assert result.exit_code == 0, result.output
    assert KEEP_EDIT in asked
    data = saved(rebound_home)
    assert data["edited"]["thank_you_email"] == "Hi Dana,\n\nMy own words.\n\nAlex\n"
    assert "Thank you also for the coffee." in data["drafts"]["thank_you_email"]
    assert "My own words." in run(["draft", "thank_you_email"]).stdout


def test_a_changed_answer_can_rebuild_the_draft(run: Run, edited: Path, rebound_home: Path) -> None:
    result = revisit_thank(run, CLEAR + "the coffee" + ENTER, "n" + ENTER + LATER)
    assert result.exit_code == 0, result.output
    data = saved(rebound_home)
    assert data["edited"] == {}
    shown = run(["draft", "thank_you_email"]).stdout
    assert "Thank you also for the coffee." in shown and "My own words" not in shown


def test_unchanged_answers_keep_the_edit_without_asking(
    run: Run, edited: Path, rebound_home: Path, asked: list[str]
) -> None:
    result = revisit_thank(run, ENTER, LATER)
    assert result.exit_code == 0, result.output
    assert KEEP_EDIT not in asked
    assert "My own words." in saved(rebound_home)["edited"]["thank_you_email"]
    assert "My own words." in result.stdout  # the step shows the draft as it will be sent


def test_ctrl_b_into_a_step_with_an_edited_draft_asks_too(
    run: Run, rebound_home: Path, editor: None, asked: list[str]
) -> None:
    # Edit the thank-you at the end of step 1, go back from "Ready?" past "one email or two?"
    # "did they say why?" and the door, and change the detail: the coach asks, and "no" rebuilds
    # the draft from the new answer.
    typed = upto("offer.thank_you_email") + EDIT + LATER
    typed += "\x02" * 4 + CLEAR + "the coffee" + ENTER + KEEP_SENTENCE + NO_DOOR + NOT_YET
    typed += KEEP_TWO
    typed += "n" + ENTER + LATER
    result = run(["start"], typed)
    assert result.exit_code == 130, result.output
    assert KEEP_EDIT in asked
    data = saved(rebound_home)
    assert data["edited"] == {}
    assert "Thank you also for the coffee." in data["drafts"]["thank_you_email"]

"""`rebound brag ...` and `rebound rehearse`, in-process, prompts typed key by key."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from rebound.terminal import prompts
from tests.helpers import ENTER, Run, build_session
from tests.scenario import SESSION_ID

CLEAR = "\x15"  # Ctrl-U: empty a pre-filled answer

NIGHTLY = "Cut the nightly batch from 6 hours to 40 minutes"


def brag_file(home: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((home / "brag.json").read_text(encoding="utf-8"))
    return data


def items(home: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = brag_file(home)["items"]
    return found


def add(run: Run, *args: str) -> None:
    result = run(["brag", "add", *args], terminal=False)
    assert result.exit_code == 0, result.output


@pytest.fixture
def two(run: Run, rebound_home: Path) -> Path:
    """A brag list with two stories, added as options."""
    add(
        run,
        *("--title", NIGHTLY),
        *("--situation", "Reports kept missing the morning deadline"),
        *("--action", "Rewrote the joins"),
        *("--number", "89% faster"),
        *("--tag", "data", "--tag", "speed, Data"),
    )
    add(run, "--title", "Mentored four juniors")
    return rebound_home / "brag.json"


# --- listing -------------------------------------------------------------------------------------


def test_empty_list_is_kind(run: Run, rebound_home: Path) -> None:
    result = run(["brag"])
    assert result.exit_code == 0, result.output
    assert "Your brag list is empty for now" in result.stdout
    assert "rebound brag add" in result.stdout
    assert "accomplishments step" in result.stdout
    assert not (rebound_home / "brag.json").exists()  # nothing to save


def test_add_with_options_needs_no_terminal(run: Run, rebound_home: Path, two: Path) -> None:
    first, second = items(rebound_home)
    assert first["id"] == "cut-the-nightly-batch"
    assert first["title"] == NIGHTLY
    assert first["situation"] == "Reports kept missing the morning deadline"
    assert first["task"] is None
    assert first["action"] == "Rewrote the joins"
    assert first["number"] == "89% faster"
    assert first["tags"] == ["data", "speed"]
    assert first["source"] is None
    assert first["practised"] == 0
    assert second["id"] == "mentored-four-juniors"
    assert oct(two.stat().st_mode & 0o777) == "0o600"


def test_add_says_where_it_went(run: Run) -> None:
    result = run(["brag", "add", "--title", "Shipped the TPS tool"], terminal=False)
    assert "Added to your brag list as 1. shipped-the-tps-tool." in result.stdout
    assert "rebound brag edit shipped-the-tps-tool" in result.stdout  # no story yet: a hint


def test_list(run: Run, two: Path) -> None:
    result = run(["brag"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "Your brag list: 2 stories" in lines[0]
    assert f"1. {NIGHTLY}  (89% faster)" in lines
    assert "   cut-the-nightly-batch • tags: data, speed • not practised yet" in lines
    assert "2. Mentored four juniors" in lines
    assert "   mentored-four-juniors • not practised yet" in lines
    assert "rebound rehearse" in result.stdout
    assert run(["brag", "list"]).stdout == result.stdout


def test_list_shows_practice(run: Run, rebound_home: Path, two: Path) -> None:
    data = brag_file(rebound_home)
    data["items"][0].update(practised=2, ratings=[3, 4], last_practised="2026-03-01T10:00:00Z")
    data["items"][1].update(practised=1, ratings=[5], last_practised="2026-03-01T10:00:00Z")
    two.write_text(json.dumps(data), encoding="utf-8")
    out = run(["brag"]).stdout
    assert "cut-the-nightly-batch • tags: data, speed • practised 2 times, average 3.5 of 5" in out
    assert "mentored-four-juniors • practised once, rated 5 of 5" in out


def test_typed_markup_is_shown_as_typed(run: Run) -> None:
    add(run, "--title", "Fixed [bold]the[/bold] build \x1b[2J")
    out = run(["brag"]).stdout
    assert "Fixed [bold]the[/bold] build \\x1b[2J" in out
    assert "\x1b" not in out


def test_show(run: Run, two: Path) -> None:
    result = run(["brag", "show", "cut"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"{NIGHTLY}  (89% faster)" in out
    assert "added by hand" in out
    assert "Situation: Reports kept missing the morning deadline" in out
    assert "Action: Rewrote the joins" in out
    assert "Task:" not in out
    assert "Cue: " in out
    assert "cut the nightly batch from 6 hours to 40 minutes" in out
    bare = run(["brag", "show", "2"]).stdout
    assert "No notes for this one yet" in bare
    assert "rebound brag edit mentored-four-juniors" in bare


# --- adding interactively ------------------------------------------------------------------------


def test_add_interactively(run: Run, rebound_home: Path) -> None:
    typed = [
        "Led the move to Postgres",
        "Two databases, one of them unsupported",
        "",  # task: skipped
        "Planned it in three stages",
        "No downtime",
        "0 minutes down",
        "databases, leadership",
    ]
    result = run(["brag", "add"], "".join(t + ENTER for t in typed))
    assert result.exit_code == 0, result.output
    (saved,) = items(rebound_home)
    assert saved["id"] == "led-the-move"
    assert saved["title"] == "Led the move to Postgres"
    assert saved["situation"] == "Two databases, one of them unsupported"
    assert saved["task"] is None
    assert saved["action"] == "Planned it in three stages"
    assert saved["result"] == "No downtime"
    assert saved["number"] == "0 minutes down"
    assert saved["tags"] == ["databases", "leadership"]


def test_a_title_already_on_the_list_is_said_not_taken_silently(
    run: Run, rebound_home: Path, two: Path
) -> None:
    """Issue 22, item 16: a second "Mentored four juniors" became `mentored-four-juniors-2`."""
    result = run(["brag", "add", "--title", "mentored  FOUR juniors"], terminal=False)
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "'Mentored four juniors' is on your brag list already (mentored-four-juniors)" in said
    assert "Nothing was added." in said
    assert len(items(rebound_home)) == 2
    # Asked: said under the title, which is asked again (nothing typed is lost).
    typed = "Mentored four juniors" + ENTER + CLEAR + "Mentored six juniors" + ENTER + ENTER * 6
    asked: list[str] = []
    real = prompts.text

    def spy(message: str, *a: Any, **k: Any) -> str:
        check = k.get("check")
        if check is not None:
            asked.append(check("Mentored four juniors") or "")
        return real(message, *a, **k)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(prompts, "text", spy)
        result = run(["brag", "add"], typed)
    assert result.exit_code == 0, result.output
    assert "is on your brag list already (mentored-four-juniors)" in asked[0]
    assert [i["title"] for i in items(rebound_home)][-1] == "Mentored six juniors"


def test_add_interactively_insists_on_a_title(run: Run, rebound_home: Path) -> None:
    result = run(["brag", "add"], ENTER + "Shipped it" + ENTER + ENTER * 6)
    assert result.exit_code == 0, result.output
    assert [i["title"] for i in items(rebound_home)] == ["Shipped it"]


def test_add_stopped_halfway_adds_nothing(run: Run, rebound_home: Path) -> None:
    result = run(["brag", "add"], "Shipped it" + ENTER)
    assert result.exit_code == 130
    assert not (rebound_home / "brag.json").exists()


def test_add_without_a_terminal_says_how(run: Run, rebound_home: Path) -> None:
    result = run(["brag", "add"], terminal=False)
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr
    assert "--title" in result.stderr
    assert not (rebound_home / "brag.json").exists()


def test_add_options_need_a_title(run: Run, rebound_home: Path) -> None:
    result = run(["brag", "add", "--number", "20%"], terminal=False)
    assert result.exit_code == 2
    assert "--title" in result.stderr
    blank = run(["brag", "add", "--title", "  "], terminal=False)
    assert blank.exit_code == 2
    assert "needs a title" in blank.stderr
    assert not (rebound_home / "brag.json").exists()


# --- editing -------------------------------------------------------------------------------------


def test_edit_with_options(run: Run, rebound_home: Path, two: Path) -> None:
    result = run(
        ["brag", "edit", "cut", "--result", "Reports on time", "--number", "", "--tag", "perf"],
        terminal=False,
    )
    assert result.exit_code == 0, result.output
    assert "Saved: " in result.stdout
    first = items(rebound_home)[0]
    assert first["id"] == "cut-the-nightly-batch"
    assert first["result"] == "Reports on time"
    assert first["number"] is None  # an empty option clears it
    assert first["situation"] == "Reports kept missing the morning deadline"  # kept
    assert first["tags"] == ["perf"]


def test_edit_keeps_the_id_when_the_title_changes(run: Run, rebound_home: Path, two: Path) -> None:
    run(["brag", "edit", "2", "--title", "Mentored five juniors"], terminal=False)
    assert items(rebound_home)[1]["id"] == "mentored-four-juniors"
    assert items(rebound_home)[1]["title"] == "Mentored five juniors"


def test_edit_interactively_offers_the_current_values(
    run: Run, rebound_home: Path, two: Path
) -> None:
    typed = [
        ENTER,  # title: kept
        CLEAR + "Reports were late every Monday" + ENTER,  # situation: replaced
        "Make it finish by 7am" + ENTER,  # task: was empty
        CLEAR + ENTER,  # action: cleared
        ENTER,  # result: still empty
        ENTER,  # number: kept
        ", leadership" + ENTER,  # tags: added to what is there
    ]
    result = run(["brag", "edit", "1"], "".join(typed))
    assert result.exit_code == 0, result.output
    first = items(rebound_home)[0]
    assert first["title"] == NIGHTLY
    assert first["situation"] == "Reports were late every Monday"
    assert first["task"] == "Make it finish by 7am"
    assert first["action"] is None
    assert first["result"] is None
    assert first["number"] == "89% faster"
    assert first["tags"] == ["data", "speed", "leadership"]


def test_edit_that_changes_nothing_says_so(run: Run, two: Path) -> None:
    before = two.read_bytes()
    result = run(["brag", "edit", "2"], ENTER * 7)
    assert result.exit_code == 0, result.output
    assert "Nothing to change" in result.stdout
    assert two.read_bytes() == before


@pytest.mark.parametrize(
    ("ref", "message"),
    [("9", "no story number 9"), ("zzz", "called 'zzz'"), ("m", None)],
)
def test_edit_unknown_reference(run: Run, two: Path, ref: str, message: str | None) -> None:
    before = two.read_bytes()
    result = run(["brag", "edit", ref, "--title", "x"], terminal=False)
    if message is None:  # 'm' is a unique prefix: fine
        assert result.exit_code == 0
        return
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert two.read_bytes() == before


# --- removing ------------------------------------------------------------------------------------


def test_remove_with_yes(run: Run, rebound_home: Path, two: Path) -> None:
    result = run(["brag", "remove", "cut", "--yes"], terminal=False)
    assert result.exit_code == 0, result.output
    assert f"Removed: {NIGHTLY}" in result.stdout
    assert [i["id"] for i in items(rebound_home)] == ["mentored-four-juniors"]


def test_remove_asks_first(run: Run, rebound_home: Path, two: Path) -> None:
    kept = run(["brag", "remove", "2"], "n" + ENTER)
    assert kept.exit_code == 0, kept.output
    assert "Kept it." in kept.stdout
    assert len(items(rebound_home)) == 2
    gone = run(["brag", "remove", "2"], "y" + ENTER)
    assert gone.exit_code == 0, gone.output
    assert [i["id"] for i in items(rebound_home)] == ["cut-the-nightly-batch"]


def test_remove_without_a_terminal_needs_yes(run: Run, rebound_home: Path, two: Path) -> None:
    before = two.read_bytes()
    result = run(["brag", "remove", "2"], terminal=False)
    assert result.exit_code == 2
    assert "--yes" in result.stderr
    assert two.read_bytes() == before


# --- one list across sessions --------------------------------------------------------------------


@pytest.fixture
def finished(run: Run, rebound_home: Path) -> None:
    build_session()


def test_list_takes_in_finished_sessions_once(run: Run, rebound_home: Path, finished: None) -> None:
    # The session fed the list as it went; take that away, as for a session from an older
    # rebound (or one whose feeding failed): `rebound brag` must catch up on its own.
    (rebound_home / "brag.json").unlink()
    add(run, "--title", "Mentored four juniors")  # by hand, before listing
    first = run(["brag"])
    assert first.exit_code == 0, first.output
    synced = items(rebound_home)
    assert [i["title"] for i in synced] == ["Mentored four juniors", NIGHTLY]
    from_session = synced[1]
    assert from_session["source"] == f"{SESSION_ID}#e1"
    assert from_session["situation"] == "Reports kept missing the morning deadline"
    assert from_session["task"] == "Make the batch finish before 7am"
    assert from_session["number"] == "89% faster"
    assert "Added 1 win from your sessions." in first.stdout

    before = (rebound_home / "brag.json").stat().st_mtime_ns
    again = run(["brag"])
    assert "Added" not in again.stdout
    assert (rebound_home / "brag.json").stat().st_mtime_ns == before  # nothing new: not saved
    assert len(items(rebound_home)) == 2


def test_a_removed_session_win_stays_removed(run: Run, rebound_home: Path, finished: None) -> None:
    run(["brag"])
    run(["brag", "remove", "1", "--yes"], terminal=False)
    run(["brag"])
    assert items(rebound_home) == []


def test_broken_list_is_moved_aside_and_said(run: Run, rebound_home: Path) -> None:
    rebound_home.mkdir(parents=True)
    (rebound_home / "brag.json").write_text('{"schema_version": 1, "items": [', encoding="utf-8")
    result = run(["brag"])
    assert result.exit_code == 1
    assert "Your brag list could not be read" in result.stderr
    assert "Traceback" not in result.output
    backups = list((rebound_home / "broken").glob("brag.*.json"))
    assert len(backups) == 1
    assert backups[0].read_text(encoding="utf-8").startswith('{"schema_version": 1')
    # The next run starts a new list; the old one stays in broken/.
    add(run, "--title", "Shipped it")
    assert [i["title"] for i in items(rebound_home)] == ["Shipped it"]


# --- rehearsing ----------------------------------------------------------------------------------


def test_rehearse_records_the_rating(run: Run, rebound_home: Path, two: Path) -> None:
    result = run(["rehearse", "--seconds", "0", "--count", "1"], ENTER + "4" + ENTER)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Story 1 of 1" in out
    assert "cut the nightly batch from 6 hours to 40 minutes" in out  # the cue
    assert "Situation: Reports kept missing the morning deadline" in out
    assert "Done in 0:0" in out
    assert "Saved: practised once, rated 4 of 5." in out
    assert "That's 1 story told out loud" in out
    first, second = items(rebound_home)
    assert (first["practised"], first["ratings"]) == (1, [4])
    assert first["last_practised"] is not None
    assert (second["practised"], second["ratings"], second["last_practised"]) == (0, [], None)


def test_rehearse_picks_what_needs_practice(run: Run, rebound_home: Path, two: Path) -> None:
    run(["rehearse", "--seconds", "0", "--count", "1"], ENTER + "4" + ENTER)
    second = run(["rehearse", "--seconds", "0", "--count", "1"], ENTER + "2" + ENTER)
    assert "mentored four juniors" in second.stdout  # in the cue
    assert "No notes for this one yet" in second.stdout
    assert [i["ratings"] for i in items(rebound_home)] == [[4], [2]]
    third = run(["rehearse", "--seconds", "0", "--count", "1"], ENTER + ENTER)  # default: 3
    assert "mentored four juniors" in third.stdout.lower()  # rated lower: first again
    assert [i["ratings"] for i in items(rebound_home)] == [[4], [2, 3]]


def test_rehearse_keeps_what_was_rated_when_stopped(
    run: Run, rebound_home: Path, two: Path
) -> None:
    # The keys run out at the second story's clock: like Ctrl-D.
    result = run(["rehearse", "--seconds", "0"], ENTER + "5" + ENTER)
    assert result.exit_code == 130
    assert "Story 2 of 2" in result.stdout
    assert "Stopped. The 1 story you rated is saved" in result.stderr
    assert [i["ratings"] for i in items(rebound_home)] == [[5], []]


def test_rehearse_stopped_before_rating_changes_nothing(
    run: Run, rebound_home: Path, two: Path
) -> None:
    before = two.read_bytes()
    result = run(["rehearse", "--seconds", "0"], ENTER)
    assert result.exit_code == 130
    assert "Nothing was rated, so nothing changed" in result.stderr
    assert two.read_bytes() == before


def test_rehearse_ignores_keys_typed_during_the_clock(
    run: Run, rebound_home: Path, two: Path
) -> None:
    result = run(["rehearse", "--seconds", "0", "--count", "1"], "4x" + ENTER + "5" + ENTER)
    assert result.exit_code == 0, result.output
    assert items(rebound_home)[0]["ratings"] == [5]


def test_the_clock_ends_by_itself_or_at_enter() -> None:
    # The input stays open here (the `run` fixture closes it, which a prompt sees as Ctrl-D).
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        started = time.monotonic()
        assert prompts.countdown(1) == 1.0
        assert 0.9 < time.monotonic() - started < 5
        inp.send_text("x" + ENTER)
        assert prompts.countdown(60) < 5
        inp.send_text(ENTER)
        assert prompts.countdown(0) < 5  # no limit: until Enter
        inp.send_text("\x03")
        with pytest.raises(KeyboardInterrupt):
            prompts.countdown(60)
        inp.send_text("\x04")
        with pytest.raises(EOFError):
            prompts.countdown(60)


def test_rehearse_an_empty_list_is_kind(run: Run, rebound_home: Path) -> None:
    result = run(["rehearse"])
    assert result.exit_code == 0, result.output
    assert "nothing to rehearse yet" in result.stdout
    assert "rebound brag add" in result.stdout
    assert not (rebound_home / "brag.json").exists()


def test_rehearse_takes_in_sessions(run: Run, rebound_home: Path, finished: None) -> None:
    result = run(["rehearse", "--seconds", "0"], ENTER + "3" + ENTER)
    assert result.exit_code == 0, result.output
    assert "Story 1 of 1" in result.stdout
    (only,) = items(rebound_home)
    assert only["source"] == f"{SESSION_ID}#e1"
    assert only["ratings"] == [3]


def test_rehearse_needs_a_terminal(run: Run, rebound_home: Path, two: Path) -> None:
    result = run(["rehearse"], terminal=False)
    assert result.exit_code == 2
    assert "rebound rehearse" in result.stderr
    assert "needs a terminal" in result.stderr


@pytest.mark.parametrize("args", [["--count", "0"], ["--seconds", "-1"], ["--count", "x"]])
def test_rehearse_bad_options(run: Run, args: list[str]) -> None:
    result = run(["rehearse", *args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_finished_rehearsal_ticks_the_sessions_rehearsed_item(
    run: Run, rebound_home: Path
) -> None:
    """Issue 22, item 21: the session still said "Stories rehearsed out loud" was to do."""
    build_session(rehearsed=False)
    before = run(["summary"]).stdout
    assert "☐ Stories rehearsed out loud" in before
    result = run(["rehearse", "--seconds", "0"], ENTER + "3" + ENTER)
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert f"Ticked off in your sessions: Stories rehearsed out loud ({SESSION_ID})" in said
    assert "✓ Stories rehearsed out loud" in run(["summary"]).stdout
    saved = json.loads((rebound_home / "sessions" / f"{SESSION_ID}.json").read_text())
    assert "rehearsed" in saved["ticked"]
    # Stopped before the end: nothing is ticked.
    run(["done", "rehearsed", "--undo"])
    stopped = run(["rehearse", "--seconds", "0"], "\x03")
    assert stopped.exit_code == 130
    assert "☐ Stories rehearsed out loud" in run(["summary"]).stdout


def test_an_edit_on_the_brag_list_reaches_the_sessions_interview_stories(
    run: Run, rebound_home: Path
) -> None:
    """Issue 22, item 22: `brag edit` changed the list, not the session's interview stories."""
    build_session()
    result = run(["brag", "edit", "1", "--result", "Reports on time, 200 days running"])
    assert result.exit_code == 0, result.output
    stories = run(["draft", "interview_stories"]).stdout
    assert "Result: Reports on time, 200 days running" in stories
    assert "Reports on time every day since" not in stories
    saved = json.loads((rebound_home / "sessions" / f"{SESSION_ID}.json").read_text())
    assert saved["answers"]["accomplishments"][0]["result"] == "Reports on time, 200 days running"
    # The two follow each other still: a later correction in the session reaches the list.
    (item,) = items(rebound_home)
    assert item["synced"]["result"] == "Reports on time, 200 days running"
    assert run(["brag"]).exit_code == 0
    assert items(rebound_home)[0]["result"] == "Reports on time, 200 days running"


def test_an_edit_waits_for_no_session_open_elsewhere(run: Run, rebound_home: Path) -> None:
    from rebound.storage.store import Store

    build_session()
    with Store().lock(SESSION_ID):  # the session is open in another window
        result = run(["brag", "edit", "1", "--number", "90% faster"])
    assert result.exit_code == 0, result.output
    assert items(rebound_home)[0]["number"] == "90% faster"  # the list has it
    saved = json.loads((rebound_home / "sessions" / f"{SESSION_ID}.json").read_text())
    assert saved["answers"]["accomplishments"][0]["number"] == "89% faster"  # left as it was

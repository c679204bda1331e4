"""End-to-end: the installed `rebound` driven through a real pseudo-terminal with pexpect.

Every keystroke is sent only after the question it answers is on screen (`expect_exact` on a
fragment of the message from the content YAML), so the tests never race the program. Keys:
text + Enter, Enter for a select's default, arrow-down to move, y/n then Enter for a confirm,
space to tick a checkbox, Ctrl-C / Ctrl-D to stop.
"""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.terminal import (
    CTRL_D,
    ENTER,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    SPACE,
    Days,
    Spawn,
    Terminal,
    load_only_session,
    run,
    session_files,
)

pytestmark = pytest.mark.e2e

# What the person types in the full run, and what it must be saved as.
COMPANY = "Globex Corporation"
ROLE = "Staff Engineer"
MESSENGER = "Ada Lovelace"
MESSENGER_EMAIL = "ada@example.com"
YOUR_NAME = "Sam Carter"
THANK_DETAIL = "the detailed feedback on my design round"
REASONS = "Another candidate had more Kubernetes experience"
WEAKNESS = "I ramble in system-design answers"
WENT_WELL = "The pairing exercise: they liked how I tested first"
FIX_1 = "Practise system-design questions twice a week"
FIX_2 = "Read the Kubernetes docs, one chapter a day"
ACCOMPLISHMENT = "Cut the release time from a day to an hour"
REQUEST = "could you introduce me to your platform team lead"
SITUATION = "Releases took a whole day and often broke"
TASK = "Get releases back to same-day"
ACTION = "I automated the pipeline and added canary deploys"
RESULT = "Releases now take an hour and rarely roll back"
NUMBER = "95% faster"
CONTACT_1 = "Grace Hopper"
CONTACT_2 = "Alan Turing"
CONTACT_1_EMAIL = "grace@navy.example"
EVENT = "Platform Engineering meetup"
LOOKING_FOR = "a staff engineer on a platform team"
KNOWN_FOR = "calm incident leadership"

STEP_TITLES = (
    "Thank the messenger",
    "Ask why",
    "Reflect, commit, move on",
    "List your accomplishments",
    "Get back out there",
)


# --- the questions, in the order the content YAML asks them ---------------------------------


def opening(t: Terminal, days: Days) -> None:
    t.text("Which company was it?", COMPANY)
    t.text("Which role had you applied for?", ROLE)
    t.confirm("Do you already work there?", yes=False)
    t.enter("How far did you get in their process?")  # interviews
    t.text("Who gave you the news?", MESSENGER)
    t.select("How did the news reach you?", down=1)  # a video call
    t.text("Their email address, if you have it", MESSENGER_EMAIL)
    t.text("When did you hear?", "yesterday")
    t.text("Your name, to sign the drafts with", YOUR_NAME)


def thank(t: Terminal) -> None:
    t.see("Step 1 of 5")
    t.confirm("Did you get to thank them during the conversation?", yes=True)
    t.text("Anything in particular to thank them for?", THANK_DETAIL)
    t.keep(THANK_DETAIL)
    t.enter("Did they leave a door open?")  # no
    t.enter("Did they tell you why you weren't chosen?")  # not yet
    t.select("Would you like to ask for feedback in the same email?", down=1)  # two emails
    later(t, "thank_you_email")


def later(t: Terminal, draft: str) -> None:
    """The offer to copy, mail or edit a draft at the end of its step: Enter for "later"."""
    t.enter(f"Later (`rebound draft {draft}` has it)")


def go_on(t: Terminal, number: int) -> None:
    t.see(f"Yes: step {number} of 5")
    t.enter("Not now; I'll come back")


def ask_why(t: Terminal) -> None:
    t.see("Step 2 of 5")
    t.enter("Have you asked for their reasons?")  # yes, on the call
    t.text("What reasons did they give?", REASONS)
    t.checkbox("Which areas would you like to work on?", [1, 4])  # communication, preparation
    t.text("the weakness you most want to fix", WEAKNESS)


def reflect_until_first_fix(t: Terminal) -> None:
    t.see("Step 3 of 5")
    t.text("What went well in this process?", WENT_WELL)
    t.text("A fix you commit to", FIX_1)


def reflect_from_first_due(t: Terminal, days: Days) -> None:
    t.text("By when?", days.iso(10))
    t.confirm("Add another fix?", yes=True)
    t.text("A fix you commit to", FIX_2)
    t.enter("By when?")  # the default, +14d
    t.confirm("Add another fix?", yes=False)
    # Too far away: the coach nudges, the person declines to keep it and picks a nearer day.
    t.text("Pick the day you'll move on", "+10d")
    t.see("That's more than a week away")
    kept = t.see_pattern(r"Keep (\d{4}-\d{2}-\d{2})\?")
    assert kept[len("Keep ") : -1] in days.around(10)
    t.child.send("n" + ENTER)
    t.text("Pick the day you'll move on", "+5d")


def accomplishments(t: Terminal) -> None:
    t.see("Step 4 of 5")
    t.text("An accomplishment, in a few words", ACCOMPLISHMENT)
    t.confirm("Add the story behind it", yes=True)
    t.text("The situation: what was going on?", SITUATION)
    t.text("Your task: what was yours to solve?", TASK)
    t.text("What did you do?", ACTION)
    t.text("What was the result?", RESULT)
    t.text("A number that shows it", NUMBER)
    t.confirm("Add another accomplishment?", yes=False)
    t.keep("One thing I'm proud of")  # the post's line of it, read back
    t.confirm("Now tell these stories out loud", yes=True)


def re_engage(t: Terminal, days: Days) -> None:
    t.see("Step 5 of 5")
    t.text("Who could you reach out to?", CONTACT_1)
    t.enter("How do you know them?")  # former colleague
    t.enter("How will you reach them?")  # email
    t.text("Their email address (Enter to skip", CONTACT_1_EMAIL)
    t.text("What would you like to ask them?", REQUEST)
    t.confirm("Add another person?", yes=True)
    t.text("Who could you reach out to?", CONTACT_2)
    t.select("How do you know them?", down=1)  # head hunter
    t.select("How will you reach them?", down=1)  # LinkedIn: no address asked
    t.enter("What would you like to ask them?")  # nothing in particular
    t.confirm("Add another person?", yes=False)
    t.confirm("Is there a networking event or meetup you could go to?", yes=True)
    t.text("Which event?", EVENT)
    t.text("When is it?", days.iso(20))
    t.confirm("Add another event?", yes=False)
    t.text("What are you looking for next?", LOOKING_FOR)
    t.keep(LOOKING_FOR)
    t.text("One strength you'd like people to remember you for", KNOWN_FOR)
    t.keep(KNOWN_FOR)
    # The number comes pre-filled with its default (3): delete it, then type the new one.
    t.text("How many new conversations will you start each week?", "5")
    later(t, "availability_post")
    later(t, "outreach-1")  # a message to each contact
    later(t, "outreach-2")


def quick_run(t: Terminal) -> None:
    """All questions with the shortest answers (defaults wherever there is one)."""
    t.text("Which company was it?", "Initech")
    t.text("Which role had you applied for?", "Analyst")
    t.confirm("Do you already work there?", yes=False)
    t.enter("How far did you get in their process?")
    t.text("Who gave you the news?", "Bill Lumbergh")
    t.enter("How did the news reach you?")
    t.enter("Their email address, if you have it")
    t.enter("When did you hear?")
    t.text("Your name, to sign the drafts with", "Peter")
    t.confirm("Did you get to thank them during the conversation?", yes=True)
    t.enter("Anything in particular to thank them for?")
    t.enter("Did they leave a door open?")
    t.enter("Did they tell you why you weren't chosen?")
    t.select("Would you like to ask for feedback in the same email?", down=1)  # two emails
    later(t, "thank_you_email")
    t.enter("Ready for the next step?")
    t.enter("Have you asked for their reasons?")
    t.enter("What reasons did they give?")
    t.enter("Which areas would you like to work on?")
    t.enter("the weakness you most want to fix")
    t.enter("Ready for the next step?")
    t.text("What went well in this process?", "The first call")
    t.text("A fix you commit to", "Practise")
    t.enter("By when?")
    t.confirm("Add another fix?", yes=False)
    t.enter("Pick the day you'll move on")
    t.enter("Ready for the next step?")
    t.text("An accomplishment, in a few words", "Shipped the TPS report tool")
    t.confirm("Add the story behind it", yes=False)
    t.enter("A number that shows it")
    t.confirm("Add another accomplishment?", yes=False)
    t.keep("One thing I'm proud of")
    t.confirm("Now tell these stories out loud", yes=False)
    t.enter("Ready for the next step?")
    t.text("Who could you reach out to?", "Milton")
    t.enter("How do you know them?")
    t.enter("How will you reach them?")  # email
    t.enter("Their email address (Enter to skip")  # left blank: filled in later
    t.enter("What would you like to ask them?")
    t.confirm("Add another person?", yes=False)
    t.confirm("Is there a networking event or meetup you could go to?", yes=False)
    t.text("What are you looking for next?", "analyst")
    t.keep()
    t.text("One strength you'd like people to remember you for", "patience")
    t.keep()
    t.enter("How many new conversations will you start each week?")
    later(t, "availability_post")
    later(t, "outreach-1")  # the message to the contact
    t.see("That's all five steps")


def full_run_answers(days: Days) -> dict[str, Any]:
    """The saved answers of the full run, relative dates left out (see the test)."""
    return {
        "company": COMPANY,
        "role": ROLE,
        "internal": False,
        "stage": "interviews",
        "messenger_name": MESSENGER,
        "messenger_channel": "video",
        "messenger_email": MESSENGER_EMAIL,
        "your_name": YOUR_NAME,
        "thanked_on_call": True,
        "thank_detail": THANK_DETAIL,
        "door": "none",
        "reasons_heard": "not_yet",
        "feedback_in_thanks": "separate",
        "feedback_asked": "on_call",
        "reasons": REASONS,
        "areas": ["communication", "preparation"],
        "weakness": WEAKNESS,
        "went_well": WENT_WELL,
        # Each list entry keeps the stable id it was given when it was started.
        "fixes": [{"_id": "e1", "what": FIX_1, "due": days.iso(10)}, {"_id": "e2", "what": FIX_2}],
        "accomplishments": [
            {
                "_id": "e1",
                "title": ACCOMPLISHMENT,
                "story": True,
                "situation": SITUATION,
                "task": TASK,
                "action": ACTION,
                "result": RESULT,
                "number": NUMBER,
            }
        ],
        "rehearsed": True,
        "contacts": [
            {
                "_id": "e1",
                "name": CONTACT_1,
                "relation": "former_colleague",
                "channel": "email",
                "email": CONTACT_1_EMAIL,
                "request": REQUEST,
            },
            {
                "_id": "e2",
                "name": CONTACT_2,
                "relation": "head_hunter",
                "channel": "linkedin",
                "request": None,
            },
        ],
        "events": [{"_id": "e1", "name": EVENT, "date": days.iso(20)}],
        "looking_for": LOOKING_FOR,
        "known_for": KNOWN_FOR,
        "weekly_target": 5,
    }


def stopped_message(t: Terminal) -> str:
    """What the program said after Ctrl-C / Ctrl-D (the welcome also names `rebound continue`)."""
    assert "Stopped." in t.output, t.output[-2500:]
    return t.output.rsplit("Stopped.", 1)[1]


# --- the tests ---------------------------------------------------------------------------------


def test_full_run_saves_every_answer(
    spawn: Spawn, exe: str, env: dict[str, str], rebound_home: Path, days: Days
) -> None:
    t = spawn("start")
    opening(t, days)
    thank(t)
    go_on(t, 2)
    ask_why(t)
    go_on(t, 3)
    reflect_until_first_fix(t)
    reflect_from_first_due(t, days)
    go_on(t, 4)
    accomplishments(t)
    go_on(t, 5)
    re_engage(t, days)
    t.see("That's all five steps. Here is your checklist:")
    assert t.finish() == EXIT_OK

    path, saved = load_only_session(rebound_home)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-globex-corporation\.json", path.name), path.name
    assert saved["id"] == path.stem
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert saved["finished_at"]
    assert saved["open_lists"] == {}
    answers = saved["answers"]
    # Relative dates ('yesterday', '+5d', a default of +14d) may straddle midnight: check apart.
    assert answers.pop("call_date") in days.around(-1)
    assert answers.pop("move_on_date") in days.around(5)
    assert answers["fixes"][1].pop("due") in days.around(14)
    assert answers == full_run_answers(days)
    assert set(saved["drafts"]) >= {"thank_you_email", "feedback_log", "reflection"}
    assert THANK_DETAIL in saved["drafts"]["thank_you_email"]

    assert_summary_all_done(exe, env)
    # What they want from the first contact is what the note to them asks.
    note = run(exe, env, "draft", "outreach-1")
    assert "Could you introduce me to your platform team lead?" in " ".join(note.stdout.split())


def assert_summary_all_done(exe: str, env: dict[str, str]) -> None:
    shown = run(exe, env, "summary")
    assert shown.returncode == EXIT_OK, shown.stderr
    out = shown.stdout
    for number, title in enumerate(STEP_TITLES, start=1):
        assert f"✓ {number}/5 {title}" in out, out
    assert "(pending)" not in out
    assert COMPANY in out
    assert "(thank-you-sent)" in out
    assert f"Fix: {FIX_1}" in out
    assert "Traceback" not in out + shown.stderr


def test_ctrl_c_mid_entry_then_continue(spawn: Spawn, rebound_home: Path, days: Days) -> None:
    t = spawn("start")
    opening(t, days)
    thank(t)
    go_on(t, 2)
    ask_why(t)
    go_on(t, 3)
    reflect_until_first_fix(t)
    assert t.stop("By when?") == EXIT_INTERRUPTED
    assert "`rebound continue`" in stopped_message(t)

    _, saved = load_only_session(rebound_home)
    assert saved["finished_at"] is None
    assert saved["answers"]["went_well"] == WENT_WELL
    assert "fixes" not in saved["answers"]
    assert saved["open_lists"] == {"fixes": {"items": [], "current": {"_id": "e1", "what": FIX_1}}}

    t = spawn("continue")
    t.see("Welcome back")
    t.see("step 3 of 5")
    t.see("Your fixes: entry 1")
    reflect_from_first_due(t, days)
    go_on(t, 4)
    accomplishments(t)
    go_on(t, 5)
    re_engage(t, days)
    t.see("That's all five steps")
    assert t.finish() == EXIT_OK
    first_entry = t.output.split("Your fixes: entry 2")[0]
    assert "A fix you commit to" not in first_entry, "the saved part of the entry was asked again"

    _, saved = load_only_session(rebound_home)
    a = saved["answers"]
    assert saved["finished_at"]
    assert saved["open_lists"] == {}
    assert a["company"] == COMPANY  # before the interruption
    assert a["weakness"] == WEAKNESS
    assert a["went_well"] == WENT_WELL
    assert a["fixes"][0] == {"_id": "e1", "what": FIX_1, "due": days.iso(10)}  # spans the stop
    assert a["fixes"][1]["what"] == FIX_2
    assert a["known_for"] == KNOWN_FOR  # after it


def test_ctrl_d_at_a_text_prompt_keeps_everything(
    spawn: Spawn, rebound_home: Path, days: Days
) -> None:
    t = spawn("start")
    opening(t, days)
    t.confirm("Did you get to thank them during the conversation?", yes=False)
    assert t.stop("Anything in particular to thank them for?", CTRL_D) == EXIT_INTERRUPTED
    assert "`rebound continue`" in stopped_message(t)

    _, saved = load_only_session(rebound_home)
    a = saved["answers"]
    assert a["company"] == COMPANY
    assert a["your_name"] == YOUR_NAME
    assert a["thanked_on_call"] is False
    assert "thank_detail" not in a

    t = spawn("continue")
    t.see("step 1 of 5")
    assert t.stop("Anything in particular to thank them for?") == EXIT_INTERRUPTED


@pytest.mark.parametrize("command", ["start", "continue"])
@pytest.mark.parametrize("stdin", ["devnull", "pipe"])
def test_refuses_without_a_terminal(
    exe: str, env: dict[str, str], rebound_home: Path, command: str, stdin: str
) -> None:
    if stdin == "pipe":
        shown = run(exe, env, command, stdin=None, input="Globex\n")
    else:
        shown = run(exe, env, command)
    assert shown.returncode == EXIT_USAGE, (shown.stdout, shown.stderr)
    assert "terminal" in shown.stderr
    assert f"rebound {command}" in shown.stderr
    assert "Traceback" not in shown.stdout + shown.stderr
    assert not rebound_home.exists() or not list(rebound_home.rglob("*.json"))


def test_continue_without_a_terminal_leaves_a_session_alone(
    exe: str, env: dict[str, str], rebound_home: Path
) -> None:
    sessions = rebound_home / "sessions"
    sessions.mkdir(parents=True)
    path = sessions / "2026-01-05-globex.json"
    body = {
        "schema_version": 1,
        "id": "2026-01-05-globex",
        "created_at": "2026-01-05T10:00:00Z",
        "updated_at": "2026-01-05T10:00:00Z",
        "answers": {"company": "Globex"},
    }
    path.write_text(json.dumps(body), encoding="utf-8")
    before = (path.read_bytes(), path.stat().st_mtime_ns)

    shown = run(exe, env, "continue", stdin=None, input="Engineer\n")
    assert shown.returncode == EXIT_USAGE, (shown.stdout, shown.stderr)
    assert "terminal" in shown.stderr
    assert "Traceback" not in shown.stdout + shown.stderr
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert session_files(rebound_home) == [path]


def test_continue_on_a_finished_session_ticks_items(spawn: Spawn, rebound_home: Path) -> None:
    t = spawn("start")
    quick_run(t)
    assert t.finish() == EXIT_OK
    _, saved = load_only_session(rebound_home)
    assert saved["finished_at"]
    assert saved["ticked"] == {}

    t = spawn("continue")
    for number, title in enumerate(STEP_TITLES, start=1):
        t.see(f"{number}/5 {title}")
    t.see("Tick off what you've done")
    t.see("Thank-you email sent to Bill Lumbergh")  # the first, undated item
    t.child.send(SPACE + ENTER)
    t.see("Ticked 1")
    assert t.finish() == EXIT_OK

    _, saved = load_only_session(rebound_home)
    assert list(saved["ticked"]) == ["thank-you-sent"]


def test_not_now_stops_and_continue_resumes_at_the_next_step(
    spawn: Spawn, rebound_home: Path, days: Days
) -> None:
    t = spawn("start")
    opening(t, days)
    thank(t)
    t.see("Yes: step 2 of 5")
    t.select("Not now; I'll come back", down=1)
    t.see("Saved. Pick up where you left off any time with `rebound continue`.")
    assert t.finish() == EXIT_OK

    _, saved = load_only_session(rebound_home)
    assert saved["answers"]["thank_detail"] == THANK_DETAIL
    assert "feedback_asked" not in saved["answers"]
    assert saved["finished_at"] is None

    t = spawn("continue")
    t.see("step 2 of 5, Ask why")
    t.see("Your feedback request")  # the draft shown before the first question
    t.enter("Have you asked for their reasons?")
    assert t.stop("What reasons did they give?") == EXIT_INTERRUPTED

    _, saved = load_only_session(rebound_home)
    assert saved["answers"]["feedback_asked"] == "on_call"
    assert "Did you get to thank them" not in t.output  # step 1 was not asked again

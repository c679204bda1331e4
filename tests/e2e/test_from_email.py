"""End-to-end: a whole walk started from the email the news came in, Enter on each question the
email answers, and the thank-you that comes out as a reply in its thread; and an email pasted
at the terminal, ended with Ctrl-D, before the walk."""

from __future__ import annotations

import json
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from tests import mail, pinned
from tests.terminal import CTRL_D, EXIT_INTERRUPTED, EXIT_OK, Spawn, Terminal, load_only_session
from tests.terminal import run as run_exe

pytestmark = pytest.mark.e2e

YESTERDAY = pinned.iso(-1)


def offered(t: Terminal, question: str, default: str) -> None:
    """The question, with what the email said offered for Enter; Enter keeps it."""
    t.see(question)
    t.answer(f"(Enter for {default})", "\r")


def test_a_whole_walk_from_an_email_with_enter_on_each_offer(
    spawn: Spawn, rebound_home: Path, tmp_path: Path, exe: str, env: dict[str, str]
) -> None:
    email = mail.saved(tmp_path, mail.rejection())
    t = spawn("start", "--from", str(email))
    t.see("From the email: Globex, Data Engineer, Dana Smith <dana.smith@globex.example>")
    offered(t, "Which company was it?", "Globex")
    offered(t, "Which role had you applied for?", "Data Engineer")
    t.confirm("Do you already work there?", yes=False)
    t.enter("How far did you get in their process?")  # interviews
    offered(t, "Who gave you the news?", "Dana Smith")
    t.enter("How did the news reach you?")  # the email's channel is the one chosen
    offered(t, "Their email address, if you have it", "dana.smith@globex.example")
    offered(t, "When did you hear?", YESTERDAY)
    t.text("Your name, to sign the drafts with", "Sam Carter")

    t.see("Step 1 of 5")
    t.enter("Anything in particular to thank them for?")
    t.enter("Did they leave a door open?")  # no
    t.enter("Did they tell you why you weren't chosen?")  # not yet
    t.enter("Would you like to ask for feedback in the same email?")  # one email: the reply
    t.see("Subject: Re: Update on your application")
    t.enter("Later (`rebound draft thanks_and_feedback_email` has it)")
    t.enter("Ready for the next step?")
    t.see("Step 2 of 5")
    t.enter("What reasons did they give?")
    t.enter("Which areas would you like to work on?")
    t.enter("the weakness you most want to fix")
    t.enter("Ready for the next step?")
    t.text("What went well in this process?", "The pairing round")
    t.text("A fix you commit to", "Practise system design")
    t.enter("By when?")
    t.confirm("Add another fix?", yes=False)
    t.enter("Pick the day you'll move on")
    t.enter("Ready for the next step?")
    t.text("An accomplishment, in a few words", "Cut the release time to an hour")
    t.confirm("Add the story behind it", yes=False)
    t.enter("A number that shows it")
    t.confirm("Add another accomplishment?", yes=False)
    t.keep("One thing I'm proud of")  # the post's line of it, read back
    t.confirm("Now tell these stories out loud", yes=False)
    t.enter("Ready for the next step?")
    t.text("Who could you reach out to?", "Grace Hopper")
    t.enter("How do you know them?")
    t.enter("How will you reach them?")
    t.enter("Their email address (Enter to skip")
    t.enter("What would you like to ask them?")
    t.confirm("Add another person?", yes=False)
    t.confirm("Is there a networking event or meetup you could go to?", yes=False)
    t.text("What are you looking for next?", "a data engineering team")
    t.keep()
    t.text("One strength you'd like people to remember you for", "calm debugging")
    t.keep()
    t.enter("How many new conversations will you start each week?")
    t.enter("Later (`rebound draft availability_post` has it)")
    t.enter("Later (`rebound draft outreach-1` has it)")
    t.see("That's all five steps")
    assert t.finish() == EXIT_OK

    _, saved = load_only_session(rebound_home)
    assert {k: saved["answers"][k] for k in ("company", "role", "messenger_name")} == {
        "company": "Globex",
        "role": "Data Engineer",
        "messenger_name": "Dana Smith",
    }
    assert saved["answers"]["messenger_channel"] == "email"
    assert saved["answers"]["messenger_email"] == "dana.smith@globex.example"
    assert saved["answers"]["call_date"] == YESTERDAY
    assert saved["thread"]["message_id"] == mail.MESSAGE_ID
    assert saved["suggested"] == {}

    out = tmp_path / "reply.eml"
    written = run_exe(exe, env, "draft", "thanks_and_feedback_email", "--eml", "-o", str(out))
    assert written.returncode == 0, written.stderr
    reply = BytesParser(policy=policy.default).parsebytes(out.read_bytes())
    assert reply["Subject"] == "Re: Update on your application"
    assert reply["In-Reply-To"] == reply["References"] == mail.MESSAGE_ID
    assert reply["X-Unsent"] == "1"


def test_an_email_pasted_at_the_terminal(spawn: Spawn, rebound_home: Path) -> None:
    t = spawn("start", "--from", "-")
    t.see("Paste the email")
    pasted = (
        "From: Wei Chen <wei.chen@northwind.example>\r"
        f"Sent: {pinned.on(-2).strftime('%A, %B %d, %Y')} 4:40 PM\r"
        "Subject: Operations Analyst - update\r\r"
        "Hi Sam, thank you for your application for the Operations Analyst role at Northwind "
        "Traders. Unfortunately we will not be moving forward.\r\rKind regards,\rWei Chen\r"
    )
    t.child.send(pasted)
    t.child.send(CTRL_D)
    offered(t, "Which company was it?", "Northwind Traders")
    offered(t, "Which role had you applied for?", "Operations Analyst")
    t.confirm("Do you already work there?", yes=False)
    t.enter("How far did you get in their process?")
    offered(t, "Who gave you the news?", "Wei Chen")
    assert t.stop("How did the news reach you?") == EXIT_INTERRUPTED
    _, saved = load_only_session(rebound_home)
    assert saved["answers"]["messenger_name"] == "Wei Chen"
    assert saved["suggested"]["call_date"] == pinned.iso(-2)
    assert json.dumps(saved).count("Unfortunately") == 0

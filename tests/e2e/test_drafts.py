"""End-to-end: drafts sent on their way from a real pseudo-terminal.

The walk's offer at the end of step 1 with a stand-in `xclip` on PATH (copy, then tick), and
`rebound draft --copy` with no clipboard program, where the text goes to the terminal itself as
OSC 52 (the pty is the terminal, so the sequence is in what it shows).
"""

from __future__ import annotations

import base64
import re
import sys
from pathlib import Path

import pytest

from rebound.coach import drafts
from rebound.storage.records import Session
from tests.terminal import DOWN, ENTER, EXIT_OK, Spawn, Terminal, load_only_session

CTRL_U = "\x15"  # clear the offered text

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xclip and DISPLAY: Linux"),
]

UP = "\x1b[A"


def stand_in_xclip(folder: Path, clip: Path) -> None:
    folder.mkdir(exist_ok=True)
    path = folder / "xclip"
    path.write_text(
        f"#!{sys.executable} -S\nimport sys\n"
        f"open({str(clip)!r}, 'wb').write(sys.stdin.buffer.read())\n",
        encoding="utf-8",
    )
    path.chmod(0o755)


def opening(t: Terminal) -> None:
    """The questions about the call, answered, up to step 1's "thanked them?" (yes)."""
    t.text("Which company was it?", "Initech")
    t.text("Which role had you applied for?", "Analyst")
    t.confirm("Do you already work there?", yes=False)
    t.enter("How far did you get in their process?")  # interviews
    t.text("Who gave you the news?", "Bill Lumbergh")
    t.enter("How did the news reach you?")
    t.text("Their email address, if you have it", "bill@initech.example")
    t.enter("When did you hear?")
    t.text("Your name, to sign the drafts with", "Peter")
    t.confirm("Did you get to thank them during the conversation?", yes=True)


def test_copy_at_the_end_of_step_one_then_tick(
    spawn: Spawn, env: dict[str, str], tmp_path: Path, rebound_home: Path
) -> None:
    clip = tmp_path / "clipboard.txt"
    stand_in_xclip(tmp_path / "bin", clip)
    env.update(PATH=f"{tmp_path / 'bin'}:{env['PATH']}", DISPLAY=":99")
    env.pop("WAYLAND_DISPLAY", None)
    t = spawn("start")
    opening(t)
    t.text("Anything in particular to thank them for?", "the TPS cover sheets")
    t.keep("Thank you also for the TPS cover sheets.")
    t.enter("Did they leave a door open?")  # no
    t.enter("Did they tell you why you weren't chosen?")  # not yet
    t.select("Would you like to ask for feedback in the same email?", down=1)  # two emails
    t.see("Your thank-you email: what would you like to do with it?")
    t.see("Later (`rebound draft thank_you_email` has it)")
    t.child.send(UP * 3 + ENTER)  # from "later" up to "copy it to the clipboard"
    t.see("copied to the clipboard (with xclip)")
    t.confirm("Sent? Tick", yes=True)
    t.see("Ticked 1. Well done.")
    t.see("Ready for the next step?")
    t.child.send(DOWN + ENTER)  # not now
    assert t.finish() == EXIT_OK
    _, data = load_only_session(rebound_home)
    assert "thank-you-sent" in data["ticked"]
    copied = clip.read_text(encoding="utf-8")
    assert copied.startswith(
        "Hi Bill,\n\nThank you again for calling to let me know the decision on the"
    )
    assert "Thank you also for the TPS cover sheets." in copied
    assert copied.endswith("Peter\n")
    assert "Subject:" not in copied
    assert copied == drafts.plain(copied)


def test_copy_without_a_clipboard_program_uses_osc52(
    spawn: Spawn, env: dict[str, str], tmp_path: Path, finished_session: Session
) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    env["PATH"] = str(empty)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX"):
        env.pop(name, None)
    t = spawn("draft", "availability_post", "--copy")
    t.see("sent to your terminal's clipboard (OSC 52)")
    assert t.finish() == EXIT_OK
    raw = t.transcript.getvalue()
    match = re.search(r"\x1b\]52;c;([A-Za-z0-9+/=]+)\x07", raw)
    assert match is not None, raw[:500]
    text = base64.b64decode(match.group(1)).decode("utf-8")
    assert text == drafts.plain(finished_session.drafts["availability_post"])


def test_a_sentence_read_back_is_rewritten_in_a_real_terminal(
    spawn: Spawn, env: dict[str, str], rebound_home: Path
) -> None:
    """The read-back in a pseudo-terminal: the thanks typed make a sentence of the email, shown
    as it will read; 'n' at "Keep it as it reads?" and the person's own sentence replace it, in
    the draft that `rebound draft` prints."""
    mine = "Your notes on my case study were generous, and I will use them."
    t = spawn("start")
    opening(t)
    t.text("Anything in particular to thank them for?", "the notes on my case study")
    t.see("In your thank-you email, that reads:")
    t.see("Thank you also for the notes on my case study.")
    t.confirm("Keep it as it reads?", yes=False)
    t.answer("Your sentence (it replaces the one above", CTRL_U + mine + ENTER)
    t.see("Kept as you wrote it.")
    t.enter("Did they leave a door open?")  # no
    t.enter("Did they tell you why you weren't chosen?")  # not yet
    t.select("Would you like to ask for feedback in the same email?", down=1)  # two emails
    t.enter("Later (`rebound draft thank_you_email` has it)")
    t.see("Ready for the next step?")
    t.child.send(DOWN + ENTER)  # not now
    assert t.finish() == EXIT_OK
    _, data = load_only_session(rebound_home)
    assert data["sentences"] == {"detail": mine}
    shown = spawn("draft", "thank_you_email")
    shown.see(mine)
    assert shown.finish() == EXIT_OK

"""`rebound draft`: list, print, copy, mail, edit and reset a session's drafts.

The clipboard is a stand-in `xclip` on PATH (pyperclip takes xclip when DISPLAY is set and
WAYLAND_DISPLAY is not), the mail app a `$BROWSER` script that writes down the link it is
given, the editor an `$EDITOR` script that changes the file. Nothing of the machine's own is
touched.
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from rebound.coach import drafts
from rebound.pack import packs
from rebound.pack.models import Content
from rebound.storage.records import Session
from rebound.storage.store import Store
from rebound.system import clipboard
from tests.cli.conftest import script
from tests.helpers import MakeSession, Run
from tests.scenario import DRAFT_IDS, SESSION_ID
from tests.terminal import run as run_exe

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="pyperclip picks xclip this way on Linux"
)


def saved(home: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((home / "sessions" / f"{SESSION_ID}.json").read_text())
    return data


@pytest.fixture
def fake_xclip(bin_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in xclip; what it was given lands in the returned file."""
    clip = tmp_path / "clipboard.txt"
    script(bin_dir, "xclip", f"open({str(clip)!r}, 'wb').write(sys.stdin.buffer.read())")
    monkeypatch.setenv("DISPLAY", ":99")
    return clip


def test_without_a_name_it_lists_the_drafts(run: Run, finished_session: Session) -> None:
    result = run(["draft"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Globex · Data Engineer"
    assert [line.split()[0] for line in lines[1:8]] == DRAFT_IDS
    assert "Your thank-you email · to Dana Smith <dana@globex.example>" in lines[1]
    assert "edited" not in result.stdout
    assert lines[7].split("  ", 1)[1].strip() == "Your message · Priya Patel"  # named once
    assert "`rebound draft NAME` shows one" in lines[8]


def test_a_session_without_drafts_says_so(run: Run, make_session: MakeSession) -> None:
    make_session(upto="thanked_on_call")
    result = run(["draft"])
    assert result.exit_code == 0
    assert "No drafts yet in Globex · Data Engineer" in result.stdout


def test_a_name_prints_exactly_the_text(run: Run, finished_session: Session) -> None:
    result = run(["draft", "thank-you-email", "--session", SESSION_ID])
    assert result.exit_code == 0, result.output
    assert result.stdout == drafts.plain(finished_session.drafts["thank_you_email"])
    assert result.stdout.startswith("To: Dana Smith <dana@globex.example>\nSubject: Thank you")
    assert result.stdout.endswith("Alex Doe\n")
    assert not result.stdout.endswith("\n\n")
    assert all(line == line.rstrip() for line in result.stdout.splitlines())
    assert "---" not in result.stdout and "\x1b" not in result.stdout
    # Unwrapped: the long paragraph is one line.
    assert any(len(line) > 150 for line in result.stdout.splitlines())


def test_unknown_names_and_bad_usage(run: Run, finished_session: Session) -> None:
    unknown = run(["draft", "love_letter"])
    assert unknown.exit_code == 2
    assert "There is no draft 'love_letter'" in unknown.stderr
    assert ", ".join(DRAFT_IDS) in " ".join(unknown.stderr.split())
    nameless = run(["draft", "--copy"])
    assert nameless.exit_code == 2
    assert "`rebound draft thank_you_email --copy`" in nameless.stderr
    both = run(["draft", "reflection", "--copy", "--mail"])
    assert both.exit_code == 2
    assert "one of --copy, --mail, --eml, --edit or --reset" in both.stderr


def test_no_sessions_yet(run: Run) -> None:
    result = run(["draft"])
    assert result.exit_code == 0
    assert "No sessions yet" in result.stdout


@linux_only
def test_copy_uses_the_clipboard_program(
    run: Run, finished_session: Session, fake_xclip: Path
) -> None:
    result = run(["draft", "thank_you_email", "--copy"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "Your thank-you email: copied to the clipboard (with xclip)." in out
    # The message itself goes on the clipboard; its own fields are shown to fill in.
    copied = fake_xclip.read_text(encoding="utf-8")
    assert copied.startswith("Hi Dana,\n") and copied.endswith("Alex Doe\n")
    assert "To: Dana Smith <dana@globex.example> · Subject: Thank you" in out
    assert "Once it's sent: `rebound done thank-you-sent`." in out


@linux_only
def test_copy_falls_back_to_osc52(
    run: Run, finished_session: Session, bin_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import base64
    import io

    class Tty(io.BytesIO):
        def close(self) -> None:
            pass

    tty = Tty()
    monkeypatch.setattr(clipboard, "terminal", lambda: tty)
    result = run(["draft", "availability_post", "--copy"])
    assert result.exit_code == 0, result.output
    assert "sent to your terminal's clipboard (OSC 52)" in result.stdout
    written = tty.getvalue()
    assert written.startswith(b"\x1b]52;c;") and written.endswith(b"\x07")
    text = base64.b64decode(written[len(b"\x1b]52;c;") : -1]).decode("utf-8")
    assert text == drafts.plain(finished_session.drafts["availability_post"])


@linux_only
def test_copy_with_no_clipboard_and_no_terminal_fails_clearly(
    exe: str, env: dict[str, str], finished_session: Session, tmp_path: Path
) -> None:
    before = (tmp_path / "rebound-home" / "sessions" / f"{SESSION_ID}.json").read_bytes()
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    bare = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX")}
    bare["PATH"] = str(empty)
    # A new session of its own: no controlling terminal, so /dev/tty cannot be opened either.
    done = run_exe(exe, bare, "draft", "thank_you_email", "--copy", start_new_session=True)
    assert done.returncode == 1, done
    message = done.stderr.strip()
    assert "\n\n" not in message and "Traceback" not in message
    assert "Your thank-you email could not be copied" in " ".join(message.split())
    assert "`rebound draft thank_you_email` prints it" in " ".join(message.split())
    assert done.stdout == ""
    after = (tmp_path / "rebound-home" / "sessions" / f"{SESSION_ID}.json").read_bytes()
    assert after == before


def test_mail_opens_the_mail_app_with_the_draft(
    run: Run,
    finished_session: Session,
    bin_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    given = tmp_path / "url.txt"
    browser = script(bin_dir, "browser", f"open({str(given)!r}, 'w').write(sys.argv[1])")
    monkeypatch.setenv("BROWSER", str(browser))
    result = run(["draft", "thank_you_email", "--mail"])
    assert result.exit_code == 0, result.output
    assert "Your thank-you email: opened in your mail app." in result.stdout
    url = given.read_text()
    parts = urlsplit(url)
    fields = {k: v[0] for k, v in parse_qs(parts.query).items()}
    shown = drafts.find(drafts.session_drafts(_pack(), finished_session), "thank_you_email")
    assert shown is not None
    assert (parts.scheme, unquote(parts.path)) == ("mailto", "dana@globex.example")
    assert fields["subject"] == shown.subject == "Thank you — Data Engineer at Globex"
    assert fields["body"] == shown.body.rstrip("\n").replace("\n", "\r\n")
    assert "To:" not in fields["body"] and "Subject:" not in fields["body"]


def test_mail_prints_the_link_when_nothing_can_open_it(
    run: Run, finished_session: Session, bin_dir: Path
) -> None:
    result = run(["draft", "feedback_request", "--mail"])
    assert result.exit_code == 0, result.output
    assert "Nothing here could open a mail app" in result.stdout
    link = next(line for line in result.stdout.splitlines() if line.startswith("mailto:"))
    body = parse_qs(urlsplit(link).query)["body"][0]
    assert body.startswith("Hi Dana,\r\n\r\nThanks again")


@pytest.mark.parametrize("name", ["availability_post", "feedback_log", "reflection"])
def test_mail_of_a_draft_that_is_no_email_says_why_and_offers_copy(
    run: Run,
    finished_session: Session,
    bin_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    """Issue 22, item 20: `--mail` opened a mail with no recipient for a post or a note."""
    given = tmp_path / "url.txt"
    browser = script(bin_dir, "browser", f"open({str(given)!r}, 'w').write(sys.argv[1])")
    monkeypatch.setenv("BROWSER", str(browser))
    result = run(["draft", name, "--mail"])
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "is not an email, so there is no one to mail it to" in said
    assert f"`rebound draft {name} --copy`" in said
    assert not given.exists()  # no mail app was opened


def test_mail_of_a_linkedin_note_says_why(run: Run, make_session: MakeSession) -> None:
    contact = {"name": "Sam Lee", "relation": "friend", "channel": "linkedin"}
    make_session(contacts=[contact])
    result = run(["draft", "outreach-1", "--mail"])
    assert result.exit_code == 2
    assert "is not an email" in result.stderr


def _pack() -> Content:
    return packs.load(packs.default_dir("en"))


def test_edit_is_kept_and_shown_everywhere(
    run: Run, finished_session: Session, editor: None, rebound_home: Path
) -> None:
    result = run(["draft", "thank_you_email", "--edit"])
    assert result.exit_code == 0, result.output
    assert "your edit is kept" in result.stdout
    data = saved(rebound_home)
    assert "Warmly," in data["edited"]["thank_you_email"]  # type: ignore[index]
    assert "Best wishes," in data["drafts"]["thank_you_email"]  # type: ignore[index]
    # Every later command shows the edit.
    printed = run(["draft", "thank_you_email"]).stdout
    assert "Warmly,\nAlex Doe\n" in printed and "Best wishes" not in printed
    assert "· edited" in run(["draft"]).stdout
    # The other drafts that sign off "Best wishes," (the outreach note) are shown as they are.
    others = [
        d
        for d in drafts.session_drafts(_pack(), Store().load(SESSION_ID))
        if d.id != "thank_you_email" and "Best wishes," in d.text
    ]
    assert others, "the outreach note signs off the same way"
    for command in (["summary", "--drafts"], ["show", SESSION_ID], ["export"]):
        out = run(command).stdout
        assert "Warmly," in out, command
        assert out.count("Best wishes,") == len(others), command


def test_an_editor_closed_without_saving_changes_nothing(
    run: Run,
    finished_session: Session,
    bin_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    rebound_home: Path,
) -> None:
    before = (rebound_home / "sessions" / f"{SESSION_ID}.json").read_bytes()
    quits = script(bin_dir, "quits.py", "pass")
    monkeypatch.setenv("VISUAL", shlex.join([sys.executable, "-S", str(quits)]))
    monkeypatch.setenv("EDITOR", "/no/such/editor")  # VISUAL comes first
    result = run(["draft", "reflection", "--edit"])
    assert result.exit_code == 0, result.output
    assert "Your reflection: no changes, so it stays as it was." in result.stdout
    assert (rebound_home / "sessions" / f"{SESSION_ID}.json").read_bytes() == before


def test_an_editor_that_cannot_start_fails_clearly(
    run: Run,
    finished_session: Session,
    bin_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    rebound_home: Path,
) -> None:
    monkeypatch.setenv("EDITOR", "/no/such/editor --wait")
    result = run(["draft", "reflection", "--edit"])
    assert result.exit_code == 1
    assert "Could not use your editor (/no/such/editor --wait)" in result.stderr
    assert saved(rebound_home)["edited"] == {}


def test_reset_drops_the_edit(
    run: Run, finished_session: Session, editor: None, rebound_home: Path
) -> None:
    assert run(["draft", "thank_you_email", "--edit"]).exit_code == 0
    # Issue 22, item 17: the edit is the person's own writing, so it is asked first.
    kept = run(["draft", "thank_you_email", "--reset"], "n\r")
    assert kept.exit_code == 0, kept.output
    assert "Your thank-you email: your edit is kept." in kept.stdout
    assert "Warmly," in saved(rebound_home)["edited"]["thank_you_email"]
    refused = run(["draft", "thank_you_email", "--reset"], terminal=False)
    assert refused.exit_code == 2
    assert "needs a yes" in refused.stderr and "Nothing was changed" in refused.stderr
    assert saved(rebound_home)["edited"]
    result = run(["draft", "thank_you_email", "--reset"], "y\r")
    assert result.exit_code == 0, result.output
    assert "Your thank-you email: back to the draft made from your answers." in result.stdout
    assert saved(rebound_home)["edited"] == {}
    assert "Best wishes," in run(["draft", "thank_you_email"]).stdout
    again = run(["draft", "thank_you_email", "--reset"])
    assert "there is no edit to drop" in again.stdout
    assert run(["draft", "thank_you_email", "--edit"]).exit_code == 0
    assert run(["draft", "thank_you_email", "--reset", "--yes"], terminal=False).exit_code == 0
    assert saved(rebound_home)["edited"] == {}


def test_edit_is_refused_before_the_editor_opens_when_the_session_is_busy(
    run: Run,
    finished_session: Session,
    bin_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from rebound.storage.store import Store

    opened = tmp_path / "opened"
    marker = script(bin_dir, "marks.py", f"open({str(opened)!r}, 'w').write('x')")
    monkeypatch.setenv("EDITOR", shlex.join([sys.executable, "-S", str(marker)]))
    with Store().lock(SESSION_ID):
        result = run(["draft", "thank_you_email", "--edit"])
    assert result.exit_code == 1
    assert not opened.exists()  # refused before the editor opened: no edit can be lost

"""The thank-you as a reply in the thread of the email a session started from.

Its subject is 'Re: ' theirs (once), and both ways out carry the thread: `draft NAME --mail`
puts In-Reply-To and References in the `mailto:` link (RFC 6068), and `draft NAME --eml -o
FILE` writes a draft .eml (X-Unsent: 1). Both are parsed back with the `email` package. No mail
app: `bin_dir` leaves nothing on PATH, so `--mail` prints its link.
"""

from __future__ import annotations

import json
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser, Parser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests import mail, scenario
from tests.helpers import Run
from tests.terminal import flat

FROM_EMAIL = ("company", "role", "messenger_name", "messenger_channel", "messenger_email")


def answers_file(folder: Path, **changes: Any) -> Path:
    """The sample session's answers, less what the email gives (and the question an email's
    news doesn't ask: whether they were thanked on the call)."""
    data = {
        k: v
        for k, v in scenario.answers(scenario.TODAY).items()
        if k not in (*FROM_EMAIL, "call_date", "thanked_on_call")
    }
    path = folder / "answers.yaml"
    path.write_text(scenario.answers_yaml({**data, **changes}), encoding="utf-8")
    return path


@pytest.fixture
def from_email(run: Run, tmp_path: Path, bin_dir: Path) -> Path:
    """A whole session started from the sample rejection email (`start --from --answers`)."""
    email = mail.saved(tmp_path, mail.rejection())
    result = run(["start", "--from", str(email), "--answers", str(answers_file(tmp_path))])
    assert result.exit_code == 0, result.output
    return email


def link(run: Run, draft: str) -> tuple[str, dict[str, str]]:
    """The `mailto:` link `draft NAME --mail` gives (printed: no mail app here), as its address
    and its fields."""
    result = run(["draft", draft, "--mail"])
    assert result.exit_code == 0, result.output
    url = next(line for line in result.stdout.splitlines() if line.startswith("mailto:"))
    parts = urlsplit(url)
    return unquote(parts.path), {k: v[0] for k, v in parse_qs(parts.query).items()}


def as_email(address: str, fields: dict[str, str]) -> EmailMessage:
    """What a mail app makes of a link: its fields as headers, parsed by the `email` package."""
    heads = [f"To: {address}"] + [f"{k}: {v}" for k, v in fields.items() if k != "body"]
    text = "\n".join(heads) + "\n\n" + fields.get("body", "")
    parsed: EmailMessage = Parser(policy=policy.default).parsestr(text)
    return parsed


def test_the_thank_you_is_a_reply_in_their_thread(run: Run, from_email: Path) -> None:
    shown = run(["draft", "thank_you_email"]).stdout
    assert shown.startswith(
        "To: Dana Smith <dana.smith@globex.example>\nSubject: Re: Update on your application\n"
    )
    address, fields = link(run, "thank_you_email")
    reply = as_email(address, fields)
    assert reply["To"] == "dana.smith@globex.example"
    assert reply["Subject"] == "Re: Update on your application"
    assert reply["In-Reply-To"] == reply["References"] == mail.MESSAGE_ID
    assert reply.get_content().startswith("Hi Dana,")
    # RFC 6068: no raw '<', '>' or spaces in the link, and the thread's headers before the body.
    url = run(["draft", "thank_you_email", "--mail"]).stdout
    assert "In-Reply-To=%3CCAO7decision42@mail.globex.example%3E" in url
    assert url.index("References=") < url.index("body=")


def test_the_eml_reply_parses_back_as_a_threaded_draft(
    run: Run, from_email: Path, tmp_path: Path
) -> None:
    out = tmp_path / "reply.eml"
    result = run(["draft", "thank_you_email", "--eml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    said = flat(result.stdout)
    assert f"Your thank-you email: written to {out} as a reply in their thread." in said
    assert "Once it's sent: `rebound done thank-you-sent`." in said
    reply = BytesParser(policy=policy.default).parsebytes(out.read_bytes())
    assert reply["To"].addresses[0].addr_spec == "dana.smith@globex.example"
    assert reply["To"].addresses[0].display_name == "Dana Smith"
    assert reply["Subject"] == "Re: Update on your application"
    assert reply["In-Reply-To"] == reply["References"] == mail.MESSAGE_ID
    assert reply["X-Unsent"] == "1"
    assert "From" not in reply and "Date" not in reply  # the mail program adds them on sending
    body = reply.get_content().replace("\r\n", "\n")
    printed = run(["draft", "thank_you_email"]).stdout
    assert body == printed.split("\n\n", 1)[1]
    # To the screen with '-'; an existing file is kept unless --force.
    assert run(["draft", "thank_you_email", "--eml", "-o", "-"]).stdout.startswith("To: ")
    kept = run(["draft", "thank_you_email", "--eml", "-o", str(out)])
    assert kept.exit_code == 2 and "already exists" in flat(kept.stderr)
    assert run(["draft", "thank_you_email", "--eml", "-o", str(out), "--force"]).exit_code == 0


def test_only_the_thank_you_answers_their_message(run: Run, from_email: Path) -> None:
    address, fields = link(run, "feedback_request")
    request = as_email(address, fields)
    assert request["Subject"].startswith("A request for feedback")
    assert "In-Reply-To" not in request and "References" not in request


def test_a_subject_that_was_a_reply_gets_one_re(run: Run, tmp_path: Path, bin_dir: Path) -> None:
    email = mail.saved(tmp_path, mail.rejection(subject="RE: Re: Data Engineer - next steps"))
    run(["start", "--from", str(email), "--answers", str(answers_file(tmp_path))])
    _, fields = link(run, "thank_you_email")
    assert fields["subject"] == "Re: Data Engineer - next steps"


def test_the_combined_email_is_the_reply_when_it_is_the_thank_you(
    run: Run, tmp_path: Path, bin_dir: Path
) -> None:
    email = mail.saved(tmp_path, mail.rejection())
    answers = answers_file(tmp_path, feedback_in_thanks="combined", feedback_asked=None)
    result = run(["start", "--from", str(email), "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    reply = as_email(*link(run, "thanks_and_feedback_email"))
    assert reply["Subject"] == "Re: Update on your application"
    assert reply["In-Reply-To"] == mail.MESSAGE_ID


def test_an_edited_reply_stays_in_the_thread(
    run: Run, from_email: Path, editor: None, tmp_path: Path
) -> None:
    assert run(["draft", "thank_you_email", "--edit"]).exit_code == 0
    out = tmp_path / "edited.eml"
    run(["draft", "thank_you_email", "--eml", "-o", str(out)])
    reply = BytesParser(policy=policy.default).parsebytes(out.read_bytes())
    assert "Warmly," in reply.get_content()
    assert reply["In-Reply-To"] == mail.MESSAGE_ID


def test_a_session_not_started_from_an_email_writes_a_new_one(
    run: Run, finished_session: object, tmp_path: Path
) -> None:
    out = tmp_path / "new.eml"
    result = run(["draft", "thank_you_email", "--eml", "-o", str(out)])
    assert "as a new email" in flat(result.stdout)
    new = BytesParser(policy=policy.default).parsebytes(out.read_bytes())
    assert new["Subject"] == "Thank you — Data Engineer at Globex"
    assert "In-Reply-To" not in new and new["X-Unsent"] == "1"
    saved = json.loads(next((tmp_path / "rebound-home" / "sessions").glob("*.json")).read_text())
    assert saved["thread"] is None


def test_eml_needs_a_file_and_an_email(run: Run, finished_session: object) -> None:
    nowhere = run(["draft", "thank_you_email", "--eml"])
    assert nowhere.exit_code == 2
    assert "add `-o FILE`" in flat(nowhere.stderr)
    notes = run(["draft", "reflection", "--eml", "-o", "-"])
    assert notes.exit_code == 2
    assert "is not an email, so there is no .eml to write" in flat(notes.stderr)


def test_a_spanish_reply(run: Run, tmp_path: Path, bin_dir: Path) -> None:
    email = mail.saved(
        tmp_path,
        mail.rejection(
            sender="Lucía Gómez <lucia.gomez@cervezasdelsur.example>",
            subject="Tu candidatura",
            body=mail.SPANISH,
        ),
    )
    answers = answers_file(tmp_path)
    result = run(["--lang", "es", "start", "--from", str(email), "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    shown = run(["draft", "thank_you_email"]).stdout
    assert shown.startswith("Para: Lucía Gómez <lucia.gomez@cervezasdelsur.example>\n")
    assert "\nAsunto: Re: Tu candidatura\n" in shown
    reply = as_email(*link(run, "thank_you_email"))
    assert reply["Subject"] == "Re: Tu candidatura"
    assert reply["References"] == mail.MESSAGE_ID

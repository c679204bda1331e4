"""`rebound start --from`: a session started from the email the news came in.

What the email says is each opening question's default (Enter keeps it, typing replaces it);
the session keeps the message's thread (its Message-ID and subject) and nothing else of it; an
answers file wins over the email; a Spanish email offers the Spanish coach; a mailbox is picked
from; and bad input exits 2 with its reason and leaves the data folder as it was.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rebound.storage.records import Session
from tests import mail, pinned
from tests.helpers import ENTER, Run
from tests.terminal import flat

YESTERDAY = pinned.iso(-1)
# Enter at each question the email answers, and at how far they got (the default: interviews);
# the name to sign with is typed (nothing offers it).
ENTER_ALL = ENTER * 8 + "Sam Carter" + ENTER  # Enter at "already work there?" is no
CTRL_U = "\x15"


def only_session(home: Path) -> dict[str, Any]:
    [file] = (home / "sessions").glob("*.json")
    data: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))
    return data


def opening(data: dict[str, Any]) -> dict[str, Any]:
    names = ("company", "role", "messenger_name", "messenger_channel", "messenger_email")
    return {k: data["answers"].get(k) for k in (*names, "call_date", "your_name")}


def test_enter_keeps_what_the_email_says(run: Run, rebound_home: Path, tmp_path: Path) -> None:
    email = mail.saved(tmp_path, mail.rejection())
    result = run(["start", "--from", str(email)], ENTER_ALL)
    assert result.exit_code == 130  # the keys ran out at step 1: everything so far is saved
    said = flat(result.stdout)
    assert (
        "From the email: Globex, Data Engineer, Dana Smith <dana.smith@globex.example>, "
        f"{YESTERDAY}. Each is offered at its question: Enter keeps it, or type over it." in said
    )
    saved = only_session(rebound_home)
    assert opening(saved) == {
        "company": "Globex",
        "role": "Data Engineer",
        "messenger_name": "Dana Smith",
        "messenger_channel": "email",
        "messenger_email": "dana.smith@globex.example",
        "call_date": YESTERDAY,
        "your_name": "Sam Carter",
    }
    # The thread, and nothing else of the email: its words are not kept.
    assert saved["thread"] == {
        "message_id": mail.MESSAGE_ID,
        "subject": mail.SUBJECT,
        "no_reply": False,
    }
    assert saved["suggested"] == {}  # every offer was answered
    assert "Unfortunately" not in json.dumps(saved)


def test_typing_replaces_what_the_email_says(run: Run, rebound_home: Path, tmp_path: Path) -> None:
    email = mail.saved(tmp_path, mail.rejection())
    keys = "Globex Corporation" + ENTER + "Senior Data Engineer" + ENTER + ENTER * 6
    run(["start", "--from", str(email)], keys + "Sam" + ENTER)
    answers = opening(only_session(rebound_home))
    assert answers["company"] == "Globex Corporation"
    assert answers["role"] == "Senior Data Engineer"
    assert answers["messenger_name"] == "Dana Smith"


def test_what_is_not_answered_yet_is_offered_again_by_continue(
    run: Run, rebound_home: Path, tmp_path: Path
) -> None:
    email = mail.saved(tmp_path, mail.rejection())
    run(["start", "--from", str(email)], ENTER)  # the company, then Ctrl-D
    saved = only_session(rebound_home)
    assert saved["answers"]["company"] == "Globex"
    assert saved["suggested"]["role"] == "Data Engineer"  # kept to offer, until answered
    result = run(["continue"], ENTER * 7 + "Sam" + ENTER)
    assert result.exit_code == 130
    answers = opening(only_session(rebound_home))
    assert answers["role"] == "Data Engineer"
    assert answers["messenger_email"] == "dana.smith@globex.example"
    assert answers["call_date"] == YESTERDAY
    assert only_session(rebound_home)["suggested"] == {}


def test_a_no_reply_sender_is_said_and_its_address_not_offered(
    run: Run, rebound_home: Path, tmp_path: Path
) -> None:
    email = mail.saved(
        tmp_path,
        mail.rejection(
            sender="Globex Recruiting <no-reply@us.greenhouse-mail.io>",
            body="Hi Sam,\n\nThank you for applying to the Data Engineer role at Globex. "
            "Unfortunately we have decided to move forward with other candidates.\n\n"
            "The Globex Recruiting Team\n",
        ),
    )
    keys = ENTER * 4 + "Dana Smith" + ENTER + ENTER + ENTER + ENTER + "Sam" + ENTER
    result = run(["start", "--from", str(email)], keys)
    said = flat(result.stdout)
    assert "This came from a no-reply address, so a reply there would be lost." in said
    assert "Who is the person you dealt with?" in said
    saved = only_session(rebound_home)
    assert saved["answers"]["messenger_name"] == "Dana Smith"  # typed: nobody was offered
    assert saved["answers"]["messenger_email"] is None  # the no-reply address never offered
    assert saved["answers"]["messenger_channel"] == "email"
    assert saved["thread"]["no_reply"] is True


def test_the_answers_file_wins_and_the_email_fills_the_rest(
    run: Run, rebound_home: Path, tmp_path: Path
) -> None:
    email = mail.saved(tmp_path, mail.rejection())
    answers = tmp_path / "answers.yaml"
    answers.write_text("company: Globex Corporation\nyour_name: Sam Carter\n", encoding="utf-8")
    result = run(["start", "--from", str(email), "--answers", str(answers)], terminal=False)
    assert result.exit_code == 0, result.output
    assert "5 more came from the email." in flat(result.stdout)
    saved = only_session(rebound_home)
    assert opening(saved) == {
        "company": "Globex Corporation",
        "role": "Data Engineer",
        "messenger_name": "Dana Smith",
        "messenger_channel": "email",
        "messenger_email": "dana.smith@globex.example",
        "call_date": YESTERDAY,
        "your_name": "Sam Carter",
    }
    assert saved["thread"]["message_id"] == mail.MESSAGE_ID


def test_pasted_text_on_standard_input(run: Run, rebound_home: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("your_name: Sam Carter\n", encoding="utf-8")
    pasted = (
        "Update on your application\nInbox\n\nDana Smith <dana.smith@globex.example>\n"
        f"{pinned.on(-1).strftime('%a, %b %d')}, 3:12 PM (1 day ago)\nto me\n\n"
        "Hi Sam,\n\nThanks for interviewing for the Analytics Engineer role at Globex. "
        "Unfortunately we went with another candidate.\n\nBest,\nDana\n"
    )
    args = ["start", "--from", "-", "--answers", str(answers)]
    result = run(args, terminal=False, stdin=pasted.encode())
    assert result.exit_code == 0, result.output
    saved = only_session(rebound_home)
    assert saved["answers"]["role"] == "Analytics Engineer"
    assert saved["answers"]["messenger_email"] == "dana.smith@globex.example"
    assert saved["answers"]["call_date"] == YESTERDAY
    assert saved["thread"] == {"message_id": "", "subject": mail.SUBJECT, "no_reply": False}


def test_a_paste_at_the_terminal_then_the_walk(run: Run, rebound_home: Path) -> None:
    pasted = (
        "From: Dana Smith <dana.smith@globex.example>\nSubject: Your application\n\n"
        "Hi Sam, we went with another candidate for the Data Engineer role at Globex.\n"
    )
    result = run(["start", "--from", "-"], ENTER_ALL, stdin=pasted.encode())
    assert "Paste the email, with the line that says who it is from" in flat(result.stderr)
    assert only_session(rebound_home)["answers"]["messenger_name"] == "Dana Smith"


def test_piped_in_with_nobody_to_answer_is_refused(run: Run, rebound_home: Path) -> None:
    result = run(["start", "--from", "-"], terminal=False, stdin=mail.rejection())
    assert result.exit_code == 2
    assert "The email came through a pipe" in flat(result.stderr)
    assert not rebound_home.exists()


def test_a_mailbox_offers_its_likeliest_rejection_first(
    run: Run, rebound_home: Path, tmp_path: Path
) -> None:
    invite = mail.rejection(
        subject="Interview for Data Engineer",
        body="Hi Sam, shall we meet on Thursday for the Data Engineer role at Globex?\n",
        days=-9,
    ).replace(mail.MESSAGE_ID.encode(), b"<invite@globex.example>")
    digest = mail.rejection(
        sender="Jobs Weekly <digest@jobs.example>",
        subject="New roles",
        body="Here are this week's roles: Designer at Hooli, Analyst at Initech.\n",
    ).replace(mail.MESSAGE_ID.encode(), b"<digest@jobs.example>")
    mbox = b"".join(
        b"From x@example Mon Nov 02 10:00:00 2026\n" + m.replace(b"\r\n", b"\n") + b"\n"
        for m in (invite, mail.rejection(days=-2), digest)
    )
    box = mail.saved(tmp_path, mbox, "globex.mbox")
    # Enter picks the message offered first; then the company is typed over.
    result = run(["start", "--from", str(box)], ENTER + "Globex Corporation" + ENTER)
    assert result.exit_code == 130
    saved = only_session(rebound_home)
    assert saved["thread"]["message_id"] == mail.MESSAGE_ID  # the rejection, offered first
    assert saved["answers"]["company"] == "Globex Corporation"
    assert saved["suggested"]["call_date"] == pinned.iso(-2)
    # With no terminal there is nobody to pick.
    answers = tmp_path / "answers.yaml"
    answers.write_text("your_name: Sam\n", encoding="utf-8")
    refused = run(["start", "--from", str(box), "--answers", str(answers)], terminal=False)
    assert refused.exit_code == 2
    assert "holds 3 messages" in flat(refused.stderr)


def spanish_email(folder: Path) -> Path:
    """A rejection in Spanish, saved as an .eml in `folder`."""
    return mail.saved(
        folder,
        mail.rejection(
            sender="Lucía Gómez <lucia.gomez@cervezasdelsur.example>",
            subject="Tu candidatura",
            body=mail.SPANISH,
        ),
    )


def test_a_spanish_email_offers_the_spanish_coach(
    run: Run, rebound_home: Path, tmp_path: Path
) -> None:
    email = spanish_email(tmp_path)
    result = run(["start", "--from", str(email)], "s" + ENTER + ENTER_ALL)
    said = flat(result.stdout)
    assert "Del correo: Cervezas del Sur, Analista de Datos, Lucía Gómez" in said
    saved = only_session(rebound_home)
    assert saved["lang"] == "es"
    assert saved["answers"]["role"] == "Analista de Datos"
    assert saved["answers"]["messenger_channel"] == "email"


def test_a_spanish_email_in_english_when_asked(
    run: Run, rebound_home: Path, tmp_path: Path
) -> None:
    email = spanish_email(tmp_path)
    result = run(["start", "--from", str(email)], "n" + ENTER + ENTER_ALL)
    assert "From the email: Cervezas del Sur" in flat(result.stdout)
    assert only_session(rebound_home)["lang"] == "en"
    # --lang says which language: nothing is asked, and Enter answers the first question.
    told = run(["--lang", "en", "start", "--from", str(email)], ENTER)
    assert "From the email: Cervezas del Sur" in flat(told.stdout)


def test_an_english_email_offers_english_to_a_spanish_coach(
    run: Run, rebound_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    email = mail.saved(tmp_path, mail.rejection())
    result = run(["start", "--from", str(email)], "y" + ENTER + ENTER_ALL)
    assert "From the email: Globex, Data Engineer" in flat(result.stdout)  # asked, and said yes
    assert only_session(rebound_home)["lang"] == "en"


def test_without_a_terminal_a_spanish_email_says_how_to_get_the_spanish_coach(
    run: Run, tmp_path: Path
) -> None:
    email = mail.saved(
        tmp_path,
        mail.rejection(
            sender="Lucía Gómez <lucia.gomez@cervezasdelsur.example>", body=mail.SPANISH
        ),
    )
    answers = tmp_path / "answers.yaml"
    answers.write_text("your_name: Sam\n", encoding="utf-8")
    result = run(["start", "--from", str(email), "--answers", str(answers)], terminal=False)
    assert result.exit_code == 0
    assert "`rebound --lang es start ...` coaches in it" in flat(result.stdout)


BAD = {
    "empty": (b"", "is empty: there is no email in it"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "is not text"),
    "not-an-email": (b"Dear diary,\nthey said no.\n", "is not an email"),
    "lying-charset": (
        mail.rejection().replace(b"Hi Sam", "Hola Mar\xeda".encode("latin-1")),
        "says its text is in utf-8, but it is not",
    ),
    "empty-mbox": (b"From MAILER-DAEMON Mon Nov 02 10:00:00 2026\n\n", "a mailbox with no message"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_exits_2_with_its_reason_and_saves_nothing(
    run: Run, rebound_home: Path, tmp_path: Path, case: str
) -> None:
    data, reason = BAD[case]
    email = mail.saved(tmp_path, data)
    result = run(["start", "--from", str(email)], ENTER_ALL)
    assert result.exit_code == 2, result.output
    said = flat(result.stderr)
    assert reason in said and "Nothing was saved." in said
    assert "Traceback" not in result.output
    assert not rebound_home.exists()  # not a file, not a folder, not a cache


def test_a_mailbox_too_big_and_pasted_text_with_no_sender(
    run: Run, rebound_home: Path, tmp_path: Path
) -> None:
    big = tmp_path / "all.mbox"
    with big.open("wb") as file:
        file.truncate(50 * 1024 * 1024)
    result = run(["start", "--from", str(big)], ENTER)
    assert result.exit_code == 2
    assert "is 50 MB: a whole mailbox" in flat(result.stderr)
    answers = tmp_path / "answers.yaml"
    answers.write_text("your_name: Sam\n", encoding="utf-8")
    nobody = b"Hi Sam,\n\nWe went with someone else.\n\nThe team\n"
    args = ["start", "--from", "-", "--answers", str(answers)]
    pasted = run(args, terminal=False, stdin=nobody)
    assert pasted.exit_code == 2
    assert "The pasted text doesn't say who sent it." in flat(pasted.stderr)
    missing = run(["start", "--from", str(tmp_path / "nowhere.eml")], ENTER)
    assert missing.exit_code == 2
    assert "there is no such file" in flat(missing.stderr)
    assert not rebound_home.exists()


def test_bad_input_leaves_an_existing_data_folder_as_it_was(
    run: Run, rebound_home: Path, tmp_path: Path, finished_session: Session
) -> None:
    def state() -> list[tuple[Path, int]]:
        return sorted(
            (p.relative_to(rebound_home), p.stat().st_mtime_ns) for p in rebound_home.rglob("*")
        )

    before = state()
    email = mail.saved(tmp_path, b"not an email at all\n")
    assert run(["start", "--from", str(email)], ENTER).exit_code == 2
    assert state() == before

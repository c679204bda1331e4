"""A contact's email address: asked only of an email contact, on the outreach draft's To: line
and in the `mailto:` link of `rebound draft outreach-N --mail`; left blank, the draft reads as
it did without one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from rebound.coach import progress
from rebound.pack import packs
from rebound.storage.records import Session
from tests.helpers import DOWN, ENTER, MakeSession, Run

GRACE = {"name": "Grace Hopper", "relation": "former_colleague", "channel": "email"}
ADDRESS = "grace@navy.example"
CLEAR = "\x15"  # Ctrl-U: empty the line, to type it again


def contacts(home: Path, session: Session) -> list[dict[str, Any]]:
    """The contacts list as saved, once the person said no more ("add another?": n)."""
    data = json.loads((home / "sessions" / f"{session.id}.json").read_text())
    assert "contacts" not in data["open_lists"], data["open_lists"]
    found = data["answers"]["contacts"]
    assert isinstance(found, list)
    return found


# The prompts draw on a dummy terminal: what was asked shows in what was saved. Each walk ends
# with "n" and Enter at "add another?", which closes the list only if no other question came
# first.


def test_the_walk_asks_an_email_contact_for_their_address(
    run: Run, make_session: MakeSession, rebound_home: Path
) -> None:
    session = make_session(upto="contacts.name")
    keys = "Grace Hopper" + ENTER + ENTER + ENTER  # a former colleague, by email (the defaults)
    # Checked gently: what is not an address is asked again (nothing is lost), then kept.
    keys += "grace at navy" + ENTER + CLEAR + ADDRESS + ENTER + ENTER + "n" + ENTER  # no ask
    run(["continue"], keys)
    [entry] = contacts(rebound_home, session)
    assert entry["email"] == ADDRESS


def test_the_walk_never_asks_a_linkedin_contact_for_an_email(
    run: Run, make_session: MakeSession, rebound_home: Path
) -> None:
    session = make_session(upto="contacts.name")
    run(
        ["continue"], "Alan Turing" + ENTER + ENTER + DOWN + ENTER + ENTER + "n" + ENTER
    )  # LinkedIn
    [entry] = contacts(rebound_home, session)
    assert entry["channel"] == "linkedin" and "email" not in entry


def test_a_blank_address_is_allowed(
    run: Run, make_session: MakeSession, rebound_home: Path
) -> None:
    session = make_session(upto="contacts.name")
    run(["continue"], "Grace Hopper" + ENTER + ENTER + ENTER + ENTER + ENTER + "n" + ENTER)
    [entry] = contacts(rebound_home, session)
    assert entry["email"] is None  # "I'll fill it in"


def test_the_email_draft_is_addressed_to_them(run: Run, make_session: MakeSession) -> None:
    make_session(contacts=[{**GRACE, "email": ADDRESS}])
    shown = run(["draft", "outreach-1"])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith(
        f"To: Grace Hopper <{ADDRESS}>\nSubject: Looking for a role as a data engineer on a"
        " platform team\n\nHi Grace,\n"
    )
    # The list names them by name; the address is the draft's.
    listed = run(["draft"]).stdout
    assert "outreach-1         Your message · Grace Hopper\n" in listed
    assert ADDRESS not in listed


def _link(run: Run, name: str) -> tuple[str, dict[str, str]]:
    """The `mailto:` link `rebound draft NAME --mail` prints (no mail app here): its address
    and its fields."""
    result = run(["draft", name, "--mail"])
    assert result.exit_code == 0, result.output
    link = next(line for line in result.stdout.splitlines() if line.startswith("mailto:"))
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    return unquote(parts.path), {k: v[0] for k, v in parse_qs(parts.query).items()}


def test_mail_puts_their_address_in_the_link(
    run: Run, make_session: MakeSession, bin_dir: Path
) -> None:
    make_session(contacts=[{**GRACE, "email": ADDRESS}])
    to, fields = _link(run, "outreach-1")
    assert to == ADDRESS
    assert fields["subject"] == "Looking for a role as a data engineer on a platform team"
    assert fields["body"].startswith("Hi Grace,\r\n\r\n")
    assert "To:" not in fields["body"]


@pytest.mark.parametrize("given", [{}, {"email": ""}], ids=["left-out", "blank"])
def test_without_an_address_the_email_has_no_to_line_yet(
    run: Run, make_session: MakeSession, bin_dir: Path, given: dict[str, str]
) -> None:
    """An email with no address yet has no To: line: a name alone there would go nowhere (and
    the letter checker names it); the mail app asks for the address, and the list says whose."""
    make_session(contacts=[{**GRACE, **given}])
    shown = run(["draft", "outreach-1"]).stdout
    assert shown.startswith(
        "Subject: Looking for a role as a data engineer on a platform team\n\nHi Grace,"
    )
    assert "Your message · Grace Hopper" in run(["draft"]).stdout
    to, fields = _link(run, "outreach-1")
    assert to == ""  # the mail app opens with no recipient, for them to fill in
    assert fields["subject"] == "Looking for a role as a data engineer on a platform team"


def test_an_address_goes_only_on_an_email(finished_session: Session) -> None:
    """An address kept from before the channel changed is not put on a LinkedIn note."""
    pack = packs.load(packs.default_dir("en"))
    [draft] = [d for d in pack.steps[-1].drafts if d.id == "outreach"]
    entry = finished_session.answers["contacts"][0]  # type: ignore[index]
    assert isinstance(entry, dict) and entry["email"]
    [made] = progress.draft_texts(pack, finished_session, draft)
    assert made.to == f"Priya Patel <{entry['email']}>"
    entry["channel"] = "linkedin"
    [made] = progress.draft_texts(pack, finished_session, draft)
    assert made.to == "Priya Patel" and made.subject == ""


def test_spanish_drafts_say_para(run: Run, make_session: MakeSession) -> None:
    make_session(lang="es", contacts=[{**GRACE, "email": ADDRESS}])
    shown = run(["draft", "outreach-1"]).stdout
    assert shown.startswith(f"Para: Grace Hopper <{ADDRESS}>\nAsunto: ")


def test_contacts_show_their_address(run: Run, make_session: MakeSession) -> None:
    alan = {"name": "Alan Turing", "relation": "former_colleague", "channel": "linkedin"}
    make_session(contacts=[{**GRACE, "email": ADDRESS}, alan])
    lines = run(["contacts"]).stdout.splitlines()
    grace = lines.index("  Grace Hopper")
    assert lines[grace + 1] == f"    Former colleague · Email · {ADDRESS} · every 8 weeks"
    turing = lines.index("  Alan Turing")
    assert lines[turing + 1] == "    Former colleague · LinkedIn · every 8 weeks"

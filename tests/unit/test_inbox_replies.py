"""The reply in the thread of the email a session started from (`rebound.inbox.replies`): one
`Re:` on the subject, and an .eml that parses back as a threaded draft. No terminal."""

from __future__ import annotations

from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from rebound.errors import ContentError
from rebound.inbox import replies
from rebound.pack import packs


@pytest.mark.parametrize(
    ("subject", "reply"),
    [
        ("Your application", "Re: Your application"),
        ("Re: Re: Staff Engineer interview", "Re: Staff Engineer interview"),
        ("RE: Operations Manager", "Re: Operations Manager"),
        ("AW: Bewerbung", "Re: Bewerbung"),
        ("Re[2]: Update", "Re: Update"),
        ("RV: Tu candidatura", "Re: Tu candidatura"),
        ("Fwd: Decision", "Re: Fwd: Decision"),
        ("", ""),
    ],
)
def test_a_reply_subject_has_one_re(subject: str, reply: str) -> None:
    assert replies.reply_subject(subject) == reply


def test_an_eml_reply_parses_back_as_a_threaded_unsent_draft() -> None:
    data = replies.eml(
        "María José Fernández <mariajose@vandelay.example>",
        "Re: Quick update",
        "Hola María José,\n\nGracias por avisarme.\n",
        "<CAF8x=ZpQ2mJ7w@mail.vandelay.example>",
    )
    parsed = BytesParser(policy=policy.default).parsebytes(data)
    assert parsed["To"].addresses[0].display_name == "María José Fernández"
    assert parsed["To"].addresses[0].addr_spec == "mariajose@vandelay.example"
    assert parsed["Subject"] == "Re: Quick update"
    assert parsed["In-Reply-To"] == parsed["References"] == "<CAF8x=ZpQ2mJ7w@mail.vandelay.example>"
    assert parsed["X-Unsent"] == "1"
    assert (
        parsed.get_content().replace("\r\n", "\n") == "Hola María José,\n\nGracias por avisarme.\n"
    )
    assert all(b < 0x80 for b in data)  # 7-bit: any mail program reads it
    new = BytesParser(policy=policy.default).parsebytes(replies.eml("Dana", "Hi", "Body"))
    assert "To" not in new and "In-Reply-To" not in new and new["X-Unsent"] == "1"


def test_the_pack_names_a_checklist_item_that_a_draft_ticks(content_copy: Path) -> None:
    """`follow_up.reply` says which drafts answer the email; a typo is a content error that names
    its spot, as every other."""
    assert packs.load(content_copy).follow_up.reply == "thank-you-sent"
    coach = content_copy / "coach.yaml"
    coach.write_text(
        coach.read_text(encoding="utf-8").replace("reply: thank-you-sent", "reply: thank-you"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as error:
        packs.load(content_copy)
    assert "coach.yaml:" in error.value.message
    assert "follow_up.reply: 'thank-you' is not a checklist item that a draft ticks" in (
        error.value.message
    )

"""The walk asks how to greet someone only when it can't tell, and says what fits the channel.

Prompts draw on the pipe's dummy output, so what was asked shows in what was saved: a key typed
for a question that is not asked lands on the next one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests import pinned
from tests.helpers import DOWN, ENTER, Run
from tests.scenario import LATER

DAY = pinned.iso(0)  # the news came today


def opening(name: str, channel_keys: str = ENTER, address: str = "") -> str:
    """The questions about the call, typed; `address` answers 'How do you address them?'."""
    return (
        "Globex"
        + ENTER
        + "Data Engineer"
        + ENTER
        + "n"
        + ENTER  # not an internal move
        + ENTER  # how far they got: interviews (the default)
        + name
        + ENTER
        + address
        + channel_keys
        + ENTER
        + DAY
        + ENTER
        + "Alex"
        + ENTER
    )


def answers(home: Path) -> dict[str, Any]:
    [path] = (home / "sessions").iterdir()
    data: dict[str, Any] = json.loads(path.read_text())
    return data["answers"]  # type: ignore[no-any-return]


def test_a_name_it_cannot_be_sure_of_is_asked_with_the_guess_offered(
    run: Run, rebound_home: Path
) -> None:
    run(["start"], opening("Gabriel García Márquez", address=ENTER))
    saved = answers(rebound_home)
    assert saved["messenger_address"] == "Gabriel"  # Enter took the guess
    assert saved["messenger_channel"] == "phone"


def test_the_guess_can_be_replaced(run: Run, rebound_home: Path) -> None:
    run(["start"], opening("Gabriel García Márquez", address="Gabo" + ENTER))
    assert answers(rebound_home)["messenger_address"] == "Gabo"


def test_a_name_it_is_sure_of_is_not_asked(run: Run, rebound_home: Path) -> None:
    run(["start"], opening("Dr. Kim Park"))
    saved = answers(rebound_home)
    assert "messenger_address" not in saved
    assert saved["your_name"] == "Alex"  # every key landed on the question it was meant for


def test_a_name_written_family_name_first_is_asked_and_the_answer_greets(
    run: Run, rebound_home: Path
) -> None:
    # '田中' is the family name: not a first name to greet by, so the coach asks.
    # Thanked on the call, nothing in particular, no door held open, not told why yet, one email
    # (the defaults).
    typed = opening("田中 太郎", address="Tanaka-san" + ENTER) + "y" + ENTER * 5
    result = run(["start"], typed)
    assert answers(rebound_home)["messenger_address"] == "Tanaka-san"
    assert "Hi Tanaka-san," in result.stdout  # the thank-you greets them as answered
    assert "Hi 田中," not in result.stdout


def test_in_spanish_the_whole_name_is_offered(run: Run, rebound_home: Path) -> None:
    # Enter at the address takes the whole name; then thanked, and the defaults as above.
    typed = opening("김민준", address=ENTER) + "s" + ENTER * 5
    result = run(["--lang", "es", "start"], typed)
    assert answers(rebound_home)["messenger_address"] == "김민준"
    assert "Hola, 김민준:" in result.stdout


def test_news_by_email_gets_the_words_of_an_email(run: Run, rebound_home: Path) -> None:
    # An email: no "that call", no "did you thank them during the conversation?".
    typed = opening("Dana", channel_keys=DOWN * 2 + ENTER) + "the quick reply" + ENTER
    result = run(["start"], typed)
    saved = answers(rebound_home)
    assert saved["messenger_channel"] == "email"
    assert "thanked_on_call" not in saved
    assert saved["thank_detail"] == "the quick reply"
    out = result.stdout
    assert "Few candidates answer a rejection at all." in out
    assert "Nobody enjoys making that call" not in out
    assert "in the same thread" in out
    assert "while the conversation is fresh" not in out


def test_news_by_phone_gets_the_words_of_a_call(run: Run, rebound_home: Path) -> None:
    out = run(["start"], opening("Dana") + "n" + ENTER).stdout
    assert answers(rebound_home)["thanked_on_call"] is False
    assert "Nobody enjoys making that call" in out
    assert "while the conversation is fresh" in out
    assert "in the same thread" not in out


def test_not_asking_for_reasons_skips_the_question_and_says_so(
    run: Run, rebound_home: Path
) -> None:
    typed = (
        opening("Dana")
        + "y"
        + ENTER  # thanked on the call
        + ENTER  # nothing in particular
        + ENTER  # no door held open
        + ENTER  # not told why yet
        + DOWN
        + ENTER  # two emails
        + LATER  # the thank-you email: later
        + ENTER  # ready for step 2
        + DOWN * 2
        + ENTER  # I'd rather not ask this time
        + " "
        + ENTER  # an area
        + "I undersell my results"
        + ENTER
    )
    result = run(["start"], typed)
    saved = answers(rebound_home)
    assert saved["feedback_asked"] == "not_asking"
    assert "reasons" not in saved
    assert saved["areas"] == ["technical_depth"]
    assert saved["weakness"] == "I undersell my results"
    assert "takes courage" not in result.stdout
    assert "What you choose to work on matters more than their reasons." in result.stdout


def test_one_email_for_thanks_and_feedback_skips_asking_how_you_asked(
    run: Run, rebound_home: Path
) -> None:
    typed = opening("Dana") + "y" + ENTER * 5  # thanked; no detail; no door; not told why; combined
    typed += LATER + ENTER  # the one email: later; ready for step 2
    typed += "They wanted more Spark" + ENTER  # straight to the reasons
    result = run(["start"], typed)
    out = result.stdout
    assert "Your thank-you email, with a request for feedback" in out
    assert "If you're able to share any feedback" in out
    assert "Your thank-you email already asks for their reasons." in out
    saved = answers(rebound_home)
    assert saved["feedback_in_thanks"] == "combined"
    assert "feedback_asked" not in saved  # the email asks them
    assert saved["reasons"] == "They wanted more Spark"

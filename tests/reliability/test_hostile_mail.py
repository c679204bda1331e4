"""Hostile email: mangled messages, random bytes, and headers no program should write.

`rebound start --from` reads whatever a person saved or pasted. Whatever the bytes, reading
either gives messages whose guesses can be made, or refuses with its reason (a `UsageError`,
exit 2): never another exception, never a traceback.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rebound.errors import UsageError
from rebound.inbox import guessing, reading
from tests.conftest import Figures
from tests.depth import examples
from tests.helpers import Run

MAIL = Path(__file__).resolve().parent.parent / "fixtures" / "mail"
CORPUS = sorted(p.read_bytes() for p in MAIL.iterdir())
TODAY = date(2026, 11, 25)
SETTINGS = settings(
    derandomize=True,
    max_examples=examples(200, least=40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def read_or_refuse(data: bytes, pasted: bool) -> bool:
    """True when `data` is read (and guessed from) or refused with a reason; anything else
    raises."""
    try:
        if pasted:
            messages = reading.read_stream(data, "The pasted text", TODAY)
        else:
            messages = reading.read_bytes(data, "mangled.eml")
    except UsageError as exc:
        assert exc.exit_code == 2 and exc.phrases[0].key.startswith("inbox_")
        return True
    for message in guessing.offered_order(messages):
        guess = guessing.guess(message, TODAY)
        assert guess.day is None or guess.day <= TODAY
        assert all("\n" not in v for v in guess.answers().values())
    return True


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    """A message of the corpus with bytes cut, replaced or put in at random places."""
    data = bytearray(draw(st.sampled_from(CORPUS)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        what = draw(st.sampled_from(["cut", "replace", "insert", "truncate"]))
        chunk = draw(st.binary(min_size=1, max_size=8))
        if what == "cut":
            del data[at : at + len(chunk)]
        elif what == "replace":
            data[at : at + len(chunk)] = chunk
        elif what == "insert":
            data[at:at] = chunk
        else:
            del data[at:]
    return bytes(data)


HEADERS = st.sampled_from(["From", "Reply-To", "To", "Subject", "Date", "Message-ID", "Sent"])
VALUES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "=?utf-8?q?=FF?=",
            "=?x-unknown?b?AAAA?=",
            "=?utf-8?b?not base64!?=",
            "<<<@@@>>>",
            '"unterminated <a@b',
            "Mon, 99 Foo 20260 99:99:99 +9999",
            "Wed, 31 Dec 9999 23:59:59 -1200",
            "Thu, 01 Jan 0001 00:00:00 +1400",
            "a@b, c@d, =?utf-8?q?=C3=A9?= <e@f>",
            "\udcff\udcfe",
            "(comment (nested (deep)))",
        ]
    ),
)


@given(data=mangled())
@SETTINGS
def test_a_mangled_email_is_read_or_refused(figures: Figures, data: bytes) -> None:
    ok = read_or_refuse(data, pasted=False)
    figures.add("hostile: mangled emails, read or refused with a reason", ok, 1)


@given(data=st.binary(max_size=2000))
@SETTINGS
def test_random_bytes_pasted_are_read_or_refused(figures: Figures, data: bytes) -> None:
    ok = read_or_refuse(data, pasted=True)
    figures.add("hostile: random bytes pasted, read or refused with a reason", ok, 1)


@given(fields=st.lists(st.tuples(HEADERS, VALUES), min_size=1, max_size=6))
@SETTINGS
def test_headers_no_program_should_write(figures: Figures, fields: list[tuple[str, str]]) -> None:
    head = "".join(f"{k}: {v}\n" for k, v in fields)
    data = ("From: Dana <dana@globex.example>\n" + head + "\nUnfortunately, no.\n").encode(
        "utf-8", "surrogateescape"
    )
    ok = read_or_refuse(data, pasted=False)
    figures.add("hostile: headers no program should write, read or refused", ok, 1)


def test_mangled_emails_through_the_command(
    run: Run, figures: Figures, tmp_path: Path, rebound_home: Path
) -> None:
    """The command itself: exit 0 (read) or 2 (refused), and never a word it did not expect."""
    answers = tmp_path / "answers.yaml"
    answers.write_text("your_name: Sam\n", encoding="utf-8")
    cases = [
        data[:cut] + junk
        for data in CORPUS[::4]
        for cut, junk in ((len(data) // 3, b"\xff\xfe=?="), (len(data) // 2, b"\x00"), (40, b""))
    ]
    handled = 0
    for i, data in enumerate(cases):
        email = tmp_path / f"{i}.eml"
        email.write_bytes(data)
        args = ["start", "--from", str(email), "--answers", str(answers)]
        result = run(args, terminal=False)
        said = result.output
        handled += result.exit_code in (0, 2) and "Traceback" not in said and "expect" not in said
    figures.add("hostile: mangled emails through start --from, exit 0 or 2", handled, len(cases))
    assert handled == len(cases)

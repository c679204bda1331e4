"""Hostile encodings: bytes that are not UTF-8, typed, passed as arguments, or escaped in files.

Python hands such bytes over as lone surrogates (argv and terminal input are decoded with
surrogateescape; a JSON or YAML file may spell one out as "\\udcff"). They can be neither saved
nor printed, so rebound makes them real text where they enter (`rebound.text.scrub`): whatever
was typed is saved, and no command is surprised.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from rebound.storage.store import Store, parse
from rebound.terminal import prompts
from rebound.text import scrub
from tests.conftest import Figures
from tests.depth import examples
from tests.helpers import Run, invoke

SETTINGS = settings(
    derandomize=True,
    max_examples=examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def type_bytes(monkeypatch: Any, args: list[str], keys: bytes) -> Any:
    """Run rebound in-process with raw bytes typed at its prompts (a non-UTF-8 terminal)."""
    monkeypatch.setattr("rebound.terminal.prompts.stdin_is_terminal", lambda: True)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_bytes(keys)
        inp.close()
        return invoke(args, catch_exceptions=False)


@pytest.fixture
def no_safety_net(monkeypatch: pytest.MonkeyPatch) -> None:
    """Saves without `migrations.dump`'s last-line scrub: the text must be real where it entered."""

    def strict(model: Any) -> bytes:
        return bytes(model.model_dump_json(indent=2).encode("utf-8")) + b"\n"

    monkeypatch.setattr("rebound.storage.store.dump", strict)


def surprised(result: Any) -> bool:
    return "did not expect" in result.output or "Traceback" in result.output


def session_json(session_id: str, answers: str) -> str:
    """A session file as text, its answers given as JSON text (escapes and all)."""
    return (
        '{"schema_version": 3, "id": "' + session_id + '", "created_at": "2026-11-25T10:00:00Z",'
        ' "updated_at": "2026-11-25T10:00:00Z", "answers": {' + answers + "}}"
    )


def only_session(home: Path) -> dict[str, Any]:
    (found,) = (home / "sessions").glob("*.json")
    data: dict[str, Any] = json.loads(found.read_text(encoding="utf-8"))
    return data


@pytest.mark.usefixtures("no_safety_net")
def test_a_latin1_byte_typed_at_a_prompt_is_saved_as_its_letter(
    monkeypatch: Any, rebound_home: Path
) -> None:
    """The hostile run's case: 'Café' typed on a Latin-1 terminal is the byte 0xE9."""
    result = type_bytes(monkeypatch, ["start"], b"Caf\xe9 \xff\rData Engineer\r")
    assert not surprised(result), result.output
    answers = only_session(rebound_home)["answers"]
    assert answers["company"] == "Café ÿ"
    assert answers["role"] == "Data Engineer"


@pytest.mark.usefixtures("no_safety_net")
def test_a_byte_that_reads_as_a_blank_is_refused_as_blank(
    monkeypatch: Any, rebound_home: Path
) -> None:
    """0xA0 is a no-break space in Latin-1: the prompt must refuse it as the blank it will be,
    not accept it and then fail to keep it."""
    result = type_bytes(monkeypatch, ["start"], b"\xa0\r\x15Globex\rData Engineer\r")
    assert not surprised(result), result.output
    answers = only_session(rebound_home)["answers"]
    assert (answers["company"], answers["role"]) == ("Globex", "Data Engineer")


@pytest.mark.usefixtures("no_safety_net")
def test_an_argument_that_is_not_utf8_is_saved_as_text(run: Run, rebound_home: Path) -> None:
    """`brag add --title $'caf\\xe9'`: argv arrives surrogate-escaped."""
    title = b"caf\xe9 \xff".decode("utf-8", "surrogateescape")
    result = run(["brag", "add", "--title", title, "--tag", "\udce9t\udce9"])
    assert result.exit_code == 0 and not surprised(result), result.output
    item = Store().load_brag().items[0]
    assert (item.title, item.tags) == ("café ÿ", ["été"])


def test_a_surrogate_escape_in_a_session_file_survives_a_save(run: Run, rebound_home: Path) -> None:
    session_id = "2026-11-25-globex"
    path = rebound_home / "sessions" / f"{session_id}.json"
    path.parent.mkdir(parents=True)
    path.write_text(
        session_json(
            session_id, '"company": "Glob\\udcffx", "role": "\\ud800 lone \\ud83d\\ude00 pair"'
        )
    )
    assert not surprised(result := run(["show", session_id])), result.output
    assert "Globÿx" in result.output
    # Read and saved again, the text reaches the disk as real UTF-8.
    Store().save(parse(path.read_bytes()))
    saved = json.loads(path.read_bytes().decode("utf-8"))
    assert saved["answers"]["company"] == "Globÿx"
    assert saved["answers"]["role"] == "\ufffd lone 😀 pair"


@pytest.mark.usefixtures("no_safety_net")
def test_a_surrogate_escape_in_an_answers_file_is_saved(run: Run, rebound_home: Path) -> None:
    answers = rebound_home.parent / "answers.yaml"
    answers.write_text('company: "Init\\udce9ch"\nrole: "\\udcffData"\n', encoding="utf-8")
    result = run(["start", "--answers", str(answers)], terminal=False)
    assert not surprised(result), result.output
    saved = only_session(rebound_home)["answers"]
    assert (saved["company"], saved["role"]) == ("Initéch", "ÿData")


def test_a_surrogate_slipped_past_every_door_is_scrubbed_at_save(rebound_home: Path) -> None:
    """The last line of defence: `Store.save` never loses an answer to a lone surrogate."""
    session = parse(
        b'{"schema_version": 3, "id": "2026-11-25-x", "created_at": "2026-11-25T10:00:00Z",'
        b' "updated_at": "2026-11-25T10:00:00Z"}'
    )
    session.answers["company"] = "Glob\udce9x"
    session.drafts["note"] = "\udfff"
    Store().save(session)
    again = parse(Store().path(session.id).read_bytes())
    assert again.answers["company"] == "Globéx"
    assert again.drafts["note"] == "\ufffd"


# Bytes a person could type: printable ASCII and any byte 0x80-0xFF (not control keys).
# A letter first: a blank answer is refused and what is typed next is added to it.
TYPED = st.binary(min_size=0, max_size=12).map(
    lambda b: b"x" + bytes(c for c in b if 0x20 <= c < 0x7F or c >= 0x80)
)


@settings(SETTINGS, max_examples=examples(10))  # each is a whole `rebound start`, about 0.4 s
@given(company=TYPED)
def test_random_bytes_typed_are_saved(
    monkeypatch: Any, rebound_home: Path, figures: Figures, company: bytes
) -> None:
    for old in (rebound_home / "sessions").glob("*.json"):
        old.unlink()
    result = type_bytes(monkeypatch, ["start"], company + b"\rData Engineer\r")
    ok = not surprised(result)
    # Made real text (a Latin-1 byte is its letter), then without control characters, which
    # mean nothing in an answer (0x80-0x9F are C1 controls in Latin-1): prompts.typed.
    typed = prompts.typed(scrub(company.decode("utf-8", "surrogateescape")))
    answers = only_session(rebound_home)["answers"] if ok else {}
    kept = answers.get("role") == "Data Engineer" and answers.get("company") == typed
    figures.add("hostile: bytes typed at a prompt, no unexpected error", ok, 1)
    figures.add("hostile: bytes typed at a prompt, answers kept", kept, 1)
    assert ok, result.output
    assert kept, (typed, answers)


ARGUMENT = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0xDFFF, blacklist_categories=("Cc",)),
    min_size=1,
    max_size=10,
).map(lambda s: "x" + s)


@pytest.mark.usefixtures("no_safety_net")
@SETTINGS
@given(title=ARGUMENT, tag=ARGUMENT)
def test_random_surrogates_in_arguments_are_saved(
    run: Run, rebound_home: Path, figures: Figures, title: str, tag: str
) -> None:
    (rebound_home / "brag.json").unlink(missing_ok=True)
    result = run(["brag", "add", "--title", title, "--tag", tag])
    ok = not surprised(result) and result.exit_code in (0, 2)
    items = Store().load_brag().items if ok else []
    kept = result.exit_code != 0 or (
        len(items) == 1 and items[0].title == " ".join(scrub(title).split())
    )
    figures.add("hostile: surrogates in arguments, no unexpected error", ok, 1)
    figures.add("hostile: surrogates in arguments, answers kept", kept, 1)
    assert ok, result.output
    assert kept, (title, items)


ESCAPE = st.integers(0xD800, 0xDFFF).map(lambda n: f"\\u{n:04x}")


@SETTINGS
@given(escapes=st.lists(ESCAPE, min_size=1, max_size=4))
def test_random_surrogate_escapes_in_files_never_surprise(
    run: Run, rebound_home: Path, figures: Figures, escapes: list[str]
) -> None:
    session_id = "2026-11-25-globex"
    sessions = rebound_home / "sessions"
    sessions.mkdir(parents=True, exist_ok=True)
    text = "A" + "".join(escapes)
    (sessions / f"{session_id}.json").write_text(session_json(session_id, f'"company": "{text}"'))
    (rebound_home / "brag.json").write_text(
        '{"schema_version": 3, "items": [{"id": "a", "title": "' + text + '",'
        ' "added_at": "2026-11-25T10:00:00Z"}]}'
    )
    tried = handled = 0
    for args in (["list"], ["show", session_id], ["export", session_id], ["brag"], ["todo"]):
        result = run(args, terminal=False)
        tried += 1
        handled += not surprised(result) and result.exit_code == 0
    result = run(["brag", "add", "--title", "another"])
    tried += 1
    handled += not surprised(result) and result.exit_code == 0
    brag = json.loads((rebound_home / "brag.json").read_bytes().decode("utf-8"))
    kept = [i["title"] for i in brag["items"]] == [scrub(json.loads(f'"{text}"')), "another"]
    figures.add("hostile: surrogate escapes in files, no unexpected error", handled, tried)
    figures.add("hostile: surrogate escapes in files, answers kept", kept, 1)
    assert handled == tried
    assert kept
    assert os.path.exists(sessions / f"{session_id}.json")


COMMANDS = (
    ["show"],
    ["delete", "--yes"],
    ["summary", "--session"],
    ["done", "--session", "2026-11-25-globex"],
    ["export", "--output"],
    ["brag", "show"],
    ["brag", "edit", "a", "--result"],
    ["brag", "remove", "--yes"],
    ["content", "validate"],
    ["--lang"],
    ["todo", "--session"],
)


@pytest.mark.usefixtures("no_safety_net")
@SETTINGS
@given(command=st.sampled_from(COMMANDS), word=ARGUMENT)
def test_random_surrogates_in_any_argument_never_surprise(
    run: Run,
    rebound_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    figures: Figures,
    command: list[str],
    word: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # `export --output WORD` writes here
    sessions = rebound_home / "sessions"
    sessions.mkdir(parents=True, exist_ok=True)
    (sessions / "2026-11-25-globex.json").write_text(
        session_json("2026-11-25-globex", '"company": "Globex"')
    )
    (rebound_home / "brag.json").write_text(
        '{"schema_version": 3, "items": [{"id": "a", "title": "A win",'
        ' "added_at": "2026-11-25T10:00:00Z"}]}'
    )
    result = run([*command, word], terminal=False)
    ok = not surprised(result) and result.exit_code in (0, 1, 2)
    figures.add("hostile: surrogates in arguments, no unexpected error", ok, 1)
    assert ok, (command, word, result.output)


@pytest.mark.e2e
def test_a_latin1_terminal_in_a_real_pty_keeps_the_answer(spawn: Any, rebound_home: Path) -> None:
    """The installed `rebound` in a pseudo-terminal, sent the byte 0xE9 as a Latin-1 one does."""
    t = spawn("start")
    t.see("Which company")
    os.write(t.child.child_fd, b"Caf\xe9\r")  # below pexpect, which would encode it
    t.see("role")
    os.write(t.child.child_fd, b"Data \xff\r")
    t.see("Do you already work there?")
    assert t.stop("") in (0, 130)
    answers = only_session(rebound_home)["answers"]
    assert (answers["company"], answers["role"]) == ("Café", "Data ÿ")
    assert "did not expect" not in t.output

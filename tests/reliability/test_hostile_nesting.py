"""Hostile nesting: files nested thousands deep, where Python's own recursion gives out.

A session or brag list that deep is not one rebound can read: it is moved aside and reported, and
every other session keeps working. A YAML file (a content pack, an answers file) is refused past
`content_files.MAX_DEPTH` levels with file:line:col, before anything recurses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rebound.errors import ContentError
from rebound.pack.reader import MAX_DEPTH, read_yaml
from rebound.sentences import speech
from rebound.storage.store import TOO_DEEP, Store, parse
from tests.conftest import Figures
from tests.helpers import Run

GOOD_ID = "2026-11-20-good"
DEEP_ID = "2026-11-21-deep"
DEPTHS = (60, 500, 990, 1_200, 3_000, 20_000)


def session_json(session_id: str, answers: str) -> str:
    return (
        '{"schema_version": 3, "id": "' + session_id + '", "created_at": "2026-11-20T10:00:00Z",'
        ' "updated_at": "2026-11-20T10:00:00Z", "answers": {' + answers + "}}"
    )


def nested(depth: int, shape: str) -> str:
    """JSON (also YAML flow) nested `depth` deep: lists, mappings, or both in turn."""
    if shape == "list":
        return "[" * depth + "]" * depth
    if shape == "map":
        return '{"a": ' * depth + "1" + "}" * depth
    opening = "".join('[{"a": ' if i % 2 else "[" for i in range(depth))
    return opening + "1" + "".join("}]" if i % 2 else "]" for i in reversed(range(depth)))


def test_one_deep_session_is_moved_aside_and_the_others_still_work(
    run: Run, rebound_home: Path
) -> None:
    sessions = rebound_home / "sessions"
    sessions.mkdir(parents=True)
    (sessions / f"{GOOD_ID}.json").write_text(session_json(GOOD_ID, '"company": "Globex"'))
    deep = session_json(DEEP_ID, '"company": ' + nested(3_000, "list"))
    (sessions / f"{DEEP_ID}.json").write_text(deep)
    result = run(["list"])
    assert result.exit_code == 0, result.output
    assert "Globex" in result.output and "could not be read" in result.output
    assert speech.ENGLISH.say(TOO_DEEP) in result.output.replace("\n", " ")  # the pack's words
    (moved,) = (rebound_home / "broken").glob(f"{DEEP_ID}.*.json")
    assert moved.read_text() == deep  # kept, untouched
    for args in (["todo"], ["stats"], ["brag"], ["contacts"]):
        result = run(args)
        assert result.exit_code == 0 and "did not expect" not in result.output, result.output


def test_a_deep_brag_list_is_moved_aside_with_a_clear_message(run: Run, rebound_home: Path) -> None:
    rebound_home.mkdir(parents=True)
    deep = '{"schema_version": 3, "items": ' + nested(3_000, "list") + "}"
    (rebound_home / "brag.json").write_text(deep)
    result = run(["brag"])
    assert result.exit_code == 1 and "did not expect" not in result.output, result.output
    assert "could not be read" in result.output
    (moved,) = (rebound_home / "broken").glob("brag.*.json")
    assert moved.read_text() == deep


def test_a_deep_yaml_file_is_refused_with_where(tmp_path: Path) -> None:
    file = tmp_path / "answers.yaml"
    file.write_text("company: Globex\nfixes:\n" + "".join("  " * i + "- \n" for i in range(1, 80)))
    with pytest.raises(ContentError, match=rf"answers.yaml:\d+:\d+: .*more than {MAX_DEPTH}"):
        read_yaml(file)
    file.write_text("company: " + nested(3_000, "list"))
    with pytest.raises(ContentError, match=rf"answers.yaml:1:{len('company: ') + MAX_DEPTH}: "):
        read_yaml(file)


def test_yaml_as_deep_as_allowed_is_read(tmp_path: Path) -> None:
    file = tmp_path / "ok.yaml"
    file.write_text("a: " + nested(MAX_DEPTH - 1, "list"))
    assert read_yaml(file).data["a"] is not None


@pytest.mark.parametrize("shape", ["list", "map", "mixed"])
def test_nesting_never_surprises_the_store_or_the_yaml_reader(
    tmp_path: Path, rebound_home: Path, figures: Figures, shape: str
) -> None:
    """Every depth and shape, in a session, a brag list and a YAML file: read, or refused."""
    tried = handled = 0
    store = Store()
    store.sessions.mkdir(parents=True)
    for depth in DEPTHS:
        body = nested(depth, shape)
        for place in ('"company": ' + body, '"fixes": [{"what": ' + body + "}]"):
            tried += 1
            try:
                parse(session_json(DEEP_ID, place).encode())
            except ValueError:
                handled += 1
        (store.home / "brag.json").write_text('{"schema_version": 3, "items": ' + body + "}")
        tried += 1
        try:
            store.load_brag()
        except Exception as exc:  # DataError: moved aside, said so
            handled += type(exc).__name__ == "DataError"
        yaml_file = tmp_path / "deep.yaml"
        yaml_file.write_text("company: " + body.replace('"a"', "a"))
        tried += 1
        try:
            read_yaml(yaml_file)
        except ContentError:
            handled += 1
    figures.add("hostile: nesting, refused cleanly (no RecursionError)", handled, tried)
    assert handled == tried


def test_an_answers_file_nested_deep_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("company: Globex\nfixes: " + nested(3_000, "mixed").replace('"a"', "what"))
    result = run(["start", "--answers", str(answers)], terminal=False)
    assert result.exit_code == 2, result.output
    assert f"more than {MAX_DEPTH} levels" in result.output
    assert not json.dumps(result.output).count("did not expect")

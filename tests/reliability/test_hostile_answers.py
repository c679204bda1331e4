"""Hostile answers files: `rebound start --answers FILE` given generated YAML documents.

Starting from the scenario's whole answers file, each case changes it: a wrong type for a
question's kind, an unknown key, a list where one answer goes and one answer where a list goes,
odd dates, nesting, anchors and aliases, tags, duplicate keys, bytes that are not UTF-8, a huge
file, an empty one. Each run must end with exit 0 or 2; a refusal names file:line:col and saves
nothing (no new session file, the brag list as it was); an accepted file has every answer it
gave in the saved session.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from rebound.pack import packs
from rebound.pack.models import Content
from tests import pinned, scenario
from tests.conftest import Figures
from tests.depth import examples
from tests.helpers import Run
from tests.reliability.hostile import output, report, restore, snapshot, surprised
from tests.scenario import yaml_text

KIND = "answers files"
SETTINGS = settings(
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # a failure is reported as found: no shrinking
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
WHERE = re.compile(r"answers\.yaml:\d+:\d+: ")
ANSWERS: dict[str, Any] = scenario.answers(pinned.TODAY)
KEYS = sorted(ANSWERS)
LISTS = [k for k, v in ANSWERS.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
# Wrong for some kind of question, right for another: a text, a number, a yes, a date, a choice.
VALUES: tuple[Any, ...] = (
    "x",
    "",
    "   ",
    0,
    -3,
    10**40,
    1.5,
    True,
    False,
    None,
    [],
    ["video"],
    ["x", ["y"]],
    {},
    {"a": "b"},
    {"what": "x", "due": "+7d"},
    [{"what": "x"}],
    date(2026, 12, 1),
    date(1, 1, 1),
    date(9999, 12, 31),
    "2026-02-30",
    "+99999d",
    "-5d",
    "tomorrow",
    "0001-01-01",
    "9999-12-31",
    "dana@",
    "x" * 5_000,
    "[bold]x[/]\x1b[31m",
    "é名🙂",
)
# Whole-document damage, by name: each takes the good file's text and returns bytes.
GOOD = scenario.answers_yaml(ANSWERS)
DOCUMENTS: dict[str, bytes] = {
    "empty": b"",
    "only a comment": b"# nothing here\n",
    "a scalar": b"Globex\n",
    "a list": b"- company: Globex\n",
    "null": b"~\n",
    "two documents": (GOOD + "---\ncompany: Initech\n").encode(),
    "an anchor and an alias": b"company: &c Globex\nrole: *c\n",
    "a merge key": b"base: &b {company: Globex}\n<<: *b\nrole: x\n",
    "a python tag": b"company: !!python/object/apply:os.system [echo hi]\nrole: x\n",
    "a custom tag": b"company: !secret Globex\nrole: x\n",
    "a binary tag": b"company: !!binary aGk=\nrole: x\n",
    "a set": b"company: !!set {a: null}\nrole: x\n",
    "duplicate keys": b"company: Globex\ncompany: Initech\nrole: x\n",
    "duplicate keys in an entry": (
        GOOD.replace("- what: Practise Spark joins", "- what: a\n  what: b")
    ).encode(),
    "not UTF-8": GOOD.replace("Globex", "Glob\udcffx").encode("utf-8", "surrogateescape"),
    "latin-1": "company: Café\nrole: x\n".encode("latin-1"),
    "UTF-16": "company: Globex\nrole: x\n".encode("utf-16"),
    "a BOM": b"\xef\xbb\xbf" + GOOD.encode(),
    "a NUL byte": b"company: Glo\x00bex\nrole: x\n",
    "tabs for indent": b"company: Globex\nfixes:\n\t- what: x\n",
    "cut in a quote": b"company: 'Globex\nrole: x\n",
    "huge": ("company: " + "x" * 400_000 + "\n").encode(),
    "many keys": "".join(f"k{i}: {i}\n" for i in range(5_000)).encode(),
    "a key that is a list": b"[company]: Globex\n",
    "a key that is a number": b"1: Globex\ncompany: Globex\n",
    "a key that is null": b"~: Globex\ncompany: Globex\n",
    "deep": ("company: Globex\nrole: " + "[" * 200 + "]" * 200 + "\n").encode(),
    "a long line": ("company: Globex\nrole: Data\n" + "# " + "x" * 100_000 + "\n").encode(),
    "a directive": b"%YAML 1.1\n---\ncompany: Globex\nrole: x\n",
    "a control character": b"company: Glo\x07bex\nrole: x\n",
}


_PACK: list[Content] = []


def english() -> Content:
    """The built-in English pack, loaded once (not a fixture: hypothesis prints its arguments)."""
    if not _PACK:
        _PACK.append(packs.load(packs.default_dir("en")))
    return _PACK[0]


class Tally:
    def __init__(self) -> None:
        self.tried = self.handled = self.kept = self.checked = 0
        self.failures: list[Any] = []


def attempt(run: Run, home: Path, tally: Tally, case: str, raw: bytes) -> None:
    """`start --answers FILE` with `raw` as the file, and what the module's docstring promises."""
    before = snapshot(home)
    file = home.parent / "answers.yaml"
    file.write_bytes(raw)
    result = run(["start", "--answers", str(file)], terminal=False)
    said = output(result)
    after = snapshot(home)
    tally.tried += 1
    ok = not surprised(result) and result.exit_code in (0, 2)
    tally.checked += 1
    if result.exit_code == 0:
        lost = lost_answers(english(), raw, new_sessions(before, after))
        kept = not lost
        why = f"answers not saved: {lost}"
    else:
        kept = after == before
        ok = ok and bool(WHERE.search(said.replace("\n", "")) or "no answers were used" in said)
        why = "a refused file changed the data folder"
    tally.handled += ok
    tally.kept += kept
    if not ok:
        tally.failures.append((case, result.exit_code, said[-400:]))
    if not kept:
        tally.failures.append((case, why))
    restore(home, before)


def new_sessions(before: dict[str, bytes], after: dict[str, bytes]) -> list[dict[str, Any]]:
    return [
        json.loads(data)
        for rel, data in after.items()
        if rel.startswith("sessions/") and rel not in before
    ]


def blank(value: Any) -> bool:
    """No answer at all: a blank is taken as "skip", as Enter is at the prompt."""
    return value is None or (isinstance(value, str) and not value.strip())


def lost_answers(pack: Content, raw: bytes, made: list[dict[str, Any]]) -> list[str]:
    """The questions the file answered that the one new session does not hold as given."""
    if len(made) != 1:
        return [f"{len(made)} sessions were made"]
    saved = made[0]["answers"]
    given = yaml.safe_load(raw.decode("utf-8"))
    kinds = {p.id: p.kind for p in pack.prompts()}
    lost = []
    for key, value in given.items():
        if value is None or key not in kinds:
            continue
        if key not in saved:
            lost.append(key)
        elif kinds[key] == "list":
            kept = [{k: v for k, v in e.items() if k != "_id"} for e in saved[key]]
            if len(kept) != len(value) or any(
                not blank(e[k]) and got.get(k) in (None, "")
                for e, got in zip(value, kept, strict=False)
                for k in e
            ):
                lost.append(key)
        elif (
            kinds[key] in ("text", "email", "select")
            and isinstance(value, str)
            and not blank(value)
            and saved[key] not in (value, value.strip())
        ):
            lost.append(key)
    return lost


def test_damaged_documents_are_refused_with_where_or_saved_whole(
    run: Run, rebound_home: Path, figures: Figures
) -> None:
    tally = Tally()
    for case, raw in DOCUMENTS.items():
        attempt(run, rebound_home, tally, case, raw)
    attempt(run, rebound_home, tally, "the good file", GOOD.encode())
    report(figures, KIND, tally.tried, tally.handled, tally.kept, tally.checked)
    assert tally.tried == len(DOCUMENTS) + 1
    assert not tally.failures, "\n".join(map(repr, tally.failures))


def _dump(data: dict[str, Any]) -> bytes:
    return yaml_text(data, width=10**6).encode()


CHANGE = st.tuples(
    st.sampled_from(["set", "delete", "unknown key", "entry field", "entry extra", "wrap"]),
    st.integers(0, 1_000),
    st.sampled_from(VALUES),
)


@settings(SETTINGS, max_examples=examples(80))
@given(changes=st.lists(CHANGE, min_size=1, max_size=3))
def test_random_answers_files(
    run: Run,
    rebound_home: Path,
    figures: Figures,
    changes: list[tuple[str, int, Any]],
) -> None:
    data: dict[str, Any] = json.loads(json.dumps(ANSWERS))
    for how, index, value in changes:
        key = KEYS[index % len(KEYS)]
        if how == "set":
            data[key] = value
        elif how == "delete":
            data.pop(key, None)
        elif how == "unknown key":
            data[f"no_such_{index}"] = value
        elif how == "wrap":  # a list where one answer goes, one answer where a list goes
            data[key] = data[key][0] if isinstance(data.get(key), list) else [data.get(key)]
        else:
            entries = data.get(LISTS[index % len(LISTS)])
            if isinstance(entries, list) and entries and isinstance(entries[0], dict):
                entry = entries[index % len(entries)]
                fields = sorted(entry)
                name = fields[index % len(fields)] if how == "entry field" else "no_such_field"
                entry[name] = value
    tally = Tally()
    attempt(run, rebound_home, tally, repr(changes)[:200], _dump(data))
    report(figures, KIND, tally.tried, tally.handled, tally.kept, tally.checked)
    assert not tally.failures, "\n".join(map(repr, tally.failures))


def test_a_refused_file_leaves_an_existing_session_and_brag_list_alone(
    run: Run, rebound_home: Path, figures: Figures, make_session: Any
) -> None:
    """With a person's data already there, a refused file changes none of it."""
    make_session()
    saved = snapshot(rebound_home)
    tally = Tally()
    for case in ("duplicate keys", "a python tag", "not UTF-8", "huge", "deep"):
        attempt(run, rebound_home, tally, case, DOCUMENTS[case])
        restore(rebound_home, saved)
    report(figures, KIND, tally.tried, tally.handled, tally.kept, tally.checked)
    assert not tally.failures, "\n".join(map(repr, tally.failures))


def test_an_answer_whose_question_is_not_asked_is_refused_not_dropped(
    run: Run, rebound_home: Path
) -> None:
    """Found by the generator: `areas_other` given while `areas` has no 'other' (its `when`
    says no), or an entry's `situation` with `story: false`, was dropped without a word, and the
    run said "Filled N answers"."""
    for change, where in (
        ({"areas": ["technical_depth"]}, r"answers\.yaml:\d+:1: areas_other: is not asked"),
        (
            {"accomplishments": [{**scenario.NIGHTLY, "story": False}]},
            r"answers\.yaml:\d+:3: accomplishments\.0\.situation: is not asked",
        ),
    ):
        file = rebound_home.parent / "answers.yaml"
        file.write_text(scenario.answers_yaml({**ANSWERS, **change}), encoding="utf-8")
        result = run(["start", "--answers", str(file)], terminal=False)
        assert result.exit_code == 2, result.output
        assert re.search(where, output(result).replace("\n", "")), result.output
        assert not (rebound_home / "sessions").exists() or not any(
            (rebound_home / "sessions").iterdir()
        )

"""Hostile content packs: a copy of content/en with one step file or coach.yaml damaged.

The damage a person editing a pack makes: a required key deleted, a value of the wrong type, an
unknown key, a template with a bad tag, a `when` naming a prompt that does not exist, duplicate
ids, a checklist `due` naming something that is not a date, a huge file, a file that is not
UTF-8. `rebound content validate DIR` and `rebound --content DIR list` must agree: both accept
the pack, or both refuse it with the same `file:line:col` message (exit 2); never an unexpected
error. Damage of the kinds that make a pack wrong must be refused. A person's saved session
sits in the data folder throughout, and a refused pack must leave it byte for byte as it was.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from rebound.storage.records import Session
from tests.conftest import CONTENT, Figures
from tests.helpers import Run
from tests.reliability.hostile import at, output, paths, report, snapshot, surprised
from tests.scenario import yaml_text

KIND = "content packs"
SETTINGS = settings(
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # a failure is reported as found: no shrinking
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FILES = ("coach.yaml", *(f"steps/{p.name}" for p in sorted((CONTENT / "steps").glob("*.yaml"))))
WHERE = re.compile(r"\.yaml:\d+:\d+: ")
ORIGINAL = {name: (CONTENT / name).read_text(encoding="utf-8") for name in FILES}
# libyaml reads them as PyYAML's own parser does (the same data), ten times quicker: each
# worker reads them as it collects.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA = {name: yaml.load(text, Loader=_LOADER) for name, text in ORIGINAL.items()}
WRONG: tuple[Any, ...] = (7, -1, True, None, [], ["x"], {}, {"a": 1}, "x", "")
BAD_TAGS = (
    "{{#company}}never closed",
    "closed {{/company}} never opened",
    "{{",
    "{{}}",
    "{{no_such_prompt}}",
    "{{company|no_such_filter}}",
    "{{#fixes}}{{#fixes}}{{/fixes}}{{/fixes}}",
    "{{! a comment }}",
    "{{{company}}}",
    "{{> partial}}",
    "{{=<% %>=}}",
)


def where_is(data: Any, kind: str) -> list[tuple[Any, ...]]:
    """The paths of one kind of place in a file: its templates, prompts or checklist items."""
    if kind == "template":
        return [path for path in paths(data) if path[-1] == "template"]
    parent = {"prompt": "prompts", "checklist": "checklist"}[kind]
    # A place itself (a prompt or item: a mapping in such a list), not a list of prompt ids
    # (`follow_up: feedback: prompts: [reasons, ...]`).
    return [
        path
        for path in paths(data)
        if len(path) >= 2 and path[-2] == parent and isinstance(at(data, path), dict)
    ]


class Tally:
    def __init__(self) -> None:
        self.tried = self.handled = self.kept = self.checked = 0
        self.failures: list[Any] = []


def judge(
    run: Run,
    home: Path,
    before: dict[str, bytes],
    pack: Path,
    tally: Tally,
    case: str,
    must_refuse: bool,
) -> None:
    """Run both commands on the damaged pack and count what the module's docstring promises."""
    shutil.rmtree(home / "cache", ignore_errors=True)  # the YAML itself is read, every time
    checked = run(["content", "validate", str(pack)], terminal=False)
    listed = run(["--content", str(pack), "list"], terminal=False)
    said_checked, said_listed = output(checked), output(listed)
    tally.tried += 1
    ok = not surprised(checked) and not surprised(listed)
    refused = checked.exit_code == 2
    if refused:
        ok = ok and bool(WHERE.search(said_checked.replace("\n", "")))
        ok = ok and listed.exit_code == 2 and _message(said_listed) == _message(said_checked)
    else:
        ok = ok and checked.exit_code == 0 and listed.exit_code == 0
    tally.handled += ok
    if not ok:
        tally.failures.append(
            (case, checked.exit_code, said_checked, listed.exit_code, said_listed)
        )
    tally.checked += 1
    kept = snapshot(home) == before
    tally.kept += kept
    if not kept:
        tally.failures.append((case, "the saved session or brag list changed"))
    if must_refuse and not refused:
        tally.failures.append((case, "a wrong pack was accepted", said_checked[-300:]))


def _message(said: str) -> str:
    return " ".join(said.replace("rebound:", "").split())


def write(pack: Path, name: str, data: Any) -> None:
    text = yaml_text(data, width=10**6)
    (pack / name).write_text(text, encoding="utf-8")


def reset(pack: Path) -> None:
    for name, text in ORIGINAL.items():
        (pack / name).write_text(text, encoding="utf-8")


def targeted(name: str) -> dict[str, Any]:
    """Damage that must be refused, for one file: case name -> the file's new data or bytes."""
    data = DATA[name]
    cases: dict[str, Any] = {}
    prompts = where_is(data, "prompt")
    if prompts:
        first = prompts[0]
        no_id = copy.deepcopy(data)
        del at(no_id, first)["id"]
        cases["a prompt without its id"] = no_id
        no_message = copy.deepcopy(data)
        del at(no_message, first)["message"]
        cases["a prompt without its message"] = no_message
        unknown_when = copy.deepcopy(data)
        at(unknown_when, prompts[-1])["when"] = {"prompt": "no_such_prompt", "answered": True}
        cases["a when naming an unknown prompt"] = unknown_when
        unknown_kind = copy.deepcopy(data)
        at(unknown_kind, first)["kind"] = "telepathy"
        cases["an unknown kind"] = unknown_kind
        extra = copy.deepcopy(data)
        at(extra, first)["colour"] = "blue"
        cases["an unknown key in a prompt"] = extra
        if len(prompts) > 1:
            twice = copy.deepcopy(data)
            at(twice, prompts[1])["id"] = at(twice, first)["id"]
            cases["two prompts with one id"] = twice
        # A `when` testing the answer itself (not a filter of it: `address_sure` is the filter's
        # value), with a test that can be made impossible.
        tested = [
            p
            for p in prompts
            if isinstance(when := at(data, p).get("when"), dict)
            and when.get("prompt")
            and "filter" not in when
            and any(t in when for t in ("equals", "one_of", "contains"))
        ]
        for path in tested[:1]:
            never = copy.deepcopy(data)
            when = at(never, path)["when"]
            for test in ("equals", "one_of", "contains"):
                if test in when:
                    when[test] = ["no_such_choice"] if test == "one_of" else "no_such_choice"
            cases["a when testing a value no choice has"] = never
    for path in where_is(data, "checklist"):
        done_when = at(data, path).get("done_when")
        if isinstance(done_when, dict) and "equals" in done_when:
            never = copy.deepcopy(data)
            at(never, path)["done_when"]["equals"] = "no_such_choice"
            cases["a done_when testing a value no choice has"] = never
    if name != "coach.yaml":
        for key in ("id", "title"):
            missing = copy.deepcopy(data)
            del missing[key]
            cases[f"a step without its {key}"] = missing
        other = "thank" if data["id"] != "thank" else "reflect"
        cases["a step with another step's id"] = {**data, "id": other}
        cases["an unknown key in a step"] = {**data, "colour": "blue"}
    for tag in BAD_TAGS[:4]:
        for path in where_is(data, "template")[:1]:
            bad = copy.deepcopy(data)
            at(bad, path[:-1])["template"] = at(data, path) + tag
            cases[f"a template with {tag!r}"] = bad
    items = where_is(data, "checklist")
    for due in ("went_well", "no_such_prompt", "company"):
        for path in items[:1]:
            bad = copy.deepcopy(data)
            item = at(bad, path)
            item.pop("due_after", None)
            item["due"] = due
            cases[f"a checklist due naming {due!r}"] = bad
    if len(items) > 1:
        twice = copy.deepcopy(data)
        at(twice, items[1])["id"] = at(twice, items[0])["id"]
        cases["two checklist items with one id"] = twice
    text = ORIGINAL[name]
    cases["huge"] = (text + "# " + "x" * 300_000 + "\n").encode()
    cases["latin-1"] = (text + "# café\n").encode("latin-1", "replace")
    cases["a NUL byte"] = text.encode() + b"\x00\n"
    first_line = next(line for line in text.splitlines() if line and not line.startswith("#"))
    cases["a duplicate top-level key"] = (text + first_line + "\n").encode()
    cases["an alias"] = (text + "extra: &a x\nagain: *a\n").encode()
    cases["a python tag"] = (text + "extra: !!python/object/apply:os.system [true]\n").encode()
    cases["empty"] = b""
    cases["a list at the top"] = b"- a\n- b\n"
    return {k: v for k, v in cases.items() if v is not None}


@pytest.fixture
def saved(finished_session: Session, rebound_home: Path) -> dict[str, bytes]:
    """A person's finished session and brag list, there before any pack is damaged."""
    return snapshot(rebound_home)


# One test per file, so that the workers share them (each case reads the whole pack twice).
@pytest.mark.parametrize("name", FILES)
def test_targeted_damage_is_refused_by_both_commands_alike(
    run: Run,
    rebound_home: Path,
    saved: dict[str, bytes],
    content_copy: Path,
    figures: Figures,
    name: str,
) -> None:
    tally = Tally()
    for case, damage in targeted(name).items():
        reset(content_copy)
        if isinstance(damage, bytes):
            (content_copy / name).write_bytes(damage)
        else:
            write(content_copy, name, damage)
        judge(run, rebound_home, saved, content_copy, tally, f"{name}: {case}", must_refuse=True)
    report(figures, KIND, tally.tried, tally.handled, tally.kept, tally.checked)
    assert tally.tried > 10
    assert not tally.failures, "\n".join(map(repr, tally.failures))


def test_the_pack_as_shipped_is_taken_by_both_commands(
    run: Run, rebound_home: Path, saved: dict[str, bytes], content_copy: Path, figures: Figures
) -> None:
    tally = Tally()
    judge(run, rebound_home, saved, content_copy, tally, "the pack as shipped", must_refuse=False)
    report(figures, KIND, tally.tried, tally.handled, tally.kept, tally.checked)
    assert not tally.failures, "\n".join(map(repr, tally.failures))


DAMAGE = st.tuples(
    st.sampled_from(["delete", "wrong type", "unknown key", "bad tag"]),
    st.integers(0, 10_000),
    st.sampled_from(WRONG),
    st.sampled_from(BAD_TAGS),
)


@pytest.mark.parametrize("file", FILES)  # shared by the workers, as above
@settings(SETTINGS, max_examples=4)
@given(damages=st.lists(DAMAGE, min_size=1, max_size=2))
def test_random_damage_never_surprises_and_both_commands_agree(
    run: Run,
    rebound_home: Path,
    saved: dict[str, bytes],
    content_copy: Path,
    figures: Figures,
    file: str,
    damages: list[tuple[str, int, Any, str]],
) -> None:
    data = copy.deepcopy(DATA[file])
    for how, index, value, tag in damages:
        found = paths(data)
        path = found[index % len(found)]
        parent = at(data, path[:-1])
        if how == "delete":
            del parent[path[-1]]
        elif how == "wrong type":
            parent[path[-1]] = value
        elif how == "unknown key" and isinstance(parent, dict):
            parent["no_such_key"] = value
        elif how == "bad tag":
            templates = where_is(data, "template")
            if templates:
                place = templates[index % len(templates)]
                at(data, place[:-1])["template"] = str(at(data, place)) + tag
    reset(content_copy)
    write(content_copy, file, data)
    tally = Tally()
    judge(
        run,
        rebound_home,
        saved,
        content_copy,
        tally,
        f"{file}: {damages!r}"[:300],
        must_refuse=False,
    )
    report(figures, KIND, tally.tried, tally.handled, tally.kept, tally.checked)
    assert not tally.failures, "\n".join(map(repr, tally.failures))


def test_a_condition_on_a_choice_that_does_not_exist_is_refused(
    run: Run, content_copy: Path
) -> None:
    """Found by the generator: `when: {prompt: areas, contains: nope}` (or a `done_when` equal
    to no choice) passed `content validate`, and the prompt was then never asked."""
    step = content_copy / "steps" / "ask-why.yaml"
    text = step.read_text(encoding="utf-8")
    assert "contains: other" in text
    step.write_text(text.replace("contains: other", "contains: othre"), encoding="utf-8")
    result = run(["content", "validate", str(content_copy)])
    assert result.exit_code == 2, result.output
    said = " ".join(output(result).split())
    assert re.search(r"ask-why\.yaml:\d+:\d+: prompts\.\d+\.when\.contains: 'othre'", said)
    assert "is not one of the choices of 'areas'" in said

"""Loading the content folder: the real content, and every way a broken file is reported.

Each broken case copies the shipped content, breaks one spot, and checks that the error reads
`<path>:<line>:<col>: <field>: <message>` with the line and column of that very spot.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest

from rebound.coach import progress as coach
from rebound.errors import ContentError, ExitCode, UsageError
from rebound.pack import packs, reader
from rebound.pack.models import Content
from tests.conftest import CONTENT, Figures

STEP_IDS = ["thank", "ask-why", "reflect", "accomplishments", "re-engage"]

_FORM = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<field>\S+): (?P<message>.+)$", re.DOTALL
)

# The template filters, as an error about an unknown one lists them.
KNOWN_FILTERS = (
    "first_name, count, lower, or, address, address_sure, titled, generic, greeting, salutation, "
    "phrase, role, title, headline, organisation, team, trait, sentence, name, signature, "
    "full_name, addressed, public_role, organisation_title, did, brief_role, first_step, question, "
    "formal_question, aside, meets, circumstance, on_hold, sends, social, unnamed_client, "
    "personal, kin, tells, private"
)


def edit(file: Path, old: str, new: str) -> None:
    """Replace the first `old` in `file` (which must be there) by `new`."""
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {file.name}; has the content changed?"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def spot(file: Path, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based line and column where `needle` occurs (the `occurrence`-th time) in `file`."""
    text = file.read_text(encoding="utf-8")
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        assert pos >= 0, f"{needle!r} is not in {file.name}"
    if occurrence == 1:
        assert text.count(needle) == 1, f"{needle!r} is not unique in {file.name}"
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def load_error(folder: Path) -> dict[str, str]:
    with pytest.raises(ContentError) as info:
        packs.load(folder)
    message = str(info.value)
    assert info.value.message == message
    match = _FORM.match(message)
    assert match, f"not in the form path:line:col: field: message: {message!r}"
    return match.groupdict()


@pytest.fixture(scope="module")
def loaded() -> Content:
    return packs.load(CONTENT)


# --- the real content -------------------------------------------------------------------


def test_the_five_steps_load_in_order(loaded: Content) -> None:
    assert [s.id for s in loaded.steps] == STEP_IDS
    assert loaded.source == str(CONTENT)


@pytest.mark.parametrize("step_id", STEP_IDS)
def test_each_step_is_complete(loaded: Content, step_id: str) -> None:
    step = loaded.step(step_id)
    assert step.title.strip()
    assert all(line.strip() for line in coach.said(step.why, {}))  # said even with no answers
    assert coach.said(step.why, {})
    assert step.guidance
    assert all((g if isinstance(g, str) else g.text).strip() for g in step.guidance)
    assert step.prompts
    assert step.checklist


def test_the_opening_asks_about_the_call(loaded: Content) -> None:
    ids = [p.id for p in loaded.opening.prompts]
    assert ids[:5] == ["company", "role", "internal", "stage", "messenger_name"]
    assert loaded.opening.welcome
    assert [p.id for p in loaded.prompts()][: len(ids)] == ids


def test_prompt_ids_are_unique_across_the_content(loaded: Content) -> None:
    ids = [p.id for p in loaded.prompts()]
    assert len(ids) == len(set(ids))


def test_load_takes_a_str_or_a_path() -> None:
    assert [s.id for s in packs.load(str(CONTENT)).steps] == STEP_IDS


def test_unknown_step_raises_key_error(loaded: Content) -> None:
    with pytest.raises(KeyError):
        loaded.step("sulk")


def test_content_error_is_a_usage_error() -> None:
    assert issubclass(ContentError, UsageError)
    assert ContentError("x").exit_code == ExitCode.USAGE


# --- content_dir ------------------------------------------------------------------------


def test_content_dir_defaults_to_the_built_in_content() -> None:
    assert packs.content_dir().resolve() == CONTENT.resolve()
    assert packs.content_dir(None) == packs.default_dir()


def test_content_dir_uses_rebound_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REBOUND_CONTENT", str(tmp_path / "from-env"))
    assert packs.content_dir() == tmp_path / "from-env"


def test_content_dir_explicit_argument_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REBOUND_CONTENT", str(tmp_path / "from-env"))
    assert packs.content_dir(tmp_path / "explicit") == tmp_path / "explicit"
    assert packs.content_dir(str(tmp_path / "explicit")) == tmp_path / "explicit"


def test_content_dir_ignores_an_empty_rebound_content(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REBOUND_CONTENT", "")
    assert packs.content_dir() == packs.default_dir()


def test_content_dir_expands_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert packs.content_dir("~/packs/en") == tmp_path / "packs" / "en"


def test_load_follows_rebound_content(content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(content_copy / "steps" / "thank.yaml", "title: Thank the messenger", "title: From env")
    monkeypatch.setenv("REBOUND_CONTENT", str(content_copy))
    assert packs.load().step("thank").title == "From env"
    assert packs.load(CONTENT).step("thank").title == "Thank the messenger"


# --- YAML scalars -----------------------------------------------------------------------


def test_yaml_dates_stay_text(content_copy: Path) -> None:
    edit(content_copy / "steps" / "reflect.yaml", "default: +14d", "default: 2026-11-25")
    edit(content_copy / "steps" / "thank.yaml", "title: Thank the messenger", "title: 2026-11-25")
    loaded = packs.load(content_copy)
    due = loaded.step("reflect").prompts[1].fields[1]
    assert due.id == "due"
    assert due.default == "2026-11-25"
    assert type(due.default) is str
    assert loaded.step("thank").title == "2026-11-25"


def test_yaml_numbers_and_booleans_keep_their_types(loaded: Content) -> None:
    target = next(p for p in loaded.step("re-engage").prompts if p.id == "weekly_target")
    assert target.default == 3
    assert type(target.default) is int
    assert loaded.step("thank").prompts[0].default is True


# --- broken files -----------------------------------------------------------------------


class Broken(NamedTuple):
    """One way to break the content, and the error that must come of it."""

    file: str  # relative to the content folder
    old: str  # the first occurrence of this text ...
    new: str  # ... is replaced by this
    at: tuple[str, int]  # (text, occurrence) that starts exactly at the reported line:col
    field: str
    message: str


# The start of the first draft of thank.yaml, up to where the second one begins to differ.
THANK_TEMPLATE = "template: |\n      {{greeting}}\n\n      {{opening}} {{appreciation}}"

BROKEN = [
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "title: Thank the messenger",
            "title: Thank: the messenger",
            (": the messenger", 1),
            "(yaml)",
            "mapping values are not allowed here.",
        ),
        id="yaml-syntax-error",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "title: Thank the messenger",
            "title: Thank the messenger\ntitel: Typo",
            ("titel", 1),
            "titel",
            "is not a known field (check the spelling)",
        ),
        id="unknown-key",
    ),
    pytest.param(
        Broken(
            "steps/ask-why.yaml",
            "  - id: reasons\n",
            "  - id: reasons\n    requird: true\n",
            ("requird", 1),
            "prompts.1.requird",
            "is not a known field (check the spelling)",
        ),
        id="unknown-key-in-a-prompt",
    ),
    pytest.param(
        Broken(
            "coach.yaml",
            "opening:",
            "colour: blue\nopening:",
            ("colour", 1),
            "colour",
            "is not a known field (check the spelling)",
        ),
        id="unknown-key-in-coach",
    ),
    pytest.param(
        Broken(
            "coach.yaml",
            "    - id: role\n",
            "    - id: role\n      requird: true\n",
            ("requird", 1),
            "opening.prompts.1.requird",
            "is not a known field (check the spelling)",
        ),
        id="unknown-key-in-an-opening-prompt",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "title: Thank the messenger",
            "title: [Thank, the, messenger]",
            ("title: [Thank", 1),
            "title",
            "Input should be a valid string",
        ),
        id="wrong-type",
    ),
    pytest.param(
        Broken(
            "steps/reflect.yaml",
            "after_days: 7",
            "after_days: soon",
            ("after_days", 1),
            "prompts.2.nudge.after_days",
            "Input should be a valid integer, unable to parse string as an integer",
        ),
        id="wrong-type-nested",
    ),
    pytest.param(
        Broken(
            "steps/ask-why.yaml",
            "    required: true\n",
            "    required: maybe\n",
            ("required: maybe", 1),
            "prompts.3.required",
            "Input should be a valid boolean, unable to interpret input",
        ),
        id="wrong-type-bool",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "short: Close the loop kindly with the person who told you.\n",
            "",
            ("id: thank\n", 1),
            "short",
            "is required",
        ),
        id="missing-field",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "title: Thank the messenger",
            "title: Thank the messenger\ntitle: Again",
            ("title: Again", 1),
            "(file)",
            "the key 'title' appears twice.",
        ),
        id="duplicate-key",
    ),
    pytest.param(
        Broken(
            "steps/ask-why.yaml",
            "  - id: reasons\n",
            "  - id: reasons\n    id: reasons_again\n",
            ("id: reasons_again", 1),
            "prompts.1",
            "the key 'id' appears twice.",
        ),
        id="duplicate-key-in-a-prompt",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "  - id: thank_detail\n",
            "  - ? [a, b]\n    : x\n    id: thank_detail\n",
            ("[a, b]", 1),
            "prompts.1",
            "keys must be text.",
        ),
        id="key-not-text",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "tips:",
            "tips: *undefined",
            ("*undefined", 1),
            "(yaml)",
            "found undefined alias 'undefined'.",
        ),
        id="undefined-alias",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "title: Thank the messenger",
            "title: !!python/object/apply:os.system [echo pwned]",
            ("!!python", 1),
            "title",
            "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed.",
        ),
        id="python-object-apply-tag",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "title: Thank the messenger",
            "title: !!python/object:builtins.dict {a: 1}",
            ("!!python", 1),
            "title",
            "the tag 'tag:yaml.org,2002:python/object:builtins.dict' is not allowed.",
        ),
        id="python-object-tag",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "title: Thank the messenger",
            "title: !!python/name:os.system ''",
            ("!!python", 1),
            "title",
            "the tag 'tag:yaml.org,2002:python/name:os.system' is not allowed.",
        ),
        id="python-name-tag",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "title: Thank the messenger",
            "title: !secret Thank the messenger",
            ("!secret", 1),
            "title",
            "the tag '!secret' is not allowed.",
        ),
        id="local-tag",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "title: Thank the messenger",
            "title: !!timestamp 2026-11-25",
            ("!!timestamp", 1),
            "title",
            "the tag 'tag:yaml.org,2002:timestamp' is not allowed.",
        ),
        id="explicit-timestamp-tag",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "id: thank\n",
            "id: thanks\n",
            ("id: thanks\n", 1),
            "id",
            "is 'thanks' but coach.yaml lists this file as 'thank'",
        ),
        id="step-id-differs",
    ),
    pytest.param(
        Broken(
            "steps/ask-why.yaml",
            "({{call_date}})",
            "({{call_dat}})",
            ("template: |\n      {{company}}, {{role}}", 1),
            "drafts.1.template",
            "the template reads '{{call_dat}}', which no prompt answers",
        ),
        id="template-unknown-answer",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "sent to {{messenger_name}}",
            "sent to {{messenger}}",
            ("text: Thank-you email, with", 1),
            "checklist.0.label.0.text",
            "the template reads '{{messenger}}', which no prompt answers",
        ),
        id="checklist-label-unknown-answer",
    ),
    pytest.param(
        Broken(
            "steps/reflect.yaml",
            "{{#due}} (by {{due}}){{/due}}",
            "{{#due}} (by {{date}}){{/due}}",
            ("template:", 1),
            "drafts.0.template",
            "the template reads '{{date}}', which no prompt answers",
        ),
        id="template-unknown-field-inside-a-list-section",
    ),
    pytest.param(
        Broken(
            "steps/ask-why.yaml",
            '{{weakness|or "not named yet"}}',
            "{{weakness|upper}}",
            ("template:", 2),
            "drafts.1.template",
            f"template line 4: unknown filter 'upper' (known: {KNOWN_FILTERS})",
        ),
        id="template-unknown-filter",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "{{opening}} {{appreciation}}",
            "{{opening.__class__}} {{appreciation}}",
            (THANK_TEMPLATE.replace("{{opening}}", "{{opening.__class__}}"), 1),
            "drafts.0.template",
            "template line 3: a '{{ }}' tag is malformed",
        ),
        id="template-attribute-access",
    ),
    pytest.param(
        Broken(
            "steps/ask-why.yaml",
            "{prompt: areas, contains: other}",
            "{prompt: area, contains: other}",
            ("prompt: area,", 1),
            "prompts.3.when.prompt",
            "'area' is not an earlier prompt",
        ),
        id="condition-unknown-prompt",
    ),
    pytest.param(
        Broken(
            "steps/ask-why.yaml",
            "{prompt: areas, contains: other}",
            "{prompt: weakness, contains: other}",
            ("prompt: weakness, contains", 1),
            "prompts.3.when.prompt",
            "'weakness' is not an earlier prompt",
        ),
        id="condition-names-a-later-prompt",
    ),
    pytest.param(
        Broken(
            "steps/accomplishments.yaml",
            "{prompt: story,",
            "{prompt: stori,",
            ("prompt: stori,", 1),
            "prompts.0.fields.2.when.prompt",
            "'stori' is not a prompt or field",
        ),
        id="field-condition-unknown-prompt",
    ),
    pytest.param(
        Broken(
            "steps/accomplishments.yaml",
            "done_when: {prompt: rehearsed,",
            "done_when: {prompt: rehearse,",
            ("prompt: rehearse,", 1),
            "checklist.1.done_when.prompt",
            "'rehearse' is not a prompt",
        ),
        id="checklist-condition-unknown-prompt",
    ),
    pytest.param(
        Broken(
            "steps/reflect.yaml",
            "  - id: went_well",
            "  - id: reasons",
            ("id: reasons", 1),
            "prompts.0.id",
            "'reasons' is used by another prompt or is reserved",
        ),
        id="duplicate-prompt-id-across-steps",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "  - id: thank_detail",
            "  - id: company",
            ("id: company", 1),
            "prompts.1.id",
            "'company' is used by another prompt or is reserved",
        ),
        id="prompt-id-already-in-the-opening",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "  - id: thank_detail",
            "  - id: today",
            ("id: today", 1),
            "prompts.1.id",
            "'today' is used by another prompt or is reserved",
        ),
        id="reserved-prompt-id",
    ),
    pytest.param(
        Broken(
            "steps/ask-why.yaml",
            "before: feedback_asked",
            "before: thanked_on_call",
            ("before:", 1),
            "drafts.0.before",
            "'thanked_on_call' is not a prompt of this step",
        ),
        id="draft-before-names-another-steps-prompt",
    ),
    pytest.param(
        Broken(
            "steps/reflect.yaml",
            "    due: move_on_date",
            "    due: went_well",
            ("due: went_well", 1),
            "checklist.1.due",
            "'went_well' is not a date prompt",
        ),
        id="checklist-due-not-a-date",
    ),
    pytest.param(
        Broken(
            "steps/reflect.yaml",
            "    due: due",
            "    due: what",
            ("due: what", 1),
            "checklist.0.due",
            "'what' is not a date prompt",
        ),
        id="checklist-due-not-a-date-field-of-the-entry",
    ),
    pytest.param(
        Broken(
            "steps/reflect.yaml",
            "    due: move_on_date",
            "    due: nothing_like_this",
            ("due: nothing_like_this", 1),
            "checklist.1.due",
            "'nothing_like_this' is not a date prompt",
        ),
        id="checklist-due-unknown",
    ),
    pytest.param(
        Broken(
            "steps/re-engage.yaml",
            "    each: contacts",
            "    each: looking_for",
            ("each: looking_for", 1),
            "drafts.1.each",
            "'looking_for' is not a list prompt",
        ),
        id="checklist-each-not-a-list",
    ),
    pytest.param(
        Broken(
            "coach.yaml",
            "  - reflect\n",
            "  - reflect\n  - thank\n",
            ("steps:", 1),
            "steps",
            "a step is listed twice",
        ),
        id="step-listed-twice",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "    when: {prompt: messenger_channel, equals: in_person}\n",
            "    when: {prompt: messenger_chanel, equals: in_person}\n",
            ("prompt: messenger_chanel", 1),
            "why.1.when.prompt",
            "'messenger_chanel' is not a prompt",
        ),
        id="line-when-unknown-prompt",
    ),
    pytest.param(
        Broken(
            "steps/thank.yaml",
            "  - text: Thank them for their time and for telling you personally.\n"
            "    when: {prompt: messenger_channel, one_of: [phone, video, voicemail, in_person]}",
            "  - text: Thank them for their time and for telling you personally.\n"
            "    when: {prompt: messenger_channel, filter: shout, equals: x}",
            ("when: {prompt: messenger_channel, filter: shout", 1),
            "guidance.1.when",
            f"unknown filter 'shout' (known: {KNOWN_FILTERS})",
        ),
        id="line-when-unknown-filter",
    ),
    pytest.param(
        Broken(
            "steps/re-engage.yaml",
            "{prompt: relation, equals: head_hunter}, {prompt: looking_for",
            "{prompt: relatio, equals: head_hunter}, {prompt: looking_for",
            ("prompt: relatio,", 1),
            "drafts.1.subject.2.when.1.prompt",
            "'relatio' is not a prompt",
        ),
        id="draft-line-unknown-field",
    ),
    pytest.param(
        Broken(
            "steps/re-engage.yaml",
            "other_person_than: messenger_name}",
            "other_person_than: messenger_nme}",
            ("other_person_than: messenger_nme}", 1),
            "drafts.1.when.0.other_person_than",
            "'messenger_nme' is not a prompt",
        ),
        id="draft-when-compares-with-an-unknown-prompt",
    ),
    pytest.param(
        Broken(
            "steps/re-engage.yaml",
            "      sign_off:\n",
            "      looking_for:\n",
            ("looking_for:\n        - text: Best wishes", 1),
            "drafts.1.parts.looking_for",
            "'looking_for' is already the name of a prompt",
        ),
        id="draft-part-named-like-a-prompt",
    ),
    pytest.param(
        Broken(
            "steps/re-engage.yaml",
            "{{intro}}",
            "{{intr}}",
            ("template: |\n      {{greeting}}", 1),
            "drafts.1.template",
            "the template reads '{{intr}}', which no prompt answers",
        ),
        id="draft-template-unknown-part",
    ),
    pytest.param(
        Broken(
            "coach.yaml",
            'default_from: "{{messenger_name|address}}"',
            'default_from: "{{messenger|address}}"',
            ("default_from", 1),
            "opening.prompts.5.default_from",
            "the template reads '{{messenger}}', which no prompt answers",
        ),
        id="default-from-unknown-answer",
    ),
]


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_file_names_its_spot(content_copy: Path, case: Broken, figures: Figures) -> None:
    figures.add("bad content cases refused with file:line:col", 0, 1)
    broken = content_copy / case.file
    edit(broken, case.old, case.new)
    line, col = spot(broken, *case.at)
    error = load_error(content_copy)
    assert error["path"] == str(broken)
    assert (int(error["line"]), int(error["col"])) == (line, col)
    assert error["field"] == case.field
    assert error["message"] == case.message
    figures.add("bad content cases refused with file:line:col", 1, 0)


def test_a_yaml_error_names_where_the_open_construct_started(content_copy: Path) -> None:
    thank = content_copy / "steps" / "thank.yaml"
    edit(thank, "title: Thank the messenger", "title: [Thank the messenger\nshort: x")
    started, _ = spot(thank, "[Thank")
    error = load_error(content_copy)
    assert error["path"] == str(thank)
    assert (int(error["line"]), int(error["col"])) == spot(thank, ": x\n")
    assert error["field"] == "(yaml)"
    assert error["message"] == (
        f"expected ',' or ']', but got ':' "
        f"(while parsing a flow sequence that starts at line {started})."
    )


def test_several_problems_in_one_file_are_counted(content_copy: Path) -> None:
    thank = content_copy / "steps" / "thank.yaml"
    edit(thank, "title: Thank the messenger", "title: [1]\ntitel: x\nshorty: y")
    error = load_error(content_copy)
    assert error["path"] == str(thank)
    assert error["message"].endswith("(and 2 more problems in this file)")


def test_a_missing_step_file_is_reported_at_its_line_in_coach_yaml(content_copy: Path) -> None:
    (content_copy / "steps" / "reflect.yaml").unlink()
    coach = content_copy / "coach.yaml"
    error = load_error(content_copy)
    assert error["path"] == str(coach)
    assert (int(error["line"]), int(error["col"])) == spot(coach, "reflect")
    assert error["field"] == "steps.2"
    assert error["message"] == "there is no steps/reflect.yaml for this step"


def test_an_oversized_file_is_refused_before_it_is_parsed(content_copy: Path) -> None:
    thank = content_copy / "steps" / "thank.yaml"
    with thank.open("a", encoding="utf-8") as out:
        out.write("# " + "x" * (256 * 1024) + "\n")
    size = thank.stat().st_size
    error = load_error(content_copy)
    assert error["path"] == str(thank)
    assert (error["line"], error["col"], error["field"]) == ("1", "1", "(file)")
    assert error["message"] == f"is {size:,} bytes; content files may be at most 256 KiB."


def test_a_file_of_exactly_the_limit_is_fine(content_copy: Path) -> None:
    thank = content_copy / "steps" / "thank.yaml"
    size = thank.stat().st_size
    with thank.open("a", encoding="utf-8") as out:
        out.write("#" * (reader.MAX_FILE_BYTES - size - 1) + "\n")
    assert thank.stat().st_size == reader.MAX_FILE_BYTES
    assert packs.load(content_copy).step("thank").title == "Thank the messenger"


def test_an_empty_step_file(content_copy: Path) -> None:
    thank = content_copy / "steps" / "thank.yaml"
    thank.write_text("# nothing here yet\n", encoding="utf-8")
    error = load_error(content_copy)
    assert error["path"] == str(thank)
    assert (error["line"], error["col"], error["field"]) == ("1", "1", "(file)")
    assert error["message"] == "is empty."


def test_a_file_that_is_not_utf8(content_copy: Path) -> None:
    thank = content_copy / "steps" / "thank.yaml"
    thank.write_bytes(thank.read_bytes().replace(b"Thank the messenger", b"Thank the m\xe9ssenger"))
    error = load_error(content_copy)
    assert error["path"] == str(thank)
    assert error["field"] == "(file)"
    assert error["message"].startswith("is not UTF-8 text")


def test_a_folder_without_coach_yaml(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as info:
        packs.load(tmp_path)
    assert str(info.value).startswith(f"{tmp_path}: no coach.yaml here")


# --- anchors, aliases and merge keys ------------------------------------------


def test_an_anchor_and_alias_are_refused(content_copy: Path) -> None:
    thank = content_copy / "steps" / "thank.yaml"
    text = thank.read_text(encoding="utf-8")
    tips = text[text.index("tips:\n") : text.index("prompts:\n")]
    thank.write_text(
        text.replace("guidance:\n", "guidance: &advice\n", 1).replace(tips, "tips: *advice\n", 1),
        encoding="utf-8",
    )
    error = load_error(content_copy)
    assert error["path"] == str(thank)
    assert (int(error["line"]), int(error["col"])) == spot(thank, "&advice")
    assert error["field"] == "guidance"
    assert error["message"] == "anchors and aliases are not allowed in content."


def test_an_anchor_alone_is_refused(content_copy: Path) -> None:
    thank = content_copy / "steps" / "thank.yaml"
    edit(thank, "title: Thank the messenger", "title: &t Thank the messenger")
    error = load_error(content_copy)
    assert (int(error["line"]), int(error["col"])) == spot(thank, "&t")
    assert error["field"] == "title"
    assert error["message"] == "anchors and aliases are not allowed in content."


def test_a_merge_key_is_refused_at_its_line(content_copy: Path) -> None:
    thank = content_copy / "steps" / "thank.yaml"
    edit(thank, "title: Thank the messenger", "title: Thank the messenger\n<<: {short: x}")
    error = load_error(content_copy)
    assert error["message"] == "merge keys ('<<') are not allowed."
    assert (int(error["line"]), int(error["col"])) == spot(thank, "<<")


def test_template_error_line_below_standalone_section_lines(content_copy: Path) -> None:
    reflect = content_copy / "steps" / "reflect.yaml"
    edit(reflect, "{{company}} on", "{{company|upper}} on")
    error = load_error(content_copy)
    assert error["field"] == "drafts.0.template"
    # the 6th line of the template: "I move on from {{company|upper}} on {{move_on_date}}."
    assert error["message"].startswith("template line 6: unknown filter 'upper'")


def test_a_control_character_is_reported_at_its_spot(content_copy: Path) -> None:
    thank = content_copy / "steps" / "thank.yaml"
    edit(thank, "title: Thank the messenger", "title: Thank the\x9a messenger")
    error = load_error(content_copy)
    assert (int(error["line"]), int(error["col"])) == spot(thank, "\x9a")
    assert error["message"].startswith("the character U+009A is not allowed in YAML")


def test_an_explicit_tag_with_a_bad_value(content_copy: Path) -> None:
    reengage = content_copy / "steps" / "re-engage.yaml"
    edit(reengage, "    default: 3\n", "    default: !!int three\n")
    error = load_error(content_copy)
    assert error["path"] == str(reengage)
    assert error["message"] == "'three' is not a valid int."
    assert error["field"].endswith(".default")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "steps/reflect.yaml",
            "    default: +3d\n",
            "    default: someday\n",
            "'someday' does not fit",
        ),
        ("steps/re-engage.yaml", "    default: 3\n", "    default: 99\n", "at most 50"),
        ("steps/re-engage.yaml", "    default: 3\n", "    default: lots\n", "whole number"),
    ],
)
def test_a_default_must_fit_its_question(
    content_copy: Path, file: str, old: str, new: str, message: str
) -> None:
    edit(content_copy / file, old, new)
    error = load_error(content_copy)
    assert error["field"].endswith(".default")
    assert message in error["message"]


def test_no_pack_can_declare_the_reserved_entry_id() -> None:
    from pydantic import ValidationError

    from rebound.pack.models import FieldDef
    from rebound.storage.records import ENTRY_ID

    with pytest.raises(ValidationError, match="starting with a letter"):
        FieldDef(id=ENTRY_ID, message="Which id?")

"""`rebound content validate --like BASE DIR`: a translation checked against its base pack, each
difference on a line of its own at file:line:col, exit 1 when any, 0 when alike."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.helpers import Run

SPANISH = REPO / "content" / "es"


@pytest.fixture
def spanish_copy(tmp_path: Path) -> Path:
    target = tmp_path / "es"
    shutil.copytree(SPANISH, target)
    return target


def edit(file: Path, old: str, new: str) -> int:
    """Change the first `old` in `file`; returns the line it was on."""
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_the_shipped_translation_is_like_english(run: Run) -> None:
    result = run(["content", "validate", "--like", "en", str(SPANISH)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{SPANISH}: OK (5 steps, 30 prompts).",
        "Like en: the same steps, questions, choices, conditions, dates and drafts.",
    ]


def test_the_content_in_use_is_compared_when_no_folder_is_given(run: Run) -> None:
    result = run(["--lang", "es", "content", "validate", "--like", "en"])
    assert result.exit_code == 0, result.output
    assert "Como en: los mismos pasos" in result.stdout


def test_each_difference_on_its_line_and_exit_1(run: Run, spanish_copy: Path) -> None:
    ask_why = spanish_copy / "steps" / "ask-why.yaml"
    thank = spanish_copy / "steps" / "thank.yaml"
    when = edit(ask_why, "not_one_of: [not_asking]", "not_one_of: [will_email]")
    choice = edit(ask_why, "      - {value: preparation, label: Preparación}\n", "")
    edit(
        ask_why,
        "      - {value: other",
        "      - {value: luck, label: Suerte}\n      - {value: other",
    )
    # The first draft's `template:` key (the draft whose text ends with its closing sentence).
    template = edit(thank, "    template: |", "    template: |")
    edit(thank, "{{closing}}", "Alex")
    result = run(["content", "validate", "--like", "en", str(spanish_copy)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        f"{spanish_copy}: OK (5 steps, 30 prompts).",
        f"{thank}:{template}:5: drafts.0.template: '{{{{closing}}}}' is in en but not here.",
        f"{ask_why}:{when}:5: prompts.1.when: {{prompt: feedback_asked, not_one_of: [will_email]}} "
        "here, but {prompt: feedback_asked, not_one_of: [not_asking]} in en.",
        f"{ask_why}:{choice - 5}:5: prompts.2.choices: 'preparation' is in en but not here.",
        f"{ask_why}:{choice}:9: prompts.2.choices.4: 'luck' is here but not in en.",
    ]
    assert result.stderr == (
        "rebound: 4 differences from en, one on each line above. A translation changes only "
        "what people read: keep the steps, ids, kinds, choices, conditions, dates and drafts of "
        "en.\n"
    )


def test_one_difference_said_in_spanish(run: Run, spanish_copy: Path) -> None:
    coach = spanish_copy / "coach.yaml"
    line = edit(coach, "keep_in_touch_default: 8", "keep_in_touch_default: 6")
    result = run(["--lang", "es", "content", "validate", "--like", "en", str(spanish_copy)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[1:] == [
        f"{coach}:{line}:3: follow_up.keep_in_touch_default: 6 aquí, pero 8 en en."
    ]
    assert result.stderr.startswith("rebound: 1 diferencia con en, en la línea de arriba.")


def test_the_base_may_be_a_folder(run: Run, content_copy: Path, spanish_copy: Path) -> None:
    assert (
        run(["content", "validate", "--like", str(content_copy), str(spanish_copy)]).exit_code == 0
    )
    edit(
        spanish_copy / "steps" / "reflect.yaml",
        "  - id: ",
        "  - id: extra\n    message: ¿Y?\n  - id: ",
    )
    result = run(["content", "validate", "--like", str(content_copy), str(spanish_copy)])
    assert result.exit_code == 1
    assert f"prompts.0: 'extra' is here but not in {content_copy}." in result.stdout


def test_a_base_that_is_neither_a_language_nor_a_folder(run: Run, tmp_path: Path) -> None:
    result = run(["content", "validate", "--like", "fr", str(SPANISH)])
    assert result.exit_code == 2
    assert result.stdout == ""  # refused before anything is read
    assert result.stderr == (
        "rebound: 'fr' is neither a language rebound ships (en, es) nor a folder. Give one of "
        "those languages, or the folder of the pack to compare with.\n"
    )
    (tmp_path / "file.yaml").write_text("x: 1\n", encoding="utf-8")
    assert run(["content", "validate", "--like", str(tmp_path / "file.yaml")]).exit_code == 2


def test_a_broken_base_is_named_at_its_spot(run: Run, content_copy: Path) -> None:
    line = edit(content_copy / "coach.yaml", "steps:\n", "nope: 1\nsteps:\n")
    result = run(["content", "validate", "--like", str(content_copy), str(SPANISH)])
    assert result.exit_code == 2
    assert f"{content_copy / 'coach.yaml'}:{line}:1: nope: is not a known field" in result.stderr
    assert "Traceback" not in result.output

"""A translation held to its base pack (rebound.pack.likeness): each kind of difference found,
named at the translation's file and field, in one sentence; the words themselves are free."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rebound.pack import likeness, reader
from rebound.pack.models import Content
from tests.conftest import REPO

Data = dict[str, Any]


@pytest.fixture(scope="module")
def english() -> Content:
    return reader.load(REPO / "content" / "en")


def changed(base: Content, change: Callable[[Data], object]) -> Content:
    """`base`, with `change` made to its data (as a translator might have written it)."""
    data = base.model_dump(by_alias=True)
    change(data)
    return Content.model_validate(data)


def step(data: Data, step_id: str) -> Data:
    [found] = [s for s in data["steps"] if s["id"] == step_id]
    return found  # type: ignore[no-any-return]


def said(base: Content, other: Content) -> list[tuple[str, str, str]]:
    """The differences as the command says them: file, field, sentence."""
    return [(d.file, d.field, d.said()) for d in likeness.differences(base, other, "en")]


def test_a_pack_is_like_itself_and_the_words_are_free(english: Content) -> None:
    assert said(english, english) == []

    def reword(data: Data) -> None:
        data["opening"]["title"] = "Otra cosa"
        thank = step(data, "thank")
        thank["title"] = "Gracias"
        thank["guidance"][0] = "Dilo."
        thank["prompts"][1]["message"] = "¿Algo más?"
        thank["prompts"][2]["choices"][0]["label"] = "Sí"
        thank["drafts"][0]["template"] = "{{closing}}\n" + thank["drafts"][0]["template"]

    # A placeholder said once more is still the same placeholder: only missing or new ones count.
    assert said(english, changed(english, reword)) == []


def _swap_steps(data: Data) -> None:
    data["steps"][0], data["steps"][1] = data["steps"][1], data["steps"][0]


def _move_out_of_section(data: Data) -> None:
    draft = step(data, "thank")["drafts"][0]
    inner = re.search(r"\{\{#detail\}\}(.*?)\{\{/detail\}\}", draft["template"])
    assert inner is not None
    body = inner.group(1).replace("{{detail}}", "")
    moved = "{{#detail}}" + body + "{{/detail}} {{detail}}"
    draft["template"] = draft["template"].replace(inner.group(0), moved)


def _first_draft_without(tag: str) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        draft = step(data, "thank")["drafts"][0]
        assert tag in draft["template"]
        draft["template"] = draft["template"].replace(tag, "la empresa")

    return change


CASES: list[tuple[str, Callable[[Data], object], list[tuple[str, str, str]]]] = [
    (
        "steps in another order",
        _swap_steps,
        [
            (
                "coach.yaml",
                "steps",
                "in another order than in en, which has "
                "thank, ask-why, reflect, accomplishments, re-engage.",
            )
        ],
    ),
    (
        "a step left out",
        lambda d: d["steps"].pop(),
        [("coach.yaml", "steps", "'re-engage' is in en but not here.")],
    ),
    (
        "a paragraph of the welcome left out",
        lambda d: d["opening"]["welcome"].pop(),
        [("coach.yaml", "opening.welcome", "2 here, but 3 in en.")],
    ),
    (
        "a question made required",
        lambda d: step(d, "thank")["prompts"][1].update(required=True),
        [("steps/thank.yaml", "prompts.1.required", "true here, but false in en.")],
    ),
    (
        "a choice left out",
        lambda d: step(d, "ask-why")["prompts"][2]["choices"].pop(4),
        [("steps/ask-why.yaml", "prompts.2.choices", "'preparation' is in en but not here.")],
    ),
    (
        "a choice added",
        lambda d: step(d, "ask-why")["prompts"][2]["choices"].insert(
            0, {"value": "luck", "label": "Suerte"}
        ),
        [("steps/ask-why.yaml", "prompts.2.choices.0", "'luck' is here but not in en.")],
    ),
    (
        "a condition changed",
        lambda d: step(d, "ask-why")["prompts"][1]["when"].update(not_one_of=["will_email"]),
        [
            (
                "steps/ask-why.yaml",
                "prompts.1.when",
                "{prompt: feedback_asked, not_one_of: [will_email]} here, "
                "but {prompt: feedback_asked, not_one_of: [not_asking]} in en.",
            )
        ],
    ),
    (
        "a hint the base has not",
        lambda d: step(d, "thank")["prompts"][1].update(help="Una pista"),
        [("steps/thank.yaml", "prompts.1.help", "'help' is here but not in en.")],
    ),
    (
        "a field of a list left out",
        lambda d: step(d, "re-engage")["prompts"][0]["fields"].pop(3),
        [("steps/re-engage.yaml", "prompts.0.fields", "'email' is in en but not here.")],
    ),
    (
        "a draft left out",
        lambda d: step(d, "thank")["drafts"].pop(0),
        [("steps/thank.yaml", "drafts", "'thank_you_email' is in en but not here.")],
    ),
    (
        "a placeholder left out of a draft",
        _first_draft_without("{{closing}}"),
        [("steps/thank.yaml", "drafts.0.template", "'{{closing}}' is in en but not here.")],
    ),
    (
        "a placeholder without its filter",
        lambda d: step(d, "thank")["drafts"][0]["parts"]["greeting"].__setitem__(
            -1, "{{messenger_address}}"
        ),
        [
            (
                "steps/thank.yaml",
                "drafts.0.parts.greeting",
                "'{{messenger_address|greeting}}' is in en but not here.",
            ),
            (
                "steps/thank.yaml",
                "drafts.0.parts.greeting",
                "'{{messenger_address}}' is here but not in en.",
            ),
        ],
    ),
    (
        "an answer read outside its section",
        _move_out_of_section,
        [
            (
                "steps/thank.yaml",
                "drafts.0.template",
                "'{{detail}}' is not inside the same sections as in en ({{#detail}} there).",
            )
        ],
    ),
    (
        "a line of guidance left out",
        lambda d: step(d, "thank")["guidance"].pop(),
        [("steps/thank.yaml", "guidance", "5 here, but 6 in en.")],
    ),
    (
        "a line said in another case",
        lambda d: step(d, "thank")["why"][1]["when"].update(equals="video"),
        [
            (
                "steps/thank.yaml",
                "why.1.when",
                "{prompt: messenger_channel, equals: video} here, "
                "but {prompt: messenger_channel, equals: in_person} in en.",
            )
        ],
    ),
    (
        "a due date moved",
        lambda d: step(d, "ask-why")["checklist"][0]["due_after"].update(days=3),
        [
            (
                "steps/ask-why.yaml",
                "checklist.0.due_after",
                "{prompt: feedback_asked, days: 3} here, "
                "but {prompt: feedback_asked, days: 2} in en.",
            )
        ],
    ),
    (
        "an item's condition left out",
        lambda d: step(d, "ask-why")["checklist"][0].update(when=None),
        [
            (
                "steps/ask-why.yaml",
                "checklist.0.when",
                "none here, but [{prompt: feedback_asked, equals: will_email}, "
                "{prompt: reasons, answered: false}] in en.",
            )
        ],
    ),
    (
        "the day to reapply from another item",
        lambda d: d["follow_up"].update(reapply=None),
        [("coach.yaml", "follow_up.reapply", "none here, but reapply-from in en.")],
    ),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_difference_is_found_and_said(
    english: Content, change: Callable[[Data], object], expected: list[tuple[str, str, str]]
) -> None:
    assert said(english, changed(english, change)) == expected


def test_differences_come_in_the_order_of_the_translation(english: Content) -> None:
    def two(data: Data) -> None:
        step(data, "re-engage")["guidance"].pop()
        step(data, "thank")["guidance"].pop()

    assert [d.file for d in likeness.differences(english, changed(english, two), "en")] == [
        "steps/thank.yaml",
        "steps/re-engage.yaml",
    ]


def test_placed_names_the_line_in_the_translations_file(tmp_path: Path, english: Content) -> None:
    import shutil

    copy = tmp_path / "es"
    shutil.copytree(REPO / "content" / "es", copy)
    file = copy / "steps" / "ask-why.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("not_one_of: [not_asking]", "not_one_of: [will_email]", 1))
    line = next(
        n for n, row in enumerate(text.splitlines(), 1) if "not_one_of: [not_asking]" in row
    )
    found = likeness.differences(english, reader.load(copy), "en")
    [(where, difference)] = likeness.placed(copy, found)
    assert where == f"{file}:{line}:5"
    assert difference.field == "prompts.1.when"
    file.unlink()  # gone since it was compared: the file is still named
    assert likeness.placed(copy, found) == [(str(file), difference)]

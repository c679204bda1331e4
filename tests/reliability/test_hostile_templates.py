"""Hostile templates: sections nested so that a draft multiplies past any letter.

A section repeats its body for each entry of a list, so nesting multiplies: a list section nested
8 deep in itself, with 10 fixes, was 10^8 bodies (over a minute, 750 MB). Now a section may not
sit inside a section of the same name, nor deeper than `templates.MAX_SECTION_DEPTH`, refused at
parse time (so `content validate` names the line), and no rendered text passes
`templates.MAX_OUTPUT` characters.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rebound.sentences import templates
from rebound.sentences.templates import MAX_OUTPUT, MAX_SECTION_DEPTH, TemplateError
from tests.conftest import Figures
from tests.depth import examples
from tests.helpers import Run

STEP = Path("steps") / "accomplishments.yaml"
ORIGINAL = "      {{#accomplishments}}\n"


def test_a_section_inside_itself_is_refused_with_its_line() -> None:
    with pytest.raises(TemplateError, match="inside a section of the same name") as caught:
        templates.parse("Hi\n{{#fixes}}\n- {{what}}\n{{#fixes}}again{{/fixes}}\n{{/fixes}}\n")
    assert caught.value.line == 4


def test_sections_deeper_than_the_limit_are_refused() -> None:
    names = ["a", "b", "c", "d", "e", "f"]
    ok = "".join("{{#" + n + "}}" for n in names[:MAX_SECTION_DEPTH])
    ok += "x" + "".join("{{/" + n + "}}" for n in reversed(names[:MAX_SECTION_DEPTH]))
    templates.parse(ok)
    deep = "".join("{{#" + n + "}}\n" for n in names) + "".join("{{/" + n + "}}\n" for n in names)
    with pytest.raises(TemplateError, match=f"more than {MAX_SECTION_DEPTH} deep") as caught:
        templates.parse(deep)
    assert caught.value.line == MAX_SECTION_DEPTH + 1


def test_content_validate_names_the_file_and_line(run: Run, content_copy: Path) -> None:
    """The hostile run's case: a list section nested 8 deep passed `content validate`."""
    step = content_copy / STEP
    text = step.read_text(encoding="utf-8")
    assert ORIGINAL in text
    closing = ORIGINAL.replace("#", "/")
    deep = text.replace(ORIGINAL, "      " + "{{#accomplishments}}" * 8 + "\n")
    step.write_text(deep.replace(closing, "      " + "{{/accomplishments}}" * 8 + "\n"), "utf-8")
    result = run(["content", "validate", str(content_copy)])
    assert result.exit_code == 2, result.output
    assert f"{step}:" in result.output.replace("\n", "")
    assert "inside a section of the same name" in result.output


def test_a_draft_that_grows_past_the_limit_is_cut_with_a_note() -> None:
    entries = [{"what": "x" * 40, "title": "y" * 40}] * 30
    context = {"fixes": entries, "contacts": entries, "events": entries, "accomplishments": entries}
    template = "{{#fixes}}{{#contacts}}{{#events}}{{#accomplishments}}{{what}} {{title}}\n"
    template += "{{/accomplishments}}{{/events}}{{/contacts}}{{/fixes}}"
    started = time.monotonic()
    text = templates.render(template, context)  # 30^4 bodies of 80 characters: 65 MB uncut
    assert time.monotonic() - started < 2
    assert len(text) <= MAX_OUTPUT + len(templates.CUT_NOTE)
    assert text.endswith(templates.CUT_NOTE)
    assert templates.render("{{#fixes}}{{what}}{{/fixes}}", {"fixes": entries[:2]}) == "x" * 80


NAMES = st.sampled_from(["fixes", "contacts", "company", "events", "role", "title", "what"])


@st.composite
def shapes(draw: st.DrawFn, depth: int = 0) -> str:
    """A template: text, variables and sections nested up to 9 deep, names often repeated."""
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["text", "var", "section"] if depth < 9 else ["text", "var"]))
        name = draw(NAMES)
        if kind == "text":
            parts.append(draw(st.sampled_from(["Hi ", "\n", "- ", " and "])))
        elif kind == "var":
            parts.append("{{" + name + "}}")
        else:
            inverted = draw(st.booleans())
            body = draw(shapes(depth + 1))
            parts.append(
                "{{" + ("^" if inverted else "#") + name + "}}" + body + "{{/" + name + "}}"
            )
    return "".join(parts)


@settings(
    derandomize=True,
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(template=shapes())
def test_no_template_shape_blows_up(template: str, figures: Figures) -> None:
    entry = {"what": "Practise joins", "title": "A win", "name": "Priya"}
    context = {
        "fixes": [entry] * 10,
        "contacts": [entry] * 10,
        "events": [entry] * 10,
        "company": "Globex",
        "role": "Data Engineer",
    }
    started = time.monotonic()
    try:
        nodes = templates.parse(template)
    except TemplateError:
        handled = True  # refused at parse time, with a line: `content validate` says where
    else:
        text = templates.render(nodes, context)
        handled = len(text) <= MAX_OUTPUT + len(templates.CUT_NOTE)
    handled = handled and time.monotonic() - started < 2
    figures.add("hostile: template shapes, refused or rendered within bounds", handled, 1)
    assert handled

"""A pack's `ui:` sentences (`catalogue.Ui`): checked, filled in, kept and cached as they always
were, now that `Ui` is a plain class (`sentences.phrasebook`) rather than a pydantic model of 500
fields.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from pydantic import ValidationError

from rebound.pack import packs
from rebound.pack.models import Content
from rebound.sentences.catalogue import Ui
from tests.unit.test_content import edit, load_error, spot

BACK_HINT = "  back_hint: Ctrl-B goes back one question.\n"
ENTER_FOR = '  enter_for: "(Enter for {{value}})"\n'


@pytest.mark.parametrize(
    ("old", "new", "at", "field", "message"),
    [
        pytest.param(
            BACK_HINT,
            BACK_HINT + "  bak_hint: Typo\n",
            "bak_hint",
            "ui.bak_hint",
            "is not a known field (check the spelling)",
            id="unknown-key",
        ),
        pytest.param(
            BACK_HINT,
            "  back_hint: [1, 2]\n",
            "back_hint: [1, 2]",
            "ui.back_hint",
            "Input should be a valid string",
            id="not-text",
        ),
        pytest.param(
            ENTER_FOR,
            '  enter_for: "(Enter for {{valu}})"\n',
            'enter_for: "(Enter for {{valu}})"',
            "ui.enter_for",
            "'{{valu}}' can't be filled in here",
            id="unknown-name",
        ),
    ],
)
def test_a_broken_ui_sentence_names_its_spot(
    content_copy: Path, old: str, new: str, at: str, field: str, message: str
) -> None:
    coach_file = content_copy / "coach.yaml"
    edit(coach_file, old, new)
    error = load_error(content_copy)
    assert error["path"] == str(coach_file)
    assert (int(error["line"]), int(error["col"])) == spot(coach_file, at)
    assert (error["field"], error["message"]) == (field, message)


def test_a_sentence_left_out_is_said_in_english_and_the_others_as_the_pack_says(
    content_copy: Path,
) -> None:
    coach_file = content_copy / "coach.yaml"
    edit(coach_file, BACK_HINT, "")
    edit(coach_file, ENTER_FOR, '  enter_for: "(Intro: {{value}})"\n')
    loaded = packs.load(content_copy)
    assert loaded.ui.back_hint == Ui.defaults()["back_hint"] == "Ctrl-B goes back one question."
    assert loaded.say("enter_for", value="today") == "(Intro: today)"
    assert loaded.ui.model_dump()["enter_for"] == "(Intro: {{value}})"
    assert list(loaded.ui.model_dump()) == list(Ui.defaults())


def test_the_sentences_are_frozen_and_survive_the_cache(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(content_copy / "coach.yaml", ENTER_FOR, '  enter_for: "(Intro: {{value}})"\n')
    fresh = packs.load(content_copy, cache=tmp_path / "cache")
    monkeypatch.setattr(packs, "_UNPICKLED", {})  # as another process reads it: unpickled
    cached = packs.load(content_copy, cache=tmp_path / "cache")
    assert cached is not fresh and cached == fresh and hash(cached.ui) == hash(fresh.ui)
    assert cached.ui.enter_for == "(Intro: {{value}})"
    assert cached.ui != Ui()
    with pytest.raises(AttributeError, match="frozen"):
        cached.ui.enter_for = "changed"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(cached.ui)) == cached.ui


def test_content_validates_its_ui_as_a_mapping_or_keeps_the_sentences_given(
    loaded: Content,
) -> None:
    data = {"opening": loaded.opening, "steps": loaded.steps}
    mapped = Content.model_validate({**data, "ui": {"tip": "Consejo:"}})
    assert (mapped.ui.tip, mapped.ui.back_hint) == ("Consejo:", Ui().back_hint)
    assert Content(**data, ui=mapped.ui).ui is mapped.ui
    assert Content(**data).ui == Ui()
    assert Content.model_validate(data).model_dump()["ui"] == Ui.defaults()
    with pytest.raises(ValidationError, match=r"ui\.bogus\n  Extra inputs are not permitted"):
        Content.model_validate({**data, "ui": {"bogus": "x"}})
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Ui(bogus="x")
    assert Ui(tip="Consejo:") == mapped.ui


@pytest.fixture(scope="module")
def loaded() -> Content:
    return packs.load(None)


def test_validating_sentences_that_are_already_sentences_keeps_them() -> None:
    """As a pydantic model takes an instance of itself (a second reader found this refused)."""
    spanish = Ui.model_validate({"back_hint": "Ctrl-B vuelve atrás."})
    assert Ui.model_validate(spanish) is spanish
    with pytest.raises(ValidationError):
        Ui.model_validate({"no_such_sentence": "x"})

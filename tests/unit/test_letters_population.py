"""Every outward draft made from thousands of answer sets, of the shapes people type
(tests/letter_shapes.py: lower case, whole sentences, titles with stops, plural roles, groups,
names with titles, each language's own), is read by the letter checker: none may hold a
sentence it would stop at, and none may start a paragraph without its words.

Seeded (the same answer sets on every run of the same depth): 200 per language every day (a
tenth, for the suite's two minutes), 2,000 in the deep run (tests/depth.py)."""

from __future__ import annotations

import random
import re
from datetime import datetime, timezone

import pytest

from rebound.letters import checker, compose
from rebound.pack import packs
from rebound.storage.records import Session
from tests.conftest import Figures
from tests.depth import examples
from tests.letter_shapes import answer_set

pytestmark = pytest.mark.reliability  # its figures, and the deep run of .ci/run, count it
NOW = datetime(2026, 11, 25, tzinfo=timezone.utc)
# A paragraph that starts with a space, a sentence joined to nothing: a part went missing.
_TORN = re.compile(r"(^|\n\n) |  |\s[.,;:](\s|$)")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_draft_made_from_any_answers_holds_a_slip(lang: str, figures: Figures) -> None:
    content = packs.load(packs.default_dir(lang))
    rng = random.Random(f"letters-{lang}")
    built, clean, slips = 0, 0, []
    sets = examples(2000, everyday=200)
    for _ in range(sets):
        answers = answer_set(rng, lang)
        session = Session(id="x", created_at=NOW, updated_at=NOW, answers=answers)
        for step in content.steps:
            for draft in step.drafts:
                if draft.send is None:
                    continue
                for made in compose.draft_texts(content, session, draft):
                    built += 1
                    lookup = dict(answers)
                    if draft.each is not None:
                        number = made.id.rsplit("-", 1)[1]
                        entries = answers.get(draft.each) or []
                        lookup.update(next(e for e in entries if e["_id"] == f"e{number}"))
                    found = checker.check(made, content.words.letters, lookup)
                    torn = _TORN.search(made.body)
                    if found or torn:
                        slips.append((made.id, [f.kind for f in found], made.body[:300]))
                    else:
                        clean += 1
    figures.add(f"letters ({lang}): drafts with nothing to stop at", clean, built)
    assert built > 3 * sets  # every set makes its thank-you, its feedback email and more
    assert not slips, slips[:5]

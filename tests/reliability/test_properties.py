"""Property tests: any answer text round-trips; any YAML loads or gives a clear error."""

from __future__ import annotations

import io
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.console import Console

from rebound import text as text_module
from rebound.coach import progress
from rebound.errors import ContentError
from rebound.pack import packs
from rebound.render import screens
from rebound.sentences import fitting, templates, tidy
from rebound.storage import store
from rebound.storage.records import Session
from tests.conftest import CONTENT
from tests.depth import examples

# Any text a person could type or paste, including control characters and surrogate-free Unicode.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
SCALAR = st.one_of(TEXT, st.booleans(), st.integers(-(10**9), 10**9), st.none())
ITEM = st.dictionaries(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), SCALAR, max_size=5)
ANSWER = st.one_of(SCALAR, st.lists(TEXT, max_size=5), st.lists(ITEM, min_size=1, max_size=4))
KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)
STAMP = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)
)

ERROR_FORM = re.compile(r"^.+?:\d+:\d+: \S.*: .+")


@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    answers=st.dictionaries(KEYS, ANSWER, max_size=8),
    drafts=st.dictionaries(KEYS, TEXT, max_size=3),
    when=STAMP,
)
def test_sessions_round_trip_through_the_store(
    answers: dict[str, object], drafts: dict[str, str], when: datetime, tmp_path: Path
) -> None:
    session = Session(id="2026-11-25-x", created_at=when, updated_at=when, drafts=drafts)
    session.answers.update(answers)  # type: ignore[arg-type]
    home = tmp_path / "home"
    shelf = store.Store(home)
    shelf.save(session)
    assert shelf.load(session.id) == session
    shutil.rmtree(home)


@settings(max_examples=examples(100), deadline=None)
@given(company=TEXT, detail=TEXT, weakness=TEXT)
@example(company="", detail="A", weakness="")  # no way of saying it reads well: left out
@example(company="", detail="Your notes on my case study were generous", weakness="")  # a sentence
@example(company="", detail="the coffee", weakness="")  # a phrase
@example(company="", detail="0\ue000", weakness="")  # a renderer's mark typed: made safe
def test_any_answer_text_is_shown_as_typed(company: str, detail: str, weakness: str) -> None:
    loaded = _content()
    now = datetime(2026, 11, 25, tzinfo=timezone.utc)
    session = Session(id="s", created_at=now, updated_at=now)
    session.answers.update(
        company=company or "x",
        role="r",
        messenger_name="Dana",
        thank_detail=detail or None,
        thanked_on_call=True,
        your_name="Alex",
        weakness=weakness or None,
    )
    [made] = progress.draft_texts(loaded, session, loaded.step("thank").drafts[0])
    text = made.text
    # Inside a sentence the detail reads as a phrase: one line, no final full stop, no 'for'
    # ('Thank you also for ...', or another of the part's ways of saying it). Where no way reads
    # well ('Thank you also for A.'), it is left out of the draft, and the draft says so: the
    # person's words never go out in a sentence nobody read.
    # Characters of the private use area are the renderer's own marks: a person's text is made
    # safe of them before it is used (`templates.unmarked`), so '0\ue000' is said as '0'.
    # A letter's filters tidy a person's words first ('i' -> 'I', 'abt' -> 'about'): so here.
    typed = tidy.tidied(templates.unmarked(detail), "en")
    fitted = fitting.phrase(typed) if typed else ""
    said = ""  # the words as the draft says them
    if fitted and made.notes:
        assert made.notes == ("detail",), (made.notes, text)
        assert "also for" not in text and "also grateful" not in text
    elif fitted:
        own = str(templates.filtered("sentence", typed))  # a sentence of its own
        said = fitted if f"also for {fitted}." in text or f"grateful for {fitted}." in text else own
        assert said and f" {said}" in text, text
    shown = text_module.clean(text)
    assert "\x1b" not in shown and "\x07" not in shown
    if said and not any((ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) < 0xA0 for c in said):
        assert said in shown
    # Where the answer itself is shown (`rebound show`), it is shown exactly as typed.
    out = Console(file=io.StringIO(), width=100_000, color_system=None, highlight=False)
    screens.answers(out, loaded, session)
    view = out.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b" not in view and "\x07" not in view
    if detail.strip() and not any(
        (ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) < 0xA0 for c in detail
    ):
        # Each of its lines sits 4 columns in; a tab is shown as a terminal shows one: spaces to
        # the next tab stop (every 8 columns, counted from the line's start).
        lines = detail.replace("\r\n", "\n").strip().split("\n")
        shown = "\n    ".join(("    " + line).expandtabs(8)[4:] for line in lines)
        assert shown in view, (shown, view)


_LOADED: list[object] = []


def _content() -> packs.Content:
    if not _LOADED:
        _LOADED.append(packs.load(CONTENT))
    loaded = _LOADED[0]
    assert isinstance(loaded, packs.Content)
    return loaded


def _check_load(folder: Path) -> None:
    try:
        packs.load(folder)
    except ContentError as exc:
        assert "\n" not in exc.message.strip(), exc.message
        assert ERROR_FORM.match(exc.message) or exc.message.startswith(str(folder)), exc.message


YAML_VALUE = st.recursive(
    st.one_of(TEXT, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=20,
)


@settings(
    max_examples=examples(120),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=YAML_VALUE)
def test_arbitrary_yaml_data_gives_a_load_or_a_clear_error(data: object, tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    if not folder.exists():
        shutil.copytree(CONTENT, folder)
    (folder / "steps" / "thank.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    _check_load(folder)


@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    cut=st.integers(0, 10_000),
    junk=TEXT,
    file=st.sampled_from(["coach.yaml", "steps/reflect.yaml"]),
)
def test_mangled_real_files_give_a_load_or_a_clear_error(
    cut: int, junk: str, file: str, tmp_path: Path
) -> None:
    folder = tmp_path / "pack"
    if not folder.exists():
        shutil.copytree(CONTENT, folder)
    original = (CONTENT / file).read_text(encoding="utf-8")
    at = cut % (len(original) + 1)
    (folder / file).write_text(original[:at] + junk + original[at:], encoding="utf-8")
    _check_load(folder)
    (folder / file).write_text(original, encoding="utf-8")


@settings(
    max_examples=examples(200),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(raw=st.binary(max_size=400) | TEXT.map(str.encode))
def test_arbitrary_session_bytes_parse_or_raise_value_error(raw: bytes) -> None:
    try:
        store.parse(raw)
    except ValueError as exc:
        assert str(exc)

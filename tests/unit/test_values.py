"""Turning typed text into checked answers: dates, kinds, defaults and the move-on nudge."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rebound.pack import typed
from rebound.pack.models import FieldDef

TODAY = date(2026, 11, 20)  # a Friday; fixed so that nothing depends on the clock

DATE_HELP = (
    "Please give a date like 2026-12-01, 'tomorrow', 'friday', 'next friday', 'in 2 weeks' or "
    "'+3d'."
)
TOO_FAR = "That's more than 10 years away; please give a nearer date."


def make(kind: str = "text", **extra: Any) -> FieldDef:
    return FieldDef(id="field", kind=kind, message="A question?", **extra)  # type: ignore[arg-type]


CHOICES = [
    {"value": "phone", "label": "A phone call"},
    {"value": "video", "label": "A video call"},
    {"value": "email", "label": "An email"},
]

# --- parse_date -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "days"),
    [
        ("today", 0),
        ("now", 0),
        ("TODAY", 0),
        ("  Tomorrow ", 1),
        ("tomorrow", 1),
        ("yesterday", -1),
        ("next week", 7),
        ("Next Week", 7),
        ("+3d", 3),
        ("+0d", 0),
        ("+3", 3),
        ("+14d", 14),
        ("+10 days", 10),
        ("+1 day", 1),
        ("+2w", 14),
        ("+1wk", 7),
        ("+3 weeks", 21),
        ("3d", 3),
        ("1 week", 7),
        ("in 5 days", 5),
        ("in 1 day", 1),
        ("in 3", 3),
        ("in 2 weeks", 14),
        ("IN 2 WEEKS", 14),
        ("+3650d", 3650),
        ("-3d", -3),
        ("-1", -1),
        ("-2w", -14),
        ("3 days ago", -3),
        ("1 day ago", -1),
        ("2 weeks ago", -14),
        ("2w ago", -14),
    ],
)
def test_parse_date_words_and_offsets(raw: str, days: int) -> None:
    assert typed.parse_date(raw, TODAY) == TODAY + timedelta(days=days)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        (" 2026-12-01 ", date(2026, 12, 1)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2017-01-01", date(2017, 1, 1)),
    ],
)
def test_parse_date_iso(raw: str, expected: date) -> None:
    assert typed.parse_date(raw, TODAY) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "soon",
        "next blursday",
        "3",
        "3 ago",
        "in 3 days ago",
        "-3 days ago",
        "+3x",
        "in5days",
        "+12345d",
        "2026-13-01",
        "2026-02-30",
        "2025-02-29",
        "01/12/2026",
        "12 Dec 2026",
        "tomorrow!",
        "2026-12-01T10:00",
    ],
)
def test_parse_date_rejects_junk_with_a_helpful_message(raw: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(DATE_HELP)}$") as info:
        typed.parse_date(raw, TODAY)
    # the message is for a person: no chained "Invalid isoformat string" traceback behind it
    assert info.value.__cause__ is None
    assert info.value.__suppress_context__


@given(st.text(max_size=30))
def test_parse_date_raises_nothing_but_value_error(raw: str) -> None:
    try:
        result: date | str = typed.parse_date(raw, TODAY)
    except ValueError as exc:
        result = str(exc)
    assert isinstance(result, date) or result in (DATE_HELP, TOO_FAR)


@given(st.dates(min_value=date(2016, 11, 20), max_value=date(2036, 11, 20)))
def test_parse_date_reads_back_any_iso_date(day: date) -> None:
    assert typed.parse_date(day.isoformat(), TODAY) == day


@pytest.mark.parametrize("raw", ["9999-12-31", "0001-01-01", "1999-01-01", "+9999w", "+3700d"])
def test_dates_further_than_ten_years_are_refused(raw: str) -> None:
    with pytest.raises(ValueError, match="more than 10 years away"):
        typed.parse_date(raw, TODAY)


@given(st.integers(min_value=0, max_value=500), st.sampled_from(["d", "w"]))
def test_parse_date_offsets_add_days_or_weeks(count: int, unit: str) -> None:
    days = count * (7 if unit == "w" else 1)
    assert typed.parse_date(f"+{count}{unit}", TODAY) == TODAY + timedelta(days=days)
    assert typed.parse_date(f"in {count} {unit}", TODAY) == TODAY + timedelta(days=days)


# --- check: text ------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["", "   ", "\t\n", None])
def test_required_text_refuses_blank(raw: str | None) -> None:
    with pytest.raises(ValueError, match="needed to go on"):
        typed.check(make(required=True), raw, TODAY)


@pytest.mark.parametrize("raw", ["", "   ", None])
def test_optional_blank_becomes_none(raw: str | None) -> None:
    assert typed.check(make(), raw, TODAY) is None


def test_text_is_kept() -> None:
    assert typed.check(make(required=True), "Globex", TODAY) == "Globex"
    assert typed.check(make(), "{{your_name}}", TODAY) == "{{your_name}}"


# --- check: email -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("dana@example.com", "dana@example.com"),
        ("  dana.smith+jobs@mail.example.co.uk ", "dana.smith+jobs@mail.example.co.uk"),
        # Pasted from a mail program, name and all: the address is what is kept.
        ("Dana Smith <dana@example.com>", "dana@example.com"),
        ("<dana@example.com>", "dana@example.com"),
    ],
)
def test_email_accepts_addresses_and_trims_them(raw: str, expected: str) -> None:
    assert typed.check(make("email"), raw, TODAY) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "dana",
        "dana@",
        "@example.com",
        "dana@example",
        "dana smith@example.com",
        "a@b@c.com",
        # Characters that would break the To: line the address is written into.
        "a>b@x.io",
        "dana@example.com>",
        "dana,lee@example.com",
        "dana;x@example.com",
        'da"na@example.com',
        "Dana <dana@example.com> <x@y.io>",
    ],
)
def test_email_refuses_what_is_not_an_address(raw: str) -> None:
    with pytest.raises(ValueError, match=r"name@example\.com"):
        typed.check(make("email"), raw, TODAY)


def test_optional_email_may_be_skipped() -> None:
    assert typed.check(make("email"), "", TODAY) is None


def test_required_email_may_not_be_skipped() -> None:
    with pytest.raises(ValueError, match="needed"):
        typed.check(make("email", required=True), " ", TODAY)


# --- check: number ----------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [("1", 1), ("3", 3), (" 7 ", 7), ("50", 50)])
def test_number_within_bounds(raw: str, expected: int) -> None:
    result = typed.check(make("number", minimum=1, maximum=50), raw, TODAY)
    assert result == expected
    assert type(result) is int


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("0", "Please give a number of at least 1."),
        ("-4", "Please give a number of at least 1."),
        ("51", "Please give a number of at most 50."),
        ("three", "Please give a whole number."),
        ("3.5", "Please give a whole number."),
        ("1e3", "Please give a whole number."),
    ],
)
def test_number_out_of_bounds_or_not_a_number(raw: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        typed.check(make("number", minimum=1, maximum=50), raw, TODAY)


def test_number_without_bounds_takes_any_whole_number() -> None:
    assert typed.check(make("number"), "-12", TODAY) == -12
    assert typed.check(make("number"), "", TODAY) is None


@given(st.integers(min_value=-1000, max_value=1000))
def test_number_bounds_are_inclusive(number: int) -> None:
    field = make("number", minimum=1, maximum=50)
    if 1 <= number <= 50:
        assert typed.check(field, str(number), TODAY) == number
    else:
        with pytest.raises(ValueError, match="Please give a number of at"):
            typed.check(field, str(number), TODAY)


# --- check: date ------------------------------------------------------------------------


def test_date_answers_are_stored_as_iso_text() -> None:
    assert typed.check(make("date"), "+3d", TODAY) == "2026-11-23"
    assert typed.check(make("date"), "2026-12-01", TODAY) == "2026-12-01"
    assert typed.check(make("date"), "", TODAY) is None


def test_date_answers_that_are_not_dates_are_refused() -> None:
    with pytest.raises(ValueError, match="Please give a date"):
        typed.check(make("date"), "whenever", TODAY)


# --- check: select, checkbox, confirm -----------------------------------------------------


def test_select_takes_one_of_the_choices() -> None:
    assert typed.check(make("select", choices=CHOICES), "video", TODAY) == "video"


def test_select_refuses_anything_else() -> None:
    with pytest.raises(ValueError, match=r"^'fax' is not one of the choices\.$"):
        typed.check(make("select", choices=CHOICES), "fax", TODAY)


def test_select_blank() -> None:
    assert typed.check(make("select", choices=CHOICES), "", TODAY) is None
    with pytest.raises(ValueError, match="needed"):
        typed.check(make("select", choices=CHOICES, required=True), None, TODAY)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (["email", "phone"], ["email", "phone"]),
        (["video"], ["video"]),
        ("video", ["video"]),
        ([], []),
        (None, []),
    ],
)
def test_checkbox_takes_choices_in_the_order_given(
    raw: str | list[str] | None, expected: list[str]
) -> None:
    assert typed.check(make("checkbox", choices=CHOICES), raw, TODAY) == expected


def test_checkbox_refuses_an_unknown_choice() -> None:
    with pytest.raises(ValueError, match=r"^'pigeon' is not one of the choices\.$"):
        typed.check(make("checkbox", choices=CHOICES), ["phone", "pigeon"], TODAY)


@pytest.mark.parametrize("raw", [[], None])
def test_required_checkbox_needs_one(raw: list[str] | None) -> None:
    with pytest.raises(ValueError, match=r"Please pick at least one\."):
        typed.check(make("checkbox", choices=CHOICES, required=True), raw, TODAY)


def test_a_bool_for_a_checkbox_counts_as_nothing_picked() -> None:
    assert typed.check(make("checkbox", choices=CHOICES), True, TODAY) == []
    with pytest.raises(ValueError, match=r"Please pick at least one\."):
        typed.check(make("checkbox", choices=CHOICES, required=True), True, TODAY)


@pytest.mark.parametrize("raw", [True, False])
def test_confirm_takes_yes_or_no(raw: bool) -> None:
    assert typed.check(make("confirm"), raw, TODAY) is raw


@pytest.mark.parametrize("raw", ["yes", "", None, ["yes"]])
def test_confirm_refuses_anything_but_a_bool(raw: str | list[str] | None) -> None:
    with pytest.raises(ValueError, match=r"Please answer yes or no\."):
        typed.check(make("confirm"), raw, TODAY)


# --- default_text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        (make(), ""),
        (make(default="Globex"), "Globex"),
        (make("number", default=3), "3"),
        (make("select", choices=CHOICES, default="phone"), "phone"),
        (make("confirm", default=True), ""),
        (make("confirm", default=False), ""),
        (make("checkbox", choices=CHOICES, default=["phone"]), ""),
        (make("date", default="today"), "2026-11-20"),
        (make("date", default="+14d"), "2026-12-04"),
        (make("date", default="+3d"), "2026-11-23"),
        (make("date", default="2027-01-05"), "2027-01-05"),
    ],
    ids=lambda v: repr(v) if isinstance(v, str) else None,
)
def test_default_text(field: FieldDef, expected: str) -> None:
    assert typed.default_text(field, TODAY) == expected


# --- nudge ------------------------------------------------------------------------------

NUDGED = make("date", nudge={"after_days": 7, "message": "That's more than a week away."})


@pytest.mark.parametrize(
    ("days", "nudged"),
    [(-3, False), (0, False), (3, False), (7, False), (8, True), (90, True)],
)
def test_nudge_only_past_the_limit(days: int, nudged: bool) -> None:
    value = (TODAY + timedelta(days=days)).isoformat()
    expected = "That's more than a week away." if nudged else None
    assert typed.nudge(NUDGED, value, TODAY) == expected


def test_no_nudge_without_a_nudge_or_without_a_date() -> None:
    far = (TODAY + timedelta(days=100)).isoformat()
    assert typed.nudge(make("date"), far, TODAY) is None
    assert typed.nudge(NUDGED, None, TODAY) is None


def test_nudge_limit_zero_nudges_anything_after_today() -> None:
    field = make("date", nudge={"after_days": 0, "message": "Today is best."})
    assert typed.nudge(field, TODAY.isoformat(), TODAY) is None
    assert typed.nudge(field, "2026-11-21", TODAY) == "Today is best."


# --- in the pack's language -------------------------------------------------------------------


@pytest.fixture(scope="module")
def spanish() -> Any:
    from rebound.pack import packs

    return packs.load(packs.content_dir(None, lang="es"))


@pytest.mark.parametrize(
    ("raw", "days"),
    [
        ("hoy", 0),
        ("mañana", 1),
        ("manana", 1),
        ("Pasado  Mañana", 2),
        ("ayer", -1),
        ("la semana que viene", 7),
        ("+2s", 14),
        ("en 3 días", 3),
        ("hace 3 días", -3),
        ("hace 1 semana", -7),
        ("2 semanas", 14),
        ("tomorrow", 1),  # the English words work in every pack
    ],
)
def test_spanish_date_words(spanish: Any, raw: str, days: int) -> None:
    assert typed.parse_date(raw, TODAY, spanish) == TODAY + timedelta(days=days)


def test_a_packs_date_words_belong_to_that_pack(spanish: Any) -> None:
    assert typed.parse_date("mañana", TODAY, spanish) == TODAY + timedelta(days=1)
    with pytest.raises(ValueError, match=re.escape(DATE_HELP)):
        typed.parse_date("mañana", TODAY)


@pytest.mark.parametrize(
    ("field", "raw", "message"),
    [
        (make("text", required=True), "", "Esta respuesta hace falta para seguir"),
        (make("email"), "no", "Eso no parece una dirección de correo"),
        (make("date"), "luego", "Escribe una fecha como 2026-12-01, «mañana», «el viernes»"),
        (make("date"), "2099-01-01", "Eso queda a más de 10 años"),
        (make("number"), "tres", "Escribe un número entero"),
        (make("number", minimum=1, maximum=5), "0", "de al menos 1."),
        (make("number", minimum=1, maximum=5), "9", "que no pase de 5."),
        (make("select", choices=CHOICES), "fax", "«fax» no es una de las opciones."),
        (make("checkbox", choices=CHOICES), ["fax"], "«fax» no es una de las opciones."),
        (make("checkbox", choices=CHOICES, required=True), [], "Elige al menos una"),
        (make("confirm"), "si", "Responde sí o no"),
    ],
)
def test_messages_under_a_prompt_speak_the_packs_language(
    spanish: Any, field: FieldDef, raw: Any, message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        typed.check(field, raw, TODAY, spanish)


def test_the_english_pack_says_what_the_built_in_defaults_say() -> None:
    """Without a pack (answers files, `brag` prompts), the words are the English pack's."""
    from rebound.pack import packs
    from rebound.sentences.catalogue import Ui

    english = packs.load(packs.content_dir(None, lang="en"))
    for key, default in Ui.defaults().items():
        assert english.ui.model_dump()[key] == default, key
    assert typed.ENGLISH.say("at_least", number=3) == english.say("at_least", number=3)


def test_date_words_must_be_lower_case_and_near(content_copy: Any) -> None:
    from rebound.errors import ContentError
    from rebound.pack import packs

    coach = content_copy / "coach.yaml"
    text = coach.read_text(encoding="utf-8")
    coach.write_text(
        text.replace('  "no": "no"\n', '  "no": "no"\n  dates:\n    Demain: 1\n'), encoding="utf-8"
    )
    with pytest.raises(ContentError, match=r"coach.yaml:\d+:\d+: words.dates.*lower case"):
        packs.load(content_copy)
    coach.write_text(
        text.replace('  "no": "no"\n', '  "no": "no"\n  dates:\n    someday: 999\n'),
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="at most a year"):
        packs.load(content_copy)


def test_a_packs_date_words_may_be_its_defaults(content_copy: Any) -> None:
    from rebound.pack import packs

    coach = content_copy / "coach.yaml"
    text = coach.read_text(encoding="utf-8")
    text = text.replace('  "no": "no"\n', '  "no": "no"\n  dates:\n    the day after: 1\n')
    coach.write_text(text, encoding="utf-8")
    step = content_copy / "steps" / "reflect.yaml"
    reflect = step.read_text(encoding="utf-8")
    assert "default: +3d" in reflect
    step.write_text(reflect.replace("default: +3d", "default: the day after"), encoding="utf-8")
    loaded = packs.load(content_copy)
    move_on = next(p for p in loaded.step("reflect").prompts if p.id == "move_on_date")
    assert typed.default_text(move_on, TODAY, loaded) == (TODAY + timedelta(days=1)).isoformat()


# --- relative dates, in the pack's words (issue 22, item 19) ---------------------------------

# TODAY is a Friday: 'friday' is today, 'next friday' a week on, 'wednesday' the coming one.
RELATIVE = {
    "en": [
        ("friday", 0),
        ("this friday", 0),
        ("Fri", 0),
        ("next friday", 7),
        ("next wednesday", 5),
        ("wednesday", 5),
        ("on monday", 3),
        ("last friday", -7),
        ("last monday", -4),
        ("in two weeks", 14),
        ("in a week", 7),
        ("a week ago", -7),
        ("two days from now", 2),
        ("next month", 30),  # 2026-11-20 -> 2026-12-20
        ("in 3 months", 92),  # -> 2027-02-20
        ("last week", -7),
    ],
    "es": [
        ("el viernes", 0),
        ("el próximo viernes", 7),
        ("el proximo viernes", 7),
        ("el viernes que viene", 7),
        ("el miércoles", 5),
        ("miercoles", 5),
        ("el viernes pasado", -7),
        ("en dos semanas", 14),
        ("dentro de 2 semanas", 14),
        ("dentro de un mes", 30),
        ("el mes que viene", 30),
        ("hace una semana", -7),
        ("next friday", 7),  # English works in every pack
    ],
}


@pytest.mark.parametrize(
    ("lang", "raw", "days"),
    [(lang, raw, days) for lang, cases in RELATIVE.items() for raw, days in cases],
)
def test_relative_dates_in_each_packs_words(lang: str, raw: str, days: int) -> None:
    from rebound.pack import packs

    pack = packs.load(packs.content_dir(lang=lang))
    assert typed.parse_date(raw, TODAY, pack) == TODAY + timedelta(days=days)


def test_a_month_on_from_the_31st_is_the_end_of_the_next_month() -> None:
    assert typed.parse_date("next month", date(2027, 1, 31)) == date(2027, 2, 28)
    assert typed.parse_date("1 month ago", date(2024, 3, 31)) == date(2024, 2, 29)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_refused_date_says_forms_that_are_accepted(lang: str) -> None:
    """The message under the prompt names the forms: each of them is one that works."""
    from rebound.pack import packs

    pack = packs.load(packs.content_dir(lang=lang))
    with pytest.raises(ValueError, match="2026-12-01") as refused:
        typed.parse_date("someday", TODAY, pack)
    examples = re.findall(r"[«']([^»']+)[»']", str(refused.value))
    assert len(examples) >= 4, refused.value
    for example in examples:
        typed.parse_date(example, TODAY, pack)  # raises if the message names a refused form
    contacts = re.findall(r"[«']([^»']+)[»']", pack.say("contacts_bad_date", value="x"))[1:]
    for example in contacts:
        assert typed.parse_date(example, TODAY, pack) <= TODAY

"""The small template language of drafts and checklist labels: rendering, errors, safety."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rebound.pack import packs
from rebound.sentences import grammar, templates
from rebound.sentences.templates import TemplateError, names, parse, render
from tests import shipped

# --- variables and how values read in a sentence ------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Globex", "Globex"),
        ("", ""),
        (None, ""),
        (True, "yes"),
        (False, "no"),
        (3, "3"),
        (0, "0"),
        ([], ""),
        (["a"], "a"),
        (["a", "b"], "a and b"),
        (["a", "b", "c"], "a, b and c"),
        (["a", "b", "c", "d"], "a, b, c and d"),
        ([{"title": "x"}, {"title": "y"}], "2"),
    ],
    ids=repr,
)
def test_a_variable_reads_as_text(value: object, expected: str) -> None:
    assert render("[{{v}}]", {"v": value}) == f"[{expected}]"


def test_a_missing_name_renders_empty() -> None:
    assert render("Hi {{nobody}}!", {}) == "Hi !"


def test_text_around_tags_is_kept_exactly() -> None:
    template = "To: {{name}} <{{email}}>\n\n  Subject: {{role}}  \n"
    context = {"name": "Dana", "email": "dana@example.com", "role": "Data Engineer"}
    assert (
        render(template, context) == "To: Dana <dana@example.com>\n\n  Subject: Data Engineer  \n"
    )


def test_spaces_inside_a_tag_are_allowed() -> None:
    assert render("{{ name }}|{{ name | lower }}", {"name": "ADA"}) == "ADA|ada"


def test_a_template_without_tags_is_returned_unchanged() -> None:
    text = "Thank you { for } everything.\n"
    assert render(text, {}) == text


def test_render_accepts_a_parsed_template() -> None:
    nodes = parse("{{#l}}{{n}},{{/l}} {{x|lower}}")
    context = {"l": [{"n": "1"}, {"n": "2"}], "x": "Q"}
    assert render(nodes, context) == render("{{#l}}{{n}},{{/l}} {{x|lower}}", context) == "1,2, q"


# --- filters ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Dana Smith", "Dana"),
        ("  Grace   Brewster Hopper ", "Grace"),
        ("Cher", "Cher"),
        ("", ""),
        ("   ", "   "),
        (None, ""),
    ],
)
def test_first_name(value: object, expected: str) -> None:
    assert render("{{who|first_name}}", {"who": value}) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Dr. Sam Okafor", "Sam"),  # a title is not a first name
        ("María José Pérez", "María José"),  # a two-word first name stays whole
        ("Mary Ann Smith", "Mary Ann"),
        ("Jean-Luc Picard", "Jean-Luc"),
        ("Sra. Gómez", "Sra. Gómez"),  # no first name given: the polite form
        ("田中 太郎", "田中 太郎"),  # family name first: the first word is not the given name
        ("李华", "李华"),
    ],
)
def test_first_name_knows_titles_and_two_word_names(value: str, expected: str) -> None:
    assert render("{{who|first_name}}", {"who": value}) == expected


# Names as people type them -> how a letter addresses them, and whether that is sure.
ADDRESSES = [
    ("Dr. Kim Park", "Dr. Park", True),
    ("dr kim park", "Dr Park", True),  # typed in lower case: capitals added
    ("Kim Park", "Kim", True),
    ("Dana", "Dana", True),
    ("dana smith", "Dana", True),
    ("María José Pérez", "María José", True),
    ("Mary Ann Smith", "Mary Ann", True),
    ("Luz Marina Cardona", "Luz Marina", True),  # a blind reader: 'her name is Luz Marina'
    ("Andrés Felipe Restrepo", "Andrés Felipe", True),
    ("Jean-Luc Picard", "Jean-Luc", True),
    ("Ana de la Cruz", "Ana", True),
    ("Dr. Ana de la Cruz", "Dr. de la Cruz", True),
    ("Dra. María José Pérez", "Dra. Pérez", True),
    ("Ms Lee", "Ms Lee", True),
    ("Mx. Jordan Lee", "Mx. Lee", True),
    ("Don Pedro Rivas", "Don", False),  # in English, Don is a first name (tests below)
    ("Don Johnson", "Don", True),
    ("Rev. Samuel Ortiz", "Rev. Ortiz", True),  # a title of any calling, not only Dr.
    ("Fr. Kelly", "Fr. Kelly", True),
    ("Rabbi Miriam Cohen", "Rabbi Cohen", True),
    ("Sir/Madam", "Sir/Madam", True),  # nobody's name: greeted formally (below)
    ("Gabriel García Márquez", "Gabriel", False),  # or a two-word first name?
    # A middle initial tells nothing of how to greet them (a sixteenth-panel set was asked).
    ("Jonathan R. Whitfield", "Jonathan", True),
    ("Mary J Blige", "Mary", True),
    ("Dr. Jonathan R. Whitfield", "Dr. Whitfield", True),
    ("Ana M. Pérez López", "Ana", False),  # as 'Ana Pérez López'
    ("J. Smith", "J. Smith", False),  # an initial first: no first name to greet
    ("J. R. Smith", "J. R. Smith", False),
    ("Prof. Ada Byron King", "Prof. King", False),  # a middle name, or two surnames?
    ("Mary Ann", "Mary Ann", False),
    ("Dr.", "Dr.", False),
    ("the recruiting team", "the recruiting team", False),
    ("talent@globex.example", "talent@globex.example", False),
    ("", "", False),
    # Written family name first: the first word is the family name, so the whole name is
    # offered and the person is asked.
    ("李华", "李华", False),
    ("李 华", "李 华", False),
    ("田中 太郎", "田中 太郎", False),
    ("たなか たろう", "たなか たろう", False),
    ("김민준", "김민준", False),
    ("김  민준", "김 민준", False),
    ("Dr. 田中 太郎", "Dr. 田中 太郎", False),
]


@pytest.mark.parametrize(("name", "expected", "sure"), ADDRESSES)
def test_address_and_whether_it_is_sure(name: str, expected: str, sure: bool) -> None:
    assert render("{{who|address}}", {"who": name}) == expected
    assert templates.filtered("address_sure", name) is sure


@pytest.mark.parametrize("name", ["李华", "田中 太郎", "김민준", "Dra. 李 华"])
def test_a_name_written_family_name_first_is_asked_in_spanish_too(name: str) -> None:
    spanish = templates.Vocabulary(grammar="es")
    assert render("{{who|address}}", {"who": name}, spanish) == name
    assert grammar.address(name, "es") == grammar.Address(name, False)


@pytest.mark.parametrize(
    ("name", "family_first"),
    [
        *[("李华", True), ("タナカ", True), ("ｶﾀｶﾅ", True), ("김민준", True), ("ㄅㄆ", True)],
        *[("Kim Park", False), ("Zoë Ørsted", False), ("Мария Иванова", False), ("", False)],
    ],
)
def test_family_name_first_is_told_by_the_script(name: str, family_first: bool) -> None:
    assert grammar.family_name_first(name) is family_first


@pytest.mark.parametrize(
    ("name", "english", "spanish"),
    [
        ("Don Pedro Rivas", "Don", "Don Pedro"),  # 'don' is a title only in Spanish
        ("Don Johnson", "Don", "Don Johnson"),
    ],
)
def test_don_is_a_title_only_in_spanish(name: str, english: str, spanish: str) -> None:
    assert grammar.address(name, "en").text == english
    assert grammar.address(name, "es").text == spanish
    assert grammar.titled(name, "en") is False
    assert grammar.titled(name, "es") is True
    assert grammar.titled("doña Lucía Ruiz", "en") is True  # nobody in English is called Doña


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Rev. Samuel Ortiz", "Dear Rev. Ortiz,"),
        ("Sir/Madam", "Dear Sir/Madam,"),
        ("Sir or Madam", "Dear Sir or Madam,"),
        ("Don Johnson", "Hi Don,"),
        ("Sir Anthony Lowell", "Dear Sir Anthony,"),
        ("Lil Mike", "Hi Lil Mike,"),  # the name he goes by, whole
        ("Big Jim Walsh", "Hi Big Jim,"),
    ],
)
def test_a_title_of_any_kind_is_greeted_formally_and_a_first_name_warmly(
    name: str, expected: str
) -> None:
    assert render("{{who|salutation}}", {"who": name}, ENGLISH_PACK) == expected


@pytest.mark.parametrize(
    ("typed", "written"),
    [("Jordi Vidal i Ferrer", "Jordi Vidal i Ferrer"), ("ana silva e souza", "Ana Silva e Souza")],
)
def test_the_word_that_joins_two_surnames_keeps_its_small_letter(typed: str, written: str) -> None:
    assert grammar.name(typed) == written


def test_sir_or_madam_is_greeted_formally_in_spanish_too() -> None:
    assert render("{{who|salutation}}", {"who": "Sir/Madam"}, SPANISH) == "Buenos días, Sir/Madam:"


def test_two_surnames_are_guessed_the_spanish_way_in_spanish() -> None:
    spanish = templates.Vocabulary(grammar="es")
    assert render("{{who|address}}", {"who": "Dra. Ana Pérez López"}, spanish) == "Dra. Pérez"
    assert render("{{who|address}}", {"who": "Dra. Ana Pérez López"}) == "Dra. López"


# The built-in packs' words: the filters fit a person's words with the pack's job nouns,
# articles and role words.
SPANISH = shipped.pack(packs.default_dir("es")).template_words
ENGLISH_PACK = shipped.pack(packs.default_dir("en")).template_words


@pytest.mark.parametrize(
    ("address", "english", "spanish"),
    [
        ("Dr. Park", "Dear Dr. Park,", "Estimado Dr. Park:"),
        ("Dra. Pérez", "Dear Dra. Pérez,", "Estimada Dra. Pérez:"),
        ("Ing. Ríos", "Dear Ing. Ríos,", "Buenos días, Ing. Ríos:"),
        ("Kim", "Hi Kim,", "Hola, Kim:"),
        ("María José", "Hi María José,", "Hola, María José:"),
        ("", "", ""),
    ],
)
def test_greeting_by_title_or_first_name(address: str, english: str, spanish: str) -> None:
    assert render("{{who|greeting}}", {"who": address}) == english
    assert render("{{who|greeting}}", {"who": address}, SPANISH) == spanish


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("walking me through the panel's thinking", "walking me through the panel's thinking"),
        ("Walking me through it.", "walking me through it"),
        ("The detailed feedback.", "the detailed feedback"),
        ("for the kind words", "the kind words"),
        ("Thank you for the call!", "the call"),
        ("Peter's honest notes", "Peter's honest notes"),  # a name keeps its capital
        ("Explicarme cómo lo vio el panel", "explicarme cómo lo vio el panel"),
        ("por las palabras amables", "las palabras amables"),
    ],
)
def test_phrase_fits_an_answer_after_the_words_that_introduce_it(
    answer: str, expected: str
) -> None:
    assert render("{{x|phrase}}", {"x": answer}) == expected


@pytest.mark.parametrize(
    ("answer", "english"),
    [
        (
            "senior backend or platform lead roles in fintech",
            "senior backend or platform lead roles in fintech",
        ),
        ("senior backend engineer", "a senior backend engineer role"),
        ("engineering manager", "an engineering manager role"),
        ("staff engineer role", "a staff engineer role"),
        ("engineering lead position", "an engineering lead position"),
        ("a data engineer on a platform team", "a role as a data engineer on a platform team"),
        ("an SRE", "a role as an SRE"),
        ("UX designer", "a UX designer role"),
        ("UX", "my next role in UX"),
        ("Data Analysts", "Data Analyst roles"),
        ("an product Lead", "a role as a product Lead"),
        ("the head of platform job", "the head of platform job"),
        ("consulting work", "consulting work"),
    ],
)
def test_role_is_always_something_one_can_look_for(answer: str, english: str) -> None:
    said = render("I'm looking for {{x|role}}.", {"x": answer}, ENGLISH_PACK)
    assert said == f"I'm looking for {english}."


@pytest.mark.parametrize(
    ("answer", "spanish"),
    [
        ("puestos de backend sénior en fintech", "puestos de backend sénior en fintech"),
        ("ingeniera backend sénior", "un puesto de ingeniera backend sénior"),
        ("un directora de producto", "un puesto de directora de producto"),
        ("analistas de datos", "puestos de analista de datos"),
        ("puesto de diseño de producto", "un puesto de diseño de producto"),
        ("posición de liderazgo técnico", "una posición de liderazgo técnico"),
        ("un puesto en remoto", "un puesto en remoto"),
        ("una ingeniera de datos", "un puesto de ingeniera de datos"),
    ],
)
def test_role_in_spanish(answer: str, spanish: str) -> None:
    assert render("Busco {{x|role}}.", {"x": answer}, SPANISH) == f"Busco {spanish}."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (["a", "b", "c"], "3"),
        ([{"title": "x"}, {"title": "y"}], "2"),
        ([], "0"),
        (None, "0"),
        ("not a list", "0"),
    ],
)
def test_count(value: object, expected: str) -> None:
    assert render("{{items|count}}", {"items": value}) == expected


def test_lower() -> None:
    assert render("{{company|lower}}", {"company": "ACME Corp"}) == "acme corp"
    assert render("{{flag|lower}}", {"flag": True}) == "yes"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "none shared yet"),
        ("", "none shared yet"),
        ("   ", "none shared yet"),
        ([], "none shared yet"),
        ("too senior", "too senior"),
        (["a", "b"], "a and b"),
        (False, "no"),
        (0, "0"),
    ],
    ids=repr,
)
def test_or_gives_a_fallback_for_blank_answers(value: object, expected: str) -> None:
    assert render('{{reasons|or "none shared yet"}}', {"reasons": value}) == expected


def test_or_fallback_may_be_empty_and_is_never_rendered_itself() -> None:
    assert render('[{{x|or ""}}]', {}) == "[]"
    assert render('{{x|or "{{y}}"}}', {"y": "secret"}) == "{{y}}"


# --- sections ---------------------------------------------------------------------------


def test_a_section_repeats_for_each_entry_of_a_list_of_dicts() -> None:
    template = "{{#fixes}}- {{what}} (by {{due}})\n{{/fixes}}"
    context = {
        "fixes": [{"what": "practise", "due": "2026-12-01"}, {"what": "read", "due": "soon"}]
    }
    assert render(template, context) == "- practise (by 2026-12-01)\n- read (by soon)\n"


def test_entry_fields_shadow_outer_names_and_outer_names_stay_visible() -> None:
    template = "{{#contacts}}{{name}} at {{company}}; {{/contacts}}then {{name}}"
    context = {
        "name": "Alex",
        "company": "Globex",
        "contacts": [{"name": "Bo"}, {"name": "Cy", "company": "Initech"}],
    }
    assert render(template, context) == "Bo at Globex; Cy at Initech; then Alex"


def test_an_entry_field_that_is_none_still_shadows_the_outer_name() -> None:
    context = {"due": "outer", "fixes": [{"what": "x", "due": None}]}
    assert render("{{#fixes}}[{{due}}]{{/fixes}}", context) == "[]"


def test_a_nested_section_inside_a_list_section_reads_the_entry() -> None:
    template = "{{#l}}{{title}}{{#number}} ({{number}}){{/number}};{{/l}}"
    context = {"l": [{"title": "a", "number": "40%"}, {"title": "b", "number": None}]}
    assert render(template, context) == "a (40%);b;"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (True, True),
        (False, False),
        (None, False),
        ("", False),
        ("text", True),
        (3, True),
        ([], False),
        (["a", "b"], True),
        ([{"x": "1"}], True),
    ],
    ids=repr,
)
def test_section_and_inverted_section(value: object, shown: bool) -> None:
    template = "{{#v}}shown{{/v}}{{^v}}hidden{{/v}}"
    assert render(template, {"v": value}) == ("shown" if shown else "hidden")


def test_a_missing_name_counts_as_empty_for_sections() -> None:
    assert render("{{#v}}a{{/v}}{{^v}}b{{/v}}", {}) == "b"


def test_a_list_of_strings_shows_a_section_once_not_per_entry() -> None:
    assert render("{{#areas}}Areas: {{areas}}.{{/areas}}", {"areas": ["x", "y"]}) == (
        "Areas: x and y."
    )


def test_a_scalar_section_keeps_the_outer_scope() -> None:
    assert render("{{#email}}<{{email}}>{{/email}}", {"email": "a@b.c"}) == "<a@b.c>"


def test_an_empty_list_of_dicts_renders_nothing() -> None:
    assert render("{{#l}}x{{/l}}", {"l": []}) == ""


# --- standalone section lines -------------------------------------------------------------


STANDALONE = "Hello\n{{#s}}\nmiddle\n{{/s}}\n{{^s}}\nnothing\n{{/s}}\nbye\n"


def test_standalone_section_lines_disappear_with_their_newline() -> None:
    assert render(STANDALONE, {"s": True}) == "Hello\nmiddle\nbye\n"
    assert render(STANDALONE, {"s": False}) == "Hello\nnothing\nbye\n"


def test_indented_standalone_tags_disappear_too() -> None:
    template = "What I'll fix:\n  {{#fixes}}\n  - {{what}}\n\t{{/fixes}}\nEnd\n"
    context = {"fixes": [{"what": "a"}, {"what": "b"}]}
    assert render(template, context) == "What I'll fix:\n  - a\n  - b\nEnd\n"


def test_a_tag_sharing_its_line_with_text_keeps_the_newline() -> None:
    template = "a {{#s}}b{{/s}}\nc\n"
    assert render(template, {"s": True}) == "a b\nc\n"
    assert render(template, {"s": False}) == "a \nc\n"


def test_a_variable_alone_on_its_line_is_not_standalone() -> None:
    assert render("a\n{{x}}\nb", {"x": ""}) == "a\n\nb"


def test_the_real_thank_you_template_keeps_its_blank_lines() -> None:
    from datetime import datetime, timezone

    from rebound.letters import compose
    from rebound.storage.records import Session

    pack = packs.load()
    thank = pack.step("thank").drafts[0]
    answers = {
        "messenger_name": "Dana",
        "messenger_channel": "phone",
        "role": "Data Engineer",
        "company": "Globex",
        "stage": "interviews",
        "reasons_heard": "not_yet",
        "feedback_in_thanks": "separate",
        "your_name": "Alex",
    }
    moment = datetime(2026, 11, 25, tzinfo=timezone.utc)

    def text(**more: object) -> str:
        session = Session(id="s", created_at=moment, updated_at=moment, answers={**answers, **more})
        [made] = compose.draft_texts(pack, session, thank)
        return made.body

    plain = text()
    assert plain.startswith(
        "Hi Dana,\n\nThank you for calling to let me know the decision on the Data"
    )
    assert "Thank you also for" not in plain
    assert "\n\n\n" not in plain
    assert plain.endswith("Best wishes,\nAlex\n")
    assert "at Globex. Thank you also for the notes.\n" in text(thank_detail="For the notes.")
    heard = text(reasons_heard="given")
    assert "\n\nI also appreciated your being open with me about the reasons" in heard
    assert "\n\n\n" not in heard


# --- parse errors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "line", "words"),
    [
        ("one\ntwo\n{{#open}} never closed", 3, "never closed"),
        ("{{#a}}\n{{#b}}\n{{/b}}", 1, "'{{#a}}' is never closed"),
        ("one\n{{/stray}}", 2, "closes nothing"),
        ("{{#a}}x{{/b}}{{/a}}", 1, "'{{/b}}' closes nothing"),
        ("{{#a}}{{#b}}x{{/a}}{{/b}}", 1, "closes nothing"),
        ("a\nb\nc {{name|upper}}", 3, "unknown filter 'upper'"),
        ("{{name|or}}", 1, "needs a quoted fallback"),
        ("one\n{{name", 2, "malformed"),
        ("one\ntwo}} three", 2, "malformed"),
        ("{{Name}}", 1, "malformed"),
        ("{{}}", 1, "malformed"),
        ("{{ }}", 1, "malformed"),
        ("{{#}}", 1, "malformed"),
        ("{{1abc}}", 1, "malformed"),
        ("{{name|}}", 1, "malformed"),
        ("{{name|Lower}}", 1, "malformed"),
        ('{{name|or "unterminated}}', 1, "malformed"),
        ("{{a b}}", 1, "malformed"),
        ("ok {{a}}\nnot ok {{a-b}}\n", 2, "malformed"),
    ],
)
def test_parse_errors_name_the_line(template: str, line: int, words: str) -> None:
    with pytest.raises(TemplateError) as info:
        parse(template)
    assert info.value.line == line
    assert words in str(info.value)


def test_a_template_error_is_a_value_error_and_render_raises_it_too() -> None:
    with pytest.raises(ValueError, match="unknown filter"):
        render("{{x|shout}}", {"x": "hi"})


def test_unknown_filter_message_lists_the_known_ones() -> None:
    with pytest.raises(TemplateError) as info:
        parse("{{x|shout}}")
    assert "first_name, count, lower, or" in str(info.value)


@pytest.mark.parametrize(
    ("template", "line"),
    [
        ("{{#a}}\nx\n{{/a}}\n{{bad|nope}}", 4),
        ("{{#a}}\n{{b}}\n{{/a}}\n{{/c}}", 4),
        ("{{#a}}\nx\n{{/a}}\n{{#open}}\n", 4),
        ("{{#a}}\nx\n{{/a}}\ny }}\n", 4),
    ],
)
def test_error_lines_after_standalone_tags_count_the_removed_lines(
    template: str, line: int
) -> None:
    with pytest.raises(TemplateError) as info:
        parse(template)
    assert info.value.line == line


def test_malformed_tag_error_names_the_first_bad_line() -> None:
    with pytest.raises(TemplateError) as info:
        parse("Hi }}\nsecond line\n{{Name}}")
    assert info.value.line == 1


def test_or_without_fallback_names_the_line_the_tag_starts_on() -> None:
    with pytest.raises(TemplateError) as info:
        parse("{{name|or\n}}")
    assert info.value.line == 1


# --- safety: no attributes, no calls, no re-rendering -------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "{{company.__class__}}",
        "{{ company() }}",
        "{{company()}}",
        "{{company[0]}}",
        "{{company.upper}}",
        "{{__class__}}",
        "{{company|lower()}}",
        "{{#company.items}}x{{/company.items}}",
        "{{company|first_name.__globals__}}",
        "{{ company + role }}",
        "{{'a' * 9}}",
    ],
)
def test_a_template_cannot_reach_attributes_or_call_anything(template: str) -> None:
    with pytest.raises(TemplateError):
        render(template, {"company": "Globex", "role": "x"})


def test_user_text_that_looks_like_a_tag_is_not_rendered() -> None:
    context = {
        "company": "{{your_name}} {{#x}}",
        "your_name": "SECRET",
        "areas": ["{{your_name}}", "b"],
        "fixes": [{"what": "{{company.__class__}}"}],
    }
    out = render("{{company}}|{{areas}}|{{#fixes}}{{what}}{{/fixes}}", context)
    assert out == "{{your_name}} {{#x}}|{{your_name}} and b|{{company.__class__}}"


def test_objects_in_the_context_are_only_turned_into_text() -> None:
    class Sneaky:
        secret = "attribute"

        def __str__(self) -> str:
            return "plain"

    assert render("{{thing}}", {"thing": Sneaky()}) == "plain"


# --- names ------------------------------------------------------------------------------


def test_names_reports_each_name_with_its_enclosing_sections() -> None:
    nodes = parse('{{a}}{{#b}}{{c|lower}}{{^d}}{{e}}{{/d}}{{/b}}{{f|or "x"}}')
    assert list(names(nodes)) == [
        ("a", ()),
        ("b", ()),
        ("c", ("b",)),
        ("d", ("b",)),
        ("e", ("b", "d")),
        ("f", ()),
    ]


def test_names_of_the_real_reflection_template() -> None:
    reflection = packs.load().step("reflect").drafts[0].template
    found = set(names(parse(reflection)))
    assert found == {
        ("went_well", ()),
        ("fixes", ()),
        ("what", ("fixes",)),
        ("due", ("fixes",)),
        ("due", ("fixes", "due")),
        ("company", ()),
        ("move_on_date", ()),
    }


def test_names_of_plain_text_is_empty() -> None:
    assert list(names(parse("no tags here"))) == []


# --- properties -------------------------------------------------------------------------

_TEXT = st.text(max_size=40)
_ENTRY = st.dictionaries(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), _TEXT, max_size=4)
_VALUE = st.one_of(
    _TEXT,
    st.none(),
    st.booleans(),
    st.integers(),
    st.lists(_TEXT, max_size=4),
    st.lists(_ENTRY, max_size=3),
)


@given(name=_TEXT, company=_TEXT)
def test_text_values_appear_literally(name: str, company: str) -> None:
    out = render("Dear {{name}}, about {{ company }}:\n", {"name": name, "company": company})
    assert out == f"Dear {name}, about {company}:\n"


@given(entries=st.lists(_TEXT, max_size=5))
def test_entry_text_appears_literally_in_each_repeat(entries: list[str]) -> None:
    out = render("{{#l}}<{{t}}>{{/l}}", {"l": [{"t": t} for t in entries]})
    assert out == "".join(f"<{t}>" for t in entries)


def _real_templates() -> list[str]:
    loaded = shipped.pack(packs.content_dir())
    found: list[str] = []

    def texts(lines: object) -> list[str]:
        if isinstance(lines, str):
            return [lines]
        return [line if isinstance(line, str) else line.text for line in lines or ()]  # type: ignore[attr-defined]

    for step in loaded.steps:
        for d in step.drafts:
            found += [d.template, *texts(d.to), *texts(d.subject)]
            for lines in d.parts.values():
                found += texts(lines)
        for item in step.checklist:
            found += [*texts(item.label), *texts(item.next)]
    return found


REAL_TEMPLATES = _real_templates()
REAL_NAMES = sorted({n for t in REAL_TEMPLATES for n, _ in names(parse(t))})


@given(
    template=st.sampled_from(REAL_TEMPLATES),
    context=st.fixed_dictionaries({}, optional=dict.fromkeys(REAL_NAMES, _VALUE)),
)
def test_real_templates_render_for_any_answers(
    template: str, context: Mapping[str, object]
) -> None:
    assert isinstance(render(template, context), str)


@given(
    st.text(
        alphabet=st.sampled_from(list('{}#^/|" \n\tabxor_fistnamecoulw1.()')),
        max_size=60,
    )
    | st.text(max_size=60)
)
def test_parse_either_succeeds_or_raises_template_error_with_a_real_line(text: str) -> None:
    try:
        nodes = parse(text)
    except TemplateError as exc:
        line = exc.line
    else:
        render(nodes, {})
        return
    assert 1 <= line <= text.count("\n") + 1


@given(st.text(max_size=80).filter(lambda t: "{{" not in t and "}}" not in t))
def test_text_without_braces_renders_as_itself(text: str) -> None:
    assert render(text, {}) == text


def test_is_empty() -> None:
    for value in (None, False, "", [], ()):
        assert templates.is_empty(value)
    for value in (True, "x", 0, ["a"], [{}]):
        assert not templates.is_empty(value)


def test_de_el_is_contracted_only_for_an_article_the_letter_gave() -> None:
    es = SPANISH
    assert render("de {{c|organisation}}", {"c": "Hospital Sur"}, es) == "del Hospital Sur"
    assert render("a {{c|organisation}}", {"c": "Banco Sur"}, es, marks=["c"]).startswith("al ")
    # 'El' typed as part of a name stays ('de El Salvador'); 'de él' is a pronoun.
    assert render("de {{c}}", {"c": "El Salvador"}, es) == "de El Salvador"
    assert render("de él y de {{c}}", {"c": "ella"}, es) == "de él y de ella"
    # English has no such contraction, and a name of its own takes no article.
    assert render("at {{c|organisation}}", {"c": "Bank of Leeds"}, ENGLISH_PACK) == (
        "at the Bank of Leeds"
    )
    assert render("at {{c|organisation}}", {"c": "Bankwise"}, ENGLISH_PACK) == "at Bankwise"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Stonebridge Builders Ltd.", "the work at Stonebridge Builders Ltd."),
        ("Acme Inc.", "the work at Acme Inc."),
        ("Acme", "the work at Acme."),
    ],
)
def test_a_value_that_ends_with_a_dot_ends_the_sentence_with_one(value: str, expected: str) -> None:
    assert render("the work at {{c}}.", {"c": value}) == expected
    marked = render("the work at {{c}}.", {"c": value}, marks=["c"])
    assert templates.unmarked(marked) == expected

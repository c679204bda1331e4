"""rebound.text: lone surrogates become real text; everything else is left as it is."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rebound.text import REPLACEMENT, scrub, scrub_tree


def test_an_escaped_byte_reads_as_latin1() -> None:
    assert scrub(b"caf\xe9".decode("utf-8", "surrogateescape")) == "café"
    assert scrub("\udcff\udc80") == "ÿ\x80"


def test_any_other_lone_surrogate_is_a_replacement_character() -> None:
    assert scrub("a\ud800b\udfff") == f"a{REPLACEMENT}b{REPLACEMENT}"
    assert scrub("\udc7f") == REPLACEMENT  # an escaped byte below 0x80 never comes from decoding


def test_a_pair_built_by_hand_is_joined_not_replaced() -> None:
    assert scrub("\ud83d\ude00") == "😀"


def test_text_without_surrogates_is_the_same_object() -> None:
    text = "Globex · été 😀"
    assert scrub(text) is text


def test_trees_are_scrubbed_keys_and_all() -> None:
    tree = {"\udce9": ["\udcff", 3, None, {"k": ("\ud800",)}], "ok": True}
    assert scrub_tree(tree) == {"é": ["ÿ", 3, None, {"k": (REPLACEMENT,)}], "ok": True}


@settings(derandomize=True, max_examples=300)
@given(st.text(st.characters(blacklist_categories=()), max_size=20))
def test_the_result_always_encodes_as_utf8(text: str) -> None:
    scrub(text).encode("utf-8")

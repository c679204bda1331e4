"""JSON that holds a key twice, split into the two versions of the file it holds
(rebound.storage.twice): harmless when the values agree, two versions where a merge reads
entries, refused (naming the key) anywhere a value would be lost."""

from __future__ import annotations

import json

import pytest

from rebound.storage.twice import Twice, any_twice, check


def versions(raw: str) -> tuple[object, object]:
    with pytest.raises(Twice) as found:
        check(raw.encode())
    return json.loads(found.value.first), json.loads(found.value.last)


def refused(raw: str) -> str:
    with pytest.raises(ValueError, match="is in it more than once") as found:
        check(raw.encode())
    assert not isinstance(found.value, Twice)
    return str(found.value)


def test_a_file_without_a_key_twice_passes() -> None:
    raw = b'{"a": {"b": 1, "c": [{"b": 2}, {"b": 3}]}, "b": {"b": 4}}'
    assert not any_twice(raw)
    check(raw)


def test_a_key_twice_with_the_same_value_is_harmless_in_any_order() -> None:
    raw = '{"people": {"sam": {"name": "Sam", "n": 1}, "sam": {"n": 1, "name": "Sam"}}}'
    assert any_twice(raw.encode())
    check(raw.encode())


def test_a_person_twice_is_two_versions_of_the_file() -> None:
    raw = '{"v": 1, "people": {"dana": {"n": 0}, "sam": {"n": 1}, "sam": {"n": 2}}}'
    first, last = versions(raw)
    assert first == {"v": 1, "people": {"dana": {"n": 0}, "sam": {"n": 1}}}
    assert last == {"v": 1, "people": {"dana": {"n": 0}, "sam": {"n": 2}}}


def test_keys_twice_in_several_places_give_one_first_and_one_last_version() -> None:
    raw = '{"a": {"k": 1, "k": 2}, "b": {"k": "x", "j": 0, "k": "y"}, "c": 3, "c": 4}'
    first, last = versions(raw)
    assert first == {"a": {"k": 1}, "b": {"k": "x", "j": 0}, "c": 3}
    assert last == {"a": {"k": 2}, "b": {"k": "y", "j": 0}, "c": 4}


def test_the_message_names_the_first_key_twice() -> None:
    with pytest.raises(Twice) as found:
        check(b'{"people": {"sam": 1, "sam": 2}}')
    assert found.value.where == "people.sam"
    assert "'people.sam' is in it more than once" in str(found.value)


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        ('{"people": {"sam": {"name": "Sam", "name": "Samuel"}}}', "people.sam.name"),
        ('{"items": [{"title": "A", "title": "B"}]}', "items[0].title"),
        ('{"a": {"b": {"c": 1, "c": 2}}}', "a.b.c"),
    ],
)
def test_a_key_twice_deeper_than_a_merge_reads_is_refused(raw: str, where: str) -> None:
    assert f"'{where}' is in it more than once" in refused(raw)


def test_three_values_or_one_between_two_same_are_refused() -> None:
    """Two versions keep the first and the last value: any other would be lost."""
    assert "'a.k'" in refused('{"a": {"k": 1, "k": 2, "k": 3}}')
    assert "'a.k'" in refused('{"a": {"k": 1, "k": 2, "k": 1}}')
    first, last = versions('{"a": {"k": 1, "k": 1, "k": 2}}')
    assert (first, last) == ({"a": {"k": 1}}, {"a": {"k": 2}})


def test_a_key_twice_inside_a_value_held_twice_is_refused() -> None:
    """The versions take one whole value each: what is twice inside the other would be lost."""
    raw = '{"people": {"sam": {"n": 1}, "sam": {"n": 2}}, "people": {"dana": {"n": 3}}}'
    assert "'people'" in refused(raw)


def test_what_json_cannot_read_is_left_to_whoever_reads_the_file() -> None:
    check(b'{"a": 1, "a": ')
    check(b"\xff\xfe not json")


def test_a_file_holding_two_sessions_is_not_merged_into_one() -> None:
    """An id held twice is two sessions, not two versions of one: never merged."""
    from datetime import datetime, timezone

    from rebound.storage.conflicts import whole
    from rebound.storage.merging import merge_sessions
    from rebound.storage.migrations import dump, parse
    from rebound.storage.records import Session

    moment = datetime(2026, 12, 6, 9, 0, tzinfo=timezone.utc)
    raw = dump(Session(id="2026-12-06-acme", created_at=moment, updated_at=moment))
    raw = raw.replace(b'  "id": "2026-12-06-acme",', b'  "id": "2026-12-06-acme",\n  "id": "x",')
    with pytest.raises(ValueError, match="'id' is in it more than once"):
        whole(parse, merge_sessions, raw)

"""The record of session files found to hold no key twice (rebound.storage.checked): a listing
checks only the files whose bytes it has not checked before, and never trusts a record over
the bytes."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest

from rebound.storage import twice
from rebound.storage.paths import CHECKED
from rebound.storage.records import Session
from rebound.storage.store import Store

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)


def sessions(store: Store, count: int) -> list[str]:
    ids = [f"2026-11-{n + 1:02d}-acme" for n in range(count)]
    for session_id in ids:
        session = Session(id=session_id, created_at=NOW, updated_at=NOW)
        session.answers["company"] = "Acme"
        session.answered_at["company"] = NOW
        store.save(session)
    return ids


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The files checked for a key twice, as they are checked."""
    seen: list[bytes] = []
    real: Callable[[bytes], None] = twice.check

    def counted(raw: bytes) -> None:
        seen.append(raw)
        real(raw)

    monkeypatch.setattr(twice, "check", counted)
    return seen


def test_a_listing_checks_only_the_files_it_has_not_checked_before(
    rebound_state: Path, checks: list[bytes]
) -> None:
    store = Store()
    ids = sessions(store, 3)
    assert len(Store().load_all()) == 3 and len(checks) == 3
    record = json.loads((rebound_state / CHECKED).read_text())
    assert len(record["sha256"]) == 3
    checks.clear()
    assert len(Store().load_all()) == 3 and checks == []  # nothing changed: nothing checked
    again = Session(id=ids[1], created_at=NOW, updated_at=NOW)
    again.answers["company"] = "Acme Corp"
    store.save(again)
    Store().load_all()
    assert len(checks) == 1 and b"Acme Corp" in checks[0]
    store.delete(ids[0])
    Store().load_all()
    assert len(json.loads((rebound_state / CHECKED).read_text())["sha256"]) == 2


def test_a_file_changed_since_it_was_checked_is_checked_again(
    rebound_home: Path, rebound_state: Path
) -> None:
    """Bytes checked before say nothing of other bytes: a key twice that git merged into a
    file listed a moment ago is found, and both versions merged."""
    store = Store()
    [session_id] = sessions(store, 1)
    store.load_all()
    path = rebound_home / "sessions" / f"{session_id}.json"
    text = path.read_text().replace('"company": "Acme"', '"company": "Acme", "company": "Globex"')
    path.write_text(text)
    [read] = Store().load_all()
    kept = {read.answers["company"], *(a.value for a in read.also["company"])}
    assert kept == {"Acme", "Globex"}
    assert not twice.any_twice(path.read_bytes())
    assert len(list((rebound_home / "merged").iterdir())) == 1


@pytest.mark.parametrize(
    "record",
    [b"", b"not json", b'{"version": 99, "sha256": []}', b'{"version": 1}', b"[1, 2]"],
)
def test_a_record_that_cannot_be_used_means_every_file_is_checked(
    rebound_state: Path, checks: list[bytes], record: bytes
) -> None:
    store = Store()
    sessions(store, 2)
    store.ensure_state()
    (rebound_state / CHECKED).write_bytes(record)
    assert len(Store().load_all()) == 2 and len(checks) == 2
    assert len(json.loads((rebound_state / CHECKED).read_text())["sha256"]) == 2


def test_a_record_that_cannot_be_written_is_no_loss(
    rebound_state: Path, checks: list[bytes]
) -> None:
    store = Store()
    sessions(store, 2)
    store.ensure_state()
    (rebound_state / CHECKED).mkdir()  # a folder in its place: never written, never read
    assert len(Store().load_all()) == 2 and len(Store().load_all()) == 2
    assert len(checks) == 4

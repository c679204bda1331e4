"""The store: where files go, atomic saves, round trips, permissions, broken files, locks."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timezone
from pathlib import Path

import pytest

from rebound.errors import DataError, NoSessionError, SessionBusyError, UsageError
from rebound.storage import store as store_module
from rebound.storage.records import SCHEMA_VERSION, OpenList, Session
from rebound.storage.store import Store, atomic_write, data_home, parse
from tests.helpers import invoke

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sessions"


def make(session_id: str = "2026-11-25-globex", **answers: object) -> Session:
    s = Session(id=session_id, created_at=NOW, updated_at=NOW)
    s.answers.update(answers)  # type: ignore[arg-type]
    return s


def test_data_home_follows_rebound_home(rebound_home: Path) -> None:
    assert data_home() == rebound_home


def test_data_home_default_is_platform_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("REBOUND_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_home() == tmp_path / "xdg" / "rebound"


def test_round_trip_and_permissions(rebound_home: Path) -> None:
    st = Store()
    s = make(company="Globex", areas=["communication"], thanked_on_call=True, weekly_target=3)
    s.answers["fixes"] = [{"what": "Practise", "due": "2026-12-09"}]
    s.open_lists["contacts"] = OpenList(items=[{"name": "Priya"}], current={"name": "Marco"})
    st.save(s)
    path = rebound_home / "sessions" / "2026-11-25-globex.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((rebound_home / "sessions").stat().st_mode) == 0o700
    loaded = st.load("2026-11-25-globex")
    assert loaded == s
    assert loaded.answers["thanked_on_call"] is True
    assert loaded.answers["weekly_target"] == 3
    assert json.loads(path.read_text())["schema_version"] == SCHEMA_VERSION


def test_save_leaves_no_temp_files(rebound_home: Path) -> None:
    st = Store()
    for n in range(5):
        st.save(make(company=f"v{n}"))
    assert sorted(p.name for p in (rebound_home / "sessions").iterdir()) == [
        "2026-11-25-globex.json"
    ]
    assert st.load("2026-11-25-globex").answers["company"] == "v4"


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "f.json"
    target.write_bytes(b"old")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module.os, "fsync", full_disk)
    with pytest.raises(DataError, match="the disk is full"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_ids_newest_first_and_prefix(rebound_home: Path) -> None:
    st = Store()
    for n, sid in enumerate(["2026-11-20-acme", "2026-11-25-globex", "2026-11-25-initech"]):
        st.save(make(sid))
        os.utime(st.path(sid), ns=(n * 10**9, n * 10**9))
    assert st.ids() == ["2026-11-25-initech", "2026-11-25-globex", "2026-11-20-acme"]
    assert st.resolve("2026-11-20") == "2026-11-20-acme"
    assert st.resolve("2026-11-25-globex") == "2026-11-25-globex"
    with pytest.raises(NoSessionError, match="fits 2 sessions"):
        st.resolve("2026-11-25")
    with pytest.raises(NoSessionError, match="no session 'zzz'"):
        st.resolve("zzz")


def test_pick_chooses_the_asked_or_the_latest_open_session(rebound_home: Path) -> None:
    st = Store()
    assert st.pick(None) is None
    for n, sid in enumerate(["2026-11-20-acme", "2026-11-25-globex"]):
        session = make(sid)
        session.finished_at = NOW if sid.endswith("globex") else None
        st.save(session)
        os.utime(st.path(sid), ns=(n * 10**9, n * 10**9))
    assert st.pick("2026-11-20").id == "2026-11-20-acme"  # type: ignore[union-attr]
    assert st.pick(None).id == "2026-11-25-globex"  # type: ignore[union-attr]
    assert st.pick(None, unfinished=True).id == "2026-11-20-acme"  # type: ignore[union-attr]
    st.path("2026-11-20-acme").write_text("{broken")  # moved aside: the finished one is left
    assert st.pick(None, unfinished=True).id == "2026-11-25-globex"  # type: ignore[union-attr]
    with pytest.raises(UsageError):
        st.pick("")


def test_brag_session_ids_are_read_without_touching_a_broken_list(rebound_home: Path) -> None:
    st = Store()
    assert st.brag_session_ids() == set()
    rebound_home.mkdir(parents=True, exist_ok=True)
    st.brag_path.write_text(
        '{"items": [{"source": "2026-11-20-acme#e2"}, {"source": null}, 3],'
        ' "removed": ["2026-11-01-gone#e1"]}'
    )
    assert st.brag_session_ids() == {"2026-11-20-acme", "2026-11-01-gone"}
    st.brag_path.write_text("{broken")
    assert st.brag_session_ids() == set()
    assert st.brag_path.read_text() == "{broken"  # only a look: left where it is


def test_ids_on_an_empty_home() -> None:
    assert Store().ids() == []


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b'{"schema_version": 1, "id": "x", "created', "not valid JSON"),
        (b"[1, 2]", "does not hold a session"),
        (b'{"id": "x"}', "no schema_version"),
        (b'{"schema_version": 99, "id": "x"}', "newer rebound"),
        (
            b'{"schema_version": 1, "id": "x", "created_at": "yesterday", '
            b'"updated_at": "2026-11-25T09:00:00Z"}',
            "created_at",
        ),
    ],
)
def test_broken_files_are_moved_aside(rebound_home: Path, raw: bytes, reason: str) -> None:
    st = Store()
    st.save(make("2026-11-25-good", company="Good"))
    (rebound_home / "sessions" / "2026-11-25-bad.json").write_bytes(raw)
    with pytest.raises(NoSessionError) as err:
        st.load("2026-11-25-bad")
    assert reason in str(err.value)
    assert "your other sessions are fine" in str(err.value)
    backups = list((rebound_home / "broken").iterdir())
    assert len(backups) == 1 and backups[0].name.startswith("2026-11-25-bad.")
    assert backups[0].read_bytes() == raw  # kept byte for byte
    assert not (rebound_home / "sessions" / "2026-11-25-bad.json").exists()
    assert [s.id for s in st.load_all()] == ["2026-11-25-good"]


def test_load_all_reports_what_it_moved(rebound_home: Path) -> None:
    st = Store()
    st.save(make("2026-11-25-good"))
    (rebound_home / "sessions" / "2026-11-24-bad.json").write_text("{")
    assert [s.id for s in st.load_all()] == ["2026-11-25-good"]
    assert [m.session_id for m in st.moved] == ["2026-11-24-bad"]


def test_version_1_files_are_migrated(rebound_home: Path) -> None:
    raw = (FIXTURES / "v1-finished.json").read_bytes()
    old = json.loads(raw)
    session = parse(raw)
    assert session.schema_version == SCHEMA_VERSION
    # Every entry of a list answer numbered in order; everything else as it was.
    assert session.answers == {
        key: [{**e, "_id": f"e{n}"} for n, e in enumerate(value, 1)]
        if isinstance(value, list) and value and isinstance(value[0], dict)
        else value
        for key, value in old["answers"].items()
    }
    assert session.last_entry == {"fixes": 2, "accomplishments": 1, "contacts": 2, "events": 1}
    assert session.drafts == old["drafts"]
    assert set(session.answered_at) == set(old["answers"])
    assert {t.isoformat() for t in session.answered_at.values()} == {
        "2026-11-25T16:55:22.433953+00:00"
    }
    # In place: the store reads it, and the next save writes the current version.
    st = Store()
    st.sessions.mkdir(parents=True)
    st.path(old["id"]).write_bytes(raw)
    loaded = st.load(old["id"])
    assert loaded.finished_at is not None
    st.save(loaded)
    assert json.loads(st.path(old["id"]).read_text())["schema_version"] == SCHEMA_VERSION


def test_version_3_entries_get_ids_in_order_and_ticks_stay_with_them(rebound_home: Path) -> None:
    from rebound.coach import brag_list, progress
    from rebound.pack import packs

    raw = (FIXTURES / "v3-revisiting.json").read_bytes()
    old = json.loads(raw)
    session = parse(raw)
    assert session.schema_version == SCHEMA_VERSION
    fixes = session.answers["fixes"]
    assert isinstance(fixes, list)
    assert [(e["_id"], e["what"]) for e in fixes if isinstance(e, dict)] == [
        ("e1", "Practise Spark joins weekly"),
        ("e2", "Tell impact stories with numbers"),
    ]
    # A list being revisited: its finished entries numbered; the one being typed gets its id
    # from the coach at its next answer.
    open_list = session.open_lists["accomplishments"]
    assert [e["_id"] for e in open_list.items] == ["e1", "e2"]
    assert open_list.current == {"title": "Ran the on-call rota"}
    assert session.last_entry == {"fixes": 2, "contacts": 2, "events": 1, "accomplishments": 2}
    assert session.previous == {} and session.ticked == {
        k: datetime.fromisoformat(v) for k, v in old["ticked"].items()
    }
    # What named the entry at position N names the entry with id eN: the same ticks, the same
    # brag sources.
    loaded = packs.load()
    items = {e.id: e for e in progress.checklist(loaded, session)}
    assert items["fix-2"].done and items["fix-2"].label == "Fix: Tell impact stories with numbers"
    assert items["contact-1"].done and "Priya Patel" in items["contact-1"].label
    assert [entry for entry, _ in brag_list.entries(session)] == ["e1", "e2"]
    # Going on: the entry being typed is finished with the next id.
    # The questions added since (an internal move; how far they got; a door left open; did
    # they say why; one email or two) are asked first: this session had not heard why, and kept
    # two emails.
    added = progress.next_position(loaded, session)
    assert added is not None and added.prompt.id == "internal"
    progress.apply(loaded, session, added, False, NOW)
    added = progress.next_position(loaded, session)
    assert added is not None and added.prompt.id == "stage"
    progress.apply(loaded, session, added, "interviews", NOW)
    added = progress.next_position(loaded, session)
    assert added is not None and added.prompt.id == "door"
    progress.apply(loaded, session, added, "none", NOW)
    added = progress.next_position(loaded, session)
    assert added is not None and added.prompt.id == "reasons_heard"
    progress.apply(loaded, session, added, "not_yet", NOW)
    added = progress.next_position(loaded, session)
    assert added is not None and added.prompt.id == "feedback_in_thanks"
    progress.apply(loaded, session, added, "separate", NOW)
    pos = progress.next_position(loaded, session)
    assert pos is not None and pos.field is not None and pos.field.id == "story"
    progress.apply(loaded, session, pos, False, NOW)
    number = progress.next_position(loaded, session)
    assert number is not None and number.field is not None and number.field.id == "number"
    progress.apply(loaded, session, number, None, NOW)
    assert [e["_id"] for e in session.open_lists["accomplishments"].items] == ["e1", "e2", "e3"]
    # The store reads it in place and the next save writes version 4, ids included.
    st = Store()
    st.sessions.mkdir(parents=True)
    st.path(old["id"]).write_bytes(raw)
    st.save(st.load(old["id"]))
    saved = json.loads(st.path(old["id"]).read_text())
    assert saved["schema_version"] == SCHEMA_VERSION == 4
    assert [e["_id"] for e in saved["answers"]["contacts"]] == ["e1", "e2"]
    assert parse(st.path(old["id"]).read_bytes()) == st.load(old["id"])


def test_migrations_cover_every_older_version() -> None:
    assert sorted(store_module.MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_lock_refuses_a_second_holder(rebound_home: Path) -> None:
    st, other = Store(), Store()
    with st.lock("2026-11-25-globex"):
        with (
            pytest.raises(SessionBusyError, match="open in another rebound window"),
            other.lock("2026-11-25-globex"),
        ):
            pass
        with other.lock("2026-11-25-other"):
            pass
    with other.lock("2026-11-25-globex"):
        pass


def test_unusable_home_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REBOUND_HOME", str(blocker))
    with pytest.raises(DataError, match="cannot be used"):
        Store().save(make())
    assert blocker.read_text() == "not a folder"


def test_stale_temp_files_are_cleaned(rebound_home: Path) -> None:
    st = Store()
    st.save(make())
    stale = rebound_home / "sessions" / ".2026-11-25-globex.json.abc.tmp"
    fresh = rebound_home / "sessions" / ".2026-11-25-globex.json.def.tmp"
    stale.write_text("half")
    fresh.write_text("half")
    os.utime(stale, (1, 1))
    assert st.ids() == ["2026-11-25-globex"]
    assert not stale.exists()
    assert fresh.exists()  # may belong to a save in progress in another process


def test_brag_list_round_trip_and_broken_file(rebound_home: Path) -> None:
    from rebound.storage.records import Accomplishment, BragList

    st = Store()
    assert st.load_brag() == BragList()
    brag = BragList(
        items=[Accomplishment(id="ship", title="Shipped it", added_at=NOW, ratings=[3, 4])]
    )
    st.save_brag(brag)
    assert stat.S_IMODE(st.brag_path.stat().st_mode) == 0o600
    assert st.load_brag() == brag
    st.brag_path.write_text('{"schema_version": 1, "items": [{"id": 3}]}')
    with pytest.raises(DataError, match="brag list could not be read"):
        st.load_brag()
    assert not st.brag_path.exists()
    [kept] = (rebound_home / "broken").iterdir()
    assert kept.name.startswith("brag.")
    assert st.load_brag() == BragList()


def test_brag_list_version_1_is_migrated(rebound_home: Path) -> None:
    st = Store()
    st.home.mkdir(parents=True)
    st.brag_path.write_text(
        '{"schema_version": 1, "items": [{"id": "ship", "title": "Shipped it",'
        ' "added_at": "2026-11-25T09:00:00Z"}]}'
    )
    brag = st.load_brag()
    assert brag.schema_version == 4
    assert [i.id for i in brag.items] == ["ship"]
    assert brag.removed == []


posix_only = pytest.mark.skipif(not hasattr(os, "getuid"), reason="no file owners to check")


@posix_only
@pytest.mark.parametrize("folder", [".", "sessions", "cache", "locks", "broken"])
def test_a_folder_others_can_write_is_made_private_with_a_note(
    rebound_home: Path, capsys: pytest.CaptureFixture[str], folder: str
) -> None:
    Store().save(make())
    (rebound_home / folder).mkdir(exist_ok=True)
    target = (rebound_home / folder).resolve()
    target.chmod(0o777)
    assert Store().ids() == ["2026-11-25-globex"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    [line] = capsys.readouterr().err.splitlines()
    assert str(target) in line
    assert "0777" in line
    assert Store().load("2026-11-25-globex") == make()
    assert capsys.readouterr().err == ""  # once: it is private now


@posix_only
def test_someone_elses_data_folder_is_refused(
    rebound_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store().save(make())
    rebound_home.chmod(0o777)
    uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: uid + 1)  # as if another user made the folder
    for attempt in (Store().ids, Store().load_brag, lambda: Store().save(make("2026-11-26-b"))):
        with pytest.raises(DataError, match="belongs to another user") as err:
            attempt()
        assert "chown" in err.value.message
        assert "REBOUND_HOME" in err.value.message
    assert stat.S_IMODE(rebound_home.stat().st_mode) == 0o777  # nothing changed
    assert [p.name for p in (rebound_home / "sessions").iterdir()] == ["2026-11-25-globex.json"]


@posix_only
def test_a_cache_of_another_user_is_never_cleared_nor_wiped(
    rebound_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root's cache (a `sudo rebound ...`) is not a reason to stop, and not rebound's to change:
    neither when the data folder is made private again, nor by `data wipe`."""
    from tests.unit.test_content_cache import owned_by_another_user

    Store().save(make())
    cache = rebound_home / "cache"
    cache.mkdir()
    theirs = cache / "content-0123.pickle"
    theirs.write_bytes(b"theirs")
    rebound_home.chmod(0o777)  # made private again, which clears a cache of ours
    owned_by_another_user(monkeypatch, cache)
    assert Store().ids() == ["2026-11-25-globex"]
    assert theirs.read_bytes() == b"theirs"
    assert Store().wipe() == [cache]
    assert theirs.read_bytes() == b"theirs"
    assert not (rebound_home / "sessions").exists()


def test_a_copy_under_another_name_is_moved_aside(rebound_home: Path) -> None:
    st = Store()
    st.save(make())
    sessions = rebound_home / "sessions"
    (sessions / "backup.json").write_bytes((sessions / "2026-11-25-globex.json").read_bytes())
    with pytest.raises(NoSessionError, match="holds session '2026-11-25-globex'; a copy"):
        st.load("backup")
    assert [m.backup.parent.name for m in st.moved] == ["broken"]
    assert st.ids() == ["2026-11-25-globex"]
    assert st.load("2026-11-25-globex") == make()


@pytest.mark.parametrize("blank", ["", " ", "\t"])
def test_a_blank_id_is_a_usage_error(rebound_home: Path, blank: str) -> None:
    from rebound.errors import UsageError

    Store().save(make())
    with pytest.raises(UsageError, match="empty"):
        Store().resolve(blank)


@pytest.mark.parametrize("odd", ["2026/../x", "a\0b", "x" * 300, "2026-11-25-globex" + "x" * 300])
def test_an_impossible_id_is_not_found(rebound_home: Path, odd: str) -> None:
    Store().save(make())
    with pytest.raises(NoSessionError, match="There is no session"):
        Store().resolve(odd)


def test_own_files_are_rebounds_and_nothing_else(rebound_home: Path) -> None:
    st = Store()
    st.save(make())
    with st.lock("2026-11-25-globex"):
        pass
    lock = st.state / "locks" / "2026-11-25-globex.lock"
    (rebound_home / "thesis.txt").write_text("mine")
    (rebound_home / "sessions" / "notes.txt").write_text("mine")
    (rebound_home / "sessions" / ".hidden.json").write_text("mine")
    (rebound_home / "sessions" / ".2026-11-25-globex.json.x1.tmp").write_text("half")
    (rebound_home / "sessions" / "link.json").symlink_to(rebound_home / "thesis.txt")
    names = [str(p.relative_to(rebound_home)) for p in st.own_files() if p != lock]
    assert names == [
        "sessions/.2026-11-25-globex.json.x1.tmp",
        "sessions/2026-11-25-globex.json",
    ]
    assert lock in st.own_files()  # this computer's, in its state folder: wiped too
    assert st.own_files(personal=True) == [rebound_home / "sessions" / "2026-11-25-globex.json"]


def test_every_file_rebound_writes_is_on_the_one_list() -> None:
    """The derived files of later features are rebound's too: wipe deletes them, export skips."""
    from rebound.storage import paths as names
    from rebound.storage import pending, store
    from rebound.system import due_index, reminders

    named = {own.name: own for own in store.OWN}
    for name in (due_index.INDEX, reminders.REMINDED, names.CALENDAR_STATE):
        assert name in named, name
        assert not named[name].personal
    assert named[pending.PENDING].personal  # typed by the person: exported, and wiped
    # This computer's own, in its state folder (those in the data folder: left by older ones).
    mine = {own.name: own for own in names.MACHINE_OWN}
    for name in (due_index.INDEX, reminders.REMINDED, names.LOCKS):
        assert not mine[name].personal
    assert mine[pending.PENDING].personal


def test_every_reading_command_refuses_a_data_folder_that_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unreachable data is never "no data": each command that reads says so, with exit 1."""
    home = tmp_path / "not-a-folder"
    home.write_text("my notes\n")
    monkeypatch.setenv("REBOUND_HOME", str(home))
    monkeypatch.setattr("rebound.terminal.prompts.stdin_is_terminal", lambda: True)
    commands = [
        ["continue"],
        ["summary"],
        ["list"],
        ["todo"],
        ["contacts"],
        ["stats"],
        ["show", "globex"],
        ["done", "thank-you-sent"],
        ["brag"],
        ["export", "--format", "json"],
        ["data", "export", str(tmp_path / "out.zip")],
        ["rehearse"],
    ]
    for args in commands:
        result = invoke(args)
        assert result.exit_code == 1, (args, result.output)
        assert "No sessions yet" not in result.output, args
        assert "cannot be used" in result.output or "Could not" in result.output, (
            args,
            result.output,
        )
    assert home.read_text() == "my notes\n"

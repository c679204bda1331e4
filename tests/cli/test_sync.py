"""One data folder on two computers (issue 24): conflict copies merged, nothing lost, and no lock,
cache or index of one computer in the folder they share.

Each computer is the same data folder (or a copy of it) with a state folder and a name of its
own (REBOUND_STATE, REBOUND_MACHINE), as two real computers are.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from rebound.storage.paths import BRAG_LOCK
from rebound.storage.store import Store
from rebound.storage.twice import any_twice
from tests import pinned
from tests.helpers import Run, build_session
from tests.scenario import SESSION_ID

# Each tool's name for its conflict copy of `<name>.json` (git: markers inside the file).
TOOLS = {
    "Syncthing": "{name}.sync-conflict-20261207-101010-ABCDEF7.json",
    "Dropbox": "{name} (conflicted copy 2026-12-07).json",
    "Dropbox, someone's": "{name} (Ada's conflicted copy 2026-12-07).json",
    "Nextcloud": "{name} (conflicted copy 2026-12-07 101010).json",
    "OneDrive": "{name}-DESKTOP.json",
    "iCloud Drive": "{name} 2.json",
    "git": "",
}


def computer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, home: Path) -> None:
    """From now on, commands run on the computer `name`, whose data folder is `home`."""
    monkeypatch.setenv("REBOUND_HOME", str(home))
    monkeypatch.setenv("REBOUND_STATE", str(tmp_path / name / "state"))
    monkeypatch.setenv("REBOUND_MACHINE", name)


def conflict(tool: str, folder: Path, name: str, ours: bytes, theirs: bytes, base: bytes) -> Path:
    """What `tool` leaves in `folder` when `name` (without .json) changed on both computers:
    ours under its name, theirs as a copy (git: both, between markers, under its name)."""
    original = folder / f"{name}.json"
    if tool != "git":
        original.write_bytes(ours)
        copy = folder / TOOLS[tool].format(name=name)
        copy.write_bytes(theirs)
        return copy
    sides = [folder.parent / f".git-{n}" for n in ("ours", "base", "theirs")]
    for path, data in zip(sides, (ours, base, theirs), strict=True):
        path.write_bytes(data)
    git = shutil.which("git")
    if git is None:
        marked = b"<<<<<<< HEAD\n" + ours + b"=======\n" + theirs + b">>>>>>> desktop\n"
    else:
        done = subprocess.run(
            [git, "merge-file", "-p", *map(str, sides)], capture_output=True, check=False
        )
        marked = done.stdout
    assert b"<<<<<<<" in marked
    original.write_bytes(marked)
    for path in sides:
        path.unlink()
    return original


def saved(home: Path, session_id: str = SESSION_ID) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((home / "sessions" / f"{session_id}.json").read_text())
    return data


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_one_session_edited_on_two_computers_ends_as_one_with_every_answer(
    tool: str, run: Run, rebound_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scenario of issue 24: each computer changed the session while the other's change had
    not arrived, and the sync tool kept both; `list` shows one session, holding every answer,
    and `show` says what the other computer wrote for the answer both changed."""
    build_session()
    desktop_home = tmp_path / "desktop-data"
    shutil.copytree(rebound_home, desktop_home)  # in step: both computers have the session
    base = (rebound_home / "sessions" / f"{SESSION_ID}.json").read_bytes()

    computer(monkeypatch, tmp_path, "desktop", desktop_home)  # offline, for a while
    (tmp_path / "desktop.yaml").write_text("reasons: The desktop's reasons\nweakness: Shy\n")
    assert (
        run(["feedback", "--answers", str(tmp_path / "desktop.yaml")], terminal=False).exit_code
        == 0
    )
    assert run(["done", "move-on"]).exit_code == 0

    computer(monkeypatch, tmp_path, "laptop", rebound_home)
    (tmp_path / "laptop.yaml").write_text("reasons: The laptop's reasons\n")
    assert (
        run(["feedback", "--answers", str(tmp_path / "laptop.yaml")], terminal=False).exit_code == 0
    )

    ours = (rebound_home / "sessions" / f"{SESSION_ID}.json").read_bytes()
    theirs = (desktop_home / "sessions" / f"{SESSION_ID}.json").read_bytes()
    copy = conflict(tool, rebound_home / "sessions", SESSION_ID, ours, theirs, base)

    listed = run(["list", "--all"])
    assert listed.exit_code == 0, listed.output
    assert [line for line in listed.stdout.splitlines() if SESSION_ID in line]
    assert "most recent of" not in listed.stdout
    assert "Merged a conflict copy a sync tool made of session" in " ".join(listed.stderr.split())
    assert Store().ids() == [SESSION_ID]
    assert sorted(p.name for p in (rebound_home / "sessions").iterdir()) == [f"{SESSION_ID}.json"]
    kept = list((rebound_home / "merged").iterdir())
    assert len(kept) == 1 and (tool == "git" or kept[0].name == copy.name)
    assert not (rebound_home / "broken").exists()

    data = saved(rebound_home)
    reasons = data["answers"]["reasons"]
    assert reasons.endswith("The laptop's reasons")  # the newer stays (added beside the call's)
    assert "The desktop's reasons" not in reasons
    assert data["answers"]["weakness"] == "Shy"  # changed on the desktop only
    assert "move-on" in data["ticked"]  # ticked on the desktop
    shown = " ".join(run(["show", SESSION_ID]).stdout.split())
    assert "also written on desktop at" in shown
    assert "The desktop's reasons" in shown
    again = run(["list"])  # merged once: nothing more to say
    assert again.stderr == "" and len(list((rebound_home / "merged").iterdir())) == 1


@pytest.mark.parametrize("tool", sorted(set(TOOLS) - {"OneDrive", "git"}))
def test_a_copy_of_a_session_deleted_on_the_other_computer_becomes_the_session(
    tool: str, run: Run, rebound_home: Path
) -> None:
    """(git leaves a file changed on one side and deleted on the other where it was.)"""
    build_session()
    path = rebound_home / "sessions" / f"{SESSION_ID}.json"
    path.rename(path.with_name(TOOLS[tool].format(name=SESSION_ID)))
    assert SESSION_ID in run(["list"]).stdout
    assert path.is_file()
    assert len(list((rebound_home / "merged").iterdir())) == 1


def test_a_onedrive_copy_left_alone_is_merged_when_its_session_is_read(
    run: Run, rebound_home: Path
) -> None:
    """OneDrive's names go on with a dash, like a session's own: without the session beside
    it, a copy is found by what it holds, and merged all the same."""
    build_session()
    path = rebound_home / "sessions" / f"{SESSION_ID}.json"
    path.rename(path.with_name(f"{SESSION_ID}-DESKTOP.json"))
    run(["list"])
    assert SESSION_ID in run(["list"]).stdout
    assert Store().ids() == [SESSION_ID]
    assert not (rebound_home / "broken").exists()


def test_a_session_whose_id_only_looks_like_a_copy_is_a_session(
    run: Run, rebound_home: Path
) -> None:
    """'…-globex-corp' beside '…-globex' holds its own session: it is not merged into Globex."""
    first = build_session()
    build_session(company="Globex Corp")
    ids = sorted(Store().ids())
    assert len(ids) == 2 and first.id in ids
    listed = run(["list"])
    assert all(i in listed.stdout for i in ids) and listed.stderr == ""
    assert not (rebound_home / "merged").exists()


def test_a_copy_of_a_session_open_in_another_window_waits_and_is_never_counted(
    run: Run, rebound_home: Path
) -> None:
    build_session()
    copy = rebound_home / "sessions" / f"{SESSION_ID} 2.json"
    data = saved(rebound_home)
    data["answers"]["weakness"] = "From the copy"
    data["answered_at"]["weakness"] = "2026-12-07T12:00:00Z"
    copy.write_text(json.dumps(data))
    with Store().lock(SESSION_ID):  # `rebound continue` in another window, on this computer
        listed = run(["list", "--all"])
        assert listed.stdout.count(SESSION_ID) == 1 and "most recent of" not in listed.stdout
        assert copy.exists() and not (rebound_home / "broken").exists()
    run(["list"])
    assert not copy.exists()
    assert saved(rebound_home)["answers"]["weakness"] == "From the copy"


def test_the_merge_is_said_in_the_pack_language(run: Run, rebound_home: Path) -> None:
    build_session(lang="es")
    data = saved(rebound_home)
    data["answers"]["weakness"] = "Desde la copia"
    data["answered_at"]["weakness"] = "2026-12-07T12:00:00Z"
    (
        rebound_home / "sessions" / f"{data['id']}.sync-conflict-20261207-101010-ABCDEF7.json"
    ).write_text(json.dumps(data))
    said = " ".join(run(["--lang", "es", "list"]).stderr.split())
    assert "Se unió una copia en conflicto" in said and "Merged" not in said


def test_a_broken_copy_is_set_aside_and_said(run: Run, rebound_home: Path) -> None:
    build_session()
    copy = rebound_home / "sessions" / f"{SESSION_ID} (conflicted copy 2026-12-07).json"
    good = (rebound_home / "sessions" / f"{SESSION_ID}.json").read_text()
    copy.write_text(good.replace('"id"', '"id": "' + SESSION_ID + '", "x"', 1)[:-40])
    listed = run(["list"])
    assert SESSION_ID in listed.stdout
    assert "could not be read" in listed.stderr
    assert len(list((rebound_home / "broken").iterdir())) == 1


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_the_brag_list_from_two_computers_keeps_every_win(
    tool: str, run: Run, rebound_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_session()
    desktop_home = tmp_path / "desktop-data"
    shutil.copytree(rebound_home, desktop_home)
    base = (rebound_home / "brag.json").read_bytes()
    computer(monkeypatch, tmp_path, "desktop", desktop_home)
    assert run(["brag", "add", "--title", "Mentored two juniors"], terminal=False).exit_code == 0
    computer(monkeypatch, tmp_path, "laptop", rebound_home)
    assert run(["brag", "add", "--title", "Cut the build time"], terminal=False).exit_code == 0
    ours, theirs = (
        (rebound_home / "brag.json").read_bytes(),
        (desktop_home / "brag.json").read_bytes(),
    )
    conflict(tool, rebound_home, "brag", ours, theirs, base)

    shown = run(["brag"])
    assert shown.exit_code == 0, shown.output
    assert "Mentored two juniors" in shown.stdout and "Cut the build time" in shown.stdout
    assert "Merged a conflict copy a sync tool made of your brag list" in " ".join(
        shown.stderr.split()
    )
    assert sorted(p.name for p in rebound_home.glob("*.json")) == ["brag.json"]
    assert len(list((rebound_home / "merged").iterdir())) == 1


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_the_contact_log_from_two_computers_keeps_every_touch(
    tool: str, run: Run, rebound_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_session()
    assert run(["contacts", "log", "Priya Patel", "--outcome", "replied"]).exit_code == 0
    desktop_home = tmp_path / "desktop-data"
    shutil.copytree(rebound_home, desktop_home)
    base = (rebound_home / "contacts.json").read_bytes()
    computer(monkeypatch, tmp_path, "desktop", desktop_home)
    assert run(["contacts", "log", "Priya Patel", "--outcome", "met"]).exit_code == 0
    computer(monkeypatch, tmp_path, "laptop", rebound_home)
    assert run(["contacts", "log", "Priya Patel", "--outcome", "referred"]).exit_code == 0
    ours = (rebound_home / "contacts.json").read_bytes()
    theirs = (desktop_home / "contacts.json").read_bytes()
    conflict(tool, rebound_home, "contacts", ours, theirs, base)

    assert run(["contacts"]).exit_code == 0
    log = json.loads((rebound_home / "contacts.json").read_text())
    [person] = log["people"].values()
    assert sorted(t["outcome"] for t in person["touches"]) == ["met", "referred", "replied"]
    assert len({t["id"] for t in person["touches"]}) == 3
    assert len(list((rebound_home / "merged").iterdir())) == 1


def test_two_computers_never_wait_for_each_other(
    run: Run, rebound_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lock lives in the computer's own state folder: the desktop holding the brag list (or a
    session) never makes the laptop wait, even on one shared folder."""
    build_session()
    computer(monkeypatch, tmp_path, "desktop", rebound_home)
    desktop = Store()
    with desktop.lock(BRAG_LOCK), desktop.lock(SESSION_ID):
        computer(monkeypatch, tmp_path, "laptop", rebound_home)
        added = run(["brag", "add", "--title", "Cut the build time"], terminal=False)
        assert added.exit_code == 0, added.output
        assert run(["done", "move-on"]).exit_code == 0
    assert desktop.state != Store().state
    assert not (rebound_home / "locks").exists()


def test_no_lock_cache_or_index_is_written_in_the_data_folder(
    run: Run,
    rebound_home: Path,
    rebound_state: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What only makes sense on one computer stays on it: after every kind of command, the data
    folder holds only what the person typed (and the calendar's record of what it sent)."""
    build_session()
    commands = [
        ["list"],
        ["show", SESSION_ID],
        ["summary"],
        ["todo"],
        ["nudge"],
        ["remind"],
        ["stats"],
        ["done", "move-on"],
        ["brag"],
        ["brag", "add", "--title", "Cut the build time"],
        ["contacts"],
        ["contacts", "log", "Priya Patel"],
        ["export", "--all", "--format", "ics", "-o", str(tmp_path / "all.ics")],
        ["data", "export", str(tmp_path / "all.zip")],
    ]
    for args in commands:
        assert run(args, terminal=False).exit_code == 0, args
    monkeypatch.setattr("rebound.storage.store.BRAG_WAIT_SECONDS", 0.1)
    with Store().lock(BRAG_LOCK):  # a busy list: the win waits on this computer
        assert run(["brag", "add", "--title", "Kept for later"], terminal=False).exit_code == 1
    found = sorted(p.relative_to(rebound_home).as_posix() for p in rebound_home.rglob("*"))
    assert found == [
        "brag.json",
        "calendar.json",
        "contacts.json",
        "sessions",
        f"sessions/{SESSION_ID}.json",
    ]
    mine = {p.relative_to(rebound_state).as_posix().split("/")[0] for p in rebound_state.rglob("*")}
    assert {"locks", "due.json", "reminded.json"} <= mine  # pending wins too: test_brag_saves


def test_a_data_folder_from_before_keeps_working(
    run: Run, rebound_home: Path, rebound_state: Path
) -> None:
    """An install from before this computer had a state folder left its locks, cache, index and
    a waiting win in the data folder: the sessions still read, the win is still added, and the
    old files are no longer used (and go with `data wipe`)."""
    session = build_session()
    for folder in ("locks", "cache"):
        (rebound_home / folder).mkdir()
    (rebound_home / "locks" / f"{SESSION_ID}.lock").write_text("")
    (rebound_home / "cache" / "content-0123.pickle").write_bytes(b"old")
    (rebound_home / "due.json").write_text('{"version": 1}')
    (rebound_home / "reminded.json").write_text('{"day": "2026-01-01", "announced": []}')
    raw = json.loads((rebound_home / "sessions" / f"{SESSION_ID}.json").read_text())
    for key in ("written", "also", "unticked"):
        raw.pop(key)  # as an older rebound saved it
    (rebound_home / "sessions" / f"{SESSION_ID}.json").write_text(json.dumps(raw))
    loaded = Store().load(SESSION_ID)
    assert loaded.answers == session.answers and loaded.written == {}
    assert run(["done", "move-on"]).exit_code == 0
    assert "move-on" in saved(rebound_home)["ticked"]
    assert (rebound_state / "due.json").is_file()
    assert (rebound_home / "due.json").read_text() == '{"version": 1}'  # not used, not changed
    assert run(["data", "wipe", "--yes"]).exit_code == 0
    assert not rebound_home.exists()


def test_a_state_folder_that_cannot_be_used_is_said(
    run: Run, rebound_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_session()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("REBOUND_STATE", str(blocked))
    done = run(["done", "move-on"])
    assert done.exit_code == 1
    said = " ".join(done.stderr.split())
    assert "folder for rebound's locks and index" in said and "REBOUND_STATE" in said
    assert "Traceback" not in done.output
    assert "move-on" not in saved(rebound_home)["ticked"]  # nothing half-done


def _person(name: str, note: str, at: str) -> str:
    touch = {"id": "t1", "on": "2026-12-06", "outcome": None, "note": note, "logged_at": at}
    return json.dumps({"name": name, "every_weeks": None, "touches": [{**touch, "ticked": []}]})


def test_a_contact_log_git_merged_with_a_person_twice_keeps_both_touches(
    run: Run, rebound_home: Path
) -> None:
    build_session()
    laptop = _person("Sam Lee", "touch by laptop", "2026-12-06T09:00:03Z")
    desktop = _person("Sam Lee", "touch by desktop", "2026-12-06T09:00:04Z")
    (rebound_home / "contacts.json").write_text(
        f'{{"schema_version": 1, "people": {{"samlee": {desktop}, "samlee": {laptop}}}}}'
    )
    shown = run(["contacts"])
    assert shown.exit_code == 0, shown.output
    said = " ".join(shown.stderr.split())
    assert "Merged the two versions of your contact log that a sync tool wrote" in said
    log = Store().load_contacts()
    notes = sorted(t.note for p in log.people.values() for t in p.touches)
    assert notes == ["touch by desktop", "touch by laptop"]
    assert sorted(t.id for t in log.people["samlee"].touches) == ["t1", "t2"]
    assert not any_twice((rebound_home / "contacts.json").read_bytes())  # saved merged
    [kept] = (rebound_home / "merged").iterdir()
    assert kept.read_text().count('"samlee"') == 2  # the file as git left it, kept
    again = run(["contacts"])
    assert again.stderr == "" and len(list((rebound_home / "merged").iterdir())) == 1


def twice(text: str, field: str, key: str, *values: object) -> str:
    """`text` (a saved file, rebound's layout) with `key` added to the object `field` once per
    value, as a text merge (git) leaves two computers' additions of one new entry."""
    opener = f'\n  "{field}": {{\n'
    assert opener in text
    added = "".join(f"    {json.dumps(key)}: {json.dumps(v)},\n" for v in values)
    return text.replace(opener, opener + added, 1)


def test_a_session_git_merged_with_an_answer_twice_keeps_both_answers(
    run: Run, rebound_home: Path
) -> None:
    """Both computers answered a question the session did not have yet: the newer answer
    stays and the other is shown beside it, as when the same answer was changed on both."""
    build_session()
    data = saved(rebound_home)
    for field in ("answers", "answered_at", "written"):
        data[field].pop("weakness", None)
    laptop, desktop = "2026-12-07T10:00:00Z", "2026-12-07T11:00:00Z"
    text = json.dumps(data, indent=2) + "\n"
    text = twice(text, "answers", "weakness", "Shy on the laptop", "Quiet on the desktop")
    text = twice(text, "answered_at", "weakness", laptop, desktop)
    marks = [
        {"on": on, "at": at, "past": []} for on, at in (("laptop", laptop), ("desktop", desktop))
    ]
    text = twice(text, "written", "weakness", *marks)
    path = rebound_home / "sessions" / f"{SESSION_ID}.json"
    path.write_text(text)

    listed = run(["list"])
    assert listed.exit_code == 0, listed.output
    said = " ".join(listed.stderr.split())
    assert f"Merged the two versions of session '{SESSION_ID}' that a sync tool wrote" in said
    assert "One answer was changed on both computers" in said
    after = saved(rebound_home)
    assert after["answers"]["weakness"] == "Quiet on the desktop"  # the newer
    assert [a["value"] for a in after["also"]["weakness"]] == ["Shy on the laptop"]
    shown = " ".join(run(["show", SESSION_ID]).stdout.split())
    assert "also written on laptop at" in shown and "Shy on the laptop" in shown
    assert not (rebound_home / "broken").exists()
    assert not any_twice(path.read_bytes())  # saved merged


def test_a_session_whose_answer_moment_is_twice_keeps_the_later(
    run: Run, rebound_home: Path
) -> None:
    """The same answer given on both computers, at two moments: one answer, the later moment."""
    build_session()
    data = saved(rebound_home)
    data["answered_at"].pop("weakness")
    data["written"].pop("weakness", None)
    text = twice(
        json.dumps(data, indent=2), "answered_at", "weakness", pinned.iso(1), pinned.iso(2)
    )
    (rebound_home / "sessions" / f"{SESSION_ID}.json").write_text(text)
    listed = run(["list"])
    assert listed.exit_code == 0 and "Merged the two versions" in " ".join(listed.stderr.split())
    after = saved(rebound_home)
    assert after["answered_at"]["weakness"].startswith(pinned.on(2).isoformat())
    assert after["answers"]["weakness"] == data["answers"]["weakness"]
    assert "weakness" not in after["also"]


def test_a_brag_list_holding_its_stories_twice_keeps_every_win(
    run: Run, rebound_home: Path
) -> None:
    build_session()
    assert run(["brag", "add", "--title", "Cut the build time"], terminal=False).exit_code == 0
    data = json.loads((rebound_home / "brag.json").read_text())
    first = [i for i in data["items"] if i["title"] != "Cut the build time"]
    mine = [i for i in data["items"] if i["title"] == "Cut the build time"]
    text = json.dumps({**data, "items": first}, indent=2)
    text = text.replace('\n  "removed"', f'\n  "items": {json.dumps(mine)},\n  "removed"', 1)
    (rebound_home / "brag.json").write_text(text)
    shown = run(["brag"])
    assert shown.exit_code == 0, shown.output
    assert "Cut the build time" in shown.stdout
    assert all(i["title"] in shown.stdout for i in first)
    said = " ".join(shown.stderr.split())
    assert "Merged the two versions of your brag list that a sync tool wrote" in said
    assert len(json.loads((rebound_home / "brag.json").read_text())["items"]) == len(data["items"])


def test_a_key_twice_with_the_same_value_is_read_as_it_is(run: Run, rebound_home: Path) -> None:
    build_session()
    person = _person("Sam Lee", "touch by laptop", "2026-12-06T09:00:03Z")
    text = f'{{"schema_version": 1, "people": {{"samlee": {person}, "samlee": {person}}}}}'
    (rebound_home / "contacts.json").write_text(text)
    shown = run(["contacts"])
    assert shown.exit_code == 0 and shown.stderr == ""
    assert [t.note for t in Store().load_contacts().people["samlee"].touches] == ["touch by laptop"]
    assert (rebound_home / "contacts.json").read_text() == text  # nothing to merge: untouched
    assert not (rebound_home / "merged").exists()


def test_a_key_twice_deeper_than_a_merge_reads_is_set_aside_and_said(
    run: Run, rebound_home: Path
) -> None:
    """A touch that holds its note twice: no two versions of the log explain it, and no merge
    has a rule for it. The log is set aside whole, as a broken file is, and the key named."""
    build_session()
    person = _person("Sam Lee", "touch by laptop", "2026-12-06T09:00:03Z")
    note = '"note": "touch by laptop"'
    person = person.replace(note, f'{note}, "note": "touch by desktop"')
    text = f'{{"schema_version": 1, "people": {{"samlee": {person}}}}}'
    (rebound_home / "contacts.json").write_text(text)
    shown = run(["contacts"])
    said = " ".join(shown.stderr.split())
    assert "Your contact log could not be read ('people.samlee.touches[0].note' is in it" in said
    [kept] = (rebound_home / "broken").iterdir()
    assert kept.read_text() == text
    assert not (rebound_home / "contacts.json").exists()


def test_a_session_with_an_entry_field_twice_is_set_aside_and_said(
    run: Run, rebound_home: Path
) -> None:
    build_session()
    path = rebound_home / "sessions" / f"{SESSION_ID}.json"
    text = path.read_text()
    entry = '"what": "Practise Spark joins",'
    assert entry in text
    path.write_text(text.replace(entry, entry + ' "what": "Practise Spark tuning",', 1))
    listed = run(["list"])
    said = " ".join(listed.output.split())
    assert f"The saved session '{SESSION_ID}' could not be read" in said
    assert "answers.fixes[0].what' is in it more than once" in said
    assert len(list((rebound_home / "broken").iterdir())) == 1


def test_git_markers_whose_side_holds_a_person_twice_keep_every_touch(
    run: Run, rebound_home: Path
) -> None:
    build_session()
    laptop = _person("Sam Lee", "touch by laptop", "2026-12-06T09:00:03Z")
    desktop = _person("Sam Lee", "touch by desktop", "2026-12-06T09:00:04Z")
    dana = _person("Dana Smith", "touch of dana", "2026-12-06T09:00:05Z")
    text = (
        '{"schema_version": 1, "people": {\n'
        f'"samlee": {desktop},\n"samlee": {laptop},\n'
        "<<<<<<< HEAD\n"
        f'"danasmith": {dana}\n'
        "=======\n"
        f'"priyapatel": {_person("Priya Patel", "touch of priya", "2026-12-06T09:00:06Z")}\n'
        ">>>>>>> desktop\n"
        "}}\n"
    )
    (rebound_home / "contacts.json").write_text(text)
    assert run(["contacts"]).exit_code == 0
    log = Store().load_contacts()
    notes = sorted(t.note for p in log.people.values() for t in p.touches)
    assert notes == ["touch by desktop", "touch by laptop", "touch of dana", "touch of priya"]

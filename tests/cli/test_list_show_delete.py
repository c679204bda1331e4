"""`rebound list`, `show` and `delete`."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from tests import pinned
from tests.helpers import Run, build_session
from tests.scenario import SESSION_ID


def second_session(run: Run, company: str = "Initech") -> None:
    build_session(upto=5, company=company)


def test_list_without_sessions(run: Run) -> None:
    result = run(["list"])
    assert result.exit_code == 0
    assert "No sessions yet" in result.stdout


def test_list_newest_first_with_progress_and_next(run: Run, rebound_home: Path) -> None:
    build_session()
    sessions = rebound_home / "sessions"
    acme_id = f"{pinned.iso(-324)}-acme"  # started months earlier
    data = json.loads((sessions / f"{SESSION_ID}.json").read_text())
    data.update(id=acme_id, finished_at=None)
    data["answers"] = {"company": "Acme", "role": "Analyst"}
    (sessions / f"{acme_id}.json").write_text(json.dumps(data))
    out = run(["list"]).stdout
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines[0].startswith(f"{SESSION_ID}  Globex · Data Engineer  5/5  ")
    acme = next(line for line in lines if line.startswith(acme_id))
    assert "Acme · Analyst" in acme
    assert "0/5" in acme
    assert "questions about the call" in out


def test_list_shows_twenty_unless_all(run: Run, rebound_home: Path) -> None:
    build_session(upto=2)
    sessions = rebound_home / "sessions"
    source = sessions / f"{SESSION_ID}.json"
    for n in range(1, 25):
        data = json.loads(source.read_text())
        data["id"] = f"2025-01-{n:02d}-co{n}"
        (sessions / f"{data['id']}.json").write_text(json.dumps(data))
    out = run(["list"]).stdout
    assert "Showing the 20 most recent of 25" in out
    assert "2025-01-24-co24" in out and "2025-01-04-co4" not in out
    every = run(["list", "--all"]).stdout
    assert "2025-01-01-co1" in every and "Showing" not in every


def test_list_moves_a_broken_file_aside_and_goes_on(run: Run, rebound_home: Path) -> None:
    build_session(upto=2)
    (rebound_home / "sessions" / "2026-12-31-bad.json").write_text("{")
    result = run(["list"])
    assert result.exit_code == 0
    assert "'2026-12-31-bad' could not be read" in result.stderr
    assert SESSION_ID in result.stdout


def test_show_everything(run: Run) -> None:
    build_session()
    out = run(["show", SESSION_ID[:12]]).stdout
    assert "Globex · Data Engineer" in out
    assert "--- Your thank-you email ---" in out
    assert "Which company was it?" in out
    assert f"1. Practise Spark joins · {pinned.iso(14)}" in out
    assert "A video call" in out  # choice labels, not values
    assert "Technical depth and Something else" in out


def test_show_unknown(run: Run) -> None:
    result = run(["show", "nope"])
    assert result.exit_code == 2
    assert "There is no session 'nope'" in result.stderr


def test_delete_asks_and_keeps_on_no(run: Run, rebound_home: Path) -> None:
    build_session(upto=2)
    result = run(["delete", SESSION_ID], "n\r")
    assert result.exit_code == 0
    assert "Kept" in result.stdout
    assert (rebound_home / "sessions" / f"{SESSION_ID}.json").exists()


def test_delete_on_yes(run: Run, rebound_home: Path) -> None:
    build_session(upto=2)
    second_session(run)
    result = run(["delete", SESSION_ID], "y\r")
    assert result.exit_code == 0, result.output
    assert f"Deleted {SESSION_ID}" in result.stdout
    remaining = sorted(p.name for p in (rebound_home / "sessions").iterdir())
    assert remaining == [f"{SESSION_ID[:10]}-initech.json"]


def test_delete_speaks_of_wins_it_added_only_when_it_added_some(
    run: Run, rebound_home: Path
) -> None:
    """Issue 22, item 13: "Accomplishments it added stay" of a session that added none."""
    build_session(upto=2)  # stopped before the accomplishments step
    result = run(["delete", SESSION_ID, "--yes"])
    assert " ".join(result.stdout.split()) == f"Deleted {SESSION_ID}."
    build_session()
    result = run(["delete", SESSION_ID, "--yes"])
    assert "Accomplishments it added stay on your brag list" in result.stdout


def test_delete_needs_yes_without_a_terminal(run: Run, rebound_home: Path) -> None:
    build_session(upto=2)
    refused = run(["delete", SESSION_ID], terminal=False)
    assert refused.exit_code == 2
    assert "add --yes" in refused.stderr
    assert (rebound_home / "sessions" / f"{SESSION_ID}.json").exists()
    done = run(["delete", "--yes", SESSION_ID], terminal=False)
    assert done.exit_code == 0
    assert not (rebound_home / "sessions" / f"{SESSION_ID}.json").exists()


def test_delete_refuses_a_session_open_elsewhere(run: Run, rebound_home: Path) -> None:
    build_session(upto=2)
    from rebound.storage.store import Store

    with Store().lock(SESSION_ID):
        result = run(["delete", "--yes", SESSION_ID])
    assert result.exit_code == 1
    assert "open in another rebound window" in result.stderr
    assert (rebound_home / "sessions" / f"{SESSION_ID}.json").exists()


def test_list_in_a_terminal_is_a_table(run: Run) -> None:
    import io

    from rich.console import Console

    from rebound.pack import packs
    from rebound.render import screens
    from rebound.storage.store import Store

    build_session()
    buffer = io.StringIO()
    out = Console(file=buffer, force_terminal=True, width=100, color_system=None, markup=False)
    store = Store()
    screens.session_list(out, packs.load(), [store.load(SESSION_ID)], total=1)
    lines = [line.rstrip() for line in buffer.getvalue().splitlines() if line.strip()]
    assert lines[0].split() == ["Id", "Company", "·", "role", "Steps", "Next"]
    assert lines[1].startswith(SESSION_ID)
    assert "5/5 ✓" in lines[1]


def test_a_blank_id_deletes_and_shows_nothing(run: Run, rebound_home: Path) -> None:
    """An empty `$ID` in a script is a prefix of every id; it must not pick one."""
    build_session()
    saved = rebound_home / "sessions" / f"{SESSION_ID}.json"
    for args in (["delete", "", "--yes"], ["delete", " ", "--yes"], ["show", ""]):
        result = run(args)
        assert result.exit_code == 2, (args, result.output)
        assert "empty" in result.stderr
        assert saved.exists()
    result = run(["done", "--session", "", "thank-you-sent"])
    assert result.exit_code == 2
    assert "Ticked" not in result.stdout


def test_ids_no_file_can_have_are_not_found(run: Run, rebound_home: Path) -> None:
    build_session()
    for odd in ("x" * 300, "a/b", "../sessions/" + SESSION_ID, "a\\b"):
        for args in (["show", odd], ["delete", odd, "--yes"], ["export", odd]):
            result = run(args)
            assert result.exit_code == 2, (args, result.output)
            assert "There is no session" in result.stderr
    assert (rebound_home / "sessions" / f"{SESSION_ID}.json").exists()


def test_a_copy_of_a_session_file_is_set_aside(run: Run, rebound_home: Path) -> None:
    """`cp A.json backup.json`: list shows A once, and saving A leaves the copy alone."""
    build_session()
    sessions = rebound_home / "sessions"
    original = sessions / f"{SESSION_ID}.json"
    (sessions / "backup.json").write_bytes(original.read_bytes())
    result = run(["list"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count(SESSION_ID) == 1
    assert f"holds session '{SESSION_ID}'; a copy?" in result.stderr
    assert not (sessions / "backup.json").exists()
    [kept] = (rebound_home / "broken").iterdir()
    assert kept.name.startswith("backup.")
    copy = kept.read_bytes()
    result = run(["done", "thank-you-sent", "--session", SESSION_ID])
    assert result.exit_code == 0, result.output
    assert json.loads(original.read_bytes()) != json.loads(copy)
    assert kept.read_bytes() == copy


def _copy(rebound_home: Path, new_id: str, company: str, created_at: str) -> None:
    sessions = rebound_home / "sessions"
    data = json.loads((sessions / f"{SESSION_ID}.json").read_text())
    data.update(id=new_id, created_at=created_at)
    data["answers"] = {**data["answers"], "company": company}
    (sessions / f"{new_id}.json").write_text(json.dumps(data))


def test_list_orders_one_days_sessions_by_start_newest_first(run: Run, rebound_home: Path) -> None:
    started = build_session(upto=2).created_at
    day = SESSION_ID[:10]
    # By name 'zeta' would come first; 'acme' was started last, so it is the newest.
    _copy(rebound_home, f"{day}-acme", "Acme", (started + timedelta(seconds=40)).isoformat())
    _copy(rebound_home, f"{day}-zeta", "Zeta", (started - timedelta(hours=5)).isoformat())
    lines = [line for line in run(["list"]).stdout.splitlines() if line.startswith(day)]
    assert [line.split()[0] for line in lines] == [f"{day}-acme", SESSION_ID, f"{day}-zeta"]


def test_show_by_company_name_any_case(run: Run, rebound_home: Path) -> None:
    build_session(upto=2)
    result = run(["show", "gLoBeX"])
    assert result.exit_code == 0, result.output
    assert "Globex · Data Engineer" in result.stdout
    assert run(["summary", "-s", "globex"]).exit_code == 0
    _copy(rebound_home, "2025-03-01-northwind", "Northwind Traders", "2025-03-01T10:00:00Z")
    shown = run(["show", "NORTHWIND"])  # the start of a company's name, in whole words
    assert shown.exit_code == 0, shown.output
    assert "[2025-03-01-northwind]" in shown.stdout
    assert run(["show", "north"]).exit_code == 2  # not half a word


def test_company_name_of_two_sessions_is_ambiguous(run: Run, rebound_home: Path) -> None:
    build_session(upto=2)
    _copy(rebound_home, "2025-03-01-globex-old", "Globex", "2025-03-01T10:00:00Z")
    result = run(["show", "globex"])
    assert result.exit_code == 2
    assert "'globex' fits 2 sessions" in result.stderr

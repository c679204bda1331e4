"""`rebound nudge`: the due index every save keeps fresh, its one line (or silence), and the
line it adds to a shell's start-up file."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest

from rebound.coach import insights
from rebound.pack import packs
from rebound.storage.store import Store
from rebound.system import due_index
from tests import pinned
from tests.cli.test_session_flow import GROUPS, SESSION_ID, keys
from tests.helpers import MakeSession, Run
from tests.scenario import NAMES

TODAY = pinned.TODAY


def answers(company: str = "Globex", late: int = 2) -> str:
    """A whole session whose call was `late`+1 days ago: one fix due today, one `late` days ago,
    and the thank-you due today (the day its answers were written)."""
    call = TODAY - timedelta(days=late + 1)
    return f"""\
company: {company}
role: Data Engineer
messenger_name: Dana Smith
messenger_channel: video
messenger_email: dana@globex.example
call_date: {call.isoformat()}
your_name: Alex
thanked_on_call: true
thank_detail: the notes
feedback_in_thanks: separate
feedback_asked: will_email
areas: [communication]
went_well: the system design round
fixes:
  - what: Practise telling impact stories
    due: today
  - what: Read the Spark docs
    due: {(TODAY - timedelta(days=late)).isoformat()}
move_on_date: {(TODAY + timedelta(days=30)).isoformat()}
accomplishments:
  - title: Cut the nightly batch
    story: false
contacts:
  - {{name: Priya, relation: head_hunter, channel: linkedin}}
events: []
looking_for: a platform data role
known_for: fast, reliable pipelines
weekly_target: 4
"""


def start(run: Run, tmp_path: Path, company: str = "Globex") -> None:
    path = tmp_path / f"{company}.yaml"
    path.write_text(answers(company), encoding="utf-8")
    result = run(["start", "--answers", str(path)], terminal=False)
    assert result.exit_code == 0, result.output


def expected_line(home: Path) -> str:
    """What the nudge should say, from the sessions themselves (not from the index)."""
    agenda = insights.agenda(packs.load(), Store(home).load_all(), days=0)
    today, late = len(agenda.due_today), len(agenda.overdue)
    assert today and late, "the test's session should have both"
    things = "thing" if today == 1 else "things"
    return f"{today} {things} due today, {late} overdue: rebound todo"


def index_matches_sessions(home: Path) -> None:
    """The index is fresh and says, per session, exactly its open dated items."""
    index = due_index.read(str(home))
    assert index is not None, "the index is missing or stale"
    loaded = packs.load()
    sessions = Store(home).load_all()
    assert set(index["sessions"]) == {s.id for s in sessions}
    for session in sessions:
        assert index["sessions"][session.id]["items"] == due_index.items(loaded, session)


def test_one_line_with_what_is_due(run: Run, tmp_path: Path, rebound_home: Path) -> None:
    start(run, tmp_path)
    result = run(["nudge"], terminal=False)
    assert result.exit_code == 0
    assert result.stdout == expected_line(rebound_home) + "\n"
    assert result.stderr == ""


def test_silent_without_sessions_or_index(run: Run, rebound_home: Path) -> None:
    result = run(["nudge"], terminal=False)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert not rebound_home.exists()  # reading the nudge creates nothing


def test_silent_when_nothing_is_due(run: Run, tmp_path: Path, rebound_home: Path) -> None:
    start(run, tmp_path)
    index = json.loads(Path(due_index.index_file(str(rebound_home))).read_text())
    for entry in index["sessions"].values():
        entry["items"] = [i for i in entry["items"] if i["due"] > TODAY.isoformat()]
    Path(due_index.index_file(str(rebound_home))).write_text(json.dumps(index))
    assert run(["nudge"], terminal=False).stdout == ""


@pytest.mark.parametrize(
    "damage",
    [
        "",
        "{not json",
        "[]",
        '{"version": 1}',
        '{"version": 99, "mark": 0, "say": {}, "sessions": {}}',
        "\x00\xff",
    ],
)
def test_a_broken_index_is_silence(
    run: Run, tmp_path: Path, rebound_home: Path, damage: str
) -> None:
    start(run, tmp_path)
    Path(due_index.index_file(str(rebound_home))).write_text(damage, encoding="latin-1")
    result = run(["nudge"], terminal=False)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_control_characters_never_reach_the_terminal(
    run: Run, tmp_path: Path, rebound_home: Path
) -> None:
    start(run, tmp_path)
    index = json.loads(Path(due_index.index_file(str(rebound_home))).read_text())
    index["say"]["line"] = "\x1b]0;pwned\x07{{value}}\x1b[2J: rebound todo"
    Path(due_index.index_file(str(rebound_home))).write_text(json.dumps(index))
    said = run(["nudge"], terminal=False).stdout
    assert "\x1b" not in said and "\x07" not in said
    assert said.endswith(": rebound todo\n")


def test_broken_sentences_are_silence(run: Run, tmp_path: Path, rebound_home: Path) -> None:
    start(run, tmp_path)
    index = json.loads(Path(due_index.index_file(str(rebound_home))).read_text())
    index["say"] = {"today": 3}
    Path(due_index.index_file(str(rebound_home))).write_text(json.dumps(index))
    assert run(["nudge"], terminal=False).stdout == ""


def test_a_stale_index_is_silence_until_todo(run: Run, tmp_path: Path, rebound_home: Path) -> None:
    start(run, tmp_path)
    # A change rebound did not make (another copy, a hand edit, a restore): the folder moves on.
    (rebound_home / "sessions" / "stray.json").write_text("{}")
    assert run(["nudge"], terminal=False).stdout == ""
    assert run(["todo"], terminal=False).exit_code == 0  # reads everything, rebuilds the index
    (rebound_home / "sessions" / "stray.json").unlink(missing_ok=True)  # moved aside by todo
    run(["todo"], terminal=False)
    assert run(["nudge"], terminal=False).stdout == expected_line(rebound_home) + "\n"


def test_todo_rebuilds_a_missing_index(run: Run, tmp_path: Path, rebound_home: Path) -> None:
    start(run, tmp_path)
    Path(due_index.index_file(str(rebound_home))).unlink()
    assert run(["nudge"], terminal=False).stdout == ""
    run(["todo"], terminal=False)
    index_matches_sessions(rebound_home)


def test_every_saving_command_leaves_a_fresh_index(
    run: Run, tmp_path: Path, rebound_home: Path, make_session: MakeSession
) -> None:
    # The walk saves answer by answer (flow): the session is built up to its last answer, which
    # is typed, with the offers that end the walk.
    last = NAMES.index("weekly_target")
    make_session(upto=last)
    assert run(["continue"], keys(GROUPS[last:])).exit_code == 0
    index_matches_sessions(rebound_home)
    start(run, tmp_path, "Initech")  # from an answers file
    index_matches_sessions(rebound_home)
    assert run(["done", "fix-1", "--session", SESSION_ID]).exit_code == 0
    index_matches_sessions(rebound_home)
    ids = [i["id"] for i in due_index.read(str(rebound_home))["sessions"][SESSION_ID]["items"]]
    assert "fix-1" not in ids
    assert run(["done", "fix-1", "--undo", "--session", SESSION_ID]).exit_code == 0
    index_matches_sessions(rebound_home)
    other = next(i for i in Store(rebound_home).ids() if "initech" in i)
    assert run(["delete", other, "--yes"]).exit_code == 0
    index_matches_sessions(rebound_home)
    # a revisit of a step saves as it goes
    run(["continue", "--session", SESSION_ID, "--step", "ask-why"], "\r")
    index_matches_sessions(rebound_home)


def test_a_session_changed_elsewhere_is_read_again(
    run: Run, tmp_path: Path, rebound_home: Path
) -> None:
    start(run, tmp_path)
    start(run, tmp_path, "Initech")
    store = Store(rebound_home)
    first, second = sorted(store.ids())
    changed = store.load(first)
    changed.ticked["fix-1"] = changed.updated_at
    store.save(changed)  # a store without the hook: another rebound, say
    os.utime(store.path(first), ns=(1, 1))  # and a file time nobody could confuse
    assert due_index.read(str(rebound_home)) is None  # stale
    assert run(["done", "fix-2", "--session", second]).exit_code == 0
    index_matches_sessions(rebound_home)


def test_the_nudge_speaks_the_pack_language(run: Run, tmp_path: Path, rebound_home: Path) -> None:
    start(run, tmp_path)
    run(["--lang", "es", "todo"], terminal=False)
    line = run(["nudge"], terminal=False).stdout
    assert "para hoy" in line and "atrasada" in line and line.endswith(": rebound todo\n")


def test_the_data_folder_is_found_as_the_store_finds_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from rebound.storage.store import data_home

    monkeypatch.delenv("REBOUND_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    for xdg in (None, str(tmp_path / "xdg"), "  "):
        if xdg is None:
            monkeypatch.delenv("XDG_DATA_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_DATA_HOME", xdg)
        assert Path(due_index.home()) == data_home(), xdg
    monkeypatch.setenv("REBOUND_HOME", "~/rb")
    assert Path(due_index.home()) == data_home()


# --- --install / --uninstall ------------------------------------------------------------------

OTHER = (
    "export PATH=$HOME/bin:$PATH\n"
    "# my own nudge, written by hand:\n"
    "rebound nudge  # rebound nudge\n"
)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("ZDOTDIR", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    return folder


@pytest.mark.parametrize(
    ("shell", "where"),
    [("bash", ".bashrc"), ("zsh", ".zshrc"), ("fish", ".config/fish/config.fish")],
)
def test_install_then_uninstall_leaves_the_file_as_it_was(
    run: Run, home: Path, shell: str, where: str
) -> None:
    rc = home / where
    rc.parent.mkdir(parents=True, exist_ok=True)
    rc.write_text(OTHER)
    rc.chmod(0o640)
    result = run(["nudge", "--install", shell], terminal=False)
    assert result.exit_code == 0, result.output
    text = rc.read_text()
    assert text.startswith(OTHER)
    [added] = text[len(OTHER) :].splitlines()
    assert str(rc) in result.stdout and added in result.stdout
    assert "nudge" in added and "added by `rebound nudge --install`" in added
    assert (rc.stat().st_mode & 0o777) == 0o640
    again = run(["nudge", "--install", shell], terminal=False)
    assert "already" in again.stdout and rc.read_text() == text  # idempotent
    gone = run(["nudge", "--uninstall", shell], terminal=False)
    assert gone.exit_code == 0 and added in gone.stdout
    assert rc.read_text() == OTHER  # the look-alike line the person wrote is still there
    assert "no nudge line" in run(["nudge", "--uninstall", shell], terminal=False).stdout


def test_install_creates_a_missing_file_where_the_shell_looks(
    run: Run, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZDOTDIR", str(tmp_path / "zdot"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("SHELL", "/usr/bin/zsh")
    assert run(["nudge", "--install"], terminal=False).exit_code == 0  # zsh, from $SHELL
    assert (tmp_path / "zdot" / ".zshrc").read_text().count("\n") == 1
    assert run(["nudge", "--install", "fish"], terminal=False).exit_code == 0
    assert (tmp_path / "config" / "fish" / "config.fish").is_file()


def test_a_file_without_a_final_newline_keeps_its_last_line(run: Run, home: Path) -> None:
    (home / ".bashrc").write_text("alias ll='ls -l'")
    run(["nudge", "--install", "bash"], terminal=False)
    assert (home / ".bashrc").read_text().startswith("alias ll='ls -l'\n")
    run(["nudge", "--uninstall", "bash"], terminal=False)
    assert (home / ".bashrc").read_text() == "alias ll='ls -l'"  # still without one


def test_a_symlinked_file_is_changed_where_it_lives(run: Run, home: Path, tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "bashrc"
    real.parent.mkdir()
    real.write_text(OTHER)
    (home / ".bashrc").symlink_to(real)
    run(["nudge", "--install", "bash"], terminal=False)
    assert (home / ".bashrc").is_symlink() and "nudge --install" in real.read_text()


@pytest.mark.parametrize("args", [["--install", "tcsh"], ["bash"], ["--install", "--uninstall"]])
def test_bad_usage_changes_nothing(run: Run, home: Path, args: list[str]) -> None:
    result = run(["nudge", *args], terminal=False)
    assert result.exit_code == 2
    assert "Nothing was changed" in result.stderr
    assert not list(home.iterdir())


@pytest.mark.parametrize("shell", ["bash", "sh"])
def test_the_line_is_safe_once_rebound_is_gone(home: Path, tmp_path: Path, shell: str) -> None:
    import shutil
    import subprocess

    from rebound.system import shell_rc as startup

    if shutil.which(shell) is None:
        pytest.skip(f"no {shell} here")
    gone = startup.line_for("bash", str(tmp_path / "uninstalled" / "rebound"))
    done = subprocess.run(
        [shell, "-c", f"{gone}\necho still-fine $?"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "still-fine 0\n", "")


# --- the installed command: the entry point's fast path ----------------------------------------


def test_the_installed_nudge_reads_the_index(run: Run, tmp_path: Path, rebound_home: Path) -> None:
    from tests.helpers import run_installed

    start(run, tmp_path)
    env = {**os.environ, "REBOUND_HOME": str(rebound_home)}
    done = run_installed("nudge", env=env)
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        expected_line(rebound_home) + "\n",
        "",
    )
    Path(due_index.index_file(str(rebound_home))).write_text("{broken")
    done = run_installed("nudge", env=env)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_a_touch_logged_keeps_the_index_and_counts_who_is_due(
    run: Run, tmp_path: Path, rebound_home: Path
) -> None:
    """Keeping in touch reaches the nudge too: a head hunter reached 40 days ago is due again
    after 4 weeks, and the index says so the moment the touch is logged."""
    start(run, tmp_path)
    before = due_index.counts(due_index.read(str(rebound_home)) or {}, TODAY.isoformat())
    reached = (TODAY - timedelta(days=40)).isoformat()
    logged = run(["contacts", "log", "Priya", "--outcome", "replied", "--on", reached])
    assert logged.exit_code == 0, logged.output
    index = due_index.read(str(rebound_home))
    assert index is not None, "the log's save left the index stale"
    index_matches_sessions(rebound_home)
    assert [(c["id"], c["due"]) for c in index["contacts"]] == [
        ("keep-in-touch:priya", (TODAY - timedelta(days=12)).isoformat())
    ]
    # Priya's own item (reach out, due in a week) is ticked by the log; she is overdue instead.
    assert due_index.counts(index, TODAY.isoformat()) == (before[0], before[1] + 1)
    # A touch logged by another rebound meanwhile (the log changed, the index did not): silence.
    log = rebound_home / "contacts.json"
    os.utime(log, ns=(1, 1))
    assert due_index.read(str(rebound_home)) is None
    assert run(["nudge"], terminal=False).stdout == ""

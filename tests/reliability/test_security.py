"""Nobody in: nothing on disk that rebound did not write for this user is trusted or written
through. The attacks are made the way another user would make them."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from tests.helpers import Run, build_session, run_installed
from tests.scenario import SESSION_ID
from tests.unit.test_content_cache import Hostile, owned_by_another_user

posix_only = pytest.mark.skipif(not hasattr(os, "getuid"), reason="no file owners to check")


@posix_only
def test_rebound_list_never_runs_a_planted_cache(
    run: Run, rebound_cache: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """Issue 14: a cache folder others can write to (a mistaken chmod); another user renames
    `content/` and plants `content-<key>.pickle`. The next `rebound list` must not run it."""
    build_session()
    assert run_installed("list", env=env).returncode == 0  # the installed rebound's own cache
    [file] = rebound_cache.glob("content-*.pickle")
    root = rebound_cache.parent
    root.chmod(0o777)
    rebound_cache.rename(root / "content-old")
    rebound_cache.mkdir()
    rebound_cache.chmod(0o777)
    marker = tmp_path / "marker"
    file.write_bytes(pickle.dumps(Hostile(marker)))

    result = run_installed("list", env=env)
    assert not marker.exists()
    assert result.returncode == 0, result.stderr
    assert SESSION_ID in result.stdout
    assert "0777" in result.stderr  # said once, on stderr, and made private
    assert stat.S_IMODE(root.stat().st_mode) == 0o700

    result = run_installed("list", env=env)  # private now: the planted file is still not run
    assert not marker.exists()
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@posix_only
@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_cache_of_another_user_never_stops_a_command_nor_runs(
    run: Run, rebound_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """After a `sudo rebound ...` the cache may be root's, and a pickle in it could be anyone's:
    `rebound list` still works, never unpickles it, writes nothing there, and says once (in the
    run's language) how to make the cache the person's again."""
    build_session()
    assert run(["--lang", lang, "list"]).exit_code == 0  # the person's own cache, made once
    cache = rebound_cache
    [file] = cache.glob("content-*.pickle")
    marker = tmp_path / "marker"
    file.write_bytes(pickle.dumps(Hostile(marker)))
    planted = file.read_bytes()
    cache.chmod(0o777)  # theirs, and open: still nothing is deleted or written there
    owned_by_another_user(monkeypatch, cache)

    result = run(["--lang", lang, "list"])
    assert not marker.exists()
    assert result.exit_code == 0, result.output
    assert SESSION_ID in result.stdout
    [note] = result.stderr.splitlines()
    assert str(cache) in note
    assert 'chown -R "$USER"' in note
    assert sorted(cache.iterdir()) == [file]
    assert file.read_bytes() == planted
    assert stat.S_IMODE(cache.stat().st_mode) == 0o777  # not ours to change


@posix_only
@pytest.mark.parametrize("folder", [".", "sessions", "locks", "broken"])
def test_a_folder_of_another_user_that_holds_data_is_still_refused(
    run: Run, rebound_home: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    """Only the cache is a nicety: the folders that hold or guard what the person typed are
    refused when another user owns them (they could change what was saved)."""
    build_session()
    assert run(["list"]).exit_code == 0
    (rebound_home / folder).mkdir(exist_ok=True)
    owned_by_another_user(monkeypatch, rebound_home / folder)
    result = run(["list"])
    assert result.exit_code == 1
    assert "belongs to another user" in result.stderr
    assert SESSION_ID not in result.stdout


@posix_only
@pytest.mark.parametrize("folder", [".", "locks"])
def test_a_state_folder_of_another_user_is_refused(
    run: Run, rebound_state: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    """This computer's state folder guards the sessions (locks) and keeps typed wins waiting:
    another user's is refused, as the data folder is."""
    build_session()
    assert run(["list"]).exit_code == 0
    (rebound_state / folder).mkdir(parents=True, exist_ok=True)
    owned_by_another_user(monkeypatch, rebound_state / folder)
    result = run(["list"])
    assert result.exit_code == 1
    assert "belongs to another user" in result.stderr


def test_export_output_never_follows_a_link(run: Run, tmp_path: Path) -> None:
    build_session()
    dangling = tmp_path / "plan.md"
    elsewhere = tmp_path / "elsewhere.md"
    dangling.symlink_to(elsewhere)
    result = run(["export", "-o", str(dangling)])
    assert result.exit_code == 2
    assert not elsewhere.exists()

    precious = tmp_path / "precious.txt"
    precious.write_text("precious")
    link = tmp_path / "plan2.md"
    link.symlink_to(precious)
    assert run(["export", "-o", str(link)]).exit_code == 2
    assert run(["export", "-o", str(link), "--force"]).exit_code == 0
    assert precious.read_text() == "precious"
    assert not link.is_symlink()
    assert link.read_text().startswith("#")  # the Markdown export, in place of the link


BIDI = "\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_bidi_controls_are_shown_not_obeyed() -> None:
    """Issue 19, item 15: a right-to-left override makes 'Globex\u202emoc.evil' read as
    'Globexlive.com' on screen; like ESC, every bidi control is shown as its escape."""
    from rebound.text import clean

    shown = clean(f"Globex{BIDI}moc")
    assert not set(shown) & set(BIDI)
    assert shown == "Globex" + "".join(f"\\u{ord(c):04x}" for c in BIDI) + "moc"
    assert clean("שלום مرحبا") == "שלום مرحبا"  # right-to-left letters are text, kept


@pytest.mark.parametrize(
    "command",
    [["list"], ["todo"], ["summary"], ["contacts"], ["draft"], ["summary", "--drafts"]],
)
def test_bidi_controls_in_a_name_or_a_pack_never_reach_the_terminal(
    command: list[str],
    run: Run,
    content_copy: Path,
    rebound_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 19, item 15: a company, a contact's name and a pack's own text holding U+202E
    reached the terminal of list, todo, summary, contacts and draft."""
    coach = content_copy / "steps" / "thank.yaml"
    text = coach.read_text(encoding="utf-8")
    coach.write_text(text.replace("title: Thank the messenger", "title: Thank\u202e the messenger"))
    monkeypatch.setenv("REBOUND_CONTENT", str(content_copy))
    from tests.pinned import TODAY
    from tests.scenario import answers

    contacts = answers(TODAY)["contacts"]
    contacts[0]["name"] = "Priya\u2067 Patel"
    build_session(company="Glo\u202ebex", contacts=contacts)
    result = run(command)
    assert result.exit_code == 0, result.output
    said = result.output
    assert not set(said) & set(BIDI), [c for c in said if c in BIDI]
    assert "\\u202e" in said or "\\u2067" in said, said


def test_a_draft_printed_to_a_terminal_shows_its_bidi_controls(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`rebound draft NAME` prints the draft as it is to a pipe (to paste or pipe on), and made
    safe to a terminal, bidi controls included (issue 19, item 15)."""
    import io
    import sys

    from rebound.commands import draft

    class Screen(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Screen()
    monkeypatch.setattr(sys, "stdout", screen)
    draft._print("Thank you, Glo\u202ebex\n")
    assert screen.getvalue() == "Thank you, Glo\\u202ebex\n"

"""`rebound draft --edit` and `--mail` where the person's own programs misbehave: an editor
setting that can't be read, an editor that empties the file, a draft with nothing in it to mail
(issue 19, item 10)."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import pytest

from rebound.storage.records import Session
from tests.cli.conftest import script
from tests.helpers import Run
from tests.scenario import SESSION_ID


def saved(home: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((home / "sessions" / f"{SESSION_ID}.json").read_text())
    return data


@pytest.mark.parametrize("setting", ["vim 'x", 'code --wait "a', "ed \\"])
@pytest.mark.parametrize("name", ["EDITOR", "VISUAL"])
def test_an_editor_setting_that_cannot_be_read_is_said_plainly(
    run: Run,
    finished_session: Session,
    bin_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    rebound_home: Path,
    name: str,
    setting: str,
) -> None:
    """`EDITOR="vim 'x"` ended `draft --edit` with "did not expect (ValueError)"."""
    before = (rebound_home / "sessions" / f"{SESSION_ID}.json").read_bytes()
    monkeypatch.setenv(name, setting)
    result = run(["draft", "thank_you_email", "--edit"])
    assert result.exit_code == 1, result.output
    said = " ".join(result.stderr.split())
    assert "did not expect" not in said
    assert f"Could not use your editor ({name}={setting}: its quotes" in said, said
    assert (rebound_home / "sessions" / f"{SESSION_ID}.json").read_bytes() == before


def test_the_walks_offer_says_so_too(
    finished_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offer at the end of a step edits through the same `send.edit`: it gets the same plain
    error (which the walk shows, then offers again), never a ValueError."""
    from rebound.coach import drafts
    from rebound.errors import ReboundError
    from rebound.pack import packs
    from rebound.terminal import send

    monkeypatch.setenv("EDITOR", "vim 'x")
    monkeypatch.delenv("VISUAL", raising=False)
    content = packs.load(packs.default_dir("en"))
    [shown] = [d for d in drafts.session_drafts(content, finished_session) if d.id == "reflection"]
    with pytest.raises(ReboundError, match="its quotes"):
        send.edit(content, shown)


@pytest.mark.parametrize("left", ["", "\n\n  \n", None], ids=["empty", "blank", "deleted"])
def test_an_editor_that_empties_the_file_keeps_the_draft_and_says_so(
    run: Run,
    finished_session: Session,
    bin_dir: Path,
    editor: None,
    monkeypatch: pytest.MonkeyPatch,
    rebound_home: Path,
    left: str | None,
) -> None:
    """An emptied file was kept as an empty edit, and `--mail` then opened a bare `mailto:`."""
    assert run(["draft", "thank_you_email", "--edit"]).exit_code == 0  # an edit of one's own
    before = saved(rebound_home)["edited"]
    body = (
        "import os; os.remove(sys.argv[-1])"
        if left is None
        else (f"open(sys.argv[-1], 'w').write({left!r})")
    )
    empties = script(bin_dir, "empties.py", body)
    monkeypatch.setenv("EDITOR", shlex.join([sys.executable, "-S", str(empties)]))
    result = run(["draft", "thank_you_email", "--edit"])
    assert result.exit_code == 1, result.output
    said = " ".join(result.stderr.split())
    assert "came back empty" in said and "kept as it was" in said, said
    assert saved(rebound_home)["edited"] == before  # the earlier edit, as it was
    assert "Warmly," in run(["draft", "thank_you_email"]).stdout


def test_mail_never_opens_an_empty_draft(
    run: Run,
    finished_session: Session,
    bin_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    rebound_home: Path,
) -> None:
    """An empty edit kept by an earlier rebound (or a hand edit) made `--mail` open `mailto:`."""
    path = rebound_home / "sessions" / f"{SESSION_ID}.json"
    data = json.loads(path.read_text())
    data["edited"]["thank_you_email"] = ""
    path.write_text(json.dumps(data))
    given = tmp_path / "url.txt"
    browser = script(bin_dir, "browser", f"open({str(given)!r}, 'w').write(sys.argv[1])")
    monkeypatch.setenv("BROWSER", str(browser))
    result = run(["draft", "thank_you_email", "--mail"])
    assert result.exit_code == 1, result.output
    assert not given.exists()  # the mail app was never opened
    said = " ".join(result.stderr.split())
    assert "nothing in it to mail" in said and "rebound draft thank_you_email --reset" in said
    assert "mailto:" not in result.stdout


def test_an_editor_that_saves_and_then_fails_leaves_what_it_saved_where_it_says(
    run: Run,
    finished_session: Session,
    bin_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    rebound_home: Path,
) -> None:
    """An editor that saved and then ended with an error (killed, crashed, vim's `:cq`): the
    file it saved was deleted with the error, and what the person wrote with it (a hostile run
    under load: 'Could not use your editor (..., exit 143)')."""
    fails = script(
        bin_dir,
        "fails.py",
        "open(sys.argv[-1], 'w').write('Hi Dana, a line I mean to keep.\\n'); sys.exit(3)",
    )
    monkeypatch.setenv("EDITOR", shlex.join([sys.executable, "-S", str(fails)]))
    before = saved(rebound_home).get("edited")
    result = run(["draft", "thank_you_email", "--edit"])
    assert result.exit_code == 1, result.output
    said = " ".join(result.stderr.split())
    kept = said.split("what it saved is kept in ")[1].split(")")[0]
    assert Path(kept).read_text() == "Hi Dana, a line I mean to keep.\n"
    assert saved(rebound_home).get("edited") == before  # the draft is as it was
    Path(kept).unlink()
    # An editor that fails having saved nothing leaves no file of rebound's behind.
    nothing = script(bin_dir, "nothing.py", "sys.exit(3)")
    monkeypatch.setenv("EDITOR", shlex.join([sys.executable, "-S", str(nothing)]))
    result = run(["draft", "thank_you_email", "--edit"])
    assert result.exit_code == 1 and "kept in" not in result.stderr

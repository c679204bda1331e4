"""Every command under `--lang es` speaks Spanish: its sentences, its errors, its prompts' words.

The commands are found from the Typer app (a new one must say how it is walked here), and each
runs in-process with a finished Spanish session, and on the ways it can fail: no session, an
unknown id, a bad item, a busy lock, a broken file, no terminal. What it prints is checked for
English: any English `ui` sentence of the pack (a stretch of it long enough to mean something)
that appears as it is, or a word of a short stop-list the Spanish pack never uses.

`--help` texts stay English: Typer's help is the CLI reference (docs/cli.md), not checked here.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from rebound.app import app
from rebound.export import escape
from rebound.sentences.catalogue import Ui
from tests.conftest import REPO

# Words and phrases no Spanish sentence has: English leaking through whatever the pack says.
STOP = (" the ", " your ", " you ", "Nothing was", "rebound is", " is not ", " could not ")
SHORTEST = 18  # characters: a stretch of an English sentence shorter than this may be a name


def _stretches(text: str) -> Iterator[str]:
    """The literal parts of a template between its `{{tags}}`."""
    for part in re.split(r"\{\{[^}]*\}\}|[.;:!?](?:\s|$)", text):
        stretch = part.strip(" .,:;()'\"")
        if len(stretch) >= SHORTEST and " " in stretch:
            yield stretch


def english_sentences() -> set[str]:
    """Stretches of the English ui sentences that no Spanish sentence shares."""
    from rebound.pack import reader

    spanish = reader.load(REPO / "content" / "es").ui.model_dump()
    shared = " ".join(str(v) for v in spanish.values())
    return {s for english in Ui.defaults().values() for s in _stretches(english) if s not in shared}


ENGLISH = english_sentences()


def _typed(data: object) -> Iterator[str]:
    """Every text in a saved session: what the person typed, which may well be English."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _typed(value)
    elif isinstance(data, list):
        for value in data:
            yield from _typed(value)


def english_in(output: str, typed: object = None) -> list[str]:
    """The English in `output`, leaving out what the person typed (`typed`: a session)."""
    dump = typed.model_dump(mode="json") if hasattr(typed, "model_dump") else {}
    for text in sorted(set(_typed(dump)), key=len, reverse=True):
        if len(text) > 2:  # as typed, as a cue quotes it ('cut the...'), as Markdown escapes it
            for shown in (text, text[0].lower() + text[1:], escape(text)):
                output = output.replace(shown, " ")
    found = [s for s in ENGLISH if s in output]
    found += [w for w in STOP if w in f" {output} "]
    return found


# How each command is walked: (what is set up, the arguments after `rebound --lang es`).
def cases(tmp: Path, session_id: str) -> dict[str, list[tuple[str, list[str]]]]:
    answers = REPO / "tests" / "fixtures"
    (tmp / "bad.yaml").write_text("company: Globex\nnope: 1\n", encoding="utf-8")
    (tmp / "twice.yaml").write_text("company: [Globex]\n", encoding="utf-8")
    (tmp / "feedback.yaml").write_text("areas: [communication]\n", encoding="utf-8")
    broken = tmp / "broken"
    if not broken.exists():
        shutil.copytree(REPO / "content" / "es", broken)
        coach = broken / "coach.yaml"
        coach.write_text(coach.read_text(encoding="utf-8") + "steps: []\n", encoding="utf-8")
    unlike = tmp / "unlike"  # a translation that is not quite like English
    if not unlike.exists():
        shutil.copytree(REPO / "content" / "es", unlike)
        coach = unlike / "coach.yaml"
        text = coach.read_text(encoding="utf-8")
        coach.write_text(text.replace("keep_in_touch_default: 8", "keep_in_touch_default: 6"))
        ask_why = unlike / "steps" / "ask-why.yaml"
        text = ask_why.read_text(encoding="utf-8")
        ask_why.write_text(text.replace("      - {value: preparation, label: Preparación}\n", ""))
    return {
        "start": [
            ("no terminal", ["start"]),
            ("stopped", ["start"]),
            ("missing answers", ["start", "--answers", str(tmp / "nope.yaml")]),
            ("unknown question", ["start", "--answers", str(tmp / "bad.yaml")]),
            ("a list for one answer", ["start", "--answers", str(tmp / "twice.yaml")]),
        ],
        "continue": [
            ("finished", ["continue"]),
            ("unknown", ["continue", "-s", "zzz"]),
            ("bad step", ["continue", "--step", "nope"]),
        ],
        "summary": [("finished", ["summary"]), ("unknown", ["summary", "-s", "zzz"])],
        "done": [
            ("bad item", ["done", "no-such-item"]),
            ("unknown", ["done", "-s", "zzz", "x"]),
            ("no terminal", ["done"]),
        ],
        "list": [("finished", ["list"])],
        "draft": [  # with stand-ins: nothing is copied, mailed or edited for real
            ("list", ["draft"]),
            ("unknown draft", ["draft", "nope"]),
            ("unknown", ["draft", "-s", "zzz"]),
            ("print", ["draft", "thank_you_email"]),
            ("outreach", ["draft", "outreach-1"]),
            ("two actions", ["draft", "thank_you_email", "--copy", "--mail"]),
            ("no name", ["draft", "--copy"]),
            ("copy, no clipboard", ["draft", "thank_you_email", "--copy"]),
            ("mail, no mail app", ["draft", "thank_you_email", "--mail"]),
            ("edit, the editor fails", ["draft", "thank_you_email", "--edit"]),
            ("reset, no edit", ["draft", "thank_you_email", "--reset"]),
        ],
        "show": [("finished", ["show", session_id]), ("unknown", ["show", "zzz"])],
        "delete": [
            ("no terminal", ["delete", session_id]),
            ("stopped", ["delete", session_id]),
            ("unknown", ["delete", "zzz"]),
            ("empty id", ["delete", ""]),
        ],
        "todo": [("finished", ["todo"])],
        "contacts": [
            ("finished", ["contacts"]),
            ("log", ["contacts", "log", "priya PATEL", "--outcome", "replied"]),
            ("log near", ["contacts", "log", "Priya Patil"]),
            ("log unknown", ["contacts", "log", "Zoë"]),
            ("log bad outcome", ["contacts", "log", "Priya Patel", "--outcome", "ghosted"]),
            ("log bad date", ["contacts", "log", "Priya Patel", "--on", "someday"]),
            ("log future", ["contacts", "log", "Priya Patel", "--on", "tomorrow"]),
        ],
        "feedback": [
            ("no terminal", ["feedback"]),
            ("unknown", ["feedback", "-s", "zzz"]),
            ("answers", ["feedback", "--answers", str(tmp / "feedback.yaml")]),
        ],
        "stats": [("finished", ["stats"])],
        "nudge": [
            ("finished", ["nudge"]),
            ("both", ["nudge", "--install", "--uninstall"]),
            ("install", ["nudge", "--install", "bash"]),
            ("install again", ["nudge", "--install", "bash"]),
            ("uninstall", ["nudge", "--uninstall", "bash"]),
            ("uninstall again", ["nudge", "--uninstall", "bash"]),
            ("unknown shell", ["nudge", "--install", "tcsh"]),
            ("powershell", ["nudge", "--install", "pwsh"]),
            ("powershell again", ["nudge", "--uninstall", "pwsh"]),
        ],
        "remind": [  # a stand-in crontab, no systemd, no desktop: the reminder is printed
            ("finished", ["remind"]),
            ("bad time", ["remind", "--install", "--at", "25"]),
            ("both", ["remind", "--install", "--uninstall"]),
            ("install no terminal", ["remind", "--install"]),
            ("install", ["remind", "--install", "--at", "7:30", "--yes"]),
            ("status", ["remind", "--status"]),
            ("daily run", ["remind", "--daily", "cron"]),
            ("status, it ran", ["remind", "--status"]),
            ("uninstall", ["remind", "--uninstall"]),
            ("uninstall again", ["remind", "--uninstall"]),
            ("status, none", ["remind", "--status"]),
            ("via cron", ["remind", "--install", "--via", "cron", "--yes"]),
            ("via unknown", ["remind", "--install", "--via", "anacron"]),
            ("via missing", ["remind", "--install", "--via", "launchd"]),
            ("via alone", ["remind", "--via", "cron"]),
            ("home relative", ["remind", "--home", "relative/folder"]),
            (
                "unsafe, last: it moves the data folder",
                ["remind", "--install", "--yes", "--home", str(tmp / "a\nb")],
            ),
        ],
        "brag": [
            ("list", ["brag"]),
            ("show", ["brag", "show", "1"]),
            ("no story", ["brag", "show", "99"]),
            ("no name", ["brag", "show", "zzz"]),
            ("add no title", ["brag", "add", "--number", "3"]),
            ("add stopped", ["brag", "add"]),
            ("edit stopped", ["brag", "edit", "1"]),
            ("add", ["brag", "add", "--title", "Organicé la migración"]),
            ("edit", ["brag", "edit", "1", "--result", "Menos errores"]),
            ("remove no terminal", ["brag", "remove", "1"]),
            ("remove", ["brag", "remove", "1", "--yes"]),
        ],
        "rehearse": [("no terminal", ["rehearse"]), ("stopped", ["rehearse"])],
        "export": [
            ("markdown", ["export", "--format", "markdown", "-o", str(tmp / "out.md")]),
            ("exists", ["export", "-o", str(answers / "sessions" / "v1-finished.json")]),
            ("no folder", ["export", "-o", str(tmp / "nope" / "x.md")]),
            ("unknown", ["export", "zzz"]),
            ("all, no ics", ["export", "--all"]),
            ("all, markdown", ["export", "--all", "--format", "markdown"]),
            ("all, ics", ["export", "--all", "--format", "ics", "-o", str(tmp / "all.ics")]),
        ],
        "content": [
            ("validate", ["content", "validate"]),
            ("new exists", ["content", "new", str(answers)]),
            ("broken", ["content", "validate", str(broken)]),
            ("like", ["content", "validate", "--like", "en"]),
            ("unlike", ["content", "validate", "--like", "en", str(unlike)]),
            ("like nothing", ["content", "validate", "--like", "xx"]),
        ],
        "data": [
            ("export", ["data", "export", str(tmp / "all.zip")]),
            ("export exists", ["data", "export", str(answers)]),
            ("wipe no terminal", ["data", "wipe"]),
            ("wipe stopped", ["data", "wipe"]),
            ("path", ["data", "path"]),
            ("move, REBOUND_HOME set", ["data", "move", str(tmp / "elsewhere")]),
        ],
    }


def command_names() -> list[str]:
    root: Any = typer.main.get_command(app)
    ctx = typer.Context(root)
    return list(root.list_commands(ctx))


def test_every_command_is_walked(tmp_path: Path) -> None:
    assert set(command_names()) <= set(cases(tmp_path, "x")), "a new command: add its cases"


def _stand_ins(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No real clipboard, mail app, editor, desktop or scheduler: stand-ins that say no (an
    editor that fails, no clipboard program or terminal, no mail app) or keep to `tmp` (a
    crontab in a file), so that their messages are walked too."""
    bin_dir = tmp / "bin"
    bin_dir.mkdir(exist_ok=True)
    table = tmp / "crontab.txt"
    crontab = bin_dir / "crontab"
    crontab.write_text(
        f'#!/bin/sh\nif [ "$1" = "-l" ]; then\n  [ -f "{table}" ] && /bin/cat "{table}"\n'
        f'  exit 0\nelse\n  /bin/cat "$1" > "{table}"\nfi\n'
    )
    crontab.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER", "VISUAL", "TMUX"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EDITOR", "/bin/false")
    monkeypatch.setattr("rebound.system.clipboard.terminal", lambda: None)
    monkeypatch.setattr("rebound.system.clipboard.program", lambda: None)
    monkeypatch.setattr("webbrowser.open", lambda *args, **kwargs: False)


def _said(result: Any) -> str:
    out = str(result.stdout)
    with contextlib.suppress(ValueError):  # stderr mixed into stdout
        out += result.stderr
    return out


@pytest.mark.parametrize("name", command_names())
def test_a_command_speaks_spanish(
    name: str, run: Any, make_session: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # a nudge or a reminder touches nothing real
    _stand_ins(tmp_path, monkeypatch)
    session = make_session(lang="es")
    for label, args in cases(tmp_path, session.id)[name]:
        result = run(["--lang", "es", *args], terminal="no terminal" not in label)
        said = _said(result)
        found = english_in(said, session)
        assert not found, f"{name} ({label}): {found}\n{said}"
    if name == "export":  # what it wrote, too
        written = (tmp_path / "out.md").read_text(encoding="utf-8")
        found = english_in(written, session)
        assert not found, f"export's Markdown: {found}\n{written}"


def test_the_errors_of_a_busy_or_broken_session_speak_spanish(
    run: Any, make_session: Any, rebound_home: Path
) -> None:
    from rebound.storage.store import Store

    session = make_session(lang="es")
    with Store().lock(session.id):
        said = _said(run(["--lang", "es", "done", "-s", session.id, "x"]))
    assert "otra ventana" in said, said
    assert not english_in(said, session), said
    (rebound_home / "sessions" / f"{session.id}.json").write_text("{", encoding="utf-8")
    said = _said(run(["--lang", "es", "show", session.id]))
    assert "No se pudo leer" in said, said
    assert not english_in(said, session), said


def test_an_error_about_a_broken_pack_is_still_said(run: Any, tmp_path: Path) -> None:
    """The pack in use cannot be loaded: the built-in pack of --lang says why, and with no
    --lang the English defaults of catalogue.Ui do; never a traceback."""
    broken = tmp_path / "pack"
    broken.mkdir()
    (broken / "coach.yaml").write_text("opening: {}\nsteps: []\nnope: 1\n", encoding="utf-8")
    result = run(["--lang", "es", "--content", str(broken), "list"])
    assert result.exit_code == 2
    assert "coach.yaml:3:1: nope: no es un campo conocido" in _said(result)
    result = run(["--content", str(broken), "list"])
    assert result.exit_code == 2
    assert "coach.yaml:3:1: nope: is not a known field (check the spelling)" in _said(result)


def test_an_unknown_language_is_said_in_english(run: Any) -> None:
    result = run(["--lang", "xx", "list"])
    assert result.exit_code == 2
    assert "There is no 'xx' coaching content. Languages: en, es." in _said(result)


def test_the_walk_finds_english_when_it_is_there() -> None:
    """The check itself: an English sentence of the pack, or a stop word, is caught."""
    assert english_in("rebound: There are no sessions yet, so nothing to tick. Begin now.")
    assert english_in("Kept the file in your folder")
    assert not english_in("Aún no hay sesiones, así que no hay nada que marcar.")


def test_a_data_folder_out_of_shape_is_said_in_spanish(
    run: Any, make_session: Any, rebound_home: Path
) -> None:
    """A folder where a session's file should be, and a file where `sessions/` should be: the
    data folder's own errors (rebound.storage.store, rebound.storage.trust) speak the pack's
    language."""
    session = make_session(lang="es")
    odd = rebound_home / "sessions" / "2026-01-01-odd.json"
    odd.mkdir()
    said = _said(run(["--lang", "es", "show", "2026-01-01-odd"]))
    assert "es una carpeta, no un archivo" in said, said
    assert not english_in(said, session), said
    shutil.rmtree(rebound_home / "sessions")
    (rebound_home / "sessions").write_text("", encoding="utf-8")
    said = _said(run(["--lang", "es", "list"]))
    assert "es un archivo, no una carpeta" in said, said
    assert not english_in(said, session), said

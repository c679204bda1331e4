"""The one home of the words: errors carry a key and are worded late, in the run's language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from rebound import errors
from rebound.app import pack_loader
from rebound.errors import DataError, NoSessionError, UsageError
from rebound.sentences import speech
from rebound.sentences.catalogue import Ui
from tests.conftest import REPO

SRC = REPO / "src" / "rebound"
# Calls whose first argument is the key of a sentence of the pack.
_SAYING = {"say", "say_count", "phrase", "then"}
_RAISING = {
    name
    for name, kind in vars(errors).items()
    if isinstance(kind, type) and issubclass(kind, errors.ReboundError)
}


def _keys_used() -> list[tuple[str, int, str, bool]]:
    """(file, line, key, counted) of every literal key given to a sentence or an error."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", "")
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            # "" is the blank key of an error that is given its words later (`like`).
            if (name in _SAYING or name in _RAISING) and first.value:
                rel = str(path.relative_to(REPO))
                found.append((rel, node.lineno, first.value, name == "say_count"))
    return found


def test_every_key_said_is_a_sentence_of_the_pack() -> None:
    fields = set(Ui.defaults())
    used = _keys_used()
    assert len(used) > 150  # the scan does find them
    missing = [f"{f}:{n}: {k}" for f, n, k, _ in used if k not in fields]
    assert not missing, "not in catalogue.Ui: " + ", ".join(missing)
    plural = [f"{f}:{n}: {k}" for f, n, k, counted in used if counted and f"{k}_one" not in fields]
    assert not plural, "say_count needs a _one twin: " + ", ".join(plural)


def test_keys_kept_in_tables_are_sentences_too() -> None:
    from rebound import app
    from rebound.coach import brag_list
    from rebound.commands import brag, reminders
    from rebound.pack import reader
    from rebound.system import clipboard, quoting
    from rebound.terminal import prompts

    keys = [
        *app._REASONS.values(),
        *prompts.RATINGS,
        *brag_list._AS_ACTION,
        *brag_list._AS_TOPIC,
        *(key for _, key in brag.STORY),
        *clipboard._WORDED.values(),
        *reader.NEVER_HOLDS.values(),
        *reminders.WHY.values(),
        *reminders.WILL.values(),
        quoting.LINE_BREAK,
        quoting.CONTROL,
        quoting.NOT_UTF8,
        quoting.PERCENT,
    ]
    assert set(keys) <= set(Ui.defaults())


def test_an_error_is_worded_when_it_is_said_not_when_it_is_raised() -> None:
    error = NoSessionError("no_session_list", id="globex")
    speech.begin(pack_loader(lang="es"))
    assert error.message == "No hay ninguna sesión «globex». `rebound list` las muestra."
    speech.begin(pack_loader(lang="en"))
    assert error.message == "There is no session 'globex'. `rebound list` shows them."


def test_an_error_grows_by_sentences_and_keeps_them_across_a_change_of_class() -> None:
    speech.begin(pack_loader(lang="en"))
    first = DataError("save_failed", where=Path("/data"), value=speech.phrase("why_full"))
    grown = UsageError("").like(first).then("save_failed_later", id="s1")
    assert grown.message == (
        "Could not save to /data because the disk is full. Everything saved before is "
        "unharmed; free some space or fix the folder, then try again. "
        "`rebound continue -s s1` picks up at this question."
    )
    assert grown.exit_code == 2
    speech.begin(pack_loader(lang="es"))
    assert "porque el disco está lleno" in grown.message


def test_a_text_built_elsewhere_is_said_as_it_is() -> None:
    assert UsageError.said("coach.yaml:1:1: (file): is empty.").message == (
        "coach.yaml:1:1: (file): is empty."
    )


def test_no_pack_that_loads_means_the_english_defaults(tmp_path: Path) -> None:
    speech.begin(pack_loader(tmp_path / "nowhere", lang="xx"))
    assert speech.pack() is speech.ENGLISH
    assert speech.say("no_such_session", id="a") == "There is no session 'a'."


def test_a_loaded_pack_is_the_one_that_speaks() -> None:
    from rebound.pack import packs

    speech.begin()
    speech.use(packs.load(packs.default_dir("es")))
    assert speech.say_count("brag_stories", 1) == ": 1 historia"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_words_module_never_makes_the_data_folder(lang: str, rebound_home: Path) -> None:
    """`data wipe` says "Wiped" after the folder is gone: saying it must not make it again."""
    speech.begin(pack_loader(lang=lang))
    speech.say("wiped", where=rebound_home)
    assert not rebound_home.exists()


def test_a_text_given_as_the_key_is_said_as_it_is() -> None:
    """Code that words its message where it raises (`UsageError(content.say(...))`, as other
    branches do) still says it, not a traceback."""
    speech.begin()
    assert UsageError("Nothing to draft here.").message == "Nothing to draft here."


def test_the_names_inside_a_sentence_speak_the_runs_language_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What fills a sentence in (the editor that failed, the clipboard used, a file that is no
    folder) is worded in the run's language, not left in English inside a Spanish sentence."""
    from rebound.system import clipboard, programs

    speech.begin(pack_loader(lang="es"))
    monkeypatch.setenv("EDITOR", "/bin/false")
    monkeypatch.delenv("VISUAL", raising=False)
    with pytest.raises(programs.EditorFailed) as failed:
        programs.edit("Hola")
    assert str(failed.value) == "/bin/false, salida 1"

    def copy_windows(text: str) -> None: ...

    monkeypatch.setattr("pyperclip.determine_clipboard", lambda: (copy_windows, None))
    found = clipboard.program()
    assert found is not None
    assert found[0] == "el portapapeles de Windows"

"""Content packs: `content path`, `content new`, --lang and LANG, --no-color."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rebound.pack import packs
from rebound.pack.schemas import SCHEMA_LINE
from tests.conftest import CONTENT, REPO
from tests.helpers import MakeSession, Run


def test_content_path_is_the_builtin_english_pack(run: Run) -> None:
    result = run(["content", "path"])
    assert result.exit_code == 0
    assert Path(result.stdout.strip()) == CONTENT


def test_content_path_follows_the_content_option(run: Run, content_copy: Path) -> None:
    assert run(["--content", str(content_copy), "content", "path"]).stdout.strip() == str(
        content_copy
    )


def _below_the_first_line(file: Path) -> str:
    return file.read_text(encoding="utf-8").split("\n", 1)[1]


def test_content_new_copies_a_starting_point(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mine"
    result = run(["content", "new", str(target)])
    assert result.exit_code == 0, result.output
    assert _below_the_first_line(target / "coach.yaml") == _below_the_first_line(
        CONTENT / "coach.yaml"
    )
    assert sorted(p.name for p in (target / "steps").iterdir()) == sorted(
        p.name for p in (CONTENT / "steps").iterdir()
    )
    for step in (CONTENT / "steps").iterdir():
        assert _below_the_first_line(target / "steps" / step.name) == _below_the_first_line(step)
    assert "rebound content validate" in result.stdout
    assert run(["content", "validate", str(target)]).exit_code == 0


def _schema_named(file: Path) -> Path:
    """The file an editor opens for `file`'s schema: its first line's path, from its folder."""
    first = file.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(SCHEMA_LINE), f"{file}: {first!r}"
    return file.parent / first.removeprefix(SCHEMA_LINE)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_content_new_gives_the_copy_schemas_that_resolve_in_it(
    run: Run, tmp_path: Path, lang: str
) -> None:
    """yaml-language-server reads `$schema=` relative to the file: from every file of the new
    folder it leads to a JSON Schema inside that folder, the bytes of the documented one, and
    still does when the folder is moved elsewhere."""
    target = tmp_path / "mine"
    assert run(["--lang", lang, "content", "new", str(target)]).exit_code == 0
    moved = tmp_path / "elsewhere" / "pack"
    moved.parent.mkdir()
    target.rename(moved)
    files = [moved / "coach.yaml", *sorted((moved / "steps").glob("*.yaml"))]
    assert len(files) == 6
    for file in files:
        named = _schema_named(file)
        assert named.resolve().parent == (moved / "schema").resolve(), file
        kind = "coach" if file.name == "coach.yaml" else "step"
        assert named.name == f"{kind}.schema.json"
        schema = json.loads(named.read_text(encoding="utf-8"))
        assert schema["additionalProperties"] is False
        assert named.read_bytes() == (REPO / "docs" / "schema" / named.name).read_bytes()
    assert sorted(p.name for p in (moved / "schema").iterdir()) == [
        "coach.schema.json",
        "step.schema.json",
    ]
    assert run(["content", "validate", str(moved)]).exit_code == 0


def test_a_copy_of_a_copy_names_its_own_schemas(run: Run, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    assert run(["content", "new", str(first)]).exit_code == 0
    (first / "schema" / "step.schema.json").write_text("{}", encoding="utf-8")  # an old one
    assert run(["--content", str(first), "content", "new", str(second)]).exit_code == 0
    for file in [second / "coach.yaml", *(second / "steps").glob("*.yaml")]:
        named = _schema_named(file).resolve()
        assert named.parent == (second / "schema").resolve()
        assert named.read_bytes() == (REPO / "docs" / "schema" / named.name).read_bytes()
    assert (first / "schema" / "step.schema.json").read_text(encoding="utf-8") == "{}"


def test_content_new_refuses_a_folder_in_use(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    result = run(["content", "new", str(target)])
    assert result.exit_code == 2
    assert "not empty" in result.stderr
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


@pytest.mark.skipif(not (CONTENT.parent / "es").is_dir(), reason="no Spanish pack yet")
def test_lang_option_and_environment(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    spanish = CONTENT.parent / "es"
    assert run(["--lang", "es", "content", "path"]).stdout.strip() == str(spanish)
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert run(["content", "path"]).stdout.strip() == str(spanish)
    assert run(["--lang", "en", "content", "path"]).stdout.strip() == str(CONTENT)
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")  # no French pack: English
    assert run(["content", "path"]).stdout.strip() == str(CONTENT)


def test_unknown_language(run: Run) -> None:
    result = run(["--lang", "xx", "content", "path"])
    assert result.exit_code == 2
    assert "There is no 'xx' coaching content" in result.stderr
    assert "en" in result.stderr


def test_environment_language_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    for value, expected in [("es_ES.UTF-8", "es"), ("C.UTF-8", "c"), ("pt", "pt"), ("", None)]:
        monkeypatch.setenv("LANG", value)
        assert packs.environment_language() == expected


def test_no_color_option(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    run(["--no-color", "content", "path"])
    import os

    assert os.environ.get("NO_COLOR") == "1"


def test_each_pack_joins_answers_in_its_own_language() -> None:
    from datetime import datetime, timezone

    from rebound.coach import progress
    from rebound.pack import reader
    from rebound.storage.records import Session

    now = datetime(2026, 11, 25, tzinfo=timezone.utc)
    for lang, joined in (("en", "and"), ("es", "y")):
        pack = reader.load(CONTENT.parent / lang)
        session = Session(id="s", created_at=now, updated_at=now)
        session.answers.update(company="Globex", role="QA", call_date="2026-11-25")
        session.answers["areas"] = ["communication", "preparation"]
        log = next(d for d in pack.step("ask-why").drafts if d.id == "feedback_log")
        text = progress.draft_text(pack, session, log)
        labels = {c.value: c.label for c in pack.step("ask-why").prompts[2].choices}
        assert f"{labels['communication']} {joined} {labels['preparation']}" in text


def test_the_coachs_own_words_come_from_the_pack(run: Run) -> None:
    from tests.scenario import GROUPS, NAMES, keys

    result = run(["--lang", "es", "start"], keys(GROUPS[: NAMES.index("thanked_on_call")]))
    assert "Ctrl-B vuelve a la pregunta anterior." in result.stdout
    assert "Paso 1 de 5 · " in result.stdout
    assert "Consejo: " in result.stdout
    assert "Ctrl-B goes back" not in result.stdout
    assert "Tip: " not in result.stdout


def test_a_ui_sentence_can_only_use_known_names(run: Run, content_copy: Path) -> None:
    coach_file = content_copy / "coach.yaml"
    coach_file.write_text(
        coach_file.read_text().replace("  pending: (pending)", "  pending: ({{secret}})")
    )
    result = run(["content", "validate", str(content_copy)])
    assert result.exit_code == 2
    assert "ui.pending: '{{secret}}' can't be filled in here" in result.stderr


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_coach_commands_speak_the_pack_language(run: Run) -> None:
    from tests.scenario import GROUPS, keys

    empty = run(["--lang", "es", "summary"])
    assert "Aún no hay sesiones" in empty.stdout
    nothing = run(["--lang", "es", "continue"])
    assert "Todavía no hay ninguna sesión que continuar" in nothing.stdout

    stopped = run(["--lang", "es", "start"], "")
    assert stopped.exit_code == 130
    assert flat(stopped.stderr).startswith("Lo dejamos aquí, antes de la primera respuesta")

    walked = run(["--lang", "es", "start"], keys(GROUPS))  # the same keys work in every pack
    assert walked.exit_code == 0, walked.output
    assert "Son los cinco pasos" in walked.stdout
    assert re.search(
        r"Capítulo de Globex cerrado  para el \d{4}-\d\d-\d\d  \(move-on\)", walked.stdout
    )
    assert " due " not in walked.stdout
    ticked = run(["--lang", "es", "continue"], " \r")
    assert ticked.exit_code == 0, ticked.output
    assert "Has marcado 1. ¡Bien hecho!" in ticked.stdout

    halfway = run(["--lang", "es", "start"], keys(GROUPS[:3]))
    assert halfway.exit_code == 130
    assert "Lo dejamos aquí. Todo lo que respondiste está guardado" in flat(halfway.stderr)
    for english in ("Ticked", "Stopped", "No sessions yet", "Well done"):
        for result in (empty, nothing, stopped, walked, ticked, halfway):
            assert english not in result.output, english


def test_the_session_list_speaks_the_pack_language() -> None:
    from datetime import datetime, timezone

    from rich.console import Console

    from rebound.render import screens
    from rebound.storage.records import Session

    spanish = packs.load(packs.content_dir(None, lang="es"))
    moment = datetime(2026, 11, 25, 9, tzinfo=timezone.utc)
    session = Session(
        id="2026-11-25-globex", created_at=moment, updated_at=moment, answers={"company": "Globex"}
    )
    out = Console(record=True, force_terminal=True, width=100, color_system=None)
    screens.session_list(out, spanish, [session], total=21)
    shown = flat(out.export_text())
    assert "Id Empresa · puesto Pasos Siguiente" in shown
    assert "Se muestran las 1 más recientes de 21" in shown
    assert "Company" not in shown


def test_todo_speaks_the_pack_language(run: Run, make_session: MakeSession) -> None:
    assert "Aún no hay sesiones" in run(["--lang", "es", "todo"]).stdout
    make_session(lang="es")
    shown = flat(run(["--lang", "es", "todo"]).stdout)
    assert "Próximamente (hasta el " in shown
    assert "Globex, vence hoy rebound done thank-you-sent" in shown  # the same day
    assert "Globex, dentro de 2 días rebound done feedback-asked" in shown
    english = flat(run(["--lang", "en", "todo"]).stdout)
    assert "Globex, due today rebound done thank-you-sent" in english
    for word in ("Upcoming", " in 1 day", " days", "Overdue", "due today"):
        assert word not in shown, word


def test_contacts_and_stats_speak_the_pack_language(run: Run, make_session: MakeSession) -> None:
    assert "Aún no hay sesiones, así que no hay nada que contar" in flat(
        run(["--lang", "es", "stats"]).stdout
    )
    make_session(lang="es")
    people = flat(run(["--lang", "es", "contacts"]).stdout)
    assert "Personas con las que retomar el contacto" in people
    assert "sin contactar aún, añadida hoy" in people
    assert "De: Globex (" in people
    numbers = flat(run(["--lang", "es", "stats"]).stdout)
    for spanish in (
        "Rechazos a lo largo del tiempo",
        "Pasos completados: 5 de 5 (1 sesión",
        "Compromisos cumplidos: 0 de 2 mejoras",
        "Esta semana: 0 de 3 conversaciones nuevas. Un mensaje hoy es un buen comienzo.",
        "En total: 1 sesión, 1 logro en tus listas",
    ):
        assert spanish in numbers, spanish
    months = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
    assert any(f"{m} 20" in numbers for m in months)
    for english in ("People", "never contacted", "Progress", "Totals", "This week", "session,"):
        assert english not in people + numbers, english


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "that starts at line 2"), ("es", "que empieza en la línea 2")]
)
def test_a_broken_pack_is_read_once_and_its_error_worded_in_a_built_in_one(
    run: Run, content_copy: Path, monkeypatch: pytest.MonkeyPatch, lang: str, words: str
) -> None:
    """The error found while reading a pack is worded while that pack is still being read: it
    must be worded in the built-in pack of --lang, not by reading the broken one again."""
    from rebound.pack import reader

    (content_copy / "steps" / "thank.yaml").write_text("id: thank\ntitle: [unclosed\n")
    real = reader.load
    read: list[Path] = []
    monkeypatch.setattr(reader, "load", lambda base: read.append(base) or real(base))
    result = run(["--lang", lang, "--content", str(content_copy), "list"])
    assert result.exit_code == 2, result.output
    assert "thank.yaml:3:1: (yaml):" in result.stderr
    assert words in " ".join(result.stderr.split())
    assert read.count(content_copy) == 1, read
    assert set(read) <= {content_copy, CONTENT.parent / lang}

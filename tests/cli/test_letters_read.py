"""The letters a person sends, read before they reach anyone: a sentence made from their words is
read back as they answer, and theirs replaces it in every draft; `draft --check` says what a
careful reader would stop at; an answers file hears it at the line it came from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests import pinned
from tests.helpers import ENTER, Run
from tests.scenario import GROUPS, keys, yaml_text

CLEAR = "\x15"  # Ctrl-U: clear the offered text
HEARD = pinned.iso(-1)
# Someone who wrote their thanks as a sentence about the messenger, not to her.
ABOUT_HER = f"""\
company: Riverside Family Clinic
role: nurse practitioner
stage: final
messenger_name: Dr. Angela Whitfield
messenger_channel: in_person
call_date: {HEARD}
your_name: Maria Santos
thanked_on_call: true
thank_detail: She was really kind and gave me her tips.
door: reapply
reasons_heard: given
"""


def session(home: Path) -> dict[str, Any]:
    [path] = (home / "sessions").iterdir()
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def test_an_answer_joined_into_a_letter_is_read_back_and_can_be_rewritten(
    run: Run, rebound_home: Path
) -> None:
    """Right after the thanks are typed, the sentence they make is shown as the email will say
    it; 'n' and the person's own sentence replace it, in the draft and for good."""
    mine = "Your tips on the pediatric rotation were generous, and I'll use them."
    typed = ""
    for name, group in GROUPS:
        rewritten = "n" + ENTER + CLEAR + mine + ENTER
        typed += rewritten if name == "readback.thank_detail" else group
        if name == "offer.thank_you_email":
            break
    result = run(["start"], typed)
    shown = " ".join(result.stdout.split())
    assert "In your thank-you email, that reads:" in shown
    assert "“Thank you also for the [bold]honest[/bold] notes.”" in shown  # as typed, literally
    assert session(rebound_home)["sentences"] == {"detail": mine}
    draft = run(["draft", "thank_you_email"]).stdout
    assert mine in draft and "honest" not in draft
    # Revisiting the step keeps it: Enter through every question, the sentence stays theirs.
    run(["continue", "--step", "thank"], ENTER * 30)
    assert session(rebound_home)["sentences"] == {"detail": mine}
    assert mine in run(["draft", "thank_you_email"]).stdout


def test_enter_keeps_the_sentence_as_it_reads(run: Run, rebound_home: Path) -> None:
    run(["start"], keys(GROUPS))
    assert session(rebound_home).get("sentences", {}) == {}
    draft = run(["draft", "thank_you_email"]).stdout
    assert "Thank you also for the [bold]honest[/bold] notes." in " ".join(draft.split())


def test_an_answers_file_hears_what_was_left_out_at_its_line(
    run: Run, rebound_home: Path, tmp_path: Path
) -> None:
    file = tmp_path / "answers.yaml"
    file.write_text(ABOUT_HER, encoding="utf-8")
    result = run(["start", "--answers", str(file)], terminal=False)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    detail = "thank_detail: She was really kind and gave me her tips."
    line = ABOUT_HER.splitlines().index(detail) + 1
    assert f"{file}:{line}:1: thank_detail: Your thank-you email: One sentence was left out" in said
    draft = run(["draft", "thank_you_email"]).stdout
    assert "She was" not in draft  # never sent about her, to her
    assert "I'm glad I made it to the final round" in draft  # how far she got, and no further
    assert "apply again, as you suggested" in draft  # the door she held open
    check = run(["draft", "thank_you_email", "--check"])
    assert check.exit_code == 1
    assert "(“detail”)" in check.stdout

    # Her own sentence, under `sentences:`, is used as written, and the draft reads well.
    mine = "Thank you for your kindness, and for the tips on the pediatric side."
    file.write_text(ABOUT_HER + f"sentences:\n  detail: {mine}\n", encoding="utf-8")
    again = run(["start", "--answers", str(file)], terminal=False)
    assert again.exit_code == 0, again.output
    assert "left out" not in again.output
    latest = run(["draft", "thank_you_email"]).stdout
    assert mine in latest
    assert run(["draft", "thank_you_email", "--check"]).exit_code == 0


def test_a_greeting_the_coach_would_guess_can_be_given(
    run: Run, rebound_home: Path, tmp_path: Path
) -> None:
    """'Zhang Wei' is greeted 'Hi Zhang,' by a guess; the file's `messenger_address` wins."""
    file = tmp_path / "answers.yaml"
    text = ABOUT_HER.replace("Dr. Angela Whitfield", "Zhang Wei").replace(
        "messenger_channel: in_person", "messenger_address: Wei\nmessenger_channel: in_person"
    )
    file.write_text(text.replace("She was really kind and gave me her tips.", "the tips"), "utf-8")
    result = run(["start", "--answers", str(file)], terminal=False)
    assert result.exit_code == 0, result.output
    assert session(rebound_home)["answers"]["messenger_address"] == "Wei"
    assert run(["draft", "thank_you_email"]).stdout.startswith("Subject:")
    assert "Hi Wei," in run(["draft", "thank_you_email"]).stdout


def test_check_says_each_message_reads_well_in_each_language(
    run: Run, rebound_home: Path, tmp_path: Path
) -> None:
    file = tmp_path / "answers.yaml"
    file.write_text(
        ABOUT_HER.replace("She was really kind and gave me her tips.", "the tips"), "utf-8"
    )
    assert run(["start", "--answers", str(file)], terminal=False).exit_code == 0
    english = run(["draft", "--check"])
    assert english.exit_code == 0, english.output
    assert "Your thank-you email: reads well; nothing to point out." in english.stdout
    es = tmp_path / "respuestas.yaml"
    es.write_text(
        ABOUT_HER.replace("She was really kind and gave me her tips.", "los consejos")
        .replace("Riverside Family Clinic", "Hospital San Rafael")
        .replace("nurse practitioner", "enfermera"),
        "utf-8",
    )
    assert run(["--lang", "es", "start", "--answers", str(es)], terminal=False).exit_code == 0
    spanish = run(["draft", "--check"])  # the latest session: the Spanish one, in Spanish
    assert spanish.exit_code == 0, spanish.output
    assert "Tu correo de agradecimiento: se lee bien; no hay nada que señalar." in spanish.stdout


def test_an_answers_file_hears_of_a_place_strangers_cant_find_at_its_line(
    run: Run, rebound_home: Path, tmp_path: Path
) -> None:
    """The post leaves 'within 30 min of home' out, and says so at the line of `looking_for`
    (not at the draft's name: the words are in that answer)."""
    from tests import scenario

    def bare(value: Any) -> Any:  # the answers as a person writes them: no entry ids
        if isinstance(value, list):
            return [
                {k: v for k, v in e.items() if k != "_id"} if isinstance(e, dict) else e
                for e in value
            ]
        return value

    given = {k: bare(v) for k, v in scenario.answers(pinned.TODAY).items()}
    given["looking_for"] = "Family NP roles, within 30 min of home"
    file = tmp_path / "answers.yaml"
    file.write_text(yaml_text(given), encoding="utf-8")
    result = run(["start", "--answers", str(file)], terminal=False)
    assert result.exit_code == 0, result.output
    lines = file.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("looking_for:"))
    assert f"{file}:{line}:1: looking_for: " in " ".join(result.output.split())

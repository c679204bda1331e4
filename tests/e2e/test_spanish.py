"""End-to-end: a Spanish walk says everything in Spanish, down to the prompts' own words.

The yes/no prompt, the hints under a list, the messages under a prompt when an answer does not
fit, and the words for dates all come from the pack (`rebound --lang es`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.terminal import (
    CTRL_C,
    DOWN,
    ENTER,
    EXIT_INTERRUPTED,
    SPACE,
    Days,
    Spawn,
    load_only_session,
)

pytestmark = pytest.mark.e2e

CTRL_U = "\x15"
ENGLISH_LEFT_OVER = ("(Use arrow keys", "(Y/n)", "(y/N)", "Yes", "Please ", "That doesn't")


def test_a_spanish_walk_speaks_spanish_to_the_end(
    spawn: Spawn, rebound_home: Path, days: Days
) -> None:
    t = spawn("--lang", "es", "start")
    t.text("¿Qué empresa era?", "Globex")
    t.text("¿Para qué puesto era tu candidatura?", "Ingeniera de datos")
    t.confirm("¿Ya trabajas allí?", yes=False)
    t.see("¿Hasta dónde llegaste en su proceso?")
    t.answer("(usa las flechas)", ENTER)  # entrevistas
    t.text("¿Quién te dio la noticia?", "Dana Pérez")
    t.see("¿Cómo te llegó la noticia?")
    t.answer("(usa las flechas)", DOWN + ENTER)  # por videollamada
    t.text("Su correo electrónico, si lo tienes", "no-es-un-correo")
    t.answer("Eso no parece una dirección de correo (nombre@ejemplo.com).", CTRL_U)
    t.child.send("dana@globex.example" + ENTER)
    t.text("¿Cuándo te enteraste?", "pasado")  # not a date in any language
    t.answer("Escribe una fecha como 2026-12-01, «mañana», «el viernes»", CTRL_U)
    t.child.send("ayer" + ENTER)
    t.text("Tu nombre, para firmar los borradores", "Alex")

    t.see("Paso 1 de 5")
    t.see("¿Pudiste darle las gracias durante la conversación?")
    t.answer("(S/n)", "s")
    t.see("Sí")  # the letter shows its word; Enter gives it
    t.child.send(ENTER)
    t.text("¿Algo concreto que quieras agradecerle?", "sus comentarios")
    t.see("sus comentarios")  # the sentence of the thank-you that says it
    t.enter("¿La dejas así?")  # sí
    t.see("¿Te dejaron alguna puerta abierta?")
    t.answer("(usa las flechas)", ENTER)  # no
    t.see("¿Te dijeron por qué no te eligieron?")
    t.answer("(usa las flechas)", ENTER)  # todavía no
    t.see("¿Quieres pedirle comentarios en el mismo correo?")
    t.answer("(usa las flechas)", DOWN + ENTER)  # no: solo el agradecimiento
    t.enter("Más tarde (lo tienes en `rebound draft thank_you_email`)")
    t.answer("¿Listo para el siguiente paso?", ENTER)  # sí: paso 2
    t.see("Paso 2 de 5")
    t.enter("¿Has preguntado por los motivos de su decisión?")
    t.text("¿Qué motivos te dieron?", "Otra persona tenía más experiencia")
    t.see("¿En qué áreas te gustaría trabajar?")
    t.answer("(flechas para moverte, espacio para marcar, Enter para confirmar)", SPACE + ENTER)
    assert t.stop("En una frase, el punto débil", CTRL_C) == EXIT_INTERRUPTED

    shown = t.output
    for english in ENGLISH_LEFT_OVER:
        assert english not in shown, english
    _, saved = load_only_session(rebound_home)
    answers = saved["answers"]
    assert answers["messenger_channel"] == "video"
    assert answers["messenger_email"] == "dana@globex.example"
    assert answers["call_date"] in days.around(-1)
    assert answers["thanked_on_call"] is True
    assert answers["thank_detail"] == "sus comentarios"
    assert answers["areas"] == ["technical_depth"]


def test_a_spanish_yes_no_takes_its_own_no(spawn: Spawn, rebound_home: Path, days: Days) -> None:
    t = spawn("--lang", "es", "start")
    t.text("¿Qué empresa era?", "Initech")
    t.text("¿Para qué puesto era tu candidatura?", "Analista")
    t.confirm("¿Ya trabajas allí?", yes=False)
    t.enter("¿Hasta dónde llegaste en su proceso?")
    t.text("¿Quién te dio la noticia?", "Bill")
    t.answer("(usa las flechas)", ENTER)
    t.enter("Su correo electrónico, si lo tienes")
    t.text("¿Cuándo te enteraste?", "hoy")
    t.text("Tu nombre, para firmar los borradores", "Alex")
    t.answer("¿Pudiste darle las gracias durante la conversación?", "n")
    t.see("No")
    t.child.send(ENTER)
    assert t.stop("¿Algo concreto que quieras agradecerle?", CTRL_C) == EXIT_INTERRUPTED
    _, saved = load_only_session(rebound_home)
    assert saved["answers"]["thanked_on_call"] is False
    assert saved["answers"]["call_date"] in days.around(0)

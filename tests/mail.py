"""Rejection emails made for a test, dated from the suite's pinned day (tests/pinned.py), so that
their day is always one `rebound start --from` offers (never one still to come)."""

from __future__ import annotations

from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path

from tests import pinned

MESSAGE_ID = "<CAO7decision42@mail.globex.example>"
SUBJECT = "Update on your application"


def sent(days: int = -1) -> str:
    """A Date: header `days` from the pinned moment, at noon there."""
    moment = pinned.NOW.replace(hour=12, minute=0, second=0, microsecond=0)
    return format_datetime(moment + timedelta(days=days))


def rejection(
    sender: str = "Dana Smith <dana.smith@globex.example>",
    subject: str = SUBJECT,
    body: str = (
        "Hi Sam,\n\nThank you for taking the time to interview for the Data Engineer position "
        "at Globex. Unfortunately, we have decided to move forward with another candidate.\n\n"
        "Best,\nDana Smith\nRecruiter, Globex\n"
    ),
    extra: str = "",
    days: int = -1,
) -> bytes:
    """An email as a mail program saves it (.eml)."""
    head = (
        f"From: {sender}\nTo: Sam Carter <sam.carter@example.com>\nSubject: {subject}\n"
        f"Date: {sent(days)}\nMessage-ID: {MESSAGE_ID}\nMIME-Version: 1.0\n"
        f"Content-Type: text/plain; charset=utf-8\n{extra}"
    )
    return (head + "\n" + body).replace("\n", "\r\n").encode("utf-8")


def saved(folder: Path, data: bytes, name: str = "rejection.eml") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


SPANISH = (
    "Hola Sam:\n\nGracias por tu interés en el puesto de Analista de Datos en Cervezas del Sur. "
    "Lamentablemente, hemos decidido seguir adelante con otra persona cuyo perfil se ajusta "
    "más a lo que buscamos.\n\nUn saludo,\nLucía Gómez\nResponsable de Selección · Cervezas "
    "del Sur\n"
)

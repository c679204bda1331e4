"""What someone wants to ask a contact, typed at the contact's question ('could I shadow your
budget meetings'), as a sentence of its own in the note to them: its first letter a capital,
a question mark where it asks ('¿...?' in Spanish), a full stop where it does not.

The pure function behind the template filter `question`. The words are the person's, to the
person they are about, so nothing else of them is changed.
"""

from __future__ import annotations

import re

# The first words of a question, in the packs' languages ('could I ...', '¿podrías ...').
_ASKS = re.compile(
    r"(could|would|can|will|may|might|do|does|did|is|are|any|have|has|should|what|when|where"
    r"|who|how|which|podr[ií]as?|podr[ií]a|puedes|puede|tienes|tiene|te|le|sab[eé]s|sabes"
    r"|qu[eé]|cu[aá]ndo|c[oó]mo|d[oó]nde|qui[eé]n|hay|habr[ií]a)\b",
    re.IGNORECASE,
)


def question(text: str, grammar: str = "en") -> str:
    """The words as a sentence: 'could I shadow your budget meetings' -> 'Could I shadow your
    budget meetings?'; 'podrías presentarme a tu jefa' -> '¿Podrías presentarme a tu jefa?';
    'I'd love your eyes on my CV' -> 'I'd love your eyes on my CV.'. An end they typed stays
    theirs ('Coffee soon!', 'any leads? even small ones.'). '' for no words."""
    out = " ".join(text.split()).strip()
    if not out:
        return ""
    typed = out[-1] if out[-1] in ".?!" else ""
    if not typed:  # no end typed: a question by how it starts, else a statement
        asks = out.startswith("¿") or _ASKS.match(out.lstrip("¡")) is not None
        typed = "?" if asks else "!" if out.startswith("¡") else "."
        out += typed
    if grammar == "es" and typed == "?" and "¿" not in out:
        out = "¿" + out
    lead = 1 if out[:1] in "¿¡" else 0
    return out[:lead] + out[lead : lead + 1].upper() + out[lead + 1 :]

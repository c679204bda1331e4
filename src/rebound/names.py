"""Which name a person meant: the command, or the person, they typed with a typo, an accent or
a space of difference. Imports nothing of rebound's, so that any module may use it.
"""

from __future__ import annotations

import unicodedata


def fold(name: str) -> str:
    """A name as it is compared: without case, spaces or accents ('Tomás  Ferreira' and 'tomas
    ferreira' are one person, 'Led the payments ledger' and 'led the Payments Ledger' one win)."""
    plain = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in plain if not unicodedata.combining(c))
    return "".join(unicodedata.normalize("NFKC", bare).split()).casefold()


def _typos(a: str, b: str) -> int:
    """How many letters are wrong, missing, extra, or swapped with the next (optimal string
    alignment distance)."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(
                rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def closest(typed: str, names: list[str]) -> str | None:
    """The name `typed` most likely meant: at most two typos away (one for a short word), the
    nearest ('strat' is 'start', not 'stats'); None when none is that near."""
    found = sorted((_typos(typed.lower(), name), name) for name in names if name != typed)
    if found and found[0][0] <= min(2, max(1, len(typed) // 2)):
        return found[0][1]
    return None

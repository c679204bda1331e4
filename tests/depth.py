"""How hard the generators try: the everyday run, or the deep one.

Every class of hostile input and every targeted case runs every time; what the depth sets is
how many *random* examples each generator draws. The everyday run (the README's test command)
draws an eighth of them, so that it stays short enough to run before every commit; the deep
run draws them all, as the figures in the closing notes count them:

    REBOUND_TEST_DEPTH=deep python -m pytest -m "reliability or not reliability" -p no:randomly

`.ci/run` runs the deep profile after the README's command. Both are derandomized where the
test says so: the same examples on every run of the same depth.
"""

from __future__ import annotations

import os

DEEP = os.environ.get("REBOUND_TEST_DEPTH", "").strip().lower() == "deep"
EVERYDAY_SHARE = 8  # the everyday run draws 1 in this many random examples


def examples(deep: int, least: int = 5, everyday: int | None = None) -> int:
    """How many random examples a generator draws: `deep` in the deep run, an eighth of it
    (never fewer than `least`) every day, or `everyday` where a test says how many."""
    if DEEP:
        return deep
    return everyday if everyday is not None else max(least, deep // EVERYDAY_SHARE)

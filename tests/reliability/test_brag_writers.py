"""Many rebound processes adding to the one brag list at once: every add waits its turn for the
list's lock (held for the milliseconds of a save) and none is refused or lost."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from tests.forks import Forks
from tests.terminal import EXIT_OK

WRITERS = 50


def test_fifty_concurrent_adds_all_land(
    env: dict[str, str], rebound_home: Path, figures: Any
) -> None:
    with Forks(env) as forks:
        begun = time.monotonic()
        results = forks.run(
            *(["brag", "add", "--title", f"Win number {n}"] for n in range(WRITERS))
        )
        took = time.monotonic() - begun
    refused = [r.stderr for r in results if r.returncode != EXIT_OK]
    saved = json.loads((rebound_home / "brag.json").read_text(encoding="utf-8"))["items"]
    titles = sorted(i["title"] for i in saved)
    figures.add("concurrent brag adds saved", len(titles), WRITERS)
    assert not refused, f"{len(refused)} of {WRITERS} refused ({took:.1f}s): {refused[0]}"
    assert titles == sorted(f"Win number {n}" for n in range(WRITERS)), f"{took:.1f}s"
    assert len({i["id"] for i in saved}) == WRITERS
    print(f"\n{WRITERS} concurrent adds in {took:.1f}s")

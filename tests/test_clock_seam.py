"""No module but `rebound.clock` reads the system clock.

Every "now" and "today" goes through `rebound.clock`, so that a test can hold the time (with
time-machine, tests/conftest.py) and the suite passes whatever day the machine's clock says.
This reads each module's syntax tree, following `import ... as` and `from ... import` names, so
neither an alias nor a line split across brackets hides a read.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "rebound"
SEAM = SRC / "clock.py"

# (module, attribute path) of each call that reads the wall clock. `time.monotonic` and
# `time.perf_counter` measure durations, not dates: they are left to anyone.
READS = {
    ("datetime", "date.today"),
    ("datetime", "datetime.today"),
    ("datetime", "datetime.now"),
    ("datetime", "datetime.utcnow"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "ctime"),
    ("time", "asctime"),
    ("time", "strftime"),
}
# Called with their own moment, these read no clock; with none, they read it.
READS_WITHOUT_A_MOMENT = {("time", "localtime"), ("time", "gmtime"), ("time", "ctime")}


def _dotted(node: ast.expr) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def clock_reads(source: str, filename: str = "<module>") -> list[tuple[int, str]]:
    """(line, call) of every read of the system clock in `source`."""
    tree = ast.parse(source, filename)
    bound: dict[str, str] = {}  # local name -> what it stands for ("datetime.date", "time")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in ("datetime", "time"):
                    bound[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module in ("datetime", "time"):
            for alias in node.names:
                bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _dotted(node.func)
        if name is None:
            continue
        head, _, rest = name.partition(".")
        if head not in bound:
            continue
        full = bound[head] + ("." + rest if rest else "")
        module, _, path = full.partition(".")
        if (module, path) not in READS:
            continue
        if (module, path) in READS_WITHOUT_A_MOMENT and node.args:
            continue
        if (module, path) == ("time", "strftime") and len(node.args) > 1:
            continue
        found.append((node.lineno, name))
    return found


def test_no_module_but_clock_reads_the_system_clock() -> None:
    offending = []
    for path in sorted(SRC.rglob("*.py")):
        if path == SEAM:
            continue
        for line, call in clock_reads(path.read_text(encoding="utf-8"), str(path)):
            offending.append(f"{path.relative_to(SRC.parent)}:{line}: {call}()")
    assert not offending, "read the time through rebound.clock instead:\n" + "\n".join(offending)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from datetime import date\nx = date.today()", [(2, "date.today")]),
        ("import datetime as dt\nx = dt.datetime.now(dt.timezone.utc)", [(2, "dt.datetime.now")]),
        ("from datetime import datetime as D\nx = D.utcnow()", [(2, "D.utcnow")]),
        ("import time\nx = time.time()", [(2, "time.time")]),
        ("from time import time as t\nx = t()", [(2, "t")]),
        ("import time\nx = time.strftime('%Y')", [(2, "time.strftime")]),
        ("import time\nx = time.localtime()", [(2, "time.localtime")]),
        ("import time\nx = (\n    time\n    .time_ns()\n)", [(3, "time.time_ns")]),
        # Not clock reads: a moment given, a duration, a date built from numbers.
        ("import time\nx = time.localtime(5)", []),
        ("import time\nx = time.strftime('%Y', (2026,) * 9)", []),
        ("import time\nx = time.monotonic()", []),
        ("from datetime import date\nx = date(2026, 1, 1)", []),
        ("def today():\n    pass\nx = today()", []),
    ],
)
def test_the_check_finds_each_way_of_reading_the_clock(
    source: str, expected: list[tuple[int, str]]
) -> None:
    assert clock_reads(source) == expected


def test_the_seam_itself_reads_the_clock() -> None:
    """The check is pointed at real code: the one module allowed to read the clock does."""
    assert clock_reads(SEAM.read_text(encoding="utf-8"))

"""Every file rebound reads goes through `storage.files.read_regular` (issue 19, item 12): no
module calls `Path.read_bytes`, `Path.read_text` or the built-in `open`, which would wait for ever
on a FIFO and read /dev/zero until memory runs out. Read from the syntax tree, as
tests/test_clock_seam.py reads the clock's seam."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "rebound"
# Modules that still read another way, and why. Remove a line once its module reads through
# read_regular.
EXEMPT: dict[str, str] = {}


def reads(path: Path) -> list[str]:
    """The direct reads in one module: `x.read_bytes()`, `x.read_text()`, `open(...)`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("read_bytes", "read_text"):
            found.append(f"{path.name}:{node.lineno}: .{func.attr}()")
        elif isinstance(func, ast.Name) and func.id == "open" and not _writes(node):
            found.append(f"{path.name}:{node.lineno}: open()")
    return found


def _writes(call: ast.Call) -> bool:
    """Whether an `open(...)` call opens for writing only (its mode a constant with w, a or x)."""
    modes = [*call.args[1:2], *(k.value for k in call.keywords if k.arg == "mode")]
    return any(
        isinstance(m, ast.Constant) and isinstance(m.value, str) and set(m.value) & set("wax")
        for m in modes
    ) and not any(isinstance(m, ast.Constant) and "+" in str(m.value) for m in modes)


def test_every_read_goes_through_read_regular() -> None:
    modules = {p.relative_to(SRC).as_posix(): p for p in SRC.rglob("*.py")}
    assert "storage/files.py" in modules  # the walk found the tree
    found = [r for name, p in sorted(modules.items()) if name not in EXEMPT for r in reads(p)]
    assert not found, "read through storage.files.read_regular: " + ", ".join(found)
    still = [name for name in EXEMPT if not reads(modules[name])]
    assert not still, f"no longer reading directly, drop from EXEMPT: {still}"

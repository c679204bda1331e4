"""The shipped packs as the test modules read them while they are collected.

Several modules build their cases from a built-in pack when they are imported (the scenario's
keystrokes, the template and letter matrices); each worker collects them all, so each read the
same pack again, a tenth of a second or more each with coverage on. A pack is read here once per
folder and process, the product's way (`packs.load`, no cache), and shared: a pack is never
changed once made (its models are frozen; tests/conftest.py hands the tests' own readers one
made once in the same way).
"""

from __future__ import annotations

import functools
from pathlib import Path

from rebound.pack import packs
from rebound.pack.models import Content


@functools.cache
def pack(folder: Path) -> Content:
    """The pack in `folder` (`packs.default_dir(lang)` for a built-in one), read once."""
    return packs.load(folder)

"""Text that rebound can always save and show, whatever bytes it came from.

Python hands over undecodable bytes as lone surrogates: argv and a terminal's input are decoded
with `surrogateescape` (the byte 0xE9 from a Latin-1 terminal arrives as U+DCE9), and a JSON file
may spell one out (`"\\udcff"`). Such a string cannot be encoded as UTF-8, so saving or printing
it fails. `scrub` turns it into real text at the boundary where it enters rebound. `clean` makes
saved text safe to print (control characters and bidirectional controls shown, not sent). This
module imports nothing of rebound's (nor Rich), so that any module can use it.
"""

from __future__ import annotations

import re
from typing import TypeVar

T = TypeVar("T")

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# A surrogate-escaped byte 0x80-0xFF: most often a Latin-1 (or cp1252) terminal or file name.
_ESCAPED_LOW, _ESCAPED_HIGH = 0xDC80, 0xDCFF
REPLACEMENT = "\ufffd"

# Control characters (ESC, BEL, CR...) in saved text are shown as visible escapes, never sent to the
# terminal: a hand-edited or imported file must not be able to recolour or clear someone's screen.
_CONTROL = {
    c: f"\\x{c:02x}" for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if c not in (0x09, 0x0A)
}
# The bidirectional controls (Unicode's Bidi_Control): an override (U+202E) or an isolate makes a
# terminal show text in another order than it is written ('Globex\u202emoc.live' reads as a
# different name), so they are shown as their escapes too. Right-to-left letters are text, kept.
_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_CONTROL.update({c: f"\\u{c:04x}" for c in _BIDI})


def clean(text: str) -> str:
    """Text safe to print: newlines and tabs kept, other control characters and the
    bidirectional controls made visible."""
    return text.replace("\r\n", "\n").translate(_CONTROL)


def _repair(match: re.Match[str]) -> str:
    code = ord(match.group())
    if _ESCAPED_LOW <= code <= _ESCAPED_HIGH:
        return chr(code - 0xDC00)  # the byte read as Latin-1: 0xE9 -> 'é'
    return REPLACEMENT


def scrub(value: str) -> str:
    """`value` with every lone surrogate turned into real text.

    A surrogate-escaped byte 0x80-0xFF is read as Latin-1 (`'\\udce9'` -> `'é'`); any other lone
    surrogate becomes U+FFFD. Text without surrogates comes back as it is (the same object).
    """
    if _LONE_SURROGATE.search(value) is None:
        return value
    # A proper pair can only be in the string if it was built by hand (decoding never leaves
    # one): join pairs first, so that an emoji survives.
    joined = value.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
    return _LONE_SURROGATE.sub(_repair, joined)


def scrub_tree(value: T) -> T:
    """`scrub` applied to every string (and dictionary key) in nested lists, tuples and dicts.

    Other values come back as they are.
    """
    if isinstance(value, str):
        return scrub(value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {scrub_tree(k): scrub_tree(v) for k, v in value.items()}  # type: ignore[return-value]
    if isinstance(value, list):
        return [scrub_tree(v) for v in value]  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(scrub_tree(v) for v in value)  # type: ignore[return-value]
    return value

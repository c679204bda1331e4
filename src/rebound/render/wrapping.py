"""How a line is broken at a terminal's width: never inside a word, an id or a command, and
its later lines hanging where they belong (under a label's text, a bullet's, a list's).

Plain functions of text and widths, used by the screens of `rebound.render`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.text import Text

# What a line may not be broken inside: a word (an id, a path, a date), or a `command` in
# backticks with what sticks to it ('`rebound continue`.').
_UNIT = re.compile(r"`[^`\n]*`\S*|\S+")


def fit(text: Text, width: int, indent: int = 0, whole: Sequence[tuple[int, int]] = ()) -> Text:
    """`text` broken into lines of at most `width` cells at its spaces, the lines after the
    first indented by `indent` (a hanging indent, under the label's start).

    Never inside a word (an id, a path), a `command` in backticks, or a `whole` span of the
    text (start, end: a command without backticks). A piece longer than a line stands alone
    on its line, for the terminal to wrap: better than a break that looks like two commands.
    Print the result with `soft_wrap=True`, so that Rich does not wrap it again.
    """
    from rich.cells import cell_len

    plain = text.plain
    units: list[list[int]] = []
    for match in _UNIT.finditer(plain):
        start, end = match.span()
        if units and any(
            s < end and start < e and s < units[-1][1] and units[-1][0] < e for s, e in whole
        ):
            units[-1][1] = end  # within one whole span: one piece
        else:
            units.append([start, end])
    if not units:
        return text
    lines: list[tuple[int, int]] = []
    line_start, line_end = 0, units[0][1]  # the first line keeps its leading spaces
    for start, end in units[1:]:
        room = width - (indent if lines else 0)
        if "\n" in plain[line_end:start] or cell_len(plain[line_start:end]) > room:
            lines.append((line_start, line_end))
            line_start = start
        line_end = end
    lines.append((line_start, line_end))
    out = text[: lines[0][1]]
    for start, end in lines[1:]:
        out.append("\n" + " " * indent)
        out.append_text(text[start:end])
    return out


# What starts a line of a list in a draft: a bullet, a dash, a number ('1.'), or a label ('Task:').
_MARKER = re.compile(r"(?:[•*-]|\d+[.)]|[^\s:]{1,20}:)\s+")


def hanging(line: str) -> int:
    """Where a wrapped line of a draft goes on: under the text after its indent and its bullet
    ('  - Practise Spark joins' hangs at 4), so that a list stays a list at any width."""
    lead = len(line) - len(line.lstrip(" "))
    marker = _MARKER.match(line, lead)
    return lead + (len(marker.group(0)) if marker and marker.end() < len(line) else 0)


def continued(command: str, width: int) -> list[str]:
    """A shell command in lines of at most `width` columns, broken between its words, each line
    but the last ending in ' \\' and the later ones indented: pasted, it is still one command.
    A word longer than a line stands alone on its line, and a quoted one is never broken."""
    import shlex

    try:
        words = [shlex.quote(word) for word in shlex.split(command)]
    except ValueError:  # not a command the shell would read: its spaces, then
        words = command.split(" ")
    lines: list[str] = [words[0]]
    for word in words[1:]:
        room = width - (4 if len(lines) > 1 else 0) - 2  # the indent, and the ' \\'
        if len(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return [
        ("    " if n else "") + part + (" \\" if n < len(lines) - 1 else "")
        for n, part in enumerate(lines)
    ]

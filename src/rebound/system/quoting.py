"""A value (a path, an argument) quoted for each format rebound writes into on the person's
system, or refused when that format cannot hold it.

The formats: a shell's start-up line (sh, fish, PowerShell), a crontab line, a systemd unit.
Each function gives the value quoted by that format's own rules, so that it reads back as
exactly one value, or refuses it (`Unquotable`).

The rules, from each program's documentation:

- sh: single quotes, a `'` written as `'"'"'` (`shlex.quote`). No line break: the line would
  end there, and rebound could no longer find its own line to remove it.
- fish: single quotes, in which `\\` and `'` are escaped with a backslash.
- PowerShell: single quotes, each quote character doubled; PowerShell also takes the
  typographic ones (U+2018 to U+201B) as single quotes.
- cron: sh's quoting, and every `%` outside the quotes as `\\%`: cron reads an unescaped `%` as
  the end of the command (the rest becomes its input). A `\\%` that sh sees unchanged (some
  crons leave it) is still `%` to sh, so either way the value arrives whole.
- systemd: double quotes with C escapes (`\\\\`, `\\"`, `\\n`, `\\xNN`), `%` doubled as a
  specifier, and in `ExecStart=` `$` doubled. A unit must be UTF-8: a path that is not is refused.
"""

from __future__ import annotations

import shlex

# Why a value was refused: the key of the reason's sentence (`sentences`: unsafe_*).
LINE_BREAK = "unsafe_line_break"
CONTROL = "unsafe_control"
NOT_UTF8 = "unsafe_not_utf8"
PERCENT = "unsafe_percent"

_PS_QUOTES = "'\u2018\u2019\u201a\u201b"
_C_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


class Unquotable(ValueError):
    """A value that a format cannot hold as it is; `reason` is the key of the sentence why."""

    def __init__(self, value: str, reason: str) -> None:
        super().__init__(f"{value!r}: {reason}")
        self.value = value
        self.reason = reason


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise Unquotable(value, LINE_BREAK)
    if "\0" in value:
        raise Unquotable(value, CONTROL)
    return value


def _utf8(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: bytes of a path that are not UTF-8
        raise Unquotable(value, NOT_UTF8) from None
    return value


def visible(value: str) -> str:
    """The value as it can be shown in a sentence: line breaks and other control characters
    (and bytes that are not UTF-8) spelled out, the rest (a tab too) as it is."""
    out = []
    for ch in value:
        code = ord(ch)
        if ch == "\t":
            out.append(ch)
        elif ch in _C_NAMED and ch not in '\\"':
            out.append(_C_NAMED[ch])
        elif code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        elif 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def sh(value: str) -> str:
    """`value` as one word for /bin/sh (bash, zsh, dash) on one line."""
    return shlex.quote(_one_line(value))


def fish(value: str) -> str:
    """`value` as one word for fish on one line."""
    return "'" + _one_line(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def powershell(value: str) -> str:
    """`value` as one single-quoted PowerShell string on one line (a .ps1 file is text, so it
    must be UTF-8 too)."""
    value = _utf8(_one_line(value))
    return "'" + "".join(ch * 2 if ch in _PS_QUOTES else ch for ch in value) + "'"


def cron(value: str) -> str:
    """`value` as one word of a crontab line's command (cron, then /bin/sh, read it)."""
    parts = _one_line(value).split("%")
    return "\\%".join(shlex.quote(part) if part else "" for part in parts) or "''"


def systemd(value: str, *, exec_line: bool = False) -> str:
    """`value` as one quoted word of a unit file's setting (`exec_line`: of `ExecStart=`)."""
    value = _utf8(value)
    if "\0" in value:
        raise Unquotable(value, CONTROL)
    out = []
    for ch in value:
        code = ord(ch)
        if ch in _C_NAMED:
            out.append(_C_NAMED[ch])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:02x}")
        elif ch == "%":
            out.append("%%")
        elif ch == "$" and exec_line:
            out.append("$$")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'

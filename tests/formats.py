"""How other programs read what rebound writes for them, rebuilt from their documentation.

The tests check rebound's quoting against these readers, not against rebound's own code:

- systemd (systemd.syntax(7), systemd.service(5), systemd.exec(5)): a unit's lines, its
  sections, and the words of `ExecStart=` and `Environment=` after specifiers (`%%`), quotes,
  C escapes and, in `ExecStart=`, `$$` are undone. An unknown specifier or a `$NAME` that
  systemd would expand is an error here, so a value that leaks into one is caught.
- Windows (the C runtime's command-line rules), PowerShell and fish single-quoted strings.
- cron (crontab(5) of Vixie cron and cronie): the table's job lines, and a job's command as
  cron hands it to /bin/sh: up to the first `%` not escaped by a backslash (the rest is the
  job's standard input), each `\\%` turned into `%`.
"""

from __future__ import annotations

import re

_C_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
    '"': '"',
    "'": "'",
    "s": " ",
}


class Unreadable(ValueError):
    """What the real program would refuse, or read differently from what was meant."""


def systemd_specifiers(value: str) -> str:
    """`%%` -> `%`; any other specifier is an error (rebound writes none)."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "%":
            if value[i + 1 : i + 2] != "%":
                raise Unreadable(f"a specifier %{value[i + 1 : i + 2]} in {value!r}")
            out.append("%")
            i += 2
            continue
        out.append(value[i])
        i += 1
    return "".join(out)


def systemd_words(value: str, *, exec_line: bool = False) -> list[str]:
    """The words of a setting's value, as `extract_first_word` with UNQUOTE and CUNESCAPE
    gives them (and, for ExecStart=, with `$$` undone and `$NAME` refused)."""
    value = systemd_specifiers(value)
    words: list[str] = []
    i, n = 0, len(value)
    while True:
        while i < n and value[i] in " \t\n":
            i += 1
        if i >= n:
            return words
        word: list[str] = []
        quote = ""
        while i < n:
            c = value[i]
            if not quote and c in " \t\n":
                break
            if c in "\"'" and (not quote or quote == c):
                quote = "" if quote else c
                i += 1
                continue
            if c == "\\":
                i += 1
                if i >= n:
                    raise Unreadable(f"a backslash at the end of {value!r}")
                e = value[i]
                if e in _C_ESCAPES:
                    word.append(_C_ESCAPES[e])
                    i += 1
                elif e == "x":
                    word.append(chr(int(value[i + 1 : i + 3], 16)))
                    i += 3
                elif e in "uU":
                    size = 4 if e == "u" else 8
                    word.append(chr(int(value[i + 1 : i + 1 + size], 16)))
                    i += 1 + size
                elif e in "01234567":
                    word.append(chr(int(value[i : i + 3], 8)))
                    i += 3
                else:
                    raise Unreadable(f"an unknown escape \\{e} in {value!r}")
                continue
            if exec_line and c == "$":
                if value[i + 1 : i + 2] == "$":
                    word.append("$")
                    i += 2
                    continue
                if re.match(r"[A-Za-z_{]", value[i + 1 : i + 2]):
                    raise Unreadable(f"a variable systemd would expand in {value!r}")
            word.append(c)
            i += 1
        if quote:
            raise Unreadable(f"an unclosed quote in {value!r}")
        words.append("".join(word))


def systemd_unit(text: str) -> dict[str, list[tuple[str, str]]]:
    """A unit file's settings by section, in order, as systemd's parser splits its lines."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] | None = None
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.endswith("\\"):
            raise Unreadable(f"a continued line: {line!r}")
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        if current is None or "=" not in line:
            raise Unreadable(f"a line systemd would not take: {line!r}")
        key, value = line.split("=", 1)
        current.append((key.strip(), value.strip()))
    return sections


def systemd_environment(unit: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    """What the service's `Environment=` lines set."""
    env: dict[str, str] = {}
    for key, value in unit.get("Service", []):
        if key == "Environment":
            for word in systemd_words(value):
                name, _, val = word.partition("=")
                env[name] = val
    return env


def systemd_exec(unit: dict[str, list[tuple[str, str]]]) -> list[str]:
    """The argument vector of the service's one `ExecStart=`."""
    [value] = [v for k, v in unit.get("Service", []) if k == "ExecStart"]
    return systemd_words(value, exec_line=True)


_CRON_ENV = re.compile(rb"^\s*[A-Za-z_][A-Za-z0-9_]*\s*=")


def cron_jobs(table: bytes) -> list[tuple[bytes, bytes]]:
    """The table's jobs: (schedule, command) for every line that is neither blank, nor a
    comment, nor a variable's setting."""
    jobs = []
    for line in table.split(b"\n"):
        stripped = line.strip()
        if not stripped or stripped.startswith(b"#") or _CRON_ENV.match(line):
            continue
        fields = stripped.split(None, 1 if stripped.startswith(b"@") else 5)
        jobs.append((b" ".join(fields[:-1]), fields[-1]))
    return jobs


def cron_command(command: bytes) -> tuple[bytes, bytes]:
    """What cron hands /bin/sh for a job's command, and the job's standard input."""
    out = bytearray()
    escaped = False
    for i, byte in enumerate(command):
        ch = bytes([byte])
        if escaped:
            escaped = False
            if ch == b"%":
                out[-1:] = b"%"
                continue
        elif ch == b"\\":
            escaped = True
        elif ch == b"%":
            return bytes(out), command[i + 1 :].replace(b"%", b"\n")
        out += ch
    return bytes(out), b""


def windows_argv(command_line: str) -> list[str]:
    """The arguments a Windows program gets from its command line (the Microsoft C runtime's
    rules, as `CommandLineToArgvW`): spaces and tabs part them outside double quotes; 2n
    backslashes before a quote are n backslashes and the quote opens or closes; 2n+1 are n and
    a literal quote; backslashes elsewhere are themselves."""
    args: list[str] = []
    i, n = 0, len(command_line)
    while True:
        while i < n and command_line[i] in " \t":
            i += 1
        if i >= n:
            return args
        arg: list[str] = []
        quoted = False
        while i < n:
            c = command_line[i]
            if c in " \t" and not quoted:
                break
            if c == "\\":
                j = i
                while j < n and command_line[j] == "\\":
                    j += 1
                count = j - i
                if j < n and command_line[j] == '"':
                    arg.append("\\" * (count // 2))
                    if count % 2:
                        arg.append('"')
                        j += 1
                else:
                    arg.append("\\" * count)
                i = j
                continue
            if c == '"':
                if quoted and command_line[i + 1 : i + 2] == '"':
                    arg.append('"')
                    i += 2
                    continue
                quoted = not quoted
                i += 1
                continue
            arg.append(c)
            i += 1
        args.append("".join(arg))


_PS_QUOTES = "'\u2018\u2019\u201a\u201b"


def powershell_string(text: str) -> tuple[str, str]:
    """The value of the single-quoted PowerShell string at the start of `text`, and what
    follows it. Any of PowerShell's single quotes ends it; two of them in a row are one."""
    if not text or text[0] not in _PS_QUOTES:
        raise Unreadable(f"not a single-quoted string: {text!r}")
    out, i = [], 1
    while i < len(text):
        c = text[i]
        if c in _PS_QUOTES:
            if text[i + 1 : i + 2] and text[i + 1] in _PS_QUOTES:
                out.append(c)
                i += 2
                continue
            return "".join(out), text[i + 1 :]
        out.append(c)
        i += 1
    raise Unreadable(f"an unclosed string: {text!r}")


def fish_string(text: str) -> tuple[str, str]:
    """The value of the single-quoted fish string at the start of `text`, and what follows it:
    inside, only `\\\\` and `\\'` are escapes."""
    if not text.startswith("'"):
        raise Unreadable(f"not a single-quoted string: {text!r}")
    out, i = [], 1
    while i < len(text):
        c = text[i]
        if c == "\\" and text[i + 1 : i + 2] in ("\\", "'"):
            out.append(text[i + 1])
            i += 2
            continue
        if c == "'":
            return "".join(out), text[i + 1 :]
        out.append(c)
        i += 1
    raise Unreadable(f"an unclosed string: {text!r}")

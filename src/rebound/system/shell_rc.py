"""The one line rebound adds to a shell's start-up file, so that a new terminal shows the nudge.

The line is marked with a comment that only rebound writes, and the uninstall removes the lines
that carry it, nothing else: a line the person wrote that looks alike stays. It is guarded
twice, so that it can never break the shell: it runs only when the output is a terminal (never
in scripts, scp or rsync, which read the same files) and only while the rebound it names exists.
"""

from __future__ import annotations

import os
import shlex
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

SHELLS = ("bash", "zsh", "fish")
MARK = "# rebound nudge (added by `rebound nudge --install`)"


@dataclass(frozen=True)
class Change:
    """What an install or uninstall did to a start-up file."""

    file: Path
    line: str
    changed: bool


def this_rebound() -> str:
    """The absolute path of the `rebound` command that is running (for lines and units)."""
    beside = Path(sys.executable).parent / ("rebound.exe" if os.name == "nt" else "rebound")
    if beside.is_file():
        return str(beside)
    import shutil

    found = shutil.which("rebound")
    return str(Path(found).resolve()) if found else str(beside)


def default_shell() -> str:
    """The shell named by $SHELL ('bash' when it is unset or unknown)."""
    name = Path(os.environ.get("SHELL", "")).name
    return name if name in SHELLS else "bash"


def start_file(shell: str) -> Path:
    """The start-up file of an interactive `shell`: ~/.bashrc, $ZDOTDIR/.zshrc, or fish's
    config.fish under $XDG_CONFIG_HOME."""
    home = Path.home()
    if shell == "zsh":
        return Path(os.environ.get("ZDOTDIR") or home) / ".zshrc"
    if shell == "fish":
        config = os.environ.get("XDG_CONFIG_HOME") or str(home / ".config")
        return Path(config) / "fish" / "config.fish"
    return home / ".bashrc"


def line_for(shell: str, rebound: str) -> str:
    """The marked, guarded line that runs `rebound nudge` in a new terminal."""
    cmd = shlex.quote(rebound)
    # An `if` ends with status 0 when its test fails, so a prompt that shows the last status
    # stays clean once rebound is gone.
    if shell == "fish":
        return f"if status is-interactive; and test -x {cmd}; {cmd} nudge; end  {MARK}"
    return f"if [ -t 1 ] && [ -x {cmd} ]; then {cmd} nudge; fi  {MARK}"


def _ours(line: str) -> bool:
    return line.rstrip().endswith(MARK)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


def write_text(path: Path, text: str) -> None:
    """Replace the file's text atomically, keeping its permissions (a new one gets 0644).

    Like `store.atomic_write` (temp file beside it, fsync, `os.replace`), but this is the
    person's own file, not rebound's: its mode is kept, and a failure is an OSError to report.
    """
    import contextlib
    import tempfile

    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def install(shell: str, rebound: str | None = None) -> Change:
    """Add the nudge line to `shell`'s start-up file (created if missing); idempotent.

    A marked line already there is replaced in place when it differs (rebound moved), so there
    is never more than one.
    """
    path = start_file(shell).resolve()  # a symlinked dotfile is changed where it lives
    wanted = line_for(shell, rebound or this_rebound())
    text = _read(path)
    lines = text.splitlines(keepends=True)
    ours = [n for n, line in enumerate(lines) if _ours(line)]
    if [lines[n].rstrip("\r\n") for n in ours] == [wanted]:
        return Change(path, wanted, changed=False)
    if ours:
        first = ours[0]
        lines = [line for n, line in enumerate(lines) if n not in ours[1:]]
        lines[first] = wanted + "\n"
        text = "".join(lines)
    else:
        if text and not text.endswith("\n"):
            text += "\n"
        text += wanted + "\n"
    write_text(path, text)
    return Change(path, wanted, changed=True)


def completion_files(prog: str = "rebound") -> tuple[Path, ...]:
    """The completion scripts `rebound --install-completion` writes (Typer's), one per shell."""
    home = Path.home()
    return (
        home / ".bash_completions" / f"{prog}.sh",
        home / ".zfunc" / f"_{prog}",
        home / ".config" / "fish" / "completions" / f"{prog}.fish",
    )


def uninstall_completion(prog: str = "rebound") -> list[Path]:
    """Take out what `rebound --install-completion` added: its scripts, and the line that
    sources bash's from ~/.bashrc (left behind, it would fail in every new terminal). The zsh
    lines it may have added (`compinit`, a `zstyle`) serve every program, so they stay.
    Returns the files changed or removed."""
    changed: list[Path] = []
    bash_script, *_ = scripts = completion_files(prog)
    rc = (Path.home() / ".bashrc").resolve()
    text = _read(rc)
    wanted = f"source '{bash_script}'"
    lines = text.splitlines(keepends=True)
    kept = [line for line in lines if line.strip() != wanted]
    if len(kept) != len(lines):
        write_text(rc, "".join(kept))
        changed.append(rc)
    for script in scripts:
        try:
            script.unlink()
        except FileNotFoundError:
            continue
        changed.append(script)
    return changed


def uninstall(shell: str) -> Change:
    """Remove the marked line(s) from `shell`'s start-up file; everything else stays as it is."""
    path = start_file(shell).resolve()
    text = _read(path)
    lines = text.splitlines(keepends=True)
    removed = [line.rstrip("\r\n") for line in lines if _ours(line)]
    if not removed:
        return Change(path, "", changed=False)
    write_text(path, "".join(line for line in lines if not _ours(line)))
    return Change(path, removed[0], changed=True)

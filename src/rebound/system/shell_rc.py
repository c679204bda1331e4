"""The one line rebound adds to a shell's start-up file, so that a new terminal shows the nudge.

The line is marked with a comment that only rebound writes, and the uninstall removes the lines
that carry it, nothing else: a line the person wrote that looks alike stays, and so does every
other byte of the file (`marked_line`). It is guarded twice, so that it can never break the
shell: it runs only when the output is a terminal (never in scripts, scp or rsync, which read
the same files) and only while the rebound it names exists. The path in it is quoted for the
shell that reads it (sh, fish or PowerShell), or refused (`quoting.Unquotable`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from rebound.storage.paths import xdg_folder
from rebound.system import marked_line, quoting

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
MARK = "# rebound nudge (added by `rebound nudge --install`)"
_PROFILE = "Microsoft.PowerShell_profile.ps1"
# $PROFILE, said in ASCII (base64 of its UTF-8), whatever the console's code page.
_ASK_PROFILE = "[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($PROFILE))"


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
    """The shell named by $SHELL (on Windows, PowerShell; else 'bash' when it is unknown)."""
    name = Path(os.environ.get("SHELL", "")).name
    if name in SHELLS:
        return name
    return "powershell" if sys.platform == "win32" else "bash"


def start_file(shell: str) -> Path:
    """The start-up file of an interactive `shell`: ~/.bashrc, $ZDOTDIR/.zshrc, fish's
    config.fish under $XDG_CONFIG_HOME, or PowerShell's `$PROFILE`."""
    home = Path.home()
    if shell == "zsh":
        zdotdir = os.environ.get("ZDOTDIR", "")
        return Path(zdotdir if os.path.isabs(zdotdir) else home) / ".zshrc"
    if shell == "fish":
        return Path(xdg_folder("XDG_CONFIG_HOME", "~/.config")) / "fish" / "config.fish"
    if shell in ("powershell", "pwsh"):
        return powershell_profile(shell)
    return home / ".bashrc"


def powershell_profile(shell: str) -> Path:
    """PowerShell's `$PROFILE` (this user, this host), as the shell itself says where it is
    (a Documents folder may have been moved, to OneDrive say); where it usually is when the
    shell cannot be asked."""
    import base64
    import binascii
    import shutil

    program = shutil.which(shell) or shutil.which("pwsh" if shell == "powershell" else shell)
    if program is not None:
        try:
            done = subprocess.run(
                [program, "-NoProfile", "-NonInteractive", "-Command", _ASK_PROFILE],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=30,
                check=False,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
            said = base64.b64decode(done.stdout.strip(), validate=True).decode("utf-8")
            if done.returncode == 0 and said and "\n" not in said and os.path.isabs(said):
                return Path(said)
        except (OSError, subprocess.SubprocessError, binascii.Error, UnicodeError):
            pass
    if os.name == "nt":
        folder = "WindowsPowerShell" if shell == "powershell" else "PowerShell"
        return Path.home() / "Documents" / folder / _PROFILE
    return Path(xdg_folder("XDG_CONFIG_HOME", "~/.config")) / "powershell" / _PROFILE


def line_for(shell: str, rebound: str) -> str:
    """The marked, guarded line that runs `rebound nudge` in a new terminal.

    Raises:
        quoting.Unquotable: the path cannot be written into one line of this shell.
    """
    # An `if` ends with status 0 when its test fails, so a prompt that shows the last status
    # stays clean once rebound is gone.
    if shell == "fish":
        cmd = quoting.fish(rebound)
        return f"if status is-interactive; and test -x {cmd}; {cmd} nudge; end  {MARK}"
    if shell in ("powershell", "pwsh"):
        cmd = quoting.powershell(rebound)
        return (
            f"if (-not [Console]::IsOutputRedirected -and (Test-Path -LiteralPath {cmd})) "
            f"{{ & {cmd} nudge }}  {MARK}"
        )
    cmd = quoting.sh(rebound)
    return f"if [ -t 1 ] && [ -x {cmd} ]; then {cmd} nudge; fi  {MARK}"


def _ours(line: bytes) -> bool:
    return line.rstrip().endswith(MARK.encode())


def install(shell: str, rebound: str | None = None) -> Change:
    """Add the nudge line to `shell`'s start-up file (created if missing); idempotent.

    A marked line already there is replaced in place when it differs (rebound moved), so there
    is never more than one. A symlinked file is changed where it lives.

    Raises:
        quoting.Unquotable: the path of rebound cannot be written into the line.
        marked_line.LinkLoop: the file is a loop of links.
        marked_line.ReadOnly: the file may not be written.
        OSError, UnicodeError: it could not be read or written.
    """
    wanted = line_for(shell, rebound or this_rebound())
    path = marked_line.target(start_file(shell))
    data = marked_line.with_line(marked_line.read(path), wanted, _ours)
    if data is None:
        return Change(path, wanted, changed=False)
    marked_line.write(path, data)
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
    lines it may have added (`compinit`, a `zstyle`) serve every program, so they stay. The
    ~/.bashrc line goes as `uninstall` takes the nudge's: as bytes, every other byte kept.
    Returns the files changed or removed.

    Raises:
        marked_line.LinkLoop, marked_line.ReadOnly, OSError, UnicodeError: as `install`.
    """
    changed: list[Path] = []
    bash_script, *_ = scripts = completion_files(prog)
    rc = marked_line.target(Path.home() / ".bashrc")
    wanted = f"source '{bash_script}'".encode("utf-8", "surrogateescape")
    data, removed = marked_line.without_lines(marked_line.read(rc), lambda b: b.strip() == wanted)
    if removed:
        marked_line.write(rc, data)
        changed.append(rc)
    for script in scripts:
        try:
            script.unlink()
        except FileNotFoundError:
            continue
        changed.append(script)
    return changed


def uninstall(shell: str) -> Change:
    """Remove the marked line(s) from `shell`'s start-up file; every other byte stays.

    Raises:
        marked_line.LinkLoop, marked_line.ReadOnly, OSError, UnicodeError: as `install`.
    """
    path = marked_line.target(start_file(shell))
    data, removed = marked_line.without_lines(marked_line.read(path), _ours)
    if not removed:
        return Change(path, "", changed=False)
    marked_line.write(path, data)
    return Change(path, removed[0].decode("utf-8", "replace"), changed=True)

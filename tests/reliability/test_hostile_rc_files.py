"""Hostile start-up files: a shell's start-up file (bash, zsh, fish, PowerShell) with every line
ending, encoding, mode and link shape, and `rebound nudge --install` then `--uninstall` on it.

The file is drawn as bytes from lines with LF, CRLF or lone CRs, in UTF-8, Latin-1, UTF-8 with a
BOM or UTF-16, with and without a final newline, already holding rebound's line (once, twice, an
older path) or a look-alike, with mode 0644, 0600, 0444 or 0400, as a file, a link, a relative
link, a chain of links, a link to a file not there yet, a loop, or no file at all. The file comes
back byte for byte (less rebound's own earlier lines), a link stays a link, and a read-only file
and a loop are refused plainly and left as they were. Figures: `hostile: rc files, ...`, the
third being "other bytes kept".
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from rebound.system import shell_rc
from tests.conftest import Figures
from tests.depth import examples
from tests.helpers import invoke
from tests.reliability.hostile import FileTally as Tally
from tests.reliability.hostile import plainly

pytestmark = pytest.mark.posix

SETTINGS = settings(
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # a failure is reported as found: no shrinking
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def cli(args: list[str]) -> Any:
    return invoke(args)


MARK = b"rebound nudge (added by `rebound nudge --install`)"

# --- rc files --------------------------------------------------------------------------------

LINES = (
    b"export PATH=$HOME/bin:$PATH",
    b"alias ll='ls -l'   ",
    b"\tindented",
    b"",
    b"# caf\xe9 in Latin-1",
    b"# caf\xc3\xa9 in UTF-8",
    b"echo 'a\rb'",  # a lone CR inside a line
    b"rebound nudge  # rebound nudge, by hand",  # a look-alike: the person's own
    b"if [ -t 1 ] && [ -x /old/rebound ]; then /old/rebound nudge; fi  # " + MARK,
)
ENDINGS = (b"\n", b"\r\n")
SHELLS = ("bash", "zsh", "fish", "powershell")
SHAPES = ("file", "missing", "link", "relative link", "chain", "dangling link", "loop")
MODES = (0o644, 0o600, 0o444, 0o400)
ENCODINGS = ("bytes", "utf-8-sig", "utf-16")


def rc_bytes(lines: list[bytes], ending: bytes, final: bool, encoding: str) -> bytes:
    body = ending.join(lines) + (ending if final and lines else b"")
    if encoding == "utf-8-sig":
        return b"\xef\xbb\xbf" + body
    if encoding == "utf-16":
        return b"\xff\xfe" + body.decode("latin-1").encode("utf-16-le")
    return body


def as_bytes(data: bytes) -> bytes:
    """A UTF-16 file's text as one byte a character (its lines are Latin-1 here)."""
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le").encode("latin-1", "replace")
    return data


def without_ours(data: bytes) -> bytes:
    """What the file should be once rebound's lines are gone, by the rule the tests hold it to:
    a finished line of ours goes with its ending; an unfinished last one takes the ending
    before it along (CR and all)."""
    utf16 = data.startswith(b"\xff\xfe")
    *finished, last = as_bytes(data).split(b"\n")
    kept = [line for line in finished if MARK not in line]
    if MARK in last:
        out = b"\n".join(kept).removesuffix(b"\r") if kept else b""
    else:
        out = b"".join(line + b"\n" for line in kept) + last
    return b"\xff\xfe" + out.decode("latin-1").encode("utf-16-le") if utf16 else out


def make_rc(place: Path, shape: str, data: bytes, mode: int) -> Path:
    """The start-up file at `place` in `shape`; the file that holds the bytes (or would)."""
    real = place.parent / "dotfiles" / "real-rc"
    real.parent.mkdir(parents=True, exist_ok=True)
    place.parent.mkdir(parents=True, exist_ok=True)
    if shape == "missing":
        return place
    if shape == "loop":
        place.symlink_to(place.parent / "other-rc")
        (place.parent / "other-rc").symlink_to(place)
        return place
    if shape != "dangling link":
        real.write_bytes(data)
        real.chmod(mode)
    if shape == "file":
        real.rename(place)
        return place
    if shape == "relative link":
        place.symlink_to(os.path.relpath(real, place.parent))
    elif shape == "chain":
        (real.parent / "middle").symlink_to("real-rc")
        place.symlink_to(real.parent / "middle")
    else:  # link, dangling link
        place.symlink_to(real)
    return real


def links_of(folder: Path) -> dict[str, str]:
    return {p.name: os.readlink(p) for p in folder.rglob("*") if p.is_symlink()}


@settings(SETTINGS, max_examples=examples(400))
@example(  # every shape at least once, whatever the draw
    lines=[LINES[0], LINES[-1]],
    ending=b"\r\n",
    final=False,
    encoding="utf-16",
    shape="chain",
    mode=0o600,
    shell="powershell",
)
@example(
    lines=[LINES[-1]],
    ending=b"\n",
    final=True,
    encoding="bytes",
    shape="file",
    mode=0o444,
    shell="bash",
)
@example(
    lines=[LINES[4]],
    ending=b"\n",
    final=False,
    encoding="bytes",
    shape="relative link",
    mode=0o400,
    shell="zsh",
)
@example(
    lines=[], ending=b"\n", final=True, encoding="bytes", shape="loop", mode=0o644, shell="fish"
)
@example(
    lines=[],
    ending=b"\n",
    final=True,
    encoding="bytes",
    shape="dangling link",
    mode=0o644,
    shell="bash",
)
@example(
    lines=[],
    ending=b"\n",
    final=True,
    encoding="bytes",
    shape="missing",
    mode=0o644,
    shell="powershell",
)
@example(
    lines=[LINES[-1], LINES[1], LINES[-1]],
    ending=b"\r\n",
    final=False,
    encoding="utf-8-sig",
    shape="link",
    mode=0o644,
    shell="bash",
)
@given(
    lines=st.lists(st.sampled_from(LINES), max_size=6),
    ending=st.sampled_from(ENDINGS),
    final=st.booleans(),
    encoding=st.sampled_from(ENCODINGS),
    shape=st.sampled_from(SHAPES),
    mode=st.sampled_from(MODES),
    shell=st.sampled_from(SHELLS),
)
def test_rc_files_keep_every_other_byte(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    figures: Figures,
    lines: list[bytes],
    ending: bytes,
    final: bool,
    encoding: str,
    shape: str,
    mode: int,
    shell: str,
) -> None:
    tally = Tally()
    base = tmp_path_factory.mktemp("rc")
    home = base / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("PATH", str(base / "bin"))  # no PowerShell to ask: its usual place
    for name in ("ZDOTDIR", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    place = shell_rc.start_file(shell)
    data = rc_bytes(lines, ending, final, encoding)
    holder = make_rc(place, shape, data, mode)
    if shape in ("missing", "dangling link", "loop"):
        data = b""  # no file there: nothing of the person's to keep but the links
    links = links_of(home)
    read_only = shape not in ("missing", "dangling link", "loop") and not mode & stat.S_IWUSR
    for verb in ("--install", "--uninstall"):
        tally.tried += 1
        result = cli(["nudge", verb, shell])
        ok = plainly(result)
        tally.handled += ok
        kept = links_of(home) == links
        if shape == "loop":
            kept = kept and result.exit_code == 1
        elif read_only:  # refused, or nothing to do: either way the file is as it was
            kept = kept and holder.read_bytes() == data
            kept = kept and stat.S_IMODE(holder.stat().st_mode) == mode
        elif result.exit_code != 0:
            kept = False
        else:
            now = holder.read_bytes()
            if verb == "--install":
                kept = (
                    kept
                    and without_ours(now) == without_ours(data)
                    and as_bytes(now).count(MARK) == 1
                )
            else:
                kept = kept and now == without_ours(data)
            new = shape in ("missing", "dangling link")
            kept = kept and stat.S_IMODE(holder.stat().st_mode) == (0o644 if new else mode)
        tally.kept += kept
        if not (ok and kept):
            tally.failures.append(f"{verb} {shell} {shape} {oct(mode)} {data!r}: {result.output}")
    tally.report(figures, "rc files", "other bytes kept")
    assert not tally.failures, "\n".join(tally.failures)

"""Hostile endings while the person's editor is open: `rebound draft NAME --edit` running the
installed `rebound`, and a signal sent while a stand-in editor holds the draft (issue 19,
item 8: SIGHUP or SIGTERM deleted the file that held what was being written).

The editor stand-ins behave as editors do when the window closes or they are told to end: one
has saved already and ends with the signal; one saves on the signal, then closes (as nano and
vim keep what they can); one ignores the signal and stays open; one has saved nothing. The
signal is SIGHUP, SIGTERM or SIGINT, sent to rebound alone (`kill PID`) or to its whole process
group (a closed terminal, Ctrl-C). Each run must:

- end as the house ends: exit 130, no traceback, nothing "did not expect";
- keep what the editor wrote: saved as the draft's edit, or left in a file the message names;
- leave no file of rebound's behind when there was nothing to keep.

The figures: `hostile: signals while an editor is open, ...`.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Figures
from tests.depth import DEEP
from tests.helpers import MakeSession
from tests.reliability.hostile import UNEXPECTED, report
from tests.scenario import SESSION_ID

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")

KIND = "signals while an editor is open"
WRITTEN = "Hi Dana,\n\nA line I wrote in my editor, and mean to keep.\n"
DRAFT = "thank_you_email"

# The stand-in editor: its behaviour from the environment; it writes its pid to READY once it
# holds the file, and never prints a traceback of its own.
EDITOR = r"""
import os, signal, sys, time
path, mode, ready = sys.argv[-1], os.environ["EDITOR_MODE"], os.environ["EDITOR_READY"]

def write():
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(WRITTEN)

def save_and_close(signum, frame):
    write()
    os._exit(0)

def close(signum, frame):
    os._exit(128 + signum)

if mode in ("saved", "ignores"):
    write()
ending = {"saved": close, "saves on the signal": save_and_close, "ignores": signal.SIG_IGN,
          "unsaved": close}[mode]
for name in ("SIGHUP", "SIGTERM", "SIGINT"):
    signal.signal(getattr(signal, name), ending)
with open(ready + ".tmp", "w") as handle:
    handle.write(str(os.getpid()))
os.replace(ready + ".tmp", ready)
for _ in range(600):
    time.sleep(0.1)
""".replace("WRITTEN", repr(WRITTEN))

MODES = ("saved", "saves on the signal", "ignores", "unsaved")
SIGNALS = {"SIGHUP": signal.SIGHUP, "SIGTERM": signal.SIGTERM, "SIGINT": signal.SIGINT}
TARGETS = ("rebound", "group")
# rebound with Ctrl-C as a terminal's foreground job has it (the same process, by exec): a
# suite started in the background (`cmd &` in a script) runs with SIGINT ignored, and a child
# inherits that.
INTERRUPTIBLE = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])",
]


def _wait_for(path: Path, process: subprocess.Popen[bytes], seconds: float = 20) -> int:
    """The editor's pid, once it holds the file (it writes READY); fails if rebound ends first."""
    deadline = time.monotonic() + seconds
    while not path.exists():
        if process.poll() is not None:
            pytest.fail(f"rebound ended before its editor was ready ({process.returncode})")
        if time.monotonic() > deadline:
            pytest.fail("the editor never started")
        time.sleep(0.01)
    return int(path.read_text())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _edited(home: Path) -> str | None:
    data: dict[str, Any] = json.loads((home / "sessions" / f"{SESSION_ID}.json").read_text())
    edit = data["edited"].get(DRAFT)
    return edit if isinstance(edit, str) else None


def one_ending(
    exe: str, env: dict[str, str], home: Path, tmp: Path, mode: str, name: str, target: str
) -> list[str]:
    """Run one case; the problems found (none: handled, and nothing lost)."""
    case = f"{mode}, {name} to {target}"
    editor = tmp / "editor.py"
    editor.write_text(EDITOR, encoding="utf-8")
    ready = tmp / f"ready-{mode}-{name}-{target}".replace(" ", "-")
    drafts = tmp / "tmp"  # where the editor's file is made: the test's own
    drafts.mkdir(exist_ok=True)
    before = set(drafts.glob("rebound-draft-*"))
    run_env = {
        **env,
        "EDITOR": shlex.join([sys.executable, "-S", str(editor)]),
        "EDITOR_MODE": mode,
        "EDITOR_READY": str(ready),
        "TMPDIR": str(drafts),
    }
    run_env.pop("VISUAL", None)
    # Files, not pipes: an editor that stays open would hold a pipe open after rebound ends.
    out_file, err_file = tmp / "out.txt", tmp / "err.txt"
    with open(out_file, "w") as out_handle, open(err_file, "w") as err_handle:
        process = subprocess.Popen(
            [*INTERRUPTIBLE, exe, "draft", DRAFT, "--edit"],
            env=run_env,
            stdin=subprocess.DEVNULL,
            stdout=out_handle,
            stderr=err_handle,
            start_new_session=True,  # its own process group, as a terminal's job is
        )
    problems: list[str] = []
    pid = _wait_for(ready, process)
    try:
        if target == "group":
            os.killpg(process.pid, SIGNALS[name])
        else:
            os.kill(process.pid, SIGNALS[name])
        if name == "SIGINT":
            # Ctrl-C: rebound waits for the editor, which decides (as Git does). One that is
            # still open (it ignored Ctrl-C, or never had it) the person then closes: here, its
            # window.
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM if mode != "ignores" else signal.SIGKILL)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            return [f"{case}: rebound did not end: {err_file.read_text()}"]
    finally:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
    said = f"{out_file.read_text()}{err_file.read_text()}"
    if process.returncode not in (0, 130) or UNEXPECTED in said or "Traceback" in said:
        problems.append(f"{case}: exit {process.returncode}: {said[-500:]}")
    edit = _edited(home)
    named = [Path(p) for p in re.findall(r"(/\S*rebound-draft-\S*?\.txt)", " ".join(said.split()))]
    if mode != "unsaved":
        kept_in_file = any(p.is_file() and WRITTEN in p.read_text() for p in named)
        if not (edit is not None and WRITTEN.strip() in edit) and not kept_in_file:
            problems.append(f"{case}: what the editor wrote was lost: {said[-500:]}")
    elif edit is not None:
        problems.append(f"{case}: an edit was saved, though nothing was written")
    left = set(drafts.glob("rebound-draft-*")) - before
    for path in left - set(named):
        problems.append(f"{case}: {path} left behind without being named")
    for path in named:
        path.unlink(missing_ok=True)
    return problems


def _cases() -> list[tuple[str, str, str]]:
    every = [(m, s, t) for m in MODES for s in SIGNALS for t in TARGETS]
    if DEEP:
        return every
    # Every day: every editor with every signal, sent to rebound or to the group by turns.
    rng = random.Random(19)
    return [(m, s, rng.choice(TARGETS)) for m in MODES for s in SIGNALS]


@pytest.mark.parametrize("name", SIGNALS)
def test_what_the_editor_holds_survives_any_ending(
    exe: str,
    env: dict[str, str],
    make_session: MakeSession,
    rebound_home: Path,
    tmp_path: Path,
    figures: Figures,
    name: str,
) -> None:
    make_session()
    cases = [c for c in _cases() if c[1] == name]
    problems: list[str] = []
    handled = kept = 0
    pristine = (rebound_home / "sessions" / f"{SESSION_ID}.json").read_bytes()
    for mode, signal_name, target in cases:
        (rebound_home / "sessions" / f"{SESSION_ID}.json").write_bytes(pristine)
        found = one_ending(exe, env, rebound_home, tmp_path, mode, signal_name, target)
        problems += found
        handled += not any("exit" in p or "did not end" in p for p in found)
        kept += not found
    report(figures, KIND, len(cases), handled, kept, len(cases))
    assert not problems, "\n".join(problems)


def test_the_walks_offer_keeps_an_ended_edit_and_stops_saved(
    run: Any, rebound_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The walk's "Edit it first", ended while the editor was open: what it held is saved as
    the edit, said, and the walk stops as at Ctrl-C (everything saved, `rebound continue`)."""
    from rebound.system import programs
    from tests.cli.test_draft_walk import EDIT, saved, upto

    left = tmp_path / "rebound-draft-x.txt"
    left.write_text(WRITTEN)

    def ended(text: str) -> str | None:
        raise programs.EditEnded(WRITTEN, str(left), still_open=False)

    monkeypatch.setattr(programs, "edit", ended)
    result = run(["start"], upto("offer.thank_you_email") + EDIT)
    assert result.exit_code == 130, result.output
    assert "what you wrote in your editor is kept as your edit" in " ".join(result.stdout.split())
    assert "rebound continue" in result.output
    assert saved(rebound_home)["edited"]["thank_you_email"] == WRITTEN
    assert not left.exists()  # kept in the session: the file is not needed any more


@pytest.mark.parametrize("still_open", [False, True])
def test_an_edit_that_cannot_be_saved_stays_in_its_file_and_is_named(
    run: Any,
    make_session: MakeSession,
    rebound_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    still_open: bool,
) -> None:
    from rebound.errors import DataError
    from rebound.storage.store import Store
    from rebound.system import programs

    make_session()
    left = tmp_path / "rebound-draft-y.txt"
    left.write_text(WRITTEN)

    def ended(text: str) -> str | None:
        raise programs.EditEnded(WRITTEN, str(left), still_open=still_open)

    def full(self: Store, session: Any) -> None:
        raise DataError("save_failed", where=rebound_home, value="the disk is full")

    monkeypatch.setattr(programs, "edit", ended)
    monkeypatch.setattr(Store, "save", full)
    result = run(["draft", DRAFT, "--edit"])
    assert result.exit_code == 130, result.output
    said = "".join(result.stderr.split())
    assert str(left).replace(" ", "") in said
    assert left.read_text() == WRITTEN

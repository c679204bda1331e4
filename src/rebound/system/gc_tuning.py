"""Python's cyclic garbage collector, tuned for a command that starts, answers and exits.

Starting `rebound` builds a few hundred thousand long-lived objects (Typer's commands, pydantic's
validators, Rich's styles) and hardly any garbage. Left alone, the collector walks them again and
again while they are being built, and once more in full when the interpreter shuts down: together
that costs more than everything rebound itself does for `rebound list` (measured with
benchmarks/startup.py). So:

- `pause()` at the very start: no collections while the command starts up and runs;
- `resume()` before rebound waits for a person (a prompt): the start-up objects are set aside
  for good (`gc.freeze`) and collection resumes for the rest of a long interactive sitting;
- `finish()` at the end: whatever is left dies with the process, so the final collection at
  shutdown is skipped. Files are never left to it: rebound writes, flushes, fsyncs and closes
  every file itself before a command returns, and standard output is flushed at exit as usual.
"""

from __future__ import annotations

import gc


def pause() -> None:
    """No collections from now on (until `resume`)."""
    gc.disable()


def resume() -> None:
    """Collect garbage again, leaving out everything built so far; a no-op when not paused."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def finish() -> None:
    """Spare the interpreter a full collection at exit: the process is about to end."""
    gc.freeze()

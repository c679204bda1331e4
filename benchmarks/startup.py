"""How fast `rebound` starts, measured against the interpreter's own start-up.

Every command is timed as a whole process (what a person waits for), and each timing is paired
with a run of the bare interpreter (`python -c pass`, the same `sys.executable`) taken in the
same loop, alternating which goes first, so that both see the same machine load, caches and CPU
frequency. The result of a row is the ratio median(command) / median(floor); that ratio is far
more stable from one machine to the next than milliseconds are.

The data is made up: a "typical" data folder with 5 sessions and a large one with N (default
1,000), all finished sessions built from one realistic session (the full walk of the CLI session
test) with the id, company and dates varied. The first session of each folder is written by
`rebound.storage.store.Store.save`; the rest are copies of its JSON with those fields changed, and a
sample of them is read back with `rebound.storage.store.parse` before anything is timed.

Run it from the project's virtual environment:

    python benchmarks/startup.py [--sessions N] [--runs N] [--json FILE]

It exits with status 1 when a row is over its target (or a command failed), else 0.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

PYTHON = sys.executable
REBOUND = Path(sys.executable).parent / "rebound"
WARMUP = 2
LOAD_RUNS = 5
FIRST_PROMPT = "Which company was it?"
PTY_DIMENSIONS = (40, 120)
TIMEOUT = 120.0
TYPICAL_SESSIONS = 5

# The template session: the sample session of the tests (tests/scenario.py), with the dates of a
# call on TEMPLATE_DAY (its fixed dates fall two weeks and nine days after it). The company is
# varied in every copy.
ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_COMPANY = "Globex"
TEMPLATE_SLUG = "globex"
TEMPLATE_DAY = date(2026, 11, 25)
COMPANIES = (
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark Industries",
    "Wayne Enterprises",
    "Wonka",
    "Cyberdyne",
    "Soylent",
    "Tyrell",
    "Vandelay Industries",
    "Pied Piper",
    "Dunder Mifflin",
    "Aperture Science",
    "Black Mesa",
    "Massive Dynamic",
    "Oscorp",
    "Nakatomi",
    "Gringotts",
    "Monsters Inc",
    "Prestige Worldwide",
    "Sterling Cooper",
    "Blue Sun",
)
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

Kind = Literal["ratio", "ms"]


def template_answers(day: date) -> dict[str, Any]:
    """A complete, realistic set of answers for a call on `day`: the tests' sample session."""
    if str(ROOT) not in sys.path:  # run as `python benchmarks/startup.py`: the repo is not on it
        sys.path.insert(0, str(ROOT))
    from tests import scenario

    if (scenario.COMPANY, scenario.SLUG) != (TEMPLATE_COMPANY, TEMPLATE_SLUG):
        sys.exit("The tests' sample session names another company; update TEMPLATE_COMPANY.")
    return scenario.answers(day)


def template_session(day: date) -> Any:
    """A finished Session, built the way `rebound start` builds it: answer by answer through
    the coach, drafts filed as each step is done, then two checklist items ticked."""
    from rebound.coach import progress as coach
    from rebound.pack import packs
    from rebound.storage.records import Session

    pack = packs.load(None)
    answers = template_answers(day)
    moment = datetime(day.year, day.month, day.day, 16, 5, tzinfo=timezone.utc)
    session = Session(id=f"{day.isoformat()}-{TEMPLATE_SLUG}", created_at=moment, updated_at=moment)
    while (pos := coach.next_position(pack, session)) is not None:
        pid = pos.prompt.id
        try:
            if pos.more:
                value: Any = len(answers.get(pid, [])) >= pos.entry
            elif pos.field is not None:
                value = answers[pid][pos.entry - 1][pos.field.id]
            else:
                value = answers[pid]
        except (KeyError, IndexError):
            sys.exit(f"The content asks '{pid}', which the benchmark's session does not answer.")
        moment += timedelta(seconds=25)
        coach.apply(pack, session, pos, value, moment)
        if pos.step is not None and coach.step_done(pos.step, session):
            for draft in pos.step.drafts:
                session.drafts.setdefault(draft.id, coach.draft_text(pack, session, draft))
    for entry in coach.open_items(pack, session, today=day)[:2]:
        coach.tick(pack, session, entry.id, moment + timedelta(hours=20))
    if session.finished_at is None:
        sys.exit("The benchmark's template session did not finish; update template_answers().")
    return session


def _vary(value: Any, days: int, company: str, slug: str) -> Any:
    """A copy of a JSON value with every date moved by `days` and the company renamed."""
    if isinstance(value, str):
        moved = DATE.sub(
            lambda m: (date.fromisoformat(m.group()) + timedelta(days=days)).isoformat(), value
        )
        return moved.replace(TEMPLATE_COMPANY, company).replace(TEMPLATE_SLUG, slug)
    if isinstance(value, dict):
        return {k: _vary(v, days, company, slug) for k, v in value.items()}
    if isinstance(value, list):
        return [_vary(v, days, company, slug) for v in value]
    return value


def _stamp(path: Path, updated_at: str) -> None:
    """Give a session file the mtime of its last change, as a real folder would have."""
    moment = datetime.fromisoformat(updated_at.replace("Z", "+00:00")).timestamp()
    os.utime(path, (moment, moment))


def build_home(home: Path, count: int, seed: int) -> list[str]:
    """A data folder with `count` finished sessions over the last three years; their ids."""
    from rebound.coach import progress as coach
    from rebound.storage.store import Store

    store = Store(home)
    template = template_session(TEMPLATE_DAY)
    store.save(template)
    base = json.loads(template.model_dump_json())
    _stamp(store.path(template.id), base["updated_at"])

    rng = random.Random(seed)
    today = date.today()
    ids = [template.id]
    taken = {template.id}
    for _ in range(count - 1):
        company = rng.choice(COMPANIES)
        slug = coach.company_slug(company)
        day = today - timedelta(days=rng.randint(1, 3 * 365))
        session_id, n = f"{day.isoformat()}-{slug}", 2
        while session_id in taken:  # the same rule as rebound: a second one that day gets -2
            session_id, n = f"{day.isoformat()}-{slug}-{n}", n + 1
        taken.add(session_id)
        data = _vary(base, (day - TEMPLATE_DAY).days, company, slug)
        data["id"] = session_id
        path = store.path(session_id)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        path.chmod(0o600)
        _stamp(path, data["updated_at"])
        ids.append(session_id)
    return ids


def check_home(home: Path, ids: list[str], sample: int, seed: int) -> None:
    """Read a sample of the sessions back (all of a small folder) with rebound's parser."""
    from rebound.storage.store import Store, parse

    store = Store(home)
    on_disk = store.ids()
    if sorted(on_disk) != sorted(ids):
        sys.exit(f"{home}: expected {len(ids)} session files, found {len(on_disk)}.")
    picked = ids if len(ids) <= sample else random.Random(seed).sample(ids, sample)
    for session_id in picked:
        try:
            session = parse(store.path(session_id).read_bytes())
        except ValueError as exc:
            sys.exit(f"The generated session {session_id} is not valid: {exc}")
        if session.id != session_id or session.finished_at is None:
            sys.exit(f"The generated session {session_id} is not a finished session of that id.")


@dataclass
class Row:
    """One line of the table."""

    name: str
    kind: Kind
    limit: float
    median_ms: float | None = None
    floor_ms: float | None = None
    ratio: float | None = None
    status: str = "n/a"
    note: str = ""
    samples_ms: list[float] = field(default_factory=list)
    floor_samples_ms: list[float] = field(default_factory=list)

    @property
    def target(self) -> str:
        return f"<= {self.limit:g}x" if self.kind == "ratio" else f"<= {self.limit:g} ms"

    @property
    def failed(self) -> bool:
        return self.status in ("FAIL", "ERROR")

    def settle(self, samples: list[float], floor: list[float] | None = None) -> None:
        """Fill in the medians (samples in seconds) and the verdict."""
        self.samples_ms = [round(s * 1000, 3) for s in samples]
        self.median_ms = statistics.median(samples) * 1000
        if floor is None:
            ok = self.median_ms <= self.limit
        else:
            self.floor_samples_ms = [round(s * 1000, 3) for s in floor]
            self.floor_ms = statistics.median(floor) * 1000
            self.ratio = self.median_ms / self.floor_ms
            ok = self.ratio <= self.limit
        self.status = "OK" if ok else "FAIL"


class CommandFailed(Exception):
    """A timed command did not do its job (non-zero exit, prompt never shown...)."""


def base_env(home: Path) -> dict[str, str]:
    """The environment of every timed process: this data folder, and this computer's state for
    it (the due index, the record of checked sessions) beside it in the temp dir, no colour, no
    overrides."""
    env = {k: v for k, v in os.environ.items() if k not in ("REBOUND_CONTENT", "REBOUND_DEBUG")}
    env.update(REBOUND_HOME=str(home), REBOUND_STATE=str(home.parent / "state"), NO_COLOR="1")
    return env


def process_timer(argv: list[str], env: dict[str, str]) -> Callable[[], float]:
    """A function that runs `argv` once and returns how long the whole process took (s).

    The first call is a check, not timed: with a timeout (so a hung command cannot hang the
    benchmark) and stderr kept for the message if it fails. The timed calls pass no timeout on
    purpose: with one, `subprocess.run` polls for the exit with sleeps that double from 0.5 ms,
    which rounds every measurement up to 15.5, 31.5, 63.5, 113.5, 163.5... ms.
    """
    shown = " ".join(Path(a).name if a in (PYTHON, str(REBOUND)) else a for a in argv)
    checked = False

    def once() -> float:
        nonlocal checked
        if not checked:
            proc = subprocess.run(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=env,
                timeout=TIMEOUT,
                check=False,
            )
            if proc.returncode != 0:
                why = proc.stderr.decode(errors="replace").strip().splitlines()[-1:]
                raise CommandFailed(f"`{shown}` exited {proc.returncode}: {' '.join(why)}")
            checked = True
        start = time.perf_counter()
        proc = subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            check=False,
        )
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise CommandFailed(f"`{shown}` exited {proc.returncode}")
        return elapsed

    return once


def pty_timer(argv: list[str], text: str, env: dict[str, str]) -> Callable[[], float]:
    """A function that spawns `argv` in a pseudo-terminal and returns the time until `text`
    is on screen (s); the child is then ended."""
    import pexpect

    def once() -> float:
        start = time.perf_counter()
        child = pexpect.spawn(
            argv[0],
            argv[1:],
            env=env,
            dimensions=PTY_DIMENSIONS,
            encoding="utf-8",
            timeout=TIMEOUT,
        )
        try:
            child.expect_exact(text)
            elapsed = time.perf_counter() - start
        except (pexpect.TIMEOUT, pexpect.EOF):
            raise CommandFailed(f"{text!r} never appeared ({argv[-1]})") from None
        finally:
            child.close(force=True)
        return elapsed

    return once


def alternate(
    command: Callable[[], float], floor: Callable[[], float], runs: int
) -> tuple[list[float], list[float]]:
    """Warm both up, then time them in turns (swapping which goes first) `runs` times each."""
    for _ in range(WARMUP):
        command()
        floor()
    timed: list[float] = []
    floors: list[float] = []
    for i in range(runs):
        if i % 2 == 0:
            floors.append(floor())
            timed.append(command())
        else:
            timed.append(command())
            floors.append(floor())
    return timed, floors


# As the `rebound` command runs it (rebound.cli.main): without pydantic's plugin scan, which
# otherwise reads every installed package's metadata when the first model is validated, and
# with the garbage collector paused (rebound.system.gc_tuning), as every command starts.
LOAD_ALL = """
import json, os, sys, time
from pathlib import Path
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
from rebound.system import gc_tuning
gc_tuning.pause()
import rebound.storage.store
store = rebound.storage.store.Store(Path(sys.argv[1]))
start = time.perf_counter()
sessions = store.load_all()
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "loaded": len(sessions), "moved": len(store.moved)}))
"""


def time_load_all(home: Path, expected: int, env: dict[str, str]) -> list[float]:
    """`Store(home).load_all()` timed inside fresh interpreters (imports not counted), in s."""
    out: list[float] = []
    for i in range(1 + LOAD_RUNS):  # the first one warms the file cache and is not kept
        proc = subprocess.run(
            [PYTHON, "-c", LOAD_ALL, str(home)],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            timeout=TIMEOUT,
            check=False,
        )
        if proc.returncode != 0:
            raise CommandFailed(f"load_all exited {proc.returncode}: {proc.stderr.strip()[-300:]}")
        result = json.loads(proc.stdout)
        if result["loaded"] != expected or result["moved"]:
            raise CommandFailed(
                f"load_all read {result['loaded']} of {expected} sessions, "
                f"moved {result['moved']} aside"
            )
        if i:
            out.append(float(result["seconds"]))
    return out


def _rebound(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`rebound ARGS...` run once, no terminal, its output kept."""
    return subprocess.run(
        [str(REBOUND), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
        check=False,
    )


def has_command(name: str, env: dict[str, str]) -> bool:
    """Whether `rebound NAME --help` succeeds."""
    return _rebound(env, name, "--help").returncode == 0


def nudge_ready(env: dict[str, str]) -> bool:
    """Build the due index (`rebound todo` does; the sample sessions were copied, not saved by
    rebound) and check that `rebound nudge` then has a line to say, so that the row times the
    real path rather than the silence of a missing index."""
    todo = _rebound(env, "todo")
    said = _rebound(env, "nudge")
    return todo.returncode == 0 and said.returncode == 0 and bool(said.stdout.strip())


def load_average() -> float | None:
    """The 1-minute load average, to tell a busy machine's numbers from a quiet one's."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_rows(typical: Path, large: Path, large_ids: list[str], runs: int) -> list[Row]:
    """Measure every row of the table."""
    rebound = str(REBOUND)
    count = len(large_ids)
    typical_env = base_env(typical)
    large_env = base_env(large)
    pty_env = {**typical_env, "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"}
    listing = has_command("list", typical_env)
    nudging = has_command("nudge", typical_env) and nudge_ready(typical_env)
    one_id = large_ids[len(large_ids) // 2]

    plan: list[tuple[Row, Callable[[], float] | None, Callable[[], float] | None]] = [
        (
            Row("rebound --help", "ratio", 7),
            process_timer([rebound, "--help"], typical_env),
            process_timer([PYTHON, "-c", "pass"], typical_env),
        ),
        (
            Row("rebound --version", "ratio", 7),
            process_timer([rebound, "--version"], typical_env),
            process_timer([PYTHON, "-c", "pass"], typical_env),
        ),
        (
            Row(f"rebound summary ({TYPICAL_SESSIONS} sessions)", "ratio", 16),
            process_timer([rebound, "summary"], typical_env),
            process_timer([PYTHON, "-c", "pass"], typical_env),
        ),
        (
            Row(f"rebound list ({TYPICAL_SESSIONS} sessions)", "ratio", 16),
            process_timer([rebound, "list"], typical_env) if listing else None,
            process_timer([PYTHON, "-c", "pass"], typical_env),
        ),
        (
            # In every new terminal (issue 11): the entry point reads the due index, nothing else.
            Row(f"rebound nudge ({TYPICAL_SESSIONS} sessions)", "ratio", 3),
            process_timer([rebound, "nudge"], typical_env) if nudging else None,
            process_timer([PYTHON, "-c", "pass"], typical_env),
        ),
        (
            Row("rebound start: first prompt (pty)", "ratio", 20),
            pty_timer([rebound, "start"], FIRST_PROMPT, pty_env),
            pty_timer([PYTHON, "-c", "print('x')"], "x", pty_env),
        ),
        (
            Row(f"rebound list ({count:,} sessions)", "ratio", 20),
            process_timer([rebound, "list"], large_env) if listing else None,
            process_timer([PYTHON, "-c", "pass"], large_env),
        ),
        (
            Row(f"rebound summary --session ID ({count:,})", "ratio", 16),
            process_timer([rebound, "summary", "--session", one_id], large_env),
            process_timer([PYTHON, "-c", "pass"], large_env),
        ),
        (Row(f"load_all() in-process ({count:,})", "ms", 60), None, None),
    ]
    rows: list[Row] = []
    for row, command, floor in plan:
        rows.append(row)
        progress(f"  {row.name} ...")
        try:
            if row.kind == "ms":
                row.settle(time_load_all(large, count, large_env))
            elif command is None or floor is None:
                row.note = "no such command"
            else:
                row.settle(*alternate(command, floor, runs))
        except (CommandFailed, subprocess.TimeoutExpired) as exc:
            row.status, row.note = "ERROR", str(exc)
    return rows


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    return f"{value:.1f}{unit}"


def table(rows: list[Row]) -> str:
    """The results as an aligned plain-text table."""
    head = ("command", "median ms", "floor ms", "ratio", "target", "result")
    lines = [head]
    for r in rows:
        if r.status == "n/a":
            result = f"n/a ({r.note})"
        elif r.status == "ERROR":
            result = f"ERROR: {r.note}"
        else:
            result = r.status
        lines.append(
            (
                r.name,
                _num(r.median_ms),
                _num(r.floor_ms),
                _num(r.ratio, "x"),
                r.target,
                result,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head) - 1)]
    out = []
    for n, line in enumerate(lines):
        cells = [
            line[0].ljust(widths[0]),
            *(line[i].rjust(widths[i]) for i in range(1, 4)),
            line[4].ljust(widths[4]),
            line[5],
        ]
        out.append("  ".join(cells))
        if n == 0:
            out.append("  ".join("-" * w for w in [*widths, len(head[-1])]))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sessions", type=int, default=1000, help="sessions in the large folder (default 1000)"
    )
    parser.add_argument(
        "--runs", type=int, default=15, help="timed runs of each command, at least 10 (default 15)"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers here")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the made-up data")
    args = parser.parse_args(argv)
    if args.runs < 10:
        parser.error("--runs must be at least 10")
    if args.sessions < 1:
        parser.error("--sessions must be at least 1")
    if not (REBOUND.is_file() and os.access(REBOUND, os.X_OK)):
        parser.error(f"{REBOUND} not found: install rebound in this interpreter's environment")

    # Measure what an installed rebound does: pip compiles bytecode at install time, but an
    # editable checkout whose sources just changed (or PYTHONDONTWRITEBYTECODE=1) would compile
    # on every run and make start-up look slower than it is.
    import compileall

    import rebound

    compileall.compile_dir(str(Path(rebound.__file__).parent), quiet=1)

    began, load_start = time.perf_counter(), load_average()
    print(f"Python {platform.python_version()} ({platform.python_implementation()}) {PYTHON}")
    print(f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, load average {load_start}")
    print(f"rebound: {REBOUND}")
    print(
        f"Runs: {args.runs} per command after {WARMUP} warm-ups, each alternated with its floor; "
        f"medians. load_all: {LOAD_RUNS} fresh processes."
    )

    with tempfile.TemporaryDirectory(prefix="rebound-bench-") as tmp:
        typical, large = Path(tmp) / "typical", Path(tmp) / "large"
        progress(f"Building data folders in {tmp} ...")
        typical_ids = build_home(typical, TYPICAL_SESSIONS, args.seed)
        large_ids = build_home(large, args.sessions, args.seed + 1)
        check_home(typical, typical_ids, TYPICAL_SESSIONS, args.seed)
        check_home(large, large_ids, 50, args.seed)
        progress(f"Timing (about {args.runs + WARMUP} runs of each row) ...")
        rows = run_rows(typical, large, large_ids, args.runs)

    elapsed = time.perf_counter() - began
    print()
    print(table(rows))
    failed = [r.name for r in rows if r.failed]
    print()
    print(f"{'FAIL: ' + ', '.join(failed) if failed else 'All rows within target.'}")
    print(f"Took {elapsed:.0f} s; load average now {load_average()} (other work inflates ratios).")

    if args.json:
        report = {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "executable": PYTHON,
            "platform": platform.platform(),
            "cpu_count": os.cpu_count(),
            "sessions": args.sessions,
            "typical_sessions": TYPICAL_SESSIONS,
            "runs": args.runs,
            "warmup": WARMUP,
            "seconds": round(elapsed, 1),
            "load_average_start": load_start,
            "load_average_end": load_average(),
            "ok": not failed,
            "rows": [{**asdict(r), "target": r.target} for r in rows],
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

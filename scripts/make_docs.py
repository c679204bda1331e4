"""Generate rebound's reference docs: the CLI and content references, schemas, screenshots.

    python scripts/make_docs.py          # (re)write docs/*.md, docs/schema/*, docs/images/*,
                                         # content/schema/*
    python scripts/make_docs.py --check  # exit 1, naming the stale files, if any would change

Everything is made from the real app and the real content, and nothing depends on the day, the
terminal or the environment it runs in, so running it twice gives byte-identical files:

- `docs/cli.md` is the `--help` of the root and of every command and sub-command, as the Click
  command tree has them, rendered at a fixed width with colours off.
- `docs/images/step.svg` is the screen that opens step 1 with the thank-you draft below it.
- `docs/images/summary.svg` is the summary of a finished session built from fixed answers, fixed
  times and a fixed "today".
- `CONTRIBUTING.md`'s map of the house is made from the package's docstrings
  (scripts/house_map.py).
- `docs/content.md` is the reference of every key a content pack may use, and
  `docs/schema/coach.schema.json` and `docs/schema/step.schema.json` are JSON Schemas of its two
  kinds of file, for editors. The same bytes are written to `content/schema/`, which ships with
  the built-in packs (whose first lines name it) and which `rebound content new` copies into a
  new pack. All are made from the models in `rebound.pack.models`, so a key added there is
  documented by running this again.

`tests/test_docs.py` imports this module and runs the check, so the docs cannot go stale silently.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The content reference lives beside this script (run as a file, scripts/ is not a package).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from content_reference import content_reference, schema_files
from house_map import CONTRIBUTING, with_map

if TYPE_CHECKING:
    from rich.console import Console

    from rebound.pack.models import Content
    from rebound.storage.records import AnswerValue, Session

ROOT = Path(__file__).resolve().parent.parent
CLI_MD = Path("docs/cli.md")
STEP_SVG = Path("docs/images/step.svg")
SUMMARY_SVG = Path("docs/images/summary.svg")
CONTENT_MD = Path("docs/content.md")
PROG = "rebound"
# Click formats help 2 columns inside an 80-column cap in any wide terminal; typer's CliRunner
# would force 80 instead, so the width is given to match what a person actually sees.
HELP_WIDTH = 78
STALE = "docs are stale: run python scripts/make_docs.py"

# What `--help` is rendered with: wide enough that Click's own 80-column cap applies, no colours,
# and nothing from the person's own setup (content folder, language).
HELP_ENV: dict[str, str | None] = {
    "COLUMNS": "100",
    "LINES": "40",
    "TERM": "dumb",
    "NO_COLOR": "1",
    "FORCE_COLOR": None,
    "LANG": "C.UTF-8",
    "LC_ALL": None,
    "LC_MESSAGES": None,
    "REBOUND_CONTENT": None,
    "REBOUND_DEBUG": None,
}

# The day of the call in the screenshots. Due dates, "today" in templates and the order of the
# to-do list are all seen from this day, whatever the date on the machine that makes the docs.
TODAY = date(2026, 11, 25)
CALL = datetime(2026, 11, 25, 14, 5, tzinfo=timezone.utc)


# A whole session, answered the way a person might on the day of the call: the sample session
# of the tests (tests/scenario.py), so that it is written down once. One answer differs: the
# tests' thank-you detail has markup in it on purpose, which a screenshot should not show.
def _answers() -> dict[str, Any]:
    if str(ROOT) not in sys.path:  # run as `python scripts/make_docs.py`: the repo is not on it
        sys.path.insert(0, str(ROOT))
    from tests import scenario

    plain = "the detailed notes on the system design round"
    return {**scenario.answers(TODAY), "thank_detail": plain}


ANSWERS: dict[str, Any] = _answers()
# Ticked that evening: the thank-you went out the same day, as the coach suggests.
TICKED = {"thank-you-sent": datetime(2026, 11, 25, 17, 30, tzinfo=timezone.utc)}


# ---------------------------------------------------------------------------------------------
# The CLI reference


def command_tree() -> list[tuple[tuple[str, ...], Any]]:
    """Every visible command as (path below the root, Click command), root first, in help order."""
    import typer.main

    from rebound.app import app

    found: list[tuple[tuple[str, ...], Any]] = []

    def walk(path: tuple[str, ...], command: Any) -> None:
        found.append((path, command))
        subcommands = getattr(command, "commands", None)
        if not isinstance(subcommands, dict):
            return
        ctx = command.context_class(command, info_name=path[-1] if path else PROG)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not getattr(sub, "hidden", False):
                walk((*path, name), sub)

    walk((), typer.main.get_command(app))
    return found


def command_paths() -> list[tuple[str, ...]]:
    """The path of every visible command below the root, e.g. ('content', 'validate')."""
    return [path for path, _ in command_tree() if path]


def help_text(path: tuple[str, ...]) -> str:
    """The `--help` output of `rebound <path>`, exactly as a person sees it at 100 columns.

    Raises:
        RuntimeError: the help did not exit 0.
    """
    from typer.testing import CliRunner

    from rebound.app import app

    result = CliRunner().invoke(
        app, [*path, "--help"], env=HELP_ENV, prog_name=PROG, terminal_width=HELP_WIDTH
    )
    if result.exit_code != 0:
        raise RuntimeError(
            f"`{' '.join((PROG, *path, '--help'))}` exited {result.exit_code}:\n{result.output}"
        )
    return "\n".join(line.rstrip() for line in result.stdout.strip("\n").splitlines())


def heading(path: tuple[str, ...]) -> str:
    """The Markdown heading text of a command (also what the tests look for)."""
    return " ".join((PROG, *path))


def anchor(path: tuple[str, ...]) -> str:
    """The anchor GitHub makes from `heading(path)`."""
    return "-".join((PROG, *path)).lower()


def cli_reference() -> str:
    """The whole of docs/cli.md."""
    paths = [path for path, _ in command_tree()]
    lines = [
        "# Command-line reference",
        "",
        "<!-- Generated by `python scripts/make_docs.py`. Do not edit by hand: "
        "change the commands' help, then run the script again. -->",
        "",
        "This file is generated by `python scripts/make_docs.py` from the real `--help` output "
        "of every command. Do not edit it by hand: change the help text in the code and run the "
        "script again (`python scripts/make_docs.py --check` tells you when it is out of date; "
        "the tests run that check).",
        "",
        "## Commands",
        "",
    ]
    for path in paths:
        indent = "  " * max(len(path) - 1, 0)
        lines.append(f"{indent}- [`{heading(path)}`](#{anchor(path)})")
    for path in paths:
        lines += ["", f"## {heading(path)}", "", "```text", help_text(path), "```"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# The screenshots


@contextlib.contextmanager
def fixed_today(day: date = TODAY) -> Iterator[None]:
    """Hold the clock on `day` (at the hour of `CALL`) while the screenshots are drawn: the
    coach reads "today" through `rebound.clock`, for the `today` templates may use and for which
    item `next_action` suggests. time-machine (a test dependency) holds it, as in the tests."""
    import time_machine

    with time_machine.travel(datetime.combine(day, CALL.timetz()), tick=False):
        yield


def load_content() -> Content:
    """The built-in English content, whatever the environment's language or REBOUND_CONTENT."""
    from rebound.pack import packs

    return packs.load(packs.default_dir("en"))


def finished_session(loaded: Content) -> Session:
    """The session of `ANSWERS`, answered one question a minute from `CALL`, with its drafts.

    Raises:
        KeyError: the content asks something `ANSWERS` has no answer for.
    """
    from tests.scenario import value_at

    from rebound.coach import progress
    from rebound.storage.records import Session

    session = Session(id="2026-11-25-globex", created_at=CALL, updated_at=CALL)
    moment = CALL
    with fixed_today():
        while (pos := progress.next_position(loaded, session)) is not None:
            value: AnswerValue = value_at(ANSWERS, pos)[0]
            moment += timedelta(minutes=1)
            progress.apply(loaded, session, pos, value, moment)
        for made in progress.drafts(loaded, session):
            session.drafts[made.id] = made.text
        for item_id, when in TICKED.items():
            progress.tick(loaded, session, item_id, when)
    return session


def recording_console() -> Console:
    """An 80-column truecolor terminal that records, and ignores the environment's settings."""
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        record=True,
        width=80,
        height=40,
        force_terminal=True,
        force_jupyter=False,
        color_system="truecolor",
        no_color=False,
        legacy_windows=False,
        markup=False,
        emoji=False,
        highlight=False,
    )


def step_svg(loaded: Content, session: Session) -> str:
    """Step 1 as `rebound start` shows it, with the thank-you email filled in."""
    from rebound.coach import progress
    from rebound.render import screens

    out = recording_console()
    step = loaded.steps[0]
    with fixed_today():
        header = loaded.say("step_header", number=1, total=len(loaded.steps), title=step.title)
        screens.step_intro(out, step, header, answers=session.answers)
        for made in progress.drafts(loaded, session):
            if made.draft_id in {d.id for d in step.drafts}:
                screens.draft(out, made.title, made.text)
    return out.export_svg(title="rebound start", unique_id="rebound-step")


def summary_svg(loaded: Content, session: Session) -> str:
    """`rebound summary` of the finished session, as seen on the day of the call."""
    from rebound.render import screens

    out = recording_console()
    with fixed_today():
        screens.summary(out, loaded, session)
    return out.export_svg(title="rebound summary", unique_id="rebound-summary")


# ---------------------------------------------------------------------------------------------
# The content reference and the JSON Schemas


# ---------------------------------------------------------------------------------------------
# Writing and checking


def generate() -> dict[Path, str]:
    """Every generated file (path relative to the repository) and its exact text."""
    loaded = load_content()
    session = finished_session(loaded)
    return {
        CLI_MD: cli_reference(),
        STEP_SVG: step_svg(loaded, session),
        SUMMARY_SVG: summary_svg(loaded, session),
        CONTENT_MD: content_reference(),
        **schema_files(),
        CONTRIBUTING: with_map((ROOT / CONTRIBUTING).read_text(encoding="utf-8")),
    }


def stale(outputs: dict[Path, str], root: Path = ROOT) -> list[Path]:
    """The files under `root` that are missing or differ from `outputs`."""
    out = []
    for rel, text in outputs.items():
        target = root / rel
        if not target.is_file() or target.read_bytes() != text.encode("utf-8"):
            out.append(rel)
    return out


def write(outputs: dict[Path, str], root: Path = ROOT) -> list[Path]:
    """Write the files that changed (with \\n line endings on every system); returns them."""
    changed = stale(outputs, root)
    for rel in changed:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(outputs[rel].encode("utf-8"))
    return changed


def main(argv: list[str] | None = None) -> int:
    """Regenerate the docs, or with --check only say whether they are up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 and list the stale files if any would change",
    )
    args = parser.parse_args(argv)
    outputs = generate()
    if args.check:
        late = stale(outputs)
        if late:
            print(STALE, file=sys.stderr)
            for rel in late:
                print(f"  {rel.as_posix()}", file=sys.stderr)
            return 1
        print("docs are up to date")
        return 0
    changed = write(outputs)
    for rel in changed:
        print(f"wrote {rel.as_posix()}")
    if not changed:
        print("docs are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())

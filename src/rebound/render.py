"""Rich output: the welcome, step screens, drafts and the summary checklist.

People's text is always wrapped in `Text` objects, and consoles have markup, emoji codes and
highlighting switched off, so '[bold]' or ':smile:' typed by a person is shown as typed.
"""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from rebound import coach
from rebound.models import Content, Session, Step

ACCENT = "#5f87af"
GOOD = "#5faf87"


def console(stderr: bool = False, file: TextIO | None = None) -> Console:
    """A console for the current stdout/stderr that never interprets text as markup.

    Messages on stderr are soft-wrapped (left to the terminal), so a path in an error is never
    broken in two.
    """
    return Console(
        file=file or (sys.stderr if stderr else sys.stdout),
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=stderr,
    )


def _utf8(out: Console) -> bool:
    return (out.encoding or "").lower().replace("-", "").startswith("utf")


def marks(out: Console) -> tuple[str, str, str]:
    """Glyphs for done, pending and a bullet; ASCII where the terminal can't show more."""
    return ("✓", "☐", "•") if _utf8(out) else ("[x]", "[ ]", "*")


def welcome(out: Console, content: Content) -> None:
    """The first words after `rebound start`."""
    out.print()
    body = Text("\n").join(Text(line) for line in content.opening.welcome)
    out.print(
        Panel(
            body, title=Text("rebound", style=f"bold {ACCENT}"), title_align="left", padding=(1, 2)
        )
    )
    out.print(Text(content.opening.title, style="bold"))


def step_intro(out: Console, step: Step, number: int, total: int) -> None:
    """The screen that opens a step: where you are, why it matters, how to do it well."""
    _, _, bullet = marks(out)
    out.print()
    out.print(
        Rule(Text(f"Step {number} of {total} · {step.title}", style=f"bold {ACCENT}"), align="left")
    )
    out.print(Text(step.why, style="italic"))
    out.print()
    for line in step.guidance:
        out.print(Padding(Text.assemble((f"{bullet} ", ACCENT), line), (0, 0, 0, 2)))
    if step.tips:
        out.print()
        for tip in step.tips:
            out.print(Padding(Text.assemble(("Tip: ", "bold"), (tip, "dim")), (0, 0, 0, 2)))
    out.print()


def draft(out: Console, title: str, text: str) -> None:
    """A draft made from the person's answers, between two rules and without side borders,
    so that it can be selected and copied as it is."""
    out.print()
    if out.is_terminal:
        out.print(Rule(Text(title, style="bold"), align="left", style=ACCENT))
        out.print(Text(text.rstrip("\n")))
        out.print(Rule(style=ACCENT))
    else:
        out.print(Text(f"--- {title} ---"))
        out.print(Text(text.rstrip("\n")))
        out.print(Text("---"))


def note(out: Console, text: str, style: str = "") -> None:
    """A line of the coach's own words."""
    out.print(Text(text, style=style))


def step_done(out: Console, step: Step) -> None:
    """Closing words of a step."""
    done, _, _ = marks(out)
    out.print()
    out.print(
        Text.assemble((f"{done} ", f"bold {GOOD}"), (step.done or f"{step.title}: done.", GOOD))
    )


def summary(out: Console, content: Content, session: Session, drafts: bool = False) -> None:
    """The checklist of one session: steps done or pending, their items, and what to do next."""
    done_mark, todo_mark, _ = marks(out)
    title = Text.assemble(
        (session.text("company") or "(company not given yet)", "bold"),
        " · ",
        session.text("role") or "(role not given yet)",
        (f"  [{session.id}]", "dim"),
    )
    out.print(title)
    who = session.text("messenger_name")
    if who or session.text("call_date"):
        out.print(
            Text(f"Heard on {session.text('call_date') or '?'} from {who or '?'}", style="dim")
        )
    out.print()
    entries = coach.checklist(content, session)
    total = len(content.steps)
    for number, step in enumerate(content.steps, start=1):
        finished = coach.step_done(step, session)
        out.print(
            Text.assemble(
                (f"{done_mark if finished else todo_mark} ", GOOD if finished else "dim"),
                (f"{number}/{total} {step.title}", "bold" if finished else ""),
                ("" if finished else "  (pending)", "dim"),
            )
        )
        for entry in (e for e in entries if e.step_id == step.id):
            if entry.info:
                line = Text.assemble("     ", ("· ", "dim"), entry.label)
            else:
                line = Text.assemble(
                    "     ",
                    (f"{done_mark if entry.done else todo_mark} ", GOOD if entry.done else ""),
                    entry.label,
                )
                if entry.due:
                    line.append(
                        f"  due {entry.due.isoformat()}",
                        style="yellow" if not entry.done else "dim",
                    )
                line.append(f"  ({entry.id})", style="dim")
            out.print(line)
    out.print()
    action, item = coach.next_action(content, session)
    line = Text.assemble(("Next: ", f"bold {ACCENT}"), action)
    if item is not None:
        line.append(f" When it's done: rebound done {item.id}", style="dim")
    out.print(line)
    if drafts:
        for step in content.steps:
            for d in step.drafts:
                text = session.drafts.get(d.id)
                if text is None and coach.step_done(step, session):
                    text = coach.draft_text(content, session, d)
                if text is not None:
                    draft(out, d.title, text)

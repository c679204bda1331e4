"""Rich output: the welcome, step screens, drafts and the summary checklist.

People's text is always wrapped in `Text` objects, and consoles have markup, emoji codes and
highlighting switched off, so '[bold]' or ':smile:' typed by a person is shown as typed.
"""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.text import Text

from rebound import coach
from rebound.models import Content, Session, Step
from rebound.text import clean as clean  # re-exported for callers; new code: rebound.text

ACCENT = "#5f87af"
GOOD = "#5faf87"


def _text(text: str, style: str = "") -> Text:
    return Text(clean(text), style=style)


def _assemble(*parts: str | tuple[str, str]) -> Text:
    return Text.assemble(*(clean(p) if isinstance(p, str) else (clean(p[0]), p[1]) for p in parts))


def console(stderr: bool = False, file: TextIO | None = None) -> Console:
    """A console for the current stdout/stderr that never interprets text as markup.

    Messages on stderr, and anything written to a pipe or file, are soft-wrapped: lines are
    left whole (for the terminal to wrap, or for grep), so a path or an item is never broken
    in two. A terminal gets Rich's own wrapping at its width.
    """
    out = Console(
        file=file or (sys.stderr if stderr else sys.stdout),
        markup=False,
        emoji=False,
        highlight=False,
    )
    out.soft_wrap = stderr or not out.is_terminal
    return out


def _utf8(out: Console) -> bool:
    return (out.encoding or "").lower().replace("-", "").startswith("utf")


def marks(out: Console) -> tuple[str, str, str]:
    """Glyphs for done, pending and a bullet; ASCII where the terminal can't show more."""
    return ("✓", "☐", "•") if _utf8(out) else ("[x]", "[ ]", "*")


def welcome(out: Console, content: Content) -> None:
    """The first words after `rebound start`."""
    from rich.panel import Panel

    out.print()
    body = _text("\n").join(_text(line) for line in content.opening.welcome)
    out.print(
        Panel(
            body, title=_text("rebound", style=f"bold {ACCENT}"), title_align="left", padding=(1, 2)
        )
    )
    out.print(_text(content.opening.title, style="bold"))


def _indented(out: Console, text: Text) -> None:
    """Two spaces in; wrapped lines keep the indent in a terminal, and nothing is ever cut off
    when the output goes to a pipe (where lines are left whole)."""
    if out.soft_wrap:
        out.print(_text("  ") + text)
    else:
        from rich.padding import Padding

        out.print(Padding(text, (0, 0, 0, 2)))


def step_intro(out: Console, step: Step, header: str, tip: str = "Tip:") -> None:
    """The screen that opens a step: where you are, why it matters, how to do it well."""
    from rich.rule import Rule

    _, _, bullet = marks(out)
    out.print()
    out.print(Rule(_text(header, style=f"bold {ACCENT}"), align="left"))
    out.print(_text(step.why, style="italic"))
    out.print()
    for line in step.guidance:
        _indented(out, _assemble((f"{bullet} ", ACCENT), line))
    if step.tips:
        out.print()
        label = tip
        for text in step.tips:
            _indented(out, _assemble((f"{label} ", "bold"), (text, "dim")))
    out.print()


def draft(out: Console, title: str, text: str) -> None:
    """A draft made from the person's answers, between two rules and without side borders,
    so that it can be selected and copied as it is."""
    from rich.rule import Rule

    out.print()
    if out.is_terminal:
        out.print(Rule(_text(title, style="bold"), align="left", style=ACCENT))
        out.print(_text(text.rstrip("\n")))
        out.print(Rule(style=ACCENT))
    else:
        out.print(_text(f"--- {title} ---"))
        out.print(_text(text.rstrip("\n")))
        out.print(_text("---"))


def note(out: Console, text: str, style: str = "") -> None:
    """A line of the coach's own words."""
    out.print(_text(text, style=style))


def plain(out: Console, text: str) -> None:
    """A line never wrapped or cut (a link to copy whole), whatever the width."""
    out.print(_text(text), soft_wrap=True, crop=False, overflow="ignore")


def step_done(out: Console, step: Step) -> None:
    """Closing words of a step."""
    done, _, _ = marks(out)
    out.print()
    from rebound import words

    said = step.done or words.say("step_done", title=step.title)
    out.print(_assemble((f"{done} ", f"bold {GOOD}"), (said, GOOD)))


def summary(out: Console, content: Content, session: Session, drafts: bool = False) -> None:
    """The checklist of one session: steps done or pending, their items, and what to do next."""
    done_mark, todo_mark, _ = marks(out)
    title = _assemble(
        (session.text("company") or content.say("company_unknown"), "bold"),
        " · ",
        session.text("role") or content.say("role_unknown"),
        (f"  [{session.id}]", "dim"),
    )
    out.print(title)
    who = session.text("messenger_name")
    if who or session.text("call_date"):
        out.print(
            _text(
                content.say("heard", date=session.text("call_date") or "?", name=who or "?"),
                style="dim",
            )
        )
    out.print()
    entries = coach.checklist(content, session)
    total = len(content.steps)
    for number, step in enumerate(content.steps, start=1):
        finished = coach.step_done(step, session)
        out.print(
            _assemble(
                (f"{done_mark if finished else todo_mark} ", GOOD if finished else "dim"),
                (f"{number}/{total} {step.title}", "bold" if finished else ""),
                ("" if finished else "  " + content.say("pending"), "dim"),
            )
        )
        for entry in (e for e in entries if e.step_id == step.id):
            if entry.info:
                line = _assemble("     ", ("· ", "dim"), entry.label)
            else:
                line = _assemble(
                    "     ",
                    (f"{done_mark if entry.done else todo_mark} ", GOOD if entry.done else ""),
                    entry.label,
                )
                if entry.due:
                    line.append(
                        "  " + content.say("due", date=entry.due.isoformat()),
                        style="yellow" if not entry.done else "dim",
                    )
                line.append(f"  ({entry.id})", style="dim")
            out.print(line)
    out.print()
    action, item = coach.next_action(content, session)
    line = _assemble((content.say("next_label") + " ", f"bold {ACCENT}"), action)
    if item is not None:
        line.append(f" {content.say('when_done')} rebound done {item.id}", style="dim")
    out.print(line)
    if drafts:
        from rebound import drafting

        # Your edit where you made one: what you will send is what is shown.
        for shown in drafting.session_drafts(content, session):
            draft(out, shown.title, shown.text)


def session_list(out: Console, content: Content, sessions: list[Session], total: int) -> None:
    """One line per session: when, where, how far, and what's next."""
    done_mark, _, _ = marks(out)
    steps = len(content.steps)
    if out.is_terminal and len(sessions) <= 50:
        from rich.table import Table

        table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
        for key in ("heading_id", "heading_session", "heading_progress", "heading_next"):
            table.add_column(content.say(key), overflow="fold")
        for s in sessions:
            k = coach.steps_done(content, s)
            progress = f"{k}/{steps}" + (f" {done_mark}" if k == steps else "")
            action, _ = coach.next_action(content, s)
            table.add_row(_text(s.id, "dim"), _text(s.title), _text(progress), _text(action))
        out.print(table)
    else:  # piped (one line per session, for grep), or too many rows for a quick table
        for s in sessions:
            k = coach.steps_done(content, s)
            action, _ = coach.next_action(content, s)
            out.print(_assemble((s.id, "dim"), "  ", s.title, f"  {k}/{steps}  ", action))
    if total > len(sessions):
        note(out, content.say("list_more", count=len(sessions), total=total), "dim")


def answers(out: Console, content: Content, session: Session) -> None:
    """Everything the person answered, question by question, step by step."""
    from rebound import templates

    shown = coach.context(content, session)
    sections = [(content.opening.title, content.opening.prompts)]
    sections += [(f"{n}. {step.title}", step.prompts) for n, step in enumerate(content.steps, 1)]
    for title, prompts in sections:
        asked = [p for p in prompts if p.id in session.answers or p.id in session.open_lists]
        if not asked:
            continue
        out.print()
        out.print(_text(title, f"bold {ACCENT}"))
        for prompt in asked:
            out.print(_text(f"  {prompt.message}", "dim"))
            value = shown.get(prompt.id)
            if prompt.kind == "list" and isinstance(value, list):
                fields = {f.id: f for f in prompt.fields}
                for n, entry in enumerate(value, start=1):
                    if isinstance(entry, dict):
                        parts = [
                            templates.as_text(v, content.template_words)
                            for k, v in entry.items()
                            if k in fields
                            and fields[k].kind != "confirm"
                            and not templates.is_empty(v)
                        ]
                        out.print(_text(f"    {n}. " + " · ".join(parts)))
                if not value:
                    out.print(_text(f"    {content.say('answer_none')}", "dim"))
            else:
                text = templates.as_text(value, content.template_words)
                out.print(_text(f"    {text or content.say('left_blank')}", "" if text else "dim"))


# --- shared by the screens of rebound.render.* ----------------------------------------------


def line(*parts: str | tuple[str, str]) -> Text:
    """A line from plain parts and (text, style) parts; any text is shown exactly as typed."""
    return _assemble(*parts)


def utf8(out: Console) -> bool:
    """Whether the console shows more than ASCII (marks, flags, bars)."""
    return _utf8(out)


def say(
    out: Console, text: Text, indent: int = 0, *, prefix: Text | None = None, whole: bool = False
) -> None:
    """Print a line at `indent`, after an optional `prefix` (such as a date).

    On a terminal, a long line wraps under its own start (after the prefix). A `whole` line, a
    command to copy, is never broken by rebound: a line break would paste as two commands.
    Piped output is soft-wrapped (one line per line, for grep).
    """
    lead = line(" " * indent)
    if prefix is not None:
        lead.append_text(prefix)
    if out.soft_wrap or whole:
        out.print(lead + text, soft_wrap=True)
        return
    hang = lead.cell_len
    for n, wrapped in enumerate(text.wrap(out, max(out.width - hang, 20))):
        wrapped.rstrip()
        out.print((lead if n == 0 else line(" " * hang)) + wrapped)

"""Rich output: the welcome, step screens, drafts and the summary checklist.

People's text is always wrapped in `Text` objects, and consoles have markup, emoji codes and
highlighting switched off, so '[bold]' or ':smile:' typed by a person is shown as typed.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.text import Text

from rebound.coach import progress as coach
from rebound.pack.context import context
from rebound.pack.models import Content, Step
from rebound.render.wrapping import continued, fit, hanging
from rebound.storage.records import Session
from rebound.text import clean

if TYPE_CHECKING:
    from rebound.coach.earlier_sessions import CompanyHistory

if TYPE_CHECKING:
    from rebound.letters.review import Review
    from rebound.storage.store import Store

# Where a screen is drawn. Commands, the walk and the boundary hold one (from `console()`) and
# hand it to the functions here; only this family makes it, draws on it, or imports Rich.
Out = Console

ACCENT = "#5f87af"
NARROW = 72  # columns: below this, `rebound list` is a list of blocks rather than a table
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


def say(out: Console, text: Text, indent: int = 0, whole: Sequence[tuple[int, int]] = ()) -> None:
    """Print `text`: on a terminal broken at its width by `fit` (never inside an id or a
    command); elsewhere soft-wrapped, one line for grep."""
    if not out.is_terminal:
        out.print(text, soft_wrap=True)
        return
    out.print(fit(text, out.width, indent, whole), soft_wrap=True)


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


def _indented(out: Console, text: Text, hang: int = 0) -> None:
    """Two spaces in; wrapped lines keep the indent in a terminal, `hang` more (under the text
    after a bullet), and nothing is ever cut off when the output goes to a pipe (where lines are
    left whole)."""
    say(out, _text("  ") + text, indent=2 + hang)


def step_intro(
    out: Console,
    step: Step,
    header: str,
    tip: str = "Tip:",
    answers: Mapping[str, object] | None = None,
) -> None:
    """The screen that opens a step: where you are, why it matters, how to do it well.

    Lines of the content that hold only for some answers (`{text: ..., when: ...}`) are shown
    when they hold for `answers`.
    """
    from rich.rule import Rule

    given = answers or {}
    _, _, bullet = marks(out)
    out.print()
    out.print(Rule(_text(header, style=f"bold {ACCENT}"), align="left"))
    why = coach.first_said(step.why, given)
    if why:
        out.print(_text(why, style="italic"))
    out.print()
    for line in coach.said(step.guidance, given):
        _indented(out, _assemble((f"{bullet} ", ACCENT), line), hang=len(bullet) + 1)
    tips = coach.said(step.tips, given)
    if tips:
        out.print()
        for text in tips:
            _indented(out, _assemble((f"{tip} ", "bold"), (text, "dim")), hang=len(tip) + 1)
    out.print()


def draft(out: Console, title: str, text: str) -> None:
    """A draft made from the person's answers, between two rules and without side borders,
    so that it can be selected and copied as it is."""
    from rich.rule import Rule

    out.print()
    if out.is_terminal:
        out.print(Rule(_text(title, style="bold"), align="left", style=ACCENT))
        for line in text.rstrip("\n").split("\n"):  # a wrapped list line stays in its list
            say(out, _text(line), indent=hanging(line))
        out.print(Rule(style=ACCENT))
    else:
        out.print(_text(f"--- {title} ---"))
        out.print(_text(text.rstrip("\n")))
        out.print(_text("---"))


def read_back(out: Out, intro: str, sentence: str, findings: Sequence[str] = ()) -> None:
    """A sentence of a letter as it will read, right after the answer it is made from: one line
    to read, indented under the question, with what a careful reader would stop at."""
    say(out, _text(intro, style="dim"), 2)
    say(out, _assemble(("“", "dim"), (sentence, "italic"), ("”", "dim")), 4)
    flag = "⚑" if utf8(out) else "!"
    for finding in findings:
        say(out, _text(f"{flag} {finding}", style="yellow"), 4)


def letter_review(out: Out, content: Content, reviews: Sequence[Review]) -> None:
    """What a careful reader would stop at in each message (`rebound draft --check`), and what
    the person should hear of how it wrote their words."""
    from rebound.letters.compose import told

    flag = "⚑" if utf8(out) else "!"
    for one in reviews:
        title = one.draft.title
        count = len(one.findings) + len(one.left_out)
        if not count:
            note(out, content.say("letters_none", title=title))
        else:
            note(out, content.say_count("letters_found", count, title=title), "bold")
        for finding in one.findings:
            say(out, _text(f"{flag} {content.say(finding.kind, **finding.values)}", "yellow"), 2)
            if finding.sentence:
                say(out, _assemble(("“", "dim"), (finding.sentence, "italic"), ("”", "dim")), 4)
        for name in one.left_out:
            say(out, _text(f"{flag} {content.say('letters_left_out', name=name)}", "yellow"), 2)
        for said in told(one.draft, content):
            say(out, _text(said, "dim"), 2)


def note(out: Console, text: str, style: str = "", hang: int = 0) -> None:
    """A line of the coach's own words (a command in it is never broken: see `fit`); wrapped
    lines go on `hang` columns in."""
    say(out, _text(text, style=style), indent=hang)


def plain(out: Console, text: str) -> None:
    """A line never wrapped or cut (a link to copy whole), whatever the width."""
    out.print(_text(text), soft_wrap=True, crop=False, overflow="ignore")


def step_done(out: Console, step: Step, answers: Mapping[str, object] | None = None) -> None:
    """Closing words of a step: the first of its `done` lines that holds for the answers."""
    done, _, _ = marks(out)
    from rebound.sentences import speech

    said = coach.first_said(step.done, answers or {}) or speech.say("step_done", title=step.title)
    out.print()
    out.print(_assemble((f"{done} ", f"bold {GOOD}"), (said, GOOD)))


def summary(
    out: Console,
    content: Content,
    session: Session,
    drafts: bool = False,
    kept_drafts: bool = True,
) -> None:
    """The checklist of one session: steps done or pending, their items, and what to do next.

    With `drafts`, the drafts too: as saved, or (`kept_drafts` False: they were saved in
    another language than `content`'s) made again from the answers in `content`'s words.
    """
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
    label_at = 5 + max(len(done_mark), len(todo_mark)) + 1
    for number, step in enumerate(content.steps, start=1):
        finished = coach.step_done(step, session)
        mark = f"{done_mark if finished else todo_mark} "
        counted = f"{number}/{total} "
        line = _assemble(
            (mark, GOOD if finished else "dim"),
            (counted + step.title, "bold" if finished else ""),
            ("" if finished else "  " + content.say("pending"), "dim"),
        )
        say(out, line, indent=len(mark) + len(counted))  # a long title hangs under itself
        for entry in (e for e in entries if e.step_id == step.id):
            # A long line wraps under the label's start, after the '     ☐ ' before it.
            kept: list[tuple[int, int]] = []  # 'due 2026-12-02' stays on one line
            if entry.info:
                line = _assemble("     ", ("· ", "dim"), entry.label)
            else:
                line = _assemble(
                    "     ",
                    (f"{done_mark if entry.done else todo_mark} ", GOOD if entry.done else ""),
                    entry.label,
                )
                if entry.due:
                    key = "opens_on" if entry.opens else "due"
                    due = content.say(key, date=entry.due.isoformat())
                    kept.append((len(line.plain) + 2, len(line.plain) + 2 + len(due)))
                    line.append("  " + due, style="dim" if entry.done or entry.opens else "yellow")
                line.append(f"  ({entry.id})", style="dim")
            say(out, line, indent=label_at, whole=kept)
    out.print()
    action, item = coach.next_action(content, session)
    label = content.say("next_label") + " "
    line = _assemble((label, f"bold {ACCENT}"), action)
    whole: list[tuple[int, int]] = []
    if item is not None:
        line.append(f" {content.say('when_done')} ", style="dim")
        command = f"rebound done {item.id}"
        whole.append((len(line.plain), len(line.plain) + len(command)))
        line.append(command, style="dim")
    say(out, line, indent=len(label), whole=whole)
    if drafts:
        from rebound.coach import drafts as drafting

        # Your edit where you made one: what you will send is what is shown.
        for shown in drafting.session_drafts(content, session, kept=kept_drafts):
            draft(out, shown.title, shown.text)


def session_list(out: Console, content: Content, sessions: list[Session], total: int) -> None:
    """One line per session: when, where, how far, and what's next."""
    done_mark, _, _ = marks(out)
    steps = len(content.steps)
    if out.is_terminal and out.width < NARROW:
        # Too narrow for four columns (a table would break ids in two): one session a block.
        for s in sessions:
            k = coach.steps_done(content, s)
            progress = f"{k}/{steps}" + (f" {done_mark}" if k == steps else "")
            action, _ = coach.next_action(content, s)
            say(out, _assemble((s.id, "dim"), f"  {progress}"))
            say(out, _assemble("  ", s.title), indent=2)
            say(out, _assemble("  ", (content.say("next_label") + " ", "bold"), action), 4)
    elif out.is_terminal and len(sessions) <= 50:
        from rich.table import Table

        table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
        table.add_column(content.say("heading_id"), no_wrap=True)  # an id is never broken
        for key in ("heading_session", "heading_progress", "heading_next"):
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
    from rebound.sentences import templates

    shown = context(content, session)
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
                text = templates.as_text(value, content.template_words).replace("\n", "\n    ")
                out.print(_text(f"    {text or content.say('left_blank')}", "" if text else "dim"))
            also_written(out, content, session, prompt.id)
    for draft_id in session.edited:
        also_written(out, content, session, f"edited:{draft_id}")


def also_written(out: Console, content: Content, session: Session, key: str) -> None:
    """The other answers to a question that two computers changed at once (the newer is the
    answer): "also written on <computer> at <time>: <answer>"."""
    from rebound.sentences import templates

    for kept in session.also.get(key, []):
        value = kept.value
        if isinstance(value, list) and all(isinstance(e, dict) for e in value):
            value = [
                " · ".join(str(v) for k, v in e.items() if not k.startswith("_") and v)
                for e in value
                if isinstance(e, dict)
            ]
        shown = templates.as_text(value, content.template_words) or content.say("left_blank")
        try:
            when = kept.at.astimezone().strftime("%Y-%m-%d %H:%M")
        except (OverflowError, ValueError, OSError):
            when = kept.at.strftime("%Y-%m-%d %H:%M")
        key_ = "also_written" if kept.on else "also_written_somewhere"
        said = content.say(key_, name=kept.on or "", date=when, value=shown)
        out.print(_text(f"    {said}", "dim"))


def company_history(out: Console, content: Content, history: CompanyHistory) -> None:
    """A company seen before, at `rebound start`: each earlier session (newest first) with the
    reasons given, the areas and the fixes (done or open)."""
    from rich.rule import Rule

    done_mark, todo_mark, _ = marks(out)
    say = content.say
    out.print()
    out.print(
        Rule(
            _text(say("history_title", name=history.company), style=f"bold {ACCENT}"),
            align="left",
        )
    )
    note(out, content.say_count("history_intro", len(history.sessions)), "dim")
    for earlier in history.sessions:
        out.print()
        out.print(
            _assemble(
                (earlier.heard_on.isoformat(), "bold"),
                " · ",
                earlier.role or say("history_no_role"),
                (f"  [{earlier.session_id}]", "dim"),
            )
        )
        reasons = earlier.reasons or say("history_no_reasons")
        _indented(out, _assemble((say("history_reasons") + " ", "bold"), reasons))
        if earlier.areas:
            _indented(
                out, _assemble((say("history_areas") + " ", "bold"), ", ".join(earlier.areas))
            )
        if earlier.fixes:
            _indented(out, _text(say("history_fixes"), "bold"))
            for label, done in earlier.fixes:
                mark = (f"  {done_mark} ", GOOD) if done else (f"  {todo_mark} ", "")
                _indented(out, _assemble(mark, label))
    # Not the day they may apply again: this is shown right after the news of a new no from
    # the same company, where "in 111 days" would read as a door shut in their face.
    out.print()


# --- shared by the screens of rebound.render.screens.*
# ----------------------------------------------


def line(*parts: str | tuple[str, str]) -> Text:
    """A line from plain parts and (text, style) parts; any text is shown exactly as typed."""
    return _assemble(*parts)


def utf8(out: Console) -> bool:
    """Whether the console shows more than ASCII (marks, flags, bars)."""
    return _utf8(out)


def say_at(
    out: Console, text: Text, indent: int = 0, *, prefix: Text | None = None, whole: bool = False
) -> None:
    """Print a line at `indent` (that many spaces before it), after an optional `prefix` (such
    as a date): the lines of the todo and stats screens. (`say` prints a line as it comes, its
    later lines hanging at an indent.)

    On a terminal, a long line wraps under its own start (after the prefix). A `whole` line, a
    command to copy, is broken only between its words, each line but the last ending in ` \\`,
    so that it still pastes as one command (the terminal would break it inside a word).
    Piped output is soft-wrapped (one line per line, for grep).
    """
    lead = line(" " * indent)
    if prefix is not None:
        lead.append_text(prefix)
    if out.soft_wrap or (whole and (lead + text).cell_len <= out.width):
        out.print(lead + text, soft_wrap=True)
        return
    if whole:
        for n, part in enumerate(continued(text.plain, out.width - lead.cell_len)):
            shown = Text(part, style=text.style)
            out.print((lead if n == 0 else line(" " * lead.cell_len)) + shown, soft_wrap=True)
        return
    hang = lead.cell_len
    for n, wrapped in enumerate(text.wrap(out, max(out.width - hang, 20))):
        wrapped.rstrip()
        out.print((lead if n == 0 else line(" " * hang)) + wrapped)


def say_error(message: str, prefix: bool = True) -> None:
    """One paragraph on stderr; `prefix` marks it as rebound's error rather than a plain note."""
    out = console(stderr=True)
    # On a terminal, a session id or a `command` in the message is never broken.
    say(out, Text.assemble(("rebound: ", "bold red") if prefix else "", clean(message)))


def say_moved(store: Store) -> None:
    """Say each broken file the store set aside in this command (then forget them)."""
    from rebound.storage.store import describe

    for moved in store.moved:
        say_error(describe(moved))
    store.moved.clear()


def said(out: Out, *parts: str | tuple[str, str]) -> None:
    """One line of the coach's words and a person's text (never markup): 'Saved **title** (id)'."""
    out.print(line(*parts))

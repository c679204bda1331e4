"""The reference of content packs (docs/content.md) and their JSON Schemas, from the models.

Used by scripts/make_docs.py, which writes and checks every generated file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rebound.pack import schemas

# The schemas, for the reference (docs/) and as shipped beside the built-in packs (content/, in
# the wheel as rebound/content/): the same bytes, made once (`schema_files`).
COACH_SCHEMA = Path("docs/schema") / schemas.COACH_SCHEMA
STEP_SCHEMA = Path("docs/schema") / schemas.STEP_SCHEMA
SHIPPED_SCHEMAS = Path("content") / schemas.SCHEMA_DIR


def coach_file_model() -> Any:
    """A model of `coach.yaml` as a whole, as `content_files.load` reads it (the file itself has
    no model of its own: its parts are validated one by one, to name file:line:col)."""
    from pydantic import BaseModel, ConfigDict, Field

    from rebound.pack.models import FollowUp, Opening, Words
    from rebound.sentences.catalogue import Ui

    class Coach(BaseModel):
        """The welcome, the questions about the call, the order of the steps, and the pack's
        own words."""

        model_config = ConfigDict(extra="forbid", title="rebound coach.yaml")

        opening: Opening
        steps: list[str] = Field(min_length=1)
        words: Words = Field(default_factory=Words)
        ui: Ui = Field(default_factory=Ui)
        follow_up: FollowUp = Field(default_factory=FollowUp)

    return Coach


def schema_text(model: Any, title: str) -> str:
    """The JSON Schema (draft 2020-12) of a model, as the file editors read."""
    import json

    schema = model.model_json_schema(by_alias=True)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": title}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_files() -> dict[Path, str]:
    """Both schemas, each at its place in docs/ and as shipped in content/: one text for both."""
    from rebound.pack.models import Step

    texts = {
        COACH_SCHEMA: schema_text(coach_file_model(), "rebound content pack: coach.yaml"),
        STEP_SCHEMA: schema_text(Step, "rebound content pack: steps/<id>.yaml"),
    }
    return {**texts, **{SHIPPED_SCHEMAS / doc.name: text for doc, text in texts.items()}}


# What each key means, where the model's own code says it in a comment. A key with no line here
# is still listed (from the models), with its type and default.
KEY_HELP: dict[str, str] = {
    "Coach.opening": "The welcome and the questions about the call, asked before step 1.",
    "Coach.steps": "The step ids, in order; each is the file `steps/<id>.yaml`.",
    "Coach.words": "Words drafts put between answers, and the pack's words for dates.",
    "Coach.follow_up": "Weeks after the call: keep-in-touch cadences, late feedback, reapplying.",
    "Coach.ui": "The coach's own sentences; any left out are said in English.",
    "Opening.title": "The heading above the questions about the call.",
    "Opening.welcome": "Paragraphs of the welcome box.",
    "Opening.prompts": "The questions about the call (`company`, `role`, ... are read by drafts).",
    "Step.id": "The step's id: the file's name, and what saved sessions refer to. Keep it.",
    "Step.title": "The step's name, in headers and the summary.",
    "Step.short": "One line: what the step is for.",
    "Step.why": "Why it matters, shown when the step opens.",
    "Step.guidance": "How to do it well, one point per item.",
    "Step.tips": "Short tips, each shown after 'Tip:'.",
    "Step.prompts": "The step's questions, in order.",
    "Step.drafts": "Texts made from the answers (emails, posts, notes).",
    "Step.checklist": "The step's lines in the summary: things to do, and facts.",
    "Step.done": "Said when the step is done.",
    "PromptDef.id": "The answer's id: templates read it as `{{id}}`; saved sessions keep it.",
    "PromptDef.kind": "How it is asked and checked; `list` repeats its `fields`.",
    "PromptDef.message": "The question as asked.",
    "PromptDef.help": "A hint under the question (instead of '(Enter for ...)').",
    "PromptDef.default": "The answer Enter gives; dates may be words ('today', '+3d').",
    "PromptDef.required": "No blank answer (a checkbox: at least one pick).",
    "PromptDef.choices": "The options of a select or checkbox.",
    "PromptDef.when": "Asked only when this condition on an earlier answer holds.",
    "PromptDef.remember": "Offer the answer of the last session as the default (your name).",
    "PromptDef.nudge": "For a date: ask to confirm a surprising but possible one.",
    "PromptDef.minimum": "For a number: the smallest accepted.",
    "PromptDef.maximum": "For a number: the largest accepted.",
    "PromptDef.not_before": "For a date: refuse one before `today` or an earlier date answer.",
    "PromptDef.not_after": "For a date: refuse one after `today` or an earlier date answer.",
    "PromptDef.fields": "For a list: the questions of each entry (the same keys, no lists).",
    "PromptDef.first": "For a list with `min_items: 0`: the 'add one?' question.",
    "PromptDef.more": "For a list: the 'add another?' question.",
    "PromptDef.min_items": "For a list: how many entries it needs.",
    "PromptDef.default_for_earlier_sessions": (
        "The default instead, for a session saved past this question before it was added."
    ),
    "Choice.value": "What is saved and what conditions compare; keep it.",
    "Choice.label": "What the person reads.",
    "Condition.prompt": "The id of an earlier prompt (or, in a list, a field of the entry).",
    "Condition.equals": "The answer is this value.",
    "Condition.one_of": "The answer is one of these.",
    "Condition.contains": "A checkbox answer includes this value.",
    "Condition.answered": "The answer is (true) or is not (false) non-empty.",
    "Nudge.after_days": "Ask when the date is more than this many days ahead.",
    "Nudge.before_days": "Ask when the date is more than this many days ago.",
    "Nudge.message": "Said before 'Keep ...?'.",
    "Draft.id": "The draft's id; saved sessions keep the text under it.",
    "Draft.title": "Its heading.",
    "Draft.template": "The text, with `{{answer}}`, `{{#list}}...{{/list}}`, `{{x|filter}}`.",
    "Draft.before": "Shown before this prompt of the step, rather than at the step's end.",
    "Draft.send": "How it goes out (email, post, message): the walk offers to copy, mail, edit.",
    "Draft.ticks": "The checklist item of this step that sending it ticks off (needs `send`).",
    "ChecklistItem.id": "The item's id: `rebound done <id>` ticks it; saved ticks keep it.",
    "ChecklistItem.label": "The line, a template like a draft's.",
    "ChecklistItem.done_when": "Done by an answer (else by being ticked).",
    "ChecklistItem.each": "One item per entry of this list prompt (ids `<id>-1`, `<id>-2`...).",
    "ChecklistItem.due": "The answer (or entry field) holding its due date.",
    "ChecklistItem.due_after": "Due some days after a prompt (a date prompt: its day).",
    "ChecklistItem.next": "The next thing to do, while the item is open (a template).",
    "ChecklistItem.info": "A fact to show, never ticked.",
    "ChecklistItem.when": "Listed only when the condition(s) hold.",
    "DueAfter.prompt": "The prompt that starts the count: a date's day, else when answered.",
    "DueAfter.days": "How many days after (0: the same day).",
    "Words.and": "Between the last two of a list ('a, b and c').",
    "Words.yes": "A yes answer, as a draft says it.",
    "Words.no": "A no answer, as a draft says it.",
    "Words.dates": "The pack's words for dates, as days from today ('mañana': 1).",
    "Words.months": "The twelve months' short names, as `rebound stats` shows them.",
}

CONTENT_EXAMPLE = """\
# yaml-language-server: $schema=../schema/step.schema.json
id: celebrate
title: Mark the effort
short: Notice what the search has already taken, and reward it.
why: Effort that goes unmarked wears people down.
guidance:
  - Pick something small and real.
prompts:
  - id: treat
    message: What will you treat yourself to this week?
    required: true
  - id: treat_day
    kind: date
    message: When? (a date, or '+2d')
    default: +2d
    not_before: today
checklist:
  - id: treated
    label: "Treat: {{treat}}"
    due: treat_day
    next: "Enjoy {{treat}}."
done: Well earned.
"""


def _type_name(annotation: Any) -> str:
    """A key's type in words: 'text', 'list of Choice', 'one of: text, email'."""
    import types
    import typing

    from pydantic import BaseModel

    from rebound.sentences.phrasebook import Phrasebook

    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Literal:
        return "one of: " + ", ".join(f"`{a}`" for a in typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType):
        return " or ".join(dict.fromkeys(_type_name(a) for a in args))
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin is dict:
        return f"mapping of {_type_name(args[0])} to {_type_name(args[1])}"
    if isinstance(annotation, type) and issubclass(annotation, (BaseModel, Phrasebook)):
        name = _shown_name(annotation)
        return f"[{name}](#{name.lower()})"
    return {str: "text", int: "whole number", bool: "true or false"}.get(annotation, "value")


def _shown_name(model: Any) -> str:
    # A list's fields are prompts without the list keys: one section tells both.
    return {"PromptDef": "Prompt", "FieldDef": "Prompt"}.get(model.__name__, model.__name__)


def _default(info: Any) -> str:
    import json

    from pydantic_core import PydanticUndefined

    if info.is_required():
        return "**required**"
    value = info.get_default(call_default_factory=True)
    if value is None or value in ([], {}) or value is PydanticUndefined:
        return ""
    if hasattr(value, "model_dump"):
        return ""
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def content_reference() -> str:
    """docs/content.md: every key of a content pack, from the models, with an example."""
    import inspect

    from rebound.pack import letter_words
    from rebound.pack import models as pack_models
    from rebound.sentences import catalogue

    coach = coach_file_model()
    sections = [
        (coach, "`coach.yaml`"),
        (pack_models.Opening, "`opening:` in coach.yaml"),
        (pack_models.Step, "`steps/<id>.yaml`"),
        (pack_models.PromptDef, "a prompt (`prompts:`); list `fields:` are prompts without lists"),
        (pack_models.Choice, "one of a prompt's `choices:`"),
        (pack_models.Condition, "`when:` and `done_when:`"),
        (pack_models.Nudge, "a date prompt's `nudge:`"),
        (pack_models.Draft, "one of a step's `drafts:`"),
        (pack_models.ChecklistItem, "one of a step's `checklist:` items"),
        (pack_models.DueAfter, "an item's `due_after:`"),
        (pack_models.Words, "`words:` in coach.yaml"),
        (letter_words.LetterWords, "`words:`'s `letters:` in coach.yaml"),
        (letter_words.Claim, "one of `letters:`'s `claims:`"),
        (pack_models.FollowUp, "`follow_up:` in coach.yaml"),
        (pack_models.FeedbackLater, "`follow_up:`'s `feedback:` (what `rebound feedback` asks)"),
    ]
    lines = [
        "# Content packs: the reference",
        "",
        "<!-- Generated by scripts/make_docs.py from the models (src/rebound/pack/models.py, "
        "src/rebound/sentences/catalogue.py): do not edit. -->",
        "",
        "A content pack is a folder: `coach.yaml` and one `steps/<id>.yaml` per step. "
        "`rebound content new DIR` copies the built-in one to start from, `rebound content "
        "validate DIR` checks one (every problem as `file:line:col: field: message`), and "
        "`rebound --content DIR` (or `REBOUND_CONTENT`) uses it. A translation keeps every "
        "id, kind, choice value, condition and date of the English pack and changes only the "
        "words (see CONTRIBUTING.md).",
        "",
        "Editors that read JSON Schema (VS Code with the YAML extension, and others through "
        "yaml-language-server) complete and check keys as you type: the first line of each "
        "file names its schema. `rebound content new DIR` puts the schemas in `DIR/schema/` "
        "and points every file of the copy at them, so the line resolves wherever the folder "
        "goes:",
        "",
        "```yaml",
        f"# yaml-language-server: $schema={schemas.SCHEMA_DIR}/{schemas.COACH_SCHEMA}",
        "```",
        "",
        f"in `coach.yaml`, and `../{schemas.SCHEMA_DIR}/{schemas.STEP_SCHEMA}` in each "
        f"`steps/<id>.yaml`. In rebound's repository they are `{COACH_SCHEMA.as_posix()}` and "
        f"`{STEP_SCHEMA.as_posix()}`, made from the models, and the same bytes ship beside the "
        f"built-in packs (`{SHIPPED_SCHEMAS.as_posix()}/`), whose files name them.",
        "",
        "## An example step",
        "",
        "A small step, `steps/celebrate.yaml`, listed under `steps:` in coach.yaml:",
        "",
        "```yaml",
        CONTENT_EXAMPLE.rstrip("\n"),
        "```",
        "",
        "Unknown keys are errors, so a typo is caught by `rebound content validate`. Ids are "
        "lower-case letters, digits, `-` and `_`, starting with a letter; saved sessions refer "
        "to them, so change the words freely but keep the ids.",
    ]
    for model, where in sections:
        name = _shown_name(model) if model is not coach else "Coach"
        doc = inspect.cleandoc(model.__doc__ or "").replace("\n", " ")
        lines += ["", f"## {name}", "", f"{where[0].upper()}{where[1:]}. {doc}".strip(), ""]
        lines += ["| Key | Type | Default | Meaning |", "| --- | --- | --- | --- |"]
        key_of = {"Coach": "Coach", "Prompt": "PromptDef"}.get(name, model.__name__)
        for field_name, info in model.model_fields.items():
            key = info.alias or field_name
            meaning = KEY_HELP.get(f"{key_of}.{key}", "")
            row = [f"`{key}`", _type_name(info.annotation), _default(info), meaning]
            lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    lines += [
        "",
        "## Ui",
        "",
        "`ui:` in coach.yaml: the coach's own sentences. Each is a template: "
        f"{', '.join(f'`{{{{{n}}}}}`' for n in sorted(catalogue.UI_NAMES))} are filled in where "
        "a sentence uses them. A key ending in `_one` is said instead of its plain twin when "
        "the count is 1. Any key left out is said in English, as below.",
        "",
        "| Key | English |",
        "| --- | --- |",
    ]
    for key, english in catalogue.Ui.defaults().items():
        lines.append(f"| `{key}` | {_cell(english)} |")
    return "\n".join(lines) + "\n"

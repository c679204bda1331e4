"""The sample session, written once: what a person answers in a whole walk of the coach.

Everything else is derived from `answers(today)`, the answers as a finished session stores them:

- `GROUPS`, the keystrokes of the walk, one group per saved answer (plus "ready" between steps,
  and "offer.<draft id>" where a step that drafted a message ends),
  made by walking the coach over the built-in English pack and typing each answer the way its
  kind is typed (text + Enter, y/n + Enter, arrows to a choice, space to tick a box). `TYPED`
  holds the few answers a person types differently from how they are stored (Enter for a
  default, "+7d").
- `answers_yaml()`, the same session as a `rebound start --answers` file.
- `EXPECTED_ANSWERS` (`saved(TODAY)`), what the session holds when the walk is done on the
  suite's pinned day (`tests.pinned.TODAY`; every date here is counted from it):
  the answers, each list entry with its stable id.

`tests.helpers.build_session` (the `make_session` and `finished_session` fixtures) saves the
session, whole or up to any answer, without typing.

The tests, `scripts/make_docs.py` and `benchmarks/startup.py` all take their session from here
(they import it as `tests.scenario`, from the repository's root).
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from tests import pinned

if TYPE_CHECKING:
    from rebound.pack.models import Content

DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
# The "Ready for the next step?" question between steps: not an answer, and not asked again
# after a resume.
READY = ENTER
# At the end of a step, the offer to copy, mail or edit each message it drafted ("offer.<draft
# id>"): Enter takes the default, "later". Not an answer either.
LATER = ENTER


# Right after an answer a letter joins into one of its sentences, the walk reads that sentence
# back ("readback.<prompt id>"): Enter keeps it. Not an answer either.
KEEP = ENTER


def answered(name: str) -> bool:
    """Whether a group of `GROUPS` saves an answer (not "ready", an "offer." or a "readback.")."""
    return name != "ready" and not name.startswith(("offer.", "readback."))


COMPANY = "Globex"
SLUG = "globex"

# The accomplishment with its whole STAR story that the session, export and brag tests share.
NIGHTLY: dict[str, Any] = {
    "title": "Cut the nightly batch from 6 hours to 40 minutes",
    "story": True,
    "situation": "Reports kept missing the morning deadline",
    "task": "Make the batch finish before 7am",
    "action": "Rewrote the joins",
    "result": "Reports on time every day since",
    "number": "89% faster",
}


def answers(today: date) -> dict[str, Any]:
    """The whole session's answers as saved, for a walk done on `today` (a fresh copy)."""

    def on(days: int) -> str:
        return (today + timedelta(days=days)).isoformat()

    return {
        "company": COMPANY,
        "role": "Data Engineer",
        "internal": False,
        "stage": "interviews",
        "messenger_name": "Dana Smith",
        "messenger_channel": "video",
        "messenger_email": f"dana@{SLUG}.example",
        "call_date": on(0),
        "your_name": "Alex Doe",
        "thanked_on_call": True,
        # Markup in a person's own words must be shown literally, never drawn.
        "thank_detail": "the [bold]honest[/bold] notes",
        "door": "none",
        # Not told why yet: two emails, the thank-you, then the request (no reasons so far).
        "reasons_heard": "not_yet",
        "feedback_in_thanks": "separate",
        "feedback_asked": "will_email",
        "reasons": None,
        "areas": ["technical_depth", "other"],
        "areas_other": "telling impact stories",
        "weakness": "I undersell my results",
        "went_well": "The design round went really well",
        "fixes": [
            {"what": "Practise Spark joins", "due": on(14)},
            {"what": "Rehearse stories with numbers", "due": on(7)},
        ],
        "move_on_date": on(3),
        "accomplishments": [copy.deepcopy(NIGHTLY)],
        "rehearsed": True,
        "contacts": [
            {
                "name": "Priya Patel",
                "relation": "head_hunter",
                "channel": "email",
                "email": "priya@talent.example",
                "request": None,
            }
        ],
        "events": [{"name": "PyData meetup", "date": on(9)}],
        "looking_for": "a data engineer on a platform team",
        "known_for": "making slow pipelines fast",
        "weekly_target": 3,
    }


# Answers typed otherwise than they are stored, by group name ("prompt" or "list.field", with
# "#n" for the n-th entry of a list when it matters).
TYPED: dict[str, str] = {
    "call_date": ENTER,  # the default: today
    "reasons": ENTER,  # none yet
    "fixes#2.due": "+7d" + ENTER,
    # Too far away: the coach nudges, the person declines and takes the default instead.
    "move_on_date": "+20d" + ENTER + "n" + ENTER + ENTER,
    "contacts.channel": ENTER,  # the default: email
    "contacts.request": ENTER,  # nothing in particular to ask them
    "weekly_target": ENTER,  # the default: 3
}


def _typed(field: Any, value: Any) -> str:
    """The keys that give `value` to a question of `field`'s kind, from where its cursor starts."""
    if field.kind == "confirm":
        return ("y" if value else "n") + ENTER  # a yes/no waits for Enter
    if field.kind == "select":
        order = [c.value for c in field.choices]
        start = order.index(field.default) if field.default in order else 0
        steps = order.index(value) - start
        return (DOWN * steps if steps >= 0 else UP * -steps) + ENTER
    if field.kind == "checkbox":
        order = [c.value for c in field.choices]
        keys, at = "", 0
        for index in sorted(order.index(v) for v in value):
            keys += DOWN * (index - at) + " "
            at = index
        return keys + ENTER
    return f"{value}{ENTER}"


def groups(content: Content | None = None, today: date | None = None) -> list[tuple[str, str]]:
    """The keystrokes of the whole walk, one (name, keys) group per saved answer, in order.

    Made by applying `answers(today)` through the coach, so the order is the pack's own.
    """
    from datetime import datetime, timezone

    from rebound.coach import drafts, progress
    from rebound.pack import packs
    from rebound.storage.records import Session
    from tests import shipped

    # The built-in English pack, whatever the environment says: other packs ask the same
    # questions with the same choices, in the same order (tests/unit/test_content_packs.py).
    pack = content if content is not None else shipped.pack(packs.default_dir("en"))
    day = today or TODAY
    wanted = answers(day)
    moment = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    session = Session(id="", created_at=moment, updated_at=moment)
    out: list[tuple[str, str]] = []
    last_step: Any = None
    while (pos := progress.next_position(pack, session)) is not None:
        if last_step is not None and pos.step is not last_step:
            out.append(("ready", READY))
        last_step = pos.step
        value, name, entry = value_at(wanted, pos)
        keys = TYPED.get(entry, TYPED.get(name))
        if keys is None:
            keys = ("y" if value else "n") + ENTER if pos.more else _typed(pos.question, value)
        out.append((name, keys))
        progress.apply(pack, session, pos, value, moment)
        if reads_back(pack, session, pos):
            out.append((f"readback.{pos.prompt.id}", KEEP))
        if pos.step is not None and progress.step_done(pos.step, session):
            out.extend((f"offer.{d.id}", LATER) for d in drafts.offers(pack, session, pos.step))
    return out


def reads_back(pack: Any, session: Any, pos: Any) -> bool:
    """Whether the walk shows the sentence an answer was just joined into (as `Walk._read_back`
    decides: a step's own text answer, or a list just done, that an outward draft's sentence
    reads)."""
    from rebound.letters import compose
    from rebound.terminal.read_back import reads_back as may

    return may(pos, session.answers) and bool(compose.sentences_using(pack, session, pos.prompt.id))


def value_at(wanted: dict[str, Any], pos: Any) -> tuple[Any, str, str]:
    """The scenario's answer at a coach position, with its group name and its entry's name.

    A list's "add another?" is named `list.first` before the first entry of a list that may be
    empty, `list.more` when the answer is yes, and `list.done` when it is no.
    """
    pid = pos.prompt.id
    if pos.more:
        value = len(wanted.get(pid, [])) >= pos.entry
        if pos.entry == 1 and pos.prompt.min_items == 0:
            word = "first"
        else:
            word = "more" if value else "done"
        return value, f"{pid}.{word}", f"{pid}#{pos.entry}.{word}"
    if pos.field is not None:
        fid = pos.field.id
        return wanted[pid][pos.entry - 1][fid], f"{pid}.{fid}", f"{pid}#{pos.entry}.{fid}"
    return wanted[pid], pid, pid


def saved(today: date) -> dict[str, Any]:
    """`answers(today)` as the session file holds them: each list entry with its stable id
    (`_id`, numbered per list from e1, in the order the entries were typed)."""
    from rebound.storage.records import ENTRY_ID

    out = answers(today)
    for value in out.values():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            value[:] = [{ENTRY_ID: f"e{n}", **entry} for n, entry in enumerate(value, start=1)]
    return out


def answers_yaml(data: dict[str, Any] | None = None) -> str:
    """A `rebound start --answers` file of `data` (default: today's `answers`)."""
    chosen = data if data is not None else answers(TODAY)
    return yaml_text(chosen)


def yaml_text(data: Any, width: int | None = None) -> str:
    """`data` as a YAML file's text, in order, unicode as it is; written by libyaml where PyYAML
    has it (PyYAML's own emitter is ten times slower, and tests write thousands of files)."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=width)


def keys(groups: list[tuple[str, str]]) -> str:
    """The keystrokes of some groups, in one string."""
    return "".join(k for _, k in groups)


TODAY = pinned.TODAY  # the day every test runs on, whatever the machine's clock says
SESSION_ID = f"{TODAY.isoformat()}-{SLUG}"
EXPECTED_ANSWERS: dict[str, Any] = saved(TODAY)
# The drafts of the finished scenario session, in the order `rebound draft` lists them: one
# outreach note per contact (the scenario has one, Priya Patel, by email).
DRAFT_IDS = [
    "thank_you_email",
    "feedback_request",
    "feedback_log",
    "reflection",
    "interview_stories",
    "availability_post",
    "outreach-1",
]
GROUPS: list[tuple[str, str]]  # made on first use, below
NAMES: list[str]


def __getattr__(name: str) -> Any:
    # GROUPS and NAMES need the content pack: they are made when first imported, so that the
    # docs script and the benchmark, which only want `answers`, load no content for them.
    if name in ("GROUPS", "NAMES"):
        made = groups(today=TODAY)
        globals().update(GROUPS=made, NAMES=[n for n, _ in made])
        return globals()[name]
    raise AttributeError(name)

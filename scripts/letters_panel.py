"""A blind reading panel of rebound's outward drafts, made from invented answer sets.

Run with the project's Python: `PYTHONPATH= .venv/bin/python scripts/letters_panel.py CMD ...`
(rebound is .venv/bin/rebound beside this folder; REBOUND_BIN overrides).

- `questions OUT_DIR`: OUT_DIR/questions-en.md and questions-es.md, the answers-file format of
  each pack (every question's key, text, kind, choices, when it is asked) and a full example,
  checked first with `rebound start --answers`.
- `build ANSWERS_DIR OUT_DIR`: `rebound start --answers` on each ANSWERS_DIR/*.yaml (sorted), each
  in a fresh temporary HOME (and XDG_*, REBOUND_HOME/STATE/CACHE); a file whose name has `-es` in
  it (`s04-es.yaml`) runs with `--lang es` (a top-level `lang: es` works too). An answer refused
  as not asked (or no question or field at all) is dropped and the run retried. Writes
  OUT_DIR/drafts.txt: per set the drops, the saved answers, every outward draft (emails, posts,
  messages; not notes kept for oneself) with channel, To, Subject and body, and the output of
  `rebound draft --check`. Exit 1 when a set failed (the error is in drafts.txt and on stderr).
- `panel DRAFTS_TXT OUT_MD [--key KEY_FILE]`: a blind reading file, per set "What happened" and
  each outward draft verbatim as S1-D1, S1-D2, ..., then a score table; --key writes which file
  and draft each id is, with the checker's findings, for after the reading.
- `pairs OLD_MD NEW_MD OUT_MD KEY_FILE`: a paired blind reading of two reading files of the same
  sets (before and after a change): each draft that differs, as A and B in a random order that
  only KEY_FILE tells. The fairest measure of a change: the same answers, read side by side.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
REFUSALS = ("af_unknown", "af_not_asked", "af_not_field")  # answers dropped, then retried
SET, PART = "==== SET ", "---- "
ES_EXAMPLE = yaml.safe_load("""  # tests/scenario.py's words in Spanish, entry by entry
{role: Ingeniera de datos, messenger_name: Lucía Fernández, your_name: Alba Ruiz,
 messenger_email: lucia@globex.example, thank_detail: los comentarios tan sinceros,
 areas_other: contar el impacto de mi trabajo, went_well: La ronda de diseño fue muy bien,
 weakness: Me quedo corta al contar mis resultados, known_for: hacer rápidos los procesos lentos,
 looking_for: un puesto de ingeniería de datos en un equipo de plataforma,
 fixes: [{what: Practicar joins en Spark}, {what: Ensayar mis historias con cifras}],
 events: [{name: Encuentro de PyData}], accomplishments: [{
   title: Reduje el proceso nocturno de 6 horas a 40 minutos, action: Reescribí los joins,
   situation: Los informes no llegaban a tiempo por la mañana, number: un 89 % más rápido,
   task: Conseguir que el proceso terminara antes de las 7,
   result: Desde entonces los informes llegan a tiempo cada día}]}""")
GUIDE = """
An answers file is one YAML mapping: each key is a question's id (below), each value its answer;
the order of keys does not matter. `rebound start --answers FILE` fills a whole session from it.

- Name each file after its set, ending in `.yaml`. A file whose name has `-es` in it
  (`s07-es.yaml`) is run with the Spanish pack (`--lang es`); every other file in English.
- Answer only what is asked: an answer to a question whose "Asked: only when ..." does not hold
  for the other answers, or a key that is no question or field here, is refused by rebound (the
  build step then drops it and records the drop).
- Text answers are used as written: quote them when they contain `: ` or ` #`, or start with
  one of `[ { * & ! % @ ' "` or a backquote. `~` (or leaving a key out) is a blank answer.
- The call cannot be dated in the future; other dates may not fall before it where noted.
- An optional key `sentences:` maps a draft part's name to the person's own sentence, used in
  place of the coach's; leave it out of panel sets.
"""
GUIDE_ES = """This pack asks in Spanish: write the person's own words (names, role, thanks, reasons,
what they look for, requests to contacts) in Spanish. Keys and choice keys stay as below.
"""
SHORT = {  # how "What happened" names an answer (else: a field by its id, a question as asked)
    "company": "Company", "role": "Role applied for", "stage": "Got as far as",
    "internal": "Already works there (internal move)", "messenger_name": "The news came from",
    "messenger_address": "Addressed as", "messenger_channel": "How the news came",
    "messenger_email": "Their email", "call_date": "Heard on", "your_name": "The person (signs as)",
    "thanked_on_call": "Thanked them during the conversation", "door": "Door left open",
    "thank_detail": "Also thanks them for", "reasons_heard": "Told why", "reasons": "Reasons given",
    "feedback_in_thanks": "Feedback in the thank-you", "feedback_asked": "Asked for reasons",
    "areas": "Areas to work on", "areas_other": "Other area", "weakness": "Weakness to fix",
    "went_well": "What went well", "fixes": "Fixes", "what": "fix", "due": "by",
    "move_on_date": "Moves on from", "accomplishments": "Accomplishments", "story": "story told",
    "rehearsed": "Rehearsed stories aloud", "contacts": "Contacts", "channel": "reach by",
    "request": "wants to ask", "events": "Events", "looking_for": "Looking for",
    "known_for": "Known for", "weekly_target": "New conversations a week",
}  # fmt: skip
KINDS = {
    "text": "text: one line, in the person's own words", "email": "an email address",
    "confirm": "yes/no: `true` or `false`", "select": "one choice: one key from the table",
    "checkbox": "several choices: a YAML list of keys from the table (`[]` for none)",
    "number": "a whole number from {minimum} to {maximum}",
    "list": "a YAML list of entries ({min_items} at least), each a mapping of the fields below",
    "date": "a date: `'YYYY-MM-DD'` (quoted), or `today`, `yesterday`, `+3d`, `-2w`, `next week`",
}  # fmt: skip


class Written(str):
    """A plain scalar as written (`yes`, `007`), dumped back the same way: rebound reads text
    answers as written, so a rewritten file must not turn `yes` into `true`."""

    __slots__ = ()


class Keep(yaml.SafeLoader):
    """Reads booleans, numbers and dates as `Written`; `Keep.Dumper` writes them back."""

    Dumper = type("KeepDumper", (yaml.SafeDumper,), {})


for _tag in ("bool", "int", "float", "timestamp"):
    Keep.add_constructor(f"tag:yaml.org,2002:{_tag}", lambda _, node: Written(node.value))
Keep.Dumper.add_representer(
    Written, lambda d, v: d.represent_scalar(d.resolve(yaml.ScalarNode, v, (True, False)), v)
)


@functools.cache
def pack(lang: str) -> dict[str, Any]:
    """A content pack: `ui` sentences, `prompts` ((section, question) in the coach's order) and
    `outward` drafts (those with a `send:`, by id)."""
    folder = ROOT / "content" / lang
    coach = yaml.safe_load((folder / "coach.yaml").read_text(encoding="utf-8"))
    files = [folder / "steps" / f"{s}.yaml" for s in coach["steps"]]
    steps = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files]
    first = f"Before the steps: {coach['opening']['title']}"
    asked = [(first, p) for p in coach["opening"]["prompts"]]
    asked += [(f"Step {n}: {s['title']}", p) for n, s in enumerate(steps, 1) for p in s["prompts"]]
    sent = {d["id"]: d for s in steps for d in s.get("drafts", []) if d.get("send")}
    return {"ui": coach.get("ui", {}), "prompts": asked, "outward": sent}


def holds(when: Any, answers: dict[str, Any]) -> bool:
    """Whether a pack `when` holds (a list: all of them); a test through a filter never does."""
    if when is None or isinstance(when, list):
        return all(holds(w, answers) for w in when or [])
    v = answers.get(when["prompt"])
    tests = {"answered": lambda x: (v not in (None, "", [])) == x, "one_of": lambda x: v in x,
             "contains": lambda x: isinstance(v, list) and x in v, "equals": lambda x: v == x,
             "not_one_of": lambda x: v not in x}  # fmt: skip
    return "filter" not in when and any(tests[k](x) for k, x in when.items() if k in tests)


def words(when: Any) -> str:
    """A pack `when` in plain words."""
    if isinstance(when, list):
        return " and ".join(words(w) for w in when)
    p, said = f"`{when['prompt']}`", {"equals": "is", "one_of": "is", "not_one_of": "is not"}
    said |= {"contains": "includes", "other_person_than": "names another person than"}
    k, v = next(((k, v) for k, v in when.items() if k not in ("prompt", "filter")), ("", ""))
    shown = " or ".join(
        f"`{json.dumps(x).strip(chr(34))}`" for x in (v if isinstance(v, list) else [v])
    )
    if when.get("filter") == "address_sure":
        return f"the coach cannot tell from {p} how to greet them (a title, initials, a rare name)"
    if k == "answered":
        return f"{p} " + ("has an answer" if v else "is left blank")
    tail = " (or was not asked)" if k == "not_one_of" else ""
    return f"{p} {said.get(k, k.replace('_', ' '))} {shown}{tail}"


def left_out(q: dict[str, Any]) -> str:
    """What an answers file that leaves `q` out gets."""
    kind, needed = q.get("kind", "text"), q.get("required") or q.get("min_items")
    if q.get("default") is not None:
        return f"takes the default `{json.dumps(q['default'])}`"
    if kind == "confirm" or (kind in ("checkbox", "list") and not needed):
        return "counts as no" if kind == "confirm" else "none"
    if kind != "select" and not needed:
        return "left blank (same as `~`)"
    return "**required**" + (" when asked" * bool(q.get("when"))) + ": else the session stops"


def describe(q: dict[str, Any], en: dict[str, Any], lang: str, owner: str = "") -> list[str]:
    """One question (and its fields) as Markdown."""
    kind = KINDS[q.get("kind", "text")].format(**{"min_items": "none", **q})
    kind += "".join(
        f"; {k.replace('_', ' ')} `{q[k]}`" for k in ("not_after", "not_before") if k in q
    )
    when = f"only when {words(q['when'])}" if q.get("when") else "always"
    when += " (a field of the same entry)" if owner and q.get("when") else ""
    out = [f"#### `{owner}` field `{q['id']}` (in each entry)" if owner else f"### `{q['id']}`"]
    out += ["", f"- Question: “{q['message']}”"]
    out += [f"- In English: “{en['message']}”"] if lang != "en" else []
    out += [f"- Kind: {kind}", f"- Asked: {when}", f"- If left out: {left_out(q)}"]
    if q.get("default_from"):
        out.append("- May always be given: the person's word then beats the coach's guess.")
    out += ["", "| key | label |", "|---|---|"] if q.get("choices") else []
    out += [f"| `{c['value']}` | {c['label']} |" for c in q.get("choices", [])] + [""]
    for f, f_en in zip(q.get("fields", []), en.get("fields", []), strict=True):
        out += describe(f, f_en, lang, q["id"])
    return out


def questions(out_dir: Path) -> int:
    """Write questions-en.md and questions-es.md, each with an example that rebound loads.

    The example is tests/scenario.py's session, dated from today (in Spanish for es).
    """
    sys.path.insert(0, str(ROOT))
    from tests import scenario

    out_dir.mkdir(parents=True, exist_ok=True)
    en = {p["id"]: p for _, p in pack("en")["prompts"]}
    for lang in ("en", "es"):
        data = scenario.answers(date.today())
        data["thank_detail"] = re.sub(r"\[/?\w+\]", "", data["thank_detail"])  # a test's markup
        for key, value in ES_EXAMPLE.items() if lang == "es" else ():
            if not isinstance(value, list):
                data[key] = value
            for entry, new in zip(data[key], value, strict=True) if isinstance(value, list) else ():
                entry.update(new)
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        with tempfile.TemporaryDirectory(prefix="panel-") as tmp:
            (Path(tmp) / f"example-{lang}.yaml").write_text(text, encoding="utf-8")
            got = run_set(Path(tmp) / f"example-{lang}.yaml", Path(tmp))
        if got["error"] or got["dropped"]:
            print(f"example-{lang} fails: {got['error'] or got['dropped']}", file=sys.stderr)
            return 1
        title = "Spanish (`--lang es`)" if lang == "es" else "English"
        lines = [f"# rebound answers file: {title}", GUIDE + (GUIDE_ES if lang == "es" else "")]
        lines += ["## Which outward drafts come out", ""]
        for d in pack(lang)["outward"].values():
            when = f"when {words(d['when'])}" if d.get("when") else "always"
            when = "one per contact, except the person who gave the news" if d.get("each") else when
            lines.append(f"- {d['title']} (sent by {d['send']}): {when}")
        for n, (section, p) in enumerate(asked := pack(lang)["prompts"]):
            lines += ["", f"## {section}", ""] if not n or section != asked[n - 1][0] else []
            lines += describe(p, en[p["id"]], lang)
        lines += [
            "## A complete example",
            "",
            f"Loads with `rebound --lang {lang} start --answers`",
        ]
        lines += [f"(checked {date.today()}).", "", "```yaml", text.rstrip(), "```", ""]
        (out_dir / f"questions-{lang}.md").write_text("\n".join(lines), encoding="utf-8")
        print(out_dir / f"questions-{lang}.md")
    return 0


def rebound(home: Path, lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    """rebound in an environment whose every folder it reads or writes is under `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REBOUND_", "XDG_", "LC_"))}
    env.pop("PYTHONPATH", None)
    dirs = {"HOME": "", "XDG_DATA_HOME": ".local/share", "XDG_CONFIG_HOME": ".config",
            "XDG_STATE_HOME": ".local/state", "XDG_CACHE_HOME": ".cache", "REBOUND_HOME": "rb/home",
            "REBOUND_STATE": "rb/state", "REBOUND_CACHE": "rb/cache"}  # fmt: skip
    for name, sub in dirs.items():
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / sub)
    env |= {"LANG": "C.UTF-8", "NO_COLOR": "1", "COLUMNS": "200", "REBOUND_MACHINE": "panel"}
    exe = os.environ.get("REBOUND_BIN") or str(ROOT / ".venv" / "bin" / "rebound")
    cmd, kw = [exe, "--lang", lang, "--no-color", *args], {"encoding": "utf-8", "timeout": 300}
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=home, check=False, **kw)


def start(data: dict[str, Any], lang: str, home: Path, res: dict[str, Any]) -> str:
    """Fill a session from `data` in a fresh `home`, dropping each answer rebound did not ask
    (recorded in res["dropped"]); returns the first lines rebound said.

    Raises:
        RuntimeError: rebound refused the file for another reason (its message).
    """
    work = home.parent / "work" / res["file"]
    work.parent.mkdir(parents=True, exist_ok=True)
    uis = [pack(lg)["ui"] for lg in {"en", lang}]
    starts = tuple(s for u in uis for k in REFUSALS if (s := u.get(k, "").split("{{")[0].strip()))
    for _ in range(100):
        shutil.rmtree(home, ignore_errors=True)
        work.write_text(
            yaml.dump(data, Dumper=Keep.Dumper, sort_keys=False, allow_unicode=True), "utf-8"
        )
        done = rebound(home, lang, "start", "--answers", str(work))
        if done.returncode == 0:
            return done.stdout.strip().split("\n\n")[0].replace(str(work), res["file"])
        said = (done.stderr or done.stdout).strip()
        m = re.search(re.escape(str(work)) + r":\d+:\d+: (\S+): (.*)", said)
        if m is None or not starts or not m[2].startswith(starts):
            raise RuntimeError(said.replace(str(work), res["file"]))
        *at, last = [int(p) if p.isdigit() else p for p in m[1].split(".")]
        try:
            value = functools.reduce(lambda n, step: n[step], at, data).pop(last)
        except (LookupError, TypeError, AttributeError):
            raise RuntimeError(said.replace(str(work), res["file"])) from None
        shown = value if isinstance(value, Written) else json.dumps(value, ensure_ascii=False)
        res["dropped"].append(f"{m[1]} = {shown}: {m[2].split(' (')[0]}")
    raise RuntimeError("more than 100 answers refused")


def run_set(file: Path, tmp: Path) -> dict[str, Any]:
    """One answers file through rebound: saved answers, outward drafts, the checker's findings."""
    res: dict[str, Any] = {"file": file.name, "dropped": [], "drafts": [], "error": None}
    res["lang"] = lang = "es" if re.search(r"-es(?![a-z])", file.name) else "en"
    home = tmp / "home"
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=Keep)
        if isinstance(data, dict) and "lang" in data:
            res["lang"] = lang = str(data.pop("lang"))
        if not isinstance(data, dict):
            raise RuntimeError("not a YAML mapping of question ids")
        started = start(data, lang, home, res)
    except (RuntimeError, yaml.YAMLError, OSError, subprocess.SubprocessError) as exc:
        return {**res, "error": str(exc)}
    saved = json.loads(rebound(home, lang, "export", "--format", "json").stdout)
    res["answers"] = answers = saved["answers"]
    if not saved.get("finished_at"):
        asked = [p["id"] for _, p in pack(lang)["prompts"] if holds(p.get("when"), answers)]
        at = next((i for i in asked if i not in answers), "?")
        return {**res, "error": f"unfinished near `{at}` (no answer, no default)\n{started}"}
    for line in rebound(home, lang, "draft").stdout.split("\n"):
        m = re.match(r"([a-z][a-z0-9_]*?)(?:-(\d+))?\s{2,}(.*)$", line)
        d = pack(lang)["outward"].get(m[1]) if m else None
        if m and d and bool(m[2]) == bool(d.get("each")):
            res["drafts"].append(outward_draft(home, lang, d, m, answers))
    check = rebound(home, lang, "draft", "--check")
    res["check"] = f"(exit {check.returncode})\n" + (check.stdout + check.stderr).strip()
    return res


def outward_draft(
    home: Path, lang: str, d: dict[str, Any], m: re.Match[str], answers: dict[str, Any]
) -> dict[str, str]:
    """One outward draft (`m`: its line of `rebound draft`): id, title, channel, To, Subject
    and body."""
    did, ui = m[1] + (f"-{m[2]}" if m[2] else ""), pack(lang)["ui"]
    entries = answers.get(d.get("each") or "") or []
    scope = answers | next((e for e in entries if e["_id"] == f"e{m[2]}"), {})
    rule = d.get("channel", d["send"])  # a text, or lines of which the first that holds counts
    for line in rule if isinstance(rule, list) else []:
        if isinstance(line, str) or holds(line.get("when"), scope):
            rule = line if isinstance(line, str) else line["text"]
            break
    rule = d["send"] if isinstance(rule, list) else rule
    out = {"id": did, "title": m[3].strip()}
    out["channel"] = re.sub(r"\{\{(\w+)\}\}", lambda x: str(scope.get(x[1], "")), rule)
    heads = {"To": "to", "Subject": "subject"}
    heads |= {ui.get("draft_to_label"): "to", ui.get("draft_subject_label"): "subject"}
    lines = rebound(home, lang, "draft", did).stdout.rstrip("\n").split("\n")
    while lines and (h := re.match(r"([^:]+): (.*)$", lines[0])) and heads.get(h[1]):
        if heads[h[1]] in out:
            break
        out[heads[h[1]]] = h[2]
        lines.pop(0)
    head = ("to" in out or "subject" in out) and lines and not lines[0]  # the blank line after
    return {**out, "body": "\n".join(lines[1:] if head else lines)}


def esc(text: str) -> list[str]:
    """Lines of text for drafts.txt: one that could read as a marker gets a backslash first."""
    return [("\\" + x if x.startswith(("\\", SET[:4], PART[:4])) else x) for x in text.split("\n")]


def build(answers_dir: Path, out_dir: Path) -> int:
    """Run every answers file; write drafts.txt."""
    out, failed = [], 0
    for file in sorted(answers_dir.glob("*.yaml")):
        with tempfile.TemporaryDirectory(prefix="panel-") as tmp:
            try:
                res = run_set(file, Path(tmp))
            except Exception as exc:  # one set failing must not stop the rest
                res = {"lang": "?", "dropped": [], "error": f"{type(exc).__name__}: {exc}"}
        failed += bool(res["error"])
        status = "FAILED" if res["error"] else "ok"
        out += [f"{SET}{file.name}", f"lang: {res['lang']}", f"status: {status}"]
        out += [f"dropped: {x}" for x in res["dropped"]]
        if res["error"]:
            print(f"FAILED {file.name}: {res['error']}", file=sys.stderr)
            out += [f"{PART}ERROR", *esc(res["error"]), ""]
            continue
        out += [f"{PART}ANSWERS", json.dumps(res["answers"], ensure_ascii=False, indent=1)]
        for d in res["drafts"]:
            head = [f"{k}: {d[k]}" for k in ("title", "channel", "to", "subject") if k in d]
            out += [f"{PART}DRAFT {d['id']}", *esc("\n".join(head)), "", *esc(d["body"])]
        out += [f"{PART}CHECK", *esc(res["check"]), ""]
        print(f"ok {file.name} ({res['lang']}): {len(res['drafts'])} outward drafts;", end=" ")
        print(f"dropped: {res['dropped'] or 'nothing'}")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "drafts.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(out_dir / "drafts.txt")
    return 1 if failed else 0


def parse(text: str) -> list[dict[str, Any]]:
    """drafts.txt as sets: file, meta ({key: [values]}) and parts ([name, lines])."""
    sets: list[dict[str, Any]] = []
    for line in text.split("\n"):
        if line.startswith(SET):
            sets.append({"file": line[len(SET) :], "meta": {}, "parts": []})
        elif line.startswith(PART) and sets:
            sets[-1]["parts"].append([line[len(PART) :], []])
        elif sets and sets[-1]["parts"]:
            sets[-1]["parts"][-1][1].append(line[1:] if line.startswith("\\") else line)
        elif sets and ": " in line:
            sets[-1]["meta"].setdefault(line.split(": ", 1)[0], []).append(line.split(": ", 1)[1])
    return sets


def happened(answers: dict[str, Any], lang: str) -> list[str]:
    """Every answer, in the coach's order, in short factual lines: choices by their English
    labels, the person's own words verbatim in quotes; a list's entries one per line."""
    en = pack("en")["prompts"]
    asked = {f"{p['id']}.{f['id']}": f for _, p in en for f in p.get("fields", [])}
    asked |= {p["id"]: p for _, p in en}

    def show(key: str, v: Any) -> str:
        choices = {c["value"]: c["label"] for c in asked.get(key, {}).get("choices", [])}
        if isinstance(v, list):
            return ", ".join(show(key, x) for x in v)
        if isinstance(v, bool) or v in choices:
            return choices.get(v) or ("yes" if v else "no")
        return f"“{v}”" if isinstance(v, str) and not re.fullmatch(r"[\d-]+", v) else str(v)

    def name(key: str) -> str:
        last = key.rsplit(".", 1)[-1]
        return SHORT.get(last) or (last if "." in key else asked[key]["message"])

    out = [f"- Drafts written in {'Spanish' if lang == 'es' else 'English'}."]
    for _, p in en:
        if (v := answers.get(p["id"])) in (None, "", []):
            continue
        out.append(
            f"- {name(p['id'])}:" + ("" if p.get("kind") == "list" else f" {show(p['id'], v)}.")
        )
        for e in v if p.get("kind") == "list" else []:
            keys = [
                (f"{p['id']}.{k}", x) for k, x in e.items() if k != "_id" and x not in (None, "")
            ]
            out.append("  - " + "; ".join(f"{name(k)}: {show(k, x)}" for k, x in keys))
    return out


def fence(text: str) -> list[str]:
    ticks = "`" * max(3, 1 + max((len(t) for t in re.findall(r"`+", text)), default=0))
    return [ticks + "text", text, ticks]


INTRO = """# Reading panel

For each set, read *What happened* (what the person told the coach), then each draft as the
person it goes to would read it. Mark it FALSE when it says or implies anything What happened
contradicts or does not support. Fill in the table at the end.
"""
TABLE = "| id | score 1-5 | would send unchanged (y/n) | FALSE? (y/n + what) | one-line reason |"


def panel(drafts_txt: Path, out_md: Path, key_file: Path | None) -> int:
    """Write the blind reading file (and its key) from drafts.txt."""
    ids, out, key = [], [INTRO], ["# Key to the reading panel", ""]
    sets = [s for s in parse(drafts_txt.read_text("utf-8")) if s["meta"].get("status") == ["ok"]]
    for n, s in enumerate(sets, 1):
        parts = {p[0].split(" ")[0]: "\n".join(p[1]).strip() for p in s["parts"]}
        lang, answers = s["meta"].get("lang", ["en"])[0], json.loads(parts["ANSWERS"])
        out += [f"## Set S{n}", "", "### What happened", "", *happened(answers, lang), ""]
        key += [f"## S{n}: {s['file']} ({lang})", ""]
        key += [f"- dropped: {x}" for x in s["meta"].get("dropped", [])]
        drafts = [(p[0][6:], p[1]) for p in s["parts"] if p[0].startswith("DRAFT ")]
        for m, (name, lines) in enumerate(drafts, 1):
            blank = lines.index("") if "" in lines else len(lines)
            meta = dict(x.split(": ", 1) for x in lines[:blank])
            to = "(public post)" if meta["channel"] == "post" else "(no address yet)"
            out += [f"### S{n}-D{m}: {meta['title'].split(' · ')[0]}", ""]
            out += [f"- Channel: {meta['channel']}", f"- To: {meta.get('to', to)}"]
            out += [f"- Subject: {meta['subject']}"] if "subject" in meta else []
            out += ["", *fence("\n".join(lines[blank + 1 :]).strip("\n")), ""]
            ids.append(f"S{n}-D{m}")
            key.append(f"- S{n}-D{m}: {name}")
        key += ["", "Checker (`rebound draft --check`):", "", *fence(parts.get("CHECK", "")), ""]
    out += ["## Your scores", "", TABLE, "|---|---|---|---|---|"]
    out += [f"| {i} |  |  |  |  |" for i in ids] + [""]
    out_md.parent.mkdir(parents=True, exist_ok=True)
    out_md.write_text("\n".join(out), encoding="utf-8")
    if key_file:
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text("\n".join(key), encoding="utf-8")
    print(f"{out_md}: {len(sets)} sets, {len(ids)} drafts; key: {key_file or 'not written'}")
    return 0


PAIRS_INTRO = """# Paired reading

For each pair, read *What happened* (what the person told the coach), then the two versions (A
and B) of one draft, as the person it goes to would read them. Score each 1-5 (5 = a careful
person would send it exactly as written), say whether you would send it unchanged (y/n), whether
it says anything false (y/n + what), and which you prefer (A, B or =).
"""
PAIRS_TABLE = (
    "| pair | A score | A send | A FALSE? | B score | B send | B FALSE? | prefer | reason |"
)


def _reading(path: Path) -> dict[str, tuple[str, dict[str, str], dict[str, str]]]:
    """A reading file's sets: What happened, and each draft's text and kind, by id."""
    sets = {}
    text = path.read_text("utf-8")
    for found in re.finditer(r"## Set (S\d+)\n(.*?)(?=\n## Set |\n## Your scores|\Z)", text, re.S):
        body = found.group(2)
        said = re.search(r"### What happened\n(.*?)(?=\n### S)", body, re.S)
        drafts = dict(re.findall(r"### (S\d+-D\d+): .*?\n(.*?)(?=\n### S|\Z)", body, re.S))
        kinds = dict(re.findall(r"### (S\d+-D\d+): (.*?)\n", body))
        sets[found.group(1)] = (said.group(1) if said else "", drafts, kinds)
    return sets


def pairs(old_md: Path, new_md: Path, out_md: Path, key_file: Path) -> int:
    """A paired blind reading: every draft that differs between two reading files of the same
    sets (`panel` before and after a change), as A and B in an order only KEY_FILE tells."""
    import random

    chance = random.Random(20261207)
    old, new = _reading(old_md), _reading(new_md)
    out, key, n = [PAIRS_INTRO], [], 0
    for sid, (said, before, kinds) in old.items():
        after = new.get(sid, ("", {}, {}))[1]
        changed = [d for d in before if d in after and before[d].strip() != after[d].strip()]
        if changed:
            out.append(f"## Set {sid}\n\n### What happened\n{said}\n")
        for draft in changed:
            n += 1
            flip = chance.random() < 0.5
            a, b = (after[draft], before[draft]) if flip else (before[draft], after[draft])
            key.append(f"P{n} {draft} A={'new' if flip else 'old'}")
            out.append(
                f"### Pair P{n}: {kinds[draft]}\n\n#### A\n{a.strip()}\n\n#### B\n{b.strip()}\n"
            )
    out += ["## Your table", "", PAIRS_TABLE, "|" + "---|" * 9]
    out += [f"| P{i} |" + "  |" * 8 for i in range(1, n + 1)]
    out_md.write_text("\n".join(out) + "\n", encoding="utf-8")
    key_file.write_text("\n".join(key) + "\n", encoding="utf-8")
    print(f"{out_md}: {n} pairs; key: {key_file}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    commands = {questions: ["out_dir"], build: ["answers_dir", "out_dir"]}
    commands[panel] = ["drafts_txt", "out_md", "--key"]
    commands[pairs] = ["old_md", "new_md", "out_md", "key_file"]
    for run, params in commands.items():
        cmd = sub.add_parser(run.__name__, help=(run.__doc__ or "").split("\n")[0])
        _ = [cmd.add_argument(param, type=Path) for param in params]
        cmd.set_defaults(run=run, params=[p.lstrip("-") for p in params])
    args = ap.parse_args()
    return args.run(*(getattr(args, p) for p in args.params))


if __name__ == "__main__":
    sys.exit(main())

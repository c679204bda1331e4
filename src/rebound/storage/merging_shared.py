"""Two versions of the brag list, or of the contact log, merged into one that keeps every win and
every touch of either: the union, by what makes each one itself.

Pure functions, no I/O, like `rebound.storage.merging` (sessions), whose rules these follow:

- A story is itself by the session entry it came from (`source`), else by its id and the moment
  it was added. Its practice is merged (every rating of both), its text is the one written over
  the other (`stamps.descends`); when both sides edited it since they agreed, the newer text
  stays and the other is kept as a story of its own. Two different stories that took the same id
  (one on each computer) both stay, the later one under a new id.
- A story taken off the list on one side (`removed`) stays off.
- A touch is itself by when it was logged; two touches that took the same id both stay.
"""

from __future__ import annotations

from datetime import datetime

from rebound.storage.merging import Report, canonical, moment_key, newer_of
from rebound.storage.records import (
    Accomplishment,
    BragList,
    ContactLog,
    KeptContact,
    Touch,
    Written,
)
from rebound.storage.stamps import PAST_KEPT, descends

_TEXT = ("title", "situation", "task", "action", "result", "number", "tags")


def _identities(items: list[Accomplishment]) -> list[tuple[str, ...]]:
    """What makes each story itself: the session entry it came from, else the moment it was
    added (and, for two added at one moment, which of them), never its id, which a merge may
    change when two computers gave one id to two stories."""
    out: list[tuple[str, ...]] = []
    seen: dict[float, int] = {}
    for item in items:
        if item.source:
            out.append(("source", item.source))
            continue
        moment = moment_key(item.added_at)
        seen[moment] = seen.get(moment, 0) + 1
        out.append(("typed", repr(moment), str(seen[moment])))
    return out


def _version(item: Accomplishment) -> datetime:
    return item.changed.at if item.changed is not None else item.added_at


def _words(item: Accomplishment) -> str:
    return canonical({name: getattr(item, name) for name in _TEXT})


def _subsequence(short: list[int], long: list[int]) -> bool:
    it = iter(long)
    return all(any(x == y for y in it) for x in short)


def _practice(x: Accomplishment, y: Accomplishment) -> tuple[list[int], int]:
    """Every rating of both (oldest first) and how many times it was practised."""
    if _subsequence(x.ratings, y.ratings) or _subsequence(y.ratings, x.ratings):
        longer = y.ratings if len(y.ratings) >= len(x.ratings) else x.ratings
        return list(longer), max(x.practised, y.practised)
    common = 0
    while common < min(len(x.ratings), len(y.ratings)) and x.ratings[common] == y.ratings[common]:
        common += 1
    first, second = newer_of(x, y, lambda i: i.last_practised)[::-1]
    ratings = [*x.ratings[:common], *first.ratings[common:], *second.ratings[common:]]
    extra = len(ratings) - max(len(x.ratings), len(y.ratings))
    return ratings, max(x.practised, y.practised) + extra


def _merge_story(
    x: Accomplishment, y: Accomplishment, report: Report
) -> tuple[Accomplishment, Accomplishment | None]:
    """One story from two versions of it, and the other version's text when both were edited
    since they agreed (to keep as a story of its own), else None."""
    ratings, practised = _practice(x, y)
    last = [p for p in (x.last_practised, y.last_practised) if p is not None]
    apart: Accomplishment | None = None
    if _words(x) == _words(y):
        text, other = newer_of(x, y, _version)
    elif descends(y.changed, _version(x)):
        text, other = y, x
    elif descends(x.changed, _version(y)):
        text, other = x, y
    else:
        text, other = newer_of(x, y, _version)
        apart = other
        report.both += 1
    past = list(text.changed.past) if text.changed is not None else []
    if _version(other) != _version(text) and _version(other) not in past:
        past = [_version(other), *past]
    changed = text.changed
    if changed is not None:
        changed = Written(on=changed.on, at=changed.at, past=past[:PAST_KEPT])
    merged = text.model_copy(
        update={
            "ratings": ratings,
            "practised": practised,
            "last_practised": max(last, key=moment_key) if last else None,
            "changed": changed,
            "added_at": min(x.added_at, y.added_at, key=moment_key),
        }
    )
    return merged, apart


def _unique_id(item_id: str, taken: set[str]) -> str:
    candidate, n = item_id, 1
    while candidate in taken:
        n += 1
        candidate = f"{item_id}-{n}"
    return candidate


def merge_brag(a: BragList, b: BragList) -> tuple[BragList, Report]:
    """One brag list with every story of `a` and `b`, and what `b` brought to `a`."""
    report = Report()
    removed = list(dict.fromkeys([*a.removed, *b.removed]))
    gone = set(removed)
    groups: dict[tuple[str, ...], list[Accomplishment]] = {}
    for side in (a.items, b.items):
        for identity, item in zip(_identities(side), side, strict=True):
            groups.setdefault(identity, []).append(item)
    merged: list[Accomplishment] = []
    for versions in groups.values():
        if versions[0].source in gone:
            continue  # taken off the list on one side: it stays off (its entry keeps its text)
        story = versions[0]
        for other in versions[1:]:
            story, apart = _merge_story(story, other, report)
            if apart is not None:  # a story of its own, added when its text was written
                update = {"source": None, "synced": None, "changed": None}
                merged.append(apart.model_copy(update={**update, "added_at": _version(apart)}))
        merged.append(story)
    merged.sort(key=lambda i: (moment_key(i.added_at), i.id))
    taken: set[str] = set()
    for n in range(len(merged)):
        if merged[n].id in taken:
            merged[n] = merged[n].model_copy(update={"id": _unique_id(merged[n].id, taken)})
        taken.add(merged[n].id)
    out = BragList(items=merged, removed=removed)
    before = {canonical(i.model_dump(mode="json")) for i in a.items}
    report.changes = sum(canonical(i.model_dump(mode="json")) not in before for i in merged)
    report.changes += max(0, len(a.items) - len(merged))
    return out, report


def _touch_key(touch: Touch) -> tuple[float, str]:
    return (
        moment_key(touch.logged_at),
        canonical(touch.model_dump(mode="json", exclude={"id", "ticked"})),
    )


def _merge_person(x: KeptContact, y: KeptContact, report: Report) -> KeptContact:
    touches: dict[tuple[float, str], Touch] = {}
    for touch in [*x.touches, *y.touches]:
        key = _touch_key(touch)
        kept = touches.get(key)
        if kept is None:
            touches[key] = touch
        else:
            ticked = list(dict.fromkeys([*kept.ticked, *touch.ticked]))
            touches[key] = kept.model_copy(update={"ticked": ticked})
    ordered = sorted(touches.values(), key=lambda t: (t.on, moment_key(t.logged_at)))
    # Two touches logged on two computers may have taken the same id: the later one gets a new one.
    last = max((int(t.id[1:]) for t in ordered if t.id[1:].isdigit()), default=0)
    taken: set[str] = set()
    for index in sorted(range(len(ordered)), key=lambda i: moment_key(ordered[i].logged_at)):
        touch = ordered[index]
        if touch.id in taken:
            last += 1
            touch = ordered[index] = touch.model_copy(update={"id": f"t{last}"})
        taken.add(touch.id)
    report.changes += len(ordered) - len(x.touches)
    latest = newer_of(
        x, y, lambda p: max((t.logged_at for t in p.touches), key=moment_key, default=None)
    )
    every = x.every_weeks if x.every_weeks is not None else y.every_weeks
    return KeptContact(name=latest[0].name, every_weeks=every, touches=ordered)


def merge_contacts(a: ContactLog, b: ContactLog) -> tuple[ContactLog, Report]:
    """One contact log with every touch of `a` and `b`, and what `b` brought to `a`."""
    report = Report()
    people: dict[str, KeptContact] = {}
    for key in dict.fromkeys([*a.people, *b.people]):
        x, y = a.people.get(key), b.people.get(key)
        if x is not None and y is not None:
            people[key] = _merge_person(x, y, report)
        else:
            found = x or y
            assert found is not None
            people[key] = found
            report.changes += len(found.touches) if x is None else 0
    return ContactLog(people=people), report

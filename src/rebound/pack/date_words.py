"""The words a pack gives for the dates people type: the days of the week, and how a day or a
length of time is said ('next friday', 'in 2 weeks', 'el viernes que viene', 'hace un mes').

A pack's `words:` holds them (`weekdays`, `date_forms`); English is the default, and every pack
understands the English ones besides its own (`rebound.pack.typed.parse_date` reads them).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Unit = Literal["day", "week", "month"]
WEEKDAY = "{{weekday}}"
COUNT = "{{count}}"
UNIT = "{{unit}}"

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
UNITS: dict[str, Unit] = {
    **dict.fromkeys(["d", "day", "days"], "day"),
    **dict.fromkeys(["w", "wk", "wks", "week", "weeks"], "week"),
    **dict.fromkeys(["month", "months"], "month"),
}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


class DateForms(BaseModel):
    """How a day of the week (`{{weekday}}`) or a length of time (`{{count}} {{unit}}`, or a
    `{{unit}}` alone for one of it) is said, by what it means.

    `this`: the coming such day, today included ('friday'); `next`: the first one after today
    ('next friday'); `last`: the last one before today; `ahead` and `ago`: that long from today,
    forward or back ('in 2 weeks', '3 days ago'). `units` are the words for a day, a week and a
    month; `numbers` the counts said in words ('a', 'two'). Write them in lower case.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    this: list[str] = ["{{weekday}}", "this {{weekday}}", "on {{weekday}}"]
    next: list[str] = ["next {{weekday}}"]
    last: list[str] = ["last {{weekday}}"]
    ahead: list[str] = [
        "in {{count}} {{unit}}",
        "{{count}} {{unit}}",
        "{{count}} {{unit}} from now",
        "next {{unit}}",
    ]
    ago: list[str] = ["{{count}} {{unit}} ago", "last {{unit}}"]
    units: dict[str, Unit] = Field(default_factory=lambda: dict(UNITS))
    numbers: dict[str, int] = Field(default_factory=lambda: dict(NUMBERS))

    @model_validator(mode="after")
    def _forms(self) -> DateForms:
        for meaning in ("this", "next", "last"):
            for form in getattr(self, meaning):
                if form.count(WEEKDAY) != 1 or COUNT in form or UNIT in form:
                    raise ValueError(f"{meaning}: '{form}' needs {WEEKDAY}, once, and no more")
        for meaning in ("ahead", "ago"):
            for form in getattr(self, meaning):
                if form.count(UNIT) != 1 or form.count(COUNT) > 1 or WEEKDAY in form:
                    raise ValueError(f"{meaning}: '{form}' needs {UNIT} once (and {COUNT})")
        for word in [*self.units, *self.numbers]:
            if not word or word != " ".join(word.lower().split()) or " " in word:
                raise ValueError(f"'{word}': one word, in lower case")
        for word, count in self.numbers.items():
            if not 0 <= count <= 100:
                raise ValueError(f"'{word}': give a count from 0 to 100")
        return self

    @field_validator("this", "next", "last", "ahead", "ago")
    @classmethod
    def _lower(cls, value: list[str]) -> list[str]:
        for form in value:
            if form != " ".join(form.lower().split()):
                raise ValueError(f"'{form}': write it in lower case, single-spaced")
        return value


def check_weekdays(value: list[str]) -> list[str]:
    """Seven names, Monday first, in lower case."""
    if len(value) != 7:
        raise ValueError("give the seven days of the week, Monday first")
    for word in value:
        if not word or word != word.lower().strip() or " " in word:
            raise ValueError(f"'{word}': one word, in lower case")
    return value

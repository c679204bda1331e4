"""The daily run as a Windows Task Scheduler task named `rebound-remind`, registered from an XML
definition (`schtasks /Create /XML`), so that `StartWhenAvailable` is set: a run missed while
the computer was off or asleep happens as soon as it can.

The task starts rebound itself, never through a shell: `<Command>` is the program and
`<Arguments>` its arguments, joined by the rules Windows programs split them by
(`subprocess.list2cmdline`). A task has no environment of its own, so the data folder goes in as
`remind --home DIR`. Task Scheduler expands `%NAME%` in both, and XML cannot hold most control
characters: a value with a `%`, a control character or bytes that are not UTF-8 is refused.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET

from rebound.system import quoting
from rebound.system.daily import NAME, DailyRun, ScheduleError, call, checked

VIA = "schtasks"
TASK = NAME
NAMESPACE = "http://schemas.microsoft.com/windows/2004/02/mit/task"
WHERE = f"Task Scheduler: {TASK}"


def location() -> str:
    """Where it writes, for a sentence."""
    return WHERE


def available() -> bool:
    """Whether there is a `schtasks` to register the task with."""
    return shutil.which("schtasks") is not None


def arguments(run: DailyRun) -> list[str]:
    """The task's arguments: the run's, with the data folder as an option."""
    return [*run.argv(VIA)[1:], "--home", run.home]


def _check(value: str) -> str:
    if "%" in value:
        raise quoting.Unquotable(value, quoting.PERCENT)
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise quoting.Unquotable(value, quoting.NOT_UTF8)
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F or ch in "\ufffe\uffff" for ch in value):
        raise quoting.Unquotable(value, quoting.CONTROL)
    return value


def _add(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}")
    if text is not None:
        element.text = text
    return element


def task_xml(run: DailyRun) -> str:
    """The task's definition, as Task Scheduler's schema has it (version 1.2: Windows 7 on).

    Raises:
        quoting.Unquotable: a value the task cannot hold as it is.
    """
    from rebound import clock

    program = _check(run.program)
    args = [_check(arg) for arg in arguments(run)]
    ET.register_namespace("", NAMESPACE)
    task = ET.Element(f"{{{NAMESPACE}}}Task", {"version": "1.2"})
    info = _add(task, "RegistrationInfo")
    _add(
        info, "Description", "rebound: what is due today. `rebound remind --uninstall` removes it."
    )
    trigger = _add(_add(task, "Triggers"), "CalendarTrigger")
    _add(trigger, "StartBoundary", f"{clock.today().isoformat()}T{run.time}:00")
    _add(trigger, "Enabled", "true")
    _add(_add(trigger, "ScheduleByDay"), "DaysInterval", "1")
    principal = _add(_add(task, "Principals"), "Principal")
    principal.set("id", "Author")
    _add(principal, "LogonType", "InteractiveToken")
    _add(principal, "RunLevel", "LeastPrivilege")
    settings = _add(task, "Settings")
    for tag, text in (
        ("MultipleInstancesPolicy", "IgnoreNew"),
        ("DisallowStartIfOnBatteries", "false"),
        ("StopIfGoingOnBatteries", "false"),
        ("StartWhenAvailable", "true"),
        ("RunOnlyIfNetworkAvailable", "false"),
        ("ExecutionTimeLimit", "PT10M"),
        ("Enabled", "true"),
    ):
        _add(settings, tag, text)
    actions = _add(task, "Actions")
    actions.set("Context", "Author")
    action = _add(actions, "Exec")
    _add(action, "Command", program)
    _add(action, "Arguments", subprocess.list2cmdline(args))
    ET.indent(task)
    return '<?xml version="1.0" encoding="UTF-16"?>\n' + ET.tostring(task, encoding="unicode")


def shown(run: DailyRun) -> list[tuple[str, str]]:
    """The task's definition, to read before it is registered."""
    return [(WHERE, task_xml(run))]


def install(run: DailyRun) -> None:
    """Register the task (replacing an earlier one of the same name).

    Raises:
        quoting.Unquotable: a value the task cannot hold (nothing is registered).
        ScheduleError: schtasks refused it.
    """
    data = task_xml(run).encode("utf-16")  # with its byte order mark, as schtasks wants it
    fd, name = tempfile.mkstemp(prefix="rebound-task-", suffix=".xml")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        checked(["schtasks", "/Create", "/TN", TASK, "/XML", name, "/F"])
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)


def installed() -> list[str]:
    """The task's name, when Task Scheduler has it."""
    if not available():
        return []
    try:
        found = call(["schtasks", "/Query", "/TN", TASK]).returncode == 0
    except ScheduleError:
        return []
    return [WHERE] if found else []


def uninstall() -> list[str]:
    """Delete the task; its name when there was one.

    Raises:
        ScheduleError: schtasks would not delete it.
    """
    if not installed():
        return []
    checked(["schtasks", "/Delete", "/TN", TASK, "/F"])
    return [WHERE]

"""Holds the clock of a `rebound` process that a test started at the suite's pinned moment.

Python imports `sitecustomize` at start-up from its path; tests/conftest.py puts this folder on
the PYTHONPATH of every process the tests start, with REBOUND_TEST_CLOCK set to the moment (as
seconds since the epoch) and the time zone, so that a `rebound` in a pseudo-terminal lives on
the same day as the test that drives it (tests/pinned.py). A Python without time-machine (a
fresh virtual environment a test builds) starts as usual.
"""

import os

_clock = os.environ.get("REBOUND_TEST_CLOCK")
if _clock:
    # time-machine imports pytest and dateutil when they are there, for its plugin and for
    # parsing moments: a tenth of a second at each start, for nothing a process needs here.
    # They are hidden from it while it imports (a None in sys.modules reads as not installed).
    import sys as _sys

    _hidden = [m for m in ("pytest", "dateutil", "dateutil.parser") if m not in _sys.modules]
    _sys.modules.update(dict.fromkeys(_hidden))
    try:
        import time_machine
    except ImportError:
        time_machine = None
    finally:
        for _name in _hidden:
            del _sys.modules[_name]
    if time_machine is not None:
        _seconds, _, _zone = _clock.partition(" ")
        if _zone:
            import datetime as _datetime
            import zoneinfo as _zoneinfo

            _moment = _datetime.datetime.fromtimestamp(float(_seconds), _zoneinfo.ZoneInfo(_zone))
            time_machine.travel(_moment, tick=True).start()
        else:
            time_machine.travel(float(_seconds), tick=True).start()

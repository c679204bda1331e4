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
    try:
        import time_machine
    except ImportError:
        pass
    else:
        _seconds, _, _zone = _clock.partition(" ")
        if _zone:
            import datetime as _datetime
            import zoneinfo as _zoneinfo

            _moment = _datetime.datetime.fromtimestamp(float(_seconds), _zoneinfo.ZoneInfo(_zone))
            time_machine.travel(_moment, tick=True).start()
        else:
            time_machine.travel(float(_seconds), tick=True).start()

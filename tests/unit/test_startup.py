"""The garbage-collector tuning of rebound.system.gc_tuning, and that the walk turns collection back
on."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from rebound.storage.records import Session
from rebound.system import gc_tuning
from tests.helpers import Run
from tests.scenario import GROUPS, keys


@pytest.fixture
def collector() -> Iterator[None]:
    """Whatever a test does to the collector is undone afterwards (this process goes on)."""
    was_enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if was_enabled:
        gc.enable()
    else:  # pragma: no cover - pytest runs with the collector on
        gc.disable()


def test_pause_stops_collection_and_resume_sets_start_up_objects_aside(collector: None) -> None:
    gc_tuning.pause()
    assert not gc.isenabled()
    built_at_start = [object() for _ in range(3)]  # noqa: F841 - kept alive until resume
    gc_tuning.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


def test_resume_without_a_pause_changes_nothing(collector: None) -> None:
    assert gc.isenabled()
    gc_tuning.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_finish_leaves_everything_to_the_end_of_the_process(collector: None) -> None:
    gc_tuning.finish()
    assert gc.get_freeze_count() > 0


def test_a_walk_collects_garbage_while_it_waits_for_a_person(
    collector: None, run: Run, rebound_home: Path
) -> None:
    gc_tuning.pause()  # as `rebound start` does before anything is imported
    result = run(["start"], keys(GROUPS))
    assert result.exit_code == 0, result.output
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


def test_a_read_only_command_never_turns_collection_back_on(
    collector: None, run: Run, finished_session: Session
) -> None:
    gc.unfreeze()
    gc_tuning.pause()
    result = run(["list"], "")
    assert result.exit_code == 0, result.output
    assert not gc.isenabled()

"""One loop brings every saved file up to date, and treats a missing step the same way for all."""

from __future__ import annotations

from typing import Any

import pytest

from rebound.storage import migrations
from rebound.storage.records import BRAG_SCHEMA_VERSION, SCHEMA_VERSION


@pytest.mark.parametrize(
    ("migrate", "newest"),
    [(migrations.migrate, SCHEMA_VERSION), (migrations.migrate_brag, BRAG_SCHEMA_VERSION)],
)
@pytest.mark.parametrize("version", [0, -3])
def test_a_version_with_no_step_forward_is_too_old_for_every_file(
    migrate: Any, newest: int, version: int
) -> None:
    with pytest.raises(ValueError, match=f"schema {version} is too old"):
        migrate({"schema_version": version})


@pytest.mark.parametrize("migrate", [migrations.migrate, migrations.migrate_brag])
@pytest.mark.parametrize("version", [99, "4", None, True])
def test_a_newer_or_odd_version_is_left_for_the_checks_to_name(migrate: Any, version: Any) -> None:
    data = {"schema_version": version, "x": 1}
    assert migrate(dict(data)) == data


def test_steps_run_in_order_up_to_the_newest() -> None:
    seen: list[int] = []

    def step(n: int) -> Any:
        def run(data: dict[str, Any]) -> dict[str, Any]:
            seen.append(n)
            return {**data, "schema_version": n + 1}

        return run

    out = migrations.upgrade({"schema_version": 1}, {1: step(1), 2: step(2)}, 3)
    assert out == {"schema_version": 3}
    assert seen == [1, 2]

"""Nobody in: nothing on disk that rebound did not write for this user is trusted or written
through. The attacks are made the way another user would make them."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from tests.helpers import Run, build_session, run_installed
from tests.scenario import SESSION_ID
from tests.unit.test_content_cache import Hostile

posix_only = pytest.mark.skipif(not hasattr(os, "getuid"), reason="no file owners to check")


@posix_only
def test_rebound_list_never_runs_a_planted_cache(
    run: Run, rebound_home: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """Issue 14: a data folder others can write to (a mistaken chmod); another user renames
    `cache/` and plants `content-<key>.pickle`. The next `rebound list` must not run it."""
    build_session()
    assert run_installed("list", env=env).returncode == 0  # the installed rebound's own cache
    [file] = (rebound_home / "cache").glob("content-*.pickle")
    rebound_home.chmod(0o777)
    (rebound_home / "cache").rename(rebound_home / "cache-old")
    (rebound_home / "cache").mkdir()
    (rebound_home / "cache").chmod(0o777)
    marker = tmp_path / "marker"
    file.write_bytes(pickle.dumps(Hostile(marker)))

    result = run_installed("list", env=env)
    assert not marker.exists()
    assert result.returncode == 0, result.stderr
    assert SESSION_ID in result.stdout
    assert "0777" in result.stderr  # said once, on stderr, and made private
    assert stat.S_IMODE(rebound_home.stat().st_mode) == 0o700

    result = run_installed("list", env=env)  # private now: the planted file is still not run
    assert not marker.exists()
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_export_output_never_follows_a_link(run: Run, tmp_path: Path) -> None:
    build_session()
    dangling = tmp_path / "plan.md"
    elsewhere = tmp_path / "elsewhere.md"
    dangling.symlink_to(elsewhere)
    result = run(["export", "-o", str(dangling)])
    assert result.exit_code == 2
    assert not elsewhere.exists()

    precious = tmp_path / "precious.txt"
    precious.write_text("precious")
    link = tmp_path / "plan2.md"
    link.symlink_to(precious)
    assert run(["export", "-o", str(link)]).exit_code == 2
    assert run(["export", "-o", str(link), "--force"]).exit_code == 0
    assert precious.read_text() == "precious"
    assert not link.is_symlink()
    assert link.read_text().startswith("#")  # the Markdown export, in place of the link

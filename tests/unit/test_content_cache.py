"""The content cache: used when fresh, ignored when stale or damaged, never a reason to fail."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from rebound import content, content_files
from rebound.errors import ContentError
from tests.helpers import Run


def cached_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("content-*.pickle"))


def forbid_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_: Path) -> None:
        raise AssertionError("the YAML was read although a fresh cache exists")

    monkeypatch.setattr(content_files, "load", fail)


def test_second_load_comes_from_the_cache(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = content.load(content_copy, cache=cache)
    [file] = cached_files(cache)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    forbid_reading(monkeypatch)
    assert content.load(content_copy, cache=cache) == first


def test_an_edited_file_is_read_again(content_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    content.load(content_copy, cache=cache)
    step = content_copy / "steps" / "thank.yaml"
    step.write_text(step.read_text().replace("title: Thank the messenger", "title: Say thanks"))
    assert content.load(content_copy, cache=cache).step("thank").title == "Say thanks"
    assert len(cached_files(cache)) == 1  # the stale copy is replaced, not kept


def test_a_broken_edit_is_reported_not_hidden_by_the_cache(
    content_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    content.load(content_copy, cache=cache)
    step = content_copy / "steps" / "thank.yaml"
    step.write_text(step.read_text() + "\nbogus: 1\n")
    with pytest.raises(ContentError, match="bogus: is not a known field"):
        content.load(content_copy, cache=cache)


def test_a_touched_file_is_read_again(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    content.load(content_copy, cache=cache)
    step = content_copy / "steps" / "reflect.yaml"
    st = step.stat()
    os.utime(step, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    calls: list[Path] = []
    real = content_files.load
    monkeypatch.setattr(content_files, "load", lambda base: calls.append(base) or real(base))
    content.load(content_copy, cache=cache)
    assert calls == [content_copy]


def test_a_rebound_with_other_models_reads_the_yaml_again(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pickle made before the models changed (a reinstall, a development checkout with the
    same version number) would lack the new fields."""
    from rebound import models

    cache = tmp_path / "cache"
    content.load(content_copy, cache=cache)
    changed = tmp_path / "models.py"
    changed.write_bytes(Path(models.__file__).read_bytes() + b"\n# changed\n")
    monkeypatch.setattr(models, "__file__", str(changed))
    calls: list[Path] = []
    real = content_files.load
    monkeypatch.setattr(content_files, "load", lambda base: calls.append(base) or real(base))
    content.load(content_copy, cache=cache)
    assert calls == [content_copy]


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_cache_is_ignored_and_rewritten(
    content_copy: Path, tmp_path: Path, damage: bytes
) -> None:
    cache = tmp_path / "cache"
    expected = content.load(content_copy, cache=cache)
    [file] = cached_files(cache)
    file.write_bytes(damage)
    assert content.load(content_copy, cache=cache) == expected
    assert file.read_bytes() != damage


def test_an_unusable_cache_folder_does_not_matter(content_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert content.load(content_copy, cache=blocker).steps


def test_without_a_cache_nothing_is_written(content_copy: Path, tmp_path: Path) -> None:
    content.load(content_copy)
    assert not list(tmp_path.rglob("*.pickle"))


def test_the_cli_caches_in_the_data_folder(run: Run, rebound_home: Path) -> None:
    assert run(["summary"]).exit_code == 0
    assert len(cached_files(rebound_home / "cache")) == 1

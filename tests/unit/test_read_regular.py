"""`storage.files.read_regular`: rebound reads a regular file of a sane size, never what stands
in its place (issue 19, item 12)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rebound.storage.files import NotAFile, TooLarge, read_regular

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and devices: POSIX")


def test_a_file_and_a_link_to_one_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(b"{}")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    assert read_regular(tmp_path / "a.json") == b"{}"
    assert read_regular(tmp_path / "b.json") == b"{}"
    (tmp_path / "big").write_bytes(b"x" * (3 << 20))
    assert len(read_regular(tmp_path / "big")) == 3 << 20


def test_what_is_not_there_or_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "nope.json")
    with pytest.raises(IsADirectoryError):
        read_regular(tmp_path)


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_never_read(tmp_path: Path, device: str) -> None:
    (tmp_path / "due.json").symlink_to(device)
    with pytest.raises(NotAFile) as refused:
        read_regular(tmp_path / "due.json")
    assert refused.value.filename == str(tmp_path / "due.json")


@posix_only
def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "contacts.json")
    with pytest.raises(NotAFile):
        read_regular(tmp_path / "contacts.json")  # before: open() waited for a writer


def test_a_file_past_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "sparse.json"
    with open(path, "wb") as handle:
        handle.truncate(1 << 40)  # a terabyte, sparse: nothing on disk
    with pytest.raises(TooLarge) as refused:
        read_regular(path)
    assert refused.value.values == {"value": f"{1 << 40:,}", "count": 64}
    (tmp_path / "small").write_bytes(b"12345")
    with pytest.raises(TooLarge):
        read_regular(tmp_path / "small", limit=4)
    assert read_regular(tmp_path / "small", limit=5) == b"12345"

"""The content cache: used when fresh, ignored when stale or damaged, never a reason to fail."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from rebound.errors import ContentError
from rebound.pack import packs, reader
from tests.helpers import Run


def cached_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("content-*.pickle"))


def forbid_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_: Path) -> None:
        raise AssertionError("the YAML was read although a fresh cache exists")

    monkeypatch.setattr(reader, "load", fail)


def test_second_load_comes_from_the_cache(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = packs.load(content_copy, cache=cache)
    [file] = cached_files(cache)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    forbid_reading(monkeypatch)
    assert packs.load(content_copy, cache=cache) == first


def test_the_same_cache_bytes_give_the_same_pack_without_unpickling_again(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process that loads a pack again (the tests run many commands in one) reads and trusts
    the cache file every time, but bytes it has unpickled before give the pack it made then."""
    cache = tmp_path / "cache"
    first = packs.load(content_copy, cache=cache)
    read: list[Path] = []
    real_read = packs._read_trusted

    def counted(path: Path) -> bytes | None:
        read.append(path)
        return real_read(path)

    monkeypatch.setattr(packs, "_read_trusted", counted)
    monkeypatch.setattr(packs.pickle, "loads", None)  # unpickling again would fail here
    forbid_reading(monkeypatch)
    assert packs.load(content_copy, cache=cache) is first
    assert read == cached_files(cache)


def test_other_bytes_in_the_cache_file_are_never_taken_for_a_pack_made_before(
    content_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = packs.load(content_copy, cache=cache)
    [file] = cached_files(cache)
    file.write_bytes(file.read_bytes()[:-10])  # damaged: read the YAML again
    again = packs.load(content_copy, cache=cache)
    assert again is not first and again == first
    if hasattr(os, "getuid"):  # owners and modes, where a system has them
        file.chmod(0o666)  # bytes it knows, in a file others could write: not trusted, not used
        assert packs.load(content_copy, cache=cache) is not again


def test_an_edited_file_is_read_again(content_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    packs.load(content_copy, cache=cache)
    step = content_copy / "steps" / "thank.yaml"
    step.write_text(step.read_text().replace("title: Thank the messenger", "title: Say thanks"))
    assert packs.load(content_copy, cache=cache).step("thank").title == "Say thanks"
    assert len(cached_files(cache)) == 1  # the stale copy is replaced, not kept


def test_a_broken_edit_is_reported_not_hidden_by_the_cache(
    content_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    packs.load(content_copy, cache=cache)
    step = content_copy / "steps" / "thank.yaml"
    step.write_text(step.read_text() + "\nbogus: 1\n")
    with pytest.raises(ContentError, match="bogus: is not a known field"):
        packs.load(content_copy, cache=cache)


def test_a_touched_file_is_read_again(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    packs.load(content_copy, cache=cache)
    step = content_copy / "steps" / "reflect.yaml"
    st = step.stat()
    os.utime(step, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    calls: list[Path] = []
    real = reader.load
    monkeypatch.setattr(reader, "load", lambda base: calls.append(base) or real(base))
    packs.load(content_copy, cache=cache)
    assert calls == [content_copy]


@pytest.mark.parametrize("module", packs._READERS)
def test_a_rebound_with_other_models_reads_the_yaml_again(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    """A pickle made before the models, or the reading and checking of packs, changed (a
    reinstall, a development checkout with the same version number) would hold fields or a pack
    that rebound no longer makes: whichever of those modules changed."""
    import shutil

    cache = tmp_path / "cache"
    package = tmp_path / "rebound"
    package.mkdir()
    for name in packs._READERS:
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(packs.HERE / name, package / name)
    monkeypatch.setattr(packs, "HERE", package)
    packs.load(content_copy, cache=cache)
    calls: list[Path] = []
    real = reader.load
    monkeypatch.setattr(reader, "load", lambda base: calls.append(base) or real(base))
    packs.load(content_copy, cache=cache)
    assert calls == []  # the same modules: the pickle is used
    changed = package / module
    changed.write_bytes(changed.read_bytes() + b"\n# changed\n")
    packs.load(content_copy, cache=cache)
    assert calls == [content_copy]


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_cache_is_ignored_and_rewritten(
    content_copy: Path, tmp_path: Path, damage: bytes
) -> None:
    cache = tmp_path / "cache"
    expected = packs.load(content_copy, cache=cache)
    [file] = cached_files(cache)
    file.write_bytes(damage)
    assert packs.load(content_copy, cache=cache) == expected
    assert file.read_bytes() != damage


def test_an_unusable_cache_folder_does_not_matter(content_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert packs.load(content_copy, cache=blocker).steps


def test_without_a_cache_nothing_is_written(content_copy: Path, tmp_path: Path) -> None:
    packs.load(content_copy)
    assert not list(tmp_path.rglob("*.pickle"))


def test_the_cli_caches_in_this_computers_cache_folder(
    run: Run, rebound_home: Path, rebound_cache: Path
) -> None:
    """The data folder may be synced between computers: the cache is this computer's own."""
    assert run(["summary"]).exit_code == 0
    assert len(cached_files(rebound_cache)) == 1
    assert not (rebound_home / "cache").exists()


# A hostile cache: unpickling it would run code. Nothing rebound reads may be one another user
# could have written; owners are checked with os.getuid, missing on Windows.
posix_only = pytest.mark.skipif(not hasattr(os, "getuid"), reason="no file owners to check")


class Hostile:
    """Unpickled, it writes the marker file: the attacker's code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


def plant(file: Path, marker: Path) -> None:
    import pickle

    file.write_bytes(pickle.dumps(Hostile(marker)))


def cache_key(content_copy: Path, cache: Path) -> Path:
    """The cache file rebound would read for `content_copy`, written once by rebound itself."""
    packs.load(content_copy, cache=cache)
    [file] = cached_files(cache)
    return file


@posix_only
def test_a_cache_planted_in_a_shared_data_folder_never_runs(
    content_copy: Path, tmp_path: Path
) -> None:
    """The attack of issue 14: the data folder is writable by others; they rename `cache/` and
    plant a pickle under the name rebound will read next."""
    home = tmp_path / "data"
    home.mkdir()
    cache = home / "cache"
    file = cache_key(content_copy, cache)
    home.chmod(0o777)
    cache.rename(home / "old-cache")
    cache.mkdir()
    marker = tmp_path / "marker"
    plant(file, marker)
    loaded = packs.load(content_copy, cache=cache)
    assert loaded.steps
    assert not marker.exists()
    assert sorted(cache.iterdir()) == [file]  # nothing written into a folder others can change


@posix_only
@pytest.mark.parametrize("mode", [0o770, 0o707])
def test_a_cache_folder_others_can_write_is_not_read(
    content_copy: Path, tmp_path: Path, mode: int
) -> None:
    cache = tmp_path / "cache"
    file = cache_key(content_copy, cache)
    cache.chmod(mode)
    marker = tmp_path / "marker"
    plant(file, marker)
    assert packs.load(content_copy, cache=cache).steps
    assert not marker.exists()


@posix_only
def test_a_cache_folder_swapped_for_a_link_is_not_read(content_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    file = cache_key(content_copy, cache)
    elsewhere = tmp_path / "elsewhere"
    cache.rename(elsewhere)
    cache.symlink_to(elsewhere)
    marker = tmp_path / "marker"
    plant(elsewhere / file.name, marker)
    assert packs.load(content_copy, cache=cache).steps
    assert not marker.exists()


@posix_only
@pytest.mark.parametrize("how", ["link", "group-writable", "not-mine"])
def test_a_cache_file_rebound_did_not_write_is_not_read(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Checked on the file as opened: swapped in just after the folders were checked, a link,
    a file others could write, or another user's file is never unpickled."""
    cache = tmp_path / "cache"
    file = cache_key(content_copy, cache)
    marker = tmp_path / "marker"
    real_check = packs._trusted_folder
    real_fstat = os.fstat

    def check_then_swap(folder: Path) -> bool:
        trusted = real_check(folder)
        file.unlink()
        if how == "link":
            plant(tmp_path / "planted", marker)
            file.symlink_to(tmp_path / "planted")
        else:
            plant(file, marker)
            file.chmod(0o666 if how == "group-writable" else 0o600)
        return trusted

    def fstat_of_another_user(fd: int) -> os.stat_result:
        st = real_fstat(fd)
        fields = list(st)
        fields[stat.ST_UID] = os.getuid() + 1
        return os.stat_result(fields)

    monkeypatch.setattr(packs, "_trusted_folder", check_then_swap)
    if how == "not-mine":
        monkeypatch.setattr(packs.os, "fstat", fstat_of_another_user)
    assert packs.load(content_copy, cache=cache).steps
    assert not marker.exists()


@posix_only
def test_a_cache_in_someone_elses_folder_is_not_read(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    file = cache_key(content_copy, cache)
    marker = tmp_path / "marker"
    plant(file, marker)
    uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: uid + 1)  # every file here is someone else's now
    assert packs.load(content_copy, cache=cache).steps
    assert not marker.exists()


def owned_by_another_user(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make `folder` look another user's (root's, after a `sudo rebound ...`) to every os.stat
    and os.lstat of it, whoever asks: the store's checks and the cache's alike."""
    other = os.getuid() + 1
    where = os.path.abspath(folder)
    for name in ("stat", "lstat"):
        real = getattr(os, name)

        def faked(path: object, *args: object, real: object = real, **kwargs: object) -> object:
            st = real(path, *args, **kwargs)  # type: ignore[operator]
            if isinstance(path, (str, os.PathLike)) and os.path.abspath(path) == where:
                fields = list(st)
                fields[stat.ST_UID] = other
                return os.stat_result(fields)
            return st

        monkeypatch.setattr(os, name, faked)


def note_count(text: str) -> int:
    return sum(1 for line in text.splitlines() if "belongs to someone else" in line)


@posix_only
def test_a_cache_folder_of_another_user_is_ignored_with_a_note(
    content_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Unpickled, a file another user could have written would run their code: it is never
    read, nothing is written beside it, and the content comes from the YAML, said once."""
    from rebound.sentences import speech

    cache = tmp_path / "cache"
    file = cache_key(content_copy, cache)
    marker = tmp_path / "marker"
    plant(file, marker)
    planted = file.read_bytes()
    owned_by_another_user(monkeypatch, cache)
    speech.begin()
    assert packs.load(content_copy, cache=cache).steps
    assert packs.load(content_copy, cache=cache).steps  # twice in one run: said once
    assert not marker.exists()
    assert sorted(cache.iterdir()) == [file]
    assert file.read_bytes() == planted
    err = capsys.readouterr().err
    assert note_count(err) == 1, err
    assert str(cache) in err and "chown" in err
    speech.begin()  # the next run says it again
    packs.load(content_copy, cache=cache)
    assert note_count(capsys.readouterr().err) == 1


@posix_only
def test_no_cache_folder_is_made_in_a_data_folder_of_another_user(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """How a root-owned `cache/` comes to be: `sudo rebound ...` with the person's data folder.
    Made there, it would be root's and in the person's way: nothing is made."""
    home = tmp_path / "data"
    home.mkdir()
    owned_by_another_user(monkeypatch, home)
    assert packs.load(content_copy, cache=home / "cache").steps
    assert list(home.iterdir()) == []


# Imported when a pack is read, but deciding nothing of what it is read as: wording, paths, time.
NOT_READERS = {
    "errors.py",
    "text.py",
    "clock.py",
    "names.py",
    "storage/paths.py",
    "storage/files.py",  # the bytes of a file, read without blocking; not what they mean
    "sentences/speech.py",
}


def test_the_cache_key_covers_every_module_that_reading_a_pack_imports() -> None:
    """A module that reading a pack imports and `_READERS` leaves out could change what a pack
    is read as while an older pickle is still served (a module moved, a check added)."""
    import subprocess
    import sys

    probe = (
        "import sys, rebound.pack.reader, rebound.pack.packs\n"
        "rebound.pack.reader.load(rebound.pack.packs.default_dir('en'))\n"
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items()"
        " if n.startswith('rebound') and getattr(m, '__file__', None)))"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    imported = {
        Path(f).resolve().relative_to(packs.HERE).as_posix()
        for f in found
        if not f.endswith("__init__.py")
    } - {"pack/packs.py"}
    assert imported - NOT_READERS <= set(packs._READERS), sorted(imported - NOT_READERS)
    assert set(packs._READERS) <= imported  # and nothing listed that reading no longer imports


def test_the_words_templates_read_are_made_once_and_leave_two_alike_packs_equal(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = packs.load(content_copy, cache=tmp_path / "cache")
    monkeypatch.setattr(packs, "_UNPICKLED", {})  # as another process reads it: unpickled
    again = packs.load(content_copy, cache=tmp_path / "cache")
    assert first.template_words is first.template_words  # made once
    assert first == again  # what is made from a pack is no part of what it is

"""The names sync tools give their conflict copies, and git's conflict markers, recognised for
what they are (and nothing else taken for one)."""

from __future__ import annotations

import pytest

from rebound.storage.conflicts import copy_of, git_sides, maybe_copy

SESSION = "2026-12-06-acme"

# Each tool's name for a copy of `<base>.json`, without `.json` (what rebound compares).
TOOL_NAMES = {
    "Syncthing": "{base}.sync-conflict-20261207-101010-ABCDEF7",
    "Dropbox": "{base} (conflicted copy 2026-12-07)",
    "Dropbox, someone's": "{base} (Ada's conflicted copy 2026-12-07)",
    "Dropbox, typographic": "{base} (Ada\u2019s conflicted copy 2026-12-07)",
    "Dropbox, numbered": "{base} (Ada's conflicted copy 2026-12-07 (1))",
    "Nextcloud": "{base} (conflicted copy 2026-12-07 101010)",
    "Nextcloud, with a user": "{base} (conflicted copy ada 2026-12-07 101010)",
    "OneDrive": "{base}-LAPTOP",
    "OneDrive, numbered": "{base}-DESKTOP-4F2K9-2",
    "iCloud Drive": "{base} 2",
}


@pytest.mark.parametrize("tool", sorted(TOOL_NAMES))
@pytest.mark.parametrize("base", [SESSION, "brag", "contacts", "2026-12-06-acme-2"])
def test_each_tools_copy_is_a_copy_of_its_file(tool: str, base: str) -> None:
    name = TOOL_NAMES[tool].format(base=base)
    assert copy_of(name, base), (tool, name)
    assert maybe_copy(name, {base}), (tool, name)
    assert not copy_of(name, "2026-12-06-globex")
    assert not copy_of(base, base)  # the file itself is not a copy of itself


@pytest.mark.parametrize(
    "name",
    [
        "2026-12-06-acme-2",  # the second Acme session of the day: a number is no computer
        "2026-12-07-acme",
        "2026-12-06-acmecorp",
        "2026-12-06-acme (notes)",
        "2026-12-06-acme.sync-conflict-2026",
    ],
)
def test_names_that_only_look_alike_are_not_copies(name: str) -> None:
    assert not copy_of(name, SESSION)
    assert not maybe_copy(name, {SESSION})


def test_a_session_whose_id_goes_on_with_a_dash_is_told_by_what_it_holds() -> None:
    """'2026-12-06-acme-corp' beside '2026-12-06-acme' may be OneDrive's copy of Acme, or the
    session of Acme Corp: only the id inside the file tells (the store reads it)."""
    assert maybe_copy("2026-12-06-acme-corp", {SESSION})
    assert copy_of("2026-12-06-acme-corp", SESSION)  # if it holds Acme's session
    assert not copy_of("2026-12-06-acme-corp", "2026-12-06-acme-corp")  # if it holds its own


GIT = b"""{
  "id": "x",
<<<<<<< HEAD
  "role": "Staff engineer",
=======
  "role": "Principal engineer",
>>>>>>> laptop
  "done": true
}
"""

DIFF3 = b"""{
<<<<<<< ours
  "a": 1
||||||| base
  "a": 0
=======
  "a": 2
>>>>>>> theirs
}
"""


def test_git_markers_split_into_the_two_versions() -> None:
    ours, theirs = git_sides(GIT) or (b"", b"")
    assert b'"Staff engineer"' in ours and b"Principal" not in ours
    assert b'"Principal engineer"' in theirs and b"Staff" not in theirs
    assert ours.count(b'"done": true') == theirs.count(b'"done": true') == 1
    ours, theirs = git_sides(DIFF3) or (b"", b"")
    assert ours == b'{\n  "a": 1\n}\n' and theirs == b'{\n  "a": 2\n}\n'  # the base is left out


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a": 1}',
        b"<<<<<<< HEAD\n1\n",  # never closed
        b"=======\n1\n>>>>>>> x\n",  # out of order
        b"<<<<<<< a\n<<<<<<< b\n=======\n>>>>>>> c\n",
    ],
)
def test_no_markers_or_markers_out_of_order_are_not_two_versions(raw: bytes) -> None:
    assert git_sides(raw) is None

"""foi.support.yamlio: the strict YAML reader every hand-written file goes through."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from foi.support import yamlio
from foi.support.errors import DataError


def test_plain_data_reads_as_before() -> None:
    assert yamlio.load("a: 1\nb: [x, y]\nc: 2026-04-01\n") == {"a": 1, "b": ["x", "y"], "c": date(2026, 4, 1)}
    assert yamlio.load("c: 2026-04-01\n", dates=False) == {"c": "2026-04-01"}
    assert yamlio.load("") is None


@pytest.mark.parametrize("text, message", [
    ("name: a\nname: b\n", r"f.yaml, line 2: the key 'name' is given twice"),
    ("a: &x 1\nb: *x\n", r"f.yaml, line 2: YAML anchors and aliases"),
    ("a: &x [1]\nb:\n  - *x\n", r"f.yaml, line 3: YAML anchors and aliases"),
    ("<<: {a: 1}\n", r"f.yaml, line 1: YAML merge keys"),
    ("? [a, b]\n: 1\n", r"f.yaml, line 1: a key must be a plain word"),
    ("d: 2026-02-30\n", r"f.yaml, line 1: '2026-02-30' is not a date"),
    ("d: 0000-01-01\n", r"f.yaml, line 1: '0000-01-01' is not a date"),
    ("a: [1\n", r"f.yaml, line 2: not valid YAML"),
    ("a: !!python/object:os.system {}\n", r"f.yaml, line 1: not valid YAML"),
    ("n: " + "9" * 5000 + "\n", r"f.yaml: a value cannot be read"),
    ("[" * 5000, r"f.yaml"),
])
def test_what_a_hand_written_file_has_no_use_for_is_refused(text: str, message: str) -> None:
    with pytest.raises(DataError, match=message):
        yamlio.load(text, "f.yaml")


def test_an_alias_bomb_is_refused_at_once() -> None:
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True))
    with pytest.raises(DataError, match="anchors and aliases"):
        yamlio.load(bomb, "bomb.yaml")


def test_size_cap() -> None:
    with pytest.raises(DataError, match="over 1024 KB"):
        yamlio.load("# " + "x" * yamlio.MAX_BYTES, "big.yaml")


def test_foi_own_data_may_share_values_but_a_users_file_may_not(tmp_path: Path) -> None:
    from foi.support.paths import DATA_DIR

    shared = "a: &x [1]\nb: *x\n"
    assert yamlio.load(shared, "own.yaml", aliases=True) == {"a": [1], "b": [1]}
    for path in DATA_DIR.glob("*.yaml"):  # foi's own files read, anchors and all
        yamlio.read(path)
    mine = tmp_path / "mine.yaml"
    mine.write_text(shared, encoding="utf-8")
    with pytest.raises(DataError, match="anchors and aliases"):
        yamlio.read(mine)

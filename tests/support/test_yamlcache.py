"""foi's own YAML kept as JSON reads back as exactly what PyYAML gives: the same values, the same types."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from foi.support import yamlcache, yamlio
from foi.support.paths import DATA_DIR, builtin_templates

SHIPPED = sorted([*DATA_DIR.rglob("*.yaml"), *builtin_templates().rglob("*.yaml")])


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same type all the way down (True is not 1, a date is not its text)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(k1, k2) and same(a[k1], b[k2]) for k1, k2 in zip(a, b, strict=True))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def test_foi_ships_yaml_files_to_keep() -> None:
    assert len(SHIPPED) >= 15 and any(p.name == "regimes.yaml" for p in SHIPPED)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
@pytest.mark.parametrize("dates", [True, False])
def test_every_shipped_file_reads_back_the_same_values_and_types(path: Path, dates: bool) -> None:
    parsed = yamlio.load(path.read_text(encoding="utf-8"), str(path), dates=dates, aliases=True)
    assert same(yamlcache.decode(yamlcache.encode(parsed)), parsed)


def test_types_json_would_lose_are_kept() -> None:
    value = {1: "one", False: [date(2026, 12, 1), datetime(2026, 12, 1, 9, 30)], None: {"l": 1.5},
             "m": [[1, 2]], "d": "2026-01-01", 2.5: -0.0}
    assert same(yamlcache.decode(yamlcache.encode(value)), value)


def test_a_value_json_cannot_carry_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOI_CACHE_DIR", str(tmp_path))
    yamlcache.save("x", "a: !!set {b}", True, {"a": {"b"}})
    assert yamlcache.load("x", "a: !!set {b}", True) == (False, None)
    assert not list(tmp_path.iterdir())


def test_an_entry_is_only_for_its_exact_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOI_CACHE_DIR", str(tmp_path))
    yamlcache.save("x", "a: 1\n", True, {"a": 1})
    assert yamlcache.load("x", "a: 1\n", True) == (True, {"a": 1})
    assert yamlcache.load("x", "a: 2\n", True) == (False, None)  # the file changed: parse it again
    assert yamlcache.load("x", "a: 1\n", False) == (False, None)
    (tmp_path / "x.json").write_text('{"m": [["text", "a: 1\\n"], ["dates"', encoding="utf-8")
    assert yamlcache.load("x", "a: 1\n", True) == (False, None)  # a broken entry is no entry


def test_a_command_reading_only_foi_files_does_not_import_pyyaml(tmp_path: Path) -> None:
    """The second run reads regimes and holidays back from the cache: PyYAML is never imported."""
    env = {**os.environ, "FOI_CACHE_DIR": str(tmp_path / "cache")}
    probe = ("import sys; from foi.cli import main; sys.argv = ['foi', 'deadline', '--received', '2026-11-02'];\n"
             "try: main()\nexcept SystemExit: pass\nprint('yaml' in sys.modules, file=sys.stderr)")
    first = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    second = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert first.stderr.strip().endswith("True") and second.stderr.strip().endswith("False"), second.stderr
    assert first.stdout == second.stdout and "1 December 2026" in second.stdout

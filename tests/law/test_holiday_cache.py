"""The kept bank-holiday tables are exactly the `holidays` package's, and the cache is only ever a
shortcut: stale, damaged or unwritable, it changes no answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import holidays as holidays_package
import pytest
from dateutil.easter import easter

from foi.law import holiday_cache, holidays

# Every year the package has data for: this covers every year any test or worked example uses.
YEARS = range(holidays.FIRST_YEAR, holidays.LAST_YEAR + 1)


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh, empty cache folder, with every in-process copy of the tables forgotten."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("FOI_CACHE_DIR", str(folder))
    _forget()
    yield folder
    _forget()


def _forget() -> None:
    holiday_cache._kept.cache_clear()
    holidays._package_year.cache_clear()
    holidays._year.cache_clear()


def _entry(folder: Path) -> dict:
    return json.loads((folder / "uk-bank-holidays.json").read_text(encoding="utf-8"))


def test_kept_tables_equal_the_package_for_every_year(cache_folder: Path) -> None:
    for year in YEARS:
        holidays._package_year(year)  # computed from the package and written to the cache
    assert set(_entry(cache_folder)["value"]) == {str(y) for y in YEARS}
    _forget()
    for year in YEARS:  # now read back from the file
        kept = holidays._package_year(year)
        assert {d: dict(p) for d, p in kept.items()} == holidays._from_package(year), year
    assert year in holiday_cache._kept()


def test_easter_matches_dateutil_for_every_year() -> None:
    for year in YEARS:
        assert holidays._easter(year) == easter(year), year


def test_package_version_is_the_installed_one() -> None:
    assert holiday_cache.package_version() == holidays_package.__version__
    assert holidays.installed_version() == holidays_package.__version__


def test_an_entry_for_another_version_is_ignored_and_replaced(cache_folder: Path) -> None:
    holidays._package_year(2026)
    entry = _entry(cache_folder)
    assert entry["key"]["holidays"] == holidays_package.__version__
    # As if computed by another version of the package, which (say) moved Christmas.
    entry["key"]["holidays"] = "0.1"
    entry["value"]["2026"] = {"2026-12-24": {"scotland": "Christmas Day"}}
    (cache_folder / "uk-bank-holidays.json").write_text(json.dumps(entry), encoding="utf-8")
    _forget()
    assert {d: dict(p) for d, p in holidays._package_year(2026).items()} == holidays._from_package(2026)
    assert _entry(cache_folder)["key"]["holidays"] == holidays_package.__version__


@pytest.mark.parametrize("damage", ["{not json", "[]", '{"key": 1}', "VALUE"])
def test_a_damaged_entry_is_rebuilt(cache_folder: Path, damage: str) -> None:
    holidays._package_year(2027)
    if damage == "VALUE":
        entry = _entry(cache_folder)
        entry["value"]["2027"] = {"not a date": {"scotland": 3}}
        damage = json.dumps(entry)
    (cache_folder / "uk-bank-holidays.json").write_text(damage, encoding="utf-8")
    _forget()
    assert {d: dict(p) for d, p in holidays._package_year(2027).items()} == holidays._from_package(2027)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_cache_folder_changes_nothing(cache_folder: Path) -> None:
    cache_folder.mkdir()
    cache_folder.chmod(0o500)
    try:
        assert {d: dict(p) for d, p in holidays._package_year(2026).items()} == holidays._from_package(2026)
        assert not (cache_folder / "uk-bank-holidays.json").exists()
    finally:
        cache_folder.chmod(0o700)


def test_a_cache_folder_that_is_a_file_changes_nothing(cache_folder: Path) -> None:
    cache_folder.write_text("in the way", encoding="utf-8")
    assert {d: dict(p) for d, p in holidays._package_year(2026).items()} == holidays._from_package(2026)


def test_once_kept_a_deadline_never_imports_the_package(cache_folder: Path) -> None:
    probe = (
        "import sys\n"
        "from foi.cli import main\n"
        "sys.argv = ['foi', 'deadline', '--received', '2026-12-18']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('holidays' in sys.modules, 'pydantic' in sys.modules, file=sys.stderr)\n"
    )
    env = {**os.environ, "FOI_CACHE_DIR": str(cache_folder)}
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
            for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and "Due:" in runs[0].stdout
    assert runs[0].stderr.split() == ["True", "False"]  # worked out from the package, kept
    assert runs[1].stderr.split() == ["False", "False"]  # read from the cache

"""Bank holidays worked out from the `holidays` package once per package version, then kept.

Importing `holidays` loads every country's calendar (lunar tables included) to answer a question
about four UK subdivisions: it took more time than everything else `foi deadline` does. The
answer only changes when the package does, so each year's table is kept in the user's cache folder
(foi.support.diskcache), keyed on the package version, the names file (foi/data/holidays.yaml)
and the code that builds the table (foi/law/holidays.py). When any of them changes the kept tables
are ignored and rebuilt; a year not kept yet is worked out from the package and added.
tests/law/test_holiday_cache.py checks the kept tables equal the package's, year by year.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from foi.support import diskcache
from foi.support.paths import DATA_DIR

Table = dict[date, dict[str, str]]  # day -> {part of the UK: the holiday's name there}
_ENTRY = "uk-bank-holidays"
_FORMAT = 1  # raise when the stored layout changes


def year(number: int, compute: Callable[[int], Table]) -> Table:
    """The table for one year: from the cache, or computed (and then kept) when it is not there."""
    kept = _kept()
    if number not in kept:
        kept[number] = compute(number)
        diskcache.save(_ENTRY, _key(), {str(y): _dump(t) for y, t in sorted(kept.items())})
    return kept[number]


@lru_cache(maxsize=1)
def _kept() -> dict[int, Table]:
    """Every year the cache holds for this package version (read once per process)."""
    stored = diskcache.load(_ENTRY, _key())
    try:
        return {int(y): _load(t) for y, t in stored.items()} if isinstance(stored, dict) else {}
    except (TypeError, ValueError, AttributeError):  # a hand-edited or damaged file: rebuild it
        return {}


def _dump(table: Table) -> dict[str, dict[str, str]]:
    return {day.isoformat(): dict(parts) for day, parts in sorted(table.items())}


def _load(raw: dict[str, dict[str, str]]) -> Table:
    table = {date.fromisoformat(day): dict(parts) for day, parts in raw.items()}
    if not all(isinstance(n, str) for parts in table.values() for n in parts.values()):
        raise ValueError("a holiday name is not text")
    return table


@lru_cache(maxsize=1)
def _key() -> dict[str, Any]:
    """What the tables were computed from: a change to any of these rebuilds them."""
    here = Path(__file__).parent
    return {
        "format": _FORMAT,
        "holidays": package_version(),
        "names": diskcache.checksum(DATA_DIR / "holidays.yaml"),
        "code": diskcache.checksum(here / "holidays.py"),
    }


@lru_cache(maxsize=1)
def package_version() -> str:
    """The installed `holidays` version, from its metadata: importing it would cost ~100 ms.

    It reads the one holidays-*.dist-info beside the package; anything less clear falls back to
    importlib.metadata, which is where holidays.__version__ itself comes from.
    """
    from importlib.util import find_spec

    spec = find_spec("holidays")
    if spec is not None and spec.origin:
        found = list(Path(spec.origin).parent.parent.glob("holidays-*.dist-info/METADATA"))
        if len(found) == 1:
            with found[0].open(encoding="utf-8") as metadata:
                for line in metadata:  # the headers come first and end at a blank line
                    if line.startswith("Version: "):
                        return line[len("Version: "):].strip()
                    if not line.strip():
                        break
    from importlib.metadata import version

    return version("holidays")

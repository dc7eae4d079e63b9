"""UK bank holidays: which days are bank holidays in which part of the UK, and a user's additions.

Bank holidays come from the pinned `holidays` package, imported lazily (so `foi --help` never loads
it) and combined across the four subdivisions here: without a subdivision the package returns only
the days common to all four (reference F2). A user's file (`--holidays FILE`) adds or removes days
the package does not know yet. Good Friday and Christmas Day are added by statute (FOIA s.10(6)).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from foi.support.dates import parse_date
from foi.support.errors import DataError, FoiError, UsageProblem
from foi.support.paths import DATA_DIR

# The parts of the UK with their own bank holidays, in the order a letter names them.
REGIONS: dict[str, str] = {
    "england-and-wales": "England and Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}
_LABEL_TO_REGION = {label: key for key, label in REGIONS.items()}
# The `holidays` subdivisions behind each part (England and Wales are one part for bank holidays).
_SUBDIVISIONS: dict[str, tuple[str, ...]] = {
    "england-and-wales": ("ENG", "WLS"),
    "scotland": ("SCT",),
    "northern-ireland": ("NIR",),
}
# A calendar is the set of parts whose bank holidays are not working days.
CALENDARS: dict[str, frozenset[str]] = {
    "uk": frozenset(REGIONS),
    "england-and-wales": frozenset({"england-and-wales"}),
    "scotland": frozenset({"scotland"}),
    "northern-ireland": frozenset({"northern-ireland"}),
}
# The years the `holidays` package has data for at all (F2).
FIRST_YEAR, LAST_YEAR = 1872, 2100


@dataclass(frozen=True)
class Holiday:
    """A day that is a bank holiday in at least one part of the UK."""

    date: date
    name: str
    # Labels from REGIONS: "England and Wales", "Scotland", "Northern Ireland".
    regions: tuple[str, ...]
    source: str = "holidays package"  # or "statute", or the overrides file's path

    @property
    def region_ids(self) -> frozenset[str]:
        return frozenset(_LABEL_TO_REGION[label] for label in self.regions)

    @property
    def where(self) -> str:
        """Where it is a bank holiday, as a letter says it: "in Scotland", "throughout the UK"."""
        if len(self.regions) == len(REGIONS):
            return "throughout the UK"
        return "in " + " and ".join(self.regions)

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "name": self.name, "regions": list(self.regions)}


@dataclass(frozen=True)
class HolidayOverrides:
    """Days a user's file adds to or removes from the package's data (a new proclamation)."""

    source: str
    add: tuple[Holiday, ...] = ()
    # (date, region ids); no region ids means wherever the data has it.
    remove: tuple[tuple[date, frozenset[str]], ...] = ()


# --- data: the trusted window and the names ------------------------------------------------------


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    from foi.support import yamlio

    raw = yamlio.read(DATA_DIR / "holidays.yaml")
    return {
        "package_version": str(raw["package_version"]),
        "trusted_from": raw["trusted_from"],
        "trusted_through": raw["trusted_through"],
        "names": dict(raw.get("names") or {}),
    }


def _nice_name(raw: str) -> str:
    """The package's name as gov.uk writes it ("Saint Andrew's Day" -> "St Andrew's Day")."""
    names = settings()["names"]
    parts = []
    for part in raw.split("; "):
        suffix = ""
        if part.endswith(" (observed)"):
            part, suffix = part[: -len(" (observed)")], " (substitute day)"
        parts.append(names.get(part, part) + suffix)
    return " and ".join(parts)


def _easter(year: int) -> date:
    """Western Easter Sunday (Gregorian), as dateutil.easter computes it.

    Worked out here rather than imported so a deadline needs neither dateutil nor `holidays`;
    tests/law/test_holiday_cache.py checks it against dateutil for every year the data covers.
    """
    golden = year % 19
    century = year // 100
    h = (century - century // 4 - (8 * century + 13) // 25 + 19 * golden + 15) % 30
    i = h - (h // 28) * (1 - (h // 28) * (29 // (h + 1)) * ((21 - golden) // 11))
    j = (year + year // 4 + i + 2 - century + century // 4) % 7
    p = i - j
    return date(year, 3 + (p + 26) // 30, 1 + (p + 27 + (p + 6) // 40) % 31)


def _good_friday(year: int) -> date:
    return _easter(year) - timedelta(days=2)


# --- holidays, by year ---------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _package_year(year: int) -> Mapping[date, Mapping[str, str]]:
    """For one year: each bank-holiday date and, for each part of the UK observing it, its name.

    Worked out from the package once per package version and kept in the user's cache folder
    (holiday_cache): importing `holidays` costs more than the rest of a `foi deadline`.
    """
    from foi.law import holiday_cache

    table = holiday_cache.year(year, _from_package)
    return MappingProxyType({day: MappingProxyType(parts) for day, parts in table.items()})


def _from_package(year: int) -> dict[date, dict[str, str]]:
    """One year's bank holidays straight from the `holidays` package, with the statutory days.

    The statutory days (Good Friday, Christmas Day) are added for every part even if the package
    ever left one out, because the Acts exclude them by name.
    """
    import holidays

    table: dict[date, dict[str, str]] = {}
    for region, subdivisions in _SUBDIVISIONS.items():
        for subdivision in subdivisions:
            found = holidays.country_holidays("GB", subdiv=subdivision, years=year)
            for day, name in found.items():
                table.setdefault(day, {}).setdefault(region, _nice_name(name))
    for day, name in ((_good_friday(year), "Good Friday"), (date(year, 12, 25), "Christmas Day")):
        for region in REGIONS:
            table.setdefault(day, {}).setdefault(region, name)
    return table


def _statutory_days(year: int) -> dict[date, str]:
    return {_good_friday(year): "Good Friday", date(year, 12, 25): "Christmas Day"}


@lru_cache(maxsize=512)
def _year(year: int, overrides: HolidayOverrides | None) -> Mapping[date, Holiday]:
    """Every bank holiday in a year, anywhere in the UK, after the user's overrides."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise FoiError(
            f"the year {year} is outside the bank-holiday data ({FIRST_YEAR}-{LAST_YEAR}): "
            "check the date"
        )
    parts: dict[date, dict[str, tuple[str, str]]] = {
        day: {region: (name, "holidays package") for region, name in names.items()}
        for day, names in _package_year(year).items()
    }
    statutory = _statutory_days(year)
    for day in statutory:
        for region in parts[day]:
            parts[day][region] = (parts[day][region][0], "statute")
    if overrides is not None:
        for extra in overrides.add:
            if extra.date.year == year:
                for region in extra.region_ids:
                    parts.setdefault(extra.date, {})[region] = (extra.name, overrides.source)
        for day, regions in overrides.remove:
            if day.year == year and day not in statutory:
                for region in regions or REGIONS:
                    parts.get(day, {}).pop(region, None)
    table = {}
    for day, observed in sorted(parts.items()):
        if not observed:
            continue
        names = list(dict.fromkeys(name for name, _ in observed.values()))
        sources = list(dict.fromkeys(source for _, source in observed.values()))
        table[day] = Holiday(
            date=day,
            name=" / ".join(names),
            regions=tuple(label for key, label in REGIONS.items() if key in observed),
            source=sources[-1] if len(sources) == 1 else ", ".join(sources),
        )
    return MappingProxyType(table)


def holiday_on(day: date, overrides: HolidayOverrides | None = None) -> Holiday | None:
    """The bank holiday on this day in any part of the UK, or None."""
    return _year(day.year, overrides).get(day)


def holidays_in(
    year: int, calendar: str = "uk", overrides: HolidayOverrides | None = None
) -> list[Holiday]:
    """The bank holidays of a year that count under a calendar, weekends included."""
    return list(counted_in(year, calendar, overrides))


@lru_cache(maxsize=1024)
def counted_in(year: int, calendar: str, overrides: HolidayOverrides | None = None) -> tuple[Holiday, ...]:
    """holidays_in, worked out once per year and calendar (working-day arithmetic asks often)."""
    parts = parts_of(calendar)
    return tuple(h for h in _year(year, overrides).values() if h.region_ids & parts)


def parts_of(calendar: str) -> frozenset[str]:
    try:
        return CALENDARS[calendar]
    except KeyError:
        raise UsageProblem(
            f"unknown calendar '{calendar}': use one of {', '.join(CALENDARS)}"
        ) from None


@lru_cache(maxsize=1)
def installed_version() -> str:
    """The installed `holidays` package's version (what holidays.__version__ says), unimported."""
    from foi.law.holiday_cache import package_version

    return package_version()


# --- the user's overrides file -------------------------------------------------------------------

_REGION_ALIASES = {
    "england-and-wales": "england-and-wales", "england and wales": "england-and-wales",
    "england": "england-and-wales", "wales": "england-and-wales", "eng": "england-and-wales",
    "wls": "england-and-wales", "scotland": "scotland", "sct": "scotland",
    "northern-ireland": "northern-ireland", "northern ireland": "northern-ireland",
    "nir": "northern-ireland", "ni": "northern-ireland",
}


def load_overrides(path: str | Path) -> HolidayOverrides:
    """Read a --holidays file: days to add (a new proclamation) and days to remove.

    add: [{date: 2027-05-10, name: "...", regions: [scotland]}]   (regions default to all three)
    remove: [2027-01-04, {date: 2027-07-12, regions: [northern-ireland]}]
    """
    from foi.support import files, yamlio

    source = str(path)
    file = Path(path)
    if not file.exists():
        raise DataError(f"{source}: no such file: check the --holidays path")
    # Dates stay text, so that a bad date is reported with its entry.
    text = files.read_text(file, "--holidays file", limit=yamlio.MAX_BYTES)
    raw = yamlio.load(text, source, dates=False)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise DataError(f"{source}: expected a mapping with 'add' and/or 'remove' lists")
    unknown = sorted(str(k) for k in raw if k not in ("add", "remove"))
    if unknown:
        raise DataError(f"{source}: unknown key '{unknown[0]}': use 'add' and/or 'remove'")
    add = tuple(
        _add_entry(source, i, entry) for i, entry in enumerate(_list(source, raw, "add"), 1)
    )
    remove = tuple(
        _remove_entry(source, i, entry) for i, entry in enumerate(_list(source, raw, "remove"), 1)
    )
    overrides = HolidayOverrides(source=source, add=add, remove=remove)
    _check_removals(overrides)
    return overrides


def _list(source: str, raw: dict[str, Any], key: str) -> list[Any]:
    value = raw.get(key) or []
    if not isinstance(value, list):
        raise DataError(f"{source}: '{key}' must be a list of entries, one per '- ' line")
    return value


def _entry_date(source: str, where: str, value: Any) -> date:
    day = parse_date(str(value)) if isinstance(value, str) else None
    if day is None:
        raise DataError(f"{source}: {where}: date '{value}' is not a date: write it as YYYY-MM-DD")
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DataError(
            f"{source}: {where}: date {day} is outside {FIRST_YEAR}-{LAST_YEAR}: check the year"
        )
    return day


def _entry_regions(source: str, where: str, value: Any) -> frozenset[str]:
    if value is None:
        return frozenset(REGIONS)
    items = value if isinstance(value, list) else [value]
    regions = set()
    for item in items:
        key = _REGION_ALIASES.get(str(item).strip().lower())
        if key is None:
            raise DataError(
                f"{source}: {where}: unknown region '{item}': use england-and-wales, scotland "
                "or northern-ireland"
            )
        regions.add(key)
    if not regions:
        raise DataError(f"{source}: {where}: 'regions' is empty: name at least one part of the UK")
    return frozenset(regions)


def _add_entry(source: str, index: int, entry: Any) -> Holiday:
    where = f"add entry {index}"
    if not isinstance(entry, dict):
        raise DataError(f"{source}: {where}: expected 'date:', 'name:' and optional 'regions:'")
    unknown = sorted(str(k) for k in entry if k not in ("date", "name", "regions"))
    if unknown:
        raise DataError(
            f"{source}: {where}: unknown key '{unknown[0]}': use date, name and regions"
        )
    if "date" not in entry:
        raise DataError(f"{source}: {where}: no 'date': add date: YYYY-MM-DD")
    day = _entry_date(source, where, entry["date"])
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DataError(
            f"{source}: {where} ({day}): no 'name': add the holiday's name, e.g. name: \"...\""
        )
    regions = _entry_regions(source, f"{where} ({day})", entry.get("regions"))
    labels = tuple(label for key, label in REGIONS.items() if key in regions)
    return Holiday(date=day, name=name.strip(), regions=labels, source=source)


def _remove_entry(source: str, index: int, entry: Any) -> tuple[date, frozenset[str]]:
    where = f"remove entry {index}"
    if isinstance(entry, dict):
        unknown = sorted(str(k) for k in entry if k not in ("date", "regions"))
        if unknown:
            raise DataError(f"{source}: {where}: unknown key '{unknown[0]}': use date and regions")
        if "date" not in entry:
            raise DataError(f"{source}: {where}: no 'date': add date: YYYY-MM-DD")
        day = _entry_date(source, where, entry["date"])
        if entry.get("regions") is None:
            return day, frozenset()
        return day, _entry_regions(source, f"{where} ({day})", entry["regions"])
    return _entry_date(source, where, entry), frozenset()


def _check_removals(overrides: HolidayOverrides) -> None:
    """A removal must name a real bank holiday, and never Christmas Day or Good Friday."""
    for index, (day, regions) in enumerate(overrides.remove, 1):
        where = f"{overrides.source}: remove entry {index} ({day})"
        statutory = _statutory_days(day.year).get(day)
        if statutory:
            raise DataError(
                f"{where}: {statutory} is never a working day (FOIA s.10(6), FOISA s.73): "
                "delete this entry"
            )
        known = _package_year(day.year).get(day, {})
        if not regions and not known:
            raise DataError(
                f"{where}: not a bank holiday anywhere in the UK in the data: check the date"
            )
        missing = [REGIONS[r] for r in REGIONS if r in regions and r not in known]
        if missing:
            raise DataError(
                f"{where}: not a bank holiday in {', '.join(missing)} in the data: check the date "
                "and regions"
            )

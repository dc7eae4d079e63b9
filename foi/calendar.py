"""UK working days and the date an authority must answer by.

The rules, from ../shared/reference/uk-foi-law.md (A4, C, D, F, G1, H):
- FOIA and EIR: a working day is any day but a Saturday, a Sunday, Christmas Day, Good Friday or a
  bank holiday in ANY part of the UK (FOIA s.10(6)), so the union of England and Wales, Scotland and
  Northern Ireland. FOISA and EISR: Scottish bank holidays only (FOISA s.73).
- The day of receipt is day 0 and the due date is the 20th working day after it (ICO and
  WhatDoTheyKnow).
  The s.45 Code reading (receipt on a non-working day counts from the next working day) can give one
  more day; it is reported as the date an authority may claim (G1).
- Subject access: the corresponding date one month on (the month's last day where there is none),
  rolled forward to the next working day.

Bank holidays come from the pinned `holidays` package, imported lazily (so `foi --help` never loads
it) and combined across the four subdivisions here: without a subdivision the package returns only
the days common to all four (F2). A user's file (`--holidays FILE`) adds or removes days the package
does not know yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping

from foi.dates import long_date, parse_date  # noqa: F401 - re-exported for callers
from foi.errors import DataError, FoiError, UsageProblem
from foi.paths import DATA_DIR

if TYPE_CHECKING:
    from foi.regimes import Regime

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


@dataclass(frozen=True)
class Deadline:
    """When a reply is due, how it was worked out, and how far the data behind it can be trusted."""

    regime: str  # the regime's id: foia, eir, foisa, eisr, sar
    calendar: str  # a key of CALENDARS
    received: date
    start: date  # the day the clock counts from: received, or clarified
    due: date
    count: int  # working days (20, 40, --days) or months (1, 3)
    unit: str  # "working_days" or "months"
    clarified: date | None = None
    extended: bool = False
    # The s.45 Code reading (receipt on a non-working day moves to the next working day), only
    # when it is later than `due`: the date an authority may claim (reference G1).
    code_due: date | None = None
    # Subject access, extended: three months from receipt as reference table H counts it; when that
    # is not a working day, the next working day, which a controller may claim.
    rolled_due: date | None = None
    # The regime's extended date, shown beside an unextended deadline (None if it has none).
    extension_due: date | None = None
    extension_count: int | None = None
    holidays_skipped: tuple[Holiday, ...] = ()
    beyond_data: bool = False
    beyond_data_message: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def latest(self) -> date:
        """The latest date an authority could argue for: chase only after this."""
        return max(d for d in (self.due, self.code_due, self.rolled_due) if d is not None)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values: ISO dates, holiday dates as a list, details alongside."""

        def iso(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "regime": self.regime,
            "calendar": self.calendar,
            "received": iso(self.received),
            "clarified": iso(self.clarified),
            "start": iso(self.start),
            "count": self.count,
            "unit": self.unit,
            "extended": self.extended,
            "due": iso(self.due),
            "code_due": iso(self.code_due),
            "rolled_due": iso(self.rolled_due),
            "extension_due": iso(self.extension_due),
            "extension_count": self.extension_count,
            "holidays_skipped": [h.date.isoformat() for h in self.holidays_skipped],
            "holidays": [h.to_dict() for h in self.holidays_skipped],
            "beyond_data": self.beyond_data,
            "beyond_data_message": self.beyond_data_message,
            "notes": list(self.notes),
        }


# --- data: the trusted window and the names ------------------------------------------------------


@lru_cache(maxsize=1)
def _settings() -> dict[str, Any]:
    import yaml

    raw = yaml.safe_load((DATA_DIR / "holidays.yaml").read_text(encoding="utf-8"))
    return {
        "package_version": str(raw["package_version"]),
        "trusted_from": raw["trusted_from"],
        "trusted_through": raw["trusted_through"],
        "names": dict(raw.get("names") or {}),
    }


def _nice_name(raw: str) -> str:
    """The package's name as gov.uk writes it ("Saint Andrew's Day" -> "St Andrew's Day")."""
    names = _settings()["names"]
    parts = []
    for part in raw.split("; "):
        suffix = ""
        if part.endswith(" (observed)"):
            part, suffix = part[: -len(" (observed)")], " (substitute day)"
        parts.append(names.get(part, part) + suffix)
    return " and ".join(parts)


def _good_friday(year: int) -> date:
    from dateutil.easter import easter  # a dependency of `holidays`

    return easter(year) - timedelta(days=2)


# --- holidays, by year ---------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _package_year(year: int) -> Mapping[date, Mapping[str, str]]:
    """For one year: each bank-holiday date and, for each part of the UK observing it, its name.

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
    return MappingProxyType({day: MappingProxyType(parts) for day, parts in table.items()})


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
    parts = _parts(calendar)
    return [h for h in _year(year, overrides).values() if h.region_ids & parts]


def _parts(calendar: str) -> frozenset[str]:
    try:
        return CALENDARS[calendar]
    except KeyError:
        raise UsageProblem(
            f"unknown calendar '{calendar}': use one of {', '.join(CALENDARS)}"
        ) from None


# --- working days --------------------------------------------------------------------------------


def is_working_day(
    day: date, calendar: str = "uk", overrides: HolidayOverrides | None = None
) -> bool:
    """True unless the day is a weekend or a bank holiday in a part of the UK the calendar counts.

    Christmas Day and Good Friday are bank holidays in every part, so never working days.
    """
    if day.weekday() >= 5:
        return False
    holiday = holiday_on(day, overrides)
    return holiday is None or not (holiday.region_ids & _parts(calendar))


def next_working_day(
    day: date, calendar: str = "uk", overrides: HolidayOverrides | None = None
) -> date:
    """The day itself if it is a working day, else the first working day after it."""
    while not is_working_day(day, calendar, overrides):
        day += timedelta(days=1)
    return day


def add_working_days(
    start: date, n: int, calendar: str = "uk", overrides: HolidayOverrides | None = None
) -> date:
    """The nth working day after start; start itself is day 0 whatever kind of day it is."""
    if n < 0:
        raise FoiError(f"cannot count {n} working days: give a number of 0 or more")
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        if is_working_day(day, calendar, overrides):
            counted += 1
    return day


def holidays_skipped(
    after: date, through: date, calendar: str = "uk", overrides: HolidayOverrides | None = None
) -> tuple[Holiday, ...]:
    """The weekday bank holidays in (after, through] that are not working days on the calendar."""
    parts = _parts(calendar)
    found = []
    day = after + timedelta(days=1)
    while day <= through:
        if day.weekday() < 5:
            holiday = holiday_on(day, overrides)
            if holiday is not None and holiday.region_ids & parts:
                found.append(holiday)
        day += timedelta(days=1)
    return tuple(found)


# --- calendar months (subject access) ------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The corresponding date `months` later; the last day of that month where there is none."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    following = date(year + (month == 12), month % 12 + 1, 1)
    last = (following - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def add_weeks(day: date, weeks: int) -> date:
    """Calendar weeks, not rolled: a complaint window ends on the same weekday."""
    return day + timedelta(weeks=weeks)


# --- the deadline --------------------------------------------------------------------------------


def calendar_for(regime: Regime, calendar: str | None = None) -> str:
    """The regime's calendar, or a chosen one where the regime allows a choice (subject access)."""
    if calendar is None or calendar == regime.calendar:
        return regime.calendar
    _parts(calendar)
    if not regime.extra.get("calendar_choice"):
        raise UsageProblem(
            f"{regime.short} fixes its working days ({regime.calendar}): leave out --calendar, "
            "which is only for a subject access request"
        )
    return calendar


def response_due(
    received: date,
    regime: Regime,
    *,
    clarified: date | None = None,
    extended: bool = False,
    days: int | None = None,
    overrides: HolidayOverrides | None = None,
    calendar: str | None = None,
) -> Deadline:
    """The date a reply is due under a regime, with the holidays that moved it.

    clarified: the day a clarification (FOIA s.1(3) and equivalents) was received: the clock
    restarts.
    extended: the regime's extension (EIR/EISR reg 7, the ICO's 40-day norm for FOIA s.10(3), three
    months for subject access). days: the Nth working day instead of the regime's period.
    """
    cal = calendar_for(regime, calendar)
    if clarified is not None and clarified < received:
        raise FoiError(
            f"the clarification date {clarified.isoformat()} is before the date of receipt "
            f"{received.isoformat()}: check --clarified"
        )
    if days is not None and extended:
        raise UsageProblem("give --days or --extended, not both")
    if days is not None and days < 1:
        raise UsageProblem(f"--days {days}: give a number of working days of 1 or more")
    start = clarified or received
    if regime.unit == "working_days":
        deadline = _working_day_deadline(start, regime, cal, extended, days, overrides)
    elif regime.unit == "months":
        if days is not None:
            raise UsageProblem(
                f"{regime.short} counts calendar months, not working days: leave out --days"
            )
        deadline = _month_deadline(start, regime, cal, extended, overrides)
    else:
        raise DataError(
            f"regimes.yaml: {regime.id}: unknown unit '{regime.unit}': use working_days or months"
        )
    deadline = replace(deadline, regime=regime.id, received=received, clarified=clarified)
    return _with_data_check(deadline)


def _extension(regime: Regime, key: str) -> int | None:
    extension = regime.extension or {}
    value = extension.get(key)
    return int(value) if value is not None else None


def _working_day_deadline(
    start: date, regime: Regime, cal: str, extended: bool, days: int | None,
    overrides: HolidayOverrides | None,
) -> Deadline:
    extension_days = _extension(regime, "days")
    if extended and extension_days is None:
        raise FoiError(f"{regime.short} has no extension of time: leave out --extended")
    count = days or (extension_days if extended and extension_days else regime.period)
    due = add_working_days(start, count, cal, overrides)
    code_due = None
    if regime.extra.get("code_reading") and not is_working_day(start, cal, overrides):
        code_date = add_working_days(next_working_day(start, cal, overrides), count, cal, overrides)
        code_due = code_date if code_date > due else None
    show_extension = days is None and not extended and extension_days is not None
    return Deadline(
        regime=regime.id, calendar=cal, received=start, start=start, due=due, count=count,
        unit="working_days", extended=extended, code_due=code_due,
        extension_due=(
            add_working_days(start, extension_days, cal, overrides) if show_extension else None
        ),
        extension_count=extension_days if show_extension else None,
        holidays_skipped=holidays_skipped(start, due, cal, overrides),
    )


def _month_deadline(
    start: date, regime: Regime, cal: str, extended: bool, overrides: HolidayOverrides | None
) -> Deadline:
    extension_months = _extension(regime, "months")
    if extended and extension_months is None:
        raise FoiError(f"{regime.short} has no extension of time: leave out --extended")
    if extended and extension_months:
        # Three months from receipt, as reference table H counts it (not rolled forward); the next
        # working day is reported as what a controller may claim.
        due = add_months(start, extension_months)
        rolled = next_working_day(due, cal, overrides)
        return Deadline(
            regime=regime.id, calendar=cal, received=start, start=start, due=due,
            count=extension_months, unit="months", extended=True,
            rolled_due=rolled if rolled > due else None,
        )
    corresponding = add_months(start, regime.period)
    due = next_working_day(corresponding, cal, overrides)
    return Deadline(
        regime=regime.id, calendar=cal, received=start, start=start, due=due,
        count=regime.period, unit="months",
        extension_due=add_months(start, extension_months) if extension_months else None,
        extension_count=extension_months,
        holidays_skipped=holidays_skipped(corresponding - timedelta(days=1), due, cal, overrides),
    )


def _with_data_check(deadline: Deadline) -> Deadline:
    """Flag a deadline whose count ran outside the years the holiday data was checked for."""
    settings = _settings()
    first, last = settings["trusted_from"], settings["trusted_through"]
    latest = max(deadline.latest, deadline.extension_due or deadline.due)
    messages = []
    if latest > last:
        messages.append(
            f"bank holidays after {long_date(last)} are projected by rule (holidays "
            f"{settings['package_version']}), not announced: a new or moved bank holiday would "
            "change this date; add one with --holidays FILE"
        )
    if deadline.start < first:
        messages.append(
            f"bank holidays before {long_date(first)} come from the holidays package and were not "
            "checked for this tool: check the date against the bank holidays of the time"
        )
    notes = list(deadline.notes)
    installed = _installed_version()
    if installed != settings["package_version"]:
        notes.append(
            f"the holidays package is version {installed}, not {settings['package_version']} as "
            "pinned: reinstall foi to get the checked data"
        )
    return replace(
        deadline,
        beyond_data=bool(messages),
        beyond_data_message="; ".join(messages) if messages else None,
        notes=tuple(notes),
    )


@lru_cache(maxsize=1)
def _installed_version() -> str:
    import holidays

    return str(holidays.__version__)


# --- dates as people write them ------------------------------------------------------------------


# --- the user's overrides file -------------------------------------------------------------------

_REGION_ALIASES = {
    "england-and-wales": "england-and-wales", "england and wales": "england-and-wales",
    "england": "england-and-wales", "wales": "england-and-wales", "eng": "england-and-wales",
    "wls": "england-and-wales", "scotland": "scotland", "sct": "scotland",
    "northern-ireland": "northern-ireland", "northern ireland": "northern-ireland",
    "nir": "northern-ireland", "ni": "northern-ireland",
}


def _yaml_without_timestamps() -> Any:
    """A safe YAML loader that leaves dates as text, so a bad date is reported with its entry."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def load_overrides(path: str | Path) -> HolidayOverrides:
    """Read a --holidays file: days to add (a new proclamation) and days to remove.

    add: [{date: 2027-05-10, name: "...", regions: [scotland]}]   (regions default to all three)
    remove: [2027-01-04, {date: 2027-07-12, regions: [northern-ireland]}]
    """
    import yaml

    source = str(path)
    file = Path(path)
    if not file.is_file():
        raise DataError(f"{source}: no such file: check the --holidays path")
    try:
        raw = yaml.load(file.read_text(encoding="utf-8"), Loader=_yaml_without_timestamps())
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        where = f" (line {line + 1})" if line is not None else ""
        raise DataError(f"{source}: not valid YAML{where}: fix the syntax") from None
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

"""Programmes and services as data: when each ran, who holds its records, and whether taking part
could be required; and the name a provider traded under in a period.

A letter about the Work Programme dated 2026 must not ask about "the last financial year": the
programme took its last referrals in 2017. So the default period falls within the programme's life,
a period outside it is questioned, and a provider is named as it was called then (A4e until 2015,
PeoplePlus after). Facts and sources live in foi/data/programmes.yaml.

Public API:
    schemes() -> tuple[Scheme, ...]                 every programme or service in the data file
    mentioned(texts) -> list[Scheme]                the ones a request's answers name
    names_of(provider_id) -> tuple[TradingName, ...]
    name_in_period(provider_id, as_named, start, end) -> str
    life_of_provider_name(provider_id, as_named) -> Life | None
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

from foi.directory.entries import norm
from foi.support.errors import DataError
from foi.support.paths import DATA_DIR

MANDATORY = ("true", "false", "mixed")


@dataclass(frozen=True)
class Life:
    """The days something existed under one name: started, and ended (None while it still runs)."""

    started: date | None
    ended: date | None

    def covers(self, day: date) -> bool:
        return (self.started is None or day >= self.started) and (self.ended is None or day <= self.ended)


@dataclass(frozen=True)
class Scheme:
    """A programme or service a letter can name (the Work Programme, Universal Jobmatch)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    commissioned_by: str
    matter: str
    life: Life
    mandatory: str
    nations: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()
    notes: str = ""
    sources: tuple[str, ...] = ()
    also_held_by: tuple[str, ...] = ()

    @property
    def voluntary(self) -> bool:
        """Nobody could be made to take part, so there is nothing to sanction."""
        return self.mandatory == "false"


@dataclass(frozen=True)
class TradingName:
    """One name a provider traded under, and when."""

    name: str
    life: Life


def _day(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DataError(f"{where}: '{value}' is not a date: write YYYY-MM-DD") from None


def _scheme(raw: dict[str, Any], where: str) -> Scheme:
    mandatory = str(raw.get("mandatory")).lower()
    if mandatory not in MANDATORY:
        raise DataError(f"{where}: mandatory must be true, false or mixed")
    if not raw.get("matter"):
        raise DataError(f"{where}: matter must name a subject in foi/data/matters.yaml (reserved, devolved-scotland)")
    return Scheme(
        id=str(raw["id"]), name=str(raw["name"]), aliases=tuple(str(a) for a in raw.get("aliases") or ()),
        commissioned_by=str(raw["commissioned_by"]), matter=str(raw["matter"]),
        life=Life(_day(raw.get("started"), where), _day(raw.get("ended"), where)), mandatory=mandatory,
        nations=tuple(raw.get("nations") or ()), unverified=tuple(raw.get("unverified") or ()),
        notes=" ".join(str(raw.get("notes", "")).split()), sources=tuple(raw.get("sources") or ()),
        also_held_by=tuple(raw.get("also_held_by") or ()),
    )


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    from foi.support import yamlio

    raw = yamlio.read(DATA_DIR / "programmes.yaml")
    if not isinstance(raw, dict) or "programmes" not in raw:
        raise DataError("programmes.yaml: expected a mapping with a `programmes` list")
    return raw


@lru_cache(maxsize=1)
def schemes() -> tuple[Scheme, ...]:
    """Every programme or service in foi/data/programmes.yaml, in file order."""
    return tuple(_scheme(raw, f"programmes.yaml, '{raw.get('id')}'") for raw in _data()["programmes"])


@cache
def _pattern(alias: str) -> re.Pattern[str]:
    """Whole words, any case; a short all-capital alias (JETS, WHP) only in capitals, so "jets" is not JETS."""
    words = r"\s+".join(re.escape(word) for word in alias.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", 0 if alias.isupper() else re.IGNORECASE)


def find(scheme: Scheme, text: str) -> re.Match[str] | None:
    """Where the scheme's name or an alias first appears in the text, as whole words."""
    for alias in scheme.aliases:
        match = _pattern(alias).search(text)
        if match:
            return match
    return None


def mentioned(texts: Iterable[str]) -> list[Scheme]:
    """The schemes whose name or an alias appears, as whole words, in any of these texts."""
    joined = "\n".join(texts)
    return [scheme for scheme in schemes() if find(scheme, joined)]


def names_of(provider_id: str) -> tuple[TradingName, ...]:
    """The names a provider traded under, oldest first; empty when only one name is known."""
    raw = (_data().get("provider_names") or {}).get(provider_id) or ()
    where = f"programmes.yaml, provider_names '{provider_id}'"
    return tuple(
        TradingName(str(entry["name"]), Life(_day(entry.get("from"), where), _day(entry.get("until"), where)))
        for entry in raw
    )


def life_of_provider_name(provider_id: str, as_named: str | None) -> Life | None:
    """When the provider traded under the name the person used (A4e: until 2015), if that is known."""
    if not as_named:
        return None
    for trading in names_of(provider_id):
        if norm(trading.name) == norm(as_named):
            return trading.life
    return None


def name_in_period(provider_id: str, as_named: str, start: date, end: date) -> str:
    """How a letter about start..end names the provider: the name in use then, "A4e (now PeoplePlus)"
    when the period spans a change of name. A provider with one known name keeps the name given."""
    names = names_of(provider_id)
    if not names:
        return as_named
    used = [t.name for t in names if _overlaps(t.life, start, end)]
    if not used:
        return as_named
    if len(used) == 1:
        return used[0]
    return f"{used[0]} (now {used[-1]})"


def _overlaps(life: Life, start: date, end: date) -> bool:
    return (life.started is None or life.started <= end) and (life.ended is None or life.ended >= start)

"""The access regimes (FOIA, EIR, FOISA, EISR, subject access) as data from foi/data/regimes.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from foi.support.errors import FoiError
from foi.support.paths import DATA_DIR


@dataclass(frozen=True)
class Regulator:
    id: str
    name: str
    short: str
    email: str
    address: str
    web: str
    address_verified: bool = False


@dataclass(frozen=True)
class Regime:
    id: str
    short: str
    name: str
    heading: str
    kind: str
    calendar: str
    period: int
    unit: str
    period_words: str
    sections: dict[str, str | None]
    cost_limit: str
    regulator: Regulator
    complaint: dict[str, Any]
    extension: dict[str, Any] | None = None
    review: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def section(self, duty: str) -> str | None:
        """The provision for a duty under this regime, or None where the regime has none."""
        return self.sections.get(duty)

    @property
    def is_foi(self) -> bool:
        return self.kind == "foi"


_FIELDS = {"short", "name", "heading", "kind", "calendar", "period", "unit", "period_words",
           "sections", "cost_limit", "complaint", "extension", "review"}


@lru_cache(maxsize=1)
def _load() -> dict[str, Regime]:
    from foi.support import yamlio

    raw = yamlio.read(DATA_DIR / "regimes.yaml")
    regulators = {key: Regulator(id=key, **value) for key, value in raw["regulators"].items()}
    regimes = {}
    for key, value in raw["regimes"].items():
        known = {k: v for k, v in value.items() if k in _FIELDS}
        extra = {k: v for k, v in value.items() if k not in _FIELDS and k != "regulator"}
        regimes[key] = Regime(id=key, regulator=regulators[value["regulator"]], extra=extra, **known)
    return regimes


def get(regime_id: str) -> Regime:
    """The regime with this id (foia, eir, foisa, eisr, sar)."""
    regimes = _load()
    try:
        return regimes[regime_id.lower()]
    except KeyError:
        raise FoiError(
            f"unknown regime '{regime_id}': use one of {', '.join(regimes)}"
        ) from None


def ids() -> list[str]:
    """Every regime id, in the order of the data file."""
    return list(_load())


def environmental(regime_id: str) -> str:
    """The environmental regime that goes with an FOI regime (FOIA -> EIR, FOISA -> EISR)."""
    return {"foia": "eir", "foisa": "eisr"}.get(regime_id, regime_id)

"""The grounds of an internal review and the reply triggers that propose them, as data from
templates/followup/grounds.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from foi.support.errors import DataError, UsageProblem
from foi.support.paths import builtin_templates

FILE = "followup/grounds.yaml"


@dataclass(frozen=True)
class Ground:
    key: str
    title: str
    text: str  # Jinja source: the sentence(s) for the letter


@dataclass(frozen=True)
class Trigger:
    key: str
    sections: tuple[str, ...]  # regime duties (cost, vexatious ...) whose provision proposes it
    phrases: tuple[str, ...]
    grounds: tuple[str, ...]
    argument: str
    context: tuple[str, ...] = ()  # stems a sentence needs for the phrases to count (boilerplate)


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    from foi.support import yamlio

    path = builtin_templates() / FILE
    try:
        raw = yamlio.read(path)
    except OSError as err:
        raise DataError(f"{path}: cannot be read ({err})") from None
    return dict(raw)


def grounds() -> dict[str, Ground]:
    """Every ground, in the checklist's order."""
    return {key: Ground(key, value["title"], " ".join(str(value["text"]).split()))
            for key, value in _raw()["grounds"].items()}


def triggers() -> list[Trigger]:
    known = grounds()
    found = []
    for key, value in _raw()["triggers"].items():
        trigger = Trigger(key, tuple(value.get("sections") or ()),
                          tuple(p.lower() for p in value.get("phrases") or ()),
                          tuple(value["grounds"]), " ".join(str(value["argument"]).split()),
                          tuple(c.lower() for c in value.get("context") or ()))
        unknown = [g for g in trigger.grounds if g not in known]
        if unknown:
            raise DataError(f"{FILE}: trigger {key} names unknown grounds {', '.join(unknown)}")
        found.append(trigger)
    return found


def chosen(keys: list[str]) -> list[Ground]:
    """The grounds named by --ground, in the order given, each once; a usage error for a stranger."""
    known = grounds()
    picked: list[Ground] = []
    for key in keys:
        normal = key.strip().lower().replace("-", "_")
        if normal not in known:
            raise UsageProblem(f"--ground {key}: use one of {', '.join(k.replace('_', '-') for k in known)}")
        if known[normal] not in picked:
            picked.append(known[normal])
    return picked

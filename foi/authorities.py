"""The directory: public authorities, and providers that lead to the body that commissions them.

Providers are not public authorities: a request about one goes to the body that commissioned it
(DWP; in Northern Ireland the Department for Communities) and asks for what the provider holds on
that body's behalf.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from foi.errors import FoiError
from foi.paths import DATA_DIR


@dataclass(frozen=True)
class Authority:
    """A public authority that can be sent a request."""

    id: str
    name: str
    short: str
    regime: str
    nation: str = "uk"
    aliases: tuple[str, ...] = ()
    email: str | None = None
    address: tuple[str, ...] = ()
    verified: bool = False
    wdtk: str | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()
    article: str = ""

    @property
    def in_text(self) -> str:
        """The body's short name as it reads mid-sentence: "DWP", "the Scottish Government"."""
        return f"{self.article} {self.short}" if self.article else self.short

    @property
    def wdtk_url(self) -> str | None:
        return f"https://www.whatdotheyknow.com/new/{self.wdtk}" if self.wdtk else None


@dataclass(frozen=True)
class Provider:
    """A contractor: not a public authority; it holds information on a body's behalf."""

    id: str
    name: str
    commissioned_by: str
    former_names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    commissioned_by_ni: str | None = None
    notes: str = ""

    def label(self, as_named: str | None = None) -> str:
        """How a letter names the provider: as the user named it, with its current name if that differs."""
        if as_named and _norm(as_named) != _norm(self.name):
            return f"{as_named} (now {self.name})"
        return self.name


@dataclass(frozen=True)
class Target:
    """Where a request goes: the authority, and the provider it is about (if the user named one)."""

    authority: Authority
    provider: Provider | None = None
    provider_label: str | None = None


@dataclass(frozen=True)
class Directory:
    authorities: dict[str, Authority]
    providers: dict[str, Provider] = field(default_factory=dict)

    def names(self, entry: Authority | Provider) -> list[str]:
        extra = entry.former_names if isinstance(entry, Provider) else (entry.short,)
        return [entry.id, entry.name, *extra, *entry.aliases]


def _norm(text: str) -> str:
    """Fold case, punctuation and spacing so "Job Centre Plus" matches "jobcentre plus"."""
    return re.sub(r"[^a-z0-9]", "", text.lower().replace("&", "and"))


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _authority(raw: dict[str, Any]) -> Authority:
    data = dict(raw)
    for key in ("aliases", "address", "tags"):
        data[key] = _tuple(data.get(key))
    data.setdefault("short", data["name"])
    return Authority(**data)


def _provider(raw: dict[str, Any]) -> Provider:
    data = dict(raw)
    for key in ("aliases", "former_names"):
        data[key] = _tuple(data.get(key))
    return Provider(**data)


@lru_cache(maxsize=1)
def builtin() -> Directory:
    """The directory that ships with foi."""
    from foi import yamlio

    raw = yamlio.read(DATA_DIR / "authorities.yaml")
    authorities = {a["id"]: _authority(a) for a in raw["authorities"]}
    providers = {p["id"]: _provider(p) for p in raw.get("providers", [])}
    return Directory(authorities, providers)


def _match(directory: Directory, query: str) -> Authority | Provider | None:
    wanted = _norm(query)
    for entry in (*directory.authorities.values(), *directory.providers.values()):
        if any(_norm(name) == wanted for name in directory.names(entry)):
            return entry
    return None


def resolve(query: str, directory: Directory | None = None, nation: str | None = None) -> Target:
    """The body a request should go to, from an id, name or alias (a provider leads to its commissioner)."""
    directory = directory or builtin()
    entry = _match(directory, query)
    if entry is None:
        raise FoiError(
            f"no authority or provider called '{query}' in the directory: "
            "run `foi authorities` to search it, or give --authorities FILE"
        )
    if isinstance(entry, Authority):
        return Target(entry)
    commissioner = entry.commissioned_by_ni if nation == "ni" and entry.commissioned_by_ni else entry.commissioned_by
    return Target(directory.authorities[commissioner], entry, entry.label(query if query != entry.id else _former(entry)))


def _former(provider: Provider) -> str | None:
    """Named by id: use the name the id stands for (a4e -> A4e) where it is a former name."""
    for name in provider.former_names:
        if _norm(name) == _norm(provider.id):
            return name
    return None

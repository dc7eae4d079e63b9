"""The directory's entries: public authorities, the providers they commission, and the directory itself.

Plain frozen dataclasses, read from foi/data/authorities.yaml or a WhatDoTheyKnow CSV; nothing here searches or loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

NATIONS = ("uk", "england", "wales", "scotland", "ni")


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
    # Fields (email, address, wdtk, regime) whose value was kept but could not be confirmed.
    unverified: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    home_page: str | None = None
    # How the regime was decided: "data" for the built-in file, else what a user file said.
    regime_basis: str = "data"
    # Where the entry came from: "builtin" or the path of a user's directory file.
    origin: str = "builtin"
    # "the" where the short name needs it mid-sentence ("on the Scottish Government's behalf").
    article: str = ""
    # The body's own postal route for subject access requests, where it has one (DWP's right of
    # access team); a subject access letter is addressed there, not to the FOI team.
    sar_address: tuple[str, ...] = ()
    # Local authorities (from mySociety's list): the kind as gov.uk names it ("London borough",
    # "County", "Scottish unitary authority"), the region, the GSS code, the dates it existed, and the
    # ids of the bodies that took over its work when it was abolished.
    kind: str = ""
    region: str = ""
    gss: str = ""
    started: date | None = None
    ended: date | None = None
    successors: tuple[str, ...] = ()

    def exists_on(self, day: date) -> bool:
        """False for a council abolished on or before the day, or one that does not exist yet."""
        return (self.ended is None or day < self.ended) and (self.started is None or day >= self.started)

    @property
    def in_text(self) -> str:
        """The body's short name as it reads mid-sentence: "DWP", "the Scottish Government"."""
        return f"{self.article} {self.short}" if self.article else self.short

    @property
    def wdtk_url(self) -> str | None:
        return f"https://www.whatdotheyknow.com/new/{self.wdtk}" if self.wdtk else None


@dataclass(frozen=True)
class Programme:
    """A contract a provider held, and the body that commissioned it (the body to ask about it)."""

    name: str
    commissioned_by: str
    area: str = ""
    period: str = ""


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
    programmes: tuple[Programme, ...] = ()
    sources: tuple[str, ...] = ()

    def label(self, as_named: str | None = None) -> str:
        """How a letter names the provider: as the user named it, with its current name if that differs."""
        if as_named and norm(as_named) != norm(self.name):
            return f"{as_named} (now {self.name})"
        return self.name


Entry = Authority | Provider


@dataclass(frozen=True)
class Target:
    """Where a request goes: the authority, and the provider it is about (if the user named one)."""

    authority: Authority
    provider: Provider | None = None
    provider_label: str | None = None
    # Said to the person when the body asked for is not the one written to (an abolished council).
    note: str = ""


@dataclass(frozen=True)
class Directory:
    authorities: dict[str, Authority]
    providers: dict[str, Provider] = field(default_factory=dict)

    def names(self, entry: Entry) -> list[str]:
        """Every name an entry can be found by: id, name, short or former names, aliases, WDTK URL name."""
        if isinstance(entry, Provider):
            return [entry.id, entry.name, *entry.former_names, *entry.aliases]
        extra = [entry.wdtk] if entry.wdtk else []
        return [entry.id, entry.name, entry.short, *entry.aliases, *extra]

    def entries(self) -> list[Entry]:
        """Authorities first, then providers, each in file order."""
        return [*self.authorities.values(), *self.providers.values()]

    def get(self, entry_id: str) -> Entry | None:
        return self.authorities.get(entry_id) or self.providers.get(entry_id)

    @cached_property
    def by_name(self) -> dict[str, Entry]:
        """Every folded name (see `names`) to the first entry that has it, authorities first: built once per
        directory, so finding a body by name does not fold every name of every body each time."""
        index: dict[str, Entry] = {}
        for entry in self.entries():
            for name in self.names(entry):
                index.setdefault(norm(name), entry)
        return index


_NOT_LETTER_OR_DIGIT = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=65536)  # building the directory folds each of some 5,000 names several times
def norm(text: str) -> str:
    """Fold case, punctuation and spacing so "Job Centre Plus" matches "jobcentre plus"."""
    return _NOT_LETTER_OR_DIGIT.sub("", text.lower().replace("&", "and"))

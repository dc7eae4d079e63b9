"""Which body holds which kind of information: reserved matters (DWP; in Northern Ireland the
Department for Communities) and Scotland's devolved ones (the Scottish Government and other Scottish
bodies).

A Glasgow claimant who asks the Scottish Government for Jobcentre sanction figures gets "not held"
(FOISA s.17) twenty working days later. This module says so before the letter is sent: `foi new`
redirects the request (or warns, where the person insists), and `foi check --authority` flags a
letter already written. The words and bodies are data: foi/data/matters.yaml, with its sources.

Public API (the checker's "wrong body" rule reads these):
    matter_of(texts, fixed=None, provider=None) -> Matter | None
        what a request is about: a scenario's fixed matter, else the programmes it names, else its words
    wrong_body(authority, matter, nation=None) -> WrongBody | None
        None when the body holds the matter; else why not, and the directory id of the body that does
    judge(text, authority, nation=None) -> WrongBody | None
        both at once, for any letter's text (what `foi check --authority` uses)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from foi.directory import programmes
from foi.directory.entries import Authority, Provider
from foi.support.errors import DataError
from foi.support.paths import DATA_DIR


@dataclass(frozen=True)
class Matter:
    """A kind of information and the bodies that hold it."""

    id: str
    summary: str
    words: tuple[str, ...]
    held_by: dict[str, str]
    not_held_by_regimes: tuple[str, ...] = ()
    held_only_by_regimes: tuple[str, ...] = ()
    label: str = ""
    also_held_by_tags: tuple[str, ...] = ()
    """Directory tags of bodies that hold their own records of it (councils that delivered it)."""
    because: str = ""
    """What showed the request is about this matter (a programme's name, a word), for messages."""

    def holder(self, nation: str | None) -> str:
        """The directory id of the body that holds the matter for a requester in this nation."""
        return self.held_by.get(nation or "default") or self.held_by["default"]


@dataclass(frozen=True)
class WrongBody:
    """A request sent to a body that does not hold its subject."""

    message: str
    right_body: str


@lru_cache(maxsize=1)
def all_matters() -> dict[str, Matter]:
    """Every matter in foi/data/matters.yaml, by id."""
    from foi.support import yamlio

    raw = yamlio.read(DATA_DIR / "matters.yaml")
    try:
        return {key: _matter(key, value) for key, value in raw["matters"].items()}
    except (KeyError, TypeError) as err:
        raise DataError(f"matters.yaml: malformed entry ({err})") from None


def _matter(key: str, raw: dict[str, Any]) -> Matter:
    return Matter(
        id=key, summary=" ".join(str(raw["summary"]).split()), words=tuple(raw.get("words") or ()),
        held_by={str(k): str(v) for k, v in raw["held_by"].items()}, label=str(raw["label"]),
        not_held_by_regimes=tuple(raw.get("not_held_by_regimes") or ()),
        held_only_by_regimes=tuple(raw.get("held_only_by_regimes") or ()),
    )


def _for_scheme(scheme: programmes.Scheme) -> str:
    return "reserved" if scheme.matter == "reserved" else "devolved-scotland"


def matter_of(texts: Iterable[str], fixed: str | None = None, provider: Provider | None = None) -> Matter | None:
    """What a request is about, or None when that cannot be told.

    A scenario that is always about one matter (sanctions: reserved) says so; otherwise the programmes
    it names decide (all of one matter), then the words it uses; a provider that worked only for DWP
    makes it a DWP matter.
    """
    known = all_matters()
    texts = [t for t in texts if t]
    if fixed in known:
        return _because(known[fixed], "")
    found = programmes.mentioned(texts)
    kinds = {_for_scheme(s) for s in found}
    if len(kinds) == 1:
        tags = set.intersection(*(set(s.also_held_by) for s in found))
        return _because(known[kinds.pop()], found[0].name, tuple(sorted(tags)))
    if kinds:
        return None
    by_words = [(m, w) for m in known.values() for w in m.words if _says(texts, w)]
    if {m.id for m, _ in by_words} and len({m.id for m, _ in by_words}) == 1:
        return _because(by_words[0][0], f'"{by_words[0][1]}"')
    if provider is not None and _only_dwp(provider):
        return _because(known["reserved"], f"{provider.name}'s work for DWP")
    return None


def _because(matter: Matter, reason: str, tags: tuple[str, ...] = ()) -> Matter:
    from dataclasses import replace

    return replace(matter, because=reason, also_held_by_tags=tags)


def _says(texts: list[str], phrase: str) -> bool:
    words = r"\s+".join(re.escape(w) for w in phrase.split())
    flags = 0 if phrase.isupper() else re.IGNORECASE
    return any(re.search(rf"(?<![\w-]){words}(?![\w-])", text, flags) for text in texts)


def _only_dwp(provider: Provider) -> bool:
    bodies = {provider.commissioned_by, *(p.commissioned_by for p in provider.programmes)}
    return bodies <= {"dwp", "dfc"}


def wrong_body(authority: Authority, matter: Matter | None, nation: str | None = None) -> WrongBody | None:
    """Why this body does not hold the matter, and which body does; None when it may well hold it."""
    if matter is None or set(matter.also_held_by_tags) & set(authority.tags):
        return None
    if authority.regime in matter.not_held_by_regimes:
        return _wrong(authority, matter, nation)
    if matter.held_only_by_regimes and authority.regime not in matter.held_only_by_regimes:
        return _wrong(authority, matter, nation)
    if matter.id == "reserved" and nation == "ni" and authority.id == "dwp":
        return _wrong(authority, matter, nation)
    return None


def _wrong(authority: Authority, matter: Matter, nation: str | None) -> WrongBody:
    from foi.directory import authorities

    right = matter.holder(nation)
    body = authorities.builtin().authorities.get(right)
    holder = body.in_text if body else right
    subject = matter.because or "this subject"
    asked = authority.in_text
    return WrongBody(
        f"{asked[:1].upper()}{asked[1:]} does not hold information about {matter.summary}: {subject} is "
        f"{matter.label}, held by {holder}, and a request to {asked} would come back as not held",
        right,
    )


def judge(text: str, authority: Authority, nation: str | None = None) -> WrongBody | None:
    """Whether a letter's text asks a body for information it does not hold (for `foi check`)."""
    return wrong_body(authority, matter_of([text]), nation)

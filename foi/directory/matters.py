"""Which body holds which subject: the one table (foi/data/matters.yaml, with its sources) and the one
reader of it, for `foi new` and for the checker's law/wrong-body rule alike.

A Glasgow claimant who asks the Scottish Government for Jobcentre sanction figures gets "not held"
(FOISA s.17) twenty working days later; Universal Credit asked of the Cabinet Office comes back the
same way. `foi new` redirects such a request to the body that holds the subject (or warns, where the
person insists), and `foi check --authority` flags a letter already written. Both read this module,
so a letter the wizard writes and the checker passes agree on who holds what.

A sentence's subject is decided by the programmes it names (foi/data/programmes.yaml), else by the
subject's terms, unless the sentence names one of the recipient's own schemes. A request about the
recipient's own dealings with DWP ("correspondence between the Scottish Government and DWP") is fine.

Public API:
    all_matters() -> dict[str, Matter]              the table, by id
    matter_of(texts, fixed=None, provider=None)     what an intake request is about (one Matter or None)
    wrong_body(authority, matter, nation=None)      None when the body holds it; else a WrongBody
    judge_sentences(sentences, authority, nation=None, whole="")   the first sentence asked of the wrong body
    judge(text, authority, nation=None)             the same for any letter's text
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from foi.directory import programmes
from foi.directory.entries import Authority, Provider
from foi.support.errors import DataError
from foi.support.paths import DATA_DIR

# "between the Scottish Government and the DWP", "our agreements with DWP": the recipient's own dealings.
_DWP = r"(?:DWP|Department\s+(?:for|of)\s+Work\s+and\s+Pensions|UK\s+Government|Jobcentre\s+Plus)"
_DEALINGS = re.compile(
    rf"\bbetween\b[^.?]{{0,120}}?\b{_DWP}|\b{_DWP}\b[^.?]{{0,80}}?\band\s+(?:the\s+)?(?:Scottish|Welsh|council)"
    rf"|\bwith\s+(?:the\s+)?{_DWP}|\bagency\s+agreements?\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.?!\n]+[.?!]?")


@dataclass(frozen=True)
class Matter:
    """A subject and the bodies that hold it."""

    id: str
    label: str
    what: str
    held_by: dict[str, str]
    holders: tuple[str, ...] = ()
    held_by_tags: tuple[str, ...] = ()
    held_by_regimes: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    because: str = ""
    """What showed the request is about this subject (a programme's name, a term), for messages."""

    def holder(self, nation: str | None) -> str | None:
        """The directory id of the body that holds it for a requester in this nation (None: the council)."""
        return self.held_by.get(nation or "default") or self.held_by.get("default")

    def holds(self, authority: Authority) -> bool:
        """Whether this body holds the subject, in its own right or as one of the bodies that hold some."""
        return (authority.id in self.holders or bool(set(authority.tags) & set(self.held_by_tags))
                or authority.regime in self.held_by_regimes)


@dataclass(frozen=True)
class Hit:
    """Where a text shows its subject: the matter, the words that show it, and their span."""

    matter: Matter
    words: str
    start: int
    end: int
    programme: bool = False
    """Shown by a programme's name, which decides before any term."""


@dataclass(frozen=True)
class WrongBody:
    """A request sent to a body that does not hold its subject."""

    message: str
    right_body: str | None
    """Directory id of the body that holds it; None where each local council does."""
    matter: Matter
    words: str = ""
    start: int = 0
    end: int = 0


@lru_cache(maxsize=1)
def all_matters() -> dict[str, Matter]:
    """Every subject in foi/data/matters.yaml, by id, in file order."""
    from foi.support import yamlio

    raw = yamlio.read(DATA_DIR / "matters.yaml")
    try:
        return {str(key): _matter(str(key), value) for key, value in raw["matters"].items()}
    except (KeyError, TypeError, AttributeError) as err:
        raise DataError(f"matters.yaml: malformed entry ({err}): see the field list at the top of the file") from None


def _matter(key: str, raw: dict[str, Any]) -> Matter:
    def strings(field: str) -> tuple[str, ...]:
        return tuple(str(x) for x in raw.get(field) or ())

    return Matter(
        id=key, label=str(raw["label"]), what=" ".join(str(raw["what"]).split()),
        held_by={str(k): str(v) for k, v in (raw.get("held_by") or {}).items()},
        holders=strings("holders"), held_by_tags=strings("held_by_tags"), held_by_regimes=strings("held_by_regimes"),
        terms=strings("terms"), unless=strings("unless"), sources=strings("sources"),
    )


@cache
def _compile(fragments: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-blind whole-word pattern for a list of fragments, or None for an empty list."""
    if not fragments:
        return None
    try:
        return re.compile(r"\b(?:" + "|".join(f"(?:{f})" for f in fragments) + r")\b", re.IGNORECASE)
    except re.error as err:
        raise DataError(f"matters.yaml: a term is not a valid regular expression ({err})") from None


def _of_scheme(scheme: programmes.Scheme) -> Matter:
    """The subject a programme belongs to, held also by the bodies that delivered it (councils)."""
    matter = all_matters().get(scheme.matter)
    if matter is None:
        raise DataError(f"programmes.yaml, '{scheme.id}': matter '{scheme.matter}' is not in matters.yaml")
    return replace(matter, because=scheme.name, held_by_tags=(*matter.held_by_tags, *scheme.also_held_by))


def hits(text: str) -> list[Hit]:
    """What one sentence or answer is about: the programmes it names, else each subject's first term
    (unless the sentence names one of the recipient's own schemes, which makes the term context)."""
    named = [(scheme, match) for scheme in programmes.schemes() if (match := programmes.find(scheme, text))]
    if named:
        return [Hit(_of_scheme(scheme), m.group(), m.start(), m.end(), programme=True) for scheme, m in named]
    found = []
    for matter in all_matters().values():
        pattern, own = _compile(matter.terms), _compile(matter.unless)
        match = pattern.search(text) if pattern else None
        if match and not (own and own.search(text)):
            found.append(Hit(replace(matter, because=f'"{match.group()}"'), match.group(), match.start(), match.end()))
    return found


def matter_of(texts: Iterable[str], fixed: str | None = None, provider: Provider | None = None) -> Matter | None:
    """What an intake request is about, or None when that cannot be told.

    A scenario that is always about one subject (sanctions: reserved) says so; otherwise the programmes
    its answers name decide (all of one subject, held also by whoever delivered all of them), then the
    terms (all held by one body); a provider that worked only for DWP makes it a DWP matter.
    """
    known = all_matters()
    if fixed in known:
        return known[fixed]
    found = [hit for text in texts if text for hit in hits(text)]
    schemes = [h for h in found if h.programme]
    chosen = _one(schemes) if schemes else _one(found)
    if chosen is None and not found and provider is not None and _only_dwp(provider):
        return replace(known["reserved"], because=f"{provider.name}'s work for DWP")
    return chosen


def _one(found: list[Hit]) -> Matter | None:
    """The subject all these hits agree on (same subject, or one holder), with the tags all share."""
    if not found or len({h.matter.holder(None) for h in found}) != 1:
        return None
    if len({h.matter.id for h in found}) > 1:
        return found[0].matter
    tags = set.intersection(*(set(h.matter.held_by_tags) for h in found))
    return replace(found[0].matter, held_by_tags=tuple(t for t in found[0].matter.held_by_tags if t in tags))


def _only_dwp(provider: Provider) -> bool:
    bodies = {provider.commissioned_by, *(p.commissioned_by for p in provider.programmes)}
    return bodies <= {"dwp", "dfc"}


def wrong_body(authority: Authority, matter: Matter | None, nation: str | None = None) -> WrongBody | None:
    """Why this body does not hold the subject, and which body does; None when it may well hold it.

    In Northern Ireland social security is a transferred matter: for a requester known to be there,
    DWP is the wrong body (and the Department for Communities is for one known to be in Great Britain).
    """
    if matter is None:
        return None
    right = matter.holder(nation)
    elsewhere = nation is not None and authority.id in matter.held_by.values() and authority.id != right
    if matter.holds(authority) and not elsewhere:
        return None
    return WrongBody(_message(authority, matter, right), right, matter)


def _message(authority: Authority, matter: Matter, right: str | None) -> str:
    from foi.directory import authorities

    body = authorities.builtin().authorities.get(right or "")
    holder = body.in_text if body else "the local council"
    asked = authority.in_text
    return (f"{asked[:1].upper()}{asked[1:]} does not hold information about {matter.what}: "
            f"{matter.because or 'this subject'} is {matter.label}, held by {holder}, "
            f"and a request to {asked} would come back as not held")


def judge_sentences(sentences: Iterable[tuple[int, str]], authority: Authority, nation: str | None = None,
                    whole: str = "") -> WrongBody | None:
    """The first (offset, sentence) that asks this body about a subject it does not hold, with the
    span of the words that show it; None when none does, or the request is about the body's own
    dealings with DWP (`whole`: the request's full text)."""
    if _DEALINGS.search(whole):
        return None
    for offset, text in sentences:
        for hit in hits(text):
            problem = wrong_body(authority, hit.matter, nation)
            if problem is not None:
                return replace(problem, words=hit.words, start=offset + hit.start, end=offset + hit.end)
    return None


def judge(text: str, authority: Authority, nation: str | None = None) -> WrongBody | None:
    """Whether a letter's text asks a body for information it does not hold, sentence by sentence."""
    sentences = ((m.start(), m.group()) for m in _SENTENCE.finditer(text))
    return judge_sentences(sentences, authority, nation, whole=text)

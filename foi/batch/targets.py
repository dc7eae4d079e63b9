"""One request to many bodies: the targets of `--to` and `--authorities FILE --tag TAG`.

`--to` takes, separated by commas or repeated:
* a body by id, name or alias: `--to dwp,hmrc`;
* every current council of a kind, optionally in one nation or region: `council` (every council),
  `council:scotland`, `london-borough`, `county-council`, `unitary-authority:wales`,
  `metropolitan-district:north-west`. A kind is the type gov.uk gives it (see KIND_NAMES), written with
  hyphens; "-council" and a plural "s" may be added. A place is a nation (england, wales, scotland,
  northern-ireland) or an English region (london, south-east, ...).
`--tag TAG` (repeatable) takes every body in the WhatDoTheyKnow file given with --authorities that has
any of the tags, as WhatDoTheyKnow's own batch requests do.

Each body keeps its own law: a Scottish council gets a FOISA letter, the rest FOIA.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from foi.directory import authorities
from foi.directory.entries import Authority, Directory, Provider, norm
from foi.support.errors import UsageProblem

# Local authorities that are not councils: "every council" leaves them out (name them by kind to include them).
NOT_COUNCILS = ("Combined authority", "Strategic Regional Authority")
# WhatDoTheyKnow refuses batch requests to more than this many bodies (the figure comes from the batch issue,
# not from WhatDoTheyKnow's own pages: unverified). Above it foi warns; the letters are still written.
WDTK_BATCH_LIMIT = 500
_PLACES = {"northernireland": "ni", "ni": "ni", "england": "england", "wales": "wales", "scotland": "scotland"}


def kinds(directory: Directory) -> dict[str, str]:
    """Every kind of local authority in the directory, by its folded spelling."""
    return {norm(a.kind): a.kind for a in directory.authorities.values() if a.kind}


def _kind(word: str, directory: Directory) -> str | None:
    """The kind a word names ("county-council" -> "County"), "council" for every council, or None."""
    folded = norm(word)
    known = kinds(directory)
    stem = folded.removesuffix("s")
    for candidate in (folded, stem, stem.removesuffix("council")):
        if candidate in known:
            return known[candidate]
    return "council" if stem == "council" else None


def _in_place(body: Authority, place: str) -> bool:
    folded = norm(place)
    return _PLACES.get(folded) == body.nation or folded == norm(body.region)


def _places(directory: Directory) -> list[str]:
    regions = sorted({a.region for a in directory.authorities.values() if a.region})
    return ["england", "wales", "scotland", "northern-ireland", *(r.lower().replace(" ", "-") for r in regions)]


def by_kind(kind: str, place: str | None, directory: Directory, on: date) -> list[Authority]:
    """Every current council of a kind (or every council), in a nation or region if one is given."""
    if place is not None and not any(_in_place(a, place) for a in directory.authorities.values()):
        raise UsageProblem(f"--to {kind}:{place}: no nation or region '{place}': use one of {', '.join(_places(directory))}")
    found = []
    for body in directory.authorities.values():
        if not body.kind or not body.exists_on(on):
            continue
        if (body.kind in NOT_COUNCILS) if kind == "council" else body.kind != kind:
            continue
        if place is None or _in_place(body, place):
            found.append(body)
    return found


def _named(word: str, directory: Directory, on: date) -> Authority:
    entry = authorities.find(word, directory)
    if isinstance(entry, Provider):
        body = authorities.commissioner(entry, directory)
        raise UsageProblem(f"--to {word}: {entry.name} is a provider, not a public authority: write to {body.id}")
    return authorities.resolve(entry.id, directory, on=on).authority


def _spec(part: str, directory: Directory, on: date) -> list[Authority]:
    kind_word, _, place = part.partition(":")
    kind = _kind(kind_word, directory)
    if kind is not None:
        return by_kind(kind, place.strip() or None, directory, on)
    if place:
        names = ", ".join(sorted({k.lower().replace(" ", "-") for k in kinds(directory).values()}))
        raise UsageProblem(f"--to {part}: '{kind_word}' is not a kind of council: use council or one of {names}")
    return [_named(part, directory, on)]


def tagged(path: Path, tags: Iterable[str], directory: Directory) -> list[Authority]:
    """The bodies in a WhatDoTheyKnow file with any of the tags, as they are in the merged directory."""
    wanted = {t.strip().lower() for t in tags}
    own = authorities.load_wdtk_csv(path)
    by_wdtk = {a.wdtk: a for a in directory.authorities.values() if a.wdtk}
    found = [by_wdtk.get(a.wdtk or "") or directory.authorities[a.id]
             for a in own.authorities.values() if wanted & set(a.tags)]
    if not found:
        raise UsageProblem(f"--tag {', '.join(sorted(wanted))}: no body in {path} has that tag: check the Tags column")
    return found


def resolve(to: list[str], tags: list[str], directory: Directory, authorities_file: Path | None,
            on: date) -> list[Authority] | None:
    """The bodies to write to, each once in the order given; None when neither --to nor --tag was given."""
    if not to and not tags:
        return None
    if tags and authorities_file is None:
        raise UsageProblem("--tag picks bodies from a WhatDoTheyKnow file: give it with --authorities FILE")
    found: list[Authority] = []
    for spec in to:
        for part in (p.strip() for p in spec.split(",")):
            if part:
                found += _spec(part, directory, on)
    if tags and authorities_file is not None:
        found += tagged(authorities_file, tags, directory)
    unique = list({body.id: body for body in found}.values())
    if not unique:
        raise UsageProblem(f"--to {' '.join(to)}: no current body matches")
    return unique

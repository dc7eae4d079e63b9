"""Every UK local authority, current and abolished, from mySociety's list (foi/data/uk_local_authorities.csv, MIT).

Each row becomes an Authority: FOISA for a Scottish council, FOIA for the rest; its WhatDoTheyKnow URL name; the
names people call it ("Hackney Council", "London Borough of Hackney", "hackney"); and, for an abolished council, the
ids of its successors. The list has no email or postal addresses, and none are made up here: its gov.uk page (which
links to the council's own website) is the place a person is sent to find the FOI address.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

from foi.directory.entries import Authority
from foi.support.errors import DataError

SOURCE = (
    "mySociety, UK Local Authority Names and Codes (uk_local_authorities_future.csv, commit 67ef8b1, "
    "2025-07-10), MIT licence: foi/data/uk_local_authorities.LICENSE"
)
_NATIONS = {"England": "england", "Wales": "wales", "Scotland": "scotland", "Northern Ireland": "ni"}
# Names that read with "the" mid-sentence: "on the London Borough of Hackney's behalf".
_THE = re.compile(r"^(London Borough|Royal Borough|Borough|City|Council|Corporation|Metropolitan Borough) of ")


def slug(name: str) -> str:
    """An id from a name: lower case, words joined by hyphens ("London Borough of Hackney" -> london-borough-of-hackney)."""
    return _NOT_LETTERS_OR_DIGITS.sub("-", name.lower().replace("&", " and ")).strip("-")


_NOT_LETTERS_OR_DIGITS = re.compile(r"[^a-z0-9]+")


def _split_names(text: str, whole: tuple[str, ...]) -> list[str]:
    """alt-names joined by commas, where a name itself may hold one ("Armagh City, Banbridge and Craigavon")."""
    pieces = [p.strip() for p in text.split(",")]
    wanted = {w.lower(): w.count(",") for w in whole if "," in w}
    names, i = [], 0
    while i < len(pieces):
        for name, commas in wanted.items():
            if ", ".join(pieces[i:i + commas + 1]).lower() == name:
                names.append(", ".join(pieces[i:i + commas + 1]))
                i += commas + 1
                break
        else:
            names.append(pieces[i])
            i += 1
    return names


def _aliases(row: dict[str, str]) -> tuple[str, ...]:
    """Every name the list gives, whole, and "<short name> Council", each once whatever its case."""
    official, nice = row["official-name"], row["nice-name"]
    names = [nice, f"{nice} Council", *_split_names(row["alt-names"], (official, nice))]
    seen = {official.lower()}
    out = []
    for name in names:
        if name and name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return tuple(out)


def _date(text: str, path: Path, row: int, column: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DataError(f"{path.name}: row {row}, column {column}: '{text}' is not a date (YYYY-MM-DD)") from None


def _authority(row: dict[str, str], ids: dict[str, str], path: Path, number: int) -> Authority:
    name = row["official-name"]
    nation = _NATIONS.get(row["nation"])
    if nation is None:
        raise DataError(f"{path.name}: row {number}, column nation: unknown nation '{row['nation']}'")
    kind = row["local-authority-type-name"]
    slug_of_kind = slug(kind).replace("-", "_")
    return Authority(
        id=ids[row["local-authority-code"]],
        name=name,
        short=name,
        article="the" if _THE.match(name) else "",
        regime="foisa" if nation == "scotland" else "foia",
        nation=nation,
        aliases=_aliases(row),
        wdtk=row["wdtk-url-name"] or None,
        tags=("council", "local_authority", nation, slug_of_kind),
        sources=(SOURCE,),
        home_page=f"https://www.gov.uk/find-local-council/{row['gov-uk-slug']}" if row["gov-uk-slug"] else None,
        kind=kind,
        region=row["region"],
        gss=row["gss-code"],
        started=_date(row["start-date"], path, number, "start-date"),
        ended=_date(row["end-date"], path, number, "end-date"),
        successors=tuple(ids[c] for c in row["replaced-by"].split(",") if c in ids),
    )


def read(path: Path) -> list[Authority]:
    """The councils in mySociety's CSV layout, in file order."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ids = {row["local-authority-code"]: slug(row["official-name"]) for row in rows}
    return [_authority(row, ids, path, number) for number, row in enumerate(rows, start=2)]

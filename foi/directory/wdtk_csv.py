"""Read a user's directory in WhatDoTheyKnow's all-authorities.csv layout.

WhatDoTheyKnow publishes its bodies as all-authorities.csv with the columns
`Internal ID,Name,Short name,URL name,Tags,Home page,Publication scheme,Disclosure log,Notes,
Created at,Updated at,Version` and no email addresses. Advice workers download it, trim it in a
spreadsheet and save it again, so this reader takes it as Excel or WhatDoTheyKnow ship it:

* UTF-8 with or without a byte-order mark; a file that is not UTF-8 is read as Windows-1252 (what
  Excel's plain "CSV" format writes).
* Header names matched without regard to case or spacing; only `Name` and `URL name` are required,
  columns this reader does not know are ignored, and blank rows are skipped.
* Optional extra columns: `Request email` (where to send requests), `Regime` (foia, foisa, eir or
  eisr: overrides the inferred regime) and `Nation` (uk, england, wales, scotland, ni).
* The id of each body is its URL name in kebab case (`scottish_government` -> `scottish-government`).

How the regime is inferred (WhatDoTheyKnow's tags say where a body is, not which law applies):
* a `Regime` column wins;
* tags naming more than one nation (for example `scotland` and `ni`) mean a body that spans the
  UK, so FOIA, and the entry says why;
* a `scotland` tag, or any tag starting `foisa`, means a Scottish public authority: FOISA;
* the tag `eir_only` means only the environmental regulations apply: EISR in Scotland, else EIR;
* anything else is FOIA (UK-wide bodies such as DWP stay under FOIA even in Scotland).
Tags may be separated by spaces (WhatDoTheyKnow) or commas.

Every problem is one FoiError naming the file, the row as a spreadsheet numbers it (header = 1) and
the column, with the fix.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from foi.directory.entries import NATIONS, Authority, Directory
from foi.support.errors import DataError

REQUIRED = ("Name", "URL name")
KNOWN = (
    "Internal ID",
    "Name",
    "Short name",
    "URL name",
    "Tags",
    "Home page",
    "Publication scheme",
    "Disclosure log",
    "Notes",
    "Created at",
    "Updated at",
    "Version",
    "Request email",
    "Regime",
    "Nation",
)
REGIMES = ("foia", "foisa", "eir", "eisr")
_URL_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[A-Za-z]{2,}$")
_NATION_TAGS = {
    "scotland": "scotland",
    "wales": "wales",
    "ni": "ni",
    "northern_ireland": "ni",
    "england": "england",
}


def _key(header: str) -> str:
    return re.sub(r"\s+", " ", header.strip().lower())


def _read_text(path: Path) -> str:
    """The file's text: UTF-8 (byte-order mark dropped), else Windows-1252 as Excel's plain CSV writes."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DataError(f"cannot read the directory file {path}: {err.strerror or err}") from None
    if b"\x00" in data:
        raise DataError(
            f"{path}: not a CSV file (it contains binary data): save it from your spreadsheet as CSV"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def infer_regime(tags: tuple[str, ...]) -> tuple[str, str, str]:
    """(regime, nation, basis) from WhatDoTheyKnow tags; see the module docstring for the rule."""
    nations = sorted({_NATION_TAGS[t] for t in tags if t in _NATION_TAGS})
    scottish = "scotland" in nations or any(t.startswith("foisa") for t in tags)
    if len(nations) > 1:
        return (
            "foia",
            "uk",
            f"tags name more than one nation ({', '.join(nations)}): treated as UK-wide, FOIA",
        )
    nation = nations[0] if nations else ("scotland" if scottish else "uk")
    if "eir_only" in tags:
        regime = "eisr" if scottish else "eir"
        return (
            regime,
            nation,
            f"tag 'eir_only'{' and a Scottish tag' if scottish else ''}: {regime.upper()}",
        )
    if scottish:
        return "foisa", "scotland", "Scottish tag: a Scottish public authority, FOISA"
    return "foia", nation, "no Scottish tag: FOIA"


def _split_tags(text: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[\s,]+", text.strip().lower()) if t)


def _clean_notes(text: str) -> str:
    """WhatDoTheyKnow notes may hold HTML: keep the words."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()


def _csv_problem(err: csv.Error) -> str:
    """The csv module's complaint, in words that say what to fix."""
    text = str(err)
    if "unexpected end of data" in text:
        return "a quoted value is never closed: check the quotes on this row"
    if "expected after" in text:
        return "text follows a closing quote: put the whole value inside the quotes"
    return f"{text}: save the file again as CSV from your spreadsheet"


class _Rows:
    """Rows of the file as dictionaries keyed by known column, with the spreadsheet row number."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        self.columns = self._header()

    def _header(self) -> dict[str, int]:
        try:
            header = next(self.reader)
        except StopIteration:
            raise DataError(
                f"{self.path}: empty file: expected WhatDoTheyKnow's all-authorities.csv header "
                "(Name, Short name, URL name, Tags, ...)"
            ) from None
        except csv.Error as err:
            raise DataError(f"{self.path}, row 1: {_csv_problem(err)}") from None
        wanted = {_key(name): name for name in KNOWN}
        columns: dict[str, int] = {}
        for index, cell in enumerate(header):
            name = wanted.get(_key(cell))
            if name and name not in columns:
                columns[name] = index
        for name in REQUIRED:
            if name not in columns:
                raise DataError(
                    f"{self.path}, row 1: no '{name}' column: the header must include "
                    "'Name' and 'URL name' as in WhatDoTheyKnow's all-authorities.csv"
                )
        self.width = len(header)
        return columns

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        row_number = 1
        while True:
            try:
                cells = next(self.reader)
            except StopIteration:
                return
            except csv.Error as err:
                raise DataError(f"{self.path}, row {row_number + 1}: {_csv_problem(err)}") from None
            row_number += 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > self.width and any(c.strip() for c in cells[self.width :]):
                raise DataError(
                    f"{self.path}, row {row_number}: {len(cells)} fields but the header has {self.width}: "
                    "put quotes round any value that contains a comma"
                )
            values = {
                name: (cells[i].strip() if i < len(cells) else "")
                for name, i in self.columns.items()
            }
            yield row_number, values


def _field_error(path: Path, row: int, column: str, problem: str) -> DataError:
    return DataError(f"{path}, row {row}, column '{column}': {problem}")


def _authority(path: Path, row: int, values: dict[str, str]) -> Authority:
    """One body from one row, checked field by field."""
    name, url_name = values["Name"], values["URL name"]
    if not name:
        raise _field_error(path, row, "Name", "empty: every body needs a name")
    if not url_name:
        raise _field_error(
            path, row, "URL name", "empty: copy the body's URL name from WhatDoTheyKnow (e.g. dwp)"
        )
    if not _URL_NAME.match(url_name):
        raise _field_error(
            path,
            row,
            "URL name",
            f"'{url_name}' is not a WhatDoTheyKnow URL name: use letters, digits and underscores",
        )
    email = values.get("Request email", "")
    if email and not _EMAIL.match(email):
        raise _field_error(
            path,
            row,
            "Request email",
            f"'{email}' is not an email address: give one address or leave it empty",
        )
    tags = _split_tags(values.get("Tags", ""))
    regime, nation, basis = infer_regime(tags)
    regime_cell = values.get("Regime", "").lower()
    if regime_cell:
        if regime_cell not in REGIMES:
            raise _field_error(
                path, row, "Regime", f"'{regime_cell}' is not one of {', '.join(REGIMES)}"
            )
        regime, basis = regime_cell, "column 'Regime'"
    nation_cell = values.get("Nation", "").lower()
    if nation_cell:
        if nation_cell not in NATIONS:
            raise _field_error(
                path, row, "Nation", f"'{nation_cell}' is not one of {', '.join(NATIONS)}"
            )
        nation = nation_cell
    notes = _clean_notes(values.get("Notes", ""))
    if "foi_no" in tags:
        notes = (
            notes + " WhatDoTheyKnow tags this body foi_no: it may not be subject to FOI law."
        ).strip()
    return Authority(
        id=url_name.lower().replace("_", "-"),
        name=name,
        short=values.get("Short name") or name,
        regime=regime,
        nation=nation,
        email=email or None,
        wdtk=url_name,
        notes=notes,
        tags=tags,
        home_page=values.get("Home page") or None,
        regime_basis=basis,
        origin=str(path),
        sources=(f"{path.name}, row {row}",),
    )


def read_directory(path: Path) -> Directory:
    """Every body in a WhatDoTheyKnow-style CSV, as a Directory of authorities keyed by id."""
    rows = _Rows(path, _read_text(path))
    authorities: dict[str, Authority] = {}
    first_row: dict[str, int] = {}
    for row, values in rows:
        auth = _authority(path, row, values)
        if auth.id in authorities:
            raise _field_error(
                path,
                row,
                "URL name",
                f"'{auth.wdtk}' is already used on row {first_row[auth.id]}: each body once",
            )
        authorities[auth.id] = auth
        first_row[auth.id] = row
    if not authorities:
        raise DataError(f"{path}: no bodies found under the header: add at least one row")
    return Directory(authorities, {})

"""A batch file as rows of answers, whatever it was saved as: .xlsx, CSV or YAML.

Every reader yields the same thing, one row at a time (rows are streamed, never all held): the row's
number as the file shows it (a spreadsheet's row, the header being row 1; a YAML file's request) and
its answers by key, with the header each came from so that a problem can name the column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from foi.batch.headers import Column, ignored, match
from foi.support.errors import DataError


@dataclass(frozen=True)
class Row:
    """One row: where it is, its answers by key, and the header each answer came from."""

    number: int
    values: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    # A row the reader could not split into its columns: it is reported, never guessed at.
    problem: str | None = None


class Table(Protocol):
    """What every reader offers: where problems are named, the common values, and the rows."""

    path: Path
    unit: str  # "row" or "request": how a problem names where it is
    column_word: str  # "column" or "key"
    defaults: dict[str, Any]  # values for every row (a YAML file's `defaults`)
    warnings: list[str]

    def rows(self) -> Iterator[Row]: ...

    def count(self) -> int | None: ...


class Header:
    """The header row of a spreadsheet, matched to answer keys once for every row under it."""

    def __init__(self, path: Path, number: int, cells: list[Any], known: set[str]) -> None:
        self.columns, problems = match(cells, known)
        if problems:
            raise DataError(f"{path}: row {number}, " + "; ".join(problems))
        if not any(c.key for c in self.columns):
            raise DataError(
                f"{path}: row {number} names no answer key (such as authority, scenario, name, email): "
                "the first row must be the column headers"
            )
        self.keyed: list[Column] = [c for c in self.columns if c.key]
        self.width = len(self.columns)
        self.headers = {c.key: c.header for c in self.keyed if c.key}
        self.ignored = ignored(self.columns)

    def row(self, number: int, cells: list[Any] | tuple[Any, ...]) -> Row:
        """A row's answers: blank cells are left out, so --answers, defaults and the profile apply."""
        values: dict[str, Any] = {}
        width = len(cells)
        if width > self.width and not blank(cells[self.width:]):
            problem = (f"{width} values but the header has {self.width} columns: "
                       "put quotes round any value that contains a comma")
            return Row(number, {}, self.headers, problem)
        for column in self.keyed:
            value = cells[column.index] if column.index < width else None
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            values[column.key] = value  # type: ignore[index]
        return Row(number, values, self.headers)


def blank(cells: list[Any] | tuple[Any, ...]) -> bool:
    """A row with nothing in it (Excel's trailing blank rows)."""
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)

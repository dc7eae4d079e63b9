"""An Excel workbook (.xlsx), read with openpyxl in read-only mode: one row at a time, never the whole
sheet in memory. openpyxl is imported here only, so that no other command pays for it.

Cells are taken as Excel holds them: a date cell is a date (whatever format it is shown in), a whole
number is a whole number (not 5.0), text is text; formulas give their last calculated value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from foi.batch.table import Header, Row, blank
from foi.support.errors import DataError


def cell_value(value: Any) -> Any:
    """A cell as an answer: a date cell becomes a date, 5.0 becomes 5."""
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class XlsxTable:
    """The rows of one sheet of a workbook: the first, or the one named by --sheet."""

    unit = "row"
    column_word = "column"

    def __init__(self, path: Path, known: set[str], sheet: str | None) -> None:
        self.path = path
        self.sheet = sheet
        self.known = known
        self.defaults: dict[str, Any] = {}
        self.warnings: list[str] = []
        self.header, self.header_row = self._read_header()
        self.warnings += [f"{path}: column '{h}' is not an answer: ignored" for h in self.header.ignored]

    def _open(self) -> Any:
        from zipfile import BadZipFile

        from openpyxl import load_workbook

        try:
            return load_workbook(self.path, read_only=True, data_only=True)
        except (BadZipFile, KeyError, ValueError, OSError) as err:
            raise DataError(
                f"{self.path}: not an Excel workbook that can be read ({type(err).__name__}): "
                "save it again from Excel as .xlsx, or as CSV"
            ) from None

    def _cells(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        workbook = self._open()
        try:
            names = workbook.sheetnames
            if self.sheet is not None and self.sheet not in names:
                raise DataError(f"{self.path}: no sheet '{self.sheet}': use one of {', '.join(names)}")
            sheet = workbook[self.sheet] if self.sheet is not None else workbook.worksheets[0]
            for number, cells in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
                yield number, tuple(cell_value(c) for c in cells)
        finally:
            workbook.close()

    def _read_header(self) -> tuple[Header, int]:
        cells_iter = self._cells()
        try:
            for number, cells in cells_iter:
                if not blank(cells):
                    return Header(self.path, number, list(cells), self.known), number
        finally:
            cells_iter.close()  # type: ignore[attr-defined]
        raise DataError(f"{self.path}: the sheet is empty: the first row must be the column headers")

    def rows(self) -> Iterator[Row]:
        for number, cells in self._cells():
            if number > self.header_row and not blank(cells):
                yield self.header.row(number, cells)

    def count(self) -> int | None:
        return sum(1 for number, cells in self._cells() if number > self.header_row and not blank(cells))

"""CSV as Excel and other spreadsheets save it.

UTF-8 with or without a byte-order mark, else Windows-1252 (Excel's plain "CSV" on Windows) with a
warning naming the file; CRLF or LF; quoted values with line breaks (an address over several lines);
blank rows anywhere (Excel leaves them at the end); commas, semicolons (Excel where the decimal mark
is a comma) or tabs, told apart by the header line. Dates are read as written ("01/02/2026") and
parsed by the answer loop, day first as in the UK. The file is read one record at a time.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from foi.batch.table import Header, Row, blank
from foi.support.errors import DataError

_DELIMITERS = (",", ";", "\t")
_CHUNK = 1 << 16


def encoding_of(path: Path) -> str:
    """utf-8-sig when the whole file decodes as UTF-8 (checked in chunks), else cp1252."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                if b"\x00" in chunk:
                    raise DataError(f"{path}: not a CSV file (it holds binary data): save it from your spreadsheet as CSV")
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    except OSError as err:
        raise DataError(f"{path}: cannot be read ({err.strerror or err})") from None
    return "utf-8-sig"


def delimiter_of(first_line: str) -> str:
    """The separator the header line uses most, outside quotes: a comma unless semicolons or tabs outnumber it."""
    unquoted = re.sub(r'"[^"]*"', "", first_line)
    counts = {d: unquoted.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _problem(err: csv.Error) -> str:
    text = str(err)
    if "unexpected end of data" in text or "EOF" in text:
        return "a quoted value is never closed: check the quotes on this row"
    if "expected after" in text:
        return "text follows a closing quote: put the whole value inside the quotes"
    return f"{text}: save the file again as CSV from your spreadsheet"


class CsvTable:
    """The rows of a CSV file, read one record at a time."""

    unit = "row"
    column_word = "column"

    def __init__(self, path: Path, known: set[str]) -> None:
        self.path = path
        self.defaults: dict[str, Any] = {}
        self.warnings: list[str] = []
        self.encoding = encoding_of(path)
        if self.encoding == "cp1252":
            self.warnings.append(
                f"{path} is not UTF-8: read as Windows-1252 (Excel's plain CSV); check accented names "
                "such as Môn in the letters, or save it as \"CSV UTF-8\""
            )
        with path.open(encoding=self.encoding, newline="") as handle:
            self.delimiter = delimiter_of(handle.readline())
        self.header: Header | None = None
        self.known = known
        self._read_header()

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        """(record number, cells): a record is one spreadsheet row, however many lines it spans."""
        with self.path.open(encoding=self.encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=self.delimiter, strict=True)
            number = 0
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as err:
                    raise DataError(f"{self.path}: row {number + 1}: {_problem(err)}") from None
                number += 1
                yield number, cells

    def _read_header(self) -> None:
        for number, cells in self._records():
            if not blank(cells):
                self.header = Header(self.path, number, cells, self.known)
                self.header_row = number
                self.warnings += [f"{self.path}: column '{h}' is not an answer: ignored" for h in self.header.ignored]
                return
        raise DataError(f"{self.path}: the file is empty: the first row must be the column headers")

    def rows(self) -> Iterator[Row]:
        assert self.header is not None
        header = self.header
        for number, cells in self._records():
            if number <= self.header_row or blank(cells):
                continue
            yield header.row(number, cells)

    def count(self) -> int | None:
        """How many rows hold something (one quick pass, for the progress bar)."""
        return sum(1 for number, cells in self._records() if number > self.header_row and not blank(cells))

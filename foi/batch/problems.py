"""Problems with rows, each named as the adviser will find it: `FILE: row N, column KEY: what and the fix`.

N is the row as the spreadsheet shows it (the header is row 1) or, in YAML, the request's place in the
list; the column is named as its header is written. A problem with a value given for every row (by
--set, --answers or the profile) names that source instead of the row's column.
"""

from __future__ import annotations

from foi.batch.table import Row, Table
from foi.support import console
from foi.support.errors import AnswerError, FoiError


class Problems:
    """Every problem found, in row order, and how many rows they touch."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.lines: list[str] = []
        self.count = 0  # rows with at least one problem
        self._last: int | None = None

    def where(self, row: Row) -> str:
        return f"{self.table.path}: {self.table.unit} {row.number}"

    def add_row(self, row: Row, message: str) -> None:
        self._record(row, f"{self.where(row)}: {message}")

    def add(self, row: Row, err: FoiError) -> None:
        self._record(row, self.describe(row, err))

    def describe(self, row: Row, err: FoiError) -> str:
        """The one line for a problem the answer loop (or the row itself) found."""
        if not isinstance(err, AnswerError) or not err.key:
            named = err.message.startswith(f"{self.where(row)}: ")  # the loop named the row already
            return err.message if named else f"{self.where(row)}: {err.message}"
        if err.source is not None and err.source != self.where(row):
            return f"{self.where(row)}: {err.message}"  # a value from --set, --answers or the profile
        key, word = err.key, self.table.column_word
        header = row.headers.get(key)
        if err.problem is not None:
            return f"{self.where(row)}, {word} '{header or key}': {err.problem}"
        if header is not None:
            return (f"{self.where(row)}, {word} '{header}': empty, and this answer is needed: fill it in, "
                    f"or give one for every {self.table.unit} with --set {key}=...")
        return (f"{self.where(row)}: no '{key}' {word}, and this answer is needed: add the {word}, "
                f"or give one for every {self.table.unit} with --set {key}=...")

    def _record(self, row: Row, line: str) -> None:
        self.lines.append(line)
        if row.number != self._last:
            self.count += 1
            self._last = row.number

    def report(self) -> int:
        """Print every problem (stderr), return the number of rows with one."""
        for line in self.lines:
            console.info(line)
        return self.count

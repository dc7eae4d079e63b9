"""Which reader a batch file needs, chosen by its extension (.xlsx, .csv, .yaml); each is imported only
when used, so openpyxl loads only for a workbook."""

from __future__ import annotations

from pathlib import Path

from foi.batch.table import Table
from foi.support.errors import DataError


def open_table(path: Path, known: set[str], sheet: str | None = None) -> Table:
    """The reader for this file, chosen by its extension; an unreadable file is one DataError."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise DataError(f"{path}: no such file: give the spreadsheet (.xlsx or .csv) or YAML file to read")
    if sheet is not None and suffix not in (".xlsx", ".xlsm"):
        raise DataError(f"{path}: --sheet is for .xlsx workbooks; this file has no sheets")
    if suffix in (".xlsx", ".xlsm"):
        from foi.batch.xlsx_table import XlsxTable

        return XlsxTable(path, known, sheet)
    if suffix in (".yaml", ".yml"):
        from foi.batch.yaml_table import YamlTable

        return YamlTable(path, known)
    if suffix in (".csv", ".tsv", ".txt"):
        from foi.batch.csv_table import CsvTable

        return CsvTable(path, known)
    if suffix in (".xls", ".ods", ".numbers"):
        raise DataError(f"{path}: this spreadsheet format cannot be read: save it as .xlsx (Excel Workbook) or CSV")
    raise DataError(f"{path}: give a .xlsx, .csv or .yaml file (this one ends in '{suffix or 'nothing'}')")

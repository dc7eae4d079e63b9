"""The adviser's spreadsheet the batch tests share: 50 clients with Welsh names, one with a postal address
over several lines instead of an email, and dates as an .xlsx holds them (date cells) or Excel's CSV writes
them (01/11/2012)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path
from typing import Any

HEADERS = ["Authority", "Scenario", "Name", "Email", "Address", "Provider", "Date From", "Date to", "Client ref"]
FIRST = ["Siân", "Rhodri", "Angharad", "Dafydd", "Gwenllïan", "Llŷr", "Eluned", "Iolo", "Ffion", "Aled"]
LAST = ["Llewelyn", "ap Gwyn", "Prys-Jones", "Ellis-Thomas", "Hughes", "Rhys", "Morgan", "Ŵyn", "Jenkins", "Owain"]
ADDRESS = "Fflat 2, Tŷ Gwyn\n14 Heol y Frenhines\nCaerdydd CF10 2AA"
ADDRESS_ROW = 7  # the row (as the spreadsheet numbers it) with a postal address and no email


def clients(count: int = 50) -> list[list[Any]]:
    """The rows: every fifth to Glasgow City Council under FOISA about local support, the rest to DWP."""
    rows = []
    for index in range(count):
        number = index + 2  # the header is row 1
        name = f"{FIRST[index % 10]} {LAST[(index * 3) % 10]}"
        scottish = index % 5 == 4
        rows.append([
            "Glasgow City Council" if scottish else ("dwp" if index % 2 else "Jobcentre Plus"),
            "local-support" if scottish else "provider-data-access",
            name,
            "" if number == ADDRESS_ROW else f"client{number}@example.org",
            ADDRESS if number == ADDRESS_ROW else "",
            "" if scottish else ("A4e" if index % 3 else "Maximus"),
            datetime(2024, 4, 1) if scottish else date(2012, 11, 1),
            date(2025, 3, 31) if scottish else date(2013, 2, 15 + index % 10),
            f"C-{1000 + index}",
        ])
    return rows


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    """A real workbook made with openpyxl: date cells formatted as Excel shows UK dates."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Clients"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2, min_col=7, max_col=8):
        for cell in cells:
            cell.number_format = "DD/MM/YYYY"
    book.save(path)
    return path


def excel_cell(value: Any) -> str:
    """A cell as Excel's "CSV UTF-8" writes it: UK dates day first."""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def write_excel_csv(path: Path, rows: list[list[Any]], *, delimiter: str = ",", encoding: str = "utf-8-sig") -> Path:
    """The same data as Excel saves it: byte-order mark, CRLF, quoted multi-line cells, blank rows at the end."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([excel_cell(v) for v in row])
    text = buffer.getvalue()  # rows end in CRLF; a line break inside a quoted cell stays LF, as Excel writes it
    text += (delimiter * (len(HEADERS) - 1) + "\r\n") * 3
    path.write_bytes(text.encode(encoding))
    return path

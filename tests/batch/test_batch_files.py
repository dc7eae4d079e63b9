"""`foi batch` from an adviser's spreadsheet: a real .xlsx and the same data as Excel's CSV give the same
50 letters, each the letter `foi new` writes for that row, and a 50-row manifest."""

from __future__ import annotations

import csv
import json
import os
import stat
from pathlib import Path

import pytest
from batch_data import ADDRESS_ROW, clients, write_excel_csv, write_xlsx
from typer.testing import CliRunner

from foi.cli import app

runner = CliRunner()
DATE = ["--date", "2026-11-23"]


def batch(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["batch", *args, *DATE])


def manifest(folder: Path) -> list[dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def letters(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "manifest.csv"}


@pytest.fixture(scope="module")
def spreadsheets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sheets")
    rows = clients()
    return {"xlsx": write_xlsx(folder / "clients.xlsx", rows), "csv": write_excel_csv(folder / "clients.csv", rows)}


@pytest.fixture(scope="module")
def written(spreadsheets: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for kind, path in spreadsheets.items():
        folder = tmp_path_factory.mktemp(kind) / "letters"
        result = batch(str(path), "--out", str(folder), "--format", "markdown", "--no-profile")
        assert result.exit_code == 0, result.output
        assert "column 'Client ref' is not an answer: ignored" in result.stderr
        out[kind] = folder
    return out


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_fifty_rows_give_fifty_letters_and_a_fifty_row_manifest(written: dict[str, Path], kind: str) -> None:
    folder = written[kind]
    files = letters(folder)
    rows = manifest(folder)
    assert len(rows) == 50
    assert [int(r["row"]) for r in rows] == list(range(2, 52))
    assert [int(r["letter"]) for r in rows] == list(range(1, 51))
    assert sorted(name for r in rows for name in r["files"].split(";")) == sorted(files)
    first = rows[0]
    # Six items to DWP: five in the letter, the local one in a second letter beside it (see the letters issue).
    assert (first["files"], first["letters"]) == ("001-dwp-provider-data-access.md;001-dwp-provider-data-access-part-2.md", "2")
    assert len(files) == 50 + sum(r["letters"] == "2" for r in rows)
    assert (first["body"], first["regime"], first["due"]) == ("Department for Work and Pensions", "FOIA", "2026-12-22")
    assert first["whatdotheyknow"] == "https://www.whatdotheyknow.com/new/dwp"
    assert first["findings"].isdigit()
    assert first["title"] == "Maximus staff's access to claimant records"
    scottish = rows[4]
    assert (scottish["body_id"], scottish["regime"], scottish["scenario"]) == ("glasgow-city-council", "FOISA", "local-support")
    assert scottish["files"].split(";")[0] == "005-glasgow-city-council-local-support.md"
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert all(stat.S_IMODE(os.stat(folder / name).st_mode) == 0o600 for name in files)
    assert [p.name for p in folder.parent.iterdir()] == ["letters"]  # nothing left beside it


def test_xlsx_and_excel_csv_give_identical_letters(written: dict[str, Path]) -> None:
    assert letters(written["xlsx"]) == letters(written["csv"])
    assert manifest(written["xlsx"]) == manifest(written["csv"])


def test_welsh_names_multiline_address_and_date_cells_reach_the_letter(written: dict[str, Path]) -> None:
    text = (written["xlsx"] / f"{ADDRESS_ROW - 1:03d}-dwp-provider-data-access.md").read_text(encoding="utf-8")
    assert "Llŷr Rhys\\\nFflat 2, Tŷ Gwyn\\\n14 Heol y Frenhines\\\nCaerdydd CF10 2AA" in text
    assert "between 1 November 2012 and 20 February 2013" in text
    first = (written["xlsx"] / "001-dwp-provider-data-access.md").read_text(encoding="utf-8")
    assert "Siân Llewelyn\\\nclient2@example.org" in first and "Maximus" in first
    scottish = (written["xlsx"] / "005-glasgow-city-council-local-support.md").read_text(encoding="utf-8")
    assert "Freedom of Information (Scotland) Act 2002" in scottish and "Act 2000" not in scottish


def test_each_letter_is_the_one_foi_new_writes_for_its_row(written: dict[str, Path], tmp_path: Path) -> None:
    single = tmp_path / "one.md"
    result = runner.invoke(app, [
        "new", "--authority", "Jobcentre Plus", "--scenario", "provider-data-access", "--set", "name=Siân Llewelyn",
        "--set", "email=client2@example.org", "--set", "provider=Maximus", "--set", "date_from=2012-11-01",
        "--set", "date_to=2013-02-15", "--no-input", "--no-profile", "--format", "markdown", "--output", str(single),
        *DATE,
    ])
    assert result.exit_code == 0, result.output
    assert (written["csv"] / "001-dwp-provider-data-access.md").read_bytes() == single.read_bytes()


def test_json_manifest_semicolon_csv_and_several_formats(tmp_path: Path) -> None:
    source = write_excel_csv(tmp_path / "semi.csv", clients(4), delimiter=";")
    out = tmp_path / "out"
    result = batch(str(source), "--out", str(out), "--format", "text", "--format", "docx", "--manifest-format", "json",
                   "--no-profile", "--no-check")
    assert result.exit_code == 0, result.output
    entries = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(entries) == 4
    assert entries[0]["files"] == ["001-dwp-provider-data-access.txt", "001-dwp-provider-data-access.docx",
                                   "001-dwp-provider-data-access-part-2.txt", "001-dwp-provider-data-access-part-2.docx"]
    assert entries[0]["findings"] is None
    assert sorted(p.name for p in out.iterdir())[-1] == "manifest.json"


def test_windows_1252_csv_is_read_with_a_warning(tmp_path: Path) -> None:
    rows = clients(3)
    rows[0][2] = "Siân Llewelyn"  # â is in Windows-1252; ŵ and ŷ are not, so keep to names it can hold
    rows[1][2], rows[2][2] = "Rhodri Hughes", "Eluned Morgan"
    source = write_excel_csv(tmp_path / "old.csv", rows, encoding="cp1252")
    out = tmp_path / "out"
    result = batch(str(source), "--out", str(out), "--no-profile", "--no-check")
    assert result.exit_code == 0, result.output
    assert f"{source} is not UTF-8: read as Windows-1252" in result.stderr
    assert "Siân Llewelyn" in (out / "001-dwp-provider-data-access.txt").read_text(encoding="utf-8")


def test_yaml_defaults_and_requests(tmp_path: Path) -> None:
    source = tmp_path / "requests.yaml"
    source.write_text(
        "defaults:\n  scenario: provider-data-access\n  Name: Jane Smith\n  email: jane@example.org\n"
        "  date_from: 2012-11-01\n  date_to: 2013-02-15\n"
        "requests:\n  - authority: dwp\n    provider: A4e\n  - authority: dwp\n    provider: Maximus\n"
        "    name: John Jones\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = batch(str(source), "--out", str(out), "--no-profile", "--format", "markdown")
    assert result.exit_code == 0, result.output
    rows = manifest(out)
    assert [r["row"] for r in rows] == ["1", "2"]
    second = (out / "002-dwp-provider-data-access.md").read_text(encoding="utf-8")
    assert "John Jones" in second and "Maximus" in second and "Jane Smith" not in second


def test_sheet_option_picks_a_sheet_and_names_the_others(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    source = write_xlsx(tmp_path / "book.xlsx", clients(3))
    book = load_workbook(source)
    book.create_sheet("Notes", 0)  # now the first sheet holds nothing
    book.save(source)
    out = tmp_path / "out"
    empty = batch(str(source), "--out", str(out), "--no-profile")
    assert empty.exit_code == 1 and f"{source}: the sheet is empty" in empty.stderr
    wrong = batch(str(source), "--out", str(out), "--no-profile", "--sheet", "Clinets")
    assert wrong.exit_code == 1 and "no sheet 'Clinets': use one of Notes, Clients" in wrong.stderr
    right = batch(str(source), "--out", str(out), "--no-profile", "--sheet", "Clients", "--no-check")
    assert right.exit_code == 0, right.output
    assert len(manifest(out)) == 3

"""Where a batch row's answers come from: --set over the row, the row over --answers, the file's defaults
and the profile; the profile's organisation and letterhead for an adviser."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from foi.cli import app

runner = CliRunner()


def test_set_row_answers_file_and_profile_in_that_order(tmp_path: Path) -> None:
    assert runner.invoke(app, ["profile", "set", "name=Ann Adviser", "organisation=Valleys Welfare Rights",
                               "letterhead=Valleys Welfare Rights, Pontypridd"]).exit_code == 0
    answers = tmp_path / "answers.yaml"
    answers.write_text("email: advice@example.org\ndate_from: 2012-11-01\ndate_to: 2013-02-15\nprovider: Serco\n",
                       encoding="utf-8")
    source = tmp_path / "rows.csv"
    source.write_text("authority,scenario,provider,name\n"
                      "dwp,provider-data-access,A4e,\n"
                      "dwp,provider-data-access,,Bryn Terfel\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(source), "--out", str(out), "--answers", str(answers),
                                 "--set", "date_to=2013-01-31", "--date", "2026-11-23", "--format", "markdown",
                                 "--format", "docx", "--no-check"])
    assert result.exit_code == 0, result.output
    first = (out / "001-dwp-provider-data-access.md").read_text(encoding="utf-8")
    second = (out / "002-dwp-provider-data-access.md").read_text(encoding="utf-8")
    assert "A4e" in first and "Serco" not in first  # the row's provider over the answers file's
    assert "Serco" in second  # an empty cell: the answers file's
    assert "Ann Adviser\\\nfor Valleys Welfare Rights" in first  # the profile's name and organisation
    assert "Bryn Terfel\\\nfor Valleys Welfare Rights" in second  # the row's name over the profile's
    assert "between 1 November 2012 and 31 January 2013" in first  # --set over everything
    assert "advice@example.org" in first

    from docx import Document

    document = Document(str(out / "001-dwp-provider-data-access.docx"))
    header = document.sections[0].header.paragraphs[0].text
    assert header == "Valleys Welfare Rights, Pontypridd"  # the profile's letterhead, in the page header


def test_an_unknown_key_in_set_or_answers_stops_before_any_row(tmp_path: Path) -> None:
    source = tmp_path / "rows.csv"
    source.write_text("authority,scenario\ndwp,custom\n", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(source), "--out", str(tmp_path / "out"), "--set", "nmae=Jane"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --set: unknown answer key 'nmae' (did you mean 'name'?); run `foi scenarios show ID` for the keys\n"

"""Bad rows: every problem named by file, row and column with its fix, nothing written, exit 3; and the
options that change that (--keep-going, --dry-run, --force)."""

from __future__ import annotations

from pathlib import Path

from batch_data import clients, write_excel_csv, write_xlsx
from typer.testing import CliRunner

from foi.cli import app

runner = CliRunner()


def batch(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["batch", *args, "--date", "2026-11-23", "--no-profile", "--no-check"])


def two_bad_rows() -> list[list[object]]:
    rows = clients()
    rows[5][7] = "31/02/2013"  # row 7: no 31 February
    rows[10][3] = "not-an-email"  # row 12
    return rows


def test_two_bad_rows_exit_3_name_both_and_write_nothing(tmp_path: Path) -> None:
    for source in (write_xlsx(tmp_path / "bad.xlsx", two_bad_rows()), write_excel_csv(tmp_path / "bad.csv", two_bad_rows())):
        out = tmp_path / "letters"
        result = batch(str(source), "--out", str(out))
        assert result.exit_code == 3, result.output
        lines = result.stderr.splitlines()
        assert f"{source}: row 7, column 'Date to': '31/02/2013' is not a date on the calendar: check the day and the month" in lines
        assert (f"{source}: row 12, column 'Email': give an email address like jane.smith@example.org" in lines)
        assert lines[-1] == (f"Error: 2 row(s) of {source} have problems: nothing was written; correct them and run "
                             "again, or pass --keep-going to write the rest")
        assert "Traceback" not in result.output
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "bad.xlsx"]  # no folder, no hidden one


def test_keep_going_writes_the_good_rows_and_lists_the_rest(tmp_path: Path) -> None:
    source = write_excel_csv(tmp_path / "bad.csv", two_bad_rows())
    out = tmp_path / "letters"
    result = batch(str(source), "--out", str(out), "--keep-going")
    assert result.exit_code == 3
    assert "row 7, column 'Date to'" in result.stderr and "row 12, column 'Email'" in result.stderr
    assert "2 row(s) were not written (listed above)" in result.stderr
    assert len(list(out.glob("0??-*.txt"))) == len(list(out.glob("*-part-2.txt"))) * 2 == 96  # each with its part 2
    assert (out / "manifest.csv").read_text(encoding="utf-8-sig").count("\n") == 49


def test_missing_and_conflicting_answers(tmp_path: Path) -> None:
    rows = clients(3)
    rows[0][2] = ""  # row 2: no name
    rows[1][3] = rows[1][4] = ""  # row 3: no email and no address
    rows[2][6] = "2014-01-01"  # row 4: starts after it ends
    source = write_excel_csv(tmp_path / "rows.csv", rows)
    result = batch(str(source), "--out", str(tmp_path / "out"))
    assert result.exit_code == 3
    assert (f"{source}: row 2, column 'Name': empty, and this answer is needed: fill it in, or give one for every "
            "row with --set name=...") in result.stderr
    assert (f"{source}: row 3, column 'Email': a request needs an address for correspondence (section 8): "
            "give an email or a postal address") in result.stderr
    assert (f"{source}: row 4, column 'Date From': date_from (1 January 2014) is after date_to (17 February 2013): "
            "swap them or correct one") in result.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_body_and_scenario_name_the_column(tmp_path: Path) -> None:
    rows = clients(2)
    rows[0][0] = "Department of Nothing"
    rows[1][1] = "sanction"
    source = write_excel_csv(tmp_path / "rows.csv", rows)
    result = batch(str(source), "--out", str(tmp_path / "out"))
    assert result.exit_code == 3
    assert f"{source}: row 2, column 'Authority': no authority or provider called 'Department of Nothing'" in result.stderr
    assert f"{source}: row 3, column 'Scenario': 'sanction' is not one of:" in result.stderr


def test_a_mistyped_header_is_caught_with_did_you_mean(tmp_path: Path) -> None:
    source = tmp_path / "rows.csv"
    source.write_text("authority,scenario,Emial,name\ndwp,custom,a@example.org,Jane Smith\n", encoding="utf-8")
    result = batch(str(source), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {source}: row 1, column 'Emial' is not an answer key (did you mean 'email'?): "
                             "rename it\n")


def test_unquoted_comma_is_a_row_problem_not_a_shifted_column(tmp_path: Path) -> None:
    source = tmp_path / "rows.csv"
    source.write_text("authority,scenario,name,email,items\n"
                      "dwp,custom,Jane Smith,jane@example.org,The guidance, all of it\n", encoding="utf-8")
    result = batch(str(source), "--out", str(tmp_path / "out"))
    assert result.exit_code == 3
    assert (f"{source}: row 2: 6 values but the header has 5 columns: put quotes round any value that contains a "
            "comma") in result.stderr


def test_dry_run_prints_the_plan_and_writes_nothing(tmp_path: Path) -> None:
    source = write_excel_csv(tmp_path / "rows.csv", clients(3))
    result = batch(str(source), "--out", str(tmp_path / "out"), "--dry-run", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "row 2: 001-dwp-provider-data-access.md  Department for Work and Pensions (FOIA), reply due 2026-12-22")
    assert "Dry run: 3 letter(s) would be written; nothing was written." in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rows.csv"]


def test_an_existing_folder_is_kept_unless_force_then_replaced_whole(tmp_path: Path) -> None:
    source = write_excel_csv(tmp_path / "rows.csv", clients(2))
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("my own notes", encoding="utf-8")
    refused = batch(str(source), "--out", str(out))
    assert refused.exit_code == 1 and "already exists" in refused.stderr
    assert [p.name for p in out.iterdir()] == ["mine.txt"]
    replaced = batch(str(source), "--out", str(out), "--force")
    assert replaced.exit_code == 0, replaced.output
    assert sorted(p.name for p in out.iterdir()) == [
        "001-dwp-provider-data-access-part-2.txt", "001-dwp-provider-data-access.txt",
        "002-dwp-provider-data-access-part-2.txt", "002-dwp-provider-data-access.txt", "manifest.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "rows.csv"]


def test_duplicate_rows_and_the_same_request_for_several_clients_are_warned(tmp_path: Path) -> None:
    rows = clients(3)
    for row in rows:
        row[0], row[1], row[5], row[6], row[7] = "dwp", "provider-data-access", "A4e", "2012-11-01", "2013-02-15"
    rows.append(list(rows[0]))
    source = write_excel_csv(tmp_path / "rows.csv", rows)
    result = batch(str(source), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert ("Warning: rows 2 and 5 are the same request to the same body for the same person: the body will answer "
            "it once; delete all but one") in result.stderr
    assert ("Warning: rows 2, 3, 4 and 5 send the same request to Department for Work and Pensions for different people: "
            "it may count them as one request for the cost limit") in result.stderr
    assert ("regulation 5 of the Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations "
            "2004") in result.stderr
    assert "send them more than 60 consecutive working days apart, or as one request" in result.stderr


def test_a_period_ending_after_the_letter_is_questioned(tmp_path: Path) -> None:
    rows = clients(1)
    rows[0][7] = "31/12/2026"
    source = write_excel_csv(tmp_path / "rows.csv", rows)
    result = batch(str(source), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert ("Warning: row 2: the period ends on 31 December 2026, after the letter's date (23 November 2026)"
            in result.stderr)


def test_a_broken_template_stops_the_batch_with_one_line_not_one_per_row(tmp_path: Path) -> None:
    own = tmp_path / "mine" / "letters"
    own.mkdir(parents=True)
    (own / "request.md.j2").write_text("Dear {{ nobody_knows_this }},\n", encoding="utf-8")
    source = write_excel_csv(tmp_path / "rows.csv", clients(5))
    result = batch(str(source), "--out", str(tmp_path / "out"), "--templates", str(tmp_path / "mine"))
    assert result.exit_code == 1
    assert result.stderr.count("\n") <= 2 and "'nobody_knows_this' is undefined" in result.stderr
    assert not (tmp_path / "out").exists() and not list(tmp_path.glob(".out.*"))


def test_a_file_with_only_a_header_is_one_error(tmp_path: Path) -> None:
    source = tmp_path / "rows.csv"
    source.write_text("authority,scenario,name\r\n,,\r\n", encoding="utf-8-sig")
    result = batch(str(source), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {source}: no rows under the header: nothing was written\n"


def test_an_answer_a_format_refuses_is_that_rows_problem(tmp_path: Path) -> None:
    """The eml writer refuses a tab in a name (it could open a header): the row is listed like any bad
    row, the batch writes nothing (exit 3), or with --keep-going every other letter, whole; nothing of
    the refused letter is written in any format."""
    rows = clients(4)
    rows[2][2] = "Eluned\tRhys"  # row 4
    source = write_excel_csv(tmp_path / "tab.csv", rows)
    refused = (f"{source}: row 4: eml: your name or email address contains a line break or control "
               "character: give it on one line")
    result = batch(str(source), "--out", str(tmp_path / "out"), "--format", "text", "--format", "eml")
    assert result.exit_code == 3 and refused in result.stderr.splitlines()
    assert not (tmp_path / "out").exists()
    dry = batch(str(source), "--dry-run", "--format", "eml")
    assert dry.exit_code == 3 and refused in dry.stderr.splitlines() and "row 4:" not in dry.stdout

    result = batch(str(source), "--out", str(tmp_path / "out"), "--format", "text", "--format", "eml", "--keep-going")
    assert result.exit_code == 3 and refused in result.stderr.splitlines()
    out = tmp_path / "out"
    stems = [f"{n:03d}-dwp-provider-data-access{part}" for n in (1, 2, 3) for part in ("", "-part-2")]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["manifest.csv", *(stem + ext for stem in stems for ext in (".eml", ".txt"))])
    assert not any("Eluned\tRhys" in p.read_text(encoding="utf-8") for p in out.iterdir())
    manifest = (out / "manifest.csv").read_text(encoding="utf-8-sig").splitlines()
    assert [line.split(",")[:2] for line in manifest[1:]] == [["2", "1"], ["3", "2"], ["5", "3"]]

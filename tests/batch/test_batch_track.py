"""`foi batch --track`: every letter (and second letter) recorded in the tracker in one go, only once the
folder is in place; a re-run over the same folder adds nothing twice."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from batch_data import clients, write_excel_csv
from typer.testing import CliRunner

from foi.cli import app

runner = CliRunner()


def test_track_records_every_letter_with_its_file_and_sent_date(tmp_path: Path) -> None:
    source = write_excel_csv(tmp_path / "rows.csv", clients(5))
    out, db = tmp_path / "letters", tmp_path / "tracker.sqlite3"
    args = ["batch", str(source), "--out", str(out), "--date", "2026-11-23", "--no-profile", "--no-check",
            "--track", "--sent", "2026-11-23", "--db", str(db)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    files = sorted(p for p in out.iterdir() if p.suffix == ".txt")
    assert f"Tracking them as requests 1 to {len(files)}" in result.stderr
    listed = runner.invoke(app, ["track", "list", "--db", str(db), "--format", "json", "--today", "2026-11-24"])
    requests = json.loads(listed.stdout)
    assert sorted(Path(r["letter"]) for r in requests) == [f.resolve() for f in files]
    assert {r["sent"] for r in requests} == {"2026-11-23"}
    assert {(r["body"], r["regime"]) for r in requests} == {
        ("Department for Work and Pensions", "foia"), ("Glasgow City Council", "foisa")}
    again = runner.invoke(app, [*args, "--force"])
    assert again.exit_code == 0, again.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from requests").fetchone()[0] == len(files)


def test_nothing_is_tracked_when_rows_fail(tmp_path: Path) -> None:
    rows = clients(3)
    rows[1][3] = "not-an-email"
    source = write_excel_csv(tmp_path / "rows.csv", rows)
    db = tmp_path / "tracker.sqlite3"
    result = runner.invoke(app, ["batch", str(source), "--out", str(tmp_path / "out"), "--date", "2026-11-23",
                                 "--no-profile", "--no-check", "--track", "--db", str(db)])
    assert result.exit_code == 3
    assert not db.exists() and not (tmp_path / "out").exists()

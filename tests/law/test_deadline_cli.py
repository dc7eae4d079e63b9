"""`foi deadline` through the real CLI: JSON and human output, bad input, overrides, a subprocess run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner
from vectors import SAR_TABLE, TABLE_H

from foi.cli import app

runner = CliRunner()


def run_json(*args: str) -> dict:
    result = runner.invoke(app, ["deadline", *args, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_issue_check_2026_06_01() -> None:
    data = run_json("--received", "2026-06-01")
    assert data["regime"] == "foia"
    assert data["received"] == "2026-06-01"
    assert data["due"] == "2026-06-30"
    assert data["holidays_skipped"] == ["2026-06-15"]
    assert data["holidays"][0]["regions"] == ["Scotland"]
    assert data["code_due"] is None
    assert data["beyond_data"] is False


@pytest.mark.parametrize("received, foia, _ew, code, foisa", TABLE_H)
def test_table_h_through_the_cli(received: str, foia: str, _ew: str, code: str, foisa: str) -> None:
    foia_data = run_json("--received", received, "--regime", "foia")
    assert foia_data["due"] == foia
    assert (foia_data["code_due"] or foia_data["due"]) == code
    assert run_json("--received", received, "--regime", "eir")["due"] == foia
    assert run_json("--received", received, "--regime", "foisa")["due"] == foisa
    assert run_json("--received", received, "--regime", "eisr")["due"] == foisa


@pytest.mark.parametrize("received, due, extended", SAR_TABLE)
def test_sar_table_through_the_cli(received: str, due: str, extended: str) -> None:
    assert run_json("--received", received, "--regime", "sar")["due"] == due
    assert run_json("--received", received, "--regime", "sar", "--extended")["due"] == extended


def test_human_output_names_the_holidays_and_dates() -> None:
    result = runner.invoke(app, ["deadline", "--received", "2026-11-23"])
    assert result.exit_code == 0
    out = result.stdout
    assert "Due:        Tuesday 22 December 2026, the 20th working day after receipt" in out
    assert "Monday 30 November 2026: St Andrew's Day, a bank holiday in Scotland" in out
    assert "Extension:  " in out
    assert "Ask for an internal review: by " in out
    assert "Complain to the ICO: by " in out
    assert result.stderr == ""


def test_human_output_shows_the_code_date_when_later() -> None:
    result = runner.invoke(app, ["deadline", "--received", "2026-07-04"])
    assert result.exit_code == 0
    assert "Due:        Tuesday 4 August 2026" in result.stdout
    assert "Code reading: Wednesday 5 August 2026" in result.stdout
    assert "Monday 13 July 2026: Battle of the Boyne (Orangemen's Day) (substitute day), a bank holiday in Northern Ireland" in result.stdout


def test_foisa_human_output_has_the_commissioner_and_no_extension() -> None:
    result = runner.invoke(app, ["deadline", "--received", "2026-03-13", "--regime", "FOISA"])
    assert result.exit_code == 0
    assert "Due:        Monday 13 April 2026" in result.stdout
    assert "Extension" not in result.stdout
    assert "Complain to the Scottish Information Commissioner: by " in result.stdout


def test_days_clarified_extended_and_responded() -> None:
    assert run_json("--received", "2026-06-01", "--days", "10")["due"] == "2026-06-16"
    clarified = run_json("--received", "2026-06-01", "--clarified", "2026-06-10")
    assert clarified["start"] == "2026-06-10" and clarified["due"] == "2026-07-09"
    assert run_json("--received", "2026-06-01", "--regime", "eir", "--extended")["due"] == "2026-07-29"
    steps = {s["key"]: s for s in run_json("--received", "2026-06-01", "--responded", "2026-06-10")["next_steps"]}
    assert steps["review_request"]["anchor"] == "2026-06-10"
    assert steps["review_request"]["anchor_assumed"] is False
    assert "late_reply" not in steps


def test_sar_calendar_option() -> None:
    assert run_json("--received", "2026-07-03", "--regime", "sar")["due"] == "2026-08-03"
    assert run_json("--received", "2026-07-03", "--regime", "sar", "--calendar", "scotland")["due"] == "2026-08-04"


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["--received", "2026-13-01"], 2, "--received '2026-13-01' is not a date: write it as YYYY-MM-DD"),
        (["--received", "tomorrow"], 2, "--received 'tomorrow' is not a date"),
        (["--received", "20260601"], 2, "is not a date"),
        (["--received", "2026-06-01", "--clarified", "2026-02-30"], 2, "--clarified '2026-02-30' is not a date"),
        (["--received", "2026-06-01", "--regime", "gdpr"], 2, "--regime 'gdpr' is not known: use one of foia, eir, foisa, eisr, sar"),
        (["--received", "2026-06-01", "--days", "0"], 2, "--days 0"),
        (["--received", "2026-06-01", "--days", "5", "--extended"], 2, "not both"),
        (["--received", "2026-06-01", "--regime", "sar", "--days", "5"], 2, "leave out --days"),
        (["--received", "2026-06-01", "--calendar", "scotland"], 2, "only for a subject access request"),
        (["--received", "2026-06-01", "--regime", "foisa", "--extended"], 1, "FOISA has no extension"),
        (["--received", "2026-06-10", "--clarified", "2026-06-01"], 1, "before the date of receipt"),
        (["--received", "2026-06-10", "--responded", "2026-06-01"], 1, "before the date of receipt"),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(args: list[str], code: int, message: str) -> None:
    result = runner.invoke(app, ["deadline", *args])
    assert result.exit_code == code
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_missing_received_is_a_usage_error() -> None:
    result = runner.invoke(app, ["deadline"])
    assert result.exit_code == 2
    assert "--received" in result.stderr


def test_holidays_file_moves_the_date(tmp_path: Path) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text('add:\n  - date: 2026-06-16\n    name: "A proclaimed day"\n    regions: [northern-ireland]\n', encoding="utf-8")
    data = run_json("--received", "2026-06-01", "--holidays", str(path))
    assert data["due"] == "2026-07-01"
    assert data["holidays_skipped"] == ["2026-06-15", "2026-06-16"]
    assert data["holidays"][1] == {"date": "2026-06-16", "name": "A proclaimed day", "regions": ["Northern Ireland"]}
    # Northern Ireland's day does not count under FOISA.
    assert run_json("--received", "2026-06-01", "--regime", "foisa", "--holidays", str(path))["due"] == "2026-06-30"


def test_bad_holidays_file_is_one_line_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("add:\n  - date: 2026-06-32\n    name: x\n", encoding="utf-8")
    result = runner.invoke(app, ["deadline", "--received", "2026-06-01", "--holidays", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: add entry 1: date '2026-06-32' is not a date: write it as YYYY-MM-DD\n"
    missing = runner.invoke(app, ["deadline", "--received", "2026-06-01", "--holidays", str(tmp_path / "no.yaml")])
    assert missing.exit_code == 1 and "no such file" in missing.stderr


def test_beyond_the_data_says_so() -> None:
    result = runner.invoke(app, ["deadline", "--received", "2029-06-01"])
    assert result.exit_code == 0
    assert "Unverified: bank holidays after 31 December 2027 are projected by rule" in result.stdout
    as_json = runner.invoke(app, ["deadline", "--received", "2029-06-01", "--json"])
    data = json.loads(as_json.stdout)
    assert data["beyond_data"] is True and "projected by rule" in data["beyond_data_message"]
    assert as_json.stderr.startswith("Warning: bank holidays after 31 December 2027")


def test_help_documents_the_options() -> None:
    result = runner.invoke(app, ["deadline", "--help"])
    assert result.exit_code == 0
    for option in ("--received", "--regime", "--days", "--clarified", "--extended", "--holidays", "--json"):
        assert option in result.stdout


def _env() -> dict[str, str]:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_python_m_foi_deadline_subprocess() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "foi", "deadline", "--received", "2026-11-23", "--json"],
        capture_output=True, text=True, env=_env(), timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["due"] == "2026-12-22"
    assert data["holidays_skipped"] == ["2026-11-30"]
    bad = subprocess.run(
        [sys.executable, "-m", "foi", "deadline", "--received", "2026-13-01"],
        capture_output=True, text=True, env=_env(), timeout=60,
    )
    assert bad.returncode == 2
    assert bad.stderr == "Error: --received '2026-13-01' is not a date: write it as YYYY-MM-DD, e.g. 2026-06-01\n"


def test_foi_help_does_not_import_holidays() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from foi.cli import app\n"
        "result = CliRunner().invoke(app, ['--help'])\n"
        "assert result.exit_code == 0\n"
        "print(sorted(m for m in ('holidays', 'foi.law.holidays', 'yaml') if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"

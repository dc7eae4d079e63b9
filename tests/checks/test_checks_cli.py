"""`foi check` on the command line: output shapes, exit codes, stdin, and a real subprocess run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi.cli import app

LETTERS = Path(__file__).parent / "check_letters"
KEYS = ["rule", "severity", "message", "suggestion", "line", "column", "excerpt"]
WARNING_ONLY = "Please provide copies of correspondence between the council and Veolia about bin collections.\n"
ERROR_TEXT = "Please send me the notes made about me by my work coach in 2025.\n"
GOOD = "Please provide the number of sanctions applied at Jobcentres in Leeds in each month of 2025.\n"

runner = CliRunner()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_letter_exits_0_with_a_summary() -> None:
    result = runner.invoke(app, ["check", str(LETTERS / "foia_provider_access.txt"), "--authority", "dwp"])
    assert result.exit_code == 0, result.output
    assert "no findings" in result.stdout


def test_json_has_exactly_the_documented_keys(tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", "Why did you stop my claim?\n")
    result = runner.invoke(app, ["check", "--body", "--format", "json", str(path)])
    data = json.loads(result.stdout)
    assert isinstance(data, list) and data
    for row in data:
        assert list(row) == KEYS
        assert row["severity"] in ("error", "warning", "info")
        assert isinstance(row["line"], int) and isinstance(row["column"], int)
    assert {"form/question", "privacy/own-data"} <= {row["rule"] for row in data}
    assert result.exit_code == 1


@pytest.mark.parametrize(("text", "strict", "code"), [
    (GOOD, False, 0), (GOOD, True, 0),
    (WARNING_ONLY, False, 0), (WARNING_ONLY, True, 1),
    (ERROR_TEXT, False, 1), (ERROR_TEXT, True, 1),
])
def test_exit_codes(tmp_path: Path, text: str, strict: bool, code: int) -> None:
    path = write(tmp_path, "r.txt", text)
    args = ["check", "--body", str(path)] + (["--strict"] if strict else [])
    assert runner.invoke(app, args).exit_code == code


def test_stdin_with_dash() -> None:
    result = runner.invoke(app, ["check", "--body", "--format", "json", "-"], input=ERROR_TEXT)
    assert result.exit_code == 1
    assert [row["rule"] for row in json.loads(result.stdout)] == ["privacy/own-data"]


def test_several_files_carry_a_file_key(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", GOOD)
    bad = write(tmp_path, "bad.txt", ERROR_TEXT)
    result = runner.invoke(app, ["check", "--body", "--format", "json", str(good), str(bad)])
    data = json.loads(result.stdout)
    assert [row["file"] for row in data] == [str(bad)]
    assert list(data[0]) == KEYS + ["file"]
    assert result.exit_code == 1


def test_human_output_names_file_line_rule_and_fix(tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", "Dear DWP,\n\nWhy was the [Leeds] office closed in 2025?\n")
    result = runner.invoke(app, ["check", "--body", str(path)])
    assert result.exit_code == 0  # warnings only
    out = result.stdout
    assert f"{path}:3:1 warning form/question" in out and "Fix:" in out
    assert "[Leeds]" in out  # brackets are printed, not eaten as markup
    assert out.rstrip().endswith(": 1 warning")


def test_unreadable_file_is_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("Error: ") and "missing.txt" in result.stderr
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\xff\xfe\x00\x81 not text")
    result = runner.invoke(app, ["check", str(binary)])
    assert result.exit_code == 1 and "UTF-8" in result.stderr


@pytest.mark.parametrize("args", [["check", "--format", "xml", "x"], ["check"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Error:" in result.stderr


def test_unknown_authority_and_regime_are_user_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", GOOD)
    assert runner.invoke(app, ["check", "--authority", "nobody-at-all", str(path)]).exit_code == 1
    assert runner.invoke(app, ["check", "--regime", "gdpr99", str(path)]).exit_code == 1


def test_authority_gives_context(tmp_path: Path) -> None:
    letter = (LETTERS / "foia_provider_access.txt").read_text(encoding="utf-8")
    path = write(tmp_path, "l.txt", letter)
    result = runner.invoke(app, ["check", "--authority", "scottish-government", "--format", "json", str(path)])
    assert result.exit_code == 1
    assert [row["rule"] for row in json.loads(result.stdout)] == ["law/wrong-regime"]
    result = runner.invoke(app, ["check", "--body", "--authority", "a4e", "--format", "json", "-"], input=GOOD)
    assert [row["rule"] for row in json.loads(result.stdout)] == ["law/not-public-authority"]


def test_rules_listing() -> None:
    result = runner.invoke(app, ["check", "--rules"])
    assert result.exit_code == 0
    assert "scope/too-broad" in result.stdout and "law/not-public-authority" in result.stdout


def test_python_m_foi_check_subprocess(tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "foi", "check", "--body", "--format", "json", "-"],
        input="Can my work coach demand that I attend a course?\n", capture_output=True, text=True,
        env=env, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr  # a warning is not an error
    data = json.loads(proc.stdout)
    assert [row["rule"] for row in data] == ["form/question"]
    assert data[0]["severity"] == "warning" and list(data[0]) == KEYS


def test_readme_documents_every_rule_and_the_json_keys() -> None:
    from foi.checks import RULES

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Checking a request: `foi check`", 1)[1].split("\n## ", 1)[0]
    for rule_id in RULES:
        assert f"`{rule_id}`" in section, rule_id
    for key in KEYS + ["file"]:
        assert f"`{key}`" in section, key

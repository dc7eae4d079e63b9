"""`foi authorities [QUERY] [--format table|json]` and `foi authorities show ID`, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_list_as_json_has_at_least_30_bodies():
    result = run("authorities", "--format", "json")
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    bodies = [e for e in entries if e["is_public_authority"]]
    providers = [e for e in entries if not e["is_public_authority"]]
    assert len(bodies) >= 30
    assert len(providers) >= 20
    assert {"id", "name", "regime", "email", "address", "wdtk", "notes", "unverified"} <= set(
        bodies[0]
    )


def test_show_a4e_json_names_dwp_as_the_body_to_ask():
    result = run("authorities", "show", "a4e", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["is_public_authority"] is False
    assert data["ask"]["id"] == "dwp"
    assert data["ask"]["name"] == "Department for Work and Pensions"
    assert data["ask_in_northern_ireland"]["id"] == "dfc"
    assert data["held_on_behalf"] == "FOIA section 3(2)(b)"
    assert "A4e" in data["former_names"]
    assert "not a public authority" in data["explanation"]


def test_show_a4e_text_says_it_is_not_a_public_authority_and_whom_to_ask():
    result = run("authorities", "show", "a4e")
    assert result.exit_code == 0
    assert result.stdout.startswith("PeoplePlus (formerly A4e, Action for Employment)\n")
    assert "NOT a public authority" in result.stdout
    assert "Department for Work and Pensions (DWP)" in result.stdout
    assert "FOIA section 3(2)(b)" in result.stdout
    assert (
        "In Northern Ireland the body to ask is Department for Communities (DfC)" in result.stdout
    )
    assert (
        "Fair Start Scotland, Glasgow; Highlands and Islands: ask Scottish Government"
        in result.stdout
    )


def test_show_an_authority_by_alias_with_its_contact_details():
    result = run("authorities", "show", "job", "centre", "plus")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Department for Work and Pensions (DWP)\n")
    assert "Email: freedom-of-information-request@dwp.gov.uk (unverified: check before use)" in out
    assert (
        "Address: DWP Central Freedom of Information Team, Caxton House, 6-12 Tothill Street, London SW1H 9NA"
        in out
    )
    assert "WhatDoTheyKnow: https://www.whatdotheyknow.com/new/dwp" in out


@pytest.mark.parametrize("query", ["jobcentre", "job centre plus", "DWP"])
def test_search_finds_dwp(query):
    result = run("authorities", *query.split(), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["id"] == "dwp"


def test_search_table_shows_providers_with_the_body_to_ask():
    result = run("authorities", "atos")
    assert result.exit_code == 0
    assert "atos" in result.stdout
    assert "none: a provider" in result.stdout
    assert "DWP (NI: DfC)" in result.stdout


def test_search_table_of_authorities_only_has_no_ask_column():
    result = run("authorities", "council")
    assert result.exit_code == 0
    assert "Glasgow City" in result.stdout
    assert "Ask instead" not in result.stdout


def test_search_with_no_match_says_so_on_stderr_and_json_is_empty():
    result = run("authorities", "zzqx")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "Nothing in the directory matches 'zzqx'" in result.stderr
    assert json.loads(run("authorities", "zzqx", "--format", "json").stdout) == []


def test_unknown_id_is_one_line_error_with_suggestions_and_exit_1():
    result = run("authorities", "show", "dwpp")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("Error: no authority or provider called 'dwpp'")
    assert "did you mean dwp" in result.stderr


def test_usage_errors_exit_2():
    assert run("authorities", "show").exit_code == 2
    bad = run("authorities", "--format", "xml")
    assert bad.exit_code == 2
    assert "use one of table, text, json" in bad.stderr


def test_authorities_file_adds_a_users_bodies(tmp_path: Path):
    csv_file = tmp_path / "all-authorities.csv"
    csv_file.write_bytes(
        (
            "\ufeffInternal ID,Name,Short name,URL name,Tags,Home page,Publication scheme,Disclosure log,"
            "Notes,Created at,Updated at,Version,Request email\r\n"
            "7,Ipswich Borough Council,,ipswich_borough_council,local_council,,,,,,,,foi@ipswich.example\r\n"
        ).encode("utf-8")
    )
    result = run("authorities", "ipswich", "--format", "json", "--authorities", str(csv_file))
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert [e["id"] for e in found] == ["ipswich-borough-council"]
    assert found[0]["email"] == "foi@ipswich.example"
    shown = run("authorities", "show", "ipswich-borough-council", "--authorities", str(csv_file))
    assert "Email: foi@ipswich.example" in shown.stdout


def test_bad_authorities_file_is_one_line_error(tmp_path: Path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Short name\nX,Y\n", encoding="utf-8")
    result = run("authorities", "--authorities", str(bad))
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Error: {bad}, row 1: no 'URL name' column: the header must include 'Name' and 'URL name' as in WhatDoTheyKnow's all-authorities.csv\n"
    )


def test_python_m_foi_authorities_show_a4e_in_a_subprocess(tmp_path: Path):
    env = {**os.environ, "HOME": str(tmp_path), "FOI_CONFIG_DIR": str(tmp_path / "config")}
    proc = subprocess.run(
        [sys.executable, "-m", "foi", "authorities", "show", "a4e", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["ask"]["id"] == "dwp"
    missing = subprocess.run(
        [sys.executable, "-m", "foi", "authorities", "show", "no-such-body"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert missing.returncode == 1
    assert missing.stderr.startswith("Error: no authority or provider called 'no-such-body'")
    assert "Traceback" not in missing.stderr

"""Every UK council, from mySociety's list: found by the names people use, the right law, the right body today."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi.cli import app
from foi.directory import authorities
from foi.support.errors import FoiError
from foi.support.paths import DATA_DIR

runner = CliRunner()
ROWS = list(csv.DictReader((DATA_DIR / "uk_local_authorities.csv").read_text(encoding="utf-8").splitlines()))


@pytest.fixture(scope="module")
def directory() -> authorities.Directory:
    return authorities.builtin()


def test_every_council_in_the_list_is_in_the_directory(directory: authorities.Directory) -> None:
    codes = {a.gss for a in directory.authorities.values() if a.kind}
    assert len(ROWS) == 470
    assert codes == {row["gss-code"] for row in ROWS}


def test_the_licence_notice_ships_with_the_data() -> None:
    notice = (DATA_DIR / "uk_local_authorities.LICENSE").read_text(encoding="utf-8")
    assert "Copyright (c) 2021 mySociety" in notice and "MIT License" in notice


@pytest.mark.parametrize("query", ["hackney", "Hackney Council", "London Borough of Hackney", "hackney council"])
def test_hackney_by_every_name_people_use(query: str) -> None:
    target = authorities.resolve(query, on=date(2026, 11, 23))
    assert target.authority.id == "london-borough-of-hackney"
    assert target.authority.regime == "foia"
    assert target.authority.wdtk_url == "https://www.whatdotheyknow.com/new/hackney_borough_council"
    assert authorities.search(query)[0].id == "london-borough-of-hackney"


def test_scottish_councils_are_foisa_and_the_rest_foia(directory: authorities.Directory) -> None:
    councils = [a for a in directory.authorities.values() if a.kind]
    scottish = [a for a in councils if a.nation == "scotland"]
    assert len(scottish) == 32 and all(a.regime == "foisa" for a in scottish)
    assert all(a.regime == "foia" for a in councils if a.nation != "scotland")


def test_no_council_gets_an_invented_address(directory: authorities.Directory) -> None:
    for council in (a for a in directory.authorities.values() if a.kind):
        if council.origin == "builtin" and "mySociety" in council.sources[0]:
            assert council.email is None and council.address == (), council.id


def test_a_hand_checked_entry_keeps_its_id_and_gains_the_list(directory: authorities.Directory) -> None:
    birmingham = directory.authorities["birmingham-city-council"]
    assert birmingham.kind == "Metropolitan district" and birmingham.region == "West Midlands"
    assert not any(a.id == "birmingham-city-council-2" for a in directory.authorities.values())


def test_an_abolished_council_leads_to_its_successor() -> None:
    target = authorities.resolve("Allerdale Borough Council", on=date(2026, 11, 23))
    assert target.authority.id == "cumberland-council"
    assert "abolished on 1 April 2023" in target.note and "Cumberland Council" in target.note
    before = authorities.resolve("Allerdale Borough Council", on=date(2020, 1, 6))
    assert before.authority.id == "allerdale-borough-council" and not before.note


def test_an_abolished_council_with_two_successors_asks_which() -> None:
    with pytest.raises(FoiError, match="Cumberland Council .* or Westmorland and Furness Council"):
        authorities.resolve("Cumbria County Council", on=date(2026, 11, 23))


def test_a_name_shared_with_an_abolished_council_means_todays_council() -> None:
    assert authorities.resolve("Bournemouth").authority.id == "bournemouth-christchurch-and-poole-council"


@pytest.mark.parametrize(
    ("authority", "act"),
    [("Hackney Council", "Freedom of Information Act 2000"), ("Fife Council", "Freedom of Information (Scotland) Act 2002")],
)
def test_new_writes_to_a_council(authority: str, act: str, tmp_path: Path) -> None:
    result = runner.invoke(app, [
        "new", "--scenario", "local-support", "--authority", authority,
        "--set", "name=Jane Smith", "--set", "email=jane.smith@example.org",
        "--date", "2026-11-23", "--no-input", "--format", "markdown", "--output", "-",
    ])
    assert result.exit_code == 0, result.output
    assert act in result.stdout
    name = authorities.resolve(authority).authority.name
    assert name in result.stdout


def test_new_to_an_abolished_council_says_where_it_went() -> None:
    result = runner.invoke(app, [
        "new", "--scenario", "local-support", "--authority", "Allerdale Borough Council",
        "--set", "name=Jane Smith", "--set", "email=jane.smith@example.org",
        "--date", "2026-11-23", "--no-input", "--format", "markdown", "--output", "-",
    ])
    assert result.exit_code == 0, result.output
    assert "Cumberland Council" in result.stdout
    assert "abolished on 1 April 2023" in result.stderr


def test_show_gives_the_kind_and_the_successor() -> None:
    shown = runner.invoke(app, ["authorities", "show", "allerdale-borough-council"])
    assert shown.exit_code == 0, shown.output
    assert "Local authority: Non-metropolitan district, North West" in shown.stdout
    assert "Abolished on 1 April 2023: write to its successor (cumberland-council) instead" in shown.stdout

"""One request to many bodies: a WhatDoTheyKnow file's tag, the built-in directory by kind and nation, and
bodies that are not in the directory; each letter addressed to its body under its own law."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi.cli import app
from foi.directory import authorities

runner = CliRunner()
ONE = (
    "scenario: custom\ntopic: school uniform grants\nname: Jane Smith\nemail: jane@example.org\n"
    "date_from: 2025-04-01\ndate_to: 2026-03-31\n"
    "items:\n  - The number of school clothing grant applications received in each month\n"
)
WDTK = (
    "Internal ID,Name,Short name,URL name,Tags,Home page,Publication scheme,Disclosure log,Notes,Created at,"
    "Updated at,Version\n"
    "1,Glasgow City Council,,glasgow_city_council,scottish_council scotland local_council,,,,,,,1\n"
    "2,Highland Council,,highland_council,scottish_council scotland,,,,,,,1\n"
    "3,Department for Work and Pensions,DWP,dwp,department,,,,,,,1\n"
    "4,Anytown Community Trust,,anytown_community_trust,scottish_council scotland foi_no,,,,,,,1\n"
)


def batch(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["batch", *args, "--date", "2026-11-23", "--no-profile", "--no-check"])


def manifest(folder: Path) -> list[dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def one(tmp_path: Path) -> Path:
    path = tmp_path / "one.yaml"
    path.write_text(ONE, encoding="utf-8")
    return path


def test_a_whatdotheyknow_tag_gives_one_letter_per_tagged_body_addressed_to_it(one: Path, tmp_path: Path) -> None:
    wdtk = tmp_path / "all-authorities.csv"
    wdtk.write_text(WDTK, encoding="utf-8")
    out = tmp_path / "out"
    result = batch(str(one), "--authorities", str(wdtk), "--tag", "scottish_council", "--out", str(out),
                   "--format", "markdown")
    assert result.exit_code == 0, result.output
    rows = manifest(out)
    assert [r["body"] for r in rows] == ["Glasgow City Council", "Highland Council", "Anytown Community Trust"]
    assert [r["regime"] for r in rows] == ["FOISA"] * 3
    assert rows[2]["whatdotheyknow"] == "https://www.whatdotheyknow.com/new/anytown_community_trust"
    directory = authorities.load(wdtk)
    for row in rows:
        text = (out / row["files"]).read_text(encoding="utf-8")
        assert text.split("\n\n")[3] == row["body"]  # the recipient, after heading, title and date
        assert f"Dear {directory.authorities[row['body_id']].short} Freedom of Information team," in text
        assert "Freedom of Information (Scotland) Act 2002" in text
    assert "Department for Work and Pensions" not in " ".join(r["body"] for r in rows)


def test_every_council_in_scotland_gets_a_foisa_letter(one: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = batch(str(one), "--to", "council:scotland", "--out", str(out))
    assert result.exit_code == 0, result.output
    directory = authorities.builtin()
    expected = [a.id for a in directory.authorities.values()
                if a.kind and a.nation == "scotland" and a.exists_on(date(2026, 11, 23))]
    rows = manifest(out)
    assert len(expected) == 32
    assert sorted(r["body_id"] for r in rows) == sorted(expected)
    for row in rows:
        assert row["regime"] == "FOISA"
        text = " ".join((out / row["files"]).read_text(encoding="utf-8").split())
        assert text.startswith(f"Freedom of Information (Scotland) request Request for information about school "
                               f"uniform grants 23 November 2026 {row['body']} Dear ")
        assert "section 1(1) of the Freedom of Information (Scotland) Act 2002" in text
        assert "Freedom of Information Act 2000" not in text
        assert row["body"] in text


@pytest.mark.parametrize(("spec", "count", "kind"), [
    ("london-borough", 32, "London borough"),
    ("county-council", 21, "County"),
    ("unitary-authority:wales", 0, None),
    ("welsh-unitary-authority", 22, "Welsh unitary authority"),
    ("council:northern-ireland", 11, "NI district"),
])
def test_councils_by_kind_and_place(one: Path, tmp_path: Path, spec: str, count: int, kind: str | None) -> None:
    out = tmp_path / "out"
    result = batch(str(one), "--to", spec, "--out", str(out))
    if count == 0:
        assert result.exit_code == 2
        assert "no current body matches" in result.stderr
        return
    assert result.exit_code == 0, result.output
    rows = manifest(out)
    assert len(rows) == count
    directory = authorities.builtin()
    assert {directory.authorities[r["body_id"]].kind for r in rows} == {kind}


def test_bodies_by_name_and_a_bad_kind(one: Path, tmp_path: Path) -> None:
    result = batch(str(one), "--to", "dwp, Scottish Government", "--dry-run")
    assert result.exit_code == 0, result.output
    assert ["(FOIA)" in result.stdout.splitlines()[0], "(FOISA)" in result.stdout.splitlines()[1]] == [True, True]
    bad = batch(str(one), "--to", "parish:wales", "--dry-run")
    assert bad.exit_code == 2
    assert "'parish' is not a kind of council: use council or one of" in bad.stderr
    provider = batch(str(one), "--to", "a4e", "--dry-run")
    assert provider.exit_code == 2 and "is a provider, not a public authority: write to dwp" in provider.stderr


def test_a_body_not_in_the_directory_by_name_and_nation(tmp_path: Path) -> None:
    source = tmp_path / "rows.csv"
    source.write_text(
        "authority_name,nation,scenario,name,email,items\n"
        "Loch Ness Housing Association,Scotland,custom,Jane Smith,jane@example.org,The repairs policy\n"
        "Tŷ Newydd Housing,Wales,custom,Jane Smith,jane@example.org,The repairs policy\n"
        "Nowhere Trust,Atlantis,custom,Jane Smith,jane@example.org,The repairs policy\n",
        encoding="utf-8",
    )
    result = batch(str(source), "--out", str(tmp_path / "out"), "--keep-going")
    assert result.exit_code == 3
    assert (f"{source}: row 4, column 'nation': 'Atlantis' is not a nation: give one of england, wales, scotland, "
            "northern-ireland or uk") in result.stderr
    rows = manifest(tmp_path / "out")
    assert [(r["body"], r["regime"]) for r in rows] == [("Loch Ness Housing Association", "FOISA"),
                                                        ("Tŷ Newydd Housing", "FOIA")]
    assert rows[1]["files"] == "002-ty-newydd-housing-custom.txt"


def test_to_with_an_authority_column_is_a_row_problem(tmp_path: Path) -> None:
    source = tmp_path / "rows.yaml"
    source.write_text(ONE + "authority: dwp\n", encoding="utf-8")
    result = batch(str(source), "--to", "council:scotland", "--dry-run")
    assert result.exit_code == 3
    assert f"{source}: request 1, key 'authority': --to gives the bodies to write to" in result.stderr


def test_more_than_500_bodies_is_warned(one: Path, tmp_path: Path) -> None:
    rows = [f"{n},Parish Council {n},,parish_council_{n},parish,,,,,,,1" for n in range(501)]
    wdtk = tmp_path / "all-authorities.csv"
    wdtk.write_text(WDTK.splitlines()[0] + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = batch(str(one), "--authorities", str(wdtk), "--tag", "parish", "--dry-run")
    assert result.exit_code == 0, result.output
    assert ("Warning: 501 bodies: WhatDoTheyKnow is said to take batch requests to at most 500; send them there "
            "in parts") in result.stderr
    assert len(result.stdout.splitlines()) == 501

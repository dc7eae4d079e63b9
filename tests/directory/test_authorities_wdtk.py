"""A user's directory in WhatDoTheyKnow's all-authorities.csv layout: reading it, its errors, merging it."""

from __future__ import annotations

from pathlib import Path

import pytest

from foi.directory import authorities
from foi.directory.wdtk_csv import infer_regime
from foi.support.errors import DataError, FoiError

HEADER = (
    "Internal ID,Name,Short name,URL name,Tags,Home page,Publication scheme,Disclosure log,"
    "Notes,Created at,Updated at,Version"
)


def write(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    """Write a CSV as Excel saves "CSV UTF-8": byte-order mark and CRLF line ends."""
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


@pytest.fixture()
def wdtk_csv(tmp_path: Path) -> Path:
    rows = [
        HEADER + ",Request email",
        (
            "101,Ipswich Borough Council,,ipswich_borough_council,local_council england district,"
            'https://www.ipswich.gov.uk,,,"Covers Ipswich, Suffolk",2008-01-01,2024-01-01,3,'
            "foi@ipswich.example"
        ),
        '102,"Glasgow City Council",GCC,gcc,"scotland local_council foisa_covidbill",,,,,,,,',
        '103,Scottish Water,,scottish_water,scotland eir_only,,,,"<p>Water and <b>sewerage</b></p>",,,,',
        '104,Independent Monitoring Board for the Scotland and Northern Ireland STHF,,imb_sthf,"imb,scotland,ni",,,,,,,,',
        "105,Department for Work and Pensions,DWP,dwp,department,https://www.gov.uk/dwp,,,,,,,",
        "",
        (
            '106,Suffolk County Council,,suffolk_county_council,"county_council, england",,,,'
            '"Multi-line\nnote",,,,'
        ),
    ]
    return write(tmp_path / "all-authorities.csv", "\n".join(rows) + "\n")


# --- reading -----------------------------------------------------------------------------------


def test_reads_wdtk_layout_with_bom_quotes_and_request_email(wdtk_csv):
    d = authorities.load_wdtk_csv(wdtk_csv)
    assert list(d.authorities) == [
        "ipswich-borough-council",
        "gcc",
        "scottish-water",
        "imb-sthf",
        "dwp",
        "suffolk-county-council",
    ]
    ipswich = d.authorities["ipswich-borough-council"]
    assert ipswich.name == "Ipswich Borough Council"
    assert ipswich.short == "Ipswich Borough Council"  # blank Short name falls back to Name
    assert ipswich.email == "foi@ipswich.example"
    assert ipswich.wdtk == "ipswich_borough_council"
    assert ipswich.wdtk_url == "https://www.whatdotheyknow.com/new/ipswich_borough_council"
    assert ipswich.regime == "foia" and ipswich.nation == "england"
    assert ipswich.notes == "Covers Ipswich, Suffolk"
    assert ipswich.home_page == "https://www.ipswich.gov.uk"
    assert ipswich.tags == ("local_council", "england", "district")
    assert ipswich.sources == ("all-authorities.csv, row 2",)
    assert d.authorities["suffolk-county-council"].notes == "Multi-line note"
    assert d.authorities["suffolk-county-council"].tags == ("county_council", "england")


def test_regime_is_inferred_from_tags(wdtk_csv):
    d = authorities.load_wdtk_csv(wdtk_csv)
    gcc = d.authorities["gcc"]
    assert (gcc.regime, gcc.nation, gcc.short) == ("foisa", "scotland", "GCC")
    assert "Scottish tag" in gcc.regime_basis
    water = d.authorities["scottish-water"]
    assert (water.regime, water.notes) == ("eisr", "Water and sewerage")
    imb = d.authorities["imb-sthf"]
    assert (imb.regime, imb.nation) == ("foia", "uk")
    assert "more than one nation" in imb.regime_basis
    assert d.authorities["dwp"].regime == "foia"


@pytest.mark.parametrize(
    "tags, expected",
    [
        (("scotland",), ("foisa", "scotland")),
        (("foisa_covidbill",), ("foisa", "scotland")),
        (("wales", "local_council"), ("foia", "wales")),
        (("ni",), ("foia", "ni")),
        (("eir_only",), ("eir", "uk")),
        (("department",), ("foia", "uk")),
        ((), ("foia", "uk")),
    ],
)
def test_infer_regime(tags, expected):
    assert infer_regime(tags)[:2] == expected


def test_regime_and_nation_columns_override_the_tags(tmp_path):
    path = write(
        tmp_path / "mine.csv",
        "Name,URL name,Tags,Regime,Nation\nOffice of the Advocate General,oag,scotland,FOIA,uk\n",
    )
    oag = authorities.load_wdtk_csv(path).authorities["oag"]
    assert (oag.regime, oag.nation, oag.regime_basis) == ("foia", "uk", "column 'Regime'")


def test_headers_match_without_regard_to_case_and_a_cp1252_file_is_read(tmp_path):
    path = write(
        tmp_path / "excel.csv",
        " name ,URL NAME,request EMAIL\nCafé Council,cafe_council,\n",
        encoding="cp1252",
    )
    cafe = authorities.load_wdtk_csv(path).authorities["cafe-council"]
    assert cafe.name == "Café Council"
    assert cafe.email is None


# --- errors: one line naming file, row and column -------------------------------------------------


@pytest.mark.parametrize(
    "text, message",
    [
        ("", r"empty file"),
        ("Name,Short name\nX,Y\n", r"row 1: no 'URL name' column"),
        ("Name,URL name\n", r"no bodies found"),
        ("Name,URL name\nGood,good\n,blank_name\n", r"row 3, column 'Name': empty"),
        ("Name,URL name\nNo URL,\n", r"row 2, column 'URL name': empty"),
        (
            "Name,URL name\nSpaces,has spaces\n",
            r"row 2, column 'URL name': 'has spaces' is not a WhatDoTheyKnow URL name",
        ),
        (
            "Name,URL name\nA,a\nB,b\nA again,a\n",
            r"row 4, column 'URL name': 'a' is already used on row 2",
        ),
        (
            "Name,URL name,Request email\nA,a,not-an-email\n",
            r"row 2, column 'Request email': 'not-an-email'",
        ),
        ("Name,URL name,Regime\nA,a,gdpr\n", r"row 2, column 'Regime': 'gdpr' is not one of"),
        ("Name,URL name,Nation\nA,a,mars\n", r"row 2, column 'Nation': 'mars'"),
        ("Name,URL name\nA,a,extra,fields\n", r"row 2: 4 fields but the header has 2"),
        ('Name,URL name\nA,a\n"B,b\n', r"row 3: a quoted value is never closed"),
        ('Name,URL name\nA,"a"x\n', r"row 2: text follows a closing quote"),
    ],
)
def test_malformed_csv_is_one_line_error_naming_file_row_and_column(tmp_path, text, message):
    path = write(tmp_path / "bad.csv", text)
    with pytest.raises(DataError, match=message) as err:
        authorities.load_wdtk_csv(path)
    assert str(path) in err.value.message
    assert "\n" not in err.value.message
    assert err.value.exit_code == 1


def test_missing_and_binary_files_are_clear_errors(tmp_path):
    with pytest.raises(FoiError, match="cannot read the directory file"):
        authorities.load_wdtk_csv(tmp_path / "nope.csv")
    binary = tmp_path / "sheet.xlsx"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(FoiError, match="not a CSV file"):
        authorities.load_wdtk_csv(binary)


# --- merging into the built-in directory -----------------------------------------------------------


def test_merge_adds_new_bodies_and_overrides_by_id_or_url_name(wdtk_csv):
    merged = authorities.load(wdtk_csv)
    builtin = authorities.builtin()
    # gcc, dwp, and Ipswich and Suffolk (councils, from mySociety's list) are already there
    assert len(merged.authorities) == len(builtin.authorities) + 2
    assert merged.providers == builtin.providers
    # dwp: same id; the user's row adds its home page and keeps the built-in aliases and address.
    dwp = merged.authorities["dwp"]
    assert dwp.home_page == "https://www.gov.uk/dwp"
    assert "Jobcentre Plus" in dwp.aliases
    assert dwp.address == builtin.authorities["dwp"].address
    assert dwp.regime == "foia"
    # gcc: the built-in Glasgow entry has WhatDoTheyKnow URL name gcc, so the row lands on it.
    assert "gcc" not in merged.authorities
    assert merged.authorities["glasgow-city-council"].origin == str(wdtk_csv)
    # New bodies are searchable and resolvable.
    assert authorities.search("ipswich", merged)[0].id == "ipswich-borough-council"
    assert (
        authorities.resolve("Ipswich Borough Council", merged).authority.email
        == "foi@ipswich.example"
    )
    # A provider still leads to DWP in the merged directory.
    assert authorities.resolve("a4e", merged).authority.id == "dwp"


def test_a_user_email_replaces_an_unverified_one(tmp_path):
    path = write(
        tmp_path / "mine.csv",
        "Name,URL name,Request email\nDepartment for Work and Pensions,dwp,foi@dwp.example\n",
    )
    dwp = authorities.load(path).authorities["dwp"]
    assert dwp.email == "foi@dwp.example"
    assert dwp.short == "DWP"  # a blank Short name does not replace the built-in one
    assert "email" not in dwp.unverified
    assert (
        authorities.builtin().authorities["dwp"].email
        == "freedom-of-information-request@dwp.gov.uk"
    )


def test_a_regime_column_overrides_a_builtin_regime_but_tags_alone_do_not(tmp_path):
    path = write(tmp_path / "mine.csv", "Name,URL name,Tags\nDWP,dwp,scotland\n")
    assert authorities.load(path).authorities["dwp"].regime == "foia"
    path = write(tmp_path / "mine2.csv", "Name,URL name,Regime\nDWP,dwp,eir\n")
    assert authorities.load(path).authorities["dwp"].regime == "eir"

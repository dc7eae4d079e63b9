"""The built-in directory: its data, the forgiving search, and where a request about a provider goes."""

from __future__ import annotations

import re

import pytest

from foi.directory import authorities
from foi.directory.authorities import builtin, find, resolve, search
from foi.directory.entries import Authority, Provider
from foi.law import regimes
from foi.support.errors import FoiError

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def directory() -> authorities.Directory:
    return builtin()


# --- the data ---------------------------------------------------------------------------------


def test_directory_has_at_least_32_bodies_and_22_providers(directory):
    assert len(directory.authorities) >= 32
    assert len(directory.providers) >= 22


def test_issue_bodies_are_all_present(directory):
    for body in [
        "dwp",
        "hmrc",
        "cabinet-office",
        "dfe",
        "dhsc",
        "dfc",
        "scottish-government",
        "social-security-scotland",
        "skills-development-scotland",
        "welsh-government",
        "ico",
    ]:
        assert body in directory.authorities, body
    tags = [set(a.tags) for a in directory.authorities.values()]
    assert sum("council" in t for t in tags) >= 3
    assert sum("nhs" in t for t in tags) >= 3


def test_issue_providers_are_all_findable(directory):
    for name in [
        "A4e",
        "Action for Employment",
        "PeoplePlus",
        "G4S",
        "Maximus",
        "Remploy",
        "Centre for Health and Disability Assessments",
        "Serco",
        "Ingeus",
        "Reed in Partnership",
        "Shaw Trust",
        "Seetec",
        "Working Links",
        "Pluss",
        "Atos",
        "Independent Assessment Services",
        "Capita",
        "Staffline",
        "Prospects",
        "APM",
        "The Work Company",
        "Behavioural Insights Team",
    ]:
        entry = find(name, directory)
        assert isinstance(entry, Provider), name


def test_every_provider_commissioner_exists(directory):
    for prov in directory.providers.values():
        assert prov.commissioned_by in directory.authorities, prov.id
        if prov.commissioned_by_ni:
            assert prov.commissioned_by_ni in directory.authorities, prov.id
        for prog in prov.programmes:
            assert prog.commissioned_by in directory.authorities, (prov.id, prog.name)


def test_every_regime_and_nation_is_valid(directory):
    known = set(regimes.ids())
    for auth in directory.authorities.values():
        assert auth.regime in known, auth.id
        assert auth.nation in authorities.NATIONS, auth.id


def test_scottish_public_authorities_are_foisa_and_uk_wide_bodies_foia(directory):
    for auth in directory.authorities.values():
        if auth.nation == "scotland":
            assert auth.regime == "foisa", auth.id
        else:
            assert auth.regime == "foia", auth.id
    assert directory.authorities["dwp"].regime == "foia"
    assert directory.authorities["dwp"].nation == "uk"


def test_ids_are_kebab_case_and_names_do_not_collide(directory):
    owner: dict[str, str] = {}
    for entry in directory.entries():
        assert KEBAB.match(entry.id), entry.id
        for name in directory.names(entry):
            key = authorities.norm(name)
            if getattr(entry, "ended", None):
                continue  # an abolished council's name may fold to its successor's WhatDoTheyKnow name
            assert owner.setdefault(key, entry.id) == entry.id, (
                f"'{name}' names {owner[key]} and {entry.id}"
            )


def test_unverified_lists_only_fields_that_exist(directory):
    for auth in directory.authorities.values():
        for field in auth.unverified:
            assert field in {"email", "address", "wdtk", "regime", "sar_address"}, (auth.id, field)
            assert getattr(auth, field), (auth.id, field)
        assert not auth.verified, f"{auth.id}: nothing is confirmed against the body's own page yet"
        assert auth.sources, f"{auth.id} has no source"
    for prov in directory.providers.values():
        assert prov.sources, f"{prov.id} has no source"


def test_dwp_keeps_the_reference_facts_and_marks_the_email_unverified(directory):
    dwp = directory.authorities["dwp"]
    assert dwp.email == "freedom-of-information-request@dwp.gov.uk"
    assert "email" in dwp.unverified  # reference G7
    assert dwp.address == (
        "DWP Central Freedom of Information Team",
        "Caxton House",
        "6-12 Tothill Street",
        "London SW1H 9NA",
    )
    assert dwp.wdtk_url == "https://www.whatdotheyknow.com/new/dwp"
    assert "Jobcentre Plus is part of DWP" in dwp.notes


def test_unknown_field_in_data_is_a_one_line_error():
    with pytest.raises(FoiError, match=r"authority 'x': unknown field 'emial'"):
        authorities._authority(
            {"id": "x", "name": "X", "regime": "foia", "emial": "a@b.uk"}, "authority 'x'"
        )


# --- search ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, first",
    [
        ("jobcentre", "dwp"),
        ("job centre plus", "dwp"),
        ("JOBCENTRE PLUS", "dwp"),
        ("DWP", "dwp"),
        ("dwp", "dwp"),
        ("Department of Work and Pensions", "dwp"),
        ("work and pensions", "dwp"),
        ("a4e", "a4e"),
        ("A4E", "a4e"),
        ("people plus", "a4e"),
        ("PeoplePlus", "a4e"),
        ("Action for Employment", "a4e"),
        ("action employment", "a4e"),
        ("HM Revenue & Customs", "hmrc"),
        ("HM Revenue and Customs", "hmrc"),
        ("Inland Revenue", "hmrc"),
        ("scot gov", "scottish-government"),
        ("social security scot", "social-security-scotland"),
        ("Skills Development", "skills-development-scotland"),
        ("Jobs & Benefits Office", "dfc"),
        ("atos healthcare", "atos"),
        ("CHDA", "chda"),
        ("nudge unit", "bit"),
        ("reed", "reed"),
        ("scottish_government", "scottish-government"),  # a WhatDoTheyKnow URL name
        ("Information Commissioner's Office", "ico"),
        ("information commissioners", "ico"),
    ],
)
def test_search_is_forgiving(directory, query, first):
    found = search(query, directory)
    assert found, query
    assert found[0].id == first


def test_search_ranks_exact_before_prefix_before_substring(directory):
    found = [e.id for e in search("glasgow", directory)]
    assert found[:2] == ["glasgow-city-council", "nhs-greater-glasgow-and-clyde"]
    scores = [
        authorities._name_score("dwp", ["dwp"], "DWP"),
        authorities._name_score("dw", ["dw"], "DWP"),
        authorities._name_score("job plus", ["job", "plus"], "Jobcentre Plus"),
        authorities._name_score("centre", ["centre"], "Jobcentre Plus"),
    ]
    assert scores == [100, 80, 60, 40]


def test_search_without_a_query_lists_everything_and_nonsense_finds_nothing(directory):
    assert len(search("", directory)) == len(directory.authorities) + len(directory.providers)
    assert search(None, directory)[0].id == "dwp"
    assert search("zzqx", directory) == []
    assert search("!!!", directory) == search("", directory)


# --- find, resolve -----------------------------------------------------------------------------


def test_find_unknown_suggests_close_ids(directory):
    with pytest.raises(FoiError) as err:
        find("dwpp", directory)
    assert "did you mean dwp" in err.value.message
    assert "\n" not in err.value.message


def test_resolve_a4e_goes_to_dwp_and_names_a4e(directory):
    target = resolve("a4e", directory)
    assert target.authority.id == "dwp"
    assert target.provider is not None and target.provider.id == "a4e"
    assert target.provider_label == "A4e (now PeoplePlus)"


def test_resolve_in_northern_ireland_goes_to_the_department_for_communities(directory):
    target = resolve("A4e", directory, nation="ni")
    assert target.authority.id == "dfc"
    assert resolve("Capita", directory, nation="Northern Ireland").authority.id == "dfc"
    # A UK-wide body is not redirected: only providers have an NI commissioner.
    assert resolve("dwp", directory, nation="ni").authority.id == "dwp"


def test_resolve_a_provider_in_scotland_still_goes_to_dwp_unless_the_programme_is_devolved(
    directory,
):
    assert resolve("people plus", directory, nation="scotland").authority.id == "dwp"
    target = resolve("people plus", directory, programme="Fair Start Scotland")
    assert target.authority.id == "scottish-government"
    assert target.authority.regime == "foisa"


def test_resolve_the_nudge_unit_goes_to_the_cabinet_office(directory):
    assert resolve("Behavioural Insights Team", directory).authority.id == "cabinet-office"


def test_resolve_an_authority_returns_it_without_a_provider(directory):
    target = resolve("job centre plus", directory)
    assert target == authorities.Target(directory.authorities["dwp"])


def test_resolve_unknown_is_a_user_error(directory):
    with pytest.raises(FoiError, match="no authority or provider called 'Acme Welfare'"):
        resolve("Acme Welfare", directory)


def test_a_provider_naming_a_missing_commissioner_is_a_data_error():
    bad = authorities.Directory({}, {"x": Provider(id="x", name="X", commissioned_by="nowhere")})
    with pytest.raises(FoiError, match="commissioner 'nowhere'"):
        authorities.validate(bad, "test.yaml")
    with pytest.raises(FoiError, match="no authority with that id"):
        authorities.commissioner(bad.providers["x"], bad)


def test_an_unknown_regime_is_a_data_error():
    bad = authorities.Directory({"x": Authority(id="x", name="X", short="X", regime="gdpr")})
    with pytest.raises(FoiError, match="unknown regime 'gdpr'"):
        authorities.validate(bad, "test.yaml")

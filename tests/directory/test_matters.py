"""The one table of which body holds which subject (foi/data/matters.yaml), as `foi new` and the
checker's law/wrong-body rule both read it: programmes decide first, then the tuned terms; own
schemes and own dealings are not the wrong body; nations and councils' own records count."""

from __future__ import annotations

import pytest

from foi.checks import check_text
from foi.directory import authorities, matters, programmes
from foi.support.errors import DataError


def _wrong(text: str, body: str) -> list[tuple[str, str]]:
    """(excerpt, suggestion) of each law/wrong-body finding on this text sent to this body."""
    found = check_text(text, body_only=True, authority=authorities.resolve(body).authority)
    return [(f.excerpt, f.suggestion) for f in found if f.rule == "law/wrong-body"]


def test_a_devolved_programme_asked_of_dwp_goes_to_the_scottish_government() -> None:
    [(excerpt, suggestion)] = _wrong("Please provide the number of referrals to Fair Start Scotland in 2023.", "dwp")
    assert "Fair Start Scotland" in excerpt and suggestion.startswith("Send this part to Scottish Government;")


def test_a_reserved_programme_asked_of_the_scottish_government_goes_to_dwp() -> None:
    [(excerpt, suggestion)] = _wrong("Please provide the number of referrals to the Work Programme in 2016.",
                                     "scottish-government")
    assert "Work Programme" in excerpt and "Department for Work and Pensions" in suggestion


def test_councils_that_delivered_a_programme_hold_their_own_records_of_it() -> None:
    text = "Please provide the number of people referred to No One Left Behind in 2023."
    assert _wrong(text, "glasgow-city-council") == []
    assert _wrong(text, "dwp") != []


def test_the_department_for_communities_holds_reserved_subjects_when_the_nation_is_not_known() -> None:
    assert _wrong("Please provide the number of Universal Credit sanctions in Belfast in 2025.", "dfc") == []
    sanctions = matters.matter_of(["sanctions"])
    assert matters.wrong_body(authorities.find("dfc"), sanctions, "ni") is None  # type: ignore[arg-type]
    assert matters.wrong_body(authorities.find("dfc"), sanctions, "scotland").right_body == "dwp"  # type: ignore[arg-type, union-attr]


def test_a_council_service_asked_of_dwp_points_to_the_local_council() -> None:
    problem = matters.judge("How many bin collections were missed in 2025?", authorities.find("dwp"))  # type: ignore[arg-type]
    assert problem is not None and problem.right_body is None and problem.words == "bin collections"
    assert "held by the local council" in problem.message


def test_own_dealings_with_dwp_are_not_the_wrong_body() -> None:
    text = "Please provide the correspondence with DWP about Jobcentre referrals in 2025."
    assert matters.judge(text, authorities.find("scottish-government")) is None  # type: ignore[arg-type]


def test_the_span_is_the_words_that_show_the_subject() -> None:
    text = "Dear Sir. Please give the number of work coaches at each Jobcentre in 2025."
    problem = matters.judge(text, authorities.find("cabinet-office"))  # type: ignore[arg-type]
    assert problem is not None and text[problem.start:problem.end] == problem.words == "work coaches"


def test_every_programme_belongs_to_a_subject_in_the_table() -> None:
    table = matters.all_matters()
    assert {scheme.matter for scheme in programmes.schemes()} <= set(table)
    assert {"reserved", "devolved-scotland"} <= set(table)


def test_a_malformed_term_is_a_data_error() -> None:
    with pytest.raises(DataError, match="matters.yaml"):
        matters._compile(("(unclosed",))


@pytest.mark.parametrize(("text", "body", "words"), [
    ("Please provide the DWP decision makers guide on sanctions.", "scottish-government", "DWP"),
    ("How many staff does the Department for Work and Pensions employ in Glasgow?", "glasgow-city-council",
     "Department for Work and Pensions"),
    ("How many housing benefit referrals did the council receive from DWP in 2025?", "glasgow-city-council", None),
    ("How many fraud referrals did the council send to the Department for Work and Pensions?", "glasgow-city-council",
     None),
])
def test_dwp_by_name_is_its_subject_but_the_recipients_dealings_with_it_are_not(text: str, body: str,
                                                                              words: str | None) -> None:
    problem = matters.judge(text, authorities.find(body))  # type: ignore[arg-type]
    assert (problem.words if problem else None) == words

"""The unfinished letter's file, the situations menu, choosing by words, and sentences for names."""

from __future__ import annotations

import os
import stat
from datetime import date, datetime

import pytest

from foi.request import recovery, scenarios, situations
from foi.request.questions import InvalidAnswer, Question, parse
from foi.request.validators import nation_id, sentence_like


def test_recovery_is_owner_only_round_trips_and_is_forgotten() -> None:
    assert recovery.load() is None
    assert recovery.save({"name": None, "email": ""}) is None  # nothing typed: nothing kept
    where = recovery.save({"scenario": "mandatory-activity", "name": "Jane Smith", "date_from": date(2013, 2, 1),
                           "authority": "dwp", "programme": "the Work Programme", "office": None},
                          now=datetime(2026, 12, 1, 2, 40))
    assert where == recovery.path() and stat.S_IMODE(os.stat(where).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(where.parent).st_mode) == 0o700
    kept = recovery.load()
    assert kept is not None
    assert kept["answers"]["date_from"] == "2013-02-01" and kept["answers"]["office"] is None
    assert recovery.describe(kept) == "kept on 1 December 2026 at 02:40, to dwp, about the Work Programme"
    recovery.discard()
    assert recovery.load() is None
    recovery.discard()  # twice is fine


def test_a_damaged_recovery_file_is_no_offer_rather_than_an_error() -> None:
    recovery.path().parent.mkdir(parents=True, exist_ok=True)
    recovery.path().write_text("answers: [not: a mapping\n", encoding="utf-8")
    assert recovery.load() is None


def test_the_situations_menu_reaches_every_scenario_most_common_first() -> None:
    found = scenarios.all_scenarios()
    menu = situations.menu(found)
    assert [sid for sid, _ in menu][:3] == ["provider-data-access", "mandatory-activity", "sanctions"]
    assert sorted(sid for sid, _ in menu) == sorted(found)
    assert menu[-1][0] == "custom"
    listed = situations._listed(situations._path(None))
    assert all(sid in found for sid, _ in listed), "a situation names a scenario that does not exist"


def test_a_scenario_of_ones_own_is_offered_before_something_else(tmp_path: object) -> None:
    from pathlib import Path

    own = Path(str(tmp_path)) / "scenarios"
    own.mkdir()
    text = (scenarios.get("custom").path or Path()).read_text(encoding="utf-8").replace("id: custom", "id: mine")
    (own / "mine.yaml").write_text(text, encoding="utf-8")
    menu = situations.menu(scenarios.all_scenarios(own.parent), own.parent)
    assert [sid for sid, _ in menu][-2:] == ["mine", "custom"]


MENU = Question("scenario", "What happened?", type="choice", choices=("provider-data-access", "mandatory-activity"),
                labels=("Someone from a provider saw my records at the Jobcentre",
                        "I was told to go on a course at the Jobcentre"))


@pytest.mark.parametrize(("typed", "chosen"), [("2", "mandatory-activity"), ("mandatory", "mandatory-activity"),
                                               ("course", "mandatory-activity"), ("records", "provider-data-access"),
                                               ("Provider-Data-Access", "provider-data-access")])
def test_a_menu_choice_by_number_value_or_words(typed: str, chosen: str) -> None:
    assert parse(MENU, typed) == chosen


def test_a_menu_choice_that_fits_several_or_none_says_what_to_type() -> None:
    with pytest.raises(InvalidAnswer, match="fits more than one: type the number of the one you mean \\(1, 2\\)"):
        parse(MENU, "jobcentre")
    with pytest.raises(InvalidAnswer, match="fits none of these"):
        parse(MENU, "weather")


def test_a_script_gets_exact_ids_and_a_did_you_mean() -> None:
    plain = Question("scenario", "Which?", type="choice", choices=("mandatory-activity", "sanctions"))
    with pytest.raises(InvalidAnswer, match=r"is not one of: mandatory-activity, sanctions \(did you mean mandatory-activity\?\)"):
        parse(plain, "mandatory")
    with pytest.raises(InvalidAnswer, match=r"did you mean sanctions\?"):
        parse(plain, "sanctons")


@pytest.mark.parametrize(("answer", "queried"), [
    ("the A4e jobsearch skills course", False), ("Restart", False), ("the Work and Health Programme", False),
    ("a course with A4e, my adviser said I had to go but wouldnt say if it was compulsory", True),
    ("the course I was sent on", True), ("what they told me", True), ("I’m not sure", True),
    ("one two three four five six seven eight nine", True),
])
def test_a_sentence_where_a_name_is_wanted(answer: str, queried: bool) -> None:
    assert sentence_like(answer) is queried


@pytest.mark.parametrize(("typed", "nation"), [("Scotland", "scotland"), ("northern ireland", "ni"), ("NI", "ni"),
                                               ("Northern-Ireland", "ni"), ("wales", "wales"), ("UK", "uk"),
                                               ("mars", None)])
def test_nations_as_people_write_them(typed: str, nation: str | None) -> None:
    assert nation_id(typed) == nation

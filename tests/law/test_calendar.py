"""Working days and deadlines against the worked examples of reference table H and F1, plus properties.

Every expected date below is copied from ../shared/reference/uk-foi-law.md (tables H and F1), computed
there with holidays 0.109 and the union of the four UK subdivisions.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vectors import SAR_TABLE, TABLE_H

from foi.law import regimes
from foi.law.deadlines import response_due
from foi.law.holidays import Holiday, holiday_on, holidays_in, load_overrides
from foi.law.next_steps import next_steps
from foi.law.workdays import add_months, add_working_days, is_working_day
from foi.support.dates import long_date, parse_date
from foi.support.errors import DataError, FoiError, UsageProblem

D = date.fromisoformat


def regime(regime_id: str) -> regimes.Regime:
    return regimes.get(regime_id)


@pytest.mark.parametrize("received, foia, _ew, _code, _foisa", TABLE_H)
def test_table_h_foia_union(received: str, foia: str, _ew: str, _code: str, _foisa: str) -> None:
    assert response_due(D(received), regime("foia")).due == D(foia)


@pytest.mark.parametrize("received, foia, _ew, _code, _foisa", TABLE_H)
def test_table_h_eir_counts_like_foia(received: str, foia: str, _ew: str, _code: str, _foisa: str) -> None:
    assert response_due(D(received), regime("eir")).due == D(foia)


@pytest.mark.parametrize("received, foia, england_wales, _code, _foisa", TABLE_H)
def test_table_h_england_and_wales_only_is_the_wrong_answer(
    received: str, foia: str, england_wales: str, _code: str, _foisa: str
) -> None:
    wrong = add_working_days(D(received), 20, "england-and-wales")
    assert wrong == D(england_wales)
    assert wrong < response_due(D(received), regime("foia")).due


@pytest.mark.parametrize("received, foia, _ew, code, _foisa", TABLE_H)
def test_table_h_code_reading(received: str, foia: str, _ew: str, code: str, _foisa: str) -> None:
    deadline = response_due(D(received), regime("foia"))
    assert (deadline.code_due or deadline.due) == D(code)
    # Only reported when it is later than the statutory date.
    assert deadline.code_due is None or deadline.code_due > deadline.due
    assert deadline.latest == D(code)


@pytest.mark.parametrize("received, _foia, _ew, _code, foisa", TABLE_H)
def test_table_h_foisa_scottish_days_only(received: str, _foia: str, _ew: str, _code: str, foisa: str) -> None:
    deadline = response_due(D(received), regime("foisa"))
    assert deadline.due == D(foisa)
    assert deadline.code_due is None  # the s.45 Code is not a FOISA rule
    assert deadline.calendar == "scotland"
    assert response_due(D(received), regime("eisr")).due == D(foisa)


def test_issue_example_scotland_world_cup_day_moves_an_english_deadline() -> None:
    deadline = response_due(D("2026-06-01"), regime("foia"))
    assert deadline.due == D("2026-06-30")
    assert [h.date for h in deadline.holidays_skipped] == [D("2026-06-15")]
    assert deadline.holidays_skipped[0].regions == ("Scotland",)
    assert deadline.beyond_data is False and deadline.beyond_data_message is None


def test_table_h_holidays_named_in_the_reference_are_the_ones_skipped() -> None:
    july = response_due(D("2026-07-04"), regime("foia")).holidays_skipped
    assert [(h.date, h.regions) for h in july] == [
        (D("2026-07-13"), ("Northern Ireland",)),
        (D("2026-08-03"), ("Scotland",)),
    ]
    march = response_due(D("2026-03-13"), regime("foia")).holidays_skipped
    assert [h.date for h in march] == [D("2026-03-17"), D("2026-04-03"), D("2026-04-06")]
    assert [h.name for h in march] == ["St Patrick's Day", "Good Friday", "Easter Monday"]
    # Under FOISA, only the Scottish ones: Good Friday, not St Patrick's Day or Easter Monday.
    foisa = response_due(D("2026-03-13"), regime("foisa")).holidays_skipped
    assert [h.date for h in foisa] == [D("2026-04-03")]


def test_letter_example_st_andrews_day() -> None:
    deadline = response_due(D("2026-11-23"), regime("foia"))
    assert deadline.due == D("2026-12-22")
    (st_andrew,) = deadline.holidays_skipped
    assert st_andrew == Holiday(D("2026-11-30"), "St Andrew's Day", ("Scotland",), "holidays package")
    assert st_andrew.where == "in Scotland"
    assert long_date(deadline.due) == "22 December 2026"
    assert long_date(st_andrew.date, weekday=True) == "Monday 30 November 2026"


@pytest.mark.parametrize("received, due, extended", SAR_TABLE)
def test_sar_table(received: str, due: str, extended: str) -> None:
    one_month = response_due(D(received), regime("sar"))
    assert one_month.due == D(due)
    assert one_month.unit == "months" and one_month.count == 1
    assert one_month.extension_due == D(extended)
    three_months = response_due(D(received), regime("sar"), extended=True)
    assert three_months.due == D(extended)


def test_sar_rolls_past_the_substitute_boxing_day() -> None:
    deadline = response_due(D("2026-11-28"), regime("sar"))
    assert [(h.date, h.name) for h in deadline.holidays_skipped] == [
        (D("2026-12-28"), "Boxing Day (substitute day)")
    ]


def test_sar_extended_on_a_sunday_reports_the_next_working_day_a_controller_may_claim() -> None:
    deadline = response_due(D("2026-11-28"), regime("sar"), extended=True)
    assert deadline.due == D("2027-02-28")
    assert deadline.rolled_due == D("2027-03-01")
    assert deadline.latest == D("2027-03-01")
    assert response_due(D("2026-03-31"), regime("sar"), extended=True).rolled_due is None


def test_sar_calendar_choice_changes_the_roll_forward() -> None:
    # 3 August 2026 is a Monday and Scotland's summer bank holiday.
    assert response_due(D("2026-07-03"), regime("sar")).due == D("2026-08-03")
    assert response_due(D("2026-07-03"), regime("sar"), calendar="scotland").due == D("2026-08-04")
    assert response_due(D("2026-07-03"), regime("sar"), calendar="uk").due == D("2026-08-04")


def test_calendar_choice_is_only_for_subject_access() -> None:
    with pytest.raises(UsageProblem, match="only for a subject access request"):
        response_due(D("2026-06-01"), regime("foia"), calendar="england-and-wales")
    with pytest.raises(UsageProblem, match="unknown calendar 'wales'"):
        response_due(D("2026-06-01"), regime("sar"), calendar="wales")


def test_clarification_restarts_the_clock() -> None:
    deadline = response_due(D("2026-06-01"), regime("foia"), clarified=D("2026-06-10"))
    assert deadline.start == D("2026-06-10") and deadline.received == D("2026-06-01")
    assert deadline.due == add_working_days(D("2026-06-10"), 20, "uk") == D("2026-07-09")
    # The Code reading applies to the day the clarification arrived: Saturday 13 June, before
    # Scotland's Monday 15 June, so day 1 is Tuesday 16 June (Code: Wednesday 17 June) and NI's
    # Monday 13 July is skipped on the way.
    saturday = response_due(D("2026-06-01"), regime("foia"), clarified=D("2026-06-13"))
    assert saturday.due == D("2026-07-14")
    assert saturday.code_due == D("2026-07-15")


def test_clarification_before_receipt_is_refused() -> None:
    with pytest.raises(FoiError, match="before the date of receipt"):
        response_due(D("2026-06-10"), regime("foia"), clarified=D("2026-06-01"))


def test_extensions() -> None:
    # EIR reg 7: to 40 working days; FOIA: the ICO's 40-working-day norm.
    eir = response_due(D("2026-06-01"), regime("eir"), extended=True)
    assert eir.due == add_working_days(D("2026-06-01"), 40, "uk") == D("2026-07-29")
    assert eir.extended and eir.count == 40
    assert response_due(D("2026-06-01"), regime("foia")).extension_due == D("2026-07-29")
    # EISR reg 7 on the Scottish calendar.
    assert response_due(D("2026-06-01"), regime("eisr"), extended=True).due == add_working_days(
        D("2026-06-01"), 40, "scotland"
    )
    with pytest.raises(FoiError, match="FOISA has no extension"):
        response_due(D("2026-06-01"), regime("foisa"), extended=True)
    assert response_due(D("2026-06-01"), regime("foisa")).extension_due is None


def test_days_counts_the_nth_working_day() -> None:
    deadline = response_due(D("2026-06-01"), regime("foia"), days=10)
    assert deadline.due == D("2026-06-16")  # 15 June is skipped
    assert deadline.count == 10 and deadline.extension_due is None
    with pytest.raises(UsageProblem, match="1 or more"):
        response_due(D("2026-06-01"), regime("foia"), days=0)
    with pytest.raises(UsageProblem, match="not both"):
        response_due(D("2026-06-01"), regime("eir"), days=5, extended=True)
    with pytest.raises(UsageProblem, match="calendar months"):
        response_due(D("2026-06-01"), regime("sar"), days=5)


def test_union_includes_days_the_package_drops_without_a_subdivision() -> None:
    # Easter Monday and the summer holidays are not common to all four parts (reference F2).
    assert not is_working_day(D("2026-04-06"), "uk")
    assert is_working_day(D("2026-04-06"), "scotland")
    assert not is_working_day(D("2026-08-31"), "uk")
    assert is_working_day(D("2026-08-31"), "scotland")
    assert not is_working_day(D("2026-08-03"), "uk")
    assert not is_working_day(D("2026-08-03"), "scotland")
    assert is_working_day(D("2026-08-03"), "england-and-wales")


@pytest.mark.parametrize(
    "year, expected",
    [
        (2025, ["2025-01-02", "2025-03-17", "2025-07-14", "2025-08-04", "2025-12-01"]),
        (2026, ["2026-01-02", "2026-03-17", "2026-06-15", "2026-07-13", "2026-08-03", "2026-11-30"]),
        (2027, ["2027-01-04", "2027-03-17", "2027-07-12", "2027-08-02", "2027-11-30"]),
    ],
)
def test_reference_f1_weekday_holidays_outside_england_and_wales(year: int, expected: list[str]) -> None:
    found = [
        h.date for h in holidays_in(year, "uk")
        if h.date.weekday() < 5 and "England and Wales" not in h.regions
    ]
    assert found == [D(d) for d in expected]


def test_proclaimed_one_off_days_and_statutory_days() -> None:
    for day in ("2022-07-12", "2022-09-19", "2022-06-03", "2023-05-08"):
        assert not is_working_day(D(day), "uk"), day
    assert not is_working_day(D("2022-09-19"), "scotland")
    # Good Friday and Christmas Day in every calendar.
    for cal in ("uk", "scotland", "england-and-wales", "northern-ireland"):
        assert not is_working_day(D("2027-03-26"), cal)
        assert not is_working_day(D("2026-12-25"), cal)


def test_weekend_holidays_are_not_listed_as_skipped() -> None:
    # 12 July 2026 is a Sunday; its substitute, Monday 13 July, is the day skipped.
    skipped = response_due(D("2026-07-04"), regime("foia")).holidays_skipped
    assert D("2026-07-12") not in [h.date for h in skipped]
    assert holiday_on(D("2026-07-12")) is not None


def test_add_months() -> None:
    assert add_months(D("2026-01-31"), 1) == D("2026-02-28")
    assert add_months(D("2028-01-31"), 1) == D("2028-02-29")
    assert add_months(D("2026-12-15"), 1) == D("2027-01-15")
    assert add_months(D("2026-11-30"), 3) == D("2027-02-28")
    assert add_months(D("2026-08-31"), 6) == D("2027-02-28")


def test_add_working_days_day_zero_is_the_start() -> None:
    assert add_working_days(D("2026-06-06"), 0) == D("2026-06-06")
    assert add_working_days(D("2026-06-06"), 1) == D("2026-06-08")  # Saturday -> Monday is day 1


def test_dates_beyond_the_checked_data_say_so() -> None:
    later = response_due(D("2028-03-01"), regime("foia"))
    assert later.beyond_data is True
    assert "projected by rule" in (later.beyond_data_message or "")
    # A count that only runs past the window is flagged too.
    edge = response_due(D("2027-12-10"), regime("foia"))
    assert edge.due.year == 2028 and edge.beyond_data
    earlier = response_due(D("2021-06-01"), regime("foia"))
    assert earlier.beyond_data and "not checked" in (earlier.beyond_data_message or "")
    with pytest.raises(FoiError, match="outside the bank-holiday data"):
        response_due(D("2100-12-20"), regime("foia"))


def test_parse_date_is_strict() -> None:
    assert parse_date("2026-06-01") == D("2026-06-01")
    for bad in ("2026-13-01", "tomorrow", "20260601", "2026-W23-1", "1/6/2026", "2026-02-30", ""):
        assert parse_date(bad) is None, bad


# --- overrides ---------------------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "holidays.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_overrides_add_a_proclaimed_day(tmp_path: Path) -> None:
    path = write(tmp_path, 'add:\n  - date: 2027-05-10\n    name: "A new day"\n    regions: [scotland]\n')
    overrides = load_overrides(path)
    plain = response_due(D("2027-05-03"), regime("foia"))
    moved = response_due(D("2027-05-03"), regime("foia"), overrides=overrides)
    assert moved.due == add_working_days(plain.due, 1, "uk")
    added = [h for h in moved.holidays_skipped if h.date == D("2027-05-10")]
    assert added == [Holiday(D("2027-05-10"), "A new day", ("Scotland",), str(path))]
    # A Scottish day moves FOISA too; an NI-only day would not.
    assert response_due(D("2027-05-03"), regime("foisa"), overrides=overrides).due > response_due(
        D("2027-05-03"), regime("foisa")
    ).due
    assert not is_working_day(D("2027-05-10"), "uk", overrides)
    assert is_working_day(D("2027-05-10"), "uk")


def test_overrides_remove_a_day(tmp_path: Path) -> None:
    # Without Scotland's 4 January 2027 the last row of table H falls back one day.
    overrides = load_overrides(write(tmp_path, "remove:\n  - 2027-01-04\n"))
    assert response_due(D("2026-12-15"), regime("foia"), overrides=overrides).due == D("2027-01-15")
    assert [h.date for h in response_due(D("2026-12-15"), regime("foia"), overrides=overrides).holidays_skipped] == [
        D("2026-12-25"), D("2026-12-28"), D("2027-01-01")
    ]


def test_overrides_remove_by_region_changes_the_count(tmp_path: Path) -> None:
    overrides = load_overrides(
        write(tmp_path, "remove:\n  - {date: 2026-07-13, regions: [northern-ireland]}\n")
    )
    assert is_working_day(D("2026-07-13"), "uk", overrides)
    assert not is_working_day(D("2026-07-13"), "northern-ireland")
    # With 13 July a working day, the 20th working day after 4 July is Friday 31 July, before
    # Scotland's 3 August is reached.
    deadline = response_due(D("2026-07-04"), regime("foia"), overrides=overrides)
    assert deadline.due == D("2026-07-31")
    assert deadline.holidays_skipped == ()


@pytest.mark.parametrize(
    "text, message",
    [
        ("add: [1, 2", "not valid YAML (line"),
        ("- 2027-01-04\n", "expected a mapping"),
        ("added: []\n", "unknown key 'added'"),
        ("add: 2027-05-10\n", "'add' must be a list"),
        ("add:\n  - date: 2027-13-01\n    name: x\n", "add entry 1: date '2027-13-01' is not a date"),
        ("add:\n  - {date: 2027-05-10, name: x}\n  - {date: 2027-05-11}\n", "add entry 2 (2027-05-11): no 'name'"),
        ("add:\n  - {name: x}\n", "add entry 1: no 'date'"),
        ("add:\n  - {date: 2027-05-10, name: x, regions: [wales, mars]}\n", "unknown region 'mars'"),
        ("add:\n  - {date: 2027-05-10, name: x, when: y}\n", "unknown key 'when'"),
        ("remove:\n  - 2026-12-25\n", "Christmas Day is never a working day"),
        ("remove:\n  - 2026-04-03\n", "Good Friday is never a working day"),
        ("remove:\n  - 2026-06-16\n", "remove entry 1 (2026-06-16): not a bank holiday anywhere"),
        ("remove:\n  - {date: 2026-06-15, regions: [england]}\n", "not a bank holiday in England and Wales"),
        ("remove:\n  - tomorrow\n", "remove entry 1: date 'tomorrow' is not a date"),
    ],
)
def test_bad_overrides_file_is_one_line_naming_file_and_entry(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DataError) as err:
        load_overrides(path)
    assert str(path) in err.value.message
    assert message in err.value.message
    assert "\n" not in err.value.message


def test_missing_overrides_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such file"):
        load_overrides(tmp_path / "nope.yaml")


def test_empty_overrides_file_changes_nothing(tmp_path: Path) -> None:
    overrides = load_overrides(write(tmp_path, ""))
    assert response_due(D("2026-06-01"), regime("foia"), overrides=overrides).due == D("2026-06-30")


# --- next steps --------------------------------------------------------------------------------


def test_next_steps_foia_from_a_reply_date() -> None:
    deadline = response_due(D("2026-06-01"), regime("foia"))
    steps = {s.key: s for s in next_steps(deadline, responded=D("2026-06-10"))}
    assert "late_reply" not in steps
    assert steps["review_request"].by == add_working_days(D("2026-06-10"), 40, "uk")
    assert steps["review_answer"].by == add_working_days(D("2026-06-10"), 20, "uk")
    assert steps["review_answer"].at_most == add_working_days(D("2026-06-10"), 40, "uk")
    assert steps["complaint"].by == steps["review_answer"].by + timedelta(weeks=6)


def test_next_steps_foia_no_reply_goes_straight_to_the_ico() -> None:
    deadline = response_due(D("2026-07-04"), regime("foia"))
    late = next_steps(deadline)[0]
    assert late.key == "late_reply" and "no internal review" in late.action
    assert late.after == D("2026-08-06")  # the day after the Code date, the later reading


def test_next_steps_eir_review_answer_in_40() -> None:
    deadline = response_due(D("2026-06-01"), regime("eir"))
    steps = {s.key: s for s in next_steps(deadline, responded=D("2026-06-10"), review_requested=D("2026-06-12"))}
    assert steps["review_answer"].by == add_working_days(D("2026-06-12"), 40, "uk")
    assert steps["review_answer"].at_most is None


def test_next_steps_foisa_review_first_and_six_months() -> None:
    deadline = response_due(D("2026-06-01"), regime("foisa"))
    steps = {s.key: s for s in next_steps(deadline, review_answered=D("2026-08-31"))}
    assert steps["late_reply"].by == add_working_days(D("2026-06-30"), 40, "scotland")
    assert "review" in steps["late_reply"].action
    assert steps["review_answer"].by == add_working_days(D("2026-06-30"), 20, "scotland")
    assert steps["complaint"].by == D("2027-02-28")
    assert "Scottish Information Commissioner" in steps["complaint"].action


def test_next_steps_sar_three_months() -> None:
    deadline = response_due(D("2026-03-31"), regime("sar"))
    steps = {s.key: s for s in next_steps(deadline)}
    assert set(steps) == {"late_reply", "complaint"}
    assert steps["complaint"].by == D("2026-07-30")


# --- properties --------------------------------------------------------------------------------

RECEIPT = st.dates(min_value=date(2022, 1, 1), max_value=date(2027, 10, 31))
WORKING_DAY_REGIMES = st.sampled_from(["foia", "eir", "foisa", "eisr"])


def weekdays_only(start: date, n: int) -> date:
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += day.weekday() < 5
    return day


@settings(max_examples=300, deadline=None)
@given(received=RECEIPT, regime_id=st.sampled_from(["foia", "eir", "foisa", "eisr", "sar"]),
       extended=st.booleans())
def test_due_is_always_a_working_day_of_its_regime(received: date, regime_id: str, extended: bool) -> None:
    chosen = regime(regime_id)
    if extended and not chosen.extension:
        return
    deadline = response_due(received, chosen, extended=extended and regime_id != "sar")
    assert is_working_day(deadline.due, chosen.calendar)
    if deadline.code_due:
        assert is_working_day(deadline.code_due, chosen.calendar)


@settings(max_examples=300, deadline=None)
@given(received=RECEIPT, regime_id=WORKING_DAY_REGIMES, days=st.integers(1, 60))
def test_due_is_never_earlier_than_the_count_without_holidays(received: date, regime_id: str, days: int) -> None:
    chosen = regime(regime_id)
    deadline = response_due(received, chosen, days=days)
    assert deadline.due >= weekdays_only(received, days)
    # And exactly `days` working days lie in (received, due].
    span = [received + timedelta(days=i) for i in range(1, (deadline.due - received).days + 1)]
    assert sum(is_working_day(d, chosen.calendar) for d in span) == days
    # The skipped holidays are exactly the weekday non-working days in that span.
    assert [h.date for h in deadline.holidays_skipped] == [
        d for d in span if d.weekday() < 5 and not is_working_day(d, chosen.calendar)
    ]


@settings(max_examples=300, deadline=None)
@given(first=RECEIPT, gap=st.integers(0, 60),
       regime_id=st.sampled_from(["foia", "eir", "foisa", "eisr", "sar"]))
def test_due_moves_monotonically_with_receipt(first: date, gap: int, regime_id: str) -> None:
    chosen = regime(regime_id)
    second = first + timedelta(days=gap)
    a, b = response_due(first, chosen), response_due(second, chosen)
    assert a.due <= b.due
    assert a.latest <= b.latest


@settings(max_examples=200, deadline=None)
@given(received=RECEIPT)
def test_union_is_never_earlier_than_any_single_part(received: date) -> None:
    union = add_working_days(received, 20, "uk")
    for part in ("england-and-wales", "scotland", "northern-ireland"):
        assert union >= add_working_days(received, 20, part)

"""The answer loop gives its warnings to the caller's `warn`, as each comes, and keeps them on the Intake
it returns: `foi new` and `foi batch` print them on stderr; foi.batch.memo reads them without touching
the console."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from foi.request import intake
from foi.request.answers import Source
from foi.request.questions import Question
from foi.support.errors import AnswerError

BASE = {"scenario": "provider-data-access", "authority": "dwp", "name": "Jane \x1b[2JSmith\u202e",
        "email": "jane@example.org", "provider": "A4e", "date_from": "2001-04-01", "date_to": "2013-02-15"}
NAME = "--set: 'name': removed control or text-direction character(s) U+001B, U+202E; check the value"
PERIOD = "the period 1 April 2001 to 15 February 2013 is over 11 years: authorities can refuse long periods on cost"


def test_warnings_go_to_the_callers_warn_in_order_and_stay_on_the_intake(capsys: pytest.CaptureFixture[str]) -> None:
    said: list[str] = []
    taken = intake.collect([Source("--set", BASE, is_command_line=True)], letter_date=date(2026, 6, 1),
                           asker=None, warn=said.append)
    assert said == [NAME, PERIOD]
    assert taken.warnings == (NAME, PERIOD)
    assert capsys.readouterr().err == ""  # the caller chose not to print them


def test_by_default_each_is_printed_once_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    taken = intake.collect([Source("--set", BASE, is_command_line=True)], letter_date=date(2026, 6, 1), asker=None)
    assert capsys.readouterr() == ("", f"Warning: {NAME}\nWarning: {PERIOD}\n")
    assert taken.warnings == (NAME, PERIOD)


def test_a_quiet_request_has_no_warnings_and_they_do_not_make_two_intakes_differ() -> None:
    plain = {**BASE, "name": "Jane Smith", "date_from": "2012-11-01"}
    quiet = intake.collect([Source("--set", plain, is_command_line=True)], letter_date=date(2026, 6, 1), asker=None)
    assert quiet.warnings == ()
    noisy = intake.collect([Source("--set", plain, is_command_line=True)], letter_date=date(2026, 6, 1),
                           asker=None, warn=lambda message: None)
    assert noisy == quiet


def test_a_warning_before_a_problem_is_given_before_the_error_is_raised() -> None:
    said: list[str] = []
    with pytest.raises(AnswerError, match="email"):
        intake.collect([Source("--set", {**BASE, "email": "not-an-email"}, is_command_line=True)],
                       letter_date=date(2026, 6, 1), asker=None, warn=said.append)
    assert said == [NAME]


def test_the_wizard_shows_a_warning_before_its_next_question(capsys: pytest.CaptureFixture[str]) -> None:
    """Typed at the terminal, a cleaned value is reported at once, not when the loop ends."""
    seen: list[tuple[str, str]] = []  # each question asked, with what stderr had said just before it

    def person(question: Question, default: Any, problem: str | None) -> str:
        seen.append((question.key, capsys.readouterr().err))
        return "Jane \x07Smith" if question.key == "name" else ""

    given = {k: v for k, v in BASE.items() if k != "name"}
    taken = intake.collect([Source("--set", {**given, "date_from": "2012-11-01"}, is_command_line=True)],
                           letter_date=date(2026, 6, 1), asker=person)
    keys = [key for key, _ in seen]
    after = keys.index("name") + 1
    assert after < len(seen), "a question should follow the name"
    warning = "Warning: 'name': removed control or text-direction character(s) U+0007; check the value\n"
    assert seen[after][1] == warning
    assert all(err == "" for _, err in seen[:after] + seen[after + 1:])
    assert taken.answers["name"] == "Jane Smith"
    assert taken.warnings == (warning[len("Warning: "):-1],)

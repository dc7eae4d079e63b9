"""The wizard's flow through a scripted answerer: every cross-field check is made where the answer is
given, bodies and situations are found forgivingly, and a body in no directory can be written to."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import pytest

from foi.directory.entries import Directory
from foi.request import intake
from foi.request.answers import Source
from foi.request.questions import Question

LETTER_DATE = date(2026, 11, 23)


class Scripted:
    """A person who answers from a script: each prompt, confirmation or menu takes the next reply
    ("" takes the default). Everything asked is recorded, in order."""

    def __init__(self, *replies: str) -> None:
        self.replies = list(replies)
        self.asked: list[tuple[str, ...]] = []
        self.said: list[str] = []
        self.planner: Callable[[], list[str]] | None = None

    def _next(self) -> str:
        assert self.replies, f"the script ran out; asked so far: {self.asked}"
        return self.replies.pop(0)

    def __call__(self, question: Question, default: Any, problem: str | None) -> str:
        self.asked.append((question.key, problem or ""))
        return self._next()

    def confirm(self, text: str, default: bool = True) -> bool:
        self.asked.append(("confirm", text))
        reply = self._next().lower()
        return default if reply == "" else reply in ("y", "yes")

    def choose(self, text: str, options: Sequence[str], default: int = 1) -> int:
        self.asked.append(("choose", text, *options))
        reply = self._next()
        return int(reply) if reply else default

    def say(self, text: str) -> None:
        self.said.append(text)

    def keys(self) -> list[str]:
        return [entry[0] for entry in self.asked]


def collect(person: Scripted, *sets: tuple[str, Any], directory: Directory | None = None) -> intake.Intake:
    values = dict(sets)
    return intake.collect([Source("--set", values, is_command_line=True)], letter_date=LETTER_DATE,
                          asker=person, dialogue=person, directory=directory)


STORY = ("mandatory", "Jane Smith", "jane.smith@example.org", "dwp", "the A4e jobsearch skills course", "A4e", "")


def test_the_situation_comes_first_and_words_of_it_pick_the_scenario() -> None:
    person = Scripted(*STORY, "", "")
    taken = collect(person)
    assert person.keys()[:4] == ["scenario", "name", "email", "authority"]
    assert taken.scenario.id == "mandatory-activity"
    assert taken.target.authority.id == "dwp" and taken.regime.id == "foia"


def test_a_word_that_fits_several_situations_is_asked_again_by_number() -> None:
    person = Scripted("provider", "2", *STORY[1:], "", "")
    taken = collect(person)
    assert person.asked[1][0] == "scenario" and "fits more than one: type the number" in person.asked[1][1]
    assert taken.scenario.id == "mandatory-activity"


def test_no_email_and_no_address_is_asked_again_not_fatal() -> None:
    person = Scripted("2", "Jane Smith", "", "", "1 High Street, Ipswich IP1 1AA", *STORY[3:], "", "")
    taken = collect(person)
    assert ("address", "this one is needed") in person.asked
    assert taken.answers["address"] == "1 High Street, Ipswich IP1 1AA" and taken.answers["email"] is None


def test_an_email_typed_as_the_address_is_taken_as_the_email() -> None:
    taken = collect(Scripted("2", "Jane Smith", "", "jane@example.org", *STORY[3:], "", ""))
    assert taken.answers["email"] == "jane@example.org" and taken.answers["address"] is None


def test_a_subject_access_request_needs_no_address() -> None:
    person = Scripted("own-data", "Jane Smith", "", "", "dwp", "01/02/1980", "", "", "", "", "", "", "", "")
    taken = collect(person)
    assert taken.regime.id == "sar" and not taken.answers.get("address")


def test_a_start_after_the_default_end_gets_a_sensible_end() -> None:
    person = Scripted(*STORY, "1 June 2026", "")
    taken = collect(person)
    assert taken.answers["date_from"] == date(2026, 6, 1)
    assert taken.answers["date_to"] == LETTER_DATE  # not 31 March 2026, before the start


def test_an_end_before_the_start_is_asked_again() -> None:
    person = Scripted(*STORY, "1/2/13", "1/1/13", "31/3/14")
    taken = collect(person)
    problems = [problem for key, problem, *_ in person.asked if key == "date_to" and problem]
    assert problems == ["the period would end (1 January 2013) before it starts (1 February 2013)"]
    assert (taken.answers["date_from"], taken.answers["date_to"]) == (date(2013, 2, 1), date(2014, 3, 31))


def test_a_long_period_is_questioned_and_can_be_changed_or_kept() -> None:
    person = Scripted(*STORY, "1st Feb 2013", "31/3/2026", "n", "", "Jan 2014")
    taken = collect(person)
    question = next(entry[1] for entry in person.asked if entry[0] == "confirm")
    assert question.startswith("The period 1 February 2013 to 31 March 2026 is over 13 years.")
    assert "refuse long periods on cost" in question
    assert (taken.answers["date_from"], taken.answers["date_to"]) == (date(2013, 2, 1), date(2014, 1, 31))
    kept = collect(Scripted(*STORY, "01/02/13", "31/3/2026", "y"))
    assert kept.answers["date_to"] == date(2026, 3, 31)


def test_a_body_in_no_directory_is_written_to_as_typed_foia() -> None:
    person = Scripted("2", "Jane Smith", "jane@example.org", "Borsetshire Works Trust", "y", "n",
                      "foi@borsetshire.example", "the course", "", "", "n", "", "")  # n: keep it
    taken = collect(person)
    body = taken.target.authority
    assert ("confirm", "Write to 'Borsetshire Works Trust' anyway?") in person.asked
    assert (body.name, body.regime, body.email, body.origin) == (
        "Borsetshire Works Trust", "foia", "foi@borsetshire.example", "typed")
    assert taken.regime.id == "foia" and "authority_address" not in person.keys()  # an email is enough
    assert taken.answers["authority_name"] == "Borsetshire Works Trust" and taken.answers["nation"] == "uk"


def test_a_scottish_body_in_no_directory_gets_foisa() -> None:
    person = Scripted("2", "Jane Smith", "jane@example.org", "Glenbogle Community Council", "y", "y", "", "",
                      "the course", "", "", "n", "", "")  # keep it, though DWP holds this subject
    taken = collect(person)
    assert taken.regime.id == "foisa" and taken.target.authority.nation == "scotland"
    assert taken.target.authority.email is None and taken.target.authority.address == ()


def test_a_vague_body_is_asked_again_and_a_near_name_offered() -> None:
    person = Scripted("2", "Jane Smith", "jane@example.org", "my council", "the job centre", "y",
                      "the course", "", "", "", "")
    taken = collect(person)
    assert any("which one? type its name" in entry[1] for entry in person.asked if entry[0] == "authority")
    assert ("confirm", "Did you mean Department for Work and Pensions (DWP)?") in person.asked
    assert taken.target.authority.id == "dwp"


def test_a_body_that_does_not_hold_the_subject_is_asked_about_first() -> None:
    person = Scripted("2", "Jane Smith", "jane@example.org", "Highland Council", "the course", "", "", "y", "", "")
    taken = collect(person)
    assert ("confirm", "Write to DWP instead?") in person.asked
    why = person.said[-1]
    assert why.startswith("The Highland Council does not hold information about") and "--set" not in why
    assert (taken.target.authority.id, taken.regime.id, taken.answers["redirect"]) == ("dwp", "foia", True)


def test_several_close_bodies_are_offered_by_number() -> None:
    person = Scripted("2", "Jane Smith", "jane@example.org", "london borough", "2", "the course", "", "", "n", "", "")
    taken = collect(person)
    menu = next(entry for entry in person.asked if entry[0] == "choose")
    assert menu[1] == "'london borough' is not a name I know exactly. Did you mean:"
    assert menu[2:4] == ("London Borough of Barking and Dagenham", "London Borough of Brent")
    assert menu[-2:] == ("None of these: write to 'london borough' as you typed it", "None of these: type the name again")
    assert taken.target.authority.id == "london-borough-of-brent"


@pytest.mark.parametrize(("typed", "body", "regime"), [
    ("Hackney Council", "London Borough of Hackney", "foia"), ("London Borough of Hackney", "London Borough of Hackney", "foia"),
    ("hackney", "London Borough of Hackney", "foia"), ("Highland Council", "The Highland Council", "foisa"),
])
def test_every_council_by_the_names_people_use(typed: str, body: str, regime: str) -> None:
    person = Scripted("local help", "Jane Smith", "jane@example.org", typed, "", "", "", "")
    taken = collect(person)
    assert (taken.target.authority.name, taken.regime.id) == (body, regime)
    assert f"Writing to {body}." in person.said or typed == body


def test_progress_counts_the_questions_still_to_come() -> None:
    seen: list[list[str]] = []

    class Counting(Scripted):
        def __call__(self, question: Question, default: Any, problem: str | None) -> str:
            assert self.planner is not None
            seen.append(self.planner())
            return super().__call__(question, default, problem)

    collect(Counting(*STORY, "", ""))
    final = seen[-1]
    assert final == ["scenario", "name", "email", "authority", "programme", "provider", "office",
                     "date_from", "date_to"]  # the address is not counted once an email is given


def test_changing_an_answer_keeps_every_other_one() -> None:
    taken = collect(Scripted(*STORY, "", ""))
    person = Scripted("1 Feb 2013", "31 March 2014")
    changed = intake.changed(taken, ["date_from", "date_to"], asker=person, dialogue=person, directory=None,
                             user_dir=None)
    assert person.keys() == ["date_from", "date_to"]
    assert changed.answers["date_to"] == date(2014, 3, 31)
    assert {k: v for k, v in changed.answers.items() if not k.startswith("date_")} == \
        {k: v for k, v in taken.answers.items() if not k.startswith("date_")}


def test_changing_the_body_asks_for_it_again_only() -> None:
    taken = collect(Scripted(*STORY, "", ""))
    person = Scripted("Scottish Government", "n")
    changed = intake.changed(taken, ["authority", "northern_ireland", "redirect", "authority_name", "nation"], asker=person,
                             dialogue=person, directory=None, user_dir=None)
    assert person.keys() == ["authority", "confirm"] and changed.regime.id == "foisa"


@pytest.mark.parametrize(
    ("sets", "regime", "name"),
    [
        ({"authority": "Borsetshire Works Trust", "nation": "england", "redirect": "no"}, "foia",
         "Borsetshire Works Trust"),
        ({"authority_name": "Glenbogle Community Council", "nation": "Scotland", "redirect": "no"}, "foisa",
         "Glenbogle Community Council"),
        ({"authority": "glenbogle", "authority_name": "Glenbogle Council", "nation": "northern ireland",
          "redirect": "no"}, "foia",
         "Glenbogle Council"),
    ],
)
def test_a_script_writes_to_any_body_with_its_nation(sets: dict[str, str], regime: str, name: str) -> None:
    values = {"scenario": "mandatory-activity", "name": "Jane Smith", "email": "jane@example.org",
              "programme": "the course", **sets}
    taken = intake.collect([Source("--set", values, is_command_line=True)], letter_date=LETTER_DATE, asker=None)
    assert (taken.regime.id, taken.target.authority.name) == (regime, name)

"""One way in for every value: type, text, cleaning, length, range; and user expressions that fail."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foi.request import answers as loop
from foi.request import intake, scenarios
from foi.request.answers import Source
from foi.request.questions import InvalidAnswer, Question, parse
from foi.support.errors import AnswerError, DataError

TEXT = Question("organisation", "Organisation")
BASE = {"scenario": "provider-data-access", "authority": "dwp", "name": "Jane Smith",
        "email": "jane@example.org", "provider": "A4e"}


@pytest.mark.parametrize("value, message", [
    (False, r'YAML reads this as yes/no \(true/false\) \(false\), not text: put the value in quotes, '
            r'like organisation: "no"'),
    (True, r'like organisation: "yes"'),
    (["Jane", "Smith"], r"this is a list, where text is expected: give one value"),
    ({"a": "b"}, r"this is a mapping \(key: value pairs\), where text is expected"),
    ("Jane\x00Smith", r"it contains a NUL byte"),
    ("Jane \udcff Smith", r"it is not valid UTF-8 text"),
    ("x" * 301, r"that is 301 characters; keep it to 300 or fewer"),
])
def test_text_questions_refuse_what_is_not_text(value: Any, message: str) -> None:
    with pytest.raises(InvalidAnswer, match=message):
        parse(TEXT, value)


def test_numbers_and_dates_are_still_text_where_text_is_asked() -> None:
    assert parse(TEXT, 42) == "42"
    assert parse(TEXT, date(2026, 4, 1)) == "2026-04-01"


@pytest.mark.parametrize("qtype, value, message", [
    ("list", ["fine", {"a": 1}], r"an entry of the list is a mapping"),
    ("list", ["fine", True], r"an entry of the list is yes/no"),
    ("list", [str(n) for n in range(101)], r"that is 101 entries"),
    ("list", ["y" * 1001], r"that is 1001 characters"),
    ("text", "z" * 5001, r"that is 5001 characters"),
    ("date", "9999-12-31", r"9999-12-31 is out of range: give a date between 1900 and 2199"),
    ("date", date(1066, 10, 14), r"1066-10-14 is out of range"),
    ("date", ["2026-01-01"], r"this is a list, where a date is expected"),
    ("int", True, r"YAML reads this as yes/no"),
    ("bool", ["yes"], r"this is a list, where yes or no is expected"),
])
def test_every_type_checks_its_shape(qtype: str, value: Any, message: str) -> None:
    with pytest.raises(InvalidAnswer, match=message):
        parse(Question("k", "K", type=qtype), value)


def test_control_and_bidi_characters_are_cleaned_and_reported(capsys: pytest.CaptureFixture[str]) -> None:
    taken = intake.collect([Source("--set", {**BASE, "name": "Jane \x1b[2JSmith\u202e"}, is_command_line=True)],
                           letter_date=date(2026, 6, 1), asker=None)
    assert taken.answers["name"] == "Jane [2JSmith"
    assert capsys.readouterr().err == (
        "Warning: --set: 'name': removed control or text-direction character(s) U+001B, U+202E; check the value\n")


def test_a_yaml_boolean_names_the_key_and_the_file() -> None:
    with pytest.raises(AnswerError, match=r"a.yaml: 'officer': YAML reads this as yes/no .* correct `officer:` in a.yaml"):
        intake.collect([Source("a.yaml", {**BASE, "officer": True})], letter_date=date(2026, 6, 1), asker=None)


def test_answers_file_keeps_dates_as_text_so_a_bad_one_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("date_from: 2026-02-30\ndate_to: 2026-03-01\n", encoding="utf-8")
    assert loop.load_answers_file(path) == {"date_from": "2026-02-30", "date_to": "2026-03-01"}
    with pytest.raises(AnswerError, match=r"'date_from': '2026-02-30' is not a date"):
        intake.collect([Source(str(path), {**BASE, **loop.load_answers_file(path)})],
                       letter_date=date(2026, 6, 1), asker=None)


def _user_scenario(tmp_path: Path, field: str) -> Path:
    folder = tmp_path / "mine"
    (folder / "scenarios").mkdir(parents=True)
    (folder / "scenarios" / "mine.yaml").write_text(
        "id: mine\ntitle: Mine\nsummary: Mine\nsubject: Mine\nquestions:\n  topic:\n    required: false\n"
        f"    {field}\nitems:\n  - The records\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("field, message", [
    ('when: "1 +"', r"its `when` \(1 \+\) cannot be worked out: unexpected 'end of template'"),
    ('when: "nothing()"', r"its `when` \(nothing\(\)\) cannot be worked out: 'nothing' is undefined"),
    ('when: "().__class__.__base__.__subclasses__()"',
     r"its `when` .* cannot be worked out: access to attribute '__class__' of 'tuple' object is unsafe"),
    ('when: "1/0"', r"its `when` \(1/0\) cannot be worked out: division by zero"),
    ('default: "{{ nothing() }}"', r"its `default` \(\{\{ nothing\(\) \}\}\) cannot be worked out"),
])
def test_errors_in_a_user_scenario_expression_name_the_file(tmp_path: Path, field: str, message: str) -> None:
    folder = _user_scenario(tmp_path, field)
    with pytest.raises(DataError, match=r"mine/scenarios/mine.yaml: question 'topic': " + message):
        answers = {key: value for key, value in BASE.items() if key != "provider"}
        intake.collect([Source("--set", {**answers, "scenario": "mine"}, is_command_line=True)],
                       letter_date=date(2026, 6, 1), asker=None, user_dir=folder)


@pytest.mark.parametrize("text", ["- name\n", "who: [name]\n", "who:\n  name: [1]\n"])
def test_a_questions_file_of_the_wrong_shape_is_an_error(tmp_path: Path, text: str) -> None:
    (tmp_path / "questions.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"questions.yaml: "):
        scenarios.common_questions(tmp_path)


def test_parse_set_options_names_the_command_it_came_from() -> None:
    with pytest.raises(Exception, match=r"foi profile set 'name' is not key=value: write it like "
                                        r'foi profile set name="Jane Smith"'):
        loop.parse_set_options(["name"], option="foi profile set")


def _one_text_by_character(question: Question, value: Any) -> Any:
    """questions._one_text as it was before its shortcut: text.problem and text.clean every time."""
    from foi.request.questions import MAX_LENGTH
    from foi.support import text as textual

    if not isinstance(value, str):
        return value
    problem = textual.problem(value)
    if problem:
        raise InvalidAnswer(problem)
    cleaned = textual.clean(value)[0]
    limit = MAX_LENGTH[question.type]
    if len(cleaned.strip()) > limit:
        raise InvalidAnswer(f"that is {len(cleaned.strip())} characters; keep it to {limit} or fewer")
    return cleaned


def _outcome(function: Any, *args: Any) -> tuple[str, Any]:
    try:
        return "value", function(*args)
    except InvalidAnswer as err:
        return "refused", str(err)


_AWKWARD = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\n", "\r", "\t", " ", "\u00a0", "\u202e", "\u2028", "\ufeff",
            "\udcff", "\U0001f600"]


@settings(max_examples=300)
@given(st.sampled_from(["str", "choice", "date", "bool"]),
       st.one_of(st.text(alphabet=st.characters() | st.sampled_from(_AWKWARD), max_size=40),
                 st.text(alphabet=st.sampled_from(["x", " ", "\x07", "\n"]), min_size=15, max_size=30)))
def test_one_text_takes_its_shortcut_only_when_it_changes_nothing(qtype: str, value: str) -> None:
    """Printable answers skip the character-by-character look: the outcome (the value, or the refusal
    and its words) is the same as looking; short limits (bool, date) reach the length check."""
    from foi.request.questions import _one_text

    question = Question("k", "K", type=qtype)
    assert _outcome(_one_text, question, value) == _outcome(_one_text_by_character, question, value)

"""Questions, validators and the one answer loop."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foi.request import answers as loop
from foi.request.questions import InvalidAnswer, Question, from_mapping, parse
from foi.request.validators import email, real_name
from foi.support.errors import AnswerError, DataError, UsageProblem


@pytest.mark.parametrize("name", ["Jane Smith", "J. Smith", "Ms Smith", "Dr A. N. Other", "Siân Llŷr", "Gwenllïan ap Dafydd"])
def test_real_names_the_ico_accepts(name: str) -> None:
    assert real_name(name) is None


@pytest.mark.parametrize("name", ["Jane", "JS", "Janet S.", "J S", "  "])
def test_names_the_ico_refuses(name: str) -> None:
    assert real_name(name)


def _real_name_by_regex(value: str) -> str | None:
    """validators.real_name as it was, splitting with re: the reference for its str.split."""
    import re

    from foi.request.validators import _TITLES

    words = [w for w in re.split(r"\s+", str(value).strip()) if w]
    if len(words) < 2:
        return "give your real name with your surname, for example Jane Smith, J. Smith or Ms Smith"
    surname = words[-1].rstrip(".,")
    if len(re.sub(r"[^\w]", "", surname)) < 2:
        return "write your surname in full, for example Jane Smith or J. Smith (not Jane S.)"
    if all(len(w.rstrip(".")) <= 1 for w in words if w.lower().rstrip(".") not in _TITLES):
        return "write your surname in full, for example J. Smith (not initials alone)"
    return None


@given(st.text(alphabet=st.characters() | st.sampled_from(
    [" ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", ".", ",", "J", "M", "s"])))
def test_real_name_splits_words_as_it_did_with_re(value: str) -> None:
    assert real_name(value) == _real_name_by_regex(value)


@pytest.mark.parametrize(
    ("value", "ok"),
    [("jane.smith@example.org", True), ("a_b@x.co.uk", True), ("x@y", False), ("Jane <j@x.org>", False),
     ("a@b.com\nBcc: c@d.com", False), ("no at sign", False)],
)
def test_email(value: str, ok: bool) -> None:
    assert (email(value) is None) is ok


@pytest.mark.parametrize(
    ("qtype", "raw", "expected"),
    [
        ("date", "2025-04-01", date(2025, 4, 1)),
        ("date", "01/04/2025", date(2025, 4, 1)),
        ("date", date(2025, 4, 1), date(2025, 4, 1)),
        ("bool", "no", False),
        ("bool", "Yes", True),
        ("bool", True, True),
        ("int", " 12 ", 12),
        ("str", "  A4e ", "A4e"),
        ("text", "1 High St\r\n\r\nIpswich", "1 High St\nIpswich"),
        ("list", "one\ntwo\n\n", ["one", "two"]),
        ("list", ["a", " b "], ["a", "b"]),
        ("str", "", None),
    ],
)
def test_parse_types(qtype: str, raw: object, expected: object) -> None:
    assert parse(Question("k", "K", type=qtype), raw) == expected


@pytest.mark.parametrize(
    ("qtype", "raw", "message"),
    [("date", "2025-13-01", "not a date"), ("date", "tomorrow", "not a date"), ("bool", "maybe", "yes or no"),
     ("int", "ten", "whole number"), ("str", "two\nlines", "single line")],
)
def test_parse_refuses(qtype: str, raw: str, message: str) -> None:
    with pytest.raises(InvalidAnswer, match=message):
        parse(Question("k", "K", type=qtype), raw)


def test_choice_takes_value_or_number() -> None:
    question = Question("c", "C", type="choice", choices=("foia", "foisa"))
    assert parse(question, "FOISA") == "foisa"
    assert parse(question, "1") == "foia"
    with pytest.raises(InvalidAnswer, match="not one of"):
        parse(question, "3")


def test_question_file_errors_are_named() -> None:
    with pytest.raises(ValueError, match="unknown field"):
        from_mapping("x", {"prompt": "X", "colour": "red"}, "s.yaml")
    with pytest.raises(ValueError, match="type 'colour'"):
        from_mapping("x", {"type": "colour"}, "s.yaml")
    with pytest.raises(KeyError):
        from_mapping("x", {"validator": "nope"}, "s.yaml")


QUESTIONS = (
    Question("name", "Your name", validator="real_name"),
    Question("provider", "Provider", default="A4e"),
    Question("office", "Office", required=False),
)


def test_precedence_set_over_file_over_profile_over_default() -> None:
    sources = [
        loop.Source("--set", {"name": "Jane Smith"}, is_command_line=True),
        loop.Source("answers.yaml", {"name": "Ann Other", "provider": "Serco"}),
        loop.Source("profile", {"name": "Pat Profile", "office": "Ipswich"}),
    ]
    got = loop.resolve(QUESTIONS, sources, {}, context={}, asker=None)
    assert got == {"name": "Jane Smith", "provider": "Serco", "office": "Ipswich"}


def test_default_used_and_optional_left_empty() -> None:
    got = loop.resolve(QUESTIONS, [loop.Source("--set", {"name": "Jane Smith"}, True)], {}, context={}, asker=None)
    assert got == {"name": "Jane Smith", "provider": "A4e", "office": None}


def test_missing_without_terminal_names_the_key_and_fix() -> None:
    with pytest.raises(AnswerError) as err:
        loop.resolve(QUESTIONS, [loop.Source("a.yaml", {})], {}, context={}, asker=None)
    assert err.value.message == "missing answer 'name' (Your name): pass --set name=... or add `name: ...` to a.yaml"


def test_bad_value_names_source_key_and_fix() -> None:
    with pytest.raises(AnswerError, match=r"^answers.yaml: 'name': .*surname.*correct `name:` in answers.yaml$"):
        loop.resolve(QUESTIONS, [loop.Source("answers.yaml", {"name": "Jane"})], {}, context={}, asker=None)


def test_asker_is_asked_again_after_a_bad_answer() -> None:
    replies = iter(["Jane", "Jane Smith", "", ""])
    seen: list[str | None] = []

    def asker(question: Question, default: object, problem: str | None) -> str:
        seen.append(problem)
        return next(replies)

    got = loop.resolve(QUESTIONS, [], {}, context={}, asker=asker)
    assert got == {"name": "Jane Smith", "provider": "A4e", "office": None}
    assert seen[0] is None and "surname" in (seen[1] or "")


def test_when_condition_and_templated_default() -> None:
    questions = (
        Question("email", "Email", required=False),
        Question("address", "Address", when="not email"),
        Question("date_from", "From", type="date", default="{{ fy_start }}"),
    )
    got = loop.resolve(questions, [loop.Source("--set", {"email": "j@x.org"}, True)], {},
                       context={"fy_start": "2025-04-01"}, asker=None)
    assert got == {"email": "j@x.org", "date_from": date(2025, 4, 1)}


def test_unknown_keys_are_refused_with_a_suggestion() -> None:
    with pytest.raises(UsageProblem, match="unknown answer key 'provder' \\(did you mean 'provider'\\?\\)"):
        loop.check_known([loop.Source("--set", {"provder": "x"}, True)], ["provider"])
    with pytest.raises(DataError, match="^a.yaml: unknown answer key 'zzz'"):
        loop.check_known([loop.Source("a.yaml", {"zzz": "x"})], ["provider"])


def test_set_options() -> None:
    assert loop.parse_set_options(["a=1", "b=x=y", "a=2"]) == {"a": ["1", "2"], "b": "x=y"}
    with pytest.raises(UsageProblem, match="not key=value"):
        loop.parse_set_options(["novalue"])


def test_answers_file_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "a.yaml"
    bad.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"a.yaml, line \d+: not valid YAML"):
        loop.load_answers_file(bad)
    bad.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(DataError, match="must be a mapping"):
        loop.load_answers_file(bad)
    with pytest.raises(DataError, match="no such file: check the answers file path"):
        loop.load_answers_file(tmp_path / "missing.yaml")

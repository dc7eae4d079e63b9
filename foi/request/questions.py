"""Questions as data: the typed model that scenario and common question files load into, and the one
parse-and-validate function every source of answers goes through."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from foi.request import choosing, validators
from foi.support import text as textual
from foi.support.dates import DAY, END, START, DateNotRead, read_date

TYPES = ("str", "text", "date", "bool", "int", "choice", "list")
_FIELDS = {"type", "prompt", "help", "default", "choices", "validator", "when", "personal",
           "required", "ask", "group", "month_means", "short_name"}
_TRUE = {"y", "yes", "true", "on", "1"}
_FALSE = {"n", "no", "false", "off", "0"}


class InvalidAnswer(ValueError):
    """An answer that cannot be used; the message says how to give a good one."""


# The longest answer of each type, in characters. A name, a body or a provider fits in 300; a
# paragraph of background in 5,000; one item of a list in 1,000. Longer is a paste gone wrong.
MAX_LENGTH = {"str": 300, "text": 5000, "choice": 300, "date": 40, "bool": 20, "int": 20, "list": 1000}
MAX_LIST_ENTRIES = 100
# Dates a letter can sensibly carry; beyond them the date arithmetic of deadlines has no meaning
# (and Python's date type overflows at year 9999).
EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)


@dataclass(frozen=True)
class Question:
    """One question: how to ask it, what type it is, and how to check the answer."""

    key: str
    prompt: str
    type: str = "str"
    help: str = ""
    default: Any = None
    choices: tuple[str, ...] = ()
    validator: str | None = None
    when: str | None = None
    personal: bool = False
    required: bool = True
    ask: bool = True
    # The file the question came from, to name in errors about it.
    where: str = ""
    group: str = ""
    # A date question: what a month alone ("Feb 2013") means, start or end of the month; "day"
    # refuses it (a date of birth needs the day).
    month_means: str = "day"
    # The answer names a thing in the letter ("the Work Programme"): a sentence is queried.
    short_name: bool = False
    # Readable labels for a choice's values, in the same order (set by code, not YAML).
    labels: tuple[str, ...] = ()


def from_mapping(key: str, raw: Mapping[str, Any], where: str) -> Question:
    """Build a Question from its YAML mapping; unknown fields and types are errors in the file."""
    unknown = set(raw) - _FIELDS
    if unknown:
        raise ValueError(f"{where}: question '{key}' has unknown field(s) {', '.join(sorted(unknown))}")
    data = dict(raw)
    _check_fields(key, data, where)
    qtype = data.get("type", "str")
    if qtype not in TYPES:
        raise ValueError(f"{where}: question '{key}' has type '{qtype}'; use one of {', '.join(TYPES)}")
    if qtype == "choice" and not data.get("choices"):
        raise ValueError(f"{where}: question '{key}' is a choice with no choices")
    if data.get("month_means", DAY) not in (DAY, START, END):
        raise ValueError(f"{where}: question '{key}' has month_means '{data['month_means']}'; use start, end or day")
    if data.get("validator"):
        validators.get(data["validator"])
    data["choices"] = tuple(str(c) for c in data.get("choices") or ())
    data.setdefault("prompt", key.replace("_", " ").capitalize())
    return Question(key=key, where=where, **data)


_TEXT_FIELDS = ("type", "prompt", "help", "validator", "when", "group")
_FLAG_FIELDS = ("personal", "required", "ask")


def _check_fields(key: str, data: Mapping[str, Any], where: str) -> None:
    """Each field of a question has the YAML type it needs (a user's scenario may get one wrong)."""
    for name in _TEXT_FIELDS:
        if data.get(name) is not None and not isinstance(data[name], str):
            raise ValueError(f"{where}: question '{key}': '{name}' must be text")
    for name in _FLAG_FIELDS:
        if name in data and not isinstance(data[name], bool):
            raise ValueError(f"{where}: question '{key}': '{name}' must be true or false")
    choices = data.get("choices")
    if choices is not None and not (isinstance(choices, list) and all(isinstance(c, (str, int)) for c in choices)):
        raise ValueError(f"{where}: question '{key}': 'choices' must be a list of text")


def parse(question: Question, value: Any) -> Any:
    """Turn a raw value (a string from --set or a prompt, or a YAML value) into the question's type.

    Returns None for an empty answer. Raises InvalidAnswer with a message that says what to give.
    """
    value = _as_text(question, value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return [] if question.type == "list" else None
    parsed = _PARSERS[question.type](question, value)
    if isinstance(parsed, date):
        in_range(parsed)
    if question.validator and parsed is not None:
        problem = validators.get(question.validator)(parsed)
        if problem:
            raise InvalidAnswer(problem)
    return parsed


_SCALARS = (str, int, float, date)
_ALLOWED: dict[str, tuple[type, ...]] = {"bool": (str, bool, int), "date": (str, date), "int": (str, int),
                                         "list": (str, int, float, date, list, tuple)}
_YAML_KINDS = {bool: "yes/no (true/false)", list: "a list", tuple: "a list", dict: "a mapping (key: value pairs)"}


def _kind(value: Any) -> str:
    return next((name for kind, name in _YAML_KINDS.items() if isinstance(value, kind)), type(value).__name__)


def _type_problem(question: Question, value: Any) -> str | None:
    """Why a value of this Python type cannot answer this question (YAML gives bools, lists, maps)."""
    if isinstance(value, str):  # text may answer any question (and is never a bool or a list)
        return None
    allowed = _ALLOWED.get(question.type, _SCALARS)
    if isinstance(value, bool) and question.type != "bool":
        shown = "true" if value else "false"
        return (f"YAML reads this as {_kind(value)} ({shown}), not text: put the value in quotes, "
                f'like {question.key}: "{"yes" if value else "no"}"')
    if not isinstance(value, allowed):
        fix = "give one value" if question.type != "list" else "give a list of text lines"
        return f"this is {_kind(value)}, where {_expected(question)} is expected: {fix}"
    if isinstance(value, (list, tuple)):
        bad = next((item for item in value if isinstance(item, (bool, list, tuple, dict))), None)
        if bad is not None:
            return f"an entry of the list is {_kind(bad)}: give each entry as a line of text (in quotes)"
        if len(value) > MAX_LIST_ENTRIES:
            return f"that is {len(value)} entries: keep to {MAX_LIST_ENTRIES} or fewer"
    return None


def _expected(question: Question) -> str:
    return {"bool": "yes or no", "date": "a date", "int": "a whole number", "list": "a list"}.get(
        question.type, "text")


def in_range(day: date) -> date:
    """The date, if a letter can carry it (see EARLIEST and LATEST); otherwise InvalidAnswer."""
    if not EARLIEST <= date(day.year, day.month, day.day) <= LATEST:
        raise InvalidAnswer(
            f"{day.isoformat()} is out of range: give a date between {EARLIEST.year} and {LATEST.year}"
        )
    return day


def unclean(value: Any) -> list[str]:
    """The control and bidi characters (as U+XXXX) that parse() will remove from this value."""
    items = value if isinstance(value, (list, tuple)) else [value]
    return sorted({code for item in items if isinstance(item, str) for code in textual.clean(item)[1]})


def _as_text(question: Question, value: Any) -> Any:
    """The one way in: the type checked, text refused when it is not text, cleaned, length-limited."""
    if value is None:
        return None
    problem = _type_problem(question, value)
    if problem:
        raise InvalidAnswer(problem)
    if isinstance(value, (list, tuple)):
        return [_one_text(question, item) for item in value]
    return _one_text(question, value)


def _one_text(question: Question, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if not value.isprintable():  # printable text has nothing to refuse or remove (see textual.plain)
        problem = textual.problem(value)
        if problem:
            raise InvalidAnswer(problem)
        value = textual.clean(value)[0]
    limit = MAX_LENGTH[question.type]
    if len(value) > limit and len(value.strip()) > limit:  # stripping only shortens it
        raise InvalidAnswer(f"that is {len(value.strip())} characters; keep it to {limit} or fewer")
    return value


def _parse_str(question: Question, value: Any) -> str:
    text = str(value).strip()
    if "\n" in text or "\r" in text:
        raise InvalidAnswer("give it on a single line (no line breaks)")
    return text


def _parse_text(question: Question, value: Any) -> str:
    lines = [line.strip() for line in str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def _parse_date(question: Question, value: Any) -> date:
    """Dates as people write them, through the one reader (foi.support.dates.read_date)."""
    if isinstance(value, date):
        return value
    try:
        return read_date(str(value), month_means=question.month_means)
    except DateNotRead as err:
        raise InvalidAnswer(str(err)) from None


def _parse_bool(question: Question, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InvalidAnswer(f"'{value}' is not yes or no: answer yes or no")


def _parse_int(question: Question, value: Any) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise InvalidAnswer(f"'{value}' is not a whole number") from None


def _parse_choice(question: Question, value: Any) -> str:
    """A choice by its value or its number; with labels (the wizard's menus), also by any words of
    it that fit only one choice ("mandatory", "course"). Otherwise the nearest are suggested."""
    text = str(value).strip()
    for choice in question.choices:
        if choice.lower() == text.lower():
            return choice
    if text.isdigit() and 1 <= int(text) <= len(question.choices):
        return question.choices[int(text) - 1]
    fits = choosing.matches(text, question.choices, question.labels)
    if question.labels and len(fits) == 1:
        return fits[0]
    if question.labels:
        raise InvalidAnswer(choosing.not_chosen(text, fits, question.choices))
    close = fits or choosing.close(text, question.choices)
    hint = f" (did you mean {' or '.join(close[:3])}?)" if close else ""
    raise InvalidAnswer(f"'{text}' is not one of: {', '.join(question.choices)}{hint}")


def _parse_list(question: Question, value: Any) -> list[str]:
    items = value if isinstance(value, (list, tuple)) else str(value).split("\n")
    return [str(item).strip() for item in items if str(item).strip()]


_PARSERS = {
    "str": _parse_str,
    "text": _parse_text,
    "date": _parse_date,
    "bool": _parse_bool,
    "int": _parse_int,
    "choice": _parse_choice,
    "list": _parse_list,
}

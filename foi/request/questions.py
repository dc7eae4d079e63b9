"""Questions as data: the typed model that scenario and common question files load into, and the one
parse-and-validate function every source of answers goes through."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from foi.request import choosing, validators
from foi.support.dates import DAY, END, START, DateNotRead, read_date

TYPES = ("str", "text", "date", "bool", "int", "choice", "list")
_FIELDS = {"type", "prompt", "help", "default", "choices", "validator", "when", "personal",
           "required", "ask", "group", "month_means", "short_name"}
_TRUE = {"y", "yes", "true", "on", "1"}
_FALSE = {"n", "no", "false", "off", "0"}


class InvalidAnswer(ValueError):
    """An answer that cannot be used; the message says how to give a good one."""


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
    return Question(key=key, **data)


def parse(question: Question, value: Any) -> Any:
    """Turn a raw value (a string from --set or a prompt, or a YAML value) into the question's type.

    Returns None for an empty answer. Raises InvalidAnswer with a message that says what to give.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return [] if question.type == "list" else None
    parsed = _PARSERS[question.type](question, value)
    if question.validator and parsed is not None:
        problem = validators.get(question.validator)(parsed)
        if problem:
            raise InvalidAnswer(problem)
    return parsed


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

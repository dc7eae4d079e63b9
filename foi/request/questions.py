"""Questions as data: the typed model that scenario and common question files load into, and the one
parse-and-validate function every source of answers goes through."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from foi.request import validators

TYPES = ("str", "text", "date", "bool", "int", "choice", "list")
_FIELDS = {"type", "prompt", "help", "default", "choices", "validator", "when", "personal",
           "required", "ask", "group"}
_TRUE = {"y", "yes", "true", "on", "1"}
_FALSE = {"n", "no", "false", "off", "0"}
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


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
    if isinstance(value, date):
        return value
    text = str(value).strip()
    match = _UK_DATE.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidAnswer(f"'{text}' is not a date: write it like 2025-04-01 or 01/04/2025") from None


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
    text = str(value).strip()
    for choice in question.choices:
        if choice.lower() == text.lower():
            return choice
    if text.isdigit() and 1 <= int(text) <= len(question.choices):
        return question.choices[int(text) - 1]
    raise InvalidAnswer(f"'{text}' is not one of: {', '.join(question.choices)}")


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

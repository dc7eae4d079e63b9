"""Named validators for answers: small functions that return an error message, or None when the value is fine.

Questions name them in YAML (`validator: real_name`); the same functions check every source of answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Validator = Callable[[Any], "str | None"]

_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "sir", "dame", "lady", "lord"}
_EMAIL = re.compile(r"^[^@\s<>,;:\"()\[\]]+@[^@\s<>,;:\"()\[\]]+\.[A-Za-z]{2,}$")
_NOT_WORD = re.compile(r"[^\w]")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b", re.IGNORECASE)


def real_name(value: Any) -> str | None:
    """A real name as the ICO accepts it (FOIA s.8; reference A3): "Jane Smith", "J. Smith", "Ms Smith".

    Refused: a first name alone ("Jane"), a surname cut to an initial ("Jane S."), or initials ("JS").
    """
    words = str(value).split()  # split at runs of whitespace, as re's \s+ (both are str.isspace)
    if len(words) < 2:
        return "give your real name with your surname, for example Jane Smith, J. Smith or Ms Smith"
    surname = words[-1].rstrip(".,")
    if len(_NOT_WORD.sub("", surname)) < 2:
        return "write your surname in full, for example Jane Smith or J. Smith (not Jane S.)"
    if all(len(w.rstrip(".")) <= 1 for w in words if w.lower().rstrip(".") not in _TITLES):
        return "write your surname in full, for example J. Smith (not initials alone)"
    return None


def email(value: Any) -> str | None:
    """An email address (one address, no display name)."""
    if not _EMAIL.match(str(value).strip()):
        return "give an email address like jane.smith@example.org"
    return None


def uk_postcode(value: Any) -> str | None:
    """A postal address that ends with (or contains) a UK postcode."""
    if not _POSTCODE.search(str(value)):
        return "include the postcode, for example SW1H 9NA"
    return None


# Two letters, six digits, a final letter A to D (spaces allowed): deliberately loose, because
# refusing a real number would stop a person's own request. Only used in a subject access request.
_NI_NUMBER = re.compile(r"^[A-Z]{2}\s*(\d\s*){6}[A-D]$", re.IGNORECASE)
# Reference E3: number the items and keep to about 10 or fewer per request.
MAX_ITEMS = 10


def ni_number(value: Any) -> str | None:
    """A National Insurance number as printed on letters: QQ 12 34 56 C."""
    if not _NI_NUMBER.match(str(value).strip()):
        return "write a National Insurance number like QQ 12 34 56 C (two letters, six numbers, one letter)"
    return None


def few_items(value: Any) -> str | None:
    """At most MAX_ITEMS items: a longer request is easy to refuse on cost (reference E3 and E4)."""
    if isinstance(value, (list, tuple)) and len(value) > MAX_ITEMS:
        return (
            f"that is {len(value)} items; keep to {MAX_ITEMS} or fewer, the most important first "
            "(a long request is easily refused on cost)"
        )
    return None


_FIRST_PERSON = re.compile(r"\b(i|i'm|im|i've|ive|i'd|my|me|myself|mine)\b", re.IGNORECASE)
# More words than this and a name is probably a sentence ("a course with A4e, my adviser said...").
NAME_WORDS = 8


def sentence_like(value: Any) -> bool:
    """True when an answer meant to name something reads like a sentence about what happened:
    over about eight words, or in the first person ("I", "my", "me")."""
    text = str(value).strip()
    return len(text.split()) > NAME_WORDS or bool(_FIRST_PERSON.search(text.replace("\u2019", "'")))


# How people write the parts of the UK, for a body written to as typed (`--set nation=...`).
NATION_SPELLINGS = {
    "scotland": "scotland", "scottish": "scotland", "alba": "scotland",
    "england": "england", "english": "england",
    "wales": "wales", "welsh": "wales", "cymru": "wales",
    "northern-ireland": "ni", "northernireland": "ni", "ni": "ni", "n-ireland": "ni",
    "uk": "uk", "united-kingdom": "uk", "uk-wide": "uk", "britain": "uk", "great-britain": "uk", "gb": "uk",
}


def nation_id(value: Any) -> str | None:
    """The nation a spelling stands for ("Northern Ireland" -> ni), or None."""
    key = "-".join(re.findall(r"[a-z]+", str(value).lower()))
    return NATION_SPELLINGS.get(key)


def nation(value: Any) -> str | None:
    """scotland, england, wales, northern-ireland or uk (only Scotland changes the law: FOISA)."""
    if nation_id(value) is None:
        return "write scotland, england, wales or northern-ireland (or uk for a UK-wide body)"
    return None


REGISTRY: dict[str, Validator] = {
    "nation": nation,
    "real_name": real_name,
    "email": email,
    "uk_postcode": uk_postcode,
    "ni_number": ni_number,
    "few_items": few_items,
}


def get(name: str) -> Validator:
    """The validator called `name`; an unknown name is a defect in a scenario file."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown validator '{name}': use one of {', '.join(sorted(REGISTRY))}") from None

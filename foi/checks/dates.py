"""Reading the time bounds of a request: is a part of it bounded by dates, and how wide is the range?

An FOI officer estimating the cost of a search (FOIA s.12) first asks "over what period?". These
functions answer that the way the officer would: "between 1 April 2025 and 31 March 2026",
"2023/24", "the last three years", "the current policy" and "since the contract began" all bound a
request; "since 2010" bounds it too, but widely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from foi.checks.patterns import pattern

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|May|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "eighteen": 18, "twenty-four": 24, "thirty-six": 36,
}
# A year that is a date, not the year in the name of an Act or a reference number.
_YEAR = r"(?<![\w/£$-])(?:19[5-9]\d|20\d\d)(?![\w%])"
_NOT_A_DATE_BEFORE = pattern(
    r"(act|regulations?|order|rules|code|directive|measure|\(scotland\)|\(wales\)|"
    r"\(northern ireland\)|no\.?|si|ssi|iso|bs|foi|ref(erence)?|number|nos?\.?)\s*$",
    re.IGNORECASE,
)
_FULL_DATE = pattern(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+({_YEAR})"
    rf"|\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})"
    rf"|\b(\d{{1,2}})[/.](\d{{1,2}})[/.]((?:19|20)\d\d)\b"
    rf"|\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b",
    re.IGNORECASE,
)
_MONTH_YEAR = pattern(rf"\b({_MONTH})\.?,?\s+({_YEAR})", re.IGNORECASE)
_FIN_YEAR = pattern(rf"({_YEAR})\s*[/-]\s*(?:(?:19|20)?(\d\d))(?![\w/])")
_PLAIN_YEAR = pattern(_YEAR)
_RELATIVE = pattern(
    r"\b(?:last|past|previous|preceding|prior|latest|most\s+recent|current|this|next)\s+"
    r"(?:(\w+(?:-\w+)?)\s+)?(?:full\s+|complete\s+|calendar\s+|financial\s+|academic\s+|fiscal\s+|business\s+|"
    r"municipal\s+|school\s+|tax\s+)?"
    r"(years?|months?|weeks?|days?|quarters?|decades?|meetings?|terms?|versions?|editions?|reviews?)\b",
    re.IGNORECASE,
)
_CURRENT = pattern(
    r"\b(current(?:ly)?|latest|most\s+recent|in\s+force|at\s+present|presently|now\s+in\s+use|"
    r"in\s+use\s+(?:now|today)|as\s+(?:of|at)\s+(?:today|now|the\s+date)|up\s+to\s+date|"
    r"this\s+(?:year|month|week)|last\s+(?:year|month|week)|year\s+to\s+date|to\s+date|"
    r"(?:same|that|this|above|relevant|whole)\s+(?:period|dates|timeframe|time\s+period)|those\s+(?:years|months|dates)|"
    r"at\s+the\s+moment|at\s+this\s+time|right\s+now|as\s+it\s+stands|of\s+(?:those|these)\b|"
    r"financial\s+year|calendar\s+year|academic\s+year|fiscal\s+year|\bQ[1-4]\b"
    # "how many households have an assisted collection": the present, not all time
    r"|how\s+many\b[^.?]{0,60}?\b(?:are|is|has|have)\s+(?!been\b|had\b|\w+ed\b|\w+en\b)\w+"
    r"|how\s+many\s+(?:\w+\s+){1,3}(?:use|own|hold|employ|operate|receive|exist|work|live)\b)",
    re.IGNORECASE,
)
# Bounded by an event or a reference rather than a date: the officer knows when that was.
_EVENT = pattern(
    r"\bsince\s+(?:the\s+|it\s+|they\s+|your\s+|we\s+|I\s+)?\w+"
    r"|\b(?:from|after|before|until|following)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:start|introduction|launch|beginning|implementation|inception|commencement|award|signing|"
    r"opening|closure|end)\b"
    r"|\bthe\s+(?:decision|proposals?|consultation|review|closure|incident|inspection|meeting|"
    r"procurement|tender|award)\s+(?:to|on|of|about|into|held|that|which|in)\b"
    r"|\bthe\s+contracts?\s+(?:awarded|signed|let|with|between|for)\b"
    r"|\b(?:on|dated)\s+\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH
    + r"|\b(?:application|case|planning|reference|ref\.?|contract)\s+(?:no\.?\s*|number\s*)?[A-Z]{0,4}\d+[/\d-]*",
    re.IGNORECASE,
)
_YEAR_TO_YEAR = pattern(rf"({_YEAR})\s*(?:to|until|till|through|-|\u2013)\s*({_YEAR})", re.IGNORECASE)
_SINCE_EVENT_YEAR = pattern(rf"\bsince\s+(?:the\s+|it\s+|they\s+)?(?:\w+\s+){{1,4}}?(?:in\s+)?({_YEAR})", re.IGNORECASE)
_SINCE = pattern(rf"\b(?:since|from|after)\s+(?:(?:the\s+)?(?:start|beginning)\s+of\s+)?"
                 rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTH}\s+)?({_YEAR})(?!\s*(?:to|and|until|-|/|\u2013))",
                 re.IGNORECASE)
_BETWEEN = pattern(
    r"\b(?:between|from)\s+(?P<a>[^.;:]{3,40}?)\s+(?:and|to|until|till|through|-|\u2013)\s+(?P<b>[^.;:]{3,40})",
    re.IGNORECASE,
)
_LAST_N = pattern(
    r"\b(?:last|past|previous|preceding|prior)\s+(\w+(?:-\w+)?)\s+(?:full\s+|complete\s+|calendar\s+|"
    r"financial\s+|academic\s+)?(years?|months?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Bounds:
    """What the text says about time: bounded at all, and the widest range it names, in years."""

    anchored: bool
    years: float | None = None


# "from 2006/7 to date", "January 2018 to the present": a range that ends today.
_TO_DATE = pattern(r"\b((?:19|20)\d\d)(?:\s*/\s*\d{1,2})?\s+(?:to|until|till)\s+(?:date|now|the\s+present|present)\b",
                   re.IGNORECASE)


def _years_in(text: str) -> list[tuple[int, int]]:
    """(offset, year) for each year in text that reads as a date, not as part of a name."""
    found = []
    for match in _PLAIN_YEAR.finditer(text):
        if _NOT_A_DATE_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        found.append((match.start(), int(match.group())))
    return found


def _point(text: str) -> float | None:
    """A year (with months as a fraction) from the first date or year in a short phrase."""
    full = _FULL_DATE.search(text)
    if full:
        groups = [g for g in full.groups() if g]
        year = next(int(g) for g in groups if re.fullmatch(r"(19|20)\d\d", g))
        month_word = next((g for g in groups if g.lower().rstrip(".") in MONTHS), None)
        if month_word:
            month = MONTHS[month_word.lower().rstrip(".")]
        elif full.group(8):
            month = int(full.group(8))
        elif full.group(11):
            month = int(full.group(11))
        else:
            month = 1
        return year + (min(max(month, 1), 12) - 1) / 12
    month_year = _MONTH_YEAR.search(text)
    if month_year:
        return int(month_year.group(2)) + (MONTHS[month_year.group(1).lower().rstrip(".")] - 1) / 12
    years = _years_in(text)
    return float(years[0][1]) if years else None


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def span_years(text: str, today: date) -> float | None:
    """The widest time range the text names, in years, or None if it names no range."""
    widths: list[float] = []
    now = today.year + (today.month - 1) / 12
    for match in _BETWEEN.finditer(text):
        a, b = _point(match.group("a")), _point(match.group("b"))
        if a is not None and b is not None and b >= a:
            end_is_year_only = not _FULL_DATE.search(match.group("b")) and not _MONTH_YEAR.search(match.group("b"))
            widths.append(b - a + (1 if end_is_year_only else 1 / 12))
    for match in _YEAR_TO_YEAR.finditer(text):
        a, b = int(match.group(1)), int(match.group(2))
        if b >= a:
            widths.append(float(b - a + 1))
    for match in _SINCE.finditer(text):
        widths.append(max(now - int(match.group(1)), 0.0))
    for match in _SINCE_EVENT_YEAR.finditer(text):
        widths.append(max(now - int(match.group(1)), 0.0))
    for match in _TO_DATE.finditer(text):
        widths.append(max(now - int(match.group(1)), 0.0))
    for match in _LAST_N.finditer(text):
        n = _number(match.group(1))
        if n:
            widths.append(n if match.group(2).lower().startswith("year") else n / 12)
    for match in _FIN_YEAR.finditer(text):
        start = int(match.group(1))
        end = int(match.group(2)) + (start // 100) * 100
        if 0 < end - start <= 30:
            widths.append(float(end - start))
    return round(max(widths), 2) if widths else None


@lru_cache(maxsize=4096)  # several rules ask this of the same sentence in one check
def bounds(text: str, today: date) -> Bounds:
    """Whether text is bounded in time, and how widely."""
    anchored = bool(
        _FULL_DATE.search(text) or _MONTH_YEAR.search(text) or _years_in(text)
        or _RELATIVE.search(text) or _CURRENT.search(text) or _EVENT.search(text)
    )
    return Bounds(anchored, span_years(text, today) if anchored else None)


def example_range(today: date) -> str:
    """The last complete financial year before today, as a worked example for a suggestion."""
    end_year = today.year if today.month >= 4 else today.year - 1
    return f"1 April {end_year - 1} to 31 March {end_year}"

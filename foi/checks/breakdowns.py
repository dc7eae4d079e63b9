"""Breakdowns: figures split so many ways, or listed case by case, that nobody holds them that way.

A count is cheap when a system reports it. "Monthly, for five years, by type of accommodation, by
household make-up, mothers and fathers separately" is a table nobody keeps: the officer must read
each case file, and the whole request is refused on cost (s.12). Each way of splitting counts once;
finer-than-yearly periods count once more; a listing of every case with its details counts three
times, because it always means reading the records one by one. The phrases are data
(foi/data/check_words.yaml).
"""

from __future__ import annotations

from collections.abc import Iterable

from foi.checks.finding import WARNING, Finding
from foi.checks.registry import Context, rule
from foi.checks.words import phrases

CASE_WEIGHT = 3
THRESHOLD = 4


def _score(text: str) -> tuple[int, int | None]:
    """How many ways the text splits its figures, and where the first split is asked for."""
    found = [m for name in ("breakdown_phrases", "fine_time") for m in phrases(name).finditer(text)]
    cases = list(phrases("case_listing").finditer(text))
    score = len({m.start() for m in found}) + CASE_WEIGHT * bool(cases)
    starts = [m.start() for m in (*found, *cases)]
    return score, (min(starts) if starts else None)


def _units(ctx: Context) -> list[tuple[int, int]]:
    """Each numbered item with its sub-items, or the whole body where there is no list."""
    doc = ctx.doc
    return doc.items or [(doc.body_start, doc.body_end)]


@rule("scope/breakdowns", WARNING, "figures split many ways at once (cross-tabulations), or listed case by "
      "case: a table nobody keeps, refused on cost")
def check_breakdowns(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    whole, first = _score(doc.flat[doc.body_start : doc.body_end])
    if first is None:
        return
    # Where the whole body splits the figures enough ways, no need to score each item.
    if whole - 1 < THRESHOLD and max((_score(doc.flat[s:e])[0] for s, e in _units(ctx)), default=0) < THRESHOLD:
        return
    at = doc.body_start + first
    yield ctx.finding(
        "scope/breakdowns", WARNING,
        "This asks for figures split many ways at once, or for details of every case: authorities rarely keep "
        "tables like that, so the officer would have to read each case file, and can refuse the whole "
        "request on cost (s.12).",
        "Ask for the totals first, with one breakdown (by year, say); ask for a second breakdown in a later "
        "request once you see what the records hold.", at, at + 40)

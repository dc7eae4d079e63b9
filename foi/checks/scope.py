"""Scope: the wording that gets requests refused on cost (FOIA s.12; FOISA s.12).

An officer refuses "all correspondence about Universal Credit" because nobody can estimate a
search with no edges. The same words are fine with edges: a month, a named team, a named decision.
So these rules look at each requested item as a whole: what kind of record it asks for, whether
it has a time bound (its own or one given for the whole request), and how wide that bound is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from foi.checks.dates import bounds, example_range
from foi.checks.finding import INFO, WARNING, Finding
from foi.checks.form import question_kind
from foi.checks.privacy import OWN_DATA, asks_third_party, is_sar
from foi.checks.registry import Context, rule

# Records that pile up day by day: any request for them needs a period.
ACCUMULATING = re.compile(
    r"(?<!standard\s)(?<!template\s)(?<!model\s)"
    r"\b(correspondence|e-?mails|communications|letters|messages|text\s+messages|texts|whatsapps?|"
    r"memos|memoranda|briefings|complaints|call\s+logs|case\s+notes|meeting\s+notes|notes\s+of\s+meetings)\b"
    # "the complaints procedure", "the communications team": a document or a team, not a pile of records
    r"(?!\s+(?:policy|policies|procedure|procedures|process|processes|team|teams|unit|strategy|plan|address|"
    r"officer|manager|department|directorate|system|framework|guidance|handling|protocol|service))",
    re.IGNORECASE,
)
_RECORD = (r"(information|info|docs|stats|documents?|documentation|records?|files?|papers|paperwork|reports|minutes|notes|"
           r"guidance|instructions|training(?:\s+materials?)?|materials?|data|details|reviews|audits|evaluations|"
           r"investigations|assessments|presentations|submissions|meetings?|"
           r"correspondence|e-?mails|communications|letters|messages|memos|briefings|complaints)")
BLANKET = re.compile(
    # "a list of all ..." asks for a list, which is cheap; "all the data fields" is a list too.
    rf"(?<!list\sof\s)\b(?:all|any\s+and\s+all|all\s+and\s+any|every|each\s+and\s+every)\s+(?:of\s+)?"
    rf"(?:the\s+|your\s+)?(?:[\w-]+\s+){{0,3}}?{_RECORD}\b"
    r"(?!\s+(?:fields?|items?|categories|protection|sharing\s+agreements?|sets?\s+names?|controller|processor))"
    r"|\bany\s+(?:information|info)\b|\beverything\s+(?:you|that|held|relating|related|about|on|regarding|to\s+do)\b"
    r"|\b(?:all|any)\s+(?:the\s+)?(?:information|data)\s+(?:you\s+)?(?:hold|held|have)\b",
    re.IGNORECASE,
)
# Counting, not copying: a request for figures is cheap, and its period is advice, not a warning.
FIGURES = re.compile(
    r"\b(number|numbers|figures?|statistics|stats|totals?|how\s+many|how\s+much|count|breakdown|"
    r"amount|percentage|proportion|spend|spending|spent|cost|costs|expenditure|budget|value|salary|salaries)\b",
    re.IGNORECASE,
)
DEFINITION = re.compile(
    r"^\s*(in\s+this\s+request|for\s+the\s+purposes?\s+of\s+this\s+request|by\s+[\"\u201c'\u2018])"
    r"|^[^.]{0,60}[\"\u201d'\u2019]\s+(includes|means|refers\s+to)\b",
    re.IGNORECASE,
)
# Named people or teams on either side of the correspondence narrow the search.
_PARTY = re.compile(
    r"\b(?:between|sent\s+(?:to|by|from)|received\s+(?:from|by)|to\s+or\s+from|from\s+or\s+to|with|by|from|to)"
    r"\s+(?:the\s+)?(?:[A-Z][\w&'\u2019-]+)"
    r"|\band\s+(?:the\s+)?[A-Z][\w&'\u2019-]+"
    r"|\b(team|office|directorate|unit|officer|director|manager|minister|secretary|chief\s+executive|"
    r"councillor|board|committee|panel|council|department|authority|agency|company|contractor|provider|"
    r"ministry|trust|force|government)\b",
)
_NEWS = re.compile(r"\b(receive|receipt|received\s+this|working\s+days?|due|respond|reply)\b", re.IGNORECASE)
WIDE_YEARS = 3.0


@dataclass(frozen=True)
class Unit:
    """One thing asked for: a top-level list item, or a sentence of a paragraph that asks."""

    start: int
    end: int
    text: str


def request_units(ctx: Context) -> list[Unit]:
    """Each numbered item, and each asking sentence outside the list that is not a letter clause.

    A subject access request has none: it has no cost limit, and "all the personal data you hold
    about me" is exactly what it should ask for.
    """
    if is_sar(ctx):
        return []
    doc = ctx.doc
    units = [Unit(s, e, doc.flat[s:e]) for s, e in doc.items]
    for sentence in doc.sentences:
        text = doc.sentence_text(sentence)
        if sentence.in_item or not doc.is_asking(sentence) or doc.is_procedural(sentence):
            continue
        if DEFINITION.search(text):
            continue
        units.append(Unit(sentence.start, sentence.end, text))
    # Personal data is a matter for the privacy rules: a subject access request has no cost limit,
    # and a request for another person's records fails on s.40(2) whatever its period. A question
    # is a matter for form/question: its period is not the problem.
    return [u for u in units if not DEFINITION.search(u.text) and not ctx.doc.is_procedural_text(u.text)
            and not OWN_DATA.search(u.text) and not asks_third_party(u.text) and not question_kind(u.text)]


def _global_anchor(ctx: Context) -> bool:
    """A period given once for the whole request ("For the period 1 April 2024 to 31 March 2025:")."""
    doc = ctx.doc
    for sentence in doc.sentences:
        if sentence.in_item:
            continue
        text = doc.sentence_text(sentence)
        if _NEWS.search(text) or doc.is_procedural(sentence):
            continue
        if bounds(text, ctx.today).anchored:
            return True
    return False


def _figures_first(text: str, match: re.Match[str]) -> bool:
    """True when the record words are what is counted ("the number of complaints")."""
    figures = FIGURES.search(text)
    return bool(figures and figures.start() < match.start())


@rule("scope/date-range", WARNING, "records that pile up (correspondence, emails, all guidance) asked for "
      "with no period; figures with no period (info)")
def check_date_range(ctx: Context) -> Iterable[Finding]:
    overall = _global_anchor(ctx)
    example = example_range(ctx.today)
    units = request_units(ctx)
    # Figures with no period are advice only, and only when the request names no period anywhere:
    # "How many of those claims were paid?" borrows the period of the item before it.
    any_period = overall or any(bounds(u.text, ctx.today).anchored for u in units)
    for unit in units:
        if overall or bounds(unit.text, ctx.today).anchored:
            continue
        records = ACCUMULATING.search(unit.text) or BLANKET.search(unit.text)
        if records and not _figures_first(unit.text, records):
            yield ctx.finding(
                "scope/date-range", WARNING,
                "This asks for records with no period: without one the officer must search everything ever "
                "held, and can refuse the request on cost (s.12).",
                f"Add a date range, for example {example}.", unit.start + records.start(),
                unit.start + records.end())
        elif FIGURES.search(unit.text) and not any_period:
            figures = FIGURES.search(unit.text)
            assert figures is not None
            yield ctx.finding(
                "scope/date-range", INFO,
                "These figures have no period: the officer will choose one for you, or write back to ask.",
                f"Say which period the figures should cover, for example {example}, by month.",
                unit.start + figures.start(), unit.start + figures.end())


@rule("scope/too-broad", WARNING, '"all information/documents/correspondence" with no period, a wide one, or '
      "no named team or person")
def check_too_broad(ctx: Context) -> Iterable[Finding]:
    overall = _global_anchor(ctx)
    for unit in request_units(ctx):
        blanket = BLANKET.search(unit.text)
        accumulating = ACCUMULATING.search(unit.text)
        found = bounds(unit.text, ctx.today)
        anchored = found.anchored or overall
        years = found.years
        if blanket and not _figures_first(unit.text, blanket):
            # Correspondence piles up fastest: over more than a year and a half it needs named people
            # or a team as well. Guidance, reports and the like need only a period of three years or less.
            party = bool(_PARTY.search(unit.text))
            piles_up = bool(ACCUMULATING.search(unit.text))
            wide = years is not None and (years > WIDE_YEARS or (piles_up and years > 1.5 and not party))
            if not anchored or wide:
                why = ("over a wide period" if wide else "with nothing to narrow it")
                yield ctx.finding(
                    "scope/too-broad", WARNING,
                    f'"{blanket.group().strip()}" {why} invites a refusal on cost (s.12): the officer cannot '
                    "search everything held.",
                    "Narrow it: name the kind of document (guidance, minutes, contract), a period of a year "
                    "or less, and the team, office or person concerned.",
                    unit.start + blanket.start(), unit.start + blanket.end())
        elif accumulating and not _figures_first(unit.text, accumulating) and years and years > WIDE_YEARS:
            yield ctx.finding(
                "scope/too-broad", WARNING,
                f"{accumulating.group().capitalize()} over about {round(years)} years is a wide search and "
                "risks a refusal on cost (s.12).",
                "Shorten the period to a year or two, or name the people or team whose correspondence you "
                "want.", unit.start + accumulating.start(), unit.start + accumulating.end())

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
from functools import lru_cache

from foi.checks.dates import Bounds, bounds, example_range
from foi.checks.document import is_procedural_text
from foi.checks.finding import INFO, WARNING, Finding
from foi.checks.form import question_kind
from foi.checks.patterns import pattern
from foi.checks.privacy import OWN_DATA, asks_third_party, is_sar
from foi.checks.registry import Context, rule

# Records that pile up day by day: any request for them needs a period.
ACCUMULATING = pattern(
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
BLANKET = pattern(
    # "a list of all ..." asks for a list, which is cheap; "all the data fields" is a list too.
    rf"(?<!list\sof\s)\b(?:all(?:\s*/\s*any)?|any\s*/\s*all|any\s+and\s+all|all\s+and\s+any|every|each\s+and\s+every)\s+(?:of\s+)?"
    rf"(?:the\s+|your\s+)?(?:[\w-]+\s+){{0,3}}?{_RECORD}\b"
    r"(?!\s+(?:fields?|items?|categories|protection|sharing\s+agreements?|sets?\s+names?|controller|processor))"
    r"|\bany\s+(?:information|info)\b|\beverything\s+(?:you|that|held|relating|related|about|on|regarding|to\s+do)\b"
    r"|\b(?:all|any)\s+(?:the\s+)?(?:information|data)\s+(?:you\s+)?(?:hold|held|have)\b",
    re.IGNORECASE,
)
# Counting, not copying: a request for figures is cheap, and its period is advice, not a warning.
FIGURES = pattern(
    r"\b(number|numbers|figures?|statistics|stats|totals?|how\s+many|how\s+much|count|breakdown|"
    r"amount|percentage|proportion|spend|spending|spent|cost|costs|expenditure|budget|value|salary|salaries)\b",
    re.IGNORECASE,
)
DEFINITION = pattern(
    r"^\s*(in\s+this\s+request|for\s+the\s+purposes?\s+of\s+this\s+request|by\s+[\"\u201c'\u2018])"
    r"|^[^.]{0,60}[\"\u201d'\u2019]\s+(includes|means|refers\s+to)\b",
    re.IGNORECASE,
)
# Named people or teams on either side of the correspondence narrow the search.
_PARTY = pattern(
    r"\b(?:between|sent\s+(?:to|by|from)|received\s+(?:from|by)|to\s+or\s+from|from\s+or\s+to|with|by|from|to)"
    r"\s+(?:the\s+)?(?:[A-Z][\w&'\u2019-]+)"
    r"|\band\s+(?:the\s+)?[A-Z][\w&'\u2019-]+"
    r"|\b(team|office|directorate|unit|officer|director|manager|minister|secretary|chief\s+executive|"
    r"councillor|board|committee|panel|council|department|authority|agency|company|contractor|provider|"
    r"ministry|trust|force|government)\b",
)
_NEWS = pattern(r"\b(receive|receipt|received\s+this|working\s+days?|due|respond|reply)\b", re.IGNORECASE)
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
    return [u for u in units if not _elsewhere(u.text)]


@lru_cache(maxsize=4096)  # both scope rules ask it of every unit
def _elsewhere(text: str) -> bool:
    """A definition, a letter clause, or a matter for the privacy or form rules, not for scope."""
    return bool(DEFINITION.search(text) or is_procedural_text(text)
                or OWN_DATA.search(text) or asks_third_party(text) or question_kind(text))


def _global_anchor(ctx: Context) -> bool:
    """A period given once for the whole request ("For the period 1 April 2024 to 31 March 2025:")."""
    return _global_period(ctx) is not None


def _global_period(ctx: Context) -> Bounds | None:
    """The period given once for the whole request, with its width in years when it names one."""
    doc = ctx.doc
    for sentence in doc.sentences:
        if sentence.in_item:
            continue
        text = doc.sentence_text(sentence)
        if _NEWS.search(text) or doc.is_procedural(sentence):
            continue
        found = bounds(text, ctx.today)
        if found.anchored:
            return found
    return None


def _figures_first(text: str, match: re.Match[str]) -> bool:
    """True when the record words are what is counted ("the number of complaints")."""
    figures = FIGURES.search(text)
    return bool(figures and figures.start() < match.start())


# "An open government request for all the information to which I am entitled": a formula, not a scope.
_BOILERPLATE = pattern(r"\ball\s+(?:the\s+)?information\s+(?:to\s+which\s+I\s+am|that\s+I\s+am|I\s+am)\s+entitled\b"
                       r"|\bany\s+information\s+(?:they|it)\s+(?:may\s+)?hold", re.IGNORECASE)
# Documents in force today need no period: "all policies currently used by housing officers".
_GUIDANCE = pattern(r"\b(guidance|polic(?:y|ies)|procedures?|instructions?|manuals?|training|templates?|forms|criteria|"
                    r"rules|schemes?|documents?|documentation)\b", re.IGNORECASE)
_IN_FORCE = pattern(r"\b(currently|current|in\s+use|in\s+force|available\s+to|used\s+by|that\s+(?:are|is)\s+used|"
                    r"(?:staff|officers|coaches|advisers)\s+(?:follow|use|apply)|tasked\s+with|to\s+enable\s+them|"
                    r"to\s+carry\s+out\s+(?:this|their|that)\s+(?:function|role|duty))\b", re.IGNORECASE)
# Kinds of record: a request for "all" of three or more kinds at once is a sweep of everything held.
_KINDS = pattern(r"\b(correspondence|e-?mails?|letters|memos?|briefings?|minutes|notes|analys[ie]s|reports?|papers|"
                 r"documentation|documents|submissions|presentations|texts|whatsapps?|messages|agendas?)\b",
                 re.IGNORECASE)
SWEEP_YEARS = 0.25
_ANY_SWEEP = pattern(r"\bany\s+(?:internal\s+)?(?:correspondence|documentation|documents|records|material)\b",
                     re.IGNORECASE)
# Records kept for years: over more than a decade even a named dataset is a long search.
_RECORDS = pattern(r"\b(records?|datasets?|files|documents|reports)\b", re.IGNORECASE)
LONG_YEARS = 10.0
# Figures of things that happen (counted over a period), as against a count of what exists now.
_EVENTS = pattern(r"\b(received|made|issued|submitted|lodged|applied|requested|refused|rejected|awarded|concluded|"
                  r"sanctioned|evicted|referred|requests|applications|actions|claims|complaints|appeals)\b",
                  re.IGNORECASE)
_NOW = pattern(r"\b(current(?:ly)?|now|at\s+present|as\s+(?:of|at)|today|latest|this\s+date|outstanding|still|"
               r"under\s+review|pending|lockdown|term\s+time|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|"
               r"sep|oct|nov|dec)\w*)\b",
               re.IGNORECASE)


_RECEIVED = pattern(r"\b(?:are|is|be|been|were|being)\s+(?:provided|given|told|sent)\s+(?:with\s+)?$", re.IGNORECASE)


def _scope_of(ctx: Context, unit: Unit) -> Bounds:
    """The unit's own period, or the one the whole request gives."""
    found = bounds(unit.text, ctx.today)
    if found.anchored and found.years is not None:
        return found
    overall = _global_period(ctx)
    if overall is not None:
        return overall if overall.years is not None or not found.anchored else found
    return found


def _blanket(unit: Unit) -> re.Match[str] | None:
    """A sweeping "all/any ..." in the unit, unless it is a formula or a request for documents in force.

    "Any correspondence ..., including meetings, notes, memos, agendas and minutes" sweeps as widely
    as "all": "any" counts when three or more kinds of record are listed with it.
    """
    blanket = BLANKET.search(unit.text)
    match = blanket or _ANY_SWEEP.search(unit.text)
    if match and blanket is None and len({k.lower().rstrip("s") for k in _KINDS.findall(unit.text)}) < 3:
        return None
    if match is None or _BOILERPLATE.search(unit.text) or _figures_first(unit.text, match):
        return None
    if _RECEIVED.search(unit.text[: match.start()]):
        return None  # "that claimants are provided with all the relevant information": what people get
    if _GUIDANCE.search(match.group()) and _IN_FORCE.search(unit.text):
        return None
    return match


@rule("scope/date-range", WARNING, "records that pile up (correspondence, emails, all guidance) or counts of "
      "events asked for with no period; other figures with no period (info)")
def check_date_range(ctx: Context) -> Iterable[Finding]:
    overall = _global_anchor(ctx)
    example = example_range(ctx.today)
    units = request_units(ctx)
    # Figures with no period get advice only when the request names a period somewhere:
    # "How many of those claims were paid?" borrows the period of the item before it.
    any_period = overall or any(bounds(u.text, ctx.today).anchored or _NOW.search(u.text) for u in units)
    for unit in units:
        if overall or bounds(unit.text, ctx.today).anchored:
            continue
        accumulating = ACCUMULATING.search(unit.text)
        records = _blanket(unit) or (accumulating if accumulating and not _figures_first(unit.text, accumulating)
                                     else None)
        figures = FIGURES.search(unit.text)
        if records:
            yield ctx.finding(
                "scope/date-range", WARNING,
                "This asks for records with no period: without one the officer must search everything ever "
                "held, and can refuse the request on cost (s.12).",
                f"Add a date range, for example {example}.", unit.start + records.start(),
                unit.start + records.end())
        elif figures and not any_period:
            events = _EVENTS.search(unit.text) and not _NOW.search(unit.text)
            yield ctx.finding(
                "scope/date-range", WARNING if events else INFO,
                "These figures have no period: counting everything ever recorded can be refused on cost (s.12), "
                "and otherwise the officer chooses a period for you or writes back to ask." if events else
                "These figures have no period: the officer will choose one for you, or write back to ask.",
                f"Say which period the figures should cover, for example {example}, by month.",
                unit.start + figures.start(), unit.start + figures.end())


@rule("scope/too-broad", WARNING, '"all information/documents/correspondence" with no period, a wide one, or '
      "no named team or person; all of many kinds of record at once")
def check_too_broad(ctx: Context) -> Iterable[Finding]:
    for unit in request_units(ctx):
        finding = _too_broad(ctx, unit)
        if finding:
            yield finding


def _too_broad(ctx: Context, unit: Unit) -> Finding | None:
    blanket = _blanket(unit)
    accumulating = ACCUMULATING.search(unit.text)
    found = _scope_of(ctx, unit)
    years = found.years
    suggestion = ("Narrow it: name the kind of document (guidance, minutes, contract), a period of a year or less, "
                  "and the team, office or person concerned.")
    if blanket:
        # Correspondence piles up fastest: over more than a year and a half it needs named people or a
        # team as well. Guidance, reports and the like need only a period of three years or less. All of
        # three or more kinds of record at once is a sweep, even over a few months.
        party = bool(_PARTY.search(unit.text))
        piles_up = bool(accumulating)
        kinds = {k.lower().rstrip("s") for k in _KINDS.findall(unit.text)}
        wide = years is not None and (years > WIDE_YEARS or (piles_up and years > 1.5 and not party)
                                      or (len(kinds) >= 3 and years >= SWEEP_YEARS))
        if found.anchored and not wide:
            return None
        why = "over a wide period" if wide else "with nothing to narrow it"
        return ctx.finding(
            "scope/too-broad", WARNING,
            f'"{blanket.group().strip()}" {why} invites a refusal on cost (s.12): the officer cannot search '
            "everything held.", suggestion, unit.start + blanket.start(), unit.start + blanket.end())
    if accumulating and not _figures_first(unit.text, accumulating) and years and years > WIDE_YEARS:
        return ctx.finding(
            "scope/too-broad", WARNING,
            f"{accumulating.group().capitalize()} over about {round(years)} years is a wide search and risks a "
            "refusal on cost (s.12).",
            "Shorten the period to a year or two, or name the people or team whose correspondence you want.",
            unit.start + accumulating.start(), unit.start + accumulating.end())
    kept = _RECORDS.search(unit.text)
    if kept and years and years > LONG_YEARS and not FIGURES.search(unit.text[: kept.start()]):
        return ctx.finding(
            "scope/too-broad", WARNING,
            f"{kept.group().capitalize()} over about {round(years)} years means searching old systems and archives, "
            "and risks a refusal on cost (s.12).",
            "Ask for the last three to five years first; ask for older years later if you need them.",
            unit.start + kept.start(), unit.start + kept.end())
    return None

"""Clarity: words an officer could read narrowly, or need to write back about (s.1(3) stops the clock).

Both rules give advice (info): "etc." and "relevant documents" leave the choice to the authority,
and an acronym the reader may not share ("WHP", "MWA") can be read as something else. Acronyms
every reader of a UK request knows (DWP, NHS, FOIA, PIP ...) and any the request spells out are
left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from foi.checks.finding import INFO, Finding
from foi.checks.patterns import pattern
from foi.checks.registry import Context, rule
from foi.checks.words import wordlike

VAGUE = pattern(
    r"\b(etc\.?|et\s+cetera|and\s+so\s+on|and\s+so\s+forth|and\s+the\s+like|or\s+whatever|stuff|"
    r"(?:any|all)\s+other\s+(?:relevant\s+|related\s+|pertinent\s+|useful\s+)?(?:information|documents?|"
    r"material|data|details)|all\s+relevant\s+(?:information|documents?|material|data|details|records)|"
    r"(?:any|all)\s+(?:other\s+)?(?:parallel|similar|related|associated|connected)\s+(?:documents?|information|"
    r"material|papers|records)|"
    r"recently|in\s+recent\s+(?:years|months|times)|(?<!most\s)recent\s+(?:years|months|figures|data|statistics))"
    r"(?=\W|$)",
    re.IGNORECASE,
)


@rule("clarity/vague", INFO, '"etc.", "any other relevant information", "recently": words that leave the '
      "choice to the authority")
def check_vague(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    for match in VAGUE.finditer(doc.flat, doc.body_start, doc.body_end):
        if doc.quoted(match.start()):
            continue
        yield ctx.finding(
            "clarity/vague", INFO,
            f'"{match.group().strip()}" leaves it to the authority to decide what you meant, and it will '
            "read it narrowly.",
            "Name each kind of document or figure you want, and give dates instead of \"recently\".",
            match.start(), match.end())
        return


# Acronyms a reader of a UK request is expected to know; anything else should be spelled out once.
KNOWN_ACRONYMS = frozenset((
    "UK", "GB", "USA", "US", "EU", "UN", "NI", "DWP", "NHS", "HMRC", "HMT", "HM", "FOI", "FOIA",
    "FOISA", "EIR", "EIRS", "EISR", "SAR", "GDPR", "ICO", "MP", "MPS", "MSP", "MSPS", "GP", "GPS",
    "CEO", "IT", "ICT", "HR", "PDF", "CSV", "XLS", "XLSX", "ODS", "DOC", "DOCX", "ID", "TV", "BBC",
    "ITV", "PLC", "LTD", "CIC", "OK", "AM", "PM", "NB", "PS", "KC", "QC", "JP", "VAT", "PAYE",
    "URL", "FAQ", "FAQS", "AI", "SMS", "CCTV", "COVID", "DVLA", "DVSA", "HMCTS", "HMPPS", "MOD",
    "MOJ", "DFE", "DHSC", "DFC", "DFT", "DCMS", "DEFRA", "MHCLG", "DLUHC", "FCDO", "HSE", "ONS",
    "NAO", "UC", "PIP", "ESA", "JSA", "DLA", "WCA", "JCP", "HB", "CTR", "CTS", "DHP", "LHA", "SSP",
    "SMP", "NINO", "KPI", "KPIS", "SLA", "SLAS", "DPIA", "DPIAS", "MOU", "MOUS", "CV", "CVS",
    "ISBN", "OBE", "MBE", "CBE", "RSPCA", "NSPCC", "PCSO", "PCSOS", "ASB", "SEN", "SEND", "EHCP",
    "EHCPS", "CAMHS", "A&E", "ICB", "ICBS", "CCG", "CCGS", "NHSE", "CQC", "OFSTED", "OFQUAL", "SIC",
    "OSIC", "HMO", "HMOS", "LA", "LAS", "UKVI", "HO", "FTT", "UT", "GRC", "API", "IP", "IPS", "OGL",
    "PHD", "MBA", "HMP", "HMIP", "YOI", "PC", "PCS", "DC", "DS", "DI", "DCI", "CID", "MR", "MRS",
    "DR", "GOV", "HTML", "XML", "JSON", "RTF", "TXT", "ODT",
))
_ACRONYM = pattern(r"(?<![\w&])([A-Z][A-Z&]{1,6})(s?)(?![\w&])(?!\s*\d)")
_ROMAN = pattern(r"^(?=[IVXLC]+$)C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def _defined(text: str, acronym: str) -> bool:
    """Spelled out somewhere: "Work and Health Programme (WHP)" or "WHP (Work and Health Programme)"."""
    return bool(re.search(rf"\(\s*(?:the\s+)?{re.escape(acronym)}s?\s*\)|\b{re.escape(acronym)}s?\s+\(\s*[A-Za-z]"
                          rf"|\b{re.escape(acronym)}\s+(?:means|stands\s+for|is\s+short\s+for)\b", text))


def _in_capital_run(flat: str, start: int, end: int) -> bool:
    """True when the word before or after is also in capitals."""
    before = re.search(r"([A-Za-z]+)\W*$", flat[max(0, start - 30) : start])
    after = re.match(r"\W*([A-Za-z]+)", flat[end : end + 30])
    return any(m and m.group(1).isupper() and (wordlike(m.group(1)))
               for m in (before, after))


@rule("clarity/acronym", INFO, "an acronym the reader may not know (WHP, MWA), not spelled out")
def check_acronyms(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    body = doc.body
    letters = list(filter(str.isalpha, body))
    if letters and sum(map(str.isupper, letters)) / len(letters) > 0.5:
        return  # written in capitals: style/case says so; every word would look like an acronym
    seen: set[str] = set()
    for match in _ACRONYM.finditer(doc.flat, doc.body_start, doc.body_end):
        acronym = match.group(1)
        if acronym in seen or acronym in KNOWN_ACRONYMS or _ROMAN.match(acronym) or doc.quoted(match.start()):
            continue
        if wordlike(acronym) or re.fullmatch(r"X+", acronym):
            continue  # a word in capitals (style/case), not an acronym
        if _in_capital_run(doc.flat, match.start(), match.end()):
            continue  # "STILL NOT ANSWERED": shouting, which style/case reports
        seen.add(acronym)
        line_start = doc.text.rfind("\n", 0, match.start()) + 1
        line_end = doc.text.find("\n", match.start())
        line = doc.text[line_start : line_end if line_end >= 0 else None]
        if not re.search(r"[a-z]", line) or _defined(doc.flat, acronym):
            continue  # a heading in capitals, or spelled out
        yield ctx.finding(
            "clarity/acronym", INFO,
            f'"{acronym}" is not spelled out: the reader may not know it, or may read it as something else.',
            f'Write the words in full the first time, with "{acronym}" after them in brackets.',
            match.start(), match.end())

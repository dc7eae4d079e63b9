"""Validity: what FOIA s.8 (and FOISA s.8) require of a request, and unfilled template blanks.

A valid request is in writing, states the applicant's real name and an address for correspondence
(an email address is enough), and describes the information wanted (reference A3).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from foi.checks.document import ASKING, _strip_markup
from foi.checks.finding import ERROR, WARNING, Finding
from foi.checks.patterns import pattern
from foi.checks.registry import Context, rule

EMAIL = pattern(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
POSTCODE = pattern(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s*\d[A-Z]{2}\b")
_PSEUDONYM = pattern(
    r"^(a\s+)?(concerned|anonymous|anon|worried|frustrated|local)\b|\b(citizen|resident|taxpayer|"
    r"claimant|member\s+of\s+the\s+public)$|^(name\s+withheld|john\s+doe|jane\s+doe|joe\s+bloggs|mr\s+x)$",
    re.IGNORECASE,
)
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "sir", "dame", "lady", "lord"}


def real_name_problem(name: str) -> str | None:
    """Why a signed name is not a real name in the ICO's sense, or None if it is one.

    The ICO accepts "Janet Smith", "J. Smith" and "Ms Smith"; not "Janet", "Janet S." or "JS".
    """
    words = name.replace(",", " ").split()
    if not words:
        return "there is no name after the sign-off"
    if re.search(r"[\[\]{}<>]", name):
        return f"'{name}' is a blank left to fill in"
    if EMAIL.search(name) or re.search(r"\d|https?:", name):
        return f"'{name}' is not a name"
    if _PSEUDONYM.search(name.strip()):
        return f"'{name}' is not a real name"
    if len(words) < 2:
        return f"'{name}' is a first name or initials only"
    if len(words[-1].strip(".")) <= 1:
        return f"'{name}' gives only an initial for the surname"
    if all(len(w.strip(".")) <= 1 or w.lower().strip(".") in _TITLES for w in words):
        return f"'{name}' is initials only"
    return None


def _signature_lines(ctx: Context) -> list[tuple[int, str]]:
    """(offset, text) of each non-empty line after the sign-off."""
    doc = ctx.doc
    if not doc.closing:
        return []
    result, pos = [], doc.closing[1] + 1
    for line in doc.text[pos:].split("\n"):
        if _strip_markup(line):
            result.append((pos + len(line) - len(line.lstrip()), _strip_markup(line)))
        pos += len(line) + 1
    return result


@rule("validity/name", ERROR, "no sign-off with the requester's real name (FOIA s.8)", letter_only=True)
def check_name(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    suggestion = 'Sign with your real name, for example "Janet Smith", "J. Smith" or "Ms Smith".'
    if not doc.closing:
        at = len(doc.text.rstrip())
        start = doc.text.rfind("\n", 0, max(at - 1, 0)) + 1
        yield ctx.finding("validity/name", ERROR,
                          'The letter has no sign-off ("Yours faithfully," and your name): a request must '
                          "state the name of the person making it.", suggestion, start, at)
        return
    if doc.inline_name:
        name, offset = doc.inline_name, doc.closing[0]
    else:
        lines = _signature_lines(ctx)
        if not lines:
            yield ctx.finding("validity/name", ERROR, "There is no name after the sign-off: a request must "
                              "state the name of the person making it.", suggestion, doc.closing[0])
            return
        offset, name = lines[0]
    problem = real_name_problem(name)
    if problem:
        yield ctx.finding("validity/name", ERROR, f"The request must give the requester's real name: {problem}.",
                          suggestion, offset)


@rule("validity/address", WARNING, "no address for correspondence (postal or email) in the letter",
      letter_only=True)
def check_address(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    regions = [(doc.body_start, doc.body_end)]
    if doc.signature:
        regions.append(doc.signature)
    found = any(EMAIL.search(doc.text, s, e) or POSTCODE.search(doc.text, s, e) for s, e in regions)
    before = doc.text[slice(*doc.before_salutation)]
    if not found and len(EMAIL.findall(before)) + len(POSTCODE.findall(before)) >= 2:
        found = True  # a traditional letter: the sender's address above the recipient's
    if not found:
        start = doc.closing[0] if doc.closing else 0
        yield ctx.finding(
            "validity/address", WARNING,
            "The letter gives no address for correspondence: a request must state one. If you send it by "
            "email your email address counts, but put it in the letter so the reply has somewhere to go.",
            "Add your email address or postal address under your name.", start)


_PLACEHOLDER_WORDS = pattern(
    r"^\s*(insert|enter|add|your|their|the\s+authority|authority|name|full\s+name|first\s+name|surname|"
    r"date|address|postcode|email|e-mail|phone|telephone|reference|ref|ni\s+number|national\s+insurance|"
    r"organisation|organization|body|council|department|recipient|requester|applicant|signature|"
    r"xx+|tbc|tbd|todo|fill|placeholder|subject|topic|details|describe)\b",
    re.IGNORECASE,
)
# How WhatDoTheyKnow and others mark what they removed: not blanks the writer forgot.
_REDACTION = pattern(
    r"^\s*(email\s+address|mobile\s+number|name\s+removed|redacted|personal\s+information\s+removed|"
    r"foi\s*#|.*\brequest\s+email|.*\bremoved\b|sic|emphasis|\d+)\s*$",
    re.IGNORECASE,
)
_BRACKETS = pattern(r"\[([^\[\]\n]{0,40})\]|\{\{[^{}\n]*\}\}|\{%[^{}\n]*%\}|<([A-Za-z _-]{2,30})>")
_XS = pattern(r"(?<![\w/])(?:X{3,}|x{3,}|(?:19|20)XX)(?![\w])|\b(?:DD|dd)/(?:MM|mm)/(?:YYYY|yyyy|YY|yy)\b|_{4,}")


@rule("validity/placeholder", ERROR, "an unfilled template blank: [Your name], {{ date }}, XXXX")
def check_placeholder(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    for match in _BRACKETS.finditer(doc.text):
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        if match.group().startswith(("{{", "{%")):
            pass
        elif inner is None or _REDACTION.match(inner) or inner.strip() and not _PLACEHOLDER_WORDS.match(inner) or match.group().startswith("<") and EMAIL.search(doc.text[max(0, match.start() - 1) : match.end() + 40]):
            continue
        yield ctx.finding("validity/placeholder", ERROR,
                          f"{match.group()} looks like a blank left from a template.",
                          "Fill it in or delete it before you send the request.", match.start(), match.end())
    for match in _XS.finditer(doc.text):
        yield ctx.finding("validity/placeholder", ERROR, f"'{match.group()}' looks like a blank left to fill in.",
                          "Replace it with the real words or delete it.", match.start(), match.end())


_INTERROGATIVE = pattern(r"(?:^|[.?!]\s+)(?:how|why|what|when|where|which|who|is|are|can|could|do|does|did|"
                         r"will|would|should|has|have)\b", re.IGNORECASE)


@rule("validity/description", ERROR, "the text does not describe any information to be provided")
def check_description(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    body = doc.body
    start = doc.body_start + len(body) - len(body.lstrip())
    if len(re.findall(r"[A-Za-z]{2,}", body)) < 5:
        yield ctx.finding("validity/description", ERROR,
                          "There is no description of the information you want: a request must describe it.",
                          "Say what recorded information you want, for example \"copies of the guidance "
                          "given to work coaches on referrals to the course\".", start)
    elif not ASKING.search(body) and not _INTERROGATIVE.search(body) and not re.search(
            r"\b(information|info|docs|stats|details|data|figures|number|statistics|documents?|records?|list|"
            r"copy|copies|correspondence|communications|minutes|agreements?|contracts?|briefings?|reports?|e-?mails|"
            r"papers|notes|analysis|guidance|policy|policies|procedures?)\b", body, re.IGNORECASE):
        yield ctx.finding("validity/description", WARNING,
                          "The text does not ask for any information: an FOI request must describe the "
                          "recorded information you want.",
                          "Add a sentence such as \"Please provide me with copies of ...\" naming the "
                          "documents or figures you want.", start)

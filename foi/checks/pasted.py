"""Pasted answers: a reply typed into the wizard that reads as a story, not as a request.

The wizard puts what a person types into the letter's numbered items and subject line. "I was
sanctioned in March and my work coach said I had to go" is the reason they are asking, not a
description of records: an officer reads the item as the thing to search for, finds the writer's
own case in it, and may answer only about that (or treat the whole letter as a subject access
request). Asking formulas ("I would like", "please send me") are fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from foi.checks.finding import WARNING, Finding
from foi.checks.patterns import pattern
from foi.checks.registry import Context, rule

# First-person narrative: what happened to the writer, what they think or feel.
_STORY = pattern(
    r"\b(?:I|we)\s+(?:was|were|have\s+been|had\s+been|got|am\s+being|went|go|had\s+to|have\s+to|think|feel|"
    r"believe(?!\s+(?:it\s+|this\s+|that\s+)?is\s+(?:called|named|known))|don'?t|didn'?t|can'?t|couldn'?t|was\s+told|have\s+had|lost|missed|attended|signed|applied|"
    r"received|asked\s+(?:my|the|for)|complained|appealed)\b"
    r"|\bmy\s+(?:work\s+coach|adviser|advisor|claim|sanction|appointment|payments?|benefits?|landlord|case|"
    r"job\s*centre|universal\s+credit|money)\b"
    r"|\b(?:happened|said|told|did|done)\s+(?:to\s+)?me\b",
    re.IGNORECASE,
)
_SUBJECT_LINE = pattern(r"^\s*(?:subject|re|title)\s*:\s*(?P<text>.+)$", re.IGNORECASE | re.MULTILINE)


def _places(ctx: Context) -> list[tuple[int, int]]:
    """The numbered items and the subject line: where the wizard puts what was typed."""
    doc = ctx.doc
    spans = list(doc.items)
    for match in _SUBJECT_LINE.finditer(doc.text):
        spans.append((match.start("text"), match.end("text")))
    return spans


@rule("form/pasted-answer", WARNING, "an item or subject line that tells the writer's own story in the first "
      "person (a wizard answer pasted in) instead of naming records")
def check_pasted_answer(ctx: Context) -> Iterable[Finding]:
    from foi.checks.privacy import is_sar

    if is_sar(ctx):
        return  # a subject access request is about the writer: first person is right there
    doc = ctx.doc
    for start, end in _places(ctx):
        match = _STORY.search(doc.flat, start, end)
        if match and not doc.quoted(match.start()):
            yield ctx.finding(
                "form/pasted-answer", WARNING,
                "This item tells your own story in the first person: the officer reads each item as a "
                "description of the records to search for, and may answer only about your case, or treat the "
                "letter as a request for your own data.",
                "Rewrite the item as the records you want (\"the guidance work coaches follow on ...\"); keep "
                "your own story out of the letter, or put it in a separate subject access request.",
                start, end)
            return

"""Structure: how much a request asks at once.

WhatDoTheyKnow's advice (reference E3) is about ten numbered items or fewer; a long list or a
request that wanders across unrelated subjects is slower to answer, is more likely to be costed
as a whole under s.12, and is easier to answer in part. Length is measured on what the request
asks and says, not on the clauses of a well-made letter about how to answer (which cite sections
on purpose).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from foi.checks.finding import INFO, WARNING, Finding
from foi.checks.patterns import pattern
from foi.checks.registry import Context, rule

MAX_ITEMS = 12
ADVISED_ITEMS = 10
LONG_CHARS = 3000
LONGISH_CHARS = 2000


@rule("structure/too-many-items", WARNING, f"more than {MAX_ITEMS} numbered items or questions "
      f"({ADVISED_ITEMS + 1}-{MAX_ITEMS}: info)")
def check_items(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    items = doc.top_level_items
    if items:
        count, first = len(items), items[0].start
    else:
        questions = [s for s in doc.sentences if doc.sentence_text(s).rstrip().endswith("?")]
        count, first = len(questions), (questions[0].start if questions else 0)
    if count > MAX_ITEMS:
        severity = WARNING
    elif count > ADVISED_ITEMS:
        severity = INFO
    else:
        return
    yield ctx.finding(
        "structure/too-many-items", severity,
        f"The request asks {count} things at once: long lists are slower to answer and more likely to be "
        "refused on cost (s.12) as a whole.",
        f"Keep to about {ADVISED_ITEMS} items, easiest first; send the rest later as a separate request.",
        first)


def request_length(ctx: Context) -> int:
    """Characters of what the request asks and says, leaving out letter clauses that cite the law."""
    doc = ctx.doc
    return sum(len(" ".join(doc.sentence_text(s).split())) for s in doc.sentences if not doc.is_procedural(s))


@rule("structure/too-long", WARNING, f"more than {LONG_CHARS} characters of request text "
      f"(over {LONGISH_CHARS}: info); letter clauses are not counted")
def check_length(ctx: Context) -> Iterable[Finding]:
    length = request_length(ctx)
    if length <= LONGISH_CHARS:
        return
    doc = ctx.doc
    severity = WARNING if length > LONG_CHARS else INFO
    start = doc.sentences[0].start if doc.sentences else doc.body_start
    yield ctx.finding(
        "structure/too-long", severity,
        f"The request is long ({length} characters of text): background and argument bury what you want, "
        "and a long request is read less carefully.",
        "Cut the background; keep a short numbered list of the documents or figures you want.", start)


TOPICS = {
    "benefits and employment support": r"universal\s+credit|\buc\b|jobcentre|work\s+coach|claimants?|sanction|"
    r"benefits?\b|\bpip\b|\besa\b|\bjsa\b|work\s+capability|restart|work\s+programme|employment\s+support",
    "housing": r"housing(?!\s+benefit)|homeless|tenan\w+|council\s+homes|temporary\s+accommodation|eviction|"
    r"\bhmos?\b|damp|mould",
    "roads and parking": r"parking|potholes?|\broads?\b|traffic|\bbus(es)?\b|cycl\w+|penalty\s+charge|highways?",
    "waste and environment": r"\bbins?\b|waste|recycling|fly-?tipping|litter|pollution|air\s+quality|\btrees\b|"
    r"flood\w*|sewage|noise",
    "health services": r"\bnhs\b|hospitals?|patients|\bgps?\b|waiting\s+(times|lists?)|ambulance|a\s*&\s*e|"
    r"clinical",
    "policing": r"police|crimes?\b|arrests?|stop\s+and\s+search|taser|custody",
    "schools": r"schools?|pupils|teachers|exclusions|\behcps?\b|academ(y|ies)|ofsted",
    "social care": r"social\s+care|care\s+homes?|safeguarding|looked[\s-]after|children\b[^.?]{0,20}\bin\s+care\b|foster\w*|"
    r"social\s+workers?",
    "libraries and leisure": r"librar(y|ies)|leisure\s+centres?|museums?|swimming\s+pools?|\bparks\b",
    "planning and licensing": r"planning|licen[cs]\w*|building\s+control",
    "council tax and rates": r"council\s+tax(?!\s+(reduction|support))|business\s+rates|bailiffs?|"
    r"enforcement\s+agents?",
}
_TOPIC_RES = {name: pattern(source, re.IGNORECASE) for name, source in TOPICS.items()}


def _topic(text: str) -> str | None:
    """The topic the text mentions most often (the first listed of those tied), or None."""
    present = [name for name, p in _TOPIC_RES.items() if p.possible(text)]
    if len(present) == 1:  # the only topic whose words are there: one mention is enough to know
        return present[0] if _TOPIC_RES[present[0]].search(text) else None
    counts = {name: len(_TOPIC_RES[name].findall(text)) if name in present else 0 for name in _TOPIC_RES}
    best = max(counts, key=lambda name: counts[name])
    return best if counts[best] else None


_INLINE_MARK = pattern(r"\(\d{1,2}\)|(?<=\s)\d{1,2}\)|;\s")


def _inline_parts(flat: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence split at "(1) ... (2) ..." or semicolons, so an inline list counts as items."""
    cuts = [start, *(m.start() for m in _INLINE_MARK.finditer(flat, start, end)), end]
    return [(a, b) for a, b in pairwise(cuts) if flat[a:b].strip()]


@rule("structure/mixed-topics", INFO, "items on three or more unrelated subjects (send separate requests)")
def check_mixed_topics(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    units = doc.items or [part for s in doc.sentences if doc.is_asking(s) and not doc.is_procedural(s)
                          for part in _inline_parts(doc.flat, s.start, s.end)]
    topics: dict[str, int] = {}
    for start, end in units:
        topic = _topic(doc.flat[start:end])
        if topic and topic not in topics:
            topics[topic] = start
    if len(topics) >= 3:
        names = list(topics)
        yield ctx.finding(
            "structure/mixed-topics", INFO,
            f"The request covers unrelated subjects ({', '.join(names)}): different teams hold them, so it is "
            "slower, and one costly part can sink the rest.",
            "Send one request per subject.", topics[names[1]])

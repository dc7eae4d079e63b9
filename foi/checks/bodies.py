"""Wrong body: a request about a subject the recipient does not run.

Universal Credit asked of the Cabinet Office, Jobcentre sanctions asked of a Scottish council: the
answer comes back "not held" weeks later. Which body holds which subject is data
(foi/data/subjects.yaml, with its sources), read only when the caller says where the request is
going (`foi check --authority`, or the wizard's chosen body). A request about the recipient's own
dealings with that body ("correspondence between the Scottish Government and DWP") is fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from foi.checks.finding import WARNING, Finding
from foi.checks.registry import Context, rule

# "between the Scottish Government and the DWP", "our agreements with DWP": the recipient's own dealings.
_DWP = r"(?:DWP|Department\s+(?:for|of)\s+Work\s+and\s+Pensions|UK\s+Government|Jobcentre\s+Plus)"
_DEALINGS = re.compile(
    rf"\bbetween\b[^.?]{{0,120}}?\b{_DWP}|\b{_DWP}\b[^.?]{{0,80}}?\band\s+(?:the\s+)?(?:Scottish|Welsh|council)"
    rf"|\bwith\s+(?:the\s+)?{_DWP}|\bagency\s+agreements?\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def subjects() -> tuple[dict[str, Any], ...]:
    """The subjects table, each with its terms compiled into one pattern."""
    from foi.support.paths import DATA_DIR
    from foi.support.yamlio import read

    table = []
    for entry in read(DATA_DIR / "subjects.yaml")["subjects"]:
        table.append({**entry, "pattern": _compile(entry["terms"]), "own": _compile(entry.get("unless") or [])})
    return tuple(table)


def _compile(fragments: list[str]) -> re.Pattern[str] | None:
    """One case-blind pattern for a list of fragments, or None for an empty list."""
    if not fragments:
        return None
    return re.compile(r"\b(?:" + "|".join(f"(?:{f})" for f in fragments) + r")\b", re.IGNORECASE)


def _asking_text(ctx: Context) -> list[tuple[int, str]]:
    """(offset, text) of each sentence that asks for something, outside quotations."""
    doc = ctx.doc
    return [(s.start, doc.sentence_text(s)) for s in doc.sentences
            if doc.is_asking(s) and not doc.is_procedural(s) and not doc.quoted(s.start)]


@rule("law/wrong-body", WARNING, "asks a body about a subject another body runs (Universal Credit or Jobcentres "
      "asked of a council or the Scottish Government); needs --authority")
def check_wrong_body(ctx: Context) -> Iterable[Finding]:
    authority = ctx.authority
    if authority is None or _DEALINGS.search(ctx.doc.flat):
        return
    for subject in subjects():
        if authority.id in subject["holders"] or set(authority.tags) & set(subject["not_for_tags"]):
            continue
        for offset, text in _asking_text(ctx):
            match = subject["pattern"].search(text)
            if match and not (subject["own"] and subject["own"].search(text)):
                yield _finding(ctx, subject, match.group(), offset + match.start(), offset + match.end())
                return


def _finding(ctx: Context, subject: dict[str, Any], words: str, start: int, end: int) -> Finding:
    from foi.directory.authorities import builtin

    directory = builtin()
    name = ctx.authority.name if ctx.authority else "This body"
    body = directory.authorities.get(subject.get("body") or "")
    ni = directory.authorities.get(subject.get("body_ni") or "")
    where = f"Send this part to {body.name}" if body else "Send this part to the local council"
    if ni:
        where += f" ({ni.name} in Northern Ireland)"
    return ctx.finding(
        "law/wrong-body", WARNING,
        f'"{words}": {name} does not run {subject["what"]}, so it is likely to answer that it holds no '
        "information, weeks from now.",
        f"{where}; ask {name} only for what it holds itself, such as its own correspondence about it.",
        start, end)

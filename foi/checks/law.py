"""Law: citing the one Act that applies, and writing to a body the Act applies to.

The first thing an officer objects to is the wrong law (reference: peers.md). FOISA applies only
to Scottish public authorities; UK-wide bodies such as DWP stay under FOIA even for a requester in
Glasgow. Contractors (A4e, Serco, Maximus ...) are not public authorities: a request goes to the
body that commissioned them, asking for what they hold on its behalf (s.3(2)(b)). Provider names
come from the directory (foi/data/authorities.yaml), never from a list in code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from foi.checks.finding import ERROR, INFO, WARNING, Finding
from foi.checks.patterns import fold, pattern
from foi.checks.registry import Context, rule

if TYPE_CHECKING:
    from foi.directory.entries import Provider

CITES = {
    "foia": pattern(r"\bFreedom\s+of\s+Information\s+Act(?!\s+\(?Scotland)(?:\s+2000)?\b|\bFOIA\b(?!\s*\(?S)"
                    r"|\bFOI\s+Act\b(?!\s+\(?Scotland)", re.IGNORECASE),
    "foisa": pattern(r"\bFreedom\s+of\s+Information\s+\(?Scotland\)?\s+Act\b|\bFOI\s*\(?S\)?A\b|\bFOISA\b",
                     re.IGNORECASE),
    "eir": pattern(r"\bEnvironmental\s+Information\s+Regulations(?:\s+2004)?\b(?!\s+\(?Scotland)|\bEIRs?\b"),
    "eisr": pattern(r"\bEnvironmental\s+Information\s+\(?Scotland\)?\s+Regulations\b|\bEI\(?S\)?Rs?\b"),
}
_FAMILY = {"foia": "uk", "eir": "uk", "foisa": "scotland", "eisr": "scotland"}
_WRONG_NAMES = (
    (pattern(r"\bFreedom\s+of\s+Information\s+Act\s+(?!2000)((?:19|20)\d\d)\b", re.IGNORECASE),
     "the Freedom of Information Act 2000"),
    (pattern(r"\bFreedom\s+of\s+Information\s+\(Scotland\)\s+Act\s+(?!2002)((?:19|20)\d\d)\b", re.IGNORECASE),
     "the Freedom of Information (Scotland) Act 2002"),
    (pattern(r"\bEnvironmental\s+Information\s+(?:\(Scotland\)\s+)?Regulations\s+(?!2004)((?:19|20)\d\d)\b",
             re.IGNORECASE), "the Environmental Information Regulations 2004"),
    (pattern(r"\bData\s+Protection\s+Act\s+1998\b", re.IGNORECASE),
     "the UK GDPR and the Data Protection Act 2018 (the 1998 Act was repealed)"),
)
_ANY_LAW = pattern(r"Freedom\s+of\s+Information|\bFOI|Environmental\s+Information|\bEI\(?S?\)?R|"
                   r"subject\s+access|GDPR|Data\s+Protection", re.IGNORECASE)


@rule("law/citation", WARNING, "the Act named wrongly (Freedom of Information Act 2005, Data Protection Act "
      "1998); no Act cited (info)", letter_only=True)
def check_citation(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    for regex, right in _WRONG_NAMES:
        match = regex.search(doc.flat)
        if match:
            yield ctx.finding("law/citation", WARNING, f'"{match.group()}" is not the right name of the law.',
                              f"Cite {right}.", match.start(), match.end())
            return
    if not _ANY_LAW.search(doc.flat) and len(doc.body.split()) >= 5:
        at = doc.body_start + len(doc.body) - len(doc.body.lstrip())
        yield ctx.finding("law/citation", INFO,
                          "The letter does not name the Act. A request is valid without it, but naming it "
                          "tells the reader at once which duties and deadline apply.",
                          "Open with \"I am writing to request information under section 1 of the Freedom "
                          "of Information Act 2000.\" (for a Scottish body: section 1(1) of the Freedom of "
                          "Information (Scotland) Act 2002).", at)


def _expected(ctx: Context) -> str | None:
    regime = ctx.regime or (ctx.authority.regime if ctx.authority else None)
    if regime == "sar":
        return "sar"
    return _FAMILY.get(regime or "")


def _cited(ctx: Context) -> dict[str, re.Match[str]]:
    doc = ctx.doc
    cited = {}
    for regime, regex in CITES.items():
        match = regex.search(doc.flat)
        if match:
            cited[regime] = match
    return cited


@rule("law/wrong-regime", ERROR, "the Act cited does not apply to this body (FOISA to DWP, FOIA to a Scottish "
      "body), or both Acts cited")
def check_regime(ctx: Context) -> Iterable[Finding]:
    cited = _cited(ctx)
    uk = [cited[r] for r in ("foia", "eir") if r in cited]
    scot = [cited[r] for r in ("foisa", "eisr") if r in cited]
    expected = _expected(ctx)
    name = ctx.authority.name if ctx.authority else "this body"
    # "the Freedom of Information Act" with no year is what most people call either Act: a Scottish
    # body reads it as FOISA. Only the UK Act named as such (2000, FOIA) is wrong there.
    uk_named = [m for m in uk if re.search(r"2000|2004|FOIA", m.group(), re.IGNORECASE)]
    if expected == "scotland" and uk and not uk_named:
        yield ctx.finding("law/wrong-regime", INFO,
                          f"{name} is a Scottish public authority: \"{uk[0].group()}\" will be read as the Scottish "
                          "Act, but naming it removes any doubt.",
                          "Cite section 1(1) of the Freedom of Information (Scotland) Act 2002.",
                          uk[0].start(), uk[0].end())
    elif expected == "scotland" and uk_named:
        uk = uk_named
        yield ctx.finding("law/wrong-regime", ERROR,
                          f"{name} is a Scottish public authority: the UK Act does not apply to it.",
                          "Cite section 1(1) of the Freedom of Information (Scotland) Act 2002 (or the "
                          "Environmental Information (Scotland) Regulations 2004) instead.",
                          uk[0].start(), uk[0].end())
    elif expected == "uk" and scot:
        yield ctx.finding("law/wrong-regime", ERROR,
                          f"{name} is covered by the UK Freedom of Information Act 2000, not the Scottish Act, "
                          "even when you write from Scotland.",
                          "Cite section 1 of the Freedom of Information Act 2000 instead.",
                          scot[0].start(), scot[0].end())
    elif expected == "sar" and (uk or scot):
        match = (uk or scot)[0]
        yield ctx.finding("law/wrong-regime", ERROR,
                          "A request for your own data is a subject access request under UK GDPR Article 15, "
                          "not an FOI request.", "Remove the FOI citation and cite Article 15 of the UK GDPR.",
                          match.start(), match.end())
    elif uk and scot:
        first = min(uk[0], scot[0], key=lambda m: m.start())
        yield ctx.finding("law/wrong-regime", ERROR,
                          "The request cites both the UK and the Scottish Act: only one applies to any body.",
                          "Cite the Scottish Act for a Scottish public authority and the UK Act for every "
                          "other body.", first.start(), first.end())


def _provider_names(ctx: Context) -> list[tuple[str, Provider]]:
    """Every name, former name and alias of every provider in the directory."""
    from foi.directory.authorities import builtin_providers

    directory = builtin_providers()
    names = []
    for provider in directory.providers.values():
        for name in (provider.name, *provider.former_names, *provider.aliases):
            names.append((name, provider))
    return sorted(names, key=lambda pair: -len(pair[0]))


def _addressee_region(ctx: Context) -> tuple[int, int] | None:
    """The salutation line and the lines just above it (the recipient's name in a letter)."""
    doc = ctx.doc
    if not doc.salutation:
        return None
    start = max(doc.text.rfind("\n\n", 0, max(doc.salutation[0] - 1, 0)), 0)
    return start, doc.salutation[1]


@rule("law/not-public-authority", ERROR, "addressed to a contractor (A4e, Serco, Maximus, ... from the "
      "directory), which FOI does not cover")
def check_not_public_authority(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    # A subject access request binds every controller, a provider included (UK GDPR Art. 15): `foi new`
    # writes one to the provider itself, alongside the one to the body that commissioned it.
    from foi.checks.privacy import is_sar

    if is_sar(ctx):
        return
    region = _addressee_region(ctx)
    if region:
        text = doc.text[region[0] : region[1]]
        for name, provider in _provider_names(ctx):
            match = _name_in(name, text)
            if match and not _addressed_to_authority(ctx, text):
                yield _provider_finding(ctx, provider, match.group(), region[0] + match.start(),
                                        region[0] + match.end())
                return
    if ctx.provider_named is not None:
        if region and _addressed_to_authority(ctx, doc.text[region[0] : region[1]]):
            return
        at = doc.salutation[0] if doc.salutation else 0
        yield _provider_finding(ctx, ctx.provider_named, ctx.provider_named.name, at, None)


def _addressed_to_authority(ctx: Context, text: str) -> bool:
    """True when the recipient lines name the public authority (a letter about a provider, sent right)."""
    if ctx.authority is None:
        return False
    return any(_name_in(name, text) for name in (ctx.authority.name, ctx.authority.short, *ctx.authority.aliases))


def _name_in(name: str, text: str) -> re.Match[str] | None:
    """Where the name stands as words of its own in text, case-blind."""
    if name.isascii() and fold(name) not in fold(text):
        return None  # a match would be the name's own letters in some case: not there, no need to look
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)


def _provider_finding(ctx: Context, provider: Provider, named: str, start: int, end: int | None) -> Finding:
    """The finding for a provider addressed as if it were a public authority, naming the right body."""
    from foi.directory.authorities import builtin_providers

    directory = builtin_providers()
    commissioner = directory.authorities.get(provider.commissioned_by)
    where = commissioner.name if commissioner else "the public authority that commissioned it"
    ni_body = directory.authorities.get(provider.commissioned_by_ni or "")
    if ni_body:
        where += f" (in Northern Ireland, the {ni_body.name})"
    return ctx.finding(
        "law/not-public-authority", ERROR,
        f"{named} is a contractor, not a public authority: it does not have to answer FOI requests.",
        f"Send the request to {where}, asking for the information {named} holds on its behalf "
        "(section 3(2)(b)).", start, end)

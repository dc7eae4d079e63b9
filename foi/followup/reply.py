"""Reading an authority's reply: the sections and regulations it relies on, the words that go with
them, and the review grounds they suggest, each with one short argument.

The reply may be plain text, an email (.eml), or the text extracted from a PDF. Citations are read
under the request's own regime ("section 12" means FOIA s.12 for a FOIA request and FOISA s.12 for a
Scottish one), and matched to the regime's provisions in foi/data/regimes.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from foi.followup.grounds import Trigger, triggers
from foi.law.regimes import Regime
from foi.support.errors import FoiError

_CITATION = re.compile(
    r"\b(?P<kind>sections?|secs?\.?|ss?\.|s(?=\s*\d)|regulations?|regs?\.?|r\.)\s*"
    r"(?P<number>\d+[A-Z]?)(?P<subs>(?:\s*\(\s*[0-9a-z]+\s*\))*)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    """What the reply relies on, in its own words, and what it suggests."""

    trigger: Trigger
    cited: str | None  # "section 12", or None when only the words were found
    words: str  # the sentence it was found in


def read(path: Path) -> str:
    """The reply's text: a text file, an .eml's body, or a PDF's extracted text."""
    if path.suffix.lower() == ".pdf":
        raise FoiError(f"{path}: give the PDF's text instead (for example `pdftotext {path} "
                       "reply.txt`, or copy and paste it into a .txt file)")
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise FoiError(f"{path}: cannot be read ({err.strerror or err}); check the path") from None
    if path.suffix.lower() == ".eml":
        from foi.tracker.mail import message_text

        return message_text(raw)[0]
    return raw.decode("utf-8-sig", errors="replace")


def _key(kind: str, number: str, subs: str) -> tuple[str, str, tuple[str, ...]]:
    family = "regulation" if kind.lower().startswith("r") else "section"
    return family, number.upper(), tuple(re.findall(r"\(\s*([0-9a-z]+)\s*\)", subs.lower()))


def _provision(text: str | None) -> tuple[str, str, tuple[str, ...]] | None:
    match = _CITATION.match(text or "")
    return _key(match["kind"], match["number"], match["subs"] or "") if match else None


def _sentence(text: str, position: int) -> str:
    start = max(text.rfind(".", 0, position), text.rfind("\n\n", 0, position)) + 1
    ends = [i for i in (text.find(".", position), text.find("\n\n", position)) if i != -1]
    end = min(ends) + 1 if ends else len(text)
    words = " ".join(text[start:end].split())
    return words if len(words) <= 240 else words[:237] + "..."


def findings(text: str, regime: Regime) -> list[Finding]:
    """Each trigger the reply sets off, once, with the first citation or words that set it off."""
    found: list[Finding] = []
    for trigger in triggers():
        cited, said = _by_citation(text, regime, trigger), _by_phrase(text, trigger)
        finding = cited or said
        if cited is not None and said is not None and said.words != cited.words:
            # The words that go with the citation are often in the sentence before it.
            finding = Finding(trigger, cited.cited, f"{said.words} ... {cited.words}")
        if finding is not None:
            found.append(finding)
    return [f for f in found if not _outweighed(f, found, text)]


def _outweighed(finding: Finding, found: list[Finding], text: str) -> bool:
    """A provision cited without its trigger's words, when another trigger's words go with the
    same citation (EIR reg 12(4)(b) "manifestly unreasonable" because of cost, not vexatious)."""
    if finding.cited is None or _said(text, finding.trigger):
        return False
    return any(other is not finding and _said(other.words, other.trigger) and finding.cited in other.words
               for other in found)


def _by_citation(text: str, regime: Regime, trigger: Trigger) -> Finding | None:
    wanted = [p for p in (_provision(regime.section(duty)) for duty in trigger.sections) if p]
    for match in _CITATION.finditer(text):
        family, number, subs = _key(match["kind"], match["number"], match["subs"] or "")
        for w_family, w_number, w_subs in wanted:
            if (family, number) == (w_family, w_number) and subs[:len(w_subs)] == w_subs:
                sentence = _sentence(text, match.start())
                if len(trigger.sections) and _shared(regime, trigger) and not _said(sentence, trigger):
                    continue
                return Finding(trigger, " ".join(match.group(0).split()), sentence)
    return None


def _shared(regime: Regime, trigger: Trigger) -> bool:
    """True when the trigger's provision stands for another trigger too (EIR reg 12(4)(b) is both
    the cost and the vexatious refusal): then the words must say which."""
    mine = {regime.section(d) for d in trigger.sections} - {None}
    return any(mine & ({regime.section(d) for d in other.sections} - {None})
               for other in triggers() if other.key != trigger.key)


def _said(sentence: str, trigger: Trigger) -> bool:
    lowered = sentence.lower()
    return any(phrase in lowered for phrase in trigger.phrases)


def _by_phrase(text: str, trigger: Trigger) -> Finding | None:
    """The first sentence with one of the trigger's words (and, for boilerplate words, its context)."""
    lowered = text.lower()
    for phrase in trigger.phrases:
        position = lowered.find(phrase)
        while position != -1:
            sentence = _sentence(text, position)
            if not trigger.context or any(stem in sentence.lower() for stem in trigger.context):
                return Finding(trigger, None, sentence)
            position = lowered.find(phrase, position + len(phrase))
    return None


def proposed_grounds(found: list[Finding]) -> list[str]:
    """The grounds the findings suggest, in the order found, each once."""
    keys: list[str] = []
    for finding in found:
        keys += [g for g in finding.trigger.grounds if g not in keys]
    return keys

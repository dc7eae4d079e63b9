"""Privacy: personal data in or asked for by a request.

An FOI request is a disclosure to the world: WhatDoTheyKnow publishes it, and an answer under the
Act is treated as given to everyone. So a request for one's own records is the wrong route (they
are absolutely exempt under s.40(1) and should be a subject access request), a request for another
person's data meets s.40(2), and a request body carrying a National Insurance number, a date of
birth, a claim reference or a phone number puts them on the public record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from foi.checks.document import Document, Sentence
from foi.checks.finding import ERROR, INFO, WARNING, Finding
from foi.checks.patterns import pattern
from foi.checks.registry import Context, rule
from foi.checks.validity import EMAIL, POSTCODE
from foi.checks.words import phrases

_OWN_THINGS = (
    r"(?:own\s+|personal\s+)?(?:data|information|(?<=personal\s)details|records?|file|files|case|claims?|account|journal|"
    r"history|benefits?|payments?|sanctions?|assessments?|appeal|mandatory\s+reconsideration|application|"
    r"appointments?|interviews?|meetings?|medical|health|notes|jobseeker['\u2019]?s\s+agreement|"
    r"claimant\s+commitment|universal\s+credit|pip|esa|jsa|dla|housing\s+benefit|tenancy|complaint|referral|"
    r"work\s+capability|wca|award|overpayment|debt|arrears|personal\s+file|case\s+file|recording|"
    r"conversation|phone\s+call|telephone\s+call|council\s+tax\s+(?:account|bill|reduction))"
)
OWN_DATA = pattern(
    r"\b(?:about|on|regarding|concerning|relating\s+to|in\s+relation\s+to|held\s+(?:on|about)|mentions?|"
    r"naming|identifying)\s+me\b"
    rf"|\bmy\s+(?:[\w-]+\s+)?{_OWN_THINGS}\b"
    r"|\bthe\s+(?:reasons?|decision|grounds)\s+(?:why\s+|for\s+which\s+)?(?:I|my)\b"
    r"|\b(?:I|me)\s+(?:was|were|have\s+been|had\s+been|am\s+being|got)\s+(?:sanctioned|refused|assessed|declined|"
    r"reported|investigated|suspended|stopped|evicted|referred|mandated|disallowed)\b"
    r"|\b(?:sanction(?:ed)?|refuse[sd]?|stop(?:ped)?|suspend(?:ed)?|assess(?:ed)?|treat(?:ed)?|penalis\w+)\s+me\b"
    r"|\b(?:sent|given|issued|written|addressed)\s+to\s+me\b"
    r"|\b(?:complaints?|letters?|e-?mails?|applications?|reports?|calls?|representations?|statements?|forms?)\s+"
    r"(?:that\s+|which\s+)?I\s+(?:have\s+|had\s+)?(?:made|sent|submitted|lodged|raised|written|wrote|filed|"
    r"completed)\b",
    re.IGNORECASE,
)
# Own circumstances told as background: published with the request.
_OWN_CLAIM = pattern(rf"\bmy\s+(?:[\w-]+\s+)?{_OWN_THINGS}\b", re.IGNORECASE)
_CIRCUMSTANCES = pattern(
    r"\b(?:I\s+am|I'm|I\s+have\s+been|I\s+was|I\s+have)\s+(?:a\s+|an\s+)?(?:disabled|unemployed|homeless|"
    r"pregnant|claimant|on\s+(?:universal\s+credit|benefits?|esa|jsa|pip|uc)|diagnosed|suffering|sanctioned|"
    r"being\s+sanctioned|evicted|carer|in\s+receipt\s+of|claiming|depression|anxiety|cancer|autism|autistic)\b"
    r"|\bmy\s+(?:disability|illness|condition|diagnosis|mental\s+health|depression|anxiety|medication)\b"
    r"|\bI\s+(?:will|would|could)\s+be\s+(?:sanctioned|evicted|penalised|stopped)\b"
    r"|\bI\s+(?:have\s+been|was|am\s+being)\s+(?:told|threatened|warned|forced|made)\s+(?:to|that|I)\b"
    r"|\bmy\s+(?:husband|wife|partner|son|daughter|child|children|mother|father|mum|dad|brother|sister)\s+"
    r"(?:was|is|has\s+been|had\s+been|got)\s+(?:sanctioned|evicted|refused|assessed|diagnosed|disabled|ill|sick|"
    r"unemployed|homeless|excluded|arrested)\b",
    re.IGNORECASE,
)
NINO = pattern(r"(?<![A-Z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}"
               r"\s?\d{2}\s?[A-D](?![A-Za-z0-9])")
_NINO_LABEL = pattern(r"\b(?:national\s+insurance|NI|NINO)\s+(?:number|no\.?)\s*(?:is|:)\s*[^\s.,;]+", re.IGNORECASE)
_DOB = pattern(
    r"\b(?:date\s+of\s+birth|d\.?o\.?b\.?|born\s+on)\b\s*(?:is|:|-)?\s*"
    r"(?:\d{1,2}(?:st|nd|rd|th)?[\s/.-]+(?:\d{1,2}|[A-Za-z]{3,9})[\s/.-]+\d{2,4})",
    re.IGNORECASE,
)
PHONE = pattern(r"(?<![\w/+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\d/])")
_CLAIM_REF = pattern(
    r"\b(?:claim|claimant|customer|account|case|council\s+tax|tenancy|patient|nhs)\s+(?:reference|ref|number|no)"
    r"\.?\s*(?:number\s*)?(?:is|:|-)?\s*(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,}\b",
    re.IGNORECASE,
)
_MY_ADDRESS = pattern(r"\bmy\s+(?:home\s+)?address\s+is\b|\bI\s+live\s+at\s+\d", re.IGNORECASE)


_SAR = pattern(
    r"\b(?:I\s+am\s+making|this\s+is|please\s+treat\s+this\s+as)\s+a\s+subject\s+access\s+request"
    r"|\bunder\s+article\s+15\b|\bright\s+of\s+access\b",
    re.IGNORECASE,
)


# "..., as this happened to me in March": the reason for asking, not the thing asked for.
_REASON_CLAUSE = pattern(
    r"[,;]?\s+\b(?:as|because|since|after|when|although|though|given\s+that|following)\s+"
    r"(?:this|that|it|I|i|my|we|me)\b"
    r"|\s+\b(?:to\s+(?:support|help|assist\s+with)|for\s+use\s+in|in\s+support\s+of)\s+my\b",
)


_ASK_AFTER_CLAUSE = pattern(r"^[^,]{0,120},\s*(?=(?:please|I\s+would|I'd|could\s+you|can\s+you|would\s+you)\b)",
                            re.IGNORECASE)


@lru_cache(maxsize=4096)  # several rules ask this of the same sentence in one check
def ask_span(text: str) -> tuple[int, int]:
    """Where, in a sentence, the part saying what is wanted starts and ends (see ask_clause)."""
    lead = _ASK_AFTER_CLAUSE.match(text)
    start = lead.end() if lead else 0
    match = _REASON_CLAUSE.search(text, start)
    return start, (match.start() if match else len(text))


@lru_cache(maxsize=4096)
def ask_clause(text: str) -> str:
    """The part of a sentence that says what is wanted, without a reason clause before or after it.

    "Given the way my mother was treated, please provide ..." and "... as this happened to me":
    the reason is context (privacy/personal-details), not the thing asked for.
    """
    lead = _ASK_AFTER_CLAUSE.match(text)
    if lead:
        text = text[lead.end() :]
    match = _REASON_CLAUSE.search(text)
    return text[: match.start()] if match else text


def is_sar(ctx: Context) -> bool:
    """A subject access request is the right route for one's own data: nothing to warn about."""
    return ctx.regime == "sar" or _reads_as_sar(ctx.doc.text)


@lru_cache(maxsize=16)  # most rules ask it of the same letter
def _reads_as_sar(text: str) -> bool:
    first = next((line for line in text.split("\n") if line.strip()), "")
    return bool(re.search(r"subject\s+access", first, re.IGNORECASE) or _SAR.search(text))


@rule("privacy/own-data", ERROR, "asks for the requester's own records (s.40(1)): a subject access request")
def check_own_data(ctx: Context) -> Iterable[Finding]:
    if is_sar(ctx):
        return
    doc = ctx.doc
    dealings = phrases("own_dealings")
    for sentence in doc.sentences:
        text = ask_clause(doc.sentence_text(sentence))
        # "the FOI appeal I sent", "the position of my request in the queue": the requester's own case.
        match = OWN_DATA.search(text) or dealings.search(doc.sentence_text(sentence))
        if match and not OWN_DATA.search(text):
            text = doc.sentence_text(sentence)
        if match and doc.is_asking(sentence) and not doc.quoted(sentence.start + match.start()):
            yield ctx.finding(
                "privacy/own-data", ERROR,
                "This asks for information about you: your own personal data is exempt from FOI (s.40(1)) "
                "and must be asked for by a subject access request, which is private and free.",
                "Ask for your own records in a subject access request instead, and keep this request to "
                "general information, such as the guidance staff follow.",
                sentence.start + match.start(), sentence.start + match.end())
            return


def _details_regions(ctx: Context) -> list[tuple[int, int]]:
    """Where personal details would be published: the body, or everything when checking a body."""
    doc = ctx.doc
    if ctx.body_only:
        return [(doc.body_start, len(doc.text))]
    return [(doc.body_start, doc.body_end)]


def _context_own_claim(doc: Document, sentence: Sentence) -> re.Match[str] | None:
    """A mention of one's own claim outside what the sentence asks for ("to support my case")."""
    text = doc.sentence_text(sentence)
    if not doc.is_asking(sentence):
        return _OWN_CLAIM.search(text)
    start, end = ask_span(text)
    return _OWN_CLAIM.search(text, 0, start) or _OWN_CLAIM.search(text, end)


@rule("privacy/personal-details", WARNING, "a National Insurance number, date of birth, claim reference, phone "
      "number or own claim in the text; own circumstances, address or email (info)")
def check_personal_details(ctx: Context) -> Iterable[Finding]:
    if is_sar(ctx):
        return  # sent privately, and the identifiers help the controller find the records
    doc = ctx.doc
    regions = _details_regions(ctx)
    warned = False
    reported: set[str] = set()
    for regex, what in ((NINO, "a National Insurance number"), (_NINO_LABEL, "a National Insurance number"),
                          (_DOB, "a date of birth"), (_CLAIM_REF, "a claim or account reference"),
                          (PHONE, "a phone number"), (_MY_ADDRESS, "your home address")):
        for start, end in regions:
            match = regex.search(doc.text, start, end)
            if match and what not in reported:
                reported.add(what)
                warned = True
                yield ctx.finding(
                    "privacy/personal-details", WARNING,
                    f"The request contains {what}: requests are disclosures to the world, and "
                    "WhatDoTheyKnow publishes them.",
                    "Delete it: an FOI request needs only your name and an address for correspondence.",
                    match.start(), match.end())
                break
    own_claim = next(((s, m) for s in doc.sentences for m in [_context_own_claim(doc, s)] if m), None)
    if own_claim:
        sentence, match = own_claim
        warned = True
        yield ctx.finding(
            "privacy/personal-details", WARNING,
            "This tells the authority about your own claim: it will be published with the request and can "
            "lead the authority to treat the whole request as being about you.",
            "Leave out your own case; ask for the general information (guidance, figures) it made you "
            "want, and use a subject access request for your own records.",
            sentence.start + match.start(), sentence.start + match.end())
    if warned:
        return
    for sentence in doc.sentences:
        match = _CIRCUMSTANCES.search(doc.sentence_text(sentence))
        if match:
            yield ctx.finding(
                "privacy/personal-details", INFO,
                "This tells the authority about your own circumstances: it is not needed and will be "
                "published with the request.",
                "Leave it out: you need not give reasons for an FOI request.",
                sentence.start + match.start(), sentence.start + match.end())
            return
    # An address in the sign-off is where it belongs; in the middle of the text it is published.
    start, end = doc.body_start, doc.body_end
    if ctx.body_only:
        match = EMAIL.search(doc.text, start, end) or POSTCODE.search(doc.text, start, end)
        if match:
            yield ctx.finding(
                "privacy/personal-details", INFO,
                "The request text contains an address: on WhatDoTheyKnow the text is published.",
                "Give your address to the site or in the letter's signature, not in the request text.",
                match.start(), match.end())


_STAFF = (r"(?:work\s+coach(?:es)?|staff|members?\s+of\s+staff|employees?|officers?|advis[eo]rs?|"
          r"decision[\s-]makers?|assessors?|health\s*care\s+professionals?|caseworkers?|case\s+managers?|"
          r"social\s+workers?|teachers?|pupils?|students?|patients?|claimants?|tenants?|residents?|individuals?|"
          r"people|persons?|doctors?|nurses?|police\s+officers?|constables?|complainants?|applicants?|customers?|"
          r"service\s+users?|children|victims?|witnesses?|suspects?|offenders?|person|officer)")
_RELATIVE = (r"(?:neighbour|son|daughter|husband|wife|partner|ex-partner|ex|mother|father|mum|dad|brother|sister|"
             r"landlord|tenant|friend|client|colleague|child|children)")
# Case does not matter for these.
THIRD_PARTY = pattern(
    r"\bnames?\s+(?:and\s+[\w\s]{0,30}?\s+)?of\s+(?:the\s+|any\s+|all\s+|each\s+|every\s+)?(?:individual\s+)?"
    rf"(?!senior\b|chief\b|director|executive|cabinet\b|councillors?\b|board\b|elected\b){_STAFF}\b"
    rf"|\bmy\s+{_RELATIVE}['\u2019]s?\s+"
    r"(?!(?:school|class|nursery|college|ward|area|street|road|town|gp|surgery|practice|year)\b(?!\s+(?:records?|"
    r"reports?|files?|notes)))[\w-]+"
    r"|\b(?:home\s+address(?:es)?|personal\s+(?:email|phone|mobile)|dates?\s+of\s+birth|national\s+insurance\s+"
    r"numbers?|medical\s+records?|disciplinary\s+records?|sickness\s+records?|personnel\s+files?)\s+(?:of|for)\b"
    rf"|\b(?:whether|if)\s+(?:my\s+)?{_RELATIVE}\b[^.?!]{{0,60}}?"
    r"\b(?:is|was|has\s+been)\s+(?:claiming|receiving|getting|on|in\s+receipt\s+of|being\s+paid)\b",
    re.IGNORECASE,
)
# "Barnet Homes", "Moray Council": an organisation, not a person.
_ORG_WORDS = (r"(?:Homes|Council|Councils|Group|Trust|Ltd|Limited|Partnership|Association|Services|Housing|Government|"
              r"Department|Office|Agency|Authority|Board|Committee|Team|Service|Scotland|Plus)")
# These need capitals: a named person ("Mr Daniel Hirst", "PC John Davies").
_NAME = r"(?:(?:PC|DC|DS|Sgt|Sergeant|Inspector|Insp|Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+)"
THIRD_PARTY_NAMED = pattern(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?['\u2019]s\s+(?:claim|benefits?|records?|file|"
    r"case|address|salary|disciplinary|sickness|medical|health|personnel|employment|tenancy|account|details)"
    r"|\b(?:[Dd]isciplinary|[Mm]isconduct|[Cc]omplaints?|[Ii]nvestigations?|[Gg]rievances?|[Ss]ickness|[Aa]bsence)\b"
    rf"[^.?!]{{0,40}}?\b(?:against|of|involving|about|into)\s+{_NAME}?[A-Z][a-z]+\s+(?!{_ORG_WORDS}\b)[A-Z][a-z]+"
    rf"|\b(?:whether|if)\s+{_NAME}[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b[^.?!]{{0,60}}?"
    r"\b(?:is|was|has\s+been)\s+(?:claiming|receiving|getting|on|in\s+receipt\s+of|being\s+paid)\b",
)


# Public roles are public, but not the personal affairs attached to them: "the names of councillors
# with council tax arrears", "all files ... concerning the following ... individuals".
THIRD_PARTY_AFFAIRS = pattern(
    r"\bnames?\s+(?:and\s+(?:designations|roles|titles|grades|job\s+titles)\s+)?of\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"board(?:\s+members)?\b|"
    r"\bnames?\s+of\s+(?:the\s+)?(?:councill?ors?|members|staff|officers|employees|tenants|residents)\s+"
    r"(?:with|who\s+(?:have|had|owe|were))\s+(?:outstanding\s+|unpaid\s+)?(?:council\s+tax\s+)?(?:arrears|debts?|"
    r"convictions?|complaints?|disciplinary|sickness|cautions?)"
    r"|\b(?:files|information|records|data)\b[^.?!]{0,80}?\b(?:concerning|about|regarding|on)\s+(?:the\s+following|these|"
    r"named)\s+(?:[\w-]+\s+){0,4}?(?:and\s+)?(?:individuals|people|persons|residents|bloggers)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def third_party_match(text: str) -> re.Match[str] | None:
    """Where text asks for another person's personal data, if it does."""
    return THIRD_PARTY.search(text) or THIRD_PARTY_NAMED.search(text) or THIRD_PARTY_AFFAIRS.search(text)


@rule("privacy/third-party", WARNING, "asks for another person's personal data, such as staff names (s.40(2))")
def check_third_party(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    for sentence in doc.sentences:
        if not doc.is_asking(sentence):
            continue
        text = doc.sentence_text(sentence)
        ask = ask_clause(text)
        match = third_party_match(ask)
        if match:
            yield ctx.finding(
                "privacy/third-party", WARNING,
                "This asks for personal information about other people: it will usually be withheld "
                "(s.40(2)), and the rest of the item can be delayed by the argument.",
                "Ask for roles, grades or numbers instead of names, or for anonymised figures.",
                sentence.start + match.start(), sentence.start + match.end())


def asks_third_party(text: str) -> bool:
    """Whether text asks for another person's personal data."""
    return third_party_match(ask_clause(text)) is not None

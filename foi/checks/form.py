"""Form: asking for the wrong kind of thing.

FOIA gives a right to recorded information, not to answers, explanations or opinions ("the Act
does not require us to answer questions"), and not to what is already published (s.21: "reasonably
accessible"). A complaint inside a request slows it down and invites s.14. These rules read
sentence by sentence: "Why did ..." and "Can a work coach ..." are questions; "figures for the
reasons recorded for each sanction" and "Can you please provide ..." are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from foi.checks.document import Sentence
from foi.checks.finding import INFO, WARNING, Finding
from foi.checks.patterns import pattern
from foi.checks.registry import Context, rule

_LEAD = pattern(
    r"^\s*(?:(?:(?:your\s+)?request\s+for\s+information|question|rfi|part|item|q)\s*\d+(?:\.\d+)?[a-z]?\s*[:.,)-]?\s*)?"
    r"(?:\d{1,2}[.)]\s*|\(?[a-z][.)]\s*|[-*\u2022]\s*)?"
    r"(?:(?:and|also|additionally|finally|firstly|secondly|thirdly|so|but|then|further(?:more)?|lastly)\b[,\s]*)*",
    re.IGNORECASE,
)
_WHY = pattern(
    r"^why\b|\b(?:and|or|but)\s+why\b|(?<!that\s)(?<!which\s)(?<!who\s)\b(?:tell|explain|know|advise|clarify|state|confirm|asking|ask|wondering|understand|"
    r"inform\s+me|justify)\s+(?:to\s+)?(?:me\s+|us\s+)?why\b",
    re.IGNORECASE,
)
_OPINION = pattern(
    r"\b(?:do|does|did)\s+(?:you|the\s+\w+|dwp|they)\s+(?:think|believe|agree|accept|feel|consider|regard)\b"
    r"|\bwhat\s+(?:is|are|was)\s+(?:your|the\s+\w+['\u2019]s)\s+(?:view|views|opinion|position|stance|thoughts)\b"
    r"|\b(?:is|are)\s+(?:the\s+)?(?:government|department|council|dwp|you|ministers)\s+(?:cognisant|cognizant|"
    r"aware|considering|planning|minded)\b"
    r"|\bin\s+your\s+(?:view|opinion)\b|\bhow\s+(?:can|could|do|does|would)\s+(?:you|they|the\s+\w+)\s+justify\b"
    r"|\bplease\s+justify\b|\bis\s+it\s+true\b|\bare\s+you\s+aware\b|\bdo\s+you\s+not\s+(?:see|think|agree)\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = pattern(
    r"^what\s+(?:will|would)\s+(?:the\s+)?(?:impact|effect|consequences?|outcome|result)\b"
    r"|\bwould\s+have\s+been\b[^?]{0,80}\bif\b"
    r"|^what\s+(?:would|will|could)\s+happen\b|^what\s+happens\s+(?:if|when)\b"
    r"|\b(?:know|tell\s+me|explain|advise\s+me|clarify|confirm)\s+what\s+(?:would|will|could)?\s*happens?\s+(?:if|when)\b",
    re.IGNORECASE,
)
_RIGHTS = pattern(
    r"\b(allowed|permitted|entitled|legal|lawful|illegal|unlawful|mandatory|compulsory|obligatory|"
    r"required|obliged|obligated|have\s+to|has\s+to|had\s+to|forced?|make\s+(?:me|claimants|people|someone|"
    r"anyone|us)|demand|insist|penalis\w*|punish\w*|right\s+to|stop\s+my|discretion|power\s+to|"
    r"powers\s+to|authority\s+to|permission\s+to)\b"
    r"|\b(?:I|we|me|someone|anyone|a\s+claimant|people)\s+(?:be|get|being|been)\s+sanctioned\b"
    r"|\bpossible\s+for\s+(?:a|an|someone|anyone|people|me|us|claimants?|tenants?)\b"
    r"|\bbreak(?:ing)?\s+(?:any\s+)?(?:laws?|rules)\b|\bagainst\s+the\s+law\b|\bconstrued\s+as\b|"
    r"\bexpected\s+to\s+(?:sell|move|leave|pay|accept)\b",
    re.IGNORECASE,
)
_MODAL_START = pattern(r"^(can|could|may|might|must|should|shall|would)\s+(?P<rest>.*)", re.IGNORECASE | re.DOTALL)
_AUX_START = pattern(r"^(is|are|am|do|does|did|will|would|was|were|have|has)\s+(?P<rest>.*)",
                     re.IGNORECASE | re.DOTALL)
_POLITE = pattern(
    r"^you\s+(?:please|kindly|again|then|now|perhaps|just)\b|^(?:this|that|it|they)\s+(?:also\s+)?include\b|^(?:you|i|we)\s+(?:please\s+|kindly\s+|also\s+|possibly\s+|therefore\s+)*"
    r"(?:provide|send|supply|let|tell|give|confirm|advise|forward|share|disclose|release|list|have|get|"
    r"also|kindly|possibly|"
    r"receive|obtain|request|ask|see|email|e-mail|post|clarify|state|outline|explain|detail|be\s+provided|"
    r"be\s+sent|be\s+given|be\s+able|make|include|identify|indicate|specify|attach|break|supply|inform|"
    r"respond|reply|process|treat|search|check|arrange|direct|point|copy|help|assist)\b"
    r"|^(?:the\s+\w+|dwp|your\s+\w+|the\s+department|the\s+council|they)\s+(?:please\s+)?(?:provide|send|"
    r"supply|confirm|disclose|release|share|forward|list|give\s+me|let\s+me)\b"
    r"|^it\s+be\s+possible\b|^(?:the|this|these|that|a\s+copy|copies|it|they)\b[^?]*\bbe\s+"
    r"(?:provided|sent|supplied|released|disclosed|emailed|given|shared|broken|made|redacted)\b",
    re.IGNORECASE,
)
_ASK_WHETHER = pattern(
    r"\b(?:(?:like|want|wish)\s+to\s+know|please\s+(?:tell|advise|confirm|clarify|let)\s+(?:me\s+)?(?:know\s+)?|"
    r"(?:can|could|would)\s+you\s+(?:please\s+)?(?:tell|confirm|advise|clarify|let)\s+(?:me\s+)?(?:know\s+)?|"
    r"i\s+am\s+asking)\s*(?:whether|if)\b(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
_EXPLAIN = pattern(
    r"^(?:please\s+)?explain\b|\bplease\s+explain\b|\b(?:can|could|would)\s+you\s+(?:please\s+)?explain\b"
    r"|^how\s+(?:do|does|did|is|are|was|were|will|would|can|could|should)\b"
    r"|^what\s+(?:steps|action|actions|measures)\s+(?:are|is|will|have|has|were|was)\b"
    r"|(?:^|\b(?:know|tell\s+me|understand|explain|clarify)\s+)(?:what|how)\s+(?:are\s+|is\s+)?(?:the\s+)?"
    r"(?:rules?|law|laws|position|procedure|process|system|regulations|criteria|method|methodology|formula|basis)\b"
    r"(?!\s+(?:document|documents|manual|guide))",
    re.IGNORECASE,
)
# Evidence, theories and advice are answers, not records: "What evidence do you have that ...",
# "advise how someone can ensure ...", "confirm that it was still too wide", "Who approved ... as lawful".
_ANSWER_WANTED = pattern(
    r"^what\s+(?:evidence|proof|justification|theory)\b|\bwhere\s+is\s+the\s+evidence\b"
    r"|\badvise\s+(?:me\s+)?how\s+(?:someone|anyone|a\s+claimant|claimants|people|I|one|we|a\s+person)\s+"
    r"(?:can|could|should|may|might)\b"
    r"|\bconfirm,?\s+(?:however,?\s+)?that\s+(?:it|this|that|even\s+that)\b[^.?]{0,80}\b(?:was|is|were)\s+"
    r"(?:still\s+|not\s+)?(?:too|enough|wide|within|reasonable|correct|lawful)\b"
    r"|^who\b[^?]{0,120}\b(?:lawful|legal|approved|authoris\w*|authoriz\w*|certified|knew|responsible\s+for)\b"
    r"|\b(?:identify|tell\s+me)\s+who\s+(?:is|was|should)\b"
    r"|^how\s+(?:can|could|should|would)\s+(?!i\b|we\b|you\s+(?:provide|send|supply))",
    re.IGNORECASE,
)
# "Should you need clarification, please contact me": a condition, not a question.
_CONDITIONAL = pattern(r",\s*(?:please|i|we|then|kindly)\b", re.IGNORECASE)
_SHOULD_IF = pattern(r"^(?:you|there|any|this|it|the\s+information|further)\b", re.IGNORECASE)
_EXPLAIN_REASONS = pattern(
    r"\b(?:explain|justify|tell\s+me|give\s+me)\s+(?:the\s+|your\s+)?(?:reasons?|rationale|justification|"
    r"thinking)\s+(?:for|behind)\b",
    re.IGNORECASE,
)
# "Please explain any codes used in the data": a fair part of a request for data.
_EXPLAIN_TERMS = pattern(r"\bexplain\s+(?:any|the|all)\s+(?:codes|abbreviations|acronyms|terms|columns|"
                         r"headings|fields|categories)\b", re.IGNORECASE)
_SUGGEST = ("Ask for the record that would hold the answer instead, for example \"copies of the guidance "
            "staff follow on ...\" rather than \"why ...\" or \"can a work coach ...\".")


_PLEASE_FIRST = pattern(r"^please[,\s]+(?=(can|could|would|will)\b)", re.IGNORECASE)
_CONDITION_FIRST = pattern(r"^(?:if|when|where|once|after|given\s+that|for|regarding|in\s+relation\s+to|"
                           r"with\s+regard\s+to)\b[^,?]{0,100},\s*", re.IGNORECASE)


@lru_cache(maxsize=4096)  # several rules ask this of the same sentence in one check
def question_kind(text: str) -> tuple[str, str] | None:
    """(severity, why) when a sentence is a question FOIA does not oblige anyone to answer."""
    lead = _LEAD.match(text)
    body = text[lead.end() :] if lead else text
    body = _PLEASE_FIRST.sub("", body)
    # "If a claimant is sanctioned, are they entitled ...": the question follows the condition.
    body = _CONDITION_FIRST.sub("", body)
    if _WHY.search(body):
        return WARNING, "asks why"
    if _ANSWER_WANTED.search(body):
        return WARNING, "asks for an answer (evidence, advice, a judgement or a name), not for records"
    if _OPINION.search(body):
        return WARNING, "asks for a view or opinion"
    if _HYPOTHETICAL.search(body):
        return WARNING, "asks what would happen in a hypothetical case"
    modal = _MODAL_START.match(body)
    if modal and not _POLITE.match(modal.group("rest")) and not _CONDITIONAL.search(modal.group("rest")) \
            and not (modal.group(1).lower() == "should" and _SHOULD_IF.match(modal.group("rest"))):
        return WARNING, "asks what someone can or must do"
    aux = _AUX_START.match(body)
    if aux and not _POLITE.match(aux.group("rest")) and _RIGHTS.search(aux.group("rest")):
        return WARNING, "asks a question about rights or obligations"
    whether = _ASK_WHETHER.search(body)
    if whether and _RIGHTS.search(whether.group("rest")):
        return WARNING, "asks a question about rights or obligations"
    if _EXPLAIN_REASONS.search(body):
        return WARNING, "asks for the reasons behind a decision"
    if _EXPLAIN.search(body) and not _EXPLAIN_TERMS.search(body):
        return INFO, "asks for an explanation"
    return None


@rule("form/question", WARNING, 'questions FOIA need not answer ("Why did ...", "Can a work coach ...", '
      "opinions, hypotheticals); explanations (info)")
def check_question(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    for sentence in doc.sentences:
        if doc.quoted(sentence.start) or doc.is_procedural(sentence):
            continue
        kind = question_kind(doc.sentence_text(sentence))
        if kind:
            severity, why = kind
            yield _question_finding(ctx, sentence, severity, why)


def _question_finding(ctx: Context, sentence: Sentence, severity: str, why: str) -> Finding:
    message = (f"This {why}: the Act gives a right to recorded information, not to answers, and an "
               "authority may reply that it does not have to answer questions.")
    if severity == INFO:
        message = ("This asks for an explanation: an authority need not create one, and may answer only "
                   "with what it already holds.")
    return ctx.finding("form/question", severity, message, _SUGGEST, sentence.start, sentence.end)


_ACT = pattern(
    r"\b(?P<verb>copy|copies|text|wording|provide|send|see|access|link)\b[^.?!;]{0,60}?"
    r"(?P<name>\b(?:[A-Z][\w'\u2019()-]*\s+){1,10}(?:Act|Regulations|Order))\s+(?:(?:19|20)\d\d)\b"
)
_CONTEXT_BEFORE = pattern(r"(?:under|pursuant\s+to|accordance\s+with|by\s+virtue\s+of|per|made\s+under|"
                          r"issued\s+under)\s+(?:the\s+)?$", re.IGNORECASE)
_DOCUMENT_NOUN = pattern(
    r"\b(guidance|instructions?|polic(?:y|ies)|procedures?|documents?|training|records?|correspondence|"
    r"minutes|figures|information|data|details|notes|assessments?|agreements?|contracts?|reports?|"
    r"decisions?|advice|memos?|circulars?|bulletins?)\b",
    re.IGNORECASE,
)
_OWN_LAW = pattern(r"Freedom\s+of\s+Information|Environmental\s+Information|Data\s+Protection", re.IGNORECASE)
_LAW_QUESTION = pattern(
    r"\bwhat\s+(?:is|are)\s+the\s+(?:law|laws|legislation|legal\s+position|statutory\s+position)\b"
    r"|\b(?:which|what)\s+(?:law|laws|legislation|statute|act|regulations?|legal\s+(?:power|basis|authority)|"
    r"statutory\s+(?:power|basis|provision))\b"
    r"|\b(?:the\s+)?(?:law|laws|legislation|statute|statutory\s+provision|legal\s+provision)s?\s+(?:that|which)\s+"
    r"(?:allows?|permits?|requires?|gives?|says?|states?|authoris\w*|authoriz\w*|empowers?|means?|enables?)\b",
    re.IGNORECASE,
)
_LAW_REQUEST = pattern(
    r"\b(?:copies\s+of|direct\s+me\s+to|point\s+me\s+to|send\s+(?:me\s+)?(?:copies\s+of\s+)?|provide\s+(?:me\s+with\s+)?)"
    r"(?:all\s+|the\s+|any\s+)?(?:relevant\s+)?(?:legislation|legistaltion|legistlation|laws?|statutes?|"
    r"statutory\s+instruments?)\b",
    re.IGNORECASE,
)
_PUBLISHED_GUIDE = pattern(
    r"\b(?:Decision\s+Makers?['\u2019]?\s*Guide|Advice\s+for\s+Decision\s+Making)\b"
    r"|\b(?:DMG|ADM)\s+(?:chapter|volume|vol\.?|memo)\b|\bchapter\s+\w+\s+of\s+the\s+(?:DMG|ADM)\b",
    re.IGNORECASE,
)


# A sentence that leaves a published guide out ("does not ask for the chapters of Advice for Decision
# Making published on GOV.UK") is what the rule recommends, not a request for the guide.
_EXCLUDED = pattern(r"\b(?:does\s+not\s+ask\s+for|do\s+not\s+need|(?:is|are)\s+not\s+needed|excluding)\b",
                    re.IGNORECASE)


@rule("form/published", WARNING, "asks for the law itself or for guidance already published (s.21); DWP caseload "
      "figures it publishes (info)")
def check_published(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    warned = False
    for sentence in doc.sentences:
        text = doc.sentence_text(sentence)
        if doc.quoted(sentence.start):
            continue
        for match in _ACT.finditer(text):
            name = match.group("name")
            between = text[match.end("verb") : match.start("name")]
            if (_OWN_LAW.search(name) or _CONTEXT_BEFORE.search(text[: match.start("name")])
                    or _DOCUMENT_NOUN.search(between)):
                continue
            yield ctx.finding(
                "form/published", WARNING,
                f"Legislation such as the {name.strip()} is published: the authority can refuse this as "
                "reasonably accessible elsewhere (s.21).",
                "Read it on legislation.gov.uk, and ask instead for the authority's own guidance on how it "
                "applies it.", sentence.start + match.start(), sentence.start + match.end())
            warned = True
            break
        else:
            asking = doc.is_asking(sentence)
            law = (_LAW_QUESTION.search(text) or _LAW_REQUEST.search(text)) if asking else None
            guide = _PUBLISHED_GUIDE.search(text) if asking and not law and not _EXCLUDED.search(text) else None
            found = law or guide
            if found:
                what = "the law itself" if law else "guidance that is published on GOV.UK"
                yield ctx.finding(
                    "form/published", WARNING,
                    f"This asks for {what}: the authority can answer that it is reasonably accessible "
                    "elsewhere (s.21), or that the Act does not require it to explain the law.",
                    "Ask for the authority's own recorded guidance or instructions on the point, for example "
                    "\"copies of the guidance given to staff on when they may share claimants' data\".",
                    sentence.start + found.start(), sentence.start + found.end())
                warned = True
    if not warned:
        yield from _published_statistics(ctx)


# DWP publishes benefit caseloads, sanctions and assessment outcomes as official statistics (GOV.UK
# and Stat-Xplore); a request for them is often answered "reasonably accessible" (s.21).
_BENEFIT = (r"(?:universal\s+credit|\bUC\b|personal\s+independence\s+payment|\bPIP\b|employment\s+and\s+support"
            r"\s+allowance|\bESA\b|jobseeker['\u2019]?s\s+allowance|\bJSA\b|housing\s+benefit|pension\s+credit|"
            r"attendance\s+allowance|carer['\u2019]?s\s+allowance|disability\s+living\s+allowance|\bDLA\b|"
            r"state\s+pension)")
_BREAKDOWN = (r"\b(?:in\s+each|for\s+each|by|per|broken\s+down\s+by)\s+(?:\w+\s+){0,2}?(?:local\s+authority|"
              r"constituency|region|month|quarter|age|gender)\b")
# Caseloads only: sanctions, assessments and awards are published too, but often not at the detail asked.
_DWP_STATISTICS = pattern(
    r"\b(?:number|numbers|how\s+many)\s+(?:of\s+)?"
    rf"(?:(?:people|claimants|households|recipients)\s+(?:on|claiming|receiving|in\s+receipt\s+of)\s+{_BENEFIT}"
    rf"|{_BENEFIT}\s+(?:claimants|recipients|households)\b(?!\s+(?:who|that|which|referred|sanctioned|assessed))"
    r"|(?:people|claimants|households)\s+subject\s+to\s+the\s+benefit\s+cap)"
    rf"[^.?]{{0,120}}?{_BREAKDOWN}",
    re.IGNORECASE,
)
# "Where figures are already published, a link is enough": the requester has thought of s.21.
_ACKNOWLEDGES_PUBLISHED = pattern(r"\b(?:already\s+published|published\s+(?:on|in|at)|stat-?xplore|a\s+link)\b",
                                  re.IGNORECASE)


def _published_statistics(ctx: Context) -> Iterable[Finding]:
    """Advice when a request to DWP asks for benefit figures DWP already publishes."""
    if ctx.authority is not None and ctx.authority.id != "dwp":
        return
    doc = ctx.doc
    if _ACKNOWLEDGES_PUBLISHED.search(doc.flat):
        return
    for sentence in doc.sentences:
        if not doc.is_asking(sentence) or doc.is_procedural(sentence):
            continue
        match = _DWP_STATISTICS.search(doc.sentence_text(sentence))
        if match:
            yield ctx.finding(
                "form/published", INFO,
                "DWP publishes benefit statistics like these (GOV.UK and Stat-Xplore): if these figures are "
                "there, the request can be refused as reasonably accessible (s.21).",
                "Check DWP's published statistics first; ask only for what they do not give (a finer "
                "breakdown, an office), and say that you have checked.",
                sentence.start + match.start(), sentence.start + match.end())
            return


_COMPLAINT = pattern(
    r"\b(?:i\s+(?:wish|want|would\s+like|am\s+writing)\s+to\s+(?:make|lodge|raise|register|file|submit)\s+a\s+"
    r"(?:formal\s+)?complaint|i\s+(?:wish|want|would\s+like)\s+to\s+complain|i\s+am\s+(?:writing\s+to\s+)?"
    r"complain(?:ing)?\s+about|this\s+is\s+a\s+(?:formal\s+)?complaint|please\s+treat\s+this\s+as\s+a\s+"
    r"(?:formal\s+)?complaint|i\s+want\s+compensation|i\s+demand\s+(?:an\s+)?(?:apology|compensation))\b",
    re.IGNORECASE,
)


@rule("form/complaint", WARNING, "a complaint mixed into the request (send it separately)")
def check_complaint(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    match = _COMPLAINT.search(doc.flat, doc.body_start, doc.body_end)
    if match and not doc.quoted(match.start()):
        yield ctx.finding(
            "form/complaint", WARNING,
            "This mixes a complaint with the request: complaints are handled separately, slow the request "
            "down and can make it look vexatious (s.14).",
            "Send the complaint on its own, and keep this request to the recorded information you want.",
            match.start(), match.end())

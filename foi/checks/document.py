"""A request as the rules read it: the letter frame (salutation, body, sign-off), the body's
paragraphs and numbered items, its sentences, and where each offset sits as line and column.

The rules match against `flat`, a copy of the text with newlines turned into spaces: it has the
same length, so a match's offset is also its offset in the original, and a phrase wrapped across
two lines of a 72-column letter still matches a pattern written with `\\s+`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from foi.checks.patterns import pattern

SALUTATION = pattern(
    r"^(dear\b|to whom it may concern\b|hello\b|hi\b|good (morning|afternoon)\b|greetings\b)",
    re.IGNORECASE,
)
_CLOSING_WORDS = (
    r"(yours\s+(faithfully|sincerely|truly)|(with\s+)?(kind|best|warm|many)?\s*regards"
    r"|(many\s+|with\s+)?thanks(\s+in\s+advance)?(\s+for\s+your\s+(help|time|assistance))?"
    r"|thank\s+you(\s+in\s+advance)?(\s+for\s+your\s+(help|time|assistance))?"
    r"|best\s+wishes|sincerely|cheers)"
)
CLOSING = pattern(rf"^{_CLOSING_WORDS}\s*[,.!]?$", re.IGNORECASE)
# "Thanks, Jane Smith" on one line: a closing with the name after it.
CLOSING_INLINE = pattern(rf"^{_CLOSING_WORDS}\s*[,.]\s+(?P<name>\S.*)$", re.IGNORECASE)

MAX_HEAD_LINES = 20
RUN_ON_WORDS = 12  # a greeting line this long is the request itself
_INLINE_SALUTATION = pattern(r"\s*(?:dear|to)\s+[^,\n]{1,60},\s*", re.IGNORECASE)
_INLINE_CLOSING = pattern(
    r"(?<=[.!?])\s+(?:yours\s+(?:faithfully|sincerely)|kind\s+regards|best\s+regards|regards|many\s+thanks)"
    r"[,.]?\s*(?P<name>[^\n]{0,60})\s*$", re.IGNORECASE)
_DIGIT_MARKER = pattern(r"^(\s*)(\d{1,2}[.)]|\(\d{1,2}\))(\s+|$)")
_SUB_MARKER = pattern(r"^(\s*)([a-z][.)]|\((?:[a-z]|[ivx]{1,4})\)|[ivx]{1,4}[.)])(\s+)")
_BULLET = pattern(r"^(\s*)([-*•\u2022])(\s+)")
_ENDS_CLAUSE = pattern(r"[:;.?!]\s*$")
_MARKDOWN = pattern(r"^[#>*_\s]+|[*_]+$")

# Words before a full stop that do not end a sentence.
_ABBREVIATIONS = {
    "s", "ss", "reg", "regs", "e.g", "eg", "i.e", "ie", "etc", "mr", "mrs", "ms", "dr", "no", "nos",
    "st", "para", "paras", "art", "p", "pp", "cf", "vs", "v", "approx", "incl", "ref", "sch", "pt",
    "sec", "ch", "fig", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "co", "ltd", "plc", "dept", "govt",
}
_SENTENCE_END = pattern(r"[.?!]+[\"'\u201d\u2019)\]]*\s+")

# "section 187 of the Data Protection Act 2018", "Section 202 of the Housing Act 1996": the law the request
# is about, not a clause about how to answer it (those cite the Freedom of Information Act, or no Act).
_OTHER_LAW = pattern(
    r"\b(?:sections?|s\.|regulations?|reg\.)\s*\d+[A-Za-z]?(?:\(\w+\))*\s+(?:of\s+the\s+|of\s+)(?!Freedom\s+of\s+Information)"
    r"(?:[A-Z][\w()'\u2019-]*\s+){1,8}(?:Act|Regulations)\b|\b(?:Section|Sections)\s+\d+[A-Za-z]?\s+(?:notices?|reviews?|duty|"
    r"duties|agreements?|contributions?|obligations?|applications?|offers?|decisions?)\b",
)


def _subject_law(text: str) -> str:
    """The text with citations of the law the request is about blanked out."""
    return _OTHER_LAW.sub(" ", text)


_REDACTION_MARK = pattern(r"\[[^\]\n]{0,40}\]")

# A sentence that asks for something (as opposed to context or background).
ASKING = pattern(
    r"\b(please|pls|plz|provide|be\s+provided\s+with|send|supply|disclose|release|copy|copies|request|requesting|"
    r"would\s+like|i'd\s+like|like\s+to\s+(know|see|have|receive|obtain)|want\s+to\s+(know|see)|"
    r"i\s+(?:want|need|require|wish\s+to\s+(?:have|see|receive|obtain))|"
    r"tell\s+me|let\s+me\s+(know|have)|give\s+me|can\s+you|could\s+you|would\s+you|"
    r"how\s+many|how\s+much|i\s+ask|asking\s+for|seeking)\b|\?",
    re.IGNORECASE,
)
_INTERROGATIVE_START = pattern(
    r"^\W*(?:and\s+|also\s+|so\s+)?(?:why|how|what|when|where|which|who|is|are|can|could|do|does|did|will|would|"
    r"should|has|have|am)\b",
    re.IGNORECASE,
)
# Sentences about how to answer (the clauses of a well-made letter), not about what is wanted.
PROCEDURAL = pattern(
    r"\b(section|sections|s\.|ss\.|regulation|regulations|reg\.|article|art\.)\s*\d+"
    r"|\bworking\s+days?\b|\bcost\s+limit\b|\bappropriate\s+limit\b|\badvice\s+and\s+assistance\b"
    r"|\bconfirm\s+or\s+deny\b|\bexempt|\bredact|\bwithh[eo]ld|\bspreadsheets?\b|\bCSV\b|\bXLSX?\b"
    r"|\bre-?usable\b|\bmachine[- ]readable\b|\bon\s+(its|their|your|[\w&\u2019']+['\u2019]s?)\s+behalf\b"
    r"|\bsub-?contractors?\b|\border\s+of\s+priority\b|\bpriority\s+order\b",
    re.IGNORECASE,
)

# A citation of the law or of the time limit: marks a clause about how to answer.
CITATION = pattern(
    r"\b(section|sections|s\.|ss\.|regulation|regulations|reg\.|article|art\.)\s*\d+|\bworking\s+days?\b",
    re.IGNORECASE,
)


# Words in quotation marks: straight double, curly double, curly single, straight single quotes.
_QUOTES = tuple(pattern(source) for source in (
    r'"[^"\n]{1,300}"', "\u201c[^\u201d]{1,300}\u201d", "\u2018[^\u2019]{1,200}\u2019", r"(?<!\w)'[^'\n]{1,120}'(?!\w)"))


@dataclass(frozen=True)
class Block:
    """A paragraph or a list item of the body: offsets into the text, and the item's level."""

    start: int
    end: int
    kind: str  # "item" or "para"
    level: int = 0  # items: 0 top level, 1 sub-item
    numbered: bool = False


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: int  # index into Document.blocks
    in_item: bool


@dataclass
class Document:
    """The parsed request. Offsets are into `text`, which check_text has normalised to "\\n" lines."""

    text: str
    salutation: tuple[int, int] | None = None  # the "Dear ..." line
    closing: tuple[int, int] | None = None  # the "Yours faithfully," line
    body_start: int = 0
    body_end: int = 0
    blocks: list[Block] = field(default_factory=list)
    inline_name: str | None = None  # "Thanks, Jane Smith"

    @cached_property
    def flat(self) -> str:
        return self.text.replace("\n", " ")

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        newline = self.text.find("\n")
        while newline >= 0:
            starts.append(newline + 1)
            newline = self.text.find("\n", newline + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def excerpt(self, start: int, end: int, limit: int = 80) -> str:
        """The words at start:end on one line, shortened to limit characters."""
        words = " ".join(self.flat[start:end].split())
        return words if len(words) <= limit else words[: limit - 1].rstrip() + "\u2026"

    @property
    def body(self) -> str:
        return self.flat[self.body_start : self.body_end]

    @property
    def signature(self) -> tuple[int, int] | None:
        """The sign-off and what follows it: name, address, email."""
        return (self.closing[0], len(self.text)) if self.closing else None

    @property
    def before_salutation(self) -> tuple[int, int]:
        return (0, self.salutation[0]) if self.salutation else (0, 0)

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """Quoted passages: words in quotation marks are someone else's, not the requester's."""
        spans: list[tuple[int, int]] = []
        for quote in _QUOTES:
            spans.extend((m.start(), m.end()) for m in quote.finditer(self.text))
        return sorted(spans)

    def quoted(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.quotes)

    @cached_property
    def sentences(self) -> list[Sentence]:
        result = []
        for index, block in enumerate(self.blocks):
            for start, end in _split_sentences(self.flat, block.start, block.end):
                result.append(Sentence(start, end, index, block.kind == "item"))
        return result

    def sentence_text(self, sentence: Sentence) -> str:
        return self.flat[sentence.start : sentence.end]

    def is_procedural(self, sentence: Sentence) -> bool:
        return _procedural(self.sentence_text(sentence))

    def is_asking(self, sentence: Sentence) -> bool:
        return sentence.in_item or _asking(self.sentence_text(sentence))

    @cached_property
    def items(self) -> list[tuple[int, int]]:
        """Top-level items with their sub-items, as (start, end) spans."""
        spans: list[list[int]] = []
        for block in self.blocks:
            if block.kind != "item":
                continue
            if block.level == 0 or not spans:
                spans.append([block.start, block.end])
            else:
                spans[-1][1] = block.end
        return [(s, e) for s, e in spans]

    @cached_property
    def top_level_items(self) -> list[Block]:
        """The items a reader counts: numbered ones, or bullets where nothing is numbered."""
        items = [b for b in self.blocks if b.kind == "item" and b.level == 0]
        numbered = [b for b in items if b.numbered]
        return numbered if numbered else items


def is_procedural_text(text: str) -> bool:
    """A letter clause: it cites a section or the time limit (not the law the request is about)."""
    return bool(CITATION.search(_subject_law(text)))


# Most rules ask these of every sentence: each answer is worked out once per sentence text.
@lru_cache(maxsize=4096)
def _procedural(text: str) -> bool:
    # "[redacted URL]" is how a published copy marks what it removed, not a clause about redaction.
    return bool(PROCEDURAL.search(_subject_law(_REDACTION_MARK.sub(" ", text))))


@lru_cache(maxsize=4096)
def _asking(text: str) -> bool:
    return bool(ASKING.search(text) or _INTERROGATIVE_START.match(text))


def _strip_markup(line: str) -> str:
    return _MARKDOWN.sub("", line).strip()


def _split_sentences(flat: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in flat[start:end], not splitting after "s.", "e.g." or initials."""
    spans = []
    begin = start
    for match in _SENTENCE_END.finditer(flat, start, end):
        before = flat[begin : match.start()].split()
        word = before[-1].lower().strip("(\"'") if before else ""
        after = flat[match.end() : match.end() + 1]
        ends_question = "?" in match.group() or "!" in match.group()
        if not ends_question and (word in _ABBREVIATIONS or len(word) == 1 or (after and after.islower())):
            continue
        spans.append((begin, match.end()))
        begin = match.end()
    if flat[begin:end].strip():
        spans.append((begin, end))
    return [(s + len(flat[s:e]) - len(flat[s:e].lstrip()), e) for s, e in spans if flat[s:e].strip()]


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def parse(text: str) -> Document:
    """Find the frame (salutation, sign-off) and the body's paragraphs and items."""
    lines = _line_spans(text)
    doc = Document(text=text, body_end=len(text))
    # The salutation comes after at most a heading, a date and two addresses; a "Dear ..." line further
    # down is a quoted letter, not this one's.
    head = [i for i, (s, e) in enumerate(lines) if text[s:e].strip()][:MAX_HEAD_LINES]
    sal = next((i for i in head if SALUTATION.match(_strip_markup(text[lines[i][0] : lines[i][1]]))), None)
    if sal is not None:
        doc.salutation = lines[sal]
        doc.body_start = lines[sal][1]
        inline = _INLINE_SALUTATION.match(text, lines[sal][0], lines[sal][1])
        if inline and len(text[inline.end() : lines[sal][1]].split()) >= 3:
            doc.body_start = inline.end()  # "Dear Cabinet Office, Please provide ..." on one line
        elif inline is None and len(text[lines[sal][0] : lines[sal][1]].split()) >= RUN_ON_WORDS:
            # "dear dwp i want to know ..." with no comma: the request runs on from the greeting.
            greeting = re.match(r"\s*\S+\s+\S+\s*", text[lines[sal][0] : lines[sal][1]])
            doc.body_start = lines[sal][0] + (greeting.end() if greeting else 0)
    first = sal + 1 if sal is not None else 0
    for i in range(len(lines) - 1, first - 1, -1):
        stripped = _strip_markup(text[lines[i][0] : lines[i][1]])
        inline = CLOSING_INLINE.match(stripped)
        if CLOSING.match(stripped) or (inline and len(inline.group("name").split()) <= 5):
            doc.closing = lines[i]
            doc.body_end = lines[i][0]
            doc.inline_name = inline.group("name") if inline else None
            break
    if doc.closing is None:
        tail = _INLINE_CLOSING.search(text, doc.body_start)
        if tail:
            doc.closing = (tail.start(), tail.start())
            doc.body_end = tail.start()
            doc.inline_name = tail.group("name").strip() or None
    # A greeting with the request on the same line: the rest of that line is body.
    body_lines = [(s, e) for s, e in lines if doc.body_start <= s and e <= doc.body_end]
    body_lines[:0] = [(doc.body_start, e) for s, e in lines if s < doc.body_start < e <= doc.body_end]
    doc.blocks = _blocks(text, body_lines)
    return doc


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[Block]:
    """Paragraphs (split at blank lines) and list items (split at their markers)."""
    blocks: list[Block] = []
    current: dict | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(Block(current["start"], current["end"], current["kind"],
                                current["level"], current["numbered"]))
        current = None

    previous = ""
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            close()
            previous = ""
            continue
        marker = _DIGIT_MARKER.match(line) or _SUB_MARKER.match(line) or _BULLET.match(line)
        if marker and current is not None and current["kind"] == "para" and not _ENDS_CLAUSE.search(previous):
            marker = None  # "(section\n12) would be exceeded": a wrapped line, not a list item
        previous = line
        if marker:
            close()
            indent = len(marker.group(1).expandtabs(4))
            numbered = marker.re is _DIGIT_MARKER.compiled
            if marker.re is _SUB_MARKER.compiled:
                level = 1
            else:
                level = 1 if indent >= (4 if numbered else 2) else 0
            current = {"start": start + marker.end(), "end": end, "kind": "item",
                       "level": level, "numbered": numbered}
        elif current is None:
            offset = len(line) - len(line.lstrip())
            current = {"start": start + offset, "end": end, "kind": "para", "level": 0, "numbered": False}
        else:
            current["end"] = end
    close()
    return blocks

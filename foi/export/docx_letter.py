"""`--format docx`: the request as a UK business letter in Word, ready to print on letterhead.

Laid out as an adviser would type it: the letterhead (the profile's `letterhead`, else the
organisation the request is made for) in the page header; the sender's name and address top
right with the date below; the body's name and address on the left; "Dear ...", a bold subject
line; the paragraphs, with the items as a real Word numbered list; "Yours faithfully," and space
to sign above the name. A4 paper, British English proofing.

The words come from the letter's markup (see foi.letter.anatomy), so a user's own template keeps its
wording; a template without "Dear ..." and "Yours ...," is written block by block instead.

Reproducible: python-docx stamps the zip entries with the time of saving and the document with
"now"; here the document's created and modified dates are the letter's date (midnight UTC) and
the zip is rewritten with fixed entry dates, so the same Draft gives the same bytes (with the
same python-docx and zlib).
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime
from typing import Any

from foi.letter import anatomy, markup
from foi.letter.drafting import Draft, address_lines
from foi.support.dates import long_date

FONT = "Arial"
FONT_SIZE = 11  # points
MARGIN_MM = 25
SIGNING_SPACE = 36  # points above the name, to sign in


def write(draft: Draft) -> bytes:
    """The .docx file as bytes."""
    from docx import Document

    document = Document()
    _set_up(document)
    letterhead = draft.letterhead or draft.answers.get("organisation")
    if letterhead:
        _letterhead(document, str(letterhead))
    parts = anatomy.split(draft.blocks)
    if parts is None:
        _lines(document, sender_lines(draft), align="right")
        for block in draft.blocks:
            _block(document, block)
    else:
        _letter(document, draft, parts)
    _properties(document, draft)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue(), draft.letter_date)


def sender_lines(draft: Draft) -> list[str]:
    """The requester's name, address and email, for the top right of the letter."""
    answers = draft.answers
    lines = [answers.get("name"), *address_lines(answers.get("address")), answers.get("email")]
    return [str(line) for line in lines if line]


def _letter(document: Any, draft: Draft, parts: anatomy.Parts) -> None:
    """Sender, date, recipient, salutation, subject, body, sign-off, signature: a UK letter's order."""
    sender = sender_lines(draft)
    _lines(document, sender, align="right")
    subject, dated, rest = _sort_opening(parts.opening, long_date(draft.letter_date))
    if dated:
        _lines(document, [dated], align="right")
    for block in rest:
        _block(document, block)
    _block(document, parts.body[0])
    if subject:
        _add_runs(document.add_paragraph(), [(": ".join(subject), True)])
    for block in parts.body[1:-1]:
        _block(document, block)
    _block(document, parts.body[-1])
    moved = set(sender[1:])  # the address is at the top now: the signature keeps the name
    signature = [line for line in _plain_lines(parts.signature) if line not in moved]
    if signature:
        paragraph = _lines(document, signature)
        paragraph.paragraph_format.space_before = _pt(SIGNING_SPACE)


def _sort_opening(opening: tuple[markup.Block, ...], dated: str) -> tuple[list[str], str | None, list[markup.Block]]:
    """Split what comes before "Dear": the subject (heading and bold lines), the date, the rest."""
    subject: list[str] = []
    found: str | None = None
    rest: list[markup.Block] = []
    for block in opening:
        if isinstance(block, markup.Heading):
            subject.append(markup.unescape(block.text))
        elif isinstance(block, markup.Paragraph) and _all_bold(block):
            subject.append(markup.unescape(block.text))
        elif isinstance(block, markup.Paragraph) and markup.unescape(block.text) == dated and found is None:
            found = dated
        else:
            rest.append(block)
    return subject, found, rest


def _all_bold(paragraph: markup.Paragraph) -> bool:
    runs = markup.spans(paragraph.text)
    return bool(runs) and all(bold for _, bold in runs)


def _plain_lines(blocks: tuple[markup.Block, ...]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, markup.Paragraph):
            lines += [markup.unescape(line) for line in block.lines]
        elif isinstance(block, markup.Heading):
            lines.append(markup.unescape(block.text))
        else:
            lines += [markup.unescape(item) for item in block.items]
    return lines


def _block(document: Any, block: markup.Block) -> None:
    """One block of the markup: a bold heading line, a paragraph, lines kept apart, or a numbered list."""
    if isinstance(block, markup.Heading):
        _add_runs(document.add_paragraph(), [(markup.unescape(block.text), True)])
    elif isinstance(block, markup.NumberedList):
        number = _new_list(document)
        for item in block.items:
            paragraph = document.add_paragraph(style="List Number")
            _number(paragraph, number)
            _add_runs(paragraph, markup.spans(item))
    elif block.kept_breaks:
        _lines(document, [markup.unescape(line) for line in block.lines])
    else:
        _add_runs(document.add_paragraph(), markup.spans(block.text))


def _lines(document: Any, lines: list[str], align: str | None = None) -> Any:
    """One paragraph whose lines are kept apart by line breaks (an address)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.add_paragraph()
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        if index < len(lines) - 1:
            run.add_break()
    if align == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return paragraph


def _add_runs(paragraph: Any, runs: list[tuple[str, bool]]) -> None:
    for text, bold in runs:
        run = paragraph.add_run(text)
        if bold:
            run.bold = True


def _letterhead(document: Any, text: str) -> None:
    """The letterhead line, centred and bold in the page header (so it repeats on every page)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.sections[0].header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = _pt(FONT_SIZE + 3)


def _new_list(document: Any) -> int:
    """A new instance of Word's "List Number" numbering, restarting at 1: a letter may have two lists."""
    numbering = document.part.numbering_part.element
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def _number(paragraph: Any, num_id: int) -> None:
    """Put the paragraph in the numbered list `num_id` (w:numPr in the paragraph itself)."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _set_up(document: Any) -> None:
    """A4 with even margins, one plain font, space between paragraphs, British English proofing."""
    from docx.oxml.ns import qn
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = _pt(FONT_SIZE)
    normal.paragraph_format.space_after = _pt(FONT_SIZE)
    normal.paragraph_format.line_spacing = 1.0
    numbered = document.styles["List Number"]
    numbered.paragraph_format.space_after = _pt(6)
    for spacing in numbered.element.pPr.findall(qn("w:contextualSpacing")):
        numbered.element.pPr.remove(spacing)  # keep the space between items
    for lang in document.styles.element.findall(f"{qn('w:docDefaults')}//{qn('w:lang')}"):
        lang.set(qn("w:val"), "en-GB")
        lang.set(qn("w:eastAsia"), "en-GB")
    _drop_thumbnail(document)


def _drop_thumbnail(document: Any) -> None:
    """python-docx's blank template carries a preview picture of an empty page: leave it out."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    rels = document.part.package.rels
    for rel_id in [key for key, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        rels.pop(rel_id)


def _properties(document: Any, draft: Draft) -> None:
    """File properties: the request's subject, the requester as author, dated by the letter."""
    properties = document.core_properties
    when = datetime(*draft.letter_date.timetuple()[:3], tzinfo=UTC)
    properties.title = draft.subject
    properties.subject = draft.authority.name
    properties.author = str(draft.answers.get("name") or "")
    properties.last_modified_by = properties.author
    properties.comments = ""
    properties.keywords = ""
    properties.language = "en-GB"
    properties.created = when
    properties.modified = when
    properties.revision = 1


def _fixed_zip(data: bytes, day: date) -> bytes:
    """Rewrite the zip with every entry dated the letter's date, so two runs give the same bytes."""
    stamp = max(day, date(1980, 1, 1)).timetuple()[:3] + (0, 0, 0)  # zip dates start in 1980
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)  # type: ignore[arg-type]
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 3  # Unix, whatever machine writes it
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry.filename))
    return out.getvalue()


def _pt(points: float) -> Any:
    from docx.shared import Pt

    return Pt(points)

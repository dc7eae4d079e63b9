"""The .docx letter read back with python-docx: layout, numbering, bold subject, names, reproducibility."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm
from export_support import WELSH, make_draft

from foi.export import registry


def read(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def texts(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs]


def numbered(document: Any) -> list[tuple[str, int]]:
    """(text, numId) of each paragraph that carries its own w:numPr."""
    found = []
    for paragraph in document.paragraphs:
        num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        if num_pr is not None:
            assert num_pr.ilvl.val == 0
            found.append((paragraph.text, num_pr.numId.val))
    return found


def test_uk_letter_layout_in_order() -> None:
    document = read(registry.render(make_draft(), "docx"))
    paragraphs = document.paragraphs
    sender, dated, recipient, dear, subject = paragraphs[:5]
    assert sender.text == "Siân Llŷr\nFflat 2, 14 Heol y Frenhines\nCaerdydd CF10 2BH\nsian.llyr@example.org"
    assert sender.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert dated.text == "23 November 2026" and dated.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert recipient.text.startswith("Department for Work and Pensions\nDWP Central Freedom of Information Team\n")
    assert recipient.text.endswith("London SW1H 9NA")
    assert dear.text == "Dear DWP Freedom of Information team,"
    assert subject.text == "Freedom of Information request: A4e staff's access to claimant records"
    assert [run.bold for run in subject.runs] == [True]
    assert "I make this request on behalf of Canolfan Gyngor Gwenllïan." in paragraphs[5].text
    all_text = texts(document)
    assert all_text.count("Yours faithfully,") == 1
    signature = paragraphs[-1]
    assert all_text[-2] == "Yours faithfully,"
    assert signature.text == "Siân Llŷr\nfor Canolfan Gyngor Gwenllïan"  # the address is at the top
    assert signature.paragraph_format.space_before is not None and signature.paragraph_format.space_before.pt >= 24
    assert not any("Freedom of Information request" == t for t in all_text)  # the heading became the subject


def test_items_are_a_real_numbered_list() -> None:
    document = read(registry.render(make_draft(), "docx"))
    items = numbered(document)
    assert len(items) == 5
    assert items[0][0].startswith("Any data-sharing agreement") and items[3][0].startswith("The clauses of DWP's")
    num_ids = {num_id for _, num_id in items}
    assert len(num_ids) == 1
    (num_id,) = num_ids
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(num_id)
    assert num.lvlOverride_lst[0].startOverride.val == 1
    level = f'./w:abstractNum[@w:abstractNumId="{num.abstractNumId.val}"]/w:lvl[@w:ilvl="0"]'
    assert numbering.xpath(f"{level}/w:numFmt/@w:val") == ["decimal"]
    assert numbering.xpath(f"{level}/w:lvlText/@w:val") == ["%1."]
    assert all(p.style.name == "List Number" for p in document.paragraphs if p.text == items[0][0])
    assert not any(t.startswith("1. ") for t in texts(document))  # numbers come from Word, not the text


def test_two_lists_each_start_at_one(tmp_path: Path) -> None:
    own = tmp_path / "letters"
    own.mkdir()
    (own / "request.md.j2").write_text(
        "# {{ regime.heading }}\n\n{{ letter_date }}\n\nDear Sir or Madam,\n\n"
        "1. First\n2. Second\n\nAnd also:\n\n1. Third\n2. Fourth\n\nYours faithfully,\n\n{{ signature | hardbreaks }}\n",
        encoding="utf-8",
    )
    document = read(registry.render(make_draft(user_dir=tmp_path), "docx"))
    items = numbered(document)
    assert [text for text, _ in items] == ["First", "Second", "Third", "Fourth"]
    first, second = items[0][1], items[2][1]
    assert first != second and items[1][1] == first and items[3][1] == second
    numbering = document.part.numbering_part.element
    assert numbering.num_having_numId(second).lvlOverride_lst[0].startOverride.val == 1


@pytest.mark.parametrize(
    ("letterhead", "organisation", "expected"),
    [
        ("Uned Hawliau Lles Gwenllïan", "Canolfan Gyngor Gwenllïan", "Uned Hawliau Lles Gwenllïan"),
        (None, "Canolfan Gyngor Gwenllïan", "Canolfan Gyngor Gwenllïan"),
        (None, None, ""),
    ],
)
def test_letterhead_from_profile_else_organisation(letterhead: str | None, organisation: str | None, expected: str) -> None:
    document = read(registry.render(make_draft(letterhead=letterhead, organisation=organisation), "docx"))
    header = document.sections[0].header.paragraphs[0]
    assert header.text == expected
    if expected:
        assert header.runs[0].bold is True


def test_page_fonts_and_properties() -> None:
    document = read(registry.render(make_draft(), "docx"))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    assert document.styles["Normal"].font.name == "Arial"
    properties = document.core_properties
    assert properties.author == WELSH["name"]
    assert properties.title == "Freedom of Information request - A4e staff's access to claimant records"
    assert properties.created == datetime(2026, 11, 23, tzinfo=UTC)
    assert properties.modified == properties.created
    assert properties.language == "en-GB"
    assert "python-docx" not in (properties.comments + properties.author + properties.last_modified_by)
    lang = document.styles.element.xpath("./w:docDefaults//w:lang")[0]
    assert lang.get(qn("w:val")) == "en-GB"


def test_same_draft_same_bytes_and_fixed_zip_dates() -> None:
    first = registry.render(make_draft(), "docx")
    second = registry.render(make_draft(), "docx")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 23, 0, 0, 0)}
        assert not any(name.endswith(".jpeg") for name in archive.namelist())  # no blank-page thumbnail


def test_template_without_salutation_is_written_block_by_block(tmp_path: Path) -> None:
    own = tmp_path / "letters"
    own.mkdir()
    (own / "request.md.j2").write_text(
        "# Note\n\nTo whom it may concern: **please** send\n\n1. One\n2. Two\n", encoding="utf-8"
    )
    document = read(registry.render(make_draft(user_dir=tmp_path), "docx"))
    assert texts(document)[1:] == ["Note", "To whom it may concern: please send", "One", "Two"]
    assert document.paragraphs[0].text.startswith("Siân Llŷr\n")
    bold = [(run.text, run.bold) for run in document.paragraphs[2].runs]
    assert bold == [("To whom it may concern: ", None), ("please", True), (" send", None)]
    assert len(numbered(document)) == 2

"""`--format html`: the letter as one standalone, printable page.

The page's structure and stylesheet are a template (templates/export/letter.html.j2); this module
only turns the letter's blocks into HTML elements: a heading, paragraphs (with <br> where an
address keeps its lines), and a real <ol> for the numbered items, so a browser prints the numbers.
Everything a person typed is escaped here; the page loads nothing from anywhere else.
"""

from __future__ import annotations

from html import escape

from foi.letter import markup
from foi.letter.drafting import Draft
from foi.letter.environment import render_file

TEMPLATE = "export/letter.html.j2"


def write(draft: Draft) -> bytes:
    """The page as UTF-8 bytes."""
    body = "\n".join(block_html(block) for block in draft.blocks)
    return render_file(TEMPLATE, {"title": escape(draft.subject, quote=False), "body": body}).encode("utf-8")


def block_html(block: markup.Block) -> str:
    """One block of the letter as HTML."""
    if isinstance(block, markup.Heading):
        return f"<h1>{inline_html(block.text)}</h1>"
    if isinstance(block, markup.NumberedList):
        items = "\n".join(f"<li>{inline_html(item)}</li>" for item in block.items)
        return f"<ol>\n{items}\n</ol>"
    if block.kept_breaks:
        return '<p class="lines">' + "<br>\n".join(inline_html(line) for line in block.lines) + "</p>"
    return f"<p>{inline_html(block.text)}</p>"


def inline_html(marked: str) -> str:
    """Inline markup as escaped HTML, bold as <strong>; quotes need no escaping in text."""
    return "".join(
        f"<strong>{escape(text, quote=False)}</strong>" if bold else escape(text, quote=False)
        for text, bold in markup.spans(marked)
    )

"""The letter markup and its text and markdown shapes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from foi.letter import markup

MARKUP = """# Freedom of Information request

**Title with a\\_b**

Department for Work and Pensions\\
Caxton House\\
London SW1H 9NA

Please provide me with the following recorded information:

1. A very long item that goes on and on about guidance and instructions given to staff between 1 April 2025 and 31 March 2026.
2. Short item.
"""


def test_parse_blocks() -> None:
    blocks = markup.parse(MARKUP)
    assert blocks[0] == markup.Heading("Freedom of Information request")
    assert blocks[2] == markup.Paragraph(("Department for Work and Pensions", "Caxton House", "London SW1H 9NA"))
    assert isinstance(blocks[4], markup.NumberedList) and len(blocks[4].items) == 2


def test_text_is_wrapped_at_72_with_hanging_indent() -> None:
    text = markup.to_text(markup.parse(MARKUP))
    assert all(len(line) <= 72 for line in text.splitlines())
    assert "Title with a_b" in text
    assert "1. A very long item that goes on and on about guidance and instructions\n   given to staff" in text
    assert "Department for Work and Pensions\nCaxton House\nLondon SW1H 9NA" in text


def test_markdown_round_trip_is_stable() -> None:
    markdown = markup.to_markdown(markup.parse(MARKUP))
    assert markup.to_markdown(markup.parse(markdown)) == markdown
    assert markdown.endswith("2. Short item.\n")


def test_escape_keeps_what_a_person_typed() -> None:
    typed = "A4e *and* [friends] #1 <b> under_score\nsecond line"
    escaped = markup.escape(typed)
    assert "\n" not in escaped and "\\*" in escaped
    assert markup.unescape(escaped) == "A4e *and* [friends] #1 <b> under_score second line"
    assert markup.escape(escaped) is escaped


def test_spans_mark_bold() -> None:
    assert markup.spans("a **b\\_c** d") == [("a ", False), ("b_c", True), (" d", False)]


def test_dates_and_citations_are_never_split_across_lines() -> None:
    text = "x" * 50 + " made between 1 November 2012 and 15 February 2013 under section 10(1) and regulation 5(2)."
    wrapped = markup.to_text([markup.Paragraph((text,))], width=60)
    lines = wrapped.splitlines()
    assert any("1 November 2012" in line for line in lines)
    assert any("15 February 2013" in line for line in lines)
    assert any("section 10(1)" in line for line in lines) and any("regulation 5(2)" in line for line in lines)
    assert "\u00a0" not in wrapped


@given(st.text(alphabet=st.characters() | st.sampled_from(list("\\`*_[]<>#|") + [" ", "\n", "\t", "\u00a0"])))
def test_escape_is_the_character_by_character_escape(value: str) -> None:
    """markup.escape escapes with one table (str.translate): the same as escaping each special character."""
    text = " ".join(value.split())
    assert markup.escape(value) == "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in text)
    assert isinstance(markup.escape(value), markup.Md)

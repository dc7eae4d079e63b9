"""Markup written without rich on a pipe is byte for byte what rich writes there, for every finding
the checker gives on the evaluation set and for any text at all; anything uncertain goes to rich."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.markup import escape as rich_escape

from foi.support import console, yamlio

ROOT = Path(__file__).resolve().parents[2]


def _rich(markup: str) -> str:
    buffer = io.StringIO()
    Console(file=buffer, highlight=False, soft_wrap=True, emoji=False).print(markup)
    return buffer.getvalue()


def _ours(markup: str) -> str | None:
    text = console._plain(markup)
    return None if text is None else text + "\n"


def test_every_evaluation_report_prints_as_rich_prints_it() -> None:
    from foi.checks import check_text
    from foi.checks.report import as_markup

    direct = 0
    for entry in yamlio.read(ROOT / "evaluation" / "requests.yaml"):
        markup = as_markup(f"{entry['id']}.txt", check_text(str(entry["text"])))
        ours = _ours(markup)
        if ours is not None:
            direct += 1
            assert ours == _rich(markup), entry["id"]
    assert direct > 250  # nearly all go the direct way


PIECES = [":3:", ":100:", "1", *"ab [\\]/:-_ \n\t\u00e9\u2019#@=", "[bold]", "[/bold]", ":smile:", "[dim]", "[/]", "\\["]
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_escape_is_rich_escape(text: str) -> None:
    assert console.escape(text) == rich_escape(text)


@settings(max_examples=400, deadline=None)
@given(TEXT, TEXT)
def test_direct_text_is_what_rich_prints(plain: str, other: str) -> None:
    markup = f"[bold]{console.escape(plain)}:1:2[/bold] [yellow]warning[/yellow] [dim]x[/dim] {console.escape(other)}"
    ours = _ours(markup)
    if ours is not None:
        assert ours == _rich(markup)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_raw_markup_is_never_printed_differently(markup: str) -> None:
    ours = _ours(markup)
    if ours is not None:
        assert ours == _rich(markup)


def test_a_line_100_is_not_an_emoji() -> None:
    """rich's emoji codes are off: ":100:" in "letter.txt:100:3" once printed as an emoji."""
    markup = "[bold]letter.txt:100:3[/bold] x"
    assert _rich(markup) == _ours(markup) == "letter.txt:100:3 x\n"
    assert console._console(stderr=False)._emoji is False


def test_uncertain_text_goes_to_rich() -> None:
    assert console._plain("tab\there") is None  # rich expands tabs
    assert console._plain("[link=https://x]x[/link]") is None  # not only colour
    assert console._plain("[bold]x") is None  # unclosed
    assert console._plain("[bold]x[/bold] y") == "x y"

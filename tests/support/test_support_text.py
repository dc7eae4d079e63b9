"""foi.support.text and the console: what counts as text, and nothing from data acting on the terminal."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foi.support import console, text


def test_problem_refuses_nul_and_invalid_utf8() -> None:
    assert text.problem("Jane Smith") is None
    assert "NUL" in (text.problem("Jane\x00") or "")
    assert "not valid UTF-8" in (text.problem("Jane \udcff") or "")


def test_clean_removes_controls_and_bidi_but_keeps_line_breaks() -> None:
    assert text.clean("a\x1b[2Jb\u202ec\nd\te") == ("a[2Jbc\nd\te", ["U+001B", "U+202E"])
    assert text.clean("plain") == ("plain", [])


def test_shown_escapes_what_would_act() -> None:
    assert text.shown("a\x1b]0;t\x07b\u202e\n") == "a\\x1b]0;t\\x07b\\u202e\n"
    assert text.shown("a\nb", keep_newlines=False) == "a\\x0ab"


def test_errors_and_tables_print_data_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    console.error("bad \x1b[2J name [bold]x[/]")
    console.table([["[/]", "[link=file:///etc/passwd]x[/link]", "\x1b]0;t\x07"]], ["id", "name", "x"])
    captured = capsys.readouterr()
    assert captured.err == "Error: bad \\x1b[2J name [bold]x[/]\n"
    assert "[/]" in captured.out and "[link=file:///etc/passwd]x[/link]" in captured.out
    assert "\x1b" not in captured.out and "\\x1b]0;t\\x07" in captured.out


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(["\x7f", "\x85", "\u202e", "\u2028", "\ufeff"])))
def test_json_shown_escaped_is_still_the_same_json(value: str) -> None:
    document = json.dumps({"name": value}, ensure_ascii=False)
    assert json.loads(text.shown(document)) == {"name": value}


@given(st.text(alphabet=st.characters() | st.sampled_from(["\x1b", "\x7f", "\x85", "\u202e", "\u2066", "\u2028", "\ufeff", "\n", "\r", "\t"])))
def test_shown_takes_its_shortcut_only_when_no_character_would_change(value: str) -> None:
    """shown returns printable text as it is: the same as escaping character by character."""
    slow = "".join(text.shown(ch) for ch in value)  # one character at a time never takes the shortcut...
    assert text.shown(value) == slow  # ...unless it is printable, where nothing is escaped anyway


def test_styled_output_never_turns_codes_into_emoji(capsys: pytest.CaptureFixture[str]) -> None:
    """rich reads ":100:" as an emoji code: a finding on line 100 must still say letter.txt:100:5."""
    console.styled("[bold]letter.txt:100:5[/bold] and :smile:")
    assert capsys.readouterr().out == "letter.txt:100:5 and :smile:\n"


# Every character kind the fast paths must tell apart: printable text in any script, the controls and
# bidi overrides that are removed, the line breaks and tabs that are kept, NUL and lone surrogates that
# are refused, and unprintable characters that are neither (a no-break space, a format character).
_AWKWARD = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\n", "\r", "\t", "\u00a0", "\u200b", "\u202a", "\u202e",
            "\u2066", "\u2069", "\u2028", "\u2029", "\ufeff", "\ud800", "\udcff", "\U0001f600", "\U000e0001"]
ANY_TEXT = st.text(alphabet=st.characters() | st.sampled_from(_AWKWARD))


def _problem_by_character(value: str) -> str | None:
    """text.problem as it was before its shortcut: every character looked at."""
    if "\x00" in value:
        return "it contains a NUL byte, which is not text: retype it"
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        return "it is not valid UTF-8 text: retype it in a UTF-8 terminal or file"
    return None


def _clean_by_character(value: str) -> tuple[str, list[str]]:
    """text.clean as it was before its shortcut: every character looked at."""
    removed = sorted({f"U+{ord(ch):04X}" for ch in value if text._removable(ch)})
    if not removed:
        return value, []
    return "".join(ch for ch in value if not text._removable(ch)), removed


@given(ANY_TEXT)
def test_problem_and_clean_take_their_shortcut_only_when_no_character_matters(value: str) -> None:
    assert text.problem(value) == _problem_by_character(value)
    assert text.clean(value) == _clean_by_character(value)
    if text.plain(value):
        assert not any(text._removable(ch) for ch in value)


@pytest.mark.parametrize("value", ["", "Jane Smith", "Siân Llewelyn", "1 High St\nEly\r\n\tCB7", "Zoë\u00a0Ward"])
def test_plain_text_is_returned_as_it_is(value: str) -> None:
    assert text.problem(value) is None
    assert text.clean(value) == (value, [])
    assert text.clean(value)[0] is value

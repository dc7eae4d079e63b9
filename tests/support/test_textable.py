"""Tables drawn as text: rich's look, fitted to a terminal, whole lines into a pipe."""

from __future__ import annotations

import pytest

from foi.support import console, textable

HEADERS = ["ID", "Status", "Body"]
ROWS = [["1", "overdue (3 wd)", "Department for Work and Pensions"], ["22", "waiting response", "Hackney"]]


def test_natural_widths_draw_rich_s_box() -> None:
    assert textable.render(HEADERS, ROWS, width=None) == (
        "┏━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓\n"
        "┃ ID ┃ Status           ┃ Body                             ┃\n"
        "┡━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩\n"
        "│ 1  │ overdue (3 wd)   │ Department for Work and Pensions │\n"
        "│ 22 │ waiting response │ Hackney                          │\n"
        "└────┴──────────────────┴──────────────────────────────────┘\n"
    )


def test_a_narrow_terminal_wraps_between_words_and_keeps_ids_whole() -> None:
    text = textable.render(HEADERS, ROWS, width=40)
    lines = text.splitlines()
    assert all(textable.width_of(line) <= 40 for line in lines)
    # The widest columns give way first, down to their longest word: no word is cut.
    assert lines[3:6] == ["│ 1  │ overdue (3 wd) │ Department for │",
                          "│    │                │ Work and       │",
                          "│    │                │ Pensions       │"]
    assert "│ 22 │ waiting        │ Hackney        │" in lines


def test_a_word_longer_than_its_column_is_folded() -> None:
    assert textable.wrap("provider-data-access now", 8) == ["provider", "-data-ac", "cess now"]


def test_wide_characters_take_two_cells() -> None:
    assert textable.width_of("福祉") == 4 and textable.width_of("Caerdydd") == 8
    assert textable.width_of("e\u0301") == 1  # e and a combining acute accent
    table = textable.render(["名前"], [["福祉事務所"]], width=None)
    assert "┃ 名前       ┃" in table and "│ 福祉事務所 │" in table


def test_red_rows_only_where_colour_is_shown() -> None:
    coloured = textable.render(HEADERS, ROWS, width=None, red_rows={0}, colour=True)
    red_line = next(line for line in coloured.splitlines() if "overdue" in line)
    plain_line = next(line for line in coloured.splitlines() if "Hackney" in line)
    assert textable.RED in red_line and "\x1b" not in plain_line
    assert "\x1b" not in textable.render(HEADERS, ROWS, width=None, red_rows={0})


def test_ascii_box_for_a_terminal_that_cannot_draw_one() -> None:
    text = textable.render(HEADERS, ROWS, width=None, ascii_only=True)
    assert text.isascii() and text.splitlines()[0].startswith("+----+")


def test_console_table_into_a_pipe_is_one_line_a_row_without_colour(capsys: pytest.CaptureFixture[str],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "")
    monkeypatch.setenv("COLUMNS", "30")  # a terminal's width; a pipe has none
    console.table([["1", "a body with a very long name indeed, longer than thirty columns"]], ["ID", "Body"],
                  red_rows={0})
    out = capsys.readouterr().out
    assert "│ 1  │ a body with a very long name indeed, longer than thirty columns │" in out
    assert "\x1b" not in out

"""Tables drawn as plain lines of text: the look of rich's default table, without its cost.

rich lays a table out cell by cell through its whole rendering machinery: for `foi track list` of
1,000 requests that took two to three seconds, most of the command. A listing needs far less: column
widths, words wrapped to fit, a box around them and, on a colour terminal, some rows in red. Cells
are already plain text here (console.table escapes them); nothing in them is read as markup.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Iterator, Sequence

# rich's default box (HEAVY_HEAD), and the same shape in ASCII for a terminal that cannot show it.
_UNICODE = ("┏━┳┓", "┃┃┃", "┡━╇┩", "│││", "└─┴┘")
_ASCII = ("+-++", "|||", "+=++", "|||", "+-++")
_NARROWEST = 4  # a column folded narrower than this is unreadable: the table overflows instead
RED, BOLD, RESET = "\x1b[1;31m", "\x1b[1m", "\x1b[0m"


def width_of(text: str) -> int:
    """Terminal cells a line takes: wide (East Asian) characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def render(headers: Sequence[str], rows: Sequence[Sequence[str]], *, width: int | None,
           red_rows: Collection[int] = (), colour: bool = False, ascii_only: bool = False) -> str:
    """The table as text, one line per printed line. `width` None: every cell on one line."""
    cells = [[_lines(cell) for cell in row] for row in rows]
    heads = [_lines(header) for header in headers]
    natural = natural_widths(heads, cells)
    widths = natural if width is None else fit(natural, word_widths(heads, cells), width)
    box = _ASCII if ascii_only else _UNICODE
    out = [_rule(box[0], widths)]
    out += _row_lines(heads, widths, box[1], BOLD if colour else "")
    out.append(_rule(box[2], widths))
    for index, row in enumerate(cells):
        out += _row_lines(row, widths, box[3], RED if colour and index in red_rows else "")
    out.append(_rule(box[4], widths))
    return "\n".join(out) + "\n"


def natural_widths(heads: list[list[str]], cells: list[list[list[str]]]) -> list[int]:
    """Each column's width with nothing wrapped: its widest line, header included."""
    return _widest(heads, cells, lambda line: [line])


def word_widths(heads: list[list[str]], cells: list[list[list[str]]]) -> list[int]:
    """Each column's narrowest width that breaks no word: its longest word."""
    return _widest(heads, cells, lambda line: line.split(" "))


def _widest(heads: list[list[str]], cells: list[list[list[str]]],
            pieces: Callable[[str], list[str]]) -> list[int]:
    widths = [0] * len(heads)
    for row in (heads, *cells):
        for column, lines in enumerate(row):
            for line in lines:
                widths[column] = max(widths[column], *map(width_of, pieces(line)))
    return widths


def fit(natural: list[int], words: list[int], width: int) -> list[int]:
    """Narrow columns until the table fits `width`: first the widest that can wrap between words,
    then, if that is not enough, the widest of the rest (folding words), never the first (ids)."""
    fitted = list(natural)
    excess = sum(fitted) + 3 * len(fitted) + 1 - width
    for floor in (words, [_NARROWEST] * len(fitted)):
        while excess > 0:
            movable = [c for c in range(1, len(fitted)) if fitted[c] > max(floor[c], _NARROWEST)]
            if not movable:
                break
            column = max(movable, key=fitted.__getitem__)
            fitted[column] -= 1
            excess -= 1
    return fitted


def _lines(cell: str) -> list[str]:
    return cell.replace("\t", " ").split("\n") or [""]


def _rule(parts: str, widths: list[int]) -> str:
    return parts[0] + parts[2].join(parts[1] * (w + 2) for w in widths) + parts[3]


def _row_lines(row: list[list[str]], widths: list[int], bars: str, style: str) -> Iterator[str]:
    wrapped = [[piece for line in lines for piece in wrap(line, w)] for lines, w in zip(row, widths, strict=True)]
    for index in range(max(map(len, wrapped))):
        texts = [_pad(column[index] if index < len(column) else "", w) for column, w in zip(wrapped, widths, strict=True)]
        if style:
            texts = [f"{style}{text}{RESET}" for text in texts]
        yield bars[0] + bars[1].join(f" {text} " for text in texts) + bars[2]


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - width_of(text))


def wrap(line: str, width: int) -> list[str]:
    """A line broken at spaces to fit `width` cells; a word longer than that is folded."""
    if width_of(line) <= width:
        return [line]
    out: list[str] = []
    current = ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if width_of(candidate) <= width:
            current = candidate
            continue
        if current:
            out.append(current)
        current = ""
        for piece in _fold(word, width):
            out.append(piece)
        current = out.pop() if out and width_of(out[-1]) < width else current
    if current:
        out.append(current)
    return out or [""]


def _fold(word: str, width: int) -> Iterator[str]:
    piece = ""
    for ch in word:
        if width_of(piece + ch) > width and piece:
            yield piece
            piece = ""
        piece += ch
    yield piece

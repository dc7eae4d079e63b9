"""The export formats: each format's name, file extension and writer (a Draft to bytes).

Writers are pure, so the same Draft gives the same bytes in every format and batch can call them
without touching the terminal. What a person must be told about a format (no email address in the
directory, that WhatDoTheyKnow publishes everything) comes from `notices`, for the caller to print.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from foi.export.notice import Notice
from foi.letter import markup
from foi.letter.drafting import Draft
from foi.support.errors import UsageProblem


def text(draft: Draft) -> bytes:
    """Plain text wrapped at 72 columns: for posting, pasting or printing."""
    return markup.to_text(draft.blocks).encode("utf-8")


def markdown(draft: Draft) -> bytes:
    """Markdown, as the templates write it."""
    return markup.to_markdown(draft.blocks).encode("utf-8")


# The writers of the other formats are imported when first used: a text letter never loads them.
def _html(draft: Draft) -> bytes:
    from foi.export import html_page

    return html_page.write(draft)


def _docx(draft: Draft) -> bytes:
    from foi.export import docx_letter

    return docx_letter.write(draft)


def _eml(draft: Draft) -> bytes:
    from foi.export import eml

    return eml.write(draft)


def _eml_notices(draft: Draft) -> list[Notice]:
    from foi.export import eml

    return eml.notices(draft)


def _wdtk(draft: Draft) -> bytes:
    from foi.export import wdtk

    return wdtk.write(draft)


def _wdtk_notices(draft: Draft) -> list[Notice]:
    from foi.export import wdtk

    return wdtk.notices(draft)


def _no_notices(draft: Draft) -> list[Notice]:
    return []


def _always(draft: Draft) -> bool:
    return True


def _published(draft: Draft) -> bool:
    """WhatDoTheyKnow publishes everything, so it is no place for a request for one's own data."""
    return draft.regime.kind != "sar"


@dataclass(frozen=True)
class Format:
    """One export format."""

    name: str
    extension: str
    write: Callable[[Draft], bytes]
    binary: bool = False
    notices: Callable[[Draft], list[Notice]] = _no_notices
    applies: Callable[[Draft], bool] = _always
    """Whether `all` includes this format for a draft (asked for by name, the writer explains a refusal)."""


_ALL = (
    Format("text", ".txt", text),
    Format("markdown", ".md", markdown),
    Format("html", ".html", _html),
    Format("docx", ".docx", _docx, binary=True),
    Format("eml", ".eml", _eml, notices=_eml_notices),
    # .wdtk.txt, not .txt: a folder can hold the text letter and the WhatDoTheyKnow body side by side.
    Format("wdtk", ".wdtk.txt", _wdtk, notices=_wdtk_notices, applies=_published),
)
REGISTRY: dict[str, Format] = {f.name: f for f in _ALL}
FORMATS: tuple[str, ...] = tuple(REGISTRY)
EXTENSIONS: dict[str, str] = {f.name: f.extension for f in _ALL}
WRITERS: dict[str, Callable[[Draft], bytes]] = {f.name: f.write for f in _ALL}
ALL = "all"


def render(draft: Draft, fmt: str) -> bytes:
    """The letter in one format."""
    return REGISTRY[fmt].write(draft)


def notices(draft: Draft, fmt: str) -> list[Notice]:
    """What to tell the person about the letter in this format (printed on stderr, never in the file)."""
    return REGISTRY[fmt].notices(draft)


def choose(names: list[str], draft: Draft | None = None) -> list[str]:
    """The formats asked for by --format (repeatable, or `all`), in order, each once.

    Without a draft this only checks the names. With one, `all` means every format that applies to
    it: a subject access request gets no WhatDoTheyKnow text.
    """
    chosen: list[str] = []
    for name in names:
        if name == ALL:
            wanted = [f.name for f in _ALL if draft is None or f.applies(draft)]
        elif name in REGISTRY:
            wanted = [name]
        else:
            raise UsageProblem(f"--format {name}: use one of {', '.join(FORMATS)}, or {ALL}")
        chosen += [fmt for fmt in wanted if fmt not in chosen]
    return chosen

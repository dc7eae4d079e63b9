"""The HTML page read back with html.parser: standalone, printable on A4, a real list, nothing external."""

from __future__ import annotations

from html.parser import HTMLParser

from export_support import make_draft

from foi.export import registry


class Page(HTMLParser):
    """Every start tag with its attributes, the text of each element, and the stylesheet."""

    def __init__(self, data: bytes) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: dict[str, list[str]] = {}
        self.style = ""
        self.feed(data.decode("utf-8"))
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "meta"):
            self.stack.append(tag)
            self.text.setdefault(tag, []).append("")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.stack:
            return
        tag = self.stack[-1]
        self.text[tag][-1] += data
        if tag == "style":
            self.style += data

    def names(self) -> list[str]:
        return [tag for tag, _ in self.tags]


def test_standalone_printable_page() -> None:
    data = registry.render(make_draft(), "html")
    page = Page(data)
    assert data.startswith(b"<!DOCTYPE html>\n")
    assert page.stack == []  # every element closed
    assert page.names().count("ol") == 1 and page.names().count("li") == 5
    assert page.text["li"][0].startswith("Any data-sharing agreement")
    assert page.text["title"] == ["Freedom of Information request - A4e staff's access to claimant records"]
    assert page.text["h1"] == ["Freedom of Information request"]
    assert page.text["strong"] == ["A4e staff's access to claimant records"]
    assert ("meta", {"charset": "utf-8"}) in page.tags
    assert ("html", {"lang": "en-GB"}) in page.tags
    assert "@page { size: A4;" in page.style and "@media print" in page.style


def test_nothing_loaded_from_elsewhere() -> None:
    page = Page(registry.render(make_draft(), "html"))
    assert not {"script", "link", "img", "iframe", "object", "embed", "a"} & set(page.names())
    assert all(name not in attrs for _, attrs in page.tags for name in ("src", "href", "srcset"))
    assert "url(" not in page.style and "@import" not in page.style


def test_welsh_names_and_kept_lines() -> None:
    page = Page(registry.render(make_draft(), "html"))
    paragraphs = page.text["p"]
    assert "Siân Llŷr\nfor Canolfan Gyngor Gwenllïan\nFflat 2, 14 Heol y Frenhines\nCaerdydd CF10 2BH\n" \
           "sian.llyr@example.org" in paragraphs
    assert page.names().count("br") == 4 + 4  # the body's address (5 lines) and the signature (5 lines)


def test_what_a_person_typed_is_text_not_markup() -> None:
    data = registry.render(make_draft(provider='A4e <script>alert("x")</script> & Co'), "html")
    page = Page(data)
    assert "script" not in page.names()
    assert any('A4e <script>alert("x")</script> & Co' in text for text in page.text["li"])
    assert b"&lt;script&gt;" in data

"""patterns.any_of gathers a list of fragments under their first letters (foi/checks/patterns.py): the
pattern must match exactly what the plain list matches, where and as it does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_patterns import CORPUS

from foi.checks.patterns import _plain_start, any_of
from foi.checks.tone import EMOTIVE_WORDS
from foi.support.paths import DATA_DIR
from foi.support.yamlio import read

LISTS = {"EMOTIVE_WORDS": EMOTIVE_WORDS,
         **{name: list(entries) for name, entries in read(DATA_DIR / "check_words.yaml").items()
            if isinstance(entries, list)}}
TRICKY = ["ab|cd", "a(b)c", "a?bc", "a*", "a{2}b", "[ab]c", "\\bword", "(?:are|were) lying",
          "a[|]b", "a[]|]b", "a[^]|]b", "x\\|y", "a(?:b|c)d", "a(?=b)", "a(?<=a)b", "a(?!b|c)"]


def _plain(entries: list[str]) -> str:
    return "(?:" + "|".join(f"(?:{entry})" for entry in entries) + ")"


def _matches(source: str, flags: int, text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in re.finditer(source, text, flags)]


@pytest.mark.parametrize(("entry", "plain"), [
    ("disgrace(?:ful)?", True), ("shame\\s+on", True), ("f[u*]ck\\w*", True), ("a[|]b", True),
    ("a[]|]b", True), ("a[^]|]b", True), ("x\\|y", True), ("a(?:b|c)d", True), ("a(?=b)", True),
    ("a(?<=a)b", True), ("a(?!b|c)", True), ("corrupt(?!\\s+(?:data|files?))", True),
    ("ab|cd", False), ("a(b)c", False), ("a(?P<x>b)", False), ("a?bc", False), ("a*", False), ("a{2}b", False),
    ("[ab]c", False), ("\\bword", False), ("(?:are|were) lying", False), ("", False), ("\u00e9t\u00e9", False),
])
def test_which_fragments_can_be_gathered(entry: str, plain: bool) -> None:
    assert _plain_start(entry) is plain


def test_the_heated_words_and_a_word_list_are_gathered() -> None:
    assert any_of(EMOTIVE_WORDS, re.IGNORECASE).startswith("(?:d(?:")
    assert any_of(LISTS["hostile_openings"], re.IGNORECASE) != _plain(LISTS["hostile_openings"])
    assert any_of(["ab|cd", "ef"]) == _plain(["ab|cd", "ef"])  # one fragment that cannot be: the list as it is


@pytest.mark.parametrize("name", sorted(LISTS))
def test_each_list_matches_as_the_plain_list_on_real_requests(name: str) -> None:
    entries = LISTS[name]
    gathered, plain = rf"\b{any_of(entries, re.IGNORECASE)}\b", rf"\b{_plain(entries)}\b"
    for text in CORPUS:
        assert _matches(gathered, re.IGNORECASE, text) == _matches(plain, re.IGNORECASE, text)


def _words(entries: list[str]) -> list[str]:
    """The letters of each fragment, as text to build sentences from."""
    return [word for entry in entries for word in re.findall(r"[A-Za-z']+", entry.replace("\\s", " "))]


ALL_WORDS = sorted({w for entries in LISTS.values() for w in _words(entries)} | {"Sunday", "data", "me", "off"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted(LISTS))),
       st.lists(st.tuples(st.sampled_from(ALL_WORDS), st.sampled_from([" ", "  ", "-", ", ", "\n", ""]),
                          st.booleans()), max_size=30))
def test_each_list_matches_as_the_plain_list_on_text_made_of_its_words(names: list[str],
                                                                          parts: list[tuple[str, str, bool]]) -> None:
    text = "".join((word.upper() if shout else word) + gap for word, gap, shout in parts)
    for name in names or sorted(LISTS):
        entries = LISTS[name]
        for flags in (re.IGNORECASE, 0):
            assert _matches(rf"\b{any_of(entries, flags)}\b", flags, text) == \
                _matches(rf"\b{_plain(entries)}\b", flags, text), name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["an", "and", "ant", "a", "b", "be", "bee", "An", "AND", "Bee", "x", *TRICKY]),
                min_size=1, max_size=8),
       st.text(alphabet="abcdentxyABDEN |", max_size=40))
def test_any_list_in_any_order_matches_as_the_plain_list(entries: list[str], text: str) -> None:
    for flags in (re.IGNORECASE, 0):
        assert _matches(any_of(entries, flags), flags, text) == _matches(_plain(entries), flags, text)
        assert re.compile(any_of(entries, flags)).groups == re.compile(_plain(entries)).groups


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["an", "and", "ant", "a", "b", "be", "bee", "An", "AND", "Bee", "a(?:n|nd)", "b\\w*"]),
                min_size=1, max_size=6),
       st.text(alphabet="abdentABDEN ", max_size=30))
def test_order_within_a_letter_is_kept(entries: list[str], text: str) -> None:
    """Without word boundaries, "a" before "an" matches "a" of "and": only the first listed may win."""
    for flags in (re.IGNORECASE, 0):
        assert _matches(any_of(entries, flags), flags, text) == _matches(_plain(entries), flags, text)

"""The checker's patterns are compiled on first use and skipped on text that holds none of the strings
they need (foi/checks/patterns.py). Skipping must never lose a match: these tests check the strings
each pattern needs against every match it makes on real requests, the case folding against every
character re reads as an ASCII letter, and that a lazily compiled pattern still fires."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

import foi.checks
from foi.checks import patterns
from foi.checks.patterns import Pattern, fold, needs, pattern
from foi.checks.words import phrases

ROOT = Path(__file__).resolve().parents[2]
LETTERS = Path(__file__).resolve().parent / "check_letters"
WORD_LISTS = ("breakdown_phrases", "fine_time", "case_listing", "hostile_openings", "own_dealings")


def _all_patterns() -> dict[str, Pattern]:
    """Every pattern the rules use: module-level ones, those in dicts and tuples, and the word lists."""
    found: dict[str, Pattern] = {}

    def add(name: str, value: object) -> None:
        if isinstance(value, Pattern):
            found[name] = value
        elif isinstance(value, dict):
            for key, item in value.items():
                add(f"{name}[{key}]", item)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                add(f"{name}[{index}]", item)

    for info in pkgutil.iter_modules(foi.checks.__path__):
        module = importlib.import_module(f"foi.checks.{info.name}")
        for name, value in vars(module).items():
            add(f"{info.name}.{name}", value)
    for name in WORD_LISTS:
        found[f"phrases({name})"] = phrases(name)
    return found


def _corpus() -> list[str]:
    """Real and invented requests, the test letters and the golden letters: text the rules meet."""
    texts = []
    for path in (ROOT / "evaluation" / "real" / "requests.yaml", ROOT / "evaluation" / "requests.yaml"):
        texts.extend(str(entry["text"]) for entry in yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in sorted(LETTERS.iterdir()) + sorted((ROOT / "tests" / "golden").rglob("*.md")):
        texts.append(path.read_text(encoding="utf-8"))
    flat = [text.replace("\n", " ") for text in texts]
    return texts + flat


ALL = _all_patterns()
CORPUS = _corpus()


def test_every_pattern_is_found() -> None:
    assert len(ALL) > 100
    assert "form._WHY" in ALL and "tone.EMOTIVE" in ALL and "phrases(case_listing)" in ALL


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_match_holds_a_string_the_pattern_needs(name: str) -> None:
    regex = ALL[name]
    wanted = needs(regex.source, regex.flags)
    assert wanted == regex.needs
    if wanted is None:
        return
    assert all(word and word == fold(word) and word.isascii() for word in wanted)
    plain = re.compile(regex.source, regex.flags)
    for text in CORPUS:
        for match in plain.finditer(text):
            if match.group():
                assert any(word in fold(match.group()) for word in wanted), (name, match.group())
            assert regex.possible(text, match.start(), match.end()), (name, match.group())


@pytest.mark.parametrize("name", sorted(ALL))
def test_the_lazy_pattern_answers_as_re_does(name: str) -> None:
    regex = ALL[name]
    plain = re.compile(regex.source, regex.flags)
    rng = random.Random(name)
    for text in rng.sample(CORPUS, 60):
        pos, endpos = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        for args in ((text,), (text, pos), (text, pos, endpos)):
            assert _same(regex.search(*args), plain.search(*args))
            assert _same(regex.match(*args), plain.match(*args))
            assert [m.span() for m in regex.finditer(*args)] == [m.span() for m in plain.finditer(*args)]
            assert regex.findall(*args) == plain.findall(*args)
        assert regex.sub(" ", text) == plain.sub(" ", text)


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a.span() == b.span()
                                         and a.groups() == b.groups())


@pytest.mark.parametrize(("source", "flags", "expected"), [
    (r"\bwhy\b", re.IGNORECASE, {"why"}),
    (r"\b(?:tell|explain)\s+(?:me\s+)?why\b", 0, {"tell", "explain"}),  # the longer words of the two
    (r"yours\s+(faithfully|sincerely)", 0, {"faithfully", "sincerely"}),
    (r"\bFOI(?:SA)?\b", 0, {"foi"}),
    (r"(?<!list\sof\s)\ball\s+records", re.IGNORECASE, {"records"}),
    (r"(?=why)\w+", 0, None),  # a lookahead lies outside the match: it needs nothing
    (r"why|\d+", 0, None),  # one alternative needs no letters
    (r"(?:why)?", 0, None),  # may match nothing at all
    (r"X{3,}", 0, {"xxx"}),  # at least three in a row
    (r"ab{2}c", 0, {"abbc"}),
    (r"_{4,}|\bDD/MM", 0, {"____", "dd/mm"}),
    (r"q{0,2}", 0, None),
    (r"caf\u00e9", 0, {"caf"}),  # letters outside ASCII are not needed strings
    (r"\u201c[^\u201d]+\u201d", 0, None),
])
def test_what_a_pattern_needs(source: str, flags: int, expected: set[str] | None) -> None:
    assert needs(source, flags) == (None if expected is None else frozenset(expected))


def test_fold_turns_every_character_re_reads_as_an_ascii_letter_into_that_letter() -> None:
    letters = "abcdefghijklmnopqrstuvwxyz"
    one_of = re.compile("|".join(f"(?P<{c}>{c})" for c in letters), re.IGNORECASE)
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    matched = {m.group(): m.lastgroup for m in one_of.finditer(everything)}
    assert len(matched) > 52  # the kelvin sign, the long s, dotless i, capital I with a dot
    for char, letter in matched.items():
        assert fold(char) == letter, hex(ord(char))
    assert all(len(fold(chr(c))) == 1 for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_a_pattern_is_skipped_only_where_its_strings_are_missing() -> None:
    regex = pattern(r"\b(?:why|how\s+come)\b", re.IGNORECASE)
    assert regex.search("WHY not?") is not None
    assert regex.search("Wh\u0131ch one?") is None  # dotless i: "whıch" is not "why"
    assert regex.search("HOW  COME") is not None
    assert regex.search("nothing here") is None
    assert regex.search("why", 1) is None and regex.search("so why", 3).span() == (3, 6)
    assert regex.findall("why? why!") == ["why", "why"]
    assert regex.sub("-", "no match") == "no match"
    assert pattern("s", re.IGNORECASE).search("\u017f") is not None  # long s, read as s
    assert pattern("k", re.IGNORECASE).search("\u212a") is not None  # kelvin sign, read as k


def test_a_lazily_compiled_rule_still_fires() -> None:
    """In a fresh process nothing is compiled until a check needs it, and what is compiled then fires."""
    code = textwrap.dedent("""
        from foi.checks import check_text, form, tone
        assert form._WHY._compiled is None and tone.EMOTIVE._compiled is None
        polite = check_text("Please send me the guidance work coaches follow.", body_only=True)
        assert not [f for f in polite if f.rule in ("form/question", "tone/emotive")]
        assert tone.EMOTIVE._compiled is None  # no heated word in the text: never compiled
        rules = {f.rule for f in check_text("Why did the council close the library? This is a disgrace.",
                                            body_only=True)}
        assert {"form/question", "tone/emotive"} <= rules, rules
        assert form._WHY._compiled is not None and tone.EMOTIVE._compiled is not None
    """)
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_fold_of_the_last_text_is_kept_and_renewed() -> None:
    assert patterns._folded("ABC") == "abc"
    assert patterns._folded("DEF") == "def"


def test_the_topic_of_a_text_is_still_the_one_counted_most() -> None:
    """structure._topic counts only the topics whose words are there, and counts none where one is."""
    from foi.checks import structure

    plain = {name: re.compile(regex.source, regex.flags) for name, regex in structure._TOPIC_RES.items()}
    texts = CORPUS + [part for text in CORPUS for part in text.split("\n\n")]
    for text in texts:
        counts = {name: len(regex.findall(text)) for name, regex in plain.items()}
        best = max(counts, key=lambda name: counts[name])
        assert structure._topic(text) == (best if counts[best] else None), text[:80]


def test_letters_the_parser_took_out_of_alternatives_are_put_back() -> None:
    # re's parser turns "\bEnvironmental|\bEIR" into "\bE(?:nvironmental|IR)": both words are needed, not "e".
    assert needs(r"\bEnvironmental\s+Information|\bEIRs?\b") == frozenset({"environmental", "eir"})
    assert needs(r"ab(?:c|\d)") == frozenset({"ab"})


def test_without_the_private_parser_every_pattern_runs_and_answers_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Python whose re package moved its parser: nothing is skipped, nothing found differently."""
    monkeypatch.setattr(patterns, "PARSER", False)
    regex = Pattern(r"\b(?:why|how\s+come)\b", re.IGNORECASE)
    assert regex.needs is None and regex.possible("nothing here")
    assert regex.search("so WHY").span() == (3, 6) and regex.search("nothing here") is None
    assert regex.findall("why? how come") == ["why", "how come"]

"""The checker's regular expressions: compiled on first use, and not run on text that cannot match.

The rules hold well over a hundred patterns, many of them long lists of words. Compiling them all
took longer than checking a short letter, and most of the checking time went on running each one
over every sentence. So a rule writes `pattern(source, flags)` instead of `re.compile`: the first
time the pattern is used, its source is parsed once and read for the words it cannot match
without ("why" for a pattern about "why", one of the phrases of a word list); on text that holds
none of them (compared case-blind) the pattern is not run, and not compiled until some text does.
A match is never missed that way: every match contains one of those words, by the pattern's own
parse (tests/checks/test_patterns.py checks it on every pattern and on real requests).
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Iterator
from itertools import repeat
from typing import Any

from foi.checks import programs

# The parser and compiler of the re package (Python 3.11 to 3.14) are read, not changed: parsing a
# source once serves both to find what it needs and to compile it. They are private: on a Python
# without them every pattern is compiled by re.compile and run on every text, slower but the same.
try:
    import re._compiler  # type: ignore[import-not-found]  # noqa: F401 - programs.py compiles with it
    import re._constants as sre  # type: ignore[import-not-found]
    import re._parser as _parser  # type: ignore[import-not-found]

    _REPEATS: tuple[Any, ...] = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
    PARSER = True
except (ImportError, AttributeError):  # pragma: no cover - a Python that moved them
    PARSER = False

# Characters a case-blind pattern reads as an ASCII letter that lower() does not turn into it: capital
# I with a dot (lower() makes it two characters), dotless i and long s (tests/checks/test_patterns.py
# checks every character against re).
_SPECIAL = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))


def fold(text: str) -> str:
    """text in lower case, with every character a case-blind pattern reads as an ASCII letter turned
    into that letter, and as many characters as text (so offsets stay the same)."""
    if text.isascii():
        return text.lower()
    for char, letter in _SPECIAL:
        text = text.replace(char, letter)
    return text.lower()


_last: tuple[str, str] = ("", "")


def _folded(text: str) -> str:
    """fold(text), kept for the last text: rules run many patterns over the same letter."""
    global _last
    if _last[0] is not text:
        _last = (text, fold(text))
    return _last[1]


Needs = frozenset[str] | None  # one of these strings is in every match; None: no such strings


# How often each character comes in English text, roughly (per thousand); others count as rare.
_COMMON = dict(zip(" etaoinshrdlcumwfgypbvkjxqz", (180, 100, 75, 65, 62, 57, 56, 53, 50, 49, 35, 33, 23,
                                                   23, 20, 19, 18, 16, 16, 15, 12, 8, 6, 2, 2, 1, 1), strict=True))
_SHARE = {char: count / 1000 for char, count in _COMMON.items()}
_RARE = 5 / 1000


def _chance(needed: frozenset[str]) -> float:
    """Roughly how likely a place in a text is to start one of the strings: the lower, the more telling."""
    return sum(math.prod(map(_SHARE.get, word, repeat(_RARE))) for word in needed)


def _repeated_char(op: Any, av: Any) -> tuple[str, int, bool] | None:
    """An ASCII character repeated (x{3,}): the character, the least count, and whether that is all."""
    if op in _REPEATS and len(av[2]) == 1:
        inner_op, inner_av = av[2][0]
        if inner_op is sre.LITERAL and inner_av < 128:
            return chr(inner_av).lower(), av[0], av[0] == av[1]
    return None


def _needs_of_sequence(items: Any) -> Needs:
    """What a sequence of pattern items needs: the rarest of its runs of letters and of what its items
    need (each is needed, so any one is right; the rarest skips the most text)."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        repeated = _repeated_char(op, av) if op in _REPEATS else None
        if repeated and repeated[1] >= 1:  # "X{3,}": at least XXX, next to what comes before
            char, least, exact = repeated
            run.append(char * least)
            if exact:
                continue
        if run:
            prefix = "".join(run)
            candidates.append(frozenset([prefix]))
            if op is sre.BRANCH:  # "\bE(?:nvironmental|I)": the parser took the letters both begin with out
                candidates.append(frozenset(prefix + _leading_letters(alt) for alt in av[1]))
            run = []
        needed = _needs_of_item(op, av)
        if needed is not None:
            candidates.append(needed)
    if run:
        candidates.append(frozenset(["".join(run)]))
    return min(candidates, key=_chance) if candidates else None


def _leading_letters(items: Any) -> str:
    """The ASCII letters a sequence of pattern items begins with, one by one ("" if none)."""
    letters = []
    for op, av in items:
        if op is not sre.LITERAL or av >= 128:
            break
        letters.append(chr(av).lower())
    return "".join(letters)


def _needs_of_item(op: Any, av: Any) -> Needs:
    """What one item needs: a group what its contents need, alternatives the union of theirs."""
    if op is sre.SUBPATTERN:
        return _needs_of_sequence(av[3])
    if op is sre.ATOMIC_GROUP:
        return _needs_of_sequence(av)
    if op is sre.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            needs = _needs_of_sequence(alternative)
            if needs is None:
                return None
            union |= needs
        return frozenset(union)
    if op in _REPEATS and av[0] >= 1:
        return _needs_of_sequence(av[2])
    # Classes, wildcards, anchors, lookarounds (they lie outside the match), back-references.
    return None


def needs(source: str, flags: int = 0) -> Needs:
    """Strings, in lower case, one of which every match of the pattern contains (None: no such strings)."""
    return _needs_of_sequence(_parser.parse(source, flags))


def _parse(source: str, flags: int) -> Any:
    """The parsed pattern."""
    return _parser.parse(source, flags)


class Pattern:
    """A regular expression compiled on first use, skipped on text that holds none of its needs.

    It answers the calls the rules make of a compiled pattern (search, match, fullmatch, finditer,
    findall, sub), with the same arguments and results.
    """

    __slots__ = ("source", "flags", "_tree", "_read", "_needs", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = int(flags)  # as re.compile does: the parser tests flags often, a plain int is faster
        self._tree: Any = None
        self._read = False  # whether the source has been parsed for what it needs
        self._needs: Needs = None
        self._compiled: re.Pattern[str] | None = None

    @property
    def needs(self) -> Needs:
        """Strings one of which every match holds (None: no such strings); parses the source once."""
        if not self._read:
            if PARSER:
                self._read_source()
            self._read = True
        return self._needs

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern, from the parse `needs` made where there was one."""
        if self._compiled is None:
            tree, self._tree = self._tree, None
            if tree is None and self._read and PARSER:  # what it needs was kept, but not its program
                tree = _parse(self.source, self.flags)
            if tree is None:
                self._compiled = re.compile(self.source, self.flags)
            else:
                self._compiled = programs.keep(self.source, self.flags, self._needs, tree)
        return self._compiled

    def _read_source(self) -> None:
        """What the pattern needs, and its program, kept from an earlier run; else its parse (and what it
        needs is kept, so that a pattern no text ever holds the needs of is not parsed on every run)."""
        kept = programs.kept(self.source, self.flags)
        if kept is not None:
            self._needs, self._compiled = kept
            return
        self._tree = _parse(self.source, self.flags)
        self._needs = _needs_of_sequence(self._tree)
        programs.keep_needs(self.source, self.flags, self._needs)

    def possible(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """False only when no match can lie in text[pos:endpos]: it holds none of the needed strings."""
        wanted = self._needs if self._read else self.needs
        if wanted is None:
            return True
        folded = _last[1] if _last[0] is text else _folded(text)
        if pos or endpos < len(text):  # as re reads them: both kept within 0 and len(text)
            folded = folded[min(max(pos, 0), len(text)) : max(endpos, 0)]
        return any(map(folded.__contains__, wanted))

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos) if self.possible(text, pos, endpos) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos) if self.possible(text, pos, endpos) else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, pos, endpos) if self.possible(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos) if self.possible(text, pos, endpos) else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(text, pos, endpos) if self.possible(text, pos, endpos) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.compiled.sub(repl, text, count) if self.possible(text) else text

    def __repr__(self) -> str:
        return f"pattern({self.source!r}, {self.flags!r})"


def any_of(entries: list[str], flags: int = 0) -> str:
    """"(?:e1|e2|...)" for regular-expression fragments, arranged so that re tries fewer of them.

    Where every fragment begins with a plain letter and has no `|` or capturing group of its own, the
    fragments are gathered under their first letter, in their order: "(?:d(?:isgrace|espicable)|s(?:...))".
    It matches exactly what the plain list does, as the plain list does: fragments that begin with
    different letters cannot both match at one place, so only their order within a letter matters, and
    that is kept. It is faster because re checks a letter before entering a group, but enters every
    fragment of a plain list (case-blind, it cannot check the first letter first) at every word.
    Any other list is joined as it is.
    """
    blind = bool(flags & re.IGNORECASE)
    groups: dict[str, list[str]] = {}
    for entry in entries:
        if not _plain_start(entry):
            return "(?:" + "|".join(f"(?:{entry})" for entry in entries) + ")"
        groups.setdefault(entry[0].lower() if blind else entry[0], []).append(entry[1:])
    return "(?:" + "|".join(letter + "(?:" + "|".join(rests) + ")" for letter, rests in groups.items()) + ")"


def _plain_start(entry: str) -> bool:
    """Whether the fragment is a letter followed by the rest of one sequence: no `|` outside a group, no
    capturing group (the numbers of groups would change), the letter not repeated or made optional."""
    if not (entry[:1].isascii() and entry[:1].isalpha()) or entry[1:2] in ("?", "*", "+", "{"):
        return False
    depth, index, in_class = 0, 0, False
    while index < len(entry):
        char = entry[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 1 + len(entry[index + 1 : index + 3]) if entry[index + 1 : index + 3] == "^]" else \
                2 if entry[index + 1 : index + 2] == "]" else 1  # "[]...]", "[^]...]": that ] is a member
            continue
        elif char == "(":
            if entry[index + 1 : index + 2] != "?" or entry[index + 2 : index + 3] in ("P", "<") and \
                    entry[index + 2 : index + 4] not in ("<=", "<!"):
                return False  # a capturing group, named or not
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
        index += 1
    return True


def pattern(source: str, flags: int = 0) -> Pattern:
    """A pattern compiled on first use (see the module docstring); flags as for re.compile."""
    return Pattern(source, flags)

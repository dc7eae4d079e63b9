"""Words the checker matches: capitals versus acronyms, and the word lists kept as data (foi/data/check_words.yaml)."""

from __future__ import annotations

import re
from functools import cache

from foi.checks.patterns import Pattern, any_of, pattern

# Short or vowel-poor words people write in capitals for emphasis.
COMMON_CAPS = frozenset(["NOT", "NO", "ALL", "ANY", "AND", "THE", "YOU", "YOUR", "WHY", "NOW", "MY", "ME", "WE", "OR", "IF", "SO", "TO", "OF", "IN", "ON", "AT", "BY", "IS", "IT", "BE", "DO", "UP", "HOW", "WHO", "FOR", "HAS", "HAD", "WAS", "WHAT", "WILL", "MUST", "STILL", "NEVER", "AGAIN", "ALWAYS", "ONLY", "JUST", "VERY", "FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "TIME", "TIMES", "PLEASE", "URGENT", "IMMEDIATELY", "TRUTH", "LIES", "WRONG", "RIGHT", "HELP", "STOP", "DEMAND", "REFUSE", "LEGAL", "ILLEGAL"])


def wordlike(token: str) -> bool:
    """True for an English word in capitals, False for an acronym.

    English words have two or more vowels and no run of three consonants except at the start
    (after folding digraphs such as TH and NG into one letter); common short words are listed.
    """
    if token in COMMON_CAPS:
        return True
    folded = re.sub(r"TH|SH|CH|PH|GH|NG|CK|WH|QU", "C", token)
    if len(token) < 4 or len(re.findall(r"[AEIOUY]", folded)) < 2:
        return False
    return all(run.start() == 0 for run in re.finditer(r"[^AEIOUY]{3,}", folded))


WORD_LISTS = "check_words.yaml"


@cache
def phrases(name: str) -> Pattern:
    """One of the word lists in foi/data/check_words.yaml, as a single case-blind pattern.

    The lists are data so that a phrase found in a real refused request can be added without
    touching a rule; each entry is a regular-expression fragment matched on word boundaries.
    """
    from foi.support.paths import DATA_DIR
    from foi.support.yamlio import read

    entries = read(DATA_DIR / WORD_LISTS)[name]
    return pattern(r"\b" + any_of(list(entries), re.IGNORECASE) + r"\b", re.IGNORECASE)

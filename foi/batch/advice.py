"""What an adviser should hear about a batch before sending it, gathered as the rows go by.

* The same request twice to one body for the same person: a duplicate row.
* The same request to one body for several people: the body may add them together for the cost limit
  (FOIA s.12(4) and the fees regulations; foi/data/aggregation.yaml), so suggest staggering them.
* A period that ends after the letter's date (nothing held yet for the rest of it), and any letter the
  checker questions (a body that does not hold the subject, a period outside a programme's life...).

Only a 64-bit fingerprint and a row number are kept per letter, so memory stays small.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from foi.batch.seen import Seen
from foi.support.dates import long_date
from foi.support.paths import DATA_DIR

SHOWN = 5  # row numbers named in one warning; the rest are counted


def fingerprint(*parts: Any) -> int:
    """A 64-bit digest of values: equal values give equal digests; the values themselves are not kept."""
    return int.from_bytes(hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=8).digest(), "big")


@dataclass
class Group:
    """Rows that share something: the first few row numbers, and how many there are."""

    rows: list[int] = field(default_factory=list)
    count: int = 0
    people: int = 1  # different people among them (counted up to 2: "several")
    about: tuple[str, str] = ("", "")  # the body's name and the regime, for the warning

    def add(self, row: int) -> None:
        if len(self.rows) < SHOWN:
            self.rows.append(row)
        self.count += 1


@lru_cache(maxsize=1)
def _aggregation() -> dict[str, Any]:
    from foi.support import yamlio

    return dict(yamlio.read(DATA_DIR / "aggregation.yaml"))


def rows_text(group: Group, unit: str) -> str:
    """ "rows 2 and 3", "rows 2, 5, 7, 9, 11 and 40 more"."""
    shown = [str(r) for r in group.rows]
    if group.count > len(shown):
        return f"{unit}s {', '.join(shown)} and {group.count - len(shown)} more"
    if len(shown) == 1:
        return f"{unit} {shown[0]}"
    return f"{unit}s {', '.join(shown[:-1])} and {shown[-1]}"


class Adviser:
    """Collects the warnings for a batch, row by row, in memory that does not grow with the rows:
    fingerprints of every request are kept compactly (`Seen`); groups only for repeated ones."""

    def __init__(self, unit: str = "row") -> None:
        self.unit = unit
        self.requests = Seen()  # a body and a request (answers that are not personal)
        self.letters = Seen()  # the same, and whose it is
        self.duplicates: dict[int, Group] = {}
        self.campaigns: dict[int, Group] = {}
        self.questioned: dict[str, Group] = {}
        self.messages: dict[str, str] = {}
        self._requests: dict[Any, int] = {}

    def add(self, row: int, body_id: str, body: str, regime: str, scenario: str,
            answers: dict[str, Any], personal: Iterable[str]) -> int:
        """Note one letter: its body, its request (answers that are not personal) and whose it is.

        Returns the request's fingerprint: letters with the same one differ only in whose they are."""
        personal = set(personal)
        same_request = self._request(body_id, scenario, {k: v for k, v in answers.items() if k not in personal})
        who = sorted((k, repr(answers[k])) for k in personal if k in answers)
        same_letter = fingerprint(same_request, who)
        first_request = self.requests.first(same_request, row)
        first_letter = self.letters.first(same_letter, row)
        if first_letter is not None:
            self._group(self.duplicates, same_letter, first_letter).add(row)
        if first_request is not None:
            group = self._group(self.campaigns, same_request, first_request, (body, regime))
            group.add(row)
            if first_letter is None:
                group.people = 2
        return same_request

    def _request(self, body_id: str, scenario: str, request: dict[str, Any]) -> int:
        """The request's fingerprint, worked out once for the many letters of a batch that send it."""
        try:  # each answer's type too: 1, 1.0 and True are equal, and equal keys, but print differently
            key = (body_id, scenario, tuple(request.items()), tuple(map(type, request.values())))
            known = self._requests.get(key)
        except TypeError:  # an answer that is a list: worked out every time
            key, known = None, None
        if known is None:
            known = fingerprint(body_id, scenario, sorted((k, repr(v)) for k, v in request.items()))
            if key is not None:
                if len(self._requests) >= 1024:  # all-different requests: keep memory flat
                    self._requests.clear()
                self._requests[key] = known
        return known

    @staticmethod
    def _group(groups: dict[int, Group], key: int, first: int, about: tuple[str, str] = ("", "")) -> Group:
        if key not in groups:
            groups[key] = Group(about=about)
            groups[key].add(first)
        return groups[key]

    def question(self, row: int, reason: str, message: str) -> None:
        """Note a letter that something questions (reason: a short id, such as a checker rule)."""
        self.questioned.setdefault(reason, Group()).add(row)
        self.messages.setdefault(reason, message)

    def period(self, row: int, date_to: date | None, letter_date: date) -> None:
        if date_to is not None and date_to > letter_date:
            self.question(row, "period/future", f"the period ends on {long_date(date_to)}, after the letter's "
                          f"date ({long_date(letter_date)}): nothing is held for the rest of it; end it on or "
                          "before the letter's date")

    def warnings(self) -> list[str]:
        """Every warning, one line each."""
        found = [f"{rows_text(g, self.unit)} are the same request to the same body for the same person: "
                 "the body will answer it once; delete all but one"
                 for g in self.duplicates.values() if g.count > 1]
        found += [self._campaign(group, *group.about) for group in self.campaigns.values() if group.people > 1]
        found += [f"{rows_text(g, self.unit)}: {self.messages[reason]}" for reason, g in self.questioned.items()]
        return found

    def _campaign(self, group: Group, body: str, regime: str) -> str:
        rule = _aggregation().get(regime)
        text = f"{rows_text(group, self.unit)} send the same request to {body} for different people"
        if rule is None:
            return text + ": it may treat them as one request; consider sending one"
        window = rule.get("window")
        within = f", received within {window}" if window else ""
        checked = "" if rule.get("verified") else ", not checked against the regulation's text"
        apart = f"more than {window} apart" if window else "well apart"
        return (f"{text}: it may count them as one request for the cost limit ({rule['who']}{within}: "
                f"{rule['rule']}{checked}) and refuse them all; send them {apart}, or as one request")

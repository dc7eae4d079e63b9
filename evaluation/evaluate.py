"""Precision and recall of `foi check`, rule by rule, on real requests and on the team's invented set.

Run from the checkout: `python evaluation/evaluate.py`. It reports three tables, apart:
- the real corpus (evaluation/real/requests.yaml), tune split: the part the rules were tuned on;
- the real corpus, test split: held out, the figure to quote;
- the invented set (evaluation/requests.yaml).
The split is fixed: an entry is in the test split when the SHA-256 of its id, read as a number, is
divisible by 3 (about a third of the entries), so adding entries never moves the old ones.

A rule counts as raised on an entry when it gives a warning or an error there; info findings are
counted apart (the "info" column: expected weaknesses the rule only raised as advice). A weakness
listed under `tolerated` (visible in the words, not punished by the authority) is neither a hit nor a
false alarm. "False alarms" is the share of well-formed requests given any warning or error.
`--write` also writes the figures to evaluation/RESULTS.md; `--verbose` lists every miss and false
alarm. Entries are checked as of 1 July of the year they were made (`asked`), or else as of
23 November 2026, so that "since 2010" means the same on every run.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from foi.checks import ERROR, INFO, RULES, WARNING, check_text  # noqa: E402

LETTER_DATE = date(2026, 11, 23)
REAL = HERE / "real" / "requests.yaml"
INVENTED = HERE / "requests.yaml"
RESULTS = HERE / "RESULTS.md"
TEST_MODULUS = 3


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    info: int = 0  # expected, raised only as info

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Result:
    scores: dict[str, Score]
    overall: Score
    entries: int = 0
    weak_entries: int = 0
    weak_flagged: int = 0  # entries with a weakness that got any warning or error
    clean_total: int = 0
    clean_flagged: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def false_alarm_rate(self) -> float:
        return len(self.clean_flagged) / self.clean_total if self.clean_total else 0.0


def in_test_split(entry_id: str) -> bool:
    """The fixed held-out split: a third of the ids, chosen by their hash, never by hand."""
    return int(hashlib.sha256(entry_id.encode("utf-8")).hexdigest(), 16) % TEST_MODULUS == 0


def load(path: Path) -> list[dict[str, Any]]:
    import yaml

    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in entries:
        unknown = (set(entry["expect"]) | set(entry.get("tolerated", []))) - set(RULES)
        if unknown:
            raise SystemExit(f"{path}: entry {entry['id']}: unknown rule ids {sorted(unknown)}")
    return entries


def run_entry(entry: dict[str, Any]) -> list[Any]:
    """Check one entry as `foi check` would, with its mode and context."""
    from foi.directory.authorities import resolve

    # Real entries name the body for people (`authority`) and give its directory id apart (`authority_id`).
    name = entry.get("authority_id") if "source" in entry else entry.get("authority")
    target = resolve(name) if name else None
    return check_text(
        entry["text"],
        body_only=entry.get("mode", "body") == "body",
        authority=target.authority if target else None,
        provider_named=target.provider if target else None,
        regime=entry.get("regime"),
        # "since 2006 to date" is measured from when the request was made, where the page shows it.
        letter_date=date(entry["asked"], 7, 1) if entry.get("asked") else LETTER_DATE,
    )


def well_formed(entry: dict[str, Any]) -> bool:
    """Real entries say so; in the invented set every entry with nothing expected is well formed."""
    return bool(entry.get("well_formed")) if "well_formed" in entry or "source" in entry else not entry["expect"]


def evaluate(entries: list[dict[str, Any]]) -> Result:
    result = Result({rule_id: Score() for rule_id in RULES}, Score(), entries=len(entries))
    for entry in entries:
        findings = run_entry(entry)
        raised = {f.rule for f in findings if f.severity in (ERROR, WARNING)}
        advised = {f.rule for f in findings if f.severity == INFO} - raised
        _score_entry(result, entry, raised, advised)
    for score in result.scores.values():
        for name in ("tp", "fp", "fn", "info"):
            setattr(result.overall, name, getattr(result.overall, name) + getattr(score, name))
    return result


def _score_entry(result: Result, entry: dict[str, Any], raised: set[str], advised: set[str]) -> None:
    expected, tolerated = set(entry["expect"]), set(entry.get("tolerated", []))
    for rule_id, score in result.scores.items():
        if rule_id in expected and rule_id in raised:
            score.tp += 1
        elif rule_id in expected:
            score.fn += 1
            score.info += rule_id in advised
            result.misses.append(f"{entry['id']}: {rule_id} expected, not raised")
        elif rule_id in raised and rule_id not in tolerated:
            score.fp += 1
            result.false_alarms.append(f"{entry['id']}: {rule_id} raised, not expected")
    if expected:
        result.weak_entries += 1
        result.weak_flagged += bool(raised)
    if well_formed(entry):
        result.clean_total += 1
        if raised:
            result.clean_flagged.append(f"{entry['id']} ({', '.join(sorted(raised))})")


def table(result: Result) -> list[str]:
    """The per-rule table as plain text, rules with nothing to count left out."""
    lines = [f"{'rule':28} {'tp':>4} {'fp':>4} {'fn':>4} {'info':>5} {'precision':>10} {'recall':>8}"]
    for rule_id, s in result.scores.items():
        if s.tp or s.fp or s.fn:
            lines.append(f"{rule_id:28} {s.tp:4} {s.fp:4} {s.fn:4} {s.info:5} {s.precision:10.2f} {s.recall:8.2f}")
    o = result.overall
    lines.append(f"{'overall':28} {o.tp:4} {o.fp:4} {o.fn:4} {o.info:5} {o.precision:10.2f} {o.recall:8.2f}")
    lines.append(f"entries: {result.entries}; entries with a weakness given a warning or error: "
                 f"{result.weak_flagged} of {result.weak_entries}")
    lines.append(f"well-formed entries given a warning or error (false alarms): {len(result.clean_flagged)} "
                 f"of {result.clean_total} ({result.false_alarm_rate:.0%})")
    return lines


def report(result: Result, entries: int, verbose: bool) -> str:
    """One set's table, and with verbose every miss and false alarm."""
    lines = table(result)
    if verbose:
        lines.extend(["", *result.misses, *result.false_alarms,
                      *(f"{i}: well-formed but flagged" for i in result.clean_flagged)])
    return "\n".join(lines)


def sets() -> list[tuple[str, list[dict[str, Any]]]]:
    real = load(REAL)
    return [
        ("Real requests, tune split", [e for e in real if not in_test_split(e["id"])]),
        ("Real requests, test split (held out)", [e for e in real if in_test_split(e["id"])]),
        ("Invented set", load(INVENTED)),
    ]


def markdown(named: list[tuple[str, Result]]) -> str:
    """RESULTS.md: the three tables, with how they were measured."""
    out = ["# `foi check`: measured figures", "",
           "Written by `python evaluation/evaluate.py --write`; do not edit by hand. A rule counts when it "
           "gives a warning or an error; `info` counts weaknesses a rule only raised as advice. The test "
           "split is the real entries whose id's SHA-256 is divisible by 3; the rules were tuned on the "
           "rest. See evaluation/real/README.md for the corpus and its labels.", ""]
    for title, result in named:
        o = result.overall
        out += [f"## {title}", "",
                f"Recall {o.recall:.2f}, precision {o.precision:.2f} at warning level; "
                f"false alarms on {len(result.clean_flagged)} of {result.clean_total} well-formed requests "
                f"({result.false_alarm_rate:.0%}).", "", "```", *table(result), "```", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--file", type=Path, help="check one set in either layout instead of the three")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--write", action="store_true", help=f"also write {RESULTS.relative_to(HERE.parent)}")
    args = parser.parse_args(argv)
    chosen = [(str(args.file), load(args.file))] if args.file else sets()
    named = [(title, evaluate(entries)) for title, entries in chosen]
    for title, result in named:
        print(f"== {title}")
        print(report(result, result.entries, args.verbose))
        print()
    if args.write:
        RESULTS.write_text(markdown(named), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

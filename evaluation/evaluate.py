"""Precision and recall of `foi check`, rule by rule, on the team's evaluation set.

Run from the checkout: `python evaluation/evaluate.py` (add `--verbose` to list every miss and
false alarm, `--file PATH` for another set in the same layout). A rule counts as raised on an entry
whatever its severity; the "false alarms" line counts well-formed entries (expect: []) that get
any warning or error, which is the figure that matters most to a person with a good request.
Every entry is checked as of 23 November 2026 so that "since 2010" means the same on every run.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from foi.checks import ERROR, RULES, WARNING, check_text  # noqa: E402 (after the path insert)

LETTER_DATE = date(2026, 11, 23)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

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
    clean_total: int
    clean_flagged: list[str]
    misses: list[str]
    false_alarms: list[str]


def load(path: Path) -> list[dict[str, Any]]:
    import yaml

    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in entries:
        unknown = set(entry["expect"]) - set(RULES)
        if unknown:
            raise SystemExit(f"{path}: entry {entry['id']}: unknown rule ids {sorted(unknown)}")
    return entries


def run_entry(entry: dict[str, Any]) -> list[Any]:
    """Check one entry as `foi check` would, with its mode and context."""
    from foi.directory.authorities import resolve

    target = resolve(entry["authority"]) if entry.get("authority") else None
    return check_text(
        entry["text"],
        body_only=entry.get("mode", "body") == "body",
        authority=target.authority if target else None,
        provider_named=target.provider if target else None,
        regime=entry.get("regime"),
        letter_date=LETTER_DATE,
    )


def evaluate(entries: list[dict[str, Any]]) -> Result:
    scores = {rule_id: Score() for rule_id in RULES}
    result = Result(scores, Score(), 0, [], [], [])
    for entry in entries:
        findings = run_entry(entry)
        raised = {f.rule for f in findings}
        expected = set(entry["expect"])
        for rule_id in RULES:
            score = scores[rule_id]
            if rule_id in raised and rule_id in expected:
                score.tp += 1
            elif rule_id in raised:
                score.fp += 1
                result.false_alarms.append(f"{entry['id']}: {rule_id} raised, not expected")
            elif rule_id in expected:
                score.fn += 1
                result.misses.append(f"{entry['id']}: {rule_id} expected, not raised")
        if not expected:
            result.clean_total += 1
            if any(f.severity in (ERROR, WARNING) for f in findings):
                result.clean_flagged.append(entry["id"])
    for score in scores.values():
        result.overall.tp += score.tp
        result.overall.fp += score.fp
        result.overall.fn += score.fn
    return result


def report(result: Result, entries: int, verbose: bool) -> str:
    lines = [f"{'rule':28} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}"]
    for rule_id, s in sorted(result.scores.items()):
        lines.append(f"{rule_id:28} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:10.2f} {s.recall:8.2f}")
    o = result.overall
    lines.append(f"{'overall':28} {o.tp:4} {o.fp:4} {o.fn:4} {o.precision:10.2f} {o.recall:8.2f}")
    lines.append(f"entries: {entries}; well-formed entries given a warning or error (false alarms): "
                 f"{len(result.clean_flagged)} of {result.clean_total}")
    if verbose:
        lines.extend(["", *result.misses, *result.false_alarms,
                      *(f"{i}: well-formed but flagged" for i in result.clean_flagged)])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=HERE / "requests.yaml")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    entries = load(args.file)
    print(report(evaluate(entries), len(entries), args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

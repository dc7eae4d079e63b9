"""Speed and memory of the things users wait for.

Targets (checked here, not in timed tests):
- `foi --help` starts in under 0.5 s (median of 7 runs): claimants run it first.
- drafting one letter in-process takes under 50 ms once warm: an adviser's batch of 300 rows is
  then well under a minute of drafting.
- peak memory while drafting 300 letters stays under 150 MiB.

Run `python benchmarks/bench.py` (add `--write` to record the figures in benchmarks/RESULTS.md).
Exits 1 when a target is missed.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HELP_TARGET_S = 0.5
LETTER_TARGET_S = 0.050
MEMORY_TARGET_MIB = 150
LETTERS = 300


def startup_seconds(runs: int = 7) -> float:
    """Median wall time of `python -m foi --help` in a new process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "foi", "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def drafting_seconds(letters: int = LETTERS) -> float:
    """Mean time to gather answers, draft and render one letter, after one warm-up letter."""
    from foi.export import registry
    from foi.letter import drafting
    from foi.request import intake
    from foi.request.answers import Source

    def one(n: int) -> bytes:
        values = {"scenario": "provider-data-access", "authority": "dwp", "provider": f"Provider {n}",
                  "name": "Jane Smith", "email": "jane.smith@example.org", "office": f"Office {n}"}
        taken = intake.collect([Source("row", values)], letter_date=date(2026, 11, 23), asker=None)
        return registry.render(drafting.build(taken), "text")

    one(0)
    start = time.perf_counter()
    for n in range(letters):
        one(n)
    return (time.perf_counter() - start) / letters


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    help_s = startup_seconds()
    letter_s = drafting_seconds()
    memory = peak_mib()
    rows = [
        ("`foi --help` start-up (median of 7)", f"{help_s * 1000:.0f} ms", f"< {HELP_TARGET_S * 1000:.0f} ms", help_s < HELP_TARGET_S),
        (f"one letter, mean of {LETTERS}", f"{letter_s * 1000:.1f} ms", f"< {LETTER_TARGET_S * 1000:.0f} ms", letter_s < LETTER_TARGET_S),
        (f"peak memory drafting {LETTERS} letters", f"{memory:.0f} MiB", f"< {MEMORY_TARGET_MIB} MiB", memory < MEMORY_TARGET_MIB),
    ]
    table = ["| measure | result | target | met |", "|---|---|---|---|"]
    table += [f"| {name} | {value} | {target} | {'yes' if ok else 'NO'} |" for name, value, target, ok in rows]
    print("\n".join(table))
    if "--write" in sys.argv:
        out = Path(__file__).with_name("RESULTS.md")
        out.write_text(f"# Benchmark results\n\nPython {sys.version.split()[0]}, {date.today()}.\n\n" + "\n".join(table) + "\n",
                       encoding="utf-8")
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())

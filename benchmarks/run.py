"""How long users wait, measured beside the floor each command cannot beat, in one run.

    python benchmarks/run.py            # the full measurement (a few minutes)
    python benchmarks/run.py --quick    # tiny sizes and few runs: checks the harness works

Each foi command runs as the user runs it (the installed `foi` script, a new process each time),
alternating run by run with its floor so that both see the same machine load:
- `foi --version`, `--help`, `new --no-input` (one letter), `deadline`, `check` (a 5,000-word letter)
  and `track list` (1,000 requests) against a minimal typer app with two commands running one
  (benchmarks/floor_app.py);
- `foi batch` of 10,000 CSV rows to markdown against a bare loop that reads the same rows with csv,
  renders the same template with Jinja2 and writes the same files (benchmarks/floor_batch.py);
- the peak memory (RSS) of `foi batch` at 10,000 and 100,000 rows.
Each time is the median of the runs (min and max beside it); a ratio is foi's median over the
floor's. Everything runs in a temporary folder with its own configuration, cache and tracker, after
one warm-up run of each command (which fills the bank-holiday cache, as any first use does);
foi's modules are byte-compiled first, as pip does when it installs foi.
`foi batch` and `foi track` are measured when the installed foi has them. Exit 0 when everything
ran (with --check: and met its target), 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
LETTER_DATE = "2026-11-02"
# One row of the batch: the same letter `foi new` writes below, to a body of the directory.
ROW = {"authority": "dwp", "scenario": "provider-data-access", "provider": "A4e",
       "name": "Jane Smith", "email": "jane.smith@example.org"}


@dataclass(frozen=True)
class Sizes:
    runs: int
    check_words: int
    tracked: int
    batch_rows: int
    memory_rows: tuple[int, int]


FULL = Sizes(runs=15, check_words=5000, tracked=1000, batch_rows=10_000, memory_rows=(10_000, 100_000))
QUICK = Sizes(runs=3, check_words=500, tracked=20, batch_rows=50, memory_rows=(50, 500))


@dataclass
class Timing:
    """Wall times of one command and its floor, run alternately."""

    name: str
    ours: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    target: float | None = None
    extra: str = ""

    @property
    def ratio(self) -> float:
        return statistics.median(self.ours) / statistics.median(self.floor)


class Failed(Exception):
    """A command the benchmark runs did not do its job."""


# --- running things ------------------------------------------------------------------------------


def foi_command() -> list[str]:
    """The installed `foi` script beside this Python, as users run it; else `python -m foi`."""
    script = Path(sys.executable).with_name("foi")
    return [str(script)] if script.exists() else [sys.executable, "-m", "foi"]


def run(argv: Sequence[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> float:
    """Run a command to completion; its wall time in seconds. Fails on an unexpected exit code."""
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in ok or "Traceback" in done.stderr:
        raise Failed(f"{' '.join(argv[:4])}... exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return elapsed


# Started from a small process of its own: Linux counts in a child's peak the memory of the process
# it was started from (the kernel keeps the larger of the two when the child's program is loaded),
# and this benchmark holds tens of MiB by then. The launcher holds about 10 MiB, less than any foi batch.
_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def peak_rss_mib(argv: Sequence[str], env: dict[str, str]) -> float:
    """The peak resident memory of one run of a command (its own, not its parent's), in MiB."""
    done = subprocess.run([sys.executable, "-c", _LAUNCHER, *argv], env=env, capture_output=True, text=True,
                          check=True)
    code, kib = (int(word) for word in done.stdout.split())
    if code != 0:
        raise Failed(f"{' '.join(argv[:4])}... exited {code}")
    return kib / 1024


def side_by_side(timing: Timing, ours: Callable[[int], float], floor: Callable[[int], float],
                 runs: int) -> Timing:
    """Alternate the two, after one warm-up of each, so both see the same load."""
    ours(-1), floor(-1)
    for index in range(runs):
        timing.floor.append(floor(index))
        timing.ours.append(ours(index))
    return timing


def byte_compile_foi() -> None:
    """Compile foi's modules as pip does when it installs foi: an editable checkout run with
    PYTHONDONTWRITEBYTECODE would otherwise compile every module from source on every run."""
    import compileall

    import foi

    compileall.compile_dir(str(Path(foi.__file__).parent), quiet=1)


def has_command(env: dict[str, str], *words: str) -> bool:
    done = subprocess.run([*foi_command(), *words, "--help"], env=env, capture_output=True)
    return done.returncode == 0


# --- the inputs ------------------------------------------------------------------------------------


def environment(work: Path) -> dict[str, str]:
    """A private home folder (configuration, cache, tracker), so nothing of the user's is read or
    changed; found the way a user's foi finds them, not through foi's FOI_* overrides."""
    home = work / "home"
    home.mkdir()
    chosen = {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"),
              "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local")}
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("FOI_")}
    return {**inherited, **chosen}


def new_argv(output: Path) -> list[str]:
    sets = [arg for key in ("provider", "name", "email") for arg in ("--set", f"{key}={ROW[key]}")]
    return [*foi_command(), "new", "--scenario", ROW["scenario"], "--authority", ROW["authority"],
            *sets, "--no-input", "--date", LETTER_DATE, "--output", str(output), "--force"]


def long_letter(work: Path, env: dict[str, str], words: int) -> Path:
    """A real letter from `foi new`, with numbered items added until it has `words` words.

    The added items are the asking paragraphs of evaluation/requests.yaml (requests written in
    the styles real ones are, some with the weak spots real ones have), each used once, so the
    checker meets as much varied text as a long real letter has rather than one item repeated.
    """
    first = work / "letter.txt"
    run(new_argv(first), env)
    lines = first.read_text(encoding="utf-8").splitlines()
    items = [line for line in lines if line[:1].isdigit() and ". " in line[:5]]
    if not items:
        raise Failed("foi new wrote no numbered items to add to")
    at = lines.index(items[-1]) + 1
    extra: list[str] = []
    paragraphs = _request_paragraphs()
    while len(" ".join(lines + extra).split()) < words:
        if len(extra) >= len(paragraphs):
            raise Failed(f"evaluation/requests.yaml has too few paragraphs for {words} words")
        extra.append(f"{len(items) + len(extra) + 1}. {paragraphs[len(extra)]}")
    path = work / f"letter-{words}-words.txt"
    path.write_text("\n".join(lines[:at] + extra + lines[at:]) + "\n", encoding="utf-8")
    return path


def _request_paragraphs() -> list[str]:
    """The asking paragraphs of the evaluation set's requests, one line each."""
    from foi.support import yamlio

    paragraphs = []
    for entry in yamlio.read(HERE.parent / "evaluation" / "requests.yaml"):
        for block in str(entry["text"]).split("\n\n"):
            text = " ".join(block.split())
            first = text.split(" ", 1)[0].lower().strip(",")
            if len(text.split()) >= 12 and first not in ("dear", "yours", "many", "thanks", "kind"):
                paragraphs.append(text.lstrip("0123456789.) "))
    return list(dict.fromkeys(paragraphs))


_FIRST = ("Jane", "Amir", "Siobhan", "Dafydd", "Mary", "Kwame", "Eilidh", "Tomasz", "Priya", "Owen")
_LAST = ("Smith", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans", "Wilson", "Thomas",
         "Roberts", "Campbell", "Stewart", "O'Neill", "Murphy", "Khan", "Patel", "Nowak", "Hughes")


def rows_csv(work: Path, count: int) -> Path:
    """A CSV of `count` rows as an adviser's spreadsheet would have them: one client each."""
    path = work / f"rows-{count}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ROW))
        writer.writeheader()
        for number in range(1, count + 1):
            name = f"{_FIRST[number % len(_FIRST)]} {_LAST[number // len(_FIRST) % len(_LAST)]}"
            writer.writerow({**ROW, "name": name, "email": f"client{number}@example.org"})
    return path


def floor_context(work: Path) -> Path:
    """The template's words that do not depend on the row, worked out once with foi itself: the
    context foi's own drafting hands to the letter template, caught on its way in."""
    from foi.letter import drafting
    from foi.request import intake
    from foi.request.answers import Source

    caught: list[tuple[str, dict[str, object]]] = []
    original = drafting.render_file

    def catch(name: str, context: dict[str, object], *args: object, **kwargs: object) -> str:
        caught.append((name, dict(context)))
        return original(name, context, *args, **kwargs)  # type: ignore[arg-type]

    taken = intake.collect([Source("row", dict(ROW))], letter_date=date.fromisoformat(LETTER_DATE),
                           asker=None)
    drafting.render_file = catch  # type: ignore[assignment]
    try:
        drafting.build(taken)
    finally:
        drafting.render_file = original  # type: ignore[assignment]
    # One context per letter a row gives: a second letter (-part-2) where the request has one.
    letters = [{**context, "template": name} for name, context in caught]
    path = work / "context.json"
    path.write_text(json.dumps(letters, default=_plain), encoding="utf-8")
    return path


def _plain(value: object) -> object:
    """A template value as JSON: Jinja reads a dict's keys as it reads an object's attributes."""
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return vars(value) if hasattr(value, "__dict__") else str(value)


def tracker_with(env: dict[str, str], work: Path, count: int) -> None:
    """A tracker holding `count` requests, recorded with `foi track add` from a batch manifest."""
    manifest = work / "manifest.csv"
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["row", "body", "regime", "scenario", "sent", "files"])
        for number in range(1, count + 1):
            sent = date.fromordinal(date(2026, 1, 5).toordinal() + number % 300).isoformat()
            writer.writerow([number, "dwp", "foia", ROW["scenario"], sent, f"{number:04d}-dwp.md"])
    run([*foi_command(), "track", "add", str(manifest)], env)


# --- the measurements ----------------------------------------------------------------------------


def startup(env: dict[str, str], work: Path, sizes: Sizes) -> list[Timing]:
    floor = [sys.executable, str(HERE / "floor_app.py"), "hello"]
    commands: list[tuple[str, list[str], float, tuple[int, ...]]] = [
        ("`foi --version`", [*foi_command(), "--version"], 1.0, (0,)),
        ("`foi --help`", [*foi_command(), "--help"], 1.0, (0,)),
        ("`foi new --no-input`, one letter", new_argv(work / "one.txt"), 1.3, (0,)),
        ("`foi deadline`", [*foi_command(), "deadline", "--received", LETTER_DATE], 1.3, (0,)),
    ]
    letter = long_letter(work, env, sizes.check_words)
    commands.append((f"`foi check`, a {sizes.check_words:,}-word letter",
                     [*foi_command(), "check", str(letter)], 1.3, (0, 1)))
    if has_command(env, "track", "list"):
        tracker_with(env, work, sizes.tracked)
        commands.append((f"`foi track list`, {sizes.tracked:,} requests",
                         [*foi_command(), "track", "list"], 1.3, (0,)))
    else:
        print("foi track is not in this foi: not measured", file=sys.stderr)
    timings = []
    for name, argv, target, ok in commands:
        timing = Timing(name, target=target)
        timings.append(side_by_side(timing, lambda _, a=argv, k=ok: run(a, env, k),
                                    lambda _: run(floor, env), sizes.runs))
    return timings


def batch_argv(rows: Path, out: Path) -> list[str]:
    return [*foi_command(), "batch", str(rows), "--out", str(out), "--format", "markdown",
            "--date", LETTER_DATE, "--quiet"]


def batch(env: dict[str, str], work: Path, sizes: Sizes, batch_runs: int | None = None,
          parts: set[str] | frozenset[str] = frozenset({"batch", "memory"}),
          ) -> tuple[list[Timing], list[tuple[int, float]]]:
    if not parts & {"batch", "memory"}:
        return [], []
    if not has_command(env, "batch"):
        print("foi batch is not in this foi: not measured", file=sys.stderr)
        return [], []
    warm = work / "warm-up"
    run(batch_argv(rows_csv(work, 5), warm), env)  # fills the caches, as any first use does
    shutil.rmtree(warm)
    rows = rows_csv(work, sizes.batch_rows)
    context = floor_context(work)
    templates = _templates_dir()

    written: list[int] = []

    def ours(index: int) -> float:
        out = work / f"batch-out-{index}"
        elapsed = run(batch_argv(rows, out), env)
        written.append(_expect_letters(out, sizes.batch_rows))
        shutil.rmtree(out)
        return elapsed

    def floor(index: int) -> float:
        out = work / f"floor-out-{index}"
        elapsed = run([sys.executable, str(HERE / "floor_batch.py"), str(rows), str(out),
                       str(context), str(templates)], env)
        _expect_letters(out, sizes.batch_rows)
        shutil.rmtree(out)
        return elapsed

    timings = []
    if "batch" in parts:
        runs = batch_runs or min(sizes.runs, 10)  # ten of each is enough at seconds a run
        timing = side_by_side(Timing(f"`foi batch`, {sizes.batch_rows:,} CSV rows to markdown",
                                     target=1.5), ours, floor, runs)
        median = statistics.median(timing.ours)
        # The target is read on first letters (one per row); each row of this sheet also gives a second
        # letter (-part-2), a request of its own, shown beside it.
        timing.extra = (f"{sizes.batch_rows / median:,.0f} letters/s (target >= 1,000), "
                        f"{max(written) / median:,.0f} counting second letters")
        timings.append(timing)
    memory = []
    for count in sizes.memory_rows if "memory" in parts else ():
        out = work / f"memory-{count}"
        memory.append((count, peak_rss_mib(batch_argv(rows_csv(work, count), out), env)))
        print(f"peak memory of foi batch, {count:,} rows: {memory[-1][1]:.0f} MiB", file=sys.stderr,
              flush=True)
        shutil.rmtree(out)
    return timings, memory


def _expect_letters(out: Path, count: int) -> int:
    """A first letter for every row (and any second letters beside them); how many letters in all."""
    letters = [p.name for p in out.rglob("*.md")]
    written = sum(1 for name in letters if "-part-" not in name)
    if written != count:
        raise Failed(f"{out.name}: {written} first letters written for {count} rows")
    return len(letters)


def _templates_dir() -> Path:
    from foi.support.paths import builtin_templates

    return builtin_templates()


# --- the report ----------------------------------------------------------------------------------


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:,.0f} ms ({min(values) * 1000:,.0f}-{max(values) * 1000:,.0f})"


def table(timings: list[Timing], memory: list[tuple[int, float]]) -> tuple[str, bool]:
    """The results as a markdown table, and whether every target was met."""
    lines = ["| measure | runs | foi: median (min-max) | floor: median (min-max) | ratio | target | met |",
             "|---|---|---|---|---|---|---|"]
    met_all = True
    for t in timings:
        met = t.target is None or t.ratio <= t.target
        if t.extra:
            met = met and float(t.extra.split()[0].replace(",", "")) >= 1000
        met_all &= met
        extra = f"; {t.extra}" if t.extra else ""
        lines.append(f"| {t.name} | {len(t.ours)} | {_ms(t.ours)} | {_ms(t.floor)} | {t.ratio:.2f}x{extra} | "
                     f"<= {t.target:.1f}x | {'yes' if met else 'NO'} |")
    if len(memory) == 2:
        (small, low), (large, high) = memory
        met = high <= 1.2 * low and high < 200
        met_all &= met
        lines.append(f"| `foi batch` peak memory (RSS), {small:,} / {large:,} rows | 1 | {low:.0f} MiB / "
                     f"{high:.0f} MiB | | {high / low:.2f}x | <= 1.2x and < 200 MiB | "
                     f"{'yes' if met else 'NO'} |")
    return "\n".join(lines), met_all


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or model
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}, load average {load:.1f} at the start")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes and 3 runs: checks it works")
    parser.add_argument("--runs", type=int, help="runs per command (default 15; 3 with --quick)")
    parser.add_argument("--batch-runs", type=int,
                        help="runs of each batch (default: as --runs, at most 10): a slow batch takes minutes")
    parser.add_argument("--batch-rows", type=int, help="rows of the timed batch (default 10,000)")
    parser.add_argument("--memory-rows", type=lambda v: tuple(int(n) for n in v.split(",")),
                        help="the two batch sizes whose peak memory is compared (default 10000,100000)")
    parser.add_argument("--only", choices=("commands", "batch", "memory"), action="append",
                        help="measure only these parts (repeatable; default all)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    sizes = dataclasses.replace(
        sizes, runs=args.runs or sizes.runs, batch_rows=args.batch_rows or sizes.batch_rows,
        memory_rows=args.memory_rows or sizes.memory_rows)
    parts = set(args.only or ("commands", "batch", "memory"))
    print(f"Machine: {machine()}; {date.today()}", flush=True)
    byte_compile_foi()
    with tempfile.TemporaryDirectory(prefix="foi-bench-") as folder:
        work = Path(folder)
        env = environment(work)
        try:
            timings = startup(env, work, sizes) if "commands" in parts else []
            batch_timings, memory = batch(env, work, sizes, args.batch_runs, parts)
        except Failed as err:
            print(f"benchmark failed: {err}", file=sys.stderr)
            return 1
    report, met = table(timings + batch_timings, memory)
    print(report)
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    raise SystemExit(main())

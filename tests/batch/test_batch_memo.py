"""A batch drafts a request once and puts each client's own name, email and address in (foi.batch.memo):
every letter must still be, byte for byte, the one `foi new --no-input` writes for that row alone.

The rows come in groups of three clients sending the same request, the groups differing in one thing
that changes the letter (provider, body, a date, an answer, who writes), interleaved as a real
spreadsheet would have them; so a memo keyed on too little gives one group another group's letter."""

from __future__ import annotations

import csv
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from typer.testing import CliRunner

from foi.batch import memo
from foi.cli import app
from foi.letter import markup
from foi.support.paths import builtin_templates

runner = CliRunner()
DATE = ["--date", "2026-11-23"]
BASE = {"authority": "dwp", "scenario": "provider-data-access", "provider": "A4e",
        "date_from": "2012-11-01", "date_to": "2013-02-15"}
GROUPS: list[dict[str, str]] = [
    BASE,
    {**BASE, "provider": "Maximus"},
    {**BASE, "authority": "Jobcentre Plus"},  # the same body by another name
    {**BASE, "authority": "hmrc"},
    {**BASE, "authority": "Department for Communities"},
    {**BASE, "date_to": "2013-03-31"},
    {**BASE, "date_from": "2012-12-01"},
    {**BASE, "office": "the Ipswich Jobcentre"},
    {**BASE, "style": "full"},
    {**BASE, "partial_release": "no"},
    {**BASE, "organisation": "Citizens Advice Ipswich"},
    {**BASE, "officer": "Ms Jones"},
    {"authority": "Glasgow City Council", "scenario": "local-support", "date_from": "2024-04-01",
     "date_to": "2025-03-31"},
]
CLIENTS: list[dict[str, str]] = [
    {"name": "Siân Llewelyn", "email": "sian@example.org"},
    {"name": "Anne_Marie [d'Arcy] *Smith*", "email": "anne_marie@example.org"},
    {"name": "Dafydd ap Gwyn", "email": "dafydd@example.org"},
]
# Whose the letter is, in every shape: a postal address on one line, over several lines, an email
# given as the address, both, and names and addresses with characters the markup escapes.
SHAPES: list[dict[str, str]] = [
    {"name": "Mary Jones", "address": "1 High Street, Ipswich IP1 1AA"},
    {"name": "Tom O'Brien", "address": "Fflat 2, Tŷ Gwyn\n14 Heol y Frenhines\nCaerdydd CF10 2AA"},
    {"name": "Ann Lee", "address": "ann.lee@example.org"},
    {"name": "Li Wei", "email": "li@example.org", "address": "Flat *3*, 2 [Back] Lane, Leeds LS1 1AA"},
    {"name": "Rhys Morgan", "address": "5 Mill Road #2,  Ely   CB7 4AA"},
    {"name": "Sam Hughes", "address": "9 Station Road, Bury"},
    {"name": "Bo Evans", "address": " bo.evans@example.org "},
    {"name": "Di Price", "email": "di@example.org", "address": "2 Bridge St\nBala"},
]
SAR = {"authority": "dwp", "scenario": "own-data", "provider": "A4e", "date_of_birth": "02/03/1970",
       "ni_number": "QQ 12 34 56 C", "address": "1 High Street, Ipswich IP1 1AA"}
KEYS = ["authority", "scenario", "name", "email", "address", "provider", "date_from", "date_to", "office",
        "style", "partial_release", "organisation", "officer", "date_of_birth", "ni_number"]


def interleaved() -> list[dict[str, str]]:
    """Every group's clients, a client of each group in turn (as a spreadsheet sorted by client)."""
    rows = [{**group, **client} for client in CLIENTS for group in GROUPS]
    rows += [{**BASE, **shape} for shape in SHAPES]
    rows += [{**SAR, "name": name, "email": f"c{n}@example.org"} for n, name in enumerate(("Jo Bloggs", "Al Smith"))]
    rows += [{**BASE, **CLIENTS[0]}]  # the same letter twice: the duplicate warning stays
    return rows


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=KEYS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


def alone(row: dict[str, str], out: Path, *extra: str) -> dict[str, bytes]:
    """What `foi new --no-input` writes for this row alone: the letter, and the second one if any."""
    args = ["new", "--authority", row["authority"], "--scenario", row["scenario"], "--no-input", "--no-profile",
            "--format", "markdown", "--output", str(out), *DATE, *extra]
    for key, value in row.items():
        if key not in ("authority", "scenario") and value:
            args += ["--set", f"{key}={value}"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    second = out.with_name(f"{out.stem}-part-2{out.suffix}")
    return {"": out.read_bytes(), "-part-2": second.read_bytes() if second.exists() else b""}


def batch_letters(folder: Path) -> dict[int, dict[str, bytes]]:
    """The batch's letters by row, from the manifest."""
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as handle:
        entries = list(csv.DictReader(handle))
    found = {}
    for entry in entries:
        files = entry["files"].split(";")
        found[int(entry["row"])] = {"": (folder / files[0]).read_bytes(),
                                    "-part-2": (folder / files[1]).read_bytes() if len(files) > 1 else b""}
    return found


def count_drafted_alone(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the rows that ran the whole answer loop."""
    from foi.request import intake

    calls: list[int] = []
    original = intake.collect

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(intake, "collect", counted)
    return calls


def test_every_letter_is_the_one_foi_new_writes_for_its_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = interleaved()
    drafted_alone = count_drafted_alone(monkeypatch)
    out = tmp_path / "letters"
    result = runner.invoke(app, ["batch", str(write_csv(tmp_path / "rows.csv", rows)), "--out", str(out),
                                 "--format", "markdown", "--no-profile", *DATE])
    assert result.exit_code == 0, result.output
    last = len(rows) + 1
    assert f"rows 2, 4 and {last} are the same request to the same body for the same person" in result.stderr
    written = batch_letters(out)
    assert sorted(written) == list(range(2, len(rows) + 2))
    assert len(drafted_alone) < len(rows) * 2 // 3  # most rows were put together, not drafted alone
    monkeypatch.undo()
    for number, row in enumerate(rows, start=2):
        expected = alone(row, tmp_path / f"alone-{number}.md")
        assert written[number] == expected, f"row {number} ({row['name']}) differs from foi new for it alone"


# Answers that are text but not plain printable ASCII, or that the markup escapes: each takes the
# fast paths (printable, escaped with one table) or the slow ones (a no-break space, a tab and a line
# break are not printable; a bidi override is removed) and must come out as foi new writes it.
AWKWARD: list[dict[str, str]] = [
    {"name": "Zoë\u00a0Ward", "email": "zoe@example.org"},
    {"name": "José\tPérez-Núñez", "email": "jose@example.org"},
    {"name": "Ng\u202e Ka Yan", "email": "ng@example.org"},
    {"name": "Ola #2 O\\Brien", "email": "ola|x@example.org"},
    {"name": "\U0001f600 李 小龍", "address": "Flat\t2, 3 <Main> Street\r\nCardiff\u00a0CF1 1AA"},
    {"name": "Bea `Code` Smith", "address": "4 Low Road\nEly  CB7 4AA\n"},
]


def test_awkward_answers_give_foi_new_s_letters(tmp_path: Path) -> None:
    rows = [{**BASE, **client} for client in CLIENTS[:2]] + [{**BASE, **who} for who in AWKWARD]
    rows += [{**BASE, **who, "provider": "Maximus"} for who in AWKWARD[::-1]]  # drafted once more, put together
    out = tmp_path / "letters"
    result = runner.invoke(app, ["batch", str(write_csv(tmp_path / "rows.csv", rows)), "--out", str(out),
                                 "--format", "markdown", "--no-profile", *DATE])
    assert result.exit_code == 0, result.output
    written = batch_letters(out)
    for number, row in enumerate(rows, start=2):
        assert written[number] == alone(row, tmp_path / f"alone-{number}.md"), (number, row["name"])


def test_own_templates_that_change_the_name_are_followed_row_by_row(tmp_path: Path) -> None:
    """A letter template of the user's own that does more than print the name (here upper-cases it)
    cannot take stand-ins: every row is drafted alone, and each letter still matches foi new."""
    own = tmp_path / "templates" / "letters"
    own.mkdir(parents=True)
    template = (builtin_templates() / "letters" / "request.md.j2").read_text(encoding="utf-8")
    (own / "request.md.j2").write_text(template + "\nReference: {{ name | upper }}\n", encoding="utf-8")
    rows = [{**BASE, **client} for client in CLIENTS]
    out = tmp_path / "letters"
    result = runner.invoke(app, ["batch", str(write_csv(tmp_path / "rows.csv", rows)), "--out", str(out),
                                 "--format", "markdown", "--no-profile", "--templates", str(own.parent), *DATE])
    assert result.exit_code == 0, result.output
    written = batch_letters(out)
    for number, row in enumerate(rows, start=2):
        expected = alone(row, tmp_path / f"alone-{number}.md", "--templates", str(own.parent))
        assert written[number] == expected
        assert f"Reference: {row['name'].upper()}".encode() in written[number][""].replace(b"\\", b"")


def problem_lines(stderr: str, path: Path) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(str(path))]


def test_a_bad_row_among_its_request_is_reported_as_when_it_comes_first(tmp_path: Path) -> None:
    bad = {**BASE, "name": "Jo Smith", "email": "not-an-email"}
    first = write_csv(tmp_path / "first.csv", [bad])
    later = write_csv(tmp_path / "later.csv", [{**BASE, **CLIENTS[0]}, {**BASE, **CLIENTS[1]}, bad,
                                              {**BASE, "name": "J", "email": "j@example.org"}])
    one = runner.invoke(app, ["batch", str(first), "--out", str(tmp_path / "a"), "--no-profile", *DATE])
    many = runner.invoke(app, ["batch", str(later), "--out", str(tmp_path / "b"), "--no-profile", *DATE])
    assert one.exit_code == many.exit_code == 3
    expected = problem_lines(one.stderr, first)[0].replace(str(first), str(later))
    lines = problem_lines(many.stderr, later)
    assert lines[0] == expected.replace("row 2,", "row 4,")
    assert lines[1].startswith(f"{later}: row 5, column 'name': ")
    assert not (tmp_path / "b").exists()


def test_warnings_are_printed_for_every_row_as_before(tmp_path: Path) -> None:
    """A long period is questioned once per row; a control character in one client's name is
    reported on that client's row."""
    rows = [{**BASE, **client, "date_from": "2001-04-01"} for client in CLIENTS]
    rows += [{**BASE, **client} for client in CLIENTS] + [{**BASE, "name": "Eve\u202e Adams", "email": "e@example.org"}]
    rows += [{**BASE, "name": "Zoë Ward\u202e", "address": "1 High Street, Ely"}]  # a new shape: drafted alone
    rows += [{**BASE, "name": "Ivo\u202e Lee", "email": "not-an-email"}]  # a warning, then a problem
    path = write_csv(tmp_path / "rows.csv", rows)
    result = runner.invoke(app, ["batch", str(path), "--out", str(tmp_path / "out"), "--no-profile",
                                 "--keep-going", *DATE])
    assert result.exit_code == 3, result.output
    assert result.stderr.count("authorities can refuse long periods on cost") == 3
    for row in (8, 9, 10):
        warning = f"{path}: row {row}: 'name': removed control or text-direction character(s) U+202E"
        assert result.stderr.count(warning) == 1, row
    assert f"{path}: row 10, column 'email': " in result.stderr


# --- what may take a stand-in: the letter template's use of the personal answers ------------------


KEYS_WHO = ("name", "email", "address")


@pytest.mark.parametrize("letter", ["request", "sar"])
def test_the_builtin_letters_use_personal_answers_only_as_text(letter: str) -> None:
    source = (builtin_templates() / "letters" / f"{letter}.md.j2").read_text(encoding="utf-8")
    use = memo.template_use(source, KEYS_WHO, None)
    assert use.safe
    assert use.joins == ({", "} if letter == "sar" else set())


@pytest.mark.parametrize("source", [
    "{{ name | upper }}", "{{ name[0] }}", "{% if name == 'Jo' %}x{% endif %}", "{{ name ~ '!' }}",
    "{{ address }}", "{{ signature | join(', ') }}", "{{ signature | hardbreaks | upper }}",
    "{% for line in signature %}{{ line }}{% endfor %}", "{% set who = name %}{{ who }}",
    "{% filter upper %}{{ name }}{% endfilter %}", "{% include 'x.j2' %}", "{{ address_lines | join('\\n\\n') }}",
    "{% macro m() %}{{ name }}{% endmacro %}{{ m() }}", "{{ name | length }}", "{{ email if name else '' }}",
])
def test_any_other_use_is_drafted_row_by_row(source: str) -> None:
    assert not memo.template_use(source, KEYS_WHO, None).safe


@pytest.mark.parametrize("source", [
    "{{ name }}", "{% if email %}{{ email }}{% endif %}", "{% if not email and address %}x{% endif %}",
    "{{ signature | hardbreaks }}", "{{ address_lines | join(', ') }}", "{{ 'a' if email else 'b' }}",
])
def test_plain_text_and_tests_may_take_a_stand_in(source: str) -> None:
    assert memo.template_use(source, KEYS_WHO, None).safe


def test_chunks_parse_as_the_whole_letter_does() -> None:
    """The fast path parses a letter chunk by chunk; that must be markup.parse of the whole."""
    letters = [p.read_text(encoding="utf-8") for p in (Path(__file__).parent.parent / "golden").rglob("*.md")]
    letters += ["# T\n\n1. a\n2. b\n\n\n  \nx\\\ny\n\n", "a\n \t\nb\n\n\n\n# c", "\n\nx", ""]
    assert letters
    for text in letters:
        part = memo._Part.of(None, text)  # type: ignore[arg-type]
        blocks, marked = part.blocks([])
        assert blocks == markup.parse(text)
        assert marked == markup.to_markdown(markup.parse(text))


@pytest.mark.parametrize("where", ["first", "middle", "last", "two together", "every other"])
def test_runs_of_chunks_with_answers_put_in_parse_as_the_whole_letter_does(where: str) -> None:
    """The chunks without stand-ins are kept as runs; with a row's answers put in the others, the
    letter's blocks and markdown are still markup.parse and to_markdown of the whole letter."""
    name, email = memo._escaped("name"), memo._escaped("email")
    pairs = [(name, "Anne\\_Marie \\[d'Arcy\\]"), (email, "anne\\_marie@example.org")]
    for path in sorted((Path(__file__).parent.parent / "golden").rglob("*.md"))[:6]:
        chunks = [c for c in path.read_text(encoding="utf-8").split("\n\n") if c.strip()]
        marked_at = {"first": [0], "middle": [len(chunks) // 2], "last": [len(chunks) - 1],
                     "two together": [1, 2], "every other": list(range(0, len(chunks), 2))}[where]
        for index in marked_at:
            chunks[index] = f"{chunks[index]}\\\n{name}\\\n{email}"
        marked = "\n\n".join(chunks) + "\n"
        part = memo._Part.of(None, marked)  # type: ignore[arg-type]
        put_in = marked
        for token, value in pairs:
            put_in = put_in.replace(token, value)
        blocks, text = part.blocks(pairs)
        assert blocks == markup.parse(put_in), path
        assert text == markup.to_markdown(markup.parse(put_in)), path
        assert sum(isinstance(run, str) for run in part.runs) == len(marked_at)


def test_memory_is_bounded_whatever_the_rows(tmp_path: Path) -> None:
    """Thousands of different requests: the memo keeps at most its limits."""
    kept = memo.Memo(None, lambda draft: draft)
    kept._plan = lambda first: None  # type: ignore[method-assign] # only how many are kept matters here
    for number in range(2 * memo.PLANS + memo.WAITING + 50):
        key = kept.key({"authority": "dwp", "office": f"office {number}", "name": "Jo"}, None)
        assert "Jo" not in repr(key)
        drafted = (SimpleNamespace(warnings=(), number=number), number)  # an Intake's warnings: none
        for _ in range(1 + number % 2):  # every other request has a second row
            kept.letter(key, {}, [], lambda drafted=drafted: drafted)  # type: ignore[misc]
    assert len(kept.waiting) <= memo.WAITING and len(kept.plans) == memo.PLANS


def test_one_request_to_several_bodies_gives_each_body_its_own_letter(tmp_path: Path) -> None:
    """--to: the same row to several bodies; the body is part of what decides the letter."""
    rows = [{k: v for k, v in {**BASE, **client}.items() if k != "authority"} for client in CLIENTS]
    out = tmp_path / "letters"
    result = runner.invoke(app, ["batch", str(write_csv(tmp_path / "rows.csv", rows)), "--out", str(out),
                                 "--to", "dwp,hmrc", "--format", "markdown", "--no-profile", *DATE])
    assert result.exit_code == 0, result.output
    with (out / "manifest.csv").open(encoding="utf-8-sig", newline="") as handle:
        entries = list(csv.DictReader(handle))
    assert [(e["row"], e["body_id"]) for e in entries] == [(str(n), b) for n in (2, 3, 4) for b in ("dwp", "hmrc")]
    for entry in entries:
        row = {**rows[int(entry["row"]) - 2], "authority": entry["body_id"]}
        expected = alone(row, tmp_path / f"alone-{entry['letter']}.md")
        files = entry["files"].split(";")
        assert (out / files[0]).read_bytes() == expected[""]
        assert (out / files[1]).read_bytes() == expected["-part-2"]


@pytest.mark.parametrize("fmt,ext", [("text", ".txt"), ("html", ".html"), ("wdtk", ".wdtk.txt"), ("eml", ".eml"),
                                     ("docx", ".docx")])
def test_other_formats_are_foi_new_s_too(tmp_path: Path, fmt: str, ext: str) -> None:
    """Every format is written from the letter put together for the row: wrapped text (where a longer
    name moves the line breaks), HTML, WhatDoTheyKnow's text, the email and the Word document."""
    rows = [{**BASE, **client} for client in CLIENTS] + [{**BASE, **shape} for shape in SHAPES[:2]] * 2
    rows[-1] = {**rows[-1], "name": "Bartholomew Fitzgerald-Montgomery-Featherstonehaugh"}
    out = tmp_path / "letters"
    result = runner.invoke(app, ["batch", str(write_csv(tmp_path / "rows.csv", rows)), "--out", str(out),
                                 "--format", fmt, "--no-profile", *DATE])
    assert result.exit_code == 0, result.output
    with (out / "manifest.csv").open(encoding="utf-8-sig", newline="") as handle:
        entries = list(csv.DictReader(handle))
    for entry in entries:
        row = rows[int(entry["row"]) - 2]
        single = tmp_path / f"alone-{entry['row']}{ext}"
        args = ["new", "--authority", row["authority"], "--scenario", row["scenario"], "--no-input",
                "--no-profile", "--format", fmt, "--output", str(single), *DATE]
        for key, value in row.items():
            if key not in ("authority", "scenario") and value:
                args += ["--set", f"{key}={value}"]
        assert runner.invoke(app, args).exit_code == 0
        files = entry["files"].split(";")
        assert (out / files[0]).read_bytes() == single.read_bytes(), entry["row"]
        second = single.with_name(f"{single.stem}-part-2{single.suffix}")  # foi new: alone-2.wdtk-part-2.txt
        assert (out / files[1]).read_bytes() == second.read_bytes()


def test_the_memo_reads_warnings_from_the_intake_and_never_swaps_console_warn(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """console.warn is the one function before, during (while a row is drafted alone, and while a row's
    personal answers go through the loop for a letter put together) and after a memoised batch; a
    control character in an answer is still reported on stderr for its row, whichever way the letter
    was made, once, in row order."""
    from foi.request import intake
    from foi.support import console

    original = console.warn
    during: list[tuple[str, bool]] = []  # each call watched, and whether console.warn was the original

    def watch(function: Any) -> Any:
        def watched(*args: Any, **kwargs: Any) -> Any:
            during.append((function.__name__, console.warn is original))
            return function(*args, **kwargs)
        return watched

    monkeypatch.setattr(intake, "collect", watch(intake.collect))  # drafting a row alone
    monkeypatch.setattr(memo, "resolve", watch(memo.resolve))  # a row's personal answers, put together
    rows = [{**BASE, **client} for client in CLIENTS]
    rows += [{**BASE, "name": "Eve\u202e Adams", "email": "e@example.org"}]  # put together by the memo
    rows += [{**BASE, "name": "Zoë\x1b[2J Ward", "address": "1 High Street, Ely"}]  # a new shape: alone
    rows += [{**BASE, "office": "the Ipswich\u0007 Jobcentre", **CLIENTS[0]}]  # a new request: alone
    rows += [{**BASE, "name": "Ivo\u202e Lee", "email": "i@example.org"}]  # put together again
    path = write_csv(tmp_path / "rows.csv", rows)
    out = tmp_path / "letters"
    result = runner.invoke(app, ["batch", str(path), "--out", str(out), "--format", "markdown", "--no-profile",
                                 *DATE])
    assert result.exit_code == 0, result.output
    assert console.warn is original
    assert {name for name, _ in during} == {"collect", "resolve"}  # rows drafted alone and put together
    assert all(same for _, same in during)
    removed = [line for line in result.stderr.splitlines() if "removed control" in line]
    assert removed == [
        f"Warning: {path}: row 5: 'name': removed control or text-direction character(s) U+202E; check the value",
        f"Warning: {path}: row 6: 'name': removed control or text-direction character(s) U+001B; check the value",
        f"Warning: {path}: row 7: 'office': removed control or text-direction character(s) U+0007; check the value",
        f"Warning: {path}: row 8: 'name': removed control or text-direction character(s) U+202E; check the value",
    ]
    monkeypatch.undo()
    written = batch_letters(out)
    for number, row in enumerate(rows, start=2):
        assert written[number] == alone(row, tmp_path / f"alone-{number}.md"), number

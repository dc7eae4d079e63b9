"""A second reader's attacks on foi.batch.memo, as an adviser's real spreadsheet might make them.

The promise: every letter `foi batch` writes is, byte for byte and in every format (and its -part-2),
the letter `foi new --no-input` writes for that row alone with the same answers and date. Each test
builds a batch whose personal answers (name, email, address) collide with the stand-ins, with each
other or with the letter's own words, runs `foi batch --format all`, and compares every file with
`foi new --format all` for the row alone. Each also checks that the memo really put letters together
(a guard that only ever drafted rows alone would prove nothing).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from foi.batch import memo
from foi.cli import app
from foi.support.paths import builtin_templates

runner = CliRunner()
DATE = ["--date", "2026-11-02"]
BASE = {"authority": "dwp", "scenario": "provider-data-access", "provider": "A4e",
        "date_from": "2012-11-01", "date_to": "2013-02-15"}
EXTENSIONS = (".wdtk.txt", ".txt", ".md", ".html", ".docx", ".eml")
Files = dict[tuple[str, bool], bytes]  # (extension, second letter) -> bytes


@pytest.fixture
def put_together(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the letters the memo put together from a request's letter (not drafted alone)."""
    counted: list[int] = []
    original = memo._Shape.letter

    def letter(self: Any, *args: Any, **kwargs: Any) -> Any:
        counted.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(memo._Shape, "letter", letter)
    return counted


def _extension(name: str) -> str:
    return next(ext for ext in EXTENSIONS if name.endswith(ext))


def write_rows(path: Path, rows: list[dict[str, Any]], defaults: dict[str, Any] | None = None) -> Path:
    """The rows as a CSV file, an .xlsx workbook or a YAML file (with `defaults:`), by the path's suffix."""
    keys = list(dict.fromkeys(key for row in rows for key in row))
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=keys)
            writer.writeheader()
            writer.writerows(rows)
    elif path.suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.append(keys)
        for row in rows:
            sheet.append([row.get(key) for key in keys])
        book.save(path)
    else:
        data: dict[str, Any] = {"requests": rows, **({"defaults": defaults} if defaults else {})}
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def foi_new(row: dict[str, Any], folder: Path, *options: str) -> tuple[Files, str]:
    """Every file `foi new --no-input --format all` writes for this row alone, and what it says."""
    args = ["new", "--authority", str(row["authority"]), "--scenario", str(row["scenario"]), "--no-input",
            "--format", "all", "--output", f"{folder}/", *DATE, *options]
    for key, value in row.items():
        if key not in ("authority", "scenario") and value not in (None, ""):
            args += ["--set", f"{key}={value}"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    files = {(_extension(p.name), "-part-2" in p.name): p.read_bytes() for p in folder.iterdir()}
    return files, result.stderr


def batch_files(folder: Path) -> Iterator[tuple[dict[str, str], Files]]:
    """Each manifest entry and its files."""
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as handle:
        for entry in csv.DictReader(handle):
            names = entry["files"].split(";")
            yield entry, {(_extension(n), "-part-2" in n): (folder / n).read_bytes() for n in names}


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> dict[int, list[str]]:
    """What the batch tells the adviser about each row's letter (its draft's notes), by row."""
    from foi.batch import run

    notes: dict[int, list[str]] = {}
    original = run._note

    def note(batch: Any, letter: Any) -> None:
        notes.setdefault(letter.row.number, []).extend(letter.draft.notes)
        original(batch, letter)

    monkeypatch.setattr(run, "_note", note)
    return notes


def second_letter_count(notes: str) -> int | None:
    """N in the note "A second letter (...) asks for N local or more often withheld item(s)"."""
    found = re.search(r"A second letter (?:\(\S+\) )?asks for (\d+) ", notes)
    return int(found.group(1)) if found else None


def assert_as_foi_new(tmp_path: Path, told: dict[int, list[str]], rows: list[dict[str, Any]], *options: str,
                      suffix: str = ".csv",
                      defaults: dict[str, Any] | None = None, new_options: tuple[str, ...] = ("--no-profile",),
                      bodies: bool = False) -> None:
    """Run the batch over every format and compare each letter with foi new's for its row alone (the
    row over the file's defaults, the batch's --set over the row), and the count of items the batch
    says its second letter has with the count foi new says."""
    source = write_rows(tmp_path / f"rows{suffix}", rows, defaults)
    out = tmp_path / "letters"
    result = runner.invoke(app, ["batch", str(source), "--out", str(out), "--format", "all", *DATE, *options])
    assert result.exit_code == 0, result.output
    for entry, written in batch_files(out):
        number = int(entry["row"])  # a spreadsheet's header is its row 1; YAML counts requests from 1
        own = rows[number - (1 if suffix == ".yaml" else 2)]
        row = {**(defaults or {}), **{k: v for k, v in own.items() if v not in (None, "")}}
        if bodies:
            row["authority"] = entry["body_id"]
        expected, said = foi_new(row, tmp_path / f"alone-{entry['letter']}", *new_options)
        assert sorted(written) == sorted(expected), number
        for key in expected:
            assert written[key] == expected[key], f"row {number} ({row.get('name')!r}): {key} differs"
        if not bodies:
            assert second_letter_count(" ".join(told[number])) == second_letter_count(said), \
                f"row {number} ({row.get('name')!r}): the second letter's note"


# --- names against the stand-ins, each other and the letter's own words ---------------------------------


NAMES = [
    "Jo Bloggs", "Jo Blogg", "Jo Bloggs-Smith",  # a name that is a prefix of another
    "Ms Jones",  # the officer's name in one group
    "A4e Maximus", "Dear Sir", "Yours Faithfully", "Freedom Information",  # the letter's own words
    "Anne_Marie [d'Arcy] *Smith*", "<b>Jo</b> &amp; Bloggs", "Jo `code` | Bloggs\\", "# Jo Bloggs",
    "1. Jo Bloggs",  # a numbered line, with an email below it in the signature
    "Bartholomew " + "Fitzgerald-Montgomery-" * 5 + "Featherstonehaugh",  # longer than a text line
    "Ann Word " * 12,  # wraps in every paragraph it could be put in
    "Zoë Ward", "Zoe\u0308 Ward",  # the same name composed and decomposed
    "Ｊｏ Ｂｌｏｇｇｓ", "ǅemal ǈubović", "İlkay STRAẞE",  # compatibility forms and case-changing letters
    "محمد علي", "Ng\u202e Ka Yan",  # right to left; a text-direction override the loop removes
    "  Jo   Bloggs  ", "Jo\u00a0Bloggs",  # whitespace at the ends and inside
]
GROUPS = [BASE, {**BASE, "officer": "Ms Jones"}, {**BASE, "organisation": "Jo Bloggs & Co"},
          {**BASE, "provider": "Maximus"}]


def test_names_that_collide_with_the_letter_and_each_other(tmp_path: Path, put_together: list[int],
                                                           told: dict[int, list[str]]) -> None:
    rows = [{**GROUPS[n % len(GROUPS)], "name": name, "email": f"c{n}@example.org"}
            for n, name in enumerate(NAMES)]
    rows += [{**GROUPS[n % len(GROUPS)], "name": name, "email": f"d{n}@example.org"}
             for n, name in enumerate(NAMES[::-1])]
    assert_as_foi_new(tmp_path, told, rows, "--no-profile")
    assert len(put_together) > len(rows) // 2


ADDRESSES = [
    {"address": "1 High Street, Ipswich IP1 1AA"},
    {"address": "Fflat 2, Tŷ Gwyn\n14 Heol y Frenhines\nCaerdydd CF10 2AA"},
    {"address": "jo@example.org"}, {"address": "  jo@example.org  "},  # an email as the postal address
    {"address": "jo@example.org, 2 High Street"},  # an email inside the address
    {"email": "li@example.org", "address": "Flat *3*, 2 [Back] Lane\n<Leeds> #1"},
    {"email": "bo@example.org", "address": "1. High St\n2. Low St"},
    {"address": "Flat 1\\\n2 Road\\"}, {"address": "1 Road\r\nEly\r\n"}, {"address": "a,,b,\n,"},
    {"address": "Jo Bloggs, 1 Road, Ely"},  # the name again, as an address line
    {"email": "ed@example.org"}, {"email": "ed@example.org", "address": ""},  # an empty optional field
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".yaml"])
def test_addresses_and_empty_fields_in_some_rows_but_not_others(tmp_path: Path, put_together: list[int],
                                                                told: dict[int, list[str]], suffix: str) -> None:
    rows = [{**BASE, "name": NAMES[n % 5], **who} for n, who in enumerate(ADDRESSES * 2)]
    assert_as_foi_new(tmp_path, told, rows, "--no-profile", suffix=suffix)
    assert len(put_together) > len(rows) // 3


def test_defaults_set_above_rows_and_the_profile_s_letterhead(tmp_path: Path, put_together: list[int],
                                                              told: dict[int, list[str]]) -> None:
    """A YAML file's defaults (a name for rows without one), --set above every row, and a profile that
    gives the letterhead, an organisation and the answers of empty cells."""
    set_up = runner.invoke(app, ["profile", "set", "name=Pat Adviser", "email=pat@advice.example.org",
                                 "address=Advice Centre, 1 Main St, Ely", "letterhead=Ely *Advice* <Centre>"])
    assert set_up.exit_code == 0, set_up.output
    rows: list[dict[str, Any]] = [{"name": name} for name in NAMES[:6]] + [{}, {"email": "x@example.org"}]
    rows += [{"name": "Pat Adviser", "address": "2 Road, Ely"}, {"name": "Sam Hughes", "address": "3 Road, Ely"}]
    defaults = {**BASE, "name": "Def Ault"}
    assert_as_foi_new(tmp_path, told, rows, "--set", "partial_release=no", "--set", "style=full", suffix=".yaml",
                      defaults=defaults, new_options=("--set", "partial_release=no", "--set", "style=full"))
    assert len(put_together) > len(rows) // 2


def test_one_request_to_several_bodies(tmp_path: Path, put_together: list[int],
                                       told: dict[int, list[str]]) -> None:
    rows = [{k: v for k, v in BASE.items() if k != "authority"} | {"name": name, "email": f"c{n}@example.org"}
            for n, name in enumerate(NAMES[:8])]
    assert_as_foi_new(tmp_path, told, rows, "--no-profile", "--to", "dwp,hmrc", suffix=".yaml", bodies=True)
    assert len(put_together) > len(rows)


def own_template(tmp_path: Path) -> Path:
    """The built-in letter with the personal answers printed as text in every kind of place the memo
    accepts: a heading, bold, numbered lines, each item, a reflowed paragraph, and the address joined."""
    folder = tmp_path / "templates"
    (folder / "letters").mkdir(parents=True)
    source = (builtin_templates() / "letters" / "request.md.j2").read_text(encoding="utf-8")
    source = source.replace("# {{ regime.heading }}", (
        "# {{ regime.heading }} from {{ name }}\n\n**{{ name }}**{% if email %} <{{ email }}>{% endif %}\n\n"
        "1. {{ name }}\n2. {% if address_lines %}{{ address_lines | join(', ') }}{% else %}{{ email }}{% endif %}\n\n"
        "{{ address_lines | hardbreaks }}"), 1)
    source = source.replace("{{ loop.index }}. {{ item }}\n", "{{ loop.index }}. {{ item }} (for {{ name }})\n")
    source += "\nWritten for {{ name }}{% if not email %} at {{ address_lines | join(', ') }}{% endif %}.\n"
    (folder / "letters" / "request.md.j2").write_text(source, encoding="utf-8")
    return folder


def test_an_own_template_printing_the_answers_as_text(tmp_path: Path, put_together: list[int],
                                                      told: dict[int, list[str]]) -> None:
    folder = own_template(tmp_path)
    rows = [{**GROUPS[n % 2], "name": name, **ADDRESSES[n % len(ADDRESSES)]} for n, name in enumerate(NAMES)]
    assert_as_foi_new(tmp_path, told, rows, "--no-profile", "--templates", str(folder),
                      new_options=("--no-profile", "--templates", str(folder)))
    assert len(put_together) > len(rows) // 2


# --- divergences found ---------------------------------------------------------------------------------


@pytest.mark.parametrize("own", [False, True], ids=["builtin", "own-template"])
def test_the_second_letter_s_note_counts_the_items_foi_new_counts(tmp_path: Path, told: dict[int, list[str]],
                                                                  own: bool) -> None:
    """drafting.build's note on the second letter ("asks for N local or more often withheld item(s)")
    counts the numbered items of the second letter's blocks. The memo kept the note of the letter drafted
    with stand-ins, so a row whose own answers make a numbered list (a name "1. Jo Bloggs" above address
    lines "2. High St" and "3. Low St": the whole signature reads as items) was told the other rows'
    count: 2 instead of foi new's 5. The letters' bytes were right; what the adviser was told was not."""
    rows = [{**BASE, "name": "Mary Jones", "address": "4 High St\nEly"},
            {**BASE, "name": "1. Jo Bloggs", "address": "2. High St\n3. Low St"}]
    options = ("--no-profile",)
    if own:  # an own template that gives the name a paragraph of its own: the name alone is enough
        folder = tmp_path / "templates" / "letters"
        folder.mkdir(parents=True)
        source = (builtin_templates() / "letters" / "request.md.j2").read_text(encoding="utf-8")
        (folder / "request.md.j2").write_text(source + "\n{{ name }}\n", encoding="utf-8")
        rows[1] = {**BASE, "name": "1. Jo Bloggs", "email": "jo@example.org"}
        rows[0] = {**BASE, "name": "Mary Jones", "email": "mary@example.org"}
        options = ("--no-profile", "--templates", str(folder.parent))
    assert_as_foi_new(tmp_path, told, rows, *options, new_options=options)


# --- the template analysis itself: whatever it lets take a stand-in renders as the answers put in ------


ACCEPTED = [  # the uses memo.template_use lets take stand-ins, with text the markup reads
    "{{ name }}", "{{ email }}", "{% if name %}N{% endif %}", "{% if not email %}no email{% endif %}",
    "{% if address and not email %}post{% else %}mail{% endif %}", "{{ 'x' if address_lines else 'y' }}",
    "{{ signature | hardbreaks }}", "{{ address_lines | hardbreaks }}", "{{ address_lines | join(', ') }}",
    "{% for c in range(2) %}{{ name }}{% endfor %}", "{% if name %}{% if email %}{{ email }}{% endif %}{% endif %}",
    "\n", "\n\n", "1. ", "# ", "**", " text ", "\\\n", "{{- name -}}", "{%- if email %} {{ email }} {% endif -%}",
]
REFUSED = [  # uses that depend on more than the text and whether it was given
    "{{ name | upper }}", "{{ name ~ '.' }}", "{% for line in signature %}{{ line }};{% endfor %}",
    "{% if address_lines | length > 1 %}long{% endif %}", "{{ signature | length }}", "{{ name | e }}",
    "{% with who = name %}{{ who }}{% endwith %}", "{{ email or name }}", "{{ [name] | first }}", "{{ name[:3] }}",
    "{% if name == 'Jo Bloggs' %}Jo{% endif %}", "{% if 'a' in name %}a{% endif %}", "{{ address }}",
    "{% if email is string %}s{% endif %}", "{{ address_lines | join(' / ') }}{{ address_lines | join('') }}",
]
VALUES = st.text(alphabet=st.sampled_from("Jo Bl*_[]<>#|\\`1.\n\t ,éẞ\u00a0\u0308-@"), min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(fragments=st.lists(st.sampled_from(ACCEPTED), min_size=1, max_size=10),
       refused=st.lists(st.sampled_from(REFUSED), max_size=1), where=st.integers(0, 10),
       name=VALUES, email=VALUES, address=VALUES)
def test_what_the_analysis_accepts_renders_as_its_stand_ins_replaced(fragments: list[str], refused: list[str],
                                                                     where: int, name: str, email: str,
                                                                     address: str) -> None:
    """The letter template's check (memo.template_use) against Jinja itself: for any template it lets
    take stand-ins, rendering with a row's answers gives the text rendered with the stand-ins and then
    the row's answers put in their place (the shape, which answers were given, being the same)."""
    from foi.letter.drafting import _signature, address_lines
    from foi.letter.environment import environment
    from foi.letter.markup import escape

    source = "".join(fragments[:where] + refused + fragments[where:])
    keys = ("name", "email", "address")
    use = memo.template_use(source, keys, None)
    assert use.safe == (not refused)
    personal = {"name": name, "email": email, "address": address}
    if refused or memo.shape_of(personal, keys) != (2, 2, 2):
        return
    template = environment(None).from_string(source)

    def render(answers: dict[str, str]) -> str:
        context = {key: escape(value) for key, value in answers.items()}
        context.update(signature=_signature(answers), address_lines=address_lines(answers["address"]))
        return str(template.render(**context))

    marked = render({key: memo.stand_in(key) for key in keys})
    join = next(iter(use.joins), None)
    for token, value in memo._pairs(personal, keys, join):
        marked = marked.replace(token, value)
    assert memo._OPEN not in marked
    assert marked == render(personal)

"""Property tests: random input into the answer loop, the YAML reader, the directory reader and the
checker gives a letter (or a result) or a clean FoiError, never any other exception."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from foi.checks import check_text
from foi.directory import authorities
from foi.export import registry
from foi.letter import drafting
from foi.request import intake
from foi.request.answers import Source
from foi.request.questions import TYPES, InvalidAnswer, Question, parse
from foi.support import yamlio
from foi.support.errors import FoiError

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text with the awkward characters: controls, bidi overrides, NUL, lone surrogates, markup, quotes.
awkward = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\x00", "\x1b", "\x07", "\u202e", "\u2066", "\ud800", "\udcff", "[", "]", "/", "{", "}", "\n", "\r"]),
    ),
    max_size=60,
)
plausible = st.sampled_from(["Jane Smith", "J. O'Neil-Smith", "2025-04-01", "01/04/2025", "yes", "A4e Ltd",
                             "jane@example.org", "1 High St, London SW1A 1AA", "Zo\u00eb \u2019s <b>x</b>"])
scalars = st.one_of(plausible, st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), awkward,
                    st.dates(min_value=date(1, 1, 1)))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(awkward, inner, max_size=3)),
                      max_leaves=8)
BASE = {"scenario": "provider-data-access", "authority": "dwp", "name": "Jane Smith",
        "email": "jane@example.org", "provider": "A4e"}
KEYS = ["name", "email", "address", "organisation", "officer", "provider", "date_from", "date_to",
        "authority", "scenario", "definitions", "time_limit", "format_preference"]


@FAST
@given(st.sampled_from(TYPES), values)
def test_parse_gives_a_value_or_a_reason(qtype: str, value: Any) -> None:
    question = Question("key", "Key", type=qtype, choices=("one", "two") if qtype == "choice" else ())
    try:
        parse(question, value)
    except InvalidAnswer as err:
        assert str(err)


@FAST
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=4))
def test_answer_loop_gives_a_letter_or_a_clean_error(changes: dict[str, Any]) -> None:
    answers = {**BASE, **changes}
    try:
        taken = intake.collect([Source("answers.yaml", answers)], letter_date=date(2026, 6, 1), asker=None)
        text = registry.render(drafting.build(taken), "text").decode("utf-8")
    except FoiError as err:
        assert err.message and "\n" not in err.message
        event("a clean error")
        return
    event("a letter")
    assert "\x00" not in text and "\x1b" not in text and "\u202e" not in text


@FAST
@given(awkward.map(lambda t: t.replace("\x00", "")) | st.sampled_from(
    ["a: &a [1]\nb: *a\n", "a: 1\na: 2\n", "d: 2026-02-30\n", "[[[[[[", "<<: {a: 1}\n", "x: !!python/object {}\n"]))
def test_yaml_reader_gives_data_or_a_clean_error(text: str) -> None:
    try:
        yamlio.load(text, "t.yaml")
    except FoiError as err:
        assert err.message.startswith("t.yaml")


csv_cells = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from([",", '"', "\n", "\r", "\x00"]),
                    max_size=40)


@FAST
@given(st.lists(csv_cells, max_size=6), st.sampled_from(["utf-8", "utf-8-sig", "latin-1"]))
def test_directory_reader_gives_a_directory_or_a_clean_error(rows: list[str], encoding: str) -> None:
    text = "Name,Short name,URL name,Tags\n" + "\n".join(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dir.csv"
        path.write_bytes(text.encode(encoding, errors="replace"))
        try:
            found = authorities.load(str(path))
        except FoiError as err:
            assert err.message and "\n" not in err.message
            return
        authorities.search("council", found)


@FAST
@given(awkward, st.booleans())
def test_checker_gives_findings_for_any_text(text: str, body_only: bool) -> None:
    findings = check_text(text, body_only=body_only)
    assert all(f.rule and f.message for f in findings)


@FAST
@given(st.lists(csv_cells, max_size=6), st.sampled_from([".csv", ".yaml"]), st.sampled_from(["utf-8", "cp1252"]))
def test_batch_reader_gives_rows_or_a_clean_error(rows: list[str], suffix: str, encoding: str) -> None:
    from foi.batch.reader import open_table

    text = "authority,scenario,name,email\n" + "\n".join(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"rows{suffix}"
        path.write_bytes(text.encode(encoding, errors="replace"))
        try:
            table = open_table(path, {"authority", "scenario", "name", "email"})
            for _ in table.rows():
                pass
        except FoiError as err:
            assert err.message and "\n" not in err.message

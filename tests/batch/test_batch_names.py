"""File names safe on every file system, and headers matched as advisers write them."""

from __future__ import annotations

import pytest

from foi.batch.headers import match
from foi.batch.names import slug, stem, width


@pytest.mark.parametrize(("name", "expected"), [
    ("Cyngor Sir Ynys Môn", "cyngor-sir-ynys-mon"),
    ("Comhairle nan Eilean Siar", "comhairle-nan-eilean-siar"),
    ("Tŷ Gwyn / Housing\\Trust: \"A\" <B>?*|", "ty-gwyn-housing-trust-a-b"),
    ("..hidden", "hidden"),
    ("CON", "con-body"),
    ("com1", "com1-body"),
    ("", "body"),
    ("---", "body"),
    ("Health & Social Care", "health-and-social-care"),
])
def test_slugs(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_slugs_are_capped_at_a_word() -> None:
    long = slug("The Borough Council of King's Lynn and West Norfolk and Somewhere Else Entirely")
    assert len(long) <= 40 and not long.endswith("-")
    assert long == "the-borough-council-of-kings-lynn-and"


def test_stems_number_every_letter_and_widen_for_big_batches() -> None:
    assert stem(7, "dwp", "sanctions") == "007-dwp-sanctions"
    assert width(999) == 3 and width(1000) == 4 and width(100_000) == 6
    assert stem(42, "dwp", "sanctions", width(12_000)) == "00042-dwp-sanctions"


def test_headers_fold_case_spacing_and_punctuation() -> None:
    columns, problems = match(["Date From", "DATE_TO", "e-mail", "Authority ", "Client ref", None], {
        "date_from", "date_to", "email", "authority", "name"})
    assert problems == []
    assert [c.key for c in columns] == ["date_from", "date_to", "email", "authority", None, None]


def test_a_header_close_to_a_key_is_a_typo_and_a_repeated_one_is_refused() -> None:
    _, problems = match(["Nmae", "email", "E-mail"], {"name", "email"})
    assert problems == [
        "column 'Nmae' is not an answer key (did you mean 'name'?): rename it",
        "column 'E-mail' repeats column 'email': keep one of them",
    ]


def test_seen_remembers_every_fingerprint_and_its_first_row_as_it_grows() -> None:
    from foi.batch.advice import fingerprint
    from foi.batch.seen import Seen

    seen = Seen()
    keys = [fingerprint("row", n) for n in range(5000)]
    assert all(seen.first(key, row) is None for row, key in enumerate(keys, start=2))
    assert [seen.first(keys[n], 9999) for n in (0, 1234, 4999)] == [2, 1236, 5001]
    assert seen.first(0, 7) is None and seen.first(0, 8) == 7  # 0 is a fingerprint like any other


def test_the_adviser_tells_requests_apart_by_every_answer_and_its_type() -> None:
    """Letters with the same request (the answers that are not personal) share its fingerprint,
    whatever the order of the personal keys; an answer of another type (1, 1.0, True, "1") or a list
    makes another request, worked out afresh as the cache would otherwise hide it."""
    from foi.batch.advice import Adviser

    adviser = Adviser()
    personal = ["name", "email"]

    def add(row: int, **answers: object) -> int:
        return adviser.add(row, "dwp", "DWP", "foia", "s", {"provider": "A4e", **answers}, personal)

    first = add(2, officer=1, name="Jo Smith", email="jo@example.org")
    assert add(3, officer=1, email="al@example.org", name="Al Jones") == first
    kinds = [add(4, officer=1.0, name="Jo Smith"), add(5, officer=True, name="Jo Smith"),
             add(6, officer="1", name="Jo Smith"), add(7, officer=[1], name="Jo Smith")]
    assert len({first, *kinds}) == 5
    assert add(8, officer=[1], name="Di Price") == kinds[-1]
    assert add(9, name="Jo Smith", email="jo@example.org", officer=1) == first  # the same letter as row 2
    warnings = adviser.warnings()
    assert any(w.startswith("rows 2 and 9 are the same request to the same body for the same person") for w in warnings)
    assert any(w.startswith("rows 2, 3 and 9 send the same request to DWP") for w in warnings)


@pytest.mark.parametrize(("line", "expected"), [
    ("authority,scenario,name\r\n", ","),
    ("authority;scenario;name\r\n", ";"),
    ("authority\tscenario\tname\n", "\t"),
    ('"Name, in full";Email;Authority\n', ";"),
    ("authority\n", ","),
])
def test_the_delimiter_is_read_from_the_header_line(line: str, expected: str) -> None:
    from foi.batch.csv_table import delimiter_of

    assert delimiter_of(line) == expected


def test_seen_holds_a_hundred_thousand_rows_in_little_memory() -> None:
    """About 20 bytes a row (12 for the entry, 4 to 8 for the table), not a dict's hundred."""
    from foi.batch.advice import fingerprint
    from foi.batch.seen import Seen

    seen = Seen()
    for row in range(100_000):
        assert seen.first(fingerprint("row", row), row) is None
    size = sum(part.itemsize * len(part) for part in (seen._keys, seen._rows, seen._table))
    assert size < 100_000 * 24, size
    assert seen.first(fingerprint("row", 77_777), 1) == 77_777
    colliding = [n << 20 for n in range(50)]  # the same low bits: one long run of slots
    assert all(seen.first(key, 5) is None for key in colliding)
    assert [seen.first(key, 6) for key in colliding] == [5] * 50

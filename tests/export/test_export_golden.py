"""Golden files: the text, markdown, WhatDoTheyKnow and HTML letters, byte for byte.

Run `pytest --update-golden` after a deliberate change to the letters, and read the diff.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from export_support import make_draft

from foi.export import registry

CASES = {
    # A Welsh claimant writing for an advice centre to DWP about A4e (FOIA).
    "dwp-welsh": {},
    # The same to a Scottish public authority (FOISA), with a named officer and a postal address only.
    "scotgov-officer": {
        "authority": "scottish-government", "officer": "Ms Morag Dunbar", "email": None, "organisation": None,
    },
}
GOLDEN_FORMATS = ("text", "markdown", "wdtk", "html")


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("fmt", GOLDEN_FORMATS)
def test_golden(case: str, fmt: str, golden: Callable[[str, bytes], None]) -> None:
    answers: dict[str, Any] = CASES[case]
    draft = make_draft(**answers)
    golden(f"export-{case}{registry.EXTENSIONS[fmt]}", registry.render(draft, fmt))

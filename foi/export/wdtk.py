"""`--format wdtk`: the text to paste into WhatDoTheyKnow's request box, and how to send it.

WhatDoTheyKnow (on the Alaveteli engine) starts a request at
https://www.whatdotheyknow.com/new/<URL name>, asks for a one-line summary, and gives a box holding
"Dear <body>," and "Yours faithfully,". It adds the requester's name below the sign-off and sends
the request from its own address, which is the address for correspondence, and publishes
everything. So the file holds only the body, from "Dear ..." to "Yours faithfully,": no heading,
date, postal addresses, name or email. Each paragraph stays on one line so that the box and the
site do the wrapping.

The link, the summary to type and the warning that everything is published go to the person on
stderr (`notices`), never into the file, so that what they paste is exactly the letter. A subject
access request is refused: it asks for the person's own data, which must never be published, and
WhatDoTheyKnow does not take them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from foi.export.notice import Notice
from foi.letter import anatomy, markup
from foi.letter.drafting import Draft
from foi.letter.environment import render_string
from foi.request.validators import _POSTCODE as POSTCODE  # the project's one UK postcode pattern
from foi.support.errors import FoiError
from foi.support.paths import builtin_templates

EMAIL_IN_TEXT = re.compile(r"[^\s@<>()\[\],;:\"]+@[^\s@<>()\[\],;:\"]+\.[A-Za-z]{2,}")
WORDS = "export/wdtk.yaml"


def write(draft: Draft) -> bytes:
    """The body to paste, UTF-8, one paragraph a line."""
    return body(draft).encode("utf-8")


def body(draft: Draft) -> str:
    """From "Dear ..." to "Yours faithfully,": what WhatDoTheyKnow's box should hold."""
    refuse_subject_access(draft)
    parts = anatomy.split(draft.blocks)
    if parts is None:
        raise FoiError(
            'wdtk: the letter has no "Dear ..." line followed by a "Yours ...," sign-off, '
            "which WhatDoTheyKnow's box needs: check your own template"
        )
    return markup.to_text(list(parts.body), width=None)


def refuse_subject_access(draft: Draft) -> None:
    """WhatDoTheyKnow publishes everything, so it takes no request for a person's own data."""
    if draft.regime.kind == "sar":
        raise FoiError(
            "--format wdtk: WhatDoTheyKnow does not take subject access requests (your own data "
            "would be published): send this one to the body yourself, as text, docx or eml"
        )


def notices(draft: Draft) -> list[Notice]:
    """Where to paste it, the summary to give, that it is all published, and anything personal seen in it."""
    text = body(draft)
    url = draft.authority.wdtk_url
    context = {"url": url, "title": draft.title, "authority": draft.authority.name}
    found = [
        Notice(_say("how_to" if url else "no_page", context), warning=False),
        Notice(_say("published", context)),
    ]
    if EMAIL_IN_TEXT.search(text):
        found.append(Notice(_say("email_in_text", context)))
    if POSTCODE.search(text):
        found.append(Notice(_say("postcode_in_text", context)))
    return found


def _say(key: str, context: dict[str, Any]) -> str:
    return str(render_string(_words()[key], context, str(builtin_templates() / WORDS)))


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    from foi.support import yamlio

    return dict(yamlio.read(builtin_templates() / WORDS))

"""`--format eml`: the request as an email message that a mail program opens as a draft to send.

To the body's FOI address from the directory (left out, with a warning, when there is none), from
the requester, with the subject WhatDoTheyKnow uses ("Freedom of Information request - <title>",
or the regime's own name), and the letter as the UTF-8 text body. `X-Unsent: 1` makes Outlook open
it as an unsent draft with a Send button; Thunderbird and Apple Mail open it as a message to edit
or send again.

Reproducible: the same Draft gives the same bytes. `Date` is the letter's date at midnight UTC (a
mail program puts the real time on when it sends), and `Message-ID` is a hash of the headers and
body, so it changes exactly when the message does.

Header injection: no value a person typed can add a header. Answers are already refused at the
answer loop if they hold a line break, but this writer checks again and refuses any header value
with a line break or other control character, so a bug elsewhere cannot open a `Bcc:`.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import UTC, datetime
from typing import Any

from foi.export.notice import Notice
from foi.letter import markup
from foi.letter.drafting import Draft
from foi.support.errors import FoiError

# Domain of the Message-ID when the requester gave no email address (.invalid is reserved: RFC 2606).
NO_DOMAIN = "foi.invalid"


def write(draft: Draft) -> bytes:
    """The message as bytes, CRLF line endings (RFC 5322), body quoted-printable UTF-8."""
    from email import policy
    from email.message import EmailMessage
    from email.utils import format_datetime

    name, sender = draft.answers.get("name"), draft.answers.get("email")
    to = _address("the body's email address", draft.authority.name, draft.authority.email)
    from_ = _address("your name or email address", name, sender)
    subject = _checked("the subject", draft.subject)
    date = format_datetime(datetime(*draft.letter_date.timetuple()[:3], tzinfo=UTC))
    body = markup.to_text(draft.blocks)
    message = EmailMessage(policy=policy.SMTP)
    if from_ is not None:
        message["From"] = from_
    if to is not None:
        message["To"] = to
    message["Subject"] = subject
    message["Date"] = date
    message["Message-ID"] = _message_id("\n".join((str(from_), str(to), subject, date, body)), sender)
    message["X-Unsent"] = "1"
    message.set_content(body, charset="utf-8", cte="quoted-printable")
    return message.as_bytes()


def notices(draft: Draft) -> list[Notice]:
    """Tell the person what the message lacks: a To address, or one that is not confirmed."""
    authority = draft.authority
    found: list[Notice] = []
    if not authority.email:
        found.append(Notice(
            f"the directory has no email address for {authority.name}: the .eml has no To line; "
            "add the address from its website before sending"
        ))
    elif not authority.verified:
        found.append(Notice(
            f"the email address for {authority.name} ({authority.email}) is not confirmed: "
            "check it on the body's website before sending"
        ))
    if authority.email and draft.regime.kind == "sar":
        found.append(Notice(
            f"the To address is {authority.name}'s FOI address: a subject access request may go to any "
            "part of a body, but check whether it has its own address for them"
        ))
    if not draft.answers.get("email"):
        found.append(Notice("you gave no email address: the .eml has no From line; your mail program adds yours"))
    return found


def _address(what: str, display_name: Any, addr_spec: Any) -> Any:
    """A header address, or None without an email address; refused when a value could break a header."""
    from email.headerregistry import Address

    if not addr_spec:
        return None
    spec = _checked(what, str(addr_spec))
    shown = _checked(what, str(display_name)) if display_name else ""
    try:
        return Address(display_name=shown, addr_spec=spec)
    except (ValueError, IndexError, TypeError):
        raise FoiError(f"eml: {what} '{spec}' is not an email address that can go in a header: correct it") from None


def _checked(what: str, value: str) -> str:
    """The value unchanged, or refused when it holds a line break or any other control character."""
    if any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in value):
        raise FoiError(f"eml: {what} contains a line break or control character: give it on one line")
    return value


def _message_id(content: str, sender: Any) -> str:
    """`<hash@domain>` from everything in the message: the same message, the same id.

    The domain is the requester's own (as their mail program would use), else foi.invalid.
    """
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:32]
    domain = str(sender).rpartition("@")[2] if sender else NO_DOMAIN
    return f"<{digest}@{domain}>"

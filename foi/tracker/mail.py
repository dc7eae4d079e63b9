"""Reading an email message (.eml): its subject and plain text, for letters and replies alike."""

from __future__ import annotations


def message_text(raw: bytes) -> tuple[str, str | None]:
    """The plain-text body of a message (its HTML made plain where there is no text part) and
    its subject."""
    from email import policy
    from email.parser import BytesParser

    message = BytesParser(policy=policy.default).parsebytes(raw)
    subject = message.get("Subject")
    part = message.get_body(preferencelist=("plain", "html"))
    text = ""
    if part is not None:
        text = part.get_content()
        if part.get_content_type() == "text/html":
            text = _html_text(text)
    return text, str(subject) if subject else None


def _html_text(html: str) -> str:
    import html as entities
    import re

    text = re.sub(r"(?is)<(script|style).*?</\1>", " ", html)
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>", "\n\n", text)
    return entities.unescape(re.sub(r"<[^>]+>", " ", text))

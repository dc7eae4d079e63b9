"""The .eml read back with Python's email parser: headers, encoding, body, and no header injection."""

from __future__ import annotations

import dataclasses
import email
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from export_support import WELSH_ARGS, make_draft, without
from typer.testing import CliRunner

from foi.cli import app
from foi.export import eml, registry
from foi.law import regimes
from foi.support.errors import FoiError

runner = CliRunner()


def parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def subject(message: EmailMessage) -> str:
    """The subject as a mail program shows it: a header that fits on one continuation line is folded
    before its first word (RFC 5322 folding), and the whitespace after the colon is not shown."""
    return str(message["Subject"]).lstrip()


def body(message: EmailMessage) -> str:
    """The body text; on the wire (and in the file) its lines end in CRLF."""
    return str(message.get_content()).replace("\r\n", "\n")


def test_headers_body_and_encoding() -> None:
    draft = make_draft()
    data = registry.render(draft, "eml")
    message = parse(data)
    assert message["From"].addresses[0].display_name == "Siân Llŷr"
    assert message["From"].addresses[0].addr_spec == "sian.llyr@example.org"
    assert str(message["To"]) == "Department for Work and Pensions <freedom-of-information-request@dwp.gov.uk>"
    assert subject(message) == "Freedom of Information request - A4e staff's access to claimant records"
    assert message["Date"] == "Mon, 23 Nov 2026 00:00:00 +0000"
    assert message["X-Unsent"] == "1"
    assert message["Message-ID"].startswith("<") and message["Message-ID"].endswith("@example.org>")
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert message["Content-Transfer-Encoding"] == "quoted-printable"
    assert message["Bcc"] is None and message["Cc"] is None
    assert body(message) == registry.render(draft, "text").decode("utf-8")
    assert "Siân Llŷr\nfor Canolfan Gyngor Gwenllïan" in body(message)


def test_raw_file_is_7bit_crlf_with_short_lines() -> None:
    data = registry.render(make_draft(), "eml")
    data.decode("ascii")  # names travel encoded (RFC 2047 headers, quoted-printable body)
    lines = data.split(b"\r\n")
    assert b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 78
    assert b"=?utf-8?q?Si=C3=A2n_Ll=C5=B7r?=" in data


def test_reproducible_and_message_id_follows_content() -> None:
    assert registry.render(make_draft(), "eml") == registry.render(make_draft(), "eml")
    one = parse(registry.render(make_draft(), "eml"))["Message-ID"]
    other = parse(registry.render(make_draft(provider="Maximus"), "eml"))["Message-ID"]
    assert one != other


@pytest.mark.parametrize(
    ("regime_id", "heading"),
    [
        ("foia", "Freedom of Information request - "),
        ("foisa", "Freedom of Information (Scotland) request - "),
        ("eir", "Request for environmental information - "),
        ("sar", "Subject access request - "),
    ],
)
def test_subject_names_the_regime(regime_id: str, heading: str) -> None:
    draft = dataclasses.replace(make_draft(), regime=regimes.get(regime_id))
    assert subject(parse(registry.render(draft, "eml"))) == heading + "A4e staff's access to claimant records"


def test_scottish_body_subject_from_real_draft() -> None:
    message = parse(registry.render(make_draft(authority="scottish-government"), "eml"))
    assert subject(message).startswith("Freedom of Information (Scotland) request - ")
    assert message["To"] is None  # the directory has no email for it


def test_no_email_in_directory_leaves_out_to_with_a_warning() -> None:
    draft = make_draft(authority="dfc")
    assert parse(registry.render(draft, "eml"))["To"] is None
    notices = [n.text for n in registry.notices(draft, "eml")]
    assert any("no email address for Department for Communities" in n and "no To line" in n for n in notices)


def test_unverified_address_is_flagged() -> None:
    notices = [n.text for n in registry.notices(make_draft(), "eml")]
    assert notices == [
        "the email address for Department for Work and Pensions (freedom-of-information-request@dwp.gov.uk) "
        "is not confirmed: check it on the body's website before sending"
    ]


def test_subject_access_request_to_the_foi_address_is_flagged() -> None:
    draft = dataclasses.replace(make_draft(), regime=regimes.get("sar"))
    assert any("FOI address: a subject access request" in n.text for n in registry.notices(draft, "eml"))
    assert not any("subject access" in n.text for n in registry.notices(make_draft(), "eml"))


def test_postal_only_requester_has_no_from_line() -> None:
    draft = make_draft(email=None)
    message = parse(registry.render(draft, "eml"))
    assert message["From"] is None and message["Message-ID"].endswith("@foi.invalid>")
    assert any("no From line" in n.text for n in registry.notices(draft, "eml"))


@pytest.mark.parametrize("bad", ["Jane Smith\nBcc: x@y.z", "Jane Smith\r\nBcc: x@y.z", "Jane Smith\u2028Bcc: x@y.z"])
def test_writer_refuses_a_line_break_in_any_header_value(bad: str) -> None:
    draft = make_draft()
    by_name = dataclasses.replace(draft, answers={**draft.answers, "name": bad})
    with pytest.raises(FoiError, match="line break"):
        eml.write(by_name)
    by_title = dataclasses.replace(draft, title="Access\nBcc: x@y.z")
    with pytest.raises(FoiError, match="line break"):
        eml.write(by_title)
    by_email = dataclasses.replace(draft, answers={**draft.answers, "email": "a@b.org\nBcc: x@y.z"})
    with pytest.raises(FoiError, match="line break"):
        eml.write(by_email)


def test_answers_file_with_bcc_line_never_reaches_the_headers(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text('name: "Jane Smith\\nBcc: x@y.z"\n', encoding="utf-8")
    out = tmp_path / "letter.eml"
    result = runner.invoke(app, [*without(WELSH_ARGS, "name"), "--answers", str(answers), "--format", "eml", "--output", str(out)])
    assert result.exit_code == 1
    assert "'name': give it on a single line" in result.stderr and result.stderr.count("\n") == 1
    assert not out.exists()


def test_set_value_with_bcc_line_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "letter.eml"
    result = runner.invoke(app, [*WELSH_ARGS, "--set", "name=Jane Smith\nBcc: x@y.z", "--format", "eml",
                                 "--output", str(out)])
    assert result.exit_code == 1 and "single line" in result.stderr
    assert not out.exists()


def test_multi_line_address_stays_in_the_body(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("address: |\n  1 High Street\n  Bcc: x@y.z\n  Leeds LS1 1AA\n", encoding="utf-8")
    out = tmp_path / "letter.eml"
    args = without(WELSH_ARGS, "address")
    result = runner.invoke(app, [*args, "--answers", str(answers), "--format", "eml", "--output", str(out)])
    assert result.exit_code == 0, result.output
    message = parse(out.read_bytes())
    assert message["Bcc"] is None
    assert set(message.keys()) == {"From", "To", "Subject", "Date", "Message-ID", "X-Unsent", "Content-Type",
                                   "Content-Transfer-Encoding", "MIME-Version"}
    assert "1 High Street\nBcc: x@y.z\nLeeds LS1 1AA" in body(message)

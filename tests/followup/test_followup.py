"""`foi followup` end to end on a real tracker file: the letters' dates and sections, the grounds a
refusal proposes, the warnings, every export format, and the events recorded."""

from __future__ import annotations

import subprocess
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi.cli import app
from foi.export import registry
from foi.followup import reply
from foi.law import regimes
from foi.tracker import recording

REPLIES = Path(__file__).parent / "replies"


def foi(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def track(body: str, sent: str = "2026-06-01", *events: tuple[str, str]) -> str:
    code, _, err = foi("track", "add", "--body", body, "--title", "Restart guidance", "--sent", sent)
    assert code == 0, err
    request_id = err.split("id ")[1].split()[0]
    for kind, on in events:
        code, _, err = foi("track", "event", request_id, kind, "--date", on)
        assert code == 0, err
    return request_id


def flat(text: str) -> str:
    return " ".join(text.split())


def test_chase_names_the_date_sent_the_date_due_and_section_10(db: Path) -> None:
    request_id = track("dwp")
    code, out, err = foi("followup", "chase", request_id, "--date", "2026-07-03")
    assert code == 0, err
    text = flat(out)
    assert "on 1 June 2026" in text and "that was 30 June 2026" in text
    assert "Under section 10(1) of the Freedom of Information Act 2000" in text
    assert "3 working days late" in text
    assert "under section 50" in text
    assert "Warning" not in err
    assert [e.kind for e in recording.load(None, int(request_id)).events] == ["sent", "chased"]


def test_chase_after_a_clarification_counts_from_it(db: Path) -> None:
    request_id = track("dwp", "2026-06-01", ("clarified", "2026-06-15"))
    code, out, err = foi("followup", "chase", request_id, "--date", "2026-07-16", "--no-track")
    assert code == 0, err
    text = flat(out)
    assert "You received my clarification on 15 June 2026" in text and "section 1(3)" in text
    assert "that was 14 July 2026" in text
    assert [e.kind for e in recording.load(None, int(request_id)).events] == ["sent", "clarified"]


def test_a_chaser_before_the_due_date_warns_and_says_when(db: Path) -> None:
    request_id = track("dwp")
    code, _, err = foi("followup", "chase", request_id, "--date", "2026-06-20", "--no-track")
    assert code == 0
    assert "this is early: the reply is not due until 30 June 2026" in err


def test_a_chaser_for_an_answered_request_points_to_a_review(db: Path) -> None:
    request_id = track("dwp", "2026-06-01", ("refused", "2026-06-20"))
    code, out, err = foi("followup", "chase", request_id, "--date", "2026-07-03")
    assert code == 1 and out == ""
    assert f"foi followup review {request_id}" in err


def test_foisa_chase_cites_foisa_s10_and_warns_a_review_comes_first(db: Path) -> None:
    request_id = track("Glasgow City Council")
    code, out, err = foi("followup", "chase", request_id, "--date", "2026-07-03", "--no-track")
    assert code == 0, err
    assert "section 10(1) of the Freedom of Information (Scotland) Act 2002" in flat(out)
    assert "require a review under section 20" in flat(out)
    assert "needs a review first" in err


def test_foisa_review_cites_section_20_and_states_the_dissatisfaction(db: Path) -> None:
    request_id = track("Glasgow City Council", "2026-06-01", ("refused", "2026-06-25"))
    code, out, err = foi("followup", "review", request_id, "--ground", "exemption-wrong",
                         "--reason", "The figures are anonymous.", "--date", "2026-07-01")
    assert code == 0, err
    text = flat(out)
    assert "Requirement for review" in text
    assert "requirement for review under section 20 of the Freedom of Information (Scotland) Act 2002" in text
    assert "The matter giving rise to my dissatisfaction is as follows:" in text
    assert "Exemption wrongly applied." in text and "The figures are anonymous." in text
    assert "(section 21)" in text
    assert "1 High Street" in text  # s.20(3): name and address for correspondence
    assert "Freedom of Information Act 2000" not in text
    assert recording.load(None, int(request_id)).events[-1].kind == "review-requested"


def test_foisa_review_without_a_reason_is_refused_citing_s20(db: Path) -> None:
    request_id = track("Glasgow City Council", "2026-06-01", ("refused", "2026-06-25"))
    code, out, err = foi("followup", "review", request_id, "--date", "2026-07-01")
    assert code == 2 and out == ""
    assert "section 20 requires the matter giving rise to your dissatisfaction to be stated" in err


def test_a_held_back_s12_refusal_gives_a_review_about_the_cost_estimate(db: Path) -> None:
    request_id = track("dwp", "2026-06-01", ("refused", "2026-06-26"))
    code, out, err = foi("followup", "review", request_id, "--reply",
                         str(REPLIES / "dwp_s12_refusal.txt"), "--date", "2026-07-01")
    assert code == 0, err
    text = flat(out)
    assert "1. Cost estimate not justified." in text
    assert "2. No advice and assistance." in text and "section 16" in text
    assert "redacting" in text
    assert "Exemption wrongly applied" not in text
    assert "Section 12(1)" in err and "exceed the appropriate limit" in flat(err)


def test_reply_findings_read_each_regime_and_words(tmp_path: Path) -> None:
    foia = regimes.get("foia")
    found = reply.findings("We withhold the names under section 40(2) as personal data, and "
                           "the prices under s.43(2).", foia)
    assert [f.trigger.key for f in found] == ["personal", "commercial"]
    assert found[0].cited == "section 40(2)"
    eir = regimes.get("eir")
    found = reply.findings("The request is manifestly unreasonable under regulation 12(4)(b) "
                           "because of the cost.", eir)
    assert [f.trigger.key for f in found] == ["cost"]
    message = tmp_path / "reply.eml"
    message.write_bytes(b"From: foi@council.gov.uk\r\nSubject: Your request\r\nContent-Type: text/plain\r\n\r\n"
                        b"The information is not held by the Council.\r\n")
    found = reply.findings(reply.read(message), foia)
    assert [f.trigger.key for f in found] == ["not_held"]


def test_foia_complaint_cites_s50_and_the_information_commissioner_and_lists_attachments(
    db: Path, tmp_path: Path
) -> None:
    request_id = track("dwp", "2026-06-01", ("refused", "2026-06-26"))
    refusal = tmp_path / "refusal.txt"
    refusal.write_text("refused", encoding="utf-8")
    foi("track", "event", request_id, "review-requested", "--date", "2026-07-01")
    foi("track", "event", request_id, "review-response", "--date", "2026-07-20", "--file", str(refusal))
    code, out, err = foi("followup", "complain", request_id, "--ground", "cost-estimate",
                         "--date", "2026-07-27")
    assert code == 0, err
    text = flat(out)
    assert "Complaint to the Information Commissioner's Office" in text
    assert "under section 50 of the Freedom of Information Act 2000" in text
    assert "Wycliffe House" in text
    assert "On 26 June 2026: The authority refused the request." in text
    assert "refusal.txt" in text
    assert "Warning" not in err
    assert recording.load(None, int(request_id)).events[-1].kind == "complaint"


def test_a_complaint_without_a_review_warns_and_a_late_one_too(db: Path) -> None:
    request_id = track("dwp", "2026-06-01", ("refused", "2026-06-26"))
    code, _, err = foi("followup", "complain", request_id, "--date", "2026-07-01", "--no-track")
    assert code == 0 and "internal review first" in err
    foi("track", "event", request_id, "review-requested", "--date", "2026-07-01")
    foi("track", "event", request_id, "review-response", "--date", "2026-07-20")
    code, _, err = foi("followup", "complain", request_id, "--date", "2026-10-01", "--no-track")
    assert code == 0 and "this is late" in err and "31 August 2026" in err


def test_foisa_appeal_goes_to_the_scottish_commissioner_under_s47(db: Path) -> None:
    request_id = track("Glasgow City Council", "2026-06-01", ("refused", "2026-06-25"),
                       ("review-requested", "2026-06-26"), ("review-response", "2026-07-20"))
    code, out, err = foi("followup", "complain", request_id, "--reason", "The review upheld a blanket refusal.",
                         "--date", "2026-07-27", "--no-track")
    assert code == 0, err
    text = flat(out)
    assert "Application to the Scottish Information Commissioner" in text
    assert "under section 47 of the Freedom of Information (Scotland) Act 2002" in text
    assert "Kinburn Castle" in text


def test_subject_access_complains_to_the_controller_first(db: Path) -> None:
    code, _, err = foi("track", "add", "--body", "dwp", "--title", "My records", "--regime", "sar",
                       "--sent", "2026-06-01")
    assert code == 0, err
    code, out, err = foi("followup", "complain", "1", "--date", "2026-07-10")
    assert code == 0, err
    assert "Complaint about my subject access request" in out and "Dear DWP," in out
    code, out, err = foi("followup", "complain", "1", "--date", "2026-08-10", "--no-track")
    assert code == 0, err
    assert "Complaint to the Information Commissioner's Office" in out


def test_review_chase_counts_from_the_review_and_warns_when_early(db: Path) -> None:
    request_id = track("dwp", "2026-06-01", ("refused", "2026-06-26"), ("review-requested", "2026-07-01"))
    code, out, err = foi("followup", "review-chase", request_id, "--date", "2026-08-05", "--no-track")
    assert code == 0, err
    text = flat(out)
    assert "On 1 July 2026 I asked for an internal review" in text
    assert "that was 30 July 2026, and at the latest 28 August 2026" in text
    code, _, err = foi("followup", "review-chase", request_id, "--date", "2026-07-10", "--no-track")
    assert "this is early" in err


def test_a_review_asked_more_than_40_working_days_after_the_reply_warns(db: Path) -> None:
    request_id = track("dwp", "2026-06-01", ("refused", "2026-06-10"))
    code, _, err = foi("followup", "review", request_id, "--ground", "public-interest",
                       "--date", "2026-09-01", "--no-track")
    assert code == 0
    assert "this is late" in err and "could refuse" in err


def test_every_export_format_is_written_through_the_registry(db: Path, tmp_path: Path) -> None:
    request_id = track("dwp")
    out = tmp_path / "letters"
    code, _, err = foi("followup", "chase", request_id, "--date", "2026-07-03", "--format", "all",
                       "--output", f"{out}/")
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"chase-{request_id}-dwp-2026-07-03{registry.EXTENSIONS[f]}" for f in registry.FORMATS)
    message = BytesParser(policy=policy.default).parsebytes((out / f"chase-{request_id}-dwp-2026-07-03.eml").read_bytes())
    assert message["Subject"] == "Reply overdue: Freedom of Information request - Restart guidance"
    assert "freedom-of-information-request@dwp.gov.uk" in message["To"]
    import docx

    document = docx.Document(str(out / f"chase-{request_id}-dwp-2026-07-03.docx"))
    assert any("30 June 2026" in p.text for p in document.paragraphs)
    event = recording.load(None, int(request_id)).events[-1]
    assert event.kind == "chased" and event.file is not None and Path(event.file).exists()


def test_chase_overdue_writes_one_for_every_overdue_request(db: Path, tmp_path: Path) -> None:
    first = track("dwp", "2026-06-01")
    track("dwp", "2026-07-01")  # not overdue on 3 July
    third = track("Glasgow City Council", "2026-05-01")
    out = tmp_path / "chasers"
    code, _, err = foi("followup", "chase", "--overdue", "--date", "2026-07-03", "--output", f"{out}/")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"chase-{first}-dwp-2026-07-03.txt", f"chase-{third}-glasgow-city-council-2026-07-03.txt"])
    code, _, err = foi("followup", "chase", "--overdue", "--date", "2026-07-03")
    assert code == 2 and "--output FOLDER/" in err


def test_followup_with_no_arguments_needs_a_terminal(db: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "foi", "followup"], capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr and "foi followup chase 3" in result.stderr
    assert "Traceback" not in result.stderr


def test_boilerplate_words_do_not_propose_grounds(db: Path) -> None:
    found = reply.findings(reply.read(REPLIES / "council_s12_refusal_with_boilerplate.txt"), regimes.get("foia"))
    assert [f.trigger.key for f in found] == ["cost"]
    assert reply.proposed_grounds(found) == ["cost_estimate", "advice_assistance"]
    withheld = reply.findings("We have withheld the names because they are personal data, and the "
                              "public interest in maintaining the exemption outweighs disclosure.",
                              regimes.get("foia"))
    assert [f.trigger.key for f in withheld] == ["personal", "public_interest"]


def test_an_unchased_late_reply_complaint_says_to_chase_first(db: Path) -> None:
    request_id = track("dwp")
    code, _, err = foi("followup", "complain", request_id, "--date", "2026-07-20", "--no-track")
    assert code == 0 and f"foi followup chase {request_id}" in err
    foi("followup", "chase", request_id, "--date", "2026-07-03")
    code, out, err = foi("followup", "complain", request_id, "--date", "2026-07-20", "--no-track")
    assert code == 0 and "Warning" not in err
    assert "it is now 13 working days late" in flat(out)
    assert "My chaser of 3 July 2026" in flat(out)


def test_subject_access_complaint_to_the_ico_names_the_organisation_complaint_first(db: Path) -> None:
    foi("track", "add", "--body", "dwp", "--title", "My records", "--regime", "sar", "--sent", "2026-06-01")
    code, _, err = foi("followup", "complain", "1", "--date", "2026-06-20", "--no-track")
    assert "this is early" in err
    foi("followup", "complain", "1", "--date", "2026-07-10")
    code, out, err = foi("followup", "complain", "1", "--date", "2026-08-10", "--no-track")
    assert code == 0, err
    assert "I complained to DWP first" in flat(out)
    assert "On 10 July 2026: I complained to the organisation." in flat(out)
    code, _, err = foi("followup", "complain", "1", "--date", "2026-11-01", "--no-track")
    assert "this is late" in err and "10 October 2026" in err


def test_your_own_template_wins_over_the_built_in_one(db: Path, tmp_path: Path) -> None:
    request_id = track("dwp")
    own = tmp_path / "mine" / "followup"
    own.mkdir(parents=True)
    (own / "chase.md.j2").write_text("# Chaser\n\nDear {{ body_short }},\n\nStill waiting since {{ sent }}; due {{ due }}.\n\n"
                                     "Yours faithfully,\n\n{{ signature | hardbreaks }}\n", encoding="utf-8")
    code, out, err = foi("followup", "chase", request_id, "--date", "2026-07-03", "--no-track",
                         "--templates", str(tmp_path / "mine"))
    assert code == 0, err
    assert "Still waiting since 1 June 2026; due 30 June 2026." in out


def test_follow_ups_that_do_not_fit_stop_with_the_next_command(db: Path) -> None:
    waiting = track("dwp", "2026-06-01", ("clarification-requested", "2026-06-10"))
    code, _, err = foi("followup", "chase", waiting, "--date", "2026-07-03")
    assert code == 1 and f"foi track event {waiting} clarified" in err
    reviewed = track("dwp", "2026-06-01", ("refused", "2026-06-20"), ("review-requested", "2026-06-25"))
    code, _, err = foi("followup", "review", reviewed, "--ground", "public-interest", "--date", "2026-07-03")
    assert code == 1 and f"foi followup review-chase {reviewed}" in err
    foi("track", "event", reviewed, "review-response", "--date", "2026-07-10")
    code, _, err = foi("followup", "review", reviewed, "--ground", "public-interest", "--date", "2026-07-13")
    assert code == 1 and f"foi followup complain {reviewed}" in err


def test_a_chaser_after_an_extension_names_the_extended_date(db: Path) -> None:
    request_id = track("dwp")
    foi("track", "event", request_id, "extension", "--date", "2026-06-26", "--until", "2026-07-28")
    code, out, err = foi("followup", "chase", request_id, "--date", "2026-07-30", "--no-track")
    assert code == 0, err
    assert "You extended the time for replying to 28 July 2026 (section 10(3))." in flat(out)
    assert "2 working days late" in flat(out)


def test_db_given_to_the_followup_group_is_used(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other.sqlite3"
    code, _, err = foi("track", "add", "--body", "dwp", "--title", "Elsewhere", "--sent", "2026-06-01",
                       "--db", str(other))
    assert code == 0, err
    code, out, err = foi("followup", "--db", str(other), "chase", "1", "--date", "2026-07-03", "--no-track")
    assert code == 0, err
    assert "Elsewhere" in out

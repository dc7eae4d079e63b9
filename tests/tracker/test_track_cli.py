"""`foi track` end to end on a real tracker file: dates, statuses, the list, show, exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi.cli import app
from foi.tracker import recording
from foi.tracker.status import derive


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "tracker.sqlite3"
    monkeypatch.setenv("FOI_DB", str(path))
    return path


def foi(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def listed(today: str, *extra: str) -> list[dict[str, object]]:
    code, out, err = foi("track", "list", "--format", "json", "--today", today, *extra)
    assert code == 0, err
    return list(json.loads(out))


def test_sent_on_1_june_is_due_30_june_and_overdue_on_1_july(db: Path) -> None:
    code, _, err = foi("track", "add", "--body", "dwp", "--title", "Restart guidance",
                       "--sent", "2026-06-01")
    assert code == 0, err
    (row,) = listed("2026-06-30")
    assert (row["due"], row["status"], row["status_label"]) == ("2026-06-30", "waiting_response", "waiting response")
    (row,) = listed("2026-07-01")
    assert (row["due"], row["status_label"], row["overdue_working_days"]) == ("2026-06-30", "overdue", 1)
    assert row["next_command"] == "foi followup chase 1"
    assert db.exists()


def test_a_clarification_received_15_june_moves_it_to_14_july(db: Path) -> None:
    foi("track", "add", "--body", "dwp", "--title", "Restart guidance", "--sent", "2026-06-01")
    code, _, err = foi("track", "event", "1", "clarification-requested", "--date", "2026-06-10")
    assert code == 0, err
    (row,) = listed("2026-06-12")
    assert row["status_label"] == "waiting clarification"
    foi("track", "event", "1", "clarified", "--date", "2026-06-15")
    (row,) = listed("2026-07-01")
    assert (row["due"], row["status_label"]) == ("2026-07-14", "waiting response")
    (row,) = listed("2026-07-15")
    assert row["status_label"] == "overdue"


def test_statuses_follow_the_events_in_alaveteli_words(db: Path) -> None:
    foi("track", "add", "--body", "dwp", "--title", "T", "--sent", "2026-06-01")
    assert listed("2026-08-31")[0]["status_label"] == "very overdue"
    steps = [("refused", "refused"), ("review-requested", "internal review"),
             ("review-response", "review answered"), ("complaint", "with the regulator"),
             ("decision", "decided")]
    for kind, label in steps:
        code, _, err = foi("track", "event", "1", kind, "--date", "2026-09-01")
        assert code == 0, err
        assert listed("2026-09-02")[0]["status_label"] == label
    assert listed("2026-12-01")[0]["status_label"] == "decided"


def test_an_extension_moves_the_due_date(db: Path) -> None:
    foi("track", "add", "--body", "dwp", "--title", "T", "--sent", "2026-06-01")
    foi("track", "event", "1", "extension", "--date", "2026-06-25", "--until", "2026-07-28")
    (row,) = listed("2026-07-20")
    assert (row["due"], row["status"]) == ("2026-07-28", "waiting_response")
    foi("track", "add", "--body", "Glasgow City Council", "--title", "S", "--sent", "2026-06-01")
    code, _, err = foi("track", "event", "2", "extension", "--date", "2026-06-25")
    assert code == 1 and "FOISA has no extension of time" in err


def test_bad_events_are_refused_with_the_fix(db: Path) -> None:
    foi("track", "add", "--body", "dwp", "--title", "T", "--sent", "2026-06-01")
    code, _, err = foi("track", "event", "1", "replied", "--date", "2026-06-02")
    assert code == 2 and "use one of sent" in err
    code, _, err = foi("track", "event", "1", "response", "--date", "2026-05-02")
    assert code == 1 and "before the request was sent" in err
    code, _, err = foi("track", "event", "9", "response", "--date", "2026-06-02")
    assert code == 1 and "no tracked request 9" in err
    code, _, err = foi("track", "event", "1", "response", "--date", "02/06/2026")
    assert code == 2 and "YYYY-MM-DD" in err


def test_list_puts_overdue_first_and_filters(db: Path) -> None:
    foi("track", "add", "--body", "dwp", "--title", "Waiting", "--sent", "2026-07-01")
    foi("track", "add", "--body", "dwp", "--title", "Late", "--sent", "2026-06-01")
    foi("track", "add", "--body", "Glasgow City Council", "--title", "Later", "--sent", "2026-05-01")
    foi("track", "add", "--body", "dwp", "--title", "Done", "--sent", "2026-05-01")
    foi("track", "event", "4", "response", "--date", "2026-05-20")
    rows = listed("2026-07-10")
    assert [r["title"] for r in rows] == ["Later", "Late", "Waiting", "Done"]
    assert [r["title"] for r in listed("2026-07-10", "--status", "overdue")] == ["Later", "Late"]
    assert [r["title"] for r in listed("2026-07-10", "--body", "glasgow")] == ["Later"]
    assert [r["title"] for r in listed("2026-07-10", "--due-before", "2026-07-01")] == ["Later", "Late"]
    code, out, _ = foi("track", "list", "--format", "csv", "--today", "2026-07-10")
    assert code == 0
    assert [r["title"] for r in csv.DictReader(io.StringIO(out))] == ["Later", "Late", "Waiting", "Done"]
    code, out, _ = foi("track", "list", "--today", "2026-07-10")
    assert code == 0 and "overdue" in out and "\x1b[" not in out  # no colour codes into a pipe


def test_show_gives_the_timeline_the_holidays_and_the_next_step(db: Path) -> None:
    foi("track", "add", "--body", "dwp", "--title", "Restart guidance", "--sent", "2026-06-01",
        "--reference", "FOI2026/123")
    code, out, err = foi("track", "show", "1", "--today", "2026-07-01")
    assert code == 0, err
    assert "Monday 1 June 2026" in out and "sent" in out
    assert "Reply due Tuesday 30 June 2026" in out
    assert "Monday 15 June 2026" in out and "Scotland" in out  # the holiday that moved it
    assert "Run: foi followup chase 1" in out
    assert "FOI2026/123" in out


def test_export_ics_parses_and_holds_each_due_date_once_with_stable_uids(db: Path, tmp_path: Path) -> None:
    import icalendar

    foi("track", "add", "--body", "dwp", "--title", "Restart, guidance; 2026", "--sent", "2026-06-01")
    foi("track", "add", "--body", "Glasgow City Council", "--title", "Sanctions", "--sent", "2026-06-01")
    foi("track", "event", "2", "refused", "--date", "2026-06-20")
    out = tmp_path / "foi.ics"
    code, _, err = foi("track", "export", "--format", "ics", "--output", str(out), "--today", "2026-07-01")
    assert code == 0, err
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    due = [(str(e["SUMMARY"]), e["DTSTART"].dt) for e in events if str(e["UID"]).endswith("-due@foi.invalid")]
    assert sorted(due) == sorted([
        ("FOI reply due: Department for Work and Pensions: Restart, guidance; 2026", date(2026, 6, 30)),
        ("FOI reply due: Glasgow City Council: Sanctions", date(2026, 6, 30)),
    ])
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    assert any("review_request" in uid for uid in uids)  # the refused request's review window
    assert b"\r\n" in out.read_bytes() and all(len(line) <= 75 for line in out.read_bytes().split(b"\r\n"))
    again = tmp_path / "again.ics"
    foi("track", "export", "--format", "ics", "--output", str(again), "--today", "2026-07-01")
    assert again.read_bytes() == out.read_bytes()  # the same tracker, the same file: re-import updates


def test_export_json_and_csv_carry_every_request(db: Path) -> None:
    foi("track", "add", "--body", "dwp", "--title", "T", "--sent", "2026-06-01")
    foi("track", "event", "1", "acknowledged", "--date", "2026-06-02", "--note", "auto-reply")
    code, out, _ = foi("track", "export", "--format", "json", "--today", "2026-06-03")
    (record,) = json.loads(out)
    assert [e["kind"] for e in record["events"]] == ["sent", "acknowledged"]
    assert record["events"][1]["note"] == "auto-reply"
    code, out, _ = foi("track", "export", "--format", "csv", "--today", "2026-06-03")
    assert code == 0 and out.splitlines()[1].startswith("1,waiting_response,")
    code, _, err = foi("track", "export", "--format", "xml")
    assert code == 2 and "csv, json, ics" in err


def test_add_reads_a_letter_and_a_manifest_and_refuses_duplicates(db: Path, tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    code, _, err = foi("new", "--scenario", "provider-data-access", "--authority", "dwp",
                       "--set", "provider=A4e", "--set", "name=Jane Smith",
                       "--set", "email=jane@example.org", "--no-input", "--date", "2026-06-01",
                       "--output", str(letter))
    assert code == 0, err
    code, _, err = foi("track", "add", str(letter), "--sent", "2026-06-01")
    assert code == 0, err
    request = recording.load(None, 1)
    assert (request.body, request.regime, request.authority_id) == ("Department for Work and Pensions", "foia", "dwp")
    assert request.title == "A4e staff's access to claimant records"
    code, _, err = foi("track", "add", str(letter))
    assert code == 1 and "already tracked as request 1" in err
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("row,body,regime,title,file\n2,Glasgow City Council,foisa,Sanctions,a.txt\n"
                        "3,Scottish Government,,Guidance,b.txt\n", encoding="utf-8")
    code, _, err = foi("track", "add", str(manifest), "--sent", "2026-06-01")
    assert code == 0, err
    assert [r.regime for r in recording.load_all(None)] == ["foia", "foisa", "foisa"]
    bad = tmp_path / "bad.csv"
    bad.write_text("body,title\n,Missing body\n", encoding="utf-8")
    code, _, err = foi("track", "add", str(bad))
    assert code == 1 and "row 2" in err and "`body`" in err
    assert len(recording.load_all(None)) == 3


def test_foi_new_track_records_the_letter(db: Path, tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    code, _, err = foi("new", "--scenario", "provider-data-access", "--authority", "dwp",
                       "--set", "provider=A4e", "--set", "name=Jane Smith",
                       "--set", "email=jane@example.org", "--no-input", "--date", "2026-06-01",
                       "--output", str(letter), "--track", "--sent", "2026-06-01")
    assert code == 0, err
    # This scenario writes a second letter beside the first (the items most often withheld): both
    # are tracked, each by its own file.
    assert "Tracking them as requests 1, 2" in err
    first, second = recording.load_all(None)
    assert first.letter == str(letter.resolve())
    assert second.letter == str((tmp_path / "letter-part-2.txt").resolve())
    assert first.requester["name"] == "Jane Smith"
    assert derive(first, date(2026, 7, 1)).label == "overdue"


def test_record_letter_is_idempotent_for_the_same_file(db: Path, tmp_path: Path) -> None:
    from foi.letter import drafting
    from foi.request import intake
    from foi.request.answers import Source
    from foi.tracker import record_letter

    answers = {"scenario": "provider-data-access", "authority": "dwp", "provider": "A4e",
               "name": "Jane Smith", "email": "jane@example.org"}
    draft = drafting.build(intake.collect([Source("test", answers)], letter_date=date(2026, 6, 1), asker=None))
    path = tmp_path / "a.txt"
    first = record_letter(None, draft, path, sent=date(2026, 6, 1))
    assert record_letter(db, draft, path, sent=date(2026, 6, 1)) == first
    assert record_letter(db, draft, tmp_path / "b.txt") == first + 1
    assert derive(recording.load(db, first + 1), date(2026, 7, 1)).label == "not sent"


def test_add_reads_an_answers_file(db: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("scenario: provider-data-access\nauthority: dwp\nprovider: A4e\n"
                       "name: Jane Smith\nemail: jane@example.org\n", encoding="utf-8")
    code, _, err = foi("track", "add", str(answers), "--sent", "2026-06-01", "--reference", "FOI/1")
    assert code == 0, err
    request = recording.load(None, 1)
    assert (request.authority_id, request.regime, request.reference) == ("dwp", "foia", "FOI/1")
    assert request.answers == str(answers.resolve()) and request.requester["name"] == "Jane Smith"


def test_a_file_that_is_not_a_tracker_or_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database", encoding="utf-8")
    code, _, err = foi("track", "list", "--db", str(bad))
    assert code == 1 and "cannot be used" in err and "Traceback" not in err
    code, _, err = foi("track", "list", "--db", str(tmp_path))
    assert code == 1 and "is a folder" in err


def test_record_letters_tracks_a_batch_in_one_transaction(db: Path, tmp_path: Path) -> None:
    from foi.letter import drafting
    from foi.request import intake
    from foi.request.answers import Source
    from foi.tracker import record_letters

    drafts = []
    for body in ("dwp", "Glasgow City Council"):
        answers = {"scenario": "local-support", "authority": body, "name": "Jane Smith", "email": "j@example.org"}
        drafts.append(drafting.build(intake.collect([Source("row", answers)], letter_date=date(2026, 6, 1), asker=None)))
    letters = [(drafts[0], tmp_path / "1.txt"), (drafts[1], tmp_path / "2.txt")]
    ids = record_letters(None, letters, sent=date(2026, 6, 1))
    assert ids == [1, 2]
    assert [r.regime for r in recording.load_all(None)] == ["foia", "foisa"]
    assert record_letters(None, letters, sent=date(2026, 6, 1)) == [1, 2]  # a re-run adds nothing
    assert len(recording.load_all(None)) == 2


@pytest.mark.parametrize("fmt", ["markdown", "eml"])
def test_add_reads_the_markdown_and_email_letters_too(fmt: str, db: Path, tmp_path: Path) -> None:
    letter = tmp_path / ("letter.md" if fmt == "markdown" else "letter.eml")
    code, _, err = foi("new", "--scenario", "local-support", "--authority", "Glasgow City Council",
                       "--set", "name=Jane Smith", "--set", "email=jane@example.org", "--no-input",
                       "--date", "2026-06-01", "--format", fmt, "--output", str(letter))
    assert code == 0, err
    code, _, err = foi("track", "add", str(letter), "--sent", "2026-06-01")
    assert code == 0, err
    request = recording.load(None, 1)
    assert (request.body, request.regime) == ("Glasgow City Council", "foisa")
    assert request.title and "*" not in request.title


def test_a_batch_manifest_with_second_letters_tracks_each_letter(db: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "out" / "manifest.csv"
    manifest.parent.mkdir()
    manifest.write_text(
        "\ufeffrow,letter,letters,body,body_id,email,whatdotheyknow,regime,scenario,title,files,due,findings\n"
        "2,1,2,Department for Work and Pensions,dwp,,,foia,sanctions,Sanctions,"
        "001-dwp.txt;001-dwp-part-2.txt,2026-06-30,0\n"
        "3,2,1,Glasgow City Council,glasgow-city-council,,,foisa,local-support,Support,002-glasgow.txt,2026-06-30,0\n",
        encoding="utf-8")
    code, _, err = foi("track", "add", str(manifest), "--sent", "2026-06-01")
    assert code == 0, err
    tracked = recording.load_all(None)
    assert [(r.title, r.authority_id, Path(r.letter or "").name) for r in tracked] == [
        ("Sanctions", "dwp", "001-dwp.txt"),
        ("Sanctions (second letter)", "dwp", "001-dwp-part-2.txt"),
        ("Support", "glasgow-city-council", "002-glasgow.txt"),
    ]
    as_json = tmp_path / "manifest.json"
    as_json.write_text('[{"row": 2, "letters": 1, "body": "dwp", "regime": "foia", "title": "T", '
                       '"files": ["x.txt", "x.md"]}]', encoding="utf-8")
    code, _, err = foi("track", "add", str(as_json))
    assert code == 0, err
    assert Path(recording.load(None, 4).letter or "").name == "x.txt"

"""`foi new` at a terminal: nothing typed is lost (recovery, --resume, an existing file, the preview's
menu), and after writing the screen says where to send the letter and when the reply is due."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from foi.cli import app
from foi.request import recovery, wizard

runner = CliRunner()
DATE = ["--date", "2026-11-23"]
# The story up to the period: told to go on a course; Jane Smith; the Jobcentre; the course; A4e.
STORY = ["2", "Jane Smith", "jane.smith@example.org", "the job centre", "y", "the A4e jobsearch skills course",
         "A4e", ""]


@pytest.fixture(autouse=True)
def at_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(wizard, "interactive", lambda: True)
    monkeypatch.chdir(tmp_path)


def typed(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_ctrl_d_mid_way_exits_130_keeping_the_answers_then_resumes(tmp_path: Path) -> None:
    stopped = runner.invoke(app, ["new", *DATE], input=typed(*STORY[:6]))  # input ends: Ctrl-D
    assert stopped.exit_code == 130, stopped.output
    assert "Aborted!" not in stopped.output
    assert "Your answers so far are kept" in stopped.stderr
    kept = recovery.path()
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(kept.parent).st_mode) == 0o700
    saved = yaml.safe_load(kept.read_text(encoding="utf-8"))["answers"]
    assert saved["name"] == "Jane Smith" and saved["authority"] == "dwp"
    assert saved["programme"] == "the A4e jobsearch skills course"
    resumed = runner.invoke(app, ["new", *DATE], input=typed("y", "A4e", "", "", "", "1", "", "n"))
    assert resumed.exit_code == 0, resumed.output
    assert "You have an unfinished letter (kept on" in resumed.stderr and "to dwp" in resumed.stderr
    assert "Carry on from it?" in resumed.stderr and "Your full name" not in resumed.stderr
    assert "Referral to the A4e jobsearch skills course" in (
        tmp_path / "foi-dwp-mandatory-activity-2026-11-23.txt").read_text(encoding="utf-8")
    assert not kept.exists()


def test_resume_option_without_a_terminal(tmp_path: Path) -> None:
    none = runner.invoke(app, ["new", "--resume", "--no-input", *DATE])
    assert none.exit_code == 1 and "there is no unfinished letter to carry on from" in none.stderr
    recovery.save({"scenario": "mandatory-activity", "name": "Jane Smith", "email": "jane@example.org",
                   "authority": "dwp", "programme": "the Work Programme"})
    result = runner.invoke(app, ["new", "--resume", "--no-input", *DATE, "--output", "-"])
    assert result.exit_code == 0, result.output
    assert "Referral to the Work Programme" in result.stdout


def test_an_existing_file_is_replaced_only_if_asked(tmp_path: Path) -> None:
    mine = tmp_path / "foi-dwp-mandatory-activity-2026-11-23.txt"
    mine.write_text("my own edits\n", encoding="utf-8")
    result = runner.invoke(app, ["new", *DATE], input=typed(*STORY, "", "", "1", "", "n", "", "n"))
    assert result.exit_code == 0, result.output
    assert "foi-dwp-mandatory-activity-2026-11-23.txt already exists. Replace it?" in result.stderr
    assert mine.read_text(encoding="utf-8") == "my own edits\n"
    assert "Referral to" in (tmp_path / "foi-dwp-mandatory-activity-2026-11-23-2.txt").read_text(encoding="utf-8")


def test_after_writing_the_screen_says_where_to_send_it_and_when(tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", *DATE], input=typed(*STORY, "", "", "1", "", "n"))
    assert result.exit_code == 0, result.output
    err = " ".join(result.stderr.split())
    assert "Your letters are saved in: " in err  # this one has a second letter, for the local items
    assert f"{tmp_path.resolve() / 'foi-dwp-mandatory-activity-2026-11-23.txt'}" in err
    assert f"{tmp_path.resolve() / 'foi-dwp-mandatory-activity-2026-11-23-part-2.txt'}" in err
    assert "Two letters were written: send the second to Department for Work and Pensions as well" in err
    assert "Send it by email to freedom-of-information-request@dwp.gov.uk" in err
    assert "https://www.whatdotheyknow.com/new/dwp" in err
    assert "the reply is due by Tuesday 22 December 2026" in err
    assert "If nothing comes by then: chase it, then complain to the ICO" in err
    assert "write a subject access request instead" in err


def test_a_body_with_no_known_address_says_where_to_look(tmp_path: Path) -> None:
    lines = ["2", "Jane Smith", "jane.smith@example.org", "Borsetshire Works Trust", "y", "n", "", "",
             "the course", "", "", "n", "", "", "1", "", "n"]  # n: keep it, though DWP holds Jobcentre courses
    result = runner.invoke(app, ["new", *DATE], input=typed(*lines))
    assert result.exit_code == 0, result.output
    assert "Find the Freedom of Information address on Borsetshire Works Trust's website" in result.stderr
    letter = " ".join((tmp_path / "foi-borsetshire-works-trust-mandatory-activity-2026-11-23.txt").read_text(
        encoding="utf-8").split())
    assert "Borsetshire Works Trust" in letter and "Freedom of Information Act 2000" in letter


def test_the_preview_fits_a_screen_and_speaks_no_command_line() -> None:
    result = runner.invoke(app, ["new", *DATE], input=typed(*STORY, "", "", "5"))
    assert result.exit_code == 0, result.output
    preview = result.stderr[result.stderr.index("Your letter, in short"):result.stderr.index("Type a number")]
    assert len(preview.splitlines()) <= 36
    for word in ("--", "foi scenarios", ".yaml", "form/", ":20:"):
        assert word not in result.stderr.split("Nothing was written")[0], word


def test_change_an_answer_by_name_from_the_menu(tmp_path: Path) -> None:
    lines = [*STORY, "", "", "2", "period", "1 Feb 2013", "31/3/14", "1", "", "n"]
    result = runner.invoke(app, ["new", *DATE], input=typed(*lines))
    assert result.exit_code == 0, result.output
    assert "Which answer do you want to change?" in result.stderr
    letter = (tmp_path / "foi-dwp-mandatory-activity-2026-11-23.txt").read_text(encoding="utf-8")
    assert "between 1 February 2013 and 31 March 2014" in letter


def test_save_answers_and_stop_keeps_them_twice(tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", *DATE], input=typed(*STORY, "", "", "4", "mine.yaml"))
    assert result.exit_code == 0, result.output
    saved = yaml.safe_load((tmp_path / "mine.yaml").read_text(encoding="utf-8"))
    assert saved["name"] == "Jane Smith" and saved["programme"] == "the A4e jobsearch skills course"
    assert stat.S_IMODE(os.stat(tmp_path / "mine.yaml").st_mode) == 0o600
    assert recovery.path().exists() and "Nothing was written" in result.stderr
    assert not list(tmp_path.glob("*.txt"))


def test_a_sentence_for_a_name_is_queried_before_it_reaches_the_letter(tmp_path: Path) -> None:
    sentence = "a course with A4e, my adviser said I had to go but wouldnt say if it was compulsory"
    lines = [*STORY[:5], sentence, "n", "the A4e jobsearch skills course", "A4e", "", "", "", "1", "", "n"]
    result = runner.invoke(app, ["new", *DATE], input=typed(*lines))
    assert result.exit_code == 0, result.output
    assert "That reads like a sentence about what happened" in result.stderr
    letter = (tmp_path / "foi-dwp-mandatory-activity-2026-11-23.txt").read_text(encoding="utf-8")
    assert "my adviser" not in letter and "Referral to the A4e jobsearch skills course" in letter


def test_the_command_line_writes_to_any_body_with_its_nation() -> None:
    base = ["new", "--scenario", "mandatory-activity", "--set", "programme=the course", "--set", "name=Jane Smith",
            "--set", "email=jane@example.org", *DATE, "--no-input", "--output", "-"]
    scottish = runner.invoke(app, [*base, "--authority", "Glenbogle Council", "--set", "nation=scotland",
                                   "--set", "redirect=no"])
    assert scottish.exit_code == 0, scottish.output
    assert "Glenbogle Council" in scottish.stdout
    assert "Freedom of Information (Scotland) Act 2002" in " ".join(scottish.stdout.split())
    english = runner.invoke(app, [*base, "--set", "authority_name=Borsetshire Works Trust", "--set", "nation=england"])
    assert english.exit_code == 0 and "Freedom of Information Act 2000" in " ".join(english.stdout.split())
    unknown = runner.invoke(app, [*base, "--authority", "Glenbogle Council"])
    assert unknown.exit_code == 1 and "to write to it anyway, also give its nation: --set nation=" in unknown.stderr
    wrong = runner.invoke(app, [*base, "--authority", "Glenbogle Council", "--set", "nation=mars"])
    assert wrong.exit_code == 1 and "write scotland, england, wales or northern-ireland" in wrong.stderr


def test_deadline_takes_dates_as_people_write_them() -> None:
    result = runner.invoke(app, ["deadline", "--received", "01/12/2026"])
    assert result.exit_code == 0, result.output
    assert "Received:   Tuesday 1 December 2026 (day 0)" in result.stdout


def test_a_subject_access_request_goes_privately_to_the_data_protection_officer(tmp_path: Path) -> None:
    lines = ["own-data", "Jane Smith", "", "", "dwp", "01/02/1980", "", "", "", "", "", "", "", "", "1", "", "n"]
    result = runner.invoke(app, ["new", *DATE], input=typed(*lines))
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stderr.split())
    assert "Send it privately to the body's data protection officer" in flat
    assert "freedom-of-information-request@dwp.gov.uk" not in flat and "WhatDoTheyKnow" not in flat
    assert "the reply is due by Wednesday 23 December 2026" in flat


def test_declining_to_carry_on_keeps_the_unfinished_letter_until_this_one_stops(tmp_path: Path) -> None:
    recovery.save({"scenario": "sanctions", "name": "Jane Smith", "authority": "dwp"})
    result = runner.invoke(app, ["new", *DATE], input=typed("n", *STORY, "", "", "1", "", "n"))
    assert result.exit_code == 0, result.output
    assert "Starting a new letter" in result.stderr and "What to do next:" in result.stderr
    kept = recovery.load()
    assert kept is not None and kept["answers"]["scenario"] == "sanctions"  # writing another letter kept it
    stopped = runner.invoke(app, ["new", *DATE], input=typed("n", *STORY[:3]))
    assert stopped.exit_code == 130
    replaced = recovery.load()
    assert replaced is not None and replaced["answers"]["scenario"] == "mandatory-activity"


def test_a_sentence_for_a_name_from_a_script_is_warned_about() -> None:
    result = runner.invoke(app, ["new", "--scenario", "mandatory-activity", "--authority", "dwp", "--set",
                                 "name=Jane Smith", "--set", "email=jane@example.org", "--set",
                                 "programme=a course with A4e, my adviser said I had to go", *DATE, "--no-input",
                                 "--output", "-"])
    assert result.exit_code == 0, result.output
    assert "Warning: 'programme' reads like a sentence" in result.stderr


def test_a_given_body_or_situation_that_fits_nothing_starts_the_conversation(tmp_path: Path) -> None:
    lines = ["mandatory", "Jane Smith", "jane@example.org", "", "y", "n", "", "", "the course", "", "", "n", "",
             "", "1", "", "n"]
    result = runner.invoke(app, ["new", *DATE, "--scenario", "nope", "--authority", "Borsetshire Works Trust"],
                           input=typed(*lines))
    assert result.exit_code == 0, result.output
    assert "'nope' fits none of these" in result.stderr
    assert "'Borsetshire Works Trust' is not a name I know exactly." in result.stderr
    assert "[Borsetshire Works Trust]" in result.stderr  # what was given is the default
    assert (tmp_path / "foi-borsetshire-works-trust-mandatory-activity-2026-11-23.txt").exists()


def test_saving_answers_over_an_existing_file_asks_first(tmp_path: Path) -> None:
    mine = tmp_path / "foi-dwp-mandatory-activity-2026-11-23.answers.yaml"
    mine.write_text("mine: true\n", encoding="utf-8")
    result = runner.invoke(app, ["new", *DATE], input=typed(*STORY, "", "", "1", "", "y", "", "n", ""))
    assert result.exit_code == 0, result.output
    assert "answers.yaml already exists. Replace it?" in result.stderr
    assert mine.read_text(encoding="utf-8") == "mine: true\n"
    saved = yaml.safe_load((tmp_path / "foi-dwp-mandatory-activity-2026-11-23.answers-2.yaml").read_text(encoding="utf-8"))
    assert saved["programme"] == "the A4e jobsearch skills course"


def test_a_data_folder_that_cannot_be_written_is_said_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be\n", encoding="utf-8")
    monkeypatch.setenv("FOI_DATA_DIR", str(blocked / "foi"))
    result = runner.invoke(app, ["new", *DATE], input=typed(*STORY[:3]))
    assert result.exit_code == 130, result.output
    assert "Warning: your answers could not be kept in" in result.stderr and "Traceback" not in result.output

"""The installed `foi new` on a real pseudo-terminal, driven as the claimant in the seeds: a provider's
employee read his file at the Jobcentre, and he was sent on a "course" nobody would say was mandatory.
He makes the mistakes people make; nothing he types is lost, and the letter comes out right."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")  # in the test extra; a missing install fails test_the_extra_is_there

FOI = Path(sys.executable).with_name("foi")
SENTENCE = "a course with A4e, my adviser said I had to go but wouldnt say if it was compulsory"
LETTER = "foi-dwp-mandatory-activity-2026-11-23.txt"


def test_the_extra_is_there() -> None:
    assert FOI.is_file(), f"the foi command is not installed beside {sys.executable}"


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """A person's own folders, empty: no profile, no unfinished letter."""
    return {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"), "FOI_CONFIG_DIR": str(tmp_path / "config" / "foi"),
            "TERM": "xterm", "COLUMNS": "80", "LINES": "40"}


def spawn(env: dict[str, str], cwd: Path) -> pexpect.spawn:
    child = pexpect.spawn(str(FOI), ["new", "--date", "2026-11-23"], env=env, cwd=str(cwd), encoding="utf-8",
                          dimensions=(40, 80), timeout=30)
    child.logfile_read = io.StringIO()  # the whole screen, for a failure's message
    return child


def answer(child: pexpect.spawn, prompt: str, reply: str) -> str:
    """Wait for a prompt (a regular expression), type the reply; returns what the screen showed."""
    try:
        child.expect(prompt)
    except (pexpect.TIMEOUT, pexpect.EOF):
        pytest.fail(f"no {prompt!r} on the screen:\n{child.logfile_read.getvalue()[-3000:]}")
    shown = str(child.before) + str(child.after)
    child.sendline(reply)
    return shown


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus if child.exitstatus is not None else 128 + (child.signalstatus or 0))


def test_the_claimants_story_with_its_mistakes(home: dict[str, str], tmp_path: Path) -> None:
    child = spawn(home, tmp_path)
    welcome = answer(child, r"\[1/\d+\] What happened\?.*: ", "mandatory")
    assert "Press Ctrl-C at any time to stop" in welcome and "About " in welcome
    assert "1. Someone from a provider (such as A4e) saw or used my records" in welcome
    answer(child, r"\[2/\d+\] Your full name: ", "Jane")
    answer(child, r"surname.*\n.*Your full name: ", "Jane Smith")
    answer(child, r"Your email address.*: ", "")                       # no email...
    answer(child, r"Your postal address, for the reply: ", "")          # ...and no address:
    answer(child, r"this one is needed.*\n.*postal address.*: ", "1 High Street, Ipswich IP1 1AA")  # asked again
    answer(child, r"Which body are you writing to\?.*: ", "the job centre")
    answer(child, r"Did you mean Department for Work and Pensions \(DWP\)\? \[yes\]: ", "y")
    answer(child, r"called\? A short name.*: ", SENTENCE)
    answer(child, r"reads like a sentence.*\n.*\n.*Use what you typed anyway\? \[no\]: ", "n")
    answer(child, r"called\? A short name.*: ", "the A4e jobsearch skills course")
    answer(child, r"Which provider runs it\?.*: ", "A4e")
    answer(child, r"office to include.*: ", "")
    answer(child, r"starts on .*: ", "1st Feb 2013")
    answer(child, r"\(1 February 2013\).*\n(.*\n)*.*ends on \[.*\]: ", "31/03/2026")
    answer(child, r"over 13 years\. Authorities can refuse long periods on cost\. Keep it\? \[no\]: ", "n")
    answer(child, r"starts on .*\[1 February 2013\]: ", "01/02/13")
    answer(child, r"\(1 February 2013\).*\n.*ends on .*: ", "31/1/14")
    child.expect(r"Your letter, in short:")
    child.expect(r"Type a number \[1\]: ")
    preview = "Your letter, in short:" + str(child.before)
    assert len(preview.splitlines()) <= 36, preview
    assert "Subject:  Referral to the A4e jobsearch skills course and whether attendance is mandatory" in preview
    assert "Period:   1 February 2013 to 31 January 2014" in preview
    assert "my adviser" not in preview and "form/" not in preview and "--" not in preview
    child.sendintr()                                                    # Ctrl-C at the preview
    child.expect(r"Your answers so far are kept")
    assert finish(child) == 130
    screen = child.logfile_read.getvalue()
    assert "Aborted!" not in screen and "Traceback" not in screen
    for cli_word in ("--", "foi ", ".yaml", "scenario"):  # the wizard's own words speak no command line
        assert cli_word not in screen, cli_word
    assert not re.search(r":\d+:\d+", screen), "a line:column position"
    assert not (tmp_path / LETTER).exists()

    again = spawn(home, tmp_path)
    answer(again, r"You have an unfinished letter \(kept on .*to dwp, about the A4e jobsearch skills course\)\. "
                  r"Carry on from it\? \[yes\]: ", "")
    answer(again, r"Your letter, in short:(.*\n)*.*Type a number \[1\]: ", "1")   # nothing asked twice
    answer(again, r"Save the letter as \[" + re.escape(LETTER) + r"\]: ", "")
    after = answer(again, r"Save your answers in a file too.*\[no\]: ", "n")
    assert finish(again) == 0
    flat = " ".join(after.split())
    assert "saved in" in flat and f"{(tmp_path / LETTER).resolve()}" in flat
    assert "Send it by email to freedom-of-information-request@dwp.gov.uk" in flat
    assert "the reply is due by Tuesday 22 December 2026" in flat
    letter = (tmp_path / LETTER).read_text(encoding="utf-8")
    assert letter.splitlines()[2] == "Referral to the A4e jobsearch skills course and whether attendance is"
    assert "my adviser" not in letter and "compulsory" not in letter
    assert "between 1 February 2013 and 31 January 2014" in " ".join(letter.split())
    assert "1 High Street" in letter and "Jane Smith" in letter


def _write_to(child: pexpect.spawn, body: str) -> None:
    """Name a body; take a near match, or write to it as typed, whatever the directory holds."""
    answer(child, r"Which body are you writing to\?.*: ", body)
    while True:
        index = child.expect([r"Did you mean [^:]*\? \[yes\]: ", r"Did you mean:(.*\n)*.*Type a number \[1\]: ",
                              r"anyway\? \[(yes|no)\]: ", r"local support scheme\?.*: "])
        if index == 3:
            child.sendline("")
            return
        child.sendline("y" if index != 1 else "1")
        if index == 2:
            answer(child, r"Scottish public authority\? \[no\]: ", "y" if "Glen" in body else "n")
            answer(child, r"email address for Freedom of Information.*: ", "")
            answer(child, r"postal address, if you know it.*: ", "")


FOIA, FOISA = "Freedom of Information Act 2000", "Freedom of Information (Scotland) Act 2002"


@pytest.mark.parametrize(("body", "act", "start", "end", "period"), [
    ("Hackney Council", FOIA, "Feb 2013", "March 2014", "between 1 February 2013 and 31 March 2014"),
    # A start after the default end (31 March 2026): the end offered is the letter's date.
    ("Highland Council", FOISA, "1 June 2026", "", "between 1 June 2026 and 23 November 2026"),
    ("Glenbogle Community Council", FOISA, "1/2/13", "31/1/14", "between 1 February 2013 and 31 January 2014"),
])
def test_a_council_or_a_body_in_no_directory_leads_to_a_letter(
    home: dict[str, str], tmp_path: Path, body: str, act: str, start: str, end: str, period: str
) -> None:
    child = spawn(home, tmp_path)
    answer(child, r"What happened\?.*: ", "local help")  # local help with claims: what councils hold
    answer(child, r"Your full name: ", "Jane Smith")
    answer(child, r"Your email address.*: ", "jane.smith@example.org")
    _write_to(child, body)
    answer(child, r"A council area.*: ", "")
    if child.expect([r"instead\? \[yes\]: ", r"starts on .*: "]) == 0:
        child.sendline("n")  # keep the body named, though the wizard would send it elsewhere
        child.expect(r"starts on .*: ")
    child.sendline(start)
    answer(child, r"ends on .*: ", end)
    while child.expect([r"to fix this\? \[yes\]: ", r"Type a number \[1\]: "]) == 0:
        child.sendline("n")  # a finding the checker ties to an answer: keep the answer as it is
    child.sendline("1")
    answer(child, r"Save the letter as \[(?P<name>[^\]]+)\]: ", "")
    name = child.match.group("name")
    answer(child, r"Save your answers in a file too.*\[no\]: ", "n")
    assert finish(child) == 0
    letter = " ".join((tmp_path / name).read_text(encoding="utf-8").split())
    assert body.split()[0] in letter
    assert act in letter
    assert period in letter


def test_deadline_takes_a_uk_date(tmp_path: Path) -> None:
    result = subprocess.run([str(FOI), "deadline", "--received", "01/12/2026"], capture_output=True, text=True,
                            timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Received:   Tuesday 1 December 2026 (day 0)" in result.stdout

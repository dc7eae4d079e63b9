"""`foi new`: the letters it writes, from flags, answers files, the profile and the wizard."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from foi.cli import app
from foi.request import wizard

runner = CliRunner()

ISSUE_ARGS = [
    "new", "--scenario", "provider-data-access", "--authority", "dwp",
    "--set", "provider=A4e", "--set", "date_from=2012-11-01", "--set", "date_to=2013-02-15",
    "--set", "name=Jane Smith", "--set", "email=jane.smith@example.org",
    "--date", "2026-11-23", "--no-input", "--format", "markdown",
]


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def test_issue_command_writes_every_element(tmp_path: Path) -> None:
    out = tmp_path / "letter.md"
    result = run(*ISSUE_ARGS, "--output", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    # The default (short) letter: the Act cited once, plain clauses, the due date in one sentence.
    expected = [
        "# Freedom of Information request",
        "23 November 2026",
        "Department for Work and Pensions",
        "Dear DWP Freedom of Information team,",
        "Under section 1 of the Freedom of Information Act 2000, please send me the following recorded information.",
        "1. Any data-sharing agreement",
        "4. The clauses of DWP's contract with A4e",
        "in force at any time between 1 November 2012 and 15 February 2013, whenever issued",
        "created between 1 November 2012 and 15 February 2013",
        "This request includes information that A4e holds on DWP's behalf (section 3(2)(b)).",
        "If part of the information is exempt, please send the rest with the redactions marked.",
        "If the whole request would exceed the cost limit, please answer items 1 and 2 and tell me what else you "
        "could provide within it.",
        "Please send electronic copies, with tables as spreadsheets.",
        "a link is enough; if there are many documents, please list their titles and dates first.",
        "I look forward to your reply within 20 working days, by 22 December 2026.",
        "Yours faithfully,",
        "Jane Smith\\\njane.smith@example.org",
    ]
    for phrase in expected:
        assert phrase in text, phrase
    for absent in ("section 16", "section 17", "section 10", "St Andrew's Day", "my priority"):
        assert absent not in text, absent
    second = (tmp_path / "letter-part-2.md").read_text(encoding="utf-8")
    assert "1. The Security Plan A4e submitted to DWP under each of its contracts" in second
    assert stat.S_IMODE(os.stat(tmp_path / "letter-part-2.md").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_full_style_keeps_the_fully_cited_clauses(tmp_path: Path) -> None:
    out = tmp_path / "letter.md"
    result = run(*ISSUE_ARGS, "--set", "style=full", "--output", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for phrase in (
        "I am writing to request information under section 1 of the Freedom of Information Act 2000.",
        "Please provide me with the following recorded information:",
        "including A4e, hold on DWP's behalf (section 3(2)(b))",
        "whether you hold the information (section 1(1)(a))",
        "release the rest with the redactions marked, and tell me which exemption applies (section 17)",
        "exceed the cost limit (section 12), please answer items 1 and 2 and tell me what else you could provide "
        "within it (section 16)",
        "rather than images or PDFs (section 11)",
        "a link to it is enough (section 21)",
        "no later than the twentieth working day following the date of receipt (section 10(1))",
        "St Andrew's Day, 30 November, is a bank holiday in Scotland and so not a working day (section 10(6))",
    ):
        assert phrase in text, phrase


def test_same_answers_and_date_give_identical_bytes_and_no_silent_overwrite(tmp_path: Path) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    assert run(*ISSUE_ARGS, "--output", str(first)).exit_code == 0
    assert run(*ISSUE_ARGS, "--output", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    first.write_text("my own edits\n", encoding="utf-8")
    third = run(*ISSUE_ARGS, "--output", str(first))
    assert third.exit_code == 1
    assert "already exists" in third.stderr and "--force" in third.stderr
    assert first.read_text(encoding="utf-8") == "my own edits\n"
    assert run(*ISSUE_ARGS, "--output", str(first), "--force").exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_scottish_body_cites_foisa_and_never_the_2000_act() -> None:
    # A4e also ran Fair Start Scotland for the Scottish Government, so the body is not redirected.
    args = [a if a != "dwp" else "scottish-government" for a in ISSUE_ARGS]
    result = run(*args, "--set", "style=full", "--output", "-")
    assert result.exit_code == 0, result.output
    letter = result.stdout
    assert "# Freedom of Information (Scotland) request" in letter
    assert "section 1(1) of the Freedom of Information (Scotland) Act 2002" in letter
    assert "2000" not in letter and "Freedom of Information Act" not in letter
    assert "(section 15)" in letter and "(section 16)" in letter and "(section 17)" in letter
    assert "section 1(1)(a)" not in letter and "section 10(6)" not in letter
    assert "on the Scottish Government's behalf" in letter


def test_missing_name_is_one_line_naming_it() -> None:
    idx = ISSUE_ARGS.index("name=Jane Smith")
    args = ISSUE_ARGS[: idx - 1] + ISSUE_ARGS[idx + 1 :]
    result = run(*args, "--output", "-")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: missing answer 'name' (Your full name): pass --set name=... or add it to an --answers file\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("extra", "code", "message"),
    [
        (["--set", "nme=Jane"], 2, "unknown answer key 'nme' (did you mean 'name'?)"),
        (["--set", "date_from=2014-01-01"], 1, "date_from (1 January 2014) is after date_to (15 February 2013)"),
        (["--set", "date_to=31/02/2013"], 1, "'31/02/2013' is not a date"),
        (["--format", "pdf"], 2, "--format pdf: use one of text, markdown"),
        (["--date", "23/11/2026"], 2, "--date '23/11/2026' is not a date"),
        (["--authority", "nobody-at-all"], 1, "no authority or provider called 'nobody-at-all'"),
        (["--scenario", "nope"], 1, "'nope' is not one of: behavioural-interventions, complaints-and-incidents, custom,"),
    ],
)
def test_bad_input_is_one_line_with_exit_code(extra: list[str], code: int, message: str) -> None:
    result = run(*ISSUE_ARGS, *extra, "--output", "-")
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_email_or_address_is_needed() -> None:
    idx = ISSUE_ARGS.index("email=jane.smith@example.org")
    result = run(*(ISSUE_ARGS[: idx - 1] + ISSUE_ARGS[idx + 1 :]), "--output", "-")
    assert result.exit_code == 1
    assert "address for correspondence (section 8)" in result.stderr


def test_clauses_can_be_switched_off() -> None:
    result = run(*ISSUE_ARGS, "--set", "partial_release=no", "--set", "time_limit=no", "--output", "-")
    assert result.exit_code == 0
    assert "redaction" not in result.stdout and "twentieth working day" not in result.stdout
    assert "section 3(2)(b)" in result.stdout


def _without_dates(args: list[str]) -> list[str]:
    args = list(args)
    for key in ("date_from=2012-11-01", "date_to=2013-02-15"):
        i = args.index(key)
        del args[i - 1 : i + 1]
    return args


def test_default_period_is_last_financial_year_within_the_providers_name() -> None:
    """The last complete financial year, stated as such in the full style; but a provider named as it
    was called before it changed its name (A4e, PeoplePlus from 2016) moves the default back."""
    current = run(*_without_dates(ISSUE_ARGS), "--set", "provider=PeoplePlus", "--set", "style=full",
                  "--output", "-")
    assert "between 1 April 2025 and 31 March 2026" in current.stdout
    assert "The period from 1 April 2025 to 31 March 2026 is the last complete financial year." in current.stdout
    former = run(*_without_dates(ISSUE_ARGS), "--output", "-")
    assert former.exit_code == 0, former.output
    assert "between 1 April 2014 and 31 March 2015" in former.stdout and "2026," not in former.stdout


def test_provider_named_as_authority_goes_to_dwp() -> None:
    args = [a if a != "dwp" else "a4e" for a in ISSUE_ARGS]
    i = args.index("provider=A4e")
    del args[i - 1 : i + 1]
    result = run(*args, "--output", "-")
    assert result.exit_code == 0, result.output
    assert "Department for Work and Pensions" in result.stdout
    # The name in use in the period (A4e until 2015), "A4e (now PeoplePlus)" only across the change.
    assert "This request includes information that A4e holds on DWP's behalf (section 3(2)(b))." in result.stdout
    spanning = run(*args, "--set", "date_from=2015-04-01", "--set", "date_to=2016-03-31", "--output", "-")
    assert "information that A4e (now PeoplePlus) holds on DWP's behalf" in spanning.stdout
    later = run(*args, "--set", "date_from=2024-04-01", "--set", "date_to=2025-03-31", "--output", "-")
    assert "information that PeoplePlus holds on DWP's behalf" in later.stdout and "A4e" not in later.stdout


def test_text_format_is_wrapped_at_72() -> None:
    args = [a if a != "markdown" else "text" for a in ISSUE_ARGS]
    result = run(*args, "--output", "-")
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 72
    assert "\\" not in result.stdout and "**" not in result.stdout


def test_answers_file_and_saved_answers_replay(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    first = tmp_path / "first.md"
    result = run(*ISSUE_ARGS, "--output", str(first), "--save-answers", str(answers))
    assert result.exit_code == 0, result.output
    saved = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert saved["provider"] == "A4e" and saved["scenario"] == "provider-data-access"
    assert "name" not in saved and "email" not in saved
    replay = run("new", "--answers", str(answers), "--set", "name=Jane Smith", "--set",
                 "email=jane.smith@example.org", "--date", "2026-11-23", "--no-input", "--format",
                 "markdown", "--output", "-")
    assert replay.exit_code == 0, replay.output
    assert replay.stdout.encode("utf-8") == first.read_bytes()


def test_save_personal_keeps_personal_keys_owner_only(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    result = run(*ISSUE_ARGS, "--output", "-", "--save-answers", str(answers), "--save-personal")
    assert result.exit_code == 0
    saved = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert saved["name"] == "Jane Smith"
    assert stat.S_IMODE(os.stat(answers).st_mode) == 0o600


def test_profile_supplies_details_and_is_owner_only(isolated_config: Path) -> None:
    result = run("profile", "set", "name=Jane Smith", "email=jane.smith@example.org")
    assert result.exit_code == 0, result.output
    path = isolated_config / "profile.yaml"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    shown = run("profile")
    assert "name: Jane Smith" in shown.stdout
    letter = run("new", "--scenario", "provider-data-access", "--authority", "dwp", "--set", "provider=A4e",
                 "--date", "2026-11-23", "--no-input", "--output", "-")
    assert letter.exit_code == 0, letter.output
    assert "Jane Smith\njane.smith@example.org" in letter.stdout
    bad = run("profile", "set", "name=Jane")
    assert bad.exit_code == 1 and "profile name:" in bad.stderr
    assert run("profile", "unset", "email").exit_code == 0
    assert "email" not in path.read_text(encoding="utf-8")


def test_templates_folder_overrides_builtin(tmp_path: Path) -> None:
    own = tmp_path / "mine" / "letters"
    own.mkdir(parents=True)
    (own / "request.md.j2").write_text("# My own heading\n\nDear {{ authority.short_name }},\n\n{{ items | length }} items\n", encoding="utf-8")
    result = run(*ISSUE_ARGS, "--templates", str(tmp_path / "mine"), "--output", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout == "# My own heading\n\nDear DWP,\n\n5 items\n"
    missing = run(*ISSUE_ARGS, "--templates", str(tmp_path / "none"), "--output", "-")
    assert missing.exit_code == 1 and "does not exist" in missing.stderr


def test_wizard_asks_previews_and_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wizard, "interactive", lambda: True)
    monkeypatch.chdir(tmp_path)
    typed = "\n".join([
        "Jane",                       # name: refused (no surname), asked again
        "Jane Smith",                 # name
        "jane.smith@example.org",     # email (so no postal address is asked for)
        "job centre plus",            # authority, forgiving
        "mandatory-activity",         # scenario
        "the A4e jobsearch skills course",  # programme
        "A4e",                        # provider
        "",                           # office
        "2012-11-01",                 # date_from
        "15/02/2013",                 # date_to
        "y",                          # write it?
        "",                           # file name: the default
        "y",                          # save the answers? yes
        "",                           # as the default name
    ]) + "\n"
    result = run("new", "--date", "2026-11-23", input=typed)
    assert result.exit_code == 0, result.output
    assert "write your surname in full" in result.stderr or "give your real name" in result.stderr
    assert "Your letter" in result.stderr
    written = tmp_path / "foi-dwp-mandatory-activity-2026-11-23.txt"
    text = written.read_text(encoding="utf-8")
    saved = yaml.safe_load((tmp_path / "foi-dwp-mandatory-activity-2026-11-23.answers.yaml").read_text(encoding="utf-8"))
    assert saved["programme"] == "the A4e jobsearch skills course" and "name" not in saved
    assert "--save-personal keeps them" in result.stderr
    assert "Referral to the A4e jobsearch skills course" in text
    assert "between 1 November 2012 and 15 February 2013" in text


def test_wizard_declined_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wizard, "interactive", lambda: True)
    monkeypatch.chdir(tmp_path)
    args = [a for a in ISSUE_ARGS if a != "--no-input"]
    result = run(*args, input="\nn\n")  # office: skipped; write it? no
    assert result.exit_code == 0
    assert "Nothing was written." in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("foi ")
    helped = run("new", "--help")
    assert helped.exit_code == 0 and "--scenario" in helped.stdout and "--no-input" in helped.stdout


def test_new_with_a_wdtk_directory_file(tmp_path: Path) -> None:
    csv = tmp_path / "all-authorities.csv"
    csv.write_text(
        "\ufeffInternal ID,Name,Short name,URL name,Tags,Home page,Publication scheme,Disclosure log,Notes,"
        "Created at,Updated at,Version,Request email\n"
        "9001,Ipswich Port Health Authority,,ipswich_port_health,port_health_authority,,,,,,,1,foi@ipswich.example\n",
        encoding="utf-8",
    )
    args = [a if a != "dwp" else "Ipswich Port Health Authority" for a in ISSUE_ARGS]
    result = run(*args, "--authorities", str(csv), "--output", "-")
    assert result.exit_code == 0, result.output
    assert "Ipswich Port Health Authority" in result.stdout
    assert "section 1 of the Freedom of Information Act 2000" in result.stdout
    unknown = run(*args, "--output", "-")
    assert unknown.exit_code == 1 and "Ipswich Port Health Authority" in unknown.stderr


def test_provider_in_northern_ireland_goes_to_the_department_for_communities() -> None:
    base = ["new", "--scenario", "mandatory-activity", "--authority", "maximus", "--set", "programme=the Work Programme",
            "--set", "name=Jane Smith", "--set", "email=jane.smith@example.org", "--date", "2026-11-23",
            "--no-input", "--output", "-"]
    ni = run(*base, "--set", "northern_ireland=yes")
    assert ni.exit_code == 0, ni.output
    assert ni.stdout.count("Department for Communities") == 1
    assert "on DfC's behalf" in ni.stdout and "DWP" not in ni.stdout
    gb = run(*base)
    assert gb.exit_code == 0 and "Department for Work and Pensions" in gb.stdout

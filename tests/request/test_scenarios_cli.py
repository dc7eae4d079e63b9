"""`foi scenarios`, the custom scenario's list of items (flags, answers file, wizard) and `foi templates`."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from foi.cli import app
from foi.request import wizard
from foi.support.paths import builtin_templates

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
IDS = {
    "provider-data-access", "mandatory-activity", "provider-contract", "staff-guidance", "sanctions",
    "programme-performance", "procurement", "behavioural-interventions", "health-and-work",
    "complaints-and-incidents", "local-support", "meetings-and-correspondence", "own-data", "custom",
}
WHO = ["--set", "name=Jane Smith", "--set", "email=jane.smith@example.org"]
CUSTOM = ["new", "--scenario", "custom", "--authority", "dwp", *WHO, "--date", "2026-11-23", "--no-input",
          "--format", "markdown", "--output", "-"]


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


# --- foi scenarios ---

def test_json_lists_every_scenario_with_its_questions_and_items() -> None:
    result = run("scenarios", "--format", "json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert {s["id"] for s in listed} == IDS
    by_id = {s["id"]: s for s in listed}
    contract = by_id["provider-contract"]
    assert contract["regimes"] == ["foia", "foisa"] and contract["title"] == "A provider's contract for a programme"
    assert [q["key"] for q in contract["questions"]] == ["programme", "provider", "area"]
    assert contract["questions"][2] == {**contract["questions"][2], "type": "str", "required": False, "personal": False}
    assert contract["items"][0]["text"].startswith("The contract between <the body> and <provider> for <programme> in <area>")
    assert "between <date_from> and <date_to>" in contract["items"][0]["text"]
    own = by_id["own-data"]
    assert own["regimes"] == ["sar"] and own["letter"] == "sar"
    assert {q["key"] for q in own["questions"] if q["personal"]} >= {"date_of_birth", "ni_number"}
    custom = by_id["custom"]
    assert custom["items"] == [{"text": "<one of your items>.", "when": None, "each": "items", "part": 1}]
    assert next(q for q in custom["questions"] if q["key"] == "items")["type"] == "list"


def test_table_lists_id_title_summary_and_law() -> None:
    result = run("scenarios")
    assert result.exit_code == 0, result.output
    for scenario_id in IDS:
        assert f"\n{scenario_id}  (" in "\n" + result.stdout
    assert "own-data  (SAR)\n    Your own records (a subject access request)\n" in result.stdout
    assert "sanctions  (FOIA, FOISA)\n    Sanctions: referrals, reconsiderations, guidance and targets\n" in result.stdout
    assert "foi scenarios show ID" in result.stdout


def test_show_text_gives_questions_and_items_as_read() -> None:
    result = run("scenarios", "show", "staff-guidance")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("staff-guidance: What staff are told about a system or policy\n")
    assert "Law: the Freedom of Information Act 2000 (FOIA) or the Freedom of Information\n(Scotland) Act 2002 (FOISA)" in text
    assert "  topic  (text; required)\n" in text and "  office  (text; optional)\n" in text
    assert '"Universal Jobmatch"' in text
    assert "  1. The guidance, instructions and training materials on <topic> produced by\n" in text
    assert "whenever issued." in text
    assert "(only if you answer office; in the second letter, written alongside)" in text
    assert "(only if you answer provider)" in text
    listed = run("scenarios", "show", "custom").stdout
    assert "items  (list: one item per line, or --set items=... once per item; required)" in listed


def test_show_json_and_errors() -> None:
    shown = run("scenarios", "show", "own-data", "--format", "json")
    assert shown.exit_code == 0
    data = json.loads(shown.stdout)
    assert data["id"] == "own-data" and data["subject"].startswith("Records about me held by <the body>")
    unknown = run("scenarios", "show", "nope")
    assert unknown.exit_code == 1 and unknown.stderr.startswith("Error: no scenario 'nope': use one of ")
    assert unknown.stderr.count("\n") == 1
    bad = run("scenarios", "--format", "xml")
    assert bad.exit_code == 2 and bad.stderr == "Error: --format xml: use one of table, json\n"
    bad_show = run("scenarios", "show", "custom", "--format", "table")
    assert bad_show.exit_code == 2 and bad_show.stderr == "Error: --format table: use one of text, json\n"


def test_scenarios_from_a_templates_folder_are_listed(tmp_path: Path) -> None:
    folder = tmp_path / "mine" / "scenarios"
    folder.mkdir(parents=True)
    (folder / "sanctions.yaml").write_text(
        (builtin_templates() / "scenarios" / "sanctions.yaml").read_text(encoding="utf-8").replace(
            'title: "Sanctions: referrals, reconsiderations, guidance and targets"', "title: Our sanctions request"),
        encoding="utf-8")
    (folder / "broken.yaml").write_text("id: broken\ntitle: [\n", encoding="utf-8")
    broken = run("scenarios", "--templates", str(tmp_path / "mine"))
    assert broken.exit_code == 1 and "broken.yaml: cannot read this scenario file" in broken.stderr
    (folder / "broken.yaml").unlink()
    result = run("scenarios", "--templates", str(tmp_path / "mine"), "--format", "json")
    assert result.exit_code == 0, result.output
    titles = {s["id"]: s["title"] for s in json.loads(result.stdout)}
    assert titles["sanctions"] == "Our sanctions request" and len(titles) == len(IDS)


def test_python_m_foi_scenarios_json(tmp_path: Path) -> None:
    env = {**os.environ, "FOI_CONFIG_DIR": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-m", "foi", "scenarios", "--format", "json"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert {s["id"] for s in json.loads(done.stdout)} == IDS
    shown = subprocess.run([sys.executable, "-m", "foi", "scenarios", "show", "own-data"], cwd=tmp_path,
                           capture_output=True, text=True, env=env, timeout=120)
    assert shown.returncode == 0 and "Article 15" in shown.stdout


# --- custom: the person's own items ---

def test_custom_items_from_repeated_set() -> None:
    result = run(*CUSTOM, "--set", "items=copies of the guidance on Restart referrals",
                 "--set", "items=The number of referrals to Restart in each month?", "--set", "topic=the Restart Scheme")
    assert result.exit_code == 0, result.output
    letter = result.stdout
    assert "**Request for information about the Restart Scheme**" in letter
    assert "1. Copies of the guidance on Restart referrals.\n2. The number of referrals to Restart in each month?\n" in letter
    assert ("Unless an item gives its own dates, please include documents in force at any time between 1 April 2025 "
            "and 31 March 2026, whenever issued, and records and figures created in that period.") in letter
    assert 'In this request, "guidance" includes' in letter
    assert "(section 3(2)(b))" in letter and "please answer item 1 and tell me what else" in letter
    assert "by 22 December 2026." in letter


def test_custom_items_from_an_answers_file_and_no_guidance_definition_without_guidance(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"items": ["The contract with Serco for the Ipswich Jobcentre",
                                                 "the minutes of meetings with Serco about the Ipswich Jobcentre"],
                                       "provider": "Serco"}), encoding="utf-8")
    result = run(*CUSTOM, "--answers", str(answers))
    assert result.exit_code == 0, result.output
    assert "1. The contract with Serco for the Ipswich Jobcentre.\n2. The minutes of meetings with Serco" in result.stdout
    assert "guidance" not in result.stdout
    assert "information that Serco holds on DWP's behalf" in result.stdout
    assert "**Request for information**" in result.stdout


def test_custom_items_are_required_and_at_most_ten(tmp_path: Path) -> None:
    missing = run(*CUSTOM)
    assert missing.exit_code == 1
    assert missing.stderr == ("Error: missing answer 'items' (The documents or information you want, one item at a "
                              "time): pass --set items=... or add it to an --answers file\n")
    eleven = [arg for n in range(1, 12) for arg in ("--set", f"items=Item number {n}")]
    too_many = run(*CUSTOM, *eleven)
    assert too_many.exit_code == 1
    assert "'items': that is 11 items; keep to 10 or fewer" in too_many.stderr
    assert too_many.stderr.count("\n") == 1
    ten = run(*CUSTOM, *eleven[:-2])
    # At most five items in a letter: the sixth to tenth go in the second letter (not printed on stdout).
    assert ten.exit_code == 0 and "5. Item number 5.\n" in ten.stdout and "\n6. " not in ten.stdout
    assert "The second letter was not printed" in ten.stderr


def _wizard_input(*items: str, end: bool = True) -> str:
    lines = [
        "Jane Smith", "jane.smith@example.org", "dwp", "custom",
        "Universal Jobmatch",  # topic
        *items, *([""] if end else []),
        "",  # provider: skipped
        "", "",  # the period: the defaults
        "y", "",  # write it, under the suggested name
    ]
    return "\n".join(lines) + "\n"


def test_wizard_asks_for_items_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wizard, "interactive", lambda: True)
    monkeypatch.chdir(tmp_path)
    typed = _wizard_input("a copy of the Universal Jobmatch guidance for work coaches",
                          "The number of claimants told to register with Universal Jobmatch, in each month")
    result = run("new", "--date", "2026-11-23", input=typed + "n\n")  # ...; save the answers? no
    assert result.exit_code == 0, result.output
    assert "Item 1" in result.stderr and "Item 2" in result.stderr and "Item 3" in result.stderr
    assert "press Enter on an empty line when you have finished" in result.stderr
    text = (tmp_path / "foi-dwp-custom-2026-11-23.txt").read_text(encoding="utf-8")
    assert "1. A copy of the Universal Jobmatch guidance for work coaches." in text
    assert "2. The number of claimants told to register with Universal Jobmatch, in" in text
    assert "3." not in text


def test_wizard_asks_again_when_no_item_is_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wizard, "interactive", lambda: True)
    monkeypatch.chdir(tmp_path)
    typed = _wizard_input("", "the Universal Jobmatch data protection impact assessment")
    result = run("new", "--date", "2026-11-23", input=typed + "n\n")  # ...; save the answers? no
    assert result.exit_code == 0, result.output
    assert "That answer can't be used: this one is needed." in result.stderr
    text = (tmp_path / "foi-dwp-custom-2026-11-23.txt").read_text(encoding="utf-8")
    assert "1. The Universal Jobmatch data protection impact assessment." in text


def test_wizard_stops_at_ten_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wizard, "interactive", lambda: True)
    monkeypatch.chdir(tmp_path)
    typed = _wizard_input(*(f"the report number {n}" for n in range(1, 11)), end=False)
    result = run("new", "--date", "2026-11-23", input=typed + "n\n")  # ...; save the answers? no
    assert result.exit_code == 0, result.output
    assert "That is 10 items, the most one request should ask for." in result.stderr
    assert "Item 11" not in result.stderr
    text = (tmp_path / "foi-dwp-custom-2026-11-23.txt").read_text(encoding="utf-8")
    second = (tmp_path / "foi-dwp-custom-2026-11-23-part-2.txt").read_text(encoding="utf-8")
    assert "5. The report number 5." in text and "\n6. " not in text
    assert "1. The report number 6." in second and "5. The report number 10." in second


def test_wizard_own_data_asks_the_identifiers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wizard, "interactive", lambda: True)
    monkeypatch.chdir(tmp_path)
    typed = "\n".join([
        "Jane Smith", "jane.smith@example.org", "Jobcentre Plus", "own-data",
        "31/02/1980", "01/02/1980",  # date of birth: an impossible date is asked again
        "QQ 12 34 56 C", "", "", "A4e", "", "",  # ni, reference, other names, provider, office, focus
        "", "",  # period
        "y", "",
    ]) + "\n"
    result = run("new", "--date", "2026-11-23", input=typed + "n\n")  # ...; save the answers? no
    assert result.exit_code == 0, result.output
    assert "'31/02/1980' is not a date" in result.stderr
    written = tmp_path / "foi-dwp-own-data-2026-11-23.txt"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("Subject access request\n")
    assert "Date of birth: 1 February 1980\nNational Insurance number: QQ 12 34 56 C\n" in text
    assert "Freedom of Information" not in text
    assert stat.S_IMODE(os.stat(written).st_mode) == 0o600


# --- foi templates ---

def test_templates_list_and_show() -> None:
    listed = run("templates")
    assert listed.exit_code == 0, listed.output
    assert "letters/request.md.j2" in listed.stdout and "letters/sar.md.j2" in listed.stdout
    assert "questions.yaml" in listed.stdout
    assert "scenarios/own-data.yaml" in listed.stdout and "scenario: Your own records (a subject access request)" in listed.stdout
    for name, path in [("sar", "letters/sar.md.j2"), ("letters/request.md.j2", "letters/request.md.j2"),
                       ("sanctions", "scenarios/sanctions.yaml"), ("questions", "questions.yaml")]:
        shown = run("templates", "show", name)
        assert shown.exit_code == 0, shown.output
        assert shown.stdout == (builtin_templates() / path).read_text(encoding="utf-8")
    missing = run("templates", "show", "nothing")
    assert missing.exit_code == 1 and missing.stderr == "Error: no template 'nothing': run `foi templates` to list them\n"


LETTER = ["new", "--scenario", "sanctions", "--authority", "dwp", *WHO, "--date", "2026-11-23", "--no-input",
          "--format", "markdown", "--output", "-"]


def test_copy_then_override_with_templates_option_and_profile(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    copied = run("templates", "copy", str(mine))
    assert copied.exit_code == 0, copied.output
    builtin = sorted(p.relative_to(builtin_templates()).as_posix() for p in builtin_templates().rglob("*") if p.is_file())
    assert sorted(p.relative_to(mine).as_posix() for p in mine.rglob("*") if p.is_file()) == builtin
    assert (mine / "letters" / "request.md.j2").read_bytes() == (builtin_templates() / "letters" / "request.md.j2").read_bytes()
    # Unchanged copies give the same letter as the built-in templates.
    assert run(*LETTER, "--templates", str(mine)).stdout == run(*LETTER).stdout
    letter = mine / "letters" / "request.md.j2"
    letter.write_text(letter.read_text(encoding="utf-8").replace("Yours faithfully,", "With thanks,"), encoding="utf-8")
    scenario = mine / "scenarios" / "sanctions.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace(
        "The number of mandatory reconsiderations", "The number of mandatory reconsiderations and tribunal hearings"),
        encoding="utf-8")
    own = run(*LETTER, "--templates", str(mine))
    assert own.exit_code == 0, own.output
    assert "With thanks," in own.stdout and "Yours faithfully," not in own.stdout
    assert "The number of mandatory reconsiderations and tribunal hearings" in own.stdout
    assert "Yours faithfully," in run(*LETTER).stdout
    assert run("profile", "set", f"templates={mine}").exit_code == 0
    assert "With thanks," in run(*LETTER).stdout
    assert "Yours faithfully," in run(*LETTER, "--no-profile").stdout
    listed = run("templates")
    assert "letters/request.md.j2" in listed.stdout and "(yours overrides it)" in listed.stdout


def test_copy_never_overwrites_without_force(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    assert run("templates", "copy", str(mine), "request").exit_code == 0
    assert [p.relative_to(mine).as_posix() for p in mine.rglob("*") if p.is_file()] == ["letters/request.md.j2"]
    edited = mine / "letters" / "request.md.j2"
    edited.write_text("my own letter\n", encoding="utf-8")
    again = run("templates", "copy", str(mine))
    assert again.exit_code == 1
    assert again.stderr == (f"Error: {edited} already exists: nothing was copied; pass --force to replace them\n")
    assert edited.read_text(encoding="utf-8") == "my own letter\n"
    assert not (mine / "letters" / "sar.md.j2").exists()
    forced = run("templates", "copy", str(mine), "--force")
    assert forced.exit_code == 0
    assert edited.read_bytes() == (builtin_templates() / "letters" / "request.md.j2").read_bytes()
    assert (mine / "letters" / "sar.md.j2").is_file()
    assert [p.name for p in mine.rglob(".*")] == []


def test_copy_refuses_a_file_the_builtin_folder_and_unknown_names(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    assert run("templates", "copy", str(a_file)).exit_code == 1
    onto = run("templates", "copy", str(builtin_templates()))
    assert onto.exit_code == 1 and "is the built-in templates folder" in onto.stderr
    unknown = run("templates", "copy", str(tmp_path / "mine"), "nothing")
    assert unknown.exit_code == 1 and "no template 'nothing'" in unknown.stderr
    assert not (tmp_path / "mine").exists()

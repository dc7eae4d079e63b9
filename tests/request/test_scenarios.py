"""The scenarios: every letter under every regime it supports (golden files), letters with no blanks,
the subject access request, the scenario files' drafting rules, and `foi scenarios`."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from foi.cli import app
from foi.law import deadlines, regimes
from foi.request import scenarios
from foi.support.dates import long_date

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
LETTER_DATE = "2026-11-23"

IDS = [
    "provider-data-access", "mandatory-activity", "provider-contract", "staff-guidance", "sanctions",
    "programme-performance", "procurement", "behavioural-interventions", "health-and-work",
    "complaints-and-incidents", "local-support", "meetings-and-correspondence", "own-data", "custom",
]
WHO = {"name": "Jane Smith", "email": "jane.smith@example.org"}
AUTHORITY = {"foia": "dwp", "foisa": "scottish-government", "sar": "dwp"}

# Fixed answers for the golden letters: the situations in the seeds, written to DWP (FOIA).
ANSWERS: dict[str, dict[str, object]] = {
    "provider-data-access": {"provider": "A4e", "office": "the Ipswich Jobcentre"},
    "mandatory-activity": {"programme": "the A4e jobsearch skills course", "provider": "A4e",
                           "office": "the Ipswich Jobcentre"},
    "provider-contract": {"programme": "the Work and Health Programme", "provider": "Reed in Partnership",
                          "area": "the North East"},
    "staff-guidance": {"topic": "Universal Jobmatch", "office": "the Suffolk district", "provider": "A4e"},
    "sanctions": {"office": "the Ipswich Jobcentre"},
    "programme-performance": {"programme": "the Restart Scheme", "provider": "Maximus"},
    "procurement": {"competition": "the Umbrella Agreement for the Provision of Employment and Health Related Services",
                    "lot": "the Southern lot", "bidder": "Pluss",
                    "date_from": "2016-10-01", "date_to": "2017-12-31"},
    "behavioural-interventions": {"partner": "the Behavioural Insights Team",
                                  "intervention": "personal commitment devices"},
    "health-and-work": {"programme": "the Work and Health Programme", "service": "cognitive behavioural therapy",
                        "provider": "G4S"},
    "complaints-and-incidents": {"provider": "A4e", "programme": "the Work Programme",
                                 "date_from": "2011-06-01", "date_to": "2013-02-28"},
    "local-support": {"area": "Suffolk", "date_from": "2013-01-01", "date_to": "2014-03-31"},
    "meetings-and-correspondence": {"counterpart": "Maximus", "topic": "the Work and Health Programme",
                                    "officials": "ministers, their private offices and senior officials"},
    "own-data": {"date_of_birth": "01/02/1980", "ni_number": "QQ 12 34 56 C", "claimant_reference": "UC 123456",
                 "other_names": "Jane Brown", "provider": "A4e", "office": "the Ipswich Jobcentre",
                 "focus": "the notes of my appointments and my referral to the A4e course"},
    "custom": {"topic": "Universal Jobmatch", "provider": "A4e", "items": [
        "a copy of the guidance given to work coaches on asking claimants to use Universal Jobmatch",
        "The number of claimants in the Ipswich Jobcentre asked to give access to their Universal Jobmatch account, in each month",
        "the data protection impact assessment for Universal Jobmatch"]},
}
# To the Scottish Government (FOISA): a devolved subject (Scotland's own programme) for every scenario
# that can have one. Sanctions and being made to attend a course are reserved whoever asks: to the
# Scottish Government they are redirected to DWP (tests/request/test_right_body.py).
SCOTTISH: dict[str, dict[str, object]] = {
    "provider-data-access": {"provider": "Remploy", "office": "the Glasgow office"},
    "provider-contract": {"programme": "Fair Start Scotland", "provider": "Remploy", "area": "Tayside"},
    "programme-performance": {"programme": "Fair Start Scotland", "provider": "Remploy"},
    "health-and-work": {"programme": "Fair Start Scotland", "provider": "Remploy"},
    # No office: the Scottish Government has no local offices making referrals (None drops DWP's district).
    "staff-guidance": {"topic": "referrals to Fair Start Scotland", "office": None, "provider": "Remploy"},
    "local-support": {"framework": "No One Left Behind", "area": "Glasgow",
                      "date_from": "2023-04-01", "date_to": "2024-03-31"},
    "procurement": {"competition": "the Fair Start Scotland contracts", "lot": "the Tayside lot", "bidder": "Remploy",
                    "date_from": "2017-01-01", "date_to": "2017-12-31"},
    "behavioural-interventions": {"setting": "Fair Start Scotland", "partner": "the Behavioural Insights Team",
                                  "intervention": "personal commitment devices"},
    "complaints-and-incidents": {"provider": "Remploy", "programme": "Fair Start Scotland",
                                 "date_from": "2022-04-01", "date_to": "2023-03-31"},
    "meetings-and-correspondence": {"counterpart": "Remploy", "topic": "Fair Start Scotland",
                                    "officials": "ministers, their private offices and senior officials"},
    "custom": {"topic": "Fair Start Scotland", "provider": "Remploy", "items": [
        "a copy of the guidance given to Fair Start Scotland providers on referrals from Jobcentres",
        "The number of people who started Fair Start Scotland in Glasgow, in each month"]},
}
RESERVED_ONLY = ("sanctions", "mandatory-activity")
CASES = [(sid, regime) for sid in IDS for regime in scenarios.get(sid).regimes
         if regime != "foisa" or sid in SCOTTISH]


def _args(scenario_id: str, regime: str, answers: dict[str, object], *extra: str) -> list[str]:
    args = ["new", "--scenario", scenario_id, "--authority", AUTHORITY[regime], "--date", LETTER_DATE,
            "--no-input", "--output", "-"]
    for key, value in {**WHO, **answers}.items():
        for one in value if isinstance(value, list) else [] if value is None else [value]:
            args += ["--set", f"{key}={one}"]
    return args + list(extra)


def _full_answers(scenario_id: str, regime: str) -> dict[str, object]:
    merged = {**ANSWERS[scenario_id], **(SCOTTISH.get(scenario_id, {}) if regime == "foisa" else {})}
    return {key: value for key, value in merged.items() if value is not None}


def _minimal_answers(scenario_id: str, regime: str) -> dict[str, object]:
    """Only the required answers that have no default: every optional clause left out."""
    full = _full_answers(scenario_id, regime)
    keep = {q.key for q in scenarios.get(scenario_id).questions if q.required and q.default is None}
    return {k: v for k, v in full.items() if k in keep}


def render(scenario_id: str, regime: str, answers: dict[str, object], *extra: str) -> str:
    result = runner.invoke(app, _args(scenario_id, regime, answers, *extra))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_issue_id_is_a_scenario() -> None:
    assert sorted(scenarios.all_scenarios()) == sorted(IDS)
    assert set(ANSWERS) == set(IDS)


def render_both(scenario_id: str, regime: str, answers: dict[str, object], folder: Path, *extra: str) -> list[str]:
    """The letter and, when there is one, the second letter written alongside it (-part-2)."""
    args = _args(scenario_id, regime, answers, *extra)
    args[args.index("--output") + 1] = f"{folder}/"
    result = runner.invoke(app, [*args, "--format", "markdown"])
    assert result.exit_code == 0, result.output
    files = sorted(folder.glob("*.md"), key=lambda p: ("part-2" in p.name, p.name))
    return [f.read_text(encoding="utf-8") for f in files]


@pytest.mark.parametrize(("scenario_id", "regime"), CASES)
def test_golden_letter(scenario_id: str, regime: str, golden, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # own-data's deadline sentence is checked below, not in the golden file: it is counted by the
    # calendar module (one calendar month for a subject access request).
    extra = ("--set", "time_limit=no") if regime == "sar" else ()
    letters = render_both(scenario_id, regime, _full_answers(scenario_id, regime), tmp_path, *extra)
    golden(f"{scenario_id}-{regime}.md", letters[0].encode("utf-8"))
    if len(letters) > 1:
        golden(f"{scenario_id}-{regime}-part-2.md", letters[1].encode("utf-8"))
    assert len(letters) <= 2


_UNFILLED = ("{{", "}}", "{%", "%}", "None", "[", "]", "<", ">", " ,", " .", ",,", "..", " :", "( ", " )")


def _problems(letter: str, markdown: bool) -> list[str]:
    found = [token for token in _UNFILLED if token in letter]
    for line in letter.splitlines():
        body = line if markdown else line.strip()
        if "  " in body:
            found.append(f"doubled space: {line!r}")
        if line != line.rstrip():
            found.append(f"trailing space: {line!r}")
    return found


@pytest.mark.parametrize(("scenario_id", "regime"), CASES)
@pytest.mark.parametrize("answers", ["full", "minimal"])
@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_letter_has_no_blanks_or_placeholders(scenario_id: str, regime: str, answers: str, fmt: str) -> None:
    given = _full_answers(scenario_id, regime) if answers == "full" else _minimal_answers(scenario_id, regime)
    letter = render(scenario_id, regime, given, "--format", fmt)
    assert _problems(letter, markdown=fmt == "markdown") == []
    numbered = re.findall(r"^(\d+)\. ", letter, flags=re.MULTILINE)
    assert numbered == [str(n) for n in range(1, len(numbered) + 1)] and 1 <= len(numbered) <= 10


_RULES = (r"in force at any time between \d{1,2} \w+ \d{4} and \d{1,2} \w+ \d{4}, whenever issued",
          r"created between \d{1,2} \w+ \d{4} and \d{1,2} \w+ \d{4}",
          r"for each month from \w+ \d{4} to \w+ \d{4}")
_OTHER_DATES = re.compile(r"\b(given|made|used|held|issued|sent|received|in force|in use|completed|produced)"
                          r" between\b|\bas in force\b")
_BACK = re.compile(r"\b(that|those|these|the above|the same|said)\b|\bsuch\b(?! as)", re.IGNORECASE)


def _items_of(letter: str) -> list[str]:
    return re.findall(r"^\d+\. (.*)$", letter, flags=re.MULTILINE)


@pytest.mark.parametrize(("scenario_id", "regime"), [c for c in CASES if c[1] != "sar" and c[0] != "custom"])
def test_every_item_follows_one_date_rule_and_stands_alone(scenario_id: str, regime: str, tmp_path: Path) -> None:
    """Documents "in force at any time between X and Y, whenever issued"; records "created between X and
    Y"; figures "for each month from X to Y": exactly one per item, and no other date wording. No item
    leans on another ("that", "those", "the above"), so each can be answered alone."""
    for letter in render_both(scenario_id, regime, _full_answers(scenario_id, regime), tmp_path):
        items = _items_of(letter)
        assert 1 <= len(items) <= 5
        for item in items:
            rules = [rule for rule in _RULES if re.search(rule, item)]
            assert len(rules) == 1, item
            assert not _OTHER_DATES.search(re.sub(_RULES[0], "", item)), item
            assert not _BACK.search(item), item


def test_scottish_letters_cite_only_foisa() -> None:
    for scenario_id, regime in CASES:
        if regime != "foisa":
            continue
        letter = render(scenario_id, regime, _full_answers(scenario_id, regime), "--format", "markdown")
        assert "Freedom of Information (Scotland) Act 2002" in letter
        assert "Act 2000" not in letter and "section 1(1)(a)" not in letter


# --- own-data: a subject access request, never an FOI letter ---

def test_own_data_is_a_subject_access_request() -> None:
    letter = render("own-data", "sar", ANSWERS["own-data"], "--format", "markdown")
    assert letter.startswith("# Subject access request\n")
    assert "under Article 15 of the UK General Data Protection Regulation." in letter
    # DWP's own right of access route (directory: sar_address), not its FOI team or a "Data Protection Officer".
    assert "Department for Work and Pensions\\\nRight of Access Requests\\\nMail Handling Site A\\\nWolverhampton WV98 2EF" in letter
    assert "Dear Sir or Madam," in letter
    for absent in ("Freedom of Information", "Act 2000", "(Scotland) Act", "section", "Caxton House"):
        assert absent not in letter, absent
    # The identifiers the controller needs: right here, because the request is private.
    for present in ("Full name: Jane Smith", "Other names I have used: Jane Brown", "Date of birth: 1 February 1980",
                    "National Insurance number: QQ 12 34 56 C", "Reference number: UC 123456"):
        assert present in letter, present
    # Article 15's list (reference part D).
    for phrase in ("Confirmation of whether DWP processes personal data about me", "a copy of the personal data",
                   "purposes", "categories of data", "recipients", "outside the United Kingdom",
                   "kept", "source", "automated decision-making, including profiling",
                   "corrected or erased", "complain to the Information Commissioner's Office"):
        assert phrase in letter, phrase
    assert "personal data that A4e holds on DWP's behalf" in letter and "in particular the notes of my appointments" in letter
    # At least five of DWP's own record types, named as DWP names them (docs/law-notes.md).
    for record in ("Universal Credit journal and to-do list", "each version of my claimant commitment",
                   "compliance doubts", "Provider Referrals and Payments records", "recordings and notes of my telephone calls",
                   "audit trail"):
        assert record in letter, record
    assert "I understand there is no fee for this request." in letter


def test_own_data_deadline_comes_from_the_calendar() -> None:
    letter = render("own-data", "sar", ANSWERS["own-data"], "--format", "markdown")
    due = deadlines.response_due(date(2026, 11, 23), regimes.get("sar")).due
    assert (
        "Please reply without undue delay and at the latest within one month of receipt (Article 12(3)): "
        f"if you receive this on 23 November 2026, that is {long_date(due)}." in letter
    )


def test_own_data_deadline_is_one_calendar_month() -> None:
    """Reference D and table H: one calendar month, rolled to the next working day."""
    letter = render("own-data", "sar", ANSWERS["own-data"], "--format", "markdown")
    assert "if you receive this on 23 November 2026, that is 23 December 2026." in letter


def test_own_data_to_a_scottish_body_is_still_article_15() -> None:
    letter = render("own-data", "foisa", {"date_of_birth": "1980-02-01"}, "--format", "markdown")
    assert "Article 15 of the UK General Data Protection Regulation" in letter
    assert "Freedom of Information" not in letter and "Scottish Government" in letter


def _without(args: list[str], pair: str) -> list[str]:
    """The arguments with one `--set key=value` pair taken out."""
    at = args.index(pair)
    return args[: at - 1] + args[at + 1 :]


def test_own_data_needs_no_address_but_prints_one_given() -> None:
    """Reference D: a subject access request has no formal requirements, unlike FOIA s.8."""
    args = _without(_args("own-data", "sar", ANSWERS["own-data"]), "email=jane.smith@example.org")
    bare = runner.invoke(app, [*args, "--format", "text"])
    assert bare.exit_code == 0, bare.output
    assert bare.stdout.endswith("Yours faithfully,\n\nJane Smith\n")
    posted = runner.invoke(app, [*args, "--set", "address=1 High Street, Ipswich IP1 1AA", "--format", "text"])
    assert posted.exit_code == 0, posted.output
    assert posted.stdout.endswith("Jane Smith\n1 High Street\nIpswich IP1 1AA\n")
    refused = runner.invoke(app, _without(_args("sanctions", "foia", {}), "email=jane.smith@example.org"))
    assert refused.exit_code == 1 and "address for correspondence (section 8)" in refused.stderr


@pytest.mark.parametrize(("value", "ok"), [("QQ 12 34 56 C", True), ("qq123456c", True), ("QQ123456", False),
                                            ("12 34 56 78 A", False)])
def test_national_insurance_number_is_checked(value: str, ok: bool) -> None:
    result = runner.invoke(app, _args("own-data", "sar", {**ANSWERS["own-data"], "ni_number": value}))
    assert (result.exit_code == 0) is ok, result.output
    if not ok:
        assert "'ni_number': write a National Insurance number like QQ 12 34 56 C" in result.stderr
        assert result.stderr.count("\n") == 1


def test_personal_answers_are_only_in_the_subject_access_request(tmp_path: Path) -> None:
    for scenario in scenarios.all_scenarios().values():
        personal = [q.key for q in scenario.questions if q.personal]
        if scenario.regimes == ("sar",):
            assert {"date_of_birth", "ni_number", "claimant_reference"} <= set(personal)
        else:
            assert personal == [], scenario.id
    saved = tmp_path / "answers.yaml"
    result = runner.invoke(app, _args("own-data", "sar", ANSWERS["own-data"], "--save-answers", str(saved)))
    assert result.exit_code == 0, result.output
    kept = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert kept["provider"] == "A4e"
    assert not {"date_of_birth", "ni_number", "claimant_reference", "other_names", "focus", "name"} & set(kept)


# --- the scenario files themselves: the drafting rules of reference part E ---

_EMOTIVE = re.compile(r"\b(scandal\w*|outrage\w*|disgrace\w*|shocking|crook\w*|fraudster\w*|abuse\w*|"
                      r"cover-up|incompeten\w*|unlawful\w*|illegal\w*|so-called)\b", re.IGNORECASE)
_QUESTION_START = re.compile(r"^(why|how|what|can|could|is|are|does|do|will|would|should)\b", re.IGNORECASE)


def _raw(scenario_id: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((ROOT / "templates" / "scenarios" / f"{scenario_id}.yaml").read_text(encoding="utf-8"))


def _texts(entries: list) -> list[str]:  # type: ignore[type-arg]
    return [e if isinstance(e, str) else e.get("text", "") for e in entries]


@pytest.mark.parametrize("scenario_id", IDS)
def test_scenario_file_follows_the_drafting_rules(scenario_id: str) -> None:
    raw = _raw(scenario_id)
    scenario = scenarios.get(scenario_id)
    items = _texts(raw["items"])
    assert 1 <= len(items) <= 10
    words = " ".join(items + _texts(raw.get("definitions") or []) + [raw["subject"]])
    without_jinja = re.sub(r"\{[{%].*?[%}]\}", "", words)
    assert "?" not in without_jinja
    assert not _EMOTIVE.search(without_jinja), _EMOTIVE.search(without_jinja)
    # Acronyms are spelled out: the fixed words of items carry none (answers, like "JETS", may).
    assert re.findall(r"\b[A-Z]{2,}\b", without_jinja) == []
    for text in items:
        assert not _QUESTION_START.match(text.strip()), text
    letter = (ROOT / "templates" / "letters" / f"{scenario.letter}.md.j2").read_text(encoding="utf-8")
    used = words + " " + " ".join(str(e) for e in raw["items"]) + " " + letter
    for question in scenario.questions:
        assert question.prompt and not question.prompt.startswith(question.key), question.key
        # Every answer is used (by the scenario or its letter), an optional one only inside a condition.
        assert re.search(r"\b" + question.key + r"\b", used), question.key
        if not question.required and question.type != "list":
            guarded = re.search(r"\{%-? if [^%]*\b" + question.key + r"\b", used)
            defaulted = re.search(r"\{\{ " + question.key + r" or \"", used)
            assert guarded or defaulted or question.key in str(raw["items"]), question.key


@pytest.mark.parametrize("scenario_id", [s for s in IDS if s != "own-data"])
def test_foi_scenarios_cover_both_acts_and_no_subject_access(scenario_id: str) -> None:
    scenario = scenarios.get(scenario_id)
    assert scenario.regimes == ("foia", "foisa") and scenario.letter == "request"
    assert scenario.environmental is False


def test_own_data_scenario_shape() -> None:
    scenario = scenarios.get("own-data")
    assert scenario.regimes == ("sar",) and scenario.letter == "sar"
    keys = {q.key: q for q in scenario.questions}
    assert keys["date_of_birth"].type == "date" and keys["date_of_birth"].required
    assert keys["ni_number"].validator == "ni_number"


# --- environmental information: shown with a test-only scenario, not a contrived built-in one ---

ENVIRONMENTAL = """\
id: estate-energy
title: Energy use of an office
summary: Test-only environmental scenario.
subject: Energy use and emissions of {{ office }}
regimes: [eir, eisr]
environmental: true
questions:
  office:
    prompt: Which office?
items:
  - The records of electricity and gas used at {{ office }} in each month {{ period }}.
  - The carbon emissions reported for {{ office }} {{ period }}.
"""


@pytest.mark.parametrize(
    ("authority", "regime_name", "access", "held", "absent"),
    [
        ("dwp", "Environmental Information Regulations 2004", "regulation 5(1)", "regulation 3(2)(b)",
         ["Freedom of Information Act", "section 1", "(Scotland)"]),
        ("scottish-government", "Environmental Information (Scotland) Regulations 2004", "regulation 5(1)",
         "regulation 2(2)(b)", ["Freedom of Information (Scotland) Act", "section 1", "2000"]),
    ],
)
def test_environmental_scenario_uses_eir_or_eisr(tmp_path: Path, authority: str, regime_name: str, access: str,
                                                 held: str, absent: list[str]) -> None:
    folder = tmp_path / "mine" / "scenarios"
    folder.mkdir(parents=True)
    (folder / "estate-energy.yaml").write_text(ENVIRONMENTAL, encoding="utf-8")
    result = runner.invoke(app, [
        "new", "--scenario", "estate-energy", "--authority", authority, "--templates", str(tmp_path / "mine"),
        "--set", "office=Caxton House", *sum((["--set", f"{k}={v}"] for k, v in WHO.items()), []),
        "--date", LETTER_DATE, "--no-input", "--format", "markdown", "--output", "-",
    ])
    assert result.exit_code == 0, result.output
    letter = result.stdout
    assert letter.startswith("# Request for environmental information\n")
    assert f"Under {access} of the {regime_name}, please send me" in letter
    assert f"hold on {'DWP' if authority == 'dwp' else 'the Scottish Government'}'s behalf ({held})" in letter
    assert "1. The records of electricity and gas used at Caxton House in each month between 1 April 2025" in letter
    for word in absent:
        assert word not in letter, word
    assert _problems(letter, markdown=True) == []


def test_environmental_scenario_for_england_only_refuses_a_scottish_body(tmp_path: Path) -> None:
    folder = tmp_path / "mine" / "scenarios"
    folder.mkdir(parents=True)
    (folder / "estate-energy.yaml").write_text(ENVIRONMENTAL.replace("[eir, eisr]", "[eir]"), encoding="utf-8")
    result = runner.invoke(app, [
        "new", "--scenario", "estate-energy", "--authority", "scottish-government", "--templates",
        str(tmp_path / "mine"), "--set", "office=Victoria Quay", "--set", "name=Jane Smith", "--set",
        "email=j@example.org", "--no-input", "--output", "-",
    ])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: the 'estate-energy' scenario is not written for EISR")


def test_environmental_request_without_an_address_cites_no_section_8(tmp_path: Path) -> None:
    folder = tmp_path / "mine" / "scenarios"
    folder.mkdir(parents=True)
    (folder / "estate-energy.yaml").write_text(ENVIRONMENTAL, encoding="utf-8")
    result = runner.invoke(app, ["new", "--scenario", "estate-energy", "--authority", "dwp", "--templates",
                                 str(tmp_path / "mine"), "--set", "office=Caxton House", "--set", "name=Jane Smith",
                                 "--no-input", "--output", "-"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: a request needs an address for correspondence: pass --set email=... or --set address=...\n"
    )


@pytest.mark.parametrize("scenario_id", IDS)
def test_scenario_questions_never_reuse_a_common_answer(scenario_id: str) -> None:
    """A scenario's own answer with the name of a common one overwrites it: an "organisation" asked
    about (Maximus) became the requester's own ("I make this request on behalf of Maximus")."""
    common = {question.key for group in scenarios.common_questions().values() for question in group}
    own = {question.key for question in scenarios.get(scenario_id).questions}
    assert own.isdisjoint(common), own & common


def test_the_organisation_asked_about_is_not_the_requester() -> None:
    letter = render("meetings-and-correspondence", "foia", ANSWERS["meetings-and-correspondence"],
                    "--format", "markdown")
    assert "on behalf of" not in letter.split("1. ")[0] and "for Maximus" not in letter
    with_own = render("meetings-and-correspondence", "foia", {**ANSWERS["meetings-and-correspondence"],
                      "organisation": "Ipswich Unemployed Action"}, "--format", "markdown")
    assert "I make this request on behalf of Ipswich Unemployed Action." in with_own
    assert "between DWP and Maximus" in with_own

"""Issue 11's checks: the right body for the subject, a period inside the programme's life, no
sanction items for a voluntary programme, letters of at most 400 words with about 100 words of
procedure, and two letters where local or exemption-prone items would hold up the rest."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi.cli import app
from foi.directory import authorities, matters, programmes
from foi.request import scenarios

runner = CliRunner()
WHO = ["--set", "name=Jane Smith", "--set", "email=jane.smith@example.org"]
# The situations in the seeds: DWP's subjects (tests/request/test_scenarios.py ANSWERS).
from tests.request.test_scenarios import ANSWERS, IDS, SCOTTISH  # noqa: E402


def new(scenario: str, authority: str, answers: dict[str, object], *extra: str, folder: Path | None = None):  # type: ignore[no-untyped-def]
    args = ["new", "--scenario", scenario, "--authority", authority, "--date", "2026-11-23", "--no-input",
            "--format", "markdown", "--output", f"{folder}/" if folder else "-", *WHO]
    for key, value in answers.items():
        for one in value if isinstance(value, list) else [] if value is None else [value]:
            args += ["--set", f"{key}={one}"]
    result = runner.invoke(app, [*args, *extra])
    assert result.exit_code == 0, result.output
    return result


FOI_IDS = [sid for sid in IDS if sid != "own-data"]


# --- the right body ---------------------------------------------------------------------------

@pytest.mark.parametrize("scenario_id", FOI_IDS)
def test_dwp_subjects_asked_of_the_scottish_government_go_to_dwp(scenario_id: str) -> None:
    """Every built-in scenario with the seeds' DWP subjects, sent to the Scottish Government, is
    written to DWP under FOIA and says why; none comes out as a FOISA letter about a reserved matter."""
    result = new(scenario_id, "scottish-government", ANSWERS[scenario_id])
    letter = result.stdout
    assert letter.startswith("# Freedom of Information request\n"), scenario_id
    assert "Department for Work and Pensions" in letter and "(Scotland) Act" not in letter
    assert "The Scottish Government does not hold information about" in result.stderr
    assert "so this letter is written to DWP instead (to keep the Scottish Government, pass --set redirect=no)" \
        in result.stderr


@pytest.mark.parametrize("scenario_id", FOI_IDS)
def test_dwp_subjects_asked_of_dwp_need_no_warning(scenario_id: str) -> None:
    result = new(scenario_id, "dwp", ANSWERS[scenario_id])
    assert "does not hold" not in result.stderr and "Department for Work and Pensions" in result.stdout


@pytest.mark.parametrize("scenario_id", sorted(SCOTTISH))
def test_scottish_subjects_stay_with_the_scottish_government(scenario_id: str) -> None:
    result = new(scenario_id, "scottish-government", SCOTTISH[scenario_id])
    assert result.stdout.startswith("# Freedom of Information (Scotland) request\n")
    assert "does not hold" not in result.stderr


def test_fair_start_scotland_asked_of_dwp_goes_to_the_scottish_government() -> None:
    result = new("programme-performance", "dwp", {"programme": "Fair Start Scotland"})
    assert result.stdout.startswith("# Freedom of Information (Scotland) request\n")
    assert "Fair Start Scotland is a devolved Scottish matter, held by the Scottish Government" in result.stderr


def test_insisting_keeps_the_body_with_a_warning_and_the_check_flags_it(tmp_path: Path) -> None:
    result = new("sanctions", "scottish-government", {}, "--set", "redirect=no")
    assert result.stdout.startswith("# Freedom of Information (Scotland) request\n")
    assert "Scottish Government" in result.stdout
    assert "a request to the Scottish Government would come back as not held. The letter is written to the " \
        "Scottish Government as asked." in result.stderr
    # What `foi check --authority scottish-government` reads (the checker's wrong-body rule).
    problem = matters.judge(result.stdout, authorities.find("scottish-government"))  # type: ignore[arg-type]
    assert problem is not None and problem.right_body == "dwp"
    assert matters.judge(result.stdout.replace("Scottish Government", "DWP"), authorities.find("dwp")) is None  # type: ignore[arg-type]


def test_councils_that_delivered_a_service_hold_their_own_records() -> None:
    """No One Left Behind and Universal Support were delivered by councils: a Scottish council is asked."""
    result = new("local-support", "glasgow-city-council", {"framework": "No One Left Behind"})
    assert result.stdout.startswith("# Freedom of Information (Scotland) request\n") and "does not hold" not in result.stderr
    result = new("local-support", "glasgow-city-council", {"framework": "Universal Support"})
    assert "Glasgow City Council" in result.stdout and "does not hold" not in result.stderr


def test_northern_ireland_reserved_matters_go_to_the_department_for_communities() -> None:
    assert matters.wrong_body(authorities.find("dwp"), matters.matter_of(["sanctions"]), "ni").right_body == "dfc"  # type: ignore[arg-type, union-attr]


# --- the period inside the life of the programme or name -----------------------------------------

@pytest.mark.parametrize(("answers", "scenario_id", "ended"), [
    ({"provider": "A4e"}, "provider-data-access", date(2015, 12, 31)),
    ({"topic": "Universal Jobmatch"}, "staff-guidance", date(2018, 6, 17)),
    ({"provider": "Ingeus", "programme": "the Work Programme"}, "complaints-and-incidents", date(2017, 3, 31)),
    ({"programme": "Fair Start Scotland"}, "programme-performance", date(2024, 3, 31)),
])
def test_no_default_period_after_the_programme_or_name_ended(answers: dict[str, object], scenario_id: str,
                                                            ended: date) -> None:
    authority = "scottish-government" if "Fair Start" in str(answers) else "dwp"
    letter = new(scenario_id, authority, answers).stdout
    ends = [date.fromisoformat(_iso(m)) for m in re.findall(r"and (\d{1,2} \w+ \d{4})[,.]", letter)]
    assert ends and all(end <= ended for end in ends), (ends, ended)


def _iso(long: str) -> str:
    day, month, year = long.split()
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    return f"{year}-{months.index(month) + 1:02d}-{int(day):02d}"


def test_a_period_outside_the_programme_is_questioned() -> None:
    result = new("complaints-and-incidents", "dwp", {"provider": "Ingeus", "programme": "the Work Programme",
                                                      "date_from": "2024-04-01", "date_to": "2025-03-31"})
    assert "the Work Programme ended on 31 March 2017, before the period asked about" in result.stderr


def test_a_voluntary_programme_gets_no_sanction_items() -> None:
    result = new("programme-performance", "scottish-government", {"programme": "Fair Start Scotland"})
    assert "compliance doubt" not in result.stdout and "sanction" not in result.stdout
    assert "Fair Start Scotland was voluntary" in result.stderr
    forced = new("mandatory-activity", "dwp", {"programme": "Fair Start Scotland"})
    assert "sanction" not in forced.stdout.lower()


# --- length, procedure and the second letter ------------------------------------------------------

def _words(text: str) -> int:
    return len(re.findall(r"[\w'()-]+", text.replace("\\", " ")))


def _procedure(letter: str) -> str:
    """The closing clauses: after the list and definitions, before "Yours"."""
    body = letter.split("\nYours ")[0]
    paragraphs = body.split("\n\n")
    start = max(i for i, p in enumerate(paragraphs) if re.match(r"\d+\. ", p)) + 1
    clauses = [p for p in paragraphs[start:] if not re.search(r'"[^"]+" (?:includes|means)|does not ask|^Unless an item', p)]
    return "\n\n".join(clauses)


@pytest.mark.parametrize(("scenario_id", "body"), [(s, "dwp") for s in FOI_IDS]
                         + [(s, "scottish-government") for s in sorted(SCOTTISH)])
def test_foi_letters_are_short_with_about_100_words_of_procedure(scenario_id: str, body: str, tmp_path: Path) -> None:
    new(scenario_id, body, (ANSWERS[scenario_id] if body == "dwp" else {**ANSWERS[scenario_id], **SCOTTISH[scenario_id]}),
        folder=tmp_path)
    for path in tmp_path.glob("*.md"):
        letter = path.read_text(encoding="utf-8")
        assert _words(letter) <= 400, (path.name, _words(letter))
        assert _words(_procedure(letter)) <= 105, (path.name, _procedure(letter))
        assert letter.count("section ") == 2  # s.1 in the opening, s.3(2)(b): the two an officer needs
        assert len(re.findall(r"^\d+\. ", letter, flags=re.MULTILINE)) <= 5


def test_second_letter_is_named_part_2_and_stands_alone(tmp_path: Path) -> None:
    result = new("sanctions", "dwp", {"office": "the Ipswich Jobcentre"}, folder=tmp_path)
    first = tmp_path / "foi-dwp-sanctions-2026-11-23.md"
    second = tmp_path / "foi-dwp-sanctions-2026-11-23-part-2.md"
    assert first.is_file() and second.is_file()
    assert "Ipswich" not in first.read_text(encoding="utf-8")
    text = second.read_text(encoding="utf-8")
    assert "(second request)**" in text and "1. The number of compliance doubts raised about Universal Credit " \
        "claimants at the Ipswich Jobcentre" in text
    assert "asks for 3 local or more often withheld item(s) separately" in result.stderr


def test_no_office_means_no_second_letter(tmp_path: Path) -> None:
    result = new("sanctions", "dwp", {}, folder=tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["foi-dwp-sanctions-2026-11-23.md"]
    assert "second letter" not in result.stderr


# --- the data --------------------------------------------------------------------------------------

def test_programmes_data_is_sourced_and_consistent() -> None:
    directory = authorities.builtin()
    for scheme in programmes.schemes():
        assert scheme.sources, scheme.id
        assert scheme.commissioned_by in directory.authorities, scheme.id
        if scheme.life.started and scheme.life.ended:
            assert scheme.life.started < scheme.life.ended, scheme.id
        assert set(scheme.unverified) <= {"started", "ended"}, scheme.id
    for provider_id in ("a4e",):
        assert provider_id in directory.providers
        names = programmes.names_of(provider_id)
        assert [n.name for n in names] == ["A4e", "PeoplePlus"]


def test_a_programme_is_found_by_its_name_as_whole_words_only() -> None:
    found = [s.id for s in programmes.mentioned(["referrals to the Restart Scheme", "the jets of water"])]
    assert found == ["restart"]
    assert [s.id for s in programmes.mentioned(["Job Entry: Targeted Support (JETS)"])] == ["jets"]


def test_provider_name_in_the_period() -> None:
    assert programmes.name_in_period("a4e", "A4e", date(2012, 11, 1), date(2013, 2, 15)) == "A4e"
    assert programmes.name_in_period("a4e", "A4e", date(2015, 4, 1), date(2016, 3, 31)) == "A4e (now PeoplePlus)"
    assert programmes.name_in_period("a4e", "A4e", date(2025, 4, 1), date(2026, 3, 31)) == "PeoplePlus"
    assert programmes.name_in_period("g4s", "G4S", date(2025, 4, 1), date(2026, 3, 31)) == "G4S"


def test_reserved_scenarios_say_so() -> None:
    assert scenarios.get("sanctions").matter == "reserved"
    assert scenarios.get("mandatory-activity").matter == "reserved"


def test_the_published_guide_left_out_is_not_flagged(tmp_path: Path) -> None:
    letter = new("sanctions", "dwp", {}).stdout
    assert "does not ask for the chapters of Advice for Decision Making published on gov.uk" in letter
    path = tmp_path / "letter.md"
    path.write_text(letter, encoding="utf-8")
    checked = runner.invoke(app, ["check", "--authority", "dwp", str(path)])
    assert "form/published" not in checked.output


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).parent.parent / "golden").glob("*-foi*.md")))
def test_built_in_letters_go_to_a_body_that_holds_their_subject(name: str) -> None:
    """What `foi check --authority` will read: no golden letter is addressed to the wrong body."""
    text = (Path(__file__).parent.parent / "golden" / name).read_text(encoding="utf-8")
    body = "scottish-government" if "-foisa" in name else "dwp"
    assert matters.judge(text, authorities.find(body)) is None, name  # type: ignore[arg-type]


def test_subject_access_to_the_provider_itself_is_not_an_foi_request_to_a_contractor() -> None:
    checked = runner.invoke(app, ["check", str(Path(__file__).parent.parent / "golden" / "own-data-sar-part-2.md")])
    assert "law/not-public-authority" not in checked.output


def test_a_moved_default_period_is_explained() -> None:
    result = new("complaints-and-incidents", "dwp", {"provider": "Ingeus", "programme": "the Work Programme"})
    assert ("The period is 1 April 2016 to 31 March 2017, not the last financial year, because the Work Programme "
            "ended on 31 March 2017") in result.stderr
    plain = new("sanctions", "dwp", {})
    assert "not the last financial year" not in plain.stderr


def test_a_topic_naming_dwp_asked_of_the_scottish_government_goes_to_dwp() -> None:
    result = new("staff-guidance", "scottish-government", {"topic": "the guidance for DWP decision makers"})
    assert "The Scottish Government does not hold information about" in result.stderr
    assert result.stdout.startswith("# Freedom of Information request\n")

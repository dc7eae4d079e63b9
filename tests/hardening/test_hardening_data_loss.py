"""The data-loss and display bugs of issue 16, each reproduced against the real `foi` command.

Every test here failed before the fix: a letter overwritten by its own answers, profile keys lost to
concurrent saves, two runs both "creating" one file, a stored value no command could read back,
terminal escapes and rich markup from data reaching the screen, crashes on .docx and on encodings.
"""

from __future__ import annotations

import io
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import yaml
from hardening_cases import NAMED, NEW
from hardening_support import FOI, run_foi


def test_output_equal_to_save_answers_is_refused_and_the_old_file_kept(tmp_path: Path) -> None:
    (tmp_path / "l.txt").write_text("my earlier letter\n", encoding="utf-8")
    result = run_foi([*NAMED, "-o", "l.txt", "--save-answers", "l.txt", "--force"], tmp_path)
    assert result.returncode == 2
    assert (tmp_path / "l.txt").read_text(encoding="utf-8") == "my earlier letter\n"


def test_save_answers_onto_an_existing_file_fails_before_the_letter_is_written(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text("kept: yes\n", encoding="utf-8")
    result = run_foi([*NAMED, "-o", "l.txt", "--save-answers", "s.yaml"], tmp_path)
    assert result.returncode == 1
    assert not (tmp_path / "l.txt").exists()
    assert (tmp_path / "s.yaml").read_text(encoding="utf-8") == "kept: yes\n"


def test_letter_and_answers_are_written_together(tmp_path: Path) -> None:
    result = run_foi([*NAMED, "-o", "l.txt", "--save-answers", "s.yaml"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "l.txt").read_text(encoding="utf-8").startswith("Freedom of Information request")
    assert yaml.safe_load((tmp_path / "s.yaml").read_text(encoding="utf-8"))["provider"] == "A4e"
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "l.txt" in names and "s.yaml" in names
    assert not [name for name in names if name.startswith(".")], "a temporary file was left"


def test_seven_profile_saves_at_once_keep_all_seven_keys(tmp_path: Path) -> None:
    pairs = ["name=Jane Smith", "email=jane@example.org", "address=1 High Street, London SW1A 1AA",
             "organisation=Welfare Rights", "officer=Sam Jones", "templates=/tmp/mine", "letterhead=Welfare Rights"]
    with ThreadPoolExecutor(max_workers=7) as pool:
        results = list(pool.map(lambda pair: run_foi(["profile", "set", pair], tmp_path), pairs))
    assert [r.returncode for r in results] == [0] * 7
    saved = yaml.safe_load((tmp_path / "config" / "profile.yaml").read_text(encoding="utf-8"))
    assert saved == dict(pair.split("=", 1) for pair in pairs)


def test_ten_runs_onto_one_file_only_one_writes_it(tmp_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda _: run_foi([*NAMED, "-o", "same.txt"], tmp_path), range(10)))
    wrote = [r for r in results if r.returncode == 0]
    assert len(wrote) == 1
    assert all(r.returncode == 1 and b"already exists" in r.stderr for r in results if r.returncode != 0)
    assert (tmp_path / "same.txt").read_text(encoding="utf-8").startswith("Freedom of Information request")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "same.txt" in names and not [name for name in names if name.startswith(".")], names


def test_a_value_that_is_not_utf8_is_never_stored(tmp_path: Path) -> None:
    refused = run_foi(["profile", "set", "name=Jane \udcff Smith"], tmp_path)
    assert refused.returncode == 1
    assert run_foi(["profile", "set", "name=Jane Smith"], tmp_path).returncode == 0
    shown = run_foi(["profile"], tmp_path)
    assert shown.returncode == 0 and shown.stdout == b"name: Jane Smith\n"


def test_yaml_booleans_and_lists_never_reach_the_letter(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text('organisation: "no"\nofficer: "yes"\nname: Jane Smith\n', encoding="utf-8")
    result = run_foi([*NEW, "--answers", "a.yaml", "-o", "-"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"Dear yes," in result.stdout and b"on behalf of no." in result.stdout
    assert b"True" not in result.stdout and b"False" not in result.stdout


def test_control_characters_are_removed_and_reported(tmp_path: Path) -> None:
    result = run_foi([*NEW, "--set", "name=Jane \x1b]0;owned\x07Smith\u202e", "-o", "-"], tmp_path)
    assert result.returncode == 0
    assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout
    assert "\u202e".encode() not in result.stdout
    assert result.stderr.decode().startswith(
        "Warning: --set: 'name': removed control or text-direction character(s) U+0007, U+001B, U+202E")


def test_docx_with_control_characters_and_long_values(tmp_path: Path) -> None:
    provider = "Provider " + "p" * 280
    args = [*NEW, "--set", "name=Jane \x0bSmith", "--set", f"provider={provider}", "-f", "docx", "-o", "l.docx"]
    result = run_foi(args, tmp_path)
    assert result.returncode == 0, result.stderr
    document = docx.Document(io.BytesIO((tmp_path / "l.docx").read_bytes()))
    assert len(document.core_properties.title) == 255
    assert any("Jane Smith" in p.text for p in document.paragraphs)


def test_directory_names_are_shown_as_text_not_markup(tmp_path: Path) -> None:
    header = "Name,Short name,URL name,Tags,Home page,Notes\n"
    rows = ('"Council [/] of [bold]Markup[/bold]",,markup_council,local_council,,\n'
            '"[link=file:///etc/passwd]Evil[/link] Council",,evil_council,local_council,,\n'
            '"Escape \x1b]0;owned\x07 Council",,escape_council,local_council,,\n')
    (tmp_path / "dir.csv").write_text(header + rows, encoding="utf-8")
    result = run_foi(["authorities", "--authorities", "dir.csv", "council"], tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "[/]" in out and "[bold]Markup[/bold]" in out and "[link=file:///etc/passwd]Evil[/link]" in out
    assert "\x1b" not in out and "Escape ]0;owned Council" in out
    assert result.stderr == b"Warning: dir.csv: removed control or text-direction characters on row(s) 4\n"


def test_profile_values_with_escapes_are_shown_escaped(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "profile.yaml").write_text('name: "Jane \\e[2J Smith"\n', encoding="utf-8")
    result = run_foi(["profile"], tmp_path)
    assert result.returncode == 0
    assert result.stdout == b"name: Jane \\x1b[2J Smith\n"


def test_an_output_encoding_that_is_not_utf8_is_no_crash(tmp_path: Path) -> None:
    for args in (["profile", "set", "name=Zo\u00eb Smith"], ["profile"], ["authorities", "jobcentre"],
                 [*NAMED, "--set", "provider=Zo\u00eb \u2019s", "-o", "-"], ["scenarios"]):
        result = run_foi(args, tmp_path, env={"PYTHONIOENCODING": "ascii"})
        assert result.returncode == 0, (args, result.stderr)
        assert b"Traceback" not in result.stderr


def test_nul_cannot_reach_argv() -> None:
    """A NUL cannot be passed on a command line at all: the operating system refuses it, so the
    answers-file row of the table is the way a NUL arrives (and is refused)."""
    try:
        subprocess.run([str(FOI), "profile", "set", "name=Jane\x00Smith"], check=False, capture_output=True)
    except ValueError as err:
        assert "null" in str(err)
    else:  # pragma: no cover - no platform passes NUL in argv
        raise AssertionError("a NUL reached argv")

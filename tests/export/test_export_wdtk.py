"""--format wdtk: only the body to paste, the link and warnings on stderr, and no subject access requests."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from export_support import WELSH, WELSH_ARGS, make_draft
from typer.testing import CliRunner

from foi.cli import app
from foi.export import registry
from foi.support.errors import FoiError

runner = CliRunner()


def own_data_templates(folder: Path) -> Path:
    """A user's templates folder with an `own-data` scenario under subject access (regime sar)."""
    (folder / "scenarios").mkdir(parents=True)
    (folder / "letters").mkdir()
    (folder / "scenarios" / "own-data.yaml").write_text(
        "id: own-data\ntitle: My own records\nsummary: The records held about me.\n"
        "subject: My records\nregimes: [sar]\nletter: own-data\nitems:\n  - A copy of my records.\n",
        encoding="utf-8",
    )
    (folder / "letters" / "own-data.md.j2").write_text(
        "# {{ regime.heading }}\n\n{{ letter_date }}\n\nDear Data Protection Officer,\n\n"
        "{% for item in items %}{{ loop.index }}. {{ item }}\n{% endfor %}\nYours faithfully,\n\n"
        "{{ signature | hardbreaks }}\n",
        encoding="utf-8",
    )
    return folder


def test_body_only_from_dear_to_yours_faithfully() -> None:
    text = registry.render(make_draft(), "wdtk").decode("utf-8")
    assert text.startswith("Dear DWP Freedom of Information team,\n\n")
    assert text.endswith("\n\nYours faithfully,\n")
    for personal in (WELSH["name"], WELSH["email"], "Heol y Frenhines", "CF10 2BH"):
        assert personal not in text  # WhatDoTheyKnow adds the name; the address is its own
    for absent in ("# ", "Freedom of Information request\n", "23 November 2026\n", "Caxton House", "**", "\\"):
        assert absent not in text
    assert "I make this request on behalf of Canolfan Gyngor Gwenllïan." in text


def test_each_paragraph_and_item_on_one_line() -> None:
    text = registry.render(make_draft(), "wdtk").decode("utf-8")
    chunks = text.rstrip("\n").split("\n\n")
    assert all("\n" not in chunk for chunk in chunks)
    items = [chunk for chunk in chunks if chunk[:1].isdigit()]
    assert [item.split(".")[0] for item in items] == ["1", "2", "3", "4", "5"]
    assert max(len(chunk) for chunk in chunks) > 72


def test_named_officer_ends_yours_sincerely() -> None:
    text = registry.render(make_draft(officer="Ms Morag Dunbar"), "wdtk").decode("utf-8")
    assert text.startswith("Dear Ms Morag Dunbar,") and text.endswith("Yours sincerely,\n")


def test_notices_give_the_link_the_summary_and_the_warning() -> None:
    notices = registry.notices(make_draft(), "wdtk")
    assert [n.warning for n in notices] == [False, True]
    how_to, published = (n.text for n in notices)
    assert how_to.endswith("in the box at https://www.whatdotheyknow.com/new/dwp")
    assert 'give the summary "A4e staff\'s access to claimant records"' in how_to
    assert published.startswith("Everything on WhatDoTheyKnow is published on the internet")


def test_email_address_or_postcode_in_the_body_is_warned_about() -> None:
    # The office's own guidance is asked for in the second letter.
    draft = make_draft(office="Caerdydd Jobcentre, CF10 1EP (ask manager.caerdydd@example.gov.uk)").second
    assert draft is not None
    texts = [n.text for n in registry.notices(draft, "wdtk")]
    assert any(t.startswith("The text contains an email address") for t in texts)
    assert any(t.startswith("The text contains a postcode") for t in texts)
    plain = [n.text for n in registry.notices(make_draft(), "wdtk")]
    assert not any("contains" in t for t in plain)


def test_body_without_a_page_on_whatdotheyknow_points_to_the_search() -> None:
    draft = make_draft()
    draft = dataclasses.replace(draft, authority=dataclasses.replace(draft.authority, wdtk=None))
    how_to = registry.notices(draft, "wdtk")[0].text
    assert "no WhatDoTheyKnow page for Department for Work and Pensions" in how_to
    assert "https://www.whatdotheyknow.com/select_authority" in how_to


def test_template_without_salutation_is_refused(tmp_path: Path) -> None:
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "request.md.j2").write_text("# Note\n\nPlease send it.\n", encoding="utf-8")
    with pytest.raises(FoiError, match='no "Dear ..." line'):
        registry.render(make_draft(user_dir=tmp_path), "wdtk")


def test_subject_access_request_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    templates = own_data_templates(tmp_path / "mine")
    folder = tmp_path / "out"
    args = ["new", "--scenario", "own-data", "--authority", "dwp", "--set", "name=Siân Llŷr",
            "--set", "email=sian.llyr@example.org", "--date", "2026-11-23", "--no-input", "--templates", str(templates)]
    for formats in (["wdtk"], ["eml", "wdtk"]):
        refused = runner.invoke(app, [*args, *(f"--format={f}" for f in formats), "--output", f"{folder}/"])
        assert refused.exit_code == 1
        assert refused.stderr.startswith("Error: --format wdtk: WhatDoTheyKnow does not take subject access requests")
        assert refused.stderr.count("\n") == 1
        assert not folder.exists()
    fine = runner.invoke(app, [*args, "--format", "eml", "--output", "-"])
    assert fine.exit_code == 0, fine.output
    assert "Subject access request - My records" in fine.stdout


def test_all_formats_for_a_subject_access_request_leave_out_wdtk(tmp_path: Path) -> None:
    templates = own_data_templates(tmp_path / "mine")
    folder = tmp_path / "out"
    result = runner.invoke(app, ["new", "--scenario", "own-data", "--authority", "dwp", "--set", "name=Siân Llŷr",
                                 "--date", "2026-11-23", "--no-input", "--templates", str(templates),
                                 "--format", "all", "--output", f"{folder}/"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name.split(".", 1)[1] for p in folder.iterdir()) == ["docx", "eml", "html", "md", "txt"]
    assert "WhatDoTheyKnow" not in result.stderr


def test_cli_prints_only_the_body_and_tells_the_rest_on_stderr() -> None:
    result = runner.invoke(app, [*WELSH_ARGS, "--format", "wdtk"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Dear DWP") and result.stdout.endswith("Yours faithfully,\n")
    assert "https://www.whatdotheyknow.com/new/dwp" in result.stderr
    assert "Warning: Everything on WhatDoTheyKnow is published" in result.stderr
    assert "whatdotheyknow" not in result.stdout.lower()

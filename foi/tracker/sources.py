"""What `foi track add` reads: a letter written by `foi new`, its answers file, a batch manifest, or
plain flags. Each becomes a NewRequest; nothing is written here."""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from foi.law import regimes
from foi.support.dates import parse_date
from foi.support.errors import DataError, FoiError, UsageProblem
from foi.tracker.model import NewRequest


@dataclass(frozen=True)
class Flags:
    """What `foi track add` was told on the command line (each wins over what a file says)."""

    body: str | None = None
    title: str | None = None
    regime: str | None = None
    reference: str | None = None


def _authority_id(body: str) -> tuple[str, str | None, str | None]:
    """The body's directory name, id and regime when the directory knows it; else as given."""
    from foi.directory import authorities

    try:
        target = authorities.resolve(body)
    except FoiError:
        return body, None, None
    return target.authority.name, target.authority.id, target.authority.regime


def from_flags(flags: Flags) -> NewRequest:
    """A request described by --body, --title and --regime alone."""
    missing = [name for name, value in (("--body", flags.body), ("--title", flags.title))
               if not value]
    if missing:
        raise UsageProblem(
            f"give {' and '.join(missing)} (or a letter, answers file or manifest to read them from)"
        )
    name, authority_id, directory_regime = _authority_id(str(flags.body))
    regime = _regime(flags.regime or directory_regime, "--regime")
    return NewRequest(title=str(flags.title), body=name, authority_id=authority_id, regime=regime,
                      reference=flags.reference)


def _regime(value: str | None, where: str) -> str:
    if not value:
        raise UsageProblem(f"give {where} (one of {', '.join(regimes.ids())}): the body is not in "
                           "the directory, so its law is not known")
    if value.lower() not in regimes.ids():
        raise UsageProblem(f"{where} '{value}': use one of {', '.join(regimes.ids())}")
    return value.lower()


def _override(new: NewRequest, flags: Flags) -> NewRequest:
    changes: dict[str, object] = {}
    if flags.title:
        changes["title"] = flags.title
    if flags.body:
        name, authority_id, _ = _authority_id(flags.body)
        changes.update(body=name, authority_id=authority_id)
    if flags.regime:
        changes["regime"] = _regime(flags.regime, "--regime")
    if flags.reference:
        changes["reference"] = flags.reference
    return replace(new, **changes)  # type: ignore[arg-type]


# --- a letter file -------------------------------------------------------------------------------


def from_letter(path: Path, flags: Flags) -> tuple[NewRequest, date | None]:
    """A letter written by `foi new` (.txt, .md or .eml): heading, title, date, body; and the
    letter's date (a default for the day it was sent)."""
    text, subject = _letter_text(path)
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    if len(paragraphs) < 4:
        raise DataError(f"{path}: not a letter written by `foi new`; give --body, --title and "
                        "--regime instead")
    regime = _regime_in(text, paragraphs[0].lstrip("# "))
    title = _plain(subject.split(" - ", 1)[1] if subject and " - " in subject else paragraphs[1])
    letter_date = _letter_date(paragraphs[2])
    body = _plain(paragraphs[3].splitlines()[0].rstrip("\\"))
    name, authority_id, _ = _authority_id(body)
    if regime is None and not flags.regime:
        raise DataError(f"{path}: no Act named in the letter: give --regime")
    new = NewRequest(title=title, body=name, authority_id=authority_id, regime=regime or "",
                     letter=str(path.resolve()))
    return _override(new, flags), letter_date


def _letter_text(path: Path) -> tuple[str, str | None]:
    suffix = path.suffix.lower()
    if suffix in (".docx", ".html", ".htm", ".pdf"):
        raise DataError(f"{path}: give the .txt, .md or .eml version of the letter, or use --body, "
                        "--title and --regime")
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise FoiError(f"{path}: cannot be read ({err.strerror or err}); check the path") from None
    if suffix == ".eml":
        from foi.tracker.mail import message_text

        return message_text(raw)
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text; save it as UTF-8 and add it again") from None


def _regime_in(text: str, heading: str) -> str | None:
    """The regime whose Act the letter names (the first cited), else the one whose heading it has."""
    flat = " ".join(text.split())
    found = [(flat.find(r.name), r.id) for r in map(regimes.get, regimes.ids()) if r.name in flat]
    if found:
        return min(found)[1]
    headed = [r.id for r in map(regimes.get, regimes.ids()) if r.heading == heading]
    return headed[0] if len(headed) == 1 else None


def _letter_date(text: str) -> date | None:
    from datetime import datetime

    try:
        return datetime.strptime(" ".join(text.split()), "%d %B %Y").date()
    except ValueError:
        return None


def _plain(text: str) -> str:
    from foi.letter.markup import unescape

    return unescape(" ".join(text.split()).strip())


# --- an answers file -----------------------------------------------------------------------------


def from_answers(path: Path, flags: Flags, letter_date: date) -> NewRequest:
    """The request an answers file describes, drafted as `foi new --answers FILE` would draft it
    (the saved profile fills in your name and address)."""
    from foi.letter import drafting
    from foi.request import intake, profile
    from foi.request.answers import Source, load_answers_file

    sources = [Source(str(path), load_answers_file(path)), Source("profile", profile.answers())]
    draft = drafting.build(intake.collect(sources, letter_date=letter_date, asker=None))
    from foi.tracker.recording import REQUESTER_KEYS

    new = NewRequest(
        title=draft.title, body=draft.authority.name, authority_id=draft.authority.id,
        regime=draft.regime.id, answers=str(path.resolve()),
        requester={k: str(draft.answers[k]) for k in REQUESTER_KEYS if draft.answers.get(k)},
    )
    return _override(new, flags)


# --- a batch manifest ----------------------------------------------------------------------------

_BODY = ("body", "authority", "authority_name")
_FILE = ("file", "files", "letter", "path")


def from_manifest(path: Path) -> list[tuple[NewRequest, date | None]]:
    """One request per letter in a batch's manifest (.csv, or the .json twin): body (and body_id),
    regime, title, the letter's files, and a `sent` date where one was added. A row with
    `letters` 2 is two requests: the second letter written beside the first (-part-2). A bad row
    stops all with its number."""
    rows = _read_json(path) if path.suffix.lower() == ".json" else _read_csv(path)
    found = []
    for number, row in enumerate(rows, start=2):
        found += _manifest_row(path, number, row)
    if not found:
        raise DataError(f"{path}: the manifest has no rows")
    return found


def _read_json(path: Path) -> list[dict[str, str]]:
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as err:
        raise FoiError(f"{path}: cannot be read ({err.strerror or err}); check the path") from None
    except ValueError as err:
        raise DataError(f"{path}: not JSON ({err}); give the batch's manifest.json") from None
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise DataError(f"{path}: a manifest is a list of objects, one per letter")
    return [{str(k).lower(): ";".join(v) if isinstance(v, list) else ("" if v is None else str(v))
             for k, v in row.items()} for row in data]


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            return [{(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
                    for row in reader]
    except OSError as err:
        raise FoiError(f"{path}: cannot be read ({err.strerror or err}); check the path") from None
    except (UnicodeDecodeError, csv.Error) as err:
        raise DataError(f"{path}: not a CSV file ({err}); give the batch's manifest.csv") from None


def _column(row: dict[str, str], names: tuple[str, ...]) -> str:
    return next((row[n] for n in names if row.get(n)), "")


def _manifest_row(path: Path, number: int, row: dict[str, str]) -> list[tuple[NewRequest, date | None]]:
    where = f"{path}, row {number}"
    body = _column(row, _BODY)
    if not body:
        raise DataError(f"{where}: no body (column `body`): the manifest must name each body")
    title = _column(row, ("title", "subject", "scenario"))
    if not title:
        raise DataError(f"{where}: no title or scenario: add a `title` column")
    name, authority_id, directory_regime = _authority_id(row.get("body_id") or body)
    if authority_id is None:
        name = body
    regime = _regime(row.get("regime") or directory_regime, f"{where}, column `regime`")
    files = [_absolute(path, f) for f in _column(row, _FILE).split(";") if f.strip()]
    sent = None
    if row.get("sent"):
        sent = parse_date(row["sent"])
        if sent is None:
            raise DataError(f"{where}, column `sent`: '{row['sent']}' is not a date: use YYYY-MM-DD")
    seconds = [f for f in files if "-part-2" in Path(f).name]
    firsts = [f for f in files if f not in seconds]
    new = NewRequest(title=title, body=name, authority_id=authority_id, regime=regime,
                     reference=row.get("reference") or None, letter=firsts[0] if firsts else None)
    found = [(new, sent)]
    if row.get("letters", "1").strip() == "2" or seconds:
        found.append((replace(new, title=f"{title} (second letter)",
                              letter=seconds[0] if seconds else None), sent))
    return found


def _absolute(manifest: Path, name: str) -> str:
    """A file named in a manifest, relative to the manifest's folder."""
    file = Path(name.strip())
    return str(file if file.is_absolute() else (manifest.parent / file).resolve())

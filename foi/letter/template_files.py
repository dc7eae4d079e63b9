"""The built-in templates as files a person can read and copy: `foi templates`.

A folder of one's own (`--templates DIR`, or `foi profile set templates=DIR`) overrides built-in files
of the same relative name: letters/request.md.j2, questions.yaml, scenarios/<id>.yaml. `copy` starts
such a folder from the built-in files, and never replaces a file without force.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from foi.support.errors import FileExistsProblem, FoiError
from foi.support.files import write_atomic
from foi.support.paths import builtin_templates

# Templates are not personal: readable by others like any document the user keeps.
PUBLIC = 0o644
_COMMENT = re.compile(r"^\{#-?\s*(.*?)\s*-?#\}", re.DOTALL)


@dataclass(frozen=True)
class TemplateFile:
    """One template: its name relative to the templates folder, and what it is for."""

    name: str
    path: Path
    about: str


def _files(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith((".", "__")) for part in p.relative_to(folder).parts)
    )


def _about(name: str, path: Path) -> str:
    """One line on what a template is for: a letter's opening comment, a scenario's title."""
    if name == "questions.yaml":
        return "the questions every request asks (who you are, the body, the period, the clauses)"
    if name.startswith("scenarios/") and name.endswith(".yaml"):
        import yaml

        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            return "scenario (cannot be read)"
        return f"scenario: {raw.get('title', '')}" if isinstance(raw, dict) else "scenario"
    try:
        match = _COMMENT.match(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return ""
    if not match:
        return ""
    first = re.split(r"\.\s|:\s", " ".join(match.group(1).split()))[0].rstrip(".")
    return first[:1].lower() + first[1:]


def builtin() -> list[TemplateFile]:
    """Every built-in template file."""
    folder = builtin_templates()
    return [TemplateFile(name, folder / name, _about(name, folder / name)) for name in _files(folder)]


def own(user_dir: Path | None) -> list[str]:
    """The names of the files in a user's templates folder."""
    return _files(Path(user_dir)) if user_dir else []


def find(name: str, user_dir: Path | None = None) -> Path:
    """The template a name means, the user's own first: a relative name (letters/request.md.j2), a
    file name (request.md.j2), a stem (request) or a scenario id (sanctions)."""
    folders = ([Path(user_dir)] if user_dir else []) + [builtin_templates()]
    wanted = name.strip().replace("\\", "/")
    for folder in folders:
        names = _files(folder)
        exact = [n for n in names if n == wanted]
        loose = [n for n in names if n.rsplit("/", 1)[-1] in (wanted, f"{wanted}.yaml", f"{wanted}.md.j2")]
        if exact:
            return folder / exact[0]
        if len(loose) == 1:
            return folder / loose[0]
        if len(loose) > 1:
            raise FoiError(f"'{name}' could mean {', '.join(loose)}: give the whole name")
    raise FoiError(f"no template '{name}': run `foi templates` to list them")


def copy(target: Path, names: list[str] | None = None, force: bool = False) -> list[str]:
    """Copy built-in templates (all, or the named ones) into target; return the names copied.

    All or nothing: when any file is already there and force is not given, nothing is copied.
    """
    target = Path(target).expanduser()
    source = builtin_templates()
    if target.resolve() == source.resolve():
        raise FoiError(f"{target} is the built-in templates folder: copy them to a folder of your own")
    if target.exists() and not target.is_dir():
        raise FoiError(f"{target} is a file: give a folder to copy the templates into")
    chosen = list(dict.fromkeys(find(n).relative_to(source).as_posix() for n in names)) if names else _files(source)
    existing = [n for n in chosen if (target / n).exists()]
    if existing and not force:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise FileExistsProblem(
            f"{target / existing[0]} already exists{more}: nothing was copied; pass --force to replace them"
        )
    for name in chosen:
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(destination, (source / name).read_bytes(), force=force, mode=PUBLIC)
    return chosen


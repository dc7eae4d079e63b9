"""The wizard's first question, "What happened?": situations in the claimant's words, most common
first, each picking a scenario (templates/situations.yaml)."""

from __future__ import annotations

from pathlib import Path

from foi.request.scenarios import Scenario
from foi.support import yamlio
from foi.support.errors import DataError
from foi.support.paths import builtin_templates


def _path(user_dir: Path | None) -> Path:
    if user_dir is not None and (Path(user_dir) / "situations.yaml").is_file():
        return Path(user_dir) / "situations.yaml"
    return builtin_templates() / "situations.yaml"


def _listed(path: Path) -> list[tuple[str, str]]:
    raw = yamlio.read(path)
    entries = raw.get("situations") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise DataError(f"{path}: needs a `situations:` list of `scenario:` and `says:` entries")
    listed = []
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not entry.get("scenario") or not entry.get("says"):
            raise DataError(f"{path}: situation {index} needs `scenario:` and `says:`")
        listed.append((str(entry["scenario"]), " ".join(str(entry["says"]).split())))
    return listed


def menu(found: dict[str, Scenario], user_dir: Path | None = None) -> list[tuple[str, str]]:
    """(scenario id, what the person would say) in the menu's order: the listed situations whose
    scenario exists, then any other scenario under its own title (before "something else", the
    custom scenario, when that ends the list), so none is ever out of reach."""
    chosen = [(sid, says) for sid, says in _listed(_path(user_dir)) if sid in found]
    seen = {sid for sid, _ in chosen}
    others = [(sid, scenario.title) for sid, scenario in found.items() if sid not in seen]
    last = [chosen.pop()] if chosen and chosen[-1][0] == "custom" else []
    return [*chosen, *others, *last]

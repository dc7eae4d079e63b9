"""The directory: public authorities, and providers that lead to the body that commissions them.

Providers are not public authorities: a request about one goes to the body that commissioned it
(DWP; in Northern Ireland the Department for Communities) and asks for what the provider holds on
that body's behalf.

Public API (other modules call these):
    builtin() -> Directory                      the directory shipped in foi/data/authorities.yaml
    load(path=None) -> Directory                builtin, plus a user's WhatDoTheyKnow-style CSV
    load_wdtk_csv(path) -> Directory            a user's all-authorities.csv (see foi/directory/wdtk_csv.py)
    merge(base, extra) -> Directory             extra adds to base and overrides it by id
    search(query, directory=None) -> list       forgiving search, best match first
    find(query, directory=None) -> entry        one entry by id or exact name, or a FoiError
    resolve(query, directory=None, nation=None, programme=None) -> Target
    commissioner(provider, directory, nation=None, programme=None) -> Authority
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from foi.directory.entries import (
    NATIONS,
    Authority,
    Directory,
    Entry,
    Programme,
    Provider,
    Target,
    norm,
)
from foi.support.errors import DataError, FoiError
from foi.support.paths import DATA_DIR

_STOPWORDS = frozenset({"the", "of", "for", "and", "in", "on", "at", "to"})


# --- names and matching ---------------------------------------------------------------------



def _words(text: str) -> list[str]:
    """The words of a name, lower case, "&" read as "and"."""
    return re.findall(r"[a-z0-9]+", text.lower().replace("&", " and "))


def _name_score(query: str, words: list[str], name: str) -> int:
    """How well one name matches: exact 100, prefix 80, every word a word-prefix 60, substring 40."""
    wanted = norm(query)
    have = norm(name)
    if not wanted or not have:
        return 0
    if have == wanted:
        return 100
    if have.startswith(wanted):
        return 80
    name_words = _words(name)
    if words and all(any(w.startswith(q) for w in name_words) for q in words):
        return 60
    if len(wanted) >= 3 and wanted in have:
        return 40
    return 0


def _entry_score(directory: Directory, entry: Entry, query: str) -> int:
    """The best score over an entry's names; its id and main name win ties over aliases."""
    words = [w for w in _words(query) if w not in _STOPWORDS] or _words(query)
    names = directory.names(entry)
    primary = {entry.id, entry.name}
    best = 0
    for name in names:
        score = _name_score(query, words, name)
        if score and name in primary:
            score += 1
        best = max(best, score)
    return best


def search(query: str | None, directory: Directory | None = None) -> list[Entry]:
    """Entries matching a forgiving query, best first (exact > prefix > word prefix > substring).

    Case, punctuation, spacing and "&"/"and" are ignored, and aliases, former names and WhatDoTheyKnow
    URL names count, so "jobcentre", "job centre plus" and "DWP" all find DWP. An empty query lists all.
    """
    directory = directory or builtin()
    if not query or not norm(query):
        return directory.entries()
    scored = []
    for order, entry in enumerate(directory.entries()):
        score = _entry_score(directory, entry, query)
        if score:
            scored.append((-score, order, entry))
    return [entry for _, _, entry in sorted(scored, key=lambda item: (item[0], item[1]))]


def _match(directory: Directory, query: str) -> Entry | None:
    """The entry one of whose names is exactly the query (after folding), authorities first."""
    wanted = norm(query)
    for entry in directory.entries():
        if any(norm(name) == wanted for name in directory.names(entry)):
            return entry
    return None


def suggestions(query: str, directory: Directory, limit: int = 3) -> list[str]:
    """Ids close to a query that matched nothing exactly: search hits first, then spelling neighbours."""
    found = [entry.id for entry in search(query, directory)[:limit]]
    ids = [entry.id for entry in directory.entries()]
    for close in difflib.get_close_matches(query.lower(), ids, n=limit, cutoff=0.6):
        if close not in found:
            found.append(close)
    return found[:limit]


def _not_found(query: str, directory: Directory) -> FoiError:
    close = suggestions(query, directory)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    return FoiError(
        f"no authority or provider called '{query}' in the directory: {hint}"
        "run `foi authorities WORDS` to search it, or give --authorities FILE"
    )


def find(query: str, directory: Directory | None = None) -> Entry:
    """The entry with this id or exact name (any alias or former name); a one-line error if none."""
    directory = directory or builtin()
    entry = directory.get(query) or _match(directory, query)
    if entry is None:
        raise _not_found(query, directory)
    return entry


# --- providers lead to the body that commissions them ---------------------------------------


def _nation(nation: str | None) -> str | None:
    if nation is None:
        return None
    folded = norm(nation)
    return "ni" if folded in {"ni", "northernireland"} else folded


def commissioner(
    provider: Provider,
    directory: Directory | None = None,
    nation: str | None = None,
    programme: str | None = None,
) -> Authority:
    """The body to ask about a provider: the programme's commissioner if one is named, else the
    Northern Ireland commissioner for a requester in NI, else the default one."""
    directory = directory or builtin()
    body_id = provider.commissioned_by
    if _nation(nation) == "ni" and provider.commissioned_by_ni:
        body_id = provider.commissioned_by_ni
    if programme:
        for prog in provider.programmes:
            if norm(prog.name).startswith(norm(programme)) and norm(programme):
                body_id = prog.commissioned_by
                break
    try:
        return directory.authorities[body_id]
    except KeyError:
        raise DataError(
            f"provider '{provider.id}' names '{body_id}' as its commissioner, but the directory has no "
            "authority with that id: add it to the directory file"
        ) from None


def resolve(
    query: str,
    directory: Directory | None = None,
    nation: str | None = None,
    programme: str | None = None,
) -> Target:
    """The body a request should go to, from an id, name or alias (a provider leads to its commissioner)."""
    directory = directory or builtin()
    entry = directory.get(query) or _match(directory, query)
    if entry is None:
        raise _not_found(query, directory)
    if isinstance(entry, Authority):
        return Target(entry)
    body = commissioner(entry, directory, nation=nation, programme=programme)
    return Target(body, entry, entry.label(query if query != entry.id else _former(entry)))


def _former(provider: Provider) -> str | None:
    """Named by id: use the name the id stands for (a4e -> A4e) where it is a former name."""
    for name in provider.former_names:
        if norm(name) == norm(provider.id):
            return name
    return None


# --- loading --------------------------------------------------------------------------------


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


_AUTHORITY_KEYS = {f.name for f in dataclasses.fields(Authority)}
_PROVIDER_KEYS = {f.name for f in dataclasses.fields(Provider)}
_PROGRAMME_KEYS = {f.name for f in dataclasses.fields(Programme)}


def _check_keys(raw: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise DataError(
            f"{where}: unknown field '{unknown[0]}': use one of {', '.join(sorted(allowed))}"
        )


def _authority(raw: dict[str, Any], where: str) -> Authority:
    _check_keys(raw, _AUTHORITY_KEYS, where)
    data = dict(raw)
    for key in ("aliases", "address", "tags", "unverified", "sources"):
        data[key] = _tuple(data.get(key))
    data.setdefault("short", data["name"])
    return Authority(**data)


def _provider(raw: dict[str, Any], where: str) -> Provider:
    _check_keys(raw, _PROVIDER_KEYS, where)
    data = dict(raw)
    for key in ("aliases", "former_names", "sources"):
        data[key] = _tuple(data.get(key))
    programmes = []
    for prog in data.get("programmes") or ():
        _check_keys(prog, _PROGRAMME_KEYS, f"{where}, programme '{prog.get('name')}'")
        programmes.append(Programme(**{k: str(v) for k, v in prog.items()}))
    data["programmes"] = tuple(programmes)
    return Provider(**data)


def validate(directory: Directory, where: str) -> None:
    """Every regime and nation is known, and every commissioner a provider names is in the directory."""
    from foi.law import regimes

    known = set(regimes.ids())
    for auth in directory.authorities.values():
        if auth.regime not in known:
            raise DataError(
                f"{where}, authority '{auth.id}': unknown regime '{auth.regime}': use one of {', '.join(sorted(known))}"
            )
        if auth.nation not in NATIONS:
            raise DataError(
                f"{where}, authority '{auth.id}': unknown nation '{auth.nation}': use one of {', '.join(NATIONS)}"
            )
    for prov in directory.providers.values():
        bodies = [
            prov.commissioned_by,
            prov.commissioned_by_ni,
            *(p.commissioned_by for p in prov.programmes),
        ]
        for body in bodies:
            if body and body not in directory.authorities:
                raise DataError(
                    f"{where}, provider '{prov.id}': commissioner '{body}' is not an authority in the directory"
                )


@lru_cache(maxsize=1)
def builtin() -> Directory:
    """The directory that ships with foi (validated once, cached)."""
    from foi.support import yamlio

    path = DATA_DIR / "authorities.yaml"
    raw = yamlio.read(path)
    authorities = {
        a["id"]: _authority(a, f"{path.name}, authority '{a.get('id')}'")
        for a in raw["authorities"]
    }
    providers = {
        p["id"]: _provider(p, f"{path.name}, provider '{p.get('id')}'")
        for p in raw.get("providers", [])
    }
    directory = Directory(authorities, providers)
    validate(directory, path.name)
    return directory


def load_wdtk_csv(path: Path | str) -> Directory:
    """A user's directory in WhatDoTheyKnow's all-authorities.csv layout (see foi/directory/wdtk_csv.py for the rules)."""
    from foi.directory.wdtk_csv import read_directory

    return read_directory(Path(path))


def _overlay(base: Authority, extra: Authority) -> Authority:
    """A built-in entry with a user's entry laid over it: the user's non-empty values win, names add up."""
    changes: dict[str, Any] = {}
    for name in ("name", "email", "wdtk", "home_page"):
        value = getattr(extra, name)
        if value:
            changes[name] = value
    if extra.short and extra.short != extra.name:  # a blank Short name falls back to Name
        changes["short"] = extra.short
    if extra.address:
        changes["address"] = extra.address
    if extra.notes:
        changes["notes"] = f"{base.notes} {extra.notes}".strip() if base.notes else extra.notes
    if extra.regime_basis.startswith("column"):
        changes.update(regime=extra.regime, regime_basis=extra.regime_basis)
    if extra.nation != "uk" and extra.regime_basis.startswith("column"):
        changes["nation"] = extra.nation
    names = [base.name, base.short, *base.aliases, *extra.aliases]
    changes["aliases"] = tuple(
        dict.fromkeys(n for n in names if n and n != changes.get("name", base.name))
    )
    changes["tags"] = tuple(dict.fromkeys((*base.tags, *extra.tags)))
    supplied = {k for k in ("email", "address", "wdtk") if k in changes}
    changes["unverified"] = tuple(f for f in base.unverified if f not in supplied)
    changes["sources"] = (*base.sources, *extra.sources)
    changes["origin"] = extra.origin
    return dataclasses.replace(base, **changes)


def merge(base: Directory, extra: Directory) -> Directory:
    """A user's directory added to the built-in one. An entry with the same id, or an authority with
    the same WhatDoTheyKnow URL name, overrides the built-in entry field by field; the rest are added."""
    authorities = dict(base.authorities)
    by_wdtk = {a.wdtk: a.id for a in base.authorities.values() if a.wdtk}
    for auth in extra.authorities.values():
        target = auth.id if auth.id in authorities else by_wdtk.get(auth.wdtk or "")
        if target:
            authorities[target] = _overlay(authorities[target], auth)
        else:
            authorities[auth.id] = auth
    providers = {**base.providers, **extra.providers}
    return Directory(authorities, providers)


def load(path: Path | str | None = None) -> Directory:
    """The directory a command should use: the built-in one, plus --authorities FILE if given."""
    if path is None:
        return builtin()
    merged = merge(builtin(), load_wdtk_csv(path))
    validate(merged, str(path))
    return merged

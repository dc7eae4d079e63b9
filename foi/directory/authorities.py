"""The directory: public authorities, and providers that lead to the body that commissions them.

Providers are not public authorities: a request about one goes to the body that commissioned it
(DWP; in Northern Ireland the Department for Communities) and asks for what the provider holds on
that body's behalf.

Public API (other modules call these):
    builtin() -> Directory                      the directory shipped in foi/data/authorities.yaml
    builtin_providers() -> Directory            its providers and hand-written bodies, without the councils
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
from datetime import date
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
from foi.support.dates import long_date
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
    return directory.by_name.get(norm(query))


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
    on: date | None = None,
) -> Target:
    """The body a request should go to, from an id, name or alias (a provider leads to its commissioner;
    a council abolished by the day `on`, today by default, to the council that took over its work)."""
    directory = directory or builtin()
    entry = directory.get(query) or _match(directory, query)
    if entry is None:
        raise _not_found(query, directory)
    if isinstance(entry, Authority):
        return _current(entry, directory, on or date.today())
    body = commissioner(entry, directory, nation=nation, programme=programme)
    return Target(body, entry, entry.label(query if query != entry.id else _former(entry)))


def _current(authority: Authority, directory: Directory, on: date) -> Target:
    """The authority itself, or the one successor of an abolished council; several successors: ask which."""
    if authority.exists_on(on):
        return Target(authority)
    if authority.ended is None or authority.ended > on:
        raise FoiError(f"{authority.name} does not exist yet on {long_date(on)}: write to the council that covers the area now")
    heirs = [directory.authorities[s] for s in authority.successors if s in directory.authorities]
    when = f"{authority.name} was abolished on {long_date(authority.ended)}"
    if len(heirs) == 1:
        return Target(heirs[0], note=f"{when}; its work passed to {heirs[0].name}, so the request goes there.")
    if not heirs:
        raise FoiError(f"{when}, and the directory does not know its successor: search for the council that covers the area now")
    names = " or ".join(f"{h.name} (--authority {h.id})" for h in heirs)
    raise FoiError(f"{when}; its work passed to {names}: write to the one that covers the place you are asking about")


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
    for key in ("aliases", "address", "tags", "unverified", "sources", "sar_address"):
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
    """The directory that ships with foi (validated once per process)."""
    return _build_builtin()


def _build_builtin() -> Directory:
    listed, providers = _listed()
    directory = Directory(_with_councils(listed), dict(providers))
    validate(directory, _BUILTIN_FILE)
    return directory


_BUILTIN_FILE = "authorities.yaml"


@lru_cache(maxsize=1)
def _listed() -> tuple[dict[str, Authority], dict[str, Provider]]:
    """authorities.yaml as written: its bodies (before the UK's councils are merged in) and its providers."""
    from foi.support import yamlio

    path = DATA_DIR / _BUILTIN_FILE
    raw = yamlio.read(path)
    authorities = {
        a["id"]: _authority(a, f"{path.name}, authority '{a.get('id')}'")
        for a in raw["authorities"]
    }
    providers = {
        p["id"]: _provider(p, f"{path.name}, provider '{p.get('id')}'")
        for p in raw.get("providers", [])
    }
    return authorities, providers


def builtin_providers() -> Directory:
    """The built-in providers, with the bodies authorities.yaml lists by hand (every commissioner is one).

    Enough to find a provider by any of its names and to name the body that commissioned it, without
    merging in the UK's councils, most of the work of builtin(): `foi check` looks for contractors on
    every letter. The providers are builtin()'s own (the council list adds none), and so are the
    commissioners' names (merging adds aliases and dates to a body, never a new name); anything that
    looks bodies up, or needs their aliases, uses builtin().
    """
    if builtin.cache_info().currsize:
        return builtin()
    listed, providers = _listed()
    return Directory(dict(listed), dict(providers))


def _with_councils(authorities: dict[str, Authority]) -> dict[str, Authority]:
    """The built-in bodies plus every UK council. A council already in authorities.yaml (same WhatDoTheyKnow
    URL name or name) keeps its id and its hand-checked details, and gains the list's names, kind and dates."""
    from foi.directory import councils

    listed = councils.read(DATA_DIR / "uk_local_authorities.csv")
    known = {a.wdtk: a.id for a in authorities.values() if a.wdtk}
    known.update({norm(n): a.id for a in authorities.values() for n in (a.name, *a.aliases)})
    ids = {c.id: known.get(c.wdtk or "") or known.get(norm(c.name)) or c.id for c in listed}
    merged = dict(authorities)
    for council in listed:
        council_id, successors = ids[council.id], tuple(ids[s] for s in council.successors)
        if council_id != council.id or successors != council.successors:  # else it is already the same
            council = dataclasses.replace(council, id=council_id, successors=successors)
        base = merged.get(council.id)
        merged[council.id] = _enrich(base, council) if base else council
    return _unshared(merged)


def _unshared(bodies: dict[str, Authority]) -> dict[str, Authority]:
    """Each alias leads to one body. Where bodies share one ("Bournemouth" for the council abolished in 2019
    and for today's; "newcastle upon tyne" for a city and a combined authority), the body for which it is
    the main name keeps it, a current body before an abolished one; an alias shared evenly is dropped."""
    ranks: dict[str, list[tuple[int, str]]] = {}
    for body in bodies.values():
        later = 3 if body.ended else 0
        main = [body.id, body.name, body.short, body.wdtk or ""]
        for rank, names in ((0, main), (1, body.aliases[:1] if body.kind else ()), (2, body.aliases)):
            for name in names:
                if name:
                    ranks.setdefault(norm(name), []).append((rank + later, body.id))
    keep = {}
    for key, owners in ranks.items():
        best = min(rank for rank, _ in owners)
        winners = {body_id for rank, body_id in owners if rank == best}
        keep[key] = winners if len(winners) == 1 or best % 3 == 0 else set()
    return {body_id: _keeping(body_id, body, keep) for body_id, body in bodies.items()}


def _keeping(body_id: str, body: Authority, keep: dict[str, set[str]]) -> Authority:
    """The body with only the aliases (and WhatDoTheyKnow name) it keeps: itself where it keeps them all."""
    aliases = tuple(a for a in body.aliases if body_id in keep[norm(a)])
    wdtk = body.wdtk if body.wdtk is None or body_id in keep[norm(body.wdtk)] else None
    if aliases == body.aliases and wdtk == body.wdtk:
        return body
    return dataclasses.replace(body, aliases=aliases, wdtk=wdtk)


def _enrich(base: Authority, council: Authority) -> Authority:
    """A hand-written entry with what the council list adds: names, kind, region, dates, successors."""
    return dataclasses.replace(
        base,
        aliases=tuple(dict.fromkeys(n for n in (*base.aliases, *council.aliases) if n != base.name)),
        tags=tuple(dict.fromkeys((*base.tags, *council.tags))),
        home_page=base.home_page or council.home_page,
        sources=(*base.sources, *council.sources),
        kind=council.kind, region=council.region, gss=council.gss,
        started=council.started, ended=council.ended, successors=council.successors,
    )


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

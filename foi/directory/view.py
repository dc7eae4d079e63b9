"""How directory entries are shown: plain dictionaries for JSON, text for `show`, rows for the table.

A provider is always shown as what it is: not a public authority, with the body to ask (and the
Northern Ireland body where that differs) and the section under which that body holds what the
provider holds on its behalf, taken from the regime data.
"""

from __future__ import annotations

from typing import Any

from foi.directory.authorities import commissioner
from foi.directory.entries import Authority, Directory, Entry, Provider
from foi.law import regimes
from foi.support.dates import long_date

NATION_NAMES = {
    "uk": "UK-wide",
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "ni": "Northern Ireland",
}


def _body(auth: Authority) -> dict[str, Any]:
    return {"id": auth.id, "name": auth.name, "short": auth.short, "regime": auth.regime}


def held_on_behalf(auth: Authority) -> str:
    """e.g. "FOIA section 3(2)(b)": the provision under the body's own regime."""
    regime = regimes.get(auth.regime)
    section = regime.section("held_on_behalf")
    return f"{regime.short} {section}" if section else regime.short


def ni_commissioner(provider: Provider, directory: Directory) -> Authority | None:
    """The Northern Ireland body to ask, where it differs from the default one."""
    if provider.commissioned_by_ni and provider.commissioned_by_ni != provider.commissioned_by:
        return commissioner(provider, directory, nation="ni")
    return None


def explanation(provider: Provider, directory: Directory) -> str:
    """One paragraph saying the provider is not a public authority and whom to ask instead."""
    body = commissioner(provider, directory)
    text = (
        f"{provider.name} is not a public authority, so FOI law does not apply to it directly. "
        f"The body to ask is the one that commissioned it: {body.name} ({body.short}). Ask it for the "
        f"information {provider.name} holds on its behalf ({held_on_behalf(body)})."
    )
    ni = ni_commissioner(provider, directory)
    if ni:
        text += f" In Northern Ireland the body to ask is {ni.name} ({ni.short})."
    others = {p.commissioned_by for p in provider.programmes} - {body.id, ni.id if ni else ""}
    if others:
        text += (
            " Some of its programmes were commissioned by another body: see the programmes below."
        )
    return text


def as_dict(entry: Entry, directory: Directory) -> dict[str, Any]:
    """A plain dictionary for --format json."""
    if isinstance(entry, Provider):
        ni = ni_commissioner(entry, directory)
        return {
            "id": entry.id,
            "kind": "provider",
            "name": entry.name,
            "is_public_authority": False,
            "former_names": list(entry.former_names),
            "aliases": list(entry.aliases),
            "ask": _body(commissioner(entry, directory)),
            "ask_in_northern_ireland": _body(ni) if ni else None,
            "held_on_behalf": held_on_behalf(commissioner(entry, directory)),
            "explanation": explanation(entry, directory),
            "programmes": [
                {
                    "name": p.name,
                    "area": p.area or None,
                    "period": p.period or None,
                    "ask": _body(directory.authorities[p.commissioned_by]),
                }
                for p in entry.programmes
            ],
            "notes": entry.notes,
            "sources": list(entry.sources),
        }
    return {
        "id": entry.id,
        "kind": "authority",
        "name": entry.name,
        "short": entry.short,
        "is_public_authority": True,
        "regime": entry.regime,
        "regime_name": regimes.get(entry.regime).name,
        "regime_basis": entry.regime_basis,
        "nation": entry.nation,
        "aliases": list(entry.aliases),
        "email": entry.email,
        "address": list(entry.address),
        "home_page": entry.home_page,
        "verified": entry.verified,
        "unverified": list(entry.unverified),
        "wdtk": entry.wdtk,
        "wdtk_url": entry.wdtk_url,
        "notes": entry.notes,
        "tags": list(entry.tags),
        "sources": list(entry.sources),
        "origin": entry.origin,
        "local_authority": _council(entry),
    }


def _council(auth: Authority) -> dict[str, Any] | None:
    """A local authority's kind, region, code and dates (from mySociety's list), or None for other bodies."""
    if not auth.kind:
        return None
    return {
        "type": auth.kind,
        "region": auth.region or None,
        "gss_code": auth.gss or None,
        "started": auth.started.isoformat() if auth.started else None,
        "ended": auth.ended.isoformat() if auth.ended else None,
        "successors": list(auth.successors),
    }


def _mark(auth: Authority, field: str) -> str:
    return " (unverified: check before use)" if field in auth.unverified else ""


def _authority_text(auth: Authority) -> list[str]:
    regime = regimes.get(auth.regime)
    lines = [
        f"{auth.name} ({auth.short})" if auth.short != auth.name else auth.name,
        f"  id: {auth.id}",
        f"  Public authority under the {regime.name} ({regime.short}){_mark(auth, 'regime')}",
        f"  Where: {NATION_NAMES.get(auth.nation, auth.nation)}",
    ]
    if auth.kind:
        lines.append(f"  Local authority: {auth.kind}" + (f", {auth.region}" if auth.region else ""))
    if auth.ended:
        heirs = ", ".join(auth.successors) or "not known"
        lines.append(f"  Abolished on {long_date(auth.ended)}: write to its successor ({heirs}) instead")
    if auth.regime_basis != "data":
        lines.append(f"  Regime decided by: {auth.regime_basis}")
    if auth.aliases:
        lines.append(f"  Also found as: {', '.join(auth.aliases)}")
    lines.append(
        f"  Email: {auth.email}{_mark(auth, 'email')}" if auth.email else "  Email: not known"
    )
    if auth.address:
        lines.append(f"  Address: {', '.join(auth.address)}{_mark(auth, 'address')}")
    if auth.wdtk_url:
        lines.append(f"  WhatDoTheyKnow: {auth.wdtk_url}{_mark(auth, 'wdtk')}")
    if auth.home_page:
        lines.append(f"  Home page: {auth.home_page}")
    if auth.notes:
        lines.append(f"  Notes: {auth.notes}")
    lines.extend(f"  Source: {source}" for source in auth.sources)
    return lines


def _provider_text(provider: Provider, directory: Directory) -> list[str]:
    names = ", ".join(provider.former_names)
    lines = [
        f"{provider.name} (formerly {names})" if names else provider.name,
        f"  id: {provider.id}",
        "  NOT a public authority: do not send it an FOI request.",
        f"  {explanation(provider, directory)}",
    ]
    if provider.aliases:
        lines.append(f"  Also found as: {', '.join(provider.aliases)}")
    for prog in provider.programmes:
        where = f", {prog.area}" if prog.area else ""
        when = f", {prog.period}" if prog.period else ""
        lines.append(
            f"  Programme: {prog.name}{where}{when}: ask {directory.authorities[prog.commissioned_by].short}"
        )
    if provider.notes:
        lines.append(f"  Notes: {provider.notes}")
    lines.extend(f"  Source: {source}" for source in provider.sources)
    return lines


def as_text(entry: Entry, directory: Directory) -> str:
    """The `foi authorities show` text."""
    lines = (
        _provider_text(entry, directory) if isinstance(entry, Provider) else _authority_text(entry)
    )
    return "\n".join(lines) + "\n"


def table_row(entry: Entry, directory: Directory) -> list[str]:
    """[id, name, regime, where, ask] for the search table."""
    if isinstance(entry, Provider):
        body = commissioner(entry, directory)
        ni = ni_commissioner(entry, directory)
        ask = f"{body.short}" + (f" (NI: {ni.short})" if ni else "")
        return [entry.id, entry.name, "none: a provider", "", ask]
    return [
        entry.id,
        entry.name,
        regimes.get(entry.regime).short,
        NATION_NAMES.get(entry.nation, entry.nation),
        "",
    ]


TABLE_HEADERS = ["ID", "Name", "Regime", "Where", "Ask instead"]


def table(entries: list[Entry], directory: Directory) -> tuple[list[str], list[list[str]]]:
    """Headers and rows for the search table; the "Ask instead" column only when a provider is listed."""
    rows = [table_row(entry, directory) for entry in entries]
    if any(isinstance(entry, Provider) for entry in entries):
        return TABLE_HEADERS, rows
    return TABLE_HEADERS[:-1], [row[:-1] for row in rows]

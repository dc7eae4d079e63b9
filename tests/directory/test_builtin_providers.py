"""builtin_providers(): the providers and hand-written bodies without the council list, for `foi check`.

It must give exactly what builtin() gives for everything the checker reads from it (every provider,
and the name of every body a provider leads to), and it must not build the council list.
"""

from __future__ import annotations

import subprocess
import sys

from foi.directory import authorities


def test_the_providers_are_builtins_own() -> None:
    assert authorities.builtin_providers().providers == authorities.builtin().providers


def test_every_commissioner_has_the_name_builtin_gives_it() -> None:
    full = authorities.builtin()
    lean = authorities.builtin_providers()
    for provider in full.providers.values():
        bodies = [provider.commissioned_by, provider.commissioned_by_ni,
                  *(p.commissioned_by for p in provider.programmes)]
        for body in filter(None, bodies):
            assert lean.authorities[body].name == full.authorities[body].name


def test_it_does_not_read_the_council_list() -> None:
    # A fresh process: builtin() is not yet built there, so this is the lean path.
    code = ("from foi.directory import authorities, councils\n"
            "councils.read = None\n"  # reading the council list would now fail
            "d = authorities.builtin_providers()\n"
            "assert d.providers and 'dwp' in d.authorities\n"
            "assert authorities.builtin.cache_info().currsize == 0\n")
    subprocess.run([sys.executable, "-c", code], check=True)

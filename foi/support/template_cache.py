"""Compiled letter templates kept between runs, with Jinja's own bytecode cache.

Jinja turns each template into Python code and compiles it, in every process: for `foi new` that
was a tenth of its time. Jinja can keep the compiled code, checked against a checksum of the
template's source (an edited template is compiled afresh) and its own format version. It lives in
the user's cache folder, beside the other facts kept there; when the folder cannot be used, or a
kept file cannot be read or written, templates are simply compiled as before.
"""

from __future__ import annotations

from typing import Any

from foi.support.paths import cache_dir


def bytecode_cache() -> Any:
    """A Jinja bytecode cache in the user's cache folder, or None when it cannot be used."""
    from jinja2 import FileSystemBytecodeCache

    class QuietCache(FileSystemBytecodeCache):
        """Never lets the cache itself stop a letter: a failure just means compiling again."""

        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - a damaged file: the bucket stays empty
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass

    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return QuietCache(str(folder))

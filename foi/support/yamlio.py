"""Reading YAML strictly: the C loader where PyYAML has it, each file parsed once per change, and
nothing a hand-written file has no use for.

Answers, profile, scenario and holiday files are plain `key: value` data, so the loader refuses:
- a key given twice (YAML would silently keep the last one, and a letter would say something else
  than the person believes they wrote);
- anchors and aliases (`&a`, `*a`): a 300-byte "alias bomb" expands to billions of values;
- a date that does not exist (`2026-02-30`), as a clean error rather than a crash;
- a file over MAX_BYTES.
Every problem is a DataError naming the file and the line.

Scenario, question and directory files are read for every letter; in a batch of hundreds, parsing
them again each time would be most of the work, hence the cache in memory. foi's own files are also
kept parsed between runs (foi.support.yamlcache), so a command that reads only them never imports
PyYAML at all.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from foi.support.errors import DataError

# Far above any real answers, profile or scenario file (the largest built-in one is a few KB).
MAX_BYTES = 1024 * 1024
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@lru_cache(maxsize=2)
def _loader(dates: bool) -> Any:
    """A safe loader class; with dates=False a date stays text, for the caller to check and report."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[valid-type, misc]
        pass

    if dates:
        Loader.add_constructor(_TIMESTAMP, _checked_timestamp)
    else:
        Loader.yaml_implicit_resolvers = {
            first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
            for first, resolvers in base.yaml_implicit_resolvers.items()
        }
    return Loader


def _checked_timestamp(loader: Any, node: Any) -> Any:
    import yaml

    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        raise yaml.constructor.ConstructorError(
            None, None, f"'{node.value}' is not a date: write it as YYYY-MM-DD, e.g. 2026-04-01",
            node.start_mark,
        ) from None


def load(text: str, where: str = "YAML", *, dates: bool = True, aliases: bool = False) -> Any:
    """Parse one YAML document strictly (see the module docstring); `where` names it in errors.

    aliases=True is for foi's own data files, which may share a value by anchor (they are not
    hand-written by users, and are tested); every file a user brings is read without them.
    """
    import yaml

    if len(text) > MAX_BYTES:
        raise DataError(f"{where}: over {MAX_BYTES // 1024} KB, far more than such a file holds: check it")
    loader = _loader(dates)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _refuse_aliases_and_duplicates(node, where, aliases)
        return loader.construct_document(node)
    except yaml.YAMLError as err:
        raise DataError(_yaml_problem(err, where)) from None
    except (ValueError, OverflowError) as err:  # e.g. an integer of thousands of digits
        raise DataError(f"{where}: a value cannot be read ({str(err)[:80]}): check the file") from None
    except RecursionError:
        raise DataError(f"{where}: nested too deeply to be a hand-written file: check it") from None
    finally:
        loader.dispose()


def safe_load(text: str) -> Any:
    """yaml.safe_load with the strict rules above (kept for callers that name no file)."""
    return load(text)


def _line(mark: Any) -> str:
    return f", line {mark.line + 1}" if mark is not None else ""


def _yaml_problem(err: Any, where: str) -> str:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    problem = getattr(err, "problem", None) or "not valid YAML"
    if "is not a date" in str(problem):
        return f"{where}{_line(mark)}: {problem}"
    return f"{where}{_line(mark)}: not valid YAML ({problem}): write one `key: value` per line"


def _refuse_aliases_and_duplicates(root: Any, where: str, aliases: bool = False) -> None:
    """Walk the parsed nodes once: a node met twice is an alias; a mapping key met twice is a duplicate."""
    import yaml

    seen: set[int] = set()
    # (node, where it is used): an alias is reported on the line that uses it, not the anchor's.
    stack = [(root, root.start_mark)]
    while stack:
        node, used_at = stack.pop()
        if id(node) in seen and aliases:
            continue
        if id(node) in seen:
            raise DataError(
                f"{where}{_line(used_at)}: YAML anchors and aliases (& and *) are not accepted here: "
                "write each value out in full"
            )
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            _refuse_duplicate_keys(node, where, aliases)
            for key, value in reversed(node.value):  # reversed, so that they are visited in order
                stack.extend(((value, key.start_mark), (key, key.start_mark)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, node.start_mark) for item in reversed(node.value))


def _refuse_duplicate_keys(node: Any, where: str, aliases: bool = False) -> None:
    import yaml

    keys: set[tuple[str, str]] = set()
    for key, _ in node.value:
        if key.tag == "tag:yaml.org,2002:merge" and aliases:
            continue
        if key.tag == "tag:yaml.org,2002:merge":
            raise DataError(f"{where}{_line(key.start_mark)}: YAML merge keys (<<) are not accepted here")
        if not isinstance(key, yaml.ScalarNode):
            raise DataError(f"{where}{_line(key.start_mark)}: a key must be a plain word, not a list or mapping")
        if (key.tag, key.value) in keys:
            raise DataError(
                f"{where}{_line(key.start_mark)}: the key '{key.value}' is given twice: keep one of them"
            )
        keys.add((key.tag, key.value))


def read(path: Path, *, dates: bool = True) -> Any:
    """The parsed YAML of a file, re-read only when its size or modification time changes."""
    from foi.support import files

    stat = files.regular_stat(Path(path), "YAML file")
    return _read(str(path), stat.st_mtime_ns, stat.st_size, dates)


def _foi_own(path: Path) -> bool:
    """A file shipped with foi (its data and built-in templates), not one a user brought."""
    from foi.support.paths import PACKAGE_DIR, builtin_templates

    resolved = path.resolve()
    return any(resolved.is_relative_to(folder.resolve()) for folder in (PACKAGE_DIR, builtin_templates()))


@lru_cache(maxsize=256)
def _read(path: str, mtime_ns: int, size: int, dates: bool) -> Any:
    from foi.support import files

    text = files.read_text(Path(path), "YAML file", limit=MAX_BYTES)
    own = _foi_own(Path(path))
    if not own:
        return load(text, path, dates=dates)
    # foi's own files are kept parsed, so that PyYAML need not be imported.
    from foi.support import yamlcache

    name = _cache_name(Path(path)) + ("" if dates else "-text-dates")
    kept, value = yamlcache.load(name, text, dates)
    if kept:
        return value
    value = load(text, path, dates=dates, aliases=True)
    yamlcache.save(name, text, dates, value)
    return value


def _cache_name(path: Path) -> str:
    """The cache entry of one of foi's files, named after its place in the package."""
    from foi.support.paths import PACKAGE_DIR, builtin_templates

    resolved = path.resolve()
    for label, folder in (("data", PACKAGE_DIR), ("templates", builtin_templates())):
        if resolved.is_relative_to(folder.resolve()):
            relative = resolved.relative_to(folder.resolve()).as_posix()
            return "yaml-" + label + "-" + relative.replace("/", "-").removesuffix(".yaml")
    return "yaml-" + path.name

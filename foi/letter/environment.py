"""The Jinja environment: built-in templates, overridden by a user's folder of the same names.

StrictUndefined, because a blank in a legal letter is a defect; sandboxed, because users bring their
own templates; every person's answer is escaped for the letter markup before it reaches a template.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from foi.letter.markup import Md, escape
from foi.support.errors import DataError
from foi.support.paths import builtin_templates


def hardbreaks(lines: Iterable[Any]) -> Md:
    """Join lines so each keeps its own line in the letter (an address, a signature)."""
    return Md("\\\n".join(escape(line) for line in lines if str(line).strip()))


def sentence(text: Any) -> Md:
    """A person's own item as a sentence of the letter: a capital first letter and a full stop.

    The text is already escaped markup; a leading escape (a backslash) is left as it is.
    """
    value = str(text).strip()
    if value and value[0].isalpha():
        value = value[0].upper() + value[1:]
    if value and value[-1] not in ".?!":
        value += "."
    return Md(value)


@lru_cache(maxsize=8)
def environment(user_dir: str | None = None) -> Any:
    """The Jinja environment; `user_dir` templates win over built-in ones of the same name."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    loaders = [FileSystemLoader(user_dir)] if user_dir else []
    loaders.append(FileSystemLoader(str(builtin_templates())))
    from foi.support.template_cache import bytecode_cache

    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders), undefined=StrictUndefined, keep_trailing_newline=True,
        autoescape=False, bytecode_cache=bytecode_cache(),  # compiled once, kept (start-up time)
    )
    env.filters["hardbreaks"] = hardbreaks
    env.filters["sentence"] = sentence
    return env


def render_file(name: str, context: Mapping[str, Any], user_dir: Path | None = None) -> str:
    """Render a named template (for example letters/request.md.j2)."""
    from jinja2 import TemplateError, TemplateNotFound

    env = environment(str(user_dir) if user_dir else None)
    try:
        return str(env.get_template(name).render(**context))
    except TemplateNotFound as err:
        if err.name != name:
            raise DataError(
                f"template {name} includes '{err.name}', which is not a template in "
                f"{user_dir or builtin_templates()}: include templates by their name in that folder "
                "(files elsewhere cannot be included)"
            ) from None
        raise DataError(f"no template '{name}' in {user_dir or builtin_templates()}") from None
    except TemplateError as err:
        raise DataError(f"template {name}: {err.message}") from None
    except UnicodeDecodeError:
        raise DataError(f"template {name} (or one it includes) in {user_dir or builtin_templates()}: "
                        "not UTF-8 text: save it as UTF-8") from None


def render_string(source: str, context: Mapping[str, Any], where: str) -> Md:
    """Render a scenario's item or subject text; the result is markup (already escaped answers)."""
    from jinja2 import TemplateError

    try:
        text = _compiled(source).render(**context)
    except TemplateError as err:
        raise DataError(f"{where}: {err.message}") from None
    return Md(" ".join(text.split()))


@lru_cache(maxsize=1024)
def _compiled(source: str) -> Any:
    """A scenario's item or subject compiled once: compiling costs far more than rendering, and a batch
    renders the same few texts for every row."""
    return environment(None).from_string(source)

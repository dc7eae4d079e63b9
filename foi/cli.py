"""The command line: thin wrappers that parse options, call one core function, and map errors to exit codes.

Every command is wrapped by `handles_errors`, the one error handler: a FoiError becomes a single
"Error: ..." line on stderr and its documented exit code; Ctrl-C exits 130. No traceback reaches the
user, and no answer (which may be personal data) is ever printed in an error's context.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

import typer

from foi import __version__, console
from foi.errors import EXIT_INTERRUPTED, FoiError

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="foi",
    help="Draft UK Freedom of Information requests that authorities cannot wriggle out of.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def handles_errors(func: F) -> F:
    """Turn a FoiError into one line on stderr and its exit code; Ctrl-C into exit 130."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FoiError as err:
            console.error(err.message)
            raise typer.Exit(err.exit_code) from None
        except KeyboardInterrupt:
            console.info("Interrupted: nothing was written.")
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        console.out(f"foi {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Draft UK Freedom of Information requests that authorities cannot wriggle out of."""


# --- authorities ---
_AUTHORITY_FORMATS = ("table", "text", "json")


@app.command("authorities")
@handles_errors
def authorities_command(
    words: list[str] | None = typer.Argument(
        None, metavar="QUERY",
        help="Words to search for (any part of a name, alias or former name), or `show ID`.",
    ),
    output_format: str | None = typer.Option(
        None, "--format", "-f",
        help="table (default) or json for a search; text (default) or json for show.",
    ),
    authorities_file: str | None = typer.Option(
        None, "--authorities", metavar="FILE",
        help="Add your own directory: WhatDoTheyKnow's all-authorities.csv layout, optional 'Request email' column.",
    ),
) -> None:
    """Search the directory of public authorities and providers, or show one.

    `foi authorities jobcentre` finds DWP; `foi authorities show a4e` explains that A4e (now
    PeoplePlus) is not a public authority and names the body to ask instead.
    """
    import json

    from foi import authorities, directory_view
    from foi.errors import UsageProblem

    if output_format is not None and output_format.lower() not in _AUTHORITY_FORMATS:
        raise UsageProblem(f"--format {output_format}: use one of {', '.join(_AUTHORITY_FORMATS)}")
    fmt = (output_format or "").lower()
    directory = authorities.load(authorities_file)
    terms = list(words or [])
    if terms and terms[0].lower() == "show":
        if len(terms) < 2:
            raise UsageProblem("`foi authorities show` needs an ID: e.g. `foi authorities show dwp`")
        entry = authorities.find(" ".join(terms[1:]), directory)
        if fmt == "json":
            console.out(json.dumps(directory_view.as_dict(entry, directory), indent=2, ensure_ascii=False) + "\n")
        else:
            console.out(directory_view.as_text(entry, directory))
        return
    found = authorities.search(" ".join(terms), directory)
    if fmt == "json":
        rows = [directory_view.as_dict(entry, directory) for entry in found]
        console.out(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    if not found:
        console.info(f"Nothing in the directory matches '{' '.join(terms)}': try fewer or shorter words.")
        return
    headers, rows = directory_view.table(found, directory)
    console.table(rows, headers)


def main() -> None:
    """The console script: run the app, exiting 130 on Ctrl-C wherever it happens."""
    try:
        app()
    except KeyboardInterrupt:
        raise SystemExit(EXIT_INTERRUPTED) from None

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


def main() -> None:
    """The console script: run the app, exiting 130 on Ctrl-C wherever it happens."""
    try:
        app()
    except KeyboardInterrupt:
        raise SystemExit(EXIT_INTERRUPTED) from None

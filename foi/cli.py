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


# --- check ---
@app.command("check")
@handles_errors
def check(
    files: list[str] = typer.Argument(  # noqa: B008 (typer's way of declaring an argument)
        None, metavar="FILE", help="Request files to check; - reads standard input."),
    body: bool = typer.Option(False, "--body", help="The text is the request alone, with no letter frame: "
                              "skip the name, address and citation rules."),
    authority: str | None = typer.Option(None, "--authority", help="The body it is going to (id, name or "
                                         "alias from the directory): checks the Act cited, and that it is "
                                         "not a contractor."),
    regime: str | None = typer.Option(None, "--regime", help="The regime that applies: foia, eir, foisa, "
                                      "eisr or sar."),
    fmt: str = typer.Option("text", "--format", help="text (for people) or json (an array of findings)."),
    strict: bool = typer.Option(False, "--strict", help="Fail (exit 1) on warnings as well as errors."),
    rules: bool = typer.Option(False, "--rules", help="List the rules and exit."),
) -> None:
    """Check requests for the weaknesses authorities use to avoid answering.

    Each finding has a rule id, a severity (error, warning, info), what is wrong, a fix, and the
    line and column. Exit 0 when there is no error (with --strict: no warning either), 1 otherwise
    or when a file cannot be read, 2 for bad options. With several files, --format json prints one
    array whose objects also carry a "file" key.
    """
    import json
    import sys
    from pathlib import Path

    from foi.checks import RULES, check_text, fails
    from foi.checks.report import as_json, as_markup
    from foi.errors import UsageProblem

    if rules:
        console.table([[r.id, r.severity, r.summary] for r in RULES.values()], ["rule", "severity", "catches"])
        return
    if fmt not in ("text", "json"):
        raise UsageProblem(f"--format {fmt}: use text or json")
    if not files:
        raise UsageProblem("name at least one FILE to check, or - for standard input")
    target, regime_id = None, None
    if regime:
        from foi import regimes

        regime_id = regimes.get(regime).id
    if authority:
        from foi.authorities import resolve

        target = resolve(authority)
    texts = []
    for name in files:
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise FoiError(f"{name}: not UTF-8 text; save it as UTF-8 (plain text) and check it again") from None
        except OSError as err:
            raise FoiError(f"{name}: cannot be read ({err.strerror or err}); check the path") from None
        texts.append((name, text))
    results = [
        (name, check_text(text, body_only=body, authority=target.authority if target else None,
                          provider_named=target.provider if target else None, regime=regime_id))
        for name, text in texts
    ]
    if fmt == "json":
        console.out(json.dumps(as_json(results), indent=2, ensure_ascii=False) + "\n")
    else:
        for name, findings in results:
            console.styled(as_markup("<stdin>" if name == "-" else name, findings))
    if any(fails(findings, strict) for _, findings in results):
        raise typer.Exit(1)


def main() -> None:
    """The console script: run the app, exiting 130 on Ctrl-C wherever it happens."""
    try:
        app()
    except KeyboardInterrupt:
        raise SystemExit(EXIT_INTERRUPTED) from None

"""The command line: thin wrappers that parse options, call one core function, and map errors to exit codes.

Every command is wrapped by `handles_errors`, the one error handler: a FoiError becomes a single
"Error: ..." line on stderr and its documented exit code; Ctrl-C exits 130. No traceback reaches the
user, and no answer (which may be personal data) is ever printed in an error's context.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

import typer

from foi import __version__, console
from foi.errors import EXIT_INTERRUPTED, FoiError, UsageProblem

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

# --- new ---
@app.command()
@handles_errors
def new(
    scenario: Optional[str] = typer.Option(None, "--scenario", "-s", help="The scenario id (see `foi scenarios`)."),
    authority: Optional[str] = typer.Option(
        None, "--authority", "-a", help="The body to write to: an id, name or alias (DWP, jobcentre), or a provider (A4e)."
    ),
    sets: list[str] = typer.Option([], "--set", help="An answer as key=value; repeat for more. Wins over every other source."),
    answers: Optional[Path] = typer.Option(None, "--answers", help="A YAML file of answers (key: value), as saved by --save-answers."),
    letter_date: Optional[str] = typer.Option(None, "--date", help="The letter's date, YYYY-MM-DD (default today): the same answers and date give the same letter."),
    formats: list[str] = typer.Option(
        ["text"], "--format", "-f",
        help="text, markdown, html, docx, eml or wdtk (the text to paste into WhatDoTheyKnow); repeat it, or give all.",
    ),
    output: Optional[str] = typer.Option(
        None, "--output", "-o",
        help="The file to write, or a folder (existing, or ending in /) for several formats, each named after the request; - for the screen (stdout).",
    ),
    force: bool = typer.Option(False, "--force", help="Replace existing output files."),
    no_input: bool = typer.Option(False, "--no-input", help="Never ask: a missing answer is an error naming it."),
    templates: Optional[Path] = typer.Option(None, "--templates", help="A folder of your own templates that override the built-in ones."),
    save_answers: Optional[Path] = typer.Option(None, "--save-answers", help="Save the answers to this YAML file, to replay with --answers."),
    save_personal: bool = typer.Option(False, "--save-personal", help="With --save-answers, keep your name, email and address too."),
    no_profile: bool = typer.Option(False, "--no-profile", help="Ignore the saved profile."),
) -> None:
    """Draft a request: asks who you are, which body, what it is about and the specifics, then writes the letter.

    Every answer can also come from --set key=value, --answers FILE or your profile, so the same
    command runs without a terminal: for example

      foi new --scenario provider-data-access --authority dwp --set provider=A4e
      --set name="Jane Smith" --set email=jane@example.org --no-input --output letter.txt

    Several formats at once go into a folder, one file each: --format all --output letters/
    """
    from foi import compose, export, wizard

    export.choose(formats)  # an unknown format is a usage error before any question is asked
    request = compose.NewRequest(
        sets=sets, scenario=scenario, authority=authority, answers_file=answers,
        letter_date=_iso_date(letter_date, "--date"), formats=formats, output=output, force=force,
        interactive=not no_input and wizard.interactive(), templates=templates,
        save_answers=save_answers, save_personal=save_personal, use_profile=not no_profile,
    )
    compose.run(request)


def _iso_date(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageProblem(f"{option} {value!r} is not a date: write it as YYYY-MM-DD, for example 2026-11-23") from None


# --- profile ---
profile_app = typer.Typer(help="Your name, email, address and settings, stored once (readable by you only).",
                          no_args_is_help=False, invoke_without_command=True)
app.add_typer(profile_app, name="profile")


@profile_app.callback(invoke_without_command=True)
@handles_errors
def profile_show(ctx: typer.Context) -> None:
    """Show your saved profile (run `foi profile set name="Jane Smith"` to fill it in)."""
    if ctx.invoked_subcommand is not None:
        return
    from foi import profile

    values = profile.load()
    if not values:
        console.info(f"No profile yet. Save one with: foi profile set name=\"Jane Smith\" email=jane@example.org")
        return
    for key, value in values.items():
        shown = str(value).replace("\n", ", ")
        console.out(f"{key}: {shown}\n")


@profile_app.command("set")
@handles_errors
def profile_set(pairs: list[str] = typer.Argument(..., help="key=value pairs: name, email, address, organisation, officer, templates, letterhead.")) -> None:
    """Save details to your profile, checked like any answer."""
    from foi import profile
    from foi.answers import parse_set_options

    profile.update(parse_set_options(pairs))
    console.info(f"Saved to {profile.path()}")


@profile_app.command("unset")
@handles_errors
def profile_unset(keys: list[str] = typer.Argument(..., help="The keys to remove.")) -> None:
    """Remove details from your profile."""
    from foi import profile

    profile.update({}, remove=tuple(keys))
    console.info(f"Saved to {profile.path()}")


@profile_app.command("path")
@handles_errors
def profile_path() -> None:
    """Print where the profile is stored."""
    from foi import profile

    console.out(f"{profile.path()}\n")



def main() -> None:
    """The console script: run the app, exiting 130 on Ctrl-C wherever it happens."""
    try:
        app()
    except KeyboardInterrupt:
        raise SystemExit(EXIT_INTERRUPTED) from None

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
    formats: list[str] = typer.Option(["text"], "--format", "-f", help="text or markdown."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="The file to write; - for the screen (stdout)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
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
    """
    from foi import compose, wizard
    from foi.export import FORMATS

    for fmt in formats:
        if fmt not in FORMATS:
            raise UsageProblem(f"--format {fmt}: use one of {', '.join(FORMATS)}")
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


# --- scenarios ---
scenarios_app = typer.Typer(help="The built-in request scenarios and what each asks for.",
                            no_args_is_help=False, invoke_without_command=True)
app.add_typer(scenarios_app, name="scenarios")


def _listing_format(fmt: str, allowed: tuple[str, ...]) -> str:
    if fmt not in allowed:
        raise UsageProblem(f"--format {fmt}: use one of {', '.join(allowed)}")
    return fmt


@scenarios_app.callback(invoke_without_command=True)
@handles_errors
def scenarios_list(
    ctx: typer.Context,
    fmt: str = typer.Option("table", "--format", "-f", help="table (for reading) or json."),
    templates: Optional[Path] = typer.Option(None, "--templates", help="A folder of your own templates (its scenarios are listed too)."),
) -> None:
    """List the scenarios: id, title, what each is for, and the law it is written for."""
    if ctx.invoked_subcommand is not None:
        return
    import json

    from foi import catalogue, compose, scenarios

    _listing_format(fmt, ("table", "json"))
    found = scenarios.all_scenarios(compose.user_templates(templates))
    if fmt == "json":
        console.out(json.dumps([catalogue.describe(s) for s in found.values()], indent=2, ensure_ascii=False) + "\n")
    else:
        console.out(catalogue.listing(found))


@scenarios_app.command("show")
@handles_errors
def scenarios_show(
    scenario_id: str = typer.Argument(..., metavar="ID", help="The scenario's id, as `foi scenarios` lists it."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    templates: Optional[Path] = typer.Option(None, "--templates", help="A folder of your own templates."),
) -> None:
    """Show one scenario: its questions (key, type, whether required, help, default) and the items it asks for."""
    import json

    from foi import catalogue, compose, scenarios

    _listing_format(fmt, ("text", "json"))
    scenario = scenarios.get(scenario_id, compose.user_templates(templates))
    if fmt == "json":
        console.out(json.dumps(catalogue.describe(scenario), indent=2, ensure_ascii=False) + "\n")
    else:
        console.out(catalogue.show(scenario))


# --- templates ---
templates_app = typer.Typer(help="List, show and copy the built-in letter templates and scenarios.",
                            no_args_is_help=False, invoke_without_command=True)
app.add_typer(templates_app, name="templates")


@templates_app.callback(invoke_without_command=True)
@handles_errors
def templates_list(
    ctx: typer.Context,
    templates: Optional[Path] = typer.Option(None, "--templates", help="Your own templates folder, to mark what it overrides."),
) -> None:
    """List the built-in templates; with your own folder, mark the ones it overrides or adds."""
    if ctx.invoked_subcommand is not None:
        return
    from foi import compose, template_files

    user_dir = compose.user_templates(templates)
    mine = set(template_files.own(user_dir))
    files = template_files.builtin()
    width = max(len(f.name) for f in files) + 2
    lines = ["Built-in templates:"]
    for item in files:
        mark = "  (yours overrides it)" if item.name in mine else ""
        lines.append(f"  {item.name.ljust(width)}{item.about}{mark}")
    added = sorted(mine - {f.name for f in files})
    if added:
        lines += ["", f"Your own, in {user_dir}:"] + [f"  {name}" for name in added]
    lines += ["", "Read one: foi templates show NAME. Make your own: foi templates copy DIR, edit the copies,",
              "then use --templates DIR or `foi profile set templates=DIR`."]
    console.out("\n".join(lines) + "\n")


@templates_app.command("show")
@handles_errors
def templates_show(
    name: str = typer.Argument(..., help="A template's name (letters/request.md.j2, request) or a scenario id."),
    templates: Optional[Path] = typer.Option(None, "--templates", help="Your own templates folder: show yours where it has one."),
) -> None:
    """Print a template as it is (your own version when your folder has one)."""
    from foi import compose, template_files

    path = template_files.find(name, compose.user_templates(templates))
    console.out(path.read_text(encoding="utf-8"))


@templates_app.command("copy")
@handles_errors
def templates_copy(
    folder: Path = typer.Argument(..., metavar="DIR", help="The folder to copy into (created if needed)."),
    names: list[str] = typer.Argument(None, metavar="[NAME]...", help="Only these templates (default: all)."),
    force: bool = typer.Option(False, "--force", help="Replace files already in the folder."),
) -> None:
    """Copy the built-in templates into a folder of your own, to edit; then use --templates DIR.

    Files already there are never replaced without --force: then nothing is copied at all.
    Copy only what you mean to change, so the rest keeps improving with foi.
    """
    from foi import template_files

    copied = template_files.copy(folder, names or None, force=force)
    console.info(f"Copied {len(copied)} template(s) to {folder}. Use them with: foi new --templates {folder}")



def main() -> None:
    """The console script: run the app, exiting 130 on Ctrl-C wherever it happens."""
    try:
        app()
    except KeyboardInterrupt:
        raise SystemExit(EXIT_INTERRUPTED) from None

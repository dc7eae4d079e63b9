"""The command line: thin wrappers that parse options, call one core function, and map errors to exit codes.

Every command is wrapped by `handles_errors`, the one error handler: a FoiError becomes a single
"Error: ..." line on stderr and its documented exit code; Ctrl-C exits 130. No traceback reaches the
user, and no answer (which may be personal data) is ever printed in an error's context.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import typer

from foi import __version__
from foi.support import cli_params, console
from foi.support.errors import EXIT_INTERRUPTED, FoiError, UsageProblem

cli_params.install()  # plain option values converted without importing pydantic (start-up time)

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
            _interrupted()
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper  # type: ignore[return-value]


_INTERRUPTION_REPORTED: list[bool] = []


def _interrupted() -> None:
    """Say truthfully what an interruption left: files are written whole or not at all."""
    from foi.support.files import written

    _INTERRUPTION_REPORTED.append(True)
    done = written()
    if done:
        console.info(f"Interrupted: {', '.join(str(p) for p in done)} had been written in full; nothing else was.")
    else:
        console.info("Interrupted: nothing was written.")


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
    scenario: str | None = typer.Option(None, "--scenario", "-s", metavar="ID", help="The scenario id (see `foi scenarios`)."),
    authority: str | None = typer.Option(
        None, "--authority", "-a", metavar="NAME", help="The body to write to: an id, name or alias (DWP, jobcentre), or a provider (A4e)."
    ),
    sets: list[str] = typer.Option([], "--set", metavar="KEY=VALUE", help="An answer as key=value; repeat for more. Wins over every other source."),
    answers: Path | None = typer.Option(None, "--answers", metavar="FILE", help="A YAML file of answers (key: value), as saved by --save-answers."),
    letter_date: str | None = typer.Option(None, "--date", metavar="YYYY-MM-DD", help="The letter's date, YYYY-MM-DD (default today): the same answers and date give the same letter."),
    formats: list[str] = typer.Option(
        ["text"], "--format", "-f", metavar="FORMAT",
        help="text, markdown, html, docx, eml or wdtk (the text to paste into WhatDoTheyKnow); repeat it, or give all.",
    ),
    output: str | None = typer.Option(
        None, "--output", "-o", metavar="PATH",
        help="The file to write, or a folder (existing, or ending in /) for several formats, each named after the request; - for the screen (stdout).",
    ),
    force: bool = typer.Option(False, "--force", help="Replace existing output files."),
    no_input: bool = typer.Option(False, "--no-input", help="Never ask: a missing answer is an error naming it."),
    templates: Path | None = typer.Option(None, "--templates", metavar="DIR", help="A folder of your own templates that override the built-in ones."),
    save_answers: Path | None = typer.Option(None, "--save-answers", metavar="FILE", help="Save the answers to this YAML file, to replay with --answers."),
    save_personal: bool = typer.Option(False, "--save-personal", help="With --save-answers, keep your name, email and address too."),
    no_profile: bool = typer.Option(False, "--no-profile", help="Ignore the saved profile."),
    authorities_file: Path | None = typer.Option(
        None, "--authorities", metavar="FILE", help="A directory of your own in WhatDoTheyKnow's all-authorities.csv layout, added to the built-in one."
    ),
    track: bool = typer.Option(False, "--track", help="Record the letter in the tracker (`foi track`)."),
    sent: str | None = typer.Option(None, "--sent", metavar="DATE", help="With --track: the day it was sent, YYYY-MM-DD (starts the clock)."),
    db: str | None = typer.Option(None, "--db", metavar="PATH", help="With --track: the tracker file (default: $FOI_DB, else foi's data folder)."),
    resume: bool = typer.Option(False, "--resume", help="Carry on from the answers kept when the wizard last stopped early."),
) -> None:
    """Draft a request: asks who you are, which body, what it is about and the specifics, then writes the letter.

    Every answer can also come from --set key=value, --answers FILE or your profile, so the same
    command runs without a terminal: for example

      foi new --scenario provider-data-access --authority dwp --set provider=A4e
      --set name="Jane Smith" --set email=jane@example.org --no-input --output letter.txt

    Several formats at once go into a folder, one file each: --format all --output letters/
    """
    from foi.app import new_letter
    from foi.export import registry
    from foi.request import wizard

    registry.choose(formats)  # an unknown format is a usage error before any question is asked
    request = new_letter.NewRequest(
        sets=sets, scenario=scenario, authority=authority, answers_file=answers,
        letter_date=_date_option(letter_date, "--date"), formats=formats, output=output, force=force,
        interactive=not no_input and wizard.interactive(), templates=templates,
        save_answers=save_answers, save_personal=save_personal, use_profile=not no_profile,
        authorities_file=authorities_file, track=track, sent=_date_option(sent, "--sent"), db=db, resume=resume,
    )
    new_letter.run(request)


# --- profile ---
profile_app = typer.Typer(help="Your name, email, address and settings, stored once (readable by you only); "
                          "`foi profile` on its own shows them.",
                          no_args_is_help=False, invoke_without_command=True)
app.add_typer(profile_app, name="profile")


@profile_app.callback(invoke_without_command=True)
@handles_errors
def profile_show(ctx: typer.Context) -> None:
    """Show your saved profile (run `foi profile set name="Jane Smith"` to fill it in)."""
    if ctx.invoked_subcommand is not None:
        return
    from foi.request import profile

    values = profile.load()
    if not values:
        console.info("No profile yet. Save one with: foi profile set name=\"Jane Smith\" email=jane@example.org")
        return
    for key, value in values.items():
        shown = str(value).replace("\n", ", ")
        console.plain(f"{key}: {shown}\n")


@profile_app.command("set")
@handles_errors
def profile_set(pairs: list[str] = typer.Argument(..., help="key=value pairs: name, email, address, organisation, officer, templates, letterhead.")) -> None:
    """Save details to your profile, checked like any answer."""
    from foi.request import profile
    from foi.request.answers import parse_set_options

    profile.update(parse_set_options(pairs, option="foi profile set"))
    console.info(f"Saved to {profile.path()}")


@profile_app.command("unset")
@handles_errors
def profile_unset(keys: list[str] = typer.Argument(..., help="The keys to remove.")) -> None:
    """Remove details from your profile."""
    from foi.request import profile

    profile.update({}, remove=tuple(keys))
    console.info(f"Saved to {profile.path()}")


@profile_app.command("path")
@handles_errors
def profile_path() -> None:
    """Print where the profile is stored."""
    from foi.request import profile

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
    templates: Path | None = typer.Option(None, "--templates", help="A folder of your own templates (its scenarios are listed too)."),
) -> None:
    """List the scenarios: id, title, what each is for, and the law it is written for."""
    if ctx.invoked_subcommand is not None:
        return
    import json

    from foi.app import catalogue, new_letter
    from foi.request import scenarios

    _listing_format(fmt, ("table", "json"))
    found = scenarios.all_scenarios(new_letter.user_templates(templates))
    if fmt == "json":
        console.out(json.dumps([catalogue.describe(s) for s in found.values()], indent=2, ensure_ascii=False) + "\n")
    else:
        console.out(catalogue.listing(found))


@scenarios_app.command("show")
@handles_errors
def scenarios_show(
    scenario_id: str = typer.Argument(..., metavar="ID", help="The scenario's id, as `foi scenarios` lists it."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    templates: Path | None = typer.Option(None, "--templates", help="A folder of your own templates."),
) -> None:
    """Show one scenario: its questions (key, type, whether required, help, default) and the items it asks for."""
    import json

    from foi.app import catalogue, new_letter
    from foi.request import scenarios

    _listing_format(fmt, ("text", "json"))
    scenario = scenarios.get(scenario_id, new_letter.user_templates(templates))
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
    templates: Path | None = typer.Option(None, "--templates", help="Your own templates folder, to mark what it overrides."),
) -> None:
    """List the built-in templates; with your own folder, mark the ones it overrides or adds."""
    if ctx.invoked_subcommand is not None:
        return
    from foi.app import new_letter
    from foi.letter import template_files

    user_dir = new_letter.user_templates(templates)
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
    templates: Path | None = typer.Option(None, "--templates", help="Your own templates folder: show yours where it has one."),
) -> None:
    """Print a template as it is (your own version when your folder has one)."""
    from foi.app import new_letter
    from foi.letter import template_files
    from foi.support.files import read_text

    path = template_files.find(name, new_letter.user_templates(templates))
    console.plain(read_text(path, "template", limit=1024 * 1024))


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
    from foi.letter import template_files

    copied = template_files.copy(folder, names or None, force=force)
    console.info(f"Copied {len(copied)} template(s) to {folder}. Use them with: foi new --templates {folder}")



# --- deadline ---


def _date_option(value: str | None, option: str) -> Any:
    """A date option read like every date (2026-06-01, 01/06/2026, 1 June 2026), or a usage error
    (exit 2) naming the option and the fix."""
    if value is None:
        return None
    from foi.support.dates import DateNotRead, read_date

    try:
        parsed = read_date(value)
    except DateNotRead:
        raise UsageProblem(f"{option} '{value}' is not a date: write it as YYYY-MM-DD, e.g. 2026-06-01") from None
    return _in_range(parsed, option)


def _in_range(day: Any, option: str) -> Any:
    """A date option within the years a letter or deadline can carry, or a usage error (exit 2)."""
    from foi.request.questions import InvalidAnswer, in_range

    try:
        return in_range(day)
    except InvalidAnswer as err:
        raise UsageProblem(f"{option} {err}") from None


@app.command("deadline")
@handles_errors
def deadline_command(
    received: str = typer.Option(
        ..., "--received", metavar="DATE",
        help="The day the authority received the request (2026-06-01, 01/06/2026 or 1 June 2026): day 0 of the count.",
    ),
    regime: str = typer.Option(
        "foia", "--regime", metavar="foia|eir|foisa|eisr|sar",
        help="The law the request is made under: foia (default) and eir count a bank holiday in any "
        "part of the UK; foisa and eisr count Scottish bank holidays only; sar counts one month.",
    ),
    days: int | None = typer.Option(
        None, "--days", metavar="N",
        help="The Nth working day after receipt (or clarification) instead of the regime's period, "
        "e.g. 10 for the 10 working days the ICO usually gives an authority after a complaint.",
    ),
    clarified: str | None = typer.Option(
        None, "--clarified", metavar="DATE",
        help="The day the authority received your clarification (FOIA s.1(3)): the count restarts "
        "from it.",
    ),
    extended: bool = typer.Option(
        False, "--extended",
        help="The extended period: 40 working days (EIR/EISR reg 7; for FOIA the ICO's norm for a "
        "public interest extension); three months for sar. FOISA has none.",
    ),
    holidays_file: str | None = typer.Option(
        None, "--holidays", metavar="FILE",
        help="A YAML file adding or removing bank holidays the data does not know yet: "
        "add: [{date: 2027-05-10, name: ..., regions: [scotland]}], remove: [2027-01-04].",
    ),
    calendar: str | None = typer.Option(
        None, "--calendar", metavar="PART",
        help="sar only: whose bank holidays roll the date forward: england-and-wales (default), "
        "scotland, northern-ireland or uk.",
    ),
    responded: str | None = typer.Option(
        None, "--responded", metavar="DATE",
        help="The day the reply came, to count the review and complaint windows from it (otherwise "
        "they are counted from the due date).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Work out when a reply is due, the bank holidays that moved it, and the review and complaint
    windows. Exit 2 for a malformed date or option; exit 1 for a bad --holidays file or an
    impossible request (clarified before received, --extended under FOISA)."""
    from foi.law import regimes
    from foi.law.deadline_report import as_json as deadline_json
    from foi.law.deadline_report import report
    from foi.law.deadlines import response_due
    from foi.law.holidays import load_overrides
    from foi.law.next_steps import next_steps
    from foi.support.errors import UsageProblem

    received_on = _date_option(received, "--received")
    clarified_on = _date_option(clarified, "--clarified")
    responded_on = _date_option(responded, "--responded")
    if regime.lower() not in regimes.ids():
        raise UsageProblem(f"--regime '{regime}' is not known: use one of {', '.join(regimes.ids())}")
    chosen = regimes.get(regime)
    overrides = load_overrides(holidays_file) if holidays_file else None
    deadline = response_due(
        received_on, chosen, clarified=clarified_on, extended=extended, days=days,
        overrides=overrides, calendar=calendar,
    )
    steps = next_steps(deadline, responded=responded_on, overrides=overrides)
    if as_json:
        console.out(deadline_json(deadline, chosen, steps))
        if deadline.beyond_data_message:
            console.warn(deadline.beyond_data_message)
    else:
        console.out(report(deadline, chosen, steps))


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

    from foi.directory import authorities, view
    from foi.support.errors import UsageProblem

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
            console.plain(json.dumps(view.as_dict(entry, directory), indent=2, ensure_ascii=False) + "\n")
        else:
            console.plain(view.as_text(entry, directory))
        return
    found = authorities.search(" ".join(terms), directory)
    if fmt == "json":
        entries = [view.as_dict(entry, directory) for entry in found]
        console.plain(json.dumps(entries, indent=2, ensure_ascii=False) + "\n")
        return
    if not found:
        console.info(f"Nothing in the directory matches '{' '.join(terms)}': try fewer or shorter words.")
        return
    headers, rows = view.table(found, directory)
    console.table(rows, headers)


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

    from foi.checks import RULES, check_text, fails
    from foi.checks.report import as_json, as_markup, as_text, colours_output
    from foi.support.errors import UsageProblem

    if rules:
        console.table([[r.id, r.severity, r.summary] for r in RULES.values()], ["rule", "severity", "catches"])
        return
    if fmt not in ("text", "json"):
        raise UsageProblem(f"--format {fmt}: use text or json")
    if not files:
        raise UsageProblem("name at least one FILE to check, or - for standard input")
    target, regime_id = None, None
    if regime:
        from foi.law import regimes

        regime_id = regimes.get(regime).id
    if authority:
        from foi.directory.authorities import resolve

        target = resolve(authority)
    texts = [(name, _request_text(name)) for name in files]
    results = [
        (name, check_text(text, body_only=body, authority=target.authority if target else None,
                          provider_named=target.provider if target else None, regime=regime_id))
        for name, text in texts
    ]
    if fmt == "json":
        console.out(json.dumps(as_json(results), indent=2, ensure_ascii=False) + "\n")
    else:
        for name, findings in results:
            shown_name = "<stdin>" if name == "-" else name
            # To a pipe or a file, the same words without loading rich (as_text says where it cannot).
            plain = None if colours_output() else as_text(shown_name, findings)
            if plain is not None:
                console.out(plain + "\n")
            else:
                console.styled(as_markup(shown_name, findings))
    if any(fails(findings, strict) for _, findings in results):
        raise typer.Exit(1)


# A request to check is a letter: a few KB. 256 KB (some 40,000 words) is a wrong file, not a long
# letter, and keeps the checker's time bounded.
_MAX_REQUEST_BYTES = 256 * 1024


def _request_text(name: str) -> str:
    """One request's text for `foi check`: a regular UTF-8 file (or standard input), size-capped."""
    import sys

    from foi.support import files

    if name != "-":
        return files.read_text(Path(name), "request file", limit=_MAX_REQUEST_BYTES)
    data = sys.stdin.buffer.read(_MAX_REQUEST_BYTES + 1)
    if len(data) > _MAX_REQUEST_BYTES:
        raise FoiError("standard input: more than 256 KB, far more than a request: check what is piped in")
    return files.decode(data, "standard input", "request")


def _forgiving_streams() -> None:
    """A terminal or pipe that cannot encode a character (a Latin-1 or ASCII locale) shows an escape
    for it rather than stopping foi with a traceback; documents written to files are always UTF-8."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf8sig") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


# --- batch ---
@app.command("batch")
@handles_errors
def batch_command(
    file: Path = typer.Argument(..., metavar="FILE", help="The rows: a .xlsx workbook, a CSV file or a YAML file (defaults + requests)."),
    out: Path | None = typer.Option(None, "--out", "-o", metavar="DIR", help="The folder to create with the letters and manifest (it appears whole or not at all)."),
    formats: list[str] = typer.Option(["text"], "--format", "-f", metavar="FORMAT", help="text, markdown, html, docx, eml or wdtk; repeat it, or give all."),
    sets: list[str] = typer.Option([], "--set", metavar="KEY=VALUE", help="An answer for every row; wins over the row's own."),
    answers: Path | None = typer.Option(None, "--answers", metavar="FILE", help="A YAML file of answers for every row (below the row's own)."),
    letter_date: str | None = typer.Option(None, "--date", metavar="YYYY-MM-DD", help="The letters' date (default today)."),
    sheet: str | None = typer.Option(None, "--sheet", metavar="NAME", help="The sheet of a .xlsx workbook to read (default the first)."),
    to: list[str] = typer.Option([], "--to", metavar="BODIES", help="One request to many bodies: ids or names, or a kind of council and place: council:scotland, london-borough, county-council."),
    tags: list[str] = typer.Option([], "--tag", metavar="TAG", help="Every body with this tag in the --authorities file (WhatDoTheyKnow layout); repeatable."),
    authorities_file: Path | None = typer.Option(None, "--authorities", metavar="FILE", help="A directory of your own in WhatDoTheyKnow's all-authorities.csv layout."),
    keep_going: bool = typer.Option(False, "--keep-going", help="Write the good rows even if some have problems (they are listed; exit 3)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Check every row and print the plan; write nothing."),
    force: bool = typer.Option(False, "--force", help="Replace the --out folder if it exists."),
    manifest_format: str = typer.Option("csv", "--manifest-format", metavar="csv|json", help="manifest.csv (opens in Excel) or manifest.json."),
    no_check: bool = typer.Option(False, "--no-check", help="Skip the checker (the manifest's findings column is left empty): faster."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    templates: Path | None = typer.Option(None, "--templates", metavar="DIR", help="A folder of your own templates."),
    no_profile: bool = typer.Option(False, "--no-profile", help="Ignore the saved profile."),
    track: bool = typer.Option(False, "--track", help="Record every letter in the tracker (`foi track`), all in one go."),
    sent: str | None = typer.Option(None, "--sent", metavar="DATE", help="With --track: the day the letters were sent, YYYY-MM-DD (starts each clock)."),
    db: str | None = typer.Option(None, "--db", metavar="PATH", help="With --track: the tracker file (default: $FOI_DB, else foi's data folder)."),
) -> None:
    """Write many letters from a spreadsheet: one per row, or one request to many bodies, with a manifest.

    Every row is checked before any letter appears; a problem is printed as FILE: row N, column KEY:
    what is wrong and the fix, and then no folder is made (exit 3). For example

      foi batch clients.xlsx --out letters/ --format docx --date 2026-12-01

      foi batch request.yaml --to council:scotland --out scottish-councils/
    """
    from foi.app import new_letter
    from foi.batch import run

    request = run.BatchRequest(
        file=file, out=out, sets=sets, answers_file=answers, letter_date=_date_option(letter_date, "--date"),
        formats=formats, sheet=sheet, keep_going=keep_going, dry_run=dry_run, force=force,
        manifest_format=manifest_format, check=not no_check, quiet=quiet,
        user_dir=new_letter.user_templates(templates, not no_profile), use_profile=not no_profile,
        authorities_file=authorities_file, to=to, tags=tags,
        track=track or sent is not None, sent=_date_option(sent, "--sent"), db=db,
    )
    run.run(request)


def main() -> None:
    """The console script: run the app, exiting 130 on Ctrl-C wherever it happens.

    The last line of defence: an unexpected exception is one line naming it (FOI_DEBUG=1 shows the
    traceback), never a screen of Python a claimant cannot read.
    """
    import os
    import sys

    _forgiving_streams()
    try:
        only_the_command(app, sys.argv[1:])()
    except KeyboardInterrupt:
        _interrupted()
        raise SystemExit(EXIT_INTERRUPTED) from None
    except FoiError as err:  # from an option's callback (--version), outside any command
        console.error(err.message)
        raise SystemExit(err.exit_code) from None
    except SystemExit as done:
        # typer turns a Ctrl-C outside a command (while options are parsed) into exit 130, silently.
        if done.code == EXIT_INTERRUPTED and not _INTERRUPTION_REPORTED:
            _interrupted()
        raise
    except Exception as err:  # noqa: BLE001 - the one place every failure must become one line
        if os.environ.get("FOI_DEBUG"):
            raise
        if isinstance(err, OSError) and err.errno == 28:  # ENOSPC: rich writing to a full disk
            console.error("cannot write to standard output (No space left on device): redirect it elsewhere")
            raise SystemExit(1) from None
        console.error(f"foi stopped on an unexpected problem ({type(err).__name__}); nothing more was "
                      "written. Please report it (run again with FOI_DEBUG=1 for the details)")
        raise SystemExit(1) from None


def only_the_command(whole: typer.Typer, args: list[str]) -> typer.Typer:
    """The app holding only the command (or group of commands) the arguments name, or the whole app.

    typer works out every command's options from its function's signature before it runs any: for
    `foi check` that was a twentieth of its time, spent on the other nineteen. The command runs, and
    prints its help and errors, exactly as in the whole app; anything else (no command, an option,
    a misspelt name) goes to the whole app, which lists the commands or suggests the right one.
    """
    import copy

    from typer.main import get_command_name

    name = args[0] if args else ""
    commands = [c for c in whole.registered_commands
                if (c.name or get_command_name(c.callback.__name__ if c.callback else "")) == name]
    groups = [g for g in whole.registered_groups if g.name == name]
    if len(commands) + len(groups) != 1:
        return whole
    trimmed = copy.copy(whole)
    trimmed.registered_commands, trimmed.registered_groups = commands, groups
    return trimmed


# --- track ---
track_app = typer.Typer(
    help="Track requests in a private SQLite file: add them, record what happened, list them by "
    "urgency, show one, export them (CSV, JSON, a calendar).",
    no_args_is_help=True,
)
app.add_typer(track_app, name="track")
_DB_HELP = "The tracker file (default: $FOI_DB, else tracker.sqlite3 in foi's folder in your data folder)."
_TODAY_HELP = "Work the statuses out as on this day, YYYY-MM-DD (default today)."


def _today(value: str | None) -> Any:
    from datetime import date

    return _date_option(value, "--today") or date.today()


@track_app.command("add")
@handles_errors
def track_add(
    source: Path | None = typer.Argument(
        None, metavar="[FILE]",
        help="A letter written by `foi new` (.txt, .md or .eml), its answers file (.yaml), or a "
        "batch's manifest.csv. Leave out to describe the request with --body and --title.",
    ),
    body: str | None = typer.Option(None, "--body", help="The body it went to: a directory id or name, or any name."),
    title: str | None = typer.Option(None, "--title", help="A short title for the request."),
    regime: str | None = typer.Option(None, "--regime", metavar="foia|eir|foisa|eisr|sar",
                                      help="The law it was made under (default: the body's, from the directory)."),
    sent: str | None = typer.Option(None, "--sent", metavar="DATE",
                                    help="The day it was sent (received), YYYY-MM-DD: starts the clock."),
    reference: str | None = typer.Option(None, "--reference", help="The authority's reference for it."),
    db: str | None = typer.Option(None, "--db", metavar="PATH", help=_DB_HELP),
) -> None:
    """Track a request: from a letter, its answers file, a batch manifest, or flags.

      foi track add letter.txt --sent 2026-06-01
      foi track add --body dwp --title "Restart guidance" --sent 2026-06-01
      foi track add letters/manifest.csv --sent 2026-06-01
    """
    from foi.tracker import commands
    from foi.tracker.sources import Flags

    flags = Flags(body=body, title=title, regime=regime, reference=reference)
    ids = commands.add(db, source, flags, _date_option(sent, "--sent"))
    shown = ", ".join(str(i) for i in ids)
    console.info(f"Tracking {len(ids)} request(s): id {shown}")
    if sent is None:
        console.info(f"Record the day it goes: foi track event {ids[0]} sent --date YYYY-MM-DD")


@track_app.command("event")
@handles_errors
def track_event(
    request_id: int = typer.Argument(..., metavar="ID", help="The request's id (`foi track list`)."),
    kind: str = typer.Argument(
        ..., metavar="KIND",
        help="sent, acknowledged, clarification-requested, clarified, extension, response, "
        "partial-response, refused, chased, review-requested, review-chased, review-response, complaint, decision, withdrawn.",
    ),
    on: str | None = typer.Option(None, "--date", metavar="DATE", help="When it happened, YYYY-MM-DD (default today)."),
    note: str | None = typer.Option(None, "--note", help="A few words to remember it by."),
    file: str | None = typer.Option(None, "--file", metavar="PATH", help="The letter or reply it came with."),
    until: str | None = typer.Option(None, "--until", metavar="DATE",
                                     help="extension only: the new date the authority gave."),
    db: str | None = typer.Option(None, "--db", metavar="PATH", help=_DB_HELP),
) -> None:
    """Record what happened to a request. `clarified` restarts the clock; `extension` moves the due
    date (to --until, or the regime's extended period)."""
    from datetime import date

    from foi.tracker import commands
    from foi.tracker.model import Event

    event = Event(kind=kind, on=_date_option(on, "--date") or date.today(), note=note, file=file,
                  until=_date_option(until, "--until"))
    console.info(commands.event(db, request_id, event, date.today()))


@track_app.command("list")
@handles_errors
def track_list(
    status: list[str] = typer.Option([], "--status", help="Only these statuses (repeat): e.g. overdue, open, refused, \"internal review\"."),
    body: str | None = typer.Option(None, "--body", help="Only bodies whose name or id contains this."),
    due_before: str | None = typer.Option(None, "--due-before", metavar="DATE",
                                          help="Only those the authority must answer before this day."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
    today: str | None = typer.Option(None, "--today", metavar="DATE", help=_TODAY_HELP),
    db: str | None = typer.Option(None, "--db", metavar="PATH", help=_DB_HELP),
) -> None:
    """List tracked requests, most urgent first: overdue ones at the top (in red on a terminal)."""
    from foi.tracker import commands, view

    _listing_format(fmt, view.LIST_FORMATS)
    filters = view.Filters(tuple(status), body, _date_option(due_before, "--due-before"))
    commands.listing(db, _today(today), filters, fmt)


@track_app.command("show")
@handles_errors
def track_show(
    request_id: int = typer.Argument(..., metavar="ID", help="The request's id."),
    as_json: bool = typer.Option(False, "--json", help="Print it as JSON."),
    today: str | None = typer.Option(None, "--today", metavar="DATE", help=_TODAY_HELP),
    db: str | None = typer.Option(None, "--db", metavar="PATH", help=_DB_HELP),
) -> None:
    """Show one request: its timeline, each deadline and the holidays that moved it, the next step."""
    from foi.tracker import commands

    commands.show(db, request_id, _today(today), as_json)


@track_app.command("export")
@handles_errors
def track_export(
    fmt: str = typer.Option(..., "--format", "-f", help="csv, json (with every event) or ics (a calendar)."),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FILE", help="The file to write (default: the screen)."),
    force: bool = typer.Option(False, "--force", help="Replace the file if it exists."),
    today: str | None = typer.Option(None, "--today", metavar="DATE", help=_TODAY_HELP),
    db: str | None = typer.Option(None, "--db", metavar="PATH", help=_DB_HELP),
) -> None:
    """Export every tracked request. The .ics puts each due date, review window and complaint window
    in your calendar once; importing it again updates them instead of adding copies."""
    from foi.tracker import commands

    commands.export(db, fmt, output, _today(today), force)


# --- followup ---
followup_app = typer.Typer(
    help="The next letter: a chaser, an internal review, a review chaser or a complaint to the "
    "regulator, with the dates worked out. On its own (at a terminal) it asks what happened.",
    no_args_is_help=False, invoke_without_command=True,
)
app.add_typer(followup_app, name="followup")


@followup_app.callback(invoke_without_command=True)
@handles_errors
def followup_ask(
    ctx: typer.Context,
    db: str | None = typer.Option(None, "--db", metavar="PATH", help=_DB_HELP),
) -> None:
    """Ask which tracked request and what happened, then write the follow-up (needs a terminal)."""
    if ctx.invoked_subcommand is not None:
        return
    from foi.followup.ask import run_wizard
    from foi.request import wizard

    run_wizard(db, wizard.interactive())


def _group_db(ctx: typer.Context, db: str | None) -> str | None:
    """`foi followup --db PATH chase 1` gives --db to the group: the command uses it too."""
    return db or (ctx.parent.params.get("db") if ctx.parent else None)


def _followup(kind: str, request_id: int | None, **options: Any) -> None:
    from foi.export import registry
    from foi.followup.commands import Followup, run

    registry.choose(options["formats"])
    job = Followup(
        kind=kind, request_id=request_id, overdue=options.get("overdue", False),
        db=options["db"],
        letter_date=_date_option(options["letter_date"], "--date"), formats=options["formats"],
        output=options["output"], force=options["force"], track=not options["no_track"],
        grounds=options.get("grounds", []), reason=options.get("reason"),
        reply=options.get("reply"), drop=options.get("drop", []), templates=options["templates"],
    )
    if job.reply is not None:
        from foi.request import wizard

        # At a terminal each ground the reply proposes is confirmed; without one all are kept.
        job.asker = wizard.Wizard() if wizard.interactive() else None
    run(job)


_FU_ID = typer.Argument(None, metavar="ID", help="The tracked request's id (`foi track list`).")
_FU_DATE = typer.Option(None, "--date", metavar="DATE", help="The letter's date, YYYY-MM-DD (default today): lateness is counted to it.")
_FU_FORMAT = typer.Option(["text"], "--format", "-f", metavar="FORMAT", help="text, markdown, html, docx, eml or wdtk; repeat it, or give all.")
_FU_OUTPUT = typer.Option(None, "--output", "-o", metavar="PATH", help="The file, or a folder ending in / for several formats; default the screen.")
_FU_FORCE = typer.Option(False, "--force", help="Replace existing files.")
_FU_NO_TRACK = typer.Option(False, "--no-track", help="Do not record the letter as an event in the tracker.")
_FU_DB = typer.Option(None, "--db", metavar="PATH", help=_DB_HELP)
_FU_GROUND = typer.Option([], "--ground", metavar="KEY", help="A ground (repeat): no-response, exemption-wrong, public-interest, cost-estimate, advice-assistance, information-missing, excessive-redaction, wrong-question, vexatious.")
_FU_TEMPLATES = typer.Option(None, "--templates", metavar="DIR", help="Your own templates folder: its followup/<kind>.md.j2 wins over the built-in one.")
_FU_REASON = typer.Option(None, "--reason", metavar="TEXT", help="Why you are not satisfied, in your own words.")


@followup_app.command("chase")
@handles_errors
def followup_chase(
    ctx: typer.Context,
    request_id: int | None = _FU_ID,
    overdue: bool = typer.Option(False, "--overdue", help="A chaser for every overdue request (give --output FOLDER/)."),
    letter_date: str | None = _FU_DATE, formats: list[str] = _FU_FORMAT, output: str | None = _FU_OUTPUT,
    force: bool = _FU_FORCE, no_track: bool = _FU_NO_TRACK, db: str | None = _FU_DB,
    templates: Path | None = _FU_TEMPLATES,
) -> None:
    """The reply is late: a chaser naming the date sent, the date due, how late, and the time limit
    (FOIA/FOISA s.10). Warns if it is not late yet."""
    _followup("chase", request_id, overdue=overdue, letter_date=letter_date, formats=formats,
              output=output, force=force, no_track=no_track, db=_group_db(ctx, db), templates=templates)


@followup_app.command("review")
@handles_errors
def followup_review(
    ctx: typer.Context,
    request_id: int | None = _FU_ID,
    ground: list[str] = _FU_GROUND, reason: str | None = _FU_REASON,
    reply: Path | None = typer.Option(None, "--reply", metavar="FILE", help="The authority's reply (text, .eml, or a PDF's text): its sections and words propose grounds."),
    drop: list[str] = typer.Option([], "--drop", metavar="KEY", help="Leave out a ground the reply proposed (repeat)."),
    letter_date: str | None = _FU_DATE, formats: list[str] = _FU_FORMAT, output: str | None = _FU_OUTPUT,
    force: bool = _FU_FORCE, no_track: bool = _FU_NO_TRACK, db: str | None = _FU_DB,
    templates: Path | None = _FU_TEMPLATES,
) -> None:
    """Ask for an internal review (FOISA s.20: the dissatisfaction is stated), with grounds from the
    checklist, from the reply, and your own words. Warns if asked more than 40 working days late."""
    _followup("review", request_id, grounds=ground, reason=reason, reply=reply, drop=drop,
              letter_date=letter_date, formats=formats, output=output, force=force,
              no_track=no_track, db=_group_db(ctx, db), templates=templates)


@followup_app.command("review-chase")
@handles_errors
def followup_review_chase(
    ctx: typer.Context,
    request_id: int | None = _FU_ID,
    letter_date: str | None = _FU_DATE, formats: list[str] = _FU_FORMAT, output: str | None = _FU_OUTPUT,
    force: bool = _FU_FORCE, no_track: bool = _FU_NO_TRACK, db: str | None = _FU_DB,
    templates: Path | None = _FU_TEMPLATES,
) -> None:
    """The internal review is late (20 working days; 40 at most under FOIA): a chaser for it."""
    _followup("review-chase", request_id, letter_date=letter_date, formats=formats, output=output,
              force=force, no_track=no_track, db=_group_db(ctx, db), templates=templates)


@followup_app.command("complain")
@handles_errors
def followup_complain(
    ctx: typer.Context,
    request_id: int | None = _FU_ID,
    ground: list[str] = _FU_GROUND, reason: str | None = _FU_REASON,
    letter_date: str | None = _FU_DATE, formats: list[str] = _FU_FORMAT, output: str | None = _FU_OUTPUT,
    force: bool = _FU_FORCE, no_track: bool = _FU_NO_TRACK, db: str | None = _FU_DB,
    templates: Path | None = _FU_TEMPLATES,
) -> None:
    """Complain to the ICO (FOIA s.50, EIR) or apply to the Scottish Information Commissioner
    (FOISA s.47); for subject access, to the organisation first. Lists what to attach."""
    _followup("complain", request_id, grounds=ground, reason=reason, letter_date=letter_date,
              formats=formats, output=output, force=force, no_track=no_track, db=_group_db(ctx, db), templates=templates)

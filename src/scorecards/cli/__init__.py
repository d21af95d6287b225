"""The ``scorecards`` command line: a thin layer over the library.

Exit codes: 0 done; 1 done, but something needs attention (``check`` found
problems); 2 could not run. Errors about input are printed as one clear line
per problem on stderr; logs go to stderr too, so stdout can carry data.
"""

from __future__ import annotations

import logging
import shutil
import signal
from importlib import resources
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape

from scorecards.errors import InputError, ScorecardError
from scorecards.periods import Month, parse_period

app = typer.Typer(
    name="scorecards",
    help="Build performance scorecards from indicator definitions, targets and data.",
    no_args_is_help=True,
    add_completion=False,
    # help texts name TOML tables such as [[areas]]; print them as written
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

ProjectArg = Annotated[
    Path, typer.Argument(help="The project folder (holds scorecard.toml).")
]


@app.callback()
def main(
    verbose: Annotated[
        int,
        typer.Option(
            "--verbose", "-v", count=True, help="-v for progress, -vv for detail."
        ),
    ] = 0,
) -> None:
    """Build performance scorecards from indicator definitions, targets and data."""
    # Stopped by kill or a closed terminal, a command unwinds as on Ctrl-C: its
    # staging folder, PDF workers and store lock are cleared on the way out.
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, _stopped)
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(
        level=level,
        format="%(message)s",
        handlers=[RichHandler(console=err, show_time=False, show_path=False)],
        force=True,
    )


def _stopped(signum: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signum)


def fail(error: Exception, code: int = 2) -> NoReturn:
    """Print ``error`` as one line per problem and exit with ``code``."""
    if isinstance(error, InputError):
        for item in error.problems:
            err.print(
                f"[red]error:[/red] {escape(str(item))}",
                markup=True,
                highlight=False,
                soft_wrap=True,
            )
    else:
        err.print(
            f"[red]error:[/red] {escape(str(error))}",
            markup=True,
            highlight=False,
            soft_wrap=True,
        )
    raise typer.Exit(code)


def parse_month(text: str, what: str = "--month") -> Month:
    """A month given on the command line; ``what`` names the option or argument."""
    try:
        period = parse_period(text)
    except ValueError as exc:
        fail(InputError(f"{what}: {exc}"))
    if not isinstance(period, Month):
        fail(InputError(f"{what}: expected a month like 2020-05, found {text!r}"))
    return period


MonthOption = Annotated[str, typer.Option(help="The edition month, e.g. 2020-05.")]
OutOption = Annotated[
    Path | None, typer.Option("--out", help="Output folder (default: the project's).")
]
FormatOption = Annotated[
    str | None,
    typer.Option("--format", help="Comma-separated: html,pdf,json,xlsx."),
]
LayoutOption = Annotated[
    str | None, typer.Option(help="A layout under layouts/ (default: the project's).")
]
WaitOption = Annotated[
    float, typer.Option(help="Seconds to wait for another command using the store.")
]


def split_formats(formats: str | None) -> list[str] | None:
    return [f.strip() for f in formats.split(",") if f.strip()] if formats else None


def warn(message: str) -> None:
    err.print(f"[yellow]warning:[/yellow] {message}", highlight=False)


@app.command()
def build(
    project: ProjectArg,
    month: MonthOption,
    out_dir: OutOption = None,
    formats: FormatOption = None,
    layout: LayoutOption = None,
    wait: WaitOption = 60.0,
    area: Annotated[
        str, typer.Option(help="Build the scorecard of this area or district.")
    ] = "",
) -> None:
    """Build the scorecard of PROJECT for one month, as a draft.

    The project's figure files are first loaded into its store; figures that
    changed since they were last loaded are reported as revisions.
    """
    from scorecards.publish.edition import build_draft

    edition = parse_month(month)
    try:
        result, revisions = build_draft(
            project, edition, out_dir, split_formats(formats), layout, wait, area
        )
    except (ScorecardError, OSError) as exc:
        fail(exc)
    for revision in revisions:
        warn(f"revision: {revision}")
    for warning in result.view.warnings:
        warn(warning)
    for path in result.paths:
        out.print(str(path), highlight=False)


@app.command()
def check(project: ProjectArg) -> None:
    """Validate PROJECT and report every problem found, not just the first."""
    from scorecards.catalogue.project import load_project

    try:
        loaded = load_project(project)
    except InputError as exc:
        fail(exc, code=1)
    except ScorecardError as exc:
        fail(exc)
    out.print(
        f"{project}: valid ({len(loaded.indicators)} indicators, "
        f"{len(loaded.figures)} figures, {len(loaded.targets)} targets)",
        highlight=False,
    )


@app.command()
def init(directory: Annotated[Path, typer.Argument(help="Folder to create.")]) -> None:
    """Write a small, valid starter project into DIRECTORY, ready to build."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        fail(
            InputError(
                f"{directory}: exists and is not an empty folder; choose a new one"
            )
        )
    starter = resources.files("scorecards") / "starter"
    try:
        with resources.as_file(starter) as source:
            shutil.copytree(source, directory, dirs_exist_ok=True)
    except OSError as exc:
        fail(InputError(f"{directory}: cannot write the starter project there ({exc})"))
    out.print(
        f"wrote a starter project to {directory}; "
        f"try: scorecards build {directory} --month 2020-05",
        highlight=False,
    )


def _register_commands() -> None:
    from scorecards.cli import benchmarks, editions, records, returns

    records.register(app)
    editions.register(app)
    returns.register(app)
    benchmarks.register(app)


_register_commands()

"""Commands for case records: ``synth``, ``load-records`` and ``compute``."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from scorecards.errors import InputError, ScorecardError, problem
from scorecards.periods import Month, parse_period

if TYPE_CHECKING:
    from scorecards.measures.engines import EngineUrl

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

log = logging.getLogger(__name__)

RECORDS_DIR = "records"  # where synth writes a project's record files

ProjectArg = Annotated[
    Path, typer.Argument(help="The project folder (holds scorecard.toml).")
]


def register(app: typer.Typer) -> None:
    """Add the record commands to ``app``."""
    app.command("synth")(synth)
    app.command("load-records")(load_records)
    app.command("compute")(compute)
    app.command("synth-districts")(synth_districts)


def synth(
    project: ProjectArg,
    years: Annotated[
        int, typer.Option(help="Years of records to write.", min=1, max=30)
    ] = 6,
    seed: Annotated[int, typer.Option(help="Seed of the random generator.")] = 1,
    end: Annotated[
        str, typer.Option(help="The last month of records, e.g. 2020-06.")
    ] = "2020-06",
) -> None:
    """Write a seeded synthetic county's records to PROJECT/records and load them.

    The same seed, years and end month always give the same records.
    """
    from scorecards.cli import fail
    from scorecards.records.load import load_files
    from scorecards.synth import write_county

    try:
        last = _month("--end", end)
        if years < 1:
            raise InputError(problem("--years", f"expected 1 or more, found {years}"))
        folder = project / RECORDS_DIR
        counts = write_county(folder, years=years, seed=seed, end=last)
        with open_project_store(project) as con:
            load_files(con, [folder])
    except (ScorecardError, OSError) as exc:
        fail(exc)
    total = sum(counts.values())
    typer.echo(f"wrote and loaded {total} records in {len(counts)} tables to {folder}")


def load_records(
    project: ProjectArg,
    files: Annotated[
        list[Path], typer.Argument(help="Record files (.csv, .parquet) or folders.")
    ],
) -> None:
    """Check record FILES and load them into PROJECT's store.

    Each file is named after its table (referrals.csv, referrals-2019.csv ...)
    and replaces that table. Every bad row is reported; if there is any, nothing
    is stored.
    """
    from scorecards.cli import fail
    from scorecards.records.load import load_files

    try:
        with open_project_store(project) as con:
            counts = load_files(con, files)
    except (ScorecardError, OSError) as exc:
        fail(exc)
    for table, count in counts.items():
        typer.echo(f"{table}: {count} rows")


def compute(
    project: ProjectArg,
    first: Annotated[str, typer.Option("--from", help="First month, e.g. 2019-11.")],
    last: Annotated[str, typer.Option("--to", help="Last month, e.g. 2020-05.")],
    indicator: Annotated[
        list[str] | None,
        typer.Option(help="Compute only this indicator; repeat for more."),
    ] = None,
    engine: Annotated[
        str | None,
        typer.Option(
            help="Where the records are and the measures run: duckdb:// (the "
            "store, the default), postgresql://user@host:port/database or "
            "spark://local[2]; overrides scorecard.toml's [engine] url."
        ),
    ] = None,
) -> None:
    """Compute figures from PROJECT's records for every month --from to --to, and
    store them.

    Every measure is computed, whether or not the project's catalogue lists it.
    The measures run on the engine that holds the records (docs/engines.md);
    only the figures come back to the store.
    """
    from scorecards.cli import fail
    from scorecards.measures import check_request
    from scorecards.measures.engines import compute_on_engine, connect, parse_url
    from scorecards.records.load import create_record_tables
    from scorecards.store.database import save_figures

    try:
        start, stop = _month("--from", first), _month("--to", last)
        ids = check_request(start, stop, indicator or None)
        url = parse_url(engine) if engine else _engine_url(project)
        with open_project_store(project) as con, _progress() as progress:
            create_record_tables(con)
            backend = connect(url, store=con)
            task = progress.add_task("computing", total=len(ids))
            figures = compute_on_engine(
                backend,
                start,
                stop,
                ids,
                on_measure=lambda i: progress.update(
                    task, advance=1, description=f"computed {i}"
                ),
            )
            if not url.is_store:
                backend.disconnect()
            count = save_figures(con, figures, source="records").changed
    except (ScorecardError, OSError) as exc:
        fail(exc)
    typer.echo(f"stored {count} figures of {len(ids)} measures, {start} to {stop}")


def _engine_url(project: Path) -> EngineUrl:
    """scorecard.toml's ``[engine] url``, or the project's store when it has none."""
    from scorecards.measures.engines import DEFAULT_URL, parse_url

    settings = project / "scorecard.toml"
    store_path(project)  # the settings are checked there
    data = tomllib.loads(settings.read_text(encoding="utf-8"))
    url = data.get("engine", {}).get("url", DEFAULT_URL)
    return parse_url(str(url), source=f"{settings}, engine.url")


def store_path(project: Path) -> Path:
    """The store of ``project``, from scorecard.toml's ``[store] path``."""
    from scorecards.catalogue.project import read_config

    return project / read_config(project).store.path


@contextmanager
def open_project_store(project: Path) -> Iterator[DuckDBPyConnection]:
    """The project's store, open and locked for the length of a ``with`` block, so
    that no other scorecards command writes to it meanwhile."""
    from scorecards.store.database import open_store
    from scorecards.store.lock import store_lock

    path = store_path(project)
    with store_lock(path):
        con = open_store(path)
        try:
            yield con
        finally:
            con.close()


def _progress() -> Progress:
    from scorecards.cli import err

    return Progress(
        TextColumn("{task.description:<18}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


def _month(option: str, text: str) -> Month:
    try:
        period = parse_period(text)
    except ValueError as exc:
        raise InputError(problem(option, str(exc))) from None
    if not isinstance(period, Month):
        raise InputError(
            problem(option, f"expected a month like 2020-05, found {text!r}")
        )
    return period


def synth_districts(
    project: ProjectArg,
    seed: Annotated[int, typer.Option(help="Seed of the random generator.")] = 1,
    out: Annotated[
        str, typer.Option(help="File under figures/ to write.")
    ] = "districts-synthetic.csv",
) -> None:
    """Write synthetic area and district figures split from the authority's.

    For trying district scorecards where no district figures exist: counts are
    shared out so that they add up to the authority's; ratios vary around it.
    Needs the project's [[areas]]. The file says in each figure's source that it
    is synthetic; never publish it as real.
    """
    from scorecards.catalogue.figure_files import write_figure_file
    from scorecards.catalogue.project import load_project
    from scorecards.cli import fail
    from scorecards.synth_areas import district_figures

    try:
        loaded = load_project(project)
        if not loaded.config.areas:
            raise InputError(
                problem(
                    project / "scorecard.toml", "declares no [[areas]] to split into"
                )
            )
        made = district_figures(
            loaded.figures, loaded.indicators, loaded.config.areas, seed
        )
        write_figure_file(project / "figures" / out, made)
    except (ScorecardError, OSError) as exc:
        fail(exc)
    typer.echo(f"wrote {len(made)} synthetic figures to {project / 'figures' / out}")

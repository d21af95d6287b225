"""Commands for benchmarks from published statistics: ``benchmarks import`` and
``benchmarks show``."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from scorecards.cli import ProjectArg, WaitOption, fail, out, warn
from scorecards.errors import ScorecardError

if TYPE_CHECKING:
    from scorecards.benchmarks.dfe import MissingReason
    from scorecards.store.benchmarks import StoreImport

benchmarks_app = typer.Typer(
    name="benchmarks",
    help="Benchmarks computed from the Department for Education's published files.",
    no_args_is_help=True,
)

AuthorityOption = Annotated[
    str | None,
    typer.Option(
        help="Name or code of the authority (Essex, 881, E10000012); default: the "
        "benchmarks.authority of scorecard.toml."
    ),
]


def register(app: typer.Typer) -> None:
    """Add the ``benchmarks`` commands to ``app``."""
    app.add_typer(benchmarks_app)


@benchmarks_app.command("import")
def import_(
    project: ProjectArg,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Only these files, read from where they are (default: every file "
            "the benchmarks.import entries name, from the data folder)."
        ),
    ] = None,
    authority: AuthorityOption = None,
    wait: WaitOption = 60.0,
) -> None:
    """Compute England, region, statistical neighbour mean, rank and quartile for
    every mapped indicator and year, and store them with the authority's own
    figures in PROJECT's store.

    The files and measures are named in scorecard.toml under benchmarks (see
    docs/benchmarks.md). A store holds one authority at a time: importing another
    one replaces its figures, and they are recorded as revisions.
    """
    from scorecards.publish.edition import session
    from scorecards.store.benchmarks import import_into_store

    try:
        with session(project, wait) as current:
            done = import_into_store(
                current.con, current.project, authority=authority, files=files or ()
            )
    except (ScorecardError, OSError) as exc:
        fail(exc)

    area = done.imported.authority
    if done.replaced:
        warn(f"the store held {done.replaced}; it now holds {area.name}")
    for source in done.imported.absent:
        warn(f"{area.name} has no row in {source}: its figures are not published")
    _print_summary(done)


def _print_summary(done: StoreImport) -> None:
    imported, area = done.imported, done.imported.authority
    out.print(
        f"{area.name} ({area.code}, {area.region_name or 'no region'}); "
        f"neighbours: {imported.neighbours or 'none'}",
        highlight=False,
    )
    for read in imported.files:
        out.print(
            f"  read {read.name}: {read.rows} rows ({read.kind})", highlight=False
        )
    out.print(
        f"rows read: {imported.rows_read}; figures computed: "
        f"{len(imported.computed)}; the authority's figures: {len(imported.own)} "
        f"({done.figures.added} new, {len(done.figures.revisions)} revised); "
        f"stored {done.stored}",
        highlight=False,
    )

    from scorecards.store.benchmarks import COMPARATOR_NAMES

    by_comparator = Counter(COMPARATOR_NAMES[f.comparator] for f in imported.computed)
    out.print(
        "  " + ", ".join(f"{name} {n}" for name, n in by_comparator.items()),
        highlight=False,
    )
    for source, counts in imported.suppressed.items():
        if counts:
            out.print(
                f"suppressed cells in {source}: {_counts(counts)}", highlight=False
            )
    missing = imported.missing
    if missing:
        out.print(
            f"computed figures without a value: {_counts(missing)}", highlight=False
        )


def _say(text: str) -> None:
    out.print(text, highlight=False)


def _counts(counts: Counter[MissingReason]) -> str:
    return ", ".join(f"{n} {reason}" for reason, n in counts.most_common())


@benchmarks_app.command("show")
def show(
    project: ProjectArg,
    indicator: Annotated[
        list[str] | None,
        typer.Option(help="Show only this indicator; repeat for more."),
    ] = None,
    periods: Annotated[int, typer.Option(help="The latest periods to show.")] = 5,
    wait: WaitOption = 60.0,
) -> None:
    """Print PROJECT's imported benchmarks: per indicator and period, the
    authority's figure, England, region, neighbour mean, rank and quartile."""
    from scorecards.publish.edition import session
    from scorecards.store.benchmarks import imported_authority, stored_benchmarks

    try:
        with session(project, wait) as current:
            held = imported_authority(current.con)
            found = stored_benchmarks(current.con)
            catalogue = current.project.indicators
    except (ScorecardError, OSError) as exc:
        fail(exc)
    if held is None:
        out.print("no benchmarks imported yet; run `scorecards benchmarks import`")
        return

    columns = ("Authority", "England", "Region", "SN", "Rank", "Quartile")
    cells: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for b in found:
        precision = (
            catalogue[b.indicator].precision if b.indicator in catalogue else None
        )
        cells[b.indicator][str(b.period)][b.comparator] = b.text(precision)

    out.print(f"{held[0]} ({held[1]})", highlight=False)
    order = [code for code in catalogue if code in cells]
    for code in order:
        if indicator and code not in indicator:
            continue
        grid = Table("period", *columns, title=f"{code} {catalogue[code].title}")
        for period in sorted(cells[code])[-periods:]:
            grid.add_row(period, *(cells[code][period].get(c, "") for c in columns))
        out.print(grid)

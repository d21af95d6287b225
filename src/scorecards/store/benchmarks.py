"""Benchmarks computed from published statistics, kept in the project's store.

Each ``scorecards benchmarks import`` adds a row to ``benchmark_imports`` (which
authority, which grouping of neighbours, when) and its figures to
``benchmark_figures``: every comparator of every mapped indicator and period, with
the file and measure it came from, how many published figures went into it and,
when it has no value, why. Nothing is overwritten; the current benchmarks are
the latest import's figure of each indicator, comparator and period for the
authority of the latest import.

Comparators are stored under the names a layout's benchmark columns use:
``England``, ``Region``, ``SN`` (the statistical neighbours' mean), ``Rank``,
``Quartile`` (1 to 4 for A to D) and ``Authority`` (the authority's own published
figure, which the import also stores as a figure).

>>> from scorecards.store.database import open_store
>>> con = open_store(":memory:")
>>> from scorecards.benchmarks import BenchmarkFigure, Comparator
>>> from scorecards.periods import Year
>>> figure = BenchmarkFigure("SCS03", Comparator.ENGLAND, Year(2018), 22.6, 1)
>>> save_benchmarks(con, [figure], authority="Kent", authority_code="886")
1
>>> load_benchmarks(con)[0].comparator, load_benchmarks(con)[0].basis
('England', 'computed')
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from scorecards.assess.formatting import format_number
from scorecards.benchmarks.compute import BenchmarkFigure, Comparator
from scorecards.benchmarks.imports import (
    BenchmarkImport,
    authority_figures,
    import_benchmarks,
)
from scorecards.catalogue.benchmark import Benchmark
from scorecards.catalogue.project import Project
from scorecards.errors import InputError, problem
from scorecards.periods import Period, parse_period
from scorecards.store.database import LoadReport, save_figures

log = logging.getLogger(__name__)

#: The ``basis`` of every benchmark computed from published statistics, so that a
#: layout can tell them from the figures supplied in benchmarks.csv.
COMPUTED = "computed"

#: What each computed comparator is called in the store and in layouts.
COMPARATOR_NAMES: dict[Comparator, str] = {
    Comparator.AUTHORITY: "Authority",
    Comparator.ENGLAND: "England",
    Comparator.REGION: "Region",
    Comparator.NEIGHBOURS: "SN",
    Comparator.RANK: "Rank",
    Comparator.QUARTILE: "Quartile",
}
AUTHORITY = COMPARATOR_NAMES[Comparator.AUTHORITY]

SCHEMA = [
    """
    CREATE TABLE IF NOT EXISTS benchmark_imports (
        id BIGINT PRIMARY KEY,
        authority VARCHAR NOT NULL,
        authority_code VARCHAR NOT NULL,
        neighbours VARCHAR NOT NULL,
        imported_at TIMESTAMP NOT NULL,
        figures INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS benchmark_figures (
        import_id BIGINT NOT NULL,
        authority_code VARCHAR NOT NULL,
        indicator VARCHAR NOT NULL,
        comparator VARCHAR NOT NULL,
        period VARCHAR NOT NULL,
        value DOUBLE,
        contributors INTEGER NOT NULL,
        missing_reason VARCHAR,
        compared_with VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        PRIMARY KEY (import_id, indicator, comparator, period)
    )
    """,
]


@dataclass(frozen=True)
class StoredBenchmark:
    """One computed benchmark as the store holds it."""

    indicator: str
    comparator: str
    period: Period
    value: float | None
    contributors: int
    missing_reason: str
    compared_with: str
    source: str

    def text(self, precision: int | None = None) -> str:
        """As a reader sees it: ``22.6``, ``12 of 151``, ``A``, or the reason there
        is no value. Values are shown at ``precision`` decimal places, if given."""
        if self.value is None:
            return self.missing_reason or "-"
        if self.comparator == "Quartile":
            return "ABCD"[int(self.value) - 1]
        if self.comparator == "Rank":
            return f"{int(self.value)} of {self.contributors}"
        if precision is None:
            return f"{self.value:g}"
        return format_number(self.value, precision)

    def as_benchmark(self) -> Benchmark:
        shown = self.text() if self.comparator in ("Rank", "Quartile") else ""
        return Benchmark(
            self.indicator, self.comparator, self.period, self.value, COMPUTED, shown
        )


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    for statement in SCHEMA:
        con.execute(statement)


def save_benchmarks(
    con: duckdb.DuckDBPyConnection,
    figures: Iterable[BenchmarkFigure],
    *,
    authority: str = "",
    authority_code: str = "",
    neighbours: str = "",
) -> int:
    """Store ``figures`` as one import for ``authority``; return how many.

    Everything happens in one transaction: if it fails, nothing is stored.
    """
    create_tables(con)
    rows = [
        (
            f.indicator, COMPARATOR_NAMES[f.comparator], str(f.period), f.value,
            f.contributors, f.reason.value if f.reason else None, f.group, f.source,
        )
        for f in figures
    ]  # fmt: skip

    con.begin()
    try:
        import_id = _next_import(con)
        con.execute(
            "INSERT INTO benchmark_imports VALUES (?, ?, ?, ?, ?, ?)",
            [import_id, authority, authority_code, neighbours, _now(), len(rows)],
        )
        con.executemany(
            "INSERT INTO benchmark_figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(import_id, authority_code, *row) for row in rows],
        )
    except BaseException:
        con.rollback()
        raise
    con.commit()

    log.info("stored %d benchmark figures for %s", len(rows), authority or "-")
    return len(rows)


@dataclass(frozen=True)
class StoreImport:
    """What :func:`import_into_store` read, computed and stored.

    ``replaced`` names the authority the store held before, when it was another.
    """

    imported: BenchmarkImport
    figures: LoadReport
    stored: int
    replaced: str = ""


def import_into_store(
    con: duckdb.DuckDBPyConnection,
    project: Project,
    *,
    authority: str | None = None,
    files: Sequence[Path] = (),
) -> StoreImport:
    """Import ``project``'s benchmarks from published statistics into its store:
    the authority's own figures as figures, every comparator as a benchmark.

    Raises InputError when the project has no ``[benchmarks]`` settings, and when
    ``files`` would import another authority than the store holds, which would
    leave figures of the one before.
    """
    settings = project.config.benchmarks
    config = project.root / "scorecard.toml"
    if settings is None:
        raise InputError(
            problem(
                config,
                "has no benchmarks table; add one naming the data folder, the "
                "authority and the files to import (docs/benchmarks.md)",
                key="benchmarks",
            )
        )
    held = imported_authority(con)
    imported = import_benchmarks(
        settings,
        project.root,
        project.indicators,
        authority=authority,
        files=files,
        config_file=str(config),
    )
    area = imported.authority
    replaced = held[0] if held is not None and held[1] != area.code else ""
    if files and replaced:
        raise InputError(
            problem(
                "FILES",
                f"the store holds {replaced}; importing {area.name} needs every "
                "file, so that no figure is left from the other authority: run "
                "without FILES",
            )
        )

    report = save_figures(
        con,
        authority_figures(imported),
        source=f"benchmarks import: {area.name} ({area.code})",
    )
    stored = save_benchmarks(
        con,
        imported.figures,
        authority=area.name,
        authority_code=area.code,
        neighbours=imported.neighbours,
    )
    return StoreImport(imported, report, stored, replaced)


def imported_authority(con: duckdb.DuckDBPyConnection) -> tuple[str, str] | None:
    """(name, code) of the authority of the latest import, or None before any."""
    create_tables(con)
    rows = con.execute(
        "SELECT authority, authority_code FROM benchmark_imports "
        "ORDER BY id DESC LIMIT 1"
    ).fetchall()
    return (str(rows[0][0]), str(rows[0][1])) if rows else None


def stored_benchmarks(con: duckdb.DuckDBPyConnection) -> list[StoredBenchmark]:
    """The current computed benchmarks, the authority's own figures included."""
    held = imported_authority(con)
    if held is None:
        return []
    rows = con.execute(
        "SELECT indicator, comparator, period, value, contributors, missing_reason, "
        "compared_with, source FROM ("
        "  SELECT *, row_number() OVER (PARTITION BY indicator, comparator, period "
        "  ORDER BY import_id DESC) AS rank FROM benchmark_figures "
        "  WHERE authority_code = ?"
        ") WHERE rank = 1 ORDER BY indicator, comparator, period",
        [held[1]],
    ).fetchall()
    return [
        StoredBenchmark(
            str(r[0]), str(r[1]), parse_period(str(r[2])), r[3], int(r[4]),
            str(r[5] or ""), str(r[6]), str(r[7]),
        )
        for r in rows
    ]  # fmt: skip


def load_benchmarks(con: duckdb.DuckDBPyConnection) -> list[Benchmark]:
    """The current computed benchmarks as the project's benchmarks (basis
    ``computed``); the authority's own figures are figures, not benchmarks, and
    are left out."""
    return [
        b.as_benchmark() for b in stored_benchmarks(con) if b.comparator != AUTHORITY
    ]


def benchmarks_for_project(con: duckdb.DuckDBPyConnection) -> list[Benchmark]:
    """What :func:`scorecards.publish.edition.session` adds to the benchmarks read
    from benchmarks.csv: every benchmark computed by the latest imports."""
    return load_benchmarks(con)


def with_imported(project: Project, con: duckdb.DuckDBPyConnection) -> Project:
    """``project`` with the benchmarks computed by its imports added to those of
    benchmarks.csv and, where ``[benchmarks] name_outputs`` is set, its outputs
    named after the imported authority."""
    merged = dataclasses.replace(
        project, benchmarks=[*project.benchmarks, *benchmarks_for_project(con)]
    )
    settings = project.config.benchmarks
    held = imported_authority(con)
    if settings is None or not settings.name_outputs or held is None:
        return merged

    named = project.config.scorecard.model_copy(
        update={"organisation": held[0], "authority": held[0]}
    )
    config = project.config.model_copy(update={"scorecard": named})
    return dataclasses.replace(merged, config=config)


def _next_import(con: duckdb.DuckDBPyConnection) -> int:
    sql = "SELECT coalesce(max(id), 0) + 1 FROM benchmark_imports"
    return int(con.execute(sql).fetchall()[0][0])


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

"""Measures: indicators computed from case records, as Ibis expressions.

:data:`MEASURES` maps an indicator id to its :class:`Measure`, whose docstring
gives the seed's definition and our reading of it. :func:`compute_figures` runs
measures over the record tables of a DuckDB store and returns figures, one per
month, area and indicator, ready for :func:`scorecards.store.database.save_figures`.

>>> from scorecards.store.database import open_store
>>> from scorecards.records.load import create_record_tables
>>> con = open_store(":memory:")
>>> create_record_tables(con)
>>> figures = compute_figures(con, Month(2020, 5), Month(2020, 5), ["FD01-C"])
>>> figures[0].indicator, str(figures[0].period), figures[0].value
('FD01-C', '2020-05', 0.0)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

import duckdb
import ibis

from scorecards.errors import InputError, problem
from scorecards.measures import early_help, social_work  # noqa: F401 (they register)
from scorecards.measures.base import REGISTRY, Context, Kind, Measure, finish
from scorecards.periods import Month
from scorecards.records.schema import TABLES
from scorecards.store.figures import Figure, Missing, Status

__all__ = [
    "MEASURES",
    "Kind",
    "Measure",
    "check_request",
    "compute_figures",
    "expression",
    "figures_on",
]

log = logging.getLogger(__name__)

MEASURES: dict[str, Measure] = REGISTRY
SOURCE = "records"  # the source named on figures computed here


def expression(
    backend: ibis.BaseBackend | None,
    measure: Measure,
    first: Month,
    last: Month,
    tables: Mapping[str, ibis.Table] | None = None,
) -> ibis.Table:
    """The finished expression of ``measure`` for ``first`` to ``last`` on ``backend``.

    Its columns are ``month``, ``area``, ``value``, ``numerator`` and
    ``denominator``. A lagged measure's months are those it looks at: the
    figure for a month is the row ``lag`` months earlier. ``tables`` are the
    record tables on ``backend``, when already looked up, or unbound tables for
    compiling to SQL (``backend`` is then None).
    """
    if tables is None:
        if backend is None:
            raise ValueError("expression needs a backend or the record tables")
        tables = record_tables(backend)
    ctx = Context(
        tables,
        first.shift(-measure.lag),
        last.shift(-measure.lag),
        district_split=measure.district_split,
    )
    return finish(ctx, measure, measure.build(ctx))


def compute_figures(
    con: duckdb.DuckDBPyConnection,
    first: Month,
    last: Month,
    ids: Iterable[str] | None = None,
    on_measure: Callable[[str], None] | None = None,
) -> list[Figure]:
    """Figures of the measures ``ids`` (all by default) for every month in a range.

    The record tables must exist in the store (they may be empty). Each measure
    gives a figure for the authority (area ``""``) and, where it has a district
    split, one for each district that a team serves, every month. A ratio with
    no denominator has no value and is marked not available. ``on_measure`` is
    called with each id once its figures are ready.
    """
    backend = ibis.duckdb.from_connection(con)
    return figures_on(backend, first, last, ids, on_measure)


def figures_on(
    backend: ibis.BaseBackend,
    first: Month,
    last: Month,
    ids: Iterable[str] | None = None,
    on_measure: Callable[[str], None] | None = None,
    fetch: Callable[[ibis.Table], list[dict[str, Any]]] | None = None,
) -> list[Figure]:
    """As :func:`compute_figures`, on any Ibis ``backend`` that holds the records.

    Each measure runs on the backend as one query; only its figures come back,
    as rows that ``fetch`` returns (by default through Arrow).
    :mod:`scorecards.measures.engines` connects to Postgres and Spark.
    """
    if fetch is None:
        fetch = _arrow_rows
    chosen = check_request(first, last, ids)
    tables = record_tables(backend)
    figures: list[Figure] = []
    for indicator in chosen:
        started = time.perf_counter()
        measure = MEASURES[indicator]
        built = expression(backend, measure, first, last, tables)
        frame = fetch(built)
        computed = [_figure(measure, row) for row in frame]
        figures += computed

        elapsed = time.perf_counter() - started
        log.info("computed %s: %d figures in %.2fs", indicator, len(computed), elapsed)
        if on_measure is not None:
            on_measure(indicator)
    return figures


def record_tables(backend: ibis.BaseBackend) -> dict[str, ibis.Table]:
    """Every record table on ``backend``, looked up once (a catalog query each)."""
    return {name: backend.table(name) for name in TABLES}


def check_request(first: Month, last: Month, ids: Iterable[str] | None) -> list[str]:
    """The measure ids asked for (all by default), once the request is checked.

    Raises InputError for an unknown id or a range that ends before it starts.
    """
    chosen = list(MEASURES) if ids is None else list(ids)
    unknown = [i for i in chosen if i not in MEASURES]
    if unknown:
        raise InputError(
            problem(
                "--indicator",
                f"no measure for {', '.join(unknown)}; measures exist for "
                f"{', '.join(MEASURES)}",
            )
        )
    if last < first:
        raise InputError(problem("--to", f"{last} is before --from {first}"))
    return chosen


def _arrow_rows(built: ibis.Table) -> list[dict[str, Any]]:
    return built.to_pyarrow().to_pylist()


def _figure(measure: Measure, row: dict[str, object]) -> Figure:
    month = row["month"]
    assert isinstance(month, date)
    value = row["value"]
    return Figure(
        indicator=measure.id,
        period=Month(month.year, month.month).shift(measure.lag),
        value=value,  # type: ignore[arg-type]
        area=str(row["area"]),
        numerator=row["numerator"],  # type: ignore[arg-type]
        denominator=row["denominator"],  # type: ignore[arg-type]
        status=Status.FINAL,
        missing=Missing.NOT_AVAILABLE if value is None else None,
        source=SOURCE,
    )

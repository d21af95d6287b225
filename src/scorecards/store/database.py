"""The store: one DuckDB file per project, holding every figure ever loaded or
computed, with when and from which file it arrived, and the case records.

Figures are never overwritten. Each load adds a row to ``loads`` and a version to
``figure_versions`` for every figure that is new or differs from the one held;
the current figures are the latest version of each (indicator, period, area).
A version that replaces a different value is a *revision*. Loading a file whose
checksum was loaded before changes nothing.

>>> con = open_store(":memory:")
>>> from scorecards.periods import Month
>>> save_figures(con, [Figure("SCS03", Month(2020, 5), 28.8)], source="example").added
1
>>> load_figures(con)[0].value
28.8
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from scorecards.errors import ScorecardError
from scorecards.periods import Period, parse_period
from scorecards.store.editions import create_tables as create_edition_tables
from scorecards.store.figures import Figure, Missing, Status

log = logging.getLogger(__name__)


class StoreError(ScorecardError, OSError):
    """The store file exists but is not a DuckDB database this package can use."""


SCHEMA = [
    """
    CREATE TABLE IF NOT EXISTS loads (
        id BIGINT PRIMARY KEY,
        source VARCHAR NOT NULL,
        checksum VARCHAR,
        loaded_at TIMESTAMP NOT NULL,
        figures INTEGER NOT NULL,
        changed INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS figure_versions (
        indicator VARCHAR NOT NULL,
        period VARCHAR NOT NULL,
        area VARCHAR NOT NULL,
        value DOUBLE,
        numerator DOUBLE,
        denominator DOUBLE,
        status VARCHAR NOT NULL,
        missing VARCHAR,
        source VARCHAR NOT NULL,
        source_row INTEGER,
        load_id BIGINT NOT NULL,
        PRIMARY KEY (indicator, period, area, load_id)
    )
    """,
    # the latest version of each figure; ``figures_as_of`` gives an earlier state
    """
    CREATE OR REPLACE VIEW figures AS
    SELECT * EXCLUDE (rank) FROM (
        SELECT *, row_number() OVER (
            PARTITION BY indicator, period, area ORDER BY load_id DESC
        ) AS rank
        FROM figure_versions
    ) WHERE rank = 1
    """,
]

_COLUMNS = (
    "indicator", "period", "area", "value", "numerator", "denominator",
    "status", "missing", "source", "source_row",
)  # fmt: skip
_SAME = " AND ".join(
    f"s.{c} IS NOT DISTINCT FROM c.{c}"
    for c in ("value", "numerator", "denominator", "status", "missing")
)


@dataclass(frozen=True)
class Revision:
    """A figure whose value changed from one load to a later one."""

    indicator: str
    period: str
    area: str
    previous: float | None
    value: float | None
    previous_source: str
    source: str
    load_id: int

    def __str__(self) -> str:
        where = f" ({self.area})" if self.area else ""
        return (
            f"{self.indicator}{where} {self.period} revised from "
            f"{_text(self.previous)} to {_text(self.value)} by {self.source}"
        )


@dataclass
class LoadReport:
    """What one load did."""

    source: str
    load_id: int | None
    added: int = 0
    unchanged: int = 0
    revisions: list[Revision] = field(default_factory=list)
    skipped: bool = False  # the same file (by checksum) was loaded before

    @property
    def changed(self) -> int:
        return self.added + len(self.revisions)


def _text(value: float | None) -> str:
    return "missing" if value is None else f"{value:g}"


def open_store(path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open (or create) the store at ``path``; ``":memory:"`` for a throwaway one.

    The record tables are created by
    :func:`scorecards.records.load.create_record_tables`.
    """
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        # a data file must never make DuckDB fetch an extension from the network
        con = duckdb.connect(
            str(path),
            config={
                "autoinstall_known_extensions": False,
                "autoload_known_extensions": False,
            },
        )
        for statement in SCHEMA:
            con.execute(statement)
        create_edition_tables(con)
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0]
        raise StoreError(
            f"{path}: cannot be opened as the project's store ({first}); "
            "move it aside or fix [store] path in scorecard.toml"
        ) from None
    return con


def file_checksum(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def save_figures(
    con: duckdb.DuckDBPyConnection,
    figures: Iterable[Figure],
    source: str,
    checksum: str | None = None,
) -> LoadReport:
    """Store ``figures`` as one load, keeping every earlier version.

    Figures identical to the ones held change nothing; new ones are added; a
    different value for a figure already held is stored as a revision. With a
    ``checksum`` that was loaded before from the same source, nothing is done.
    Everything happens in one transaction: if it fails, nothing is stored.
    """
    if checksum is not None and _seen(con, source, checksum):
        log.info("%s was loaded before (same checksum): nothing to do", source)
        return LoadReport(source, None, skipped=True)

    table = _arrow(figures, source)
    con.begin()
    try:
        report = _insert(con, table, source, checksum)
    except BaseException:
        con.rollback()
        raise
    con.commit()

    log.info(
        "loaded %s: %d new, %d revised, %d unchanged",
        source,
        report.added,
        len(report.revisions),
        report.unchanged,
    )
    return report


def _seen(con: duckdb.DuckDBPyConnection, source: str, checksum: str) -> bool:
    sql = "SELECT count(*) FROM loads WHERE source = ? AND checksum = ?"
    return bool(_scalar(con, sql, [source, checksum]))


def _scalar(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[object] | None = None
) -> int:
    """One integer from a query, reading the result to its end as DuckDB asks."""
    rows = con.execute(sql, params or []).fetchall()
    return int(rows[0][0])


def _arrow(figures: Iterable[Figure], source: str) -> pa.Table:
    rows = [
        (
            f.indicator, str(f.period), f.area, f.value, f.numerator, f.denominator,
            f.status.value, f.missing.value if f.missing else None,
            f.source or source, f.row,
        )
        for f in figures
    ]  # fmt: skip
    columns: list[tuple[object, ...]] = (
        list(zip(*rows, strict=True)) if rows else [() for _ in _COLUMNS]
    )
    types = [pa.string()] * 3 + [pa.float64()] * 3 + [pa.string()] * 3 + [pa.int32()]
    arrays = zip(_COLUMNS, columns, types, strict=True)
    return pa.table({name: pa.array(col, type=t) for name, col, t in arrays})


def _insert(
    con: duckdb.DuckDBPyConnection, table: pa.Table, source: str, checksum: str | None
) -> LoadReport:
    load_id = _scalar(con, "SELECT coalesce(max(id), 0) + 1 FROM loads")
    con.register("incoming", table)
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE staged AS "
            "SELECT s.*, c.value AS held_value, c.source AS held_source, "
            f"c.indicator IS NOT NULL AS held, {_SAME} AS same "
            "FROM incoming s LEFT JOIN figures c USING (indicator, period, area)"
        )
    finally:
        con.unregister("incoming")

    columns = ", ".join(_COLUMNS)
    con.execute(
        f"INSERT INTO figure_versions ({columns}, load_id) "
        f"SELECT {columns}, ? FROM staged WHERE NOT coalesce(same, false)",
        [load_id],
    )
    revised = con.execute(
        "SELECT indicator, period, area, held_value, value, held_source, source "
        "FROM staged WHERE held AND NOT same ORDER BY indicator, period, area"
    ).fetchall()
    added, unchanged, total = con.execute(
        "SELECT count(*) FILTER (WHERE NOT held), count(*) FILTER (WHERE same), "
        "count(*) FROM staged"
    ).fetchall()[0]
    con.execute(
        "INSERT INTO loads VALUES (?, ?, ?, ?, ?, ?)",
        [load_id, source, checksum, _now(), total, added + len(revised)],
    )
    con.execute("DROP TABLE staged")
    return LoadReport(
        source,
        load_id,
        added=added,
        unchanged=unchanged,
        revisions=[_revision(row, load_id) for row in revised],
    )


def _revision(row: tuple[object, ...], load_id: int) -> Revision:
    indicator, period, area, previous, value, previous_source, source = row
    return Revision(
        str(indicator),
        str(period),
        str(area),
        previous,  # type: ignore[arg-type]
        value,  # type: ignore[arg-type]
        str(previous_source),
        str(source),
        load_id,
    )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def latest_load(con: duckdb.DuckDBPyConnection) -> int:
    """The id of the latest load, 0 for an empty store."""
    return _scalar(con, "SELECT coalesce(max(id), 0) FROM loads")


def load_figures(
    con: duckdb.DuckDBPyConnection, as_of: int | None = None
) -> list[Figure]:
    """The current figures, or those held just after load ``as_of``."""
    rows = con.execute(
        "SELECT indicator, period, area, value, numerator, denominator, status, "
        "missing, source, source_row FROM ("
        "  SELECT *, row_number() OVER (PARTITION BY indicator, period, area "
        "  ORDER BY load_id DESC) AS rank FROM figure_versions WHERE load_id <= ?"
        ") WHERE rank = 1 ORDER BY indicator, period, area",
        [as_of if as_of is not None else latest_load(con)],
    ).fetchall()
    periods: dict[str, Period] = {}
    figures = []
    for row in rows:
        if row[1] not in periods:
            periods[row[1]] = parse_period(row[1])
        figures.append(
            Figure(
                indicator=row[0],
                period=periods[row[1]],
                area=row[2],
                value=row[3],
                numerator=row[4],
                denominator=row[5],
                status=Status(row[6]),
                missing=Missing(row[7]) if row[7] else None,
                source=row[8],
                row=row[9],
            )
        )
    return figures

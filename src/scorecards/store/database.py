"""The store: one DuckDB file holding figures and the case records they come from.

>>> con = open_store(":memory:")
>>> from scorecards.periods import Month
>>> save_figures(con, [Figure("SCS03", Month(2020, 5), 28.8)], source="example")
1
>>> load_figures(con)[0].value
28.8
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from scorecards.periods import parse_period
from scorecards.store.figures import Figure, Missing, Status

log = logging.getLogger(__name__)

_FIGURES = """
CREATE TABLE IF NOT EXISTS figures (
    indicator VARCHAR NOT NULL,
    period VARCHAR NOT NULL,
    area VARCHAR NOT NULL,
    value DOUBLE,
    numerator DOUBLE,
    denominator DOUBLE,
    status VARCHAR NOT NULL,
    missing VARCHAR,
    source VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (indicator, period, area)
)
"""


def open_store(path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open (or create) the store at ``path`` and make sure the figures table exists.

    ``":memory:"`` opens a store that lives only as long as the connection. The
    record tables are created by :func:`scorecards.records.load.create_record_tables`.
    """
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    con.execute(_FIGURES)
    return con


def save_figures(
    con: duckdb.DuckDBPyConnection, figures: Iterable[Figure], source: str
) -> int:
    """Write ``figures``, replacing any with the same indicator, period and area.

    All are written in one transaction: if one fails, none is stored. Returns the
    number written.
    """
    loaded_at = datetime.now(UTC).replace(tzinfo=None)
    rows = [
        (
            f.indicator,
            str(f.period),
            f.area,
            f.value,
            f.numerator,
            f.denominator,
            f.status.value,
            f.missing.value if f.missing else None,
            source,
            loaded_at,
        )
        for f in figures
    ]

    con.begin()
    try:
        con.executemany(
            "INSERT OR REPLACE INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )
    except BaseException:
        con.rollback()
        raise
    con.commit()

    log.info("stored %d figures from %s", len(rows), source)
    return len(rows)


def load_figures(con: duckdb.DuckDBPyConnection) -> list[Figure]:
    """Every figure in the store, ordered by indicator, period and area."""
    rows = con.execute(
        "SELECT indicator, period, area, value, numerator, denominator, status, "
        "missing, source FROM figures ORDER BY indicator, period, area"
    ).fetchall()
    return [
        Figure(
            indicator=row[0],
            period=parse_period(row[1]),
            area=row[2],
            value=row[3],
            numerator=row[4],
            denominator=row[5],
            status=Status(row[6]),
            missing=Missing(row[7]) if row[7] else None,
            source=row[8],
        )
        for row in rows
    ]

"""The SQL each measure compiles to, per engine, against reviewed snapshots.

Each snapshot under ``tests/snapshots/sql/DIALECT/ID.sql`` was read for the
portability rules of ``docs/portability.md``; the rule tests below recheck the
ones that can be seen in the text. SQL Server (``mssql``) is compiled for but
not run here, so its snapshots and rules are the only check it gets.

After a deliberate change to a measure, rewrite the snapshots with
``SCORECARDS_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_sql_snapshots.py``
and review the difference before committing it.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import ibis
import pytest
import sqlglot

from scorecards.measures import MEASURES, Kind, expression
from scorecards.measures.engines import DIALECTS, measure_sql, record_schema
from scorecards.periods import Month
from scorecards.records.schema import TABLES

SNAPSHOTS = Path(__file__).parent / "snapshots" / "sql"
FIRST, LAST = Month(2019, 7), Month(2020, 6)
UPDATE = os.environ.get("SCORECARDS_UPDATE_SNAPSHOTS") == "1"

# Measures whose SQL is known not to be valid on an engine, with the reason.
# Strict: a measure that becomes valid fails its mark and the mark must go.
NOT_VALID: dict[tuple[str, str], str] = {}

CASES = [
    pytest.param(
        indicator,
        dialect,
        id=f"{dialect}-{indicator}",
        marks=[pytest.mark.xfail(reason=NOT_VALID[indicator, dialect], strict=True)]
        if (indicator, dialect) in NOT_VALID
        else [],
    )
    for dialect in DIALECTS
    for indicator in MEASURES
]


def normalised(sql: str) -> str:
    """``sql`` with the random names of in-memory tables numbered as they appear."""
    names: dict[str, str] = {}

    def rename(found: re.Match[str]) -> str:
        return names.setdefault(found.group(0), f"memtable_{len(names) + 1}")

    text = re.sub(r"ibis_[a-z]+_memtable_[a-z0-9]+", rename, sql)
    return text.rstrip() + "\n"


@functools.cache
def compiled(indicator: str, dialect: str) -> str:
    return normalised(measure_sql(indicator, dialect, FIRST, LAST))


@pytest.mark.parametrize(("indicator", "dialect"), CASES)
def test_sql_matches_reviewed_snapshot(indicator: str, dialect: str) -> None:
    path = SNAPSHOTS / dialect / f"{indicator}.sql"
    sql = compiled(indicator, dialect)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sql, encoding="utf-8")
    assert path.is_file(), f"no snapshot {path}; write it with SCORECARDS_UPDATE_..."
    assert sql == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("indicator", "dialect"), CASES)
def test_sql_follows_the_portability_rules(indicator: str, dialect: str) -> None:
    sql = compiled(indicator, dialect).upper()

    assert "RANGE BETWEEN" not in sql  # rule 1: ROWS frames over the month spine
    assert "INTERVAL" not in sql  # rules 1 and 3: no interval arithmetic
    assert "TRUNC" not in sql  # rule 2: months are built, never truncated
    assert " FILTER (" not in sql  # SQL Server has no filtered aggregates
    # Rule 5: every division is by NULLIF(...) or by a constant.
    divisors = re.findall(r" / (\S+)", sql)
    assert all(d.startswith("NULLIF(") or d.isdigit() for d in divisors), divisors


SELECTED_PREDICATE = re.compile(
    r"^\s*\[t\d+\]\.\[\w+\] (IN \(|<=|>=|<>|=|<|>).* AS \[\w+\]$", re.MULTILINE
)


@pytest.mark.parametrize("indicator", list(MEASURES))
def test_sql_server_text_parses_and_selects_no_predicate(indicator: str) -> None:
    """T-SQL has no boolean values: a comparison is allowed in WHERE, ON, CASE
    and IIF only, so a flag must be selected as 0 or 1."""
    sql = compiled(indicator, "mssql")

    parsed = sqlglot.parse_one(sql, read="tsql")

    assert parsed.key == "select"
    assert not SELECTED_PREDICATE.search(sql)
    assert "(1 = 0)" not in sql and "(1 = 1)" not in sql  # boolean literals


@pytest.mark.parametrize("indicator", list(MEASURES))
def test_values_are_floating_point_before_any_division(indicator: str) -> None:
    """Rule 5: SQL Server would truncate an average of whole numbers."""
    tables = {name: _unbound(name) for name in TABLES}

    built = expression(None, MEASURES[indicator], FIRST, LAST, tables)

    schema = built.schema()
    assert schema["value"].is_float64()
    assert schema["numerator"].is_float64()
    if MEASURES[indicator].kind is not Kind.COUNT:
        assert schema["denominator"].is_float64()


def test_every_measure_has_a_snapshot_for_every_dialect_and_no_stale_ones() -> None:
    expected = {f"{d}/{i}.sql" for d in DIALECTS for i in MEASURES}

    found = {p.relative_to(SNAPSHOTS).as_posix() for p in SNAPSHOTS.glob("*/*.sql")}

    assert found == expected


def _unbound(name: str) -> ibis.Table:
    return ibis.table(record_schema(name), name=name)

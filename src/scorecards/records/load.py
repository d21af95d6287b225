"""Loading case records from CSV or Parquet into the store, checked row by row.

A file is named after its table: ``referrals.csv``, or ``referrals-2019.csv``
when a table comes in several files. Loading a table replaces what the store
held of it, since an extract from a case management system is a full copy.

Every row is checked before anything is written: each value has the column's
type and vocabulary, end dates are not before start dates, keys are unique and
every ``child_id`` (or team, or family) names a record that exists, in this load
or already in the store. Each problem names the file, the row (as a spreadsheet
numbers it: the header is row 1), the column and what was wrong. If any file has
a problem, nothing from the load is stored.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from scorecards.errors import InputError, Problem, problem
from scorecards.records.schema import (
    TABLES,
    Column,
    ColumnType,
    RecordTable,
    load_order,
)

log = logging.getLogger(__name__)

MAX_PROBLEMS = 100  # enough to see the pattern; the rest are counted, not listed
SUFFIXES = (".csv", ".parquet")

_INTEGER = re.compile(r"^[+-]?\d+$")
_TRUE = {"true", "1", "yes", "y"}
_FALSE = {"false", "0", "no", "n"}
_ARROW = {
    ColumnType.TEXT: pa.string(),
    ColumnType.INTEGER: pa.int64(),
    ColumnType.NUMBER: pa.float64(),
    ColumnType.DATE: pa.date32(),
    ColumnType.BOOLEAN: pa.bool_(),
}

Row = dict[str, Any]


def create_record_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create every record table that the store does not have yet."""
    for table in TABLES.values():
        con.execute(table.create_sql())


def load_files(con: duckdb.DuckDBPyConnection, paths: Iterable[Path]) -> dict[str, int]:
    """Check and store the record files at ``paths`` (files or folders of them).

    Returns the number of rows stored per table. Raises InputError listing every
    problem found, in which case nothing is stored.
    """
    files = _expand(paths)
    by_table: dict[str, list[tuple[str, list[tuple[int, Row]]]]] = {}
    problems: list[Problem] = []
    for path in files:
        table = _table_of(path, problems)
        if table is not None:
            rows = _read(path, TABLES[table], problems)
            by_table.setdefault(table, []).append((str(path), rows))

    if problems:
        raise InputError(_capped(problems))
    return _check_and_store(con, by_table)


def load_tables(
    con: duckdb.DuckDBPyConnection,
    tables: Mapping[str, Iterable[Row]],
    source: str = "records",
) -> dict[str, int]:
    """Check and store rows given as dictionaries, keyed by table name.

    Values may be Python values (dates, numbers, booleans) or their text. This is
    the way in for the synthetic county and for tests; problems name ``source``
    and the table in place of a file, and the row counts from 1.
    """
    by_table = {}
    for name, rows in tables.items():
        if name not in TABLES:
            raise InputError(
                problem(
                    source,
                    f"no record table {name!r}; expected one of {', '.join(TABLES)}",
                )
            )
        numbered = [(index, dict(row)) for index, row in enumerate(rows, start=1)]
        by_table[name] = [(f"{source}:{name}", numbered)]
    return _check_and_store(con, by_table)


def _check_and_store(
    con: duckdb.DuckDBPyConnection,
    by_table: Mapping[str, list[tuple[str, list[tuple[int, Row]]]]],
) -> dict[str, int]:
    create_record_tables(con)
    problems: list[Problem] = []
    keys: dict[str, set[tuple[Any, ...]]] = {}
    checked: dict[str, list[Row]] = {}

    for name in load_order():
        table = TABLES[name]
        if name not in by_table:
            continue
        seen: dict[tuple[Any, ...], str] = {}
        checked[name] = []
        for file, rows in by_table[name]:
            for row_number, raw in rows:
                row = _check_row(table, file, row_number, raw, keys, con, problems)
                if row is None:
                    continue
                key = tuple(row[k] for k in table.key)
                if key in seen:
                    problems.append(
                        problem(
                            file,
                            f"duplicate {_key_text(table, key)}; it is also "
                            f"in {seen[key]}",
                            row_number,
                            table.key[-1],
                        )
                    )
                    continue
                seen[key] = f"{file}, row {row_number}"
                checked[name].append(row)
        keys[name] = set(seen)

    if problems:
        raise InputError(_capped(problems))

    _store(con, checked)
    return {name: len(rows) for name, rows in checked.items()}


def _store(con: duckdb.DuckDBPyConnection, checked: Mapping[str, list[Row]]) -> None:
    con.begin()
    try:
        for name, rows in checked.items():
            table = TABLES[name]
            schema = pa.schema([(c.name, _ARROW[c.type]) for c in table.columns])
            batch = pa.Table.from_pylist(rows, schema=schema)  # noqa: F841 (read by SQL)
            con.execute(f'DELETE FROM "{name}"')
            con.execute(f'INSERT INTO "{name}" BY NAME SELECT * FROM batch')
            log.info("stored %d rows in %s", len(rows), name)
    except BaseException:
        con.rollback()
        raise
    con.commit()


def _expand(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
        elif path.exists():
            files.append(path)
        else:
            raise InputError(problem(path, "no such file or folder; check the path"))
    return files


def _table_of(path: Path, problems: list[Problem]) -> str | None:
    if path.suffix.lower() not in SUFFIXES:
        problems.append(problem(path, "not a .csv or .parquet file"))
        return None
    stem = path.stem.lower()
    for name in TABLES:
        if stem == name or stem.startswith(name + "-"):
            return name
    problems.append(
        problem(
            path,
            f"no record table is named {path.stem!r}; name the file after "
            f"one of {', '.join(TABLES)} (optionally with a -suffix)",
        )
    )
    return None


def _read(
    path: Path, table: RecordTable, problems: list[Problem]
) -> list[tuple[int, Row]]:
    """The rows of one file, numbered, after checking its columns."""
    if path.suffix.lower() == ".parquet":
        data = pq.read_table(path)
        header = data.column_names
        rows = list(enumerate(data.to_pylist(), start=1))
    else:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = list(reader.fieldnames or [])
            rows = [(reader.line_num, dict(row)) for row in reader]

    unknown = [name for name in header if name not in table.names]
    missing = [c.name for c in table.columns if c.required and c.name not in header]
    for name in unknown:
        problems.append(
            problem(
                path,
                f"unknown column; {table.name} has columns {', '.join(table.names)}",
                key=name,
            )
        )
    for name in missing:
        problems.append(problem(path, "required column is missing", key=name))
    return [] if unknown or missing else rows


def _check_row(
    table: RecordTable,
    file: str,
    row_number: int,
    raw: Row,
    keys: dict[str, set[tuple[Any, ...]]],
    con: duckdb.DuckDBPyConnection,
    problems: list[Problem],
) -> Row | None:
    """The row with typed values, or None after recording its problems."""
    before = len(problems)
    row: Row = {}
    for column in table.columns:
        try:
            row[column.name] = _value(column, raw.get(column.name))
        except ValueError as exc:
            problems.append(problem(file, str(exc), row_number, column.name))
            row[column.name] = None

    for earlier, later in table.ordered:
        start, end = row[earlier], row[later]
        if start is not None and end is not None and end < start:
            problems.append(
                problem(
                    file,
                    f"{later} {end} is before {earlier} {start}; an end "
                    "cannot come before its start",
                    row_number,
                    later,
                )
            )

    for column in table.columns:
        value = row[column.name]
        if column.references and value is not None:
            if (value,) not in _keys(column.references, keys, con):
                problems.append(
                    problem(
                        file,
                        f"unknown {_singular(column.references)} {value!r}: "
                        f"not in {column.references}; load {column.references} "
                        "first or fix the id",
                        row_number,
                        column.name,
                    )
                )
    return row if len(problems) == before else None


def _keys(
    table: str,
    keys: dict[str, set[tuple[Any, ...]]],
    con: duckdb.DuckDBPyConnection,
) -> set[tuple[Any, ...]]:
    """The keys of ``table``: from this load if it has the table, else the store's."""
    if table not in keys:
        columns = ", ".join(f'"{k}"' for k in TABLES[table].key)
        keys[table] = set(con.execute(f'SELECT {columns} FROM "{table}"').fetchall())
    return keys[table]


def _value(column: Column, raw: Any) -> Any:
    """``raw`` as the column's type; ValueError saying what was found and expected."""
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        if column.required:
            raise ValueError("missing value; this column is required")
        return None
    value = _typed(column.type, raw)

    if column.values and value not in column.values:
        allowed = ", ".join(repr(v) for v in column.values)
        raise ValueError(f"{raw!r} is not one of {allowed}")
    if column.minimum is not None and value < column.minimum:
        raise ValueError(f"{raw!r} is below the minimum {column.minimum:g}")
    return value


def _typed(kind: ColumnType, raw: Any) -> Any:
    text = raw.strip() if isinstance(raw, str) else raw
    if kind is ColumnType.TEXT:
        if isinstance(text, bool | float | date):
            raise ValueError(f"{raw!r} is not text")
        return str(text)
    if kind is ColumnType.INTEGER:
        if isinstance(text, int) and not isinstance(text, bool):
            return text
        if isinstance(text, str) and _INTEGER.match(text):
            return int(text)
        raise ValueError(f"{raw!r} is not a whole number")
    if kind is ColumnType.NUMBER:
        if isinstance(text, int | float) and not isinstance(text, bool):
            return float(text)
        try:
            return float(text)
        except (TypeError, ValueError):
            raise ValueError(f"{raw!r} is not a number") from None
    if kind is ColumnType.BOOLEAN:
        if isinstance(text, bool):
            return text
        if isinstance(text, str) and text.lower() in _TRUE | _FALSE:
            return text.lower() in _TRUE
        raise ValueError(f"{raw!r} is not true or false")
    return _date(raw, text)


def _date(raw: Any, text: Any) -> date:
    if isinstance(text, datetime):
        if text.time() != datetime.min.time():
            raise ValueError(f"{raw!r} is a date and time; expected a date")
        return text.date()
    if isinstance(text, date):
        return text
    if isinstance(text, str) and len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(f"{raw!r} is not a date; expected YYYY-MM-DD, e.g. 2020-05-31")


def _singular(table: str) -> str:
    return {"children": "child", "families": "family"}.get(table, table.rstrip("s"))


def _key_text(table: RecordTable, key: tuple[Any, ...]) -> str:
    return ", ".join(
        f"{name} {value!r}" for name, value in zip(table.key, key, strict=True)
    )


def _capped(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    note = Problem(
        file=problems[MAX_PROBLEMS].file, message=f"and {rest} more problems"
    )
    return [*problems[:MAX_PROBLEMS], note]

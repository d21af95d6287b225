"""Refused, cleaned and dropped records, kept in the project's store.

Every ``scorecards returns load`` is a *run*; its outcomes (each record refused,
cleaned or dropped, with file, row, the return's table, the child and the
reason) are kept in ``returns_outcomes`` and never written beside the input,
which may sit on a shared drive. ``scorecards returns refused`` lists them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from scorecards.returns.model import Action, Outcome

SCHEMA = (
    """
    CREATE TABLE IF NOT EXISTS returns_runs (
        run_id BIGINT PRIMARY KEY,
        loaded_at TIMESTAMP NOT NULL,
        files VARCHAR NOT NULL,
        stored BOOLEAN NOT NULL,
        summary VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS returns_outcomes (
        run_id BIGINT NOT NULL,
        action VARCHAR NOT NULL,
        file VARCHAR NOT NULL,
        row_number INTEGER,
        kind VARCHAR NOT NULL,
        child VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        rule VARCHAR NOT NULL
    )
    """,
)


_SCHEMA = pa.schema(
    [("run_id", pa.int64()), ("action", pa.string()), ("file", pa.string()),
     ("row_number", pa.int32()), ("kind", pa.string()), ("child", pa.string()),
     ("reason", pa.string()), ("rule", pa.string())]
)  # fmt: skip


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    for statement in SCHEMA:
        con.execute(statement)


def save_run(
    con: duckdb.DuckDBPyConnection,
    files: Sequence[str],
    outcomes: Iterable[Outcome],
    stored: bool,
    summary: dict[str, object],
) -> int:
    """Record a run and its outcomes; return the run's id."""
    create_tables(con)
    run = int(
        con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM returns_runs").fetchall()[
            0
        ][0]
    )
    listed = list(outcomes)
    batch = pa.table(
        {
            "run_id": pa.array([run] * len(listed), pa.int64()),
            "action": [o.action.value for o in listed],
            "file": [o.file for o in listed],
            "row_number": pa.array([o.row for o in listed], pa.int32()),
            "kind": [o.kind for o in listed],
            "child": [o.child for o in listed],
            "reason": [o.reason for o in listed],
            "rule": [o.rule for o in listed],
        },
        schema=_SCHEMA,
    )
    con.begin()
    try:
        con.execute(
            "INSERT INTO returns_runs VALUES (?, ?, ?, ?, ?)",
            [run, _now(), json.dumps(list(files)), stored, json.dumps(summary)],
        )
        con.register("incoming_outcomes", batch)
        con.execute("INSERT INTO returns_outcomes SELECT * FROM incoming_outcomes")
        con.unregister("incoming_outcomes")
    except BaseException:
        con.rollback()
        raise
    con.commit()
    return run


def latest_run(con: duckdb.DuckDBPyConnection) -> int:
    """The latest run's id; 0 when no return was ever loaded."""
    create_tables(con)
    return int(
        con.execute("SELECT coalesce(max(run_id), 0) FROM returns_runs").fetchall()[0][
            0
        ]
    )


def outcomes(
    con: duckdb.DuckDBPyConnection,
    run: int | None = None,
    actions: Iterable[Action] = (Action.REFUSED,),
) -> list[Outcome]:
    """The outcomes of ``run`` (the latest by default) of the given kinds."""
    create_tables(con)
    chosen = [a.value for a in actions]
    rows = con.execute(
        "SELECT action, file, row_number, kind, child, reason, rule "
        "FROM returns_outcomes WHERE run_id = ? AND list_contains(?, action) "
        "ORDER BY file, row_number NULLS FIRST, reason",
        [latest_run(con) if run is None else run, chosen],
    ).fetchall()
    return [Outcome(Action(r[0]), r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

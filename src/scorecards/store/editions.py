"""Editions: scorecards as published, frozen in the store.

An edition keeps everything needed to show exactly what was published: the
assessed scorecard (its JSON), the targets and commentary used, the id of the
last load it saw (so its figures can be recalled), who published it and when,
and the output files themselves with their SHA-256 checksums. Editions are never
changed; publishing a month again is a reissue, kept beside the first.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

SCHEMA = [
    """
    CREATE TABLE IF NOT EXISTS editions (
        id BIGINT PRIMARY KEY,
        month VARCHAR NOT NULL,
        issue INTEGER NOT NULL,
        published_at TIMESTAMP NOT NULL,
        published_by VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        last_load BIGINT NOT NULL,
        scorecard JSON NOT NULL,
        targets JSON NOT NULL,
        commentary JSON NOT NULL,
        UNIQUE (month, issue)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS edition_files (
        edition_id BIGINT NOT NULL,
        name VARCHAR NOT NULL,
        sha256 VARCHAR NOT NULL,
        content BLOB NOT NULL,
        PRIMARY KEY (edition_id, name)
    )
    """,
]


@dataclass(frozen=True)
class Edition:
    id: int
    month: str
    issue: int
    published_at: datetime
    published_by: str
    reason: str
    last_load: int
    files: list[tuple[str, str]]  # (name, sha256)


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    for statement in SCHEMA:
        con.execute(statement)


def list_editions(con: duckdb.DuckDBPyConnection) -> list[Edition]:
    """Every edition, oldest month first, issues in order."""
    rows = con.execute(
        "SELECT id, month, issue, published_at, published_by, reason, last_load "
        "FROM editions ORDER BY month, issue"
    ).fetchall()
    files: dict[int, list[tuple[str, str]]] = {}
    for edition_id, name, digest in con.execute(
        "SELECT edition_id, name, sha256 FROM edition_files ORDER BY edition_id, name"
    ).fetchall():
        files.setdefault(edition_id, []).append((name, digest))
    return [
        Edition(
            id=row[0],
            month=row[1],
            issue=row[2],
            published_at=row[3],
            published_by=row[4],
            reason=row[5],
            last_load=row[6],
            files=files.get(row[0], []),
        )
        for row in rows
    ]


def latest_issue(con: duckdb.DuckDBPyConnection, month: str) -> Edition | None:
    """The latest issue of ``month``'s edition, if it was published."""
    found = [e for e in list_editions(con) if e.month == month]
    return found[-1] if found else None


def previous_edition(con: duckdb.DuckDBPyConnection, month: str) -> Edition | None:
    """The edition published before one for ``month``: the latest issue of the
    latest earlier month, or the latest issue of ``month`` itself when reissuing."""
    found = [e for e in list_editions(con) if e.month <= month]
    return found[-1] if found else None


def record_edition(
    con: duckdb.DuckDBPyConnection,
    *,
    month: str,
    scorecard: dict[str, Any],
    targets: list[dict[str, Any]],
    commentary: dict[str, Any],
    files: list[Path],
    published_by: str,
    reason: str,
    last_load: int,
) -> Edition:
    """Insert an edition and its files. The caller holds the transaction."""
    rows = con.execute(
        "SELECT coalesce(max(id), 0) + 1, coalesce(max(issue) FILTER "
        "(WHERE month = ?), 0) + 1 FROM editions",
        [month],
    ).fetchall()
    edition_id, issue = int(rows[0][0]), int(rows[0][1])
    published_at = datetime.now(UTC).replace(tzinfo=None)
    con.execute(
        "INSERT INTO editions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            edition_id, month, issue, published_at, published_by, reason, last_load,
            json.dumps(scorecard), json.dumps(targets), json.dumps(commentary),
        ],
    )  # fmt: skip
    stored = []
    for path in files:
        content = path.read_bytes()
        digest = hashlib.sha256(content).hexdigest()
        con.execute(
            "INSERT INTO edition_files VALUES (?, ?, ?, ?)",
            [edition_id, path.name, digest, content],
        )
        stored.append((path.name, digest))
    return Edition(
        edition_id, month, issue, published_at, published_by, reason, last_load, stored
    )


def edition_scorecard(
    con: duckdb.DuckDBPyConnection, edition: Edition
) -> dict[str, Any]:
    """The scorecard JSON the edition froze."""
    rows = con.execute(
        "SELECT scorecard FROM editions WHERE id = ?", [edition.id]
    ).fetchall()
    return json.loads(rows[0][0])


def export_files(
    con: duckdb.DuckDBPyConnection, edition: Edition, folder: Path
) -> list[Path]:
    """Write the edition's output files, as published, into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in con.execute(
        "SELECT name, content FROM edition_files WHERE edition_id = ? ORDER BY name",
        [edition.id],
    ).fetchall():
        path = folder / name
        path.write_bytes(content)
        written.append(path)
    return written

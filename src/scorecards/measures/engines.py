"""Running the measures where the records are: DuckDB, Postgres or Spark.

An engine is named by a URL:

- ``duckdb://`` the project's store (the default), or ``duckdb://PATH`` another
  DuckDB file, opened read-only (``duckdb:///data/x.duckdb`` is absolute);
- ``postgresql://user:password@host:port/database`` (``postgres://`` too), with
  ``?schema=NAME`` when the record tables are not in the search path;
- ``spark://local[2]`` a Spark session in local mode with 2 cores (``local[1]``,
  ``local[*]`` and a cluster's master URL work too), whose record tables are
  found in its catalog, or read from Parquet folders with
  ``?records=/path/to/folder`` (one folder or file per table, named after it);
  options named ``spark.*`` are Spark settings (``&spark.driver.memory=8g``).

The measures compile to the engine's SQL and run there; only the figures come
back. :func:`copy_records` puts a store's records on an engine, for tests,
benchmarks and a first try of a warehouse; a real warehouse holds them already.

>>> url = parse_url("postgresql://analyst@127.0.0.1:5432/children")
>>> url.kind, url.target
('postgres', 'analyst@127.0.0.1:5432/children')
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

import duckdb
import ibis

from scorecards.catalogue.config import EngineSettings
from scorecards.errors import InputError, ScorecardError, problem
from scorecards.measures import MEASURES, expression, figures_on
from scorecards.periods import Month
from scorecards.records.schema import TABLES, ColumnType
from scorecards.store.figures import Figure

__all__ = [
    "DEFAULT_URL",
    "EngineSettings",
    "EngineUrl",
    "compute_on_engine",
    "connect",
    "copy_records",
    "measure_sql",
    "parse_url",
    "record_schema",
    "spark_session",
    "throwaway_postgres",
]

log = logging.getLogger(__name__)

EngineKind = Literal["duckdb", "postgres", "pyspark"]

DEFAULT_URL = "duckdb://"
SCHEMES: dict[str, EngineKind] = {
    "duckdb": "duckdb",
    "postgresql": "postgres",
    "postgres": "postgres",
    "spark": "pyspark",
    "pyspark": "pyspark",
}
DIALECTS = ("duckdb", "postgres", "pyspark", "mssql")  # what measure_sql writes
_TYPES = {
    ColumnType.TEXT: "string",
    ColumnType.INTEGER: "int64",
    ColumnType.NUMBER: "float64",
    ColumnType.DATE: "date",
    ColumnType.BOOLEAN: "boolean",
}
FORMS = (
    "duckdb:// (the project's store), duckdb:///path/to.duckdb, "
    "postgresql://user@host:port/database or spark://local[2]"
)


@dataclass(frozen=True)
class EngineUrl:
    """An engine URL, checked: its kind, what it points at and its options."""

    kind: EngineKind
    target: str  # the URL without scheme and query: a path, a server, a master
    options: dict[str, str]
    text: str

    @property
    def shown(self) -> str:
        """The URL with any password hidden, for messages and logs."""
        return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", self.text)

    @property
    def is_store(self) -> bool:
        """The URL names the project's own store (``duckdb://``)."""
        return self.kind == "duckdb" and not self.target.strip("/")


def parse_url(text: str, source: str = "--engine") -> EngineUrl:
    """Check an engine URL; InputError naming ``source`` and the forms accepted."""
    scheme, found, rest = text.strip().partition("://")
    kind = SCHEMES.get(scheme.lower())
    if kind is None or not found:
        raise InputError(
            problem(source, f"{text!r} names no engine; expected one of {FORMS}")
        )

    target, _, query = rest.partition("?")
    options = {key: values[-1] for key, values in parse_qs(query).items()}
    # A Spark master such as local[2] is no host name, so only Postgres is split.
    if kind == "postgres" and not urlsplit(f"postgresql://{target}").hostname:
        raise InputError(
            problem(source, f"{text!r} has no host; expected {FORMS.split(', ')[2]}")
        )
    if kind == "pyspark" and not target:
        target = "local[2]"
    return EngineUrl(kind, target, options, text)


def connect(
    url: EngineUrl | str, store: duckdb.DuckDBPyConnection | None = None
) -> ibis.BaseBackend:
    """An Ibis backend on the engine at ``url``.

    ``duckdb://`` needs ``store``, the open project store. Raises ScorecardError
    when the engine cannot be reached, saying which and why.
    """
    url = parse_url(url) if isinstance(url, str) else url
    if url.kind == "duckdb":
        if url.is_store:
            if store is None:
                raise ScorecardError("duckdb:// runs on the project's store; open one")
            return ibis.duckdb.from_connection(store)
        return ibis.duckdb.connect(url.target, read_only=True)

    if url.kind == "postgres":
        address = "postgresql://" + url.target
        try:
            return ibis.connect(address, **_postgres_options(url.options))
        except Exception as exc:  # psycopg's errors carry the server's reason
            raise ScorecardError(f"cannot connect to {url.shown}: {exc}") from exc

    conf = {k: v for k, v in url.options.items() if k.startswith("spark.")}
    backend = ibis.pyspark.connect(spark_session(url.target, **conf))
    if "records" in url.options:
        _register_parquet(backend, Path(url.options["records"]))
    return backend


def compute_on_engine(
    backend: ibis.BaseBackend,
    first: Month,
    last: Month,
    ids: Iterable[str] | None = None,
    on_measure: Callable[[str], None] | None = None,
) -> list[Figure]:
    """Figures of the measures ``ids`` (all by default) computed on ``backend``.

    The record tables must be there: ScorecardError names any that are not.
    """
    missing = [name for name in TABLES if not _has_table(backend, name)]
    if missing:
        raise ScorecardError(
            f"the {backend.name} engine has no record table {', '.join(missing)}; "
            "load the records there or copy them with copy_records"
        )
    fetch = _spark_rows(backend) if backend.name == "pyspark" else None
    return figures_on(backend, first, last, ids, on_measure, fetch)


def copy_records(
    store: duckdb.DuckDBPyConnection, backend: ibis.BaseBackend, folder: Path
) -> dict[str, int]:
    """Put the record tables of ``store`` on ``backend``, replacing what it held.

    Postgres receives each table by ``COPY``; Spark reads them as Parquet written
    under ``folder``, which must outlast the session's use of them. Returns the
    rows copied per table.
    """
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for name in TABLES:
        started = time.perf_counter()
        if backend.name == "postgres":
            counts[name] = _copy_to_postgres(store, backend, name, folder)
        elif backend.name == "pyspark":
            path = folder / name
            store.execute(f"COPY \"{name}\" TO '{path}.parquet' (FORMAT parquet)")
            _register_parquet(backend, folder, [name])
            counts[name] = _row_count(store, name)
        else:
            raise ScorecardError(f"copying records to {backend.name} is not supported")
        log.info(
            "copied %s to %s: %d rows in %.2fs",
            name,
            backend.name,
            counts[name],
            time.perf_counter() - started,
        )
    return counts


def record_schema(name: str) -> ibis.Schema:
    """The Ibis schema of record table ``name``, the same on every engine."""
    return ibis.schema({c.name: _TYPES[c.type] for c in TABLES[name].columns})


def measure_sql(indicator: str, dialect: str, first: Month, last: Month) -> str:
    """The SQL that measure ``indicator`` compiles to in ``dialect``, for review.

    ``dialect`` is one of duckdb, postgres, pyspark and mssql (SQL Server, which
    is compiled for but not run). The month spine, areas and working-day
    calendar appear as tables named ``ibis_pyarrow_memtable_...``: the backend
    creates them before running the query.
    """
    if dialect not in DIALECTS:
        raise InputError(
            problem("dialect", f"{dialect!r}; expected one of {', '.join(DIALECTS)}")
        )
    if dialect == "pyspark":
        ibis.pyspark  # noqa: B018 (loading the backend registers its compile options)
    tables = {name: ibis.table(record_schema(name), name=name) for name in TABLES}
    built = expression(None, MEASURES[indicator], first, last, tables)
    return str(ibis.to_sql(built, dialect=dialect))


def spark_session(master: str = "local[2]", **conf: str) -> Any:
    """The process's Spark session, made on first use for ``master``.

    In local mode it binds to 127.0.0.1 and runs no web UI. Shuffles use 4
    partitions, not Spark's 200, which are meant for a cluster; on one machine
    adaptive execution merges what is too small. ``conf`` adds or overrides
    Spark settings, such as ``spark.driver.memory``.
    """
    from pyspark.sql import SparkSession

    # The JVM picks its address before reading the settings; keep it on loopback.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    settings = {
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.driver.host": "127.0.0.1",
        "spark.driver.bindAddress": "127.0.0.1",
        "spark.sql.shuffle.partitions": "4",
        "spark.sql.session.timeZone": "UTC",
        # Arrow makes the month spine and the calendar into Spark tables quickly.
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.driver.memory": "6g",
        **conf,
    }
    builder = SparkSession.builder.master(master).appName("scorecards")
    for key, value in settings.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def _spark_rows(backend: Any) -> Callable[[ibis.Table], list[dict[str, Any]]]:
    """Rows of an expression collected from Spark as they are, not through pandas.

    Ibis collects Spark results with ``toPandas``, which warns under pandas 3; the
    figures are few, so plain rows do.
    """

    def fetch(built: ibis.Table) -> list[dict[str, Any]]:
        backend._run_pre_execute_hooks(built)  # creates the month spine and areas
        query = backend._session.sql(backend.compile(built))
        # PySpark leaves the result's socket for the garbage collector to close.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            rows = query.collect()
        return [row.asDict() for row in rows]

    return fetch


def _postgres_options(options: dict[str, str]) -> dict[str, Any]:
    return {"schema": options["schema"]} if "schema" in options else {}


def _register_parquet(
    backend: ibis.BaseBackend, folder: Path, names: Iterable[str] = TABLES
) -> None:
    """Make each table a view of ``folder/NAME`` or ``folder/NAME.parquet``."""
    session = backend._session  # type: ignore[attr-defined]
    for name in names:
        path = folder / name
        if not path.exists():
            path = folder / f"{name}.parquet"
        if path.exists():
            session.read.parquet(str(path)).createOrReplaceTempView(name)


def _has_table(backend: ibis.BaseBackend, name: str) -> bool:
    try:
        backend.table(name)
    except Exception:  # each backend raises its own kind of "no such table"
        return False
    return True


def _row_count(store: duckdb.DuckDBPyConnection, name: str) -> int:
    row = store.execute(f'SELECT count(*) FROM "{name}"').fetchone()
    return int(row[0]) if row else 0


def _copy_to_postgres(
    store: duckdb.DuckDBPyConnection,
    backend: ibis.BaseBackend,
    name: str,
    folder: Path,
) -> int:
    """Create ``name`` on Postgres with the store's column types and COPY it in."""
    schema = record_schema(name)
    backend.create_table(name, schema=schema, overwrite=True)
    path = folder / f"{name}.csv"
    store.execute(f"COPY \"{name}\" TO '{path}' (FORMAT csv, HEADER true)")

    columns = ", ".join(f'"{c}"' for c in schema.names)
    con = backend.con  # type: ignore[attr-defined]
    with con.cursor() as cursor, con.transaction():
        statement = f'COPY "{name}" ({columns}) FROM STDIN (FORMAT csv, HEADER true)'
        with cursor.copy(statement) as copy, path.open("rb") as handle:
            while block := handle.read(1 << 20):
                copy.write(block)
    path.unlink()
    return _row_count(store, name)


# A Postgres server of our own, for the tests and the benchmarks.


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Start an empty Postgres server on 127.0.0.1 and yield its URL; stop it after.

    Uses the newest server under /usr/lib/postgresql (Debian's ``postgresql``
    package). Postgres refuses to run as root, so as root the server runs as the
    ``postgres`` user, which the package creates. Raises ScorecardError when the
    binaries are missing or the server does not start.
    """
    bin_dir = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="scorecards-pg-"))
    data = folder / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]

    port = _free_port()
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off"
    _run([*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "scorecards",
          "--auth=trust", "-E", "UTF8", "--no-sync"])  # fmt: skip
    _run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-l",
          str(folder / "server.log"), "-o", options, "-w", "start"])  # fmt: skip
    try:
        yield f"postgresql://scorecards@127.0.0.1:{port}/postgres"
    finally:
        _run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast",
              "-w", "stop"])  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def postgres_bin() -> Path:
    """The newest Postgres server's bin folder; ScorecardError if there is none."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: (
            int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0
        ),
    )
    if not found:
        raise ScorecardError(
            "no Postgres server: /usr/lib/postgresql/*/bin/initdb is missing; "
            "install Debian's postgresql package (apt-get install postgresql)"
        )
    return found[-1].parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = done.stderr.strip() or done.stdout.strip()
        raise ScorecardError(
            f"{' '.join(command)} failed with exit code {done.returncode}: {said}"
        )

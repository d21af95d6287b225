"""The measures on Postgres and Spark give the figures DuckDB gives.

One synthetic county (two years of records) is loaded into a DuckDB store,
copied to a Postgres server started for the session and to a Spark session in
local mode, and every measure is computed on each for the twelve months to June
2020. Counts and whole-number sums must match exactly, sums of FTE to the last
few bits (the engines add them in different orders), values within 1e-9.

Postgres: ``SCORECARDS_POSTGRES_URL`` names a running server (``.ci/run`` starts
one); otherwise the fixture starts its own from /usr/lib/postgresql. Spark needs
``java`` (Debian's ``openjdk-17-jre-headless``). Without them these tests fail in
CI (``CI=true``) and are skipped elsewhere, saying what is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import ibis
import pytest

from scorecards.errors import InputError, ScorecardError
from scorecards.measures import MEASURES, Kind, compute_figures
from scorecards.measures.engines import (
    compute_on_engine,
    connect,
    copy_records,
    parse_url,
    postgres_bin,
    spark_session,
    throwaway_postgres,
)
from scorecards.periods import Month
from scorecards.records.load import load_tables
from scorecards.records.schema import TABLES
from scorecards.store.database import open_store
from scorecards.store.figures import Figure
from scorecards.synth import generate

FIRST, LAST = Month(2019, 7), Month(2020, 6)
Key = tuple[str, str, str]


def unavailable(reason: str) -> None:
    """Fail in CI, where the engines must be there; skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI must install it: see .ci/run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def county() -> Iterator[duckdb.DuckDBPyConnection]:
    con = open_store(":memory:")
    load_tables(con, generate(years=2, seed=7, end=LAST), "synth")
    yield con
    con.close()


@pytest.fixture(scope="session")
def on_duckdb(county: duckdb.DuckDBPyConnection) -> dict[Key, Figure]:
    return keyed(compute_figures(county, FIRST, LAST))


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    given = os.environ.get("SCORECARDS_POSTGRES_URL")
    if given:
        yield given
        return
    try:
        postgres_bin()
    except ScorecardError as exc:
        unavailable(str(exc))
    with throwaway_postgres() as url:
        yield url


@pytest.fixture(scope="session")
def spark() -> Iterator[ibis.BaseBackend]:
    if shutil.which("java") is None:
        unavailable("no java on PATH: install Debian's openjdk-17-jre-headless")
    try:
        import pyspark  # noqa: F401
    except ImportError:
        unavailable("pyspark is not installed: pip install -e '.[engines]'")
    session = spark_session("local[2]")
    yield ibis.pyspark.connect(session)
    session.stop()


def keyed(figures: list[Figure]) -> dict[Key, Figure]:
    return {(f.indicator, str(f.period), f.area): f for f in figures}


def assert_same_figures(found: dict[Key, Figure], expected: dict[Key, Figure]) -> None:
    assert sorted(found) == sorted(expected)
    for key, want in expected.items():
        got = found[key]
        assert got.numerator == pytest.approx(want.numerator, rel=1e-12), key
        if want.denominator is None:
            assert got.denominator is None, key
        else:
            assert got.denominator == pytest.approx(want.denominator, rel=1e-12), key
        if want.value is None:
            assert got.value is None, key
        else:
            assert got.value == pytest.approx(want.value, rel=0, abs=1e-9), key
        assert got.missing == want.missing, key


def test_the_county_gives_every_measure_figures_worth_comparing(
    on_duckdb: dict[Key, Figure],
) -> None:
    for indicator, measure in MEASURES.items():
        mine = [f for f in on_duckdb.values() if f.indicator == indicator]
        assert len(mine) >= 12, indicator
        assert any(f.numerator for f in mine), f"{indicator} counts nothing"
        if measure.kind is not Kind.COUNT:
            assert any(f.value for f in mine), f"{indicator} has no value"


def test_postgres_gives_the_figures_duckdb_gives(
    county: duckdb.DuckDBPyConnection,
    on_duckdb: dict[Key, Figure],
    postgres_url: str,
    tmp_path: Path,
) -> None:
    backend = connect(postgres_url)
    try:
        counts = copy_records(county, backend, tmp_path)
        found = keyed(compute_on_engine(backend, FIRST, LAST))
    finally:
        backend.disconnect()

    assert counts["referrals"] > 3000
    assert_same_figures(found, on_duckdb)


def test_spark_gives_the_figures_duckdb_gives(
    county: duckdb.DuckDBPyConnection,
    on_duckdb: dict[Key, Figure],
    spark: ibis.BaseBackend,
    tmp_path: Path,
) -> None:
    copy_records(county, spark, tmp_path)

    found = keyed(compute_on_engine(spark, FIRST, LAST))

    assert_same_figures(found, on_duckdb)


def test_spark_reads_records_from_parquet_where_they_are(
    county: duckdb.DuckDBPyConnection,
    on_duckdb: dict[Key, Figure],
    spark: ibis.BaseBackend,
    tmp_path: Path,
) -> None:
    for name in TABLES:
        county.execute(
            f"COPY \"{name}\" TO '{tmp_path / name}.parquet' (FORMAT parquet)"
        )

    backend = connect(f"spark://local[2]?records={tmp_path}")
    found = keyed(compute_on_engine(backend, LAST, LAST, ["SCS02"]))

    assert found == {
        k: f for k, f in on_duckdb.items() if k[:2] == ("SCS02", "2020-06")
    }


def test_an_engine_without_the_record_tables_is_named_with_what_is_missing(
    postgres_url: str,
) -> None:
    empty = urlsplit(postgres_url)._replace(path="/template1").geturl()
    backend = connect(empty)
    try:
        with pytest.raises(ScorecardError, match="no record table teams, population"):
            compute_on_engine(backend, FIRST, LAST, ["FD01-C"])
    finally:
        backend.disconnect()


@pytest.mark.parametrize(
    ("url", "kind", "target", "options"),
    [
        ("duckdb://", "duckdb", "", {}),
        ("duckdb:///data/store.duckdb", "duckdb", "/data/store.duckdb", {}),
        ("postgresql://a@127.0.0.1:5433/kids", "postgres", "a@127.0.0.1:5433/kids", {}),
        ("postgres://h/db?schema=records", "postgres", "h/db", {"schema": "records"}),
        ("spark://local[2]", "pyspark", "local[2]", {}),
        ("spark://", "pyspark", "local[2]", {}),
        ("spark://local[1]?records=/x", "pyspark", "local[1]", {"records": "/x"}),
    ],
)
def test_engine_urls_name_the_engine_and_its_options(
    url: str, kind: str, target: str, options: dict[str, str]
) -> None:
    parsed = parse_url(url)

    assert (parsed.kind, parsed.target, parsed.options) == (kind, target, options)


def test_a_password_in_an_engine_url_is_not_shown() -> None:
    url = parse_url("postgresql://analyst:s3cret@127.0.0.1:1/db")

    assert url.shown == "postgresql://analyst:***@127.0.0.1:1/db"


def test_an_unreachable_server_is_named_without_its_password() -> None:
    with pytest.raises(ScorecardError, match=r"cannot connect to .*analyst:\*\*\*@"):
        connect("postgresql://analyst:s3cret@127.0.0.1:1/db")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://h/db", "'mysql://h/db' names no engine; expected one of duckdb://"),
        ("store.duckdb", "'store.duckdb' names no engine"),
        ("postgresql:///db", "'postgresql:///db' has no host"),
    ],
)
def test_a_bad_engine_url_says_what_was_expected(url: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("[", r"\[")) as raised:
        parse_url(url)

    assert str(raised.value).startswith("--engine: ")

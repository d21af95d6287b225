"""Time and memory of computing every measure at county, region and England size.

Run: .venv/bin/python benchmarks/measures.py [--sizes county region england]
     [--engines duckdb pyspark postgres] [--work DIR]

Sizes, each ten years of records to June 2020, computed for the 120 months to
June 2020, for the whole and every district:

- county: about 250,000 referrals;
- region: four times that;
- England: about 6 million referrals, and the other records in proportion.

They are built from the seeded synthetic county (``scorecards.synth``), ten
years of it from each of two seeds, copied as many times as the size needs: each
copy ("tile") has its own ids and its own four districts, so every size has
districts to split by and the whole is the sum of the tiles. The records are
built once into ``WORK/SIZE.duckdb`` and ``WORK/SIZE-parquet/`` and reused.

Each engine runs in a child process. Wall time is the time to compute every
measure on records already on the engine (loading them is timed apart); rows
per second are record rows over that time; peak memory is the largest resident
set of the child and every process under it (Spark's JVM), and for Postgres of
the server's processes too, sampled every 0.2 seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TILES = {"county": 6, "region": 24, "england": 150}  # a tile is ~39,000 referrals
SEEDS = (11, 12)
YEARS = 10
DUCKDB_MEMORY = "6GB"  # DuckDB's own limit, under the 8 GB the aim allows
SPARK_MEMORY = "12g"


def build(size: str, work: Path) -> tuple[Path, Path]:
    """The DuckDB file and Parquet folder of ``size``, built if absent."""
    import duckdb

    from scorecards.periods import Month
    from scorecards.records.load import create_record_tables, load_tables
    from scorecards.records.schema import TABLES
    from scorecards.store.database import open_store
    from scorecards.synth import generate

    path, parquet = work / f"{size}.duckdb", work / f"{size}-parquet"
    if path.exists() and parquet.exists():
        return path, parquet

    started = time.perf_counter()
    work.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    con = duckdb.connect(str(partial))
    create_record_tables(con)
    tiles = TILES[size]
    for offset, seed in enumerate(SEEDS):
        base = open_store(":memory:")
        load_tables(base, generate(years=YEARS, seed=seed, end=Month(2020, 6)))
        for name, table in TABLES.items():
            source = base.table(name).arrow()  # noqa: F841 (read by the SQL below)
            columns = ", ".join(_tiled(column) for column in table.columns)
            con.execute(
                f'INSERT INTO "{name}" SELECT {columns} FROM source '
                f"CROSS JOIN range({offset}, {tiles}, {len(SEEDS)}) AS tiles(tile)"
            )
        base.close()

    parquet.mkdir(exist_ok=True)
    for name in TABLES:
        con.execute(f"COPY \"{name}\" TO '{parquet / name}.parquet' (FORMAT parquet)")
    con.close()
    partial.rename(path)
    print(f"built {size} in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return path, parquet


def _tiled(column: object) -> str:
    """The column's value in a tile: ids and districts made the tile's own."""
    from scorecards.records.schema import Column, ColumnType

    assert isinstance(column, Column)
    name = f'"{column.name}"'
    own = column.name.endswith("_id") or column.name in ("district", "area")
    if column.type is ColumnType.TEXT and own:
        return f"CASE WHEN {name} IS NULL THEN NULL ELSE {name} || '~' || tile END"
    return name


def run(engine: str, path: Path, parquet: Path) -> dict[str, object]:
    """Compute every measure for 120 months on ``engine``; runs in the child."""
    import duckdb
    import ibis

    from scorecards.measures.engines import (
        compute_on_engine,
        connect,
        copy_records,
        throwaway_postgres,
    )
    from scorecards.periods import Month
    from scorecards.records.schema import TABLES

    first, last = Month(2010, 7), Month(2020, 6)
    store = duckdb.connect(str(path), read_only=True)
    counts = {name: _count(store, name) for name in TABLES}
    rows, referrals = sum(counts.values()), counts["referrals"]
    result: dict[str, object] = {"rows": rows, "referrals": referrals}

    if engine == "duckdb":
        store.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'; SET threads = 2")
        backend = ibis.duckdb.from_connection(store)
        result |= _timed(lambda: compute_on_engine(backend, first, last))
    elif engine == "pyspark":
        url = f"spark://local[2]?records={parquet}&spark.driver.memory={SPARK_MEMORY}"
        started = time.perf_counter()
        backend = connect(url)
        result["load_s"] = time.perf_counter() - started  # the session's start
        result |= _timed(lambda: compute_on_engine(backend, first, last))
    else:
        with throwaway_postgres() as url:
            backend = connect(url)
            _report_server(url)
            started = time.perf_counter()
            copy_records(store, backend, path.parent / "postgres-copy")
            backend.raw_sql("ANALYZE")
            result["load_s"] = time.perf_counter() - started
            result |= _timed(lambda: compute_on_engine(backend, first, last))
            backend.disconnect()
    return result


def _count(store: object, name: str) -> int:
    row = store.execute(f'SELECT count(*) FROM "{name}"').fetchone()  # type: ignore[attr-defined]
    return int(row[0])


def _timed(compute: object) -> dict[str, object]:
    assert callable(compute)
    started = time.perf_counter()
    figures = compute()
    return {"wall_s": time.perf_counter() - started, "figures": len(figures)}


def _report_server(url: str) -> None:
    """Tell the parent the Postgres server's process, whose memory counts too."""
    import psycopg

    with psycopg.connect(url) as con:
        row = con.execute("SELECT pid FROM pg_stat_activity LIMIT 1").fetchone()
    parent = _parent_of(int(row[0])) if row else None
    print(json.dumps({"server_pid": parent}), flush=True)


def _parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


# Peak memory of a process tree, read from /proc.


def _tree_rss(roots: list[int]) -> int:
    """Resident bytes of the processes ``roots`` and all their descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")

    total, stack, seen = 0, list(roots), set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


def measure(engine: str, size: str, path: Path, parquet: Path) -> dict[str, object]:
    """Run one engine on one size in a child process, sampling its memory."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--child", engine, str(path), str(parquet)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    roots, peak, done = [child.pid], 0, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(roots))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    result: dict[str, object] = {}
    assert child.stdout is not None
    for line in child.stdout:
        if not line.startswith("{"):
            continue  # anything an engine prints on its own
        message = json.loads(line)
        if "server_pid" in message:
            roots.append(int(message["server_pid"]))
        else:
            result = message
    child.wait()
    done.set()
    sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"{engine} on {size} failed ({child.returncode})")
    wall = float(result["wall_s"])  # type: ignore[arg-type]
    return {
        "size": size,
        "engine": engine,
        **result,
        "rows_per_s": float(result["rows"]) / wall,  # type: ignore[arg-type]
        "peak_mb": peak / 2**20,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=list(TILES), choices=TILES)
    parser.add_argument(
        "--engines",
        nargs="+",
        default=["duckdb", "pyspark"],
        choices=["duckdb", "pyspark", "postgres"],
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/scorecards-bench"))
    parser.add_argument("--json", type=Path, help="Also write the results here.")
    args = parser.parse_args()

    results = []
    header = (
        f"{'size':<8} {'engine':<8} {'referrals':>10} {'rows':>11} "
        f"{'load s':>7} {'wall s':>7} {'rows/s':>11} {'peak MB':>8}"
    )
    print(header)
    for size in args.sizes:
        path, parquet = build(size, args.work)
        for engine in args.engines:
            row = measure(engine, size, path, parquet)
            results.append(row)
            print(
                f"{size:<8} {engine:<8} {row['referrals']:>10,} {row['rows']:>11,} "
                f"{row.get('load_s', 0.0):>7.1f} {row['wall_s']:>7.1f} "
                f"{row['rows_per_s']:>11,.0f} {row['peak_mb']:>8,.0f}",
                flush=True,
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        outcome = run(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
        print(json.dumps(outcome), flush=True)
    else:
        main()

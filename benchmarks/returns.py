"""Time loading ten years of SSDA903 and CIN census returns for a large county.

The returns are written by :mod:`scorecards.returns.synth_formats` from the
seeded synthetic county, in the same formats councils produce, to a temporary
folder; only the load into a fresh store is timed. The issue's bar is 30 seconds.

    .venv/bin/python benchmarks/returns.py [--years 10] [--seed 1]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from scorecards.records.load import create_record_tables
from scorecards.returns.load import load_returns
from scorecards.returns.synth_formats import write_returns
from scorecards.store.database import open_store

LIMIT = 30.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "returns"
        started = time.perf_counter()
        written = write_returns(folder, years=args.years, seed=args.seed)
        print(
            f"wrote {sum(written.values())} records in {len(list(folder.iterdir()))} "
            f"files in {time.perf_counter() - started:.1f}s: {written}"
        )

        con = open_store(Path(tmp) / "store.duckdb")
        create_record_tables(con)
        started = time.perf_counter()
        summary = load_returns(con, [folder])
        elapsed = time.perf_counter() - started
        con.close()

    print(f"read {sum(summary.read.values())} records, stored {summary.stored}")
    print(f"refused {len(summary.refused)}, merged {sum(summary.merged.values())}")
    verdict = "within" if elapsed < LIMIT else "OVER"
    print(
        f"loaded {args.years} years of returns in {elapsed:.1f}s ({verdict} the "
        f"{LIMIT:.0f}s limit)"
    )


if __name__ == "__main__":
    main()

"""Time reading every Department for Education file in a folder.

    python benchmarks/import_dfe.py [FOLDER]

FOLDER defaults to ../shared/data/dfe beside the repository. Prints each file's
kind, rows and time, then the total; exits 1 when the total exceeds the budget of
10 seconds that issue 6 sets.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from scorecards.benchmarks import detect_model, read_dfe, read_neighbours

BUDGET_SECONDS = 10.0
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "dfe"


def _is_grouping(path: Path) -> bool:
    with path.open(encoding="utf-8-sig") as handle:
        header = handle.readline().strip().split(",")
    try:
        detect_model(path, header)
    except ValueError:
        return False
    return True


def main(folder: Path) -> int:
    files = sorted(folder.glob("*.csv"))
    if not files:
        print(f"{folder}: no CSV files", file=sys.stderr)
        return 2

    total_rows = 0
    start = time.perf_counter()
    for path in files:
        began = time.perf_counter()
        if _is_grouping(path):
            groups = read_neighbours(path)
            rows, what = len(groups.groups), f"neighbours {groups.model.value}"
        else:
            table = read_dfe(path)
            rows, what = len(table.rows), table.kind.value
        total_rows += rows
        took = time.perf_counter() - began
        print(f"{path.name:<72} {what:<20} {rows:>7} rows {took:6.2f} s")
    elapsed = time.perf_counter() - start

    print(f"read {len(files)} files, {total_rows} rows in {elapsed:.2f} s")
    if elapsed > BUDGET_SECONDS:
        print(f"over the budget of {BUDGET_SECONDS:.0f} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))

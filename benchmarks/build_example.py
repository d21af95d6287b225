"""Time and peak memory of building the bundled example, as a user's command does.

Run: .venv/bin/python benchmarks/build_example.py [--repeat 5]

Each build is ``scorecards build`` in a fresh process on a copy of the example
(so the first run loads its figure files into a new store, and later runs find
them loaded), for the default layout and the SPC layout, which adds a sparkline
to every KPI row and an appendix of 74 SPC charts. Wall time is reported as the
best and the median of the runs: timings on a shared machine vary by a third
from run to run. Peak memory is the largest resident set of any one process of
the build (the command or a PDF worker).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kent-cype-2020-05"
CASES = [
    ("directorate", "json"),
    ("directorate", "html"),
    ("directorate", "pdf"),
    ("directorate", "html,pdf"),
    ("directorate-spc", "pdf"),
    ("directorate-spc", "html,pdf"),
]


def run(project: Path, layout: str, formats: str, out: Path) -> tuple[float, float]:
    """Wall seconds and peak MiB of one build."""
    command = [
        sys.executable,
        "-m",
        "scorecards",
        "build",
        str(project),
        "--month",
        "2020-05",
        "--layout",
        layout,
        "--format",
        formats,
        "--out",
        str(out),
    ]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    print(f"example: {EXAMPLE.relative_to(ROOT)}, {args.repeat} runs each")
    with tempfile.TemporaryDirectory() as work:
        project = Path(work) / "example"
        shutil.copytree(
            EXAMPLE, project, ignore=shutil.ignore_patterns("store.duckdb*")
        )
        run(project, "directorate", "json", Path(work) / "warm")  # loads the store
        for layout, formats in CASES:
            times, peak = [], 0.0
            for _ in range(args.repeat):
                wall, peak = run(project, layout, formats, Path(work) / "out")
                times.append(wall)
            print(
                f"{layout:>16} {formats:>9}: best {min(times):.2f} s, "
                f"median {statistics.median(times):.2f} s, "
                f"worst {max(times):.2f} s; peak {peak:.0f} MiB",
                flush=True,
            )


if __name__ == "__main__":
    main()

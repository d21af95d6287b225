"""Time and peak memory of building the bundled example as HTML and PDF.

Run: .venv/bin/python benchmarks/build_example.py [--repeat 3]

Each build runs in a fresh child process, so the figures include loading the
project, assessment, templates and WeasyPrint, as a user's `scorecards build` does.
Peak memory is the child's maximum resident set size.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kent-cype-2020-05"
CHILD = """
import sys, time
from pathlib import Path
started = time.perf_counter()
from scorecards.catalogue.project import load_project
from scorecards.periods import Month
from scorecards.publish.build import build
project = load_project(Path(sys.argv[1]))
build(project, Month(2020, 5), Path(sys.argv[2]), sys.argv[3].split(","))
print(time.perf_counter() - started)
"""


def run(formats: str) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(EXAMPLE), out, formats],
            check=True,
            capture_output=True,
            text=True,
        )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return float(done.stdout.strip()), max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    print(f"example: {EXAMPLE.relative_to(ROOT)}")
    for formats in ("json", "html", "pdf", "html,pdf"):
        times, peaks = [], []
        for _ in range(args.repeat):
            wall = time.perf_counter()
            inner, peak = run(formats)
            times.append(time.perf_counter() - wall)
            peaks.append(peak)
        print(
            f"{formats:>9}: wall {min(times):.2f} s best of {args.repeat} "
            f"(in-process {inner:.2f} s), peak RSS {max(peaks):.0f} MiB"
        )


if __name__ == "__main__":
    main()

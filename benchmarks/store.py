"""Time to load ten years of monthly figures into a project's store, and to build
a scorecard from that store.

Run: .venv/bin/python benchmarks/store.py [--indicators 200] [--areas 15] [--years 10]

A throwaway project is written to a temporary folder: the indicators, a target
each, one KPI table of every indicator, and one CSV of figures for every month,
indicator and area (the authority plus the areas). The figures file is read,
checked and stored with `scorecards load`'s code; the build opens the store,
reads every figure back, assesses and renders HTML and JSON.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from scorecards.catalogue.figure_files import read_figure_file
from scorecards.catalogue.project import load_project
from scorecards.periods import Month
from scorecards.publish.edition import build_draft, session
from scorecards.store import database


def write_project(root: Path, indicators: int, areas: int, years: int) -> Path:
    ids = [f"K{n:03d}" for n in range(indicators)]
    (root / "indicators").mkdir(parents=True)
    (root / "layouts").mkdir()
    (root / "figures").mkdir()
    (root / "scorecard.toml").write_text(
        '[scorecard]\nname = "Benchmark"\nlayout = "main"\n'
    )
    (root / "indicators" / "all.yaml").write_text(
        "".join(f"- {{id: {i}, title: Indicator {i}, polarity: H}}\n" for i in ids)
    )
    (root / "targets.csv").write_text(
        "indicator,year,target,floor\n" + "".join(f"{i},2020-21,50,40\n" for i in ids)
    )
    (root / "layouts" / "main.yaml").write_text(
        "id: main\ntitle: Benchmark\nsections:\n"
        "  - {kind: kpi_table, id: kpis, title: KPIs, periods: 12, rows: ["
        + ", ".join(ids)
        + "]}\n"
    )

    rng = random.Random(1)
    last = Month(2020, 5)
    months = [last.shift(-k) for k in range(years * 12)]
    names = [""] + [f"Area {n}" for n in range(areas)]
    figures = root.parent / "figures.csv"
    with figures.open("w") as handle:
        handle.write("indicator,period,area,value\n")
        for i in ids:
            for area in names:
                for month in months:
                    handle.write(f"{i},{month},{area},{rng.uniform(30, 70):.1f}\n")
    return figures


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=200)
    parser.add_argument("--areas", type=int, default=15)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        figures_file = write_project(root, args.indicators, args.areas, args.years)
        known = set(load_project(root).indicators)

        started = time.perf_counter()
        figures = read_figure_file(figures_file, known)
        read = time.perf_counter() - started
        with session(root) as current:
            report = database.save_figures(current.con, figures, str(figures_file))
        loaded = time.perf_counter() - started
        print(
            f"load: {len(figures):,} figures ({args.indicators} indicators x "
            f"{args.areas + 1} areas x {args.years * 12} months) in {loaded:.2f} s "
            f"(reading and checking {read:.2f} s, storing {loaded - read:.2f} s); "
            f"{report.added:,} stored"
        )

        started = time.perf_counter()
        with session(root) as current:
            again = database.save_figures(current.con, figures, str(figures_file))
        print(
            f"reload of the same figures: {time.perf_counter() - started:.2f} s, "
            f"{again.changed} changed"
        )

        started = time.perf_counter()
        result, _ = build_draft(root, Month(2020, 5), root / "out", ["html", "json"])
        built = time.perf_counter() - started
        rows = sum(len(getattr(s, "rows", [])) for s in result.view.sections)
        print(f"build from the store: {rows} rows as HTML and JSON in {built:.2f} s")
        print(f"peak memory: {peak_mib():.0f} MiB")


if __name__ == "__main__":
    main()

"""The synthetic county: seeded, loadable, near the seed's rates, and buildable.

One run of ``scorecards synth --years 6 --seed 1`` and ``scorecards compute`` on a
copy of ``examples/synthetic-county`` is shared by the tests below (about ten
seconds).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorecards.cli import app
from scorecards.periods import Month
from scorecards.store.database import load_figures, open_store
from scorecards.store.figures import Figure
from scorecards.synth import generate

pytestmark = pytest.mark.slow  # the shared run takes about ten seconds

EXAMPLE = Path(__file__).parent.parent / "examples" / "synthetic-county"
MONTHS = [str(Month(2019, 11).shift(k)) for k in range(7)]

# (low, high) for the authority's figure in every month from Nov 2019 to May 2020;
# the seed's values for those months are in the comment.
RANGES = {
    "SCS02": (560, 740),  # 634.4 to 669.8
    "SCS03": (25, 31),  # 27.5 to 28.8
    "SCS08": (88, 97),  # 92.3 to 93.2
    "SCS13": (16, 27),  # 21.8 to 23.2
    "SCS18": (62, 78),  # 69.4 to 74.4
    "SCS19": (74, 85),  # 78.5 to 79.7
    "SCS29": (240, 430),  # 325.0 to 341.4
    "SCS34": (52, 74),  # 61.9 to 62.8
    "SCS37": (75, 89),  # 79.5 to 82.8
    "SCS40": (82, 97),  # 87.5 to 93.3
    "SCS42": (12.5, 15.5),  # 13.7 to 14.2
    "SCS43": (18, 23),  # 18.3 to 22.8
    "EH16-F": (9, 18),  # 11.3 to 13.6
    "EH52-F": (40, 72),  # 56.1 to 61.8; a month's ~140 assessments vary by +-8
    "EH71-C": (420, 620),  # 469.6 to 542.3 (Jan to May)
    "EH72-F": (19, 27),  # 22.4 to 23.1
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("county") / "synthetic-county"
    shutil.copytree(
        EXAMPLE, folder, ignore=shutil.ignore_patterns("records", "*.duckdb*", "out")
    )
    runner = CliRunner()

    made = runner.invoke(app, ["synth", str(folder), "--years", "6", "--seed", "1"])
    assert made.exit_code == 0, made.output
    computed = runner.invoke(
        app, ["compute", str(folder), "--from", "2019-11", "--to", "2020-05"]
    )
    assert computed.exit_code == 0, computed.output
    return folder


@pytest.fixture(scope="module")
def stored(project: Path) -> dict[tuple[str, str, str], Figure]:
    con = open_store(project / "store.duckdb")
    try:
        return {f.key: f for f in load_figures(con)}
    finally:
        con.close()


def test_the_same_seed_gives_the_same_records_and_another_seed_does_not() -> None:
    first = generate(years=1, seed=7, end=Month(2020, 6))
    again = generate(years=1, seed=7, end=Month(2020, 6))
    other = generate(years=1, seed=8, end=Month(2020, 6))

    assert first == again
    assert first["referrals"] != other["referrals"]


def test_synth_writes_one_csv_per_table(project: Path) -> None:
    names = sorted(p.stem for p in (project / "records").glob("*.csv"))
    assert "referrals" in names and "front_door_contacts" in names and len(names) == 18


@pytest.mark.parametrize("indicator", sorted(RANGES))
def test_synthetic_figures_are_near_the_seeds(stored, indicator: str) -> None:
    low, high = RANGES[indicator]
    values = [stored[(indicator, month, "")].value for month in MONTHS]
    assert all(v is not None and low <= v <= high for v in values), values


def test_every_district_has_figures_and_front_door_only_the_authority(stored) -> None:
    areas = {area for (indicator, _, area) in stored if indicator == "SCS03"}
    assert areas == {"", "Eastmoor", "Fenwick Vale", "Gorsebrook", "Hollinsea"}
    assert {area for (indicator, _, area) in stored if indicator == "FD01-C"} == {""}

    # Referrals count towards one team's district each, so the districts' counts
    # add up to the authority's.
    def numerator(area: str) -> float | None:
        return stored[("SCS02", "2020-05", area)].numerator

    assert sum(numerator(area) or 0 for area in areas - {""}) == numerator("")


def test_compute_logs_one_line_per_measure(tmp_path: Path, project: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "-v",
            "compute",
            str(project),
            "--from",
            "2020-05",
            "--to",
            "2020-05",
            "--indicator",
            "SCS03",
            "--indicator",
            "FD01-C",
        ],
    )
    assert result.exit_code == 0, result.output
    lines = [
        line
        for line in result.stderr.splitlines()
        if "computed " in line and " in " in line
    ]
    assert any("SCS03" in line for line in lines) and any(
        "FD01-C" in line for line in lines
    )


def test_compute_rejects_a_bad_month_in_one_line(project: Path) -> None:
    result = CliRunner().invoke(
        app, ["compute", str(project), "--from", "May", "--to", "2020-05"]
    )
    assert result.exit_code == 2
    assert result.stderr.count("error:") == 1 and "--from" in result.stderr


def test_the_example_builds_from_computed_figures(
    project: Path, stored, tmp_path: Path
) -> None:
    from scorecards.publish.edition import build_draft

    # the build reads the figures `compute` stored, as `scorecards build` does
    result, _ = build_draft(project, Month(2020, 5), tmp_path / "out", ["json", "html"])

    assert sorted(p.suffix for p in result.paths) == [".html", ".json"]
    html = (tmp_path / "out" / "ics-2020-05-draft.html").read_text(encoding="utf-8")
    assert "SCS03" in html and "Synthetic County" in html
    rows = {
        r.indicator: r for s in result.view.sections for r in getattr(s, "rows", [])
    }
    scs03 = stored[("SCS03", "2020-05", "")]
    assert rows["SCS03"].latest.value == pytest.approx(scs03.value)

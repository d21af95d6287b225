"""``scorecards benchmarks import`` and the national benchmarking example.

Expected values are printed in the seed scorecard or worked out here from the
department's CSV files with a plain csv reader, never taken from the code under
test.
"""

from __future__ import annotations

import csv
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorecards.benchmarks import GeographicLevel, MissingReason, read_dfe
from scorecards.cli import app
from scorecards.cli.benchmarks import benchmarks_app
from scorecards.periods import Month, Year
from scorecards.publish.build import build
from scorecards.publish.edition import session
from scorecards.store.benchmarks import (
    imported_authority,
    load_benchmarks,
    stored_benchmarks,
    with_imported,
)
from scorecards.store.database import load_figures, open_store

ROOT = Path(__file__).resolve().parents[1]
TEST_DATA = ROOT / "tests" / "data" / "dfe"
EXAMPLE = ROOT / "examples" / "national-benchmarks"
DATA = EXAMPLE / "data"
C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
D3 = "d3_cpps_subsequent_plan_2013_to_2025.csv"
CSWW = "csww_indicators_2017_to_2025.csv"
EDITION = Month(2025, 9)

runner = CliRunner()

SEED_TOML = f"""
[scorecard]
name = "Benchmarks"
layout = "main"

[benchmarks]
data = "{TEST_DATA.as_posix()}"
authority = "Kent"
neighbours = "New_Statistical_Neighbour_Groupings_April_2021.csv"

[[benchmarks.import]]
indicator = "SCS03"
file = "{C1}"
measure = "rereferral_percent"

[[benchmarks.import]]
indicator = "SCS13"
file = "{D3}"
measure = "CPP_subsequent_percent"
"""

SEED_INDICATORS = """
- {id: SCS03, title: Re-referrals within 12 months, polarity: L, precision: 1}
- {id: SCS13, title: Second or subsequent plans, polarity: T, precision: 1}
"""

SEED_LAYOUT = """
id: main
title: Benchmarks
sections:
  - kind: kpi_table
    id: kpis
    title: KPIs
    frequency: year
    periods: 5
    rows: [SCS03, SCS13]
"""


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def _seed_project(tmp_path: Path) -> Path:
    root = tmp_path / "seed"
    (root / "indicators").mkdir(parents=True)
    (root / "layouts").mkdir()
    (root / "scorecard.toml").write_text(SEED_TOML, encoding="utf-8")
    (root / "indicators" / "kpis.yaml").write_text(SEED_INDICATORS, encoding="utf-8")
    (root / "layouts" / "main.yaml").write_text(SEED_LAYOUT, encoding="utf-8")
    return root


def _import(root: Path, *args: str) -> str:
    result = runner.invoke(benchmarks_app, ["import", str(root), *args])
    assert result.exit_code == 0, result.output
    return result.output


def _stored(root: Path) -> list:
    con = open_store(root / "store.duckdb")
    try:
        return stored_benchmarks(con)
    finally:
        con.close()


def _one(stored: list, indicator: str, comparator: str, period: str):
    (found,) = [
        b
        for b in stored
        if (b.indicator, b.comparator, str(b.period)) == (indicator, comparator, period)
    ]
    return found


# The seed's printed benchmarks come out of `scorecards benchmarks import`


def test_import_stores_the_seed_england_and_south_east_values(tmp_path: Path) -> None:
    root = _seed_project(tmp_path)

    _import(root)

    stored = _stored(root)
    england = _one(stored, "SCS03", "England", "2018-19")
    south_east = _one(stored, "SCS03", "Region", "2018-19")
    assert (england.value, england.compared_with) == (22.6, "England")
    assert (south_east.value, south_east.compared_with) == (25.1, "South East")
    assert _one(stored, "SCS13", "England", "2018-19").value == 20.8
    assert england.source == f"{C1}: rereferral_percent"
    assert england.contributors == 1


def test_imported_benchmarks_reach_the_project_as_computed(tmp_path: Path) -> None:
    root = _seed_project(tmp_path)
    _import(root)

    con = open_store(root / "store.duckdb")
    try:
        benchmarks = load_benchmarks(con)
    finally:
        con.close()

    england = [
        b
        for b in benchmarks
        if (b.indicator, b.comparator, b.period) == ("SCS03", "England", Year(2018))
    ]
    assert [(b.value, b.basis) for b in england] == [(22.6, "computed")]
    assert {b.comparator for b in benchmarks} == {
        "England",
        "Region",
        "SN",
        "Rank",
        "Quartile",
    }
    # SCS13 has polarity T: not ranked
    assert not [
        b for b in benchmarks if b.indicator == "SCS13" and b.comparator == "Rank"
    ]


def test_import_stores_the_authoritys_own_values_as_figures(tmp_path: Path) -> None:
    root = _seed_project(tmp_path)
    _import(root)

    con = open_store(root / "store.duckdb")
    try:
        figures = {(f.indicator, str(f.period)): f for f in load_figures(con)}
    finally:
        con.close()

    kent = {
        row["time_period"]: row["rereferral_percent"]
        for row in _rows(TEST_DATA / C1)
        if row["old_la_code"] == "886"
    }
    assert figures["SCS03", "2018-19"].value == float(kent["2019"])
    assert figures["SCS03", "2024-25"].value == float(kent["2025"])
    assert figures["SCS03", "2018-19"].source == f"{C1}: rereferral_percent (Kent)"


def test_neighbour_mean_keeps_its_contributors_and_missing_reason(
    tmp_path: Path,
) -> None:
    root = _seed_project(tmp_path)
    _import(root)

    stored = _stored(root)

    # Under the 2021 model West Northamptonshire (941) has no row for 2018-19, so
    # nine of Kent's ten neighbours have a figure (docs/benchmarks.md).
    mean = _one(stored, "SCS03", "SN", "2018-19")
    assert mean.contributors == 9
    assert mean.missing_reason == ""
    suppressed = [b for b in stored if b.value is None]
    assert all(b.missing_reason for b in suppressed)


def test_import_summary_counts_rows_and_suppressed_cells(tmp_path: Path) -> None:
    root = _seed_project(tmp_path)

    output = _import(root)

    rows = len(_rows(TEST_DATA / C1)) + len(_rows(TEST_DATA / D3))
    confidential = sum(
        1 for row in _rows(TEST_DATA / C1) if row["rereferral_percent"] == "c"
    )
    assert f"rows read: {rows};" in output
    assert f"rereferral_percent: {confidential} confidential" in output
    assert "Kent (886, South East); neighbours: 2021 model" in output


def test_show_prints_each_year_as_a_reader_sees_it(tmp_path: Path) -> None:
    root = _seed_project(tmp_path)
    _import(root)

    result = runner.invoke(
        benchmarks_app,
        ["show", str(root), "--indicator", "SCS03", "--periods", "2"],
        terminal_width=200,
    )

    rows = [r for r in _rows(TEST_DATA / C1) if r["time_period"] == "2025"]
    local = {
        r["old_la_code"]: float(r["rereferral_percent"])
        for r in rows
        if r["geographic_level"] == "Local authority"
        and r["rereferral_percent"] not in {"c", "x", "u", "z"}
    }
    rank = 1 + sum(1 for v in local.values() if v < local["886"])
    england = next(r for r in rows if r["geographic_level"] == "National")
    lines = result.output.splitlines()
    (latest,) = [line for line in lines if "2024-25" in line]
    assert result.exit_code == 0, result.output
    assert lines[0] == "Kent (886)"
    assert "2023-24" in result.output and "2022-23" not in result.output
    assert f" {local['886']:.1f} " in latest
    assert f" {float(england['rereferral_percent']):.1f} " in latest
    assert f" {rank} of {len(local)} " in latest
    assert "SCS13" not in result.output


def test_importing_another_authority_replaces_the_benchmarks(tmp_path: Path) -> None:
    root = _seed_project(tmp_path)
    _import(root)

    output = _import(root, "--authority", "Essex")

    con = open_store(root / "store.duckdb")
    try:
        held = imported_authority(con)
        figures = {(f.indicator, str(f.period)): f.value for f in load_figures(con)}
        stored = stored_benchmarks(con)
    finally:
        con.close()
    essex = {
        row["time_period"]: row["rereferral_percent"]
        for row in _rows(TEST_DATA / C1)
        if row["la_name"] == "Essex"
    }
    assert held == ("Essex", "881")
    assert "Essex (881, East of England)" in output
    assert figures["SCS03", "2018-19"] == float(essex["2019"])
    assert _one(stored, "SCS03", "Region", "2018-19").compared_with == "East of England"


def test_import_of_only_the_files_given(tmp_path: Path) -> None:
    root = _seed_project(tmp_path)

    output = _import(root, str(TEST_DATA / D3))

    assert {b.indicator for b in _stored(root)} == {"SCS13"}
    assert f"read {D3}" in output
    assert C1 not in output


def test_a_file_no_mapping_names_is_refused(tmp_path: Path) -> None:
    root = _seed_project(tmp_path)
    stray = TEST_DATA / "sn_model_2025_wide.csv"

    result = runner.invoke(benchmarks_app, ["import", str(root), str(stray)])

    assert result.exit_code == 2
    assert "sn_model_2025_wide.csv: no benchmarks.import entry" in result.output
    assert C1 in result.output


def test_an_authority_not_in_the_files_is_refused(tmp_path: Path) -> None:
    root = _seed_project(tmp_path)

    result = runner.invoke(
        benchmarks_app, ["import", str(root), "--authority", "Atlantis"]
    )

    assert result.exit_code == 2
    assert "no local authority 'Atlantis'" in result.output


def test_unknown_and_twice_mapped_indicators_are_all_reported(
    tmp_path: Path,
) -> None:
    root = _seed_project(tmp_path)
    toml = root / "scorecard.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8")
        + f"""
[[benchmarks.import]]
indicator = "SCS99"
file = "{C1}"
measure = "referral_count"

[[benchmarks.import]]
indicator = "SCS03"
file = "{C1}"
measure = "rereferral_count"
""",
        encoding="utf-8",
    )

    result = runner.invoke(benchmarks_app, ["import", str(root)])

    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 2
    assert "benchmarks.import 3: indicator: unknown indicator 'SCS99'" in lines[0]
    assert (
        "benchmarks.import 4: indicator: SCS03 is mapped already by entry 1"
        in (lines[1])
    )


COUNTS = (
    "time_period,time_identifier,geographic_level,country_code,country_name,"
    "region_code,region_name,old_la_code,new_la_code,la_name,category,At31_episodes"
)
PEOPLE = (
    "time_period,time_identifier,geographic_level,country_code,country_name,"
    "region_code,region_name,old_la_code,new_la_code,la_name,age_group,"
    "population_estimate"
)


def _area_row(year: str, code: str, group: str, value: str) -> str:
    return (
        f"{year},Reporting year,Local authority,E92000001,England,E12000008,"
        f"South East,{code},E0{code},Authority {code},{group},{value}"
    )


def test_rate_per_10000_divides_by_the_estimate_inside_the_year(
    tmp_path: Path,
) -> None:
    counts = tmp_path / "b1_children_in_need.csv"
    counts.write_text(
        "\n".join(
            [COUNTS]
            + [
                _area_row("2025", c, "Children in Need", n)
                for c, n in (
                    ("801", "300"),
                    ("802", "150"),
                    ("803", "c"),
                    ("804", "10"),
                )
            ]
        ),
        encoding="utf-8",
    )
    people = tmp_path / "ons_mid-year_population_estimates.csv"
    people.write_text(
        "\n".join(
            [PEOPLE]
            + [
                _area_row(y, c, "Children aged 0 to 17 years", n)
                for y, c, n in (
                    ("2024", "801", "10000"),
                    ("2023", "801", "1"),
                    ("2024", "802", "x"),
                    ("2024", "803", "500"),
                    ("2024", "804", "0"),
                )
            ]
        ),
        encoding="utf-8",
    )
    rate = (
        read_dfe(counts)
        .measure("At31_episodes")
        .per_10000(read_dfe(people).measure("population_estimate"))
    )

    cells = {
        code: rate.value(Year(2024), GeographicLevel.LOCAL_AUTHORITY, code)
        for code in ("801", "802", "803", "804")
    }
    assert cells == {
        "801": 300.0,  # 300 per 10,000 of the 2024 estimate, not of 2023's
        "802": MissingReason.NOT_AVAILABLE,  # the estimate is x
        "803": MissingReason.CONFIDENTIAL,  # the count is c
        "804": MissingReason.NOT_APPLICABLE,  # nobody to divide by
    }
    assert rate.source.endswith(
        "At31_episodes per 10,000 of ons_mid-year_population_estimates.csv: "
        "population_estimate"
    )


def test_a_project_without_benchmarks_settings_is_refused(starter: Path) -> None:
    result = runner.invoke(benchmarks_app, ["import", str(starter)])

    assert result.exit_code == 2
    assert "has no benchmarks table" in result.output


# The national benchmarking example, for three authorities


def _local(name: str, time_period: str, measure: str, **filters: str) -> dict:
    """Each authority's row for one time_period, by name, as written."""
    return {
        row["la_name"]: row
        for row in _rows(DATA / name)
        if row["time_period"] == time_period
        and row["geographic_level"] == "Local authority"
        and all(row[k] == v for k, v in filters.items())
    }


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


@pytest.fixture(scope="module", params=["Kent", "Essex", "Manchester"])
def built(request, tmp_path_factory) -> tuple[str, dict]:
    """The example imported for one authority and built as JSON."""
    authority = request.param
    root = tmp_path_factory.mktemp(authority) / "national-benchmarks"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("out", "*.duckdb*"))
    _import(root, "--authority", authority)

    with session(root) as current:
        project = with_imported(current.project, current.con)
        result = build(project, EDITION, root / "out", ["json"])
    (path,) = result.paths
    return authority, json.loads(path.read_text(encoding="utf-8"))


def _row(data: dict, indicator: str) -> dict:
    (row,) = [r for r in data["rows"] if r["indicator"] == indicator]
    return row


def _benchmark(row: dict, comparator: str) -> dict:
    (cell,) = [b for b in row["benchmarks"] if b["comparator"] == comparator]
    return cell


@pytest.mark.slow
def test_example_names_the_authority_it_was_built_for(built) -> None:
    authority, data = built

    assert data["scorecard"]["organisation"] == authority
    assert data["scorecard"]["authority"] == authority


@pytest.mark.slow
def test_example_rereferral_trend_is_the_authoritys_published_figures(built) -> None:
    authority, data = built
    row = _row(data, "SCS03")

    published = [
        _local(C1, year, "rereferral_percent")[authority]["rereferral_percent"]
        for year in ("2021", "2022", "2023", "2024", "2025")
    ]
    assert [c["period"] for c in row["trend"]] == [
        "2020-21",
        "2021-22",
        "2022-23",
        "2023-24",
        "2024-25",
    ]
    assert [c["text"] for c in row["trend"]] == [f"{float(v):.1f}" for v in published]


@pytest.mark.slow
def test_example_england_and_region_are_the_published_rows(built) -> None:
    authority, data = built
    row = _row(data, "SCS03")
    rows = [r for r in _rows(DATA / C1) if r["time_period"] == "2025"]
    own = next(r for r in rows if r["la_name"] == authority)
    england = next(r for r in rows if r["geographic_level"] == "National")
    region = next(
        r
        for r in rows
        if r["geographic_level"] == "Regional"
        and r["region_code"] == own["region_code"]
    )

    assert _benchmark(row, "England")["value"] == float(england["rereferral_percent"])
    assert _benchmark(row, "England")["period"] == "2024-25"
    assert _benchmark(row, "Region")["value"] == float(region["rereferral_percent"])


@pytest.mark.slow
def test_example_caseload_neighbour_mean_rank_and_quartile(built) -> None:
    authority, data = built
    row = _row(data, "NB-CASELOAD")
    # 30 September 2024 is shown as 2024-25
    cells = _local(CSWW, "2024", "caseload_fte")
    own = float(cells[authority]["caseload_fte"])
    code = cells[authority]["old_la_code"]

    groups = {r["old_la_code"]: r for r in _rows(DATA / "sn_model_2025_wide.csv")}
    neighbours = [groups[code][f"SN_{i}"].strip() for i in range(1, 11)]
    by_code = {r["old_la_code"]: _number(r["caseload_fte"]) for r in cells.values()}
    values = [by_code[n] for n in neighbours if by_code.get(n) is not None]
    ranked = [v for v in by_code.values() if v is not None]
    rank = 1 + sum(1 for v in ranked if v < own)  # lower caseloads rank first

    assert row["trend"][-1]["value"] == own
    assert _benchmark(row, "SN")["value"] == pytest.approx(sum(values) / len(values))
    assert _benchmark(row, "Rank")["value"] == rank
    assert _benchmark(row, "Quartile")["value"] == math.ceil(4 * rank / len(ranked))


@pytest.mark.slow
def test_example_children_in_need_rate_is_made_from_two_files(built) -> None:
    authority, data = built
    row = _row(data, "NB-CIN")
    counts = _local("b1_children_in_need_2013_to_2025.csv", "2025", "At31_episodes")
    people = _local(
        "ons_mid-year_population_estimates_2012_to_2024.csv",
        "2024",
        "population_estimate",
    )

    count = float(counts[authority]["At31_episodes"])
    population = float(people[authority]["population_estimate"])
    assert row["trend"][-1]["period"] == "2024-25"
    assert row["trend"][-1]["value"] == pytest.approx(count / population * 10_000)
    assert [b["text"] for b in row["benchmarks"][3:]] == ["", ""]  # no polarity


@pytest.mark.slow
def test_example_target_polarity_row_has_no_rank(built) -> None:
    _, data = built
    row = _row(data, "SCS13")

    assert _benchmark(row, "England")["value"] is not None
    assert [b["text"] for b in row["benchmarks"][3:]] == ["", ""]


@pytest.mark.slow
def test_an_authority_missing_from_one_file_is_imported_without_it(
    tmp_path: Path,
) -> None:
    # The workforce file reports North and West Northamptonshire as one row.
    root = tmp_path / "national-benchmarks"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("out", "*.duckdb*"))
    assert not _local(CSWW, "2024", "caseload_fte").get("North Northamptonshire")

    output = _import(root, "--authority", "North Northamptonshire")

    stored = _stored(root)
    rank = _one(stored, "NB-CASELOAD", "Rank", "2024-25")
    assert f"has no row in {CSWW}: caseload_fte" in output
    assert _one(stored, "NB-CASELOAD", "Authority", "2024-25").value is None
    assert (rank.value, rank.missing_reason) == (None, "not published")
    assert _one(stored, "SCS03", "Authority", "2024-25").value is not None


# Known shortcomings, waiting for the integration of issue 6


def test_benchmarks_commands_are_part_of_the_scorecards_command() -> None:
    result = runner.invoke(app, ["benchmarks", "--help"])

    assert result.exit_code == 0
    assert "import" in result.output


def test_build_command_shows_the_imported_benchmarks(tmp_path: Path) -> None:
    root = tmp_path / "national-benchmarks"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("out", "*.duckdb*"))
    _import(root, "--authority", "Essex")

    result = runner.invoke(
        app, ["build", str(root), "--month", "2025-09", "--format", "json"]
    )

    assert result.exit_code == 0, result.output
    data = json.loads((root / "out" / "benchmarks-2025-09-draft.json").read_text())
    assert data["scorecard"]["organisation"] == "Essex"
    assert _benchmark(_row(data, "SCS03"), "England")["value"] is not None


def test_import_script_reads_every_file_of_the_example() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "import_dfe.py"), str(DATA)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "read 11 files" in result.stdout

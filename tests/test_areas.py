"""Areas and districts: district scorecards, comparison tables, small numbers
protected."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorecards.assess.scorecard import assemble
from scorecards.assess.suppression import PRIMARY, SECONDARY, suppress
from scorecards.assess.view import ComparisonView, KpiTableView
from scorecards.catalogue.project import load_project
from scorecards.cli import app
from scorecards.errors import InputError
from scorecards.periods import Month

runner = CliRunner()
MAY = Month(2020, 5)

AREAS = """
[[areas]]
name = "North"
districts = ["Ashby", "Birch", "Cole"]

[[areas]]
name = "South"
districts = ["Dale", "Eden"]
"""

# KPI04 counts exclusions (a count); KPI01 is a percentage with its numerator.
# North: Ashby 3, Birch 12, Cole 9 (24); South: Dale 20, Eden 30 (50); all 74.
DISTRICT_FIGURES = """indicator,period,area,value,numerator,denominator
KPI04,2020-05,,74,,
KPI04,2020-05,North,24,,
KPI04,2020-05,Ashby,3,,
KPI04,2020-05,Birch,12,,
KPI04,2020-05,Cole,9,,
KPI04,2020-05,South,50,,
KPI04,2020-05,Dale,20,,
KPI04,2020-05,Eden,30,,
KPI01,2020-05,Ashby,75.0,3,4
KPI01,2020-05,Birch,91.0,91,100
KPI01,2020-05,Cole,88.0,88,100
KPI01,2020-05,Dale,92.5,185,200
KPI01,2020-05,Eden,90.0,180,200
KPI01,2020-04,Birch,92.0,92,100
KPI05,2020-05,,120,,
"""

EXTRA_INDICATORS = """
- id: KPI04
  title: Number of permanent exclusions
  polarity: L
  unit: count
  precision: 0
- id: KPI05
  title: Number of contacts at the front door
  unit: count
  precision: 0
  district_breakdown: false
"""

COMPARE = """
  - kind: comparison
    id: compare
    title: Districts compared
    indicators: [KPI04, KPI01, KPI05]
"""


@pytest.fixture
def districts(starter: Path) -> Path:
    with (starter / "scorecard.toml").open("a") as handle:
        handle.write(AREAS)
    with (starter / "indicators" / "kpis.yaml").open("a") as handle:
        handle.write(EXTRA_INDICATORS)
    (starter / "figures" / "districts.csv").write_text(DISTRICT_FIGURES)
    with (starter / "targets.csv").open("a") as handle:
        handle.write("KPI04,2020-21,60,80,,,,\n")
    layout = starter / "layouts" / "scorecard.yaml"
    layout.write_text(layout.read_text() + COMPARE)
    return starter


def _comparison(project: Path) -> dict:
    view = assemble(load_project(project), MAY)
    section = next(s for s in view.sections if isinstance(s, ComparisonView))
    return {t.indicator: t for t in section.tables}


def test_a_district_with_three_exclusions_and_the_one_that_would_reveal_it(
    districts: Path,
) -> None:
    rows = {r.area: r for r in _comparison(districts)["KPI04"].rows}

    # Ashby's 3 is below 5; Cole (9) is North's next smallest and would give
    # Ashby away as 24 - 12 - 9, so it goes too.
    assert rows["Ashby"].latest.text == "c" and rows["Ashby"].latest.value is None
    assert "primary" in rows["Ashby"].latest.suppressed
    assert rows["Cole"].latest.text == "c"
    assert "so that Ashby cannot be worked out" in rows["Cole"].latest.suppressed
    assert [rows[d].latest.text for d in ("Birch", "Dale", "Eden")] == [
        "12",
        "20",
        "30",
    ]
    assert rows["Ashby"].rag is None and rows["Cole"].rag is None
    assert rows["Birch"].rag is not None and rows["Birch"].rag.value == "GREEN"


def test_a_rate_built_on_a_small_count_is_hidden_too(districts: Path) -> None:
    rows = {r.area: r for r in _comparison(districts)["KPI01"].rows}

    assert rows["Ashby"].latest.text == "c"  # 75.0% of 4: a numerator of 3
    assert rows["Birch"].latest.text == "91.0"
    assert rows["Birch"].direction is not None
    assert rows["Birch"].direction.value == "worsened"  # 92.0 to 91.0, polarity H


def test_suppression_can_be_switched_off_for_internal_outputs(districts: Path) -> None:
    with (districts / "scorecard.toml").open("a") as handle:
        handle.write("\n[publication]\nsuppression = false\n")
    rows = {r.area: r for r in _comparison(districts)["KPI04"].rows}
    assert rows["Ashby"].latest.text == "3" and rows["Ashby"].latest.suppressed == ""


def test_an_indicator_without_a_district_split_says_so(districts: Path) -> None:
    table = _comparison(districts)["KPI05"]
    assert table.rows == [] and table.note == "not available by district"
    assert table.authority.text == "120"


def test_a_district_scorecard_shows_the_districts_figures(districts: Path) -> None:
    view = assemble(load_project(districts), MAY, area="Birch")
    rows = {
        row.indicator: row
        for s in view.sections
        if isinstance(s, KpiTableView)
        for row in s.rows
    }
    assert rows["KPI01"].latest.text == "91.0"
    assert rows["KPI01"].rag is not None and rows["KPI01"].rag.value == "GREEN"
    assert view.area == "Birch"


def test_build_area_cli_names_the_file_and_refuses_unknown_areas(
    districts: Path,
) -> None:
    built = runner.invoke(
        app, ["build", str(districts), "--month", "2020-05", "--area", "Birch",
              "--format", "json"]
    )  # fmt: skip
    unknown = runner.invoke(
        app, ["build", str(districts), "--month", "2020-05", "--area", "Zed"]
    )
    assert built.exit_code == 0, built.output
    assert (districts / "out" / "scorecard-birch-2020-05-draft.json").exists()
    assert unknown.exit_code == 2
    assert "'Zed' is not an area" in unknown.output and "'Ashby'" in unknown.output


def test_area_and_district_names_must_be_unique(districts: Path) -> None:
    with (districts / "scorecard.toml").open("a") as handle:
        handle.write('\n[[areas]]\nname = "East"\ndistricts = ["Birch"]\n')
    with pytest.raises(InputError, match="repeated: \\['Birch'\\]"):
        load_project(districts)


def test_secondary_suppression_follows_overlapping_groups() -> None:
    counts = {"A": 2, "B": 30, "C": 40, "D": 7, "E": 50}
    # North is A, B, C; all districts make the authority. A (2) goes first; B is
    # North's next smallest. The authority group then holds A and B hidden: enough.
    hidden = suppress(counts, [["A", "B", "C"], ["D", "E"], list(counts)])
    assert {name: s.kind for name, s in hidden.items()} == {
        "A": PRIMARY,
        "B": SECONDARY,
    }


def test_zero_is_shown_and_not_used_to_hide() -> None:
    hidden = suppress({"A": 0, "B": 4, "C": 9}, [["A", "B", "C"]])
    assert sorted(hidden) == ["B", "C"]


def test_synthetic_district_counts_add_up_to_the_authority(starter: Path) -> None:
    from scorecards.synth_areas import district_figures

    with (starter / "scorecard.toml").open("a") as handle:
        handle.write(AREAS)
    project = load_project(starter)
    made = district_figures(project.figures, project.indicators, project.config.areas)

    kpi01 = {
        f.area: f for f in made if f.indicator == "KPI01" and str(f.period) == "2020-05"
    }
    districts = ["Ashby", "Birch", "Cole", "Dale", "Eden"]
    # the starter's May KPI01 is 1399 of 1548: the districts share both exactly
    assert sum(kpi01[d].numerator for d in districts) == 1399
    assert sum(kpi01[d].denominator for d in districts) == 1548
    assert kpi01["North"].numerator == sum(kpi01[d].numerator for d in districts[:3])
    assert made == district_figures(
        project.figures, project.indicators, project.config.areas
    )

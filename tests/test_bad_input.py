"""Bad input gives an error naming the file, row or key, exit code 2, and no output."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorecards.catalogue.project import load_project
from scorecards.cli import app
from scorecards.errors import InputError
from scorecards.periods import Month

runner = CliRunner()


def _build(project: Path) -> tuple[int, str, Path]:
    out = project.parent / "out"
    result = runner.invoke(
        app, ["build", str(project), "--month", "2020-05", "--out", str(out)]
    )
    return result.exit_code, result.output, out


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def _assert_refused(project: Path, *expected: str) -> None:
    code, output, out = _build(project)
    assert code == 2, output
    for text in expected:
        assert text in output
    assert not out.exists() or not any(out.iterdir())


def test_unknown_indicator_in_figures_names_file_and_row(starter: Path) -> None:
    _append(starter / "figures" / "figures.csv", "KPI99,2020-05,,12.0,,\n")
    _assert_refused(
        starter, "figures.csv, row 23, indicator", "unknown indicator 'KPI99'"
    )


def test_non_numeric_value_names_the_cell(starter: Path) -> None:
    _append(starter / "figures" / "figures.csv", "KPI02,2019-10,,twelve,,\n")
    _assert_refused(
        starter, "figures.csv, row 23, value", "expected a number, found 'twelve'"
    )


def test_two_figures_for_the_same_indicator_period_and_area(starter: Path) -> None:
    _append(starter / "figures" / "figures.csv", "KPI01,2020-05,,91.0,,\n")
    _assert_refused(
        starter,
        "figures.csv, row 23",
        "a second figure for KPI01 2020-05 authority",
        "row 8",
    )


def test_same_indicator_and_period_in_two_areas_is_allowed(starter: Path) -> None:
    _append(starter / "figures" / "figures.csv", "KPI01,2020-05,North,91.0,,\n")
    assert len(load_project(starter).figures) == 22


def test_polarity_outside_h_l_t_is_refused(starter: Path) -> None:
    path = starter / "indicators" / "kpis.yaml"
    path.write_text(path.read_text().replace("polarity: L", "polarity: X"))
    _assert_refused(
        starter, "kpis.yaml", "entry 2 (KPI02): polarity", "'H', 'L' or 'T'"
    )


def test_unparseable_period_names_the_forms_accepted(starter: Path) -> None:
    _append(starter / "figures" / "figures.csv", "KPI02,May 2020,,20.0,,\n")
    _assert_refused(starter, "row 23, period", "'May 2020' is not a period", "2020-05")


def test_missing_project_file(tmp_path: Path) -> None:
    _assert_refused(tmp_path / "nowhere", "scorecard.toml", "not found")


def test_missing_layout_file(starter: Path) -> None:
    (starter / "layouts" / "scorecard.yaml").unlink()
    _assert_refused(starter, "layout 'scorecard' has no file layouts/scorecard.yaml")


def test_malformed_yaml_names_the_line(starter: Path) -> None:
    path = starter / "indicators" / "kpis.yaml"
    path.write_text(path.read_text().replace("- id: KPI02", "- id: [KPI02"))
    _assert_refused(starter, "kpis.yaml: is not valid YAML at line")


def test_every_problem_is_reported_not_just_the_first(starter: Path) -> None:
    _append(
        starter / "figures" / "figures.csv", "KPI99,2020-05,,1,,\nKPI01,2020-13x,,1,,\n"
    )
    (starter / "targets.csv").write_text(
        "indicator,year,target\nKPI01,2020-21,ninety\nKPI01,May,90\n"
    )

    with pytest.raises(InputError) as caught:
        load_project(starter)

    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 4, messages
    assert any("targets.csv, row 2, target" in m for m in messages)
    assert any("targets.csv, row 3, year" in m for m in messages)


def test_check_reports_problems_with_exit_code_1(starter: Path) -> None:
    _append(starter / "figures" / "figures.csv", "KPI99,2020-05,,12.0,,\n")
    result = runner.invoke(app, ["check", str(starter)])
    assert result.exit_code == 1
    assert "unknown indicator 'KPI99'" in result.output


def test_unknown_output_format_is_refused(starter: Path) -> None:
    out = starter.parent / "out"
    result = runner.invoke(
        app,
        [
            "build",
            str(starter),
            "--month",
            "2020-05",
            "--out",
            str(out),
            "--format",
            "docx",
        ],
    )
    assert result.exit_code == 2
    assert "unknown format(s) ['docx']" in result.output


def test_a_month_that_is_not_a_month_is_refused(starter: Path) -> None:
    result = runner.invoke(app, ["build", str(starter), "--month", "2019-20"])
    assert result.exit_code == 2
    assert "expected a month like 2020-05" in result.output


def test_figures_may_come_as_a_workbook_and_its_errors_name_the_cell(
    starter: Path,
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "area", "value"])
    sheet.append(["KPI02", "2019-10", "", 18.7])
    sheet.append(["KPI02", "2019-09", "", "lots"])
    book.save(starter / "figures" / "more.xlsx")

    with pytest.raises(InputError) as caught:
        load_project(starter)
    assert [str(p) for p in caught.value.problems] == [
        f"{starter / 'figures' / 'more.xlsx'}, row 3, value: "
        "expected a number, found 'lots'"
    ]

    sheet.delete_rows(3)
    book.save(starter / "figures" / "more.xlsx")
    figures = load_project(starter).figures
    assert figures.value("KPI02", Month(2019, 10)) == 18.7


def test_a_misspelt_column_in_a_figure_file_is_refused(starter: Path) -> None:
    path = starter / "figures" / "figures.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(
        lines[0].replace("numerator", "numerater") + "".join(lines[1:]),
        encoding="utf-8",
    )
    _assert_refused(
        starter,
        "figures.csv, row 1",
        "unknown column(s) ['numerater']; a figure file's columns are indicator,",
    )


def test_a_misspelt_column_in_a_figure_workbook_is_refused(starter: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "area", "value", "denominater", None])
    sheet.append(["KPI02", "2019-10", "", 18.7, 40, None])
    book.save(starter / "figures" / "more.xlsx")

    with pytest.raises(InputError) as caught:
        load_project(starter)
    assert [str(p) for p in caught.value.problems] == [
        f"{starter / 'figures' / 'more.xlsx'}, row 1: unknown column(s) "
        "['denominater']; a figure file's columns are indicator, period, area, "
        "value, numerator, denominator, status, missing"
    ]


@pytest.mark.parametrize("text", ["nan", "inf", "-Infinity", "1e400", "1e16"])
def test_figures_that_are_not_finite_or_absurdly_large_are_refused(
    starter: Path, text: str
) -> None:
    _append(starter / "figures" / "figures.csv", f"KPI02,2019-10,,{text},,\n")
    _assert_refused(starter, "row 23, value", "expected a finite number")


def test_a_file_that_is_not_utf8_names_itself_and_the_fix(starter: Path) -> None:
    path = starter / "figures" / "figures.csv"
    path.write_bytes(path.read_bytes() + "KPI02,2019-10,North £,1,,\n".encode("cp1252"))
    _assert_refused(starter, "figures.csv: is not UTF-8 text", "CSV UTF-8")


def test_targets_that_contradict_polarity_are_refused(starter: Path) -> None:
    (starter / "targets.csv").write_text(
        "indicator,year,target,floor,band_low,band_high,floor_low,floor_high\n"
        "KPI01,2020-21,90,95,,,,\n"
        "KPI02,2020-21,18,15,,,,\n"
        "KPI03,2020-21,20,,17.5,22.5,19,21\n"
    )
    with pytest.raises(InputError) as caught:
        load_project(starter)
    messages = "\n".join(str(p) for p in caught.value.problems)
    assert "KPI01 2020-21: polarity H needs the floor (95) at or below" in messages
    assert "KPI02 2020-21: polarity L needs the floor (15) at or above" in messages
    assert "the floor band 19 to 21 must contain the on-target band" in messages


def test_figure_rows_that_contradict_themselves_are_refused(starter: Path) -> None:
    (starter / "figures" / "more.csv").write_text(
        "indicator,period,area,value,numerator,denominator,missing\n"
        "KPI01,2019-10,,86.0,-3,10,\n"
        "KPI02,2019-10,,19.0,,,N/A\n"
    )
    with pytest.raises(InputError) as caught:
        load_project(starter)
    messages = [str(p) for p in caught.value.problems]
    assert any("row 2, numerator: expected a count of 0 or more" in m for m in messages)
    assert any(
        "row 3, missing: has a value and says it is missing" in m for m in messages
    )


def test_an_area_the_hierarchy_does_not_declare_is_refused(starter: Path) -> None:
    with (starter / "scorecard.toml").open("a") as handle:
        handle.write('\n[[areas]]\nname = "North"\ndistricts = ["Ashby"]\n')
    _append(starter / "figures" / "figures.csv", "KPI02,2020-05,Atlantis,19.0,,\n")
    _assert_refused(starter, "row 23, area: unknown area 'Atlantis'")


def test_a_broken_indicator_is_reported_once_not_at_every_use(starter: Path) -> None:
    path = starter / "indicators" / "kpis.yaml"
    path.write_text(path.read_text().replace("polarity: L", "polarity: X"))
    with pytest.raises(InputError) as caught:
        load_project(starter)
    assert len(caught.value.problems) == 1

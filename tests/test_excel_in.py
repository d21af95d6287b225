"""A data owner's workbook: written for their indicators, read back strictly."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from scorecards.catalogue.models import DataPeriod, Indicator
from scorecards.catalogue.project import Project, load_project
from scorecards.errors import InputError
from scorecards.periods import Month, Quarter, Year, YearBasis
from scorecards.store.excel_in import (
    owners,
    read_template,
    row_period,
    write_template,
)
from scorecards.store.figures import Figure, Status

JUNE = Month(2020, 6)
OWNERS = {"KPI01": "Early Help", "KPI02": "Staffing", "KPI03": "Early Help"}


def _give_owners(root: Path, name: str | None = None) -> None:
    path = root / "indicators" / "kpis.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in entries:
        entry["owner"] = OWNERS[entry["id"]]
    path.write_text(yaml.safe_dump(entries, sort_keys=False), encoding="utf-8")
    if name is not None:
        settings = root / "scorecard.toml"
        text = settings.read_text(encoding="utf-8")
        settings.write_text(
            text.replace('name = "Example Service Scorecard"', f'name = "{name}"'),
            encoding="utf-8",
        )


@pytest.fixture
def project(starter: Path) -> Project:
    _give_owners(starter)
    return load_project(starter)


@pytest.fixture
def template(project: Project, tmp_path: Path) -> Path:
    path = tmp_path / "early-help-2020-06.xlsx"
    write_template(project, JUNE, "early help", path)
    return path


def _fill(path: Path, cells: dict[str, object], sheet: str = "Figures") -> Path:
    workbook = openpyxl.load_workbook(path)
    for where, value in cells.items():
        workbook[sheet][where] = value
    filled = path.with_name("filled.xlsx")
    workbook.save(filled)
    return filled


def _problems(error: pytest.ExceptionInfo[InputError]) -> dict[str, str]:
    return {p.key or "": p.message for p in error.value.problems}


# Writing


def test_template_has_one_row_per_indicator_of_the_owner(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["Figures"]

    headings = [cell.value for cell in sheet[4]]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=5)]

    assert headings == [
        "id",
        "code",
        "title",
        "unit",
        "period",
        "3rd last period",
        "3rd last value",
        "2nd last period",
        "2nd last value",
        "last period",
        "last value",
        "value",
        "numerator",
        "denominator",
        "status",
        "note",
    ]
    assert [row[0] for row in rows] == ["KPI01", "KPI03"]
    assert rows[0][:5] == [
        "KPI01",
        "KPI01",
        "Percentage of assessments completed within 45 working days",
        "percent",
        "2020-06",
    ]


def test_template_shows_the_last_three_figures_held(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["Figures"]

    kpi01 = [cell.value for cell in sheet[5]][5:11]
    kpi03 = [cell.value for cell in sheet[6]][5:11]

    assert kpi01 == ["2020-03", 88.6, "2020-04", 89.2, "2020-05", 90.4]
    # KPI03 has no May figure (to be supplied): its last is April's
    assert kpi03 == ["2020-02", 22.5, "2020-03", 23.1, "2020-04", 23.0]
    assert sheet["K5"].number_format == "0.0"


def test_only_input_cells_are_editable(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["Figures"]

    assert sheet.protection.sheet
    assert not sheet.protection.password
    assert all(sheet[f"{c}5"].protection.locked for c in "ABCDEFGHIJK")
    assert not any(sheet[f"{c}5"].protection.locked for c in "LMNOP")


def test_input_cells_are_validated_with_a_message_giving_unit_and_precision(
    template: Path,
) -> None:
    sheet = openpyxl.load_workbook(template)["Figures"]
    rules = {str(rule.sqref): rule for rule in sheet.data_validations.dataValidation}

    assert rules["L5"].type == "decimal"
    assert rules["L5"].prompt == (
        "A number: percent, shown to 1 decimal place. "
        "Leave empty if you have no figure."
    )
    assert rules["M5:M6"].type == "decimal"
    assert rules["M5:M6"].operator == "greaterThanOrEqual"
    assert rules["M5:M6"].formula1 == "0"
    assert rules["N5:N6"].formula1 == "0"
    assert rules["O5:O6"].type == "list"


def test_about_sheet_records_project_month_and_owner(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["About"]

    recorded = {row[0]: row[1] for row in sheet.iter_rows(3, 6, values_only=True)}

    assert recorded == {
        "project": "Example Service Scorecard",
        "month": "2020-06",
        "owner": "Early Help",
        "template version": 1,
    }
    assert sheet.protection.sheet


def test_unknown_owner_is_refused_listing_the_known_owners(
    project: Project, tmp_path: Path
) -> None:
    with pytest.raises(InputError) as error:
        write_template(project, JUNE, "Finance", tmp_path / "t.xlsx")

    assert "no indicator is supplied by 'Finance'" in str(error.value)
    assert "['Early Help', 'Staffing']" in str(error.value)
    assert not (tmp_path / "t.xlsx").exists()


def test_owners_are_listed_once_whatever_their_case(project: Project) -> None:
    assert owners(project) == ["Early Help", "Staffing"]


@pytest.mark.parametrize(
    ("data_period", "year_basis", "month", "expected"),
    [
        ("R12M", "financial", Month(2020, 6), Month(2020, 6)),
        ("Q", "financial", Month(2020, 6), Quarter(2020, 1)),
        ("Q", "financial", Month(2020, 5), Quarter(2019, 4)),
        ("A", "academic", Month(2020, 5), Year(2018)),
        ("A", "financial", Month(2020, 3), Year(2019)),
    ],
)
def test_row_period_is_the_period_the_indicator_reports_in_that_month(
    data_period: str, year_basis: str, month: Month, expected: object
) -> None:
    indicator = Indicator(
        id="X1",
        title="x",
        data_period=DataPeriod(data_period),
        year_basis=YearBasis(year_basis),
    )

    assert row_period(indicator, month) == expected


# Reading back


def test_filled_template_round_trips_to_figures(
    project: Project, template: Path
) -> None:
    filled = _fill(
        template,
        {"L5": 91.2, "M5": 1400, "N5": 1535, "L6": 24.0, "O6": "provisional"},
    )

    figures = read_template(project, JUNE, filled, owner="Early Help")

    assert figures == [
        Figure("KPI01", JUNE, 91.2, numerator=1400.0, denominator=1535.0,
               source=str(filled), row=5),
        Figure("KPI03", JUNE, 24.0, status=Status.PROVISIONAL,
               source=str(filled), row=6),
    ]  # fmt: skip


def test_round_trip_figures_load_into_the_project(
    project: Project, template: Path
) -> None:
    filled = _fill(template, {"L5": 91.2, "L6": 24.0})

    figures = read_template(project, JUNE, filled)
    loaded = load_project(project.root, extra_figures=figures)

    assert loaded.figures.value("KPI01", JUNE) == 91.2
    assert loaded.figures.value("KPI03", JUNE) == 24.0
    held = loaded.figures.get("KPI01", JUNE)
    assert held is not None
    assert held.source == str(filled)


def test_empty_value_cells_supply_no_figure(project: Project, template: Path) -> None:
    filled = _fill(template, {"L6": 24.0, "P5": "figure late this month"})

    figures = read_template(project, JUNE, filled)

    assert [(f.indicator, f.value) for f in figures] == [("KPI03", 24.0)]


def test_text_in_a_value_cell_is_refused_naming_the_cell(
    project: Project, template: Path
) -> None:
    filled = _fill(template, {"L5": "91.2%", "L6": 24.0})

    with pytest.raises(InputError) as error:
        read_template(project, JUNE, filled)

    assert _problems(error) == {
        "Figures!L5": "expected a number for value, found text '91.2%'"
    }
    assert str(error.value).startswith(f"{filled}, Figures!L5: ")


def test_wrong_type_inputs_are_each_reported(project: Project, template: Path) -> None:
    filled = _fill(
        template,
        {"L5": 91.2, "M5": "many", "N5": -3, "L6": True, "O6": "draft"},
    )

    with pytest.raises(InputError) as error:
        read_template(project, JUNE, filled)

    assert _problems(error) == {
        "Figures!M5": "expected a number for numerator, found text 'many'",
        "Figures!N5": "expected a denominator of 0 or more, found -3",
        "Figures!L6": "expected a number for value, found bool True",
        "Figures!O6": (
            "expected final or provisional (or empty for final), found 'draft'"
        ),
    }


def test_a_numerator_without_a_value_is_refused(
    project: Project, template: Path
) -> None:
    filled = _fill(template, {"M5": 1400, "N5": 1535})

    with pytest.raises(InputError) as error:
        read_template(project, JUNE, filled)

    assert list(_problems(error)) == ["Figures!L5"]


def test_indicator_of_another_owner_is_refused(
    project: Project, template: Path
) -> None:
    filled = _fill(template, {"A6": "KPI02", "L6": 20.1, "A7": "KPI02", "L7": 3})

    with pytest.raises(InputError) as error:
        read_template(project, JUNE, filled)

    message = (
        "indicator 'KPI02' is supplied by 'Staffing', not 'Early Help'; remove the row"
    )
    assert _problems(error) == {"Figures!A6": message, "Figures!A7": message}


def test_unknown_duplicate_and_missing_ids_are_refused(
    project: Project, template: Path
) -> None:
    filled = _fill(
        template,
        {"L5": 91.2, "A6": "KPI99", "L6": 1, "A7": "KPI01", "L7": 2, "L8": 3},
    )

    with pytest.raises(InputError) as error:
        read_template(project, JUNE, filled)

    assert _problems(error) == {
        "Figures!A6": "unknown indicator 'KPI99'; keep the ids the template wrote",
        "Figures!A7": "a second row for KPI01; the first is row 5",
        "Figures!A8": "a row with figures but no indicator id",
    }


def test_workbook_for_another_month_is_refused(
    project: Project, tmp_path: Path
) -> None:
    may = tmp_path / "may.xlsx"
    write_template(project, Month(2020, 5), "Early Help", may)
    filled = _fill(may, {"L5": 90.4})

    with pytest.raises(InputError) as error:
        read_template(project, JUNE, filled)

    problems = _problems(error)
    assert problems["About!B4"] == (
        "the workbook is for month '2020-05', expected '2020-06'; "
        "write a template for 2020-06 with `scorecards template`"
    )
    # the period cells were written for May as well
    assert problems["Figures!E5"] == "expected the period '2020-06', found '2020-05'"


def test_workbook_for_another_project_is_refused(
    project: Project, tmp_path: Path
) -> None:
    other_root = tmp_path / "other"
    other_root.mkdir()
    shutil.copytree(project.root, other_root, dirs_exist_ok=True)
    _give_owners(other_root, name="Another Council Scorecard")
    other = load_project(other_root)
    path = tmp_path / "other.xlsx"
    write_template(other, JUNE, "Early Help", path)

    with pytest.raises(InputError) as error:
        read_template(project, JUNE, _fill(path, {"L5": 91.2}))

    assert list(_problems(error)) == ["About!B3"]
    assert "'Another Council Scorecard', expected 'Example Service Scorecard'" in (
        str(error.value)
    )


def test_workbook_of_another_owner_is_refused(project: Project, template: Path) -> None:
    with pytest.raises(InputError) as error:
        read_template(project, JUNE, _fill(template, {"L5": 1}), owner="Staffing")

    assert list(_problems(error)) == ["About!B5"]


def test_renamed_figures_sheet_is_refused(project: Project, template: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    workbook["Figures"].title = "Data"
    workbook.save(template)

    with pytest.raises(InputError) as error:
        read_template(project, JUNE, template)

    assert list(_problems(error)) == ["sheet 'Figures'"]
    assert "the workbook has ['Data', 'About']" in str(error.value)


def test_missing_about_sheet_is_refused(project: Project, template: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    del workbook["About"]
    workbook.save(template)

    with pytest.raises(InputError) as error:
        read_template(project, JUNE, template)

    assert list(_problems(error)) == ["sheet 'About'"]


def test_changed_heading_is_refused_naming_its_cell(
    project: Project, template: Path
) -> None:
    filled = _fill(template, {"L4": "Value (%)", "L5": 91.2})

    with pytest.raises(InputError) as error:
        read_template(project, JUNE, filled)

    assert _problems(error) == {
        "Figures!L4": "expected the heading 'value', found 'Value (%)'; "
        "keep the columns as the template wrote them"
    }


def test_formula_without_a_calculated_value_is_refused(
    project: Project, template: Path
) -> None:
    filled = _fill(template, {"L5": "=K5+1"})

    with pytest.raises(InputError) as error:
        read_template(project, JUNE, filled)

    assert list(_problems(error)) == ["Figures!L5"]
    assert "formula with no calculated value" in str(error.value)


def test_every_problem_is_reported_at_once(project: Project, template: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    workbook["About"]["B4"] = "2020-05"
    workbook["Figures"]["L5"] = "n/a"
    workbook["Figures"]["A6"] = "KPI02"
    workbook["Figures"]["L6"] = 20.0
    workbook.save(template)

    with pytest.raises(InputError) as error:
        read_template(project, JUNE, template)

    assert set(_problems(error)) == {"About!B4", "Figures!L5", "Figures!A6"}
    assert re.match(r"3 problems:\n- ", str(error.value))


def test_a_file_that_is_not_a_workbook_is_refused(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "figures.xlsx"
    path.write_text("indicator,period,value\n", encoding="utf-8")

    with pytest.raises(InputError, match=re.escape("is not an .xlsx workbook")):
        read_template(project, JUNE, path)

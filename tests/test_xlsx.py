"""The Excel workbook holds the seed's figures as numbers, its RAG as words, and
marks a draft on every sheet."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.cell import Cell as OpenCell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from scorecards.assess.scorecard import assemble
from scorecards.assess.view import (
    CatalogueRow,
    CatalogueView,
    KpiTableView,
    ScorecardView,
)
from scorecards.catalogue.project import load_project
from scorecards.periods import Month
from scorecards.publish import xlsx
from scorecards.publish.xlsx import number_format, sheet_names, write_xlsx
from scorecards.store.figures import Missing
from tests.conftest import EXAMPLE

HEADER_ROW = 5  # title, section, draft mark, group headings, then the headings

SHEETS = [
    "Contents",
    "Guidance Notes",
    "Directorate…Activity-Volume",
    "Integrated…Monthly Indicators",
    "Integrated…Quarterly Indicators",
    "Education Monthly Indicators",
    "Education Annual Indicators",
    "Commentary…Services Indicators",
    "Commentary…Education Indicators",
    "Annual Indicators - Primary",
    "Annual Indicators - Secondary",
    "Sources",
    "Definitions",
]


@pytest.fixture(scope="module")
def view() -> ScorecardView:
    return assemble(load_project(EXAMPLE), Month(2020, 5))


@pytest.fixture(scope="module")
def workbook(view: ScorecardView, tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    path = tmp_path_factory.mktemp("xlsx") / "directorate-2020-05.xlsx"
    write_xlsx(view, path)
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def published(
    view: ScorecardView, tmp_path_factory: pytest.TempPathFactory
) -> Workbook:
    path = tmp_path_factory.mktemp("xlsx") / "published.xlsx"
    write_xlsx(dataclasses.replace(view, draft=False), path)
    return openpyxl.load_workbook(path)


def _table(sheet: Worksheet) -> dict[str, dict[str, OpenCell]]:
    """The KPI rows of a sheet: code -> heading -> cell."""
    headings = [cell.value for cell in sheet[HEADER_ROW]]
    assert headings[:2] == ["Code", "Indicator"]
    rows: dict[str, dict[str, OpenCell]] = {}
    for cells in sheet.iter_rows(min_row=HEADER_ROW + 1):
        if cells[0].value:
            rows[cells[0].value] = dict(zip(headings, cells, strict=True))
    return rows


def _section(view: ScorecardView, section_id: str) -> Any:
    return next(s for s in view.sections if s.id == section_id)


def _texts(sheet: Worksheet) -> list[str]:
    return [
        cell.value
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]


# The seed's figures


SEED_ROWS = [
    # section, code, latest, RAG, target, number format (values printed in the seed)
    ("ics-monthly", "SCS03", 28.8, "AMBER", 25.0, "0.0"),
    ("ics-monthly", "SCS13", 23.2, "AMBER", 20.0, "0.0"),
    ("ics-monthly", "EH52-F", 56.5, "RED", 70.0, "0.0"),
    ("education-monthly", "SEND11", 28.9, "RED", 40.0, "0.0"),
    ("education-annual", "SISE4", 68, "GREEN", 68, "0"),
]


@pytest.mark.parametrize(
    ("section_id", "code", "latest", "rag", "target", "shown"),
    SEED_ROWS,
    ids=[row[1] for row in SEED_ROWS],
)
def test_seed_rows_hold_numbers_at_precision_and_rag_words(
    workbook: Workbook,
    view: ScorecardView,
    section_id: str,
    code: str,
    latest: float,
    rag: str,
    target: float,
    shown: str,
) -> None:
    section = _section(view, section_id)
    sheet = workbook[sheet_names(view)[section_id]]
    row = _table(sheet)[code]
    latest_cell = row[section.period_labels[-1]]

    assert latest_cell.data_type == "n"
    assert latest_cell.value == pytest.approx(latest)
    assert latest_cell.number_format == shown
    assert row[f"RAG {section.target_year}"].value == rag
    assert row[f"Target {section.target_year}"].value == pytest.approx(target)
    assert row[f"Target {section.target_year}"].number_format == shown


def test_trend_direction_and_previous_year_of_scs03_match_the_seed(
    workbook: Workbook,
) -> None:
    row = _table(workbook["Integrated…Monthly Indicators"])["SCS03"]
    labels = ["Nov-19", "Dec-19", "Jan-20", "Feb-20", "Mar-20", "Apr-20", "May-20"]

    trend = [row[label].value for label in labels]

    assert trend == pytest.approx([27.5, 27.5, 27.7, 27.8, 28.3, 28.3, 28.8])
    assert row["DOT"].value == "↓ worsened"
    assert row["Outturn 2019-20"].value == pytest.approx(28.3)
    assert row["RAG 2019-20"].value == "AMBER"
    assert row["Benchmark Group 2018-19 (SN or SE)"].value == pytest.approx(22.3)
    assert row["England 2018-19"].value == pytest.approx(22.6)


def test_t_polarity_row_shows_its_on_target_band(workbook: Workbook) -> None:
    row = _table(workbook["Integrated…Monthly Indicators"])["SCS13"]

    assert row["On-target band"].value == "17.5 - 22.5"
    assert row["QPR"].value == "Yes"


def test_counts_have_a_thousands_separator_and_no_decimals(workbook: Workbook) -> None:
    row = _table(workbook["Education Monthly Indicators"])["CYPE1"]

    assert row["May-20"].value == 1131
    assert row["May-20"].number_format == "#,##0"


def test_two_decimal_indicator_keeps_two_places(workbook: Workbook) -> None:
    row = _table(workbook["Education Annual Indicators"])["CYPE23"]

    assert row["2018-19"].value == pytest.approx(33.23)
    assert row["2018-19"].number_format == "0.00"


def test_not_available_figures_are_text_never_zero(workbook: Workbook) -> None:
    quarterly = _table(workbook["Integrated…Quarterly Indicators"])["CYPE8"]
    monthly = _table(workbook["Integrated…Monthly Indicators"])["SCS08"]

    assert quarterly["Q2 19-20"].value == "N/A"
    assert quarterly["Q2 19-20"].data_type == "s"
    assert monthly["England 2018-19"].value == "N/A"


def test_to_be_supplied_figure_is_an_empty_cell(
    view: ScorecardView, tmp_path: Path
) -> None:
    table = _section(view, "ics-monthly")
    first = table.rows[0]
    empty = dataclasses.replace(
        first.latest, value=None, text="", missing=Missing.TO_BE_SUPPLIED
    )
    rows = [dataclasses.replace(first, latest=empty), *table.rows[1:]]
    sections = [
        dataclasses.replace(s, rows=rows) if s is table else s for s in view.sections
    ]
    path = tmp_path / "scorecard.xlsx"

    write_xlsx(dataclasses.replace(view, sections=sections), path)

    sheet = openpyxl.load_workbook(path)["Integrated…Monthly Indicators"]
    assert _table(sheet)["SCS03"]["May-20"].value is None


def test_provisional_figure_stays_a_number_marked_p(
    view: ScorecardView, tmp_path: Path
) -> None:
    table = _section(view, "ics-monthly")
    first = table.rows[0]
    marked = dataclasses.replace(first.latest, provisional=True)
    rows = [dataclasses.replace(first, latest=marked), *table.rows[1:]]
    sections = [
        dataclasses.replace(s, rows=rows) if s is table else s for s in view.sections
    ]
    path = tmp_path / "scorecard.xlsx"

    write_xlsx(dataclasses.replace(view, sections=sections), path)

    sheet = openpyxl.load_workbook(path)["Integrated…Monthly Indicators"]
    cell = _table(sheet)["SCS03"]["May-20"]
    assert cell.value == pytest.approx(28.8)
    assert cell.number_format == '0.0" p"'
    assert "p = provisional" in _texts(sheet)


def test_rag_columns_are_coloured_by_the_word_they_hold(workbook: Workbook) -> None:
    sheet = workbook["Integrated…Monthly Indicators"]
    headings = [cell.value for cell in sheet[HEADER_ROW]]
    rag_columns = {
        openpyxl.utils.get_column_letter(headings.index(h) + 1)
        for h in ("RAG 2020-21", "RAG 2019-20")
    }

    rules: dict[str, dict[str, str]] = {}
    for rule_range in sheet.conditional_formatting:
        column = str(rule_range.sqref)[0]
        rules[column] = {
            rule.formula[0]: rule.dxf.fill.bgColor.rgb for rule in rule_range.rules
        }

    assert set(rules) == rag_columns
    for found in rules.values():
        assert found == {
            '"RED"': "FFB3001B",
            '"AMBER"': "FFFFBF47",
            '"GREEN"': "FF5CB85C",
        }
    assert str(next(iter(sheet.conditional_formatting)).sqref).endswith("6:P21")


# Sheets, properties, print setup


def test_sheets_follow_the_sections_after_a_contents_sheet(
    workbook: Workbook,
) -> None:
    assert workbook.sheetnames == SHEETS


def test_contents_links_every_section_sheet(workbook: Workbook) -> None:
    sheet = workbook["Contents"]
    links = [
        cell.hyperlink.location
        for row in sheet.iter_rows()
        for cell in row
        if cell.hyperlink
    ]

    assert len(links) == len(SHEETS) - 1
    assert "'Integrated…Monthly Indicators'!A1" in links


def test_properties_name_the_edition(workbook: Workbook, published: Workbook) -> None:
    properties = workbook.properties
    custom = {p.name: p.value for p in workbook.custom_doc_props.props}

    assert properties.title == (
        "Children, Young People and Education Directorate Scorecard - May 2020"
    )
    assert properties.creator == "Management Information & Intelligence, KCC"
    assert properties.description == "Edition 2020-05 (draft)"
    assert properties.subject == "Performance scorecard for May 2020"
    assert custom == {"Edition": "2020-05", "Draft": True}
    assert published.properties.description == (
        "Edition 2020-05 (published), published 10th July 2020"
    )


def test_draft_is_marked_on_every_sheet(workbook: Workbook) -> None:
    for sheet in workbook.worksheets:
        assert sheet.oddHeader.center.text == "DRAFT", sheet.title
        assert sheet["A3"].value == "DRAFT - not for publication", sheet.title


def test_published_workbook_has_no_draft_mark(published: Workbook) -> None:
    for sheet in published.worksheets:
        assert not sheet.oddHeader.center.text, sheet.title
        assert not [t for t in _texts(sheet) if "DRAFT" in t], sheet.title


def test_kpi_sheets_freeze_headings_and_print_landscape_a4_to_width(
    workbook: Workbook,
) -> None:
    sheet = workbook["Education Monthly Indicators"]

    assert sheet.freeze_panes == "C6"
    assert sheet.print_title_rows == "$4:$5"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9
    assert sheet.page_setup.fitToWidth in (None, 1)  # 1 is Excel's default, unwritten
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.column_dimensions["B"].width > 50


def test_activity_figures_are_numbers_shown_as_printed(workbook: Workbook) -> None:
    cells: dict[str, tuple[OpenCell, ...]] = {}
    for row in workbook["Directorate…Activity-Volume"].iter_rows():
        if row[0].value:
            cells.setdefault(row[0].value, row[1:])  # the first block's "May 2020"

    assert cells["Intensive Early Help"][0].value == 1784
    assert cells["Intensive Early Help"][0].number_format == "#,##0"
    assert cells["Intensive Early Help"][1].value == "(Families)"
    assert cells["EY providers"][0].value == pytest.approx(97.8)
    assert cells["EY providers"][0].number_format == "0.0"
    assert cells["May 2020"][0].value == pytest.approx(542.3)
    assert cells["129,440 pupils in 455 primary schools"][0].value is None


def test_commentary_sheet_holds_paragraphs_with_their_rag(workbook: Workbook) -> None:
    sheet = workbook["Commentary…Services Indicators"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=5) if row[0].value}

    assert rows["SCS03"][2].value == "AMBER"
    assert rows["SCS03"][3].value.startswith(
        "The percentage re-referrals to Children's Social Work Services"
    )
    assert rows["EH52-F"][2].value == "RED"
    assert rows["EH52-F"][4].value == "analyst"


def test_sources_and_definitions_sheets_list_each_indicator(
    workbook: Workbook,
) -> None:
    sources = {r[0].value: r for r in workbook["Sources"].iter_rows(min_row=5)}
    definitions = {r[0].value: r for r in workbook["Definitions"].iter_rows(min_row=5)}

    assert [c.value for c in workbook["Sources"][4]] == [
        "Code",
        "Indicator",
        "Source Description",
        "Latest data Description",
        "Latest data release date",
    ]
    assert sources["SCS03"][2].value == "Liberi"
    assert definitions["SCS03"][2].value.startswith(
        "The percentage of referrals to SCS in the last 12 months"
    )


# Sheet names and writing safely


def _view_with(*sections: Any) -> ScorecardView:
    return ScorecardView(
        title="T & Co",
        organisation="",
        department="",
        produced_by="",
        authority="",
        month="2020-05",
        month_label="May 2020",
        publication_date="",
        draft=False,
        sections=list(sections),
        warnings=[],
    )


def _table_titled(section_id: str, title: str) -> KpiTableView:
    return KpiTableView(
        id=section_id,
        title=title,
        page="",
        frequency="month",
        period_labels=[],
        latest_period="2020-05",
        latest_heading="Latest",
        target_year="2020-21",
        previous_year=None,
        next_year=None,
        benchmark_headings=[],
        rows=[],
    )


def test_sheet_names_are_short_unique_and_legal() -> None:
    view = _view_with(
        _table_titled("a", "Contents"),
        _table_titled("b", "History"),
        _table_titled("c", "Rates [per 10,000]: a/b? *all*"),
        _table_titled("d", "x" * 40),
        _table_titled("e", "x" * 40),
        _table_titled("f", "'Quoted'"),
    )

    names = sheet_names(view)

    assert names == {
        "a": "Contents (2)",
        "b": "History (2)",
        "c": "Rates -per 10,000-- a-b- -all-",
        "d": "x" * 31,
        "e": "x" * 27 + " (2)",
        "f": "Quoted",
    }


def test_an_empty_table_still_writes(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"

    write_xlsx(_view_with(_table_titled("a", "Empty")), path)

    assert openpyxl.load_workbook(path).sheetnames == ["Contents", "Empty"]


def test_text_is_never_taken_for_a_formula(tmp_path: Path) -> None:
    group: list[tuple[str, list[CatalogueRow]]] = [("=SUM(A1)", [])]
    view = _view_with(CatalogueView("definitions", "d", "Definitions", "", group))
    path = tmp_path / "scorecard.xlsx"

    write_xlsx(view, path)

    cell = openpyxl.load_workbook(path)["Definitions"]["A5"]
    assert cell.value == "=SUM(A1)"
    assert cell.data_type == "s"


def test_a_failed_write_leaves_the_old_workbook_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "scorecard.xlsx"
    path.write_bytes(b"old")

    def fail(view: ScorecardView, filename: str) -> None:
        Path(filename).write_bytes(b"half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(xlsx, "_write_workbook", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        write_xlsx(_view_with(), path)

    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["scorecard.xlsx"]


def test_unknown_section_kind_is_refused_before_writing(tmp_path: Path) -> None:
    odd = CatalogueView("appendix", "x", "Appendix", "", [])

    with pytest.raises(NotImplementedError, match="kind 'appendix'"):
        write_xlsx(_view_with(odd), tmp_path / "scorecard.xlsx")

    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("precision", "thousands", "expected"),
    [(0, False, "0"), (1, False, "0.0"), (2, False, "0.00"), (1, True, "#,##0.0")],
)
def test_number_format_follows_precision(
    precision: int, thousands: bool, expected: str
) -> None:
    assert number_format(precision, thousands) == expected

"""The scorecard as an Excel workbook: a contents sheet, then one sheet per section.

Figures are stored as numbers, shown at their indicator's precision by the cell's
number format, so a reader can sort, filter and chart them without retyping. A
missing figure is the text "N/A" or an empty cell, never a zero. RAG ratings are
the words RED, AMBER and GREEN; conditional formats colour them, so the colour
follows the word if a reader edits it. Like every renderer, this computes nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from scorecards.assess.view import (
    ActivityBlockView,
    ActivityView,
    CatalogueView,
    Cell,
    CommentaryView,
    ComparisonView,
    GuidanceView,
    KpiRowView,
    KpiTableView,
    ScorecardView,
    SectionView,
)
from scorecards.files import written_whole
from scorecards.publish.xlsx_names import CONTENTS, sheet_names

log = logging.getLogger(__name__)

TOP_ROWS = 3  # every sheet starts with its title, its section and the draft mark
DRAFT_TEXT = "DRAFT - not for publication"

RAG_COLOURS = {  # fill, ink; the same colours as the HTML and PDF
    "RED": ("#B3001B", "#FFFFFF"),
    "AMBER": ("#FFBF47", "#000000"),
    "GREEN": ("#5CB85C", "#000000"),
}
HEADING_FILL = "#E4E8EE"
TREND_HEADINGS = {
    "month": "Monthly Trends",
    "quarter": "Quarterly Trends",
    "year": "Annual Trends",
}
FIRST_TREND_COLUMN = 5  # after code, indicator, polarity, data period and QPR

_NUMBER_TEXT = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$")


def write_xlsx(view: ScorecardView, path: Path) -> None:
    """Write the scorecard as an .xlsx workbook at ``path``, replacing it whole.

    The workbook is written to a temporary file in the same folder and moved
    into place only when complete, so ``path`` never holds half a workbook.

    Args:
        view: the scorecard, fully worked out by the assembly.
        path: where the workbook goes.

    Raises:
        NotImplementedError: a section is of a kind this writer cannot lay out.

    >>> import tempfile
    >>> from scorecards.assess.view import ScorecardView
    >>> view = ScorecardView(
    ...     title="Scorecard", organisation="", department="", produced_by="",
    ...     authority="", month="2020-05", month_label="May 2020",
    ...     publication_date="", draft=True, sections=[], warnings=[],
    ... )
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_xlsx(view, Path(folder) / "scorecard.xlsx")
    """
    path = Path(path)
    for section in view.sections:
        if _writer_of(section) is None:
            raise NotImplementedError(
                f"cannot write a section of kind {section.kind!r} "
                f"(section {section.id!r}) to Excel; supported: kpi_table, "
                "activity, commentary, guidance, sources, definitions"
            )

    with written_whole(path, suffix=".xlsx") as temporary:
        _write_workbook(view, temporary)
    log.info("wrote %s: %d sections", path.name, len(view.sections))


def number_format(precision: int, thousands: bool = False) -> str:
    """The Excel number format that shows ``precision`` decimal places.

    >>> number_format(1), number_format(0, thousands=True), number_format(2)
    ('0.0', '#,##0', '0.00')
    """
    whole = "#,##0" if thousands else "0"
    return whole + ("." + "0" * precision if precision > 0 else "")


def _write_workbook(view: ScorecardView, filename: str) -> None:
    workbook = xlsxwriter.Workbook(
        filename,
        {"strings_to_formulas": False, "strings_to_urls": False},
    )
    _set_properties(workbook, view)
    formats = _Formats(workbook)
    names = sheet_names(view)

    contents = workbook.add_worksheet(CONTENTS)
    _write_contents(contents, view, names, formats)
    for section in view.sections:
        sheet = workbook.add_worksheet(names[section.id])
        _start_sheet(sheet, view, section.title, formats)
        writer = _writer_of(section)
        assert writer is not None  # checked before any file was opened
        writer(sheet, section, formats)
    workbook.close()


def _set_properties(workbook: Workbook, view: ScorecardView) -> None:
    state = "draft" if view.draft else "published"
    comments = f"Edition {view.month} ({state})"
    if view.publication_date and not view.draft:
        comments += f", published {view.publication_date}"
    workbook.set_properties(
        {
            "title": f"{view.title} - {view.month_label}",
            "subject": f"Performance scorecard for {view.month_label}",
            "author": view.produced_by,
            "manager": view.department,
            "company": view.organisation,
            "category": "Performance scorecard",
            "keywords": f"scorecard, {view.month}, {state}",
            "comments": comments,
            "status": state.capitalize(),
        }
    )
    workbook.set_custom_property("Edition", view.month)
    workbook.set_custom_property("Draft", view.draft)


class _Formats:
    """Cell formats made once per workbook and shared, as Excel expects."""

    def __init__(self, workbook: Workbook):
        self._workbook = workbook
        self._made: dict[tuple[tuple[str, Any], ...], Format] = {}

    def get(self, **properties: Any) -> Format:
        key = tuple(sorted(properties.items()))
        if key not in self._made:
            self._made[key] = self._workbook.add_format(properties)
        return self._made[key]

    def heading(self) -> Format:
        return self.get(
            bold=True,
            text_wrap=True,
            valign="bottom",
            border=1,
            bg_color=HEADING_FILL,
        )

    def text(self, wrap: bool = False, bold: bool = False) -> Format:
        return self.get(border=1, text_wrap=wrap, valign="top", bold=bold)

    def number(self, num_format: str, italic: bool = False) -> Format:
        return self.get(border=1, valign="top", num_format=num_format, italic=italic)

    def centred(self) -> Format:
        return self.get(border=1, valign="top", align="center")

    def rag(self, colour: str) -> Format:
        fill, ink = RAG_COLOURS[colour]
        return self.get(bg_color=fill, font_color=ink, bold=True)


# Sheets


def _writer_of(section: SectionView) -> Any:
    return {
        "kpi_table": _write_kpi_table,
        "activity": _write_activity,
        "commentary": _write_commentary,
        "comparison": _write_comparison,
        "guidance": _write_guidance,
        "sources": _write_catalogue,
        "definitions": _write_catalogue,
    }.get(section.kind)


def _start_sheet(
    sheet: Worksheet, view: ScorecardView, heading: str, formats: _Formats
) -> None:
    """The rows every sheet starts with, the draft mark and the print setup."""
    _write_text(sheet, 0, 0, f"{view.title} - {view.month_label}", _title(formats))
    _write_text(sheet, 1, 0, heading, formats.get(bold=True, font_size=12))
    if view.draft:
        _write_text(sheet, 2, 0, DRAFT_TEXT, formats.get(bold=True, font_color="red"))
        sheet.set_header("&CDRAFT")
    footer = _header_text(f"{view.title} - {view.month_label}")
    sheet.set_footer(f"&L{footer}&RPage &P of &N")
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)


def _title(formats: _Formats) -> Format:
    return formats.get(bold=True, font_size=14)


def _header_text(text: str) -> str:
    """Text safe in a page header or footer: "&" is a control character there."""
    return text.replace("&", "&&")[:200]


def _write_contents(
    sheet: Worksheet, view: ScorecardView, names: dict[str, str], formats: _Formats
) -> None:
    _start_sheet(sheet, view, "Contents", formats)
    state = "Draft" if view.draft else "Published"
    details = [
        ("Organisation", view.organisation),
        ("Department", view.department),
        ("Produced by", view.produced_by),
        ("Edition", f"{view.month_label} ({view.month})"),
        ("Status", state),
        ("Publication date", view.publication_date),
    ]
    row = TOP_ROWS + 1
    for label, value in details:
        _write_text(sheet, row, 0, label, formats.get(bold=True))
        _write_text(sheet, row, 1, value)
        row += 1

    row += 1
    heading = formats.heading()
    for column, text in enumerate(("Sheet", "Section", "Page")):
        _write_text(sheet, row, column, text, heading)
    link = formats.get(border=1, font_color="blue", underline=1)
    for section in view.sections:
        row += 1
        name = names[section.id]
        target = "internal:'" + name.replace("'", "''") + "'!A1"
        sheet.write_url(row, 0, target, link, string=name)
        _write_text(sheet, row, 1, section.title, formats.text(wrap=True))
        _write_text(sheet, row, 2, section.page, formats.text(wrap=True))

    if view.warnings:
        row += 2
        _write_text(sheet, row, 0, "Warnings", formats.get(bold=True))
        for warning in view.warnings:
            row += 1
            _write_text(sheet, row, 1, warning, formats.get(text_wrap=True))
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 70)
    sheet.set_column(2, 2, 40)


def _write_kpi_table(sheet: Worksheet, table: KpiTableView, formats: _Formats) -> None:
    """Identity columns, trend, latest, DOT, target and RAG, previous and next
    year where the layout shows them, benchmarks and the business plan flag."""
    columns = _kpi_columns(table)
    group_row, head_row = TOP_ROWS, TOP_ROWS + 1
    first = head_row + 1

    heading = formats.heading()
    for number, column in enumerate(columns):
        _write_text(sheet, head_row, number, column.heading, heading)
    for group, start, end in _kpi_groups(table, columns):
        if start == end:
            _write_text(sheet, group_row, start, group, heading)
        else:
            sheet.merge_range(group_row, start, group_row, end, group, heading)

    for offset, row in enumerate(table.rows):
        shown = number_format(row.precision, thousands=row.unit == "count")
        for number, column in enumerate(columns):
            place = (first + offset, number)
            _write_kpi_cell(sheet, place, column.kind, column.get(row), shown, formats)

    last = first + max(len(table.rows), 1) - 1
    for number, column in enumerate(columns):
        sheet.set_column(number, number, column.width)
        if column.kind == "rag":
            _colour_rag(sheet, first, number, last, number, formats)
    sheet.set_row(head_row, 45)
    sheet.freeze_panes(first, 2)
    sheet.repeat_rows(group_row, head_row)
    if table.rows:
        sheet.autofilter(head_row, 0, last, len(columns) - 1)
    if any(_provisional(row) for row in table.rows):
        _write_text(sheet, last + 2, 0, "p = provisional")


@dataclass(frozen=True)
class _Column:
    """A KPI table column: its heading, its width, and what its cells hold.

    ``kind`` says what ``get`` returns for a row: "text" a string, "title" a
    string to wrap, "figure" a Cell or None, "value" a (number, text) pair
    and "rag" a rating or None.
    """

    heading: str
    width: int
    kind: str
    get: Callable[[KpiRowView], Any]


def _kpi_columns(table: KpiTableView) -> list[_Column]:
    """Every column of a KPI table, left to right, as the HTML lays them out."""
    count = len(table.period_labels)
    columns = [
        _Column("Code", 12, "text", lambda r: r.code or ""),
        _Column("Indicator", 55, "title", lambda r: r.title),
        _Column("Polarity", 8, "centred", lambda r: r.polarity),
        _Column("Data Period", 8, "centred", lambda r: r.data_period),
        _Column("QPR", 6, "centred", lambda r: "Yes" if r.qpr else ""),
    ]
    for index, label in enumerate(table.period_labels):
        if index == count - 1:
            columns.append(_Column(label, 9, "figure", lambda r: r.latest))
        else:
            columns.append(_Column(label, 9, "figure", partial(_trend_cell, index)))

    year = table.target_year
    columns += [
        _Column("DOT", 13, "text", _direction_text),
        _Column(f"Target {year}", 10, "value", lambda r: (r.target, r.target_text)),
    ]
    if any(row.band_text for row in table.rows):
        columns.append(_Column("On-target band", 12, "centred", lambda r: r.band_text))
    columns.append(_Column(f"RAG {year}", 10, "rag", lambda r: r.rag))

    if table.previous_year:
        year = table.previous_year
        columns += [
            _Column(f"Outturn {year}", 10, "figure", lambda r: _previous(r, "outturn")),
            _Column(f"Target {year}", 10, "value", _previous_target),
            _Column(f"RAG {year}", 10, "rag", lambda r: _previous(r, "rag")),
        ]
    if table.next_year:
        columns.append(
            _Column(
                f"Target {table.next_year}",
                10,
                "value",
                lambda r: (r.next_target, r.next_target_text),
            )
        )
    for index, (label, note) in enumerate(table.benchmark_headings):
        heading = f"{label} ({note})" if note else label
        columns.append(_Column(heading, 14, "value", partial(_benchmark, index)))
    columns.append(
        _Column(
            "Linked to business plan?",
            11,
            "centred",
            lambda r: "Yes" if r.business_plan else "",
        )
    )
    return columns


def _trend_cell(index: int, row: KpiRowView) -> Cell | None:
    return row.trend[index] if index < len(row.trend) else None


def _direction_text(row: KpiRowView) -> str:
    """The arrow and the word, so the direction reads without the arrow's font."""
    if row.direction is None:
        return ""
    return f"{row.direction.arrow} {row.direction.value}"


def _previous(row: KpiRowView, field: str) -> Any:
    return None if row.previous is None else getattr(row.previous, field)


def _previous_target(row: KpiRowView) -> tuple[float | None, str]:
    if row.previous is None:
        return None, ""
    return row.previous.target, row.previous.target_text


def _benchmark(index: int, row: KpiRowView) -> tuple[float | None, str]:
    if index >= len(row.benchmarks):
        return None, ""
    return row.benchmarks[index].value, row.benchmarks[index].text


def _kpi_groups(
    table: KpiTableView, columns: list[_Column]
) -> list[tuple[str, int, int]]:
    """Headings over groups of columns: the trend, the latest period, the years."""
    groups: list[tuple[str, int, int]] = []
    trend = [FIRST_TREND_COLUMN + n for n in range(len(table.period_labels))]
    if len(trend) > 1:
        heading = TREND_HEADINGS.get(table.frequency, "Trends")
        groups.append((heading, trend[0], trend[-2]))
    if trend:
        groups.append((table.latest_heading, trend[-1], trend[-1]))
    if table.previous_year:
        headings = [column.heading for column in columns]
        start = headings.index(f"Outturn {table.previous_year}")
        groups.append((f"Previous year {table.previous_year}", start, start + 2))
    return groups


def _write_kpi_cell(
    sheet: Worksheet,
    place: tuple[int, int],
    kind: str,
    content: Any,
    num_format: str,
    formats: _Formats,
) -> None:
    row, column = place
    if kind == "figure":
        _write_cell(sheet, row, column, content, num_format, formats)
    elif kind == "value":
        value, text = content
        _write_value(sheet, row, column, value, text, num_format, formats)
    elif kind == "rag":
        _write_rag(sheet, row, column, content, formats)
    elif kind == "centred":
        _write_text(sheet, row, column, content, formats.centred())
    else:
        _write_text(sheet, row, column, content, formats.text(wrap=kind == "title"))


def _provisional(row: KpiRowView) -> bool:
    cells = [*row.trend, row.latest]
    if row.previous is not None:
        cells.append(row.previous.outturn)
    return any(cell.provisional for cell in cells)


def _write_text(
    sheet: Worksheet, row: int, column: int, text: str, cell_format: Any = None
) -> None:
    """Text as a string, never a formula; no text as an empty cell, not ""."""
    if text:
        sheet.write_string(row, column, text, cell_format)
    else:
        sheet.write_blank(row, column, None, cell_format)


def _write_cell(
    sheet: Worksheet,
    row: int,
    column: int,
    cell: Cell | None,
    num_format: str,
    formats: _Formats,
) -> None:
    """A figure: a number at its precision, or its missing text, never a zero.

    A provisional figure keeps its number and shows a "p" after it through the
    number format; a figure from the previous reporting year is in italics.
    """
    if cell is None:
        sheet.write_blank(row, column, None, formats.text())
        return
    if cell.value is None:
        missing = formats.get(border=1, valign="top", align="right", italic=cell.italic)
        _write_text(sheet, row, column, cell.text, missing)
        return
    if cell.provisional:
        num_format += '" p"'
    sheet.write_number(row, column, cell.value, formats.number(num_format, cell.italic))


def _write_value(
    sheet: Worksheet,
    row: int,
    column: int,
    value: float | None,
    text: str,
    num_format: str,
    formats: _Formats,
) -> None:
    if value is None:
        right = formats.get(border=1, valign="top", align="right")
        _write_text(sheet, row, column, text, right)
    else:
        sheet.write_number(row, column, value, formats.number(num_format))


def _write_rag(
    sheet: Worksheet, row: int, column: int, rating: str | None, formats: _Formats
) -> None:
    bold = formats.get(border=1, valign="top", align="center", bold=True)
    _write_text(sheet, row, column, str(rating) if rating else "", bold)


def _colour_rag(
    sheet: Worksheet,
    first_row: int,
    first_column: int,
    last_row: int,
    last_column: int,
    formats: _Formats,
) -> None:
    """Colour RAG words by what they say, so an edited word takes its colour."""
    for colour in RAG_COLOURS:
        sheet.conditional_format(
            first_row,
            first_column,
            last_row,
            last_column,
            {
                "type": "cell",
                "criteria": "equal to",
                "value": f'"{colour}"',
                "format": formats.rag(colour),
            },
        )


def _write_activity(sheet: Worksheet, section: ActivityView, formats: _Formats) -> None:
    row = TOP_ROWS + 1
    for block in section.blocks:
        row = _write_activity_block(sheet, row, block, formats) + 1
    sheet.set_column(0, 0, 60)
    sheet.set_column(1, 1, 14)
    sheet.set_column(2, 2, 20)
    sheet.freeze_panes(TOP_ROWS, 0)


def _write_activity_block(
    sheet: Worksheet, row: int, block: ActivityBlockView, formats: _Formats
) -> int:
    """Write one block from ``row``; return the row after it."""
    _write_text(sheet, row, 0, block.title, formats.get(bold=True, text_wrap=True))
    if block.as_at:
        _write_text(sheet, row, 1, f"as at {block.as_at}", formats.get(italic=True))
    row += 1

    plain = formats.get(text_wrap=True, valign="top")
    for line in block.lines:
        if block.kind == "headline":
            suffix = f" {line.suffix}" if line.suffix else ""
            _write_text(sheet, row, 0, line.text + suffix, plain)
        else:
            label = formats.get(indent=2 if line.indent else 0, valign="top")
            _write_text(sheet, row, 0, line.label, label)
            _write_number_text(sheet, row, 1, line.text, formats)
            if line.suffix:
                _write_text(sheet, row, 2, line.suffix)
        row += 1
    for label, cell in block.points:
        _write_text(sheet, row, 0, label)
        _write_number_text(sheet, row, 1, cell.text, formats, cell.value)
        row += 1
    if block.text:
        _write_text(sheet, row, 0, block.text, plain)
        row += 1
    return row


def _write_number_text(
    sheet: Worksheet,
    row: int,
    column: int,
    text: str,
    formats: _Formats,
    value: float | None = None,
) -> None:
    """A figure known only by its text ("1,784"): a number shown as written."""
    plain = formats.get(align="right", valign="top")
    if not _NUMBER_TEXT.match(text):
        _write_text(sheet, row, column, text, plain)
        return
    decimals = len(text.partition(".")[2])
    shown = number_format(decimals, thousands="," in text)
    number = float(text.replace(",", "")) if value is None else value
    sheet.write_number(row, column, number, formats.get(num_format=shown))


def _write_commentary(
    sheet: Worksheet, section: CommentaryView, formats: _Formats
) -> None:
    head = TOP_ROWS
    heading = formats.heading()
    for column, title in enumerate(("Code", "Indicator", "RAG", "Commentary", "By")):
        _write_text(sheet, head, column, title, heading)

    row = head + 1
    wrapped = formats.text(wrap=True)
    for intro in section.intro:
        _write_text(sheet, row, 1, "Introduction", formats.text(bold=True))
        _write_text(sheet, row, 3, intro, wrapped)
        row += 1
    for group, paragraphs in section.groups:
        _write_text(sheet, row, 0, group, formats.get(bold=True, top=1))
        row += 1
        for paragraph in paragraphs:
            _write_text(sheet, row, 0, paragraph.code or "", formats.text())
            _write_text(sheet, row, 1, paragraph.title, wrapped)
            _write_rag(sheet, row, 2, paragraph.rag, formats)
            _write_text(sheet, row, 3, paragraph.text, wrapped)
            by = "generated" if paragraph.drafted else "analyst"
            _write_text(sheet, row, 4, by, formats.text())
            row += 1

    _colour_rag(sheet, head + 1, 2, max(row - 1, head + 1), 2, formats)
    for column, width in enumerate((12, 45, 9, 100, 10)):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(head + 1, 2)
    sheet.repeat_rows(head, head)


def _write_comparison(
    sheet: Worksheet, section: ComparisonView, formats: _Formats
) -> None:
    """One block per indicator: the authority, then each area and its districts."""
    row = TOP_ROWS + 1
    heading = formats.heading()
    for table in section.tables:
        title = f"{table.code} {table.title}" if table.code else table.title
        target = table.target_text or "none"
        caption = f"{title} ({table.period}; target {table.target_year}: {target})"
        _write_text(sheet, row, 0, caption, formats.text(bold=True))
        row += 1
        for column, name in enumerate(("Area", "Figure", "Count", "DOT", "RAG")):
            _write_text(sheet, row, column, name, heading)
        first = row + 1
        row += 1
        _write_text(sheet, row, 0, "Authority", formats.text(bold=True))
        _write_cell(sheet, row, 1, table.authority, "0.0", formats)
        _write_rag(sheet, row, 4, table.authority_rag, formats)
        if table.note:
            _write_text(sheet, row, 5, table.note, formats.text())
        for entry in table.rows:
            row += 1
            indent = "    " if entry.level == "district" else ""
            _write_text(sheet, row, 0, indent + entry.area, formats.text())
            _write_cell(sheet, row, 1, entry.latest, "0.0", formats)
            _write_cell(sheet, row, 2, entry.count, "#,##0", formats)
            arrow = (
                f"{entry.direction.arrow} {entry.direction.value}"
                if entry.direction
                else ""
            )
            _write_text(sheet, row, 3, arrow, formats.text())
            _write_rag(sheet, row, 4, entry.rag, formats)
            if entry.latest.suppressed:
                _write_text(sheet, row, 5, entry.latest.suppressed, formats.text())
        _colour_rag(sheet, first, 4, row, 4, formats)
        row += 2
    if section.suppression_note:
        _write_text(sheet, row, 0, f"c: {section.suppression_note}", formats.text())
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 4, 11)
    sheet.set_column(5, 5, 60)


def _write_guidance(sheet: Worksheet, section: GuidanceView, formats: _Formats) -> None:
    row = TOP_ROWS + 1
    wrapped = formats.get(text_wrap=True, valign="top")
    for note in section.notes:
        _write_text(sheet, row, 1, note, wrapped)
        row += 1

    for heading, entries in section.keys:
        row += 1
        _write_text(sheet, row, 0, heading, formats.heading())
        sheet.write_blank(row, 1, None, formats.heading())
        row += 1
        for entry in entries:
            _write_text(sheet, row, 0, entry.key, formats.text(bold=True))
            _write_text(sheet, row, 1, entry.meaning, formats.text(wrap=True))
            row += 1

    if section.contacts or section.emails:
        row += 1
        title = "Management Information contact details"
        _write_text(sheet, row, 0, title, formats.get(bold=True))
        for contact in section.contacts:
            row += 1
            for column, value in enumerate(contact.values(), start=1):
                _write_text(sheet, row, column, value)
        for email in section.emails:
            row += 1
            _write_text(sheet, row, 1, email)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 100)
    sheet.set_column(2, 2, 16)


def _write_catalogue(
    sheet: Worksheet, section: CatalogueView, formats: _Formats
) -> None:
    """Sources: where each figure comes from; definitions: what each counts."""
    if section.kind == "sources":
        columns = [
            ("Code", 12, "code"),
            ("Indicator", 50, "title"),
            ("Source Description", 40, "source"),
            ("Latest data Description", 36, "latest"),
            ("Latest data release date", 16, "released"),
        ]
    else:
        columns = [
            ("Code", 12, "code"),
            ("Indicator", 50, "title"),
            ("Definition", 90, "definition"),
        ]

    head = TOP_ROWS
    for number, (title, width, _field) in enumerate(columns):
        _write_text(sheet, head, number, title, formats.heading())
        sheet.set_column(number, number, width)
    row = head + 1
    wrapped = formats.text(wrap=True)
    for heading, entries in section.groups:
        _write_text(sheet, row, 0, heading, formats.get(bold=True))
        row += 1
        for entry in entries:
            for number, (_title, _width, field) in enumerate(columns):
                value = getattr(entry, field) or ""
                _write_text(sheet, row, number, value, wrapped)
            row += 1
    sheet.freeze_panes(head + 1, 2)
    sheet.repeat_rows(head, head)


# Sheet names

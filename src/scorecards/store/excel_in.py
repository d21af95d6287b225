"""Figures from data owners: a workbook to fill in, and reading it back.

A data owner (the team named by an indicator's ``owner``) gets a workbook with
one row per indicator they supply, the last figures held for reference, and
input cells that Excel checks as they are typed. Reading the workbook back
checks it again, since a workbook can be edited outside Excel: every cell of
the wrong type, every row for an indicator the owner does not supply, and a
workbook written for another month, owner or project is refused, each problem
naming its sheet and cell.

The "About" sheet records the project, month and owner the workbook was
written for, so that a workbook cannot be loaded into the wrong edition.
"""

from __future__ import annotations

import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook as OpenWorkbook
from openpyxl.worksheet.worksheet import Worksheet as OpenWorksheet
from xlsxwriter.worksheet import Worksheet

from scorecards.catalogue.models import DataPeriod, Indicator
from scorecards.catalogue.project import Project
from scorecards.errors import InputError, Problem, problem
from scorecards.files import written_whole
from scorecards.periods import Frequency, Month, Period, latest_complete
from scorecards.store.figures import Figure, Status

log = logging.getLogger(__name__)

FIGURES = "Figures"
ABOUT = "About"
TEMPLATE_VERSION = 1
HEADER_ROW = 4  # Excel's row numbers, counting from 1
REFERENCE_PERIODS = 3  # how many earlier figures each row shows

INPUT_FILL = "#FFF2CC"
HEADING_FILL = "#E4E8EE"
NUMBER_LIMIT = 1e12  # Excel's check on a value: any number short of this size


@dataclass(frozen=True)
class _Column:
    heading: str
    width: int
    is_input: bool = False


def _back_label(back: int) -> str:
    return {1: "last", 2: "2nd last", 3: "3rd last"}.get(back, f"{back}th last")


def _columns() -> list[_Column]:
    """The Figures sheet's columns, left to right; reading relies on this order."""
    columns = [
        _Column("id", 14),
        _Column("code", 10),
        _Column("title", 60),
        _Column("unit", 14),
        _Column("period", 11),
    ]
    for back in range(REFERENCE_PERIODS, 0, -1):
        label = _back_label(back)
        columns += [_Column(f"{label} period", 11), _Column(f"{label} value", 10)]
    columns += [
        _Column("value", 11, is_input=True),
        _Column("numerator", 12, is_input=True),
        _Column("denominator", 12, is_input=True),
        _Column("status", 12, is_input=True),
        _Column("note", 40, is_input=True),
    ]
    return columns


COLUMNS = _columns()
POSITION = {column.heading: number for number, column in enumerate(COLUMNS)}
ABOUT_KEYS = ("project", "month", "owner", "template version")
ABOUT_FIRST_ROW = 3  # Excel's row number of the first key


def owners(project: Project) -> list[str]:
    """The owners named in the catalogue, as first spelt, sorted."""
    found: dict[str, str] = {}
    for indicator in project.indicators.values():
        if indicator.owner.strip():
            found.setdefault(
                indicator.owner.strip().casefold(), indicator.owner.strip()
            )
    return sorted(found.values(), key=str.casefold)


def write_template(project: Project, month: Month, owner: str, path: Path) -> None:
    """Write the workbook in which ``owner`` supplies figures for ``month``.

    One row per indicator whose ``owner`` matches (without regard to case),
    with the last three figures held for reference. Only the input cells
    (value, numerator, denominator, status, note) can be edited; Excel checks
    that value, numerator and denominator are numbers as they are typed.

    Args:
        project: the loaded project; its figures give the reference columns.
        month: the edition month the figures are for.
        owner: the team, as named by the indicators' ``owner``.
        path: where the workbook goes; replaced whole when complete.

    Raises:
        InputError: no indicator names ``owner``; the message lists the owners.
    """
    indicators = _owned(project, owner)
    path = Path(path)
    with written_whole(path, suffix=".xlsx") as temporary:
        _write_template(project, month, indicators, temporary)
    log.info("wrote %s: %d indicators for %s", path.name, len(indicators), owner)


def _owned(project: Project, owner: str) -> list[Indicator]:
    wanted = owner.strip().casefold()
    found = [
        indicator
        for indicator in project.indicators.values()
        if wanted and indicator.owner.strip().casefold() == wanted
    ]
    if found:
        return found
    known = owners(project)
    hint = (
        f"the owners named are {known}"
        if known
        else "no indicator names an owner; add `owner:` to indicators/*.yaml"
    )
    raise InputError(
        problem(
            project.root / "indicators",
            f"no indicator is supplied by {owner!r}; {hint}",
            key="owner",
        )
    )


def row_period(indicator: Indicator, month: Month) -> Period:
    """The period an indicator's figure in ``month``'s workbook is for.

    A quarterly indicator (data period Q) reports the latest quarter ended by
    the end of the month, an annual one (A) the latest year on its year basis;
    every other indicator reports the month itself.

    >>> from scorecards.catalogue.models import Indicator
    >>> str(row_period(Indicator(id="Q1", title="t", data_period="Q"), Month(2020, 6)))
    '2020-21 Q1'
    """
    if indicator.data_period is DataPeriod.Q:
        return latest_complete(month, Frequency.QUARTER, indicator.year_basis)
    if indicator.data_period is DataPeriod.A:
        return latest_complete(month, Frequency.YEAR, indicator.year_basis)
    return month


def _write_template(
    project: Project, month: Month, indicators: list[Indicator], filename: str
) -> None:
    owner = indicators[0].owner.strip()
    workbook = xlsxwriter.Workbook(filename, {"strings_to_formulas": False})
    workbook.set_properties(
        {
            "title": f"Figures for {project.config.scorecard.name} - "
            f"{month.long_label}",
            "subject": f"Figures supplied by {owner}",
            "author": project.config.scorecard.produced_by,
            "company": project.config.scorecard.organisation,
            "comments": f"Template for {month}, owner {owner}",
        }
    )
    sheet = workbook.add_worksheet(FIGURES)
    about = workbook.add_worksheet(ABOUT)
    bold = workbook.add_format({"bold": True})
    heading = workbook.add_format(
        {"bold": True, "border": 1, "bg_color": HEADING_FILL, "text_wrap": True}
    )

    sheet.write_string(
        0,
        0,
        f"Figures for {project.config.scorecard.name}: {month.long_label}",
        workbook.add_format({"bold": True, "font_size": 14}),
    )
    sheet.write_string(
        1,
        0,
        f"Supplied by {owner}. Type each figure in the yellow cells; leave value "
        "empty where you have no figure. Status is final unless you choose "
        "provisional.",
    )
    for number, column in enumerate(COLUMNS):
        sheet.write_string(HEADER_ROW - 1, number, column.heading, heading)
        sheet.set_column(number, number, column.width)

    first = HEADER_ROW  # XlsxWriter counts rows from 0
    formats = _TemplateFormats(workbook)
    for offset, indicator in enumerate(indicators):
        _write_template_row(sheet, first + offset, indicator, month, project, formats)
    last = first + len(indicators) - 1
    _validate_inputs(sheet, first, last, indicators)

    sheet.freeze_panes(first, 3)
    sheet.protect("", {"format_columns": True, "format_rows": True})
    sheet.activate()

    about.write_string(0, 0, "About this workbook", bold)
    values: list[str | int] = [
        project.config.scorecard.name,
        str(month),
        owner,
        TEMPLATE_VERSION,
    ]
    for offset, (key, value) in enumerate(zip(ABOUT_KEYS, values, strict=True)):
        about.write_string(ABOUT_FIRST_ROW - 1 + offset, 0, key, bold)
        about.write(ABOUT_FIRST_ROW - 1 + offset, 1, value)
    about.write_string(
        ABOUT_FIRST_ROW + len(ABOUT_KEYS),
        0,
        "Reading the workbook back checks these; do not change them.",
    )
    about.set_column(0, 0, 18)
    about.set_column(1, 1, 40)
    about.protect("")
    workbook.close()


class _TemplateFormats:
    """Cell formats made once per workbook and shared."""

    def __init__(self, workbook: Any):
        self._workbook = workbook
        self._made: dict[tuple[tuple[str, Any], ...], Any] = {}

    def get(self, **properties: Any) -> Any:
        key = tuple(sorted(properties.items()))
        if key not in self._made:
            self._made[key] = self._workbook.add_format(properties)
        return self._made[key]


def _write_template_row(
    sheet: Worksheet,
    row: int,
    indicator: Indicator,
    month: Month,
    project: Project,
    formats: _TemplateFormats,
) -> None:
    period = row_period(indicator, month)
    shown = "0" + ("." + "0" * indicator.precision if indicator.precision else "")
    number = formats.get(num_format=shown, border=1)
    locked = formats.get(border=1)
    wrapped = formats.get(border=1, text_wrap=True, valign="top")
    unlocked_number = formats.get(
        locked=False, bg_color=INPUT_FILL, border=1, num_format=shown
    )
    unlocked = formats.get(locked=False, bg_color=INPUT_FILL, border=1)

    sheet.write_string(row, POSITION["id"], indicator.id, locked)
    sheet.write_string(row, POSITION["code"], indicator.code or "", locked)
    sheet.write_string(row, POSITION["title"], indicator.title, wrapped)
    sheet.write_string(row, POSITION["unit"], str(indicator.unit), locked)
    sheet.write_string(row, POSITION["period"], str(period), locked)

    earlier = [
        p
        for p in project.figures.periods(indicator.id)
        if p.kind == period.kind and p.index < period.index
    ][-REFERENCE_PERIODS:]
    for back in range(REFERENCE_PERIODS, 0, -1):
        label = _back_label(back)
        held = earlier[-back] if back <= len(earlier) else None
        value = None if held is None else project.figures.value(indicator.id, held)
        if held is None or value is None:
            sheet.write_blank(row, POSITION[f"{label} period"], None, locked)
            sheet.write_blank(row, POSITION[f"{label} value"], None, locked)
        else:
            sheet.write_string(row, POSITION[f"{label} period"], str(held), locked)
            sheet.write_number(row, POSITION[f"{label} value"], value, number)

    sheet.write_blank(row, POSITION["value"], None, unlocked_number)
    for heading in ("numerator", "denominator", "status", "note"):
        sheet.write_blank(row, POSITION[heading], None, unlocked)


def _validate_inputs(
    sheet: Worksheet, first: int, last: int, indicators: list[Indicator]
) -> None:
    """Excel's own checks on the input cells, with a message on each value cell."""
    for offset, indicator in enumerate(indicators):
        places = "decimal place" if indicator.precision == 1 else "decimal places"
        sheet.data_validation(
            first + offset,
            POSITION["value"],
            first + offset,
            POSITION["value"],
            {
                "validate": "decimal",
                "criteria": "between",
                "minimum": -NUMBER_LIMIT,
                "maximum": NUMBER_LIMIT,
                "input_title": f"{indicator.id}: value",
                "input_message": (
                    f"A number: {indicator.unit}, shown to {indicator.precision} "
                    f"{places}. Leave empty if you have no figure."
                )[:255],
                "error_title": "Not a number",
                "error_message": f"Type the {indicator.unit} as a number.",
            },
        )
    for heading in ("numerator", "denominator"):
        column = POSITION[heading]
        sheet.data_validation(
            first,
            column,
            last,
            column,
            {
                "validate": "decimal",
                "criteria": ">=",
                "value": 0,
                "input_title": f"Optional: {heading}",
                "input_message": f"The {heading} of the value, a number of 0 or more.",
                "error_title": "Not a number of 0 or more",
                "error_message": f"The {heading} must be a number of 0 or more.",
            },
        )
    column = POSITION["status"]
    sheet.data_validation(
        first,
        column,
        last,
        column,
        {"validate": "list", "source": [s.value for s in Status]},
    )


# Reading back


def read_template(
    project: Project, month: Month, path: Path, owner: str | None = None
) -> list[Figure]:
    """The figures a filled-in template supplies for ``month``.

    An empty value cell supplies no figure. Each figure's ``source`` is the
    workbook's path and its ``row`` the row in the Figures sheet.

    Args:
        project: the project the workbook was written for.
        month: the edition month the figures must be for.
        path: the filled-in workbook.
        owner: the owner the workbook must belong to; None accepts the owner
            the workbook names, if the catalogue knows it.

    Raises:
        InputError: listing every problem found, each naming the sheet and
            cell (``Figures!L7``) and what was expected there.
    """
    path = Path(path)
    workbook = _open(path)
    problems: list[Problem] = []

    owner = _check_about(workbook, project, month, path, owner, problems)
    figures: list[Figure] = []
    if FIGURES not in workbook.sheetnames:
        problems.append(
            problem(
                path,
                f"no sheet {FIGURES!r}; the workbook has {workbook.sheetnames}; "
                "fill in the workbook `scorecards template` wrote, without "
                "renaming its sheets",
                key=f"sheet {FIGURES!r}",
            )
        )
    elif owner is not None:
        reader = _Reader(path, workbook, problems)
        figures = reader.figures(project, month, owner)
    if problems:
        raise InputError(problems)
    log.info("read %s: %d figures from %s", path.name, len(figures), owner)
    return figures


def is_template(path: Path) -> bool:
    """Whether ``path`` is a workbook `scorecards template` wrote (it has an About
    sheet), as opposed to a plain sheet of figures."""
    return ABOUT in _open(Path(path)).sheetnames


def _open(path: Path) -> OpenWorkbook:
    try:
        return load_workbook(path)
    except FileNotFoundError:
        raise InputError(problem(path, "the workbook does not exist")) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(
            problem(path, f"is not an .xlsx workbook Excel wrote ({exc})")
        ) from None


def _check_about(
    workbook: OpenWorkbook,
    project: Project,
    month: Month,
    path: Path,
    owner: str | None,
    problems: list[Problem],
) -> str | None:
    """Check the workbook is this project's, month's and owner's; return the owner."""
    if ABOUT not in workbook.sheetnames:
        problems.append(
            problem(
                path,
                f"no sheet {ABOUT!r}, which records the project, month and owner "
                f"the workbook is for; the workbook has {workbook.sheetnames}",
                key=f"sheet {ABOUT!r}",
            )
        )
        return None
    sheet = workbook[ABOUT]
    found: dict[str, tuple[Any, str]] = {}
    for offset, key in enumerate(ABOUT_KEYS):
        row = ABOUT_FIRST_ROW + offset
        label = sheet.cell(row, 1).value
        if label != key:
            problems.append(
                problem(
                    path,
                    f"expected the label {key!r}, found {label!r}",
                    key=f"{ABOUT}!A{row}",
                )
            )
            continue
        found[key] = (sheet.cell(row, 2).value, f"{ABOUT}!B{row}")

    def differs(key: str, expected: str, what: str) -> bool:
        if key not in found:
            return True
        value, cell = found[key]
        if str(value or "").strip().casefold() == expected.strip().casefold():
            return False
        problems.append(
            problem(
                path,
                f"the workbook is for {what} {value!r}, expected {expected!r}; "
                f"write a template for {expected} with `scorecards template`",
                key=cell,
            )
        )
        return True

    differs("project", project.config.scorecard.name, "project")
    differs("month", str(month), "month")
    differs("template version", str(TEMPLATE_VERSION), "template version")
    named = str(found.get("owner", ("", ""))[0] or "").strip()
    if owner is None:
        owner = named
    if differs("owner", owner, "owner"):
        return None
    if not any(o.casefold() == owner.casefold() for o in owners(project)):
        problems.append(
            problem(
                path,
                f"no indicator is supplied by {owner!r}; the owners named are "
                f"{owners(project)}",
                key=found["owner"][1],
            )
        )
        return None
    return owner


class _Reader:
    """Reads the Figures sheet row by row, collecting every problem."""

    def __init__(self, path: Path, workbook: OpenWorkbook, problems: list[Problem]):
        self.path = path
        self.workbook = workbook
        self.sheet: OpenWorksheet = workbook[FIGURES]
        self.problems = problems
        self._calculated: OpenWorkbook | None = None

    def complain(self, row: int, heading: str, message: str) -> None:
        cell = f"{FIGURES}!{get_column_letter(POSITION[heading] + 1)}{row}"
        self.problems.append(problem(self.path, message, key=cell))

    def figures(self, project: Project, month: Month, owner: str) -> list[Figure]:
        if not self._headings_match():
            return []
        supplied = {
            i.id
            for i in project.indicators.values()
            if i.owner.strip().casefold() == owner.casefold()
        }
        figures: list[Figure] = []
        seen: dict[str, int] = {}
        for row in range(HEADER_ROW + 1, self.sheet.max_row + 1):
            cells = {c.heading: self.value(row, c.heading) for c in COLUMNS}
            if all(v is None for v in cells.values()):
                continue
            indicator = self._indicator(row, cells, project, owner, supplied, seen)
            if indicator is None:
                continue
            figure = self._figure(row, cells, indicator, month)
            if figure is not None:
                figures.append(figure)
        return figures

    def value(self, row: int, heading: str) -> Any:
        """A cell's value; a formula's as Excel last calculated it; "" as None."""
        value = self.sheet.cell(row, POSITION[heading] + 1).value
        if isinstance(value, str) and value.startswith("="):
            value = self._calculated_value(row, heading)
            if value is None:
                self.complain(
                    row,
                    heading,
                    "holds a formula with no calculated value; open the workbook "
                    "in Excel and save it, or type the number",
                )
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def _calculated_value(self, row: int, heading: str) -> Any:
        if self._calculated is None:
            self._calculated = load_workbook(self.path, data_only=True)
        return self._calculated[FIGURES].cell(row, POSITION[heading] + 1).value

    def _headings_match(self) -> bool:
        matched = True
        for number, column in enumerate(COLUMNS):
            found = self.sheet.cell(HEADER_ROW, number + 1).value
            if found != column.heading:
                matched = False
                cell = f"{FIGURES}!{get_column_letter(number + 1)}{HEADER_ROW}"
                self.problems.append(
                    problem(
                        self.path,
                        f"expected the heading {column.heading!r}, found {found!r}; "
                        "keep the columns as the template wrote them",
                        key=cell,
                    )
                )
        return matched

    def _indicator(
        self,
        row: int,
        cells: dict[str, Any],
        project: Project,
        owner: str,
        supplied: set[str],
        seen: dict[str, int],
    ) -> Indicator | None:
        ident = cells["id"]
        if ident is None:
            self.complain(row, "id", "a row with figures but no indicator id")
            return None
        ident = str(ident).strip()
        if ident not in project.indicators:
            self.complain(
                row,
                "id",
                f"unknown indicator {ident!r}; keep the ids the template wrote",
            )
            return None
        if ident not in supplied:
            by = project.indicators[ident].owner or "no owner"
            self.complain(
                row,
                "id",
                f"indicator {ident!r} is supplied by {by!r}, not {owner!r}; "
                "remove the row",
            )
            return None
        if ident in seen:
            self.complain(
                row, "id", f"a second row for {ident}; the first is row {seen[ident]}"
            )
            return None
        seen[ident] = row
        return project.indicators[ident]

    def _figure(
        self, row: int, cells: dict[str, Any], indicator: Indicator, month: Month
    ) -> Figure | None:
        before = len(self.problems)
        period = row_period(indicator, month)
        if str(cells["period"] or "").strip() != str(period):
            self.complain(
                row,
                "period",
                f"expected the period {str(period)!r}, found {cells['period']!r}",
            )
        value = self._number(row, "value", cells["value"])
        numerator = self._number(row, "numerator", cells["numerator"], least=0)
        denominator = self._number(row, "denominator", cells["denominator"], least=0)
        status = self._status(row, cells["status"])
        if cells["value"] is None and (
            numerator is not None or denominator is not None
        ):
            self.complain(
                row,
                "value",
                "expected a value beside the numerator or denominator; "
                "type the value, or clear them",
            )
        if len(self.problems) > before or value is None or status is None:
            return None
        return Figure(
            indicator=indicator.id,
            period=period,
            value=value,
            numerator=numerator,
            denominator=denominator,
            status=status,
            source=str(self.path),
            row=row,
        )

    def _number(
        self, row: int, heading: str, found: Any, least: float | None = None
    ) -> float | None:
        if found is None:
            return None
        if isinstance(found, bool) or not isinstance(found, int | float):
            kind = "text" if isinstance(found, str) else type(found).__name__
            self.complain(
                row,
                heading,
                f"expected a number for {heading}, found {kind} {found!r}",
            )
            return None
        if least is not None and found < least:
            self.complain(
                row,
                heading,
                f"expected a {heading} of {least:g} or more, found {found!r}",
            )
            return None
        return float(found)

    def _status(self, row: int, found: Any) -> Status | None:
        if found is None:
            return Status.FINAL
        text = str(found).strip().casefold()
        if text in {s.value for s in Status}:
            return Status(text)
        self.complain(
            row,
            "status",
            f"expected final or provisional (or empty for final), found {found!r}",
        )
        return None

"""Figure files: the ``figures/`` CSV or XLSX files of a project, read into
figures with every problem named by file, row and column, and written back."""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from scorecards.catalogue.cells import (
    NA_TEXT,
    STATUS_TEXT,
    STATUSES,
    csv_rows,
    header_of,
    is_utf8,
    parse_number,
    period_cell,
    require_columns,
    unknown_indicator,
)
from scorecards.errors import InputError, MissingFileError, Problem, problem
from scorecards.files import written_whole
from scorecards.periods import Period
from scorecards.store.figures import Figure, Missing


def _known_columns(path: Path, header: list[str], problems: list[Problem]) -> bool:
    """Whether every named column of a figure file's ``header`` is one it may have.

    A misspelt column ("numerater") would otherwise be read as no figure at all.
    Columns without a name (a trailing comma) are ignored.
    """
    unknown = [name for name in header if name and name not in FIGURE_COLUMNS]
    if unknown:
        problems.append(
            problem(
                path,
                f"unknown column(s) {unknown}; a figure file's columns are "
                f"{', '.join(FIGURE_COLUMNS)}",
                row=1,
            )
        )
    return not unknown


def _figure_rows(
    path: Path, problems: list[Problem]
) -> Iterator[tuple[int, dict[str, str]]]:
    if path.suffix.lower() == ".xlsx":
        yield from _xlsx_rows(path, problems)
    else:
        yield from csv_rows(path, problems)


def _xlsx_rows(
    path: Path, problems: list[Problem]
) -> Iterator[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        problems.append(problem(path, f"is not an .xlsx workbook ({exc})"))
        return
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    if not _known_columns(path, header, problems):
        return
    for number, values in enumerate(rows, start=2):
        cells = {
            h: "" if v is None else str(v).strip()
            for h, v in zip(header, values, strict=False)
        }
        if any(cells.values()):
            yield number, cells


def load_figure_files(
    root: Path, known: set[str], problems: list[Problem]
) -> list[Figure]:
    folder = root / "figures"
    files = sorted(p for p in folder.glob("*") if p.suffix.lower() in {".csv", ".xlsx"})
    seen: dict[tuple[str, Period, str], tuple[Path, int]] = {}
    return [f for path in files for f in _figure_file(path, known, problems, seen)]


def read_figure_file(path: Path, known: set[str]) -> list[Figure]:
    """Read one figure file (CSV or XLSX) checked against the ``known`` indicators.

    Raises InputError listing every problem in the file.
    """
    if not path.is_file():
        raise MissingFileError(path, "figure file")
    problems: list[Problem] = []
    figures = _figure_file(path, known, problems, {})
    if problems:
        raise InputError(problems)
    return figures


FIGURE_COLUMNS = (
    "indicator", "period", "area", "value", "numerator", "denominator", "status",
    "missing",
)  # fmt: skip


def write_figure_file(path: Path, figures: Iterable[Figure]) -> None:
    """Write figures as a CSV figure file, through a temporary file and a rename."""
    with (
        written_whole(path, suffix=".csv") as temporary,
        open(temporary, "w", newline="", encoding="utf-8") as handle,
    ):
        writer = csv.writer(handle)
        writer.writerow(FIGURE_COLUMNS)
        for f in figures:
            writer.writerow(
                [
                    f.indicator,
                    str(f.period),
                    f.area,
                    "" if f.value is None else repr(f.value),
                    "" if f.numerator is None else repr(f.numerator),
                    "" if f.denominator is None else repr(f.denominator),
                    f.status.value,
                    f.missing.value if f.missing else "",
                ]
            )


def _figure_file(
    path: Path,
    known: set[str],
    problems: list[Problem],
    seen: dict[tuple[str, Period, str], tuple[Path, int]],
) -> list[Figure]:
    if path.suffix.lower() == ".csv" and not is_utf8(path, problems):
        return []
    header = header_of(path) if path.suffix.lower() == ".csv" else None
    if header is not None and not (
        require_columns(path, header, {"indicator", "period", "value"}, problems)
        and _known_columns(path, header, problems)
    ):
        return []
    figures: list[Figure] = []
    for number, row in _figure_rows(path, problems):
        figure = _figure(row, path, number, known, problems)
        if figure is None:
            continue
        key = (figure.indicator, figure.period, figure.area)
        if key in seen:
            first, first_row = seen[key]
            problems.append(
                problem(
                    path,
                    f"a second figure for {figure.indicator} "
                    f"{figure.period} {figure.area or 'authority'}; the first "
                    f"is at {first.name} row {first_row}",
                    row=number,
                )
            )
            continue
        seen[key] = (path, number)
        figures.append(figure)
    return figures


def _figure(
    row: dict[str, str],
    path: Path,
    number: int,
    known: set[str],
    problems: list[Problem],
) -> Figure | None:
    before = len(problems)
    indicator = row.get("indicator", "")
    if unknown_indicator(indicator, known, path, number, problems):
        return None
    period = period_cell(row.get("period", ""), path, number, "period", problems)
    text = row.get("value", "")
    missing_text = row.get("missing", "")
    missing: Missing | None = None
    value: float | None = None
    if text.lower() in NA_TEXT:
        missing = Missing.NOT_AVAILABLE
    elif text == "":
        missing = Missing.TO_BE_SUPPLIED
        if missing_text.lower() in NA_TEXT:
            missing = Missing.NOT_AVAILABLE
    else:
        value = parse_number(text, path, number, "value", problems)
    numerator = parse_number(
        row.get("numerator", ""), path, number, "numerator", problems
    )
    denominator = parse_number(
        row.get("denominator", ""), path, number, "denominator", problems
    )
    for key, amount in (("numerator", numerator), ("denominator", denominator)):
        if amount is not None and amount < 0:
            problems.append(
                problem(
                    path,
                    f"expected a count of 0 or more, found {amount:g}",
                    row=number,
                    key=key,
                )
            )
    if value is not None and missing_text.lower() in NA_TEXT:
        problems.append(
            problem(
                path,
                "has a value and says it is missing; give one or the other",
                row=number,
                key="missing",
            )
        )
    status_text = row.get("status", "") or "final"
    if status_text not in STATUS_TEXT:
        problems.append(
            problem(
                path,
                f"status must be final or provisional, found {status_text!r}",
                row=number,
                key="status",
            )
        )
    if len(problems) > before or period is None:
        return None
    return Figure(
        indicator=indicator,
        period=period,
        value=value,
        area=row.get("area", ""),
        numerator=numerator,
        denominator=denominator,
        status=STATUSES[status_text],
        missing=missing,
        source=str(path),
        row=number,
    )

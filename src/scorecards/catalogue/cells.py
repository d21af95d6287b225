"""Reading the cells of a project's CSV files: rows with their numbers, numbers,
periods and indicator ids, each problem named by file, row and column."""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator
from pathlib import Path

from scorecards.errors import Problem, problem
from scorecards.periods import Period, parse_period
from scorecards.store.figures import Status

NA_TEXT = {"n/a", "na", "not available"}
LARGEST = 1e15  # beyond any real figure, and within exact decimal rounding
STATUSES = {s.value: s for s in Status}
STATUS_TEXT = frozenset(STATUSES)


def csv_rows(
    path: Path, problems: list[Problem]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file as (row number counting the header as 1, row)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader, [])]
        width = len(header)
        for number, values in enumerate(reader, start=2):
            if not values:
                continue  # a blank line
            if len(values) > width:
                problems.append(
                    problem(path, "has more cells than the header", row=number)
                )
            cells = [v.strip() for v in values[:width]]
            cells += [""] * (width - len(cells))
            yield number, {k: v for k, v in zip(header, cells, strict=True) if k}


def require_columns(
    path: Path, have: list[str] | None, need: set[str], problems: list[Problem]
) -> bool:
    missing = need - set(have or [])
    if missing:
        problems.append(
            problem(path, f"missing column(s) {sorted(missing)}; the header has {have}")
        )
    return not missing


def header_of(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return [h.strip() for h in next(csv.reader(handle), [])]


def parse_number(
    text: str, path: Path, row: int, key: str, problems: list[Problem]
) -> float | None:
    if text == "":
        return None
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        problems.append(
            problem(path, f"expected a number, found {text!r}", row=row, key=key)
        )
        return None
    if not math.isfinite(number) or abs(number) >= LARGEST:
        problems.append(
            problem(
                path,
                f"expected a finite number smaller than {LARGEST:.0e}, found {text!r}",
                row=row,
                key=key,
            )
        )
        return None
    return number


def is_utf8(path: Path, problems: list[Problem]) -> bool:
    """Whether ``path`` reads as UTF-8 text; if not, say so and how to fix it."""
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(
            problem(
                path,
                f"is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at position "
                f"{exc.start}); save it as UTF-8 (in Excel: 'CSV UTF-8')",
            )
        )
        return False
    except IsADirectoryError:
        problems.append(problem(path, "is a folder, expected a file"))
        return False
    return True


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """A text file's content, or None with a problem when it is not UTF-8."""
    if not is_utf8(path, problems):
        return None
    return path.read_text(encoding="utf-8-sig")


def period_cell(
    text: str, path: Path, row: int, key: str, problems: list[Problem]
) -> Period | None:
    try:
        return parse_period(text)
    except ValueError as exc:
        problems.append(problem(path, str(exc), row=row, key=key))
        return None


def unknown_indicator(
    indicator: str, known: set[str], path: Path, row: int, problems: list[Problem]
) -> bool:
    if indicator in known:
        return False
    problems.append(
        problem(
            path,
            f"unknown indicator {indicator!r}; add it to indicators/ or fix the id",
            row=row,
            key="indicator",
        )
    )
    return True

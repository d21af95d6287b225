"""Read the Department for Education's tidy CSV files into figures by period and area.

The department publishes each statistic as one "tidy" CSV file: a row per time
period, area and breakdown, with the geography first (``time_period``,
``time_identifier``, ``geographic_level``, country, region and local authority codes
and names) and the measures after it. Cells that are not numbers carry a code that
says why (``c`` confidential, ``x`` not available, ...); they are read as missing
with a :class:`MissingReason`, never as zero.

What ``time_period`` means differs from file to file, so each kind of file has an
entry in :data:`FILE_KINDS` saying how to read it; see ``docs/benchmarks.md``.

>>> from scorecards.periods import Year
>>> name = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
>>> table = read_dfe("tests/data/dfe/" + name)
>>> table.measure("rereferral_percent").england(Year(2018))
22.6
"""

from __future__ import annotations

import csv
import logging
import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from scorecards.benchmarks.kinds import FILE_KINDS, FileKind, FileSpec, detect_kind
from scorecards.errors import InputError, Problem, problem
from scorecards.periods import Period, YearBasis

logger = logging.getLogger(__name__)

#: Reading a file stops after this many problems, so that one fault repeated on
#: every row gives a short message.
MAX_PROBLEMS = 20


class MissingReason(StrEnum):
    """Why a benchmark cell or computed figure has no value."""

    CONFIDENTIAL = "confidential"  # suppressed to protect individuals
    NOT_AVAILABLE = "not available"  # not collected or withheld for another reason
    NOT_APPLICABLE = "not applicable"  # the measure cannot exist for this row
    ROUNDS_TO_ZERO = "rounds to zero"  # above zero but below half the last digit
    LOW_RELIABILITY = "low reliability"  # withheld because it cannot be relied on
    BLANK = "blank"  # the cell is empty
    NO_ROW = "not published"  # the file has no row for this area and period
    NO_CONTRIBUTORS = "no contributing figures"  # nothing to combine or rank


#: Codes the department writes in place of a number, and what each means. ``c``,
#: ``k``, ``u``, ``x``, ``z`` and ``low`` occur in the shipped files; ``:``, ``..``
#: and ``~`` are older forms found in earlier releases. Bracketed forms such as
#: ``[c]`` and upper case are read the same way.
SUPPRESSION_CODES: dict[str, MissingReason] = {
    "c": MissingReason.CONFIDENTIAL,
    "x": MissingReason.NOT_AVAILABLE,
    ":": MissingReason.NOT_AVAILABLE,
    "..": MissingReason.NOT_AVAILABLE,
    "z": MissingReason.NOT_APPLICABLE,
    "k": MissingReason.ROUNDS_TO_ZERO,
    "low": MissingReason.ROUNDS_TO_ZERO,
    "~": MissingReason.ROUNDS_TO_ZERO,
    "u": MissingReason.LOW_RELIABILITY,
}

#: A cell as read: a number, or the reason there is none.
CellValue = float | MissingReason


class GeographicLevel(StrEnum):
    """The levels of geography a file's rows may be at."""

    NATIONAL = "National"
    REGIONAL = "Regional"
    LOCAL_AUTHORITY = "Local authority"


_TIME = ("time_period", "time_identifier", "geographic_level")
_COUNTRY = ("country_code", "country_name")
_LOCAL = ("region_code", "region_name", "old_la_code", "new_la_code", "la_name")
GEOGRAPHY_COLUMNS = frozenset(_TIME + _COUNTRY + _LOCAL)

#: Inner and Outer London are published as regions of their own; an authority's
#: region comparator is London itself.
LONDON = "E12000007"
LONDON_SUBREGIONS = frozenset({"E13000001", "E13000002"})


@dataclass(frozen=True, slots=True)
class Area:
    """England, a region or a local authority, as one row of a file names it.

    ``code`` is the country code for England, the region code for a region and the
    three-digit ``old_la_code`` for an authority: that is the code the statistical
    neighbour files use, and it survives changes to the nine-character code.
    """

    level: GeographicLevel
    code: str
    name: str
    new_code: str = ""
    region_code: str = ""
    region_name: str = ""

    @property
    def comparator_region(self) -> str:
        """The region an authority is compared with: London for both sub-regions."""
        return LONDON if self.region_code in LONDON_SUBREGIONS else self.region_code


@dataclass(frozen=True, slots=True)
class DfeRow:
    """One row of a file: where it came from, its period, area, breakdown, cells."""

    line: int
    period: Period
    area: Area
    breakdown: tuple[str, ...]
    values: tuple[CellValue, ...]


def suppression_reason(text: str) -> MissingReason | None:
    """The reason a code such as ``c`` or ``[low]`` stands for, or None."""
    token = text.strip().lower()
    if token.startswith("[") and token.endswith("]"):
        token = token[1:-1]
    return SUPPRESSION_CODES.get(token)


def parse_cell(text: str, duration: bool = False) -> CellValue:
    """A number, or the reason for its absence; ValueError for anything else.

    ``duration`` also accepts years and months written ``01:07``, returned as
    months (19.0).
    """
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        if math.isfinite(number):
            return number
        raise ValueError(f"expected a number, found {text!r}, which is not finite")

    if text.strip() == "":
        return MissingReason.BLANK
    reason = suppression_reason(text)
    if reason is not None:
        return reason
    if duration and (m := re.fullmatch(r"(\d+):(\d{2})", text.strip())):
        return float(int(m[1]) * 12 + int(m[2]))

    codes = ", ".join(SUPPRESSION_CODES)
    expected = "a number, years:months like 01:07," if duration else "a number"
    raise ValueError(
        f"found {text!r}; expected {expected} or a suppression code ({codes})"
    )


@dataclass(frozen=True)
class DfeTable:
    """One file as read: its kind, column roles and rows."""

    path: Path
    kind: FileKind
    breakdowns: tuple[str, ...]
    measures: tuple[str, ...]
    rows: tuple[DfeRow, ...]

    @property
    def spec(self) -> FileSpec:
        return FILE_KINDS[self.kind]

    @property
    def periods(self) -> list[Period]:
        """The periods the file has rows for, earliest first."""
        return sorted({row.period for row in self.rows}, key=_period_key)

    def measure(self, name: str, filters: Mapping[str, str] | None = None) -> Measure:
        """One measure's cells, keeping only rows whose breakdown matches ``filters``.

        Raises InputError when the measure or a filter column does not exist, when
        a filter value never occurs, or when more than one row is left for an area
        and period (naming the breakdown columns still to filter on).
        """
        filters = dict(filters or {})
        self._check_request(name, filters)

        column = self.measures.index(name)
        wanted = [(self.breakdowns.index(k), v) for k, v in filters.items()]
        cells: dict[Period, dict[tuple[GeographicLevel, str], _Cell]] = {}
        for row in self.rows:
            if any(row.breakdown[i] != value for i, value in wanted):
                continue
            key = (row.area.level, row.area.code)
            here = cells.setdefault(row.period, {})
            if key in here:
                # One is enough: the same filter resolves every other pair.
                raise InputError(self._ambiguous(name, here[key].row, row, filters))
            here[key] = _Cell(row.area, row.values[column], row)

        return Measure(self.path.name, name, filters, self.kind, cells)

    def _check_request(self, name: str, filters: Mapping[str, str]) -> None:
        if name not in self.measures:
            raise InputError(
                problem(
                    self.path,
                    f"no measure {name!r}; the file's measures are "
                    f"{', '.join(self.measures)}",
                    key=name,
                )
            )
        for key, value in filters.items():
            if key not in self.breakdowns:
                shown = ", ".join(self.breakdowns) or "none"
                raise InputError(
                    problem(
                        self.path,
                        f"cannot filter on {key!r}; the breakdown columns are {shown}",
                        key=key,
                    )
                )
            values = {row.breakdown[self.breakdowns.index(key)] for row in self.rows}
            if value not in values:
                raise InputError(
                    problem(
                        self.path,
                        f"no row has {key} = {value!r}; it takes the values "
                        f"{sorted(values)}",
                        key=key,
                    )
                )

    def _ambiguous(
        self, name: str, first: DfeRow, second: DfeRow, filters: Mapping[str, str]
    ) -> Problem:
        differ = [
            f"{column} ({a!r} or {b!r})"
            for column, a, b in zip(
                self.breakdowns, first.breakdown, second.breakdown, strict=True
            )
            if a != b
        ]
        so_far = f" (filters so far: {dict(filters)})" if filters else ""
        return problem(
            self.path,
            f"{name}: rows {first.line} and {second.line} are both "
            f"{second.area.name or second.area.code} {second.period}; add a filter "
            f"on {', '.join(differ)}{so_far}",
            row=second.line,
        )


@dataclass(frozen=True, slots=True)
class _Cell:
    area: Area
    value: CellValue
    row: DfeRow


@dataclass(frozen=True)
class Measure:
    """One measure of one file, at most one cell per period and area."""

    file: str
    name: str
    filters: Mapping[str, str]
    kind: FileKind
    _cells: dict[Period, dict[tuple[GeographicLevel, str], _Cell]] = field(repr=False)
    per: str = ""  # for a rate made here: what it is per, e.g. "10,000 of ..."

    @property
    def periods(self) -> list[Period]:
        """The periods with at least one row, earliest first."""
        return sorted(self._cells, key=_period_key)

    @property
    def source(self) -> str:
        """File and measure, with filters, for the basis of a benchmark."""
        text = f"{self.file}: {self.name}"
        if self.filters:
            text += " (" + ", ".join(f"{k}={v}" for k, v in self.filters.items()) + ")"
        return f"{text} per {self.per}" if self.per else text

    def per_10000(self, population: Measure) -> Measure:
        """This count per 10,000 of ``population``, for every area and period.

        A year is divided by the population estimate that falls in it (the
        financial year 2024-25 by the estimate at 30 June 2024), as the department
        does for its rates of children looked after. A count or population with no
        number gives its own reason; a population of zero is not applicable.
        """
        estimates = {
            period.year_of(YearBasis.FINANCIAL): cells
            for period, cells in population._cells.items()
        }
        cells: dict[Period, dict[tuple[GeographicLevel, str], _Cell]] = {}
        for period, here in self._cells.items():
            base = estimates.get(period.year_of(YearBasis.FINANCIAL), {})
            cells[period] = {
                key: _Cell(cell.area, _rate(cell.value, base.get(key)), cell.row)
                for key, cell in here.items()
            }
        per = f"10,000 of {population.source}"
        return Measure(self.file, self.name, self.filters, self.kind, cells, per)

    def value(self, period: Period, level: GeographicLevel, code: str) -> CellValue:
        """The cell for an area, or ``NO_ROW`` when the file has none."""
        cell = self._cells.get(period, {}).get((level, code))
        return MissingReason.NO_ROW if cell is None else cell.value

    def england(self, period: Period) -> CellValue:
        national = [
            cell.value
            for (level, _), cell in self._cells.get(period, {}).items()
            if level is GeographicLevel.NATIONAL
        ]
        return national[0] if national else MissingReason.NO_ROW

    def region(self, period: Period, code: str) -> CellValue:
        return self.value(period, GeographicLevel.REGIONAL, code)

    def authorities(self, period: Period) -> dict[str, tuple[Area, CellValue]]:
        """Every authority with a row in ``period``, by code, with its cell."""
        return {
            code: (cell.area, cell.value)
            for (level, code), cell in self._cells.get(period, {}).items()
            if level is GeographicLevel.LOCAL_AUTHORITY
        }

    def missing_counts(self) -> Counter[MissingReason]:
        """How many of the measure's cells, at every level and period, have no
        number, by reason."""
        return Counter(
            cell.value
            for cells in self._cells.values()
            for cell in cells.values()
            if isinstance(cell.value, MissingReason)
        )

    def area(self, period: Period, level: GeographicLevel, code: str) -> Area | None:
        cell = self._cells.get(period, {}).get((level, code))
        return None if cell is None else cell.area

    def find_authority(self, text: str) -> Area:
        """The authority named or coded ``text`` (Kent, 886, E10000016), latest row.

        Raises InputError listing near names when there is none.
        """
        wanted = text.strip().casefold()
        found: Area | None = None
        names: set[str] = set()
        for period in self.periods:
            for area, _ in self.authorities(period).values():
                names.add(area.name)
                if wanted in {
                    area.code,
                    area.new_code.casefold(),
                    area.name.casefold(),
                }:
                    found = area
        if found is not None:
            return found

        near = sorted(n for n in names if wanted[:4] in n.casefold())[:5]
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise InputError(
            problem(self.file, f"no local authority {text!r} in {self.name}{hint}")
        )


def _rate(count: CellValue, population: _Cell | None) -> CellValue:
    if isinstance(count, MissingReason):
        return count
    if population is None:
        return MissingReason.NO_ROW
    if isinstance(population.value, MissingReason):
        return population.value
    if population.value == 0:
        return MissingReason.NOT_APPLICABLE
    return count / population.value * 10_000


def read_dfe(path: Path | str, kind: FileKind | None = None) -> DfeTable:
    """Read one of the department's tidy CSV files.

    ``kind`` overrides what the file name or header says the file is. Raises
    InputError naming file, row and column for a missing required column, an
    unreadable period, an unknown geographic level or a cell that is neither a
    number nor a suppression code.
    """
    path = Path(path)
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = [name.strip() for name in next(reader, [])]
        kind = kind or detect_kind(path, header)
        spec = FILE_KINDS[kind]
        index = _column_index(path, header, spec)
        measures = _measure_columns(header, index)
        rows, problems = _read_rows(path, reader, header, index, measures, spec)

    _raise_if(problems)
    logger.info("read %s as %s: %d rows", path.name, kind.value, len(rows))
    names = tuple(header[i] for i in measures)
    return DfeTable(path, kind, spec.breakdowns, names, tuple(rows))


def _column_index(path: Path, header: list[str], spec: FileSpec) -> dict[str, int]:
    """Positions of the geography and breakdown columns; error on any missing."""
    required = _TIME + _COUNTRY + (() if spec.national_only else _LOCAL)
    required += spec.breakdowns
    problems = [
        problem(
            path,
            f"missing required column {name!r}; the header has {', '.join(header)}",
            row=1,
            key=name,
        )
        for name in required
        if name not in header
    ]
    _raise_if(problems)
    return {name: header.index(name) for name in required}


def _measure_columns(header: list[str], index: dict[str, int]) -> list[int]:
    """Positions of the measures: the named columns past geography and breakdowns."""
    return [
        i
        for i, name in enumerate(header)
        if name and name not in index and name not in GEOGRAPHY_COLUMNS
    ]


def _read_rows(
    path: Path,
    reader: Iterator[list[str]],
    header: list[str],
    index: dict[str, int],
    columns: list[int],
    spec: FileSpec,
) -> tuple[list[DfeRow], list[Problem]]:
    measures = [(i, header[i], header[i] in spec.durations) for i in columns]
    breakdown_at = [index[name] for name in spec.breakdowns]
    areas: dict[tuple[str, ...], Area] = {}
    periods: dict[str, Period] = {}
    rows: list[DfeRow] = []
    problems: list[Problem] = []

    for line, cells in enumerate(reader, start=2):
        if len(problems) >= MAX_PROBLEMS:
            problems.append(problem(path, "more problems follow; fix these first"))
            break
        if not any(cells):
            continue
        if len(cells) != len(header):
            problems.append(
                problem(
                    path,
                    f"has {len(cells)} cells; the header has {len(header)}",
                    row=line,
                )
            )
            continue

        period = _period(path, line, cells, index, spec, periods, problems)
        area = _area(path, line, cells, index, areas, problems)
        values = []
        for i, name, duration in measures:
            try:
                values.append(parse_cell(cells[i], duration))
            except ValueError as exc:
                problems.append(problem(path, str(exc), row=line, key=name))
        if period is None or area is None or len(values) != len(measures):
            continue

        breakdown = tuple(cells[i].strip() for i in breakdown_at)
        rows.append(DfeRow(line, period, area, breakdown, tuple(values)))
    return rows, problems


def _period(
    path: Path,
    line: int,
    cells: list[str],
    index: dict[str, int],
    spec: FileSpec,
    seen: dict[str, Period],
    problems: list[Problem],
) -> Period | None:
    identifier = cells[index["time_identifier"]].strip()
    if identifier != spec.reading.time_identifier:
        problems.append(
            problem(
                path,
                f"expected {spec.reading.time_identifier!r} for a file read by "
                f"{spec.reading.value}, found {identifier!r}",
                row=line,
                key="time_identifier",
            )
        )
        return None

    text = cells[index["time_period"]].strip()
    if text not in seen:
        try:
            seen[text] = spec.reading.read(text)
        except ValueError as exc:
            problems.append(problem(path, str(exc), row=line, key="time_period"))
            return None
    return seen[text]


def _area(
    path: Path,
    line: int,
    cells: list[str],
    index: dict[str, int],
    seen: dict[tuple[str, ...], Area],
    problems: list[Problem],
) -> Area | None:
    names = [n for n in _TIME[2:] + _COUNTRY + _LOCAL if n in index]
    key = tuple(cells[index[n]].strip() for n in names)
    if key in seen:
        return seen[key]

    fields = dict(zip(names, key, strict=True))
    try:
        level = GeographicLevel(fields["geographic_level"])
    except ValueError:
        levels = ", ".join(level.value for level in GeographicLevel)
        problems.append(
            problem(
                path,
                f"geographic level {fields['geographic_level']!r} is not supported; "
                f"expected one of {levels}",
                row=line,
                key="geographic_level",
            )
        )
        return None

    code_column = {
        GeographicLevel.NATIONAL: "country_code",
        GeographicLevel.REGIONAL: "region_code",
        GeographicLevel.LOCAL_AUTHORITY: "old_la_code",
    }[level]
    if code_column not in fields or not fields[code_column]:
        problems.append(
            problem(
                path,
                f"a {level.value} row needs a {code_column}",
                row=line,
                key=code_column,
            )
        )
        return None

    name = {
        GeographicLevel.NATIONAL: fields.get("country_name", ""),
        GeographicLevel.REGIONAL: fields.get("region_name", ""),
        GeographicLevel.LOCAL_AUTHORITY: fields.get("la_name", ""),
    }[level]
    local = level is GeographicLevel.LOCAL_AUTHORITY
    area = Area(
        level,
        fields[code_column],
        name,
        new_code=fields.get("new_la_code", "") if local else "",
        region_code=fields.get("region_code", "") if local else "",
        region_name=fields.get("region_name", "") if local else "",
    )
    seen[key] = area
    return area


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)


def _period_key(period: Period) -> tuple[str, int]:
    return (period.kind, period.index)

"""Periods a figure can belong to: a month, a financial quarter or a year.

A year is written ``2019-20``. Whether it runs April to March (financial) or
September to August (academic) is a property of the indicator or the layout
that reads it, not of the period itself, so the same figure file can hold both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Literal

MONTH_NAMES = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
LONG_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip


class YearBasis(StrEnum):
    """Which months make a reporting year."""

    FINANCIAL = "financial"  # April to March
    ACADEMIC = "academic"  # September to August

    @property
    def first_month(self) -> int:
        return 4 if self is YearBasis.FINANCIAL else 9


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month."""

    year: int
    month: int

    kind: Literal["month"] = "month"

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1 to 12, got {self.month}")

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def index(self) -> int:
        """Months since year 0, so that differences count months."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> Month:
        return cls(index // 12, index % 12 + 1)

    def shift(self, months: int) -> Month:
        return Month.from_index(self.index + months)

    @property
    def label(self) -> str:
        """Short label as scorecard tables print it: ``May-20``."""
        return f"{MONTH_NAMES[self.month - 1]}-{self.year % 100:02d}"

    @property
    def long_label(self) -> str:
        """Long label: ``May 2020``."""
        return f"{LONG_MONTH_NAMES[self.month - 1]} {self.year}"

    def year_of(self, basis: YearBasis) -> Year:
        """The reporting year that contains this month."""
        start = self.year if self.month >= basis.first_month else self.year - 1
        return Year(start)

    @property
    def quarter(self) -> Quarter:
        """The financial quarter that contains this month."""
        fy = self.year_of(YearBasis.FINANCIAL)
        return Quarter(fy.start, (self.month - 4) % 12 // 3 + 1)


@dataclass(frozen=True, order=True)
class Quarter:
    """A financial quarter: Q1 is April to June of ``fy_start``."""

    fy_start: int
    q: int

    kind: Literal["quarter"] = "quarter"

    def __post_init__(self) -> None:
        if not 1 <= self.q <= 4:
            raise ValueError(f"quarter must be 1 to 4, got {self.q}")

    def __str__(self) -> str:
        return f"{Year(self.fy_start)} Q{self.q}"

    @property
    def index(self) -> int:
        return self.fy_start * 4 + self.q - 1

    def shift(self, quarters: int) -> Quarter:
        index = self.index + quarters
        return Quarter(index // 4, index % 4 + 1)

    @property
    def label(self) -> str:
        """Short label as scorecard tables print it: ``Q3 19-20``."""
        return f"Q{self.q} {Year(self.fy_start).short_label}"

    long_label = label

    @property
    def last_month(self) -> Month:
        return Month(self.fy_start, 4).shift(self.q * 3 - 1)

    def year_of(self, basis: YearBasis) -> Year:
        return self.last_month.year_of(basis)


@dataclass(frozen=True, order=True)
class Year:
    """A reporting year starting in ``start``: ``2019-20``."""

    start: int

    kind: Literal["year"] = "year"

    def __str__(self) -> str:
        return f"{self.start}-{(self.start + 1) % 100:02d}"

    @property
    def index(self) -> int:
        return self.start

    def shift(self, years: int) -> Year:
        return Year(self.start + years)

    @property
    def label(self) -> str:
        return str(self)

    long_label = label

    @property
    def short_label(self) -> str:
        return f"{self.start % 100:02d}-{(self.start + 1) % 100:02d}"

    def last_month(self, basis: YearBasis) -> Month:
        """The month that ends this year on the given basis."""
        return Month(self.start + 1, basis.first_month).shift(-1)

    def year_of(self, basis: YearBasis) -> Year:
        return self


Period = Month | Quarter | Year


class Frequency(StrEnum):
    """How often a trend table's columns come: one kind of period each."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})[-/](\d{2}|\d{4})$")
_QUARTER = re.compile(
    r"^(?:(\d{4})[-/](\d{2})\s*Q([1-4])|Q([1-4])\s*(\d{4})[-/](\d{2}))$"
)


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """Read a period written as ``2020-05``, ``2019-20`` or ``2019-20 Q3``.

    >>> parse_period("2020-05")
    Month(year=2020, month=5, kind='month')
    >>> str(parse_period("Q3 2019-20"))
    '2019-20 Q3'

    Raises ValueError naming the accepted forms when the text is none of them.
    """
    text = str(text).strip()
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            return Month(year, month)
        if _consecutive_year(year, m[2]):
            return Year(year)
    if m := _YEAR.match(text):
        if _consecutive_year(int(m[1]), m[2]):
            return Year(int(m[1]))
    if m := _QUARTER.match(text):
        start, end, q = (m[1], m[2], m[3]) if m[1] else (m[5], m[6], m[4])
        if _consecutive_year(int(start), end):
            return Quarter(int(start), int(q))
    raise ValueError(
        f"{text!r} is not a period; expected a month like 2020-05, a year like "
        "2019-20 or a quarter like 2019-20 Q3"
    )


def _consecutive_year(start: int, end: str) -> bool:
    return int(end) % 100 == (start + 1) % 100 and (
        len(end) == 2 or int(end) == start + 1
    )


def frequency_of(period: Period) -> Frequency:
    return Frequency(period.kind)


def periods_ending(last: Period, count: int) -> list[Period]:
    """The ``count`` consecutive periods of ``last``'s kind ending with it."""
    return [last.shift(k - count + 1) for k in range(count)]


def latest_complete(month: Month, frequency: Frequency, basis: YearBasis) -> Period:
    """The latest period of ``frequency`` that has ended by the end of ``month``."""
    if frequency is Frequency.MONTH:
        return month
    if frequency is Frequency.QUARTER:
        quarter = month.quarter
        return quarter if quarter.last_month == month else quarter.shift(-1)
    year = month.year_of(basis)
    return year if year.last_month(basis) == month else year.shift(-1)

"""The figure: one value of one indicator for one period and one area."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from scorecards.periods import Period

AUTHORITY = ""  # the area key of the whole authority


class Missing(StrEnum):
    """Why a figure has no value."""

    NOT_AVAILABLE = "N/A"
    TO_BE_SUPPLIED = "to be supplied"
    NO_BREAKDOWN = "not available by district"  # the indicator has no district split


class Status(StrEnum):
    PROVISIONAL = "provisional"
    FINAL = "final"


@dataclass(frozen=True)
class Figure:
    """A value, or the reason there is none, with the ratio it came from."""

    indicator: str
    period: Period
    value: float | None
    area: str = AUTHORITY
    numerator: float | None = None
    denominator: float | None = None
    status: Status = Status.FINAL
    missing: Missing | None = None
    source: str = ""
    row: int | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.indicator, str(self.period), self.area)


class FigureSet:
    """Figures looked up by indicator, period and area.

    >>> from scorecards.periods import Month
    >>> fs = FigureSet([Figure("SCS03", Month(2020, 5), 28.8)])
    >>> fs.get("SCS03", Month(2020, 5)).value
    28.8
    """

    def __init__(self, figures: Iterable[Figure] = ()):
        self._series: dict[tuple[str, str], dict[Period, Figure]] = {}
        self._sorted: dict[tuple[str, str], list[Period]] = {}
        for figure in figures:
            self.add(figure)

    def add(self, figure: Figure) -> None:
        series = (figure.indicator, figure.area)
        self._series.setdefault(series, {})[figure.period] = figure
        self._sorted.pop(series, None)

    def get(
        self, indicator: str, period: Period, area: str = AUTHORITY
    ) -> Figure | None:
        series = self._series.get((indicator, area))
        return series.get(period) if series else None

    def value(
        self, indicator: str, period: Period, area: str = AUTHORITY
    ) -> float | None:
        figure = self.get(indicator, period, area)
        return None if figure is None else figure.value

    def periods(self, indicator: str, area: str = AUTHORITY) -> list[Period]:
        """Periods holding a value for the indicator, oldest first."""
        series = (indicator, area)
        if series not in self._sorted:
            held = self._series.get(series, {})
            found = [p for p, f in held.items() if f.value is not None]
            self._sorted[series] = sorted(found, key=lambda p: (p.kind, p.index))
        return self._sorted[series]

    def __iter__(self) -> Iterator[Figure]:
        return (f for series in self._series.values() for f in series.values())

    def __len__(self) -> int:
        return sum(len(series) for series in self._series.values())

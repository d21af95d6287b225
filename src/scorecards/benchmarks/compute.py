"""Benchmark figures computed from published statistics.

For one authority, one measure and one period: England's figure, its region's, the
mean of its statistical neighbours, its rank among all authorities of that period
and its quartile band. Each comes back as a :class:`BenchmarkFigure` saying how
many figures went into it and, when it has no value, why. The methodology is in
``docs/benchmarks.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from scorecards.benchmarks.dfe import (
    Area,
    CellValue,
    GeographicLevel,
    Measure,
    MissingReason,
)
from scorecards.benchmarks.neighbours import NeighbourGroups
from scorecards.catalogue.benchmark import Benchmark
from scorecards.catalogue.models import Polarity
from scorecards.errors import InputError
from scorecards.periods import Period


class Comparator(StrEnum):
    """The benchmarks computed for an authority, and its own published figure."""

    AUTHORITY = "Authority"
    ENGLAND = "England"
    REGION = "Region"
    NEIGHBOURS = "Statistical neighbours"
    RANK = "Rank"
    QUARTILE = "Quartile"


class Quartile(IntEnum):
    """Quartile band of a rank: A holds the best quarter, D the worst."""

    A = 1
    B = 2
    C = 3
    D = 4


@dataclass(frozen=True)
class BenchmarkFigure:
    """One computed benchmark for one indicator, comparator and period.

    ``contributors`` is how many published figures went into ``value``: 1 for
    England and a region, the neighbours that had a figure for the mean, and the
    authorities ranked for a rank or quartile (whose ``value`` is the rank, or the
    band as 1 to 4). ``reason`` says why ``value`` is None. ``group`` names what was
    compared with and ``source`` the file and measure.
    """

    indicator: str
    comparator: Comparator
    period: Period
    value: float | None
    contributors: int
    reason: MissingReason | None = None
    group: str = ""
    source: str = ""

    @property
    def label(self) -> str:
        """The figure as a reader sees it: ``22.6``, ``12 of 151``, ``A``, ``-``."""
        if self.value is None:
            return "-"
        if self.comparator is Comparator.QUARTILE:
            return Quartile(int(self.value)).name
        if self.comparator is Comparator.RANK:
            return f"{int(self.value)} of {self.contributors}"
        return f"{self.value:g}"

    @property
    def basis(self) -> str:
        """How the figure was made, for the basis column of benchmarks.csv."""
        parts = [self.source] if self.source else []
        if self.group:
            parts.append(self.group)
        if self.comparator is Comparator.NEIGHBOURS:
            parts.append(f"{self.contributors} neighbours with a figure")
        if self.reason is not None:
            parts.append(self.reason.value)
        return "; ".join(parts)

    def as_benchmark(self, comparator: str | None = None) -> Benchmark:
        """This figure as a project benchmark row, under ``comparator`` if given."""
        return Benchmark(
            indicator=self.indicator,
            comparator=comparator or self.comparator.value,
            period=self.period,
            value=self.value,
            basis=self.basis,
        )


def england(measure: Measure, period: Period, indicator: str) -> BenchmarkFigure:
    """England's published figure."""
    return _single(
        indicator,
        Comparator.ENGLAND,
        period,
        measure.england(period),
        "England",
        measure,
    )


def own_figure(
    measure: Measure, authority: Area, period: Period, indicator: str
) -> BenchmarkFigure:
    """The authority's own published figure, or why it has none."""
    cell = measure.value(period, authority.level, authority.code)
    return _single(
        indicator, Comparator.AUTHORITY, period, cell, authority.name, measure
    )


def region(
    measure: Measure, authority: Area, period: Period, indicator: str
) -> BenchmarkFigure:
    """The published figure of the authority's region (London for London boroughs).

    The region is the one on the authority's row for ``period``, or failing that
    on its latest row.
    """
    here = measure.area(period, authority.level, authority.code) or authority
    code = here.comparator_region
    cell = measure.region(period, code)
    name = next(
        (
            area.name
            for p in (period, *reversed(measure.periods))
            if (area := measure.area(p, GeographicLevel.REGIONAL, code))
        ),
        code,
    )
    return _single(indicator, Comparator.REGION, period, cell, name, measure)


def neighbour_mean(
    measure: Measure,
    authority: Area,
    period: Period,
    groups: NeighbourGroups,
    indicator: str,
) -> BenchmarkFigure:
    """The simple mean of the figures of the authority's statistical neighbours.

    Neighbours without a figure for the period (suppressed, or no row, as for an
    authority that did not yet exist) are left out, and ``contributors`` counts
    those that had one. With none, the value is None for ``NO_CONTRIBUTORS``.
    """
    grouping = groups.of(authority.code)
    cells = [measure.value(period, authority.level, code) for code in grouping.codes]
    values = [float(cell) for cell in cells if _is_number(cell)]
    group = f"{len(grouping.codes)} statistical neighbours ({groups.label})"
    if not values:
        return BenchmarkFigure(
            indicator,
            Comparator.NEIGHBOURS,
            period,
            None,
            0,
            MissingReason.NO_CONTRIBUTORS,
            group,
            measure.source,
        )
    return BenchmarkFigure(
        indicator,
        Comparator.NEIGHBOURS,
        period,
        sum(values) / len(values),
        len(values),
        None,
        group,
        measure.source,
    )


def rank_values(values: Mapping[str, CellValue], polarity: Polarity) -> dict[str, int]:
    """Rank every key that has a number: 1 is best by ``polarity``, ties share the
    best rank of their group ("min" ranking), missing values are not ranked.

    >>> rank_values({"a": 3.0, "b": 5.0, "c": 5.0, "d": 1.0}, Polarity.HIGH)
    {'b': 1, 'c': 1, 'a': 3, 'd': 4}

    Raises InputError for polarity T, which has no best end.
    """
    if polarity not in (Polarity.HIGH, Polarity.LOW):
        raise InputError(
            f"cannot rank by polarity {polarity.value}: only H (higher is better) "
            "and L (lower is better) have a best end"
        )
    numbers = [(key, float(v)) for key, v in values.items() if _is_number(v)]
    numbers.sort(key=lambda item: item[1], reverse=polarity is Polarity.HIGH)

    ranks: dict[str, int] = {}
    previous: float | None = None
    for position, (key, value) in enumerate(numbers, start=1):
        if value != previous:
            rank, previous = position, value
        ranks[key] = rank
    return ranks


def quartile_of(rank: int, count: int) -> Quartile:
    """The band of ``rank`` among ``count`` ranked: the band is ceil(4 * rank /
    count), so A holds ranks up to a quarter of ``count``, D those past three
    quarters.

    >>> [quartile_of(r, 8).name for r in range(1, 9)]
    ['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']
    """
    if not 1 <= rank <= count:
        raise ValueError(f"rank {rank} is not between 1 and {count}")
    return Quartile(-(-4 * rank // count))


def rank_and_quartile(
    measure: Measure,
    authority: Area,
    period: Period,
    polarity: Polarity,
    indicator: str,
) -> tuple[BenchmarkFigure, BenchmarkFigure]:
    """The authority's rank among the authorities with a figure in ``period``, and
    its quartile band.

    Only authorities with a row for the period take part, so one that has been
    abolished or not yet created is neither ranked nor counted. An authority
    without a figure gets no rank, with its cell's reason.
    """
    cells = {code: value for code, (_, value) in measure.authorities(period).items()}
    ranks = rank_values(cells, polarity)
    count = len(ranks)
    good = "higher" if polarity is Polarity.HIGH else "lower"
    group = f"among {count} authorities, {good} is better"

    def figure(
        comparator: Comparator, value: float | None, reason: MissingReason | None
    ) -> BenchmarkFigure:
        return BenchmarkFigure(
            indicator, comparator, period, value, count, reason, group, measure.source
        )

    if authority.code not in ranks:
        own = cells.get(authority.code, MissingReason.NO_ROW)
        reason = own if isinstance(own, MissingReason) else MissingReason.NO_ROW
        return figure(Comparator.RANK, None, reason), figure(
            Comparator.QUARTILE, None, reason
        )

    rank = ranks[authority.code]
    band = quartile_of(rank, count)
    return figure(Comparator.RANK, float(rank), None), figure(
        Comparator.QUARTILE, float(band), None
    )


def authority_benchmarks(
    measure: Measure,
    authority: Area | str,
    indicator: str,
    polarity: Polarity | None,
    groups: NeighbourGroups | None = None,
    periods: Iterable[Period] | None = None,
    comparators: Iterable[Comparator] = tuple(Comparator),
) -> list[BenchmarkFigure]:
    """Every requested comparator for every period of ``measure`` (or ``periods``),
    with the authority's own figure (:attr:`Comparator.AUTHORITY`) when asked.

    ``authority`` is an area or a name or code to find in the measure. Neighbour
    means need ``groups``; rank and quartile need polarity H or L, and are left
    out for any other (so a T indicator gets England, region and neighbours only).
    """
    area = (
        authority if isinstance(authority, Area) else measure.find_authority(authority)
    )
    wanted = set(comparators)
    if Comparator.NEIGHBOURS in wanted and groups is None:
        raise InputError(
            f"{indicator}: a statistical neighbour mean needs a grouping file"
        )
    ranked = polarity in (Polarity.HIGH, Polarity.LOW)

    figures: list[BenchmarkFigure] = []
    for period in periods if periods is not None else measure.periods:
        if Comparator.AUTHORITY in wanted:
            figures.append(own_figure(measure, area, period, indicator))
        if Comparator.ENGLAND in wanted:
            figures.append(england(measure, period, indicator))
        if Comparator.REGION in wanted:
            figures.append(region(measure, area, period, indicator))
        if Comparator.NEIGHBOURS in wanted and groups is not None:
            figures.append(neighbour_mean(measure, area, period, groups, indicator))
        if ranked and wanted & {Comparator.RANK, Comparator.QUARTILE}:
            assert polarity is not None
            pair = rank_and_quartile(measure, area, period, polarity, indicator)
            figures.extend(f for f in pair if f.comparator in wanted)
    return figures


def _single(
    indicator: str,
    comparator: Comparator,
    period: Period,
    cell: CellValue,
    group: str,
    measure: Measure,
) -> BenchmarkFigure:
    if isinstance(cell, MissingReason):
        return BenchmarkFigure(
            indicator, comparator, period, None, 0, cell, group, measure.source
        )
    return BenchmarkFigure(
        indicator, comparator, period, cell, 1, None, group, measure.source
    )


def _is_number(value: CellValue) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)

"""Benchmarks computed from published statistics.

Read the Department for Education's tidy CSV files (:func:`read_dfe`), pick a
measure (:meth:`DfeTable.measure`) and compute England, region, statistical
neighbour mean, rank and quartile for an authority (:func:`authority_benchmarks`).
The methodology is in ``docs/benchmarks.md``.

>>> from scorecards.catalogue.models import Polarity
>>> table = read_dfe("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv")
>>> groups = read_neighbours("New_Statistical_Neighbour_Groupings_April_2021.csv")
>>> figures = authority_benchmarks(
...     table.measure("rereferral_percent"), "Kent", "SCS03", Polarity.LOW, groups
... )  # doctest: +SKIP
"""

from scorecards.benchmarks.compute import (
    BenchmarkFigure,
    Comparator,
    Quartile,
    authority_benchmarks,
    england,
    neighbour_mean,
    quartile_of,
    rank_and_quartile,
    rank_values,
    region,
)
from scorecards.benchmarks.dfe import (
    SUPPRESSION_CODES,
    Area,
    CellValue,
    DfeRow,
    DfeTable,
    GeographicLevel,
    Measure,
    MissingReason,
    parse_cell,
    read_dfe,
    suppression_reason,
)
from scorecards.benchmarks.kinds import (
    FILE_KINDS,
    FileKind,
    FileSpec,
    PeriodReading,
    detect_kind,
)
from scorecards.benchmarks.mapping import (
    BenchmarkMapping,
    BenchmarkSettings,
    compute_benchmarks,
)
from scorecards.benchmarks.neighbours import (
    Closeness,
    Grouping,
    Neighbour,
    NeighbourGroups,
    NeighbourModel,
    detect_model,
    read_neighbours,
)

__all__ = [
    "FILE_KINDS",
    "SUPPRESSION_CODES",
    "Area",
    "BenchmarkFigure",
    "BenchmarkMapping",
    "BenchmarkSettings",
    "CellValue",
    "Closeness",
    "Comparator",
    "DfeRow",
    "DfeTable",
    "FileKind",
    "FileSpec",
    "GeographicLevel",
    "Grouping",
    "Measure",
    "MissingReason",
    "Neighbour",
    "NeighbourGroups",
    "NeighbourModel",
    "PeriodReading",
    "Quartile",
    "authority_benchmarks",
    "compute_benchmarks",
    "detect_kind",
    "detect_model",
    "england",
    "neighbour_mean",
    "parse_cell",
    "quartile_of",
    "rank_and_quartile",
    "rank_values",
    "read_dfe",
    "read_neighbours",
    "region",
    "suppression_reason",
]

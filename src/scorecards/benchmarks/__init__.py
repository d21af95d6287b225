"""Benchmarks computed from published statistics.

Read the Department for Education's tidy CSV files (:func:`read_dfe`), pick a
measure (:meth:`DfeTable.measure`) and compute England, region, statistical
neighbour mean, rank and quartile for an authority (:func:`authority_benchmarks`).
For a project, :func:`import_benchmarks` does it for every mapped indicator of its
``[benchmarks]`` settings. The methodology is in ``docs/benchmarks.md``.

>>> from scorecards.catalogue.models import Polarity
>>> from scorecards.periods import Year
>>> from pathlib import Path
>>> data = Path("tests/data/dfe")
>>> table = read_dfe(next(data.glob("c1_*.csv")))
>>> groups = read_neighbours(next(data.glob("New_Statistical_*.csv")))
>>> figures = authority_benchmarks(
...     table.measure("rereferral_percent"), "Kent", "SCS03", Polarity.LOW, groups,
...     periods=[Year(2018)], comparators=[Comparator.REGION],
... )
>>> [(f.group, f.value) for f in figures]
[('South East', 25.1)]
"""

from scorecards.benchmarks.compute import (
    BenchmarkFigure,
    Comparator,
    Quartile,
    authority_benchmarks,
    england,
    neighbour_mean,
    own_figure,
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
from scorecards.benchmarks.imports import (
    BenchmarkImport,
    authority_figures,
    import_benchmarks,
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
    Population,
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
    "BenchmarkImport",
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
    "Population",
    "Quartile",
    "authority_benchmarks",
    "authority_figures",
    "compute_benchmarks",
    "detect_kind",
    "detect_model",
    "england",
    "import_benchmarks",
    "neighbour_mean",
    "own_figure",
    "parse_cell",
    "quartile_of",
    "rank_and_quartile",
    "rank_values",
    "read_dfe",
    "read_neighbours",
    "region",
    "suppression_reason",
]

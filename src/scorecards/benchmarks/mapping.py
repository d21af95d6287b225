"""Which published measures benchmark which indicators: the ``[benchmarks]`` section.

In ``scorecard.toml``::

    [benchmarks]
    data = "../shared/data/dfe"          # folder of the department's files
    authority = "Kent"                   # name, old_la_code or new_la_code
    neighbours = "sn_model_2025_wide.csv"

    [[benchmarks.import]]
    indicator = "SCS03"
    file = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
    measure = "rereferral_percent"

    [[benchmarks.import]]
    indicator = "SCS15"
    file = "absence_la.csv"
    measure = "pt_overall"
    filters = { social_care_group = "CLA 12 months at 31 March", phase_type_grouping = "Total" }

``filters`` picks the row of each area and period in files with breakdown columns;
reading a mapping whose filters leave two rows for one area and period is an error
that names the columns still to filter on.
"""  # noqa: E501

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from scorecards.benchmarks.compute import (
    BenchmarkFigure,
    Comparator,
    authority_benchmarks,
)
from scorecards.benchmarks.dfe import DfeTable, read_dfe
from scorecards.benchmarks.kinds import FileKind
from scorecards.benchmarks.neighbours import NeighbourGroups, read_neighbours
from scorecards.catalogue.models import Indicator, Polarity
from scorecards.errors import InputError, MissingFileError, problem

logger = logging.getLogger(__name__)


class BenchmarkMapping(BaseModel):
    """One published measure that benchmarks one indicator."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    indicator: str
    file: str = Field(description="file name in the benchmarks data folder")
    measure: str = Field(description="the measure column, e.g. rereferral_percent")
    filters: dict[str, str] = Field(
        default_factory=dict,
        description="breakdown column -> value, to keep one row per area and period",
    )
    kind: FileKind | None = Field(
        default=None, description="what the file is, when its name does not say"
    )
    comparators: tuple[Comparator, ...] = tuple(Comparator)


class BenchmarkSettings(BaseModel):
    """The ``[benchmarks]`` section of scorecard.toml."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    data: str = Field(description="folder of the department's files, from the project")
    authority: str = Field(description="name, old_la_code or new_la_code")
    neighbours: str = Field(
        default="",
        description="statistical neighbour file in the data folder (2021 or 2025 "
        "model); empty for no neighbour mean",
    )
    imports: list[BenchmarkMapping] = Field(default_factory=list, alias="import")


def compute_benchmarks(
    settings: BenchmarkSettings,
    root: Path,
    indicators: Mapping[str, Indicator],
    config_file: str = "scorecard.toml",
) -> list[BenchmarkFigure]:
    """Every comparator of every mapped indicator, for every period in its file.

    Files are read once each. Raises InputError naming the mapping for an unknown
    indicator, and MissingFileError for a file that is not in the data folder.
    """
    folder = root / settings.data
    groups = _groups(folder, settings.neighbours)
    tables: dict[tuple[str, FileKind | None], DfeTable] = {}

    figures: list[BenchmarkFigure] = []
    for number, mapping in enumerate(settings.imports, start=1):
        indicator = indicators.get(mapping.indicator)
        if indicator is None:
            raise InputError(
                problem(
                    config_file,
                    f"unknown indicator {mapping.indicator!r}; add it to "
                    "indicators/ or fix the id",
                    key=f"benchmarks.import {number}: indicator",
                )
            )

        key = (mapping.file, mapping.kind)
        if key not in tables:
            tables[key] = read_dfe(_existing(folder / mapping.file), mapping.kind)
        measure = tables[key].measure(mapping.measure, mapping.filters)
        if indicator.polarity not in (Polarity.HIGH, Polarity.LOW):
            logger.warning(
                "%s has polarity %s: it is not ranked",
                indicator.id,
                indicator.polarity,
            )

        comparators = (
            mapping.comparators
            if groups
            else tuple(c for c in mapping.comparators if c is not Comparator.NEIGHBOURS)
        )
        figures += authority_benchmarks(
            measure,
            settings.authority,
            indicator.id,
            indicator.polarity,
            groups,
            comparators=comparators,
        )
        logger.info("benchmarks computed for %s from %s", indicator.id, measure.source)
    return figures


def _groups(folder: Path, name: str) -> NeighbourGroups | None:
    if not name:
        return None
    return read_neighbours(_existing(folder / name))


def _existing(path: Path) -> Path:
    if not path.is_file():
        raise MissingFileError(path, "benchmark data file")
    return path

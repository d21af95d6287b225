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

    [[benchmarks.import]]                # a snapshot shown as its financial year
    indicator = "NB-CASELOAD"
    file = "csww_indicators_2017_to_2025.csv"
    measure = "caseload_fte"
    year_basis = "financial"

    [[benchmarks.import]]                # a count made a rate per 10,000
    indicator = "NB-CIN"
    file = "b1_children_in_need_2013_to_2025.csv"
    measure = "At31_episodes"
    per_10000 = { file = "ons_mid-year_population_estimates_2012_to_2024.csv" }

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
)
from scorecards.benchmarks.kinds import FileKind
from scorecards.benchmarks.neighbours import NeighbourGroups, read_neighbours
from scorecards.catalogue.models import Indicator
from scorecards.errors import MissingFileError
from scorecards.periods import YearBasis

logger = logging.getLogger(__name__)


class Population(BaseModel):
    """The population a count is divided by to make a rate per 10,000."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str = Field(description="file name in the benchmarks data folder")
    measure: str = "population_estimate"
    filters: dict[str, str] = Field(default_factory=dict)


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
    per_10000: Population | None = Field(
        default=None,
        description="make the measure, a count, a rate per 10,000 of this "
        "population, for a file that publishes no rate",
    )
    year_basis: YearBasis | None = Field(
        default=None,
        description="give a snapshot month (the workforce file's 30 September) "
        "the reporting year that holds it, so that it sits in a table of years",
    )


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
    name_outputs: bool = Field(
        default=False,
        description="name the scorecard (organisation and authority) after the "
        "authority of the latest import, for a project any authority can build",
    )
    imports: list[BenchmarkMapping] = Field(default_factory=list, alias="import")


def compute_benchmarks(
    settings: BenchmarkSettings,
    root: Path,
    indicators: Mapping[str, Indicator],
    config_file: str = "scorecard.toml",
) -> list[BenchmarkFigure]:
    """Every comparator of every mapped indicator, for every period in its file,
    with the authority's own figure (:attr:`Comparator.AUTHORITY`).

    Files are read once each. Raises InputError naming the mapping for an unknown
    indicator, and MissingFileError for a file that is not in the data folder.
    :func:`scorecards.benchmarks.imports.import_benchmarks` also says what was
    read and what was suppressed.
    """
    from scorecards.benchmarks.imports import import_benchmarks

    return import_benchmarks(
        settings, root, indicators, config_file=config_file
    ).figures


def read_groups(folder: Path, name: str) -> NeighbourGroups | None:
    """The grouping file ``name`` in ``folder``; None when no file is named."""
    if not name:
        return None
    return read_neighbours(existing_file(folder / name))


def existing_file(path: Path) -> Path:
    """``path``, or MissingFileError when it is not a file."""
    if not path.is_file():
        raise MissingFileError(path, "benchmark data file")
    return path

"""Closed vocabularies and the validated shapes of catalogue entries."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from scorecards.periods import YearBasis


class Polarity(StrEnum):
    """Which way is good."""

    HIGH = "H"  # the higher the better
    LOW = "L"  # the lower the better
    TARGET = "T"  # the closer to the target the better


class DataPeriod(StrEnum):
    """How a figure accumulates over time."""

    R12M = "R12M"  # rolling 12 months
    MS = "MS"  # monthly snapshot
    YTD = "YTD"  # year to date
    Q = "Q"  # quarterly
    A = "A"  # annual


class Unit(StrEnum):
    """What a figure counts."""

    PERCENT = "percent"
    COUNT = "count"
    RATE_PER_10000 = "rate per 10,000"
    DAYS = "days"
    SCORE = "score"
    AVERAGE = "average"
    GAP = "percentage points"


class Source(BaseModel):
    """Where an indicator's figures come from, as the data sources page lists it."""

    model_config = ConfigDict(extra="forbid")

    description: str = ""
    latest: str = ""
    released: str = ""


_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


class Indicator(BaseModel):
    """One measure in the catalogue.

    ``id`` is the stable identifier; it is the printed code unless ``printed``
    is false, for rows the source document shows without a code.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    printed: bool = True
    title: str
    polarity: Polarity | None = None
    unit: Unit = Unit.PERCENT
    precision: int = Field(default=1, ge=0, le=6)
    data_period: DataPeriod | None = None
    year_basis: YearBasis = YearBasis.FINANCIAL
    definition: str = ""
    source: Source = Source()
    group: str = ""
    qpr: bool = False
    business_plan: bool = False
    district_breakdown: bool = True
    owner: str = ""  # the team that supplies the figures, e.g. "Early Help"
    spc_series: str | None = None  # an indicator holding the underlying monthly figures
    notes: str = ""

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(
                f"{value!r} is not a usable id; use letters, digits, '-', '_' or '.'"
            )
        return value

    @property
    def code(self) -> str | None:
        """The code as printed in outputs, or None where the source prints none."""
        return self.id if self.printed else None


class Target(BaseModel):
    """Target and floor standard of one indicator for one year.

    For polarity T the ``band_low``..``band_high`` range counts as on target
    (GREEN) and ``floor_low``..``floor_high`` as the floor standard (outside it
    is RED). ``basis`` names an alternative set a layout section may select.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    indicator: str
    year: str
    target: float | None = None
    floor: float | None = None
    floor_assumed: bool = False
    band_low: float | None = None
    band_high: float | None = None
    floor_low: float | None = None
    floor_high: float | None = None
    basis: str = ""
    note: str = ""

    @model_validator(mode="after")
    def _bands_ordered(self) -> Target:
        pairs = [("band_low", "band_high"), ("floor_low", "floor_high")]
        for low, high in pairs:
            a, b = getattr(self, low), getattr(self, high)
            if (a is None) != (b is None):
                raise ValueError(f"{low} and {high} must be given together")
            if a is not None and a > b:
                raise ValueError(f"{low} {a} is above {high} {b}")
        return self

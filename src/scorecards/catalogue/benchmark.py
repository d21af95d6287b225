"""A comparator's figure: what a benchmark column shows."""

from __future__ import annotations

from dataclasses import dataclass

from scorecards.periods import Period


@dataclass(frozen=True)
class Benchmark:
    """A comparator's figure for an indicator and period."""

    indicator: str
    comparator: str
    period: Period
    value: float | None
    basis: str = ""
    text: str = ""  # shown instead of the value when set: "97 of 153", "C"

"""What every section builder reads while a scorecard is assembled."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from scorecards.assess.checks import JumpRule
from scorecards.catalogue.benchmark import Benchmark
from scorecards.catalogue.models import Indicator, Target
from scorecards.catalogue.project import Commentary
from scorecards.periods import Month, Period, Year
from scorecards.store.figures import Figure, FigureSet

log = logging.getLogger(__name__)


@dataclass
class Context:
    """What every section builder reads, and the warnings they collect."""

    month: Month
    indicators: dict[str, Indicator]
    figures: FigureSet
    targets: dict[tuple[str, str, str], Target]
    benchmarks: list[Benchmark]
    commentary: Commentary
    jump_rule: JumpRule = field(default_factory=JumpRule)
    previous: FigureSet | None = None  # the figures the previous edition showed
    new_since_previous: set[tuple[str, str, str]] | None = None  # keys of new figures
    area: str = ""  # the area or district the scorecard is for; "" the authority
    warnings: list[str] = field(default_factory=list)

    def figure(self, indicator: str, period: Period) -> Figure | None:
        """The figure of the scorecard's area."""
        return self.figures.get(indicator, period, self.area)

    def broken_down(self, indicator: Indicator) -> bool:
        """Whether the indicator has figures at the scorecard's level."""
        return not self.area or indicator.district_breakdown

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
            log.debug("warning: %s", message)

    def target(self, indicator: str, year: Year, basis: str) -> Target | None:
        return self.targets.get((indicator, str(year), basis)) or self.targets.get(
            (indicator, str(year), "")
        )

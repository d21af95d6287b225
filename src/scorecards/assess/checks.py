"""Checks that catch a typing slip before publication. Warnings, never errors.

The parts rule: where a figure comes with its numerator and denominator, its
value should be what they make for the indicator's unit (100 x n / d for a
percentage, n / d for an average, days or score, and for a rate per 10,000 n / d
with the denominator as population / 10,000, or 10,000 x n / d with it as the
population) to within one step of the precision shown, which allows for the
value having been rounded. Counts and gaps are not checked.

The jump rule: a figure is suspicious when its change from the previous period is
more than ``factor`` times the median absolute period-to-period change over the
last ``history`` periods before it. The median resists the odd large move that a
mean would let inflate the threshold. With fewer than ``min_changes`` earlier
changes there is too little history to judge, and nothing is said.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from scorecards.catalogue.models import Indicator, Unit
from scorecards.store.figures import Figure, FigureSet


@dataclass(frozen=True)
class JumpRule:
    """Settings of the jump check (``[checks]`` in scorecard.toml)."""

    factor: float = 3.0
    history: int = 12
    min_changes: int = 4


@dataclass(frozen=True)
class Jump:
    indicator: str
    period: str
    area: str
    previous: float
    value: float
    usual_low: float
    usual_high: float
    typical_change: float

    def __str__(self) -> str:
        where = f" ({self.area})" if self.area else ""
        return (
            f"{self.indicator}{where} {self.period}: {_short(self.value)} after "
            f"{_short(self.previous)} is outside the usual range "
            f"{_short(self.usual_low)} to {_short(self.usual_high)} (typical change "
            f"{_short(self.typical_change)}); check it before publishing"
        )


def _short(number: float) -> str:
    """At most two decimal places, without trailing zeros: 28.0957 reads 28.1."""
    return f"{round(number, 2):g}" if abs(number) < 1e6 else f"{number:,.0f}"


def find_jump(
    figures: FigureSet, figure: Figure, rule: JumpRule = JumpRule()
) -> Jump | None:
    """The jump that ``figure`` makes from the figures before it, if it is one.

    >>> from scorecards.periods import Month
    >>> history = [Figure("X", Month(2020, m), v) for m, v in
    ...            zip(range(1, 7), [10, 11, 10, 11, 10, 11])]
    >>> slip = Figure("X", Month(2020, 7), 110)
    >>> str(find_jump(FigureSet([*history, slip]), slip))  # doctest: +ELLIPSIS
    'X 2020-07: 110 after 11 is outside the usual range 8 to 14 ...'
    """
    if figure.value is None:
        return None
    earlier = [
        figures.get(figure.indicator, p, figure.area)
        for p in figures.periods(figure.indicator, figure.area)
        if p.kind == figure.period.kind and p.index < figure.period.index
    ][-(rule.history) :]
    values = [f.value for f in earlier if f is not None and f.value is not None]
    changes = [abs(b - a) for a, b in pairwise(values)]
    if len(changes) < rule.min_changes:
        return None

    typical = median(changes)
    previous = values[-1]
    allowed = rule.factor * typical
    if abs(figure.value - previous) <= allowed:
        return None
    return Jump(
        indicator=figure.indicator,
        period=str(figure.period),
        area=figure.area,
        previous=previous,
        value=figure.value,
        usual_low=round(previous - allowed, 6),
        usual_high=round(previous + allowed, 6),
        typical_change=round(typical, 6),
    )


def find_jumps(
    figures: FigureSet, candidates: list[Figure], rule: JumpRule = JumpRule()
) -> list[Jump]:
    """Jumps among ``candidates`` (the new or latest figures), in their order."""
    found = (find_jump(figures, figure, rule) for figure in candidates)
    return [jump for jump in found if jump is not None]


def find_contradiction(indicator: Indicator, figure: Figure) -> str | None:
    """Why ``figure``'s value disagrees with its numerator and denominator, if it
    does (the parts rule above).

    >>> from scorecards.periods import Month
    >>> kpi = Indicator(id="X", title="X", polarity="H", unit="percent")
    >>> parts = {"numerator": 1302, "denominator": 1512}
    >>> find_contradiction(kpi, Figure("X", Month(2020, 5), 86.1, **parts))
    >>> find_contradiction(kpi, Figure("X", Month(2020, 5), 68.1, **parts))
    'X 2020-05: 68.1 is not what 1302 / 1512 make (86.1); check it before publishing'
    """
    n, d, value = figure.numerator, figure.denominator, figure.value
    if value is None or n is None or not d:
        return None
    if indicator.unit is Unit.PERCENT:
        expected = [100 * n / d]
    elif indicator.unit is Unit.RATE_PER_10000:
        expected = [n / d, 10_000 * n / d]
    elif indicator.unit in (Unit.AVERAGE, Unit.DAYS, Unit.SCORE):
        expected = [n / d]
    else:
        return None
    step = 10.0**-indicator.precision
    if any(abs(value - e) <= step + 1e-9 * abs(e) for e in expected):
        return None
    where = f" ({figure.area})" if figure.area else ""
    return (
        f"{figure.indicator}{where} {figure.period}: {_short(value)} is not what "
        f"{_short(n)} / {_short(d)} make "
        f"({' or '.join(f'{e:.{indicator.precision}f}' for e in expected)}); "
        "check it before publishing"
    )

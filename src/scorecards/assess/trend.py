"""Direction of travel over the periods a scorecard shows: regression, or SPC. No I/O.

The previous-period method is :func:`scorecards.assess.rules.direction`; the methods
here are the layout's alternatives, written up in ``docs/spc.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from scorecards.assess.spc import Series, SpcResult, VariationIcon
from scorecards.catalogue.models import Polarity


class TrendMethod(StrEnum):
    REGRESSION = "regression"  # least-squares slope over the periods shown, t-test
    SPC = "spc"  # the SPC variation of the latest point


class Trend(StrEnum):
    """Direction of travel over several periods."""

    IMPROVING = "improving"
    WORSENING = "worsening"
    RISING = "rising"  # a clear change, with no polarity to say if it is good
    FALLING = "falling"
    NO_CLEAR_TREND = "no clear trend"  # regression: the slope is not significant
    NO_CHANGE = "no change"  # SPC: common cause variation


@dataclass(frozen=True)
class TrendResult:
    """A direction of travel, how it was reached, and the sentence that says so.

    ``direction`` is None where the method cannot judge (too few figures).
    ``slope`` is per period; ``p_value`` is two-sided. Both are None for SPC.
    """

    method: TrendMethod
    direction: Trend | None
    periods: int
    figures: int
    slope: float | None
    p_value: float | None
    text: str


def regression_trend(
    series: Series,
    polarity: Polarity | None,
    *,
    target: float | None = None,
    alpha: float = 0.05,
) -> TrendResult:
    """Judge the direction of travel by the least-squares slope over the periods shown.

    The slope of figure on period number (0, 1, 2 ... over every period shown, so a
    missing period keeps its place) is tested against zero by a two-sided t-test with
    n - 2 degrees of freedom. A slope significant at ``alpha`` is improving or
    worsening by polarity: H improves upwards, L downwards, and T improves when the
    fitted line ends nearer the target than it starts. With no polarity (or T with no
    target) it is rising or falling. Fewer than three figures: no direction.

    >>> result = regression_trend([("Q1", 10), ("Q2", 12), ("Q3", 15)], Polarity.HIGH)
    >>> result.slope, round(result.p_value, 4), result.direction.value
    (2.5, 0.0732, 'no clear trend')
    """
    xs = [float(i) for i, (_, value) in enumerate(series) if value is not None]
    ys = [float(value) for _, value in series if value is not None]
    text = regression_text(len(series), alpha)
    if len(ys) < 3:
        return TrendResult(
            TrendMethod.REGRESSION, None, len(series), len(ys), None, None, text
        )

    slope, intercept, p_value = _least_squares(xs, ys)
    direction = Trend.NO_CLEAR_TREND
    if p_value < alpha:
        start, end = intercept + slope * xs[0], intercept + slope * xs[-1]
        direction = _judge(slope, start, end, polarity, target)
    return TrendResult(
        TrendMethod.REGRESSION, direction, len(series), len(ys), slope, p_value, text
    )


def spc_trend(result: SpcResult) -> TrendResult:
    """Judge the direction of travel by the SPC variation of the latest point.

    Special cause improvement is improving and concern is worsening; a neutral
    special cause is rising or falling; common cause is no change.
    """
    latest = result.latest
    figures = sum(point.value is not None for point in result.points)
    direction = None if latest is None else _SPC_DIRECTION[latest.variation]
    return TrendResult(
        TrendMethod.SPC, direction, len(result.points), figures, None, None, SPC_TEXT
    )


def regression_text(periods: int, alpha: float = 0.05) -> str:
    """The guidance-note sentence that names the regression method.

    >>> regression_text(7)
    'Direction of travel is the slope of a least-squares line over the 7 periods shown, judged significant at the 5% level (two-sided t-test).'
    """  # noqa: E501
    level = f"{alpha * 100:g}%"
    return (
        "Direction of travel is the slope of a least-squares line over the "
        f"{periods} periods shown, judged significant at the {level} level "
        "(two-sided t-test)."
    )


SPC_TEXT = (
    "Direction of travel is read from the SPC chart: improving or worsening when the "
    "latest point shows special cause variation, otherwise no change."
)

_SPC_DIRECTION: dict[VariationIcon | None, Trend | None] = {
    None: None,
    VariationIcon.COMMON_CAUSE: Trend.NO_CHANGE,
    VariationIcon.IMPROVEMENT_HIGH: Trend.IMPROVING,
    VariationIcon.IMPROVEMENT_LOW: Trend.IMPROVING,
    VariationIcon.CONCERN_HIGH: Trend.WORSENING,
    VariationIcon.CONCERN_LOW: Trend.WORSENING,
    VariationIcon.NEITHER_HIGH: Trend.RISING,
    VariationIcon.NEITHER_LOW: Trend.FALLING,
}


def _judge(
    slope: float,
    start: float,
    end: float,
    polarity: Polarity | None,
    target: float | None,
) -> Trend:
    if polarity is Polarity.HIGH:
        return Trend.IMPROVING if slope > 0 else Trend.WORSENING
    if polarity is Polarity.LOW:
        return Trend.IMPROVING if slope < 0 else Trend.WORSENING
    if polarity is Polarity.TARGET and target is not None:
        nearer = abs(end - target) < abs(start - target)
        return Trend.IMPROVING if nearer else Trend.WORSENING
    return Trend.RISING if slope > 0 else Trend.FALLING


def _least_squares(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Slope, intercept and two-sided p-value of the slope (t-test, n - 2 df)."""
    n = len(xs)
    x_bar, y_bar = math.fsum(xs) / n, math.fsum(ys) / n
    sxx = math.fsum((x - x_bar) ** 2 for x in xs)
    sxy = math.fsum((x - x_bar) * (y - y_bar) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx
    intercept = y_bar - slope * x_bar

    residuals = [y - (intercept + slope * x) for x, y in zip(xs, ys, strict=True)]
    sse = math.fsum(r * r for r in residuals)
    scale = max(1.0, math.fsum(y * y for y in ys))
    if sse <= 1e-24 * scale:
        # A perfect line: any non-zero slope is certain, a flat one is no trend.
        return slope, intercept, (0.0 if abs(slope) > 1e-12 else 1.0)

    standard_error = math.sqrt(sse / (n - 2) / sxx)
    return slope, intercept, t_two_sided_p(slope / standard_error, n - 2)


def t_two_sided_p(t: float, df: int) -> float:
    """Two-sided p-value of Student's t: P(|T| >= |t|) with ``df`` degrees of freedom.

    Computed as the regularized incomplete beta function I_x(df/2, 1/2) at
    x = df / (df + t^2), so no statistics library is needed.

    >>> round(t_two_sided_p(12.706, 1), 4), round(t_two_sided_p(2.228, 10), 4)
    (0.05, 0.05)
    """
    if df < 1:
        raise ValueError(f"degrees of freedom must be at least 1, got {df!r}")
    x = df / (df + t * t)
    return _incomplete_beta(df / 2, 0.5, x)


def _incomplete_beta(a: float, b: float, x: float) -> float:
    """Regularized incomplete beta I_x(a, b), by its continued fraction."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b)
        - math.lgamma(a)
        - math.lgamma(b)
        + a * math.log(x)
        + b * math.log1p(-x)
    )
    # The fraction converges fast only below the mean of the distribution; above it,
    # use the symmetry I_x(a, b) = 1 - I_{1-x}(b, a).
    if x > (a + 1) / (a + b + 2):
        return 1.0 - _incomplete_beta(b, a, 1.0 - x)
    return math.exp(log_front) / a * _beta_fraction(a, b, x)


def _beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of I_x(a, b), evaluated by the modified Lentz method."""
    tiny = 1e-300
    f, c, d = 1.0, 1.0, 0.0
    for i in range(400):
        m = i // 2
        if i == 0:
            numerator = 1.0
        elif i % 2 == 0:
            numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        else:
            numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))

        d = 1.0 + numerator * d
        d = tiny if abs(d) < tiny else d
        c = 1.0 + numerator / c
        c = tiny if abs(c) < tiny else c
        d = 1.0 / d
        f *= c * d
        if abs(1.0 - c * d) < 1e-15:
            return f - 1.0
    raise ArithmeticError(f"incomplete beta did not converge for {a=}, {b=}, {x=}")

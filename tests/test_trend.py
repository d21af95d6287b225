"""Direction of travel by regression over the periods shown, and by SPC."""

from __future__ import annotations

import doctest
import math
import random
from collections.abc import Sequence

import pytest

from scorecards.assess import trend
from scorecards.assess.spc import SpcOptions, xmr
from scorecards.assess.trend import (
    SPC_TEXT,
    Trend,
    TrendMethod,
    regression_text,
    regression_trend,
    spc_trend,
    t_two_sided_p,
)
from scorecards.catalogue.models import Polarity


def numbered(values: Sequence[float | None]) -> list[tuple[str, float | None]]:
    return [(str(i), value) for i, value in enumerate(values, start=1)]


def noisy(start: float, step: float, seed: int, n: int = 12) -> list[float | None]:
    """A straight line with standard normal noise, the same on every run."""
    rng = random.Random(seed)
    return [start + step * i + rng.gauss(0.0, 1.0) for i in range(n)]


# Hand-checked slopes and p-values --------------------------------------------------


def test_three_points_slope_and_p_value_by_hand() -> None:
    # x = 0, 1, 2 and y = 1, 2, 4: slope 3/2, residuals 1/6, -1/3, 1/6, so SSE = 1/6,
    # standard error sqrt((1/6) / 1 / 2) and t = 3 * sqrt(3). With 1 degree of freedom
    # t is Cauchy: p = 1 - (2 / pi) * atan(|t|) = 0.12104.
    result = regression_trend(numbered([1, 2, 4]), Polarity.HIGH)

    assert result.slope == pytest.approx(1.5)
    assert result.p_value == pytest.approx(
        1 - 2 / math.pi * math.atan(3 * math.sqrt(3))
    )
    assert result.p_value == pytest.approx(0.12104, abs=5e-6)
    assert result.direction is Trend.NO_CLEAR_TREND


def test_four_points_slope_and_p_value_by_hand() -> None:
    # x = 0..3 and y = 1, 3, 2, 5: Sxx = 5, Sxy = 5.5, slope 1.1; residuals -0.1, 0.8,
    # -1.3, 0.6, so SSE = 2.7 and t = 1.1 / sqrt(2.7 / 2 / 5) = 2.11695. With 2
    # degrees of freedom p = 1 - t / sqrt(2 + t^2) = 0.16848.
    result = regression_trend(numbered([1, 3, 2, 5]), Polarity.HIGH)

    t = 1.1 / math.sqrt(2.7 / 2 / 5)
    assert result.slope == pytest.approx(1.1)
    assert result.p_value == pytest.approx(1 - t / math.sqrt(2 + t * t))
    assert result.p_value == pytest.approx(0.16848, abs=5e-6)


@pytest.mark.parametrize(
    ("t", "df", "p"),
    [(12.706, 1, 0.05), (4.303, 2, 0.05), (2.228, 10, 0.05), (2.845, 20, 0.01)],
)
def test_p_values_match_printed_t_tables(t: float, df: int, p: float) -> None:
    assert t_two_sided_p(t, df) == pytest.approx(p, abs=1e-4)


def test_t_of_zero_has_p_of_one() -> None:
    assert t_two_sided_p(0.0, 5) == 1.0


# Noisy series (seeded) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("polarity", "expected"),
    [
        (Polarity.HIGH, Trend.IMPROVING),
        (Polarity.LOW, Trend.WORSENING),
        (None, Trend.RISING),
    ],
)
def test_a_rising_noisy_series(polarity: Polarity | None, expected: Trend) -> None:
    result = regression_trend(numbered(noisy(10, 0.8, seed=1)), polarity)

    assert result.p_value is not None and result.p_value < 0.001
    assert result.direction is expected


@pytest.mark.parametrize(
    ("polarity", "expected"),
    [
        (Polarity.HIGH, Trend.WORSENING),
        (Polarity.LOW, Trend.IMPROVING),
        (None, Trend.FALLING),
    ],
)
def test_a_falling_noisy_series(polarity: Polarity | None, expected: Trend) -> None:
    result = regression_trend(numbered(noisy(20, -0.8, seed=2)), polarity)

    assert result.p_value is not None and result.p_value < 0.001
    assert result.direction is expected


def test_a_flat_noisy_series_has_no_clear_trend() -> None:
    result = regression_trend(numbered(noisy(10, 0.0, seed=3)), Polarity.HIGH)

    assert result.p_value is not None and result.p_value > 0.05
    assert result.direction is Trend.NO_CLEAR_TREND


# Polarity T, gaps, and too little data ----------------------------------------------


@pytest.mark.parametrize(
    ("target", "expected"),
    [(20.0, Trend.IMPROVING), (0.0, Trend.WORSENING), (None, Trend.RISING)],
)
def test_t_polarity_improves_towards_the_target(
    target: float | None, expected: Trend
) -> None:
    result = regression_trend(
        numbered([10, 11, 12, 13]), Polarity.TARGET, target=target
    )

    assert result.direction is expected


def test_a_missing_period_keeps_its_place_on_the_x_axis() -> None:
    result = regression_trend(numbered([1, None, 3, 4]), Polarity.HIGH)

    assert result.slope == pytest.approx(1.0)
    assert (result.periods, result.figures) == (4, 3)
    assert result.direction is Trend.IMPROVING


def test_fewer_than_three_figures_give_no_direction() -> None:
    result = regression_trend(numbered([1, None, 2]), Polarity.HIGH)

    assert result.direction is None and result.p_value is None


def test_a_flat_line_has_no_clear_trend() -> None:
    result = regression_trend(numbered([5, 5, 5, 5]), Polarity.HIGH)

    assert (result.slope, result.p_value) == (0.0, 1.0)
    assert result.direction is Trend.NO_CLEAR_TREND


def test_the_guidance_sentence_names_the_method_periods_and_test() -> None:
    result = regression_trend(numbered([1, 2, 3, 4, 5, 6, 8]), Polarity.HIGH)

    assert result.method is TrendMethod.REGRESSION
    assert result.text == (
        "Direction of travel is the slope of a least-squares line over the 7 periods "
        "shown, judged significant at the 5% level (two-sided t-test)."
    )
    assert regression_text(12, alpha=0.01).endswith(
        "at the 1% level (two-sided t-test)."
    )


# The SPC method ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "polarity", "expected"),
    [
        ([9, 11, 9, 11, 20], Polarity.HIGH, Trend.IMPROVING),
        ([9, 11, 9, 11, 20], Polarity.LOW, Trend.WORSENING),
        ([9, 11, 9, 11, 20], None, Trend.RISING),
        ([9, 11, 9, 11, 0], None, Trend.FALLING),
        ([9, 11, 9, 11, 10], Polarity.HIGH, Trend.NO_CHANGE),
        ([None, None], Polarity.HIGH, None),
    ],
)
def test_spc_direction_follows_the_latest_point(
    values: list[float | None], polarity: Polarity | None, expected: Trend | None
) -> None:
    chart = xmr(numbered(values), polarity, SpcOptions(baseline_points=4))

    result = spc_trend(chart)

    assert result.method is TrendMethod.SPC
    assert result.direction is expected
    assert result.text == SPC_TEXT


def test_docstring_examples_run() -> None:
    assert doctest.testmod(trend).failed == 0

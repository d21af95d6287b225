"""XmR charts: published worked examples, then hand-worked rules and edge cases."""

from __future__ import annotations

import doctest
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from scorecards.assess import spc
from scorecards.assess.spc import (
    AssuranceIcon,
    Rule,
    SpcOptions,
    SpcResult,
    Tie,
    VariationIcon,
    WarningKind,
    assurance_icon,
    variation_icon,
    xmr,
)
from scorecards.catalogue.models import Polarity
from scorecards.errors import InputError

PUBLISHED = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "spc_published.yaml").read_text()
)


def numbered(values: Sequence[float | None]) -> list[tuple[str, float | None]]:
    """Label a list of figures with period numbers from 1."""
    return [(str(i), value) for i, value in enumerate(values, start=1)]


def flagged(result: SpcResult) -> dict[int, str]:
    return {
        int(p.period): p.variation.value
        for p in result.points
        if p.variation not in (None, VariationIcon.COMMON_CAUSE)
    }


def rules_at(result: SpcResult, rule: Rule) -> list[int]:
    return [int(p.period) for p in result.points if rule in p.rules]


# Published worked examples -------------------------------------------------------


@pytest.mark.parametrize("case", PUBLISHED["cases"], ids=lambda case: case["id"])
def test_published_mean_limits_and_flagged_points(case: dict[str, Any]) -> None:
    polarity = Polarity(case["polarity"]) if case["polarity"] else None
    result = xmr(numbered(case["values"]), polarity, SpcOptions(**case["options"]))

    for segment, expected in zip(result.segments, case["segments"], strict=False):
        for key in ("mean", "lower_limit", "upper_limit"):
            assert getattr(segment, key) == pytest.approx(
                expected[key], **case["tolerance"]
            ), key
    if case["segments"]:
        assert len(result.segments) == len(case["segments"])

    variations = {int(p.period): p.variation for p in result.points}
    for period, expected in case["points"].items():
        assert variations[period] == VariationIcon(expected), period
    if case["complete"]:
        assert flagged(result) == case["points"]


@pytest.mark.parametrize(
    "case",
    [c for c in PUBLISHED["cases"] if "differences_under_our_defaults" in c],
    ids=lambda case: case["id"],
)
def test_published_example_differs_under_our_defaults_only_as_documented(
    case: dict[str, Any],
) -> None:
    differences = case["differences_under_our_defaults"]
    result = xmr(
        numbered(case["values"]),
        Polarity(case["polarity"]),
        SpcOptions(**differences["options"]),
    )

    assert flagged(result) == {**case["points"], **differences["points"]}


@pytest.mark.parametrize(
    "case", PUBLISHED["trend_cases"], ids=lambda case: str(case["values"])
)
def test_published_trend_rule_cases(case: dict[str, Any]) -> None:
    result = xmr(numbered(case["values"]), None, SpcOptions(trend_points=7))

    assert rules_at(result, Rule.TREND) == case["in_trend"]


# Limits, hand-worked -------------------------------------------------------------


def test_limits_are_mean_plus_or_minus_2_66_mean_moving_ranges() -> None:
    result = xmr(numbered([10, 12, 10, 12]))

    (segment,) = result.segments
    assert segment.mean == 11
    assert segment.mean_moving_range == 2
    assert segment.lower_limit == pytest.approx(11 - 5.32)
    assert segment.upper_limit == pytest.approx(11 + 5.32)
    assert segment.upper_two_sigma == pytest.approx(11 + 5.32 * 2 / 3)
    assert segment.lower_two_sigma == pytest.approx(11 - 5.32 * 2 / 3)


# From the NHSRplotthedots vignette "Deviations from Excel defaults" (its data only:
# the limits it prints are computed when the vignette is built). Mean 35/18. The 17
# moving ranges sum to 32; 8 and 9 exceed 3.267 x 32/17 = 6.15, and the other 15 are
# all 1.
OUTLIER_DATA = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]


def test_without_screening_every_moving_range_counts() -> None:
    (segment,) = xmr(numbered(OUTLIER_DATA)).segments

    assert segment.mean == pytest.approx(35 / 18)
    assert segment.mean_moving_range == pytest.approx(32 / 17)
    assert segment.moving_ranges_screened == 0
    assert segment.upper_limit == pytest.approx(35 / 18 + 2.66 * 32 / 17)


def test_screening_drops_moving_ranges_above_3_267_mean_moving_ranges() -> None:
    options = SpcOptions(screen_outliers=True)
    result = xmr(numbered(OUTLIER_DATA), Polarity.LOW, options)

    (segment,) = result.segments
    assert segment.mean_moving_range == 1
    assert segment.moving_ranges_screened == 2
    assert segment.upper_limit == pytest.approx(35 / 18 + 2.66)
    assert flagged(result) == {5: "concern high"}


def test_a_constant_series_has_limits_on_the_mean_and_no_signal() -> None:
    result = xmr(numbered([5.0] * 15), Polarity.HIGH)

    (segment,) = result.segments
    assert (segment.mean, segment.mean_moving_range) == (5, 0)
    assert segment.lower_limit == segment.upper_limit == 5
    assert flagged(result) == {}
    assert result.warnings == ()
    assert assurance_icon(result, 5.0) is AssuranceIcon.CONSISTENTLY_MEETS
    assert assurance_icon(result, 5.1) is AssuranceIcon.CONSISTENTLY_FAILS


def test_fewer_than_13_points_gives_provisional_limits_with_the_count() -> None:
    result = xmr(numbered([10, 12] * 6))

    (warning,) = result.warnings
    assert warning.kind is WarningKind.PROVISIONAL_LIMITS
    assert warning.count == 12
    assert "12 points, fewer than 13" in warning.message


def test_13_points_are_not_provisional() -> None:
    assert xmr(numbered([10, 12] * 6 + [10])).warnings == ()


def test_one_point_has_a_mean_but_no_limits() -> None:
    result = xmr(numbered([7.0]), Polarity.HIGH)

    (segment,) = result.segments
    assert segment.mean == 7 and segment.upper_limit is None
    kinds = [w.kind for w in result.warnings]
    assert kinds == [WarningKind.NO_MOVING_RANGE, WarningKind.PROVISIONAL_LIMITS]
    assert variation_icon(result) is VariationIcon.COMMON_CAUSE
    assert assurance_icon(result, 1.0) is AssuranceIcon.NONE


# A baseline of 9, 11, 9, 11 fixes the mean at 10 and the mean moving range at 2, so
# the limits are 4.68 and 15.32 and the 2-sigma lines 10 -/+ 3.5467.
BASELINE = [9, 11, 9, 11]
FIXED = SpcOptions(baseline_points=4)


def test_a_point_exactly_on_a_limit_is_not_beyond_it() -> None:
    result = xmr(numbered([*BASELINE, 15.32, 4.68, 15.33, 4.67]), Polarity.HIGH, FIXED)

    assert rules_at(result, Rule.BEYOND_LIMIT) == [7, 8]
    assert flagged(result) == {7: "improvement high", 8: "concern low"}


@pytest.mark.parametrize(
    ("polarity", "target", "expected"),
    [
        (Polarity.HIGH, 4.68, AssuranceIcon.CONSISTENTLY_MEETS),
        (Polarity.HIGH, 4.0, AssuranceIcon.CONSISTENTLY_MEETS),
        (Polarity.HIGH, 10.0, AssuranceIcon.HIT_AND_MISS),
        (Polarity.HIGH, 15.32, AssuranceIcon.HIT_AND_MISS),
        (Polarity.HIGH, 15.33, AssuranceIcon.CONSISTENTLY_FAILS),
        (Polarity.LOW, 15.32, AssuranceIcon.CONSISTENTLY_MEETS),
        (Polarity.LOW, 4.68, AssuranceIcon.HIT_AND_MISS),
        (Polarity.LOW, 4.67, AssuranceIcon.CONSISTENTLY_FAILS),
        (Polarity.TARGET, 10.0, AssuranceIcon.NONE),
        (None, 10.0, AssuranceIcon.NONE),
        (Polarity.HIGH, None, AssuranceIcon.NONE),
    ],
)
def test_assurance_with_a_target_on_and_around_the_limits(
    polarity: Polarity | None, target: float | None, expected: AssuranceIcon
) -> None:
    result = xmr(numbered([*BASELINE, 10, 10.5]), polarity, FIXED)

    assert assurance_icon(result, target) is expected


def test_assurance_uses_the_limits_of_the_latest_segment() -> None:
    values = [1, 2, 1, 2, 21, 22, 21, 22]
    result = xmr(numbered(values), Polarity.HIGH, SpcOptions(rebase_at=("5",)))

    assert assurance_icon(result, 15.0) is AssuranceIcon.CONSISTENTLY_MEETS


# Run rules -----------------------------------------------------------------------

# Mean 73/13 = 5.615; six points below it, then seven above; no point near a limit.
SIX_BELOW_SEVEN_ABOVE = [4, 5, 4, 5, 4, 5, 7, 6, 7, 6, 7, 6, 7]


def test_a_run_exactly_as_long_as_the_shift_rule_is_flagged() -> None:
    result = xmr(numbered(SIX_BELOW_SEVEN_ABOVE), Polarity.HIGH)

    assert rules_at(result, Rule.SHIFT) == list(range(7, 14))
    assert flagged(result) == {i: "improvement high" for i in range(7, 14)}


def test_a_run_one_shorter_than_the_shift_rule_is_not() -> None:
    result = xmr(numbered(SIX_BELOW_SEVEN_ABOVE), Polarity.HIGH)

    assert not set(rules_at(result, Rule.SHIFT)) & set(range(1, 7))


def test_a_run_exactly_as_long_as_the_trend_rule_is_flagged() -> None:
    result = xmr(numbered([3, 1, 2, 3, 4, 5, 6, 2]))

    assert rules_at(result, Rule.TREND) == [2, 3, 4, 5, 6, 7]


def test_a_trend_one_point_short_is_not_flagged() -> None:
    assert rules_at(xmr(numbered([3, 1, 2, 3, 4, 5, 2])), Rule.TREND) == []


def test_a_tie_inside_a_trend_breaks_it_by_default() -> None:
    assert rules_at(xmr(numbered([1, 2, 3, 3, 4, 5, 6])), Rule.TREND) == []


def test_a_skipped_tie_neither_counts_nor_breaks_a_trend() -> None:
    options = SpcOptions(trend_ties=Tie.SKIP)
    six_with_a_tie = [1, 2, 3, 3, 4, 5, 6]
    five_with_a_tie = [1, 2, 3, 3, 4, 5]

    assert rules_at(xmr(numbered(six_with_a_tie), None, options), Rule.TREND) == [
        1,
        2,
        3,
        4,
        5,
        6,
        7,
    ]
    assert rules_at(xmr(numbered(five_with_a_tie), None, options), Rule.TREND) == []


# A baseline of 0 and 10 fixes the mean at 5 (limits -21.6 and 31.6). From the 10
# on, nine points: four above the mean, one exactly on it, four above.
ON_THE_MEAN = [0, 10, 6, 6, 6, 5, 6, 6, 6, 6]


def test_a_point_on_the_mean_breaks_a_shift_by_default() -> None:
    result = xmr(numbered(ON_THE_MEAN), None, SpcOptions(baseline_points=2))

    assert rules_at(result, Rule.SHIFT) == []


def test_a_skipped_point_on_the_mean_neither_counts_nor_breaks_a_shift() -> None:
    options = SpcOptions(baseline_points=2, on_mean=Tie.SKIP)
    result = xmr(numbered(ON_THE_MEAN), None, options)

    assert rules_at(result, Rule.SHIFT) == [2, 3, 4, 5, 7, 8, 9, 10]


def test_two_of_three_beyond_2_sigma_counts_points_beyond_the_limits_by_default() -> (
    None
):
    values = [*BASELINE, 14, 16, 11]
    result = xmr(numbered(values), Polarity.HIGH, FIXED)

    assert rules_at(result, Rule.TWO_OF_THREE) == [5, 6]
    assert rules_at(result, Rule.BEYOND_LIMIT) == [6]


def test_two_of_three_can_leave_points_beyond_the_limits_out() -> None:
    options = SpcOptions(baseline_points=4, two_of_three_beyond_limits=False)
    result = xmr(numbered([*BASELINE, 14, 16, 11]), Polarity.HIGH, options)

    assert rules_at(result, Rule.TWO_OF_THREE) == []
    assert flagged(result) == {6: "improvement high"}


def test_two_of_three_needs_all_three_on_the_same_side_of_the_mean() -> None:
    result = xmr(numbered([*BASELINE, 14, 9, 14]), Polarity.HIGH, FIXED)

    assert rules_at(result, Rule.TWO_OF_THREE) == []


# Improvement, concern and neither ------------------------------------------------

# Baseline 0, 2, 0, 2: mean 1, upper limit 6.32, upper 2-sigma 4.55. Then seven
# points above the mean and beyond 2 sigma, falling: a shift and two-of-three point
# up while the trend points down.
BOTH_WAYS = [0, 2, 0, 2, 6, 5.9, 5.8, 5.7, 5.6, 5.5, 5.4]


@pytest.mark.parametrize(
    ("polarity", "expected"),
    [
        (Polarity.HIGH, VariationIcon.IMPROVEMENT_HIGH),
        (Polarity.LOW, VariationIcon.IMPROVEMENT_LOW),
        (Polarity.TARGET, VariationIcon.NEITHER_LOW),
        (None, VariationIcon.NEITHER_LOW),
    ],
)
def test_a_point_signalling_both_ways_is_improvement_or_takes_the_trend(
    polarity: Polarity | None, expected: VariationIcon
) -> None:
    result = xmr(numbered(BOTH_WAYS), polarity, FIXED)

    assert result.latest is not None
    assert result.latest.rules == {Rule.SHIFT, Rule.TREND, Rule.TWO_OF_THREE}
    assert variation_icon(result) is expected


@pytest.mark.parametrize(
    ("polarity", "expected"),
    [
        (Polarity.HIGH, VariationIcon.IMPROVEMENT_HIGH),
        (Polarity.LOW, VariationIcon.CONCERN_HIGH),
        (Polarity.TARGET, VariationIcon.NEITHER_HIGH),
        (None, VariationIcon.NEITHER_HIGH),
    ],
)
def test_a_point_above_the_upper_limit_by_polarity(
    polarity: Polarity | None, expected: VariationIcon
) -> None:
    result = xmr(numbered([*BASELINE, 20]), polarity, FIXED)

    assert variation_icon(result) is expected


def test_icons_have_text_alternatives() -> None:
    assert VariationIcon.COMMON_CAUSE.text == "Common cause variation"
    assert (
        VariationIcon.IMPROVEMENT_HIGH.text
        == "Special cause variation: improvement (high)"
    )
    assert VariationIcon.CONCERN_LOW.text == "Special cause variation: concern (low)"
    assert VariationIcon.NEITHER_HIGH.text == "Special cause variation: neither (high)"
    assert AssuranceIcon.HIT_AND_MISS.text == "Assurance: the target is hit and miss"
    assert all(icon.text for icon in AssuranceIcon)


# Missing, excluded, rebased, overlapping -----------------------------------------


def test_missing_periods_are_skipped_for_limits_and_runs() -> None:
    with_gap = [4, 5, 4, 5, 4, 5, 7, 6, None, 7, 6, 7, 6, 7]
    result = xmr(numbered(with_gap), Polarity.HIGH)

    (segment,) = result.segments
    assert segment.points_used == 13
    assert segment.mean == pytest.approx(73 / 13)
    assert segment.mean_moving_range == pytest.approx(13 / 12)
    assert rules_at(result, Rule.SHIFT) == [7, 8, 10, 11, 12, 13, 14]
    gap = result.points[8]
    assert (gap.value, gap.variation, gap.rules) == (None, None, frozenset())


def test_the_latest_point_is_the_latest_with_a_figure() -> None:
    result = xmr(numbered([*BASELINE, 20, None]), Polarity.HIGH, FIXED)

    assert result.latest is not None and result.latest.period == "5"
    assert variation_icon(result) is VariationIcon.IMPROVEMENT_HIGH


@pytest.mark.parametrize("series", [[], [("2020-04", None), ("2020-05", None)]])
def test_a_series_with_no_figures_gives_an_empty_result_and_a_warning(
    series: list[tuple[str, float | None]],
) -> None:
    result = xmr(series, Polarity.HIGH)

    assert [w.kind for w in result.warnings] == [WarningKind.NO_FIGURES]
    assert all(p.variation is None for p in result.points)
    assert all(s.mean is None for s in result.segments)
    assert result.latest is None
    assert variation_icon(result) is None
    assert assurance_icon(result, 1.0) is AssuranceIcon.NONE


def test_excluded_points_are_left_out_of_the_limits_but_still_flagged() -> None:
    options = SpcOptions(exclude=("5",))
    result = xmr(numbered([*BASELINE, 30]), Polarity.HIGH, options)

    (segment,) = result.segments
    assert (segment.mean, segment.points_used) == (10, 4)
    assert result.points[4].excluded
    assert flagged(result) == {5: "improvement high"}


def test_rebasing_recomputes_limits_and_runs_per_segment() -> None:
    values = [4, 5, 4, 5, 4, 5, 7, 7, 7, 7, 7, 7, 7]
    result = xmr(numbered(values), Polarity.HIGH, SpcOptions(rebase_at=("7",)))

    first, second = result.segments
    assert (first.start, first.stop, first.mean) == (0, 6, 4.5)
    assert (second.start, second.stop, second.mean) == (6, 13, 7)
    assert second.upper_limit == second.lower_limit == 7
    assert flagged(result) == {}
    assert [p.segment for p in result.points] == [0] * 6 + [1] * 7


def test_overlapping_periods_add_a_warning() -> None:
    result = xmr(numbered([10, 12] * 7), overlapping=True)

    (warning,) = result.warnings
    assert warning.kind is WarningKind.OVERLAPPING_PERIODS
    assert "independence" in warning.message


# Refusals ------------------------------------------------------------------------


def test_a_period_that_is_not_in_the_series_is_refused_by_name() -> None:
    with pytest.raises(InputError, match=r"rebase_at: period '2030-01' is not in"):
        xmr([("2020-01", 1.0)], options=SpcOptions(rebase_at=("2030-01",)))


def test_a_repeated_period_or_a_non_finite_figure_is_refused() -> None:
    with pytest.raises(InputError, match="2 problems") as raised:
        xmr([("2020-01", 1.0), ("2020-01", math.nan)])
    assert "appears twice" in str(raised.value)
    assert "not a finite number" in str(raised.value)


@pytest.mark.parametrize(
    "bad", [{"trend_points": 2}, {"shift_points": 1}, {"baseline_points": 1}, {"x": 1}]
)
def test_options_out_of_range_are_refused(bad: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        SpcOptions(**bad)  # type: ignore[arg-type]


def test_docstring_examples_run() -> None:
    assert doctest.testmod(spc).failed == 0

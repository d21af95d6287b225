"""The checks before publication: a figure far outside its indicator's recent
movement, and a value that its own numerator and denominator contradict."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorecards.assess.checks import JumpRule, find_contradiction, find_jump
from scorecards.catalogue.models import Indicator
from scorecards.cli import app
from scorecards.periods import Month
from scorecards.store.figures import Figure, FigureSet


def _series(values: list[float], area: str = "") -> list[Figure]:
    return [
        Figure("X", Month(2019, 1).shift(k), v, area=area) for k, v in enumerate(values)
    ]


def test_a_slip_of_a_digit_is_flagged_with_both_values_and_the_usual_range() -> None:
    # changes 1, 2, 1, 2, 1: median 1, so three times that allows 21 +/- 3
    history = _series([20, 21, 19, 20, 22, 21])
    slip = Figure("X", Month(2019, 7), 12.1)

    jump = find_jump(FigureSet([*history, slip]), slip)

    assert jump is not None
    assert (jump.previous, jump.value) == (21, 12.1)
    assert (jump.usual_low, jump.usual_high, jump.typical_change) == (18, 24, 1)
    assert "X 2019-07: 12.1 after 21 is outside the usual range 18 to 24" in str(jump)


def test_a_change_of_exactly_the_allowed_size_passes() -> None:
    history = _series([20, 21, 19, 20, 22, 21])
    edge = Figure("X", Month(2019, 7), 24)
    assert find_jump(FigureSet([*history, edge]), edge) is None


def test_the_factor_is_configurable() -> None:
    history = _series([20, 21, 19, 20, 22, 21])
    figure = Figure("X", Month(2019, 7), 23.5)
    figures = FigureSet([*history, figure])

    assert find_jump(figures, figure) is None
    assert find_jump(figures, figure, JumpRule(factor=2)) is not None


def test_only_the_last_twelve_periods_count() -> None:
    # an old spell of large moves is forgotten after twelve periods
    old = [0, 100, 0, 100, 0]
    steady = [50 + (k % 2) for k in range(13)]
    history = _series(old + steady)
    figure = Figure("X", Month(2019, 1).shift(18), 60)

    jump = find_jump(FigureSet([*history, figure]), figure)

    assert jump is not None and jump.typical_change == 1


def test_too_little_history_says_nothing() -> None:
    history = _series([20, 21, 19, 20])  # three changes, four are needed
    figure = Figure("X", Month(2019, 5), 90)
    assert find_jump(FigureSet([*history, figure]), figure) is None


def test_areas_are_judged_on_their_own_history() -> None:
    north = _series([20, 21, 19, 20, 22, 21], area="North")
    south = _series([200, 210, 190, 200, 220, 210], area="South")
    figure = Figure("X", Month(2019, 7), 200, area="South")
    assert find_jump(FigureSet([*north, *south, figure]), figure) is None


def _indicator(unit: str, precision: int = 1) -> Indicator:
    return Indicator(id="X", title="X", polarity="H", unit=unit, precision=precision)


def _with_parts(value: float, numerator: float, denominator: float) -> Figure:
    return Figure(
        "X", Month(2020, 5), value, numerator=numerator, denominator=denominator
    )


@pytest.mark.parametrize(
    ("unit", "value", "numerator", "denominator"),
    [
        ("percent", 86.1, 1302, 1512),  # 86.111... shown at one place
        ("percent", 86.2, 1302, 1512),  # within a step: rounded up at the source
        ("average", 18.3, 3660, 200),
        ("days", 410.0, 41_000, 100),
        ("rate per 10,000", 542.3, 17_082, 31.5),  # population / 10,000
        ("rate per 10,000", 542.3, 17_082, 315_000),  # the population itself
        ("count", 5.0, 3, 4),  # counts are not checked
    ],
)
def test_values_their_parts_make_pass(
    unit: str, value: float, numerator: float, denominator: float
) -> None:
    figure = _with_parts(value, numerator, denominator)
    assert find_contradiction(_indicator(unit), figure) is None


@pytest.mark.parametrize(
    ("unit", "value", "numerator", "denominator", "expected"),
    [
        ("percent", 68.1, 1302, 1512, "(86.1)"),
        ("percent", 86.3, 1302, 1512, "(86.1)"),
        ("average", 3.8, 3660, 200, "(18.3)"),
        ("rate per 10,000", 54.2, 17_082, 31.5, "(542.3 or 5422857.1)"),
    ],
)
def test_values_their_parts_contradict_are_named(
    unit: str, value: float, numerator: float, denominator: float, expected: str
) -> None:
    found = find_contradiction(
        _indicator(unit), _with_parts(value, numerator, denominator)
    )
    assert found is not None
    assert found.startswith(f"X 2020-05: {value:g} is not what")
    assert expected in found


def test_no_parts_or_a_zero_denominator_say_nothing() -> None:
    kpi = _indicator("percent")
    assert find_contradiction(kpi, Figure("X", Month(2020, 5), 50.0)) is None
    assert find_contradiction(kpi, _with_parts(50.0, 3, 0)) is None


def test_a_build_warns_of_a_contradicted_figure(starter: Path) -> None:
    path = starter / "figures" / "figures.csv"
    text = path.read_text(encoding="utf-8")
    assert "KPI01,2020-05,,90.4,1399,1548" in text
    path.write_text(
        text.replace("KPI01,2020-05,,90.4,1399,1548", "KPI01,2020-05,,80.4,1399,1548"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app,
        ["build", str(starter), "--month", "2020-05", "--out", str(starter / "o")],
    )
    assert result.exit_code == 0, result.output
    assert (
        "KPI01 2020-05: 80.4 is not what 1399 / 1548 make (90.4); check it before "
        "publishing" in result.output
    )

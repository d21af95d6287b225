"""The jump check: a figure far outside its indicator's recent movement is flagged."""

from scorecards.assess.checks import JumpRule, find_jump
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

"""XmR charts for an indicator series: centre line, process limits and special causes.

Pure functions of numbers, with no I/O. The methodology, every default, and every
difference from the NHS England "Making Data Count" tool and from NHSRplotthedots is
written up in ``docs/spc.md``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from pydantic import BaseModel, ConfigDict, Field

from scorecards.catalogue.models import Polarity
from scorecards.errors import InputError

#: Process limits sit this many mean moving ranges from the mean (3 / 1.128, rounded).
LIMIT_FACTOR = 2.66
#: Moving ranges above this many mean moving ranges are screened out, when screening.
SCREEN_FACTOR = 3.267
#: Two values closer than this, relative to their size, count as equal (float rounding).
_REL_TOL = 1e-9

Series = Sequence[tuple[str, float | None]]


class Tie(StrEnum):
    """What a tie does to a run: a point on the mean, or a value equal to the last."""

    BREAK = "break"  # the tie ends the run
    SKIP = "skip"  # the tie neither adds to the run nor ends it


class Rule(StrEnum):
    """The four special-cause rules."""

    BEYOND_LIMIT = "beyond limit"  # a point beyond a process limit
    SHIFT = "shift"  # a run of points on one side of the mean
    TREND = "trend"  # a run of points all rising or all falling
    TWO_OF_THREE = "two of three"  # two of three points beyond 2 sigma, same side


class Side(StrEnum):
    HIGH = "high"
    LOW = "low"


class VariationIcon(StrEnum):
    """What the latest point shows; HIGH and LOW say which way the signal points."""

    COMMON_CAUSE = "common cause"
    IMPROVEMENT_HIGH = "improvement high"
    IMPROVEMENT_LOW = "improvement low"
    CONCERN_HIGH = "concern high"
    CONCERN_LOW = "concern low"
    NEITHER_HIGH = "neither high"
    NEITHER_LOW = "neither low"

    @property
    def text(self) -> str:
        """The text alternative printed beside or instead of the icon."""
        if self is VariationIcon.COMMON_CAUSE:
            return "Common cause variation"
        kind, side = self.value.split()
        return f"Special cause variation: {kind} ({side})"


class AssuranceIcon(StrEnum):
    """Whether the process, as it runs now, can be relied on to meet its target."""

    CONSISTENTLY_MEETS = "consistently meets"
    CONSISTENTLY_FAILS = "consistently fails"
    HIT_AND_MISS = "hit and miss"
    NONE = "none"

    @property
    def text(self) -> str:
        """The text alternative printed beside or instead of the icon."""
        return {
            "consistently meets": "Assurance: the target is consistently met",
            "consistently fails": "Assurance: the target is consistently failed",
            "hit and miss": "Assurance: the target is hit and miss",
            "none": "Assurance: no target to assure against",
        }[self.value]


class WarningKind(StrEnum):
    NO_FIGURES = "no figures"
    PROVISIONAL_LIMITS = "provisional limits"
    NO_MOVING_RANGE = "no moving range"
    OVERLAPPING_PERIODS = "overlapping periods"


@dataclass(frozen=True)
class SpcWarning:
    """A caveat about a result, returned with it (never printed or raised).

    ``count`` is the number of points the limits rest on, where that is the point.
    """

    kind: WarningKind
    message: str
    count: int | None = None


class SpcOptions(BaseModel):
    """How an XmR chart is drawn and read. Every default is explained in docs/spc.md.

    ``rebase_at`` and ``exclude`` hold period labels of the series; ``baseline_points``
    fixes each segment's limits on its first N points that have a figure.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    shift_points: int = Field(default=7, ge=2)
    trend_points: int = Field(default=6, ge=3)
    on_mean: Tie = Tie.BREAK
    trend_ties: Tie = Tie.BREAK
    two_of_three_beyond_limits: bool = True
    screen_outliers: bool = False
    baseline_points: int | None = Field(default=None, ge=2)
    rebase_at: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    provisional_below: int = Field(default=13, ge=2)


@dataclass(frozen=True)
class Segment:
    """One stretch of the chart between rebases, with its own centre line and limits.

    ``start`` and ``stop`` index the result's points (stop is one past the last).
    The statistics are None where the segment has too few figures to compute them:
    ``mean`` needs one point, the moving range and every limit need two.
    """

    start: int
    stop: int
    points_used: int
    mean: float | None
    mean_moving_range: float | None
    moving_ranges_screened: int
    lower_limit: float | None
    upper_limit: float | None
    lower_two_sigma: float | None
    upper_two_sigma: float | None


@dataclass(frozen=True)
class SpcPoint:
    """One period of the chart; ``variation`` is None where the period has no figure."""

    period: str
    value: float | None
    segment: int
    excluded: bool
    rules: frozenset[Rule]
    variation: VariationIcon | None


@dataclass(frozen=True)
class SpcResult:
    """An XmR chart: every period with its signals, the segments and the caveats."""

    points: tuple[SpcPoint, ...]
    segments: tuple[Segment, ...]
    polarity: Polarity | None
    options: SpcOptions
    warnings: tuple[SpcWarning, ...]

    @property
    def latest(self) -> SpcPoint | None:
        """The latest point that has a figure."""
        return next((p for p in reversed(self.points) if p.value is not None), None)

    def segment_of(self, point: SpcPoint) -> Segment:
        """The segment whose centre line and limits apply to ``point``."""
        return self.segments[point.segment]


def xmr(
    series: Series,
    polarity: Polarity | None = None,
    options: SpcOptions | None = None,
    *,
    overlapping: bool = False,
) -> SpcResult:
    """Draw an XmR chart of a series and find its special causes.

    Args:
        series: (period label, figure or None) in time order; None is a missing period,
            which is skipped: it is neither a point of the chart nor a break in a run.
        polarity: H or L judges signals as improvement or concern; T and None are
            neutral, so signals are neither.
        options: rule lengths, screening, rebasing, baseline and exclusions.
        overlapping: the figures overlap from period to period (rolling 12 months);
            the result then carries a warning, since SPC assumes independent points.

    Raises:
        InputError: a period label repeats, a figure is not finite, or a label in
            ``options.rebase_at`` or ``options.exclude`` is not in the series.

    >>> chart = xmr([("Jan", 10), ("Feb", 12), ("Mar", 10), ("Apr", 12)], Polarity.HIGH)
    >>> chart.segments[0].mean, chart.segments[0].upper_limit
    (11.0, 16.32)
    >>> chart.latest.variation.text
    'Common cause variation'
    """
    options = options or SpcOptions()
    _check(series, options)
    warnings: list[SpcWarning] = []
    if overlapping:
        warnings.append(_OVERLAP_WARNING)
    labels = [label for label, _ in series]
    values = [None if value is None else float(value) for _, value in series]
    bounds = _segment_bounds(labels, options.rebase_at)

    if all(value is None for value in values):
        warnings.insert(0, SpcWarning(WarningKind.NO_FIGURES, "no figures to chart"))
        empty = tuple(_segment(a, b, [], labels, values, options) for a, b in bounds)
        blank = tuple(
            SpcPoint(
                labels[i], None, n, labels[i] in options.exclude, frozenset(), None
            )
            for n, (start, stop) in enumerate(bounds)
            for i in range(start, stop)
        )
        return SpcResult(blank, empty, polarity, options, tuple(warnings))

    segments: list[Segment] = []
    points: list[SpcPoint] = []
    for number, (start, stop) in enumerate(bounds):
        present = [i for i in range(start, stop) if values[i] is not None]
        segment = _segment(start, stop, present, labels, values, options)
        segments.append(segment)
        warnings.extend(_segment_warnings(segment, labels, options))

        signals = _signals(segment, present, values, options)
        for i in range(start, stop):
            found = signals.get(i, [])
            variation = None if values[i] is None else _classify(found, polarity)
            rules = frozenset(rule for rule, _ in found)
            excluded = labels[i] in options.exclude
            points.append(
                SpcPoint(labels[i], values[i], number, excluded, rules, variation)
            )

    return SpcResult(tuple(points), tuple(segments), polarity, options, tuple(warnings))


def variation_icon(result: SpcResult) -> VariationIcon | None:
    """The variation icon of the latest point with a figure; None with no figures."""
    latest = result.latest
    return None if latest is None else latest.variation


def assurance_icon(result: SpcResult, target: float | None) -> AssuranceIcon:
    """Whether the latest segment's process limits sit clear of the target.

    For H, the target is consistently met when it is at or below the lower limit
    (every figure the process is expected to give is at or above it, and a figure
    equal to its target meets it) and consistently failed when it is above the upper
    limit; L is the mirror image. Anywhere else, the upper limit itself included, it
    is hit and miss. With no target, no limits, or polarity T or none: NONE.

    >>> chart = xmr([("Jan", 10), ("Feb", 12), ("Mar", 10), ("Apr", 12)], Polarity.HIGH)
    >>> assurance_icon(chart, 5.0).text
    'Assurance: the target is consistently met'
    """
    latest = result.latest
    if target is None or latest is None or result.polarity not in _GOOD_SIDE:
        return AssuranceIcon.NONE
    segment = result.segment_of(latest)
    if segment.lower_limit is None or segment.upper_limit is None:
        return AssuranceIcon.NONE

    if result.polarity is Polarity.HIGH:
        worst, best = segment.lower_limit, segment.upper_limit
        meets_all = _at_or_below(target, worst)
        meets_none = _beyond(target, best, Side.HIGH)
    else:
        worst, best = segment.upper_limit, segment.lower_limit
        meets_all = _at_or_below(worst, target)
        meets_none = _beyond(target, best, Side.LOW)

    if meets_all:
        return AssuranceIcon.CONSISTENTLY_MEETS
    if meets_none:
        return AssuranceIcon.CONSISTENTLY_FAILS
    return AssuranceIcon.HIT_AND_MISS


_GOOD_SIDE = {Polarity.HIGH: Side.HIGH, Polarity.LOW: Side.LOW}

# The order in which a neutral point's signals are read when they point both ways.
_PRIORITY = (Rule.BEYOND_LIMIT, Rule.TREND, Rule.TWO_OF_THREE, Rule.SHIFT)

_OVERLAP_WARNING = SpcWarning(
    WarningKind.OVERLAPPING_PERIODS,
    "consecutive figures overlap (rolling 12 months share 11 months of data), which "
    "breaks the independence SPC assumes: runs and trends are to be expected, so "
    "chart the monthly figures where they exist",
)


def _check(series: Series, options: SpcOptions) -> None:
    """Refuse a series or options that cannot be charted, naming every problem."""
    problems: list[str] = []
    seen: set[str] = set()
    for label, value in series:
        if label in seen:
            problems.append(f"period {label!r} appears twice; each period once")
        seen.add(label)
        if value is not None and not math.isfinite(float(value)):
            problems.append(
                f"period {label!r}: figure {value!r} is not a finite number"
            )

    for key in ("rebase_at", "exclude"):
        for label in getattr(options, key):
            if label not in seen:
                problems.append(
                    f"SpcOptions.{key}: period {label!r} is not in the series; "
                    f"expected one of {sorted(seen)!r}"
                )
    if problems:
        raise InputError(problems[0] if len(problems) == 1 else _joined(problems))


def _joined(problems: list[str]) -> str:
    return f"{len(problems)} problems:\n" + "\n".join(f"- {p}" for p in problems)


def _segment_bounds(
    labels: list[str], rebase_at: tuple[str, ...]
) -> list[tuple[int, int]]:
    if not labels:
        return []
    cuts = sorted({labels.index(label) for label in rebase_at} - {0})
    edges = [0, *cuts, len(labels)]
    return list(pairwise(edges))


def _segment(
    start: int,
    stop: int,
    present: list[int],
    labels: list[str],
    values: list[float | None],
    options: SpcOptions,
) -> Segment:
    """Compute one segment's centre line and limits from its baseline points."""
    baseline = (
        present[: options.baseline_points] if options.baseline_points else present
    )
    used = [values[i] for i in baseline if labels[i] not in options.exclude]
    figures = [value for value in used if value is not None]
    if not figures:
        return Segment(start, stop, 0, None, None, 0, None, None, None, None)

    mean = math.fsum(figures) / len(figures)
    ranges = [abs(b - a) for a, b in pairwise(figures)]
    if not ranges:
        return Segment(start, stop, len(figures), mean, None, 0, None, None, None, None)

    mmr = math.fsum(ranges) / len(ranges)
    screened = 0
    if options.screen_outliers:
        kept = [r for r in ranges if r <= SCREEN_FACTOR * mmr]
        screened = len(ranges) - len(kept)
        mmr = math.fsum(kept) / len(kept)

    spread = LIMIT_FACTOR * mmr
    return Segment(
        start=start,
        stop=stop,
        points_used=len(figures),
        mean=mean,
        mean_moving_range=mmr,
        moving_ranges_screened=screened,
        lower_limit=mean - spread,
        upper_limit=mean + spread,
        lower_two_sigma=mean - spread * 2 / 3,
        upper_two_sigma=mean + spread * 2 / 3,
    )


def _segment_warnings(
    segment: Segment, labels: list[str], options: SpcOptions
) -> list[SpcWarning]:
    where = f"{labels[segment.start]} to {labels[segment.stop - 1]}"
    n = segment.points_used
    found: list[SpcWarning] = []
    if segment.mean_moving_range is None:
        found.append(
            SpcWarning(
                WarningKind.NO_MOVING_RANGE,
                f"{where}: {n} point{'' if n == 1 else 's'} with a figure, so no "
                "moving range and no process limits; only run and trend rules apply",
                n,
            )
        )
    if n < options.provisional_below:
        found.append(
            SpcWarning(
                WarningKind.PROVISIONAL_LIMITS,
                f"{where}: limits rest on {n} points, fewer than "
                f"{options.provisional_below}, so they are provisional",
                n,
            )
        )
    return found


def _signals(
    segment: Segment,
    present: list[int],
    values: list[float | None],
    options: SpcOptions,
) -> dict[int, list[tuple[Rule, Side]]]:
    """Every rule each point of a segment takes part in, with the way it points."""
    found: dict[int, list[tuple[Rule, Side]]] = {}
    if segment.mean is None:
        return found
    ys = [v for v in (values[i] for i in present) if v is not None]

    def mark(position: int, rule: Rule, sign: int) -> None:
        side = Side.HIGH if sign > 0 else Side.LOW
        found.setdefault(present[position], []).append((rule, side))

    sides = [_sign(y, segment.mean) for y in ys]
    # A point on the mean inside a run (Tie.SKIP) is not itself part of the shift.
    for first, stop, sign in _runs(sides, options.shift_points, options.on_mean):
        for k in range(first, stop):
            if sides[k] == sign:
                mark(k, Rule.SHIFT, sign)

    steps = [_sign(b, a) for a, b in pairwise(ys)]
    for first, stop, sign in _runs(steps, options.trend_points - 1, options.trend_ties):
        for k in range(first, stop + 1):
            mark(k, Rule.TREND, sign)

    if segment.upper_limit is None or segment.lower_limit is None:
        return found
    beyond = [_outside(y, segment.lower_limit, segment.upper_limit) for y in ys]
    for k, sign in enumerate(beyond):
        if sign:
            mark(k, Rule.BEYOND_LIMIT, sign)

    assert segment.lower_two_sigma is not None and segment.upper_two_sigma is not None
    far = [_outside(y, segment.lower_two_sigma, segment.upper_two_sigma) for y in ys]
    if not options.two_of_three_beyond_limits:
        far = [0 if beyond[k] else sign for k, sign in enumerate(far)]
    flagged: set[tuple[int, int]] = set()
    for k in range(len(ys) - 2):
        window = range(k, k + 3)
        sign = sides[k]
        if sign == 0 or any(sides[j] != sign for j in window):
            continue
        hits = [j for j in window if far[j] == sign]
        if len(hits) >= 2:
            flagged.update((j, sign) for j in hits)
    for k, sign in sorted(flagged):
        mark(k, Rule.TWO_OF_THREE, sign)
    return found


def _runs(signs: list[int], length: int, ties: Tie) -> list[tuple[int, int, int]]:
    """(start, stop, sign) of each run of at least ``length`` equal non-zero signs.

    A zero is a tie: under BREAK it ends the run; under SKIP it is carried inside the
    run without counting. A run never starts or ends on a tie.
    """
    runs: list[tuple[int, int, int]] = []
    i = 0
    while i < len(signs):
        sign = signs[i]
        if sign == 0:
            i += 1
            continue

        count, last, j = 0, i, i
        while j < len(signs) and (
            signs[j] == sign or (signs[j] == 0 and ties is Tie.SKIP)
        ):
            if signs[j] == sign:
                count, last = count + 1, j
            j += 1

        if count >= length:
            runs.append((i, last + 1, sign))
        i = last + 1
    return runs


def _classify(
    signals: list[tuple[Rule, Side]], polarity: Polarity | None
) -> VariationIcon:
    """Read a point's signals as improvement, concern or neither, by polarity.

    A point that signals both ways counts as improvement (as the NHS England tool
    shows it); a neutral one takes the side of its strongest rule, in the order
    beyond limit, trend, two of three, shift.
    """
    if not signals:
        return VariationIcon.COMMON_CAUSE
    sides = {side for _, side in signals}

    good = _GOOD_SIDE.get(polarity) if polarity is not None else None
    if good is not None:
        if good in sides:
            return VariationIcon(f"improvement {good.value}")
        bad = Side.LOW if good is Side.HIGH else Side.HIGH
        return VariationIcon(f"concern {bad.value}")

    ranked = sorted(signals, key=lambda signal: _PRIORITY.index(signal[0]))
    return VariationIcon(f"neither {ranked[0][1].value}")


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=_REL_TOL, abs_tol=_REL_TOL * 1e-3)


def _sign(value: float, reference: float) -> int:
    """1 above, -1 below, 0 on the reference (to within float rounding)."""
    if _same(value, reference):
        return 0
    return 1 if value > reference else -1


def _beyond(value: float, line: float, side: Side) -> bool:
    """Strictly beyond a line on the given side; a value on the line is not beyond."""
    return _sign(value, line) == (1 if side is Side.HIGH else -1)


def _at_or_below(value: float, line: float) -> bool:
    return _sign(value, line) <= 0


def _outside(value: float, low: float, high: float) -> int:
    """1 beyond ``high``, -1 beyond ``low``, 0 between them or on either."""
    if _beyond(value, high, Side.HIGH):
        return 1
    if _beyond(value, low, Side.LOW):
        return -1
    return 0

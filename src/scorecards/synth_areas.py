"""Synthetic district figures, split from an authority's figures with a seed.

For showing and testing district scorecards where no real district figures may
be published (the bundled example's source prints none). Counts are shared out
among the districts by seeded weights so that they add up exactly to the
authority's; ratios vary around the authority's value by a seeded few per cent,
and a ratio with a numerator and denominator has both shared out and recomputed.
Every figure is marked as made by this generator in its source.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from scorecards.catalogue.config import AreaSettings
from scorecards.catalogue.models import Indicator, Unit
from scorecards.store.figures import Figure

SOURCE = "synthetic districts (scorecards.synth_areas)"


def share(total: int, weights: list[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` into whole numbers that add up
    to it exactly (largest remainders).

    >>> share(16, [1, 1, 2])
    [4, 4, 8]
    """
    exact = [total * w / sum(weights) for w in weights]
    parts = [int(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def district_figures(
    figures: Iterable[Figure],
    indicators: dict[str, Indicator],
    areas: list[AreaSettings],
    seed: int = 1,
) -> list[Figure]:
    """District and area figures for every authority figure of an indicator that
    has a district breakdown. The same seed always gives the same figures."""
    rng = random.Random(seed)
    districts = [d for area in areas for d in area.districts]
    weights = {d: rng.uniform(0.6, 1.4) for d in districts}
    made: list[Figure] = []
    for figure in sorted(figures, key=lambda f: (f.indicator, str(f.period))):
        indicator = indicators.get(figure.indicator)
        if figure.area or figure.value is None or indicator is None:
            continue
        if not indicator.district_breakdown:
            continue
        by_district = _split(figure, indicator, districts, weights, rng)
        made += by_district
        made += _areas(figure, indicator, areas, by_district)
    return made


def _split(
    figure: Figure,
    indicator: Indicator,
    districts: list[str],
    weights: dict[str, float],
    rng: random.Random,
) -> list[Figure]:
    assert figure.value is not None
    if indicator.unit is Unit.COUNT:
        counts = share(round(figure.value), [weights[d] for d in districts])
        return [
            _made(figure, d, float(c)) for d, c in zip(districts, counts, strict=True)
        ]
    if figure.numerator is not None and figure.denominator:
        numerators = share(round(figure.numerator), [weights[d] for d in districts])
        denominators = share(round(figure.denominator), [weights[d] for d in districts])
        scale = figure.value * figure.denominator / figure.numerator
        return [
            _made(figure, d, scale * n / m if m else None, n, m)
            for d, n, m in zip(districts, numerators, denominators, strict=True)
        ]
    ceiling = 100.0 if indicator.unit is Unit.PERCENT else float("inf")
    return [
        _made(figure, d, round(min(figure.value * rng.uniform(0.9, 1.1), ceiling), 6))
        for d in districts
    ]


def _areas(
    figure: Figure,
    indicator: Indicator,
    areas: list[AreaSettings],
    by_district: list[Figure],
) -> list[Figure]:
    """Area figures consistent with their districts: sums of counts, ratios of
    summed parts, or the mean of the districts' values."""
    values = {f.area: f for f in by_district}
    made = []
    for area in areas:
        parts = [values[d] for d in area.districts]
        if indicator.unit is Unit.COUNT:
            made.append(_made(figure, area.name, sum(p.value or 0 for p in parts)))
        elif all(p.numerator is not None and p.denominator for p in parts):
            n = sum(p.numerator or 0 for p in parts)
            m = sum(p.denominator or 0 for p in parts)
            assert figure.value is not None and figure.numerator and figure.denominator
            scale = figure.value * figure.denominator / figure.numerator
            made.append(_made(figure, area.name, scale * n / m, n, m))
        else:
            mean = sum(p.value or 0 for p in parts) / len(parts)
            made.append(_made(figure, area.name, round(mean, 6)))
    return made


def _made(
    figure: Figure,
    area: str,
    value: float | None,
    numerator: float | None = None,
    denominator: float | None = None,
) -> Figure:
    return Figure(
        indicator=figure.indicator,
        period=figure.period,
        value=value,
        area=area,
        numerator=numerator,
        denominator=denominator,
        status=figure.status,
        source=SOURCE,
    )

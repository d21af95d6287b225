"""RAG rating and direction of travel, judged at display precision.

These are pure functions of numbers; they know nothing of files or layouts.
The methodology they implement is written up in ``docs/methodology.md``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from scorecards.catalogue.models import Polarity, Target


class Rag(StrEnum):
    RED = "RED"
    AMBER = "AMBER"
    GREEN = "GREEN"


class Direction(StrEnum):
    IMPROVED = "improved"
    WORSENED = "worsened"
    SAME = "same"

    @property
    def arrow(self) -> str:
        return {"improved": "↑", "worsened": "↓", "same": "↔"}[self.value]


def at_precision(value: float, precision: int) -> Decimal:
    """The value as displayed: rounded half away from zero to ``precision`` places.

    Rounding goes through the shortest decimal text of the float, so 0.125
    displays as 0.13 as a spreadsheet would, not 0.12 as binary rounding gives.

    >>> at_precision(22.45, 1)
    Decimal('22.5')
    >>> at_precision(-0.125, 2)
    Decimal('-0.13')
    """
    quantum = Decimal(1).scaleb(-precision)
    return Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)


def rag(
    value: float,
    polarity: Polarity,
    precision: int,
    target: float | None,
    floor: float | None = None,
    band: tuple[float, float] | None = None,
    floor_band: tuple[float, float] | None = None,
) -> Rag | None:
    """Rate a value against its target and floor standard.

    - H: GREEN at or above target, AMBER at or above floor, else RED.
    - L: GREEN at or below target, AMBER at or below floor, else RED.
    - T: GREEN inside ``band`` (edges included; the target alone when no band),
      RED outside ``floor_band`` when one is set, else AMBER.

    With no floor, a value that misses its target is AMBER: the floor standard
    is what makes RED. With no target there is no rating (None).

    >>> rag(23.2, Polarity.TARGET, 1, 20.0, band=(17.5, 22.5))
    <Rag.AMBER: 'AMBER'>
    """
    if target is None:
        return None
    shown = at_precision(value, precision)

    if polarity is Polarity.TARGET:
        low, high = band if band is not None else (target, target)
        if Decimal(repr(low)) <= shown <= Decimal(repr(high)):
            return Rag.GREEN
        if floor_band is not None:
            f_low, f_high = floor_band
            if not Decimal(repr(f_low)) <= shown <= Decimal(repr(f_high)):
                return Rag.RED
        return Rag.AMBER

    sign = 1 if polarity is Polarity.HIGH else -1
    if sign * shown >= sign * Decimal(repr(target)):
        return Rag.GREEN
    if floor is None or sign * shown >= sign * Decimal(repr(floor)):
        return Rag.AMBER
    return Rag.RED


def direction(
    latest: float,
    previous: float | None,
    polarity: Polarity | None,
    precision: int,
    target: float | None = None,
) -> Direction | None:
    """Direction of travel from ``previous`` to ``latest`` at display precision.

    H improves upwards, L downwards, T when it moves closer to the target.
    None when there is nothing to compare with, no polarity, or a T indicator
    has no target.

    >>> direction(28.8, 28.3, Polarity.LOW, 1)
    <Direction.WORSENED: 'worsened'>
    """
    if previous is None or polarity is None:
        return None
    now, before = at_precision(latest, precision), at_precision(previous, precision)

    if polarity is Polarity.TARGET:
        if target is None:
            return None
        aim = Decimal(repr(target))
        now, before = -abs(now - aim), -abs(before - aim)
    elif polarity is Polarity.LOW:
        now, before = -now, -before

    if now > before:
        return Direction.IMPROVED
    if now < before:
        return Direction.WORSENED
    return Direction.SAME


def rag_against(
    value: float, polarity: Polarity, precision: int, target: Target
) -> Rag | None:
    """:func:`rag` with the target, floor and bands of a catalogue target."""
    band = None
    if target.band_low is not None and target.band_high is not None:
        band = (target.band_low, target.band_high)
    floor_band = None
    if target.floor_low is not None and target.floor_high is not None:
        floor_band = (target.floor_low, target.floor_high)
    return rag(
        value,
        polarity,
        precision,
        target.target,
        floor=target.floor,
        band=band,
        floor_band=floor_band,
    )

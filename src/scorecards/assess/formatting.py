"""How figures are written: at the indicator's precision, never as zero when missing."""

from __future__ import annotations

from scorecards.assess.rules import at_precision
from scorecards.store.figures import Missing

MISSING_TEXT = {
    Missing.NOT_AVAILABLE: "N/A",
    Missing.TO_BE_SUPPLIED: "",
    Missing.NO_BREAKDOWN: "not available by district",
}


def format_number(value: float | None, precision: int, thousands: bool = False) -> str:
    """The value at ``precision`` decimal places; "" for None.

    >>> format_number(28.75, 1)
    '28.8'
    >>> format_number(129440, 0, thousands=True)
    '129,440'
    """
    if value is None:
        return ""
    shown = at_precision(value, precision)
    return f"{shown:,.{precision}f}" if thousands else f"{shown:.{precision}f}"


def missing_text(missing: Missing | None) -> str:
    return MISSING_TEXT[missing] if missing is not None else "N/A"

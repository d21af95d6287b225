"""Commentary drafted from the figures, in the house style of the seed scorecard.

A drafted paragraph says, in this order: what the indicator measures and its latest
figure with its unit; how that figure moved since the previous period shown; where it
stands against the target; whether, by the indicator's polarity, that is better or
worse and whether the target is met; and the benchmarks, where there are any. The RAG
word is not part of the text: renderers print it before every paragraph.

Analyst text always wins: a row with a written paragraph is never drafted. Within
each RAG group (RED, AMBER, GREEN, then not rated) the written paragraphs keep their
order and come first; drafted paragraphs follow in table order.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from scorecards.assess.formatting import format_number
from scorecards.assess.rules import Direction, at_precision
from scorecards.assess.scorecard import NOT_RATED, RAG_ORDER
from scorecards.assess.view import (
    Cell,
    CommentaryView,
    KpiRowView,
    KpiTableView,
    Paragraph,
    ScorecardView,
    SectionView,
)
from scorecards.periods import parse_period

# Words that begin a title naming a quantity: "Percentage of ..." reads as
# "The percentage of ..." inside a sentence.
_QUANTITY_WORDS = ("Percentage", "Proportion", "Number", "Average", "Rate", "Total")

# How a comparator is named in a sentence; any other is named as it is spelt.
COMPARATOR_NAMES = {
    "SN": "statistical neighbours",
    "SE": "the South East",
}

_PERFORMANCE = {
    Direction.IMPROVED: "Performance has improved",
    Direction.WORSENED: "Performance has worsened",
    Direction.SAME: "Performance is unchanged",
}

_TREND = {
    "improving": "The trend over the periods shown is improving",
    "worsening": "The trend over the periods shown is worsening",
    "rising": "The trend over the periods shown is rising",
    "falling": "The trend over the periods shown is falling",
    "no clear trend": "There is no clear trend over the periods shown",
    "no change": "There is no change beyond common cause variation",
}


def draft_commentary(view: ScorecardView) -> ScorecardView:
    """Fill every commentary section of ``view`` as its layout's ``print`` asks.

    - ``written``: the analyst's paragraphs only, as assembled;
    - ``all``: a paragraph for every rated row of the covered tables, the analyst's
      where one was written, else a drafted one;
    - ``new``: the analyst's paragraphs, and drafted ones for rated rows whose latest
      figure is new since the previous edition.

    The view is not changed; a new one is returned.

    >>> from scorecards.assess.view import ScorecardView
    >>> empty = ScorecardView(
    ...     "", "", "", "", "", "2020-05", "May 2020", "", False, [], []
    ... )
    >>> draft_commentary(empty) == empty
    True
    """
    tables = {s.id: s for s in view.sections if isinstance(s, KpiTableView)}
    sections: list[SectionView] = [
        _drafted(s, tables) if isinstance(s, CommentaryView) else s
        for s in view.sections
    ]
    return replace(view, sections=sections)


def _drafted(
    section: CommentaryView, tables: dict[str, KpiTableView]
) -> CommentaryView:
    if section.print_mode == "written":
        return section

    written = {p.indicator for _, paragraphs in section.groups for p in paragraphs}
    groups = {key: list(paragraphs) for key, paragraphs in section.groups}
    seen = set(written)
    for table_id in section.covers:
        table = tables.get(table_id)
        if table is None:
            continue
        for row in table.rows:
            if row.indicator in seen or row.rag is None:
                continue
            if section.print_mode == "new" and not row.new_data:
                continue
            seen.add(row.indicator)
            paragraph = draft_paragraph(row, method=table.direction_method)
            groups.setdefault(row.rag.value, []).append(paragraph)

    order = [r.value for r in RAG_ORDER] + [NOT_RATED]
    return replace(
        section, groups=[(key, groups[key]) for key in order if groups.get(key)]
    )


def draft_paragraph(row: KpiRowView, *, method: str = "previous") -> Paragraph:
    """A drafted paragraph on ``row``, marked as drafted."""
    return Paragraph(
        row.indicator,
        row.code,
        row.title,
        row.rag,
        draft_text(row, method=method),
        True,
    )


def draft_text(row: KpiRowView, *, method: str = "previous") -> str:
    """The drafted commentary on one KPI row, without its RAG word.

    ``method`` is the table's direction-of-travel method: with ``previous`` the
    judgement follows the period-on-period direction; with another it names the
    trend over the periods shown (the row's ``direction_note``).

    >>> from scorecards.assess.view import Cell, KpiRowView
    >>> from scorecards.assess.rules import Direction, Rag
    >>> row = KpiRowView(
    ...     section="t", indicator="X1", code="X1",
    ...     title="Percentage of calls answered",
    ...     polarity="H", data_period="MS", unit="percent", precision=1, qpr=False,
    ...     business_plan=False,
    ...     trend=[Cell(80.0, "80.0", "2020-04"), Cell(82.5, "82.5", "2020-05")],
    ...     latest=Cell(82.5, "82.5", "2020-05"), direction=Direction.IMPROVED,
    ...     compared_with="2020-04", target_year="2020-21", target=85.0,
    ...     target_text="85.0", band_text="", rag=Rag.AMBER, previous=None,
    ...     next_target=None, next_target_text="", benchmarks=[],
    ... )
    >>> print(draft_text(row))
    The percentage of calls answered is 82.5%, up from 80.0% in April 2020 and below \
the target of 85.0%. Performance has improved but the target is not yet met.
    """
    value = row.latest.value
    if value is None:
        return f"{_subject(row.title)} has no figure for this period."

    facts = [_movement(row, value, method), _against_target(row, value)]
    first = f"{_subject(row.title)} is {_figure(row, value)}"
    clauses = [fact for fact in facts if fact]
    if clauses:
        first += ", " + " and ".join(clauses)

    sentences = [first + ".", _judgement(row, value, method), _benchmarks(row)]
    return " ".join(sentence for sentence in sentences if sentence)


def _subject(title: str) -> str:
    """The title as the subject of a sentence: "The percentage of ..." for a title
    that names a quantity, otherwise the title as it is."""
    first, _, rest = title.partition(" ")
    if first in _QUANTITY_WORDS:
        return f"The {first.lower()} {rest}".rstrip()
    return title


def _figure(row: KpiRowView, value: float) -> str:
    """A figure with its unit: 28.8%, 1,131, 333.6 days, 18.3 cases."""
    number = format_number(value, row.precision, thousands=True)
    if row.unit == "percent":
        return f"{number}%"
    if row.unit == "percentage points":
        return f"{number} percentage points"
    if row.unit == "days":
        return f"{number} days"
    if row.unit == "rate per 10,000":
        return f"{number} per 10,000"
    if row.unit == "average" and "caseload" in row.title.lower():
        return f"{number} cases"
    return number


def _movement(row: KpiRowView, value: float, method: str) -> str:
    """The change since the figure compared with: "up from 28.3% in April 2020"."""
    earlier = _earlier(row, method)
    if earlier is None or earlier.value is None:
        return ""
    when = _period_label(earlier.period)
    change = _shown(value, row.precision) - _shown(earlier.value, row.precision)
    if change == 0:
        return f"unchanged since {when}"
    way = "up" if change > 0 else "down"
    return f"{way} from {_figure(row, earlier.value)} in {when}"


def _earlier(row: KpiRowView, method: str) -> Cell | None:
    """The figure compared with: the period direction of travel used, where it is
    the previous period's method and the trend shows it, else the latest earlier
    period shown that has a figure (other methods compare with the whole trend)."""
    earlier = [c for c in row.trend[:-1] if c.value is not None]
    for cell in earlier:
        if method == "previous" and cell.period == row.compared_with:
            return cell
    return earlier[-1] if earlier else None


def _against_target(row: KpiRowView, value: float) -> str:
    """Where the figure stands against the target (or the band, for polarity T)."""
    if row.target is None:
        return ""
    band = _band(row.band_text)
    shown = _shown(value, row.precision)
    if band is not None:
        low, high = band
        ends = f"{_figure(row, low)} - {_figure(row, high)}"
        if shown < _shown(low, row.precision):
            return f"below the target range of {ends}"
        if shown > _shown(high, row.precision):
            return f"above the target range of {ends}"
        return f"within the target range of {ends}"

    target = _figure(row, row.target)
    difference = shown - _shown(row.target, row.precision)
    if difference == 0:
        return f"meeting the target of {target}"
    return f"{'above' if difference > 0 else 'below'} the target of {target}"


def _target_met(row: KpiRowView, value: float) -> bool | None:
    """Whether the figure meets its target, by polarity; None without a target."""
    if row.target is None:
        return None
    shown = _shown(value, row.precision)
    band = _band(row.band_text)
    if band is not None:
        low, high = band
        return _shown(low, row.precision) <= shown <= _shown(high, row.precision)
    target = _shown(row.target, row.precision)
    if row.polarity == "H":
        return shown >= target
    if row.polarity == "L":
        return shown <= target
    return shown == target


def _judgement(row: KpiRowView, value: float, method: str) -> str:
    """Whether things are better or worse, and whether the target is met."""
    met = _target_met(row, value)
    if method == "previous":
        direction = _PERFORMANCE.get(row.direction) if row.direction else None
    else:
        direction = _TREND.get(row.direction_note)

    if direction is None:
        if met is None:
            return ""
        return "The target is met." if met else "The target is not met."
    if met is None:
        return direction + "."

    better = row.direction is Direction.IMPROVED
    worse = row.direction is Direction.WORSENED
    if met:
        tail = "but the target is still met" if worse else "and the target is met"
    else:
        tail = (
            "but the target is not yet met" if better else "and the target is not met"
        )
    return f"{direction} {tail}."


def _benchmarks(row: KpiRowView) -> str:
    """ "This compares with 22.3% for statistical neighbours and 22.6% for England
    (2018-19)." The period is given once where every benchmark shares it."""
    shown = [b for b in row.benchmarks if b.value is not None and b.comparator]
    if not shown:
        return ""

    periods = {b.period for b in shown}
    parts = []
    for b in shown:
        assert b.value is not None
        name = COMPARATOR_NAMES.get(b.comparator, b.comparator)
        part = f"{_figure(row, b.value)} for {name}"
        if len(periods) > 1 and b.period:
            part += f" ({_period_label(b.period)})"
        parts.append(part)

    listed = (
        parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    )
    common = next(iter(periods)) if len(periods) == 1 else ""
    suffix = f" ({_period_label(common)})" if common else ""
    return f"This compares with {listed}{suffix}."


def _band(text: str) -> tuple[float, float] | None:
    """The on-target band of a polarity T row, from its printed "17.5 - 22.5"."""
    low, separator, high = text.partition(" - ")
    if not separator:
        return None
    try:
        return float(low), float(high)
    except ValueError:
        return None


def _shown(value: float, precision: int) -> Decimal:
    return at_precision(value, precision)


def _period_label(period: str) -> str:
    """ "April 2020" for "2020-04"; the text itself where it is not a period."""
    try:
        return parse_period(period).long_label
    except ValueError:
        return period

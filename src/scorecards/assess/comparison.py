"""Comparison tables: one indicator across the districts, beside the authority.

Small numbers are protected here, since these are the outputs that show
districts: see :mod:`scorecards.assess.suppression`.
"""

from __future__ import annotations

from dataclasses import replace

from scorecards.assess import view as v
from scorecards.assess.context import Context
from scorecards.assess.formatting import format_number, missing_text
from scorecards.assess.kpi import previous_figure
from scorecards.assess.rules import Direction, Rag, direction, rag_against
from scorecards.assess.suppression import Suppressed, primary, suppress
from scorecards.catalogue.config import AreaSettings, PublicationSettings
from scorecards.catalogue.layout import ComparisonSection
from scorecards.catalogue.models import Indicator, Target, Unit
from scorecards.periods import Period, latest_complete
from scorecards.store.figures import Missing

HIDDEN_TEXT = "c"  # as the Department for Education marks a confidential cell


def comparison(
    section: ComparisonSection,
    context: Context,
    areas: list[AreaSettings],
    publication: PublicationSettings,
) -> v.ComparisonView:
    """Work out the comparison section: a table per indicator."""
    latest = latest_complete(context.month, section.frequency, section.year_basis)
    latest = latest.shift(-section.lag)
    tables = [
        _table(context.indicators[i], latest, section, context, areas, publication)
        for i in section.indicators
    ]
    suppression = ""
    if publication.suppression:
        suppression = (
            f"Counts from 1 to {publication.suppress_below - 1}, and rates built on "
            f"them, are shown as {HIDDEN_TEXT}; where one district alone would be "
            "hidden, the next smallest is hidden too, so that it cannot be worked "
            "out from the total."
        )
    return v.ComparisonView(
        section.id, section.title, section.page, tables, suppression, section.note
    )


def _table(
    indicator: Indicator,
    latest: Period,
    section: ComparisonSection,
    context: Context,
    areas: list[AreaSettings],
    publication: PublicationSettings,
) -> v.ComparisonTableView:
    year = latest.year_of(section.year_basis)
    target = context.target(indicator.id, year, section.basis)
    authority = _cell(indicator, latest, "", context)
    rows: list[v.ComparisonRowView] = []
    note = ""
    if not indicator.district_breakdown:
        note = missing_text(Missing.NO_BREAKDOWN)
    else:
        for area in areas:
            rows.append(_row(indicator, latest, area.name, "area", "", target, context))
            rows += [
                _row(indicator, latest, d, "district", area.name, target, context)
                for d in area.districts
            ]
        if publication.suppression:
            rows = _protect(rows, areas, publication.suppress_below)
    return v.ComparisonTableView(
        indicator=indicator.id,
        code=indicator.code,
        title=indicator.title,
        polarity=indicator.polarity.value if indicator.polarity else "",
        period=latest.label,
        authority=authority,
        authority_rag=_rag(indicator, authority, target),
        target_year=str(year),
        target_text=format_number(target.target, indicator.precision)
        if target and target.target is not None
        else "",
        rows=rows,
        note=note,
    )


def _cell(indicator: Indicator, period: Period, area: str, context: Context) -> v.Cell:
    figure = context.figures.get(indicator.id, period, area)
    if figure is None or figure.value is None:
        missing = figure.missing if figure is not None else Missing.TO_BE_SUPPLIED
        return v.Cell(None, missing_text(missing), str(period), missing)
    return v.Cell(
        figure.value, format_number(figure.value, indicator.precision), str(period)
    )


def _count(indicator: Indicator, period: Period, area: str, context: Context) -> v.Cell:
    """The count behind a figure: the figure itself for a count, else its numerator."""
    figure = context.figures.get(indicator.id, period, area)
    count = None
    if figure is not None:
        count = figure.value if indicator.unit is Unit.COUNT else figure.numerator
    text = format_number(count, 0, thousands=True) if count is not None else ""
    return v.Cell(count, text, str(period))


def _row(
    indicator: Indicator,
    latest: Period,
    area: str,
    level: str,
    parent: str,
    target: Target | None,
    context: Context,
) -> v.ComparisonRowView:
    cell = _cell(indicator, latest, area, context)
    dot: Direction | None = None
    before = previous_figure(context.figures, indicator.id, latest, area)
    if cell.value is not None and before is not None:
        target_value = target.target if target else None
        dot = direction(
            cell.value,
            before.value,
            indicator.polarity,
            indicator.precision,
            target_value,
        )
    return v.ComparisonRowView(
        area=area,
        level=level,
        parent=parent,
        latest=cell,
        count=_count(indicator, latest, area, context),
        rag=_rag(indicator, cell, target),
        direction=dot,
    )


def _rag(indicator: Indicator, cell: v.Cell, target: Target | None) -> Rag | None:
    if cell.value is None or indicator.polarity is None:
        return None
    if target is None or target.target is None:
        return None
    return rag_against(cell.value, indicator.polarity, indicator.precision, target)


def _protect(
    rows: list[v.ComparisonRowView], areas: list[AreaSettings], threshold: int
) -> list[v.ComparisonRowView]:
    """Hide small counts and what would reveal them.

    Each area's districts add up to the area's published figure, and all the
    districts to the authority's, so each is a group for secondary suppression.
    Areas are checked on their own counts.
    """
    counts = {row.area: row.count.value for row in rows}
    districts = [d for area in areas for d in area.districts]
    groups = [area.districts for area in areas] + [districts]
    hidden = suppress({d: counts[d] for d in districts}, groups, threshold)
    for area in areas:
        found = primary(counts[area.name], threshold)
        if found is not None:
            hidden[area.name] = found
    return [_hide(row, hidden[row.area]) if row.area in hidden else row for row in rows]


def _hide(row: v.ComparisonRowView, why: Suppressed) -> v.ComparisonRowView:
    reason = f"suppressed ({why.kind}): {why.reason}"
    hidden = v.Cell(None, HIDDEN_TEXT, row.latest.period, suppressed=reason)
    count = v.Cell(None, HIDDEN_TEXT, row.count.period, suppressed=reason)
    return replace(row, latest=hidden, count=count, rag=None, direction=None)

"""KPI tables: the trend, rating, direction of travel, previous year, benchmarks
and SPC view of every row, worked out for one edition month."""

from __future__ import annotations

from dataclasses import replace

from scorecards.assess import view as v
from scorecards.assess.checks import find_contradiction, find_jump
from scorecards.assess.context import Context
from scorecards.assess.formatting import format_number, missing_text
from scorecards.assess.rules import Direction, Rag, direction, rag_against
from scorecards.assess.spc import SpcResult, assurance_icon, variation_icon, xmr
from scorecards.assess.trend import (
    SPC_TEXT,
    Trend,
    TrendResult,
    regression_text,
    regression_trend,
    spc_trend,
)
from scorecards.catalogue.layout import BenchmarkColumn, KpiRow, KpiTable
from scorecards.catalogue.models import DataPeriod, Indicator, Target
from scorecards.periods import (
    Frequency,
    Month,
    Period,
    Quarter,
    Year,
    YearBasis,
    latest_complete,
    parse_period,
    periods_ending,
)
from scorecards.store.figures import Figure, FigureSet, Missing, Status

PREVIOUS_TEXT = (
    "Direction of travel compares the latest figure with the latest earlier period "
    "that has a figure, at the precision shown."
)
_TREND_DIRECTION = {
    Trend.IMPROVING: Direction.IMPROVED,
    Trend.WORSENING: Direction.WORSENED,
    Trend.NO_CLEAR_TREND: Direction.SAME,
    Trend.NO_CHANGE: Direction.SAME,
}


def kpi_table(section: KpiTable, context: Context) -> v.KpiTableView:
    """Work out one KPI table of the layout for the context's month."""
    basis = section.year_basis
    latest = latest_complete(context.month, section.frequency, basis).shift(
        -section.lag
    )
    columns = periods_ending(latest, section.periods)
    target_year = latest.year_of(basis).shift(section.target_year_offset)
    previous_year = target_year.shift(-1) if section.previous_year else None
    next_year = target_year.shift(1) if section.next_target else None

    rows = [
        _kpi_row(section, row, columns, target_year, previous_year, next_year, context)
        for row in section.rows
    ]
    return v.KpiTableView(
        id=section.id,
        title=section.title,
        page=section.page,
        frequency=section.frequency.value,
        period_labels=[p.label for p in columns],
        latest_period=str(latest),
        latest_heading=section.latest_heading,
        target_year=str(target_year),
        previous_year=str(previous_year) if previous_year else None,
        next_year=str(next_year) if next_year else None,
        benchmark_headings=[(b.label, b.note) for b in section.benchmarks],
        rows=rows,
        direction_method=section.direction_method,
        method_text=_method_text(section),
        spc_icons=section.spc_icons,
        sparklines=section.sparklines,
        spc_charts=section.spc_charts,
        note=section.note,
    )


def _method_text(section: KpiTable) -> str:
    if section.direction_method == "regression":
        return regression_text(section.periods)
    if section.direction_method == "spc":
        return SPC_TEXT
    return PREVIOUS_TEXT


def _kpi_row(
    section: KpiTable,
    row: KpiRow,
    columns: list[Period],
    target_year: Year,
    previous_year: Year | None,
    next_year: Year | None,
    context: Context,
) -> v.KpiRowView:
    indicator = context.indicators[row.indicator]
    latest = columns[-1]
    trend = [_cell(indicator, p, context) for p in columns]
    target = context.target(indicator.id, target_year, section.basis)
    target_value = target.target if target else None

    # Only the latest value is italicised when it is from an earlier reporting year:
    # trend cells before April would otherwise all be, in every monthly table.
    current_year = context.month.year_of(section.year_basis)
    old = latest.year_of(section.year_basis) < current_year
    latest_cell = replace(trend[-1], italic=old and trend[-1].value is not None)
    trend[-1] = latest_cell
    rating = _rate(indicator, latest_cell, target, target_year, context)

    newest = context.figure(indicator.id, latest)
    jump = find_jump(context.figures, newest, context.jump_rule) if newest else None
    if jump is not None:
        context.warn(str(jump))

    wanted = section.spc_icons or section.spc_charts
    result = (
        _spc_result(section, indicator, latest, context)
        if wanted or section.direction_method == "spc"
        else None
    )
    spc = (
        _spc_view(result, section, indicator, latest, target_value) if result else None
    )
    compared, dot, note = _direction(
        section, indicator, latest_cell, latest, trend, target_value, result, context
    )
    next_target = (
        context.target(indicator.id, next_year, section.basis) if next_year else None
    )
    return v.KpiRowView(
        section=section.id,
        indicator=indicator.id,
        code=indicator.code,
        title=row.title or indicator.title,
        polarity=indicator.polarity.value if indicator.polarity else "",
        data_period=indicator.data_period.value if indicator.data_period else "",
        unit=indicator.unit.value,
        precision=indicator.precision,
        qpr=indicator.qpr,
        business_plan=indicator.business_plan,
        trend=trend,
        latest=latest_cell,
        direction=dot,
        compared_with=compared,
        direction_note=note,
        target_year=str(target_year),
        target=target_value,
        target_text=_target_text(target, indicator.precision),
        band_text=_band_text(target, indicator.precision),
        rag=rating,
        previous=_previous_year(section, indicator, previous_year, context),
        next_target=next_target.target if next_target else None,
        next_target_text=_target_text(next_target, indicator.precision),
        benchmarks=[
            _benchmark(col, indicator, section.basis, context)
            for col in section.benchmarks
        ],
        spc=spc,
        new_data=_is_new(indicator, latest, context),
    )


def _is_new(indicator: Indicator, latest: Period, context: Context) -> bool:
    """Whether the latest figure arrived since the previous edition (True without
    edition history, when every figure is new to the reader)."""
    if context.new_since_previous is None:
        return True
    return (indicator.id, str(latest), "") in context.new_since_previous


def _direction(
    section: KpiTable,
    indicator: Indicator,
    latest_cell: v.Cell,
    latest: Period,
    trend: list[v.Cell],
    target: float | None,
    spc: SpcResult | None,
    context: Context,
) -> tuple[str, Direction | None, str]:
    """(period compared with, direction, the method's word), by the layout's method."""
    if latest_cell.value is None:
        return "", None, ""
    if section.direction_method == "previous":
        earlier = previous_figure(context.figures, indicator.id, latest, context.area)
        if earlier is None or earlier.value is None:
            return "", None, ""
        dot = direction(
            latest_cell.value,
            earlier.value,
            indicator.polarity,
            indicator.precision,
            target,
        )
        return str(earlier.period), dot, dot.value if dot else ""

    result: TrendResult
    if section.direction_method == "regression":
        series = [(c.period, c.value) for c in trend]
        result = regression_trend(series, indicator.polarity, target=target)
        compared = trend[0].period
    else:
        if spc is None:
            return "", None, ""
        result = spc_trend(spc)
        compared = spc.points[0].period if spc.points else ""
    if result.direction is None:
        return "", None, ""
    return compared, _TREND_DIRECTION.get(result.direction), result.direction.value


def _spc_series(
    section: KpiTable, indicator: Indicator, latest: Period, context: Context
) -> tuple[str, list[tuple[str, float | None]]]:
    """The series an XmR chart is drawn from: the underlying monthly figures where
    the catalogue names them, else the indicator's own."""
    source = indicator.spc_series or indicator.id
    periods = periods_ending(latest, section.spc_periods)
    values = [(str(p), _value(context.figure(source, p))) for p in periods]
    return source, values


def _value(figure: Figure | None) -> float | None:
    return figure.value if figure is not None else None


def _spc_result(
    section: KpiTable, indicator: Indicator, latest: Period, context: Context
) -> SpcResult:
    source, series = _spc_series(section, indicator, latest, context)
    overlapping = indicator.data_period is DataPeriod.R12M and source == indicator.id
    return xmr(series, indicator.polarity, overlapping=overlapping)


def _spc_view(
    result: SpcResult,
    section: KpiTable,
    indicator: Indicator,
    latest: Period,
    target: float | None,
) -> v.SpcView:
    """The SPC chart's content and icons of a row."""
    source = indicator.spc_series or indicator.id
    icon = variation_icon(result)
    assurance = assurance_icon(result, target)
    labels = {str(p): p.label for p in periods_ending(latest, section.spc_periods)}
    return v.SpcView(
        indicator=source,
        points=[
            v.SpcPointView(
                period=point.period,
                label=labels.get(point.period, point.period),
                value=point.value,
                rules=sorted(rule.value for rule in point.rules),
                variation=point.variation.value if point.variation else "",
            )
            for point in result.points
        ],
        segments=[
            v.SpcSegmentView(
                start=segment.start,
                stop=segment.stop,
                mean=segment.mean,
                lower=segment.lower_limit,
                upper=segment.upper_limit,
                lower_two_sigma=segment.lower_two_sigma,
                upper_two_sigma=segment.upper_two_sigma,
            )
            for segment in result.segments
        ],
        target=target,
        variation=icon.value if icon else "",
        variation_text=icon.text if icon else "",
        assurance=assurance.value,
        assurance_text=assurance.text,
        warnings=[warning.message for warning in result.warnings],
    )


def _cell(indicator: Indicator, period: Period, context: Context) -> v.Cell:
    """The cell of ``period``: the figure, or why there is none, and its revision."""
    if not context.broken_down(indicator):
        none = Missing.NO_BREAKDOWN
        return v.Cell(None, missing_text(none), period=str(period), missing=none)
    figure = context.figure(indicator.id, period)
    if figure is None or figure.value is None:
        missing = figure.missing if figure is not None else Missing.TO_BE_SUPPLIED
        return v.Cell(None, missing_text(missing), period=str(period), missing=missing)
    contradiction = find_contradiction(indicator, figure)
    if contradiction is not None:
        context.warn(contradiction)
    text = format_number(figure.value, indicator.precision)
    return v.Cell(
        value=figure.value,
        text=text,
        period=str(period),
        provisional=figure.status is Status.PROVISIONAL,
        revised_from=_revised_from(indicator, period, text, context),
    )


def _revised_from(
    indicator: Indicator, period: Period, text: str, context: Context
) -> str:
    """The value the previous edition showed, where this figure has been revised
    since; "" where it is unchanged at the precision shown, new, or unpublished."""
    if context.previous is None:
        return ""
    before = context.previous.get(indicator.id, period)
    if before is None:
        return ""
    shown = (
        format_number(before.value, indicator.precision)
        if before.value is not None
        else missing_text(before.missing)
    )
    return shown if shown != text else ""


def _rate(
    indicator: Indicator,
    cell: v.Cell,
    target: Target | None,
    year: Year,
    context: Context,
) -> Rag | None:
    if cell.value is None or indicator.polarity is None:
        return None
    if target is None or target.target is None:
        context.warn(f"no target for {year}: {indicator.id} is not rated")
        return None
    return rag_against(cell.value, indicator.polarity, indicator.precision, target)


def previous_figure(
    figures: FigureSet, indicator: str, latest: Period, area: str = ""
) -> Figure | None:
    """The latest figure with a value before ``latest``, of the same kind of period,
    however far back: what direction of travel compares with."""
    held = figures.periods(indicator, area)
    earlier = [p for p in held if p.kind == latest.kind and p.index < latest.index]
    return figures.get(indicator, earlier[-1], area) if earlier else None


def _year_end(year: Year, frequency: Frequency, basis: YearBasis) -> Period:
    """The period whose figure is a year's outturn."""
    if frequency is Frequency.YEAR:
        return year
    last = year.last_month(basis)
    return last if frequency is Frequency.MONTH else last.quarter


def _previous_year(
    section: KpiTable,
    indicator: Indicator,
    year: Year | None,
    context: Context,
) -> v.PreviousYear | None:
    if year is None:
        return None
    period = _year_end(year, section.frequency, section.year_basis)
    outturn = _cell(indicator, period, context)
    target = context.target(indicator.id, year, section.basis)
    return v.PreviousYear(
        year=str(year),
        outturn=outturn,
        target=target.target if target else None,
        target_text=_target_text(target, indicator.precision),
        rag=_rate(indicator, outturn, target, year, context),
    )


def _target_text(target: Target | None, precision: int) -> str:
    if target is None or target.target is None:
        return ""
    return format_number(target.target, precision)


def _band_text(target: Target | None, precision: int) -> str:
    if target is None or target.band_low is None or target.band_high is None:
        return ""
    low = format_number(target.band_low, precision)
    return f"{low} - {format_number(target.band_high, precision)}"


def _benchmark(
    column: BenchmarkColumn, indicator: Indicator, basis: str, context: Context
) -> v.BenchmarkCell:
    wanted = parse_period(column.period) if column.period else None
    for comparator in column.comparators:
        found = [
            b
            for b in context.benchmarks
            if b.indicator == indicator.id
            and b.comparator == comparator
            and (
                b.period == wanted
                if wanted
                else _month_of(b.period, indicator) <= context.month
            )
        ]
        if column.source is not None:
            computed = column.source == "computed"
            found = [b for b in found if (b.basis == "computed") == computed]
        if not found:
            continue
        preferred = (
            found
            if column.source == "computed"
            else [b for b in found if b.basis == basis]
            or [b for b in found if not b.basis]
        )
        if not preferred:
            continue
        chosen = max(preferred, key=lambda b: _month_of(b.period, indicator))
        text = chosen.text or (
            format_number(chosen.value, indicator.precision)
            if chosen.value is not None
            else "N/A"
        )
        return v.BenchmarkCell(
            column.label, comparator, str(chosen.period), chosen.value, text
        )
    return v.BenchmarkCell(column.label, "", "", None, "")


def _month_of(period: Period, indicator: Indicator) -> Month:
    if isinstance(period, Month):
        return period
    if isinstance(period, Quarter):
        return period.last_month
    return period.last_month(indicator.year_basis)

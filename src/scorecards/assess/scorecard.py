"""Assemble a scorecard: every section of a layout worked out for one edition month.

This is the assessment stage: it reads the loaded project (catalogue, figures,
targets, benchmarks, commentary) and decides what each cell shows, using the
rules in :mod:`scorecards.assess.rules`. It reads no files and renders nothing.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace

from scorecards.assess import view as v
from scorecards.assess.checks import JumpRule, find_jump
from scorecards.assess.formatting import format_number, missing_text
from scorecards.assess.rules import Rag, direction, rag
from scorecards.catalogue.layout import (
    ActivityBlock,
    ActivitySection,
    BenchmarkColumn,
    CatalogueSection,
    CommentarySection,
    GuidanceSection,
    KpiRow,
    KpiTable,
)
from scorecards.catalogue.models import Indicator, Target, Unit
from scorecards.catalogue.project import Benchmark, Commentary, Project
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

log = logging.getLogger(__name__)

RAG_ORDER = (Rag.RED, Rag.AMBER, Rag.GREEN)
NOT_RATED = "NOT RATED"


@dataclass
class _Context:
    """What every section builder reads, and the warnings they collect."""

    month: Month
    indicators: dict[str, Indicator]
    figures: FigureSet
    targets: dict[tuple[str, str, str], Target]
    benchmarks: list[Benchmark]
    commentary: Commentary
    jump_rule: JumpRule = field(default_factory=JumpRule)
    warnings: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
            log.debug("warning: %s", message)

    def target(self, indicator: str, year: Year, basis: str) -> Target | None:
        return self.targets.get((indicator, str(year), basis)) or self.targets.get(
            (indicator, str(year), "")
        )


def assemble(
    project: Project, month: Month, *, draft: bool = True, layout: str | None = None
) -> v.ScorecardView:
    """Work out the scorecard of ``layout`` (the project's default) for ``month``."""
    chosen = project.layouts[layout or project.config.scorecard.layout]
    settings = project.config.scorecard
    context = _Context(
        month=month,
        indicators=project.indicators,
        figures=project.figures,
        targets={(t.indicator, t.year, t.basis): t for t in project.targets},
        benchmarks=project.benchmarks,
        commentary=project.commentary_for(month),
        jump_rule=JumpRule(
            factor=project.config.checks.jump_factor,
            history=project.config.checks.jump_history,
        ),
    )

    tables = {
        s.id: _kpi_table(s, context) for s in chosen.sections if isinstance(s, KpiTable)
    }
    sections: list[v.SectionView] = []
    for section in chosen.sections:
        if isinstance(section, KpiTable):
            sections.append(tables[section.id])
        elif isinstance(section, ActivitySection):
            sections.append(_activity(section, context))
        elif isinstance(section, CommentarySection):
            sections.append(_commentary(section, tables, context))
        elif isinstance(section, GuidanceSection):
            sections.append(_guidance(section))
        else:
            sections.append(_catalogue(section, context))

    edition = project.config.editions.get(str(month))
    return v.ScorecardView(
        title=settings.name,
        organisation=settings.organisation,
        department=settings.department,
        produced_by=settings.produced_by,
        authority=settings.authority,
        month=str(month),
        month_label=month.long_label,
        publication_date=edition.publication_date if edition else "",
        draft=draft,
        sections=sections,
        warnings=context.warnings,
    )


# --- KPI tables -------------------------------------------------------------


def _kpi_table(section: KpiTable, context: _Context) -> v.KpiTableView:
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
    )


def _kpi_row(
    section: KpiTable,
    row: KpiRow,
    columns: list[Period],
    target_year: Year,
    previous_year: Year | None,
    next_year: Year | None,
    context: _Context,
) -> v.KpiRowView:
    indicator = context.indicators[row.indicator]
    latest = columns[-1]
    trend = [_cell(context.figures.get(indicator.id, p), indicator, p) for p in columns]
    target = context.target(indicator.id, target_year, section.basis)
    target_value = target.target if target else None

    # Only the latest value is italicised when it is from an earlier reporting year:
    # trend cells before April would otherwise all be, in every monthly table.
    current_year = context.month.year_of(section.year_basis)
    old = latest.year_of(section.year_basis) < current_year
    latest_cell = replace(trend[-1], italic=old and trend[-1].value is not None)
    trend[-1] = latest_cell
    rating = _rate(indicator, latest_cell, target, target_year, context)
    compared, dot = "", None
    newest = context.figures.get(indicator.id, latest)
    jump = find_jump(context.figures, newest, context.jump_rule) if newest else None
    if jump is not None:
        context.warn(str(jump))
    if latest_cell.value is not None:
        earlier = _previous_figure(context.figures, indicator.id, latest)
        if earlier is not None:
            compared = str(earlier.period)
            dot = direction(
                latest_cell.value,
                earlier.value,
                indicator.polarity,
                indicator.precision,
                target_value,
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
    )


def _cell(figure: Figure | None, indicator: Indicator, period: Period) -> v.Cell:
    """The cell of ``period``: the figure, or why there is none."""
    if figure is None or figure.value is None:
        missing = figure.missing if figure is not None else Missing.TO_BE_SUPPLIED
        return v.Cell(None, missing_text(missing), period=str(period), missing=missing)
    return v.Cell(
        value=figure.value,
        text=format_number(figure.value, indicator.precision),
        period=str(period),
        provisional=figure.status is Status.PROVISIONAL,
    )


def _rate(
    indicator: Indicator,
    cell: v.Cell,
    target: Target | None,
    year: Year,
    context: _Context,
) -> Rag | None:
    if cell.value is None or indicator.polarity is None:
        return None
    if target is None or target.target is None:
        context.warn(f"no target for {year}: {indicator.id} is not rated")
        return None
    band = (target.band_low, target.band_high) if target.band_low is not None else None
    floor_band = (
        (target.floor_low, target.floor_high) if target.floor_low is not None else None
    )
    return rag(
        cell.value,
        indicator.polarity,
        indicator.precision,
        target.target,
        floor=target.floor,
        band=band,  # type: ignore[arg-type]
        floor_band=floor_band,  # type: ignore[arg-type]
    )


def _previous_figure(
    figures: FigureSet, indicator: str, latest: Period
) -> Figure | None:
    """The latest figure with a value before ``latest``, of the same kind of period."""
    earlier = [
        p
        for p in figures.periods(indicator)
        if p.kind == latest.kind and p.index < latest.index
    ]
    return figures.get(indicator, earlier[-1]) if earlier else None


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
    context: _Context,
) -> v.PreviousYear | None:
    if year is None:
        return None
    period = _year_end(year, section.frequency, section.year_basis)
    outturn = _cell(context.figures.get(indicator.id, period), indicator, period)
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
    column: BenchmarkColumn, indicator: Indicator, basis: str, context: _Context
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
        if not found:
            continue
        preferred = [b for b in found if b.basis == basis] or [
            b for b in found if not b.basis
        ]
        if not preferred:
            continue
        chosen = max(preferred, key=lambda b: _month_of(b.period, indicator))
        text = (
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


# --- activity page ----------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([^}]+)\}")


def _activity(section: ActivitySection, context: _Context) -> v.ActivityView:
    return v.ActivityView(
        id=section.id,
        title=section.title,
        page=section.page,
        blocks=[_activity_block(block, context) for block in section.blocks],
    )


def _activity_block(block: ActivityBlock, context: _Context) -> v.ActivityBlockView:
    if block.kind == "note":
        return v.ActivityBlockView("note", block.title, "", text=block.text)
    if block.kind == "trend":
        assert block.indicator is not None
        indicator = context.indicators[block.indicator]
        months = periods_ending(context.month, block.periods)
        points = [
            (p.label.replace("-", " 20"), _activity_cell(indicator, p, context))
            for p in months
        ]
        as_at = _as_at([indicator.id], context)
        return v.ActivityBlockView(
            "trend", block.title, as_at.long_label if as_at else "", points=points
        )

    refs = [item.indicator for item in block.items]
    for line in block.lines:
        refs += _PLACEHOLDER.findall(line)
    as_at = _as_at(refs, context)
    if block.kind == "headline":
        lines = [
            v.ActivityLineView(
                "",
                _PLACEHOLDER.sub(lambda m: _activity_text(m[1], as_at, context), line),
            )
            for line in block.lines
        ]
    else:
        lines = [
            v.ActivityLineView(
                item.label,
                _activity_text(item.indicator, as_at, context),
                item.suffix,
                item.indent,
            )
            for item in block.items
        ]
    return v.ActivityBlockView(
        block.kind, block.title, as_at.long_label if as_at else "", lines=lines
    )


def _as_at(indicators: list[str], context: _Context) -> Month | None:
    """The latest month, up to the edition month, with a figure for ``indicators``."""
    months = [
        p
        for ref in indicators
        for p in context.figures.periods(ref)
        if isinstance(p, Month) and p <= context.month
    ]
    return max(months) if months else None


def _activity_cell(indicator: Indicator, period: Period, context: _Context) -> v.Cell:
    figure = context.figures.get(indicator.id, period)
    if figure is None or figure.value is None:
        missing = figure.missing if figure else Missing.TO_BE_SUPPLIED
        return v.Cell(None, missing_text(missing), str(period), missing)
    thousands = indicator.unit is Unit.COUNT
    return v.Cell(
        figure.value,
        format_number(figure.value, indicator.precision, thousands),
        str(period),
    )


def _activity_text(indicator: str, as_at: Month | None, context: _Context) -> str:
    if as_at is None:
        return "N/A"
    return _activity_cell(context.indicators[indicator], as_at, context).text or "N/A"


# --- commentary -------------------------------------------------------------


def _commentary(
    section: CommentarySection, tables: dict[str, v.KpiTableView], context: _Context
) -> v.CommentaryView:
    rows: dict[str, v.KpiRowView] = {}
    for table_id in section.covers:
        for row in tables[table_id].rows:
            rows.setdefault(row.indicator, row)

    groups: dict[str, list[v.Paragraph]] = {}
    for indicator, text in context.commentary.texts.items():
        if indicator not in rows:
            continue
        shown = rows[indicator]
        key = shown.rag.value if shown.rag else NOT_RATED
        groups.setdefault(key, []).append(
            v.Paragraph(indicator, shown.code, shown.title, shown.rag, text)
        )
    order = [r.value for r in RAG_ORDER] + [NOT_RATED]
    return v.CommentaryView(
        id=section.id,
        title=section.title,
        page=section.page,
        intro=context.commentary.intros.get(section.id, []),
        groups=[(key, groups[key]) for key in order if key in groups],
    )


# --- guidance, sources and definitions ---------------------------------------

KEYS: list[tuple[str, list[v.KeyEntry]]] = [
    (
        "POLARITY",
        [
            v.KeyEntry("H", "Higher is better: the aim is the highest value possible"),
            v.KeyEntry("L", "Lower is better: the aim is the lowest value possible"),
            v.KeyEntry(
                "T", "On target is best: the aim is to stay close to the target"
            ),
        ],
    ),
    (
        "RAG RATINGS",
        [
            v.KeyEntry("RED", "The floor standard has not been achieved"),
            v.KeyEntry(
                "AMBER", "The floor standard is achieved but the target is not met"
            ),
            v.KeyEntry("GREEN", "The target has been achieved"),
        ],
    ),
    (
        "DIRECTION OF TRAVEL (DOT)",
        [
            v.KeyEntry("↑", "Performance has improved"),
            v.KeyEntry("↓", "Performance has worsened"),
            v.KeyEntry("↔", "Performance has stayed the same"),
        ],
    ),
    (
        "INCOMPLETE DATA",
        [
            v.KeyEntry("N/A", "Data not available"),
            v.KeyEntry("(blank)", "Data to be supplied"),
            v.KeyEntry("italics", "Data from the previous reporting year"),
        ],
    ),
    (
        "DATA PERIOD",
        [
            v.KeyEntry("R12M", "Rolling 12 months, updated monthly"),
            v.KeyEntry("MS", "Monthly snapshot"),
            v.KeyEntry("YTD", "Year to date"),
            v.KeyEntry("Q", "Quarterly"),
            v.KeyEntry("A", "Annual"),
        ],
    ),
]


def _guidance(section: GuidanceSection) -> v.GuidanceView:
    keys = list(KEYS)
    if section.scorecards:
        keys.append(
            ("SCORECARDS", [v.KeyEntry(k, m) for k, m in section.scorecards.items()])
        )
    if section.abbreviations:
        keys.append(
            (
                "KEY TO ABBREVIATIONS",
                [v.KeyEntry(k, m) for k, m in section.abbreviations.items()],
            )
        )
    return v.GuidanceView(
        id=section.id,
        title=section.title,
        page=section.page,
        notes=list(section.notes),
        keys=keys,
        contacts=list(section.contacts),
        emails=list(section.emails),
    )


def _catalogue(section: CatalogueSection, context: _Context) -> v.CatalogueView:
    def row(indicator: Indicator) -> v.CatalogueRow:
        return v.CatalogueRow(
            code=indicator.code,
            title=indicator.title,
            definition=indicator.definition,
            source=indicator.source.description,
            latest=indicator.source.latest,
            released=indicator.source.released,
        )

    if section.indicators:
        groups = [("", [row(context.indicators[i]) for i in section.indicators])]
    else:
        groups = [
            (name, [row(i) for i in context.indicators.values() if i.group == name])
            for name in section.groups
        ]
    return v.CatalogueView(
        section.kind, section.id, section.title, section.page, groups
    )

"""Assemble a scorecard: every section of a layout worked out for one edition month.

This is the assessment stage: it reads the loaded project (catalogue, figures,
targets, benchmarks, commentary) and decides what each cell shows, using the
rules in :mod:`scorecards.assess.rules`. It reads no files and renders nothing.
"""

from __future__ import annotations

import logging
import re

from scorecards.assess import view as v
from scorecards.assess.checks import JumpRule
from scorecards.assess.comparison import comparison
from scorecards.assess.context import Context
from scorecards.assess.formatting import format_number, missing_text
from scorecards.assess.kpi import kpi_table
from scorecards.assess.rules import Rag
from scorecards.catalogue.layout import (
    ActivityBlock,
    ActivitySection,
    CatalogueSection,
    CommentarySection,
    ComparisonSection,
    GuidanceSection,
    KpiTable,
)
from scorecards.catalogue.models import Indicator, Unit
from scorecards.catalogue.project import Commentary, Project
from scorecards.periods import (
    Month,
    Period,
    periods_ending,
)
from scorecards.store.figures import FigureSet, Missing

log = logging.getLogger(__name__)

RAG_ORDER = (Rag.RED, Rag.AMBER, Rag.GREEN)
NOT_RATED = "NOT RATED"


def assemble(
    project: Project,
    month: Month,
    *,
    draft: bool = True,
    layout: str | None = None,
    previous: FigureSet | None = None,
    new_since_previous: set[tuple[str, str, str]] | None = None,
    area: str = "",
) -> v.ScorecardView:
    """Work out the scorecard of ``layout`` (the project's default) for ``month``.

    ``previous`` holds the figures the previous edition showed, so that revised
    cells say what they were; ``new_since_previous`` the keys (indicator, period,
    area) of figures that arrived since it. Both are None without edition history.
    ``area`` names an area or district for its own scorecard ("" the authority).
    """
    chosen = project.layouts[layout or project.config.scorecard.layout]
    settings = project.config.scorecard
    context = Context(
        month=month,
        indicators=project.indicators,
        figures=project.figures,
        targets={(t.indicator, t.year, t.basis): t for t in project.targets},
        benchmarks=project.benchmarks,
        # the analyst's text is about the authority; an area's scorecard has drafts
        commentary=Commentary() if area else project.commentary_for(month),
        jump_rule=JumpRule(
            factor=project.config.checks.jump_factor,
            history=project.config.checks.jump_history,
        ),
        previous=previous,
        new_since_previous=new_since_previous,
        area=area,
    )

    tables = {
        s.id: kpi_table(s, context) for s in chosen.sections if isinstance(s, KpiTable)
    }
    rows = [row for table in tables.values() for row in table.rows]
    if rows and all(row.latest.value is None for row in rows):
        context.warn(
            f"no KPI table has a figure for its latest period at {month}: check the "
            "month, and that the figures were loaded or computed"
        )
    sections: list[v.SectionView] = []
    for section in chosen.sections:
        if isinstance(section, KpiTable):
            sections.append(tables[section.id])
        elif isinstance(section, ActivitySection):
            sections.append(_activity(section, context))
        elif isinstance(section, CommentarySection):
            sections.append(_commentary(section, tables, context))
        elif isinstance(section, ComparisonSection):
            config = project.config
            sections.append(
                comparison(section, context, config.areas, config.publication)
            )
        elif isinstance(section, GuidanceSection):
            sections.append(_guidance(section, list(tables.values())))
        else:
            sections.append(_catalogue(section, context))

    edition = project.config.editions.get(str(month))
    return v.ScorecardView(
        title=f"{settings.name} - {area}" if area else settings.name,
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
        area=area,
    )


# --- activity page ----------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([^}]+)\}")


def _activity(section: ActivitySection, context: Context) -> v.ActivityView:
    return v.ActivityView(
        id=section.id,
        title=section.title,
        page=section.page,
        blocks=[_activity_block(block, context) for block in section.blocks],
    )


def _activity_block(block: ActivityBlock, context: Context) -> v.ActivityBlockView:
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


def _as_at(indicators: list[str], context: Context) -> Month | None:
    """The latest month, up to the edition month, with a figure for ``indicators``."""
    months = [
        p
        for ref in indicators
        for p in context.figures.periods(ref, context.area)
        if isinstance(p, Month) and p <= context.month
    ]
    return max(months) if months else None


def _activity_cell(indicator: Indicator, period: Period, context: Context) -> v.Cell:
    if not context.broken_down(indicator):
        return v.Cell(None, missing_text(Missing.NO_BREAKDOWN), str(period))
    figure = context.figure(indicator.id, period)
    if figure is None or figure.value is None:
        missing = figure.missing if figure else Missing.TO_BE_SUPPLIED
        return v.Cell(None, missing_text(missing), str(period), missing)
    thousands = indicator.unit is Unit.COUNT
    return v.Cell(
        figure.value,
        format_number(figure.value, indicator.precision, thousands),
        str(period),
    )


def _activity_text(indicator: str, as_at: Month | None, context: Context) -> str:
    if as_at is None:
        return "N/A"
    return _activity_cell(context.indicators[indicator], as_at, context).text or "N/A"


# --- commentary -------------------------------------------------------------


def _commentary(
    section: CommentarySection, tables: dict[str, v.KpiTableView], context: Context
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
        covers=list(section.covers),
        print_mode=section.print,
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


def _guidance(section: GuidanceSection, tables: list[v.KpiTableView]) -> v.GuidanceView:
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
        method_notes=[(t.title, t.method_text) for t in tables],
    )


def _catalogue(section: CatalogueSection, context: Context) -> v.CatalogueView:
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

"""The scorecard as one self-contained HTML page, for a browser or for the PDF.

The page is laid out by Jinja2 templates in ``publish/templates``; the CSS is
inlined, so the file needs nothing beside it. Every text comes from the view and
is escaped, by the templates or, inside charts, by :mod:`scorecards.publish.charts`,
whose SVG is the only markup inserted as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from scorecards.assess.view import KpiTableView, ScorecardView
from scorecards.publish import charts

SECTION_KINDS = (
    "guidance",
    "activity",
    "kpi_table",
    "commentary",
    "comparison",
    "sources",
    "definitions",
)

# Comments that the PDF's HTML carries so that its pages can be laid out in parts:
# the pages lie between PAGES_BEGIN and PAGES_END, and NEW_PAGE comes before each
# section that starts a page of its own.
PAGES_BEGIN = "<!-- scorecards: pages -->"
PAGES_END = "<!-- scorecards: end of pages -->"
NEW_PAGE = "<!-- scorecards: new page -->"

TREND_HEADINGS = {
    "month": "Monthly Trends",
    "quarter": "Quarterly Trends",
    "year": "Annual Trends",
}


def render_html(view: ScorecardView, *, for_pdf: bool = False) -> str:
    """Lay the scorecard out as a single HTML document.

    Args:
        view: the scorecard, fully worked out by the assembly.
        for_pdf: lay out for WeasyPrint: a DRAFT watermark on every page
            instead of a banner at the top.

    Returns:
        The page, with its CSS inlined.

    Raises:
        NotImplementedError: a section is of a kind no template lays out.

    >>> from scorecards.assess.view import ScorecardView
    >>> view = ScorecardView(
    ...     title="A & B", organisation="", department="", produced_by="",
    ...     authority="", month="2020-05", month_label="May 2020",
    ...     publication_date="", draft=False, sections=[], warnings=[],
    ... )
    >>> "<title>A &amp; B – May 2020</title>" in render_html(view)
    True
    """
    for section in view.sections:
        if section.kind not in SECTION_KINDS:
            raise NotImplementedError(
                f"cannot render a section of kind {section.kind!r} "
                f"(section {section.id!r}); supported: {', '.join(SECTION_KINDS)}"
            )

    template = _environment().get_template("scorecard.html.j2")
    return template.render(view=view, for_pdf=for_pdf)


def render_footers(view: ScorecardView, pages: int) -> str:
    """``pages`` blank PDF pages with the scorecard's running footers: its title
    and month, and "Page n of N", on every page but the first (the cover)."""
    template = _environment().get_template("footers.html.j2")
    return template.render(title=view.title, month=view.month_label, pages=pages)


def trend_heading(frequency: str) -> str:
    """The heading over a KPI table's trend columns: "Monthly Trends" for "month"."""
    return TREND_HEADINGS.get(frequency, "Trends")


def table_has_provisional(table: KpiTableView) -> bool:
    """Whether any figure the table shows is provisional, so it needs the "p" note."""
    for row in table.rows:
        cells = [*row.trend, row.latest]
        if row.previous is not None:
            cells.append(row.previous.outturn)
        if any(cell.provisional for cell in cells):
            return True
    return False


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("scorecards", "publish/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["trend_heading"] = trend_heading
    env.globals["table_has_provisional"] = table_has_provisional
    env.globals["PAGES_BEGIN"] = Markup(PAGES_BEGIN)
    env.globals["PAGES_END"] = Markup(PAGES_END)
    env.globals["NEW_PAGE"] = Markup(NEW_PAGE)
    # The chart functions escape every text they are given, so what they return
    # may go into the page as it is.
    for draw in (charts.sparkline, charts.trend_chart, charts.spc_chart):
        env.globals[draw.__name__] = _markup(draw)
    env.globals["spc_legend"] = _markup(charts.spc_legend)
    env.globals["spc_summary"] = charts.spc_summary
    env.globals["spc_notes"] = charts.spc_notes
    env.filters["embed"] = embed
    return env


def embed(svg: str, for_pdf: bool) -> Markup:
    """A chart as it goes into the page: inline SVG on the screen, the same SVG as
    an image in the PDF (see :func:`scorecards.publish.charts.as_image`)."""
    return Markup(charts.as_image(svg) if for_pdf else svg)


def _markup(draw: Callable[..., str]) -> Callable[..., Markup]:
    """``draw`` with its SVG marked safe, for a template that autoescapes."""

    def safe(*args: object, **kwargs: object) -> Markup:
        return Markup(draw(*args, **kwargs))

    return safe

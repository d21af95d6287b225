"""What a scorecard shows, fully worked out, ready for any renderer.

The assembly (:mod:`scorecards.assess.scorecard`) fills these from the project
and its figures; HTML, PDF, JSON and Excel renderers only lay them out. Every
``text`` field is plain text: renderers escape it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scorecards.assess.rules import Direction, Rag
from scorecards.store.figures import Missing


@dataclass(frozen=True)
class Cell:
    """A figure as shown: its value, its text, and why it is empty if it is."""

    value: float | None
    text: str
    period: str = ""
    missing: Missing | None = None
    provisional: bool = False
    italic: bool = False  # the figure is from a previous reporting year
    revised_from: str = ""  # the value the previous edition showed, where revised
    suppressed: str = ""  # why the figure is hidden to protect small numbers


@dataclass(frozen=True)
class BenchmarkCell:
    label: str
    comparator: str  # which comparator supplied the figure, "" when none did
    period: str
    value: float | None
    text: str


@dataclass(frozen=True)
class PreviousYear:
    """The previous reporting year's outturn, target and RAG."""

    year: str
    outturn: Cell
    target: float | None
    target_text: str
    rag: Rag | None


@dataclass(frozen=True)
class SpcPointView:
    period: str
    label: str
    value: float | None
    rules: list[str]  # the special-cause rules the point breaks
    variation: str  # "" where the point has no figure


@dataclass(frozen=True)
class SpcSegmentView:
    """Process limits of one stretch of the chart (a rebase starts a new one)."""

    start: int  # index into the points
    stop: int  # exclusive
    mean: float | None
    lower: float | None
    upper: float | None
    lower_two_sigma: float | None
    upper_two_sigma: float | None


@dataclass(frozen=True)
class SpcView:
    """An XmR chart's content and what the latest point says."""

    indicator: str  # the indicator charted (may hold the underlying monthly figures)
    points: list[SpcPointView]
    segments: list[SpcSegmentView]
    target: float | None
    variation: str  # VariationIcon value, "" where there is no figure
    variation_text: str
    assurance: str  # AssuranceIcon value
    assurance_text: str
    warnings: list[str]


@dataclass(frozen=True)
class KpiRowView:
    section: str
    indicator: str
    code: str | None  # the printed code, None where the source prints none
    title: str
    polarity: str  # "H", "L", "T" or ""
    data_period: str
    unit: str
    precision: int
    qpr: bool
    business_plan: bool
    trend: list[Cell]
    latest: Cell
    direction: Direction | None
    compared_with: str  # the period the direction compares with, "" for none
    target_year: str
    target: float | None
    target_text: str
    band_text: str  # T only: "17.5 - 22.5"
    rag: Rag | None
    previous: PreviousYear | None
    next_target: float | None
    next_target_text: str
    benchmarks: list[BenchmarkCell]
    direction_note: str = ""  # the method's own word, e.g. "no clear trend"
    spc: SpcView | None = None
    new_data: bool = True  # the latest figure arrived since the previous edition


@dataclass(frozen=True)
class KpiTableView:
    kind = "kpi_table"
    id: str
    title: str
    page: str
    frequency: str
    period_labels: list[str]  # one per trend column, oldest first
    latest_period: str
    latest_heading: str
    target_year: str
    previous_year: str | None  # the year of the previous-year columns, if shown
    next_year: str | None  # the year of the next-target column, if shown
    benchmark_headings: list[tuple[str, str]]  # (label, note)
    rows: list[KpiRowView]
    direction_method: str = "previous"
    method_text: str = ""  # the sentence naming the direction-of-travel method
    spc_icons: bool = False
    sparklines: bool = False
    spc_charts: bool = False
    note: str = ""  # the layout's note, shown under the section's title


@dataclass(frozen=True)
class ActivityLineView:
    label: str  # for list items; "" for headline lines
    text: str  # the figure as shown (list) or the whole line (headline)
    suffix: str = ""
    indent: bool = False


@dataclass(frozen=True)
class ActivityBlockView:
    kind: str  # headline | list | trend | note
    title: str
    as_at: str  # "May 2020", or "" where the block has no figure
    lines: list[ActivityLineView] = field(default_factory=list)
    points: list[tuple[str, Cell]] = field(default_factory=list)  # trend: (label, cell)
    text: str = ""


@dataclass(frozen=True)
class ActivityView:
    kind = "activity"
    id: str
    title: str
    page: str
    blocks: list[ActivityBlockView]


@dataclass(frozen=True)
class Paragraph:
    indicator: str
    code: str | None
    title: str
    rag: Rag | None
    text: str
    drafted: bool = False  # True where the text was drafted, not written by an analyst


@dataclass(frozen=True)
class CommentaryView:
    kind = "commentary"
    id: str
    title: str
    page: str
    intro: list[str]
    groups: list[tuple[str, list[Paragraph]]]  # ("RED", [...]), ... in print order
    covers: list[str] = field(default_factory=list)
    print_mode: str = "written"


@dataclass(frozen=True)
class ComparisonRowView:
    area: str
    level: str  # "area" or "district"
    parent: str  # the area a district belongs to; "" for an area
    latest: Cell
    count: Cell  # the count behind the figure: the value or the numerator
    rag: Rag | None
    direction: Direction | None


@dataclass(frozen=True)
class ComparisonTableView:
    indicator: str
    code: str | None
    title: str
    polarity: str
    period: str  # the period compared, e.g. "May-20"
    authority: Cell
    authority_rag: Rag | None
    target_year: str
    target_text: str
    rows: list[ComparisonRowView]
    note: str  # e.g. "not available by district"


@dataclass(frozen=True)
class ComparisonView:
    kind = "comparison"
    id: str
    title: str
    page: str
    tables: list[ComparisonTableView]
    suppression_note: str  # how small numbers were protected, "" when they were not
    note: str = ""  # the layout's note, shown under the section's title


@dataclass(frozen=True)
class KeyEntry:
    key: str
    meaning: str


@dataclass(frozen=True)
class GuidanceView:
    kind = "guidance"
    id: str
    title: str
    page: str
    notes: list[str]
    keys: list[tuple[str, list[KeyEntry]]]  # ("POLARITY", [...]), ...
    contacts: list[dict[str, str]]
    emails: list[str]
    method_notes: list[tuple[str, str]] = field(default_factory=list)  # (table, text)


@dataclass(frozen=True)
class CatalogueRow:
    code: str | None
    title: str
    definition: str
    source: str
    latest: str
    released: str


@dataclass(frozen=True)
class CatalogueView:
    kind: str  # "sources" or "definitions"
    id: str
    title: str
    page: str
    groups: list[tuple[str, list[CatalogueRow]]]


SectionView = (
    KpiTableView
    | ActivityView
    | CommentaryView
    | ComparisonView
    | GuidanceView
    | CatalogueView
)


@dataclass(frozen=True)
class ScorecardView:
    """A whole scorecard for one edition month."""

    title: str
    organisation: str
    department: str
    produced_by: str
    authority: str
    month: str  # "2020-05"
    month_label: str  # "May 2020"
    publication_date: str
    draft: bool
    sections: list[SectionView]
    warnings: list[str]
    area: str = ""  # the area or district of a district scorecard; "" the authority
    edition_note: str = ""  # e.g. "Issue 2, reissued: KPI02 corrected"

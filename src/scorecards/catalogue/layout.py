"""Layouts: which sections a scorecard has and what each shows."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scorecards.periods import Frequency, YearBasis


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BenchmarkColumn(_Strict):
    """A benchmark column: the first of ``comparators`` that has a figure."""

    label: str
    comparators: list[str] = Field(min_length=1)
    period: str | None = None  # None: the latest figure up to the edition month
    note: str = ""  # printed under the heading, e.g. "SN or SE"
    # computed: only benchmarks computed from published statistics (basis
    # "computed"); supplied: only those of benchmarks.csv; None: by the section's basis
    source: Literal["supplied", "computed"] | None = None


DirectionMethod = Literal["previous", "regression", "spc"]
"""How direction of travel is judged: against the previous period with a figure (the
seed's way), by a least-squares slope over the periods shown, or by SPC."""


class KpiRow(_Strict):
    """A row of a KPI table; ``title`` overrides the catalogue's for this table."""

    indicator: str
    title: str | None = None


class KpiTable(_Strict):
    """A table of indicators with their trend, target, RAG and benchmarks.

    The latest column is the latest complete period of ``frequency`` at the
    edition month, moved back ``lag`` periods. Targets are those of the year
    (on ``year_basis``) that contains the latest period, moved by
    ``target_year_offset``; the previous year's outturn is the figure for the
    last period of the year before.
    """

    kind: Literal["kpi_table"] = "kpi_table"
    id: str
    title: str
    page: str = ""
    frequency: Frequency = Frequency.MONTH
    periods: int = Field(default=7, ge=1, le=36)
    lag: int = Field(default=0, ge=0)
    year_basis: YearBasis = YearBasis.FINANCIAL
    target_year_offset: int = 0
    previous_year: bool = True
    next_target: bool = False
    latest_heading: str = "Latest"
    note: str = ""  # shown under the section's title, e.g. where figures are from
    basis: str = ""
    benchmarks: list[BenchmarkColumn] = []
    direction_method: DirectionMethod = "previous"
    spc_periods: int = Field(default=24, ge=2, le=120)
    spc_icons: bool = False
    sparklines: bool = False
    spc_charts: bool = False
    rows: list[KpiRow]

    @model_validator(mode="before")
    @classmethod
    def _rows_as_ids(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("rows"), list):
            rows = [{"indicator": r} if isinstance(r, str) else r for r in data["rows"]]
            data = {**data, "rows": rows}
        return data


class ActivityItem(_Strict):
    label: str
    indicator: str
    suffix: str = ""
    indent: bool = False


class ActivityBlock(_Strict):
    """One block of the activity page.

    - ``headline``: ``lines`` of text where ``{ID}`` is replaced by the figure;
    - ``list``: labelled figures;
    - ``trend``: one indicator over the ``periods`` months to the edition month;
    - ``note``: plain ``text``.
    """

    kind: Literal["headline", "list", "trend", "note"]
    title: str = ""
    lines: list[str] = []
    items: list[ActivityItem] = []
    indicator: str | None = None
    periods: int = Field(default=6, ge=1, le=36)
    text: str = ""


class ActivitySection(_Strict):
    kind: Literal["activity"]
    id: str
    title: str
    page: str = ""
    blocks: list[ActivityBlock]


class CommentarySection(_Strict):
    """Commentary on the rated rows of ``covers``, grouped RED, AMBER, GREEN."""

    kind: Literal["commentary"]
    id: str
    title: str
    page: str = ""
    covers: list[str]
    print: Literal["written", "all", "new"] = "written"
    """Which rated rows get a paragraph: ``written`` only those an analyst wrote,
    ``all`` every rated row (drafted where no text was written), ``new`` those with
    text or with a figure that is new since the previous edition."""


class ComparisonSection(_Strict):
    """Each of ``indicators`` across every district (grouped by area), beside the
    authority's figure and target, with a RAG for each district."""

    kind: Literal["comparison"]
    id: str
    title: str
    page: str = ""
    indicators: list[str]
    frequency: Frequency = Frequency.MONTH
    lag: int = Field(default=0, ge=0)
    year_basis: YearBasis = YearBasis.FINANCIAL
    note: str = ""  # shown under the section's title
    basis: str = ""


class GuidanceSection(_Strict):
    kind: Literal["guidance"]
    id: str = "guidance"
    title: str = "Guidance Notes"
    page: str = ""
    notes: list[str] = []
    contacts: list[dict[str, str]] = []
    emails: list[str] = []
    scorecards: dict[str, str] = {}
    abbreviations: dict[str, str] = {}


class CatalogueSection(_Strict):
    """The data sources or definitions page: indicators of ``groups`` in catalogue
    order, or ``indicators`` in the order given."""

    kind: Literal["sources", "definitions"]
    id: str
    title: str
    page: str = ""
    groups: list[str] = []
    indicators: list[str] = []


Section = Annotated[
    KpiTable
    | ActivitySection
    | CommentarySection
    | ComparisonSection
    | GuidanceSection
    | CatalogueSection,
    Field(discriminator="kind"),
]


class Layout(_Strict):
    """A scorecard's sections in the order they are printed."""

    id: str
    title: str
    sections: list[Section]

    @model_validator(mode="after")
    def _unique_ids(self) -> Layout:
        seen: set[str] = set()
        for section in self.sections:
            if section.id in seen:
                raise ValueError(f"section id {section.id!r} is used twice")
            seen.add(section.id)
        tables = {s.id for s in self.sections if isinstance(s, KpiTable)}
        for section in self.sections:
            if isinstance(section, CommentarySection):
                unknown = [c for c in section.covers if c not in tables]
                if unknown:
                    raise ValueError(
                        f"commentary {section.id!r} covers {unknown}, which are not "
                        f"KPI tables of this layout; expected some of {sorted(tables)}"
                    )
        return self

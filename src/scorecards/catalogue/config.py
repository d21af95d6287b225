"""scorecard.toml: the project's settings."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scorecards.benchmarks.mapping import BenchmarkSettings


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ScorecardSettings(_Strict):
    name: str
    organisation: str = ""
    department: str = ""
    produced_by: str = ""
    layout: str = Field(description="file name under layouts/, without .yaml")
    authority: str = "Authority"


class EditionSettings(_Strict):
    publication_date: str = ""


class StoreSettings(_Strict):
    path: str = "store.duckdb"


class OutputSettings(_Strict):
    formats: list[str] = ["html", "pdf", "json"]
    dir: str = "out"


class CheckSettings(_Strict):
    """The jump check: warn when a figure's change from the previous period exceeds
    ``jump_factor`` times the median absolute change of the last ``jump_history``
    periods."""

    jump_factor: float = Field(default=3.0, gt=0)
    jump_history: int = Field(default=12, ge=2)


class AreaSettings(_Strict):
    """An area of the authority and the districts it is made of."""

    name: str
    districts: list[str] = []


class PublicationSettings(_Strict):
    """Protection of small numbers in outputs that show districts."""

    suppress_below: int = Field(default=5, ge=1)
    suppression: bool = True


class EngineSettings(_Strict):
    """The ``[engine]`` table: where the measures run, as a URL (duckdb://,
    postgresql://..., spark://local[2]; see docs/engines.md). ``--engine``
    overrides it."""

    url: str = "duckdb://"


class ProjectConfig(_Strict):
    """The whole of scorecard.toml."""

    scorecard: ScorecardSettings
    store: StoreSettings = StoreSettings()
    output: OutputSettings = OutputSettings()
    editions: dict[str, EditionSettings] = {}
    checks: CheckSettings = CheckSettings()
    benchmarks: BenchmarkSettings | None = None
    areas: list[AreaSettings] = []
    publication: PublicationSettings = PublicationSettings()
    engine: EngineSettings = EngineSettings()

    @model_validator(mode="after")
    def _areas_unique(self) -> ProjectConfig:
        names = [self.scorecard.authority]
        for area in self.areas:
            names += [area.name, *area.districts]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(
                f"area and district names must be unique; repeated: {repeated}"
            )
        return self

    def level_of(self, area: str) -> str:
        """The level of a name of the hierarchy: authority, area or district."""
        if area in ("", self.scorecard.authority):
            return "authority"
        if any(a.name == area for a in self.areas):
            return "area"
        if any(area in a.districts for a in self.areas):
            return "district"
        raise ValueError(f"{area!r} is not an area or district of the project")

    def area_names(self) -> list[str]:
        """Every area and district, each area followed by its districts."""
        return [name for a in self.areas for name in (a.name, *a.districts)]

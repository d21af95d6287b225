"""scorecard.toml: the project's settings."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

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


class ProjectConfig(_Strict):
    """The whole of scorecard.toml."""

    scorecard: ScorecardSettings
    checks: CheckSettings = CheckSettings()
    benchmarks: BenchmarkSettings | None = None
    store: StoreSettings = StoreSettings()
    output: OutputSettings = OutputSettings()
    editions: dict[str, EditionSettings] = {}

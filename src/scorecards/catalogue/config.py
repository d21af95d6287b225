"""scorecard.toml: the project's settings."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


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


class ProjectConfig(_Strict):
    """The whole of scorecard.toml."""

    scorecard: ScorecardSettings
    store: StoreSettings = StoreSettings()
    output: OutputSettings = OutputSettings()
    editions: dict[str, EditionSettings] = {}

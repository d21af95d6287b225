"""What changed between two editions' scorecards: figures, RAG moves and arrows.

Works on the scorecard JSON that editions freeze (see
:func:`scorecards.publish.json_output.to_data`), so any two editions can be
compared, however old, without recomputing either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FigureChange:
    """A period shown in both editions whose figure differs."""

    section: str
    indicator: str
    period: str
    before: str
    after: str


@dataclass(frozen=True)
class Move:
    """A row whose RAG or direction of travel differs between the editions."""

    section: str
    indicator: str
    before: str
    after: str


@dataclass(frozen=True)
class ScorecardDiff:
    figures: list[FigureChange]
    rag: list[Move]
    arrows: list[Move]
    added: list[tuple[str, str]]  # (section, indicator) rows only in the later edition
    removed: list[tuple[str, str]]  # rows only in the earlier edition


def compare(earlier: dict[str, Any], later: dict[str, Any]) -> ScorecardDiff:
    """Compare two scorecards' rows by section and indicator.

    A figure counts as changed when the same period appears in both and its text
    differs; a RAG or arrow change when the rated row's value differs.
    """
    before = _rows(earlier)
    after = _rows(later)
    figures: list[FigureChange] = []
    rag: list[Move] = []
    arrows: list[Move] = []

    for key in [k for k in after if k in before]:
        old, new = before[key], after[key]
        old_cells = {c["period"]: c["text"] for c in _cells(old)}
        for cell in _cells(new):
            was = old_cells.get(cell["period"])
            if was is not None and was != cell["text"]:
                figures.append(FigureChange(*key, cell["period"], was, cell["text"]))
        if (old["rag"] or "") != (new["rag"] or ""):
            rag.append(Move(*key, old["rag"] or "not rated", new["rag"] or "not rated"))
        if (old["direction"] or "") != (new["direction"] or ""):
            arrows.append(
                Move(*key, old["direction"] or "none", new["direction"] or "none")
            )

    return ScorecardDiff(
        figures=figures,
        rag=rag,
        arrows=arrows,
        added=[k for k in after if k not in before],
        removed=[k for k in before if k not in after],
    )


def _rows(scorecard: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(row["section"], row["indicator"]): row for row in scorecard["rows"]}


def _cells(row: dict[str, Any]) -> list[dict[str, Any]]:
    cells = list(row["trend"])
    if row.get("previous"):
        cells.append(row["previous"]["outturn"])
    return [c for c in cells if c.get("period")]

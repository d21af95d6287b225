"""The scorecard as JSON, for other tools to check and reuse."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from scorecards.assess.view import KpiTableView, ScorecardView

FORMAT_VERSION = 1


def to_data(view: ScorecardView) -> dict[str, Any]:
    """The view as plain data: scorecard details, sections, and every assessed row.

    ``rows`` repeats the KPI rows of all sections in one flat list, each naming
    its section, so that a consumer need not walk the sections.
    """
    sections = []
    for section in view.sections:
        data = _plain(section)
        sections.append({"kind": section.kind, **data})
    rows = [
        _row(row)
        for section in view.sections
        if isinstance(section, KpiTableView)
        for row in section.rows
    ]
    meta = {
        f.name: getattr(view, f.name)
        for f in dataclasses.fields(view)
        if f.name not in {"sections", "warnings"}
    }
    return {
        "format_version": FORMAT_VERSION,
        "scorecard": meta,
        "warnings": list(view.warnings),
        "rows": rows,
        "sections": sections,
    }


def _row(row: Any) -> dict[str, Any]:
    data = _plain(row)
    data["direction_arrow"] = row.direction.arrow if row.direction else ""
    return data


def _plain(obj: Any) -> Any:
    return dataclasses.asdict(obj)


def render_json(view: ScorecardView) -> str:
    return json.dumps(to_data(view), indent=2, ensure_ascii=False) + "\n"

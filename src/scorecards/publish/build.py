"""Build a scorecard's outputs for one month, all or nothing.

Outputs are written into a temporary folder beside the destination and moved
into place only when every format has rendered, so a failure leaves no output
file behind, complete or partial.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scorecards.assess.scorecard import assemble
from scorecards.assess.view import ScorecardView
from scorecards.catalogue.project import Project
from scorecards.errors import InputError, problem
from scorecards.periods import Month

log = logging.getLogger(__name__)

FORMATS = ("html", "pdf", "json")


@dataclass(frozen=True)
class BuildResult:
    view: ScorecardView
    paths: list[Path]


def check_formats(formats: list[str]) -> list[str]:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise InputError(
            problem(
                "--format",
                f"unknown format(s) {unknown}; expected some of {list(FORMATS)}",
            )
        )
    return formats


def build(
    project: Project,
    month: Month,
    out_dir: Path | None = None,
    formats: list[str] | None = None,
    *,
    draft: bool = True,
    layout: str | None = None,
) -> BuildResult:
    """Assess and render ``project`` for ``month`` into ``out_dir``.

    ``layout`` names a file under layouts/ (default: the project's layout).
    """
    formats = check_formats(formats or project.config.output.formats)
    out_dir = out_dir or project.root / project.config.output.dir
    if layout is not None and layout not in project.layouts:
        raise InputError(
            problem(
                "--layout",
                f"no layout {layout!r}; expected one of {sorted(project.layouts)}",
            )
        )
    view = assemble(project, month, draft=draft, layout=layout)
    stem = f"{project.layouts[layout or project.config.scorecard.layout].id}-{month}"

    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=out_dir))
    try:
        staged = [_render(fmt, view, staging / f"{stem}.{fmt}") for fmt in formats]
        paths = []
        for path in staged:
            final = out_dir / path.name
            os.replace(path, final)
            paths.append(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(view, paths)


def _render(fmt: str, view: ScorecardView, path: Path) -> Path:
    started = time.perf_counter()
    _writer(fmt)(view, path)
    log.info("wrote %s in %.2f s", path.name, time.perf_counter() - started)
    return path


def _writer(fmt: str) -> Callable[[ScorecardView, Path], None]:
    """The writer of one format, imported only when that format is asked for."""
    if fmt == "pdf":
        from scorecards.publish.pdf import write_pdf

        return write_pdf
    from scorecards.publish.html import render_html
    from scorecards.publish.json_output import render_json

    render: Callable[[ScorecardView], str] = (
        render_html if fmt == "html" else render_json
    )

    def write(view: ScorecardView, path: Path) -> None:
        path.write_text(render(view), encoding="utf-8")

    return write
